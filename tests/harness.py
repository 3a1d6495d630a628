"""Helpers the tests and the benches share: the ``pizhu`` command, the app in tmux, and
the hook that times the app's render passes.

Import it as ``tests.harness`` (``tests`` and ``bench`` are packages: run the tests
with ``python -m pytest`` and a bench with ``python -m bench.bench_x`` from the
checkout, and nothing edits ``sys.path``). The SIGKILL rounds built on the tmux
helpers are in ``tests/tui/sigkill.py``.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def pizhu_command() -> list[str]:
    """The ``pizhu`` command of the Python running the tests, whether or not it is on PATH.

    The script pip installed beside this interpreter (the venv's ``bin``), else
    ``python -m pizhu``: never a ``pizhu`` found first on PATH, which may belong to
    another installation.
    """
    scripts = Path(sysconfig.get_path("scripts"))
    for name in ("pizhu", "pizhu.exe"):
        script = scripts / name
        if script.is_file() and os.access(script, os.X_OK):
            return [str(script)]
    return [sys.executable, "-m", "pizhu"]


def run_pizhu(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run ``pizhu ARGS`` in a real process (text output captured, no check)."""
    options: dict[str, Any] = {"capture_output": True, "text": True, "check": False}
    options.update(kwargs)
    return subprocess.run([*pizhu_command(), *args], **options)


# --- the app under Pilot ------------------------------------------------------------------


async def settled(app: Any, pilot: Any) -> None:
    """Wait until the app's workers (a report, the library, the queue, the history line,
    jieba) are done and what they posted is on screen: what a reviewer waits for before the
    next key, since nothing that reads the database runs on the key path."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    await written(app, pilot)


SIZE = (80, 24)
"""The terminal the app is designed for (the tests' default ``run_test`` size)."""
WIDE = (100, 30)
"""A roomier terminal, for tests that need the whole span panel or history beside the text."""


async def reader(app: Any, pilot: Any, doc_id: int = 1, span_id: int | None = None) -> Any:
    """Open a report in the reader (at ``span_id``, else where it opens) and wait until it
    is shown: the ``ReaderScreen``."""
    from pizhu.tui.screens.reader import ReaderScreen

    await pilot.pause()
    app.open_reader(doc_id, span_id)
    await settled(app, pilot)
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


async def written(app: Any, pilot: Any, timeout: float = 15.0) -> None:
    """Wait until the app's writer has written every decision and the screens have heard
    (what a reviewer sees as "saved"); bounded, so that a lock held in a test cannot hang it."""
    writer = getattr(app, "writer", None)
    deadline = time.monotonic() + timeout
    while writer is not None and not writer.idle() and time.monotonic() < deadline:
        await pilot.pause(0.005)
    await pilot.pause()


async def burst(app: Any, pilot: Any, *keys: str) -> None:
    """Keys as a terminal delivers a burst (typing over SSH, a paste): every key event is
    queued at once, none waiting for the one before it to be handled (``pilot.press`` waits
    for the app to go idle between keys). Key names as ``pilot.press`` takes them."""
    import unicodedata

    from textual import events
    from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

    for key in keys:
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        original = REPLACED_KEYS.get(key, key)
        try:
            char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
        except KeyError:
            char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()


class LockHolder:
    """Another process holding the database's write lock (``BEGIN IMMEDIATE``) until
    ``release()``, or until ``limit`` seconds have passed (so that an app that waits for the
    lock on its own thread cannot hang a test for good)."""

    SCRIPT = (
        "import sqlite3, sys, select\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "print('locked', flush=True)\n"
        "select.select([sys.stdin], [], [], float(sys.argv[2]))\n"
        "c.execute('COMMIT')\n"
    )

    def __init__(self, db: Path, limit: float = 10.0) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", self.SCRIPT, str(db), str(limit)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"
        self.started = time.monotonic()

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def holding(self) -> bool:
        return self.process.poll() is None

    def release(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
        self.process.wait(10)

    def __enter__(self) -> LockHolder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


# --- the app in tmux ----------------------------------------------------------------------


def have_tmux() -> bool:
    return shutil.which("tmux") is not None


# A tmux server of this process's own: another test run on the machine (another checkout's
# suite) ending its last session stops the shared default server under us ("server exited
# unexpectedly"), as seen when two suites ran at once.
TMUX = ("tmux", "-L", f"pizhu-tests-{os.getpid()}")


def capture(session: str) -> str:
    return subprocess.run(
        [*TMUX, "capture-pane", "-p", "-t", session], capture_output=True, text=True, check=False
    ).stdout


def wait_for(session: str, needle: str, timeout: float = 20.0, absent: str | None = None) -> str:
    """Wait until ``needle`` is on the screen (and ``absent``, when given, is not: e.g. a
    decision shown as made but still "saving…" is not yet saved)."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = capture(session)
        if needle in screen and (absent is None or absent not in screen):
            return screen
        time.sleep(0.05)
    without = f" without {absent!r}" if absent else ""
    raise AssertionError(f"{needle!r}{without} never appeared; the screen was:\n{screen}")


def allow_any_reviewer(db: Path) -> None:
    """Tests and benches review under made-up names: the database's owner (whoever runs them)
    allows ``pizhu open --reviewer`` (``pizhu role --names free``)."""
    from pizhu.store import roles
    from pizhu.store.db import Store

    with Store(db) as store:
        roles.set_free_names(store, roles.login_name(), True)


def start(db: Path, reviewer: str, work: Path, session: str) -> int:
    """Start ``pizhu open`` in a tmux session at 80×24; return the app's pid (the shell execs it)."""
    allow_any_reviewer(db)
    pidfile = work / f"{session}.pid"
    pidfile.unlink(missing_ok=True)
    command = " ".join(_shell_quote(part) for part in pizhu_command())
    script = work / f"{session}.sh"
    script.write_text(
        f"echo $$ > {pidfile}\nexport PIZHU_KEYS={work / 'none.toml'}\n"
        f"exec {command} open --db {db} --reviewer {reviewer}\n",
        "utf-8",
    )
    subprocess.run(
        [*TMUX, "new-session", "-d", "-s", session, "-x", "80", "-y", "24", f"sh {script}"],
        check=True,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    deadline = time.monotonic() + 10
    while not pidfile.exists() or not pidfile.read_text().strip():
        if time.monotonic() > deadline:
            raise AssertionError("the app never started")
        time.sleep(0.02)
    return int(pidfile.read_text().strip())


def _shell_quote(part: str) -> str:
    import shlex

    return shlex.quote(part)


# --- timing the app's render passes -------------------------------------------------------


class RenderTimer:
    """Times an app's work per key: the handlers and the layout and render passes.

    ``install(app, screen, names)`` wraps the screen's methods ``names`` (actions, and
    Textual's ``_refresh_layout`` and ``_compositor_refresh``) so that each outermost
    call appends its duration to ``passes`` (a layout pass calls the compositor refresh
    itself: only the outer call counts), and makes the headless app turn every update
    into terminal output, as a real terminal would (headless Textual skips that step).
    ``since(mark)`` sums the passes after ``mark = len(timer.passes)``.
    """

    DEFAULT = ("_refresh_layout", "_compositor_refresh")

    def __init__(self) -> None:
        self.passes: list[float] = []
        self._depth = 0
        self._undo: list[Callable[[], None]] = []

    def timed(self, call: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            self._depth += 1
            started = time.perf_counter()
            try:
                return call(*args, **kwargs)
            finally:
                self._depth -= 1
                if not self._depth:
                    self.passes.append(time.perf_counter() - started)

        return run

    def install(
        self, app: Any, screen: Any, names: tuple[str, ...] = DEFAULT, *, terminal_output: bool = True
    ) -> RenderTimer:
        """Wrap ``names`` on ``screen``; with ``terminal_output`` (once per app) also render updates to bytes."""
        for name in names:
            real = getattr(screen, name)
            setattr(screen, name, self.timed(real))
            self._undo.append(functools.partial(setattr, screen, name, real))
        if not terminal_output:
            return self
        real_display = app._display

        def display(target: Any, renderable: Any) -> None:
            if renderable is not None and hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)  # a terminal would turn it into bytes
            real_display(target, renderable)

        app._display = display
        self._undo.append(functools.partial(setattr, app, "_display", real_display))
        return self

    def uninstall(self) -> None:
        while self._undo:
            self._undo.pop()()

    def since(self, mark: int) -> float:
        return sum(self.passes[mark:])


@contextmanager
def first_paint(app: Any) -> Iterator[list[float]]:
    """Collect the moment the app renders its first frame (``perf_counter``) into the list yielded."""
    painted: list[float] = []
    real = app._display

    def display(screen: Any, renderable: Any) -> None:
        if renderable is not None and not painted:
            if hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)
            painted.append(time.perf_counter())
        real(screen, renderable)

    app._display = display
    try:
        yield painted
    finally:
        app._display = real


def time_transactions(*, main_thread_only: bool = False) -> list[float]:
    """From now on every ``Store.transaction`` appends how long it held the write lock
    (``BEGIN IMMEDIATE`` to ``COMMIT``) to the list returned; for benches, never undone."""
    import threading

    from pizhu.store.db import Store

    held: list[float] = []
    real = Store.transaction

    @contextmanager
    def transaction(self: Store) -> Iterator[Any]:
        with real(self) as conn:
            started = time.perf_counter()
            yield conn
        if not main_thread_only or threading.current_thread() is threading.main_thread():
            held.append(time.perf_counter() - started)

    Store.transaction = transaction  # type: ignore[method-assign]
    return held
