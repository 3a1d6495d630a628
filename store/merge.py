"""Bring in the decisions reviewers made on their own copy of the database.

Merging converges: merging copies into each other in any order, any number of times,
gives every copy the same decisions, hence (``store.review`` derives every state from
them) the same reviewer views and the same gold. Matching:

* documents by their source (``source_hash`` and ``part``), else by their normalized
  text; a document only the other file holds is copied with its sections and spans;
* spans by ``uid`` (the same machine candidate has the same uid in every copy; a
  reviewer's added span keeps the uid it was made with), else a machine span by its
  place and label;
* decisions by ``uid``: a decision is copied once, keeping its time, origin, batch and
  what it refers to, so its place in the order is the same on every copy.

The other file is never changed. It is first copied (SQLite's backup API) to a
temporary file, brought to this schema there, and checked whole (``integrity_check``,
every row read) before anything is written, so a bad file is refused in one line that
names it and leaves the target as it was. Then each document is merged in its own short
transaction, so a reviewer working on the target waits at most for one document; an
interrupted merge is completed by running it again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pizhu.store import library, review
from pizhu.store.db import Store, recount_candidates
from pizhu.store.errors import MergeError, StoreError
from pizhu.store.migrations import KNOWN
from pizhu.store.opening import check_header, open_here
from pizhu.store.records import OffsetMap

_REQUIRED_TABLES = {"documents", "sections", "spans", "decisions"}


@dataclass
class MergeReport:
    source: str
    documents_matched: int = 0
    documents_added: int = 0
    spans_added: int = 0
    decisions_added: int = 0
    decisions_present: int = 0
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        return (
            f"merged {self.source}: {self.decisions_added} decision(s) added,"
            f" {self.decisions_present} already present; {self.spans_added} span(s) and"
            f" {self.documents_added} document(s) added, {self.documents_matched} document(s) matched"
        )


def open_other(path: str | Path, target: Store | None = None) -> sqlite3.Connection:
    """Open another pizhu database read-only after the quick checks (header, tables, schema)."""
    path = Path(path)
    if not path.exists():
        raise MergeError(f"{path}: no such file")
    try:
        if open_here(path) == 0:  # see Store.__init__: never close a descriptor of an open database
            check_header(path)
    except StoreError as exc:
        raise MergeError(str(exc)) from None
    if not path.is_file():
        raise MergeError(f"{path}: not a regular file")
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
        if "unable to open" in str(exc):
            name = path.name
            raise MergeError(
                f"{path}: cannot be read where it is: its folder is read-only and SQLite needs to create"
                f" {name}-shm beside the {name}-wal it holds; copy {name} and {name}-wal to a writable folder"
                " and merge the copy"
            ) from None
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


@contextlib.contextmanager
def checked_copy(path: str | Path, target: Store | None = None) -> Iterator[Store]:
    """The other database, copied to a temporary file at this schema and checked whole."""
    other = open_other(path, target)
    clean_stale_copies()
    try:
        folder = tempfile.mkdtemp(prefix=_COPY_PREFIX)
        holder = _hold(folder)
    except OSError as exc:
        other.close()
        raise MergeError(
            f"cannot make a temporary folder in {tempfile.gettempdir()} to check {path} ({exc.strerror or exc});"
            " set TMPDIR to a folder with room"
        ) from None
    copy_path = Path(folder) / "other.db"
    try:
        try:
            dest = sqlite3.connect(copy_path)
            with dest:
                other.backup(dest)
            dest.close()
        except sqlite3.Error as exc:
            if "full" in str(exc) or "disk I/O" in str(exc):
                raise MergeError(
                    f"no room in the temporary folder {folder} for a checked copy of {path} ({exc});"
                    " free room there or set TMPDIR to a folder with room"
                ) from None
            raise MergeError(f"{path}: the database file is corrupt or unreadable ({exc})") from None
        finally:
            other.close()
        try:
            copy = Store(copy_path)
        except StoreError as exc:
            raise MergeError(f"{path}: {str(exc).replace(str(copy_path), '').lstrip(': ')}") from None
        try:
            try:
                check = copy.conn.execute("PRAGMA integrity_check").fetchone()[0]
                if check != "ok":
                    raise MergeError(f"{path}: the database file is corrupt ({check})")
                for table in ("documents", "sections", "spans", "decisions"):
                    for _row in copy.conn.execute(f"SELECT * FROM {table}"):
                        pass
                problem = validate(copy.conn)
            except sqlite3.Error as exc:
                raise MergeError(f"{path}: the database file is corrupt or unreadable ({exc})") from None
            if problem:
                raise MergeError(f"{path}: {problem}; nothing was merged")
            yield copy
        finally:
            copy.close()
    finally:
        _remove_copy(folder)
        os.close(holder)


_COPY_PREFIX = "pizhu-merge-"
_HOLD = ".held"


def _hold(folder: str) -> int:
    """Lock a file in our temporary folder while the merge runs: a folder whose lock can be
    taken was left by a killed merge (see ``clean_stale_copies``)."""
    handle = os.open(os.path.join(folder, _HOLD), os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle


def _remove_copy(folder: str) -> None:
    for name in os.listdir(folder):
        with contextlib.suppress(OSError):
            os.unlink(os.path.join(folder, name))
    with contextlib.suppress(OSError):
        os.rmdir(folder)


def clean_stale_copies() -> None:
    """Remove the checked copies that killed merges left in the temporary folder (never one
    a running merge holds)."""
    base = tempfile.gettempdir()
    with contextlib.suppress(OSError):
        for name in os.listdir(base):
            folder = os.path.join(base, name)
            if not name.startswith(_COPY_PREFIX) or not os.path.isdir(folder) or os.path.islink(folder):
                continue
            try:
                handle = os.open(os.path.join(folder, _HOLD), os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                continue  # someone else's: not ours to judge
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(handle)
                continue  # a merge running now
            try:
                _remove_copy(folder)
            finally:
                os.close(handle)


# Decisions, library operations and span flags are dated within this window: a date outside
# it (``9999-12-31…``) would put every later decision behind it, one that cannot be read
# would freeze a reviewer's order.
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
AHEAD = dt.timedelta(days=1)
"""How far ahead of this machine's clock another copy's clock may have run: a local time
written as UTC is off by at most 14 hours; more is a wrong clock. After a merge every new
decision is dated after the other copy's last (``review.next_time``), so this also bounds
how far ahead of real time a merge can push the log, and with it how long another copy's
later, truly dated decisions would sort before the fast copy's."""


