"""Importing while the reviewer works: ``pizhu open PATH...`` shows the library at once.

A thread worker imports file by file on its own connection to the database file (one
transaction per report, as ``pizhu import`` does) and, after each file, reads the
library's rows there too, so the app's thread never waits on the import or on a count.
It hands each step to the app (``PizhuApp.import_step``); the library redraws with the
new rows, and a finished report can be opened while the others are still importing.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from store.db import Store, StoreError
from store.importer import FileOutcome, find_files, import_file
from store.records import DocumentSummary

if TYPE_CHECKING:
    from tui.app import PizhuApp

# Re-read the library rows at most this often (seconds): at 10,000 reports a read takes a while.
_SUMMARY_EVERY = 0.5


@dataclass(frozen=True)
class ImportStep:
    """Where a background import stands after one file."""

    done: int
    total: int
    imported: int
    refused: tuple[str, ...] = ()
    summaries: tuple[DocumentSummary, ...] | None = None
    finished: bool = False
    error: str = ""


@dataclass
class _Tally:
    imported: int = 0
    refused: list[str] = field(default_factory=list)


def import_in_background(app: PizhuApp, db_path: str, paths: Iterable[str], reviewer: str) -> None:
    """The worker's body (runs in a thread): import, and tell the app after each file."""
    tally = _Tally()
    try:
        store = Store(db_path)
    except StoreError as exc:
        app.call_from_thread(app.import_step, ImportStep(0, 0, 0, finished=True, error=str(exc)))
        return
    try:
        files = list(find_files(paths))
        last_read = 0.0
        for index, (path, error) in enumerate(files, start=1):
            outcome = FileOutcome(str(path), error=error) if error else import_file(store, Path(path))
            tally.imported += len(outcome.imported)
            refused = (f"{outcome.path}: {outcome.error}",) if outcome.error else ()
            tally.refused.extend(refused)
            finished = index == len(files)
            summaries = None
            if finished or (outcome.imported and time.monotonic() - last_read > _SUMMARY_EVERY):
                summaries = tuple(store.documents(reviewer))
                last_read = time.monotonic()
            app.call_from_thread(
                app.import_step, ImportStep(index, len(files), tally.imported, refused, summaries, finished)
            )
        if not files:
            app.call_from_thread(app.import_step, ImportStep(0, 0, 0, finished=True))
    except StoreError as exc:  # the database cannot take writes: stop, and say so
        app.call_from_thread(app.import_step, ImportStep(0, 0, tally.imported, finished=True, error=str(exc)))
    finally:
        store.close()
