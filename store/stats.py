"""Review progress and how the extractor did, read off the reviewers' decisions.

Pure functions over a ``Store`` returning plain dataclasses, so that ``pizhu stats``
and the app's statistics screen show the same figures. The reading of a decision:

* confirmed: the machine was right;
* corrected: the machine found something real but got an attribute wrong (the label,
  the boundary, or one of the FIGURE attributes: ``corrections`` says which);
* rejected: a false alarm;
* added (a span a reviewer marked by hand): a miss.

By default the gold view is used (``store.review``'s gold policy: an adjudication, or
the version every reviewer who decided the span accepted; ``disputed`` where they
differ), the view the exports use; ``reviewer=`` reads one reviewer's view only.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, overload

from pizhu.extract.models import LABELS
from pizhu.extract.scores import Scored, Scores, prf
from pizhu.store import library
from pizhu.store.db import Store
from pizhu.store.migrations import GOLD_VIEW
from pizhu.store.opening import explain
from pizhu.store.progress import document_progress
from pizhu.store.records import ADDED, CONFIRMED, CORRECTED, DISPUTED, PENDING, REJECTED, REMOVED


@dataclass
class StatusCounts:
    """How many spans are in each state."""

    pending: int = 0
    confirmed: int = 0
    corrected: int = 0
    rejected: int = 0
    added: int = 0
    disputed: int = 0
    """Gold view only: reviewers differ and no adjudication yet (neither gold nor rejected)."""

    def count(self, status: str, n: int = 1) -> None:
        if status in (PENDING, CONFIRMED, CORRECTED, REJECTED, ADDED, DISPUTED):
            setattr(self, status, getattr(self, status) + n)

    @property
    def candidates(self) -> int:
        """Machine proposals (an added span is not one)."""
        return self.pending + self.confirmed + self.corrected + self.rejected + self.disputed

    @property
    def decided(self) -> int:
        return self.confirmed + self.corrected + self.rejected

    @property
    def gold(self) -> int:
        return self.confirmed + self.corrected + self.added

    @property
    def done(self) -> float | None:
        """Share of machine candidates decided; None for a document without any."""
        return self.decided / self.candidates if self.candidates else None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {
            "candidates": self.candidates,
            "decided": self.decided,
            "gold": self.gold,
            "done": self.done,
        }


@dataclass
class DocumentProgress:
    document_id: int
    title: str
    organisation: str
    year: int | None
    counts: StatusCounts = field(default_factory=StatusCounts)
    finished: bool = False
    """Every candidate decided (resolved, in the gold view): ``store.progress``'s one definition."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "document": self.document_id,
            "title": self.title,
            "organisation": self.organisation,
            "year": self.year,
            "finished": self.finished,
        } | self.counts.as_dict()


@dataclass
class ExtractorScore(Scored):
    """How the extractor did for one label or one rule, by the reviewers' decisions.

    ``missed`` (spans reviewers added) only means something per label: a miss has no
    rule. It is None in the per-rule rows.
    """

    key: str
    confirmed: int = 0
    corrected: int = 0
    rejected: int = 0
    pending: int = 0
    disputed: int = 0
    missed: int | None = 0
    corrections: Counter[str] = field(default_factory=Counter)

    @property
    def proposed(self) -> int:
        return self.confirmed + self.corrected + self.rejected + self.pending + self.disputed

    @property
    def decided(self) -> int:
        return self.confirmed + self.corrected + self.rejected

    @property
    def scores(self) -> Scores:
        """Precision: the decided proposals that were real (confirmed or corrected); recall:
        the gold spans the extractor found out of all (the reviewers' additions it missed;
        None: not known)."""
        return prf(self.confirmed + self.corrected, self.rejected, self.missed)

    @property
    def exact(self) -> float | None:
        """Decided proposals that were right in every attribute."""
        return _ratio(self.confirmed, self.decided)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "proposed": self.proposed,
            "confirmed": self.confirmed,
            "corrected": self.corrected,
            "rejected": self.rejected,
            "pending": self.pending,
            "disputed": self.disputed,
            "missed": self.missed,
            "corrections": dict(sorted(self.corrections.items())),
            "precision": self.precision,
            "exact": self.exact,
            "recall": self.recall,
            "f1": self.f1,
        }


