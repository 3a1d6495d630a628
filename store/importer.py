"""Import report files into the store: find files, read them by format, normalize, extract, store.

A file is read by what its bytes are (``store.sources``): plain text in any encoding
``extract.decode`` knows, a PDF, a saved HTML page or a Word file. For the last three
the raw text is what the layout library extracted, and its layout (boilerplate,
captions, headings, pages) goes into the sections.

Each report is stored in its own transaction, so a failure in one file leaves the
database exactly as it was for that file, and the other files still import.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import stat
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pizhu.extract import EXTRACTOR_VERSION
from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store.db import Store
from pizhu.store.errors import DiskFullError, ReadOnlyDatabaseError, StoreError
from pizhu.store.sources import PLACEHOLDER_NAMES, NeedsOcr, SourceError, read_source

# Folders are searched for report files with these endings; a file named on the
# command line is read whatever its ending.
REPORT_SUFFIXES = (".txt", ".text", ".md", ".pdf", ".html", ".htm", ".docx")
# Scanned pages saved as images: looked for in folders only when OCR is asked for.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_TEXT_CHARS = 8_000_000
"""Characters of text in one file (a long work report has some 30,000): past this the
normalizer and the extractor would need gigabytes, so the file is refused in one line."""
MAX_SECONDS_PER_FILE = 600.0
"""Seconds to read one file and extract its reports (a 2 MB text of 221 reports takes some
two minutes on a loaded 2-core machine): past this the file is refused in one line and the
next one imported. ``pizhu import --time-limit`` sets it."""
MAX_SECONDS_PER_FILE_OCR = 3600.0
"""The same with ``--ocr``: tesseract reads some seconds a page."""


@dataclass
class FileOutcome:
    path: str
    imported: list[int] = field(default_factory=list)
    skipped: int = 0
    error: str = ""
    encoding: str = ""
    placeholders: dict[str, int] = field(default_factory=dict)
    """What the imported text could not hold, left as a placeholder: ``[公式]`` → count."""
    notice: str = ""
    """What the user should know of an import that is no refusal (pages that are only pictures)."""


@dataclass
class ImportReport:
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return sum(len(f.imported) for f in self.files)

    @property
    def skipped(self) -> int:
        return sum(f.skipped for f in self.files)

    @property
    def errors(self) -> list[FileOutcome]:
        return [f for f in self.files if f.error]

    @property
    def placeholders(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for outcome in self.files:
            if outcome.imported:
                total.update(outcome.placeholders)
        return total


def placeholder_summary(counts: dict[str, int]) -> str:
    """``3 placeholder(s) in the text ([图] an image ×1, [公式] an equation ×2)`` (``""`` for none)."""
    total = sum(counts.values())
    if not total:
        return ""
    order = list(PLACEHOLDER_NAMES)
    marks = sorted(
        (mark for mark, n in counts.items() if n), key=lambda m: order.index(m) if m in order else len(order)
    )
    return (
        f"{total} placeholder(s) in the text ("
        + ", ".join(f"{mark} {PLACEHOLDER_NAMES.get(mark, 'something')} ×{counts[mark]}" for mark in marks)
        + ")"
    )


def find_files(paths: Iterable[str | Path], *, images: bool = False) -> Iterator[tuple[Path, str]]:
    """Yield (file, error) for every report file under ``paths``; error is "" when readable.

    Symbolic links to folders are not followed, so a link loop cannot hang the walk.
    ``images``: folders' image files too (scanned pages, for ``--ocr``).
    """
    suffixes = REPORT_SUFFIXES + (IMAGE_SUFFIXES if images else ())
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    candidate = Path(root) / name
                    if candidate.suffix.lower() in suffixes and not name.lower().startswith("readme"):
                        yield candidate, ""
        elif path.exists():
            yield path, ""
        elif path.is_symlink():
            yield path, "a symbolic link that loops or leads nowhere"
        else:
            yield path, "no such file or folder"


def import_file(
    store: Store,
    path: Path,
    *,
    extract: bool = True,
    ocr: bool = False,
    ocr_lang: str = "",
    time_limit: float | None = None,
) -> FileOutcome:
    """Import one file: read, normalize and extract it within ``time_limit`` seconds (default
    ``MAX_SECONDS_PER_FILE``, ``MAX_SECONDS_PER_FILE_OCR`` with ``ocr``), then store its reports."""
    outcome = FileOutcome(str(path))
    if time_limit is None:
        time_limit = MAX_SECONDS_PER_FILE_OCR if ocr else MAX_SECONDS_PER_FILE
    try:
        with _time_budget(time_limit) as over:
            read = _read_and_extract(store, path, outcome, over, extract=extract, ocr=ocr, ocr_lang=ocr_lang)
    except _OverTime:
        outcome.error = f"took over {time_limit:g} s to read and extract (the limit per file; --time-limit raises it)"
        outcome.skipped = 0
        return outcome
    if read is None:
        return outcome
    source, source_hash, drafts = read
    for draft, words, spans in drafts:
        try:
            doc_id = store.add_document(
                str(path),
                source.encoding,
                draft,
                spans,
                EXTRACTOR_VERSION,
                source_hash=source_hash,
                original=source.original if draft.part == 0 else None,
                ocr_words=words,
            )
        except (ReadOnlyDatabaseError, DiskFullError):
            raise  # the database itself cannot take writes: no point trying the next file
        except StoreError as exc:
            outcome.error = str(exc)
            return outcome
        if doc_id is None:
            outcome.skipped += 1
        else:
            outcome.imported.append(doc_id)
    return outcome


class _OverTime(BaseException):
    """A file's time is up. Not an ``Exception``: a reader library's own ``except Exception``
    must not swallow it and carry on."""


@contextlib.contextmanager
def _time_budget(seconds: float) -> Iterator[Callable[[], None]]:
    """Raise ``_OverTime`` in the body once ``seconds`` have passed.

    On the main thread (``pizhu import``, and the app's background import, which runs that
    command) a timer signal interrupts the body wherever it is (between two Python steps;
    a single long call into C finishes first). Elsewhere the body calls the check it is
    given between its stages. The timer is disarmed and the previous handler put back on
    the way out.
    """
    deadline = time.monotonic() + seconds

    def check() -> None:
        if time.monotonic() > deadline:
            raise _OverTime

    armed = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    previous: Any = None
    if armed:

        def expire(_signum: int, _frame: Any) -> None:
            raise _OverTime

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield check
    finally:
        if armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _read_and_extract(
    store: Store,
    path: Path,
    outcome: FileOutcome,
    check: Callable[[], None],
    *,
    extract: bool,
    ocr: bool,
    ocr_lang: str,
) -> tuple[Any, str, list[tuple[Any, list[tuple[int, int, float]], list[Any]]]] | None:
    """The file read and its reports extracted, nothing stored; None (``outcome.error`` or
    ``outcome.skipped`` said why) when there is nothing to store."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # Reading a pipe waits for a writer forever, and /dev/zero never ends.
            outcome.error = "not a regular file (a pipe, device or socket)"
            return None
        size = info.st_size
        if size > MAX_FILE_BYTES:
            outcome.error = f"too large ({size // (1024 * 1024)} MB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)"
            return None
        data = path.read_bytes()
    except OSError as exc:
        outcome.error = exc.strerror or str(exc)
        return None
    try:
        source = read_source(data, ocr=ocr, ocr_lang=ocr_lang)
    except NeedsOcr as exc:
        outcome.error = exc.advice(str(path))
        return None
    except SourceError as exc:
        outcome.error = str(exc)
        return None
    except Exception as exc:  # a reader library's own bug on one odd file: refuse that file only
        outcome.error = _failure("could not be read", exc)
        return None
    check()
    if len(source.text) > MAX_TEXT_CHARS:
        outcome.error = (
            f"too long ({len(source.text):,} characters of text; the limit is {MAX_TEXT_CHARS:,}):"
            " split it into its reports"
        )
        return None
    outcome.encoding = source.encoding
    outcome.placeholders = dict(source.placeholders)
    outcome.notice = source.notice
    extract_spans: Callable[[str], list[Span]] | None = None
    if extract:
        from pizhu.extract.pipeline import extract_spans
    # A report is identified by the bytes of its file (and its place in it), not by its
    # normalized text: a new normalizer must not make re-import duplicate it.
    source_hash = hashlib.sha256(data).hexdigest()
    # Every report of the file is extracted before any is stored: a rule that breaks on one
    # text refuses that file whole (nothing of it stored), never the rest of the folder.
    drafts = []
    raw_start = 0  # where each report's raw text starts in the file's: the reports cover it in order
    try:
        for draft in prepare(source.text, source.layout):
            check()
            draft_start, raw_start = raw_start, raw_start + len(draft.raw)
            if store.has_source(source_hash, draft.part) or store.has_content(draft.text):
                outcome.skipped += 1
                continue
            words = [
                (start - draft_start, end - draft_start, confidence)
                for start, end, confidence in source.ocr_words
                if draft_start <= start and end <= draft_start + len(draft.raw)
            ]
            drafts.append((draft, words, extract_spans(draft.text) if extract_spans else []))
    except Exception as exc:
        outcome.error = _failure("extraction failed", exc)
        outcome.skipped = 0
        return None
    check()
    return source, source_hash, drafts


