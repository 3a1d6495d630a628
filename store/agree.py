"""Agreement between reviewers, the spans they disagree on, and adjudication.

Every figure here reads the review state through public ``Store`` calls
(``reviewer_states``, ``disputes``, ``adjudicate``); what a decision means is decided
in ``store.review`` alone. Adjudicators (``adjudicator:...``) are never reviewers.

For every pair of reviewers, over the sections both finished (``store.progress``: every
candidate in the section decided, or the whole report finished): what one reviewer never
reached is no disagreement, and the figures say how much was compared:

* span-level precision, recall and F1 of B against A: exact match on (start, end,
  label) of the spans each holds as gold (confirmed, corrected, added). F1 is symmetric;
  precision and recall swap when the pair does.
* Cohen's kappa on accept/reject of the machine candidates both decided.

``disagreements`` lists every span on which the reviewers who decided it differ (accept,
label, boundary, attributes, tags) and every span one reviewer added that another
reviewer did not mark in a section they finished: exactly the mismatches the F1 counts.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from typing import Any

from pizhu.extract.scores import Scored, Scores, prf
from pizhu.store import library
from pizhu.store.db import Store
from pizhu.store.errors import AdjudicatedError, AdjudicationError, ReviewError, UnchangedError
from pizhu.store.progress import progress_of, sections_finished
from pizhu.store.records import GOLD_STATUSES, PENDING, SpanState, SpanView, is_adjudicator
from pizhu.store.review import ADJUDICATE

__all__ = ["ADJUDICATE", "NOT_MARKED", "AdjudicationError", "adjudicate", "agreement", "disagreements"]

NOT_MARKED = "not marked"  # a span a reviewer never made: their answer to someone else's addition


# --- each reviewer's version -----------------------------------------------------------------


@dataclass(frozen=True)
class DocumentVersions:
    """Every reviewer's decided versions of one document's spans."""

    document_id: int
    states: dict[str, dict[int, dict[str, Any]]]
    """Reviewer → span id → state; only reviewers with something decided in the document."""

    @property
    def reviewers(self) -> list[str]:
        return sorted(self.states)

    def gold(self, reviewer: str) -> set[tuple[int, int, str]]:
        """(start, end, label) of every span the reviewer holds as gold."""
        return {
            (s["start"], s["end"], s["label"])
            for s in self.states.get(reviewer, {}).values()
            if s.get("status") in GOLD_STATUSES
        }


def _reviewed(states: dict[str, dict[int, dict[str, Any]]]) -> dict[str, dict[int, dict[str, Any]]]:
    return {r: mine for r, mine in states.items() if any(s["status"] != PENDING for s in mine.values())}


@dataclass(frozen=True)
class Sections:
    """A document's sections, and which of them each reviewer finished."""

    starts: list[int]
    finished: dict[str, list[bool]]
    candidates: dict[int, int]
    """Machine span id → its proposed start (which section it is in)."""

    def index(self, offset: int) -> int:
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def both(self, a: str, b: str) -> list[int]:
        """The sections both reviewers finished."""
        fa, fb = self.finished.get(a, []), self.finished.get(b, [])
        return [i for i, (x, y) in enumerate(zip(fa, fb, strict=True)) if x and y]


def finished_sections(store: Store, doc_id: int, states: dict[str, dict[int, dict[str, Any]]]) -> Sections:
    """Which sections of the document each reviewer in ``states`` finished (``store.progress``)."""
    bounds = [(s.start, s.end) for s in store.sections(doc_id)]
    if not bounds:
        bounds = [(0, len(store.document_text(doc_id)) + 1)]
    candidates = {
        r["id"]: r["start"]
        for r in store.read("SELECT id, start FROM spans WHERE document_id = ? AND origin = 'machine'", [doc_id])
    }
    finished = {}
    for reviewer, mine in states.items():
        spans = [
            {"origin": "machine", "status": mine.get(i, {}).get("status", PENDING), "start": start}
            for i, start in candidates.items()
        ]
        spans += [
            {"origin": s.get("origin", "human"), "status": s["status"], "start": s["start"]}
            for i, s in mine.items()
            if i not in candidates
        ]
        finished[reviewer] = sections_finished(bounds, spans, progress_of(spans).finished)
    return Sections([start for start, _end in bounds], finished, candidates)


