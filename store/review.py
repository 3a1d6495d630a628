"""The review state: the one owner of what a span's decisions mean.

Every reviewer action is one row of the append-only ``decisions`` table. This module is
the only code that writes that table or reads meaning out of it:

* ``replay`` is the single definition of a span's state: a pure function from the
  span's proposal and its decisions (any reviewers, any copies) to each reviewer's
  current version and the gold version (``gold_policy``).
* ``append`` (and ``adopt``, for decisions merged from another copy) adds decisions
  and, in the same transaction, rewrites the span's rows
  in the two state tables, ``span_states`` (one row per span and reviewer) and
  ``gold_states`` (one row per span). The tables are a cache of ``replay`` that SQL
  views and counts can read; ``rebuild`` recomputes every row from the log.

Order. Decisions are ordered by ``(at, uid)``: the time the decision was made (UTC,
microseconds, strictly increasing within one database) and its random id as a stable
tie-break. Both travel with the decision when copies are merged, so every copy orders
the same decisions the same way; the local row id plays no part.

Undo and redo refer to the decision they take back (``ref_uid``), never to a position
in the log: undoing on one copy and deciding on another merges into the same state on
both. A bulk action shares one ``batch`` id, and one undo takes the whole batch back.

Gold policy (shown in the help screen and the README):

1. An adjudicated verdict wins.
2. A span that every reviewer who decided it accepted in the same version (label,
   boundaries, attributes) is gold, with the union of their tags; a tag-only
   difference is no dispute (the adjudication list still shows it).
3. A span every reviewer who decided it rejected is rejected.
4. Reviewers who disagree leave it ``disputed`` until adjudicated; it is never
   resolved by whoever wrote last.
5. Undo back to pending is no opinion: that reviewer no longer counts for the span.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from pizhu.extract import GUIDELINES_VERSION
from pizhu.extract.models import LABELS
from pizhu.store import roles
from pizhu.store.clock import now
from pizhu.store.errors import ChangedSpanError, ReviewError, StoreError, UnchangedError
from pizhu.store.records import (
    ADDED,
    CONFIRMED,
    CORRECTED,
    DISPUTED,
    GOLD_STATUSES,
    PENDING,
    REJECTED,
    REMOVED,
    Change,
    SpanState,
    SpanView,
    is_adjudicator,
)

if TYPE_CHECKING:
    from pizhu.store.handle import Decides

GOLD_POLICY: tuple[str, ...] = (
    "An adjudicated verdict wins.",
    "A span that every reviewer who decided it accepted in the same version (label, boundaries,"
    " attributes) is gold, with the union of their tags and names; a tag-only difference is no"
    " dispute, but the adjudication screen lists it so a wrong tag can be dropped.",
    "A span that every reviewer who decided it rejected is rejected.",
    "Reviewers who disagree leave the span disputed until it is adjudicated; it is never resolved"
    " by whoever wrote last.",
    "Undo back to pending is no opinion: that reviewer no longer counts for the span.",
    "An export's spans hold the gold only; --all adds candidates, disputed (with each reviewer's"
    " version) and rejected spans under their own keys.",
)
"""The gold policy in words, as the help screen and the README show it."""

# Actions a reviewer takes on a span.
CONFIRM, REJECT, LABEL, BOUNDARY, ATTRS, TAG, UNTAG, RESET = (
    "confirm",
    "reject",
    "label",
    "boundary",
    "attrs",
    "tag",
    "untag",
    "reset",
)
ADD, ADJUDICATE, UNDO, REDO = "add", "adjudicate", "undo", "redo"
SNAPSHOT = "snapshot"
"""A decision written before the log kept operations: its ``after`` is the state."""
EDITS = frozenset({LABEL, BOUNDARY, ATTRS})

_WHITESPACE = frozenset(" \t\r\n\f\v\u3000\u00a0")


# --- the pure part ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Proposal:
    """A span row as first made: by the machine (``origin='machine'``) or a reviewer."""

    origin: str
    label: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any]

    def state(self, status: str) -> dict[str, Any]:
        return {
            "status": status,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "attrs": dict(self.attrs),
            "tags": [],
        }


@dataclass(frozen=True)
class Entry:
    """One decision as ``replay`` reads it."""

    uid: str
    reviewer: str
    action: str
    payload: dict[str, Any]
    at: str
    ref_uid: str | None = None
    batch: str | None = None
    guidelines: str = ""

    @property
    def order(self) -> tuple[str, str]:
        return (self.at, self.uid)


@dataclass(frozen=True)
class Gold:
    """The gold view of one span: its status and, where there is one, its version."""

    status: str
    state: dict[str, Any]
    reviewers: tuple[str, ...] = ()
    adjudicator: str = ""
    kinds: tuple[str, ...] = ()
    """What the reviewers differ on: accept, label, boundary, attrs, tags."""
    decided_at: str = ""


@dataclass(frozen=True)
class Replayed:
    """Everything the log says about one span."""

    states: dict[str, dict[str, Any]]
    """Reviewer → their current version (``status`` pending once an undo took all back)."""
    decided_at: dict[str, str]
    guidelines: dict[str, str]
    gold: Gold


def in_effect(entries: Sequence[Entry]) -> list[Entry]:
    """The decisions not taken back, in order: undo and redo follow their ``ref_uid``."""
    ordered = sorted(entries, key=lambda e: e.order)
    undone: set[str] = set()
    for entry in ordered:
        if entry.action == UNDO and entry.ref_uid:
            undone.add(entry.ref_uid)
        elif entry.action == REDO and entry.ref_uid:
            undone.discard(entry.ref_uid)
    return [e for e in ordered if e.action not in (UNDO, REDO) and e.uid not in undone]


def _status(proposal: Proposal, accepted: bool | None, state: dict[str, Any]) -> str:
    if proposal.origin != "machine":
        return ADDED if accepted else REMOVED
    if accepted is None:
        return PENDING
    if not accepted:
        return REJECTED
    same = (
        state["label"] == proposal.label
        and state["start"] == proposal.start
        and state["end"] == proposal.end
        and state["attrs"] == proposal.attrs
    )
    return CONFIRMED if same else CORRECTED


def fold(proposal: Proposal, entries: Sequence[Entry]) -> dict[str, Any] | None:
    """One reviewer's version from their decisions in effect (ordered); None: never decided."""
    if not entries:
        return None
    state = proposal.state(PENDING)
    accepted: bool | None = None
    added = False
    for entry in entries:
        p = entry.payload
        action = entry.action
        if action == SNAPSHOT:
            state = {**proposal.state(PENDING), **p}
            status = state.get("status", PENDING)
            accepted = None if status == PENDING else status in GOLD_STATUSES
            added = proposal.origin != "machine" and status == ADDED
            continue
        if action == ADD:
            added = accepted = True
        elif action == CONFIRM:
            accepted = True
        elif action == REJECT:
            accepted = False
        elif action == RESET:
            tags = state["tags"]
            state = proposal.state(PENDING) | {"tags": tags}
            accepted = True if added else None
        elif action in (TAG, UNTAG):
            tags = [t for t in state["tags"] if t != p["tag"]]
            state["tags"] = [*tags, p["tag"]] if action == TAG else tags
        elif action in EDITS:
            for key in ("label", "start", "end", "text"):
                if key in p:
                    state[key] = p[key]
            if "attrs" in p:
                state["attrs"] = dict(p["attrs"])
            accepted = True
    state["status"] = _status(proposal, accepted, state)
    return state