class ReportList(Sequence[DocumentProgress]):
    """Every report's ``DocumentProgress`` in library order, each one made when it is first read.

    ``pizhu stats`` at scale lists 100,000 reports and shows 50 of them: the others are
    kept as the library's rows and the decided counts of the few thousand reports someone
    decided in, and ``total`` and ``finished`` are counted from those, without an object per
    report. A report read twice is the same object.
    """

    def __init__(
        self,
        rows: Sequence[tuple[int, str, str | None, str | None, int | None, str | None, int, int]],
        decided: dict[int, list[tuple[str, str, int]]],
        finished: set[int],
    ) -> None:
        self._rows = rows
        """``library.listing``'s rows: (id, source, title, organisation, year, date, sections, candidates)."""
        self._decided = decided
        """Per listed report someone decided in: (origin, status, n) of its decided spans."""
        self._finished = finished
        """The finished reports among the listed ones."""
        self._made: dict[int, DocumentProgress] = {}

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> DocumentProgress: ...

    @overload
    def __getitem__(self, index: slice) -> list[DocumentProgress]: ...

    def __getitem__(self, index: int | slice) -> DocumentProgress | list[DocumentProgress]:
        if isinstance(index, slice):
            return [self._make(i) for i in range(*index.indices(len(self._rows)))]
        if index < 0:
            index += len(self._rows)
        if not 0 <= index < len(self._rows):
            raise IndexError(index)
        return self._make(index)

    def __iter__(self) -> Iterator[DocumentProgress]:
        return (self._make(i) for i in range(len(self._rows)))

    def _make(self, index: int) -> DocumentProgress:
        made = self._made.get(index)
        if made is None:
            doc_id, _source, title, organisation, year, _date, _sections, candidates = self._rows[index]
            counts = StatusCounts(pending=candidates)
            for origin, status, n in self._decided.get(doc_id, ()):
                _apply(counts, origin, status, n)
            made = self._made[index] = DocumentProgress(
                doc_id, title or "", organisation or "", year, counts, doc_id in self._finished
            )
        return made

    def total(self) -> StatusCounts:
        """The counts of every report added up (``Stats.total``)."""
        total = StatusCounts(pending=sum(row[7] for row in self._rows))
        for decided in self._decided.values():
            for origin, status, n in decided:
                _apply(total, origin, status, n)
        return total

    def finished(self) -> int:
        """How many reports are finished (``Stats.finished``)."""
        return len(self._finished)


def _apply(counts: StatusCounts, origin: str, status: str, n: int) -> None:
    """``n`` decided spans of a report: machine ones leave the pending baseline; a removed
    span (added, then taken back) counts nowhere."""
    if origin == "machine":
        counts.pending -= n
    if status != REMOVED:
        counts.count(status, n)


@dataclass
class Stats:
    """Everything ``pizhu stats`` shows."""

    reviewer: str | None
    documents: Sequence[DocumentProgress]
    """Every report in library order (a ``ReportList`` from ``compute``: made as they are read)."""
    labels: dict[str, StatusCounts]
    by_label: list[ExtractorScore]
    by_rule: list[ExtractorScore]
    by_source: list[ExtractorScore] = field(default_factory=list)
    """Per proposer and label (``rules ORG``, ``lac PERSON``, ``trained:m1 GPE``)."""

    @property
    def total(self) -> StatusCounts:
        if isinstance(self.documents, ReportList):
            return self.documents.total()
        total = StatusCounts()
        for doc in self.documents:
            for name in ("pending", "confirmed", "corrected", "rejected", "added", "disputed"):
                setattr(total, name, getattr(total, name) + getattr(doc.counts, name))
        return total

    @property
    def finished(self) -> int:
        """Reports finished (``store.progress``)."""
        if isinstance(self.documents, ReportList):
            return self.documents.finished()
        return sum(1 for doc in self.documents if doc.finished)

    def as_dict(self) -> dict[str, Any]:
        return {
            "reviewer": self.reviewer,
            "finished": self.finished,
            "total": self.total.as_dict(),
            "documents": [d.as_dict() for d in self.documents],
            "labels": {label: counts.as_dict() for label, counts in self.labels.items()},
            "extractor": {
                "by_label": [s.as_dict() for s in self.by_label],
                "by_rule": [s.as_dict() for s in self.by_rule],
                "by_source": [s.as_dict() for s in self.by_source],
            },
        }


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def corrected_attributes(proposed: dict[str, Any], state: dict[str, Any]) -> list[str]:
    """Which parts of the machine proposal a reviewer changed: label, boundary, attrs."""
    changed = []
    if state.get("label") != proposed.get("label"):
        changed.append("label")
    if (state.get("start"), state.get("end")) != (proposed.get("start"), proposed.get("end")):
        changed.append("boundary")
    before = proposed.get("attrs") or {}
    after = state.get("attrs") or {}
    for key in sorted(set(before) | set(after)):
        if before.get(key) != after.get(key):
            changed.append(key)
    return changed


def _decided_totals(
    store: Store, reviewer: str | None, documents: list[int] | None
) -> tuple[dict[tuple[int, str, str], int], dict[tuple[str, str, str, str, str, str], int]]:
    """``Store.decided_totals`` from ``decided_kinds`` (migration 0014): the decided state rows
    counted per document and kind by triggers, not joined to the spans on every run."""
    where, params = " WHERE view = ?", [GOLD_VIEW if reviewer is None else reviewer]
    if documents is not None:
        where += " AND document_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(documents))
    try:
        rows = store.conn.execute(
            f"SELECT document_id, origin, label, rule, source, status, state_label, n FROM decided_kinds{where}",
            params,
        ).fetchall()
    except sqlite3.Error as exc:
        raise explain(exc, store.path) from None
    per_document: Counter[tuple[int, str, str]] = Counter()
    per_kind: Counter[tuple[str, str, str, str, str, str]] = Counter()
    for doc_id, origin, label, rule, source, status, state_label, n in rows:
        per_document[doc_id, origin, status] += n
        per_kind[origin, label, rule, source, status, state_label] += n
    return per_document, per_kind


