"""Train a spaCy NER pipeline on the gold view, score it on held-out reports, draw a learning curve.

The gold comes from ``store.export.iter_records`` (the consolidated view): a span is gold
when its status is confirmed, corrected or added. A report takes part when it has gold
spans and is finished (``store.progress``: every candidate, captions and boilerplate too,
resolved; a half-reviewed report would teach the model that its unreviewed figures are
not figures, a disputed span that it is no entity).

NER tags one flat layer, so nested gold (a DATE or FIGURE inside a TITLE) keeps the outer
span only, the rule the BIO and spaCy exports follow (``store.export.non_overlapping``).
Reports are split into training and held-out sets by document, never by sentence: the
sentences of one report share names, places and phrasing and are not independent. The
split is a pure function of the seed. Within a report, training examples are its
sentences, cut only where no gold span is open.

spaCy is optional (the ``train`` extra) and imported inside the functions that need it.
Nothing is written until training has finished: the model is saved to a temporary folder
and moved into place, so Ctrl-C leaves no half-written model.
"""

from __future__ import annotations

import importlib
import json
import logging
import math
import os
import random
import shutil
import stat
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pizhu.extract.models import LABELS, Span
from pizhu.extract.scores import prf
from pizhu.store.db import Store
from pizhu.store.errors import TrainError
from pizhu.store.export import ExportFilter, iter_records, non_overlapping
from pizhu.store.progress import document_progress, finished_documents
from pizhu.store.records import DISPUTED, GOLD_STATUSES, PENDING

SPACY_MISSING = "pizhu train needs spaCy: pip install 'pizhu[train]'"
TOKENIZATIONS = ("char", "jieba")
CURVE_FRACTIONS = (0.25, 0.5, 0.75, 1.0)
MODEL_META_KEY = "pizhu"
SENTENCE_ENDS = frozenset("。！？!?；;\n")
# A sentence longer than this is cut at a comma too (outside any span): long examples
# make slow, memory-hungry batches and teach nothing more.
MAX_EXAMPLE_CHARS = 300


# --- the gold --------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class GoldDocument:
    """One reviewed report: its normalized text and gold spans (all of them, nested too)."""

    id: int
    source: str
    text: str
    spans: tuple[GoldSpan, ...]

    @property
    def flat(self) -> tuple[GoldSpan, ...]:
        """The spans one NER layer can hold: an inner DATE/FIGURE of a TITLE is left out."""
        chosen = non_overlapping(
            [{"start": s.start, "end": s.end, "label": s.label, "text": s.text} for s in self.spans]
        )
        return tuple(GoldSpan(s["start"], s["end"], s["label"], s["text"]) for s in chosen)


@dataclass(frozen=True)
class GoldSet:
    documents: tuple[GoldDocument, ...]
    labels: tuple[str, ...]
    under_review: int
    """Reports with gold spans left out because they are not finished (``store.progress``)."""


def gold_documents(store: Store, labels: Sequence[str] = ()) -> GoldSet:
    """The reviewed reports and their gold spans, in document order."""
    unknown = [label for label in labels if label not in LABELS]
    if unknown:
        raise TrainError(f"unknown label {unknown[0]!r} (labels: {', '.join(LABELS)})")
    documents = []
    seen_labels: set[str] = set()
    for record in iter_records(store, ExportFilter(labels=tuple(labels))):
        # Under either export shape ``spans`` may carry non-gold rows (with --all): keep the gold.
        spans = tuple(
            GoldSpan(s["start"], s["end"], s["label"], s["text"])
            for s in record["spans"]
            if s.get("status") in GOLD_STATUSES and (not labels or s["label"] in labels)
        )
        if not spans:
            continue
        documents.append(GoldDocument(record["id"], record["source"], record["text"], spans))
        seen_labels.update(s.label for s in spans)
    # Reports with gold spans that are not finished: left out, and counted.
    statuses = sorted(GOLD_STATUSES)
    with_gold = {
        r["document_id"]
        for r in store.read(
            "SELECT DISTINCT g.document_id FROM gold_states g JOIN documents d ON d.id = g.document_id"
            f" WHERE d.deleted_at IS NULL AND g.status IN ({','.join('?' * len(statuses))})"
            + (f" AND g.label IN ({','.join('?' * len(labels))})" if labels else ""),
            [*statuses, *labels],
        )
    }
    under_review = len(with_gold - finished_documents(store))
    chosen = tuple(labels) if labels else tuple(label for label in LABELS if label in seen_labels)
    return GoldSet(tuple(documents), chosen, under_review)


