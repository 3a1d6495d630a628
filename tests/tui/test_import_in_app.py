"""``pizhu open PATH...``: the library shows at once and fills in while a worker imports."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from pizhu.store.db import Store
from pizhu.tui.app import make_app
from pizhu.tui.screens.library import LibraryScreen
from pizhu.tui.screens.reader import ReaderScreen

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# How long to wait for the import child, in 50 ms polls: a bound for a loaded machine
# (CI shares 2 cores), not a speed target; bench/bench_import_app.py measures speed.
WAIT = 2400


async def test_the_library_fills_in_while_the_import_runs(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for n, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        shutil.copy(seed, folder / f"{n}_{seed.name}")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    store = Store(tmp_path / "new.db")
    app = make_app(store, "ann", imports=(str(folder),))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)  # shown before the import is through
        for _ in range(WAIT):
            step = app.importing
            if step is not None and step.finished:
                break
            await asyncio.sleep(0.05)
        await pilot.pause()
        assert app.importing is not None and app.importing.finished and app.importing.imported == 6
        table = screen.query_one(DataTable)
        assert table.row_count == 6
        title = str(screen.query_one("#library-title", Static).content)
        assert "6/6 documents" in title and "importing" not in title
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
    with Store(tmp_path / "new.db") as check:
        assert len(check.document_ids()) == 6
    store.close()


async def test_a_report_opens_while_others_still_import(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text("utf-8")
    for n in range(40):  # distinct bytes: each file its own report
        (folder / f"r{n:03d}.txt").write_text(seed + f"\n（第{n}稿）\n", "utf-8")
    store = Store(tmp_path / "new.db")
    app = make_app(store, "ann", imports=(str(folder),))
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(400):  # the first report imported is a row of the library's, as a reviewer sees it
            if app.importing is not None and app.importing.imported >= 1 and app.screen.query_one(DataTable).row_count:
                break
            await asyncio.sleep(0.05)
        await pilot.pause()
        assert app.importing is not None and not app.importing.finished
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("a")
        await pilot.pause()
        assert "confirmed" in app.screen.message
    store.close()


# Loaded by the import process at start-up (PYTHONPATH): extraction raises on one file's
# text there, as a rule bug would, in the real background process the app starts.
_FAULT_HOOK = """
import pizhu.extract.pipeline

_real = pizhu.extract.pipeline.extract_spans


def _extract_spans(text, **kwargs):
    if "毒丸" in text:
        raise ValueError("invalid literal for int() with base 10: 'NN.N'")
    return _real(text, **kwargs)


pizhu.extract.pipeline.extract_spans = _extract_spans
"""


async def test_a_file_that_breaks_extraction_is_refused_and_the_rest_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(_FAULT_HOOK, "utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(hook), os.environ.get("PYTHONPATH")])))
    folder = tmp_path / "reports"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    shutil.copy(seeds[0], folder / "a_good.txt")
    (folder / "b_bad.txt").write_text(seeds[1].read_text("utf-8") + "\n毒丸\n", "utf-8")
    shutil.copy(seeds[2], folder / "c_good.txt")
    store = Store(tmp_path / "new.db")
    app = make_app(store, "ann", imports=(str(folder),))
    notices: list[str] = []
    real_notify = app.notify

    def notify(message: str, **kwargs: object) -> None:
        notices.append(message)
        real_notify(message, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "notify", notify)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(WAIT):
            if app.importing is not None and app.importing.finished:
                break
            await asyncio.sleep(0.05)
        await pilot.pause()
        step = app.importing
        assert step is not None and step.finished and not step.error
        assert step.done == 3
    refusals = [n for n in notices if "b_bad.txt" in n]
    assert len(refusals) == 1 and "\n" not in refusals[0]
    reason = "extraction failed: ValueError: invalid literal for int() with base 10: 'NN.N'"
    assert refusals[0].endswith(f"b_bad.txt: {reason}")
    with Store(tmp_path / "new.db") as check:
        ids = check.document_ids()
        assert {Path(check.document(i).source).name for i in ids} == {"a_good.txt", "c_good.txt"}
        assert step.imported == len(ids) >= 2
    store.close()
