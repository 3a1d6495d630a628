"""Pairwise agreement (span F1, Cohen's kappa), disagreements and adjudication."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store import roles
from pizhu.store.agree import AdjudicationError, PairAgreement, adjudicate, agreement, cohen_kappa, disagreements
from pizhu.store.db import Store
from pizhu.store.export import ExportFilter, iter_jsonl
from pizhu.store.records import Change
from pizhu.store.roles import AdjudicatedError

TEXT = "全年征集社情民意49条,捐款捐物93.35万元。召开会议12次,提交提案120件。王明主席、李华委员出席。"
OTHER = "全年开展视察调研15次。"


def _span(text: str, sub: str, label: str = "FIGURE") -> Span:
    start = text.index(sub)
    return Span(start, start + len(sub), label, sub, {}, "r", 0.5)


def at(text: str, sub: str) -> tuple[int, int]:
    start = text.index(sub)
    return start, start + len(sub)


def build(store: Store) -> tuple[int, int, dict[str, int]]:
    """Four candidates c1..c4 = 49条, 93.35万元, 12次, 120件.

    a: accept, accept, reject, reject; adds 王明.
    b: accept, reject, reject, reject; adds 王明 and 李华.
    Kappa: both accept 1, only a 1, only b 0, both reject 2 → po 3/4, pe 1/2 → 0.5.
    Gold a = {c1, c2, 王明}, gold b = {c1, 王明, 李华} → matched 2, P = R = F1 = 2/3.
    """
    draft = prepare(TEXT)[0]
    t = draft.text
    doc = store.add_document("t.txt", "utf-8", draft, [_span(t, s) for s in ("49条", "93.35万元", "12次", "120件")])
    assert doc is not None
    ids = {s.text: s.id for s in store.spans(doc, "")}
    for sub, action in zip(ids, ("confirm", "confirm", "reject", "reject"), strict=True):
        store.decide(ids[sub], "a", Change(action))
    for sub, action in zip(ids, ("confirm", "reject", "reject", "reject"), strict=True):
        store.decide(ids[sub], "b", Change(action))
    store.add_span(doc, "a", *at(t, "王明"), "PERSON")
    store.add_span(doc, "b", *at(t, "王明"), "PERSON")
    store.add_span(doc, "b", *at(t, "李华"), "PERSON")
    # A second document only c reviewed: no pair includes it with a or b.
    other = prepare(OTHER)[0]
    second = store.add_document("o.txt", "utf-8", other, [_span(other.text, "15次")])
    assert second is not None
    store.decide(store.spans(second, "")[0].id, "c", Change("confirm"))
    roles.grant(store, roles.login_name(), "zhou")  # the owner (who made the database) names the adjudicator
    return doc, second, ids


@pytest.fixture
def built() -> tuple[Store, int, dict[str, int]]:
    store = Store.memory()
    doc, _second, ids = build(store)
    return store, doc, ids


def test_kappa_on_hand_computed_tables() -> None:
    assert cohen_kappa(1, 1, 0, 2) == pytest.approx(0.5)
    # The textbook table: 20 both yes, 5 only A, 10 only B, 15 both no → po .7, pe .5.
    assert cohen_kappa(20, 5, 10, 15) == pytest.approx(0.4)
    assert cohen_kappa(2, 0, 0, 2) == 1.0
    assert cohen_kappa(0, 2, 2, 0) == pytest.approx(-1.0)
    assert cohen_kappa(3, 0, 0, 0) is None  # both accepted everything: chance agreement is 1
    assert cohen_kappa(0, 0, 0, 0) is None


def test_pairwise_f1_and_kappa(built: tuple[Store, int, dict[str, int]]) -> None:
    store, _doc, _ids = built
    pairs = {(p.reviewer_a, p.reviewer_b): p for p in agreement(store)}
    assert set(pairs) == {("a", "b"), ("a", "c"), ("b", "c")}
    ab = pairs[("a", "b")]
    assert (ab.documents, ab.spans_a, ab.spans_b, ab.matched) == (1, 3, 3, 2)
    assert ab.precision == pytest.approx(2 / 3) and ab.recall == pytest.approx(2 / 3)
    assert ab.f1 == pytest.approx(2 / 3)
    assert (ab.both_accepted, ab.only_a_accepted, ab.only_b_accepted, ab.both_rejected) == (1, 1, 0, 2)
    assert ab.observed == 0.75
    assert ab.kappa == pytest.approx(0.5)
    # a and c share no document.
    assert pairs[("a", "c")].documents == 0 and pairs[("a", "c")].f1 is None and pairs[("a", "c")].kappa is None


def test_precision_and_recall_swap_with_the_pair() -> None:
    store = Store.memory()
    draft = prepare(TEXT)[0]
    t = draft.text
    doc = store.add_document("t.txt", "utf-8", draft, [_span(t, "49条"), _span(t, "12次")])
    assert doc is not None
    first, second = (s.id for s in store.spans(doc, ""))
    store.decide(first, "a", Change("confirm"))
    store.decide(second, "a", Change("reject"))
    store.decide(first, "b", Change("confirm"))
    store.decide(second, "b", Change("confirm"))
    store.add_span(doc, "b", *at(t, "王明"), "PERSON")
    # A boundary correction is a different span: exact match on offsets.
    store.decide(first, "z", Change("boundary", end=at(t, "49条")[1] - 1))
    store.decide(second, "z", Change("reject"))  # z finished the report too
    (ab, az, bz) = agreement(store)
    assert (ab.precision, ab.recall) == (pytest.approx(1 / 3), 1.0)
    assert az.matched == 0 and az.f1 == 0.0
    assert (bz.reviewer_a, bz.reviewer_b) == ("b", "z")


def test_corrections_count_as_accept_for_kappa(built: tuple[Store, int, dict[str, int]]) -> None:
    store, _doc, ids = built
    store.decide(ids["93.35万元"], "b", Change("attrs", attrs={"value": 933500}))  # now accepted, corrected
    ab = agreement(store, ["a", "b"])[0]
    assert (ab.both_accepted, ab.only_a_accepted, ab.both_rejected) == (2, 0, 2)
    assert ab.kappa == 1.0


def test_a_reviewer_who_has_not_finished_is_not_compared(built: tuple[Store, int, dict[str, int]]) -> None:
    store, doc, _ids = built
    t = store.document(doc).text
    store.add_span(doc, "d", *at(t, "李华"), "PERSON")  # d touched the document, decided no candidate
    ad = next(p for p in agreement(store) if (p.reviewer_a, p.reviewer_b) == ("a", "d"))
    assert ad.candidates == 0 and ad.kappa is None
    assert (ad.spans_a, ad.spans_b, ad.matched, ad.sections, ad.sections_left) == (0, 0, 0, 0, 1)


def test_disagreements_span_by_span(built: tuple[Store, int, dict[str, int]]) -> None:
    store, doc, ids = built
    found = disagreements(store, doc)
    by_text = {d.proposed["text"]: d for d in found}
    assert set(by_text) == {"93.35万元", "李华"}
    money = by_text["93.35万元"]
    assert money.kinds == ("accept",)
    assert money.versions["a"]["status"] == "confirmed" and money.versions["b"]["status"] == "rejected"
    assert by_text["李华"].versions["a"] == {"status": "not marked"}
    # 王明 was added by both: the same span, no disagreement.
    assert "王明" not in by_text
    store.decide(ids["49条"], "b", Change("attrs", attrs={"value": 49, "unit": "条"}))
    kinds = {d.proposed["text"]: d.kinds for d in disagreements(store)}
    assert kinds["49条"] == ("attrs",)


def test_adjudication_wins_in_the_consolidated_view_and_the_export(built: tuple[Store, int, dict[str, int]]) -> None:
    store, doc, _ids = built
    money = next(d for d in disagreements(store, doc) if d.proposed["text"] == "93.35万元")
    view = adjudicate(store, money.span_id, "adjudicator:zhou", money.versions["a"])
    assert view.status == "confirmed" and view.reviewer == "adjudicator:zhou"
    # A reviewer deciding after the adjudication does not override it.
    store.decide(money.span_id, "b", Change("confirm"))
    store.decide(money.span_id, "b", Change("reject"))
    assert store.span(money.span_id).status == "confirmed"
    assert next(s for s in store.spans(doc) if s.id == money.span_id).status == "confirmed"
    exported = json.loads(next(iter(iter_jsonl(store, ExportFilter(documents=(doc,), unfinished=True)))))
    assert "93.35万元" in [s["text"] for s in exported["spans"]]
    resolved = next(d for d in disagreements(store, doc) if d.span_id == money.span_id)
    assert resolved.resolved and resolved.adjudicator == "adjudicator:zhou"
    assert money.span_id not in [d.span_id for d in disagreements(store, doc, include_resolved=False)]
    # The adjudicator is not a reviewer in the agreement figures.
    assert all("adjudicator:zhou" not in (p.reviewer_a, p.reviewer_b) for p in agreement(store))


def test_adjudicate_a_corrected_version_and_a_rejection(built: tuple[Store, int, dict[str, int]]) -> None:
    store, doc, ids = built
    t = store.document(doc).text
    start, end = at(t, "12次")
    view = adjudicate(store, ids["12次"], "zhou", {"status": "corrected", "start": start, "end": end - 1})
    assert (view.status, view.text) == ("corrected", "12")
    # Then changing their mind (told who decided it, and confirming the overrule): the
    # latest adjudication counts, even over an acceptance.
    with pytest.raises(AdjudicatedError):
        adjudicate(store, ids["12次"], "zhou", {"status": "rejected"})
    view = adjudicate(store, ids["12次"], "zhou", {"status": "rejected"}, overrule=True)
    assert view.status == "rejected"
    view = adjudicate(store, ids["12次"], "zhou", {"status": "confirmed"}, overrule=True)
    assert view.status == "confirmed" and view.attrs == {}
    li = next(d for d in disagreements(store, doc) if d.proposed["text"] == "李华")
    view = adjudicate(store, li.span_id, "zhou", li.versions["a"])  # "not marked": drop b's addition
    assert view.status == "removed"
    exported = json.loads(next(iter(iter_jsonl(store, ExportFilter(documents=(doc,), unfinished=True)))))
    assert "李华" not in [s["text"] for s in exported["spans"]]
    assert [d.action for d in store.history(ids["12次"])][-3:] == ["adjudicate"] * 3


def test_adjudicate_refuses_bad_versions(built: tuple[Store, int, dict[str, int]]) -> None:
    store, _doc, ids = built
    before = len(store.decisions())
    with pytest.raises(AdjudicationError, match="unknown label"):
        adjudicate(store, ids["12次"], "zhou", {"status": "confirmed", "label": "NOPE"})
    with pytest.raises(AdjudicationError, match="outside"):
        adjudicate(store, ids["12次"], "zhou", {"status": "confirmed", "start": 5, "end": 5000})
    with pytest.raises(AdjudicationError, match="status"):
        adjudicate(store, ids["12次"], "zhou", {})
    with pytest.raises(AdjudicationError, match="adjudicator"):
        adjudicate(store, ids["12次"], "", {"status": "confirmed"})
    assert len(store.decisions()) == before


def test_store_decide_adjudicate_is_preferred_too(built: tuple[Store, int, dict[str, int]]) -> None:
    """The app may record an adjudication through Store.decide: the export prefers it as well."""
    store, _doc, ids = built
    store.decide(ids["93.35万元"], "zhou", Change("adjudicate"))
    store.decide(ids["93.35万元"], "b", Change("confirm"))
    store.decide(ids["93.35万元"], "b", Change("reject"))
    assert store.span(ids["93.35万元"]).status == "confirmed"


def test_cli_agree(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    with Store(path) as store:
        build(store)
    runner = CliRunner()
    result = runner.invoke(main, ["agree", "--db", str(path), "--disagreements"])
    assert result.exit_code == 0, result.output
    assert "0.500" in result.output and "0.667" in result.output and "李华" in result.output
    result = runner.invoke(main, ["agree", "--db", str(path), "--json", "--reviewer", "a", "--reviewer", "b"])
    data = json.loads(result.output)
    assert [(p["reviewer_a"], p["reviewer_b"]) for p in data["pairs"]] == [("a", "b")]
    assert data["pairs"][0]["kappa"] == pytest.approx(0.5)
    assert len(data["disagreements"]) == 2


def test_cli_agree_with_one_reviewer(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    Store(path).close()
    result = CliRunner().invoke(main, ["agree", "--db", str(path)])
    assert result.exit_code == 0 and "nothing to compare" in result.output


# --- only what both finished ------------------------------------------------------------------

TWO = "一、协商议政\n全年召开会议12次,提交提案120件。\n二、民主监督\n开展视察15次,调研报告8篇,走访群众300人次。\n"


def two_sections(store: Store) -> tuple[int, dict[str, int]]:
    draft = prepare(TWO)[0]
    t = draft.text
    subs = ("12次", "120件", "15次", "8篇", "300人次")
    doc = store.add_document("two.txt", "utf-8", draft, [_span(t, s) for s in subs])
    assert doc is not None and len(store.sections(doc)) == 2
    return doc, {s.text: s.id for s in store.spans(doc, "")}


def test_agreement_counts_only_the_sections_both_finished() -> None:
    """a reviewed the whole report; b only its first section. Before: a's three spans b
    never reached counted as disagreement (recall 2/5); now the second section is left out
    and the table says what was compared."""
    store = Store.memory()
    doc, ids = two_sections(store)
    for text in ids:
        store.decide(ids[text], "a", Change("confirm"))
    store.decide(ids["12次"], "b", Change("confirm"))
    store.decide(ids["120件"], "b", Change("confirm"))
    store.decide(ids["15次"], "b", Change("reject"))  # b started the second section, did not finish it
    (pair,) = agreement(store)
    assert (pair.sections, pair.documents, pair.spans_a, pair.spans_b, pair.matched) == (1, 1, 2, 2, 2)
    assert (pair.precision, pair.recall, pair.candidates) == (1.0, 1.0, 2)
    assert pair.as_dict()["sections"] == 1
    # b's missing span in the section b never finished is no disagreement either.
    store.add_span(doc, "a", *at(store.document(doc).text, "民主监督"), "SLOGAN")
    assert [d.kinds for d in disagreements(store, doc)] == [("accept",)]  # 15次: both decided, differently


def test_a_high_agreement_beside_a_low_kappa_is_explained() -> None:
    """Nearly every candidate accepted by both: the raw agreement is high, kappa low, and
    the line under the table says why (prevalence)."""
    pair = agreement_pair(both_accepted=18, only_a=1, only_b=1, both_rejected=0)
    assert pair.observed == pytest.approx(0.9) and pair.kappa is not None and pair.kappa < 0.2
    note = pair.kappa_note()
    assert "prevalence" in note and "\n" not in note
    assert agreement_pair(both_accepted=10, only_a=1, only_b=1, both_rejected=10).kappa_note() == ""


def agreement_pair(*, both_accepted: int, only_a: int, only_b: int, both_rejected: int) -> PairAgreement:
    return PairAgreement("a", "b", 1, 0, 0, 0, both_accepted, both_rejected, only_a, only_b, sections=1)


def test_cli_agree_says_what_was_compared(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    with Store(path) as store:
        _doc, ids = two_sections(store)
        for text in ids:
            store.decide(ids[text], "a", Change("confirm"))
        store.decide(ids["12次"], "b", Change("confirm"))
        store.decide(ids["120件"], "b", Change("confirm"))
    result = CliRunner().invoke(main, ["agree", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "compared: 1 section(s) both finished" in result.stdout
    assert "1 left out" in result.stdout
