"""Schema of the pizhu database as numbered migrations (sqlite-utils ``Migrations``).

Never edit a migration that has shipped: add a new numbered one, so that an older
database opens with newer code.
"""

from __future__ import annotations

import hashlib
import json
import uuid

from pizhu.store.sqlitetools import Database, Migrations

migrations = Migrations("pizhu")


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db.table("documents").create(
        {
            "id": int,
            "source": str,
            "part": int,
            "content_hash": str,
            "encoding": str,
            "script": str,
            "title": str,
            "organisation": str,
            "year": int,
            "raw": str,
            "text": str,
            "offset_map": str,
            "extractor_version": str,
            "imported_at": str,
        },
        pk="id",
        not_null={"source", "content_hash", "raw", "text", "offset_map"},
    )
    db.table("documents").create_index(["content_hash"], unique=True)
    db.table("sections").create(
        {
            "id": int,
            "document_id": int,
            "ordinal": int,
            "heading": str,
            "start": int,
            "end": int,
            "kind": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db.table("sections").create_index(["document_id", "ordinal"], unique=True)
    db.table("spans").create(
        {
            "id": int,
            "document_id": int,
            "origin": str,
            "label": str,
            "start": int,
            "end": int,
            "text": str,
            "attrs": str,
            "rule": str,
            "confidence": float,
            "extractor_version": str,
            "created_by": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db.table("spans").create_index(["document_id", "start"])
    db.table("spans").create_index(["origin", "confidence"])
    db.table("decisions").create(
        {
            "id": int,
            "span_id": int,
            "document_id": int,
            "reviewer": str,
            "action": str,
            "before": str,
            "after": str,
            "ref": int,
            "at": str,
        },
        pk="id",
        foreign_keys=[("span_id", "spans", "id"), ("document_id", "documents", "id")],
    )
    db.table("decisions").create_index(["span_id", "reviewer"])
    db.table("decisions").create_index(["document_id", "reviewer"])
    db.table("decisions").create_index(["reviewer"])
    db.table("tags").create({"id": int, "name": str, "created_by": str, "created_at": str}, pk="id")
    db.table("tags").create_index(["name"], unique=True)


@migrations(name="0002_scale_indexes")
def m0002_scale_indexes(db: Database) -> None:
    """Indexes the library and the queue need at 10,000 reports and millions of spans.

    - spans(document_id, origin): the library counts each document's machine spans from
      the index alone instead of reading every span row (0.5 s → 0.2 s at 2.3M spans);
    - spans(origin, confidence, document_id, start): the queue's whole ORDER BY, so it
      reads the first pending spans in order instead of sorting by document and start;
      it makes the (origin, confidence) index a redundant prefix, which goes;
    - decisions(reviewer, span_id): the queue's "latest decision per span" for one
      reviewer reads that reviewer's rows only, not everybody's.
    """
    db.table("spans").create_index(["document_id", "origin"], if_not_exists=True)
    db.table("spans").create_index(
        ["origin", "confidence", "document_id", "start"], index_name="idx_spans_queue_order", if_not_exists=True
    )
    db.execute("DROP INDEX IF EXISTS idx_spans_origin_confidence")
    db.table("decisions").create_index(["reviewer", "span_id"], if_not_exists=True)


@migrations(name="0003_stats_index")
def m0003_stats_index(db: Database) -> None:
    """A covering index for ``pizhu stats``: machine spans counted per document, label and
    rule from the index alone (2.1 s → 0.3 s at 2.3M spans)."""
    db.table("spans").create_index(
        ["origin", "document_id", "label", "rule"], index_name="idx_spans_stats", if_not_exists=True
    )


@migrations(name="0004_review_state")
def m0004_review_state(db: Database) -> None:
    """The review state gets one owner (``store/review.py``):

    - documents can be withdrawn (``deleted_at``: hidden everywhere, their decisions kept in
      the log) and assigned to reviewers (``assignments``);
    - documents are identified by their source (``source_hash``: the hash of the file's
      bytes and the report's part), not by their normalized text, so a change of the
      normalizer neither duplicates documents on re-import nor breaks merges; documents
      stored before this keep a hash of their raw text;
    - spans carry a ``uid`` that is the same in every copy, their proposer (``source``)
      and a ``flag`` (a re-normalized text that changed, a ruling that changed);
    - decisions carry a ``uid``, the copy they were made on (``origin``), what an undo or
      redo refers to (``ref_uid``), a ``batch`` for bulk actions, the operation itself
      (``payload``) and the guidelines version it was made under; older decisions keep
      their ``after`` snapshot as their operation;
    - ``candidate_counts`` counts each document's machine candidates per label, rule and
      source, so ``pizhu stats`` need not read millions of spans;
    - ``span_states`` and ``gold_states`` cache ``review.replay`` for SQL; the views
      ``gold_spans`` and ``reviewer_spans`` read them for people browsing the file.
    """
    conn = db.conn
    conn.create_function("pizhu_sha1", 1, lambda text: hashlib.sha1(text.encode()).hexdigest(), deterministic=True)
    conn.execute("ALTER TABLE documents ADD COLUMN source_hash TEXT")
    conn.execute("ALTER TABLE documents ADD COLUMN deleted_at TEXT")
    conn.execute(
        "CREATE TABLE assignments (document_id INTEGER NOT NULL REFERENCES documents(id), reviewer TEXT NOT NULL,"
        " assigned_at TEXT, PRIMARY KEY (document_id, reviewer))"
    )
    conn.execute("CREATE INDEX idx_assignments_reviewer ON assignments (reviewer)")
    conn.execute("UPDATE documents SET source_hash = 'text:' || pizhu_sha1(raw)")
    conn.execute("CREATE INDEX idx_documents_source ON documents (source_hash, part)")
    for column in ("uid TEXT", "source TEXT", "flag TEXT", "flagged_at TEXT"):
        conn.execute(f"ALTER TABLE spans ADD COLUMN {column}")
    conn.execute(
        "UPDATE spans SET source = CASE origin WHEN 'machine' THEN 'rules' ELSE 'human' END,"
        " uid = pizhu_sha1((SELECT source_hash FROM documents d WHERE d.id = spans.document_id)"
        "   || '|' || start || '|' || end || '|' || label"
        "   || CASE origin WHEN 'machine' THEN '' ELSE '|' || coalesce(created_by, '') || '|'"
        "      || coalesce(created_at, '') || '|' || id END)"
    )
    conn.execute("CREATE INDEX idx_spans_uid ON spans (uid)")
    conn.execute("CREATE INDEX idx_spans_flagged ON spans (flag) WHERE flag IS NOT NULL")
    # The stats index covers the proposer too, so per-source counts read the index alone.
    conn.execute("DROP INDEX IF EXISTS idx_spans_stats")
    conn.execute("CREATE INDEX idx_spans_stats ON spans (origin, document_id, label, rule, source)")
    for column in ("uid TEXT", "origin TEXT", "ref_uid TEXT", "batch TEXT", "payload TEXT", "guidelines TEXT"):
        conn.execute(f"ALTER TABLE decisions ADD COLUMN {column}")
    rows = conn.execute(
        "SELECT d.id, s.uid, d.reviewer, d.action, d.at, d.after, d.ref FROM decisions d"
        " JOIN spans s ON s.id = d.span_id ORDER BY d.id"
    ).fetchall()
    seen: dict[tuple[str, ...], int] = {}
    uids: dict[int, str] = {}
    for row_id, span_uid, reviewer, action, at, after, _ref in rows:
        key = (span_uid, reviewer, action, at, after or "")
        n = seen[key] = seen.get(key, -1) + 1
        uids[row_id] = hashlib.sha1("|".join((*key, str(n))).encode()).hexdigest()
    conn.executemany(
        "UPDATE decisions SET uid = ?, origin = '', guidelines = '1.0', ref_uid = ? WHERE id = ?",
        [(uids[row_id], uids.get(ref) if ref is not None else None, row_id) for row_id, *_rest, ref in rows],
    )
    conn.execute("CREATE UNIQUE INDEX idx_decisions_uid ON decisions (uid)")
    conn.execute("CREATE INDEX idx_decisions_at ON decisions (at)")
    # A reviewer's decisions newest first, for undo and redo.
    conn.execute("CREATE INDEX idx_decisions_reviewer_order ON decisions (reviewer, at, uid)")
    conn.execute("CREATE INDEX idx_decisions_batch ON decisions (batch) WHERE batch IS NOT NULL")
    conn.execute(
        "CREATE TABLE span_states (span_id INTEGER NOT NULL REFERENCES spans(id), reviewer TEXT NOT NULL,"
        " document_id INTEGER NOT NULL, status TEXT NOT NULL, label TEXT, start INTEGER, end INTEGER, text TEXT,"
        " attrs TEXT, tags TEXT, decided_at TEXT, guidelines TEXT, PRIMARY KEY (span_id, reviewer))"
    )
    conn.execute("CREATE INDEX idx_span_states_reviewer ON span_states (reviewer, document_id, status)")
    conn.execute("CREATE INDEX idx_span_states_document ON span_states (document_id)")
    conn.execute(
        "CREATE TABLE gold_states (span_id INTEGER PRIMARY KEY REFERENCES spans(id), document_id INTEGER NOT NULL,"
        " status TEXT NOT NULL, label TEXT, start INTEGER, end INTEGER, text TEXT, attrs TEXT, tags TEXT,"
        " reviewers TEXT, adjudicator TEXT, kinds TEXT, decided_at TEXT)"
    )
    conn.execute("CREATE INDEX idx_gold_states_document ON gold_states (document_id, status)")
    conn.execute("CREATE INDEX idx_gold_states_status ON gold_states (status, kinds)")
    conn.execute(
        "CREATE VIEW gold_spans AS"
        " SELECT s.id AS span_id, s.document_id, d.title AS document, coalesce(g.status, 'pending') AS status,"
        "  coalesce(g.label, s.label) AS label, coalesce(g.start, s.start) AS start, coalesce(g.end, s.end) AS end,"
        "  coalesce(g.text, s.text) AS text, coalesce(g.attrs, s.attrs) AS attrs, g.tags, g.reviewers,"
        "  g.adjudicator, g.kinds AS differences, s.origin, s.source, s.rule"
        " FROM spans s JOIN documents d ON d.id = s.document_id LEFT JOIN gold_states g ON g.span_id = s.id"
    )
    conn.execute(
        "CREATE VIEW reviewer_spans AS"
        " SELECT r.reviewer, r.span_id, r.document_id, d.title AS document, r.status, r.label, r.start, r.end,"
        "  r.text, r.attrs, r.tags, r.decided_at, r.guidelines, s.origin, s.source, s.rule"
        " FROM span_states r JOIN spans s ON s.id = r.span_id JOIN documents d ON d.id = r.document_id"
    )
    conn.execute(
        "CREATE TABLE candidate_counts (document_id INTEGER NOT NULL, label TEXT, rule TEXT, source TEXT,"
        " n INTEGER NOT NULL)"
    )
    conn.execute("CREATE INDEX idx_candidate_counts_document ON candidate_counts (document_id)")
    conn.execute(
        "INSERT INTO candidate_counts SELECT document_id, label, rule, source, count(*) FROM spans"
        " WHERE origin = 'machine' GROUP BY document_id, label, rule, source"
    )
    conn.execute("CREATE TABLE pizhu_meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO pizhu_meta (key, value) VALUES ('origin', ?)", (uuid.uuid4().hex,))
    from pizhu.store import review  # the one definition of a span's state fills its cache

    review.rebuild(conn)


@migrations(name="0005_import_provenance")
def m0005_import_provenance(db: Database) -> None:
    """Where a section's text came from, and the file a document was extracted from.

    - sections.pages: the pages of a PDF the section stands on, as a JSON list (NULL for text);
    - document_sources, one row for a document read from a PDF, HTML page or Word file:
      ``media_type``; ``layout``, what the file's layout said of its raw text (blocks with
      their kind and pages, title, date; ``extract.layout.Layout.to_json``), so that
      re-normalizing keeps it; ``data``, the bytes of a saved HTML page, whose raw text is
      only the article the extractor found, so that the page itself is kept as the source.
    """
    db.execute("ALTER TABLE sections ADD COLUMN pages TEXT")
    db.table("document_sources").create(
        {"document_id": int, "media_type": str, "layout": str, "data": bytes},
        pk="document_id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"media_type"},
    )


@migrations(name="0006_review_positions")
def m0006_review_positions(db: Database) -> None:
    """Where each reviewer left off: the library's document and, per document, the span.

    ``document_id`` 0 is the library row (its ``span_id`` unused); see ``store.workspace``.
    """
    db.table("review_positions").create(
        {"reviewer": str, "document_id": int, "span_id": int, "updated_at": str},
        pk=("reviewer", "document_id"),
    )


@migrations(name="0007_page_map")
def m0007_page_map(db: Database) -> None:
    """Where each page of a PDF starts in a document's normalized text, so a span's page can be found.

    ``documents.page_map``: a JSON list of ``[start, page]``, ascending by ``start``: the text
    from ``start`` up to the next entry's start stands on ``page`` (NULL for a file without
    pages). Sections already carry the pages they stand on (0005); a section over a page
    break does not say which of its spans is on which page.
    """
    db.execute("ALTER TABLE documents ADD COLUMN page_map TEXT")


@migrations(name="0008_roles")
def m0008_roles(db: Database) -> None:
    """Roles kept in the database (see ``store.roles``):

    - ``roles``: who holds which role (``adjudicator``), granted by the database's owner;
      a database made before gets the role for everyone who had adjudicated (as
      ``adjudicator:NAME`` or by ``Store.decide(..., Change("adjudicate", ...))``), so the prefix keeps
      working there, but from now on the prefix confers nothing by itself;
    - ``serve_tokens``: the SHA-256 digest of each ``pizhu serve`` token and its reviewer;
    - ``pizhu_meta`` ``owner``: who created the database, recorded when it is made here (a
      database with decisions already has its file's owner as its owner).
    """
    from pizhu.store.roles import ADJUDICATOR, OWNER_KEY, base_name, login_name

    conn = db.conn
    conn.execute(
        "CREATE TABLE roles (reviewer TEXT NOT NULL, role TEXT NOT NULL, granted_by TEXT, granted_at TEXT,"
        " PRIMARY KEY (reviewer, role))"
    )
    conn.execute(
        "CREATE TABLE serve_tokens (digest TEXT PRIMARY KEY, reviewer TEXT NOT NULL, created_by TEXT, created_at TEXT)"
    )
    adjudicated = {
        base_name(r[0])
        for r in conn.execute(
            "SELECT DISTINCT reviewer FROM decisions WHERE action = 'adjudicate' OR reviewer LIKE 'adjudicator:%'"
        )
    }
    conn.executemany(
        "INSERT OR IGNORE INTO roles (reviewer, role, granted_by, granted_at) VALUES (?, ?, 'migration', '')",
        [(name, ADJUDICATOR) for name in sorted(adjudicated) if name],
    )
    if conn.execute("SELECT 1 FROM decisions LIMIT 1").fetchone() is None:
        conn.execute("INSERT OR IGNORE INTO pizhu_meta (key, value) VALUES (?, ?)", (OWNER_KEY, login_name()))


@migrations(name="0010_document_date_and_ocr")
def m0010_document_date_and_ocr(db: Database) -> None:
    """The date a report's file states for itself, and how sure OCR was of each word it read.

    - documents.date: ``YYYY-MM-DD``, the publication date a web page states in its
      metadata or dateline (NULL when the file states none). It is metadata beside the
      year, never a line of the document's text.
    - ocr_words: for a document read by OCR (``pizhu import --ocr``), one row per word
      tesseract read: its ``start``/``end`` in the document's *raw* text (which never
      changes, so re-normalizing keeps them) and tesseract's confidence, 0–100.
    """
    db.execute("ALTER TABLE documents ADD COLUMN date TEXT")
    db.table("ocr_words").create(
        {"document_id": int, "start": int, "end": int, "confidence": float},
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id", "start", "end", "confidence"},
    )
    db.table("ocr_words").create_index(["document_id", "start"])


@migrations(name="0011_library_log")
def m0011_library_log(db: Database) -> None:
    """Library upkeep as a log that merges like decisions (see ``store.library``).

    ``library_log``: one row per ``withdraw``, ``restore`` or ``describe`` of a document,
    with its own ``uid`` (the same on every copy it is merged into), who did it and when
    (``at``, ordered with ``uid`` as decisions are) and, for ``describe``, the fields it set
    (``payload``, JSON). A document's ``deleted_at``, ``title``, ``organisation`` and
    ``year`` follow its log where the log says anything. A document withdrawn before gets
    a ``withdraw`` row whose uid follows its text and time, so two copies of one database
    migrated apart log it once.
    """
    conn = db.conn
    conn.execute(
        "CREATE TABLE library_log (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, document_id INTEGER NOT NULL"
        " REFERENCES documents(id), action TEXT NOT NULL, payload TEXT NOT NULL DEFAULT '{}', reviewer TEXT NOT NULL,"
        " at TEXT NOT NULL)"
    )
    conn.execute("CREATE INDEX library_log_document ON library_log (document_id)")
    for doc_id, content_hash, deleted_at in conn.execute(
        "SELECT id, content_hash, deleted_at FROM documents WHERE deleted_at IS NOT NULL"
    ).fetchall():
        uid = hashlib.sha1(f"withdraw|{content_hash}|{deleted_at}".encode()).hexdigest()
        conn.execute(
            "INSERT OR IGNORE INTO library_log (uid, document_id, action, payload, reviewer, at)"
            " VALUES (?, ?, 'withdraw', '{}', 'migration', ?)",
            (uid, doc_id, deleted_at),
        )


@migrations(name="0012_assignments_logged")
def m0012_assignments_logged(db: Database) -> None:
    """Assignments join the library's log (``store.library``), so they merge like decisions.

    ``library_log`` rows of action ``assign`` (payload ``{"reviewers": [...]}``) set a
    document's whole assignment; ``assignments`` follows the log where the log says
    anything. A document assigned before gets an ``assign`` row whose uid follows its text,
    reviewers and time, so two copies of one database migrated apart log it once.
    """
    conn = db.conn
    shares: dict[int, tuple[str, list[str], str]] = {}
    for doc_id, content_hash, reviewer, assigned_at in conn.execute(
        "SELECT a.document_id, d.content_hash, a.reviewer, a.assigned_at FROM assignments a"
        " JOIN documents d ON d.id = a.document_id ORDER BY a.document_id, a.reviewer"
    ).fetchall():
        _hash, names, at = shares.setdefault(doc_id, (content_hash, [], ""))
        names.append(reviewer)
        shares[doc_id] = (content_hash, names, max(at, assigned_at or ""))
    for doc_id, (content_hash, names, at) in shares.items():
        when = at or "2000-01-01T00:00:00.000000+00:00"  # an assignment of unknown time goes first
        payload = json.dumps({"reviewers": sorted(set(names))}, ensure_ascii=False, sort_keys=True)
        uid = hashlib.sha1(f"assign|{content_hash}|{payload}|{when}".encode()).hexdigest()
        conn.execute(
            "INSERT OR IGNORE INTO library_log (uid, document_id, action, payload, reviewer, at)"
            " VALUES (?, ?, 'assign', ?, 'migration', ?)",
            (uid, doc_id, payload, when),
        )


TOTALS_TRIGGERS = (
    "totals_section_added",
    "totals_section_removed",
    "totals_section_moved",
    "totals_candidates_added",
    "totals_candidates_removed",
    "totals_candidates_changed",
)
"""The triggers that keep ``document_totals`` and ``candidate_kinds`` (migration 0013)."""


@migrations(name="0013_totals")
def m0013_totals(db: Database) -> None:
    """Totals kept by triggers, so the library and ``pizhu stats`` read thousands of rows, not millions.

    - ``document_totals``: per document, its ``sections`` and its machine ``candidates``
      (the sum of its ``candidate_counts``); a document with neither may have no row;
    - ``candidate_kinds``: machine candidates per (label, rule, source) over every document,
      withdrawn ones included as ``candidate_counts`` has them (NULL rule and source kept
      as ``''``);
    - triggers on ``sections`` and ``candidate_counts`` keep both: every write to those two
      tables (an import, a re-extraction, a merge, a lexicon spread, a re-normalization)
      moves the totals with it, whoever makes it;
    - ``idx_documents_live``: the live documents with what the library lists of them, and
      ``deleted_at`` itself (always NULL there) so that a query naming it is answered from
      the index. The columns after the raw text (``deleted_at``, ``date``) sit behind its
      overflow pages: filtering on ``deleted_at`` read the whole table (2.7 s for the
      library's list alone at 100,000 reports);
    - ``idx_spans_label_queue``: the queue filtered to one label reads that label's
      candidates least confident first instead of every candidate's;
    - ``idx_spans_document_origin_start`` replaces ``idx_spans_document_id_origin``: one
      document's candidates with their starts (``agree``'s sections) from the index alone.
      Without it the planner preferred the queue's covering index and read every
      candidate of the database for each document (``pizhu agree`` took minutes).
    """
    conn = db.conn
    conn.execute(
        "CREATE TABLE document_totals (document_id INTEGER PRIMARY KEY, sections INTEGER NOT NULL DEFAULT 0,"
        " candidates INTEGER NOT NULL DEFAULT 0)"
    )
    conn.execute(
        "CREATE TABLE candidate_kinds (label TEXT NOT NULL, rule TEXT NOT NULL, source TEXT NOT NULL,"
        " n INTEGER NOT NULL, PRIMARY KEY (label, rule, source))"
    )
    conn.execute(
        "INSERT INTO document_totals (document_id, sections)"
        " SELECT document_id, count(*) FROM sections GROUP BY document_id"
    )
    conn.execute(
        "INSERT INTO document_totals (document_id, candidates)"
        " SELECT document_id, sum(n) FROM candidate_counts WHERE 1 GROUP BY document_id"
        " ON CONFLICT (document_id) DO UPDATE SET candidates = excluded.candidates"
    )
    conn.execute(
        "INSERT INTO candidate_kinds (label, rule, source, n)"
        " SELECT coalesce(label, ''), coalesce(rule, ''), coalesce(source, ''), sum(n) FROM candidate_counts"
        " WHERE 1 GROUP BY 1, 2, 3 HAVING sum(n) != 0"
    )

    def sections_by(sign: str, row: str) -> str:
        return (
            f"INSERT INTO document_totals (document_id, sections) VALUES ({row}.document_id, {sign}1)"
            f" ON CONFLICT (document_id) DO UPDATE SET sections = sections {sign} 1;"
        )

    def candidates_by(sign: str, row: str) -> str:
        kind = f"coalesce({row}.label, ''), coalesce({row}.rule, ''), coalesce({row}.source, '')"
        return (
            f"INSERT INTO document_totals (document_id, candidates) VALUES ({row}.document_id, {sign}{row}.n)"
            f" ON CONFLICT (document_id) DO UPDATE SET candidates = candidates {sign} {row}.n;"
            f" INSERT INTO candidate_kinds (label, rule, source, n) VALUES ({kind}, {sign}{row}.n)"
            f" ON CONFLICT (label, rule, source) DO UPDATE SET n = n {sign} {row}.n;"
            " DELETE FROM candidate_kinds WHERE n = 0;"
        )

    bodies = {
        "totals_section_added": ("AFTER INSERT ON sections", sections_by("+", "new")),
        "totals_section_removed": ("AFTER DELETE ON sections", sections_by("-", "old")),
        "totals_section_moved": (
            "AFTER UPDATE OF document_id ON sections",
            sections_by("-", "old") + " " + sections_by("+", "new"),
        ),
        "totals_candidates_added": ("AFTER INSERT ON candidate_counts", candidates_by("+", "new")),
        "totals_candidates_removed": ("AFTER DELETE ON candidate_counts", candidates_by("-", "old")),
        "totals_candidates_changed": (
            "AFTER UPDATE ON candidate_counts",
            candidates_by("-", "old") + " " + candidates_by("+", "new"),
        ),
    }
    assert tuple(bodies) == TOTALS_TRIGGERS
    for name, (event, body) in bodies.items():
        conn.execute(f"CREATE TRIGGER {name} {event} BEGIN {body} END")
    conn.execute(
        "CREATE INDEX idx_documents_live ON documents (id, source, title, organisation, year, date, deleted_at)"
        " WHERE deleted_at IS NULL"
    )
    conn.execute("CREATE INDEX idx_spans_label_queue ON spans (label, origin, confidence, document_id, start)")
    conn.execute("DROP INDEX IF EXISTS idx_spans_document_id_origin")
    conn.execute("CREATE INDEX idx_spans_document_origin_start ON spans (document_id, origin, start)")


DECIDED_TRIGGERS = (
    "decided_state_added",
    "decided_state_removed",
    "decided_state_changed",
    "decided_gold_added",
    "decided_gold_removed",
    "decided_gold_changed",
    "decided_span_changed",
    "decided_span_removed",
)
"""The triggers that keep ``decided_kinds`` (migration 0014)."""

GOLD_VIEW = ""
"""``decided_kinds.view`` of the gold view's rows (a reviewer's rows carry the reviewer's name, never empty)."""


@migrations(name="0014_decided_kinds")
def m0014_decided_kinds(db: Database) -> None:
    """Decided spans counted by triggers, so ``pizhu stats`` does not join its decided state
    rows to the 25M-span table (120,000 lookups at 100,000 reports).

    ``decided_kinds``: per view (a reviewer's name, or ``GOLD_VIEW``), document (the state
    row's), the span's origin, proposed label, rule and source (``rules`` or ``human`` when
    the span has none), the state's status and decided label: how many state rows not
    pending. Kept by triggers on ``span_states`` and ``gold_states`` (the span looked up
    when the state row is written) and on ``spans`` (a change to what was proposed, or a
    span deleted, moves the rows of its states): the same figures as joining the two. A row
    that falls to 0 is deleted by its (view, document) prefix of the key, never by a scan:
    the table has some 250,000 rows at 100,000 reports and every decision writes it.
    """
    conn = db.conn
    conn.execute(
        "CREATE TABLE decided_kinds (view TEXT NOT NULL, document_id INTEGER NOT NULL, origin TEXT NOT NULL,"
        " label TEXT NOT NULL, rule TEXT NOT NULL, source TEXT NOT NULL, status TEXT NOT NULL,"
        " state_label TEXT NOT NULL, n INTEGER NOT NULL,"
        " PRIMARY KEY (view, document_id, origin, label, rule, source, status, state_label))"
    )
    kind = (
        "coalesce(s.origin, ''), coalesce(s.label, ''), coalesce(s.rule, ''),"
        " coalesce(s.source, CASE s.origin WHEN 'machine' THEN 'rules' ELSE 'human' END, '')"
    )
    conflict = (
        " ON CONFLICT (view, document_id, origin, label, rule, source, status, state_label)"
        " DO UPDATE SET n = n + excluded.n;"
    )
    columns = "INSERT INTO decided_kinds (view, document_id, origin, label, rule, source, status, state_label, n)"
    conn.execute(
        f"{columns} SELECT r.reviewer, r.document_id, {kind}, r.status, coalesce(r.label, ''), count(*)"
        " FROM span_states r CROSS JOIN spans s ON s.id = r.span_id WHERE r.status != 'pending'"
        " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"
    )
    conn.execute(
        f"{columns} SELECT ?, r.document_id, {kind}, r.status, coalesce(r.label, ''), count(*)"
        " FROM gold_states r CROSS JOIN spans s ON s.id = r.span_id WHERE r.status != 'pending'"
        " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8",
        (GOLD_VIEW,),
    )

    def state(sign: str, row: str, view: str) -> str:
        return (
            f"{columns} SELECT {view}, {row}.document_id, {kind}, {row}.status, coalesce({row}.label, ''), {sign}1"
            f" FROM spans s WHERE s.id = {row}.span_id AND {row}.status != 'pending'{conflict}"
            f" DELETE FROM decided_kinds WHERE view = {view} AND document_id = {row}.document_id AND n = 0;"
        )

    def span(sign: str, row: str) -> str:
        kind_of = kind.replace("s.", f"{row}.")
        return (
            f"{columns} SELECT r.reviewer, r.document_id, {kind_of}, r.status, coalesce(r.label, ''), {sign}1"
            f" FROM span_states r WHERE r.span_id = {row}.id AND r.status != 'pending'{conflict}"
            f" {columns} SELECT '{GOLD_VIEW}', r.document_id, {kind_of}, r.status, coalesce(r.label, ''), {sign}1"
            f" FROM gold_states r WHERE r.span_id = {row}.id AND r.status != 'pending'{conflict}"
            " DELETE FROM decided_kinds WHERE view IN (SELECT reviewer FROM span_states WHERE span_id ="
            f" {row}.id UNION ALL SELECT '{GOLD_VIEW}') AND document_id IN (SELECT document_id FROM span_states"
            f" WHERE span_id = {row}.id UNION ALL SELECT document_id FROM gold_states WHERE span_id = {row}.id)"
            " AND n = 0;"
        )

    bodies = {
        "decided_state_added": ("AFTER INSERT ON span_states", state("+", "new", "new.reviewer")),
        "decided_state_removed": ("AFTER DELETE ON span_states", state("-", "old", "old.reviewer")),
        "decided_state_changed": (
            "AFTER UPDATE ON span_states",
            state("-", "old", "old.reviewer") + " " + state("+", "new", "new.reviewer"),
        ),
        "decided_gold_added": ("AFTER INSERT ON gold_states", state("+", "new", f"'{GOLD_VIEW}'")),
        "decided_gold_removed": ("AFTER DELETE ON gold_states", state("-", "old", f"'{GOLD_VIEW}'")),
        "decided_gold_changed": (
            "AFTER UPDATE ON gold_states",
            state("-", "old", f"'{GOLD_VIEW}'") + " " + state("+", "new", f"'{GOLD_VIEW}'"),
        ),
        "decided_span_changed": (
            "AFTER UPDATE OF origin, label, rule, source ON spans",
            span("-", "old") + " " + span("+", "new"),
        ),
        "decided_span_removed": ("AFTER DELETE ON spans", span("-", "old")),
    }
    assert tuple(bodies) == DECIDED_TRIGGERS
    for name, (event, body) in bodies.items():
        conn.execute(f"CREATE TRIGGER {name} {event} BEGIN {body} END")


# Every migration of this version, in order (pending on an empty database: all of them).
KNOWN = [m.name for m in migrations.pending(Database(memory=True))]
