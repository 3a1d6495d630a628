"""Score predicted spans against a gold list: pure functions, no I/O.

Rows are dicts with ``doc``, ``label`` and ``text`` (FIGURE rows also ``value``, ``unit``,
``approx``). Spans match on (doc, label, text), counted as a multiset, because the gold
file carries no offsets (they depend on normalization). Only what the gold covers is
scored: a predicted row counts only for a document the gold annotates, and only for a
label the gold annotates in that document. A report the gold never read is no source of
false alarms, nor is an ORG in a report whose gold holds FIGURE and DATE only.

When predicted rows carry a ``source`` key (``rules``, ``lac``, ``rules+lac``), the result
also scores each source on its own: its rows against the whole gold, so a source's
precision is its own and its recall is the share of the gold it found by itself. A row
proposed by several sources (``rules+lac``) counts for each of them, and also under its
joint name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from pizhu.extract.scores import prf

__all__ = ["score"]

_ATTRS = ("value", "unit", "approx")


def score(
    gold: list[dict[str, Any]],
    predicted: list[dict[str, Any]],
    coverage: Mapping[str, Collection[str]] | None = None,
) -> dict[str, Any]:
    """Per-label tp/fp/fn/precision/recall/f1, micro totals, and FIGURE attribute accuracy.

    What counts: the reports the gold names, each labelled for every label the gold file
    holds (a report with no GPE in the gold has every GPE proposed there counted false);
    ``coverage`` (report → the labels it was labelled for) narrows that for gold files
    that label some reports for some labels only, gold rows and predictions alike.

    Returns ``{"labels": {label: {...}}, "micro": {...}, "figure_attrs": {...}}``, plus
    ``"sources": {source: {label: {...}}}`` when predicted rows name their source;
    ``figure_attrs`` has ``matched``, ``correct`` and ``accuracy`` (share of matched
    FIGUREs whose value, unit and approx all equal the gold's), plus per-attribute counts.
    """
    if coverage is None:
        every = {row["label"] for row in gold}
        coverage = {row["doc"]: every for row in gold}
    else:
        gold = [row for row in gold if row["label"] in coverage.get(row["doc"], ())]
    labels = sorted({row["label"] for row in gold} | {label for got in coverage.values() for label in got})
    predicted = [row for row in predicted if row["label"] in coverage.get(row["doc"], ())]
    gold_rows = _group(row for row in gold if row["label"] in labels)
    pred_rows = _group(row for row in predicted if row["label"] in labels)
    per_label, micro = _labels(labels, gold_rows, pred_rows)
    result: dict[str, Any] = {"labels": per_label, "micro": micro}
    result["figure_attrs"] = _figure_attrs(gold_rows, pred_rows)
    sources = _sources(predicted)
    if sources:
        result["sources"] = {}
        for source in sources:
            rows = _group(
                r
                for r in predicted
                if r["label"] in labels and (r.get("source") == source or source in _row_sources(r))
            )
            by_label, _micro = _labels(labels, gold_rows, rows)
            result["sources"][source] = {label: row for label, row in by_label.items() if row["tp"] + row["fp"]}
    return result


def _labels(
    labels: list[str],
    gold_rows: dict[tuple[str, str, str], list[dict[str, Any]]],
    pred_rows: dict[tuple[str, str, str], list[dict[str, Any]]],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Per-label scores and their micro total, occurrences matched as multisets."""
    per_label: dict[str, Any] = {}
    totals = Counter[str]()
    for label in labels:
        gold_count = Counter({key: len(rows) for key, rows in gold_rows.items() if key[1] == label})
        pred_count = Counter({key: len(rows) for key, rows in pred_rows.items() if key[1] == label})
        tp = sum((gold_count & pred_count).values())
        fp = sum(pred_count.values()) - tp
        fn = sum(gold_count.values()) - tp
        per_label[label] = _prf(tp, fp, fn)
        totals.update(tp=tp, fp=fp, fn=fn)
    return per_label, _prf(totals["tp"], totals["fp"], totals["fn"])


def _row_sources(row: dict[str, Any]) -> set[str]:
    return set(str(row.get("source") or "").split("+")) - {""}


def _sources(predicted: list[dict[str, Any]]) -> list[str]:
    """Every single source and every joint source named by the predicted rows, sorted."""
    names: set[str] = set()
    for row in predicted:
        source = row.get("source")
        if source:
            names.add(str(source))
            names |= _row_sources(row)
    return sorted(names)


def _group(rows: Any) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Rows by (doc, label, text), each list kept in input (document) order."""
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[(row["doc"], row["label"], row["text"])].append(row)
    return grouped


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Counts and scores (``extract.scores``: None where undefined)."""
    return {"tp": tp, "fp": fp, "fn": fn} | prf(tp, fp, fn)._asdict()


def _figure_attrs(
    gold_rows: dict[tuple[str, str, str], list[dict[str, Any]]],
    pred_rows: dict[tuple[str, str, str], list[dict[str, Any]]],
) -> dict[str, Any]:
    """Pair matched FIGUREs occurrence by occurrence (in order) and compare their attributes."""
    matched = correct = 0
    per_attr = Counter[str]()
    for key, golds in gold_rows.items():
        if key[1] != "FIGURE" or key not in pred_rows:
            continue
        for g, p in zip(golds, pred_rows[key], strict=False):
            matched += 1
            ok = {attr: _same(attr, g.get(attr), p.get(attr)) for attr in _ATTRS}
            per_attr.update(attr for attr, good in ok.items() if good)
            correct += all(ok.values())
    return {
        "matched": matched,
        "correct": correct,
        "accuracy": correct / matched if matched else 0.0,
        **{f"{attr}_correct": per_attr[attr] for attr in _ATTRS},
    }


def _same(attr: str, gold: Any, pred: Any) -> bool:
    if attr != "value":
        return bool(gold == pred)
    try:
        return Decimal(str(gold)) == Decimal(str(pred))
    except (InvalidOperation, ValueError, TypeError):
        return False
