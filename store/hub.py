"""A team hub: one PostgreSQL database that reviewers' SQLite copies sync with.

The hub is one more copy: documents with their source identity, sections, spans,
decisions and library upkeep, matched and ordered by the rules of ``store.merge``
(documents by source, else text; spans by uid, else a machine span by place and label;
decisions and upkeep by uid, ordered by their time and uid). A sync pushes what this copy
has that the hub lacks and pulls what it lacks, through ``merge.merge_document``, so a
pulled document lands here exactly as a merged file's would.

The schema lives in the ``pizhu`` schema of an existing database, made by numbered
migrations (``hub init`` applies the pending ones, so it is idempotent). The hub itself
enforces who is who, whatever client writes to it:

* ``pizhu.reviewers`` maps a PostgreSQL role to the reviewer name it takes part as
  (``hub grant``), and whether it may adjudicate;
* row-level security on ``pizhu.decisions`` lets a role insert only rows under its own
  reviewer name, and adjudications (``adjudicate``, ``adjudicator:NAME``) only if
  granted as adjudicator; it is forced on the tables' owner too;
* triggers refuse every UPDATE, DELETE and TRUNCATE of a decision or upkeep row, and roles
  are granted SELECT and INSERT only;
* a statement-level trigger takes one lock before every insert, so rows become visible in
  the order of their ids: a copy that has pulled up to id N never misses a row below N.

Each copy remembers, per hub (by the hub's id, never its URL), the local ids it has pushed
and the hub ids it has pulled (``pizhu_meta``). Every step is idempotent, so a sync
killed midway is completed by the next one, and two syncs at once neither lose nor
duplicate anything (the hub matches under its lock, the copy in its transactions).

psycopg 3 is imported only here (``pip install -e '.[hub]'``); SQLite needs nothing new.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pizhu.store.db import Store
from pizhu.store.errors import StoreError
from pizhu.store.merge import (
    AHEAD,
    Incoming,
    MergeReport,
    Translate,
    _date_problem,
    _json_problem,
    checkpoint_log,
    find_document,
    merge_document,
)
from pizhu.store.records import ADJUDICATOR_PREFIX

if TYPE_CHECKING:
    import psycopg

SCHEMA = "pizhu"
CHANNEL = "pizhu_hub"
"""The NOTIFY channel: the hub announces every commit of new decisions or documents on it."""
_ORDER_LOCK = 2027_0023
"""The advisory lock every insert into the hub takes first (see the module's doc)."""

DOCUMENT_COLUMNS = (
    "source",
    "part",
    "content_hash",
    "source_hash",
    "encoding",
    "script",
    "title",
    "organisation",
    "year",
    "raw",
    "text",
    "offset_map",
    "extractor_version",
    "imported_at",
    "deleted_at",
    "page_map",
    "date",
)
SECTION_COLUMNS = ("ordinal", "heading", "start", "end", "kind", "pages")
SOURCE_COLUMNS = ("media_type", "layout", "data")
OCR_COLUMNS = ("start", "end", "confidence")
SPAN_COLUMNS = (
    "uid",
    "origin",
    "label",
    "start",
    "end",
    "text",
    "attrs",
    "rule",
    "confidence",
    "extractor_version",
    "created_by",
    "created_at",
    "source",
    "flag",
    "flagged_at",
)
DECISION_COLUMNS = (
    "uid",
    "reviewer",
    "action",
    "before",
    "after",
    "payload",
    "at",
    "origin",
    "ref_uid",
    "batch",
    "guidelines",
)
LIBRARY_COLUMNS = ("uid", "action", "payload", "reviewer", "at")


class HubError(StoreError):
    """The hub cannot be reached or refused the whole sync; one line for the user."""


# --- the schema ----------------------------------------------------------------------------

_LOCK_FUNCTION = f"""
CREATE FUNCTION {SCHEMA}.take_order_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({_ORDER_LOCK});
    RETURN NULL;
END $$"""

_REFUSE_FUNCTION = f"""
CREATE FUNCTION {SCHEMA}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'pizhu hub: % rows are append-only: nobody may % them', TG_TABLE_NAME, lower(TG_OP)
        USING ERRCODE = 'insufficient_privilege';
END $$"""

_NOTIFY_FUNCTION = f"""
CREATE FUNCTION {SCHEMA}.announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
    RETURN NULL;
END $$"""

_STAMP_FUNCTION = f"""
CREATE FUNCTION {SCHEMA}.stamp_pusher() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.pushed_by := current_user;
    NEW.pushed_at := now();
    RETURN NEW;
END $$"""

_PUSHED = "pushed_by name NOT NULL DEFAULT current_user, pushed_at timestamptz NOT NULL DEFAULT now()"

MIGRATIONS: list[tuple[str, list[str]]] = [
    (
        "0001_initial",
        [
            f"CREATE TABLE {SCHEMA}.meta (key text PRIMARY KEY, value text NOT NULL)",
            f"INSERT INTO {SCHEMA}.meta (key, value) VALUES ('hub_id', '{{hub_id}}')",
            f"CREATE TABLE {SCHEMA}.reviewers (role name PRIMARY KEY, reviewer text NOT NULL UNIQUE,"
            " adjudicator boolean NOT NULL DEFAULT false, granted_at timestamptz NOT NULL DEFAULT now())",
            f"CREATE TABLE {SCHEMA}.documents (id bigserial PRIMARY KEY, source text NOT NULL, part bigint,"
            " content_hash text NOT NULL UNIQUE, source_hash text, encoding text, script text, title text,"
            " organisation text, year bigint, raw text NOT NULL, text text NOT NULL, offset_map text NOT NULL,"
            f" extractor_version text, imported_at text, deleted_at text, page_map text, date text, {_PUSHED})",
            f"CREATE INDEX documents_source ON {SCHEMA}.documents (source_hash, part)",
            f"CREATE TABLE {SCHEMA}.sections (id bigserial PRIMARY KEY,"
            f" document_id bigint NOT NULL REFERENCES {SCHEMA}.documents, ordinal bigint, heading text,"
            ' start bigint, "end" bigint, kind text, pages text, UNIQUE (document_id, ordinal))',
            f"CREATE TABLE {SCHEMA}.document_sources (document_id bigint PRIMARY KEY REFERENCES {SCHEMA}.documents,"
            " media_type text NOT NULL, layout text, data bytea)",
            f"CREATE TABLE {SCHEMA}.ocr_words (document_id bigint NOT NULL REFERENCES {SCHEMA}.documents,"
            ' start bigint NOT NULL, "end" bigint NOT NULL, confidence double precision NOT NULL)',
            f"CREATE INDEX ocr_words_document ON {SCHEMA}.ocr_words (document_id)",
            f"CREATE TABLE {SCHEMA}.spans (id bigserial PRIMARY KEY,"
            f" document_id bigint NOT NULL REFERENCES {SCHEMA}.documents, uid text NOT NULL, origin text NOT NULL,"
            ' label text, start bigint NOT NULL, "end" bigint NOT NULL, text text, attrs text, rule text,'
            " confidence double precision, extractor_version text, created_by text, created_at text, source text,"
            f" flag text, flagged_at text, {_PUSHED}, UNIQUE (document_id, uid))",
            f"CREATE TABLE {SCHEMA}.decisions (seq bigserial PRIMARY KEY, uid text NOT NULL UNIQUE,"
            f" span_id bigint NOT NULL REFERENCES {SCHEMA}.spans,"
            f" document_id bigint NOT NULL REFERENCES {SCHEMA}.documents, reviewer text NOT NULL,"
            " action text NOT NULL, before text, after text, payload text, at text NOT NULL, origin text,"
            f" ref_uid text, batch text, guidelines text, {_PUSHED})",
            f"CREATE INDEX decisions_document ON {SCHEMA}.decisions (document_id)",
            f"CREATE TABLE {SCHEMA}.library_log (seq bigserial PRIMARY KEY, uid text NOT NULL UNIQUE,"
            f" document_id bigint NOT NULL REFERENCES {SCHEMA}.documents, action text NOT NULL,"
            f" payload text NOT NULL, reviewer text NOT NULL, at text NOT NULL, {_PUSHED})",
            f"CREATE TABLE {SCHEMA}.tags (name text PRIMARY KEY, created_by text, created_at text)",
            _LOCK_FUNCTION,
            _REFUSE_FUNCTION,
            _NOTIFY_FUNCTION,
            _STAMP_FUNCTION,
            *[
                f"CREATE TRIGGER order_lock BEFORE INSERT ON {SCHEMA}.{table}"
                f" FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.take_order_lock()"
                for table in (
                    "documents",
                    "sections",
                    "document_sources",
                    "ocr_words",
                    "spans",
                    "decisions",
                    "library_log",
                    "tags",
                )
            ],
            *[
                f"CREATE TRIGGER stamp BEFORE INSERT ON {SCHEMA}.{table}"
                f" FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.stamp_pusher()"
                for table in ("documents", "spans", "decisions", "library_log")
            ],
            *[
                f"CREATE TRIGGER announce AFTER INSERT ON {SCHEMA}.{table}"
                f" FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.announce()"
                for table in ("documents", "spans", "decisions", "library_log")
            ],
            *[
                statement
                for table in ("decisions", "library_log")
                for statement in (
                    f"CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON {SCHEMA}.{table}"
                    f" FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.refuse_change()",
                    f"CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON {SCHEMA}.{table}"
                    f" FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.refuse_change()",
                )
            ],
            f"ALTER TABLE {SCHEMA}.decisions ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {SCHEMA}.decisions FORCE ROW LEVEL SECURITY",
            f"CREATE POLICY everyone_reads ON {SCHEMA}.decisions FOR SELECT USING (true)",
            # A role adds rows under its own reviewer name only; an adjudication (the action,
            # or the adjudicator: name its verdicts and their undos go under) only if granted.
            f"CREATE POLICY own_name ON {SCHEMA}.decisions FOR INSERT WITH CHECK (EXISTS ("
            f" SELECT 1 FROM {SCHEMA}.reviewers r WHERE r.role = current_user"
            f"  AND (decisions.reviewer = r.reviewer OR decisions.reviewer = '{ADJUDICATOR_PREFIX}' || r.reviewer)"
            f"  AND (r.adjudicator OR (decisions.action <> 'adjudicate' AND decisions.reviewer = r.reviewer))))",
        ],
    ),
]
"""The hub's schema, in order. Never edit one that has shipped: add a new numbered one."""


def redact(url: str) -> str:
    """The hub as ``role@host:port/db``: never its password."""
    try:
        from psycopg.conninfo import conninfo_to_dict

        parts = conninfo_to_dict(url)
    except Exception:
        return "the hub (its URL could not be read)"
    host = str(parts.get("host") or "localhost")
    if host.startswith("/"):
        host = "socket"
    where = f"{host}:{parts['port']}" if parts.get("port") else host
    user = f"{parts['user']}@" if parts.get("user") else ""
    return f"{user}{where}/{parts.get('dbname') or ''}"


def _scrub(message: str, url: str) -> str:
    """A driver's message with any password of the URL taken out, on one line."""
    try:
        from psycopg.conninfo import conninfo_to_dict

        password = str(conninfo_to_dict(url).get("password") or "")
    except Exception:
        password = ""
    if password:
        message = message.replace(password, "***")
    return " ".join(message.split())


def connect(url: str, *, autocommit: bool = False, timeout: int = 5) -> psycopg.Connection[Any]:
    """A connection to the hub, or a ``HubError`` naming it (without its password)."""
    try:
        import psycopg
    except ImportError:
        raise HubError("the hub needs psycopg: pip install 'pizhu[hub]' (or -e '.[hub]')") from None
    try:
        return psycopg.connect(url, autocommit=autocommit, connect_timeout=timeout, application_name="pizhu")
    except psycopg.Error as exc:
        raise HubError(f"cannot reach the hub {redact(url)}: {_scrub(str(exc), url)}") from None
    except Exception as exc:  # a URL that libpq cannot parse
        raise HubError(f"the hub's URL cannot be used: {_scrub(str(exc), url)}") from None


@contextlib.contextmanager
def _hub(url: str, what: str) -> Iterator[psycopg.Connection[Any]]:
    """A hub connection whose driver errors become one ``HubError`` line."""
    import psycopg

    conn = connect(url, autocommit=True)
    try:
        yield conn
    except psycopg.Error as exc:
        raise HubError(f"{what} {redact(url)} failed: {_scrub(str(exc), url)}") from None
    finally:
        with contextlib.suppress(Exception):
            conn.close()


def _applied(conn: psycopg.Connection[Any]) -> list[str]:
    found = conn.execute(
        "SELECT 1 FROM pg_tables WHERE schemaname = %s AND tablename = 'migrations'", (SCHEMA,)
    ).fetchone()
    if found is None:
        return []
    return [r[0] for r in conn.execute(f"SELECT name FROM {SCHEMA}.migrations ORDER BY name")]


def init(url: str) -> list[str]:
    """Create or bring up to date the hub's schema; returns the migrations applied now."""
    applied_now: list[str] = []
    with _hub(url, "hub init on") as conn:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_ORDER_LOCK + 1,))
            conn.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
            conn.execute(
                f"CREATE TABLE IF NOT EXISTS {SCHEMA}.migrations (name text PRIMARY KEY,"
                " applied_at timestamptz NOT NULL DEFAULT now())"
            )
            done = set(_applied(conn))
            known = {name for name, _ in MIGRATIONS}
            newer = sorted(done - known)
            if newer:
                raise HubError(f"the hub {redact(url)} has schema {newer[-1]}, newer than this pizhu: upgrade pizhu")
            for name, statements in MIGRATIONS:
                if name in done:
                    continue
                for statement in statements:
                    conn.execute(statement.replace("{hub_id}", uuid.uuid4().hex))
                conn.execute(f"INSERT INTO {SCHEMA}.migrations (name) VALUES (%s)", (name,))
                applied_now.append(name)
    return applied_now


