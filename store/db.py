"""The pizhu database: documents, sections, spans and the append-only decision log.

One ``Store`` wraps one SQLite file in WAL mode with a busy timeout, so several
reviewers can share it over SSH. Every write is one explicit ``BEGIN IMMEDIATE``
transaction that is committed before the call returns: what a caller has been told is
saved survives ``kill -9``. The state of a span for a reviewer is never stored: it is the
``after`` of that reviewer's latest decision on it, or the machine proposal.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sqlite3
import stat
import time
import urllib.parse
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from extract.models import LABELS, DocumentDraft, Span
from store.migrations import KNOWN, migrations
from store.records import (
    ADDED,
    CONFIRMED,
    CORRECTED,
    PENDING,
    REJECTED,
    REMOVED,
    Decision,
    DocumentSummary,
    OffsetMap,
    SpanView,
    StoredDocument,
    StoredSection,
)

DEFAULT_DB = "annotations.db"
_SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A database problem with a one-line explanation for the user."""


class NewerDatabaseError(StoreError):
    pass


class CorruptDatabaseError(StoreError):
    pass


class ReadOnlyDatabaseError(StoreError):
    pass


class DiskFullError(StoreError):
    pass


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _explain(exc: sqlite3.Error, path: str) -> StoreError:
    message = str(exc).lower()
    if "readonly" in message or "read-only" in message:
        return ReadOnlyDatabaseError(f"{path}: the database is read-only; nothing was written")
    if "disk is full" in message or "disk i/o" in message:
        return DiskFullError(f"{path}: the disk is full or failing; nothing was written")
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return CorruptDatabaseError(f"{path}: the database file is corrupt ({exc})")
    if "locked" in message or "busy" in message:
        return StoreError(f"{path}: the database stayed busy; try again")
    if "unable to open" in message:
        return StoreError(f"{path}: cannot open the database file")
    return StoreError(f"{path}: {exc}")


