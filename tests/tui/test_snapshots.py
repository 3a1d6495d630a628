"""A few SVG snapshots at 80×24: library, reader, label picker.

Skipped when pytest-textual-snapshot is not installed (it may be unavailable offline).
SVG draws double-width characters unreliably, so Chinese text state is asserted with
Pilot in the other tests; these catch layout regressions (footer, panel, heading).
Update with ``pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("pytest_textual_snapshot")

from textual.pilot import Pilot

from pizhu.tui.app import PizhuApp
from tests.harness import SIZE, settled


def test_library(app: PizhuApp, snap_compare: Any) -> None:
    async def read(pilot: Pilot) -> None:
        await settled(app, pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=read)


def test_reader(app: PizhuApp, snap_compare: Any) -> None:
    async def open_first(pilot: Pilot) -> None:
        await settled(app, pilot)
        await pilot.press("enter")
        await settled(app, pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_first)


def test_label_picker(app: PizhuApp, snap_compare: Any) -> None:
    async def open_picker(pilot: Pilot) -> None:
        await settled(app, pilot)
        await pilot.press("enter")
        await settled(app, pilot)
        await pilot.press("l")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_picker)
