"""Where a reviewer left off: the document last opened from the library, and per document the
span last worked on, so that reopening the app keeps the place.

Plain functions over ``Store.transaction()`` and ``Store.read()``; table from migration
``0006_review_positions``. A position is a convenience, not a decision: it is overwritten,
never logged, and a position naming a span or document that has gone is ignored.
"""

from __future__ import annotations

from pizhu.store.clock import now
from pizhu.store.db import Store

LIBRARY = 0  # document_id of the row that holds the library's cursor


def save_position(store: Store, reviewer: str, document_id: int, span_id: int | None) -> None:
    """Remember ``span_id`` (None: no span) as where ``reviewer`` is in ``document_id``."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO review_positions (reviewer, document_id, span_id, updated_at) VALUES (?,?,?,?)"
            " ON CONFLICT (reviewer, document_id) DO UPDATE SET span_id = excluded.span_id,"
            " updated_at = excluded.updated_at",
            (reviewer, document_id, span_id, now()),
        )


def last_span(store: Store, reviewer: str, document_id: int) -> int | None:
    """The span ``reviewer`` was on in ``document_id`` (if it is still in that document)."""
    rows = store.read(
        "SELECT p.span_id FROM review_positions p JOIN spans s ON s.id = p.span_id"
        " WHERE p.reviewer = ? AND p.document_id = ? AND s.document_id = p.document_id",
        [reviewer, document_id],
    )
    return rows[0]["span_id"] if rows else None


def save_library(store: Store, reviewer: str, document_id: int) -> None:
    """Remember the document the library's cursor was on."""
    save_position(store, reviewer, LIBRARY, document_id)


def last_library(store: Store, reviewer: str) -> int | None:
    """The document the library's cursor was on last time (if it still exists)."""
    rows = store.read(
        "SELECT p.span_id AS document_id FROM review_positions p JOIN documents d ON d.id = p.span_id"
        " WHERE p.reviewer = ? AND p.document_id = ?",
        [reviewer, LIBRARY],
    )
    return rows[0]["document_id"] if rows else None
