"""Review progress and how the extractor did, read off the reviewers' decisions.

Pure functions over a ``Store`` returning plain dataclasses, so that ``pizhu stats``
and the app's statistics screen show the same figures. The reading of a decision:

* confirmed: the machine was right;
* corrected: the machine found something real but got an attribute wrong (the label,
  the boundary, or one of the FIGURE attributes: ``corrections`` says which);
* rejected: a false alarm;
* added (a span a reviewer marked by hand): a miss.

By default the consolidated view is used (an adjudication where there is one, else the
latest decision by anyone), the view the exports use; ``reviewer=`` reads one
reviewer's decisions only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from extract.models import LABELS
from store.db import Store
from store.records import ADDED, CONFIRMED, CORRECTED, PENDING, REJECTED, REMOVED, SpanView


@dataclass
class StatusCounts:
    """How many spans are in each state."""

    pending: int = 0
    confirmed: int = 0
    corrected: int = 0
    rejected: int = 0
    added: int = 0

    def count(self, status: str) -> None:
        if status in (PENDING, CONFIRMED, CORRECTED, REJECTED, ADDED):
            setattr(self, status, getattr(self, status) + 1)

    @property
    def candidates(self) -> int:
        """Machine proposals (an added span is not one)."""
        return self.pending + self.confirmed + self.corrected + self.rejected

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

    def as_dict(self) -> dict[str, Any]:
        return {
            "document": self.document_id,
            "title": self.title,
            "organisation": self.organisation,
            "year": self.year,
        } | self.counts.as_dict()


@dataclass
class ExtractorScore:
    """How the extractor did for one label or one rule, by the reviewers' decisions.

    ``missed`` (spans reviewers added) only means something per label: a miss has no
    rule. It is None in the per-rule rows.
    """

    key: str
    confirmed: int = 0
    corrected: int = 0
    rejected: int = 0
    pending: int = 0
    missed: int | None = 0
    corrections: Counter[str] = field(default_factory=Counter)

    @property
    def proposed(self) -> int:
        return self.confirmed + self.corrected + self.rejected + self.pending

    @property
    def decided(self) -> int:
        return self.confirmed + self.corrected + self.rejected

    @property
    def precision(self) -> float | None:
        """Decided proposals that were real (confirmed or corrected)."""
        return _ratio(self.confirmed + self.corrected, self.decided)

    @property
    def exact(self) -> float | None:
        """Decided proposals that were right in every attribute."""
        return _ratio(self.confirmed, self.decided)

    @property
    def recall(self) -> float | None:
        """Gold spans the extractor found (confirmed or corrected) out of all gold spans."""
        if self.missed is None:
            return None
        return _ratio(self.confirmed + self.corrected, self.confirmed + self.corrected + self.missed)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "proposed": self.proposed,
            "confirmed": self.confirmed,
            "corrected": self.corrected,
            "rejected": self.rejected,
            "pending": self.pending,
            "missed": self.missed,
            "corrections": dict(sorted(self.corrections.items())),
            "precision": self.precision,
            "exact": self.exact,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Stats:
    """Everything ``pizhu stats`` shows."""

    reviewer: str | None
    documents: list[DocumentProgress]
    labels: dict[str, StatusCounts]
    by_label: list[ExtractorScore]
    by_rule: list[ExtractorScore]

    @property
    def total(self) -> StatusCounts:
        total = StatusCounts()
        for doc in self.documents:
            for name in ("pending", "confirmed", "corrected", "rejected", "added"):
                setattr(total, name, getattr(total, name) + getattr(doc.counts, name))
        return total

    def as_dict(self) -> dict[str, Any]:
        return {
            "reviewer": self.reviewer,
            "total": self.total.as_dict(),
            "documents": [d.as_dict() for d in self.documents],
            "labels": {label: counts.as_dict() for label, counts in self.labels.items()},
            "extractor": {
                "by_label": [s.as_dict() for s in self.by_label],
                "by_rule": [s.as_dict() for s in self.by_rule],
            },
        }


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def corrected_attributes(span: SpanView) -> list[str]:
    """Which parts of the machine proposal a reviewer changed: label, boundary, attrs."""
    proposed = span.proposed
    changed = []
    if span.label != proposed.get("label"):
        changed.append("label")
    if (span.start, span.end) != (proposed.get("start"), proposed.get("end")):
        changed.append("boundary")
    before = proposed.get("attrs") or {}
    for key in sorted(set(before) | set(span.attrs)):
        if before.get(key) != span.attrs.get(key):
            changed.append(key)
    return changed


def compute(store: Store, reviewer: str | None = None, documents: Iterable[int] = ()) -> Stats:
    """Progress and extractor scores over all documents (or ``documents``), one at a time."""
    wanted = set(documents)
    progress: list[DocumentProgress] = []
    labels: dict[str, StatusCounts] = {}
    by_label: dict[str, ExtractorScore] = {}
    by_rule: dict[str, ExtractorScore] = {}
    summaries = {d.id: d for d in store.documents()}
    for doc_id in store.document_ids():
        if wanted and doc_id not in wanted:
            continue
        summary = summaries[doc_id]
        row = DocumentProgress(doc_id, summary.title, summary.organisation, summary.year)
        for span in store.spans(doc_id, reviewer):
            if span.status == REMOVED:
                continue  # an added span that was taken back: it never happened
            row.counts.count(span.status)
            labels.setdefault(span.label, StatusCounts()).count(span.status)
            if span.origin == "human":
                if span.status == ADDED:
                    score = by_label.setdefault(span.label, ExtractorScore(span.label))
                    score.missed = (score.missed or 0) + 1
                continue
            # A corrected label counts against the label the machine proposed.
            proposed_label = str(span.proposed.get("label") or span.label)
            for score in (
                by_label.setdefault(proposed_label, ExtractorScore(proposed_label)),
                by_rule.setdefault(span.rule or "?", ExtractorScore(span.rule or "?", missed=None)),
            ):
                setattr(score, span.status, getattr(score, span.status) + 1)
                if span.status == CORRECTED:
                    score.corrections.update(corrected_attributes(span))
        progress.append(row)
    order = {label: i for i, label in enumerate(LABELS)}
    return Stats(
        reviewer=reviewer,
        documents=progress,
        labels=dict(sorted(labels.items(), key=lambda item: order.get(item[0], len(order)))),
        by_label=sorted(by_label.values(), key=lambda s: order.get(s.key, len(order))),
        by_rule=sorted(by_rule.values(), key=lambda s: s.key),
    )
