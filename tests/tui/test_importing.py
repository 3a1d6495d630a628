"""The app's background import reads its child process without ever blocking on it."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

import pizhu.tui.importing as importing
from pizhu.store.db import Store
from pizhu.tui.importing import ImportStep, import_in_background


class _App:
    """What the worker needs of the app: a place to hand its steps."""

    def __init__(self) -> None:
        self.steps: list[ImportStep] = []
        self.import_process = None

    def call_from_thread(self, callback, *args):  # type: ignore[no-untyped-def]
        return callback(*args)

    def import_step(self, step: ImportStep) -> None:
        self.steps.append(step)


def _run(app: _App, db: Path) -> threading.Thread:
    worker = threading.Thread(target=import_in_background, args=(app, str(db), ["x.pdf"], "li"), daemon=True)
    worker.start()
    worker.join(60)
    return worker


def test_a_child_that_writes_much_to_stderr_does_not_stall_the_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pdfminer's warnings on a damaged PDF run past a pipe's 64 KB; a worker that reads only
    # stdout waited for a line the child could not write ("importing 0/2 files" for ever).
    child = (
        "import sys\n"
        "sys.stderr.write('WARNING: a broken xref\\n' * 20000); sys.stderr.flush()\n"
        "print('{\"total\": 1}', flush=True)\n"
        'print(\'{"done": 1, "imported": 0}\', flush=True)\n'
    )
    monkeypatch.setattr(importing, "_command", lambda *a, **k: [sys.executable, "-c", child])
    db = tmp_path / "a.db"
    Store(db).close()
    app = _App()
    worker = _run(app, db)
    assert not worker.is_alive(), "the import worker is stuck on its child"
    assert app.steps[-1].finished and app.steps[-1].done == 1 and not app.steps[-1].error


def test_a_failed_child_reports_its_last_line_of_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    child = "import sys\nsys.stderr.write('noise\\n' * 20000 + 'pizhu: the file is not a PDF\\n')\nsys.exit(1)\n"
    monkeypatch.setattr(importing, "_command", lambda *a, **k: [sys.executable, "-c", child])
    db = tmp_path / "a.db"
    Store(db).close()
    app = _App()
    worker = _run(app, db)
    assert not worker.is_alive()
    assert app.steps[-1].finished and app.steps[-1].error == "pizhu: the file is not a PDF"