def _date_problem(value: Any, latest: dt.datetime) -> str:
    if not isinstance(value, str):
        return f"date {value!r} is not a date"
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return f"date {value!r} cannot be read"
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    if not EARLIEST <= when <= latest:
        return f"date {value!r} is outside {EARLIEST.date()} … {latest.date()} (a clock far off?)"
    return ""


def _json_problem(value: Any, what: str, *, nullable: bool = True) -> str:
    if value is None and nullable:
        return ""
    if not isinstance(value, str):
        return f"{what} is not JSON text"
    try:
        loaded = json.loads(value)
    except ValueError:
        return f"{what} is not valid JSON"
    return "" if isinstance(loaded, dict) else f"{what} is not a JSON object"


def _name_problem(value: Any, what: str) -> str:
    return "" if isinstance(value, str) and value.strip() else f"{what} is missing"


def _map_problem(text: Any, raw: Any, data: Any) -> str:
    if not isinstance(text, str):
        return "text is missing"
    try:
        offsets = OffsetMap.from_json(data)
    except (ValueError, TypeError, KeyError, AttributeError):
        return "offset map cannot be read"
    if offsets.text_length != len(text) or (isinstance(raw, str) and offsets.raw_length != len(raw)):
        return "offset map does not fit its text"
    covered = 0
    for run in offsets.runs:
        if len(run) != 3 or not all(isinstance(n, int) and n >= 0 for n in run):
            return "offset map has a bad run"
        norm, at_raw, length = run
        if norm != covered or norm + length > offsets.text_length or at_raw + length > offsets.raw_length:
            return "offset map does not fit its text"
        covered = norm + length
    if covered != offsets.text_length:
        return "offset map does not fit its text"
    return ""


