"""The live gold lexicon: what reviewers made gold, proposed wherever else it occurs.

A string a reviewer confirmed, corrected or added as a label becomes, in the same
transaction as the decision, a machine candidate of that label at every place it occurs
in every other report (source and rule ``lexicon``): no re-import, and the library's,
queue's and reader's counts see it at once (``candidate_counts`` is recounted for the
reports that got one). Nothing is proposed:

- in a report that is finished in the gold view (``store.progress``): a new candidate
  would quietly make it unfinished again;
- where any span already overlaps the place (any label, origin or reviewer's version):
  the rules (or a reviewer) already read that stretch, and a name inside a longer one
  (城中区 in 城中区政协) is no name of its own (measured: proposing over other labels cut
  GPE's F1 on the corpus from 0.91 to 0.74 after 20 reviewed reports);
- in a context where the same string was rejected as that label: the character before
  and the one after, as a reviewer saw them when rejecting (「双争双创」 rejected as a
  SLOGAN stops 「双争双创」 elsewhere, not 开展双争双创活动);
- for a string shorter than ``MIN_CHARS`` (a single character is no name).

A rejection does not take back lexicon candidates already standing in that context (a
span would vanish under an app or a script holding it; ``replace_machine_spans`` keeps
ids stable for the same reason): it stops new ones. Strings are matched exactly in the normalized text, only inside a
section (a candidate never crosses a section's end). Undoing the first decision leaves
its proposals standing: they are ordinary candidates by then.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from store.migrations import machine_uid
from store.records import ADDED, CONFIRMED, CORRECTED, DISPUTED, PENDING, REJECTED

SOURCE = "lexicon"
RULE = "lexicon"
CONFIDENCE = 0.8
MIN_CHARS = 2
VERSION = "lexicon"

Context = tuple[str, str]


def context(text: str, start: int, end: int) -> Context:
    """The character before and the one after a span ("" at either end of the text)."""
    return (text[start - 1] if start > 0 else "", text[end] if end < len(text) else "")


def _rejected_contexts(conn: sqlite3.Connection, string: str, label: str) -> set[Context]:
    """Contexts in which any reviewer rejected ``string`` as ``label``."""
    found: set[Context] = set()
    rows = conn.execute(
        "SELECT st.document_id, coalesce(st.start, s.start), coalesce(st.end, s.end) FROM span_states st"
        " JOIN spans s ON s.id = st.span_id WHERE st.status = ? AND coalesce(st.label, s.label) = ?"
        " AND coalesce(st.text, s.text) = ?",
        (REJECTED, label, string),
    ).fetchall()
    texts: dict[int, str] = {}
    for doc, start, end in rows:
        if doc not in texts:
            texts[doc] = conn.execute("SELECT text FROM documents WHERE id = ?", (doc,)).fetchone()[0]
        found.add(context(texts[doc], start, end))
    return found


def _finished(conn: sqlite3.Connection, doc: int) -> bool:
    """``store.progress``'s gold-view rule, for one report, in SQL."""
    undecided = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM spans s LEFT JOIN gold_states g ON g.span_id = s.id WHERE s.document_id = ?"
        " AND ((s.origin = 'machine' AND coalesce(g.status, ?) = ?) OR g.status = ?))",
        (doc, PENDING, PENDING, DISPUTED),
    ).fetchone()[0]
    if undecided:
        return False
    return bool(
        conn.execute(
            "SELECT EXISTS (SELECT 1 FROM gold_states WHERE document_id = ? AND status IN (?,?,?,?))",
            (doc, CONFIRMED, CORRECTED, ADDED, REJECTED),
        ).fetchone()[0]
    )


def propose(conn: sqlite3.Connection, string: str, label: str, origin_doc: int) -> set[int]:
    """Propose ``string`` as ``label`` in every report but ``origin_doc``; the reports changed."""
    if len(string) < MIN_CHARS or string != string.strip():
        return set()
    rejected = _rejected_contexts(conn, string, label)
    changed: set[int] = set()
    stamp = conn.execute("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')").fetchone()[0]
    for doc, text, key in conn.execute(
        "SELECT id, text, source_hash FROM documents WHERE deleted_at IS NULL AND id != ? AND instr(text, ?) > 0",
        (origin_doc, string),
    ).fetchall():
        places = []
        at = text.find(string)
        while at >= 0:
            places.append((at, at + len(string)))
            at = text.find(string, at + 1)
        places = [p for p in places if context(text, *p) not in rejected]
        if not places or _finished(conn, doc):
            continue
        sections = conn.execute("SELECT start, end FROM sections WHERE document_id = ?", (doc,)).fetchall()
        taken = conn.execute(
            "SELECT start, end FROM spans WHERE document_id = ?"
            " UNION SELECT start, end FROM span_states WHERE document_id = ?",
            (doc, doc),
        ).fetchall()
        rows = []
        for start, end in places:
            if not any(a <= start and end <= b for a, b in sections):
                continue
            if any(start < b and a < end for a, b in taken if a is not None):
                continue
            taken.append((start, end))
            uid = machine_uid(key, start, end, label)
            rows.append(
                (doc, "machine", label, start, end, string, "{}", RULE, CONFIDENCE, VERSION, "", stamp, uid, SOURCE)
            )
        if rows:
            conn.executemany(
                "INSERT INTO spans (document_id, origin, label, start, end, text, attrs, rule,"
                " confidence, extractor_version, created_by, created_at, uid, source)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                rows,
            )
            changed.add(doc)
    return changed


def after_decisions(conn: sqlite3.Connection, decided: Iterable[tuple[int, str]]) -> set[int]:
    """After decisions on (span id, reviewer): spread what became gold (a rejection is read
    when proposing, ``_rejected_contexts``). Returns the reports whose candidates changed (the caller recounts them)."""
    changed: set[int] = set()
    done: set[tuple[str, str, str]] = set()
    for span_id, reviewer in decided:
        row = conn.execute(
            "SELECT st.document_id, st.status, coalesce(st.label, s.label), coalesce(st.start, s.start),"
            " coalesce(st.end, s.end), d.text FROM span_states st JOIN spans s ON s.id = st.span_id"
            " JOIN documents d ON d.id = st.document_id WHERE st.span_id = ? AND st.reviewer = ?",
            (span_id, reviewer),
        ).fetchone()
        if row is None:
            continue
        doc, status, label, start, end, text = row
        string = text[start:end]
        if status in (CONFIRMED, CORRECTED, ADDED):
            if ("gold", string, label) not in done:
                done.add(("gold", string, label))
                changed |= propose(conn, string, label, doc)
    return changed
