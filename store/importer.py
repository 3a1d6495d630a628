"""Import report files into the store: find files, read them by format, normalize, extract, store.

A file is read by what its bytes are (``store.sources``): plain text in any encoding
``extract.decode`` knows, a PDF, a saved HTML page or a Word file. For the last three
the raw text is what the layout library extracted, and its layout (boilerplate,
captions, headings, pages) goes into the sections.

Each report is stored in its own transaction, so a failure in one file leaves the
database exactly as it was for that file, and the other files still import.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract import EXTRACTOR_VERSION
from extract.document import prepare
from store.db import DiskFullError, ReadOnlyDatabaseError, Store, StoreError
from store.sources import SourceError, read_source

# Folders are searched for report files with these endings; a file named on the
# command line is read whatever its ending.
REPORT_SUFFIXES = (".txt", ".text", ".md", ".pdf", ".html", ".htm", ".docx")
MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass
class FileOutcome:
    path: str
    imported: list[int] = field(default_factory=list)
    skipped: int = 0
    error: str = ""
    encoding: str = ""
    placeholders: int = 0
    """What the text could not hold (images, text at an angle), each left in it as a placeholder."""


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
    def placeholders(self) -> int:
        return sum(f.placeholders for f in self.files if f.imported)

    @property
    def errors(self) -> list[FileOutcome]:
        return [f for f in self.files if f.error]


def find_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str]]:
    """Yield (file, error) for every report file under ``paths``; error is "" when readable.

    Symbolic links to folders are not followed, so a link loop cannot hang the walk.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    candidate = Path(root) / name
                    if candidate.suffix.lower() in REPORT_SUFFIXES and not name.lower().startswith("readme"):
                        yield candidate, ""
        elif path.exists():
            yield path, ""
        elif path.is_symlink():
            yield path, "a symbolic link that loops or leads nowhere"
        else:
            yield path, "no such file or folder"


def import_file(store: Store, path: Path, *, extract: bool = True) -> FileOutcome:
    outcome = FileOutcome(str(path))
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # Reading a pipe waits for a writer forever, and /dev/zero never ends.
            outcome.error = "not a regular file (a pipe, device or socket)"
            return outcome
        size = info.st_size
        if size > MAX_FILE_BYTES:
            outcome.error = f"too large ({size // (1024 * 1024)} MB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)"
            return outcome
        data = path.read_bytes()
    except OSError as exc:
        outcome.error = exc.strerror or str(exc)
        return outcome
    try:
        source = read_source(data)
    except SourceError as exc:
        outcome.error = str(exc)
        return outcome
    outcome.encoding = source.encoding
    outcome.placeholders = source.layout.placeholders if source.layout is not None else 0
    extract_spans: Callable[[str], list] | None = None
    if extract:
        from extract.pipeline import extract_spans
    # A report is identified by the bytes of its file (and its place in it), not by its
    # normalized text: a new normalizer must not make re-import duplicate it.
    source_hash = hashlib.sha256(data).hexdigest()
    for draft in prepare(source.text, source.layout):
        if store.has_source(source_hash, draft.part) or store.has_content(draft.text):
            outcome.skipped += 1
            continue
        spans = extract_spans(draft.text) if extract_spans else []
        try:
            doc_id = store.add_document(
                str(path),
                source.encoding,
                draft,
                spans,
                EXTRACTOR_VERSION,
                source_hash=source_hash,
                original=source.original if draft.part == 0 else None,
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


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    extract: bool = True,
    on_file: Callable[[FileOutcome], None] | None = None,
    on_begin: Callable[[Path, int, int], None] | None = None,
) -> ImportReport:
    """Import every report file under ``paths``, one transaction per report.

    ``on_begin(path, index, total)`` is called before each file (a progress bar) and
    ``on_file(outcome)`` after it (a refusal printed at once). A database that cannot
    take writes stops the import (``ReadOnlyDatabaseError``, ``DiskFullError``); any
    other problem refuses that file only.
    """
    report = ImportReport()
    files = list(find_files(paths))
    for index, (path, error) in enumerate(files):
        if on_begin:
            on_begin(path, index, len(files))
        outcome = FileOutcome(str(path), error=error) if error else import_file(store, path, extract=extract)
        report.files.append(outcome)
        if on_file:
            on_file(outcome)
    return report
