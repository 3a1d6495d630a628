"""Bring in the decisions reviewers made on their own copy of the database.

Matching, so that merging the same file twice adds nothing the second time:

* documents by the hash of their normalized text (a document only the other file holds
  is copied with its sections and spans);
* spans within a document by their proposal ``(start, end, label, origin)``; when a key
  occurs more than once, the n-th span of the other file goes with the n-th of ours; a
  span we lack (a reviewer's added span, or a proposal of another extractor version) is
  copied;
* decisions by ``(span, reviewer, action, at)``: the timestamp has microseconds, so the
  same decision made twice is not confused with the one copied twice.

The other file is opened read-only and never changed. It is checked (SQLite header,
integrity, a pizhu schema this version knows) before anything is written, and each
file is merged in one transaction: a bad file leaves the target as it was.

Merged decisions are appended to the log after the ones already there: a reviewer's own
order is kept, but in the consolidated view (latest decision by anyone) a merged
decision is "later" than every decision already in the target.
"""

from __future__ import annotations

import os
import sqlite3
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from store.db import CorruptDatabaseError, Store, StoreError, _check_header
from store.migrations import KNOWN

_REQUIRED_TABLES = {"documents", "sections", "spans", "decisions"}


class MergeError(StoreError):
    """Another database that cannot be merged, with a one-line reason."""


@dataclass
class MergeReport:
    source: str
    documents_matched: int = 0
    documents_added: int = 0
    spans_added: int = 0
    decisions_added: int = 0
    decisions_present: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        return (
            f"merged {self.source}: {self.decisions_added} decision(s) added,"
            f" {self.decisions_present} already present; {self.spans_added} span(s) and"
            f" {self.documents_added} document(s) added, {self.documents_matched} document(s) matched"
        )


def open_other(path: str | Path, target: Store | None = None) -> sqlite3.Connection:
    """Open another pizhu database read-only after checking it is one we can merge."""
    path = Path(path)
    if not path.exists():
        raise MergeError(f"{path}: no such file")
    try:
        _check_header(path)
    except StoreError as exc:
        raise MergeError(str(exc)) from None
    if target is not None and target.path != ":memory:" and _same_file(path, Path(target.path)):
        raise MergeError(f"{path}: is the target database itself")
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=15.0)
    except sqlite3.Error as exc:
        raise MergeError(f"{path}: cannot open ({exc})") from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not _REQUIRED_TABLES <= tables:
            raise MergeError(f"{path}: not a pizhu database")
        if "_sqlite_migrations" in tables:
            applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'pizhu'")]
            unknown = [name for name in applied if name not in KNOWN]
            if unknown:
                raise MergeError(f"{path}: written by a newer pizhu (schema {unknown[-1]}); upgrade pizhu to merge it")
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise MergeError(f"{path}: the database file is corrupt ({check})")
    except sqlite3.Error as exc:
        conn.close()
        raise MergeError(f"{path}: the database file is corrupt or unreadable ({exc})") from None
    except MergeError:
        conn.close()
        raise
    return conn


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _rows(conn: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, tuple(params))
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any], columns: list[str]) -> int:
    names = [c for c in columns if c != "id" and c in row]
    cursor = conn.execute(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
        [row[c] for c in names],
    )
    return int(cursor.lastrowid or 0)


def _span_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["start"], row["end"], row["label"], row["origin"])


def merge(store: Store, path: str | Path) -> MergeReport:
    """Merge one other database into ``store`` in one transaction."""
    other = open_other(path, store)
    try:
        return _merge(store, other, str(path))
    except sqlite3.Error as exc:
        raise CorruptDatabaseError(f"{path}: the database file is corrupt or unreadable ({exc})") from None
    finally:
        other.close()


def merge_all(store: Store, paths: Iterable[str | Path]) -> list[MergeReport]:
    """Check every file first, so that one bad file stops the merge before any write."""
    paths = list(paths)
    for path in paths:
        open_other(path, store).close()
    return [merge(store, path) for path in paths]


