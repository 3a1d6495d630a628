"""The ``pizhu`` command: a thin click layer over store/ and extract/ (and tui/ for ``open``).

Every command takes ``--db PATH`` (default ``annotations.db`` in the current folder).
Errors are one line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from store.db import DEFAULT_DB, Store, StoreError

F = TypeVar("F", bound=Callable[..., Any])

db_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The SQLite database file.",
)


def shown(text: str) -> str:
    """Text fit for a terminal line: control characters (a file name can hold escape
    sequences) are written as escapes instead of being sent to the terminal."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def fail(message: str, code: int = 1) -> None:
    click.echo(f"pizhu: error: {shown(message)}", err=True)
    sys.exit(code)


@contextmanager
def open_store(db_path: str) -> Iterator[Store]:
    try:
        store = Store(db_path)
    except StoreError as exc:
        fail(str(exc))
    try:
        yield store
    except StoreError as exc:
        fail(str(exc))
    finally:
        store.close()


def default_reviewer() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises when no login name can be found at all
        return os.environ.get("USER", "reviewer")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pizhu")
def main() -> None:
    """pizhu (批注): read, annotate and export CPPCC work reports.

    \b
    Example:
        pizhu open seeds/          import the seeds and review them
        pizhu eval gold.jsonl      score the extractor against a gold file
        pizhu export -o gold.jsonl export what the reviewers confirmed
    """


# --- import ---------------------------------------------------------------------------


def run_import(store: Store, paths: tuple[str, ...], *, extract: bool = True, quiet: bool = False) -> int:
    """Import paths, report progress and outcome; return the number of files refused."""
    from store.importer import find_files, import_file

    files = list(find_files(paths))
    outcomes = []
    use_bar = sys.stderr.isatty() and not quiet

    def one(path: Path, error: str) -> None:
        from store.importer import FileOutcome

        outcome = FileOutcome(str(path), error=error) if error else import_file(store, path, extract=extract)
        outcomes.append(outcome)
        if outcome.error:
            click.echo(f"pizhu: refused {shown(outcome.path)}: {shown(outcome.error)}", err=True)

    if use_bar:
        from rich.markup import escape
        from rich.progress import Progress

        with Progress(transient=True) as progress:
            task = progress.add_task("importing", total=len(files))
            for path, error in files:
                progress.update(task, description=f"importing {escape(shown(path.name))}")
                one(path, error)
                progress.advance(task)
    else:
        for path, error in files:
            one(path, error)
    imported = sum(len(o.imported) for o in outcomes)
    skipped = sum(o.skipped for o in outcomes)
    refused = [o for o in outcomes if o.error]
    if not quiet:
        for outcome in outcomes:
            if outcome.skipped:
                click.echo(f"skipped {shown(outcome.path)}: {outcome.skipped} report(s) already imported", err=True)
        click.echo(
            f"imported {imported} report(s) from {len(outcomes) - len(refused)} file(s);"
            f" skipped {skipped} already imported; refused {len(refused)} file(s)",
            err=True,
        )
    return len(refused)


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--no-extract", is_flag=True, help="Store the reports without machine candidates.")
def import_command(paths: tuple[str, ...], db_path: str, no_extract: bool) -> None:
    """Import report files or folders (UTF-8, GB18030 or Big5).

    \b
    Example:
        pizhu import seeds/ more/report.txt --db team.db
    """
    with open_store(db_path) as store:
        refused = run_import(store, paths, extract=not no_extract)
    if refused:
        sys.exit(1)


def print_summary(store: Store) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="pizhu library")
    for column in ("id", "organisation", "year", "title", "sections", "candidates"):
        table.add_column(column)
    for doc in store.documents():
        table.add_row(
            str(doc.id),
            doc.organisation,
            str(doc.year or ""),
            doc.title[:40],
            str(doc.sections),
            str(doc.candidates),
            # Report text is data: never let it be read as Rich markup.
        )
    Console(markup=False, highlight=False).print(table)


# --- open -----------------------------------------------------------------------------


@main.command("open")
@click.argument("paths", nargs=-1, type=click.Path())
@db_option
@click.option("--reviewer", default=None, help="Your name in the decision log (default: login name).")
def open_command(paths: tuple[str, ...], db_path: str, reviewer: str | None) -> None:
    """Open the review app, importing PATHS first.

    \b
    Example:
        pizhu open seeds/ --reviewer wang
    """
    with open_store(db_path) as store:
        if paths:
            run_import(store, paths, quiet=False)
        if not store.document_ids():
            fail("no reports in the database; give a file or folder to import")
        try:
            from tui.app import make_app
        except ImportError:
            print_summary(store)
            return
        app = make_app(store, reviewer or default_reviewer())
        app.run()


# --- extraction -----------------------------------------------------------------------


@main.command("reextract")
@db_option
def reextract_command(db_path: str) -> None:
    """Run the current extractor again; every human decision is kept.

    Undecided machine candidates are replaced; a candidate that a reviewer rejected,
    confirmed or corrected is not proposed again.
    """
    from extract import EXTRACTOR_VERSION
    from extract.pipeline import extract_spans

    with open_store(db_path) as store:
        removed = added = 0
        for doc_id in store.document_ids():
            document = store.document(doc_id)
            r, a = store.replace_machine_spans(doc_id, extract_spans(document.text), EXTRACTOR_VERSION)
            removed += r
            added += a
        click.echo(f"replaced {removed} undecided candidate(s) with {added} new one(s)", err=True)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(gold: str, db_path: str, as_json: bool) -> None:
    """Score the machine candidates against a gold JSONL file.

    Matching is on document (the imported file's name), label and span text, with
    occurrences counted.

    \b
    Example:
        pizhu eval ../shared/seeds-gold.jsonl --json
    """
    from extract.evaluate import score

    try:
        gold_rows = [json.loads(line) for line in Path(gold).read_text("utf-8").splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        fail(f"{gold}: not a JSONL gold file ({exc})")
    with open_store(db_path) as store:
        predicted = []
        for doc_id in store.document_ids():
            document = store.document(doc_id)
            name = Path(document.source).name
            for span in store.spans(doc_id, reviewer=""):
                if span.origin != "machine":
                    continue
                predicted.append({"doc": name, "label": span.label, "text": span.text, **span.proposed["attrs"]})
    result = score(gold_rows, predicted)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"pizhu eval: {gold}")
    for column in ("label", "gold", "found", "tp", "precision", "recall", "F1"):
        table.add_column(column, justify="right")
    for label, row in result["labels"].items():
        table.add_row(
            label,
            str(row["tp"] + row["fn"]),
            str(row["tp"] + row["fp"]),
            str(row["tp"]),
            f"{row['precision']:.3f}",
            f"{row['recall']:.3f}",
            f"{row['f1']:.3f}",
        )
    console = Console(markup=False, highlight=False)
    console.print(table)
    attributes = result.get("figure_attrs")
    if attributes:
        console.print(
            f"FIGURE value/unit/approx right: {attributes['correct']}/{attributes['matched']}"
            f" = {attributes['accuracy']:.3f}"
        )


# --- gold output: export, stats, agree, merge live in pizhu/cli_gold.py -----------------


from pizhu.cli_gold import register  # noqa: E402

register(main)
from pizhu.cli_train import register as register_train  # noqa: E402

register_train(main)
