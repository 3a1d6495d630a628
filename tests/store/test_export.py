"""Every export format: round trips, the offset invariant, filters, and brat's folder safety."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store.db import Store
from pizhu.store.export import (
    ExportFilter,
    brat_stem,
    iter_conll,
    iter_csv,
    iter_jsonl,
    non_overlapping,
    parse_brat,
    parse_conll,
    write_brat,
    write_docbin,
)
from pizhu.store.records import Change

# CRLF, OCR spaces and full-width digits: the raw text differs from the normalized one.
RAW = (
    "政协工作报告\r\n2023年 城 中 区政协工作综述\r\n\r\n一、强化政治引领\r\n"
    "全年征集社情民意４９条，捐款捐物93.35万元。召开会议12次！\r\n"
    "二、聚焦中心大局\r\n王明主席出席会议。委员提交提案１２０件？\r\n"
)
OTHER = "灵武市政协2022年工作综述\n全年开展视察调研15次。李华委员参加。\n"


def _span(text: str, sub: str, label: str, attrs: dict[str, Any] | None = None, rule: str = "r") -> Span:
    start = text.index(sub)
    return Span(start, start + len(sub), label, sub, attrs or {}, rule, 0.5)


def build(store: Store, title: str | None = None) -> tuple[int, int]:
    """Two documents; in the first: confirmed, corrected, rejected, pending and added spans."""
    draft = prepare(RAW)[0]
    if title is not None:
        draft = replace(draft, title=title)
    t = draft.text
    spans = [
        _span(t, "49条", "FIGURE", {"value": 49, "unit": "条", "approx": "exact", "metric": "社情民意"}, "fig.count"),
        _span(t, "93.35万元", "FIGURE", {"value": 933500, "unit": "元", "approx": "exact"}, "fig.money"),
        _span(t, "12次", "FIGURE", {"value": 12, "unit": "次", "approx": "exact"}, "fig.count"),
        _span(t, "2023年", "DATE", {}, "date.year"),
        _span(t, "120件", "FIGURE", {"value": 120, "unit": "件", "approx": "exact"}, "fig.count"),
        _span(t, "城中区", "GPE", {}, "gpe"),
    ]
    first = store.add_document("a.txt", "utf-8", draft, spans, "test")
    assert first is not None
    ids = {s.text: s.id for s in store.spans(first, "")}
    store.decide(ids["49条"], "wang", Change("confirm"))
    store.decide(ids["93.35万元"], "wang", Change("attrs", attrs={"value": 933500, "unit": "元", "approx": "about"}))
    store.decide(ids["12次"], "wang", Change("reject"))
    store.decide(ids["2023年"], "wang", Change("confirm"))
    store.decide(ids["城中区"], "wang", Change("boundary", end=t.index("城中区") + 5))  # 城中区政协
    store.decide(ids["城中区"], "wang", Change("label", label="ORG"))
    store.add_span(first, "wang", t.index("王明"), t.index("王明") + 2, "PERSON")
    # "120件" stays pending.
    second_draft = prepare(OTHER)[0]
    s = second_draft.text
    second = store.add_document("b.txt", "utf-8", second_draft, [_span(s, "15次", "FIGURE", {"value": 15})], "test")
    assert second is not None
    store.decide(store.spans(second, "")[0].id, "li", Change("confirm"))
    store.add_span(second, "li", s.index("李华"), s.index("李华") + 2, "PERSON")
    return first, second


@pytest.fixture
def store() -> Store:
    store = Store.memory()
    build(store)
    return store


def jsonl(store: Store, **kwargs: Any) -> list[dict[str, Any]]:
    """The records, the unfinished report 1 too unless told otherwise (these tests are about the formats)."""
    return [json.loads(line) for line in iter_jsonl(store, ExportFilter(**{"unfinished": True} | kwargs))]


# --- JSONL ---------------------------------------------------------------------------------


def test_jsonl_holds_gold_spans_and_the_offset_invariant(store: Store) -> None:
    records = jsonl(store)
    assert [r["id"] for r in records] == [1, 2]
    first = records[0]
    assert [(s["text"], s["label"], s["status"]) for s in first["spans"]] == [
        ("2023年", "DATE", "confirmed"),
        ("城中区政协", "ORG", "corrected"),
        ("49条", "FIGURE", "confirmed"),
        ("93.35万元", "FIGURE", "corrected"),
        ("王明", "PERSON", "added"),
    ]
    assert first["spans"][3]["approx"] == "about"
    assert first["spans"][2] | {"decided_at": None} == {
        "start": 40,  # 7 + 15 + 1 + 9 characters of heading lines, then 全年征集社情民意 (8)
        "end": 43,
        "label": "FIGURE",
        "text": "49条",
        "value": 49,
        "unit": "条",
        "approx": "exact",
        "metric": "社情民意",
        "tags": [],
        "status": "confirmed",
        "origin": "machine",
        "rule": "fig.count",
        "reviewers": ["wang"],
        "adjudicator": None,
        "source": "rules",
        "decided_at": None,
        "page": None,  # a text file has no pages
    }
    assert [s["heading"] for s in first["sections"]][-1] == "二、聚焦中心大局"
    for record in records + jsonl(store, include_all=True) + jsonl(store, raw_offsets=True):
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]


def test_jsonl_all_adds_pending_and_rejected(store: Store) -> None:
    record = jsonl(store, include_all=True)[0]
    # Gold stays under "spans"; the rest comes under its own key, so no consumer takes it as gold.
    assert {s["status"] for s in record["spans"]} <= {"confirmed", "corrected", "added"}
    assert [s["text"] for s in record["rejected"]] == ["12次"] and record["rejected"][0]["status"] == "rejected"
    assert "120件" in [s["text"] for s in record["candidates"]]
    assert record["disputed"] == []


def test_jsonl_filters(store: Store) -> None:
    assert [r["id"] for r in jsonl(store, documents=(2,))] == [2]
    persons = jsonl(store, labels=("PERSON",))
    assert [[s["text"] for s in r["spans"]] for r in persons] == [["王明"], ["李华"]]
    by_li = jsonl(store, reviewer="li")
    assert by_li[0]["spans"] == [] and [s["text"] for s in by_li[1]["spans"]] == ["15次", "李华"]


def test_jsonl_reimports_to_the_same_spans(store: Store) -> None:
    """Round trip: import the exported text and spans into a fresh store, export again."""
    records = jsonl(store)
    fresh = Store.memory()
    for record in records:
        draft = prepare(record["text"])[0]
        assert draft.text == record["text"]
        spans = [
            Span(s["start"], s["end"], s["label"], s["text"], {k: s[k] for k in ("value", "unit", "approx", "metric")})
            for s in record["spans"]
        ]
        fresh.add_document(record["source"], "utf-8", draft, spans, "reimport")
    again = jsonl(fresh, include_all=True)
    key = ("start", "end", "label", "text", "value", "unit", "approx", "metric")
    assert [[{k: s[k] for k in key} for s in r["candidates"]] for r in again] == [
        [{k: s[k] for k in key} for s in r["spans"]] for r in records
    ]


def test_raw_offsets_point_into_the_raw_text(store: Store) -> None:
    record = jsonl(store, raw_offsets=True)[0]
    assert record["text"] == RAW
    texts = {s["normalized_text"]: s["text"] for s in record["spans"]}
    assert texts["49条"] == "４９条"
    assert texts["城中区政协"] == "城 中 区政协"
    for span in record["spans"]:
        assert RAW[span["start"] : span["end"]] == span["text"]


def test_duplicate_added_spans_are_exported_once(store: Store) -> None:
    doc = store.document(1)
    start = doc.text.index("王明")
    store.add_span(1, "li", start, start + 2, "PERSON")
    assert [s["text"] for s in jsonl(store)[0]["spans"]].count("王明") == 1


# --- CoNLL ---------------------------------------------------------------------------------


def entities(sentences: list[list[tuple[str, str]]]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for sentence in sentences:
        for char, tag in sentence:
            if tag.startswith("B-"):
                found.append((char, tag[2:]))
            elif tag.startswith("I-"):
                assert found and found[-1][1] == tag[2:], "I- without its B-"
                found[-1] = (found[-1][0] + char, found[-1][1])
    return found


def test_conll_round_trip(store: Store) -> None:
    documents = parse_conll(io.StringIO("".join(iter_conll(store, ExportFilter(unfinished=True)))))
    assert len(documents) == 2
    first = documents[0]
    chars = "".join(c for sentence in first for c, _ in sentence)
    assert chars == "".join(store.document(1).text.split())
    assert entities(first) == [
        ("2023年", "DATE"),
        ("城中区政协", "ORG"),
        ("49条", "FIGURE"),
        ("93.35万元", "FIGURE"),
        ("王明", "PERSON"),
    ]
    # Sentences end at 。！？ or a line end.
    assert ["".join(c for c, _ in s) for s in first][:4] == [
        "政协工作报告",
        "2023年城中区政协工作综述",
        "一、强化政治引领",
        "全年征集社情民意49条，捐款捐物93.35万元。",
    ]
    for sentence in first:
        assert sentence[0][1][:2] != "I-"  # no entity is cut by a sentence break


def test_conll_keeps_the_longer_of_overlapping_spans_and_tags_gold_only(store: Store) -> None:
    doc = store.document(1)
    start = doc.text.index("召开会议12次")
    store.add_span(1, "wang", start, start + 7, "MEETING")  # contains the rejected "12次"
    store.add_span(1, "wang", start + 4, start + 7, "FIGURE")
    lines = "".join(iter_conll(store, ExportFilter(include_all=True)))
    found = entities(parse_conll(io.StringIO(lines))[0])
    assert ("召开会议12次", "MEETING") in found and ("12次", "FIGURE") not in found
    assert ("120件", "FIGURE") not in found  # pending: not gold, so O


def test_non_overlapping_prefers_longer_then_earlier() -> None:
    spans = [
        {"start": 0, "end": 2, "label": "A"},
        {"start": 1, "end": 5, "label": "B"},
        {"start": 5, "end": 7, "label": "C"},
        {"start": 6, "end": 8, "label": "D"},
    ]
    assert [s["label"] for s in non_overlapping(spans)] == ["B", "C"]


# --- CSV -----------------------------------------------------------------------------------


def test_csv_one_row_per_figure(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO("".join(iter_csv(store, ExportFilter(unfinished=True))))))
    assert [(r["document"], r["text"], r["value"], r["unit"], r["approx"], r["status"]) for r in rows] == [
        ("1", "49条", "49", "条", "exact", "confirmed"),
        ("1", "93.35万元", "933500", "元", "about", "corrected"),
        ("2", "15次", "15", "", "", "confirmed"),
    ]
    assert rows[0]["organisation"] == "城中区政协" and rows[0]["year"] == "2023"
    assert rows[0]["metric"] == "社情民意"
    assert rows[0]["section"].endswith("一、强化政治引领")
    every = list(csv.DictReader(io.StringIO("".join(iter_csv(store, ExportFilter(include_all=True))))))
    assert {(r["text"], r["status"]) for r in every} >= {("12次", "rejected"), ("120件", "pending")}
    assert list(iter_csv(store, ExportFilter(labels=("PERSON",)))) == [
        "document,organisation,year,section,metric,value,unit,approx,text,status,start,end,page,done\n"
    ]
    assert {(r["document"], r["done"]) for r in rows} == {("1", "False"), ("2", "True")}


# --- brat ----------------------------------------------------------------------------------


def test_brat_pairs_parse_back(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    write_brat(store, ExportFilter(include_all=True), folder)
    names = sorted(p.name for p in folder.iterdir())
    assert "annotation.conf" in names
    pairs = sorted(p.stem for p in folder.glob("*.ann"))
    assert len(pairs) == 2 and all((folder / f"{stem}.txt").exists() for stem in pairs)
    text = (folder / f"{pairs[0]}.txt").read_text("utf-8")
    assert text == store.document(1).text
    annotations = parse_brat((folder / f"{pairs[0]}.ann").read_text("utf-8"))
    for a in annotations:
        assert " ".join(text[s:e] for s, e in a["fragments"]) == a["text"]
    by_text = {a["text"]: a for a in annotations}
    assert by_text["12次"]["attributes"]["Status"] == "rejected"
    assert by_text["93.35万元"]["attributes"]["Approx"] == "about"
    assert "value=933500" in by_text["93.35万元"]["note"]
    assert by_text["王明"]["label"] == "PERSON"


@pytest.mark.parametrize("title", ["../../escape", "/etc/passwd", "..", "a/../../b\\c", "\x00bad\nname"])
def test_brat_never_writes_outside_its_folder(tmp_path: Path, title: str) -> None:
    store = Store.memory()
    build(store, title=title)
    folder = tmp_path / "inner" / "out"
    write_brat(store, ExportFilter(unfinished=True), folder)
    outside = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if folder not in (p, *p.parents))
    assert outside == ["inner"]
    for path in folder.iterdir():
        assert path.resolve().parent == folder.resolve()


def test_brat_replaces_a_planted_symlink_instead_of_following_it(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", "utf-8")
    stem = brat_stem({"id": 1, "title": store.document(1).title})
    (folder / f"{stem}.txt").symlink_to(victim)
    write_brat(store, ExportFilter(unfinished=True), folder)
    assert victim.read_text("utf-8") == "keep me"
    assert not (folder / f"{stem}.txt").is_symlink()


def test_brat_stem_keeps_chinese_and_drops_path_characters() -> None:
    assert brat_stem({"id": 3, "title": "../城中区/政协"}) == "0003_城中区_政协"
    assert brat_stem({"id": 12, "title": ""}) == "0012"


# --- spaCy ---------------------------------------------------------------------------------


def test_docbin_loads_with_spacy(store: Store, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    path = tmp_path / "gold.spacy"
    assert write_docbin(store, ExportFilter(include_all=True), path) == 2
    docs = list(DocBin().from_disk(path).get_docs(spacy.blank("zh").vocab))
    assert docs[0].text == store.document(1).text
    assert [(e.text, e.label_) for e in docs[0].ents] == [
        ("2023年", "DATE"),
        ("城中区政协", "ORG"),
        ("49条", "FIGURE"),
        ("93.35万元", "FIGURE"),
        ("王明", "PERSON"),
    ]
    assert {s.text for s in docs[0].spans["pizhu"]} >= {"12次", "120件"}
    record = docs[0].user_data["pizhu"]
    assert record["id"] == 1 and {s["status"] for s in record["rejected"] + record["candidates"]} == {
        "pending",
        "rejected",
    }


# --- CLI -----------------------------------------------------------------------------------


@pytest.fixture
def db_file(tmp_path: Path) -> str:
    path = tmp_path / "t.db"
    with Store(path) as store:
        build(store)
    return str(path)


@pytest.mark.parametrize("fmt", ["jsonl", "conll", "csv"])
def test_cli_text_formats_to_stdout_and_file(db_file: str, tmp_path: Path, fmt: str) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--db", db_file, "--format", fmt])
    assert result.exit_code == 0, result.output
    out = tmp_path / f"gold.{fmt}"
    result = runner.invoke(main, ["export", "--db", db_file, "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8") == runner.invoke(main, ["export", "--db", db_file, "--format", fmt]).stdout
    assert not list(tmp_path.glob(".gold*"))  # no temporary file left behind


def test_cli_brat_and_spacy_need_an_output(db_file: str, tmp_path: Path) -> None:
    runner = CliRunner()
    for fmt in ("brat", "spacy"):
        result = runner.invoke(main, ["export", "--db", db_file, "--format", fmt])
        assert result.exit_code == 1
        assert result.output.startswith("pizhu: error: --format") and result.output.count("\n") == 1
    afile = tmp_path / "file.txt"
    afile.write_text("x", "utf-8")
    result = runner.invoke(main, ["export", "--db", db_file, "--format", "brat", "-o", str(afile)])
    assert result.exit_code == 1 and "not a folder" in result.output and "Traceback" not in result.output
    result = runner.invoke(main, ["export", "--db", db_file, "--format", "brat", "-o", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "b").glob("*.ann"))) == 1  # the finished report only
    assert result.stderr.endswith("; left out 1 unfinished report(s) (--unfinished adds them)\n")


def test_cli_spacy(db_file: str, tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    out = tmp_path / "gold.spacy"
    result = CliRunner().invoke(main, ["export", "--db", db_file, "--format", "spacy", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


def test_cli_spacy_without_spacy_is_one_line(db_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)  # as if spaCy were not installed
    out = tmp_path / "gold.spacy"
    result = CliRunner().invoke(main, ["export", "--db", db_file, "--format", "spacy", "-o", str(out)])
    assert result.exit_code == 1
    assert result.output == "pizhu: error: the spacy format needs spaCy: pip install 'pizhu[spacy]'\n"
    assert not out.exists() and not list(tmp_path.glob(".gold*"))


def test_cli_export_of_a_missing_folder_is_one_line(db_file: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", db_file, "-o", str(tmp_path / "no" / "such" / "x.jsonl")])
    assert result.exit_code == 1
    assert result.output.startswith("pizhu: error:") and result.output.count("\n") == 1


# --- unfinished reports ----------------------------------------------------------------------


def test_by_default_only_finished_reports_go_out(store: Store) -> None:
    """Before: report 1 (a candidate still pending) went out as if reviewed, its pending
    candidate as "not an entity"."""
    assert [(r["id"], r["done"]) for r in jsonl(store, unfinished=False)] == [(2, True)]
    every = jsonl(store)
    assert [(r["id"], r["done"]) for r in every] == [(1, False), (2, True)]
    # The section holding the pending 120件 is not finished; the others are.
    assert [s["done"] for s in every[0]["sections"]] == [True, True, False]
    assert all(s["done"] for s in every[1]["sections"])
    # One reviewer's view: wang never touched report 2, li never report 1.
    assert jsonl(store, reviewer="wang", unfinished=False) == []
    assert [r["id"] for r in jsonl(store, reviewer="li", unfinished=False)] == [2]


def test_conll_leaves_what_nobody_decided_missing(store: Store) -> None:
    """In an unfinished section every character is the missing value "-" except the gold
    spans; before, all of it was "O", as if a reviewer had said it names nothing."""
    documents = parse_conll(io.StringIO("".join(iter_conll(store, ExportFilter(unfinished=True)))))
    first, second = documents
    tags = {c: t for sentence in first for c, t in sentence}
    last = "".join(c for c, _ in first[-2] + first[-1])
    assert last.startswith("王明") and "１２０件" not in last and "120件" in last
    assert [t for s in first[-2:] for _c, t in s][:2] == ["B-PERSON", "I-PERSON"]
    assert {t for s in first[-2:] for _c, t in s[2:] if not t.endswith("PERSON")} == {"-"}
    assert tags["全"] == "O"  # a finished section: known
    assert "-" not in {t for sentence in second for _c, t in sentence}
    finished_only = parse_conll(io.StringIO("".join(iter_conll(store, ExportFilter()))))
    assert len(finished_only) == 1 and "-" not in {t for s in finished_only[0] for _c, t in s}


def test_docbin_marks_undecided_text_missing(store: Store, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    path = tmp_path / "partial.spacy"
    assert write_docbin(store, ExportFilter(unfinished=True), path) == 2
    first, second = DocBin().from_disk(path).get_docs(spacy.blank("zh").vocab)
    last_section = first.text[first.text.index("二、") :]
    assert "".join(t.text for t in first if t.ent_iob_ == "") == last_section.replace("王明", "", 1).rstrip()
    assert [(e.text, e.label_) for e in first.ents][-1] == ("王明", "PERSON")
    assert all(t.ent_iob_ != "" for t in first if t.idx < first.text.index("二、"))
    assert all(t.ent_iob_ != "" for t in second)
    assert first.user_data["pizhu"]["done"] is False and second.user_data["pizhu"]["done"] is True


def test_spacy_reads_the_undecided_text_as_missing(store: Store, tmp_path: Path) -> None:
    """A real spaCy config and the DocBin: ``spacy debug data`` loads and validates it, and
    spaCy's own alignment (``Example.get_aligned_ner``, what NER training and ``debug data``
    read) gives the undecided tokens of the unfinished report as missing (None: no loss),
    the rest "O" or an entity. Before, every token was "O".

    (``spacy debug data`` 3.8 prints "0 missing value(s)" whatever the data: it counts the
    '-' of misaligned entity offsets and skips the None of missing values.)
    """
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin
    from spacy.training import Example

    config = tmp_path / "config.cfg"
    made = subprocess.run(
        [sys.executable, "-m", "spacy", "init", "config", str(config), "--lang", "zh", "--pipeline", "ner"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    data = tmp_path / "data.spacy"
    write_docbin(store, ExportFilter(unfinished=True), data)
    paths = ["--paths.train", str(data), "--paths.dev", str(data)]
    checked = subprocess.run(
        [sys.executable, "-m", "spacy", "debug", "data", str(config), *paths],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Corpus is loadable" in checked.stdout and "Named Entity Recognition" in checked.stdout, checked.stdout
    nlp = spacy.blank("zh")
    first, second = DocBin().from_disk(data).get_docs(nlp.vocab)
    tags = Example(nlp.make_doc(first.text), first).get_aligned_ner()
    text = first.text
    undecided = "".join(text[text.index("二、") :].replace("王明", "", 1).split())  # spaCy: a space is O
    assert "".join(t.text for t, tag in zip(first, tags, strict=True) if tag is None) == undecided
    assert set(Example(nlp.make_doc(second.text), second).get_aligned_ner()) <= {
        "O",
        "B-FIGURE",
        "I-FIGURE",
        "L-FIGURE",
        "U-FIGURE",
        "B-PERSON",
        "L-PERSON",
    }