def compute(store: Store, reviewer: str | None = None, documents: Iterable[int] = ()) -> Stats:
    """Progress and extractor scores over all documents (or ``documents``).

    Counted in SQL, not span by span: every machine span starts as pending (the counts
    kept per document, label, rule and source), then only the spans someone decided on
    are read and moved to their state. That keeps a 10,000-report database under two
    seconds.
    """
    wanted = set(documents)
    scope = None if not wanted else sorted(wanted)
    # Every machine candidate starts as pending: per document from its totals (migration 0013).
    listed = library.listing(store.conn)
    if wanted:
        listed = [row for row in listed if row[0] in wanted]
    live = {row[0]: row[7] for row in listed}  # id → machine candidates
    labels: dict[str, StatusCounts] = {}
    by_label: dict[str, ExtractorScore] = {}
    by_rule: dict[str, ExtractorScore] = {}

    def label_score(label: str) -> ExtractorScore:
        score = by_label.get(label)
        if score is None:
            score = by_label[label] = ExtractorScore(label)
        return score

    by_source: dict[str, ExtractorScore] = {}

    def source_scores(source: str, label: str) -> list[ExtractorScore]:
        """One score per proposer of the span (``rules+lac``: both), for its label."""
        found = []
        for name in (source or "rules").split("+"):
            key = f"{name} {label}"
            score = by_source.get(key)
            if score is None:
                score = by_source[key] = ExtractorScore(key)
            found.append(score)
        return found

    def rule_score(rule: str) -> ExtractorScore:
        key = rule or "?"
        score = by_rule.get(key)
        if score is None:
            score = by_rule[key] = ExtractorScore(key, missed=None)
        return score

    # Finished by store.progress's one definition; the candidates are the list's, not read again,
    # and only the reports someone decided in are looked at (the only ones that can be finished).
    settled = document_progress(store, reviewer, candidates=live, decided_only=True)
    finished = {doc_id for doc_id, p in settled.items() if p.finished and doc_id in live}
    pending = library.candidate_kinds(store) if scope is None else store.candidate_totals(scope)[1]
    for (label, rule, source), n in pending.items():
        labels.setdefault(label, StatusCounts()).pending += n
        label_score(label).pending += n
        rule_score(rule).pending += n
        for score in source_scores(source, label):
            score.pending += n

    by_document, decided = _decided_totals(store, reviewer, scope)
    per_report: dict[int, list[tuple[str, str, int]]] = {}
    for (doc_id, origin, status), n in by_document.items():
        if doc_id in live:
            per_report.setdefault(doc_id, []).append((origin, status, n))
    for (origin, label, rule, source, status, state_label), n in decided.items():
        if origin == "machine":
            # Take the spans out of the pending baseline, under the label they were proposed with.
            labels[label].pending -= n
            label_score(label).pending -= n
            rule_score(rule).pending -= n
            for score in source_scores(source, label):
                score.pending -= n
        if status == REMOVED:
            continue  # an added span that was taken back: it never happened
        labels.setdefault(state_label, StatusCounts()).count(status, n)
        if origin == "human":
            if status == ADDED:
                score = label_score(state_label)
                score.missed = (score.missed or 0) + n
            continue
        # A corrected label counts against the label the machine proposed.
        for score in (label_score(label), rule_score(rule), *source_scores(source, label)):
            setattr(score, status, getattr(score, status) + n)
    for row in store.decided_states(reviewer, status=CORRECTED):
        if scope is not None and row["document_id"] not in wanted:
            continue
        changed = corrected_attributes(row["proposed"], row["state"])
        for score in (label_score(row["label"]), rule_score(row["rule"]), *source_scores(row["source"], row["label"])):
            score.corrections.update(changed)
    # A source missed every gold span of the label that it did not propose.
    for key, score in by_source.items():
        label = key.rsplit(" ", 1)[1]
        total = label_score(label)
        score.missed = total.confirmed + total.corrected + (total.missed or 0) - score.confirmed - score.corrected
    order = {label: i for i, label in enumerate(LABELS)}
    return Stats(
        reviewer=reviewer,
        documents=ReportList(listed, per_report, finished),
        labels=dict(sorted(labels.items(), key=lambda item: order.get(item[0], len(order)))),
        by_label=sorted(by_label.values(), key=lambda s: order.get(s.key, len(order))),
        by_rule=sorted(by_rule.values(), key=lambda s: s.key),
        by_source=sorted(
            by_source.values(), key=lambda s: (s.key.split(" ")[0], order.get(s.key.rsplit(" ", 1)[1], len(order)))
        ),
    )