def _version(state: Mapping[str, Any]) -> tuple[Any, ...]:
    attrs = json.dumps(state.get("attrs") or {}, sort_keys=True, ensure_ascii=False)
    return (state["label"], state["start"], state["end"], attrs)


def differences(states: Iterable[dict[str, Any]]) -> tuple[str, ...]:
    """What decided versions differ on: accept, label, boundary, attrs, tags."""
    states = [s for s in states if s["status"] != PENDING]
    accepted = [s for s in states if s["status"] in GOLD_STATUSES]
    kinds = []
    if accepted and len(accepted) != len(states):
        kinds.append("accept")
    if len({s["label"] for s in accepted}) > 1:
        kinds.append("label")
    if len({(s["start"], s["end"]) for s in accepted}) > 1:
        kinds.append("boundary")
    if len({_version(s)[3] for s in accepted}) > 1:
        kinds.append("attrs")
    if len({tuple(sorted(s.get("tags") or ())) for s in accepted}) > 1:
        kinds.append("tags")
    return tuple(kinds)


def gold_policy(
    proposal: Proposal,
    states: dict[str, dict[str, Any]],
    adjudication: tuple[str, dict[str, Any], str] | None = None,
    decided_at: dict[str, str] | None = None,
) -> Gold:
    """The gold view of a span from every reviewer's version (see the module docstring)."""
    decided = {r: s for r, s in states.items() if s["status"] != PENDING and not is_adjudicator(r)}
    kinds = differences(decided.values())
    if adjudication is not None:
        adjudicator, state, at = adjudication
        return Gold(state["status"], state, tuple(sorted(decided)), adjudicator, kinds, at)
    latest = max((decided_at or {}).get(r, "") for r in decided) if decided else ""
    if not decided:
        status = ADDED if proposal.origin != "machine" else PENDING
        return Gold(PENDING if proposal.origin == "machine" else REMOVED, proposal.state(status))
    accepted = {r: s for r, s in decided.items() if s["status"] in GOLD_STATUSES}
    if not accepted:
        status = REMOVED if all(s["status"] == REMOVED for s in decided.values()) else REJECTED
        return Gold(status, next(iter(decided.values())), tuple(sorted(decided)), "", kinds, latest)
    if len(accepted) == len(decided) and len({_version(s) for s in accepted.values()}) == 1:
        first = accepted[min(accepted)]
        tags = sorted({t for s in accepted.values() for t in s.get("tags") or ()})
        return Gold(first["status"], first | {"tags": tags}, tuple(sorted(accepted)), "", kinds, latest)
    return Gold(DISPUTED, proposal.state(DISPUTED), tuple(sorted(decided)), "", kinds, latest)


