"""What a finished report is: the one definition the reader, the library, ``stats``,
``train``, ``agree`` and every export use.

A report is *finished* for a reviewer when every candidate in every section (body,
tables, captions and boilerplate alike) is decided by that reviewer (confirmed,
corrected or rejected) and they decided something in it; in the gold view (no
reviewer), when every candidate is *resolved* (``store.review``'s gold policy gives it a
gold or rejected status: neither pending nor disputed) and some span is decided. A span
a reviewer added counts as decided; one they took back (removed) does not count at all.

The "decided something" half keeps a report nobody opened out: a report whose
extractor proposed nothing has no undecided candidate either, and exporting it as
reviewed would teach a model that it names nothing.

A section is finished when its report is, or when every candidate in it is decided and
something in it is: what ``export --unfinished`` marks known (the rest is a missing
value, never ``O``) and what ``agree`` compares.

``Progress.finished`` is the rule. Its counts come from a document's spans in memory
(``progress_of``, the reader, an export record) or, for the library and ``stats`` over
thousands of reports, from the cached state tables in SQL (``document_progress``); a
test holds the two to the same answer.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pizhu.store.handle import Reads
from pizhu.store.records import DISPUTED, PENDING, REMOVED

UNDECIDED = frozenset({PENDING, DISPUTED})
"""Statuses of a span nobody has settled: pending (per reviewer and gold), disputed (gold)."""


class HasStatus(Protocol):
    @property
    def origin(self) -> str: ...

    @property
    def status(self) -> str: ...


@dataclass(frozen=True)
class Progress:
    """How far a report (or a section) is reviewed, in one reviewer's view or the gold one."""

    candidates: int = 0
    """Machine candidates."""
    undecided: int = 0
    """Candidates (or, in the gold view, disputed spans of any origin) not yet settled."""
    decided: int = 0
    """Spans settled: candidates decided, spans added."""

    @property
    def finished(self) -> bool:
        return self.undecided == 0 and self.decided > 0

    def __add__(self, other: Progress) -> Progress:
        return Progress(
            self.candidates + other.candidates, self.undecided + other.undecided, self.decided + other.decided
        )


def progress_of(spans: Iterable[HasStatus | dict[str, Any]]) -> Progress:
    """The progress of a report (or a section) from its spans as one view shows them."""
    candidates = undecided = decided = 0
    for span in spans:
        origin, status = (span["origin"], span["status"]) if isinstance(span, dict) else (span.origin, span.status)
        if status == REMOVED:
            continue
        machine = origin == "machine"
        candidates += machine
        if status in UNDECIDED:
            undecided += machine or status == DISPUTED
        else:
            decided += 1
    return Progress(candidates, undecided, decided)


def sections_finished(
    sections: Sequence[tuple[int, int]], spans: Iterable[HasStatus | dict[str, Any]], finished: bool
) -> list[bool]:
    """Per section (``(start, end)`` in order), whether it is finished (see the module docstring).

    A span belongs to the section its start is in.
    """
    if finished:
        return [True] * len(sections)
    per: list[list[HasStatus | dict[str, Any]]] = [[] for _ in sections]
    starts = [start for start, _end in sections]
    for span in spans:
        start = span["start"] if isinstance(span, dict) else span.start  # type: ignore[attr-defined]
        index = bisect.bisect_right(starts, start) - 1
        if 0 <= index < len(sections):
            per[index].append(span)
    return [progress_of(mine).finished for mine in per]


# --- in SQL, for the library and stats over a whole database ---------------------------------


def document_progress(
    store: Reads,
    reviewer: str | None = None,
    documents: Sequence[int] | None = None,
    *,
    candidates: Mapping[int, int] | None = None,
    decided_only: bool = False,
) -> dict[int, Progress]:
    """``Progress`` of every report in the library (or of ``documents``) in ``reviewer``'s view,
    or the gold view for None; read off the cached state tables, no span row by row.

    ``candidates``: every live document's machine candidates, when the caller has read them
    already (the library's list has): then they are not read again. ``decided_only``: leave
    out the reports nobody decided anything in (their progress is ``Progress(n, n, 0)``):
    the library needs the few thousand others, not 100,000 objects.
    """
    scope, params = "", []
    if documents is not None:
        scope, params = " AND document_id IN (SELECT value FROM json_each(?))", [json.dumps(list(documents))]
    if candidates is None:
        # Live documents with their candidates, kept per document by triggers (migration 0013).
        candidates = {
            r["id"]: r["candidates"]
            for r in store.read(
                "SELECT d.id, coalesce(t.candidates, 0) AS candidates FROM documents d LEFT JOIN document_totals t"
                " ON t.document_id = d.id WHERE d.deleted_at IS NULL" + scope.replace("document_id", "d.id"),
                params,
            )
        }
    if reviewer is None:
        table, who, args = "gold_states", "", list(params)
    else:
        table, who, args = "span_states", " AND reviewer = ?", [reviewer, *params]
    # Every decided row, then those on spans a reviewer added (few; found from the spans'
    # side, where an index has the origin): machine ones are the difference.
    settled = {
        r["document_id"]: r["n"]
        for r in store.read(
            f"SELECT document_id, count(*) AS n FROM {table} WHERE status NOT IN (?, ?){who}{scope}"
            " GROUP BY document_id",
            [PENDING, DISPUTED, *args],
        )
    }
    human: dict[int, dict[str, int]] = {}
    for r in store.read(
        f"SELECT document_id, status, count(*) AS n FROM {table} WHERE status != ?{who}{scope}"
        " AND span_id IN (SELECT id FROM spans WHERE origin < 'machine' OR origin > 'machine')"
        " GROUP BY document_id, status",
        [PENDING, *args],
    ):
        human.setdefault(r["document_id"], {})[r["status"]] = r["n"]
    result = {}
    if decided_only:
        candidates = {doc: candidates[doc] for doc in settled.keys() | human.keys() if doc in candidates}
    for doc, total in candidates.items():
        mine = human.get(doc)
        if mine is None:  # most documents: no span a reviewer added
            machine_decided = settled.get(doc, 0)
            result[doc] = Progress(total, total - machine_decided, machine_decided)
            continue
        added_decided = sum(n for status, n in mine.items() if status not in (DISPUTED, REMOVED))
        machine_decided = settled.get(doc, 0) - added_decided - mine.get(REMOVED, 0)
        result[doc] = Progress(total, total - machine_decided + mine.get(DISPUTED, 0), machine_decided + added_decided)
    return result


def finished_documents(store: Reads, reviewer: str | None = None, documents: Sequence[int] | None = None) -> set[int]:
    """Ids of the finished reports (``reviewer``'s view, or the gold view for None).

    Only a report with something settled in it can be finished (``Progress.finished``), so
    only those are looked at: a few thousand rows, not the whole library.
    """
    table, who, params = (
        ("gold_states", "", []) if reviewer is None else ("span_states", " AND reviewer = ?", [reviewer])
    )
    settled = [
        r["document_id"]
        for r in store.read(
            f"SELECT DISTINCT document_id FROM {table} WHERE status NOT IN (?, ?){who}", [PENDING, DISPUTED, *params]
        )
    ]
    if documents is not None:
        wanted = set(documents)
        settled = [doc for doc in settled if doc in wanted]
    return {doc for doc, p in document_progress(store, reviewer, settled).items() if p.finished}