def grant(url: str, name: str, *, adjudicator: bool = False) -> str:
    """Let the PostgreSQL role ``name`` take part as the reviewer ``name``."""
    from psycopg import sql

    from pizhu.store.roles import name_problem

    problem = name_problem(name)
    if problem:
        raise HubError(f"{name!r}: {problem}")
    with _hub(url, "hub grant on") as conn:
        _require_schema(conn, url)
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is None:
            raise HubError(
                f"there is no PostgreSQL role {name!r} at {redact(url)}: create it first"
                f" (CREATE ROLE {name} LOGIN PASSWORD '…')"
            )
        role = sql.Identifier(name)
        schema = sql.Identifier(SCHEMA)
        with conn.transaction():
            conn.execute(
                f"INSERT INTO {SCHEMA}.reviewers (role, reviewer, adjudicator) VALUES (%s, %s, %s)"
                " ON CONFLICT (role) DO UPDATE SET adjudicator = excluded.adjudicator, granted_at = now()",
                (name, name, adjudicator),
            )
            conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema, role))
            conn.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(schema, role))
            tables = ("documents", "sections", "document_sources", "ocr_words", "spans", "decisions", "library_log")
            for table in (*tables, "tags"):
                conn.execute(sql.SQL("GRANT INSERT ON {}.{} TO {}").format(schema, sql.Identifier(table), role))
            conn.execute(sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA {} TO {}").format(schema, role))
    return f"granted: role {name} takes part as reviewer {name}" + (", adjudicator" if adjudicator else "")


def _require_schema(conn: psycopg.Connection[Any], url: str) -> None:
    applied = _applied(conn)
    if not applied:
        raise HubError(f"{redact(url)} is no pizhu hub (yet): run pizhu hub init on it")
    known = {name for name, _ in MIGRATIONS}
    if not set(applied) <= known:
        raise HubError(f"the hub {redact(url)} has a schema newer than this pizhu: upgrade pizhu")
    if len(applied) < len(MIGRATIONS):
        raise HubError(f"the hub {redact(url)} needs its schema brought up to date: run pizhu hub init on it")


def hub_id(conn: psycopg.Connection[Any]) -> str:
    return str(conn.execute(f"SELECT value FROM {SCHEMA}.meta WHERE key = 'hub_id'").fetchone()[0])  # type: ignore[index]


# --- what this copy remembers of each hub -----------------------------------------------------

_TABLES = ("documents", "spans", "decisions", "library_log")


@dataclass
class Marks:
    """Per hub: the local ids pushed and the hub ids pulled, table by table, and the
    decisions the hub refused (tried again at every sync)."""

    pushed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_TABLES, 0))
    pulled: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_TABLES, 0))
    refused: list[str] = field(default_factory=list)


