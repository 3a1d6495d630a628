"""The ``pizhu`` command: a thin click layer over store/ and extract/ (and tui/ for ``open``).

Every command takes ``--db PATH`` (default ``annotations.db`` in the current folder).
Errors are one line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from pizhu import cli_gold, cli_hub, cli_roles, cli_train
from pizhu.cli_common import console, db_option, echo_json, fail, open_store, say, shown, table
from pizhu.store.db import Store
from pizhu.store.errors import StoreError

__all__ = ["db_option", "fail", "main", "open_store", "shown"]


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


def run_import(
    store: Store,
    paths: tuple[str, ...],
    *,
    extract: bool = True,
    quiet: bool = False,
    ocr: bool = False,
    ocr_lang: str = "",
    time_limit: float | None = None,
) -> int:
    """Import paths (``store.importer.import_paths``), showing progress and the outcome;
    return the number of files refused."""
    from pizhu.store.importer import FileOutcome, import_paths, placeholder_summary

    def refused(outcome: FileOutcome) -> None:
        if outcome.error:
            say(f"pizhu: refused {outcome.path}: {outcome.error}")
        elif outcome.notice:
            say(f"pizhu: {outcome.path}: {outcome.notice}")

    if sys.stderr.isatty() and not quiet:
        from rich.progress import Progress

        with Progress(transient=True) as progress:
            task = progress.add_task("importing", total=None)

            def begin(path: Path, index: int, total: int) -> None:
                # markup=True in Progress: the file name is data, so it is shown, never read.
                from rich.markup import escape

                progress.update(task, total=total, completed=index, description=f"importing {escape(shown(path.name))}")

            report = import_paths(
                store,
                paths,
                extract=extract,
                on_file=refused,
                on_begin=begin,
                ocr=ocr,
                ocr_lang=ocr_lang,
                time_limit=time_limit,
            )
    else:
        report = import_paths(
            store, paths, extract=extract, on_file=refused, ocr=ocr, ocr_lang=ocr_lang, time_limit=time_limit
        )
    errors = report.errors
    if not quiet:
        for outcome in report.files:
            if outcome.skipped:
                say(f"skipped {outcome.path}: {outcome.skipped} report(s) already imported")
        # What the text could not hold is never lost silently: it is in the text as [图] or
        # [公式], and counted.
        kept = placeholder_summary(report.placeholders)
        left = f"; {kept}" if kept else ""
        say(
            f"imported {report.imported} report(s) from {len(report.files) - len(errors)} file(s);"
            f" skipped {report.skipped} already imported; refused {len(errors)} file(s){left}"
        )
    return len(errors)


def ocr_options(command: Any) -> Any:
    """``--ocr`` and ``--ocr-lang``, for the commands that import."""
    command = click.option(
        "--ocr-lang",
        default="chi_sim",
        show_default=True,
        help="tesseract's language(s) for --ocr: chi_sim, chi_tra, chi_sim+chi_tra.",
    )(command)
    return click.option(
        "--ocr",
        is_flag=True,
        help="Read scanned pages (PDF pages without a text layer, .png/.jpg images) with tesseract.",
    )(command)


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--no-extract", is_flag=True, help="Store the reports without machine candidates.")
@ocr_options
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Seconds each file may take to read and extract before it is refused [default: 600; 3600 with --ocr].",
)
@click.option(
    "--progress-json",
    is_flag=True,
    hidden=True,
    help="One JSON line per file on stdout (for the app's background import).",
)
def import_command(
    paths: tuple[str, ...],
    db_path: str,
    no_extract: bool,
    progress_json: bool,
    ocr: bool,
    ocr_lang: str,
    time_limit: float | None,
) -> None:
    """Import report files or folders: text (UTF-8, UTF-16 with BOM, GB18030, Big5), PDF, saved HTML, DOCX.

    With --ocr, scanned pages (a PDF page without a text layer, a .png/.jpg/.tif image) are
    read with tesseract; their words' confidences are kept and the doubtful ones shown dim.

    \b
    Example:
        pizhu import seeds/ more/report.txt --db team.db
        pizhu import nianjian-2023.pdf page.html report.docx
        pizhu import --ocr scan.pdf
    """
    if progress_json:
        from pizhu.store.importer import FileOutcome, import_paths

        with open_store(db_path) as store:
            done = [0]

            def step(outcome: FileOutcome) -> None:
                done[0] += 1
                line = {
                    "done": done[0],
                    "imported": len(outcome.imported),
                    "refused": outcome.error,
                    "path": outcome.path,
                    "placeholders": outcome.placeholders,
                    "notice": outcome.notice,
                }
                click.echo(json.dumps(line, ensure_ascii=False))
                sys.stdout.flush()

            def begin(_path: Path, _index: int, total: int) -> None:
                if _index == 0:
                    click.echo(json.dumps({"total": total}))
                    sys.stdout.flush()

            import_paths(
                store,
                paths,
                extract=not no_extract,
                on_file=step,
                on_begin=begin,
                ocr=ocr,
                ocr_lang=ocr_lang,
                time_limit=time_limit,
            )
        return
    with open_store(db_path) as store:
        refused = run_import(store, paths, extract=not no_extract, ocr=ocr, ocr_lang=ocr_lang, time_limit=time_limit)
    if refused:
        sys.exit(1)


def print_summary(store: Store) -> None:
    summary = table("pizhu library")
    for column in ("id", "organisation", "year", "title", "sections", "candidates"):
        summary.add_column(column)
    for doc in store.documents():
        summary.add_row(str(doc.id), doc.organisation, doc.when, doc.title[:40], str(doc.sections), str(doc.candidates))
    console().print(summary)


# --- open -----------------------------------------------------------------------------


@main.command("open")
@click.argument("paths", nargs=-1, type=click.Path())
@db_option
@click.option(
    "--reviewer",
    default=None,
    help="Your name in the decision log: your login name (another only where the database's owner allows it).",
)
@click.option(
    "--show-others", is_flag=True, help="Show other reviewers' decisions (adjudicators only: review is blind)."
)
@click.option("--serve-session", is_flag=True, hidden=True, help="A pizhu serve session: the reviewer of its token.")
@click.option("--tokens", "tokens_file", default=None, hidden=True, help="pizhu serve's tokens file.")
@click.option("--hub", "hub_url", default="", help="Sync with this team hub (a libpq URL) in the background.")
@ocr_options
def open_command(
    paths: tuple[str, ...],
    db_path: str,
    reviewer: str | None,
    show_others: bool,
    serve_session: bool,
    tokens_file: str | None,
    hub_url: str,
    ocr: bool,
    ocr_lang: str,
) -> None:
    """Open the review app; PATHS are imported in the background while it runs.

    The library shows at once and fills in as reports are imported; a finished report
    can be opened while the others import. Decisions are recorded under your login name;
    --reviewer names someone else only where the database's owner allows it
    (pizhu role --names free).

    \b
    Example:
        pizhu open seeds/
        pizhu open --db team.db --show-others      an adjudicator reading everyone's decisions
        pizhu open --hub postgresql://ann@hub.example.org/team      syncing with the team's hub
    """
    from pizhu.store import roles

    if hub_url:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            fail("--hub needs psycopg: pip install 'pizhu[hub]'")

    with open_store(db_path) as store:
        if serve_session:
            # A browser session of pizhu serve: the reviewer is the one of the token the
            # browser brought, which serve hands over in the environment (never in argv).
            from pizhu.serve import SESSION_TOKEN_ENV, TOKEN_ENV

            token = os.environ.pop(SESSION_TOKEN_ENV, "")
            sources = roles.token_sources(tokens_file, os.environ.get(TOKEN_ENV))
            name = roles.token_reviewer(store, token, sources) if token else None
            if name is None:
                fail("this session's token is not valid (any more)")
            reviewer = name
        else:
            reviewer = roles.reviewer_for(store, roles.login_name(), reviewer)
        if show_others and not roles.has_role(store, reviewer):
            fail(f"--show-others: only adjudicators see others' decisions (review is blind); {reviewer} is none")
        if paths:
            from pizhu.store.importer import find_files

            missing = [f"{path}: {error}" for path, error in find_files(paths, images=ocr) if error]
            if missing and len(missing) == len(list(find_files(paths, images=ocr))):
                fail(missing[0])
        elif not store.document_ids():
            fail("no reports in the database; give a file or folder to import")
        try:
            from pizhu.tui.app import make_app
        except ImportError:
            if paths:
                run_import(store, paths, quiet=False, ocr=ocr, ocr_lang=ocr_lang)
            print_summary(store)
            return
        app = make_app(
            store,
            reviewer,
            imports=tuple(paths),
            import_flags=("--ocr", "--ocr-lang", ocr_lang) if ocr else (),
            show_others=show_others,
            hub=hub_url,
        )
        app.run()


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option(
    "--tokens",
    "tokens_file",
    default=None,
    type=click.Path(exists=True, dir_okay=False),
    help="A file of NAME TOKEN lines: each token opens a session as NAME.",
)
@click.option(
    "--max-sessions",
    default=8,
    show_default=True,
    type=click.IntRange(1, 500),
    help="App processes at once (each holds ~100 MB).",
)
@click.option("--token", "argv_token", default=None, hidden=True)
def serve_command(
    db_path: str, host: str, port: int, tokens_file: str | None, max_sessions: int, argv_token: str | None
) -> None:
    """Serve the review app to browsers, each session as the reviewer of the token it brought.

    A browser opens http://HOST:PORT/?token=TOKEN once and keeps a session cookie.
    Tokens: from pizhu token NAME (kept in the database), a --tokens file (NAME TOKEN
    lines), or PIZHU_SERVE_TOKEN (the serving user's own); never on the command line,
    where ps shows them. With none of them, serve makes one for you and prints it once.

    \b
    Example:
        pizhu token wang --db team.db        (prints wang's token, once)
        pizhu serve --db team.db --host 0.0.0.0 --port 8080
        pizhu serve --db team.db --tokens ~/team-tokens --max-sessions 4
    """
    from pizhu.serve import TOKEN_ENV, ServeError, serve
    from pizhu.store import roles

    if argv_token is not None:
        fail("--token on the command line shows in ps: set PIZHU_SERVE_TOKEN, use --tokens FILE, or pizhu token NAME")
    if not Path(db_path).is_file():
        fail(f"{db_path}: no such database; import some reports first (pizhu import PATH --db {db_path})")
    made = ""
    with open_store(db_path) as store:
        if not store.document_ids():
            fail("no reports in the database; import some first (pizhu import PATH)")
        sources = roles.token_sources(tokens_file, os.environ.get(TOKEN_ENV))
        if not sources.configured and not roles.has_tokens(store):
            made = roles.new_token(store, roles.login_name(), roles.login_name())
    if made:
        shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        say(
            f"pizhu serve: no token was configured; made one for {roles.login_name()} (the database keeps a digest),"
            f" shown this once: http://{shown_host}:{port}/?token={made}"
        )
    try:
        serve(Path(db_path), host, port, sources, tokens_file=tokens_file, max_sessions=max_sessions)
    except ServeError as exc:
        fail(str(exc))


# --- extraction -----------------------------------------------------------------------


@main.command("reextract")
@db_option
@click.option(
    "--model",
    "model",
    default=None,
    type=click.Path(exists=True, file_okay=False),
    help="A model from pizhu train: its proposals join the others as source trained:NAME.",
)
@click.option(
    "--model-floor",
    type=click.FloatRange(0, 1),
    default=None,
    help="Lower bound (one-sided 95 %) of a label's held-out precision for the model to propose it [default: 0.9].",
)
def reextract_command(db_path: str, model: str | None, model_floor: float | None) -> None:
    """Run the current normalizer and extractor again; every human decision is kept.

    Reports whose normalized text changes are normalized anew with every decision's
    offsets moved along (a decided span whose text changed is flagged for review).
    A candidate proposed again keeps its id, so open apps keep working; undecided
    candidates that are no longer proposed go; a span a reviewer already made (a
    correction, an addition) is not proposed again.

    Where a trained model and the rules disagree, those candidates get a low confidence,
    so the queue (least confident first) puts them before the rest.

    \b
    Example:
        pizhu reextract --db team.db
        pizhu reextract --model pizhu-model/     the model proposes beside the rules
    """
    from pizhu.store.maintenance import reextract

    extract = None
    if model:
        from pizhu.extract.pipeline import extract_spans
        from pizhu.store.errors import TrainError
        from pizhu.store.train import with_model

        try:
            extract = with_model(extract_spans, model, *(() if model_floor is None else (model_floor,)))
        except TrainError as exc:
            fail(str(exc))
    with open_store(db_path) as store:
        report = reextract(store, extract=extract)
        say(report.summary())


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(gold: str, db_path: str, as_json: bool) -> None:
    """Score the machine candidates against a gold JSONL file.

    Matching is on document (the imported file's name), label and span text, with
    occurrences counted. Only the reports the gold file names count (other imported
    reports are no false alarms), each for every label the file holds: a candidate of a
    label the gold has none of in that report is a false alarm. A coverage.json beside
    the gold file ({"report.txt": ["FIGURE", "DATE"], "other.txt": "*"}) names what each
    report was labelled for, where that is less.

    \b
    Example:
        pizhu eval tests/data/seeds-gold.jsonl --json      (from a checkout, with seeds/ imported)
    """
    from pizhu.extract.evaluate import score
    from pizhu.store.display import score as score_shown
    from pizhu.store.goldfile import read_coverage, read_gold

    try:
        gold_rows = read_gold(gold)
        coverage = read_coverage(gold)
    except StoreError as exc:
        fail(str(exc))
    with open_store(db_path, read_only=True) as store:
        predicted = []
        for doc_id in store.document_ids():
            document = store.document(doc_id)
            name = Path(document.source).name
            for span in store.spans(doc_id, reviewer=""):
                if span.origin != "machine":
                    continue
                proposed = span.proposed
                predicted.append(
                    {"doc": name, "label": proposed["label"], "text": proposed["text"], "source": span.source}
                    | proposed["attrs"]
                )
    result = score(gold_rows, predicted, coverage)
    if as_json:
        echo_json(result)
        return
    scores = table(f"pizhu eval: {gold}")
    for column in ("label", "gold", "found", "tp", "precision", "recall", "F1"):
        scores.add_column(column, justify="right")
    for label, row in result["labels"].items():
        scores.add_row(
            label,
            str(row["tp"] + row["fn"]),
            str(row["tp"] + row["fp"]),
            str(row["tp"]),
            score_shown(row["precision"]),
            score_shown(row["recall"]),
            score_shown(row["f1"]),
        )
    out = console()
    out.print(scores)
    if result.get("sources"):
        by_source = table("by source (rules+lac counts for both)")
        for column in ("source", "label", "found", "tp", "precision", "recall", "F1"):
            by_source.add_column(column, justify="right")
        for source, labels in result["sources"].items():
            for label, row in labels.items():
                by_source.add_row(
                    source,
                    label,
                    str(row["tp"] + row["fp"]),
                    str(row["tp"]),
                    score_shown(row["precision"]),
                    score_shown(row["recall"]),
                    score_shown(row["f1"]),
                )
        out.print(by_source)
    attributes = result.get("figure_attrs")
    if attributes and attributes.get("matched"):
        out.print(
            f"FIGURE value/unit/approx right: {attributes['correct']}/{attributes['matched']}"
            f" = {attributes['accuracy']:.3f}"
        )


# --- the library: share it out, correct it, withdraw a report ------------------------


@main.command("assign")
@click.argument("reviewers", nargs=-1, required=True)
@db_option
@click.option("--overlap", default=0.0, show_default=True, type=click.FloatRange(0, 1), help="Share reviewed twice.")
@click.option("--seed", default=0, show_default=True, help="Which documents overlap (the same seed, the same choice).")
def assign_command(reviewers: tuple[str, ...], db_path: str, overlap: float, seed: int) -> None:
    """Share the reports out among REVIEWERS; the library lists each reviewer's share first.

    Work already done counts: a report a reviewer finished or started stays in their
    share, a report finished by someone not named goes to nobody (nothing is left to do),
    and the rest evens the shares out.

    \b
    Example:
        pizhu assign wang li zhao --overlap 0.2     one report in five reviewed twice
    """
    with open_store(db_path) as store:
        result = store.assign(list(reviewers), overlap, seed)
    for name, (n, finished, started) in result.shares.items():
        already = f" ({finished} finished, {started} started already)" if finished or started else ""
        click.echo(f"{shown(name)}: {n} report(s){already}", err=True)
    if result.finished_by_others:
        click.echo(
            f"{result.finished_by_others} report(s) finished by reviewers not named here: not assigned", err=True
        )


@main.command("describe")
@click.argument("document", type=int)
@db_option
@click.option("--title", default=None, help="The report's title.")
@click.option("--organisation", default=None, help="The committee that wrote it, e.g. 城中区政协.")
@click.option("--year", default=None, help="The year it reports on (or 'none' to clear it).")
def describe_command(
    document: int, db_path: str, title: str | None, organisation: str | None, year: str | None
) -> None:
    """Correct a report's title, organisation or year.

    \b
    Example:
        pizhu describe 3 --organisation 陇南市政协 --year 2022
    """
    value: int | str | None = ""
    if year is not None:
        if year.lower() == "none":
            value = None
        elif year.isdecimal():  # not isdigit: "²" is a digit int() cannot read
            value = int(year)
        else:
            fail(f"--year {year}: give a year like 2023, or none")
    with open_store(db_path) as store:
        stored = store.describe_document(document, title=title, organisation=organisation, year=value)
    click.echo(f"{stored.id}: {shown(stored.organisation)} {stored.year or ''} {shown(stored.title)}", err=True)


@main.command("withdraw")
@click.argument("document", type=int)
@db_option
@click.option("--restore", is_flag=True, help="Bring a withdrawn report back.")
def withdraw_command(document: int, db_path: str, restore: bool) -> None:
    """Take a wrongly imported report out of the library and the exports (decisions are kept).

    \b
    Example:
        pizhu withdraw 7            pizhu withdraw 7 --restore
    """
    with open_store(db_path) as store:
        store.withdraw_document(document, restore=restore)
    click.echo(f"report {document} {'restored' if restore else 'withdrawn; its decisions stay in the log'}", err=True)


# --- gold output: export, stats, agree, merge, backup live in pizhu/cli_gold.py -----------

cli_gold.register(main)
cli_train.register(main)
cli_roles.register(main)
cli_hub.register(main)


if __name__ == "__main__":
    main(prog_name="pizhu")
