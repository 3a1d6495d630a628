"""`pizhu eval`, `pizhu reextract` and `pizhu export` on the imported seeds, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.store.db import Store
from pizhu.store.records import Change

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "seeds-gold.jsonl"


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "seeds.db"
    result = CliRunner().invoke(main, ["import", str(ROOT / "seeds"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_eval_scores_the_seeds_against_the_gold(seeded_db: Path) -> None:
    result = CliRunner().invoke(main, ["eval", str(GOLD), "--db", str(seeded_db), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["labels"]["FIGURE"]["f1"] >= 0.97
    assert scores["labels"]["DATE"]["f1"] >= 0.97
    assert scores["figure_attrs"]["accuracy"] >= 0.98
    assert scores["labels"]["FIGURE"]["tp"] + scores["labels"]["FIGURE"]["fn"] == 129
    table = CliRunner().invoke(main, ["eval", str(GOLD), "--db", str(seeded_db)])
    assert "FIGURE value/unit/approx right" in table.stdout


def test_eval_refuses_a_file_that_is_not_jsonl(tmp_path: Path, seeded_db: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text("{not json\n", "utf-8")
    result = CliRunner().invoke(main, ["eval", str(bad), "--db", str(seeded_db)])
    assert result.exit_code == 1
    assert result.stderr.startswith("pizhu: error:") and "not a JSONL gold file" in result.stderr


def test_reextract_keeps_every_decision(tmp_path: Path, seeded_db: Path) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(seeded_db.read_bytes())
    with Store(db) as store:
        doc_id = store.document_ids()[0]
        spans = store.spans(doc_id, "ann")
        figure = next(s for s in spans if s.label == "FIGURE")
        date = next(s for s in spans if s.label == "DATE")
        store.decide(figure.id, "ann", Change("reject"))
        store.decide(date.id, "ann", Change("boundary", end=date.end - 1))
        added = store.add_span(doc_id, "ann", 0, 2, "ORG")
        before = len(store.spans(doc_id, "ann"))
    result = CliRunner().invoke(main, ["reextract", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        after = {s.id: s for s in store.spans(doc_id, "ann")}
        assert after[figure.id].status == "rejected"
        assert after[date.id].status == "corrected" and after[date.id].end == date.end - 1
        assert after[added.id].status == "added"
        # nothing proposed twice: no second span at the rejected or corrected places
        places = [(s.start, s.end, s.label) for s in after.values()]
        assert places.count((figure.start, figure.end, "FIGURE")) == 1
        assert len(after) == before


def test_export_jsonl_spans_slice_the_text(tmp_path: Path, seeded_db: Path) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(seeded_db.read_bytes())
    with Store(db) as store:
        doc_id = store.document_ids()[0]
        first = store.spans(doc_id, "ann")[0]
        store.decide(first.id, "ann", Change("confirm"))
    out = tmp_path / "gold.jsonl"
    # Not one report is finished: by default nothing goes out, and stderr says so in one line.
    result = CliRunner().invoke(main, ["export", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8") == ""
    assert result.stderr == "exported 0 report(s); left out 6 unfinished report(s) (--unfinished adds them)\n"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--unfinished", "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 6 and not any(r["done"] for r in records)
    gold = [span for record in records for span in record["spans"]]
    assert [(s["text"], s["status"], s["reviewers"]) for s in gold] == [(first.text, "confirmed", ["ann"])]
    everything = CliRunner().invoke(main, ["export", "--db", str(db), "--all"])
    for line in everything.stdout.splitlines():
        record = json.loads(line)
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]


def test_eval_counts_only_the_reports_its_gold_covers(tmp_path: Path) -> None:
    """Before: FIGURE precision fell from 1.000 (the seeds alone) once another report was
    imported, its candidates counted as false alarms against a gold that never covered it."""
    root = Path(__file__).resolve().parents[2]
    gold = root / "tests" / "data" / "seeds-gold.jsonl"
    db = tmp_path / "t.db"
    assert CliRunner().invoke(main, ["import", str(root / "seeds"), "--db", str(db)]).exit_code == 0
    alone = json.loads(CliRunner().invoke(main, ["eval", str(gold), "--db", str(db), "--json"]).stdout)
    other = tmp_path / "other.txt"
    other.write_text("某某市政协2023年工作报告\n全年召开会议12次，提交提案120件，走访群众300余人次。\n", "utf-8")
    assert CliRunner().invoke(main, ["import", str(other), "--db", str(db)]).exit_code == 0
    both = json.loads(CliRunner().invoke(main, ["eval", str(gold), "--db", str(db), "--json"]).stdout)
    assert both["labels"] == alone["labels"]
    assert alone["labels"]["FIGURE"]["tp"] > 0


def test_eval_counts_a_false_span_where_the_gold_has_none_of_its_label_unless_a_coverage_says(
    tmp_path: Path, seeded_db: Path
) -> None:
    """Before: the seeds' FIGURE/DATE gold with one report's DATE rows taken out still scored
    DATE precision 1.000: that report's DATE candidates were not counted at all."""
    rows = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    first = sorted({row["doc"] for row in rows})[0]
    folder = tmp_path / "gold"
    folder.mkdir()
    gold = folder / "gold.jsonl"
    gold.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows if (r["doc"], r["label"]) != (first, "DATE")),
        "utf-8",
    )
    dates_there = sum(1 for r in rows if (r["doc"], r["label"]) == (first, "DATE"))
    assert dates_there
    whole = json.loads(CliRunner().invoke(main, ["eval", str(GOLD), "--db", str(seeded_db), "--json"]).stdout)
    cut = json.loads(CliRunner().invoke(main, ["eval", str(gold), "--db", str(seeded_db), "--json"]).stdout)
    assert cut["labels"]["DATE"]["fp"] >= whole["labels"]["DATE"]["fp"] + dates_there - 1
    # A coverage.json beside the gold says that report was labelled for FIGURE only.
    others = {doc: "*" for doc in {row["doc"] for row in rows} - {first}}
    (folder / "coverage.json").write_text(json.dumps({first: ["FIGURE"], **others}), "utf-8")
    covered = json.loads(CliRunner().invoke(main, ["eval", str(gold), "--db", str(seeded_db), "--json"]).stdout)
    assert covered["labels"]["DATE"]["fp"] <= whole["labels"]["DATE"]["fp"]
    assert covered["labels"]["FIGURE"] == whole["labels"]["FIGURE"]
    # Reports it does not name do not count.
    (folder / "coverage.json").write_text(json.dumps({first: ["FIGURE"]}), "utf-8")
    alone = json.loads(CliRunner().invoke(main, ["eval", str(gold), "--db", str(seeded_db), "--json"]).stdout)
    assert "DATE" not in alone["labels"]
    assert alone["labels"]["FIGURE"]["tp"] < whole["labels"]["FIGURE"]["tp"]
    (folder / "coverage.json").write_text('{"x.txt": ["PLACE"]}', "utf-8")
    bad = CliRunner().invoke(main, ["eval", str(gold), "--db", str(seeded_db)])
    assert bad.exit_code == 1 and "unknown label(s)" in bad.stderr and "\n" not in bad.stderr.strip()
