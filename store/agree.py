"""Agreement between reviewers, the spans they disagree on, and adjudication.

Each reviewer's version of a document is replayed from the decision log, leaving out
adjudications (an adjudicator's word is not a reviewer's opinion, even when the
adjudicator also reviewed) and reviewers named ``adjudicator:...``.

For every pair of reviewers, over the documents both touched:

* span-level precision, recall and F1 of B against A: exact match on (start, end,
  label) of the spans each holds as gold (confirmed, corrected, added). F1 is symmetric;
  precision and recall swap when the pair does.
* Cohen's kappa on accept/reject of the machine candidates both decided.

``adjudicate`` records an adjudicator's final version of a span as a decision with
action ``adjudicate``; the consolidated view (``Store.spans(doc_id)``), and so every
export, prefers it to any reviewer's decision.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from typing import Any

from extract.models import LABELS
from store.db import Store, StoreError
from store.records import (
    ADDED,
    ADJUDICATOR_PREFIX,
    CONFIRMED,
    CORRECTED,
    GOLD_STATUSES,
    PENDING,
    REJECTED,
    REMOVED,
    SpanView,
)

ADJUDICATE = "adjudicate"
NOT_MARKED = "not marked"  # a span a reviewer never made: their answer to someone else's addition


class AdjudicationError(StoreError):
    """An adjudication that cannot be recorded (unknown span, label, offsets)."""


# --- each reviewer's version -----------------------------------------------------------------


@dataclass(frozen=True)
class DocumentVersions:
    """The spans of one document and every reviewer's current state of them."""

    document_id: int
    spans: dict[int, dict[str, Any]]
    """Span rows by id: origin, label, start, end, text, attrs (the proposal)."""
    states: dict[str, dict[int, dict[str, Any]]]
    """Reviewer → span id → state (the ``after`` of their latest decision on it)."""
    adjudications: dict[int, tuple[str, dict[str, Any]]]
    """Span id → (adjudicator, state) of the latest adjudication."""

    @property
    def reviewers(self) -> list[str]:
        return sorted(self.states)

    def state(self, reviewer: str, span_id: int) -> dict[str, Any] | None:
        """A reviewer's state of a span; a machine span they never touched is pending;
        None for someone else's added span."""
        state = self.states.get(reviewer, {}).get(span_id)
        if state is not None:
            return state
        row = self.spans[span_id]
        if row["origin"] == "human":
            return None
        return {k: row[k] for k in ("label", "start", "end", "text", "attrs")} | {"status": PENDING, "tags": []}

    def gold(self, reviewer: str) -> set[tuple[int, int, str]]:
        """(start, end, label) of every span the reviewer holds as gold."""
        return {
            (s["start"], s["end"], s["label"])
            for s in self.states.get(reviewer, {}).values()
            if s.get("status") in GOLD_STATUSES
        }


def is_adjudicator(reviewer: str) -> bool:
    return reviewer.startswith(ADJUDICATOR_PREFIX)


def versions(store: Store, doc_id: int) -> DocumentVersions:
    span_rows = store.read(
        "SELECT id, origin, label, start, end, text, attrs FROM spans WHERE document_id = ? ORDER BY start, end, id",
        [doc_id],
    )
    spans = {r["id"]: r | {"attrs": json.loads(r["attrs"] or "{}")} for r in span_rows}
    states: dict[str, dict[int, dict[str, Any]]] = {}
    adjudications: dict[int, tuple[str, dict[str, Any]]] = {}
    for d in store.read(
        "SELECT span_id, reviewer, action, after FROM decisions WHERE document_id = ? ORDER BY id", [doc_id]
    ):
        after = json.loads(d["after"] or "{}")
        if d["action"] == ADJUDICATE:
            adjudications[d["span_id"]] = (d["reviewer"], after)
        elif not is_adjudicator(d["reviewer"]):
            states.setdefault(d["reviewer"], {})[d["span_id"]] = after
    return DocumentVersions(doc_id, spans, states, adjudications)


# --- pairwise agreement ----------------------------------------------------------------------


