"""The pizhu database: documents, sections, spans and the append-only decision log.

One ``Store`` wraps one SQLite file in WAL mode with a busy timeout, so several
reviewers can share it over SSH. Every write is one explicit ``BEGIN IMMEDIATE``
transaction that is committed before the call returns: what a caller has been told is
saved survives ``kill -9``. The state of a span for a reviewer is never stored: it is the
``after`` of that reviewer's latest decision on it, or the machine proposal.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pizhu.extract import GUIDELINES_VERSION
from pizhu.extract.layout import Layout
from pizhu.extract.models import DocumentDraft, Section, Span
from pizhu.store import lexicon, library, opening, progress, review, roles
from pizhu.store.clock import now
from pizhu.store.errors import (
    CorruptDatabaseError,
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
)
from pizhu.store.migrations import KNOWN, migrations
from pizhu.store.opening import explain
from pizhu.store.records import (
    ADDED,
    CONFIRMED,
    CORRECTED,
    PENDING,
    Change,
    Decision,
    DocumentSummary,
    OffsetMap,
    SpanState,
    SpanView,
    StoredDocument,
    StoredSection,
    is_adjudicator,
    machine_uid,
)
from pizhu.store.sqlitetools import Database

DEFAULT_DB = "annotations.db"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
    A reading caller never creates a database: a path that does not exist (a mistyped
    ``--db``) or a file that is not a pizhu database is refused, untouched.
    """

    def __init__(self, path: str | Path | None = DEFAULT_DB, *, memory: bool = False, read_only: bool = False) -> None:
        self.path = ":memory:" if memory or path is None else str(path)
        self.read_only = False
        self._reading = read_only
        target = ":memory:"
        uri = False
        if not memory and path is not None:
            # Never open (and close) the file ourselves while this process holds an SQLite
            # connection to it: ``store.opening`` counts them (a closed descriptor drops the
            # process's POSIX locks, SQLite's included).
            target, uri, self.read_only = opening.prepare(Path(path), reading=read_only)
        try:
            conn = sqlite3.connect(target, timeout=15.0, isolation_level=None, check_same_thread=False, uri=uri)
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None
        self.conn = conn
        self.db = Database(conn)
        self._origin: str | None = None
        # How long a write waits for another connection's write lock before BusyError: the
        # app's writer waits briefly and tries again itself, saying meanwhile that it waits.
        self.lock_wait = 60.0
        # The live gold lexicon spreads a decision's gold right after its transaction commits
        # (``spread_lexicon``); with ``defer_lexicon`` the caller does it when it likes (the
        # app's writer, once no decision waits).
        self.defer_lexicon = False
        self._lexicon_due = False
        self._key = opening.register(self.path)
        try:
            conn.execute("PRAGMA busy_timeout = 15000")
            if self.read_only:
                opening.check_readable(conn, self.path)
            if self._reading and not memory and not self._applied_known():
                # Before anything is written (WAL mode rewrites the header): a reader would
                # otherwise turn an empty or foreign SQLite file into a pizhu database.
                raise CorruptDatabaseError(f"{self.path}: not a pizhu database")
            if not self.read_only:
                if not memory:
                    conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.Error as exc:
            conn.close()
            raise explain(exc, self.path) from None
        except StoreError:
            conn.close()
            raise

    @classmethod
    def memory(cls) -> Store:
        return cls(None, memory=True)

    def close(self) -> None:
        self.conn.close()
        opening.release(self._key)
        self._key = None

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
                migrations.apply(self.db)

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
        """One immediate transaction, waiting while another writer holds the lock.

        The wait polls every millisecond or two instead of SQLite's own busy handler, which
        sleeps up to 100 ms at a time: a reviewer's key then gets the lock as soon as a
        long job (an import, a merge) lets go of it between two of its transactions.
        """
        deadline = time.monotonic() + self.lock_wait
        pause = 0.001
        self.conn.execute("PRAGMA busy_timeout = 0")  # for BEGIN: we poll; reads keep SQLite's wait
        try:
            while True:
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                    break
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc) and "busy" not in str(exc):
                        raise explain(exc, self.path) from None
                    if time.monotonic() > deadline:
                        raise explain(exc, self.path) from None
                    time.sleep(pause)
                    pause = min(pause * 1.5, 0.005)
        finally:
            self.conn.execute("PRAGMA busy_timeout = 15000")
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self._lexicon_due = False
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise explain(exc, self.path) from None
            raise
        if self._lexicon_due and not self.defer_lexicon:
            self._lexicon_due = False
            # The decision is saved: a spread that cannot run now (the lock) is the next one's.
            with contextlib.suppress(StoreError, sqlite3.Error):
                self.spread_lexicon()

    def read(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        try:
            cursor = self.conn.execute(sql, tuple(params))
            # A corrupt page is often met while fetching, not when the statement starts.
            rows = cursor.fetchall()
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in rows]

    # --- documents ------------------------------------------------------------------

    def has_content(self, text: str) -> bool:
        return bool(self.read("SELECT 1 FROM documents WHERE content_hash = ?", [content_hash(text)]))

    def has_source(self, source_hash: str, part: int = 0) -> bool:
        """Whether the report ``part`` of the source with these bytes is stored."""
        return bool(self.read("SELECT 1 FROM documents WHERE source_hash = ? AND part = ?", [source_hash, part]))

    def add_document(
        self,
        source: str,
        encoding: str,
        draft: DocumentDraft,
        spans: Iterable[Span] = (),
        extractor_version: str = "",
        *,
        source_hash: str | None = None,
        original: tuple[str, bytes] | None = None,
        ocr_words: Iterable[tuple[int, int, float]] = (),
    ) -> int | None:
        """Store one report with its sections and machine spans in one transaction.

        A document is identified by its source: ``source_hash`` (the hash of the file's
        bytes) and ``draft.part``. ``original`` is (media type, bytes) of a source file
        kept beside the extracted text (a saved HTML page). ``ocr_words``: for text read by
        OCR, (start, end, confidence) of each word in ``draft.raw``. Returns the new id, or None
        when that report is stored already (or, for a caller without the bytes, the same
        normalized text is).
        """
        digest = content_hash(draft.text)
        key = source_hash or "text:" + hashlib.sha1(draft.raw.encode("utf-8")).hexdigest()
        offset_map = OffsetMap.from_offsets(draft.normalized.raw_offsets, len(draft.raw))
        stamp = now()
        with self.transaction() as conn:
            if conn.execute(
                "SELECT 1 FROM documents WHERE (source_hash = ? AND part = ?) OR content_hash = ?",
                (key, draft.part, digest),
            ).fetchone():
                return None
            cursor = conn.execute(
                "INSERT INTO documents (source, part, content_hash, source_hash, encoding, script, title,"
                " organisation, year, date, raw, text, offset_map, extractor_version, imported_at, page_map)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    source,
                    draft.part,
                    digest,
                    key,
                    encoding,
                    draft.script,
                    draft.title,
                    draft.organisation,
                    draft.year,
                    draft.date or None,
                    draft.raw,
                    draft.text,
                    offset_map.to_json(),
                    extractor_version,
                    stamp,
                    json.dumps(draft.page_map) if draft.page_map else None,
                ),
            )
            doc_id = int(cursor.lastrowid or 0)
            insert_sections(conn, doc_id, draft.sections)
            if original is not None or draft.layout is not None:
                conn.execute(
                    "INSERT INTO document_sources (document_id, media_type, layout, data) VALUES (?,?,?,?)",
                    (
                        doc_id,
                        original[0] if original else encoding,
                        draft.layout.to_json() if draft.layout is not None else None,
                        original[1] if original else None,
                    ),
                )
            conn.executemany(
                "INSERT INTO ocr_words (document_id, start, end, confidence) VALUES (?,?,?,?)",
                [(doc_id, start, end, confidence) for start, end, confidence in ocr_words],
            )
            self._insert_machine_spans(conn, doc_id, key, spans, extractor_version, stamp)
        return doc_id

    def _insert_machine_spans(
        self, conn: sqlite3.Connection, doc_id: int, key: str, spans: Iterable[Span], version: str, stamp: str
    ) -> int:
        spans = list(spans)
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
                machine_uid(key, s.start, s.end, s.label),
                s.source,
            )
            for s in spans
        ]
        conn.executemany(
            "INSERT INTO spans (document_id, origin, label, start, end, text, attrs, rule,"
            " confidence, extractor_version, created_by, created_at, uid, source)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        recount_candidates(conn, doc_id)
        _flag_alternatives(conn, doc_id, spans, stamp)
        return len(rows)

    def replace_machine_spans(self, doc_id: int, spans: Iterable[Span], version: str) -> tuple[int, int]:
        """Re-extraction: keep what did not change, drop undecided candidates that went, add new ones.

        A candidate whose proposal (place, label, attributes) is proposed again keeps its
        row and id, so an open app goes on working; its rule and confidence are brought up
        to date, and its source too unless someone decided it (a decided span keeps the
        source it had when decided). A new proposal is not made where a span already stands at the
        same place and label, nor where any reviewer's version of a span (a correction, a
        span they added) already says it. A span someone decided under older guidelines
        and that the extractor now proposes by another rule is flagged ``ruling changed``
        (the queue shows it again to whoever decided it before). Returns
        (removed, added).
        """
        stamp = now()
        spans = list(spans)
        with self.transaction() as conn:
            key = conn.execute("SELECT source_hash FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
            existing = {}
            rules: dict[int, str] = {}
            for span_id, start, end, label, attrs, rule, decided in conn.execute(
                "SELECT id, start, end, label, attrs, rule,"
                " EXISTS (SELECT 1 FROM decisions d WHERE d.span_id = spans.id)"
                " FROM spans WHERE document_id = ? AND origin = 'machine'",
                (doc_id,),
            ):
                existing[(start, end, label)] = (span_id, json.loads(attrs or "{}"), bool(decided))
                rules[span_id] = rule or ""
            made = {
                (start, end, label)
                for start, end, label in conn.execute(
                    "SELECT start, end, label FROM span_states WHERE document_id = ? AND status IN (?,?,?)"
                    " UNION SELECT start, end, label FROM spans WHERE document_id = ? AND origin = 'human'",
                    (doc_id, CONFIRMED, CORRECTED, ADDED, doc_id),
                )
            }
            older = {
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT span_id FROM span_states WHERE document_id = ? AND status != ?"
                    " AND coalesce(guidelines, '') != ?",
                    (doc_id, PENDING, GUIDELINES_VERSION),
                )
            }
            keep: set[int] = set()
            fresh: list[Span] = []
            for s in spans:
                where = (s.start, s.end, s.label)
                found = existing.get(where)
                if found is not None:
                    span_id, attrs, decided = found
                    keep.add(span_id)
                    # Proposed again by another rule, after someone decided it under older
                    # guidelines: the ruling that made the first decision may have changed.
                    ruling = span_id in older and rules[span_id] != s.rule
                    if attrs == s.attrs or not decided:
                        # A decided span keeps the source it had when decided: stats credit a
                        # proposer with the finds it made then, not with a later re-proposal.
                        conn.execute(
                            "UPDATE spans SET attrs = ?, rule = ?, confidence = ?,"
                            " source = CASE WHEN ? THEN source ELSE ? END, extractor_version = ?,"
                            " flag = CASE WHEN ? THEN 'ruling changed' ELSE flag END,"
                            " flagged_at = CASE WHEN ? THEN ? ELSE flagged_at END WHERE id = ?",
                            (
                                json.dumps(s.attrs, ensure_ascii=False),
                                s.rule,
                                s.confidence,
                                decided,
                                s.source,
                                version,
                                ruling,
                                ruling,
                                stamp,
                                span_id,
                            ),
                        )
                    continue
                if where in made:
                    continue
                fresh.append(s)
            # The live lexicon's candidates (``store.lexicon``) are no extractor's to take back.
            lexical = {
                r[0]
                for r in conn.execute(
                    "SELECT id FROM spans WHERE document_id = ? AND source = ?", (doc_id, lexicon.SOURCE)
                )
            }
            gone = [
                span_id
                for span_id, _attrs, decided in existing.values()
                if span_id not in keep and not decided and span_id not in lexical
            ]
            conn.executemany("DELETE FROM spans WHERE id = ?", [(i,) for i in gone])
            recount_candidates(conn, doc_id)
            added = self._insert_machine_spans(conn, doc_id, key, fresh, version, stamp)
            conn.execute("UPDATE documents SET extractor_version = ? WHERE id = ?", (version, doc_id))
            _flag_alternatives(conn, doc_id, spans, stamp)
        return len(gone), added

    def document_ids(self, *, withdrawn: bool = False) -> list[int]:
        """Ids of the documents in the library (and of withdrawn ones with ``withdrawn=True``)."""
        where = "" if withdrawn else " WHERE deleted_at IS NULL"
        return [r["id"] for r in self.read(f"SELECT id FROM documents{where} ORDER BY id")]

    def withdraw_document(self, doc_id: int, *, restore: bool = False, by: str | None = None) -> None:
        """Take a wrongly imported report out of the library, exports and counts (or bring it back).

        Nothing is deleted: its spans and every decision on them stay in the log, and
        ``restore=True`` brings it back as it was. Logged (``store.library``), so a merge
        carries it to the other copies.
        """
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
                raise StoreError(f"no document {doc_id}")
            action = library.RESTORE if restore else library.WITHDRAW
            library.record(conn, doc_id, action, by or roles.login_name())

    def describe_document(
        self,
        doc_id: int,
        *,
        title: str | None = None,
        organisation: str | None = None,
        year: int | str | None = "",
        by: str | None = None,
    ) -> StoredDocument:
        """Correct a report's title, organisation or year (``year=None`` clears it; "" keeps it)."""
        if year not in ("", None) and not (isinstance(year, int) and 1900 <= year <= 2100):
            raise StoreError(f"year {year!r} is not a year between 1900 and 2100")
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
                raise StoreError(f"no document {doc_id}")
            fields: dict[str, Any] = {}
            if title is not None:
                fields["title"] = title.strip()
            if organisation is not None:
                fields["organisation"] = organisation.strip()
            if year != "":
                fields["year"] = year
            if fields:  # logged (``store.library``), so a merge carries it to the other copies
                library.record(conn, doc_id, library.DESCRIBE, by or roles.login_name(), fields)
        return self.document(doc_id)

    def assign(self, reviewers: list[str], overlap: float = 0.0, seed: int = 0, *, by: str | None = None) -> Assignment:
        """Share the library's documents out among ``reviewers``, ``overlap`` of them to two,
        counting the work already done (``store.progress``).

        A report a named reviewer has finished or started stays theirs (and counts in their
        share); a report nobody named worked on but someone else finished (in the gold view)
        has nothing left to do and goes to nobody, unless it is in the overlap (then to one
        reviewer, for a second opinion). Every other report goes to the reviewer with the
        smallest share so far (ties in the order named). A share ``overlap`` of the reports,
        chosen by a seeded hash (the same for the same library and seed), also goes to a
        second reviewer: one who worked on it, else the one with the smallest share.
        Replaces earlier assignments. Logged as one ``assign`` per report in ``library_log``
        (by ``by``, else the login name), so copies merged into each other converge.
        """
        names = [r for r in dict.fromkeys(reviewers) if r]
        if not names:
            raise StoreError("name at least one reviewer to assign documents to")
        if not 0.0 <= overlap <= 1.0:
            raise StoreError("the overlap is a share between 0 and 1")
        ids = self.document_ids()
        done = {name: progress.document_progress(self, name) for name in names}
        finished_gold = progress.finished_documents(self)
        load = dict.fromkeys(names, 0)
        finished = dict.fromkeys(names, 0)
        started = dict.fromkeys(names, 0)
        rows: list[tuple[int, str]] = []
        by_others = 0

        def least(exclude: set[str]) -> str:
            return min((n for n in names if n not in exclude), key=lambda n: (load[n], names.index(n)))

        def give(doc_id: int, name: str) -> None:
            rows.append((doc_id, name))
            load[name] += 1
            mine = done[name].get(doc_id)
            if mine is not None and mine.finished:
                finished[name] += 1
            elif mine is not None and mine.decided:
                started[name] += 1

        for doc_id in ids:
            # Whoever worked on it: finished first, then by how much they decided.
            workers = sorted(
                (n for n in names if doc_id in done[n] and done[n][doc_id].decided),
                key=lambda n: (not done[n][doc_id].finished, -done[n][doc_id].decided, names.index(n)),
            )
            digest = hashlib.sha1(f"{seed}|{doc_id}".encode()).digest()
            twice = len(names) > 1 and int.from_bytes(digest[:4], "big") / 2**32 < overlap
            if not workers and doc_id in finished_gold:
                if twice:  # a second opinion on someone else's finished report
                    give(doc_id, least(set()))
                else:
                    by_others += 1
                continue
            first = workers[0] if workers else least(set())
            give(doc_id, first)
            if len(workers) > 1 or twice:
                give(doc_id, workers[1] if len(workers) > 1 else least({first}))
        shares: dict[int, list[str]] = {doc_id: [] for doc_id in ids}
        for doc_id, name in rows:
            shares[doc_id].append(name)
        with self.transaction() as conn:
            # Every earlier assignment is replaced: the ones of reports not shared out now too.
            for (doc_id,) in conn.execute("SELECT DISTINCT document_id FROM assignments").fetchall():
                shares.setdefault(doc_id, [])
            # Logged (``store.library``), so a merge carries it to the other copies.
            library.record_assignments(conn, shares, by or roles.login_name())
        return Assignment({n: (load[n], finished[n], started[n]) for n in names}, by_others)

    def assigned(self, reviewer: str) -> set[int]:
        return {
            r["document_id"] for r in self.read("SELECT document_id FROM assignments WHERE reviewer = ?", [reviewer])
        }

    def document_text(self, doc_id: int) -> str:
        """A document's normalized text alone (the queue's and adjudication's context lines)."""
        rows = self.read("SELECT text FROM documents WHERE id = ?", [doc_id])
        if not rows:
            raise StoreError(f"no document {doc_id}")
        return str(rows[0]["text"])

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
            source_hash=r["source_hash"] or "",
            date=r["date"] or None,
            ocr=bool(self.read("SELECT 1 FROM ocr_words WHERE document_id = ? LIMIT 1", [doc_id])),
            page_map=tuple((start, page) for start, page in json.loads(r["page_map"])) if r["page_map"] else (),
        )

    def documents(self, reviewer: str = "") -> list[DocumentSummary]:
        try:
            rows = library.listing(self.conn)
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None
        mine = self.assigned(reviewer) if reviewer else set()
        # Reviewed and finished by the one definition (store.progress), in SQL.
        done = progress.document_progress(self, reviewer, candidates={r[0]: r[7] for r in rows}, decided_only=True)
        # Positional, one tuple per report (``DocumentSummary`` is a named tuple): 100,000 of
        # them on every open at scale. A report nobody decided in has reviewed nothing and is
        # not finished (``Progress(n, n, 0)``).
        summaries: list[DocumentSummary] = []
        append = summaries.append
        for doc_id, source, title, organisation, year, date, sections, candidates in rows:
            p = done.get(doc_id)
            if p is None:
                reviewed, finished = 0, False
            else:
                reviewed, finished = p.candidates - p.undecided, p.finished
            append(
                DocumentSummary(
                    doc_id,
                    source,
                    title or "",
                    organisation or "",
                    year,
                    sections,
                    candidates,
                    reviewed,
                    doc_id in mine,
                    date or None,
                    finished,
                )
            )
        return summaries

    def sections(self, doc_id: int) -> list[StoredSection]:
        rows = self.read(
            "SELECT id, document_id, ordinal, heading, start, end, kind, pages FROM sections"
            " WHERE document_id = ? ORDER BY ordinal",
            [doc_id],
        )
        sections = []
        for row in rows:
            pages = row.pop("pages")
            sections.append(StoredSection(**row, pages=tuple(json.loads(pages)) if pages else ()))
        return sections

    def ocr_words(self, doc_id: int) -> list[tuple[int, int, float]]:
        """(start, end, confidence 0–100) in the raw text of each word OCR read; [] for typed text."""
        return [
            (r["start"], r["end"], r["confidence"])
            for r in self.read(
                "SELECT start, end, confidence FROM ocr_words WHERE document_id = ? ORDER BY start", [doc_id]
            )
        ]

    def original(self, doc_id: int) -> tuple[str, bytes] | None:
        """(media type, bytes) of the source file kept with a document, or None."""
        rows = self.read("SELECT media_type, data FROM document_sources WHERE document_id = ?", [doc_id])
        return (rows[0]["media_type"], rows[0]["data"]) if rows and rows[0]["data"] is not None else None

    def layout(self, doc_id: int) -> Layout | None:
        """What the layout of a document's file said of its raw text (PDF, HTML, DOCX), or None."""
        rows = self.read(
            "SELECT s.layout, d.raw FROM document_sources s JOIN documents d ON d.id = s.document_id"
            " WHERE s.document_id = ?",
            [doc_id],
        )
        if not rows or not rows[0]["layout"]:
            return None
        return Layout.from_json(rows[0]["raw"], rows[0]["layout"])

    # --- views of the review state (store/review.py owns what they mean) -------------

    def spans(self, doc_id: int, reviewer: str | None = None) -> list[SpanView]:
        """Spans of a document as ``reviewer`` sees them, or the gold view for None.

        A reviewer's view holds every machine candidate and the spans they added
        themselves (review is blind: another reviewer's additions are not shown). The gold
        view holds every span with its gold status (see ``store.review``): gold spans
        (confirmed, corrected, added), ``disputed``, ``rejected``, ``removed`` and
        ``pending`` candidates.
        """
        if reviewer is None:
            return self._gold_views("s.document_id = ?", [doc_id])
        return self._reviewer_views("s.document_id = ?", [doc_id], reviewer)

    def span(self, span_id: int, reviewer: str | None = None) -> SpanView:
        views = (
            self._gold_views("s.id = ?", [span_id])
            if reviewer is None
            else self._reviewer_views("s.id = ?", [span_id], reviewer, hide_others=False)
        )
        if not views:
            raise StoreError(f"no span {span_id}")
        return views[0]

    def has_span(self, span_id: int) -> bool:
        return bool(self.read("SELECT 1 FROM spans WHERE id = ?", [span_id]))

    def _reviewer_views(
        self, where: str, params: list[Any], reviewer: str, *, hide_others: bool = True
    ) -> list[SpanView]:
        rows = self.read(
            "SELECT s.*, r.status AS _status, r.label AS _label, r.start AS _start, r.end AS _end, r.text AS _text,"
            " r.attrs AS _attrs, r.tags AS _tags, r.decided_at AS _at, r.guidelines AS _guidelines"
            f" FROM spans s LEFT JOIN span_states r ON r.span_id = s.id AND r.reviewer = ? WHERE {where}"
            " ORDER BY s.start, s.end, s.id",
            [reviewer, *params],
        )
        views = []
        for row in rows:
            if hide_others and row["origin"] != "machine" and row["_status"] is None:
                continue  # someone else's added span: not part of this reviewer's view
            views.append(_view(row, reviewer if row["_status"] is not None else ""))
        return views

    def _gold_views(self, where: str, params: list[Any]) -> list[SpanView]:
        rows = self.read(
            "SELECT s.*, g.status AS _status, g.label AS _label, g.start AS _start, g.end AS _end, g.text AS _text,"
            " g.attrs AS _attrs, g.tags AS _tags, g.decided_at AS _at, g.reviewers AS _reviewers,"
            " g.adjudicator AS _adjudicator, g.kinds AS _kinds"
            f" FROM spans s LEFT JOIN gold_states g ON g.span_id = s.id WHERE {where} ORDER BY s.start, s.end, s.id",
            params,
        )
        return [_view(row, row["_adjudicator"] or "") for row in rows]

    def reviewer_states(
        self, doc_id: int | None = None, *, attributes: bool = True
    ) -> Iterator[tuple[int, dict[str, dict[int, dict[str, Any]]]]]:
        """Per document, every reviewer's decided versions: ``(doc_id, {reviewer: {span_id: state}})``.

        Adjudicators are left out: an adjudicator's word is not a reviewer's opinion.
        Documents come in id order, one at a time.
        """
        sql = (
            "SELECT r.span_id, r.reviewer, r.document_id, r.status, r.label, r.start, r.end, r.text, r.attrs, r.tags,"
            " s.origin FROM span_states r JOIN spans s ON s.id = r.span_id"
            f" JOIN {library.LIVE} ON d.id = r.document_id WHERE d.deleted_at IS NULL"
            + (" AND r.document_id = ?" if doc_id is not None else "")
            + " ORDER BY r.document_id"
        )
        current: int | None = None
        states: dict[str, dict[int, dict[str, Any]]] = {}
        for row in self.read(sql, [] if doc_id is None else [doc_id]):
            if is_adjudicator(row["reviewer"]):
                continue
            if row["document_id"] != current:
                if current is not None:
                    yield current, states
                current, states = row["document_id"], {}
            states.setdefault(row["reviewer"], {})[row["span_id"]] = {
                "status": row["status"],
                "label": row["label"],
                "start": row["start"],
                "end": row["end"],
                "text": row["text"],
                "attrs": json.loads(row["attrs"] or "{}") if attributes else {},
                "tags": json.loads(row["tags"] or "[]") if attributes else [],
                "origin": row["origin"],
            }
        if current is not None:
            yield current, states

    def disputes(self, doc_id: int | None = None, include_resolved: bool = True) -> list[SpanView]:
        """Gold views of the spans whose reviewers differ in anything, tags included."""
        where = "g.kinds != ''" + ("" if include_resolved else " AND coalesce(g.adjudicator, '') = ''")
        params: list[Any] = []
        if doc_id is not None:
            where += " AND s.document_id = ?"
            params.append(doc_id)
        return self._gold_views(
            f"s.id IN (SELECT g.span_id FROM gold_states g JOIN spans s ON s.id = g.span_id WHERE {where})", params
        )

    def candidate_totals(
        self, documents: list[int] | None = None
    ) -> tuple[dict[int, int], dict[tuple[str, str, str], int]]:
        """Machine candidates per document, and per (label, rule, source), of ``documents`` or all."""
        if documents is None:
            return library.candidate_totals(self)
        where, params = (
            ("", [])
            if documents is None
            else (
                " WHERE document_id IN (SELECT value FROM json_each(?))",
                [json.dumps(documents)],
            )
        )
        per_document = {
            r["document_id"]: r["n"]
            for r in self.read(f"SELECT document_id, sum(n) AS n FROM candidate_counts{where} GROUP BY 1", params)
        }
        per_kind = {
            (r["label"], r["rule"] or "", r["source"] or "rules"): r["n"]
            for r in self.read(
                f"SELECT label, rule, source, sum(n) AS n FROM candidate_counts{where} GROUP BY 1, 2, 3", params
            )
        }
        return per_document, per_kind

    def decided_states(self, reviewer: str | None = None, status: str | None = None) -> Iterator[dict[str, Any]]:
        """Every span with a decided state in the gold view (or ``reviewer``'s), with its proposal.

        Rows: document_id, origin, label, rule and source (as proposed), ``status`` and the
        decided ``state_label``; for a corrected span also ``proposed`` and ``state`` (what
        was changed). Read in one pass; attributes are parsed only where they matter.
        """
        table, clause, params = (
            ("gold_states", "", []) if reviewer is None else ("span_states", " AND r.reviewer = ?", [reviewer])
        )
        if status is not None:
            clause += " AND r.status = ?"
            params = [*params, status]
        cursor = self.conn.execute(
            "SELECT s.document_id, s.origin, s.label, s.rule, s.source, r.status, r.label,"
            " s.start, s.end, s.attrs, r.start, r.end, r.attrs"
            f" FROM {table} r CROSS JOIN spans s ON s.id = r.span_id WHERE r.status != 'pending'{clause}",
            params,
        )
        try:
            rows = cursor.fetchall()
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None
        for doc, origin, label, rule, source, status, r_label, start, end, attrs, r_start, r_end, r_attrs in rows:
            row: dict[str, Any] = {
                "document_id": doc,
                "origin": origin,
                "label": label,
                "rule": rule,
                "source": source or ("rules" if origin == "machine" else "human"),
                "status": status,
                "state_label": r_label,
            }
            if status == CORRECTED:
                row["proposed"] = {"label": label, "start": start, "end": end, "attrs": json.loads(attrs or "{}")}
                row["state"] = {"label": r_label, "start": r_start, "end": r_end, "attrs": json.loads(r_attrs or "{}")}
            yield row

    def added_spans(self, doc_id: int | None = None) -> list[SpanView]:
        """Gold views of the spans reviewers added by hand that still stand."""
        where = "s.origin != 'machine' AND g.status = 'added'"
        params: list[Any] = []
        if doc_id is not None:
            where += " AND s.document_id = ?"
            params.append(doc_id)
        return self._gold_views(
            f"s.id IN (SELECT g.span_id FROM gold_states g JOIN spans s ON s.id = g.span_id WHERE {where})", params
        )

    def history(self, span_id: int, reviewer: str | None = None) -> list[Decision]:
        """The decisions on a span in log order (``at``, then uid); one reviewer's with ``reviewer``."""
        if reviewer is None:
            rows = self.read("SELECT * FROM decisions WHERE span_id = ? ORDER BY at, uid", [span_id])
        else:
            rows = self.read(
                "SELECT * FROM decisions WHERE span_id = ? AND reviewer = ? ORDER BY at, uid", [span_id, reviewer]
            )
        return [_decision(r) for r in rows]

    def decisions(self, reviewer: str | None = None) -> list[Decision]:
        if reviewer is None:
            rows = self.read("SELECT * FROM decisions ORDER BY at, uid")
        else:
            rows = self.read("SELECT * FROM decisions WHERE reviewer = ? ORDER BY at, uid", [reviewer])
        return [_decision(r) for r in rows]

    def reviewers(self) -> list[str]:
        return [r["reviewer"] for r in self.read("SELECT DISTINCT reviewer FROM decisions ORDER BY 1")]

    def tags(self) -> list[str]:
        return [r["name"] for r in self.read("SELECT name FROM tags ORDER BY name")]

    def queue(self, reviewer: str, label: str | None = None, limit: int = 500) -> list[SpanView]:
        """Machine spans still pending for ``reviewer``, least confident first.

        Spans flagged for another look (a ruling or the text changed since this reviewer's
        decision) come first.
        """
        params: list[Any] = [reviewer]
        label_clause = ""
        if label:
            label_clause = " AND s.label = ?"
            params.append(label)
        params.append(limit)
        select = (
            "SELECT s.*, r.status AS _status, r.label AS _label, r.start AS _start, r.end AS _end, r.text AS _text,"
            " r.attrs AS _attrs, r.tags AS _tags, r.decided_at AS _at, r.guidelines AS _guidelines"
            " FROM spans s LEFT JOIN span_states r ON r.span_id = s.id AND r.reviewer = ?"
            f" JOIN {library.LIVE} ON d.id = s.document_id AND d.deleted_at IS NULL"
        )
        # Two reads, each in index order: the few flagged spans, then the pending ones
        # least confident first (one ORDER BY over both would sort millions of rows).
        flagged = self.read(
            select.replace("FROM spans s", "FROM spans s INDEXED BY idx_spans_flagged")
            + " WHERE s.flag IS NOT NULL AND s.origin = 'machine'"
            " AND coalesce(r.decided_at, '') < coalesce(s.flagged_at, '')"
            + label_clause
            + " ORDER BY s.confidence, s.document_id, s.start LIMIT ?",
            params,
        )
        params[-1] = max(limit - len(flagged), 0)
        rows = self.read(
            select + " WHERE s.origin = 'machine' AND (r.status IS NULL OR r.status = 'pending')"
            " AND (s.flag IS NULL OR coalesce(r.decided_at, '') >= coalesce(s.flagged_at, ''))"
            + label_clause
            + " ORDER BY s.confidence, s.document_id, s.start LIMIT ?",
            params,
        )
        return [_view(row, reviewer if row["_status"] is not None else "") for row in flagged + rows]

    # --- decisions (store/review.py records them: ``review.decide``, ``review.add_span``...) -

    def decide(self, span_id: int, reviewer: str, change: Change, *, seen: SpanState | None = None) -> SpanView:
        """One reviewer's change on a span; the span as the reviewer now sees it (``review.decide``)."""
        return review.decide(self, span_id, reviewer, change, seen)

    def decide_many(
        self, span_ids: Iterable[int], reviewer: str, action: str, seen: dict[int, SpanState] | None = None
    ) -> int:
        """One action on many spans as one batch (``review.decide_many``); how many were decided."""
        return review.decide_many(self, span_ids, reviewer, action, seen)

    def add_span(
        self,
        doc_id: int,
        reviewer: str,
        start: int,
        end: int,
        label: str,
        attrs: dict[str, Any] | None = None,
    ) -> SpanView:
        """A span the machine missed, marked by a reviewer (``review.add_span``)."""
        return review.add_span(self, doc_id, reviewer, start, end, label, attrs)

    def split_span(self, span_id: int, reviewer: str, at: int) -> tuple[SpanView, SpanView]:
        """Cut a span in two at offset ``at`` (``review.split_span``)."""
        return review.split_span(self, span_id, reviewer, at)

    def merge_spans(self, first: int, second: int, reviewer: str) -> SpanView:
        """Join two spans into one (``review.merge_spans``)."""
        return review.merge_spans(self, first, second, reviewer)

    def adjudicate(self, span_id: int, adjudicator: str, chosen: dict[str, Any], *, overrule: bool = False) -> SpanView:
        """An adjudicator's final version of a span; its gold view (``review.adjudicate``)."""
        return review.adjudicate(self, span_id, adjudicator, chosen, overrule=overrule)

    def undo(self, reviewer: str) -> SpanView | None:
        """Take back the reviewer's latest decision still in effect (its whole batch), as new
        decisions; the span it took back first, in its new state."""
        spans = self.undo_batch(reviewer)
        return spans[0] if spans else None

    def redo(self, reviewer: str) -> SpanView | None:
        """Bring back what the reviewer's latest undo took back, as new decisions."""
        spans = self.redo_batch(reviewer)
        return spans[0] if spans else None

    def undo_batch(self, reviewer: str) -> list[SpanView]:
        """``undo``, giving every span the batch touched in its new state (first the one
        ``undo`` gives): what a screen swaps in without reading a document again."""
        return review.take_back(self, reviewer, redo=False)

    def redo_batch(self, reviewer: str) -> list[SpanView]:
        """``redo``, giving every span it touched (see ``undo_batch``)."""
        return review.take_back(self, reviewer, redo=True)

    def spans_by_id(self, span_ids: Sequence[int], reviewer: str) -> list[SpanView]:
        """These spans as ``reviewer`` sees them (another's added span too), in the order given."""
        views: dict[int, SpanView] = {}
        for at in range(0, len(span_ids), 500):
            chunk = list(span_ids[at : at + 500])
            marks = ",".join("?" * len(chunk))
            for view in self._reviewer_views(f"s.id IN ({marks})", chunk, reviewer, hide_others=False):
                views[view.id] = view
        return [views[i] for i in span_ids if i in views]

    def watch_lexicon(self, conn: sqlite3.Connection, *, spread: bool) -> None:
        """Before decisions are appended: the live gold lexicon (``store.lexicon``) starts its
        watermark, and with ``spread`` (they can make gold) spreads them once their transaction
        has committed (``spread_lexicon``), not in it."""
        lexicon.start_watermark(conn)
        if spread:
            self._lexicon_due = True

    def spread_lexicon(self, stop: Callable[[], bool] | None = None) -> set[int]:
        """Spread the gold of the decisions not spread yet (``store.lexicon``); the reports
        that got candidates (recounted). Each string is found in the texts by a read, outside
        any write transaction, and its candidates written in a short transaction that also
        moves the watermark, so a decision never waits on the scan and an interrupted spread
        is taken up by the next one. ``stop``: asked between strings (the app's writer stops
        when a decision is queued)."""
        changed: set[int] = set()
        seen: set[tuple[str, str]] = set()
        while True:
            todo = lexicon.due(self.conn)
            if not todo:
                return changed
            for decision, string, label, doc in todo:
                if stop is not None and stop():
                    return changed
                fresh = bool(string) and (string, label) not in seen
                seen.add((string, label))
                planned = lexicon.plan(self.conn, string, label, doc) if fresh else []
                with self.transaction() as conn:
                    docs = lexicon.write(conn, string, label, planned)
                    for d in docs:
                        recount_candidates(conn, d)
                    lexicon.advance(conn, decision)
                changed |= docs

    def rebuild_state(self) -> int:
        """Recompute every cached state row from the decision log."""
        with self.transaction() as conn:
            return review.rebuild(conn)

    @property
    def origin(self) -> str:
        """This database's own id (made with its schema), recorded with every decision made on it."""
        if self._origin is None:
            rows = self.read("SELECT value FROM pizhu_meta WHERE key = 'origin'")
            self._origin = str(rows[0]["value"]) if rows else ""
        return self._origin

    # --- maintenance ----------------------------------------------------------------

    def integrity_ok(self) -> bool:
        return bool(self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


@dataclass(frozen=True)
class Assignment:
    """What ``Store.assign`` did."""

    shares: dict[str, tuple[int, int, int]]
    """Reviewer → (reports assigned, of them finished already, started already)."""
    finished_by_others: int = 0
    """Reports finished by reviewers not named, assigned to nobody."""


def _flag_alternatives(conn: sqlite3.Connection, doc_id: int, spans: Iterable[Span], stamp: str) -> None:
    """A candidate another proposer read otherwise (``Span.alternative``) is flagged
    ``model: LABEL start-end``: the queue puts it first, the reader takes it with one key."""
    conn.executemany(
        "UPDATE spans SET flag = ?, flagged_at = ? WHERE document_id = ? AND origin = 'machine'"
        " AND start = ? AND end = ? AND label = ? AND coalesce(flag, '') != ?",
        [
            (f"model: {s.alternative}", stamp, doc_id, s.start, s.end, s.label, f"model: {s.alternative}")
            for s in spans
            if s.alternative
        ],
    )


def insert_sections(conn: sqlite3.Connection, doc_id: int, sections: Iterable[Section]) -> None:
    """A document's sections as the extractor found them (on import, and on extracting again)."""
    conn.executemany(
        "INSERT INTO sections (document_id, ordinal, heading, start, end, kind, pages) VALUES (?,?,?,?,?,?,?)",
        [
            (doc_id, s.ordinal, s.heading, s.start, s.end, s.kind, json.dumps(s.pages) if s.pages else None)
            for s in sections
        ],
    )


def recount_candidates(conn: sqlite3.Connection, doc_id: int) -> None:
    """Count a document's machine candidates again (per label, rule, source) after they changed."""
    conn.execute("DELETE FROM candidate_counts WHERE document_id = ?", (doc_id,))
    conn.execute(
        "INSERT INTO candidate_counts SELECT document_id, label, rule, source, count(*) FROM spans"
        " WHERE document_id = ? AND origin = 'machine' GROUP BY label, rule, source",
        (doc_id,),
    )


def _view(row: dict[str, Any], reviewer: str) -> SpanView:
    """A span row joined with a state row (``_status``… columns; all None: no state yet)."""
    proposed = {
        "label": row["label"],
        "start": row["start"],
        "end": row["end"],
        "text": row["text"],
        "attrs": json.loads(row["attrs"] or "{}"),
    }
    if row.get("_status") is None:
        status = PENDING if row["origin"] == "machine" else ADDED
        state: dict[str, Any] = dict(proposed, status=status, tags=[])
        decided_at = ""
    else:
        state = {
            "status": row["_status"],
            "label": row["_label"],
            "start": row["_start"],
            "end": row["_end"],
            "text": row["_text"],
            "attrs": json.loads(row["_attrs"] or "{}"),
            "tags": json.loads(row["_tags"] or "[]"),
        }
        decided_at = row.get("_at") or ""
    return SpanView(
        id=row["id"],
        document_id=row["document_id"],
        origin=row["origin"],
        label=state["label"],
        start=state["start"],
        end=state["end"],
        text=state["text"],
        attrs=state["attrs"],
        tags=tuple(state["tags"]),
        status=state["status"],
        rule=row["rule"] or "",
        confidence=row["confidence"] if row["confidence"] is not None else 1.0,
        extractor_version=row["extractor_version"] or "",
        reviewer=reviewer,
        decided_at=decided_at,
        proposed=proposed,
        source=row.get("source") or ("human" if row["origin"] != "machine" else "rules"),
        flag=row.get("flag") or "",
        reviewers=tuple(json.loads(row["_reviewers"])) if row.get("_reviewers") else (),
        differences=tuple(k for k in (row.get("_kinds") or "").split(",") if k),
        guidelines=row.get("_guidelines") or "",
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
        uid=r.get("uid") or "",
        origin=r.get("origin") or "",
        ref_uid=r.get("ref_uid"),
        batch=r.get("batch"),
        guidelines=r.get("guidelines") or "",
    )