def validate(conn: sqlite3.Connection) -> str:
    """The first row of another copy (brought to this schema) that must not be merged, as
    ``TABLE row ID: what``, or ""."""
    latest = dt.datetime.now(dt.timezone.utc) + AHEAD
    lengths: dict[int, int] = {}
    for doc_id, text, raw, offset_map, page_map in conn.execute(
        "SELECT id, text, raw, offset_map, page_map FROM documents ORDER BY id"
    ):
        problem = _map_problem(text, raw, offset_map)
        if not problem and page_map is not None:
            try:
                json.loads(page_map)
            except (ValueError, TypeError):
                problem = "page map is not valid JSON"
        if problem:
            return f"documents row {doc_id}: {problem}"
        lengths[doc_id] = len(text)
    for span_id, doc_id, uid, start, end, attrs, flagged_at in conn.execute(
        "SELECT id, document_id, uid, start, end, attrs, flagged_at FROM spans ORDER BY id"
    ):
        # A flag dated ahead would outlast every decision made on the span (the queue shows a
        # flagged span until a reviewer's decision is dated after its flag).
        problem = (
            _name_problem(uid, "uid")
            or _json_problem(attrs, "attrs")
            or ("" if flagged_at is None else _date_problem(flagged_at, latest))
        )
        if not problem and not (
            isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= lengths.get(doc_id, -1)
        ):
            problem = f"offsets {start!r}–{end!r} do not fit its document"
        if problem:
            return f"spans row {span_id}: {problem}"
    for row_id, uid, reviewer, at, payload, before, after in conn.execute(
        "SELECT id, uid, reviewer, at, payload, before, after FROM decisions ORDER BY id"
    ):
        problem = (
            _name_problem(uid, "uid")
            or _name_problem(reviewer, "reviewer")
            or _date_problem(at, latest)
            or _json_problem(payload, "payload")
            or _json_problem(before, "before")
            or _json_problem(after, "after")
        )
        if problem:
            return f"decisions row {row_id}: {problem}"
    for row_id, uid, action, reviewer, at, payload in conn.execute(
        "SELECT id, uid, action, reviewer, at, payload FROM library_log ORDER BY id"
    ):
        problem = (
            _name_problem(uid, "uid")
            or _name_problem(reviewer, "reviewer")
            or ("" if action in library.ACTIONS else f"action {action!r} is unknown")
            or _date_problem(at, latest)
            or _json_problem(payload, "payload", nullable=False)
        )
        if not problem:
            data = json.loads(payload)
            year = data.get("year")
            names = data.get("reviewers", [])
            if year is not None and not (isinstance(year, int) and 1900 <= year <= 2100):
                problem = f"year {year!r} is not a year"
            elif not (isinstance(names, list) and all(isinstance(n, str) and n.strip() for n in names)):
                problem = f"reviewers {names!r} are not a list of names"
        if problem:
            return f"library_log row {row_id}: {problem}"
    return ""


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


def wal_warning(path: str | Path) -> str:
    """A warning when a ``-wal`` file stands beside the other database: a ``cp`` of a live one."""
    wal = Path(f"{path}-wal")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return (
                f"{wal.name} stands beside {Path(path).name}: a copy of a live database can miss what is still in"
                " its -wal; make copies with `pizhu backup`"
            )
    except OSError:
        pass
    return ""


def merge(store: Store, path: str | Path) -> MergeReport:
    """Merge one other database into ``store``, one document per transaction."""
    report = MergeReport(str(path))
    warning = wal_warning(path)
    if warning:
        report.warnings.append(warning)
    with checked_copy(path, store) as other:
        _merge(store, other, report)
    return report


def merge_all(store: Store, paths: Iterable[str | Path]) -> list[MergeReport]:
    """Check every file first, so that one bad file stops the merge before any write."""
    paths = list(paths)
    for path in paths:
        open_other(path, store).close()
    return [merge(store, path) for path in paths]


class Translate:
    """Offsets of the other copy's text → ours, through the shared raw text (identity if equal)."""

    def __init__(self, theirs: dict[str, Any], ours: dict[str, Any]) -> None:
        # A row sent without its text (a hub's document this copy holds already) is known by
        # its content hash, the hash of that text.
        if "text" in theirs and "text" in ours:
            self.same = theirs["text"] == ours["text"]
        else:
            self.same = theirs["content_hash"] == ours["content_hash"]
        if not self.same:
            self.their_map = OffsetMap.from_json(theirs["offset_map"])
            our_map = OffsetMap.from_json(ours["offset_map"])
            self.raw_to_ours: dict[int, int] = {}
            for i in range(our_map.text_length):
                self.raw_to_ours.setdefault(our_map.to_raw(i), i)

    @classmethod
    def identity(cls) -> Translate:
        """For two copies of one text (the same content hash): offsets as they are."""
        return cls({"content_hash": ""}, {"content_hash": ""})

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        if self.same:
            return start, end
        if end <= start:
            return None
        raw_start, raw_end = self.their_map.span_to_raw(start, end)
        new_start = self.raw_to_ours.get(raw_start)
        new_last = self.raw_to_ours.get(raw_end - 1)
        if new_start is None or new_last is None:
            return None
        return new_start, new_last + 1

    def payload(self, data: dict[str, Any]) -> dict[str, Any]:
        if self.same or "start" not in data or "end" not in data:
            return data
        moved = self.span(int(data["start"]), int(data["end"]))
        return data if moved is None else {**data, "start": moved[0], "end": moved[1]}


