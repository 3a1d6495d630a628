"""A trained model as a candidate source: ``pizhu reextract --model``, the queue, stats per
source, and the learning curve kept for the app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.golddb import generated_gold_db
from extract.models import Span
from pizhu.cli import main
from store.db import Store
from store.stats import compute
from store.train import (
    MODEL_ONLY_CONFIDENCE,
    Curve,
    CurvePoint,
    TrainOptions,
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

    spans = with_model(rules, out)(text)
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
    result = CliRunner().invoke(main, ["reextract", "--model", str(out), "--db", str(work)])
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
