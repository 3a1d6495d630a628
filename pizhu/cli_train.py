"""``pizhu train``: train a spaCy NER model on the gold and score it; ``--curve`` for a learning curve.

A thin click layer over ``store.train``; ``register(main)`` adds the command to the
``pizhu`` group. Progress goes to stderr, tables to stdout; Ctrl-C stops with exit
status 130 and saves nothing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from pizhu.cli_common import console, db_option, echo_json, fail, open_store, say, table
from pizhu.extract.models import LABELS
from pizhu.store.db import Store
from pizhu.store.display import score
from pizhu.store.train import TrainOptions, learning_curve, train

DEFAULTS = TrainOptions()

INTERRUPTED = 130


class _ProgressLine:
    """One stderr line per epoch; on a terminal, a live step counter in between."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last_shown = 0.0

    def __call__(self, p: Any) -> None:
        prefix = f"{p.run}: " if p.run else ""
        if p.stage != "training":
            say(f"{prefix}{p.stage}…")
            return
        line = f"{prefix}epoch {p.epoch}/{p.epochs}, step {p.step}/{p.steps}, loss {p.loss:.1f}, {p.elapsed:.0f}s"
        if p.epoch_end:
            click.echo(f"\r{line}\x1b[K" if self.tty else line, err=True)
        elif self.tty and time.monotonic() - self.last_shown > 0.2:
            click.echo(f"\r{line}\x1b[K", err=True, nl=False)
            self.last_shown = time.monotonic()


def _scores_json(result: Any) -> dict[str, Any]:
    def row(s: Any) -> dict[str, Any]:
        return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": s.precision, "recall": s.recall, "f1": s.f1}

    return {
        "out": result.out,
        "tokenization": result.tokenization,
        "alignment": {a.tokenization: {"spans": a.spans, "aligned": a.aligned} for a in result.alignments},
        "train_documents": list(result.train_documents),
        "held_out_documents": list(result.held_out_documents),
        "nested_left_out": result.nested_left_out,
        "under_review": result.under_review,
        "held_out_part": result.held_out_part,
        "steps": result.steps,
        "seconds": result.seconds,
        "labels": {s.label: row(s) for s in result.scores},
        "all": row(result.total),
    }


def _print_result(result: Any) -> None:
    out = console()
    for a in result.alignments:
        out.print(
            f"{a.tokenization} tokens represent {a.aligned}/{a.spans} flat gold spans ({a.share:.1%})", style=None
        )
    out.print(
        f"tokens: {result.tokenization}; trained on {len(result.train_documents)} report(s)"
        f" ({result.train_spans} spans), scored on {len(result.held_out_documents)} held-out report(s);"
        f" {result.nested_left_out} nested span(s) left out of NER; {result.steps} steps in {result.seconds:.0f}s"
    )
    if result.held_out_part:
        out.print(result.held_out_part)
    if result.under_review:
        out.print(f"left out {result.under_review} unfinished report(s): candidates still pending or disputed")
    grid = table("held-out reports: exact span match")
    for column in ("label", "gold", "found", "tp", "P", "R", "F1"):
        grid.add_column(column, justify="right")
    for s in (*result.scores, result.total):
        grid.add_row(
            s.label, str(s.support), str(s.tp + s.fp), str(s.tp), score(s.precision), score(s.recall), score(s.f1)
        )
    out.print(grid)
    if result.out:
        out.print(f"model saved to {result.out}")


def _short(f1: float | None) -> str:
    """.55 for 0.55 (1.0 stays 1.0): four columns of mean (min–max) fit 80 columns."""
    if f1 is None:
        return "—"
    return "1.0" if f1 >= 1 else f"{f1:.2f}"[1:]