def versions(store: Store, doc_id: int) -> DocumentVersions:
    for _doc, states in store.reviewer_states(doc_id):
        return DocumentVersions(doc_id, _reviewed(states))
    return DocumentVersions(doc_id, {})


def _deciders(store: Store) -> dict[int, list[str]]:
    """Per live document, the reviewers with something decided in it (``_reviewed``'s), from
    the state index alone: only documents with two of them need their versions read."""
    found: dict[int, list[str]] = {}
    for row in store.read(
        f"SELECT r.document_id, r.reviewer FROM span_states r JOIN {library.LIVE} ON d.id = r.document_id"
        " AND d.deleted_at IS NULL WHERE r.status != ? GROUP BY r.document_id, r.reviewer",
        [PENDING],
    ):
        if not is_adjudicator(row["reviewer"]):
            found.setdefault(row["document_id"], []).append(row["reviewer"])
    return found


# --- pairwise agreement ----------------------------------------------------------------------


@dataclass(frozen=True)
class PairAgreement(Scored):
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
    sections: int = 0
    """Sections both finished: what was compared."""
    sections_left: int = 0
    """Sections of the reports both worked in that one of them had not finished: left out."""

    @property
    def scores(self) -> Scores:
        """A's gold as the truth and B's as what was found: precision is B's gold spans that
        A also holds, recall A's gold spans that B also holds."""
        return prf(self.matched, self.spans_b - self.matched, self.spans_a - self.matched)

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

    def kappa_note(self) -> str:
        """One line when kappa sits far below a high raw agreement (the prevalence paradox), else ""."""
        kappa, observed, n = self.kappa, self.observed, self.candidates
        if kappa is None or observed is None or observed < 0.8 or kappa >= observed - 0.3:
            return ""
        accepted = (2 * self.both_accepted + self.only_a_accepted + self.only_b_accepted) / (2 * n)
        answer, share = ("accepted", accepted) if accepted >= 0.5 else ("rejected", 1 - accepted)
        return (
            f"{self.reviewer_a}/{self.reviewer_b}: kappa {kappa:.2f} beside {observed:.0%} agreement: {share:.0%} of"
            f" the answers were {answer}, so chance agreement is high (prevalence: two categories, skewed); read"
            " kappa with the raw agreement"
        )

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
            "sections": self.sections,
            "sections_left": self.sections_left,
            "kappa_note": self.kappa_note() or None,
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
    """Every pair of reviewers (alphabetical within a pair) over the sections both finished."""
    wanted = set(documents)
    tables: dict[tuple[str, str], list[int]] = {}
    names: set[str] = set()
    compared = []
    for doc_id, decided in _deciders(store).items():
        if wanted and doc_id not in wanted:
            continue
        present = [r for r in decided if not reviewers or r in reviewers]
        names.update(present)
        if len(present) >= 2:
            compared.append(doc_id)
    for doc_id in compared:
        v = next(
            (
                DocumentVersions(doc_id, _reviewed(states))
                for _doc, states in store.reviewer_states(doc_id, attributes=False)
            ),
            DocumentVersions(doc_id, {}),
        )
        present = [r for r in v.reviewers if not reviewers or r in reviewers]
        if len(present) < 2:
            continue
        sections = finished_sections(store, doc_id, {r: v.states[r] for r in present})
        for a, b in itertools.combinations(present, 2):
            # documents, spans_a, spans_b, matched, both yes, both no, only a, only b, sections, left out
            row = tables.setdefault((a, b), [0] * 10)
            both = set(sections.both(a, b))
            row[8] += len(both)
            row[9] += len(sections.starts) - len(both)
            if not both:
                continue
            row[0] += 1
            gold_a, gold_b = ({g for g in v.gold(r) if sections.index(g[0]) in both} for r in (a, b))
            row[1] += len(gold_a)
            row[2] += len(gold_b)
            row[3] += len(gold_a & gold_b)
            states_a, states_b = v.states[a], v.states[b]
            for span_id, start in sections.candidates.items():
                if sections.index(start) not in both:
                    continue
                answer = (_accepts(states_a.get(span_id)), _accepts(states_b.get(span_id)))
                if None in answer:
                    continue
                index = {(True, True): 4, (False, False): 5, (True, False): 6, (False, True): 7}[answer]  # type: ignore[index]
                row[index] += 1
    results = []
    for a, b in itertools.combinations(sorted(names), 2):
        shared, spans_a, spans_b, matched, yes, no, only_a, only_b, compared_sections, left = tables.get(
            (a, b), [0] * 10
        )
        results.append(
            PairAgreement(
                a,
                b,
                shared,
                spans_a,
                spans_b,
                matched,
                both_accepted=yes,
                both_rejected=no,
                only_a_accepted=only_a,
                only_b_accepted=only_b,
                sections=compared_sections,
                sections_left=left,
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
    adjudication: SpanState | None = field(default=None)
    adjudicated_at: str = ""

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
            "adjudicated_at": self.adjudicated_at or None,
        }


def _disagreement(view: SpanView, answers: dict[str, dict[str, Any]], kinds: tuple[str, ...]) -> Disagreement:
    adjudication = None
    if view.reviewer and is_adjudicator(view.reviewer):
        adjudication = view.state()
    return Disagreement(
        span_id=view.id,
        document_id=view.document_id,
        origin=view.origin,
        proposed=dict(view.proposed),
        versions=answers,
        kinds=kinds,
        adjudicator=view.reviewer if adjudication is not None else "",
        adjudication=adjudication,
        adjudicated_at=view.decided_at if adjudication is not None else "",
    )


def disagreements(store: Store, doc_id: int | None = None, include_resolved: bool = True) -> list[Disagreement]:
    """Spans reviewers disagree on, in document and text order.

    Adjudicated ones are included (with their ``adjudication``) unless
    ``include_resolved`` is False.
    """
    disputed: dict[int, list[SpanView]] = {}
    for view in store.disputes(doc_id, include_resolved):
        disputed.setdefault(view.document_id, []).append(view)
    added: dict[int, list[SpanView]] = {}
    for view in store.added_spans(doc_id):
        if include_resolved or not (view.reviewer and is_adjudicator(view.reviewer)):
            added.setdefault(view.document_id, []).append(view)
    found: list[Disagreement] = []
    for document in sorted(disputed.keys() | added.keys()):
        v = versions(store, document)
        sections = finished_sections(store, document, v.states) if document in added else None
        for view in disputed.get(document, []):
            answers = {r: mine[view.id] for r, mine in v.states.items() if view.id in mine}
            answers = {r: s for r, s in answers.items() if s["status"] != PENDING}
            found.append(_disagreement(view, answers, view.differences))
        for view in added.get(document, []):
            if view.id in {d.span_id for d in found}:
                continue
            key = (view.proposed["start"], view.proposed["end"], view.proposed["label"])
            answers = {}
            for reviewer, mine in v.states.items():
                own = mine.get(view.id)
                if own is not None and own["status"] != PENDING:
                    answers[reviewer] = own
                    continue
                assert sections is not None
                if not sections.finished[reviewer][sections.index(view.proposed["start"])]:
                    continue  # a section this reviewer has not finished: no answer yet
                same = [
                    s
                    for s in mine.values()
                    if s["status"] in GOLD_STATUSES and (s["start"], s["end"], s["label"]) == key
                ]
                answers[reviewer] = same[0] if same else {"status": NOT_MARKED}
            if len(answers) > 1 and any(a["status"] == NOT_MARKED for a in answers.values()):
                found.append(_disagreement(view, answers, ("missed",)))
    found.sort(key=lambda d: (d.document_id, d.proposed["start"], d.proposed["end"], d.span_id))
    return found


# --- adjudication ----------------------------------------------------------------------------


def adjudicate(
    store: Store, span_id: int, adjudicator: str, chosen_state: dict[str, Any], *, overrule: bool = False
) -> SpanView:
    """Record the adjudicator's final version of a span; return the gold view of it.

    ``chosen_state`` is a reviewer's version (``Disagreement.versions[name]``) or an edited
    one: ``status`` (a gold status accepts the span, anything else rejects it) and
    optionally ``label``, ``start``, ``end``, ``attrs``, ``tags``; missing fields keep the
    machine proposal. ``overrule``: the adjudicator was shown the earlier verdict and
    confirmed replacing it (``store.roles.AdjudicatedError`` otherwise). A refusal by the
    roles (``RoleError``) or of a no-op (``UnchangedError``) passes through as it is.
    """
    try:
        return store.adjudicate(span_id, adjudicator, chosen_state, overrule=overrule)
    except (AdjudicatedError, UnchangedError):
        raise
    except ReviewError as exc:
        raise AdjudicationError(str(exc)) from None