# Rows per write transaction: a reviewer working on the target waits for at most one chunk.
_CHUNK = 50


@contextlib.contextmanager
def _politely(store: Store) -> Iterator[sqlite3.Connection]:
    """A write transaction, then a pause as long as it held the lock: a reviewer waiting for
    the lock gets it between two of the merge's transactions, never after a run of them."""
    started = time.perf_counter()
    with store.transaction() as conn:
        yield conn
    time.sleep(min(time.perf_counter() - started, 0.05))


def _chunks(rows: list[Any], size: int = _CHUNK) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


@dataclass
class Incoming:
    """One document of another copy and what comes with it, as rows shaped like ours.

    ``spans`` and ``decisions`` may be a part of the document's (what a hub sends since the
    last sync): a decision whose span is not among ``spans`` nor ours already is skipped.
    ``extras`` gives the document's sections, original source rows and OCR words, asked for
    only when the document is new here.
    """

    document: dict[str, Any]
    spans: list[dict[str, Any]]
    decisions: list[dict[str, Any]]
    upkeep: list[dict[str, Any]]
    extras: Callable[[], tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]]


@dataclass
class Merged:
    """Where one incoming document went: our document id and our id for each of its spans."""

    document_id: int
    span_map: dict[int, int]


def find_document(conn: sqlite3.Connection, document: dict[str, Any]) -> dict[str, Any] | None:
    """Our document for another copy's: the same source (hash and part), else the same text."""
    found = _rows(
        conn,
        "SELECT * FROM documents WHERE (source_hash = ? AND part = ?) OR content_hash = ?"
        " ORDER BY (source_hash = ? AND part = ?) DESC LIMIT 1",
        [
            *(document["source_hash"], document["part"], document["content_hash"]),
            document["source_hash"],
            document["part"],
        ],
    )
    return found[0] if found else None


def _merge(store: Store, other: Store, report: MergeReport) -> None:
    theirs = other.conn
    columns = merge_columns(store)
    for document in _rows(theirs, "SELECT * FROM documents ORDER BY id"):
        doc_id = document["id"]

        def extras(doc_id: int = doc_id) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
            return (
                _rows(theirs, "SELECT * FROM sections WHERE document_id = ?", [doc_id]),
                _rows(theirs, "SELECT * FROM document_sources WHERE document_id = ?", [doc_id]),
                _rows(theirs, "SELECT * FROM ocr_words WHERE document_id = ?", [doc_id]),
            )

        incoming = Incoming(
            document,
            _rows(theirs, "SELECT * FROM spans WHERE document_id = ? ORDER BY id", [doc_id]),
            _rows(theirs, "SELECT * FROM decisions WHERE document_id = ?", [doc_id]),
            _rows(theirs, "SELECT * FROM library_log WHERE document_id = ?", [doc_id]),
            extras,
        )
        merge_document(store, incoming, report, columns)
    with store.transaction() as conn:
        for tag in _rows(theirs, "SELECT * FROM tags"):
            conn.execute(
                "INSERT OR IGNORE INTO tags (name, created_by, created_at) VALUES (?,?,?)",
                (tag["name"], tag.get("created_by"), tag.get("created_at")),
            )


def merge_columns(store: Store) -> dict[str, list[str]]:
    """Our columns of the tables ``merge_document`` copies rows into."""
    return {t: _columns(store.conn, t) for t in ("documents", "sections", "spans", "document_sources")}


