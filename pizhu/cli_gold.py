"""The gold-output commands: ``export`` (every format), ``stats``, ``agree``, ``merge`` and ``backup``.

A thin click layer over ``store.export``, ``store.stats``, ``store.agree``,
``store.merge`` and ``store.backup``; ``pizhu.cli`` calls ``register(main)`` to add them
to the ``pizhu`` group. Shared pieces come from ``pizhu.cli_common``, never from
``pizhu.cli``, so the two modules import each other in one direction only.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import click

from pizhu.cli_common import console, db_option, echo_json, fail, open_store, say
from pizhu.cli_common import table as new_table
from pizhu.extract.models import LABELS
from pizhu.store.display import json_for_terminal, score, share, visible

FORMATS = ("jsonl", "spacy", "conll", "csv", "brat", "prodigy", "doccano", "label-studio")
# Formats that are a folder or a binary file, or that write a second file beside the first.
NEEDS_OUTPUT = {"spacy": "a file", "brat": "a folder", "label-studio": "a file; its labelling config goes beside it"}


# Rows of the per-document progress table on a terminal; --json has every document.
_MAX_DOCUMENT_ROWS = 50


# --- export ----------------------------------------------------------------------------------


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option(
    "--all",
    "include_all",
    is_flag=True,
    help="Also pending, disputed and rejected spans (and so the unfinished reports too).",
)
@click.option(
    "--unfinished",
    is_flag=True,
    help="Also reports not every candidate of which is decided (marked done: false; their undecided text missing).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Output file (default: stdout); a folder for brat. Required for spacy, brat and label-studio.",
)
@click.option("--reviewer", default=None, help="Only this reviewer's decisions.")
@click.option(
    "--label",
    "labels",
    multiple=True,
    help=f"Only spans with this label (repeatable): {', '.join(LABELS)}.",
)
@click.option("--document", "documents", multiple=True, type=int, help="Only this document id (repeatable).")
@click.option("--raw-offsets", is_flag=True, help="Offsets into the raw imported text.")
@click.option(
    "--bom/--no-bom",
    default=None,
    help="Start with a UTF-8 byte order mark (default: on for csv, so Excel reads the Chinese).",
)
def export_command(
    db_path: str,
    fmt: str,
    include_all: bool,
    output: str | None,
    reviewer: str | None,
    labels: tuple[str, ...],
    documents: tuple[int, ...],
    raw_offsets: bool,
    bom: bool | None,
    unfinished: bool,
) -> None:
    """Export the gold standard (confirmed, corrected and added spans) of the finished reports.

    A report is finished when every candidate in it (captions and boilerplate too) is
    decided and none is disputed; the others are left out (stderr says how many) unless
    --unfinished adds them, marked done: false, with their undecided text a missing
    value ("-") in conll and spacy, never O.

    Formats: jsonl (one document per line), spacy (a DocBin file; needs
    pip install 'pizhu[spacy]'), conll (character BIO, a blank line between
    sentences), csv (one row per FIGURE, with a BOM for Excel), brat (.txt +
    .ann pairs in a folder), prodigy (task JSONL for prodigy db-in), doccano
    (sequence-labelling JSONL), label-studio (JSON tasks, and the labelling
    config written beside them as NAME.label-config.xml).

    \b
    Example:
        pizhu export -o gold.jsonl
        pizhu export --all --label FIGURE | jq .spans
        pizhu export --format csv -o figures.csv
        pizhu export --format spacy -o gold.spacy
        pizhu export --format brat -o brat/
        pizhu export --format prodigy --all -o tasks.jsonl
        pizhu export --format doccano -o doccano.jsonl
        pizhu export --format label-studio --all -o ls.json
        pizhu export --unfinished --format spacy -o partial.spacy
    """
    from pizhu.store import export, fileio, formats

    if fmt in NEEDS_OUTPUT and not output:
        fail(f"--format {fmt} needs -o ({NEEDS_OUTPUT[fmt]})")
    labels = tuple(label.upper() for label in labels)
    unknown = [label for label in labels if label not in LABELS]
    if unknown:
        fail(f"--label {unknown[0]}: no such label (the labels are {', '.join(LABELS)})")
    flt = export.ExportFilter(
        include_all=include_all,
        reviewer=reviewer,
        labels=tuple(labels),
        documents=tuple(documents),
        raw_offsets=raw_offsets,
        unfinished=unfinished,
    )
    writers: dict[str, Callable[[Any, export.ExportFilter], Iterator[str]]] = {
        "jsonl": export.iter_jsonl,
        "conll": export.iter_conll,
        "csv": export.iter_csv,
        "prodigy": formats.iter_prodigy,
        "doccano": formats.iter_doccano,
        "label-studio": formats.iter_label_studio,
    }
    with open_store(db_path, read_only=True) as store:
        kept, left_out = export.select_documents(store, flt)
        note = (
            f"; left out {left_out} unfinished report(s) (--unfinished adds them)"
            if left_out
            else ("" if flt.every_report else "; every report is finished")
        )
        if fmt == "brat":
            assert output is not None
            count = export.write_brat(store, flt, Path(output))
            say(f"wrote {count} document(s) to {output}{note}")
        elif fmt == "spacy":
            assert output is not None
            count = export.write_docbin(store, flt, Path(output))
            say(f"wrote {count} document(s) to {output}{note}")
        else:
            chunks = writers[fmt](store, flt)
            if bom if bom is not None else fmt == "csv":
                chunks = itertools.chain(["\ufeff"], chunks)
            if output:
                fileio.write_text(output, chunks)
                if fmt == "label-studio":
                    config = formats.label_studio_config_path(Path(output))
                    fileio.write_text(str(config), iter([formats.label_studio_config()]))
                    say(f"wrote the labelling config to {config}")
            else:
                _to_stdout(chunks, as_json=fmt == "jsonl")
            say(f"exported {len(kept)} report(s){note}")


def _to_stdout(chunks: Iterator[str], *, as_json: bool) -> None:
    """Export text on stdout. A terminal gets it with control characters made visible
    (JSON: escaped, the same data); a pipe or a file gets the exact bytes."""
    terminal = sys.stdout.isatty()
    for chunk in chunks:
        if terminal:
            chunk = json_for_terminal(chunk) if as_json else visible(chunk)
        sys.stdout.write(chunk)


# --- stats -----------------------------------------------------------------------------------


@click.command("stats")
@db_option
@click.option("--reviewer", default=None, help="One reviewer's decisions (default: the consolidated view).")
@click.option("--document", "documents", multiple=True, type=int, help="Only this document id (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats_command(db_path: str, reviewer: str | None, documents: tuple[int, ...], as_json: bool) -> None:
    """Review progress, and how the extractor did by the reviewers' decisions.

    Confirmed = right, corrected = found but an attribute wrong, rejected = false
    alarm, added = missed. Precision counts corrected as found; "exact" does not.

    \b
    Example:
        pizhu stats
        pizhu stats --reviewer wang --json | jq .total
    """
    from pizhu.store.stats import compute

    with open_store(db_path, read_only=True) as store:
        stats = compute(store, reviewer, documents)
    if as_json:
        echo_json(stats.as_dict())
        return
    out = console()
    view = f"reviewer {reviewer}" if reviewer else "consolidated view"
    progress = new_table(f"pizhu stats: progress ({view})")
    progress.add_column("doc", justify="right")
    progress.add_column("organisation")
    for column in ("year", "cands", "decided", "done", "ok", "fixed", "false", "added", "gold"):
        progress.add_column(column, justify="right")
    # A team database holds thousands of reports: a terminal table lists the first ones and
    # says how many it left out (all of them are in --json or with --document).
    shown = stats.documents if documents else stats.documents[:_MAX_DOCUMENT_ROWS]
    rows = [(str(d.document_id), d.organisation, str(d.year or ""), d.counts, d.finished) for d in shown]
    if len(shown) < len(stats.documents):
        progress.caption = f"{len(stats.documents) - len(shown)} more document(s): use --json or --document"
    rows.append(("all", "", "", stats.total, False))
    for doc, organisation, year, c, finished in rows:
        progress.add_row(
            doc,
            organisation,
            year,
            str(c.candidates),
            str(c.decided),
            share(c.done) + (" ✓" if finished else ""),
            str(c.confirmed),
            str(c.corrected),
            str(c.rejected),
            str(c.added),
            str(c.gold),
        )
    out.print(progress)
    out.print(
        f"{stats.finished} of {len(stats.documents)} report(s) finished (✓: every candidate decided, captions and"
        " boilerplate too" + (")" if reviewer else "; none disputed)")
    )

    labels = new_table("progress by label")
    for column in ("label", "cands", "pending", "ok", "fixed", "false", "added", "gold"):
        labels.add_column(column, justify="right")
    for label, c in stats.labels.items():
        labels.add_row(
            label,
            str(c.candidates),
            str(c.pending),
            str(c.confirmed),
            str(c.corrected),
            str(c.rejected),
            str(c.added),
            str(c.gold),
        )
    out.print(labels)

    for title, key, scores in (
        ("extractor by label", "label", stats.by_label),
        ("extractor by rule", "rule", stats.by_rule),
    ):
        table = new_table(title)
        table.add_column(key, overflow="fold")  # rule names are long and must stay readable
        for column in ("prop", "ok", "fixed", "false", "missed", "P", "exact", "R", "F1"):
            table.add_column(column, justify="right")
        table.add_column("what was fixed")
        for s in scores:
            table.add_row(
                s.key,
                str(s.proposed),
                str(s.confirmed),
                str(s.corrected),
                str(s.rejected),
                "—" if s.missed is None else str(s.missed),
                score(s.precision),
                score(s.exact),
                score(s.recall),
                score(s.f1),
                ", ".join(f"{k} {n}" for k, n in sorted(s.corrections.items())),
            )
        out.print(table)
    # Per source: P and R from the decisions (a span of rules+lac counts for both sources).
    sources = new_table("extractor by source")
    for column in ("source", "label"):
        sources.add_column(column, overflow="fold")
    for column in ("prop", "ok", "fixed", "false", "missed", "P", "R", "F1"):
        sources.add_column(column, justify="right")
    for s in stats.by_source:
        source, label = s.key.rsplit(" ", 1)
        sources.add_row(
            source,
            label,
            str(s.proposed),
            str(s.confirmed),
            str(s.corrected),
            str(s.rejected),
            str(s.missed),
            score(s.precision),
            score(s.recall),
            score(s.f1),
        )
    out.print(sources)
    out.print(
        "ok = confirmed (right), fixed = corrected (an attribute was wrong), false = rejected (false alarm),"
        " missed/added = marked by a reviewer; P counts fixed as found, exact does not."
    )


# --- agree -----------------------------------------------------------------------------------


@click.command("check")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option(
    "--model",
    "with_model",
    is_flag=True,
    help="Also gold that span classifiers trained without its report contradict: another label, a name"
    " running on past the span, or no entity where the string is unmarked elsewhere (5 folds by report;"
    " about a minute for 50 reports).",
)
def check_command(db_path: str, as_json: bool, with_model: bool) -> None:
    """Gold that contradicts itself: one string gold as two labels, gold here and rejected
    there, gold in one report and unmarked in another finished one, boundary variants of
    one name (政协 where 城中区政协 is gold); with --model, gold that span classifiers
    trained without its report contradict with confidence: another label, the label read
    over a wider stretch (a boundary cut through a name), or no entity where the string
    stands unmarked in two other places and is gold nowhere else (no spaCy needed).
    Each finding names its report and offsets (open it with pizhu open, or the app's
    check screen, C).

    \b
    Example:
        pizhu check --db team.db
        pizhu check --json | jq '.findings[] | select(.kind == "label")'
    """
    from pizhu.store.check import check

    with open_store(db_path) as store:
        findings = check(store)
        if with_model:
            from pizhu.store.check_model import model_findings
            from pizhu.store.errors import TrainError

            try:
                findings += model_findings(store)
            except TrainError as exc:
                raise click.ClickException(str(exc)) from None
    if as_json:
        echo_json({"findings": [f.as_dict() for f in findings]})
        return
    if not findings:
        console().print("no contradictions in the gold")
        return
    grid = new_table(f"{len(findings)} finding(s)")
    for column in ("kind", "doc", "at", "label", "text", "why"):
        grid.add_column(column)
    for f in findings:
        grid.add_row(f.kind, str(f.document_id), str(f.start), f.label, visible(f.text), visible(f.detail))
    console().print(grid)


@click.command("agree")
@db_option
@click.option("--reviewer", "reviewers", multiple=True, help="Only these reviewers (repeatable).")
@click.option("--document", "documents", multiple=True, type=int, help="Only this document id (repeatable).")
@click.option("--disagreements", "show_disagreements", is_flag=True, help="Also list the spans they disagree on.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def agree_command(
    db_path: str, reviewers: tuple[str, ...], documents: tuple[int, ...], show_disagreements: bool, as_json: bool
) -> None:
    """Agreement between every pair of reviewers over the sections both finished.

    Only a section both reviewers finished (every candidate in it decided) is compared:
    what one of them never reached is no disagreement. Span P/R/F1: exact match on
    offsets and label of the spans each holds as gold (precision and recall are B's
    against A). Kappa: Cohen's kappa on accepting or rejecting the machine candidates
    both decided; where it sits far below a high raw agreement a line says why
    (prevalence). Adjudications are left out.

    \b
    Example:
        pizhu agree
        pizhu agree --reviewer wang --reviewer li --disagreements
        pizhu agree --json | jq '.pairs[].kappa'
    """
    from pizhu.store.agree import agreement, disagreements

    with open_store(db_path, read_only=True) as store:
        pairs = agreement(store, list(reviewers) or None, tuple(documents))
        found = []
        if show_disagreements or as_json:
            wanted = set(reviewers)
            chosen = set(documents)
            for d in disagreements(store):
                if chosen and d.document_id not in chosen:
                    continue
                if not wanted or len(wanted & set(d.versions)) >= 2:
                    found.append(d)
    if as_json:
        echo_json({"pairs": [p.as_dict() for p in pairs], "disagreements": [d.as_dict() for d in found]})
        return
    out = console()
    if not pairs:
        out.print("fewer than two reviewers have decided anything: nothing to compare")
    else:
        table = new_table("pizhu agree (B against A)")
        table.add_column("A")
        table.add_column("B")
        for column in ("secs", "gold A", "gold B", "same", "P", "R", "F1", "cands", "agree", "kappa"):
            table.add_column(column, justify="right")
        for p in pairs:
            table.add_row(
                p.reviewer_a,
                p.reviewer_b,
                str(p.sections),
                str(p.spans_a),
                str(p.spans_b),
                str(p.matched),
                score(p.precision),
                score(p.recall),
                score(p.f1),
                str(p.candidates),
                share(p.observed),
                score(p.kappa),
            )
        out.print(table)
        compared = sum(p.sections for p in pairs)
        left = sum(p.sections_left for p in pairs)
        out.print(
            f"compared: {compared} section(s) both finished ({sum(p.documents for p in pairs)} report(s)),"
            f" {sum(p.spans_a + p.spans_b for p in pairs)} gold span(s), {sum(p.candidates for p in pairs)}"
            f" candidate(s); {left} left out (one reviewer had not finished them)"
        )
        out.print(
            "secs = sections both finished; same = gold spans with the same offsets and label; cands = machine"
            " candidates both decided; agree = share of them both accepted or both rejected; kappa = Cohen's"
            " kappa on those."
        )
        for p in pairs:
            if p.kappa_note():
                out.print(p.kappa_note())
    if show_disagreements:
        table = new_table(f"{len(found)} disagreement(s)")
        for column in ("doc", "span", "text", "what", "versions", "adjudicated"):
            table.add_column(column)
        for d in found:
            table.add_row(
                str(d.document_id),
                str(d.span_id),
                str(d.proposed["text"]),
                ", ".join(d.kinds),
                "; ".join(f"{name}: {_describe(state)}" for name, state in d.versions.items()),
                _describe(d.adjudication) if d.adjudication else "",
            )
        out.print(table)


def _describe(state: Mapping[str, Any]) -> str:
    if state["status"] not in ("confirmed", "corrected", "added"):
        return str(state["status"])
    attrs = " ".join(f"{k}={v}" for k, v in sorted((state.get("attrs") or {}).items()))
    return f"{state['label']} {state['start']}-{state['end']} {state['text']}" + (f" {attrs}" if attrs else "")


# --- merge -----------------------------------------------------------------------------------


@click.command("merge")
@click.argument("others", nargs=-1, required=True, type=click.Path(dir_okay=False))
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print what was merged as JSON.")
def merge_command(others: tuple[str, ...], db_path: str, as_json: bool) -> None:
    """Bring in decisions made on other copies of the database.

    Documents match by their source file, spans by their id (or place and label),
    decisions by their id: merging the same file again adds nothing, and copies merged
    into each other in any order end with the same gold. Every file is checked whole
    before anything is written; then each document is merged in its own short
    transaction, so reviewers at work are not held up. An interrupted merge is
    completed by running it again. Make copies of a live database with `pizhu backup`.

    \b
    Example:
        pizhu merge ~/from-wang/annotations.db ~/from-li/annotations.db --db team.db
    """
    from pizhu.store.errors import MergeError, StoreError
    from pizhu.store.merge import merge_all

    with open_store(db_path) as store:
        try:
            reports = merge_all(store, others)
        except MergeError as exc:  # the other file was refused before anything was written
            fail(str(exc))
        except StoreError as exc:
            fail(f"{exc} (what was merged so far stays; run the same merge again to complete it)")
    for report in reports:
        for warning in report.warnings:
            click.echo(f"pizhu: warning: {warning}", err=True)
    if as_json:
        echo_json([r.as_dict() for r in reports])
        return
    for report in reports:
        say(report.summary())


# --- backup ----------------------------------------------------------------------------------


@click.command("backup")
@click.argument("output", type=click.Path(dir_okay=False))
@db_option
def backup_command(output: str, db_path: str) -> None:
    """Copy the database, with everything still in its -wal file, to the new file OUTPUT.

    Safe while reviewers are working (SQLite's backup API). Copy a database this way,
    not with cp, which can miss the decisions still in annotations.db-wal. OUTPUT must
    not exist yet.

    \b
    Example:
        pizhu backup ~/copies/team-monday.db --db team.db
    """
    from pizhu.store.backup import backup

    with open_store(db_path, read_only=True) as store:
        backup(store, output)
    say(f"copied {db_path} to {output}")


def register(main: click.Group) -> None:
    """Add the gold-output commands (export, stats, agree, merge, backup) to ``main``."""
    for command in (export_command, stats_command, check_command, agree_command, merge_command, backup_command):
        main.add_command(command, name=command.name)