def _key(hub: str) -> str:
    return f"hub {hub}"


def read_marks(store: Store, hub: str) -> Marks:
    rows = store.read("SELECT value FROM pizhu_meta WHERE key = ?", [_key(hub)])
    marks = Marks()
    if rows:
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            data = json.loads(rows[0]["value"])
            marks.pushed.update({k: int(v) for k, v in data.get("pushed", {}).items() if k in _TABLES})
            marks.pulled.update({k: int(v) for k, v in data.get("pulled", {}).items() if k in _TABLES})
            marks.refused = [str(u) for u in data.get("refused", [])]
    return marks


def _save_marks(
    conn: sqlite3.Connection,
    hub: str,
    *,
    pushed: dict[str, int] | None = None,
    pulled: dict[str, int] | None = None,
    refused: list[str] | None = None,
) -> None:
    """Raise the marks (never lower them: another sync of this copy may be further on)."""
    row = conn.execute("SELECT value FROM pizhu_meta WHERE key = ?", (_key(hub),)).fetchone()
    data: dict[str, Any] = {"pushed": {}, "pulled": {}, "refused": []}
    if row:
        with contextlib.suppress(ValueError, TypeError):
            data.update(json.loads(row[0]))
    for name, marks in (("pushed", pushed), ("pulled", pulled)):
        for table, value in (marks or {}).items():
            data[name][table] = max(int(data[name].get(table, 0)), value)
    if refused is not None:
        data["refused"] = refused
    conn.execute(
        "INSERT INTO pizhu_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (_key(hub), json.dumps(data, sort_keys=True)),
    )


# --- a sync ------------------------------------------------------------------------------------


@dataclass
class Moved:
    documents: int = 0
    spans: int = 0
    decisions: int = 0
    upkeep: int = 0

    def total(self) -> int:
        return self.documents + self.spans + self.decisions + self.upkeep

    def describe(self) -> str:
        return (
            f"{self.decisions} decision(s), {self.spans} span(s), {self.documents} document(s),"
            f" {self.upkeep} library change(s)"
        )


