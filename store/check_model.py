"""Gold a model trained without its report disagrees with (``pizhu check --model``).

The finished reports (``store.progress``) are cut into folds by report (report i in fold
i mod ``folds``); for each fold a model is trained on the gold of the other folds (as
``pizhu train`` would, same tokenization and options) and reads the fold's reports. A
gold span is flagged (kind ``model``) where that model reads exactly the same stretch as
another label: a specific, confident contradiction, not a miss (a model that finds
nothing there says nothing about the span). Reading over the span too (where no stretch
is read exactly there, all that is read over it another label) found 21 of 30 planted
instead of 18 but made 10 false flags of 31 instead of 0 of 18 (bench_check --model): not
used (``disagreement(..., over=True)``, the bench's comparison). Slow: one training per
fold; needs spaCy.

Only gold a reviewer made against the rules or without them is flagged: corrected (a
label or a boundary changed) and added. A confirmed span is a rule's candidate with its
label, taken by a reviewer: two readings agreeing, where a model trained on a few dozen
reports is the weaker third. Measured (bench/bench_check.py --model, the reviewed dev half
of the corpus, 30 relabels planted): the 24 findings on confirmed gold were all false
flags, on corrected and added gold none was.
"""

from __future__ import annotations

from pizhu.store.check import Finding, _rows
from pizhu.store.db import Store
from pizhu.store.records import ADDED, CORRECTED
from pizhu.store.train import ProgressCallback, TrainOptions, _choose_tokenization, _fit, _prepare, predict

KIND = "model"
FOLDS = 5
OPTIONS = TrainOptions(epochs=10, budget=10_000)
"""Each fold's model sees at most 10,000 sentences (about 50 s of CPU, bench/bench_train.py's
rate): with ``pizhu train``'s 40,000 five folds on 10 generated reports took over 15
minutes on a loaded 2-core machine without finishing."""


def folds_of(ids: list[int], folds: int) -> list[list[int]]:
    """Reports into ``folds`` groups by position (fewer when there are fewer reports)."""
    n = max(1, min(folds, len(ids)))
    return [ids[i::n] for i in range(n)]


FLAGGED = (CORRECTED, ADDED)
"""The gold the model check flags (see the module's note)."""


def disagreement(
    start: int, end: int, label: str, read: list[tuple[int, int, str]], *, over: bool = False
) -> str | None:
    """The other label a model's reading gives the gold span ``start``-``end`` ``label``, or
    None: the label read on exactly that stretch (a miss says nothing); with ``over``, else,
    when some stretch read overlaps it and none of those is ``label``, the first one's."""
    exact = [other for s, e, other in read if (s, e) == (start, end)]
    if exact:
        return None if label in exact else exact[0]
    overlapping = [other for s, e, other in read if s < end and start < e]
    if over and overlapping and label not in overlapping:
        return overlapping[0]
    return None


def model_findings(
    store: Store,
    folds: int = FOLDS,
    options: TrainOptions = OPTIONS,
    progress: ProgressCallback | None = None,
    flagged: tuple[str, ...] = FLAGGED,
) -> list[Finding]:
    """Gold spans (of the ``flagged`` statuses) a model trained without their report reads
    as another label, by report and place."""
    gold, by_id = _prepare(store, options, progress)
    ids = sorted(by_id)
    if len(ids) < 2:
        return []  # no report to learn from without the one checked
    tokenization, _alignments = _choose_tokenization(gold.documents, options.tokenization)
    span_ids = {(r.document_id, r.start, r.end, r.label): r.span_id for r in _rows(store, flagged)}
    findings = []
    groups = folds_of(ids, folds)
    for number, held in enumerate(groups, 1):
        kept = set(held)
        run = f"fold {number}/{len(groups)}"
        nlp, _steps = _fit(
            tokenization, gold.labels, [by_id[i] for i in ids if i not in kept], options, options.seed, progress, run
        )
        for doc_id in held:
            doc = by_id[doc_id]
            read = list(predict(nlp, doc.text))
            for span in doc.flat:
                if (doc_id, span.start, span.end, span.label) not in span_ids:
                    continue  # confirmed, or too short to check
                other = disagreement(span.start, span.end, span.label, read)
                if other is None:
                    continue
                findings.append(
                    Finding(
                        KIND,
                        doc_id,
                        span.start,
                        span.end,
                        span.label,
                        span.text,
                        f"a model trained without this report reads it as {other}",
                        span_ids.get((doc_id, span.start, span.end, span.label)),
                    )
                )
    return sorted(findings, key=lambda f: (f.document_id, f.start, f.end))
