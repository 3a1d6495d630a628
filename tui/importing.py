"""Importing while the reviewer works: ``pizhu open PATH...`` shows the library at once.

The import runs in its own process (``pizhu import --progress-json``, at a lower CPU
priority), so that normalizing and extracting never take the app's interpreter lock: the
reviewer's keys are served first. That process writes one transaction per report, as
``pizhu import`` does, and one JSON line per file; a thread worker of the app reads the
lines, re-reads the library's rows on its own connection now and then, and hands each
step to the app (``PizhuApp.import_step``). A finished report can be opened while the
others are still importing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from pizhu.store.db import Store
from pizhu.store.errors import StoreError
from pizhu.store.records import DocumentSummary

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


def _command(db_path: str, paths: Iterable[str], flags: Iterable[str] = ()) -> list[str]:
    return [sys.executable, "-m", "pizhu", "import", *paths, "--db", db_path, "--progress-json", *flags]


def _lower_priority() -> None:  # runs in the child before it starts
    try:
        os.nice(10)
    except OSError:
        pass


class ImportApp(Protocol):
    """What the import worker needs of the app: each step handed to ``import_step`` on the
    app's thread, and the running process kept where quitting can stop it."""

    import_process: subprocess.Popen[str] | None

    def import_step(self, step: ImportStep) -> None: ...

    def call_from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...


def import_in_background(
    app: ImportApp, db_path: str, paths: Iterable[str], reviewer: str, flags: Iterable[str] = ()
) -> None:
    """The worker's body (runs in a thread): start the import process, relay what it says.
    ``flags``: more options of ``pizhu import`` (``--ocr``)."""
    # The child's stderr (library warnings: pdfminer's on a damaged PDF run past a pipe's 64 KB)
    # goes to a file, never to a pipe nobody reads while the worker waits on stdout.
    errors = tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace")
    try:
        process = subprocess.Popen(
            _command(db_path, paths, flags),
            stdout=subprocess.PIPE,
            stderr=errors,
            stdin=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            preexec_fn=_lower_priority if os.name == "posix" else None,
        )
    except OSError as exc:
        errors.close()
        app.call_from_thread(app.import_step, ImportStep(0, 0, 0, finished=True, error=str(exc)))
        return
    app.import_process = process
    total = done = imported = 0
    last_read = 0.0
    store: Store | None = None
    try:
        assert process.stdout is not None
        for line in process.stdout:
            try:
                said = json.loads(line)
            except json.JSONDecodeError:
                continue
            if "total" in said:
                total = int(said["total"])
                app.call_from_thread(app.import_step, ImportStep(0, total, 0))
                continue
            done = int(said.get("done", done))
            imported += int(said.get("imported", 0))
            refused = (f"{said.get('path')}: {said['refused']}",) if said.get("refused") else ()
            summaries = None
            if said.get("imported") and time.monotonic() - last_read > _SUMMARY_EVERY:
                store = store or Store(db_path)
                summaries = tuple(store.documents(reviewer))
                last_read = time.monotonic()
            app.call_from_thread(app.import_step, ImportStep(done, total, imported, refused, summaries))
        process.wait()
        error = ""
        if process.returncode not in (0, None):
            errors.seek(0)
            error = _last_line(errors) or f"the import stopped ({process.returncode})"
        store = store or Store(db_path)
        summaries = tuple(store.documents(reviewer))
        app.call_from_thread(
            app.import_step, ImportStep(done, total or done, imported, (), summaries, finished=True, error=error)
        )
    except StoreError as exc:
        app.call_from_thread(app.import_step, ImportStep(done, total, imported, finished=True, error=str(exc)))
    finally:
        errors.close()
        if store is not None:
            store.close()


def _last_line(lines: Iterable[str]) -> str:
    """The last line that says something, read through without holding the whole file."""
    last = ""
    for line in lines:
        if line.strip():
            last = line.strip()
    return last
