"""The live gold lexicon: what reviewers made gold, proposed wherever else it occurs.

A string a reviewer confirmed, corrected or added as a label becomes, right after the
decision, a machine candidate of that label at every place it occurs in every other
report (source and rule ``lexicon``): no re-import, and the library's, queue's and
reader's counts see it (``candidate_counts`` is recounted for the reports that got one).

The decision is saved first, in its own transaction; the spread follows
(``Store.spread_lexicon``): the texts are read outside any write transaction (``plan``),
then the candidates written in a short one (``write``) that moves a watermark in
``pizhu_meta`` (the last decision spread). A script's decision spreads before its call
returns; the app's writer spreads once no decision waits, so a key never waits on the
scan (measured, ``bench/bench_lexicon.py``: a decision saved in about 1 ms at 2,000
reports, where it took 0.4–2.5 s when the spread was in its transaction), and a spread cut
short (the app closed, killed, the lock) is taken up by the next decision's.

Nothing is proposed:

- in a report that is finished in the gold view (``store.progress``): a new candidate
  would quietly make it unfinished again;
- where any span already overlaps the place (any label, origin or reviewer's version):
  the rules (or a reviewer) already read that stretch, and a name inside a longer one
  (城中区 in 城中区政协) is no name of its own (measured: proposing over other labels cut
  GPE's F1 on the corpus from 0.91 to 0.74 after 20 reviewed reports);
- in a context where the same string was rejected as that label: the character before
  and the one after, as a reviewer saw them when rejecting (「双争双创」 rejected as a
  SLOGAN stops 「双争双创」 elsewhere, not 开展双争双创活动);
- for a string shorter than ``MIN_CHARS`` (a single character is no name);
- where the string is no word of its own (``stands_alone``, jieba on a few characters
  around it): where a word runs across either end (中央 in 党中央), and, for a body, place
  or meeting, right after a noun (中央 in 各民主党派中央, 市委 in 各民主党派市委: a generic
  plural, not the body a reviewer made gold). Measured: those two were the lexicon's only
  wrong proposals on the corpus's fixed set after 20 reviewed reports.

A rejection does not take back lexicon candidates already standing in that context (a
span would vanish under an app or a script holding it; ``replace_machine_spans`` keeps
ids stable for the same reason): it stops new ones. Strings are matched exactly in the
normalized text, only inside a section (a candidate never crosses a section's end). Undoing the first decision leaves
its proposals standing: they are ordinary candidates by then.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import sqlite3
from typing import Any

from pizhu.store.records import ADDED, CONFIRMED, CORRECTED, DISPUTED, PENDING, REJECTED, machine_uid
from pizhu.store.review import ADD, BOUNDARY, CONFIRM, LABEL

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


Place = tuple[int, int]
Plan = list[tuple[int, str, list[Place]]]
"""Per report: its id, its source key and the places a string would be proposed at."""

GOLD_ACTIONS = (CONFIRM, LABEL, BOUNDARY, ADD)
"""Decisions that can make gold: the ones the lexicon spreads after (not a tag or a reject)."""
WATERMARK = "lexicon_spread"
"""``pizhu_meta`` key: the id of the last decision the lexicon has spread."""

COMPOUND_LABELS = frozenset({"ORG", "GPE", "MEETING"})
"""Labels whose names grow to the left: a body's or a place's name right after a noun is the
tail of a longer noun phrase (各民主党派市委, 民革市委), not the name a reviewer made gold."""


def _jieba() -> Any:
    """jieba's tokenizer (its dictionary loaded once) and its table of words' parts of speech."""
    global _JIEBA
    if _JIEBA is None:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(60)
        jieba.initialize()
        _JIEBA = (jieba.dt, jieba.posseg.dt.word_tag_tab)
    return _JIEBA


_JIEBA: Any = None
WINDOW = 5  # characters of context on each side segmented to judge a place's word boundaries


def stands_alone(text: str, start: int, end: int, label: str) -> bool:
    """Whether ``text[start:end]`` reads as a word of its own there (jieba, on a window).

    Not where jieba's words run across either end of it (党中央 holds no 中央, 王伟民 no
    王伟), and, for a body, place or meeting (``COMPOUND_LABELS``), not right after a noun
    (各民主党派中央: the tail of a longer phrase). A person after a title noun (主席王伟)
    stands alone."""
    lo = max(0, start - WINDOW)
    hi = min(len(text), end + WINDOW)
    return _stands_alone(text[lo:hi], start - lo, end - lo, label in COMPOUND_LABELS)


@functools.lru_cache(maxsize=65536)
def _stands_alone(window: str, start: int, end: int, compound: bool) -> bool:
    tokenizer, tags = _jieba()
    at = 0
    before = ""
    for word in tokenizer.cut(window):
        a, b = at, at + len(word)
        at = b
        if a < start < b or a < end < b:
            return False
        if b == start:
            before = word
    return not (compound and tags.get(before, "").startswith("n"))


def _free(conn: sqlite3.Connection, doc: int, places: list[Place]) -> list[Place]:
    """The places inside a section and over no span (machine's, reviewer's or a reviewer's
    version of one), none over another; none in a finished report."""
    if not places or _finished(conn, doc):
        return []
    sections = sorted(conn.execute("SELECT start, end FROM sections WHERE document_id = ?", (doc,)).fetchall())
    starts = [a for a, _b in sections]
    reach = list(itertools.accumulate((b for _a, b in sections), max))  # the furthest end so far
    low, high = min(start for start, _end in places), max(end for _start, end in places)
    covered = bytearray(high)
    for a, b in conn.execute(
        "SELECT start, end FROM spans WHERE document_id = ? AND start < ? AND end > ?"
        " UNION SELECT start, end FROM span_states WHERE document_id = ? AND start < ? AND end > ?",
        (doc, high, low, doc, high, low),
    ):
        if a is not None and a < len(covered):
            covered[a:b] = b"\x01" * (min(b, len(covered)) - a)
    free = []
    for start, end in places:
        at = bisect.bisect_right(starts, start) - 1
        if at < 0 or reach[at] < end or covered.find(1, start, end) >= 0:
            continue
        covered[start:end] = b"\x01" * (end - start)
        free.append((start, end))
    return free


def plan(conn: sqlite3.Connection, string: str, label: str, origin_doc: int) -> Plan:
    """Where ``string`` would be proposed as ``label``: reads only (the scan of every text),
    no write. Left out: places in a context where it was rejected, places not free
    (``_free``), places where it is no word of its own (``stands_alone``)."""
    if len(string) < MIN_CHARS or string != string.strip():
        return []
    rejected = _rejected_contexts(conn, string, label)
    out: Plan = []
    for doc, text, key in conn.execute(
        "SELECT id, text, source_hash FROM documents WHERE deleted_at IS NULL AND id != ? AND instr(text, ?) > 0",
        (origin_doc, string),
    ).fetchall():
        places = []
        at = text.find(string)
        while at >= 0:
            place = (at, at + len(string))
            if context(text, *place) not in rejected:
                places.append(place)
            at = text.find(string, at + 1)
        places = [p for p in _free(conn, doc, places) if stands_alone(text, *p, label)]
        if places:
            out.append((doc, key, places))
    return out


def write(conn: sqlite3.Connection, string: str, label: str, planned: Plan) -> set[int]:
    """Propose ``string`` as ``label`` at the planned places still free (``_free`` again: a
    decision may have come between the plan and this), in the caller's transaction."""
    changed: set[int] = set()
    stamp = conn.execute("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')").fetchone()[0]
    for doc, key, places in planned:
        rows = [
            (
                doc,
                "machine",
                label,
                start,
                end,
                string,
                "{}",
                RULE,
                CONFIDENCE,
                VERSION,
                "",
                stamp,
                machine_uid(key, start, end, label),
                SOURCE,
            )
            for start, end in _free(conn, doc, places)
        ]
        if rows:
            conn.executemany(
                "INSERT INTO spans (document_id, origin, label, start, end, text, attrs, rule,"
                " confidence, extractor_version, created_by, created_at, uid, source)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                rows,
            )
            changed.add(doc)
    return changed


