"""``pizhu check --model`` (issue 24): a gold span that a model trained without its report
reads as another label is flagged; each report is read by a model that never saw it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import pizhu.store.check_model as check_model
from bench.golddb import generated_gold_db
from pizhu.store.check_model import disagreement, folds_of, model_findings
from pizhu.store.db import Store
from pizhu.store.records import Change
from pizhu.store.train import gold_documents

pytest.importorskip("spacy")


def test_a_gold_span_read_as_another_label_by_a_model_without_its_report_is_flagged(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = tmp_path / "gold.db"
    assert generated_gold_db(db, reports=5, seed=3) > 0
    with Store(db) as store:
        relabel_first_spans(store)
        docs = {d.text: d for d in gold_documents(store).documents}
        trained_on: list[set[int]] = []
        read: list[int] = []

        def fit(tokenization: str, labels: Any, documents: Any, *rest: Any) -> tuple[set[int], int]:
            seen = {d.id for d in documents}
            trained_on.append(seen)
            return seen, 1

        def predict(nlp: set[int], text: str) -> list[tuple[int, int, str]]:
            doc = docs[text]
            assert doc.id not in nlp  # never read by a model that saw it
            read.append(doc.id)
            first = doc.flat[0]
            other = "ORG" if first.label != "ORG" else "GPE"
            # Another label on the first gold span; the second agreed; a stretch of no gold.
            return [(first.start, first.end, other), (doc.flat[1].start, doc.flat[1].end, doc.flat[1].label)]

        monkeypatch.setattr(check_model, "_fit", fit)
        monkeypatch.setattr(check_model, "predict", predict)
        findings = model_findings(store, folds=2)
    assert sorted(read) == sorted(d.id for d in docs.values())  # every report read once
    assert len(trained_on) == 2
    assert [(f.document_id, f.start, f.end) for f in findings] == sorted(
        (d.id, d.flat[0].start, d.flat[0].end) for d in docs.values()
    )
    assert all(f.kind == "model" and f.span_id is not None and "reads it as" in f.detail for f in findings)


def relabel_first_spans(store: Store) -> None:
    """Each report's first gold span of two characters or more relabelled (corrected), as a
    reviewer who took the rule's label for a wrong one; the rest stays confirmed."""
    for doc in store.document_ids():
        first = next(s for s in store.spans(doc, "gold") if len(s.text) >= 2)
        store.decide(first.id, "gold", Change("label", label="TITLE" if first.label != "TITLE" else "SLOGAN"))


def test_confirmed_gold_is_not_flagged(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A rule's candidate confirmed is two readings agreeing: a model reading it otherwise is no finding."""
    db = tmp_path / "gold.db"
    generated_gold_db(db, reports=3, seed=3)
    with Store(db) as store:
        read_all = {d.text: d.flat for d in gold_documents(store).documents}
        monkeypatch.setattr(check_model, "_fit", lambda *args: (None, 1))
        monkeypatch.setattr(
            check_model, "predict", lambda nlp, text: [(s.start, s.end, "SLOGAN") for s in read_all[text]]
        )
        assert model_findings(store, folds=3) == []
        assert len(model_findings(store, folds=3, flagged=("confirmed",))) > 0


def test_disagreement_on_the_exact_stretch_and_over_it_when_asked() -> None:
    assert disagreement(0, 4, "DATE", [(0, 4, "FIGURE")]) == "FIGURE"
    assert disagreement(0, 4, "DATE", [(0, 4, "DATE"), (0, 4, "FIGURE")]) is None
    assert disagreement(0, 4, "DATE", [(0, 3, "FIGURE")]) is None  # not the same stretch
    assert disagreement(0, 4, "DATE", [(0, 3, "FIGURE")], over=True) == "FIGURE"  # 1059 over 1059名
    assert disagreement(0, 4, "DATE", [(0, 3, "FIGURE"), (2, 6, "DATE")], over=True) is None  # DATE there too
    assert disagreement(0, 4, "DATE", [(4, 6, "FIGURE")], over=True) is None  # beside it, not over it
    assert disagreement(0, 4, "DATE", [], over=True) is None  # a miss says nothing
    assert disagreement(0, 4, "DATE", [(0, 5, "DATE")], over=True) is None


def test_folds_by_report() -> None:
    assert folds_of([1, 2, 3, 4, 5], 2) == [[1, 3, 5], [2, 4]]
    assert folds_of([1, 2], 5) == [[1], [2]]


def test_pizhu_check_model_adds_the_models_findings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from pizhu.cli import main
    from pizhu.store.check import Finding

    db = tmp_path / "gold.db"
    generated_gold_db(db, reports=2, seed=3)
    flagged = Finding("model", 1, 0, 2, "ORG", "政协", "a model trained without this report reads it as GPE", 7)
    monkeypatch.setattr(check_model, "model_findings", lambda store: [flagged])
    plain = json.loads(CliRunner().invoke(main, ["check", "--db", str(db), "--json"]).output)
    assert all(f["kind"] != "model" for f in plain["findings"])
    result = CliRunner().invoke(main, ["check", "--model", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert flagged.as_dict() in json.loads(result.output)["findings"]