@dataclass
class SyncReport:
    hub: str
    pushed: Moved = field(default_factory=Moved)
    pulled: Moved = field(default_factory=Moved)
    refused: list[str] = field(default_factory=list)
    """One line per decision the hub refused (kept in this copy)."""
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        if not self.pushed.total() and not self.pulled.total():
            moved = [f"synced with {self.hub}: nothing to move"]
        else:
            moved = [
                f"pushed to {self.hub}: {self.pushed.describe()}",
                f"pulled from {self.hub}: {self.pulled.describe()}",
            ]
        return moved


def sync(store: Store, url: str) -> SyncReport:
    """Push what this copy has that the hub lacks, then pull what it lacks."""
    started = time.perf_counter()
    report = SyncReport(redact(url))
    with _hub(url, "the sync with") as conn:
        _require_grant(conn, url)
        _require_schema(conn, url)
        hub = hub_id(conn)
        mine = _push(store, conn, hub, report)
        _pull(store, conn, hub, report, mine)
    report.seconds = time.perf_counter() - started
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO pizhu_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (f"hub synced {report.hub}", str(time.time())),
        )
    return report


def last_synced(store: Store, url: str) -> float | None:
    """When this copy last synced with the hub at ``url`` (``time.time()``), or None."""
    rows = store.read("SELECT value FROM pizhu_meta WHERE key = ?", [f"hub synced {redact(url)}"])
    try:
        return float(rows[0]["value"]) if rows else None
    except ValueError:
        return None


def _require_grant(conn: psycopg.Connection[Any], url: str) -> None:
    if conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (SCHEMA,)).fetchone() is None:
        raise HubError(f"{redact(url)} is no pizhu hub (yet): run pizhu hub init on it")
    row = conn.execute(
        "SELECT has_schema_privilege(%s, 'USAGE'), rolsuper FROM pg_roles WHERE rolname = current_user", (SCHEMA,)
    ).fetchone()
    if row is not None and row[0]:
        row = conn.execute(
            f"SELECT r.reviewer, s.rolsuper FROM pg_roles s LEFT JOIN {SCHEMA}.reviewers r ON r.role = s.rolname"
            " WHERE s.rolname = current_user"
        ).fetchone()
    if row is None or (not row[0] and not row[1]):
        user = conn.info.user
        raise HubError(
            f"the hub {redact(url)} has not granted the role {user} a part: its owner runs pizhu hub grant URL {user}"
        )


@dataclass
class _Mine:
    """Hub ids this sync inserted: already here, so the pull skips them."""

    ids: dict[str, set[int]] = field(default_factory=lambda: {t: set() for t in _TABLES})
    decision_uids: set[str] = field(default_factory=set)
    upkeep_uids: set[str] = field(default_factory=set)
    local_documents: set[int] = field(default_factory=set)
    local_spans: set[int] = field(default_factory=set)


def _local_rows(conn: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, tuple(params))
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _q(columns: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


# Documents per hub transaction: each holds the hub's insert lock, so other syncs wait at most one.
_DOCS_PER_TRANSACTION = 50


def _push(store: Store, hub_conn: psycopg.Connection[Any], hub: str, report: SyncReport) -> _Mine:
    marks = read_marks(store, hub)
    local = store.conn
    mine = _Mine()
    top = {t: int(local.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]) for t in _TABLES}
    new_docs = [
        r[0]
        for r in local.execute(
            "SELECT id FROM documents WHERE id > ? AND id <= ? ORDER BY id",
            (marks.pushed["documents"], top["documents"]),
        )
    ]
    spans = _local_rows(
        local, "SELECT * FROM spans WHERE id > ? AND id <= ? ORDER BY id", (marks.pushed["spans"], top["spans"])
    )
    decisions = _local_rows(
        local,
        "SELECT * FROM decisions WHERE id > ? AND id <= ? ORDER BY id",
        (marks.pushed["decisions"], top["decisions"]),
    )
    if marks.refused:
        seen = {d["uid"] for d in decisions}
        again = [u for u in marks.refused if u not in seen]
        for start in range(0, len(again), 500):
            part = again[start : start + 500]
            decisions += _local_rows(
                local, f"SELECT * FROM decisions WHERE uid IN ({','.join('?' for _ in part)})", part
            )
    upkeep = _local_rows(
        local,
        "SELECT * FROM library_log WHERE id > ? AND id <= ? ORDER BY id",
        (marks.pushed["library_log"], top["library_log"]),
    )
    by_doc: dict[int, tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]] = {}
    for doc_id in new_docs:
        by_doc.setdefault(doc_id, ([], [], []))
    for span in spans:
        by_doc.setdefault(span["document_id"], ([], [], []))[0].append(span)
    for decision in decisions:
        by_doc.setdefault(decision["document_id"], ([], [], []))[1].append(decision)
    for row in upkeep:
        by_doc.setdefault(row["document_id"], ([], [], []))[2].append(row)
    refused: list[str] = []
    doc_ids = sorted(by_doc)
    for start in range(0, len(doc_ids), _DOCS_PER_TRANSACTION):
        chunk = doc_ids[start : start + _DOCS_PER_TRANSACTION]
        with hub_conn.transaction():
            hub_conn.execute("SELECT pg_advisory_xact_lock(%s)", (_ORDER_LOCK,))
            refused += _push_chunk(store, hub_conn, chunk, by_doc, report, mine)
    with hub_conn.transaction():
        tags = _local_rows(local, "SELECT name, created_by, created_at FROM tags")
        if tags:
            hub_conn.execute("SELECT pg_advisory_xact_lock(%s)", (_ORDER_LOCK,))
            with hub_conn.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {SCHEMA}.tags (name, created_by, created_at) VALUES (%s, %s, %s)"
                    " ON CONFLICT (name) DO NOTHING",
                    [(t["name"], t["created_by"], t["created_at"]) for t in tags],
                )
    refused_uids = sorted({line.split("\x00")[0] for line in refused})
    report.refused = [line.split("\x00")[1] for line in refused]
    with store.transaction() as conn:
        _save_marks(conn, hub, pushed=top, refused=refused_uids)
    return mine