# --- the split -------------------------------------------------------------------------


@dataclass(frozen=True)
class Split:
    """Document ids for training (in a seeded random order) and for scoring."""

    train: tuple[int, ...]
    held_out: tuple[int, ...]
    seed: int


def split_documents(doc_ids: Iterable[int], held_out: float = 0.2, seed: int = 0) -> Split:
    """Hold out a share of whole documents; the same ids and seed always give the same split."""
    ids = sorted(set(doc_ids))
    if len(ids) < 2:
        raise TrainError(f"training needs at least 2 reviewed reports (one to hold out); found {len(ids)}")
    if not 0 < held_out < 1:
        raise TrainError(f"the held-out share must be between 0 and 1, not {held_out}")
    random.Random(seed).shuffle(ids)
    n_test = min(len(ids) - 1, max(1, round(len(ids) * held_out)))
    return Split(train=tuple(ids[n_test:]), held_out=tuple(sorted(ids[:n_test])), seed=seed)


# --- tokens ----------------------------------------------------------------------------


def require_spacy() -> Any:
    try:
        import spacy
    except ImportError as exc:
        raise TrainError(SPACY_MISSING) from exc
    return spacy


def blank_pipeline(tokenization: str) -> Any:
    """``spacy.blank("zh")`` with character tokens or jieba words."""
    if tokenization not in TOKENIZATIONS:
        raise TrainError(f"unknown tokenization {tokenization!r} (choose {' or '.join(TOKENIZATIONS)})")
    spacy = require_spacy()
    if tokenization == "jieba":
        # After jieba's import, which sets its logger to DEBUG: no "Building prefix dict…"
        # on the progress stream when spaCy's tokenizer first cuts.
        importlib.import_module("jieba")
        logging.getLogger("jieba").setLevel(logging.WARNING)
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": tokenization}}})


@dataclass(frozen=True)
class Alignment:
    """How many gold spans a tokenization can represent (both ends on token boundaries)."""

    tokenization: str
    spans: int
    aligned: int

    @property
    def share(self) -> float:
        return self.aligned / self.spans if self.spans else 1.0


def chunks(text: str, spans: Sequence[GoldSpan] = ()) -> list[tuple[int, int]]:
    """Sentence-sized (start, end) pieces of ``text`` that no span crosses; blank pieces left out."""
    inside = [False] * (len(text) + 1)
    for span in spans:
        for i in range(span.start + 1, span.end):
            inside[i] = True
    pieces = []
    start = 0
    for i, char in enumerate(text):
        cut = char in SENTENCE_ENDS or (i - start >= MAX_EXAMPLE_CHARS and char in "，,、 ")
        if cut and not inside[i + 1]:
            pieces.append((start, i + 1))
            start = i + 1
    if start < len(text):
        pieces.append((start, len(text)))
    return [(a, b) for a, b in pieces if text[a:b].strip()]


def measure_alignment(documents: Sequence[GoldDocument], tokenization: str) -> Alignment:
    nlp = blank_pipeline(tokenization)
    total = aligned = 0
    for document in documents:
        flat = document.flat
        for a, b in chunks(document.text, flat):
            doc = nlp.make_doc(document.text[a:b])
            for span in flat:
                if a <= span.start and span.end <= b:
                    total += 1
                    aligned += doc.char_span(span.start - a, span.end - a) is not None
    return Alignment(tokenization, total, aligned)