def replay(proposal: Proposal, entries: Sequence[Entry]) -> Replayed:
    """The single definition of a span's state: each reviewer's version and the gold one."""
    effective = in_effect(entries)
    by_reviewer: dict[str, list[Entry]] = {}
    adjudication: tuple[str, dict[str, Any], str] | None = None
    for entry in effective:
        if entry.action == ADJUDICATE:
            adjudication = (entry.reviewer, _verdict(proposal, entry.payload), entry.at)
        else:
            by_reviewer.setdefault(entry.reviewer, []).append(entry)
    states: dict[str, dict[str, Any]] = {}
    decided_at: dict[str, str] = {}
    guidelines: dict[str, str] = {}
    for reviewer, mine in by_reviewer.items():
        state = fold(proposal, mine)
        if state is not None:
            states[reviewer] = state
            decided_at[reviewer] = mine[-1].at
            guidelines[reviewer] = mine[-1].guidelines
    # A reviewer whose every decision was undone still has a row: back to no opinion.
    for entry in entries:
        if entry.action not in (ADJUDICATE, UNDO, REDO) and entry.reviewer not in states:
            states[entry.reviewer] = proposal.state(REMOVED if proposal.origin != "machine" else PENDING)
            decided_at[entry.reviewer] = max(e.at for e in entries if e.reviewer == entry.reviewer)
            guidelines[entry.reviewer] = entry.guidelines
    return Replayed(states, decided_at, guidelines, gold_policy(proposal, states, adjudication, decided_at))