class _HubIndex:
    """The hub's documents that may match a chunk of ours, by ``merge.find_document``'s rule
    (source hash and part first, else the text's hash), read in one query."""

    def __init__(self, hub_conn: psycopg.Connection[Any], documents: list[dict[str, Any]]) -> None:
        self.by_source: dict[tuple[Any, Any], dict[str, Any]] = {}
        self.by_content: dict[str, dict[str, Any]] = {}
        for row in _hub_rows(
            hub_conn.execute(
                f"SELECT id, source_hash, part, content_hash FROM {SCHEMA}.documents"
                " WHERE content_hash = ANY(%s) OR source_hash = ANY(%s) ORDER BY id",
                ([d["content_hash"] for d in documents], [d["source_hash"] for d in documents]),
            )
        ):
            self.add(row)

    def add(self, row: dict[str, Any]) -> None:
        if row["source_hash"] is not None and row["part"] is not None:
            self.by_source.setdefault((row["source_hash"], row["part"]), row)
        self.by_content.setdefault(row["content_hash"], row)

    def find(self, document: dict[str, Any]) -> dict[str, Any] | None:
        return self.by_source.get((document["source_hash"], document["part"])) or self.by_content.get(
            document["content_hash"]
        )


def _insert_rows(
    hub_conn: psycopg.Connection[Any], table: str, columns: Sequence[str], rows: list[dict[str, Any]], extra: str = ""
) -> None:
    if not rows:
        return
    with hub_conn.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {SCHEMA}.{table} ({_q(columns)}) VALUES ({', '.join('%s' for _ in columns)}) {extra}",
            [tuple(row.get(c) for c in columns) for row in rows],
        )


def _copy_rows(
    hub_conn: psycopg.Connection[Any], table: str, columns: Sequence[str], rows: list[dict[str, Any]]
) -> None:
    """Rows into a table that cannot hold them yet (a document new to the hub), by COPY."""
    if not rows:
        return
    with hub_conn.cursor() as cursor, cursor.copy(f"COPY {SCHEMA}.{table} ({_q(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(tuple(row.get(c) for c in columns))


def _push_chunk(
    store: Store,
    hub_conn: psycopg.Connection[Any],
    doc_ids: list[int],
    by_doc: dict[int, tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]],
    report: SyncReport,
    mine: _Mine,
) -> list[str]:
    """Local documents and what is new on them, into the hub (inside its transaction)."""
    local = store.conn
    documents = _local_rows(
        local, f"SELECT * FROM documents WHERE id IN ({','.join('?' for _ in doc_ids)}) ORDER BY id", doc_ids
    )
    index = _HubIndex(hub_conn, documents)
    placed: list[tuple[dict[str, Any], int, Translate, bool]] = []
    for document in documents:
        found = index.find(document)
        if found is None:
            hub_doc_id = _insert_document(store, hub_conn, document, report, mine)
            index.add({**document, "id": hub_doc_id})
            translate = Translate.identity()
        else:
            hub_doc_id = int(found["id"])
            if found["content_hash"] == document["content_hash"]:
                translate = Translate.identity()
            else:
                text, offset_map = hub_conn.execute(
                    f"SELECT text, offset_map FROM {SCHEMA}.documents WHERE id = %s", (hub_doc_id,)
                ).fetchone()  # type: ignore[misc]
                translate = Translate(document, {"text": text, "offset_map": offset_map})
        mine.local_documents.add(document["id"])
        placed.append((document, hub_doc_id, translate, found is None))
    # The spans to map: the new ones and those the new decisions are on.
    wanted: dict[int, dict[int, dict[str, Any]]] = {}
    missing: list[int] = []
    for document, *_rest in placed:
        spans, decisions, _upkeep = by_doc[document["id"]]
        mine_here = wanted.setdefault(document["id"], {s["id"]: s for s in spans})
        missing += sorted({d["span_id"] for d in decisions} - set(mine_here))
    for start in range(0, len(missing), 500):
        part = missing[start : start + 500]
        for span in _local_rows(local, f"SELECT * FROM spans WHERE id IN ({','.join('?' for _ in part)})", part):
            wanted.setdefault(span["document_id"], {})[span["id"]] = span
    known = _hub_span_ids(
        hub_conn,
        [hub_doc_id for _d, hub_doc_id, _t, fresh in placed if not fresh],
        [s["uid"] for document, _h, _t, fresh in placed if not fresh for s in wanted[document["id"]].values()],
    )
    rows: list[tuple[dict[str, Any], dict[str, Any]]] = []
    upkeep_rows: list[tuple[Any, ...]] = []
    for document, hub_doc_id, translate, fresh in placed:
        spans, decisions, upkeep = by_doc[document["id"]]
        span_map = _map_spans(
            hub_conn,
            hub_doc_id,
            list(wanted[document["id"]].values()),
            translate,
            report,
            mine,
            fresh=fresh,
            known=known.get(hub_doc_id, {}),
        )
        for decision in decisions:
            if decision["span_id"] not in span_map:
                continue  # the hub's text has no place for its span
            payload = decision.get("payload")
            if payload is not None and not translate.same:
                payload = json.dumps(translate.payload(json.loads(payload)), ensure_ascii=False, sort_keys=True)
            row = decision | {"payload": payload, "span_id": span_map[decision["span_id"]], "document_id": hub_doc_id}
            rows.append((row, document))
        upkeep_rows += [(hub_doc_id, *(row[c] for c in LIBRARY_COLUMNS)) for row in upkeep]
        mine.upkeep_uids |= {row["uid"] for row in upkeep}
    if upkeep_rows:
        with hub_conn.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {SCHEMA}.library_log (document_id, {_q(LIBRARY_COLUMNS)})"
                f" VALUES (%s, {', '.join('%s' for _ in LIBRARY_COLUMNS)}) ON CONFLICT (uid) DO NOTHING"
                " RETURNING seq, uid",
                upkeep_rows,
                returning=True,
            )
            while True:
                for seq, _uid in cursor.fetchall():
                    mine.ids["library_log"].add(seq)
                    report.pushed.upkeep += 1
                if not cursor.nextset():
                    break
    return _push_decisions(hub_conn, rows, report, mine)


