"""Benchmark: the app stays responsive while ``pizhu open PATH...`` imports in the background.

A real app (Textual, headless through Pilot) on a new database imports a folder of
generated reports (``bench/generate.py``) in its worker, while a reviewer works in the
first report that arrived: ``tab`` (next span) and ``a`` (confirm) over and over. Measured:

- key to repaint: the event loop's lag (how late a 10 ms timer fires: how long a key
  would wait for the app's thread) plus the key's own handler and render passes;
- how long each import or re-extraction transaction holds the database's write lock
  (the import process runs ``store.importer.import_paths``; the same call is timed here
  on more files afterwards, and a ``pizhu reextract`` of everything).

Targets (issue 11): key repaint p95 ≤ 50 ms; no write transaction over 100 ms.

Usage: python -m bench.bench_import_app [--files 200]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from pizhu.store.db import Store
from pizhu.tui.app import make_app
from pizhu.tui.screens.reader import ReaderScreen
from tests.harness import RenderTimer, time_transactions


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] if ordered else float("nan")


async def run(files: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="pizhu-import-app-"))
    folder = work / "reports"
    folder.mkdir()
    for i in range(files):
        (folder / f"report_{i:04d}.txt").write_bytes(generate(i, 11).to_bytes())
    locks = time_transactions()
    store = Store(work / "team.db")
    app = make_app(store, "bench", imports=(str(folder),))
    lags: list[float] = []
    keys: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        expected = [time.perf_counter() + 0.01]

        def tick() -> None:
            now = time.perf_counter()
            lags.append(max(now - expected[0], 0.0))
            expected[0] = now + 0.01

        app.set_interval(0.01, tick)
        while not (app.importing and app.importing.imported):
            await asyncio.sleep(0.02)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        timer = RenderTimer().install(app, screen, ("action_next_span", "action_confirm", *RenderTimer.DEFAULT))
        pressed = 0
        while app.importing is not None and not app.importing.finished:
            # A reviewer's pace, not Pilot's: a key every 100 ms, straight into the app's queue.
            mark = len(timer.passes)
            app.simulate_key("tab" if pressed % 3 else "a")
            await asyncio.sleep(0.1)
            keys.append(timer.since(mark))
            pressed += 1
        timer.uninstall()
        step = app.importing
    app_locks = list(locks)
    locks.clear()
    # The import process runs the same transactions as an import in this process: time those.
    from pizhu.store.importer import import_paths
    from pizhu.store.maintenance import reextract

    more = work / "more"
    more.mkdir()
    for i in range(files, files + min(files, 100)):
        (more / f"report_{i:04d}.txt").write_bytes(generate(i, 11).to_bytes())
    with Store(work / "team.db") as again:
        import_paths(again, [more])
    import_locks = list(locks)
    locks.clear()

    with Store(work / "team.db") as again:
        started = time.perf_counter()
        reextract(again)
        reextract_seconds = time.perf_counter() - started
    store.close()
    print(f"imported {step.imported if step else 0} reports from {files} files; {pressed} keys pressed meanwhile")
    print("| measurement | p50 | p95 | max | target |")
    print("|---|---|---|---|---|")
    print(
        f"| event-loop lag (10 ms timer, {len(lags)} ticks) | {statistics.median(lags) * 1000:.1f} ms"
        f" | {pct(lags, 0.95) * 1000:.1f} ms | {max(lags) * 1000:.1f} ms | |"
    )
    print(
        f"| key handler + repaint ({len(keys)} keys) | {statistics.median(keys) * 1000:.1f} ms"
        f" | {pct(keys, 0.95) * 1000:.1f} ms | {max(keys) * 1000:.1f} ms | |"
    )
    print(f"| key to repaint (lag p95 + key p95) | | {(pct(lags, 0.95) + pct(keys, 0.95)) * 1000:.1f} ms | | ≤ 50 ms |")
    print(
        f"| the reviewer's write transactions ({len(app_locks)}) | {statistics.median(app_locks) * 1000:.1f} ms"
        f" | {pct(app_locks, 0.95) * 1000:.1f} ms | {max(app_locks) * 1000:.1f} ms | |"
    )
    print(
        f"| import write transactions ({len(import_locks)}) | {statistics.median(import_locks) * 1000:.1f} ms"
        f" | {pct(import_locks, 0.95) * 1000:.1f} ms | {max(import_locks) * 1000:.1f} ms | ≤ 100 ms |"
    )
    print(
        f"| reextract write transactions ({len(locks)}, {reextract_seconds:.0f} s in all)"
        f" | {statistics.median(locks) * 1000:.1f} ms | {pct(locks, 0.95) * 1000:.1f} ms"
        f" | {max(locks) * 1000:.1f} ms | ≤ 100 ms |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=200)
    args = parser.parse_args()
    asyncio.run(run(args.files))


if __name__ == "__main__":
    main()