@dataclass(frozen=True)
class PairAgreement:
    """How reviewer B agrees with reviewer A over the documents both reviewed."""

    reviewer_a: str
    reviewer_b: str
    documents: int
    spans_a: int
    spans_b: int
    matched: int
    both_accepted: int
    both_rejected: int
    only_a_accepted: int
    only_b_accepted: int

    @property
    def precision(self) -> float | None:
        """B's gold spans that A also holds."""
        return self.matched / self.spans_b if self.spans_b else None

    @property
    def recall(self) -> float | None:
        """A's gold spans that B also holds."""
        return self.matched / self.spans_a if self.spans_a else None

    @property
    def f1(self) -> float | None:
        total = self.spans_a + self.spans_b
        return 2 * self.matched / total if total else None

    @property
    def candidates(self) -> int:
        """Machine candidates both decided on."""
        return self.both_accepted + self.both_rejected + self.only_a_accepted + self.only_b_accepted

    @property
    def observed(self) -> float | None:
        n = self.candidates
        return (self.both_accepted + self.both_rejected) / n if n else None

    @property
    def kappa(self) -> float | None:
        return cohen_kappa(self.both_accepted, self.only_a_accepted, self.only_b_accepted, self.both_rejected)

    def as_dict(self) -> dict[str, Any]:
        return {
            "reviewer_a": self.reviewer_a,
            "reviewer_b": self.reviewer_b,
            "documents": self.documents,
            "spans_a": self.spans_a,
            "spans_b": self.spans_b,
            "matched": self.matched,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "candidates": self.candidates,
            "confusion": {
                "both_accepted": self.both_accepted,
                "both_rejected": self.both_rejected,
                "only_a_accepted": self.only_a_accepted,
                "only_b_accepted": self.only_b_accepted,
            },
            "observed": self.observed,
            "kappa": self.kappa,
        }


def cohen_kappa(both_yes: int, only_a: int, only_b: int, both_no: int) -> float | None:
    """Cohen's kappa of a 2×2 table (accept/reject by two raters).

    None when it is undefined: no items, or both raters used one and the same answer
    for everything (chance agreement 1; the observed agreement says all there is).
    """
    n = both_yes + only_a + only_b + both_no
    if n == 0:
        return None
    observed = (both_yes + both_no) / n
    a_yes = (both_yes + only_a) / n
    b_yes = (both_yes + only_b) / n
    expected = a_yes * b_yes + (1 - a_yes) * (1 - b_yes)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def _accepts(state: dict[str, Any] | None) -> bool | None:
    if state is None or state.get("status") in (PENDING, None):
        return None
    return state["status"] in GOLD_STATUSES


def agreement(store: Store, reviewers: list[str] | None = None, documents: tuple[int, ...] = ()) -> list[PairAgreement]:
    """Every pair of reviewers (alphabetical within a pair) over the documents both reviewed."""
    doc_ids = [d for d in store.document_ids() if not documents or d in documents]
    per_document = [versions(store, doc_id) for doc_id in doc_ids]
    names = sorted({r for v in per_document for r in v.reviewers})
    if reviewers:
        names = [r for r in names if r in reviewers]
    results = []
    for a, b in itertools.combinations(names, 2):
        shared = spans_a = spans_b = matched = 0
        table = {(True, True): 0, (False, False): 0, (True, False): 0, (False, True): 0}
        for v in per_document:
            if a not in v.states or b not in v.states:
                continue
            shared += 1
            gold_a, gold_b = v.gold(a), v.gold(b)
            spans_a += len(gold_a)
            spans_b += len(gold_b)
            matched += len(gold_a & gold_b)
            for span_id, row in v.spans.items():
                if row["origin"] != "machine":
                    continue
                answer = (_accepts(v.state(a, span_id)), _accepts(v.state(b, span_id)))
                if None not in answer:
                    table[answer] += 1  # type: ignore[index]
        results.append(
            PairAgreement(
                a,
                b,
                shared,
                spans_a,
                spans_b,
                matched,
                both_accepted=table[(True, True)],
                both_rejected=table[(False, False)],
                only_a_accepted=table[(True, False)],
                only_b_accepted=table[(False, True)],
            )
        )
    return results


# --- disagreements ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Disagreement:
    """One span on which reviewers who decided it do not give the same final version.

    ``versions`` maps each reviewer of the document to their state of the span
    (``{"status": "not marked"}`` for a span someone else added and they did not mark
    the same way), ``kinds`` says what differs: accept (accept vs reject), label,
    boundary, attrs.
    """

    span_id: int
    document_id: int
    origin: str
    proposed: dict[str, Any]
    versions: dict[str, dict[str, Any]]
    kinds: tuple[str, ...]
    adjudicator: str = ""
    adjudication: dict[str, Any] | None = field(default=None)

    @property
    def resolved(self) -> bool:
        return self.adjudication is not None

    def as_dict(self) -> dict[str, Any]:
        return {
            "span_id": self.span_id,
            "document_id": self.document_id,
            "origin": self.origin,
            "proposed": self.proposed,
            "versions": self.versions,
            "kinds": list(self.kinds),
            "adjudicator": self.adjudicator or None,
            "adjudication": self.adjudication,
        }


def _outcome(state: dict[str, Any]) -> tuple[Any, ...]:
    if state["status"] not in GOLD_STATUSES:
        return ("rejected",)
    attrs = json.dumps(state.get("attrs") or {}, sort_keys=True, ensure_ascii=False)
    return ("accepted", state["label"], state["start"], state["end"], attrs)