def _insert_document(
    store: Store, hub_conn: psycopg.Connection[Any], document: dict[str, Any], report: SyncReport, mine: _Mine
) -> int:
    """A document new to the hub, with its sections, original source and OCR words."""
    local = store.conn
    doc_id = document["id"]
    hub_doc_id = int(
        hub_conn.execute(
            f"INSERT INTO {SCHEMA}.documents ({_q(DOCUMENT_COLUMNS)})"
            f" VALUES ({', '.join('%s' for _ in DOCUMENT_COLUMNS)}) RETURNING id",
            tuple(document.get(c) for c in DOCUMENT_COLUMNS),
        ).fetchone()[0]  # type: ignore[index]
    )
    columns = ("document_id", *SECTION_COLUMNS)
    sections = _local_rows(local, "SELECT * FROM sections WHERE document_id = ? ORDER BY ordinal", [doc_id])
    _copy_rows(hub_conn, "sections", columns, [s | {"document_id": hub_doc_id} for s in sections])
    originals = _local_rows(local, "SELECT * FROM document_sources WHERE document_id = ?", [doc_id])
    _insert_rows(
        hub_conn,
        "document_sources",
        ("document_id", *SOURCE_COLUMNS),
        [{**o, "document_id": hub_doc_id} for o in originals],
    )
    words = _local_rows(local, "SELECT * FROM ocr_words WHERE document_id = ?", [doc_id])
    _copy_rows(hub_conn, "ocr_words", ("document_id", *OCR_COLUMNS), [{**w, "document_id": hub_doc_id} for w in words])
    report.pushed.documents += 1
    mine.ids["documents"].add(hub_doc_id)
    return hub_doc_id


def _hub_span_ids(hub_conn: psycopg.Connection[Any], hub_docs: list[int], uids: list[str]) -> dict[int, dict[str, int]]:
    """The hub's span ids of these uids in these documents, per document, in one query."""
    known: dict[int, dict[str, int]] = {}
    if hub_docs and uids:
        for span_id, doc_id, uid in hub_conn.execute(
            f"SELECT id, document_id, uid FROM {SCHEMA}.spans WHERE document_id = ANY(%s) AND uid = ANY(%s)",
            (hub_docs, uids),
        ):
            known.setdefault(doc_id, {})[uid] = span_id
    return known


def _map_spans(
    hub_conn: psycopg.Connection[Any],
    hub_doc_id: int,
    spans: list[dict[str, Any]],
    translate: Translate,
    report: SyncReport,
    mine: _Mine,
    *,
    fresh: bool = False,
    known: dict[str, int] | None = None,
) -> dict[int, int]:
    """The hub's span id for each of ``spans`` (ours), copying in those it lacks:
    ``merge._map_spans``'s rule (by uid, else a machine span by place and label).
    ``fresh``: the document is new to the hub (this transaction put it there), so it has
    none of them: they go in by COPY."""
    if not spans:
        return {}
    if fresh:
        first: dict[str, dict[str, Any]] = {}
        for span in spans:
            first.setdefault(span["uid"], span)
        _copy_rows(
            hub_conn, "spans", ("document_id", *SPAN_COLUMNS), [s | {"document_id": hub_doc_id} for s in first.values()]
        )
        ids = dict(
            hub_conn.execute(f"SELECT uid, id FROM {SCHEMA}.spans WHERE document_id = %s", (hub_doc_id,)).fetchall()
        )
        mine.ids["spans"] |= set(ids.values())
        report.pushed.spans += len(first)
        copied = {span["id"]: ids[span["uid"]] for span in spans}
        mine.local_spans |= set(copied)
        return copied
    by_uid: dict[str, int] = dict(known or {})
    by_place: dict[tuple[Any, ...], int] = {}
    if any(s["uid"] not in by_uid and s["origin"] == "machine" for s in spans):
        for span_id, start, end, label in hub_conn.execute(
            f'SELECT id, start, "end", label FROM {SCHEMA}.spans WHERE document_id = %s AND origin = %s ORDER BY id',
            (hub_doc_id, "machine"),
        ):
            by_place.setdefault((start, end, label), span_id)
    span_map: dict[int, int] = {}
    inserts: list[dict[str, Any]] = []
    for span in spans:
        found = by_uid.get(span["uid"])
        moved = translate.span(span["start"], span["end"])
        if found is None and span["origin"] == "machine" and moved is not None:
            found = by_place.get((*moved, span["label"]))
        if found is not None:
            span_map[span["id"]] = found
            continue
        if moved is None:
            continue  # the hub's text has no place for it
        inserts.append(span | {"start": moved[0], "end": moved[1]})
    if inserts:
        columns = ("document_id", *SPAN_COLUMNS)
        _insert_rows(
            hub_conn,
            "spans",
            columns,
            [s | {"document_id": hub_doc_id} for s in inserts],
            "ON CONFLICT (document_id, uid) DO NOTHING",
        )
        new_uids = [s["uid"] for s in inserts]
        ids = dict(
            hub_conn.execute(
                f"SELECT uid, id FROM {SCHEMA}.spans WHERE document_id = %s AND uid = ANY(%s)", (hub_doc_id, new_uids)
            ).fetchall()
        )
        for span in inserts:
            hub_span = ids.get(span["uid"])
            if hub_span is not None:
                span_map[span["id"]] = hub_span
                mine.ids["spans"].add(hub_span)
        report.pushed.spans += len(inserts)
    mine.local_spans |= set(span_map)
    return span_map


def _push_decisions(
    hub_conn: psycopg.Connection[Any],
    rows: list[tuple[dict[str, Any], dict[str, Any]]],
    report: SyncReport,
    mine: _Mine,
) -> list[str]:
    """Insert the decisions (already pointed at the hub's ids, each with our document) the
    hub lacks; returns ``uid\0line`` for each it refused."""
    import psycopg

    if not rows:
        return []
    present = {
        r[0]
        for r in hub_conn.execute(
            f"SELECT uid FROM {SCHEMA}.decisions WHERE uid = ANY(%s)", ([row["uid"] for row, _d in rows],)
        )
    }
    mine.decision_uids |= present
    rows = [(row, document) for row, document in rows if row["uid"] not in present]
    if not rows:
        return []
    columns = ("span_id", "document_id", *DECISION_COLUMNS)
    statement = (
        f"INSERT INTO {SCHEMA}.decisions ({_q(columns)}) VALUES ({', '.join('%s' for _ in columns)})"
        " ON CONFLICT (uid) DO NOTHING RETURNING seq"
    )

    def insert(batch: list[dict[str, Any]]) -> None:
        with hub_conn.cursor() as cursor:
            cursor.executemany(statement, [tuple(r.get(c) for c in columns) for r in batch], returning=True)
            while True:
                for (seq,) in cursor.fetchall():
                    mine.ids["decisions"].add(seq)
                    report.pushed.decisions += 1
                if not cursor.nextset():
                    break
        mine.decision_uids |= {r["uid"] for r in batch}

    try:
        with hub_conn.transaction():
            insert([row for row, _d in rows])
        return []
    except psycopg.errors.InsufficientPrivilege:
        pass  # some row is not this role's to add: find which, one at a time
    refused: list[str] = []
    for row, document in rows:
        try:
            with hub_conn.transaction():
                insert([row])
        except psycopg.errors.InsufficientPrivilege:
            refused.append(f"{row['uid']}\x00{refusal(row, document, hub_conn.info.user)}")
    return refused