# --- scores ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelScore:
    """Exact-match span counts for one label (or ``all``) on the held-out documents."""

    label: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        """None when the model found nothing of the label: undefined, not 0."""
        return prf(self.tp, self.fp, self.fn).precision

    @property
    def recall(self) -> float | None:
        """None when the held-out reports hold none of the label: undefined, not 0."""
        return prf(self.tp, self.fp, self.fn).recall

    @property
    def f1(self) -> float | None:
        """None only when there was nothing to find and nothing was found."""
        return prf(self.tp, self.fp, self.fn).f1

    @property
    def support(self) -> int:
        return self.tp + self.fn


def score_spans(
    gold: Iterable[tuple[int, int, int, str]], predicted: Iterable[tuple[int, int, int, str]], labels: Sequence[str]
) -> tuple[tuple[LabelScore, ...], LabelScore]:
    """Per-label and overall scores of (doc, start, end, label) sets, matched exactly."""
    gold_set, predicted_set = set(gold), set(predicted)
    rows = []
    for label in labels:
        g = {s for s in gold_set if s[3] == label}
        p = {s for s in predicted_set if s[3] == label}
        rows.append(LabelScore(label, len(g & p), len(p - g), len(g - p)))
    g_all = {s for s in gold_set if s[3] in labels}
    p_all = {s for s in predicted_set if s[3] in labels}
    return tuple(rows), LabelScore("all", len(g_all & p_all), len(p_all - g_all), len(g_all - p_all))


# --- training --------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainOptions:
    labels: tuple[str, ...] = ()
    tokenization: str = "auto"
    """``char``, ``jieba``, or ``auto``: whichever represents more gold spans (char on a tie)."""
    held_out: float = 0.2
    seed: int = 0
    epochs: int = 30
    max_steps: int = 0
    """Stop after this many updates (0: the epochs and the budget decide)."""
    budget: int = 40_000
    """At most this many sentences seen in all (0: no limit). 300 reports hold about 24,000
    training sentences: 60,000 took 312 s of CPU in all (bench/bench_train.py), so 40,000
    (under two epochs) leaves room for a machine shared with other work; a few dozen
    reports get all their epochs."""
    dropout: float = 0.1
    batch_size: int = 8


@dataclass(frozen=True)
class Progress:
    """Where a training run is, for a progress line: a stage, or one update of the training."""

    stage: str = "training"
    """``training`` for an update; else what is being done (``reading the gold``, ``scoring``…)."""
    epoch: int = 0
    epochs: int = 0
    step: int = 0
    steps: int = 0
    """Updates planned for the run (epochs × batches, or fewer by budget or ``max_steps``)."""
    loss: float = 0.0
    elapsed: float = 0.0
    run: str = ""
    """Which run of several (``split 2/3, 50%``), empty for a single training."""
    epoch_end: bool = False
    """The last update of an epoch (or of the run)."""


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class TrainResult:
    out: str | None
    tokenization: str
    alignments: tuple[Alignment, ...]
    labels: tuple[str, ...]
    train_documents: tuple[int, ...]
    held_out_documents: tuple[int, ...]
    train_spans: int
    nested_left_out: int
    """Gold spans inside another gold span, which one NER layer cannot hold."""
    under_review: int
    steps: int
    seconds: float
    scores: tuple[LabelScore, ...]
    total: LabelScore
    held_out_part: str = ""
    """With one finished report: which part of it was held out (said to the user)."""


def _examples(nlp: Any, documents: Sequence[GoldDocument]) -> list[Any]:
    from spacy.training import Example, offsets_to_biluo_tags

    examples = []
    for document in documents:
        flat = document.flat
        for a, b in chunks(document.text, flat):
            doc = nlp.make_doc(document.text[a:b])
            entities = [(s.start - a, s.end - a, s.label) for s in flat if a <= s.start and s.end <= b]
            with warnings.catch_warnings():
                # A span the tokens cannot hold is tagged "missing" (neither entity nor O): fine.
                warnings.simplefilter("ignore")
                tags = offsets_to_biluo_tags(doc, entities, missing="O")
            examples.append(Example.from_dict(doc, {"entities": tags}))
    return examples


