"""Fixtures for the Pilot tests: a seeded database file per test, and the app on it.

The seeds are imported once per session into a template file that each test copies,
so every test checks a real SQLite file of its own after each action.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from pizhu.store.db import Store
from pizhu.tui.app import PizhuApp, make_app
from tests.harness import written
from tests.tui.seedspans import seed_store

REVIEWER = "ann"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "seeds.db"
    seed_store(path).close()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "review.db"
    shutil.copy(template_db, path)
    return path


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    store = Store(db_path)
    yield store
    store.close()


@pytest.fixture
def check(db_path: Path) -> Iterator[Store]:
    """A second connection to the same file: what it sees was committed."""
    other = Store(db_path)
    yield other
    other.close()


@pytest.fixture(autouse=True)
def no_user_keymap(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A developer's own ~/.config/pizhu/keys.toml must not change what the tests press.
    monkeypatch.setenv("PIZHU_KEYS", str(tmp_path / "no-keys.toml"))


@pytest.fixture(autouse=True)
def press_waits_for_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """``pilot.press`` returns once the decisions its keys made are written (the app writes
    them off the key path, see tui/writer.py), so a test reads the file as a reviewer who
    saw "saved" would. ``tests.harness.burst`` sends keys without waiting."""
    real = Pilot.press

    async def press(self: Pilot[object], *keys: str) -> None:
        await real(self, *keys)
        await written(self.app, self)

    monkeypatch.setattr(Pilot, "press", press)


@pytest.fixture
def app(store: Store) -> PizhuApp:
    return make_app(store, REVIEWER)
