"""The import command's messages: one line per refused file, one line for a database that cannot be written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.store.db import Store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_a_read_only_database_stops_the_import_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "t.db"
    Store(db).close()

    def readonly(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(Store, "_insert_machine_spans", readonly)
    result = CliRunner().invoke(main, ["import", str(SEEDS), "--db", str(db), "--no-extract"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"pizhu: error: {db}: the database is read-only; nothing was written"]
    with Store(db) as store:
        assert store.document_ids() == []


def test_control_characters_in_a_file_name_are_not_sent_to_the_terminal(tmp_path: Path) -> None:
    evil = tmp_path / "bad\x1b[2Jname.txt"
    evil.write_bytes(b"\x00\x01")
    result = CliRunner().invoke(main, ["import", str(evil), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr
    assert "bad\u241b[2Jname.txt" in result.stderr  # ESC shown as its picture, ␛