def _kinds(outcomes: list[tuple[Any, ...]]) -> tuple[str, ...]:
    accepted = [o for o in outcomes if o[0] == "accepted"]
    kinds = []
    if len(accepted) != len(outcomes):
        kinds.append("accept")
    if len({o[1] for o in accepted}) > 1:
        kinds.append("label")
    if len({(o[2], o[3]) for o in accepted}) > 1:
        kinds.append("boundary")
    if len({o[4] for o in accepted}) > 1:
        kinds.append("attrs")
    return tuple(kinds)


def document_disagreements(v: DocumentVersions, include_resolved: bool = True) -> list[Disagreement]:
    found = []
    for span_id, row in v.spans.items():
        answers: dict[str, dict[str, Any]] = {}
        for reviewer in v.reviewers:
            state = v.state(reviewer, span_id)
            if state is None:
                # Someone else's added span: the reviewer answered "no" unless they hold
                # the same span as gold in some other way.
                same = [
                    s
                    for s in v.states[reviewer].values()
                    if s.get("status") in GOLD_STATUSES
                    and (s["start"], s["end"], s["label"]) == (row["start"], row["end"], row["label"])
                ]
                state = same[0] if same else {"status": NOT_MARKED}
            if state["status"] == PENDING:
                continue  # not decided yet: neither agreement nor disagreement
            answers[reviewer] = state
        outcomes = [_outcome(s) for s in answers.values()]
        if len(outcomes) < 2 or len(set(outcomes)) == 1:
            continue
        adjudicator, adjudication = v.adjudications.get(span_id, ("", None))
        if adjudication is not None and not include_resolved:
            continue
        found.append(
            Disagreement(
                span_id=span_id,
                document_id=v.document_id,
                origin=row["origin"],
                proposed={k: row[k] for k in ("label", "start", "end", "text", "attrs")},
                versions=answers,
                kinds=_kinds(outcomes),
                adjudicator=adjudicator,
                adjudication=adjudication,
            )
        )
    return found


def disagreements(store: Store, doc_id: int | None = None, include_resolved: bool = True) -> list[Disagreement]:
    """Spans reviewers disagree on, in document and text order.

    Adjudicated ones are included (with their ``adjudication``) unless
    ``include_resolved`` is False.
    """
    doc_ids = store.document_ids() if doc_id is None else [doc_id]
    found = []
    for one in doc_ids:
        found.extend(document_disagreements(versions(store, one), include_resolved))
    return found


# --- adjudication ----------------------------------------------------------------------------


def adjudicate(store: Store, span_id: int, adjudicator: str, chosen_state: dict[str, Any]) -> SpanView:
    """Record the adjudicator's final version of a span; return the consolidated view of it.

    ``chosen_state`` is a reviewer's version (``Disagreement.versions[name]``) or an edited
    one: ``status`` (a gold status accepts the span, anything else rejects it) and
    optionally ``label``, ``start``, ``end``, ``attrs``, ``tags``; missing fields keep the
    machine proposal. The decision is appended with action ``adjudicate`` in one
    transaction, like every other decision.
    """
    if not adjudicator:
        raise AdjudicationError("an adjudication needs an adjudicator name")
    status = chosen_state.get("status")
    if status is None:
        raise AdjudicationError("the chosen version needs a status")
    accepted = status in GOLD_STATUSES
    # Written here rather than through Store.decide(action="adjudicate"): decide derives
    # acceptance from the adjudicator's own previous state and would store a "status"
    # passed in attrs as a span attribute.
    with store.transaction() as conn:
        current = store._current(conn, span_id, adjudicator)
        proposed = current.proposed
        label = chosen_state.get("label", proposed["label"])
        if label not in LABELS:
            raise AdjudicationError(f"unknown label {label!r}")
        start = int(chosen_state.get("start", proposed["start"]))
        end = int(chosen_state.get("end", proposed["end"]))
        text = conn.execute("SELECT text FROM documents WHERE id = ?", (current.document_id,)).fetchone()[0]
        if not 0 <= start < end <= len(text):
            raise AdjudicationError(f"span {start}-{end} is outside the document")
        attrs = chosen_state.get("attrs", proposed["attrs"]) or {}
        attrs = {k: v for k, v in attrs.items() if v is not None and v != ""}
        human = current.origin == "human"
        if not accepted:
            final = REMOVED if human else REJECTED
        elif human:
            final = ADDED
        else:
            original = (proposed["label"], proposed["start"], proposed["end"], proposed["attrs"])
            same = (label, start, end, attrs) == original
            final = CONFIRMED if same else CORRECTED
        after = {
            "status": final,
            "label": label,
            "start": start,
            "end": end,
            "text": text[start:end],
            "attrs": attrs,
            "tags": list(chosen_state.get("tags", current.tags)),
        }
        store._log(conn, current, adjudicator, ADJUDICATE, current.state(), after, None)
    return store.span(span_id)
