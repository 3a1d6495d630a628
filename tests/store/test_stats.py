"""Review progress and extractor scores read off the decisions, by label and by rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store.db import Store
from pizhu.store.records import Change
from pizhu.store.stats import compute

TEXT = "全年征集社情民意49条,捐款捐物93.35万元。\n2023年召开会议12次,提交提案120件。城中区政协主席王明出席。"


def _span(text: str, sub: str, label: str, rule: str, attrs: dict | None = None) -> Span:
    start = text.index(sub)
    return Span(start, start + len(sub), label, sub, attrs or {}, rule, 0.5)


def build(store: Store) -> tuple[int, dict[str, int]]:
    """Six candidates. wang: 2 confirmed, 2 corrected (attrs; label+boundary), 1 rejected,
    1 pending, 2 added."""
    draft = prepare(TEXT)[0]
    t = draft.text
    spans = [
        _span(t, "49条", "FIGURE", "fig.count", {"value": 49, "unit": "条", "approx": "exact"}),
        _span(t, "93.35万元", "FIGURE", "fig.money", {"value": 933500, "unit": "元", "approx": "exact"}),
        _span(t, "12次", "FIGURE", "fig.count", {"value": 12, "unit": "次", "approx": "exact"}),
        _span(t, "120件", "FIGURE", "fig.count", {"value": 120, "unit": "件", "approx": "exact"}),
        _span(t, "2023年", "DATE", "date.year"),
        _span(t, "城中区", "GPE", "gpe"),
    ]
    doc = store.add_document("t.txt", "utf-8", draft, spans, "test")
    assert doc is not None
    ids = {s.text: s.id for s in store.spans(doc, "")}
    store.decide(ids["49条"], "wang", Change("confirm"))
    store.decide(ids["2023年"], "wang", Change("confirm"))
    store.decide(ids["93.35万元"], "wang", Change("attrs", attrs={"value": 933500, "unit": "元", "approx": "about"}))
    store.decide(ids["城中区"], "wang", Change("label", label="ORG", end=t.index("城中区") + 5))
    store.decide(ids["12次"], "wang", Change("reject"))
    store.add_span(doc, "wang", t.index("王明"), t.index("王明") + 2, "PERSON")
    store.add_span(doc, "wang", t.index("社情民意"), t.index("社情民意") + 4, "SLOGAN")
    return doc, ids


@pytest.fixture
def store() -> Store:
    store = Store.memory()
    build(store)
    return store


def test_progress_per_document_and_label(store: Store) -> None:
    stats = compute(store)
    (doc,) = stats.documents
    c = doc.counts
    assert (c.pending, c.confirmed, c.corrected, c.rejected, c.added) == (1, 2, 2, 1, 2)
    assert (c.candidates, c.decided, c.gold) == (6, 5, 6)
    assert c.done == pytest.approx(5 / 6)
    assert doc.organisation == "城中区政协"
    figure = stats.labels["FIGURE"]
    assert (figure.pending, figure.confirmed, figure.corrected, figure.rejected) == (1, 1, 1, 1)
    assert stats.labels["ORG"].corrected == 1  # counted under the label it has now
    assert stats.labels["PERSON"].added == 1
    assert list(stats.labels)[:2] == ["FIGURE", "DATE"]  # in LABELS order


def test_extractor_scores_by_label(store: Store) -> None:
    by_label = {s.key: s for s in compute(store).by_label}
    figure = by_label["FIGURE"]
    # FIGURE: 49条 right, 93.35万元 approx wrong, 12次 false alarm, 120件 pending, none missed.
    assert (figure.proposed, figure.confirmed, figure.corrected, figure.rejected, figure.pending) == (4, 1, 1, 1, 1)
    assert figure.precision == pytest.approx(2 / 3)
    assert figure.exact == pytest.approx(1 / 3)
    assert figure.recall == 1.0
    assert figure.f1 == pytest.approx(0.8)
    assert dict(figure.corrections) == {"approx": 1}
    # The GPE proposal became an ORG: it counts against GPE, as a label and boundary fix.
    assert dict(by_label["GPE"].corrections) == {"boundary": 1, "label": 1}
    assert "ORG" not in by_label
    assert by_label["PERSON"].missed == 1 and by_label["PERSON"].recall == 0.0
    assert by_label["PERSON"].precision is None  # nothing proposed
    assert by_label["DATE"].exact == 1.0


def test_extractor_scores_by_rule(store: Store) -> None:
    by_rule = {s.key: s for s in compute(store).by_rule}
    assert sorted(by_rule) == ["date.year", "fig.count", "fig.money", "gpe"]
    count = by_rule["fig.count"]
    assert (count.confirmed, count.rejected, count.pending) == (1, 1, 1)
    assert count.precision == 0.5
    assert count.missed is None and count.recall is None  # a miss has no rule


def test_one_reviewers_view_and_undo(store: Store) -> None:
    assert compute(store, reviewer="li").documents[0].counts.pending == 6
    store.undo("wang")  # takes back the SLOGAN added last
    c = compute(store, reviewer="wang").documents[0].counts
    assert c.added == 1


def test_consolidated_view_takes_the_latest_decision_by_anyone(store: Store) -> None:
    doc = store.document_ids()[0]
    pending = next(s for s in store.spans(doc) if s.status == "pending")
    store.decide(pending.id, "li", Change("reject"))
    assert compute(store).documents[0].counts.rejected == 2


def test_as_dict_is_json(store: Store) -> None:
    data = json.loads(json.dumps(compute(store).as_dict()))
    assert data["total"]["gold"] == 6
    assert data["extractor"]["by_label"][0]["key"] == "FIGURE"
    assert data["extractor"]["by_label"][0]["corrections"] == {"approx": 1}


def test_cli_stats_table_and_json(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    with Store(path) as store:
        build(store)
    runner = CliRunner()
    result = runner.invoke(main, ["stats", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "progress" in result.output and "fig.count" in result.output
    result = runner.invoke(main, ["stats", "--db", str(path), "--json", "--reviewer", "wang"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["reviewer"] == "wang" and data["documents"][0]["corrected"] == 2


def test_cli_stats_on_a_bad_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("not sqlite", "utf-8")
    result = CliRunner().invoke(main, ["stats", "--db", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith("pizhu: error:") and result.output.count("\n") == 1


def test_precision_and_recall_per_source_and_label() -> None:
    """A span both sources proposed counts for each; a source misses what it did not propose."""
    store = Store.memory()
    draft = prepare(TEXT)[0]
    t = draft.text

    def span(sub: str, label: str, source: str) -> Span:
        start = t.index(sub)
        return Span(start, start + len(sub), label, sub, {}, "r", 0.5, source)

    doc = store.add_document(
        "t.txt", "utf-8", draft, [span("王明", "PERSON", "rules+lac"), span("城中区", "PERSON", "lac")]
    )
    assert doc is not None
    ids = {s.text: s.id for s in store.spans(doc, "")}
    store.decide(ids["王明"], "wang", Change("confirm"))
    store.decide(ids["城中区"], "wang", Change("reject"))
    scores = {s.key: s for s in compute(store).by_source}
    assert (scores["lac PERSON"].precision, scores["lac PERSON"].recall) == (0.5, 1.0)
    assert (scores["rules PERSON"].precision, scores["rules PERSON"].recall) == (1.0, 1.0)
    store.add_span(doc, "wang", t.index("城中区政协"), t.index("城中区政协") + 5, "ORG")
    store.add_span(doc, "wang", t.index("社情民意"), t.index("社情民意") + 2, "PERSON")
    scores = {s.key: s for s in compute(store).by_source}
    assert scores["lac PERSON"].recall == 0.5 and scores["lac PERSON"].missed == 1


def test_total_and_finished_are_the_reports_added_up() -> None:
    """``compute`` keeps the reports as rows and counts ``total`` and ``finished`` without an
    object per report: the same figures as adding up the reports it lists (a withdrawn one
    left out, a report decided to the end finished)."""
    store = Store.memory()
    doc, _ids = build(store)
    others = []
    for n in (2, 3):
        draft = prepare(TEXT.replace("49条", f"4{n}条"))[0]
        spans = [_span(draft.text, f"4{n}条", "FIGURE", "fig.count"), _span(draft.text, "2023年", "DATE", "date.year")]
        added = store.add_document(f"t{n}.txt", "utf-8", draft, spans, "test")
        assert added is not None
        others.append(added)
    for span in store.spans(others[0], "li"):
        store.decide(span.id, "li", Change("confirm"))
    store.decide(store.spans(others[1], "li")[0].id, "li", Change("reject"))
    store.withdraw_document(others[1], by="li")
    for reviewer in (None, "wang", "li"):
        stats = compute(store, reviewer)
        assert [d.document_id for d in stats.documents] == [doc, others[0]]
        fields = ("pending", "confirmed", "corrected", "rejected", "added", "disputed")
        added_up = {name: sum(getattr(d.counts, name) for d in stats.documents) for name in fields}
        assert {name: getattr(stats.total, name) for name in fields} == added_up
        assert stats.finished == sum(d.finished for d in stats.documents)
        assert stats.documents[-1] is stats.documents[1] and stats.documents[:1] == [stats.documents[0]]
    assert compute(store, "li").finished == 1 and compute(store).finished == 1
    assert compute(store, "wang").total.added == 2 and compute(store, "li").total.rejected == 0