def _fit(
    tokenization: str,
    labels: Sequence[str],
    documents: Sequence[GoldDocument],
    options: TrainOptions,
    seed: int,
    progress: ProgressCallback | None,
    run: str = "",
) -> tuple[Any, int]:
    spacy = require_spacy()

    spacy.util.fix_random_seed(seed)
    nlp = blank_pipeline(tokenization)
    ner = nlp.add_pipe("ner")
    for label in labels:
        ner.add_label(label)
    examples = _examples(nlp, documents)
    if not examples:
        raise TrainError("no training sentences: the training reports hold no gold text")
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    per_epoch = -(-len(examples) // options.batch_size)
    steps = per_epoch * max(1, options.epochs)
    if options.budget:
        steps = min(steps, max(1, options.budget // options.batch_size))
    if options.max_steps:
        steps = min(steps, options.max_steps)
    epochs = -(-steps // per_epoch)
    started = time.monotonic()
    step = 0
    for epoch in range(1, epochs + 1):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for first in range(0, len(examples), options.batch_size):
            batch = examples[first : first + options.batch_size]
            nlp.update(batch, drop=options.dropout, sgd=optimizer, losses=losses)
            step += 1
            if progress:
                loss = float(losses.get("ner", 0.0))
                done = step % per_epoch == 0 or step >= steps
                elapsed = time.monotonic() - started
                progress(Progress("training", epoch, epochs, step, steps, loss, elapsed, run, done))
            if step >= steps:
                return nlp, step
    return nlp, step


def predict(nlp: Any, text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the model's entities in a normalized text, sentence by sentence."""
    pieces = chunks(text)
    found = []
    for (a, _b), doc in zip(pieces, nlp.pipe(text[a:b] for a, b in pieces), strict=True):
        for ent in doc.ents:
            start, end = a + ent.start_char, a + ent.end_char
            # Offsets never start or end on whitespace, whatever the tokens hold.
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                found.append((start, end, ent.label_))
    return found


def _evaluate(
    nlp: Any, documents: Sequence[GoldDocument], labels: Sequence[str]
) -> tuple[tuple[LabelScore, ...], LabelScore]:
    gold = [(d.id, s.start, s.end, s.label) for d in documents for s in d.flat]
    predicted = [(d.id, *span) for d in documents for span in predict(nlp, d.text)]
    return score_spans(gold, predicted, labels)


def _choose_tokenization(documents: Sequence[GoldDocument], wanted: str) -> tuple[str, tuple[Alignment, ...]]:
    alignments = tuple(measure_alignment(documents, t) for t in TOKENIZATIONS)
    if wanted == "auto":
        best = max(alignments, key=lambda a: (a.aligned, a.tokenization == "char"))
        return best.tokenization, alignments
    if wanted not in TOKENIZATIONS:
        raise TrainError(f"unknown tokenization {wanted!r} (choose auto, {' or '.join(TOKENIZATIONS)})")
    return wanted, alignments


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise TrainError(f"{out}: is a file; give a folder for the model")
    if out.is_dir() and any(out.iterdir()) and not (out / "meta.json").is_file():
        raise TrainError(f"{out}: folder is not empty and holds no model; not overwriting it")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def save_model(nlp: Any, out: Path) -> None:
    """Write the pipeline to ``out`` whole or not at all (a previous model there is replaced)."""
    out = Path(out)
    _check_out(out)
    parent = out.parent if str(out.parent) else Path(".")
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
    old: Path | None = None
    try:
        # mkdtemp makes 0700: give the model the mode of the folder it replaces, else a new folder's.
        os.chmod(tmp, stat.S_IMODE(out.stat().st_mode) if out.is_dir() else 0o777 & ~_umask())
        nlp.to_disk(tmp)
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=parent))
            os.replace(out, old / "model")
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not out.exists():
            os.replace(old / "model", out)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def load_model(path: str | Path) -> Any:
    spacy = require_spacy()
    try:
        return spacy.load(Path(path))
    except (OSError, ValueError) as exc:
        raise TrainError(f"{path}: not a trained pizhu model ({str(exc).splitlines()[0]})") from exc


def _stage(progress: ProgressCallback | None, stage: str, run: str = "") -> None:
    if progress:
        progress(Progress(stage=stage, run=run))


def _prepare(
    store: Store, options: TrainOptions, progress: ProgressCallback | None
) -> tuple[GoldSet, dict[int, GoldDocument]]:
    require_spacy()
    _stage(progress, "reading the gold")
    gold = gold_documents(store, options.labels)
    if not gold.documents:
        raise TrainError(
            "no finished reports to train on: decide every candidate of a report (captions and boilerplate too)"
            + nearest_to_done(store)
        )
    return gold, {d.id: d for d in gold.documents}


def nearest_to_done(store: Store, limit: int = 3) -> str:
    """``; nearest: #3 title (2 left: FIGURE 1, DATE 1), …`` for the refusal, or "" when no
    report has been started: the reports with something decided, fewest undecided first."""
    progress = {d: p for d, p in document_progress(store).items() if p.decided and not p.finished}
    nearest = sorted(progress, key=lambda d: (progress[d].undecided, d))[:limit]
    if not nearest:
        return ""
    left: dict[int, dict[str, int]] = {}
    for r in store.read(
        "SELECT document_id, label, count(*) AS n FROM gold_spans WHERE document_id IN (SELECT value FROM json_each(?))"
        " AND ((origin = 'machine' AND status = ?) OR status = ?) GROUP BY document_id, label ORDER BY n DESC, label",
        [json.dumps(nearest), PENDING, DISPUTED],
    ):
        left.setdefault(r["document_id"], {})[r["label"]] = r["n"]
    titles = {
        r["id"]: r["title"]
        for r in store.read(
            "SELECT id, title FROM documents WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(nearest)]
        )
    }
    parts = []
    for doc in nearest:
        labels = ", ".join(f"{label} {n}" for label, n in left.get(doc, {}).items())
        title = " ".join(str(titles.get(doc) or "").split())[:24]
        parts.append(f"#{doc} {title} ({progress[doc].undecided} left: {labels})")
    return "; nearest: " + "; ".join(parts)


def _one_report_split(document: GoldDocument, share: float) -> tuple[GoldDocument, GoldDocument, str]:
    """One finished report: its first part to train on, its last part (about ``share``, cut
    between sentences no gold span crosses) held out; both keep the report's id."""
    pieces = chunks(document.text, document.spans)
    if len(pieces) < 2:
        raise TrainError(f"training needs 2 finished reports, or one of two sentences or more; #{document.id} has one")
    target = len(document.text) * (1 - share)
    cut = min((a for a, _b in pieces[1:]), key=lambda a: abs(a - target))
    held = len([p for p in pieces if p[0] >= cut])

    def part(a: int, b: int) -> GoldDocument:
        spans = tuple(
            GoldSpan(s.start - a, s.end - a, s.label, s.text) for s in document.spans if a <= s.start and s.end <= b
        )
        return GoldDocument(document.id, document.source, document.text[a:b], spans)

    said = (
        f"one finished report (#{document.id}): trained on its first {len(pieces) - held} sentence(s),"
        f" held out its last {held} ({len(document.text) - cut} characters)"
    )
    return part(0, cut), part(cut, len(document.text)), said


def train(
    store: Store,
    options: TrainOptions = TrainOptions(),
    out: str | Path | None = None,
    progress: ProgressCallback | None = None,
) -> TrainResult:
    """Train on the training documents, score on the held-out ones, save to ``out`` if given."""
    started = time.monotonic()
    if out is not None:
        _check_out(Path(out))
    gold, by_id = _prepare(store, options, progress)
    held_out_part = ""
    if len(by_id) == 1:
        (only,) = by_id.values()
        first, last, held_out_part = _one_report_split(only, options.held_out)
        split = Split(train=(only.id,), held_out=(only.id,), seed=options.seed)
        train_docs, test_docs = [first], [last]
    else:
        split = split_documents(by_id, options.held_out, options.seed)
        train_docs = [by_id[i] for i in split.train]
        test_docs = [by_id[i] for i in split.held_out]
    _stage(progress, "measuring how the tokens align with the gold")
    tokenization, alignments = _choose_tokenization(gold.documents, options.tokenization)
    _stage(progress, f"training on {len(train_docs)} report(s), {tokenization} tokens")
    nlp, steps = _fit(tokenization, gold.labels, train_docs, options, options.seed, progress)
    _stage(progress, f"scoring on {len(test_docs)} held-out report(s)")
    scores, total = _evaluate(nlp, test_docs, gold.labels)
    nested = sum(len(d.spans) - len(d.flat) for d in gold.documents)
    result = TrainResult(
        out=str(out) if out is not None else None,
        tokenization=tokenization,
        alignments=alignments,
        labels=gold.labels,
        train_documents=split.train,
        held_out_documents=split.held_out,
        train_spans=sum(len(d.flat) for d in train_docs),
        nested_left_out=nested,
        under_review=gold.under_review,
        steps=steps,
        seconds=time.monotonic() - started,
        scores=scores,
        total=total,
        held_out_part=held_out_part,
    )
    if out is not None:
        nlp.meta["name"] = "pizhu_ner"
        nlp.meta[MODEL_META_KEY] = {
            "tokenization": tokenization,
            "labels": list(gold.labels),
            "seed": options.seed,
            "train_documents": list(split.train),
            "held_out_documents": list(split.held_out),
            "scores": {
                s.label: {"p": s.precision, "r": s.recall, "f": s.f1, "n": s.support, "tp": s.tp, "fp": s.fp}
                for s in scores
            },
        }
        _stage(progress, f"saving to {out}")
        save_model(nlp, Path(out))
    return result


# --- the learning curve ----------------------------------------------------------------


@dataclass(frozen=True)
class CurvePoint:
    """F1 of one label (or ``all``) when training on a share of the training documents."""

    fraction: float
    documents: int
    label: str
    f1: tuple[float, ...]
    """One F1 per random split where it is defined (a split holding out none of the label has none)."""

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.f1) if self.f1 else None

    @property
    def low(self) -> float | None:
        return min(self.f1) if self.f1 else None

    @property
    def high(self) -> float | None:
        return max(self.f1) if self.f1 else None


@dataclass(frozen=True)
class Curve:
    labels: tuple[str, ...]
    """The trained labels, then ``all``."""
    fractions: tuple[float, ...]
    splits: int
    tokenization: str
    held_out_documents: int
    points: tuple[CurvePoint, ...] = field(default=())
    seconds: float = 0.0

    def point(self, fraction: float, label: str) -> CurvePoint:
        for p in self.points:
            if p.fraction == fraction and p.label == label:
                return p
        raise KeyError((fraction, label))


def learning_curve(
    store: Store,
    options: TrainOptions = TrainOptions(),
    fractions: Sequence[float] = CURVE_FRACTIONS,
    splits: int = 3,
    progress: ProgressCallback | None = None,
) -> Curve:
    """Train on growing shares of the training documents over ``splits`` random document splits.

    The shares are nested within a split (the 50 % set holds the 25 % set), so a rise is
    the effect of more documents, not of other ones; the spread over the splits shows how
    much of a rise is noise.
    """
    started = time.monotonic()
    gold, by_id = _prepare(store, options, progress)
    _stage(progress, "measuring how the tokens align with the gold")
    tokenization, _alignments = _choose_tokenization(gold.documents, options.tokenization)
    f1: dict[tuple[float, str], list[float]] = {}
    sizes: dict[float, int] = {}
    held_out = 0
    for k in range(splits):
        split = split_documents(by_id, options.held_out, options.seed + k)
        held_out = len(split.held_out)
        test_docs = [by_id[i] for i in split.held_out]
        for fraction in fractions:
            n = max(1, round(len(split.train) * fraction))
            sizes[fraction] = n
            run = f"split {k + 1}/{splits}, {fraction:.0%} ({n} report(s))"
            nlp, _steps = _fit(
                tokenization,
                gold.labels,
                [by_id[i] for i in split.train[:n]],
                options,
                options.seed + k,
                progress,
                run,
            )
            _stage(progress, "scoring", run)
            scores, total = _evaluate(nlp, test_docs, gold.labels)
            for score in (*scores, total):
                values = f1.setdefault((fraction, score.label), [])
                if score.f1 is not None:
                    values.append(score.f1)
    labels = (*gold.labels, "all")
    points = tuple(
        CurvePoint(fraction, sizes[fraction], label, tuple(f1[(fraction, label)]))
        for fraction in fractions
        for label in labels
    )
    return Curve(labels, tuple(fractions), splits, tokenization, held_out, points, time.monotonic() - started)


# --- the trained model as a candidate source -----------------------------------------


# Confidence where a trained model and the other sources disagree: those candidates go first
# in the queue (least confident first), where a reviewer's key teaches the next model most.
MODEL_ONLY_CONFIDENCE = 0.3
PRECISION_FLOOR = 0.9
"""The lower bound (``precision_bound``) a label's held-out precision must reach for the
model to propose that label alone. Measured (``python -m bench.bench_learning --model
--floors ...``, results in bench/bench_learning_results.md): on the development corpus,
after 2–20 reviewed reports, the model's own proposals on the reports not reviewed were
1 right and 23–56 wrong at floors 0–0.3, 0 right and 1–8 wrong at 0.5, none from 0.7 up.
0.9 keeps a margin over 0.7 so that a label proposed alone is about as precise as the
rules beside it (0.95–0.97 there; a model at 0.67–0.78 beside them, issue 24's
measurement, showed the reviewer more wrong candidates than new ones): all right, a label
needs 25 held-out proposals to reach it."""
UNCONFIRMED_FACTOR = 0.5
AGREED_CONFIDENCE = 0.97


def model_name(path: str | Path) -> str:
    """The model's name in ``source = trained:NAME``: its folder's name."""
    return Path(path).resolve().name or "model"


Z = 1.645
"""One-sided 95 %: the floor is on the lower bound of the held-out precision, not on the
precision itself (1 right of 1 held-out proposal is no evidence of 0.9)."""


def precision_bound(tp: int, fp: int, z: float = Z) -> float:
    """The Wilson lower bound of a precision of ``tp`` right out of ``tp + fp`` proposals
    (0 with no proposal): all right, it reaches 0.9 from 25 proposals, 0.7 from 7."""
    n = tp + fp
    if n == 0:
        return 0.0
    p = tp / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, (centre - spread) / (1 + z * z / n))  # never under 0 by rounding


def _counts(score: dict[str, Any]) -> tuple[int, int] | None:
    """A label's held-out (right, wrong) proposals; a model saved before the counts were
    kept has them back from its precision, recall and gold count."""
    if "tp" in score and "fp" in score:
        return int(score["tp"]), int(score["fp"])
    p, r, n = score.get("p"), score.get("r"), score.get("n")
    if not p or r is None or n is None:
        return None
    tp = round(r * n)
    return tp, round(tp / p) - tp


def allowed_labels(nlp: Any, floor: float = 0.0) -> set[str]:
    """The labels the model may propose alone: the lower bound of their held-out precision
    in the model's last training (``precision_bound``) reaches ``floor`` (any label with a
    held-out proposal at floor 0)."""
    scores = (nlp.meta.get(MODEL_META_KEY) or {}).get("scores") or {}
    allowed = set()
    for label, score in scores.items():
        counts = _counts(score)
        if counts is not None and counts[0] + counts[1] > 0 and precision_bound(*counts) >= floor:
            allowed.add(label)
    return allowed


def with_model(
    extract: Callable[[str], list[Span]], path: str | Path, floor: float = PRECISION_FLOOR
) -> Callable[[str], list[Span]]:
    """``extract`` with a trained model's proposals beside it, only where they add.

    A span the model proposes exactly (place and label) as another source did is one
    candidate whose source names both, with a high confidence. A span the model reads
    otherwise (another label or boundary over a candidate) is no second candidate: the
    candidate carries the model's reading as its ``alternative`` (flagged in the store, so
    the queue puts it first and the reviewer takes it with one key). A span only the model
    proposes is a new candidate (``trained:NAME``, low confidence), and only of a label whose
    held-out precision in the last training reached ``floor``; a span of such a label the
    model did not find keeps its source, at half its confidence.
    """
    nlp = load_model(path)
    source = f"trained:{model_name(path)}"
    known = allowed_labels(nlp, floor)

    def run(text: str) -> list[Span]:
        found = {(s, e, label) for s, e, label in predict(nlp, text) if label in LABELS and label in known}
        spans: list[Span] = []
        for span in extract(text):
            place = (span.start, span.end, span.label)
            if place in found:
                spans.append(replace(span, source=f"{span.source}+{source}", confidence=AGREED_CONFIDENCE))
                found.discard(place)
                continue
            other = sorted(f for f in found if f[0] < span.end and span.start < f[1])
            if other:
                start, end, label = other[0]
                span = replace(span, alternative=f"{label} {start}-{end}")
                found -= set(other)
            if span.label in known and not other:
                span = replace(span, confidence=round(span.confidence * UNCONFIRMED_FACTOR, 3))
            spans.append(span)
        taken = [(s.start, s.end) for s in spans]
        for start, end, label in sorted(found):
            if any(start < b and a < end for a, b in taken):
                continue
            spans.append(Span(start, end, label, text[start:end], {}, "model", MODEL_ONLY_CONFIDENCE, source))
        return spans

    return run


def train_and_propose(
    store: Store,
    out: str | Path,
    options: TrainOptions = TrainOptions(),
    progress: ProgressCallback | None = None,
    on_document: Callable[[int], None] | None = None,
) -> tuple[TrainResult, int]:
    """Train on the gold, save the model to ``out``, then let it propose beside the rules on
    every report not finished (``store.progress``): the new model's candidates replace the
    old model's there (an undecided candidate no longer proposed goes; decided ones and the
    lexicon's stay). Finished reports are left alone. Returns the result and the reports
    re-proposed."""
    from pizhu.extract.pipeline import extract_spans
    from pizhu.store.maintenance import reextract

    result = train(store, options, out=out, progress=progress)
    _stage(progress, "proposing on the reports not finished")
    unfinished = [d for d, p in document_progress(store).items() if not p.finished]
    if unfinished:
        reextract(store, unfinished, extract=with_model(extract_spans, out), on_document=on_document)
    return result, len(unfinished)


def save_curve(store: Store, curve: Curve) -> None:
    """Keep the latest learning curve in the database, for the app's statistics screen."""
    data = {
        "labels": list(curve.labels),
        "fractions": list(curve.fractions),
        "splits": curve.splits,
        "held_out_documents": curve.held_out_documents,
        "points": [
            {"fraction": p.fraction, "documents": p.documents, "label": p.label, "f1": list(p.f1)} for p in curve.points
        ],
    }
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO pizhu_meta (key, value) VALUES ('curve', ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (json.dumps(data),),
        )


def saved_curve(store: Store) -> Curve | None:
    """The learning curve ``pizhu train --curve`` kept last, if any."""
    rows = store.read("SELECT value FROM pizhu_meta WHERE key = 'curve'")
    if not rows:
        return None
    data = json.loads(rows[0]["value"])
    points = tuple(CurvePoint(p["fraction"], p["documents"], p["label"], tuple(p["f1"])) for p in data["points"])
    return Curve(
        tuple(data["labels"]), tuple(data["fractions"]), data["splits"], "", data["held_out_documents"], points
    )