class Store:
    """A pizhu database file (or an in-memory one for tests).

    ``read_only`` says the caller only reads (stats, export, agree, eval, backup). Where
    the database's folder cannot be written (a read-only mount, a folder of someone
    else's), such a caller gets a read-only connection instead of a refusal: with no
    ``-wal`` file beside the database its file holds every commit and nobody can be
    writing, so it is read as immutable; with a ``-wal`` file it is read through it
    (``mode=ro``), never as immutable, which would silently miss the decisions still in
    the ``-wal``. Where SQLite cannot do that (it needs a ``-shm`` file it cannot create),
    the error says so and how to get a readable copy. A writing caller in such a folder
    is refused at once, pointing to ``pizhu backup``.

    Anything at ``path`` that is not a regular file (``/dev/null``, a pipe, a folder, a
    link to nothing) is refused before SQLite sees it, so nothing is created beside it.
    """

    def __init__(self, path: str | Path | None = DEFAULT_DB, *, memory: bool = False, read_only: bool = False) -> None:
        self.path = ":memory:" if memory or path is None else str(path)
        self.read_only = False
        target = ":memory:"
        uri = False
        if not memory and path is not None:
            _check_header(Path(path))
            if not _folder_writable(Path(path)):
                if not read_only:
                    raise ReadOnlyDatabaseError(
                        f"{path}: its folder cannot be written, and this command writes; work on a copy"
                        f" (pizhu backup COPY.db --db {path} makes one)"
                    )
                target, uri, self.read_only = _read_only_uri(Path(path)), True, True
            else:
                target = self.path
        try:
            conn = sqlite3.connect(target, timeout=15.0, isolation_level=None, check_same_thread=False, uri=uri)
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from None
        self.conn = conn
        self.db = Database(conn)
        try:
            conn.execute("PRAGMA busy_timeout = 15000")
            if self.read_only:
                self._check_readable()
            else:
                if not memory:
                    conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.Error as exc:
            conn.close()
            raise _explain(exc, self.path) from None
        except StoreError:
            conn.close()
            raise

    def _check_readable(self) -> None:
        """A read-only connection reads its first page now, so a failure is explained here."""
        try:
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            if "unable to open" not in str(exc):
                raise
            name = Path(self.path).name
            raise ReadOnlyDatabaseError(
                f"{self.path}: cannot be read where it is: the folder is read-only and SQLite needs to create"
                f" {name}-shm beside the {name}-wal it holds; copy {name} and {name}-wal to a writable folder and"
                f" read the copy (or run pizhu backup COPY.db where the folder can be written)"
            ) from None

    @classmethod
    def memory(cls) -> Store:
        return cls(None, memory=True)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- schema ---------------------------------------------------------------------

    def _migrate(self) -> None:
        applied = self._applied_known()
        if len(applied) < len(KNOWN) and self.read_only:
            raise ReadOnlyDatabaseError(
                f"{self.path}: written by an older pizhu and needs upgrading, which its read-only folder does not"
                " allow; open it once where it can be written"
            )
        if len(applied) < len(KNOWN):
            with self.transaction():
                # Re-read inside the lock: another process may have just migrated, and
                # its tables must not be mistaken for a foreign database's.
                applied = self._applied_known()
                if applied == [] and self._has_foreign_tables():
                    raise CorruptDatabaseError(f"{self.path}: not a pizhu database")
                for migration in migrations.pending(self.db):
                    migration.fn(self.db)
                    migrations.ensure_migrations_table(self.db)
                    migrations._record_applied(self.db, migration.name)

    def _applied_known(self) -> list[str]:
        """Names of the applied migrations, refusing a database from a newer pizhu."""
        applied = [m.name for m in migrations.applied(self.db)]
        unknown = [name for name in applied if name not in KNOWN]
        if unknown:
            raise NewerDatabaseError(
                f"{self.path}: written by a newer pizhu (schema {unknown[-1]}); upgrade pizhu to open it"
            )
        return applied

    def _has_foreign_tables(self) -> bool:
        names = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return bool(names - {"_sqlite_migrations"})

    def schema_version(self) -> str:
        applied = migrations.applied(self.db)
        return applied[-1].name if applied else ""

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One immediate transaction, retried while another writer holds the lock."""
        deadline = time.monotonic() + 60
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise _explain(exc, self.path) from None
                if time.monotonic() > deadline:
                    raise _explain(exc, self.path) from None
                time.sleep(0.05)
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _explain(exc, self.path) from None
            raise

    def read(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        try:
            cursor = self.conn.execute(sql, tuple(params))
            # A corrupt page is often met while fetching, not when the statement starts.
            rows = cursor.fetchall()
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from None
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in rows]

    # --- documents ------------------------------------------------------------------

    def has_content(self, text: str) -> bool:
        return bool(self.read("SELECT 1 FROM documents WHERE content_hash = ?", [content_hash(text)]))

    def add_document(
        self,
        source: str,
        encoding: str,
        draft: DocumentDraft,
        spans: Iterable[Span] = (),
        extractor_version: str = "",
    ) -> int | None:
        """Store one report with its sections and machine spans in one transaction.

        Returns the new id, or None when a document with the same normalized text exists.
        """
        digest = content_hash(draft.text)
        offset_map = OffsetMap.from_offsets(draft.normalized.raw_offsets, len(draft.raw))
        stamp = now()
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE content_hash = ?", (digest,)).fetchone():
                return None
            cursor = conn.execute(
                "INSERT INTO documents (source, part, content_hash, encoding, script, title,"
                " organisation, year, raw, text, offset_map, extractor_version, imported_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    source,
                    draft.part,
                    digest,
                    encoding,
                    draft.script,
                    draft.title,
                    draft.organisation,
                    draft.year,
                    draft.raw,
                    draft.text,
                    offset_map.to_json(),
                    extractor_version,
                    stamp,
                ),
            )
            doc_id = int(cursor.lastrowid or 0)
            conn.executemany(
                "INSERT INTO sections (document_id, ordinal, heading, start, end, kind) VALUES (?,?,?,?,?,?)",
                [(doc_id, s.ordinal, s.heading, s.start, s.end, s.kind) for s in draft.sections],
            )
            self._insert_machine_spans(conn, doc_id, spans, extractor_version, stamp)
        return doc_id

    def _insert_machine_spans(
        self, conn: sqlite3.Connection, doc_id: int, spans: Iterable[Span], version: str, stamp: str
    ) -> int:
        rows = [
            (
                doc_id,
                "machine",
                s.label,
                s.start,
                s.end,
                s.text,
                json.dumps(s.attrs, ensure_ascii=False),
                s.rule,
                s.confidence,
                version,
                "",
                stamp,
            )
            for s in spans
        ]
        conn.executemany(
            "INSERT INTO spans (document_id, origin, label, start, end, text, attrs, rule,"
            " confidence, extractor_version, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        return len(rows)

    def replace_machine_spans(self, doc_id: int, spans: Iterable[Span], version: str) -> tuple[int, int]:
        """Re-extraction: drop undecided machine spans, add new proposals, keep every decision.

        A proposal at the same place and label as a span someone decided on (confirmed,
        corrected, rejected) or added is not proposed again. Returns (removed, added).
        """
        stamp = now()
        with self.transaction() as conn:
            removed = conn.execute(
                "DELETE FROM spans WHERE document_id = ? AND origin = 'machine' AND NOT EXISTS"
                " (SELECT 1 FROM decisions d WHERE d.span_id = spans.id)",
                (doc_id,),
            ).rowcount
            kept = {
                (row[0], row[1], row[2])
                for row in conn.execute("SELECT start, end, label FROM spans WHERE document_id = ?", (doc_id,))
            }
            fresh = [s for s in spans if (s.start, s.end, s.label) not in kept]
            added = self._insert_machine_spans(conn, doc_id, fresh, version, stamp)
            conn.execute("UPDATE documents SET extractor_version = ? WHERE id = ?", (version, doc_id))
        return removed, added

    def document_ids(self) -> list[int]:
        return [r["id"] for r in self.read("SELECT id FROM documents ORDER BY id")]

    def document(self, doc_id: int) -> StoredDocument:
        rows = self.read("SELECT * FROM documents WHERE id = ?", [doc_id])
        if not rows:
            raise StoreError(f"no document {doc_id}")
        r = rows[0]
        return StoredDocument(
            id=r["id"],
            source=r["source"],
            part=r["part"] or 0,
            content_hash=r["content_hash"],
            encoding=r["encoding"] or "",
            script=r["script"] or "",
            title=r["title"] or "",
            organisation=r["organisation"] or "",
            year=r["year"],
            text=r["text"],
            raw=r["raw"],
            offset_map=OffsetMap.from_json(r["offset_map"]),
            imported_at=r["imported_at"] or "",
        )

    def documents(self, reviewer: str = "") -> list[DocumentSummary]:
        rows = self.read(
            "SELECT d.id, d.source, d.title, d.organisation, d.year,"
            " (SELECT count(*) FROM sections s WHERE s.document_id = d.id) AS sections,"
            " (SELECT count(*) FROM spans p WHERE p.document_id = d.id AND p.origin = 'machine')"
            "   AS candidates"
            " FROM documents d ORDER BY d.id"
        )
        # Reviewed: machine spans whose latest decision by this reviewer leaves them decided
        # (a tag, or an undo back to pending, does not count). One grouped pass over this
        # reviewer's decisions, not one per document: per-document subqueries took 80 s
        # at 10,000 reports.
        reviewed = {
            r["document_id"]: r["n"]
            for r in self.read(
                "SELECT x.document_id, count(*) AS n"
                " FROM (SELECT max(id) AS last FROM decisions WHERE reviewer = ? GROUP BY span_id) l"
                " JOIN decisions x ON x.id = l.last JOIN spans p ON p.id = x.span_id"
                " WHERE p.origin = 'machine' AND json_extract(x.after, '$.status') != 'pending'"
                " GROUP BY x.document_id",
                [reviewer],
            )
        }
        return [
            DocumentSummary(
                id=r["id"],
                source=r["source"],
                title=r["title"] or "",
                organisation=r["organisation"] or "",
                year=r["year"],
                sections=r["sections"],
                candidates=r["candidates"],
                reviewed=reviewed.get(r["id"], 0),
            )
            for r in rows
        ]

    def sections(self, doc_id: int) -> list[StoredSection]:
        return [
            StoredSection(**r)
            for r in self.read(
                "SELECT id, document_id, ordinal, heading, start, end, kind FROM sections"
                " WHERE document_id = ? ORDER BY ordinal",
                [doc_id],
            )
        ]

    # --- spans and their state ------------------------------------------------------

    def spans(self, doc_id: int, reviewer: str | None = None) -> list[SpanView]:
        """Spans of a document as ``reviewer`` sees them, or the consolidated view for None.

        The consolidated view (for exports) takes an adjudication where there is one,
        else the most recent decision by anyone.
        """
        span_rows = self.read("SELECT * FROM spans WHERE document_id = ? ORDER BY start, end, id", [doc_id])
        if reviewer is None:
            decisions = self.read(
                "SELECT span_id, reviewer, action, after, at FROM decisions"
                " WHERE document_id = ? ORDER BY (action = 'adjudicate'), id",
                [doc_id],
            )
        else:
            decisions = self.read(
                "SELECT span_id, reviewer, action, after, at FROM decisions"
                " WHERE document_id = ? AND reviewer = ? ORDER BY id",
                [doc_id, reviewer],
            )
        latest = {d["span_id"]: d for d in decisions}
        views = []
        for row in span_rows:
            decision = latest.get(row["id"])
            if row["origin"] == "human" and decision is None:
                continue  # someone else's added span: not part of this reviewer's view
            views.append(_view(row, decision))
        return views

    def span(self, span_id: int, reviewer: str | None = None) -> SpanView:
        rows = self.read("SELECT * FROM spans WHERE id = ?", [span_id])
        if not rows:
            raise StoreError(f"no span {span_id}")
        if reviewer is None:
            decisions = self.read(
                "SELECT span_id, reviewer, action, after, at FROM decisions WHERE span_id = ?"
                " ORDER BY (action = 'adjudicate') DESC, id DESC LIMIT 1",
                [span_id],
            )
        else:
            decisions = self.read(
                "SELECT span_id, reviewer, action, after, at FROM decisions"
                " WHERE span_id = ? AND reviewer = ? ORDER BY id DESC LIMIT 1",
                [span_id, reviewer],
            )
        return _view(rows[0], decisions[0] if decisions else None)

    def history(self, span_id: int) -> list[Decision]:
        return [_decision(r) for r in self.read("SELECT * FROM decisions WHERE span_id = ? ORDER BY id", [span_id])]

    def decisions(self, reviewer: str | None = None) -> list[Decision]:
        if reviewer is None:
            rows = self.read("SELECT * FROM decisions ORDER BY id")
        else:
            rows = self.read("SELECT * FROM decisions WHERE reviewer = ? ORDER BY id", [reviewer])
        return [_decision(r) for r in rows]

    def reviewers(self) -> list[str]:
        return [r["reviewer"] for r in self.read("SELECT DISTINCT reviewer FROM decisions ORDER BY 1")]

    def tags(self) -> list[str]:
        return [r["name"] for r in self.read("SELECT name FROM tags ORDER BY name")]

    def queue(self, reviewer: str, label: str | None = None, limit: int = 500) -> list[SpanView]:
        """Machine spans still pending for ``reviewer``, least confident first."""
        params: list[Any] = [reviewer]
        label_clause = ""
        if label:
            label_clause = " AND s.label = ?"
            params.append(label)
        params.append(limit)
        rows = self.read(
            "SELECT s.*, d.after AS _after, d.reviewer AS _reviewer, d.at AS _at FROM spans s"
            " LEFT JOIN (SELECT span_id, max(id) AS last FROM decisions WHERE reviewer = ?"
            "            GROUP BY span_id) l ON l.span_id = s.id"
            " LEFT JOIN decisions d ON d.id = l.last"
            " WHERE s.origin = 'machine'"
            "   AND (l.last IS NULL OR json_extract(d.after, '$.status') = 'pending')"
            + label_clause
            + " ORDER BY s.confidence, s.document_id, s.start LIMIT ?",
            params,
        )
        views = []
        for row in rows:
            after, by, at = row.pop("_after"), row.pop("_reviewer"), row.pop("_at")
            # A pending span may still carry the reviewer's tags or an undone correction.
            views.append(_view(row, {"after": after, "reviewer": by, "at": at} if after else None))
        return views

    # --- decisions ------------------------------------------------------------------

    def decide(
        self,
        span_id: int,
        reviewer: str,
        action: str,
        *,
        label: str | None = None,
        start: int | None = None,
        end: int | None = None,
        attrs: dict[str, Any] | None = None,
        tag: str | None = None,
    ) -> SpanView:
        """Record one reviewer action on a span and return the span's new state.

        ``action`` is one of confirm, reject, label, boundary, attrs, tag, untag, reset,
        adjudicate (an adjudicator's final version, with any of the fields).
        """
        if not reviewer:
            raise StoreError("a decision needs a reviewer name")
        with self.transaction() as conn:
            current = self._current(conn, span_id, reviewer)
            after = self._apply(conn, current, action, label, start, end, attrs, tag)
            if tag and action == "tag":
                conn.execute(
                    "INSERT OR IGNORE INTO tags (name, created_by, created_at) VALUES (?,?,?)",
                    (tag, reviewer, now()),
                )
            self._log(conn, current, reviewer, action, current.state(), after, None)
        return self.span(span_id, reviewer)

    def add_span(
        self,
        doc_id: int,
        reviewer: str,
        start: int,
        end: int,
        label: str,
        attrs: dict[str, Any] | None = None,
    ) -> SpanView:
        """A span the machine missed, marked by a reviewer."""
        if not reviewer:
            raise StoreError("a decision needs a reviewer name")
        if label not in LABELS:
            raise StoreError(f"unknown label {label!r}")
        with self.transaction() as conn:
            text_row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if text_row is None:
                raise StoreError(f"no document {doc_id}")
            text = text_row[0]
            if not 0 <= start < end <= len(text):
                raise StoreError(f"span {start}-{end} is outside the document")
            stamp = now()
            cursor = conn.execute(
                "INSERT INTO spans (document_id, origin, label, start, end, text, attrs, rule,"
                " confidence, extractor_version, created_by, created_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc_id,
                    "human",
                    label,
                    start,
                    end,
                    text[start:end],
                    json.dumps(attrs or {}, ensure_ascii=False),
                    "human",
                    1.0,
                    "",
                    reviewer,
                    stamp,
                ),
            )
            span_id = int(cursor.lastrowid or 0)
            before = {
                "status": REMOVED,
                "label": label,
                "start": start,
                "end": end,
                "text": text[start:end],
                "attrs": attrs or {},
                "tags": [],
            }
            after = dict(before, status=ADDED)
            conn.execute(
                "INSERT INTO decisions (span_id, document_id, reviewer, action, before, after, ref, at)"
                " VALUES (?,?,?,?,?,?,?,?)",
                (span_id, doc_id, reviewer, "add", _dump(before), _dump(after), None, stamp),
            )
        return self.span(span_id, reviewer)

    def undo(self, reviewer: str) -> SpanView | None:
        """Undo the reviewer's latest action still in effect, as a new decision."""
        return self._undo_redo(reviewer, redo=False)

    def redo(self, reviewer: str) -> SpanView | None:
        """Redo the reviewer's latest undone action, as a new decision."""
        return self._undo_redo(reviewer, redo=True)

    def _undo_redo(self, reviewer: str, *, redo: bool) -> SpanView | None:
        with self.transaction() as conn:
            rows = conn.execute(
                "SELECT id, span_id, action, before, after, ref FROM decisions WHERE reviewer = ? ORDER BY id",
                (reviewer,),
            ).fetchall()
            done: list[tuple[Any, ...]] = []
            undone: list[tuple[Any, ...]] = []
            for row in rows:
                if row[2] == "undo":
                    if done:
                        undone.append(done.pop())
                elif row[2] == "redo":
                    if undone:
                        done.append(undone.pop())
                else:
                    done.append(row)
                    undone.clear()
            stack = undone if redo else done
            if not stack:
                return None
            target = stack[-1]
            span_id = target[1]
            current = self._current(conn, span_id, reviewer)
            after = json.loads(target[4] if redo else target[3])
            self._log(conn, current, reviewer, "redo" if redo else "undo", current.state(), after, target[0])
        return self.span(span_id, reviewer)

    def _current(self, conn: sqlite3.Connection, span_id: int, reviewer: str) -> SpanView:
        cursor = conn.execute("SELECT * FROM spans WHERE id = ?", (span_id,))
        columns = [c[0] for c in cursor.description]
        row = cursor.fetchone()
        if row is None:
            raise StoreError(f"no span {span_id}")
        decision_cursor = conn.execute(
            "SELECT span_id, reviewer, action, after, at FROM decisions"
            " WHERE span_id = ? AND reviewer = ? ORDER BY id DESC LIMIT 1",
            (span_id, reviewer),
        )
        decision_columns = [c[0] for c in decision_cursor.description]
        decision = decision_cursor.fetchone()
        return _view(
            dict(zip(columns, row, strict=True)),
            dict(zip(decision_columns, decision, strict=True)) if decision else None,
        )

    def _apply(
        self,
        conn: sqlite3.Connection,
        current: SpanView,
        action: str,
        label: str | None,
        start: int | None,
        end: int | None,
        attrs: dict[str, Any] | None,
        tag: str | None,
    ) -> dict[str, Any]:
        state = current.state()
        human = current.origin == "human"
        accepted: bool | None = None  # None: the action does not change acceptance
        if action == "confirm":
            accepted = True
        elif action == "reject":
            accepted = False
        elif action == "reset":
            return dict(current.proposed, status=ADDED if human else PENDING, tags=state["tags"])
        elif action in ("label", "boundary", "attrs", "adjudicate"):
            accepted = True if action != "adjudicate" else state["status"] not in (REJECTED, REMOVED)
        elif action in ("tag", "untag"):
            if not tag:
                raise StoreError("a tag needs a name")
            tags = [t for t in state["tags"] if t != tag]
            if action == "tag":
                tags.append(tag)
            state["tags"] = tags
            return state
        else:
            raise StoreError(f"unknown action {action!r}")
        if label is not None:
            if label not in LABELS:
                raise StoreError(f"unknown label {label!r}")
            state["label"] = label
        if start is not None or end is not None:
            new_start = state["start"] if start is None else start
            new_end = state["end"] if end is None else end
            text = conn.execute(
                "SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                (new_start + 1, max(new_end - new_start, 0), current.document_id),
            ).fetchone()[0]
            length = conn.execute("SELECT length(text) FROM documents WHERE id = ?", (current.document_id,)).fetchone()[
                0
            ]
            if not 0 <= new_start < new_end <= length:
                raise StoreError(f"span {new_start}-{new_end} is outside the document")
            state["start"], state["end"], state["text"] = new_start, new_end, text
        if action == "adjudicate" and attrs is not None and "status" in attrs:
            # An adjudicator's chosen status says accept or reject; it is not an attribute.
            attrs = dict(attrs)
            accepted = attrs.pop("status") in (CONFIRMED, CORRECTED, ADDED)
        if attrs is not None:
            state["attrs"] = {k: v for k, v in attrs.items() if v is not None and v != ""}
        if accepted is False:
            state["status"] = REMOVED if human else REJECTED
        elif accepted:
            state["status"] = _accepted_status(current, state)
        return state

    def _log(
        self,
        conn: sqlite3.Connection,
        current: SpanView,
        reviewer: str,
        action: str,
        before: dict[str, Any],
        after: dict[str, Any],
        ref: int | None,
    ) -> None:
        conn.execute(
            "INSERT INTO decisions (span_id, document_id, reviewer, action, before, after, ref, at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (current.id, current.document_id, reviewer, action, _dump(before), _dump(after), ref, now()),
        )

    # --- maintenance ----------------------------------------------------------------

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _accepted_status(current: SpanView, state: dict[str, Any]) -> str:
    if current.origin == "human":
        return ADDED
    proposed = current.proposed
    same = (
        state["label"] == proposed["label"]
        and state["start"] == proposed["start"]
        and state["end"] == proposed["end"]
        and state["attrs"] == proposed["attrs"]
    )
    return CONFIRMED if same else CORRECTED


def _dump(state: dict[str, Any]) -> str:
    return json.dumps(state, ensure_ascii=False, sort_keys=True)


def _view(row: dict[str, Any], decision: dict[str, Any] | None) -> SpanView:
    proposed = {
        "label": row["label"],
        "start": row["start"],
        "end": row["end"],
        "text": row["text"],
        "attrs": json.loads(row["attrs"] or "{}"),
    }
    state: dict[str, Any] = dict(proposed, status=PENDING, tags=[])
    reviewer = decided_at = ""
    if decision is not None:
        state.update(json.loads(decision["after"]))
        reviewer, decided_at = decision["reviewer"], decision["at"]
    return SpanView(
        id=row["id"],
        document_id=row["document_id"],
        origin=row["origin"],
        label=state["label"],
        start=state["start"],
        end=state["end"],
        text=state["text"],
        attrs=state["attrs"],
        tags=tuple(state.get("tags", ())),
        status=state["status"],
        rule=row["rule"] or "",
        confidence=row["confidence"] if row["confidence"] is not None else 1.0,
        extractor_version=row["extractor_version"] or "",
        reviewer=reviewer,
        decided_at=decided_at,
        proposed=proposed,
    )


def _decision(r: dict[str, Any]) -> Decision:
    return Decision(
        id=r["id"],
        span_id=r["span_id"],
        document_id=r["document_id"],
        reviewer=r["reviewer"],
        action=r["action"],
        before=json.loads(r["before"] or "{}"),
        after=json.loads(r["after"] or "{}"),
        ref=r["ref"],
        at=r["at"],
    )


def _check_header(path: Path) -> None:
    """Refuse anything but a new path or a regular SQLite file, before SQLite touches it.

    ``/dev/null`` would take a journal beside it (``/dev/null-journal``) and then fail as
    "disk full"; a pipe would block; a dangling link would create its target.
    """
    try:
        if path.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file")
        try:
            info = os.stat(path)
        except FileNotFoundError:
            if path.is_symlink():
                raise StoreError(f"{path}: a symbolic link to nothing; give a database file or a new name") from None
            if not path.parent.is_dir() and str(path.parent):
                raise StoreError(
                    f"{path}: cannot open the database file: the folder {path.parent} does not exist"
                ) from None
            return  # a new path: the database is created there
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"{path}: not a regular file (a device, pipe or socket); give a database file")
        if info.st_size > 0:
            with path.open("rb") as handle:
                if handle.read(16) != _SQLITE_HEADER:
                    raise CorruptDatabaseError(f"{path}: not a pizhu database (not an SQLite file)")
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the database file ({exc.strerror})") from None


def _folder_writable(path: Path) -> bool:
    """Whether SQLite can create the database's ``-wal`` and ``-shm`` files beside it."""
    folder = path.resolve().parent
    return os.access(folder, os.W_OK | os.X_OK)


def _read_only_uri(path: Path) -> str:
    """The URI that reads ``path`` without writing anything beside it (see ``Store``)."""
    if not path.exists():
        raise StoreError(f"{path}: no such database (and its folder cannot be written to create one)")
    quoted = urllib.parse.quote(str(path.resolve()))
    wal = Path(f"{path.resolve()}-wal")
    if wal.exists():
        return f"file:{quoted}?mode=ro"
    return f"file:{quoted}?mode=ro&immutable=1"
