"""A trained model as a candidate source: ``pizhu reextract --model``, the queue, stats per
source, and the learning curve kept for the app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.golddb import generated_gold_db
from pizhu.cli import main
from pizhu.extract.models import Span
from pizhu.store.db import Store
from pizhu.store.stats import compute
from pizhu.store.train import (
    MODEL_ONLY_CONFIDENCE,
    PRECISION_FLOOR,
    Curve,
    CurvePoint,
    TrainOptions,
    allowed_labels,
    precision_bound,
    save_curve,
    saved_curve,
    train,
    with_model,
)

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("model")
    db = folder / "gold.db"
    assert generated_gold_db(db, reports=5, seed=3) > 0
    out = folder / "m1"
    with Store(db) as store:
        train(store, TrainOptions(max_steps=30, epochs=3, labels=("FIGURE", "DATE")), out=out)
    return db, out


def test_with_model_marks_agreement_and_disagreement(trained: tuple[Path, Path]) -> None:
    _db, out = trained
    text = "全年召开会议12次,提交提案120件。2023年3月,调研5次。"

    def rules(t: str) -> list[Span]:
        start = t.index("12次")
        return [
            Span(start, start + 3, "FIGURE", "12次", {"value": 12}, "r", 0.9),
            Span(0, 2, "ORG", t[:2], {}, "r", 0.8),
        ]

    spans = with_model(rules, out, floor=0.0)(text)
    by_place = {(s.start, s.end, s.label): s for s in spans}
    figure = by_place[(text.index("12次"), text.index("12次") + 3, "FIGURE")]
    assert figure.source in ("rules+trained:m1", "rules")
    if figure.source == "rules":  # the model missed it: a disagreement, put first
        assert figure.confidence == pytest.approx(0.45)
    assert by_place[(0, 2, "ORG")].confidence == 0.8  # a label the model does not know keeps its confidence
    for s in spans:
        assert text[s.start : s.end] == s.text
        if s.source == "trained:m1":
            assert s.confidence == MODEL_ONLY_CONFIDENCE and s.label in ("FIGURE", "DATE")


def test_reextract_with_a_model_adds_its_source_and_stats_count_it(trained: tuple[Path, Path], tmp_path: Path) -> None:
    db, out = trained
    work = tmp_path / "work.db"
    shutil.copy(db, work)
    result = CliRunner().invoke(main, ["reextract", "--model", str(out), "--model-floor", "0", "--db", str(work)])
    assert result.exit_code == 0, result.output
    with Store(work) as store:
        sources = {s.source for doc in store.document_ids() for s in store.spans(doc, "")}
        assert any("trained:m1" in source for source in sources), sources
        keys = {s.key.split(" ")[0] for s in compute(store).by_source}
        assert "trained:m1" in keys
        # Disagreements (one source alone, lower confidence) come before agreements in the queue.
        queue = store.queue("newcomer")
        agreed = [i for i, s in enumerate(queue) if "+trained:" in s.source]
        alone = [i for i, s in enumerate(queue) if s.source == "trained:m1"]
        if agreed and alone:
            assert max(alone) < min(agreed)
    bad = CliRunner().invoke(main, ["reextract", "--model", str(tmp_path), "--db", str(work)])
    assert bad.exit_code != 0 and "not a trained pizhu model" in bad.output


def test_the_curve_is_kept_for_the_app(tmp_path: Path) -> None:
    points = tuple(
        CurvePoint(f, n, label, (0.2 * n, 0.25 * n)) for f, n in ((0.5, 1), (1.0, 2)) for label in ("FIGURE", "all")
    )
    curve = Curve(("FIGURE", "all"), (0.5, 1.0), 2, "char", 1, points)
    with Store(tmp_path / "t.db") as store:
        assert saved_curve(store) is None
        save_curve(store, curve)
        kept = saved_curve(store)
    assert kept is not None and kept.point(1.0, "FIGURE").f1 == (0.4, 0.5)


# --- the model proposes only where it adds (issue 24) ----------------------------------


class _FakeNlp:
    def __init__(self, scores: dict[str, tuple[int, int]]) -> None:
        """``scores``: label → held-out proposals (right, wrong)."""
        self.meta = {
            "pizhu": {
                "scores": {
                    label: {"p": tp / (tp + fp) if tp + fp else None, "tp": tp, "fp": fp}
                    for label, (tp, fp) in scores.items()
                }
            }
        }
        self.pipe_names: list[str] = []


def _fake_model(monkeypatch: pytest.MonkeyPatch, found: list[tuple[int, int, str]], scores: dict) -> None:
    import pizhu.store.train as train_module

    monkeypatch.setattr(train_module, "load_model", lambda path: _FakeNlp(scores))
    monkeypatch.setattr(train_module, "predict", lambda nlp, text: found)


def test_model_adds_only_where_it_adds_and_a_disagreement_is_one_candidate_with_an_alternative(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    text = "张三同志出席会议12次。李四到会。"
    rule_person = Span(0, 2, "PERSON", "张三", {}, "r", 0.9)
    rule_figure = Span(8, 11, "FIGURE", "12次", {}, "r", 0.9)
    found = [
        (0, 2, "PERSON"),  # agrees: no second candidate
        (0, 4, "PERSON"),  # another boundary of a rule's span: an alternative, not a candidate
        (8, 10, "DATE"),  # another label over a rule's span: an alternative too
        (13, 15, "PERSON"),  # new, and PERSON beats the floor: proposed
        (16, 18, "GPE"),  # new, but GPE's held-out precision is under the floor: not proposed
    ]
    _fake_model(monkeypatch, found, {"PERSON": (95, 0), "DATE": (95, 0), "GPE": (5, 5)})
    spans = with_model(lambda t: [rule_person, rule_figure], tmp_path / "m2")(text)
    places = sorted((s.start, s.end, s.label) for s in spans)
    assert places == [(0, 2, "PERSON"), (8, 11, "FIGURE"), (13, 15, "PERSON")]
    by = {(s.start, s.end): s for s in spans}
    assert "trained:m2" in by[(0, 2)].source
    assert by[(8, 11)].alternative == "DATE 8-10"
    assert by[(13, 15)].source == "trained:m2"
    assert PRECISION_FLOOR > 0.5


def test_a_label_is_proposed_alone_only_on_enough_held_out_evidence() -> None:
    """The floor is on the lower bound of the held-out precision: one right proposal of one
    is no evidence; forty of forty is, and so is an older model's p, r and gold count."""
    assert allowed_labels(_FakeNlp({"PERSON": (1, 0), "ORG": (40, 0), "GPE": (40, 10), "DATE": (0, 0)}), 0.9) == {"ORG"}
    assert allowed_labels(_FakeNlp({"PERSON": (1, 0)}), 0.0) == {"PERSON"}
    older = _FakeNlp({})
    older.meta["pizhu"]["scores"] = {"ORG": {"p": 1.0, "r": 0.8, "n": 50}, "GPE": {"p": 1.0, "r": 1.0, "n": 2}}
    assert allowed_labels(older, 0.9) == {"ORG"}
    assert precision_bound(0, 0) == precision_bound(0, 21) == 0.0 and precision_bound(25, 0) >= 0.9 > precision_bound(
        24, 0
    )


def test_a_disagreement_is_flagged_in_the_store_and_comes_first_in_the_queue(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("2023年,开展调研11次。2024年,召开会议5次。\n", "utf-8")
    with Store(tmp_path / "r.db") as store:
        from pizhu.store.importer import import_file

        import_file(store, folder / "a.txt")
        (doc,) = store.document_ids()
        text = store.document_text(doc)
        at = text.index("11次")
        _fake_model(monkeypatch, [(at, at + 2, "DATE")], {"DATE": (99, 0)})
        from pizhu.extract.pipeline import extract_spans

        spans = with_model(extract_spans, tmp_path / "m3")(text)
        store.replace_machine_spans(doc, spans, "test")
        first = store.queue("ann")[0]
        assert (first.start, first.label, first.flag) == (at, "FIGURE", f"model: DATE {at}-{at + 2}")
