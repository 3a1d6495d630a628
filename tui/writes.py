"""The writes of the review actions the reader and the queue share (``tui.screens.reviewing``
holds their keys): a decision bound to the span as shown, a bulk confirm or reject (one batch,
one undo), undo and redo, and the words that tell of them.

Each builds the writer's ``Job`` (``tui.writer``); the screens say what they show around it.
The past tense of an action is built here only (``past``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pizhu.store.db import Store
from pizhu.store.display import visible
from pizhu.store.errors import StoreError
from pizhu.store.records import Change, SpanState, SpanView
from pizhu.tui.writer import Job, Writer

PAST = {"confirm": "confirmed", "reject": "rejected"}

Saved = Callable[[Job, Any], None]
Refused = Callable[[Job, StoreError], None]
Write = Callable[[Store, dict[int, SpanState]], Any]


def past(action: str) -> str:
    """What a bulk action did: ``confirm`` → ``confirmed``, ``reject`` → ``rejected``."""
    return PAST[action]


def described(span: SpanView) -> str:
    """A span as the messages name it: its label and its text in quotes."""
    return f"{span.label} “{visible(span.text)}”"


def bound(writer: Writer, spans: Iterable[SpanView]) -> dict[int, SpanState | None]:
    """Each span bound to the version shown (None: to what the write queued before it on that
    span leaves, when keys come faster than the writes)."""
    return {s.id: None if writer.in_flight(s.id) else s.state() for s in spans}


def decide_write(span_id: int, reviewer: str, change: Change) -> Write:
    """The write of one change on one span, checked against the version it was bound to."""

    def write(store: Store, seen: dict[int, SpanState]) -> SpanView:
        return store.decide(span_id, reviewer, change, seen=seen[span_id])

    return write


def bulk_write(ids: list[int], reviewer: str, action: str) -> Write:
    """The write of one action on many spans as one batch; it returns the spans as written."""

    def write(store: Store, seen: dict[int, SpanState]) -> list[SpanView]:
        store.decide_many(ids, reviewer, action, seen=seen)
        return [store.span(i, reviewer) for i in ids]

    return write


def bulk_done(action: str, count: int, what: str, place: str) -> str:
    """What a bulk action says once queued or written."""
    return f"{past(action)} {count} × {what} {place} · u: undo them all"


@dataclass(frozen=True)
class Undo:
    """Undo or redo: the store's call and the words that tell of it."""

    name: str  # the job's name: "undo", "redo"
    call: Callable[[Store, str], list[SpanView]]
    done: str  # "undone", "redone"
    nothing: str  # "nothing to undo"
    doing: str  # "undoing"


UNDO = Undo("undo", Store.undo_batch, "undone", "nothing to undo", "undoing")
REDO = Undo("redo", Store.redo_batch, "redone", "nothing to redo", "redoing")


def undo_job(which: Undo, reviewer: str, saved: Saved, refused: Refused) -> Job:
    """The reviewer's last decision (a batch whole) taken back or made again, written after
    every decision before it (``kind="undo"``: decisions wait for it)."""

    def write(store: Store, seen: object) -> list[SpanView]:
        return which.call(store, reviewer)

    return Job(which.name, write, saved, refused, kind="undo")


def undo_message(done: str, spans: list[SpanView]) -> str:
    """What an undo or a redo says (``done``: "undone", "redone"): the first span it took
    back, in its new state, and how many more its batch held."""
    first = spans[0]
    more = f" (and {len(spans) - 1} more)" if len(spans) > 1 else ""
    return f"{done}: {described(first)} is {first.status}{more}"
