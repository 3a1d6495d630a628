"""Library upkeep (withdraw, restore, describe, assign) as a log that merges like decisions.

Every change to a report's place in the library, to its title, organisation or year, or
to who is assigned it is a row of ``library_log`` with its own uid and time; a
document's ``deleted_at``, ``title``, ``organisation``, ``year`` and its rows of
``assignments`` are derived from its rows in ``(at, uid)`` order (the last withdraw or
restore decides; each field the last describe that set it; the reviewers the last assign
named). A merge copies the rows the target lacks and derives again, so two copies merged
into each other in any order hold the same library, the same assignments and export the
same gold.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from pizhu.store import review
from pizhu.store.handle import Reads

WITHDRAW = "withdraw"
RESTORE = "restore"
DESCRIBE = "describe"
ASSIGN = "assign"
"""Payload ``{"reviewers": [...]}``: the document's whole assignment (``[]``: nobody's)."""
ACTIONS = (WITHDRAW, RESTORE, DESCRIBE, ASSIGN)
FIELDS = ("title", "organisation", "year")


def record(
    conn: sqlite3.Connection, doc_id: int, action: str, reviewer: str, payload: dict[str, Any] | None = None
) -> str:
    """Log one operation on ``doc_id`` (in the caller's transaction) and derive the document again."""
    if action not in ACTIONS:
        raise ValueError(f"unknown library action {action!r}")
    uid = uuid.uuid4().hex
    conn.execute(
        "INSERT INTO library_log (uid, document_id, action, payload, reviewer, at) VALUES (?,?,?,?,?,?)",
        (
            uid,
            doc_id,
            action,
            json.dumps(payload or {}, ensure_ascii=False, sort_keys=True),
            reviewer,
            review.next_time(conn, "library_log"),
        ),
    )
    derive(conn, [doc_id])
    return uid


def record_assignments(conn: sqlite3.Connection, shares: dict[int, list[str]], by: str) -> None:
    """Log one ``assign`` per document of ``shares`` (document → its reviewers, ``[]`` for
    nobody), all at one time, in the caller's transaction, and derive them."""
    stamp = review.next_time(conn, "library_log")
    conn.executemany(
        "INSERT INTO library_log (uid, document_id, action, payload, reviewer, at) VALUES (?,?,?,?,?,?)",
        [
            (uuid.uuid4().hex, doc_id, ASSIGN, assign_payload(names), by, stamp)
            for doc_id, names in sorted(shares.items())
        ],
    )
    derive(conn, shares)


def assign_payload(reviewers: Iterable[str]) -> str:
    return json.dumps({"reviewers": sorted(set(reviewers))}, ensure_ascii=False, sort_keys=True)


def adopt(conn: sqlite3.Connection, rows: Sequence[dict[str, Any]]) -> int:
    """Rows of another copy's log, already pointed at our document ids; those whose uid is
    here already are skipped. Returns how many were added."""
    added = 0
    touched: set[int] = set()
    for row in rows:
        cursor = conn.execute(
            "INSERT OR IGNORE INTO library_log (uid, document_id, action, payload, reviewer, at) VALUES (?,?,?,?,?,?)",
            (row["uid"], row["document_id"], row["action"], row["payload"], row["reviewer"], row["at"]),
        )
        if cursor.rowcount:
            added += 1
            touched.add(int(row["document_id"]))
    derive(conn, touched)
    return added


def derive(conn: sqlite3.Connection, doc_ids: Iterable[int]) -> None:
    """Set each document's withdrawal and description from its log, where the log says anything."""
    for doc_id in sorted(set(doc_ids)):
        rows = conn.execute(
            "SELECT action, payload, at, uid FROM library_log WHERE document_id = ? ORDER BY at, uid", (doc_id,)
        ).fetchall()
        deleted: tuple[bool, str | None] | None = None
        fields: dict[str, Any] = {}
        assigned: tuple[list[str], str] | None = None
        for action, payload, at, _uid in rows:
            if action == WITHDRAW:
                deleted = (True, at)
            elif action == RESTORE:
                deleted = (False, None)
            elif action == DESCRIBE:
                data = json.loads(payload or "{}")
                fields.update({k: data[k] for k in FIELDS if k in data})
            elif action == ASSIGN:
                assigned = (list(json.loads(payload or "{}").get("reviewers", [])), at)
        if deleted is not None:
            conn.execute("UPDATE documents SET deleted_at = ? WHERE id = ?", (deleted[1], doc_id))
        for name, value in fields.items():
            conn.execute(f"UPDATE documents SET {name} = ? WHERE id = ?", (value, doc_id))
        if assigned is not None:
            names, at = assigned
            conn.execute("DELETE FROM assignments WHERE document_id = ?", (doc_id,))
            conn.executemany(
                "INSERT OR IGNORE INTO assignments (document_id, reviewer, assigned_at) VALUES (?,?,?)",
                [(doc_id, name, at) for name in names],
            )


# --- reading the library at scale (the totals of migration 0013) ------------------------------

LIVE = "documents d INDEXED BY idx_documents_live"
"""The documents table (as ``d``) read through its live-documents index, for a join that keeps only
live documents (``... AND d.deleted_at IS NULL``): the index answers it, where the table
would be read up to ``deleted_at``, behind each report's text. The planner does not pick
the index for a join by itself."""


def listing(
    conn: sqlite3.Connection,
) -> list[tuple[int, str, str | None, str | None, int | None, str | None, int, int]]:
    """The live documents as the library lists them, in id order: (id, source, title,
    organisation, year, date, sections, machine candidates); the counts from
    ``document_totals``. Tuples, not dicts: 100,000 rows of them are read on every open."""
    return conn.execute(
        "SELECT d.id, d.source, d.title, d.organisation, d.year, d.date, coalesce(t.sections, 0),"
        " coalesce(t.candidates, 0) FROM documents d LEFT JOIN document_totals t"
        " ON t.document_id = d.id WHERE d.deleted_at IS NULL ORDER BY d.id"
    ).fetchall()


def candidate_totals(store: Reads) -> tuple[dict[int, int], dict[tuple[str, str, str], int]]:
    """Machine candidates per document and per (label, rule, source) over the whole store,
    from ``document_totals`` and ``candidate_kinds`` (see ``Store.candidate_totals``)."""
    per_document = {
        r["document_id"]: r["candidates"]
        for r in store.read("SELECT document_id, candidates FROM document_totals WHERE candidates != 0")
    }
    return per_document, candidate_kinds(store)


def candidate_kinds(store: Reads) -> dict[tuple[str, str, str], int]:
    """Machine candidates per (label, rule, source) over the whole store, from ``candidate_kinds``."""
    return {
        (r["label"], r["rule"], r["source"] or "rules"): r["n"]
        for r in store.read("SELECT label, rule, source, n FROM candidate_kinds")
    }
