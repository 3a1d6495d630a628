"""A decision equal to the span's current state is refused by the owner (store/review.py):
no row is written, so the next undo takes back something the reviewer can see."""

from __future__ import annotations

import pytest

from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store import roles
from pizhu.store.db import Store
from pizhu.store.errors import UnchangedError
from pizhu.store.records import Change

TEXT = "全年征集社情民意49条,召开会议12次。城中区政协主席王明出席。"


@pytest.fixture
def made() -> tuple[Store, int, dict[str, int]]:
    store = Store.memory()
    draft = prepare(TEXT)[0]
    t = draft.text
    spans = [
        Span(t.index(x), t.index(x) + len(x), label, x, {}, "r", 0.5)
        for x, label in (("49条", "FIGURE"), ("12次", "FIGURE"), ("城中区政协", "ORG"))
    ]
    doc = store.add_document("t.txt", "utf-8", draft, spans)
    assert doc is not None
    return store, doc, {s.text: s.id for s in store.spans(doc, "")}


def test_confirming_twice_writes_nothing_and_undo_takes_back_the_confirm(
    made: tuple[Store, int, dict[str, int]],
) -> None:
    """Before: the second confirm was a row of its own, and u took back only that one: the
    span stayed confirmed, an undo with nothing to show for it."""
    store, _doc, ids = made
    store.decide(ids["49条"], "ann", Change("confirm"))
    rows = len(store.decisions())
    with pytest.raises(UnchangedError, match="already confirmed"):
        store.decide(ids["49条"], "ann", Change("confirm"))
    assert len(store.decisions()) == rows
    assert store.undo("ann") is not None
    assert store.span(ids["49条"], "ann").status == "pending"


@pytest.mark.parametrize(
    ("first", "again", "message"),
    [
        (("reject", {}), ("reject", {}), "already rejected"),
        (("label", {"label": "GPE"}), ("label", {"label": "GPE"}), "already so"),
        (("tag", {"tag": "unit?"}), ("tag", {"tag": "unit?"}), "already tagged"),
        ((None, {}), ("untag", {"tag": "unit?"}), "not tagged"),
        ((None, {}), ("reset", {}), "already pending"),
        (("label", {"label": "GPE"}), ("confirm", {}), "already confirmed"),
    ],
)
def test_every_no_op_is_refused(
    made: tuple[Store, int, dict[str, int]], first: tuple[str | None, dict], again: tuple[str, dict], message: str
) -> None:
    store, _doc, ids = made
    span = ids["城中区政协"]
    if first[0]:
        store.decide(span, "ann", Change(first[0], **first[1]))
    rows = len(store.decisions())
    with pytest.raises(UnchangedError, match=message):
        store.decide(span, "ann", Change(again[0], **again[1]))
    assert len(store.decisions()) == rows


def test_the_same_decision_by_another_reviewer_is_no_no_op(made: tuple[Store, int, dict[str, int]]) -> None:
    store, _doc, ids = made
    store.decide(ids["49条"], "ann", Change("confirm"))
    store.decide(ids["49条"], "bob", Change("confirm"))
    assert [d.reviewer for d in store.history(ids["49条"])] == ["ann", "bob"]


def test_a_bulk_action_skips_what_it_would_not_change(made: tuple[Store, int, dict[str, int]]) -> None:
    store, _doc, ids = made
    store.decide(ids["49条"], "ann", Change("confirm"))
    assert store.decide_many([ids["49条"], ids["12次"]], "ann", "confirm") == 1
    assert [d.action for d in store.history(ids["49条"])] == ["confirm"]


def test_adjudicating_the_same_version_again_is_refused(made: tuple[Store, int, dict[str, int]]) -> None:
    store, _doc, ids = made
    store.decide(ids["12次"], "ann", Change("confirm"))
    store.decide(ids["12次"], "bob", Change("reject"))
    roles.grant(store, roles.login_name(), "lead")
    store.adjudicate(ids["12次"], "adjudicator:lead", {"status": "rejected"})
    rows = len(store.decisions())
    with pytest.raises(UnchangedError, match="already adjudicated"):
        store.adjudicate(ids["12次"], "adjudicator:lead", {"status": "rejected"}, overrule=True)
    assert len(store.decisions()) == rows
