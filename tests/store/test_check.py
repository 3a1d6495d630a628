"""``pizhu check``: gold that contradicts itself (issue 24)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pizhu.cli import main
from pizhu.store.check import check
from pizhu.store.db import Store
from pizhu.store.importer import import_file

REVIEWER = "ann"
MARKERS = ("子丑", "寅卯", "辰巳")


def _db(tmp_path: Path, texts: list[str]) -> tuple[Path, list[int]]:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"{i}.txt").write_text(MARKERS[i] + text, "utf-8")
    db = tmp_path / "r.db"
    with Store(db) as store:
        for file in sorted(folder.iterdir()):
            import_file(store, file)
        ids = store.document_ids()
        # Every candidate rejected and a mark of its own: each report finished (before the test's
        # marks, which the live lexicon then spreads to no finished report).
        for doc, marker in zip(ids, MARKERS, strict=False):
            store.decide_many([s.id for s in store.spans(doc)], REVIEWER, "reject")
            store.add_span(doc, REVIEWER, 0, len(marker), "TITLE")
    return db, ids


def _mark(store: Store, doc: int, text: str, label: str, nth: int = 0) -> int:
    body = store.document_text(doc)
    at = -1
    for _ in range(nth + 1):
        at = body.index(text, at + 1)
    return store.add_span(doc, REVIEWER, at, at + len(text), label).id


def test_the_same_string_gold_as_two_labels_flags_the_rarer(tmp_path: Path) -> None:
    db, (a, b, c) = _db(tmp_path, ["走访青禾草堂。\n", "再访青禾草堂。\n", "三访青禾草堂。\n"])
    with Store(db) as store:
        for doc in (a, b):
            _mark(store, doc, "青禾草堂", "ORG")
        odd = _mark(store, c, "青禾草堂", "GPE")
        found = [f for f in check(store) if f.kind == "label"]
    assert [(f.span_id, f.label) for f in found] == [(odd, "GPE")]


def test_gold_here_rejected_there_and_unlabelled_elsewhere(tmp_path: Path) -> None:
    db, (a, b, c) = _db(tmp_path, ["走访青禾草堂。\n", "再访青禾草堂。\n", "三访青禾草堂,见城中区政协。\n"])
    with Store(db) as store:
        _mark(store, c, "城中区政协", "ORG")  # c was labelled for ORG
        for doc in (a, b):
            _mark(store, doc, "青禾草堂", "ORG")
        found = check(store)
    assert [(f.kind, f.document_id) for f in found] == [("unlabelled", c)]
    assert found[0].text == "青禾草堂" and found[0].span_id is None


def test_a_boundary_variant_of_a_gold_name_is_flagged(tmp_path: Path) -> None:
    db, (a, b) = _db(tmp_path, ["城中区政协召开会议。\n", "城中区政协开展调研。\n"])
    with Store(db) as store:
        _mark(store, a, "城中区政协", "ORG")
        short = _mark(store, b, "政协", "ORG")
        found = [f for f in check(store) if f.kind == "variant"]
    assert [(f.span_id, f.text) for f in found] == [(short, "政协")]
    assert "城中区政协" in found[0].detail


def test_a_consistent_gold_has_no_findings_and_the_cli_prints_json(tmp_path: Path) -> None:
    db, (a, b) = _db(tmp_path, ["城中区政协召开会议。\n", "城中区政协开展调研。\n"])
    with Store(db) as store:
        for doc in (a, b):
            _mark(store, doc, "城中区政协", "ORG")
        assert check(store) == []
    result = CliRunner().invoke(main, ["check", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"findings": []}
    result = CliRunner().invoke(main, ["check", "--db", str(db)])
    assert result.exit_code == 0 and "no contradictions" in result.stdout