def _print_curve(curve: Any) -> None:
    grid = table(f"F1 on {curve.held_out_documents} held-out report(s): mean (min–max) over {curve.splits} split(s)")
    grid.add_column("label")
    for fraction in curve.fractions:
        docs = curve.point(fraction, curve.labels[0]).documents
        grid.add_column(f"{fraction:.0%} ({docs})", justify="right")
    for label in curve.labels:
        cells = []
        for fraction in curve.fractions:
            p = curve.point(fraction, label)
            cells.append("—" if p.mean is None else f"{p.mean:.2f} ({_short(p.low)}–{_short(p.high)})")
        grid.add_row(label, *cells)
    out = console()
    out.print(grid)
    runs = len(curve.fractions) * curve.splits
    out.print(f"tokens: {curve.tokenization}; {runs} trainings in {curve.seconds:.0f}s")


def _curve_json(curve: Any) -> dict[str, Any]:
    return {
        "tokenization": curve.tokenization,
        "splits": curve.splits,
        "held_out_documents": curve.held_out_documents,
        "seconds": curve.seconds,
        "points": [
            {
                "fraction": p.fraction,
                "documents": p.documents,
                "label": p.label,
                "f1": list(p.f1),
                "mean": p.mean,
                "min": p.low,
                "max": p.high,
            }
            for p in curve.points
        ],
    }


@click.command("train")
@db_option
@click.option("--label", "labels", multiple=True, type=click.Choice(LABELS), help="Train these labels only (repeat).")
@click.option(
    "--out",
    default="pizhu-model",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for the model.",
)
@click.option("--curve", is_flag=True, help="Train on 25/50/75/100 % of the documents over 3 splits; save nothing.")
@click.option("--tokens", type=click.Choice(("auto", "char", "jieba")), default="auto", show_default=True)
@click.option(
    "--held-out",
    type=click.FloatRange(0, 1, min_open=True, max_open=True),
    default=DEFAULTS.held_out,
    show_default=True,
)
@click.option(
    "--seed", type=int, default=DEFAULTS.seed, show_default=True, help="Seed of the document split and the training."
)
@click.option("--epochs", type=click.IntRange(1), default=DEFAULTS.epochs, show_default=True)
@click.option("--max-steps", type=click.IntRange(0), default=0, help="Stop after this many updates.")
@click.option(
    "--budget",
    type=click.IntRange(0),
    default=DEFAULTS.budget,
    show_default=True,
    help="At most this many sentences seen in all (0: no limit).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def train_command(
    db_path: str,
    labels: tuple[str, ...],
    out: str,
    curve: bool,
    tokens: str,
    held_out: float,
    seed: int,
    epochs: int,
    max_steps: int,
    budget: int,
    as_json: bool,
) -> None:
    """Train a spaCy NER model on the gold and score it on held-out reports.

    Reports are split by document (never by sentence), with --seed. Nested spans (a DATE
    in a TITLE) are left out of NER. Needs spaCy: pip install 'pizhu[train]'.

    \b
    Example:
        pizhu train --out model/             train, score, save
        pizhu train --label FIGURE --label DATE
        pizhu train --curve                  does more review still pay?
    """
    options = TrainOptions(
        labels=labels,
        tokenization=tokens,
        held_out=held_out,
        seed=seed,
        epochs=epochs,
        max_steps=max_steps,
        budget=budget,
    )
    if not Path(db_path).is_file():
        fail(f"{db_path}: no such database")
    progress = _ProgressLine()
    with open_store(db_path, read_only=True) as store:
        try:
            if curve:
                result: Any = learning_curve(store, options, progress=progress)
            else:
                result = train(store, options, out=out, progress=progress)
        except KeyboardInterrupt:
            click.echo("", err=True)
            fail("interrupted; nothing saved", INTERRUPTED)
    if curve:
        # Kept in the database for the app's statistics screen (S), where the folder allows.
        from pizhu.store.errors import StoreError
        from pizhu.store.train import save_curve

        try:
            with Store(db_path) as writable:
                save_curve(writable, result)
        except StoreError:
            say("pizhu: note: the database cannot be written here; the curve is not kept for the app")
    if as_json:
        echo_json(_curve_json(result) if curve else _scores_json(result))
    elif curve:
        _print_curve(result)
    else:
        _print_result(result)


def register(main: click.Group) -> None:
    main.add_command(train_command)