def refusal(decision: dict[str, Any], document: dict[str, Any], role: str) -> str:
    """One line for a decision the hub refused, naming whose it is."""
    reviewer = str(decision.get("reviewer") or "")
    owner = reviewer.removeprefix(ADJUDICATOR_PREFIX)
    action = str(decision.get("action") or "")
    title = str(document.get("title") or document.get("source") or "")
    what = f"{action}, document {document.get('id')} {title[:20]}".strip()
    if owner == role:
        rule = f"needs {owner} granted as adjudicator on the hub"
    elif reviewer.startswith(ADJUDICATOR_PREFIX) or action == "adjudicate":
        rule = f"may be added only by {owner} granted as adjudicator"
    else:
        rule = f"may be added only by {owner}"
    return f"{owner}'s decision {str(decision['uid'])[:12]} ({what}) {rule}; kept in this copy"


# --- pull -------------------------------------------------------------------------------------


def _hub_rows(cursor: Any) -> list[dict[str, Any]]:
    names = [c.name for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _pull(store: Store, hub_conn: psycopg.Connection[Any], hub: str, report: SyncReport, mine: _Mine) -> None:
    marks = read_marks(store, hub)
    merged = MergeReport(report.hub)
    local_docs: set[int] = set()
    local_spans: set[int] = set()
    pulled_uids: set[str] = set()
    pulled_upkeep: set[str] = set()
    upkeep_before = _count(store, "library_log")
    with hub_conn.transaction():
        hub_conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        tops = {
            "documents": _top(hub_conn, "documents", "id"),
            "spans": _top(hub_conn, "spans", "id"),
            "decisions": _top(hub_conn, "decisions", "seq"),
            "library_log": _top(hub_conn, "library_log", "seq"),
        }
        new_docs = [
            r[0]
            for r in hub_conn.execute(
                f"SELECT id FROM {SCHEMA}.documents WHERE id > %s ORDER BY id", (marks.pulled["documents"],)
            )
            if r[0] not in mine.ids["documents"]
        ]
        # Spans by id and document first: their rows are read a chunk of documents at a time,
        # so a first pull of millions never sits in memory whole.
        span_ids: dict[int, list[int]] = {}
        for span_id, doc_id in hub_conn.execute(
            f"SELECT id, document_id FROM {SCHEMA}.spans WHERE id > %s ORDER BY id", (marks.pulled["spans"],)
        ):
            if span_id not in mine.ids["spans"]:
                span_ids.setdefault(doc_id, []).append(span_id)
        decisions = _new_rows(hub_conn, "decisions", "seq", marks.pulled["decisions"], mine.ids["decisions"])
        upkeep = _new_rows(hub_conn, "library_log", "seq", marks.pulled["library_log"], mine.ids["library_log"])
        decisions = _checked(decisions, report)
        have = {i for ids in span_ids.values() for i in ids}
        for decision in decisions:
            if decision["span_id"] not in have:
                have.add(decision["span_id"])
                span_ids.setdefault(decision["document_id"], []).append(decision["span_id"])
        by_doc: dict[int, tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]] = {}
        for doc_id in new_docs:
            by_doc.setdefault(doc_id, ([], [], []))
        for doc_id in span_ids:
            by_doc.setdefault(doc_id, ([], [], []))
        for decision in decisions:
            by_doc.setdefault(decision["document_id"], ([], [], []))[1].append(decision)
            pulled_uids.add(decision["uid"])
        for row in upkeep:
            by_doc.setdefault(row["document_id"], ([], [], []))[2].append(row)
            pulled_upkeep.add(row["uid"])
        doc_ids = sorted(by_doc)
        for start in range(0, len(doc_ids), _DOCS_PER_TRANSACTION):
            chunk = doc_ids[start : start + _DOCS_PER_TRANSACTION]
            documents = _hub_documents(store, hub_conn, chunk)
            wanted = sorted(i for doc_id in chunk for i in span_ids.get(doc_id, ()))
            for at in range(0, len(wanted), 5000):
                for span in _hub_rows(
                    hub_conn.execute(
                        f"SELECT * FROM {SCHEMA}.spans WHERE id = ANY(%s) ORDER BY id", (wanted[at : at + 5000],)
                    )
                ):
                    by_doc[span["document_id"]][0].append(span)
            for document in documents:
                spans_here, decisions_here, upkeep_here = by_doc[document["id"]]

                def extras(
                    hub_doc: int = document["id"],
                ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
                    return tuple(  # type: ignore[return-value]
                        _hub_rows(hub_conn.execute(f"SELECT * FROM {SCHEMA}.{t} WHERE document_id = %s", (hub_doc,)))
                        for t in ("sections", "document_sources", "ocr_words")
                    )

                added_before = merged.documents_added
                result = merge_document(
                    store,
                    Incoming(document, spans_here, decisions_here, upkeep_here, extras),
                    merged,
                    checkpoint=False,
                )
                if merged.documents_added > added_before:
                    report.pulled.documents += 1
                local_docs.add(result.document_id)
                local_spans |= set(result.span_map.values())
                by_doc[document["id"]] = ([], [], [])  # merged: let its rows go
            # The log file kept short once a chunk, not once a document (as merge does).
            checkpoint_log(store)
    report.pulled.spans += merged.spans_added
    report.pulled.decisions += merged.decisions_added
    report.pulled.upkeep = _count(store, "library_log") - upkeep_before
    _pull_tags(store, hub_conn)
    # What this copy pushed or pulled is on the hub: the push marks move past it (but not
    # past a decision a reviewer made here meanwhile, which the next push sends).
    known = {
        "documents": local_docs | mine.local_documents,
        "spans": local_spans | mine.local_spans,
    }
    with store.transaction() as conn:
        pushed = read_marks_conn(conn, hub).pushed
        advanced = {
            "documents": _advance(
                conn, "SELECT id FROM documents WHERE id > ? ORDER BY id", pushed["documents"], known["documents"]
            ),
            "spans": _advance(conn, "SELECT id FROM spans WHERE id > ? ORDER BY id", pushed["spans"], known["spans"]),
            "decisions": _advance_by_uid(conn, "decisions", pushed["decisions"], pulled_uids | mine.decision_uids),
            "library_log": _advance_by_uid(
                conn, "library_log", pushed["library_log"], pulled_upkeep | mine.upkeep_uids
            ),
        }
        _save_marks(conn, hub, pushed=advanced, pulled=tops)


_LIGHT = ("id", "source_hash", "part", "content_hash")


def _hub_documents(store: Store, hub_conn: psycopg.Connection[Any], ids: list[int]) -> list[dict[str, Any]]:
    """The hub's documents ``ids``: those this copy holds with the same text as their identity
    alone (``merge.Translate`` knows them by their content hash), the others whole."""
    light = _hub_rows(
        hub_conn.execute(f"SELECT {', '.join(_LIGHT)} FROM {SCHEMA}.documents WHERE id = ANY(%s) ORDER BY id", (ids,))
    )
    whole = []
    for row in light:
        here = find_document(store.conn, row)
        if here is None or here["content_hash"] != row["content_hash"]:
            whole.append(row["id"])
    if whole:
        full = {
            r["id"]: r
            for r in _hub_rows(hub_conn.execute(f"SELECT * FROM {SCHEMA}.documents WHERE id = ANY(%s)", (whole,)))
        }
        light = [full.get(r["id"], r) for r in light]
    return light


def _new_rows(
    hub_conn: psycopg.Connection[Any], table: str, key: str, mark: int, mine: set[int]
) -> list[dict[str, Any]]:
    """The hub's rows after ``mark`` but those this sync put there itself (already here):
    their ids first, then the rows wanted, so a sync's own push never comes back over the wire."""
    ids = [r[0] for r in hub_conn.execute(f"SELECT {key} FROM {SCHEMA}.{table} WHERE {key} > %s", (mark,))]
    wanted = sorted(i for i in ids if i not in mine)
    if not wanted:
        return []
    if len(wanted) == len(ids):
        return _hub_rows(hub_conn.execute(f"SELECT * FROM {SCHEMA}.{table} WHERE {key} > %s ORDER BY {key}", (mark,)))
    rows: list[dict[str, Any]] = []
    for start in range(0, len(wanted), 5000):
        part = wanted[start : start + 5000]
        rows += _hub_rows(
            hub_conn.execute(f"SELECT * FROM {SCHEMA}.{table} WHERE {key} = ANY(%s) ORDER BY {key}", (part,))
        )
    return rows


def _count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _top(hub_conn: psycopg.Connection[Any], table: str, column: str) -> int:
    return int(hub_conn.execute(f"SELECT coalesce(max({column}), 0) FROM {SCHEMA}.{table}").fetchone()[0])  # type: ignore[index]


def read_marks_conn(conn: sqlite3.Connection, hub: str) -> Marks:
    row = conn.execute("SELECT value FROM pizhu_meta WHERE key = ?", (_key(hub),)).fetchone()
    marks = Marks()
    if row:
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            data = json.loads(row[0])
            marks.pushed.update({k: int(v) for k, v in data.get("pushed", {}).items() if k in _TABLES})
    return marks


def _advance(conn: sqlite3.Connection, sql: str, mark: int, known: set[int]) -> int:
    for (row_id,) in conn.execute(sql, (mark,)):
        if row_id not in known:
            break
        mark = row_id
    return mark


def _advance_by_uid(conn: sqlite3.Connection, table: str, mark: int, known: set[str]) -> int:
    for row_id, uid in conn.execute(f"SELECT id, uid FROM {table} WHERE id > ? ORDER BY id", (mark,)):
        if uid not in known:
            break
        mark = row_id
    return mark


def _checked(decisions: list[dict[str, Any]], report: SyncReport) -> list[dict[str, Any]]:
    """The hub's decisions fit to adopt: a date far off or a payload that is no JSON object
    (pushed by some other client) is left on the hub with a warning, as a merge refuses it."""
    latest = dt.datetime.now(dt.timezone.utc) + AHEAD
    fit = []
    for decision in decisions:
        problem = (
            _date_problem(decision["at"], latest)
            or _json_problem(decision["payload"], "payload")
            or _json_problem(decision["before"], "before")
            or _json_problem(decision["after"], "after")
        )
        if problem:
            report.warnings.append(f"hub decision {str(decision['uid'])[:12]} left out: {problem}")
        else:
            fit.append(decision)
    return fit


def _pull_tags(store: Store, hub_conn: psycopg.Connection[Any]) -> None:
    tags = hub_conn.execute(f"SELECT name, created_by, created_at FROM {SCHEMA}.tags").fetchall()
    if tags:
        with store.transaction() as conn:
            conn.executemany("INSERT OR IGNORE INTO tags (name, created_by, created_at) VALUES (?,?,?)", tags)


def copy_of_hub(url: str) -> Store:
    """The whole hub pulled into a new in-memory copy: what its gold is (``store.review``
    derives it from the log, here as on every copy)."""
    store = Store.memory()
    sync(store, url)
    return store


def wait_for_news(conn: psycopg.Connection[Any], timeout: float) -> bool:
    """Wait on a LISTENing autocommit connection for the hub's next announcement."""
    for _note in conn.notifies(timeout=timeout, stop_after=1):
        return True
    return False


def listen(url: str) -> psycopg.Connection[Any]:
    conn = connect(url, autocommit=True)
    conn.execute(f"LISTEN {CHANNEL}")
    return conn


__all__ = [
    "HubError",
    "Marks",
    "SyncReport",
    "copy_of_hub",
    "grant",
    "init",
    "last_synced",
    "listen",
    "read_marks",
    "refusal",
    "sync",
    "wait_for_news",
]
