"""Benchmark of the review app, in-process with Textual's Pilot.

1. First paint: a fresh Python process imports the app, opens the seeds' database and
   renders the library at 80×24; the time runs from interpreter start-up work
   (``import tui.app``) to the first frame the compositor has rendered.
2. Confirm and move on, in a section of 500 highlighted spans: for each ``a`` press,
   the time in the action (store write and commit included) plus the compositor
   rendering the changed regions and turning them into terminal output, i.e. the
   frame a terminal would get. Pilot's own waiting is reported separately.

Usage: python -m bench.bench_tui [--presses 200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.harness import RenderTimer

ROOT = Path(__file__).resolve().parents[1]

FIRST_PAINT = """
import time, sys, asyncio
from tests.harness import first_paint
t0 = time.perf_counter()
from pizhu.store.db import Store
from pizhu.tui.app import make_app
async def main():
    app = make_app(Store({db!r}), "bench")
    with first_paint(app) as painted:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert type(app.screen).__name__ == "LibraryScreen"
            print((painted[0] if painted else time.perf_counter()) - t0)
            print("jieba" in sys.modules)
asyncio.run(main())
"""


def first_paint(db: Path, runs: int = 5) -> tuple[list[float], bool]:
    times = []
    jieba = False
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", FIRST_PAINT.format(db=str(db))],
            cwd=ROOT,  # -c puts the current folder first on the path: tests.harness is found there
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        times.append(float(out[0]))
        jieba = jieba or out[1] == "True"
    return times, jieba


def big_section_store(path: Path, spans: int = 500):
    from pizhu.extract.document import prepare
    from pizhu.extract.models import Span
    from pizhu.store.db import Store

    body = "".join(f"第{i}组委员全年召开会议{i % 9 + 2}次,征集提案{i * 3 + 5}件。" for i in range(spans // 2))
    draft = prepare("测试报告\n\n一、履职情况\n\n" + body + "\n")[0]
    import re

    made = [
        Span(m.start(), m.end(), "FIGURE", m.group(), {"value": 1, "unit": "次"}, "bench", 0.5)
        for m in re.finditer(r"\d+[次件]", draft.text)
    ]
    store = Store(path)
    store.add_document("bench.txt", "utf-8", draft, made, "bench")
    assert len(draft.sections) == 1 and len(made) == spans
    return store


async def confirm_and_move(path: Path, presses: int) -> dict[str, list[float]]:
    from pizhu.tui.app import make_app
    from pizhu.tui.screens.reader import ReaderScreen

    store = big_section_store(path)
    app = make_app(store, "bench")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_reader(1)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert len(screen.doc.spans_in(screen.section)) == 500  # type: ignore[union-attr]

        handler = RenderTimer().install(app, screen, ("action_confirm",), terminal_output=False)
        passes = RenderTimer().install(app, screen)  # layout and render passes, with terminal output
        repaint: list[float] = []
        end_to_end: list[float] = []
        for _ in range(presses):
            await pilot.pause()
            before = len(passes.passes)
            t = time.perf_counter()
            await pilot.press("a")
            await pilot.pause()
            end_to_end.append(time.perf_counter() - t)
            # Work for this press: the action, then every layout and render pass it caused.
            repaint.append(handler.passes[-1] + passes.since(before))
        decided = sum(1 for s in store.spans(1, "bench") if s.status == "confirmed")
        assert decided == presses, decided
    return {"handler": handler.passes, "repaint": repaint, "pilot_end_to_end": end_to_end}


def ms(values: list[float]) -> str:
    values = sorted(values)
    return (
        f"median {statistics.median(values) * 1000:.2f} ms, p90 {values[int(len(values) * 0.9)] * 1000:.2f} ms,"
        f" max {values[-1] * 1000:.2f} ms (n={len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from tests.tui.seedspans import seed_store

    with tempfile.TemporaryDirectory() as folder:
        seeds_db = Path(folder) / "seeds.db"
        seed_store(seeds_db).close()
        paint, jieba = first_paint(seeds_db)
        timings = asyncio.run(confirm_and_move(Path(folder) / "big.db", args.presses))
    result = {
        "first_paint_ms_median": statistics.median(paint) * 1000,
        "confirm_next_repaint_ms_median": statistics.median(timings["repaint"]) * 1000,
        "confirm_handler_ms_median": statistics.median(timings["handler"]) * 1000,
        "pilot_press_ms_median": statistics.median(timings["pilot_end_to_end"]) * 1000,
        "jieba_imported": jieba,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"first paint, seeds database, 80x24 (fresh process, imports included): {ms(paint)}")
    print(f"  jieba imported before first paint: {jieba}")
    print("confirm + move to next pending, section of 500 highlighted spans, 80x24:")
    print(f"  action (store commit + state + panel):     {ms(timings['handler'])}")
    print(f"  action + its repaint (layout, render, terminal output): {ms(timings['repaint'])}")
    print(f"  Pilot press + pause (includes Pilot's idle waits, not a frame): {ms(timings['pilot_end_to_end'])}")


if __name__ == "__main__":
    main()