def _verdict(proposal: Proposal, payload: dict[str, Any]) -> dict[str, Any]:
    state = proposal.state(PENDING)
    for key in ("label", "start", "end", "text"):
        if key in payload:
            state[key] = payload[key]
    if "attrs" in payload:
        state["attrs"] = dict(payload["attrs"])
    state["tags"] = sorted(payload.get("tags") or [])
    state["status"] = _status(proposal, bool(payload.get("accepted")), state)
    return state


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` inside the text, without the whitespace at either end (empty if that is all)."""
    if not 0 <= start < end <= len(text):
        raise ReviewError(f"span {start}-{end} is outside the document")
    while start < end and text[start] in _WHITESPACE:
        start += 1
    while end > start and text[end - 1] in _WHITESPACE:
        end -= 1
    return start, end


def check_bounds(text: str, sections: Sequence[tuple[int, int]], start: int, end: int) -> None:
    """A span lies inside the text and one section, and neither starts nor ends on whitespace."""
    if not 0 <= start < end <= len(text):
        raise ReviewError(f"span {start}-{end} is outside the document")
    if text[start] in _WHITESPACE or text[end - 1] in _WHITESPACE or not text[start:end].strip():
        raise ReviewError("a span cannot start or end on a space or line break")
    for s_start, s_end in sections:
        if s_start <= start < s_end:
            if end > s_end:
                raise ReviewError("a span cannot cross into the next section")
            return
    if sections:
        raise ReviewError(f"span {start}-{end} is in no section")


# --- the log in SQLite ----------------------------------------------------------------------


def new_uid() -> str:
    return uuid.uuid4().hex


# The logs whose rows are ordered by their time: the decisions, and the library's upkeep.
_LOGS = ("decisions", "library_log")


def next_time(conn: sqlite3.Connection, log: str = "decisions") -> str:
    """Now, but strictly after every row already in ``log`` (clocks can step back, and a merged
    copy's clock may run fast)."""
    if log not in _LOGS:
        raise ValueError(f"not a log: {log}")
    stamp = now()
    last = conn.execute(f"SELECT max(at) FROM {log}").fetchone()[0]
    if last and stamp <= last:
        try:
            stamp = (dt.datetime.fromisoformat(last) + dt.timedelta(microseconds=1)).isoformat(timespec="microseconds")
        except (ValueError, OverflowError):
            pass
    return stamp


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def proposal_of(row: dict[str, Any] | sqlite3.Row) -> Proposal:
    attrs = row["attrs"]
    return Proposal(
        origin=row["origin"],
        label=row["label"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        attrs=json.loads(attrs) if isinstance(attrs, str) else dict(attrs or {}),
    )


def _entry(row: sqlite3.Row) -> Entry:
    payload = row["payload"]
    if payload is None:  # written before operations were logged: the snapshot is the state
        action, data = SNAPSHOT, json.loads(row["after"] or "{}")
        if row["action"] in (UNDO, REDO):
            action = SNAPSHOT
        if row["action"] == ADJUDICATE:
            action = ADJUDICATE
            data = dict(data, accepted=data.get("status") in GOLD_STATUSES)
    else:
        action, data = row["action"], json.loads(payload)
    return Entry(
        row["uid"], row["reviewer"], action, data, row["at"], row["ref_uid"], row["batch"], row["guidelines"] or ""
    )


def entries(conn: sqlite3.Connection, span_id: int) -> list[Entry]:
    cursor = conn.execute(
        "SELECT uid, reviewer, action, payload, after, at, ref_uid, batch, guidelines FROM decisions WHERE span_id = ?",
        (span_id,),
    )
    cursor.row_factory = sqlite3.Row
    return [_entry(r) for r in cursor.fetchall()]


def _span_row(conn: sqlite3.Connection, span_id: int) -> sqlite3.Row:
    cursor = conn.execute("SELECT * FROM spans WHERE id = ?", (span_id,))
    cursor.row_factory = sqlite3.Row
    row = cursor.fetchone()
    if row is None:
        raise ReviewError(f"no span {span_id}")
    return cast(sqlite3.Row, row)


def refresh(conn: sqlite3.Connection, span_ids: Iterable[int]) -> None:
    """Rewrite the state rows of these spans from their decisions (inside the caller's transaction)."""
    for span_id in sorted(set(span_ids)):
        row = _span_row(conn, span_id)
        result = replay(proposal_of(row), entries(conn, span_id))
        doc_id = row["document_id"]
        conn.execute("DELETE FROM span_states WHERE span_id = ?", (span_id,))
        conn.executemany(
            "INSERT INTO span_states (span_id, reviewer, document_id, status, label, start, end, text, attrs,"
            " tags, decided_at, guidelines) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    span_id,
                    reviewer,
                    doc_id,
                    s["status"],
                    s["label"],
                    s["start"],
                    s["end"],
                    s["text"],
                    _dump(s["attrs"]),
                    _dump(sorted(s["tags"])),
                    result.decided_at.get(reviewer, ""),
                    result.guidelines.get(reviewer, ""),
                )
                for reviewer, s in result.states.items()
            ],
        )
        conn.execute("DELETE FROM gold_states WHERE span_id = ?", (span_id,))
        g = result.gold
        if result.states or g.adjudicator:
            conn.execute(
                "INSERT INTO gold_states (span_id, document_id, status, label, start, end, text, attrs, tags,"
                " reviewers, adjudicator, kinds, decided_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    span_id,
                    doc_id,
                    g.status,
                    g.state["label"],
                    g.state["start"],
                    g.state["end"],
                    g.state["text"],
                    _dump(g.state["attrs"]),
                    _dump(sorted(g.state.get("tags") or [])),
                    _dump(list(g.reviewers)),
                    g.adjudicator,
                    ",".join(g.kinds),
                    g.decided_at,
                ),
            )


def rebuild(conn: sqlite3.Connection) -> int:
    """Recompute every state row from the log; returns the number of spans with decisions."""
    conn.execute("DELETE FROM span_states")
    conn.execute("DELETE FROM gold_states")
    ids = [r[0] for r in conn.execute("SELECT DISTINCT span_id FROM decisions")]
    refresh(conn, ids)
    return len(ids)


@dataclass
class Pending:
    """A decision about to be appended."""

    span_id: int
    document_id: int
    reviewer: str
    action: str
    payload: dict[str, Any]
    ref_uid: str | None = None
    batch: str | None = None
    uid: str = field(default_factory=new_uid)


def append(conn: sqlite3.Connection, decisions: Sequence[Pending], origin: str = "") -> list[str]:
    """Append decisions (one transaction: the caller's) and refresh the spans they touch."""
    if not decisions:
        return []
    stamp = next_time(conn)
    touched = {d.span_id for d in decisions}
    before = {sid: _state_of(conn, sid, decisions[0].reviewer) for sid in touched}
    for d in decisions:
        conn.execute(
            "INSERT INTO decisions (span_id, document_id, reviewer, action, before, after, ref, at, uid, origin,"
            " ref_uid, batch, payload, guidelines) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                d.span_id,
                d.document_id,
                d.reviewer,
                d.action,
                _dump(before[d.span_id]),
                "{}",
                None,
                stamp,
                d.uid,
                origin,
                d.ref_uid,
                d.batch,
                _dump(d.payload),
                GUIDELINES_VERSION,
            ),
        )
    _link_refs(conn, [d.uid for d in decisions])
    refresh(conn, touched)
    # ``after`` is kept for people reading the log: the reviewer's version once this took effect.
    for d in decisions:
        conn.execute(
            "UPDATE decisions SET after = ? WHERE uid = ?", (_dump(_state_of(conn, d.span_id, d.reviewer)), d.uid)
        )
    return [d.uid for d in decisions]


def adopt(conn: sqlite3.Connection, rows: Sequence[dict[str, Any]]) -> tuple[int, int]:
    """Decisions made on another copy, already pointed at our span and document ids.

    A decision whose uid is here already is skipped; the others are appended as they
    were made (time, uid, origin, batch, what they refer to), then the spans they touch
    are refreshed. Returns (added, already present).
    """
    columns = [r[1] for r in conn.execute("PRAGMA table_info(decisions)") if r[1] != "id"]
    added = present = 0
    touched: set[int] = set()
    inserted: list[str] = []
    for row in rows:
        if conn.execute("SELECT 1 FROM decisions WHERE uid = ?", (row["uid"],)).fetchone():
            present += 1
            continue
        names = [c for c in columns if c in row]
        conn.execute(
            f"INSERT INTO decisions ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
            [row[c] for c in names],
        )
        touched.add(row["span_id"])
        inserted.append(row["uid"])
        added += 1
    _link_refs(conn, inserted)
    refresh(conn, touched)
    return added, present


def _link_refs(conn: sqlite3.Connection, uids: Sequence[str]) -> None:
    """Fill the local row id (``ref``) of what these undos and redos refer to, for people
    reading the log; the order and the meaning follow ``ref_uid`` alone."""
    if uids:
        conn.execute(
            "UPDATE decisions SET ref = (SELECT t.id FROM decisions t WHERE t.uid = decisions.ref_uid)"
            f" WHERE ref_uid IS NOT NULL AND uid IN ({','.join('?' for _ in uids)})",
            list(uids),
        )


def _state_of(conn: sqlite3.Connection, span_id: int, reviewer: str) -> dict[str, Any]:
    cursor = conn.execute(
        "SELECT status, label, start, end, text, attrs, tags FROM span_states WHERE span_id = ? AND reviewer = ?",
        (span_id, reviewer),
    )
    row = cursor.fetchone()
    if row is None:
        prop = proposal_of(_span_row(conn, span_id))
        return prop.state(PENDING if prop.origin == "machine" else REMOVED)
    status, label, start, end, text, attrs, tags = row
    return {
        "status": status,
        "label": label,
        "start": start,
        "end": end,
        "text": text,
        "attrs": json.loads(attrs),
        "tags": json.loads(tags),
    }


def text_and_sections(conn: sqlite3.Connection, doc_id: int) -> tuple[str, list[tuple[int, int]]]:
    row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise ReviewError(f"no document {doc_id}")
    sections = [(s, e) for s, e in conn.execute("SELECT start, end FROM sections WHERE document_id = ?", (doc_id,))]
    return row[0], sorted(sections)


def operation(conn: sqlite3.Connection, span_id: int, reviewer: str, change: Change) -> Pending:
    """Check one requested change on a span and turn it into the decision to append."""
    if not reviewer:
        raise ReviewError("a decision needs a reviewer name")
    row = _span_row(conn, span_id)
    doc_id = row["document_id"]
    action = change.action
    payload: dict[str, Any] = {}
    if action in (CONFIRM, REJECT, RESET):
        pass
    elif action in (TAG, UNTAG):
        if not change.tag:
            raise ReviewError("a tag needs a name")
        payload["tag"] = change.tag
    elif action in EDITS:
        current = _state_of(conn, span_id, reviewer)
        if change.label is not None and change.label not in LABELS:
            raise ReviewError(f"unknown label {change.label!r}")
        text = ""
        if change.moves():
            text, sections = text_and_sections(conn, doc_id)
            check_bounds(text, sections, *change.bounds(current["start"], current["end"]))
        payload = change.edit(current["start"], current["end"], text)
    else:
        raise ReviewError(f"unknown action {action!r}")
    pending = Pending(span_id, doc_id, reviewer, action, payload)
    _refuse_unchanged(conn, row, pending)
    return pending


def _comparable(state: dict[str, Any]) -> tuple[Any, ...]:
    return (*_version(state), state["status"], tuple(sorted(state.get("tags") or ())))


def _refuse_unchanged(conn: sqlite3.Connection, row: sqlite3.Row, pending: Pending) -> None:
    """A decision that would leave the reviewer's version as it is writes no row: the log
    holds only what changed something, so an undo always takes back something visible."""
    proposal = proposal_of(row)
    mine = [e for e in in_effect(entries(conn, pending.span_id)) if e.reviewer == pending.reviewer]
    mine = [e for e in mine if e.action != ADJUDICATE]
    empty = proposal.state(PENDING if proposal.origin == "machine" else REMOVED)
    before = fold(proposal, mine) or empty
    # Ordered after everything already logged, as ``append`` will stamp it.
    entry = Entry(pending.uid, pending.reviewer, pending.action, pending.payload, "\uffff")
    after = fold(proposal, [*mine, entry]) or empty
    if _comparable(before) != _comparable(after):
        return
    action, tag = pending.action, pending.payload.get("tag", "")
    if action == CONFIRM:
        message = "already confirmed" + (f" (as {before['status']})" if before["status"] != CONFIRMED else "")
    elif action == REJECT:
        message = "already rejected"
    elif action == TAG:
        message = f"already tagged {tag}"
    elif action == UNTAG:
        message = f"not tagged {tag}"
    elif action == RESET:
        message = "already pending"
    else:
        message = "no change: the span is already so"
    raise UnchangedError(message)


def _seen_version(state: Mapping[str, Any]) -> tuple[Any, ...]:
    return (state["status"], *_version(state), state["text"], tuple(sorted(state.get("tags") or ())))


def check_seen(conn: sqlite3.Connection, span_id: int, reviewer: str, seen: Mapping[str, Any]) -> None:
    """Refuse a decision made on a version of the span that is no longer the reviewer's own
    (decided meanwhile in another session, moved by a re-extraction): a key is bound to the
    span as it was shown, never applied to one the reviewer did not see."""
    if _seen_version(_state_of(conn, span_id, reviewer)) != _seen_version(seen):
        raise ChangedSpanError(f"span {span_id} changed since it was shown (decided elsewhere or extracted again)")


def verdict(conn: sqlite3.Connection, span_id: int, adjudicator: str, chosen: dict[str, Any]) -> Pending:
    """An adjudicator's final version of a span: ``status`` (a gold status accepts) and fields."""
    if not adjudicator:
        raise ReviewError("an adjudication needs an adjudicator name")
    status = chosen.get("status")
    if status is None:
        raise ReviewError("the chosen version needs a status")
    row = _span_row(conn, span_id)
    proposal = proposal_of(row)
    label = chosen.get("label", proposal.label)
    if label not in LABELS:
        raise ReviewError(f"unknown label {label!r}")
    start = int(chosen.get("start", proposal.start))
    end = int(chosen.get("end", proposal.end))
    accepted = status in GOLD_STATUSES
    text, sections = text_and_sections(conn, row["document_id"])
    if accepted:
        check_bounds(text, sections, start, end)
    elif not 0 <= start < end <= len(text):
        raise ReviewError(f"span {start}-{end} is outside the document")
    attrs = chosen.get("attrs", proposal.attrs) or {}
    payload = {
        "accepted": accepted,
        "label": label,
        "start": start,
        "end": end,
        "text": text[start:end],
        "attrs": {k: v for k, v in attrs.items() if v is not None and v != ""},
        "tags": sorted(chosen.get("tags") or []),
    }
    gold = replay(proposal, entries(conn, span_id)).gold
    if gold.adjudicator and _comparable(gold.state) == _comparable(_verdict(proposal, payload)):
        raise UnchangedError(f"already adjudicated so (by {gold.adjudicator})")
    return Pending(span_id, row["document_id"], adjudicator, ADJUDICATE, payload)


_COLUMNS = "uid, reviewer, action, payload, after, at, ref_uid, batch, guidelines, span_id, document_id"


def _newest_first(conn: sqlite3.Connection, reviewer: str, page: int = 256) -> Iterator[tuple[Entry, int, int]]:
    """A reviewer's decisions from the newest back, a page at a time: an undo looks at the
    last few, not at the tens of thousands a long campaign leaves."""
    last: tuple[str, str] | None = None
    while True:
        if last is None:
            cursor = conn.execute(
                f"SELECT {_COLUMNS} FROM decisions WHERE reviewer = ? ORDER BY at DESC, uid DESC LIMIT ?",
                (reviewer, page),
            )
        else:
            cursor = conn.execute(
                f"SELECT {_COLUMNS} FROM decisions WHERE reviewer = ? AND (at < ? OR (at = ? AND uid < ?))"
                " ORDER BY at DESC, uid DESC LIMIT ?",
                (reviewer, last[0], last[0], last[1], page),
            )
        cursor.row_factory = sqlite3.Row
        rows = cursor.fetchall()
        for row in rows:
            yield _entry(row), row["span_id"], row["document_id"]
        if len(rows) < page:
            return
        last = (rows[-1]["at"], rows[-1]["uid"])


def _batch(conn: sqlite3.Connection, reviewer: str, batch: str) -> list[tuple[Entry, int, int]]:
    cursor = conn.execute(
        f"SELECT {_COLUMNS} FROM decisions WHERE batch = ? AND reviewer = ?",
        (batch, reviewer),
    )
    cursor.row_factory = sqlite3.Row
    return [(_entry(r), r["span_id"], r["document_id"]) for r in cursor.fetchall()]


def undo_redo(conn: sqlite3.Connection, reviewer: str, *, redo: bool) -> list[Pending]:
    """The decisions an undo (or redo) appends: they refer to what they take back or bring back.

    Undo takes back the reviewer's latest decision still in effect (its whole batch).
    Redo brings back what the latest undo took back, unless the reviewer decided anything
    after it (a new action clears the redo, as in every editor). Read from the newest
    decision back: the newest undo or redo of a decision says whether it is in effect.
    """
    fate: dict[str, str] = {}  # decision uid → the newest of UNDO / REDO that refers to it
    batch = new_uid()
    for entry, span_id, doc_id in _newest_first(conn, reviewer):
        if entry.action in (UNDO, REDO):
            if not entry.ref_uid or entry.ref_uid in fate:
                continue
            fate[entry.ref_uid] = entry.action
            if redo and entry.action == UNDO:
                group = [entry]
                if entry.batch:
                    group = [e for e, _s, _d in _batch(conn, reviewer, entry.batch) if e.action == UNDO]
                refs = [e.ref_uid for e in group if e.ref_uid and fate.get(e.ref_uid, UNDO) == UNDO]
                cursor = conn.execute(
                    f"SELECT uid, span_id, document_id FROM decisions WHERE uid IN ({','.join('?' for _ in refs)})",
                    refs,
                )
                return [Pending(s, d, reviewer, REDO, {}, ref_uid=uid, batch=batch) for uid, s, d in cursor]
            continue
        if redo:
            return []  # a decision newer than every undo still standing: nothing to redo
        if fate.get(entry.uid) == UNDO:
            continue  # taken back already
        members = [(entry, span_id, doc_id)]
        if entry.batch:
            members = [
                (e, s, d)
                for e, s, d in _batch(conn, reviewer, entry.batch)
                if e.action not in (UNDO, REDO) and fate.get(e.uid) != UNDO
            ]
        return [Pending(s, d, reviewer, UNDO, {}, ref_uid=e.uid, batch=batch) for e, s, d in members]
    return []


# --- decision writes: ``store.db.Store``'s decide, add_span, undo... call these ------------------


def decide(store: Decides, span_id: int, reviewer: str, change: Change, seen: SpanState | None = None) -> SpanView:
    """Record one reviewer's change on a span and return the span as the reviewer now sees it.

    ``change.action`` is one of confirm, reject, label, boundary, attrs, tag, untag, reset,
    adjudicate (an adjudicator's verdict, through ``adjudicate``). ``seen``: the version of
    the span the reviewer decided on (``SpanView.state()``); if the span is no longer that
    version nothing is written (``ChangedSpanError``).
    """
    if change.action == ADJUDICATE:
        chosen = dict(change.attrs or {})
        status = chosen.pop("status", CONFIRMED)
        current = store.span(span_id, reviewer)
        version = current.state() | {"status": status, "attrs": chosen or current.attrs}
        fields = (("label", change.label), ("start", change.start), ("end", change.end))
        version.update({k: v for k, v in fields if v is not None})
        return adjudicate(store, span_id, reviewer, version)
    with store.transaction() as conn:
        if seen is not None:
            check_seen(conn, span_id, reviewer, seen)
        pending = operation(conn, span_id, reviewer, change)
        store.watch_lexicon(conn, spread=change.action in (CONFIRM, LABEL, BOUNDARY))  # what can make gold
        append(conn, [pending], store.origin)
        if change.tag and change.action == TAG:
            conn.execute(
                "INSERT OR IGNORE INTO tags (name, created_by, created_at) VALUES (?,?,?)",
                (change.tag, reviewer, now()),
            )
    return store.span(span_id, reviewer)


def decide_many(
    store: Decides, span_ids: Iterable[int], reviewer: str, action: str, seen: dict[int, SpanState] | None = None
) -> int:
    """One action (confirm or reject) on many spans as one batch: one undo takes it all back.

    ``seen``: span id → the version the reviewer decided on; if any span is no longer that
    version nothing is written (``ChangedSpanError``)."""
    if action not in (CONFIRM, REJECT):
        raise StoreError(f"a bulk action is confirm or reject, not {action!r}")
    batch = new_uid()
    with store.transaction() as conn:
        for span_id, version in (seen or {}).items():
            check_seen(conn, span_id, reviewer, version)
        pending = []
        for span_id in dict.fromkeys(span_ids):
            try:
                pending.append(operation(conn, span_id, reviewer, Change(action)))
            except UnchangedError:
                continue  # decided so already: no row, and not counted
        for p in pending:
            p.batch = batch
        store.watch_lexicon(conn, spread=action == CONFIRM and bool(pending))
        append(conn, pending, store.origin)
    return len(pending)


def add_span(
    store: Decides,
    doc_id: int,
    reviewer: str,
    start: int,
    end: int,
    label: str,
    attrs: dict[str, Any] | None = None,
) -> SpanView:
    """A span the machine missed, marked by a reviewer."""
    with store.transaction() as conn:
        span_id = _add(store, conn, doc_id, reviewer, start, end, label, attrs, None)
    return store.span(span_id, reviewer)


def _add(
    store: Decides,
    conn: sqlite3.Connection,
    doc_id: int,
    reviewer: str,
    start: int,
    end: int,
    label: str,
    attrs: dict[str, Any] | None,
    batch: str | None,
) -> int:
    if not reviewer:
        raise StoreError("a decision needs a reviewer name")
    if label not in LABELS:
        raise StoreError(f"unknown label {label!r}")
    text, sections = text_and_sections(conn, doc_id)
    # A selection that takes in a space or line break at either end means the text inside.
    start, end = trimmed(text, start, end)
    check_bounds(text, sections, start, end)
    clean = {k: v for k, v in (attrs or {}).items() if v is not None and v != ""}
    cursor = conn.execute(
        "INSERT INTO spans (document_id, origin, label, start, end, text, attrs, rule, confidence,"
        " extractor_version, created_by, created_at, uid, source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            doc_id,
            "human",
            label,
            start,
            end,
            text[start:end],
            json.dumps(clean, ensure_ascii=False),
            "human",
            1.0,
            "",
            reviewer,
            now(),
            new_uid(),
            "human",
        ),
    )
    span_id = int(cursor.lastrowid or 0)
    store.watch_lexicon(conn, spread=True)
    append(conn, [Pending(span_id, doc_id, reviewer, ADD, {}, batch=batch)], store.origin)
    return span_id


def split_span(store: Decides, span_id: int, reviewer: str, at: int) -> tuple[SpanView, SpanView]:
    """Cut a span in two at offset ``at``: the reviewer rejects it and adds both halves (one undo)."""
    current = store.span(span_id, reviewer)
    if not current.start < at < current.end:
        raise StoreError("split inside the span")
    left = current.text[: at - current.start].rstrip()
    right_text = current.text[at - current.start :]
    right_start = at + len(right_text) - len(right_text.lstrip())
    batch = new_uid()
    with store.transaction() as conn:
        with contextlib.suppress(UnchangedError):  # rejected already: the halves are added all the same
            reject = operation(conn, span_id, reviewer, Change(REJECT))
            reject.batch = batch
            append(conn, [reject], store.origin)
        doc = current.document_id
        a = _add(store, conn, doc, reviewer, current.start, current.start + len(left), current.label, None, batch)
        b = _add(store, conn, doc, reviewer, right_start, current.end, current.label, None, batch)
    return store.span(a, reviewer), store.span(b, reviewer)


def merge_spans(store: Decides, first: int, second: int, reviewer: str) -> SpanView:
    """Join two spans into one from the start of the earlier to the end of the later (one undo)."""
    a, b = sorted((store.span(first, reviewer), store.span(second, reviewer)), key=lambda s: s.start)
    if a.document_id != b.document_id or a.id == b.id:
        raise StoreError("merge two different spans of one document")
    batch = new_uid()
    with store.transaction() as conn:
        rejects = []
        for s in (a, b):
            with contextlib.suppress(UnchangedError):
                rejects.append(operation(conn, s.id, reviewer, Change(REJECT)))
        for r in rejects:
            r.batch = batch
        append(conn, rejects, store.origin)
        joined = _add(store, conn, a.document_id, reviewer, a.start, max(a.end, b.end), a.label, None, batch)
    return store.span(joined, reviewer)


def adjudicate(
    store: Decides, span_id: int, adjudicator: str, chosen: dict[str, Any], *, overrule: bool = False
) -> SpanView:
    """Record an adjudicator's final version of a span; return its gold view.

    ``store.roles.check_adjudication`` first: only an adjudicator, never over an earlier
    verdict unless ``overrule``, never on a span they decided as a reviewer while
    another adjudicator is free of it.
    """
    with store.transaction() as conn:
        roles.check_adjudication(conn, span_id, adjudicator, overrule=overrule)
        append(conn, [verdict(conn, span_id, adjudicator, chosen)], store.origin)
    return store.span(span_id)


def take_back(store: Decides, reviewer: str, *, redo: bool) -> list[SpanView]:
    """Undo (or redo) the reviewer's latest batch as new decisions (``undo_redo``); every span
    it touched in its new state, the one an undo takes back first."""
    with store.transaction() as conn:
        pending = undo_redo(conn, reviewer, redo=redo)
        append(conn, pending, store.origin)
    order = list(dict.fromkeys(d.span_id for d in pending))
    if not order:
        return []
    return store.spans_by_id(order, reviewer)