def merge_document(
    store: Store,
    incoming: Incoming,
    report: MergeReport,
    columns: dict[str, list[str]] | None = None,
    *,
    checkpoint: bool = True,
) -> Merged:
    """Merge one document of another copy: matched or copied in, then its spans, its
    decisions and its library upkeep, each step in its own short transaction.
    ``checkpoint``: keep the log file short after it (else the caller does, less often)."""
    columns = columns or merge_columns(store)
    document = incoming.document
    with store.transaction() as conn:
        found = find_document(conn, document)
        if found is not None:
            target_doc = found
            report.documents_matched += 1
        else:
            target_id = _insert(conn, "documents", document, columns["documents"])
            sections, originals, words = incoming.extras()
            for section in sections:
                _insert(conn, "sections", section | {"document_id": target_id}, columns["sections"])
            # The source as it came (an HTML page's bytes, a PDF's layout), for re-normalizing here.
            for original in originals:
                _insert(conn, "document_sources", original | {"document_id": target_id}, columns["document_sources"])
            # OCR confidences are in raw offsets, the same on both copies. (The checked copy
            # is at this schema: every table of ours is there.)
            conn.executemany(
                "INSERT INTO ocr_words (document_id, start, end, confidence) VALUES (?,?,?,?)",
                [(target_id, w["start"], w["end"], w["confidence"]) for w in words],
            )
            report.documents_added += 1
            target_doc = document | {"id": target_id}
    target_id = int(target_doc["id"])
    translate = Translate(document, target_doc)
    # Spans, then decisions, each in short transactions: a span is always there before a
    # decision on it, and a merge cut off anywhere is completed by running it again.
    span_map: dict[int, int] = {}
    spans = incoming.spans
    added_before = report.spans_added
    for chunk in _chunks(spans):
        with _politely(store) as conn:
            span_map |= _map_spans(conn, chunk, target_doc, columns["spans"], translate, report)
    if report.spans_added > added_before:
        with store.transaction() as conn:
            recount_candidates(conn, target_id)
    mapped = []
    for decision in incoming.decisions:
        span_id = span_map.get(decision["span_id"])
        if span_id is None:
            continue  # a dangling row in the other file: nothing to attach it to
        payload = decision.get("payload")
        if payload is not None and not translate.same:
            payload = json.dumps(translate.payload(json.loads(payload)), ensure_ascii=False, sort_keys=True)
        mapped.append(decision | {"span_id": span_id, "document_id": target_id, "ref": None, "payload": payload})
    for chunk in _chunks(mapped):
        with _politely(store) as conn:
            added, present = review.adopt(conn, chunk)
        report.decisions_added += added
        report.decisions_present += present
    # Library upkeep (withdraw, restore, describe) merges like the decisions.
    if incoming.upkeep:
        with _politely(store) as conn:
            library.adopt(conn, [row | {"document_id": target_id} for row in incoming.upkeep])
    # Keep the log file short as we go, outside any write lock: otherwise a reviewer's
    # commit would be the one to run SQLite's automatic checkpoint of everything merged.
    if checkpoint:
        checkpoint_log(store)
    return Merged(target_id, span_map)


def checkpoint_log(store: Store) -> None:
    if store.path != ":memory:":
        with contextlib.suppress(sqlite3.Error):
            store.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


def _map_spans(
    conn: sqlite3.Connection,
    spans: list[dict[str, Any]],
    target_doc: dict[str, Any],
    span_columns: list[str],
    translate: Translate,
    report: MergeReport,
) -> dict[int, int]:
    """Our span id for each of ``spans`` (theirs), copying in the ones we lack."""
    by_uid: dict[str, int] = {}
    by_place: dict[tuple[Any, ...], int] = {}
    for span_id, uid, start, end, label, origin in conn.execute(
        "SELECT id, uid, start, end, label, origin FROM spans WHERE document_id = ? ORDER BY id", (target_doc["id"],)
    ):
        by_uid.setdefault(uid, span_id)
        if origin == "machine":
            by_place.setdefault((start, end, label), span_id)
    text: str = target_doc["text"]
    span_map: dict[int, int] = {}
    for span in spans:
        found = by_uid.get(span["uid"])
        moved = translate.span(span["start"], span["end"])
        if found is None and span["origin"] == "machine" and moved is not None:
            found = by_place.get((*moved, span["label"]))
        if found is None:
            if moved is None:
                continue  # the other copy's text has no place for it in ours
            piece = text[moved[0] : moved[1]]
            row = span | {"document_id": target_doc["id"], "start": moved[0], "end": moved[1], "text": piece}
            if piece != span["text"]:
                row["flag"], row["flagged_at"] = "text changed", review.next_time(conn)
            found = _insert(conn, "spans", row, span_columns)
            by_uid[span["uid"]] = found
            report.spans_added += 1
        span_map[span["id"]] = found
    return span_map