def _merge(store: Store, other: sqlite3.Connection, source: str) -> MergeReport:
    report = MergeReport(source)
    other.execute("BEGIN")  # one consistent snapshot of the other file while we read it
    try:
        with store.transaction() as conn:
            document_columns = _columns(conn, "documents")
            section_columns = _columns(conn, "sections")
            span_columns = _columns(conn, "spans")
            decision_columns = _columns(conn, "decisions")
            span_map: dict[int, int] = {}
            document_map: dict[int, int] = {}
            for document in _rows(other, "SELECT * FROM documents ORDER BY id"):
                found = conn.execute(
                    "SELECT id FROM documents WHERE content_hash = ?", (document["content_hash"],)
                ).fetchone()
                if found:
                    target_id = int(found[0])
                    report.documents_matched += 1
                else:
                    target_id = _insert(conn, "documents", document, document_columns)
                    for section in _rows(other, "SELECT * FROM sections WHERE document_id = ?", [document["id"]]):
                        _insert(conn, "sections", section | {"document_id": target_id}, section_columns)
                    report.documents_added += 1
                document_map[document["id"]] = target_id
                report.spans_added += _map_spans(conn, other, document["id"], target_id, span_columns, span_map)
            _merge_decisions(conn, other, document_map, span_map, decision_columns, report)
            for tag in _rows(other, "SELECT * FROM tags") if _has_table(other, "tags") else []:
                conn.execute(
                    "INSERT OR IGNORE INTO tags (name, created_by, created_at) VALUES (?,?,?)",
                    (tag["name"], tag.get("created_by"), tag.get("created_at")),
                )
    finally:
        other.execute("ROLLBACK")
    return report


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def _map_spans(
    conn: sqlite3.Connection,
    other: sqlite3.Connection,
    source_doc: int,
    target_doc: int,
    span_columns: list[str],
    span_map: dict[int, int],
) -> int:
    ours: dict[tuple[Any, ...], deque[int]] = defaultdict(deque)
    cursor = conn.execute(
        "SELECT id, start, end, label, origin FROM spans WHERE document_id = ? ORDER BY id", (target_doc,)
    )
    for span_id, start, end, label, origin in cursor.fetchall():
        ours[(start, end, label, origin)].append(span_id)
    added = 0
    for span in _rows(other, "SELECT * FROM spans WHERE document_id = ? ORDER BY id", [source_doc]):
        waiting = ours[_span_key(span)]
        if waiting:
            span_map[span["id"]] = waiting.popleft()
        else:
            span_map[span["id"]] = _insert(conn, "spans", span | {"document_id": target_doc}, span_columns)
            added += 1
    return added


def _merge_decisions(
    conn: sqlite3.Connection,
    other: sqlite3.Connection,
    document_map: dict[int, int],
    span_map: dict[int, int],
    decision_columns: list[str],
    report: MergeReport,
) -> None:
    # Global id order: an undo's ``ref`` points at an earlier decision, maybe in another document.
    decision_map: dict[int, int] = {}
    present: dict[tuple[Any, ...], deque[int]] = {}
    for decision in _rows(other, "SELECT * FROM decisions ORDER BY id"):
        span_id = span_map.get(decision["span_id"])
        document_id = document_map.get(decision["document_id"])
        if span_id is None or document_id is None:
            continue  # a dangling row in the other file: nothing to attach it to
        key = (span_id, decision["reviewer"], decision["action"], decision["at"])
        if key not in present:
            # Loaded once per key, before this run adds any: two identical rows in the
            # other file stay two, and a second run finds both.
            present[key] = deque(
                r[0]
                for r in conn.execute(
                    "SELECT id FROM decisions WHERE span_id = ? AND reviewer = ? AND action = ? AND at = ? ORDER BY id",
                    key,
                )
            )
        if present[key]:
            decision_map[decision["id"]] = present[key].popleft()
            report.decisions_present += 1
            continue
        # ``ref`` (what an undo/redo undid) is only meaningful as one of our own ids.
        ref = decision_map.get(decision["ref"]) if decision.get("ref") is not None else None
        row = decision | {"span_id": span_id, "document_id": document_id, "ref": ref}
        decision_map[decision["id"]] = _insert(conn, "decisions", row, decision_columns)
        report.decisions_added += 1
