"""Training from the app (issue 24): ctrl+t trains in a worker, the foot says how far it is,
the app stays usable, and the end is told and the progress read again."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

import pizhu.store.train as train_module
from pizhu.store.db import Store
from pizhu.tui.app import PizhuApp
from pizhu.tui.widgets.save_line import SaveLine
from tests.harness import settled


async def test_ctrl_t_trains_in_the_background_with_progress_at_the_foot(
    app: PizhuApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    calls: list[Path] = []

    def fake(store: Store, out: Any, options: Any = None, progress: Any = None, on_document: Any = None) -> Any:
        progress(train_module.Progress(stage="training", run="", epoch=1, epochs=3, step=5, steps=40))
        gate.wait(10)
        calls.append(Path(out))

        class Result:
            total = train_module.LabelScore("all", 3, 1, 1)

        return Result(), 2

    monkeypatch.setattr(train_module, "train_and_propose", fake)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        app.open_reader(1)
        await settled(app, pilot)
        version = app.progress_version
        await pilot.press("ctrl+t")
        for _ in range(50):
            await pilot.pause(0.05)
            if "epoch 1/3" in app.training:
                break
        line = app.screen.query_one(SaveLine)
        line.show()
        assert line.display and "training: epoch 1/3" in str(line.render())
        await pilot.press("tab")  # the app stays usable meanwhile
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.training == "" and calls and calls[0].name.endswith("-model")
        assert app.progress_version > version