def _failure(stage: str, exc: Exception) -> str:
    """One line naming what failed, for a file refused by an unexpected exception."""
    return " ".join(f"{stage}: {type(exc).__name__}: {exc}".split())


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    extract: bool = True,
    on_file: Callable[[FileOutcome], None] | None = None,
    on_begin: Callable[[Path, int, int], None] | None = None,
    ocr: bool = False,
    ocr_lang: str = "",
    time_limit: float | None = None,
) -> ImportReport:
    """Import every report file under ``paths``, one transaction per report.

    ``on_begin(path, index, total)`` is called before each file (a progress bar) and
    ``on_file(outcome)`` after it (a refusal printed at once). A database that cannot
    take writes stops the import (``ReadOnlyDatabaseError``, ``DiskFullError``); any
    other problem refuses that file only. ``ocr``: pages without a text layer, and
    images, are read by tesseract (``store.sources.ocr``) in ``ocr_lang``. ``time_limit``:
    seconds each file may take to read and extract (``import_file``).
    """
    report = ImportReport()
    files = list(find_files(paths, images=ocr))
    for index, (path, error) in enumerate(files):
        if on_begin:
            on_begin(path, index, len(files))
        outcome = (
            FileOutcome(str(path), error=error)
            if error
            else import_file(store, path, extract=extract, ocr=ocr, ocr_lang=ocr_lang, time_limit=time_limit)
        )
        report.files.append(outcome)
        if on_file:
            on_file(outcome)
    return report