def watermark(conn: sqlite3.Connection) -> int:
    """The id of the last decision spread; -1 before the first decision that can make gold
    (``start_watermark``)."""
    row = conn.execute("SELECT value FROM pizhu_meta WHERE key = ?", (WATERMARK,)).fetchone()
    if row is not None:
        return int(row[0])
    return -1


def due(conn: sqlite3.Connection, limit: int = 100) -> list[tuple[int, str, str, int]]:
    """The gold the decisions past the watermark made, oldest first: (decision id, string,
    label, report). A decision whose span is no longer gold for its reviewer (undone,
    rejected since) brings nothing, but its id still moves the watermark."""
    mark = watermark(conn)
    if mark < 0:
        return []
    marks = ",".join("?" * len(GOLD_ACTIONS))
    rows = conn.execute(
        "SELECT d.id, st.status, coalesce(st.label, s.label), coalesce(st.start, s.start),"
        " coalesce(st.end, s.end), d.document_id FROM decisions d"
        " LEFT JOIN span_states st ON st.span_id = d.span_id AND st.reviewer = d.reviewer"
        f" LEFT JOIN spans s ON s.id = d.span_id WHERE d.id > ? AND d.action IN ({marks}) ORDER BY d.id LIMIT ?",
        (mark, *GOLD_ACTIONS, limit),
    ).fetchall()
    out = []
    texts: dict[int, str] = {}
    for decision, status, label, start, end, doc in rows:
        if status not in (CONFIRMED, CORRECTED, ADDED) or start is None:
            out.append((decision, "", "", doc))
            continue
        if doc not in texts:
            texts[doc] = conn.execute("SELECT text FROM documents WHERE id = ?", (doc,)).fetchone()[0]
        out.append((decision, texts[doc][start:end], label, doc))
    return out


def start_watermark(conn: sqlite3.Connection) -> None:
    """In a write transaction: start spreading from the decisions after the newest one, if
    the lexicon never spread in this database (an older one's gold is not spread again)."""
    conn.execute(
        "INSERT INTO pizhu_meta (key, value) SELECT ?, coalesce(max(id), 0) FROM decisions WHERE true"
        " ON CONFLICT (key) DO NOTHING",
        (WATERMARK,),
    )


def advance(conn: sqlite3.Connection, decision: int) -> None:
    """In a write transaction: the decisions up to ``decision`` are spread."""
    conn.execute("UPDATE pizhu_meta SET value = max(CAST(value AS INTEGER), ?) WHERE key = ?", (decision, WATERMARK))
