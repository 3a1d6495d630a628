"""Reading commands (export, stats, agree, eval, backup, train) never create a database: a
mistyped ``--db`` or a file that is not a pizhu database is refused in one line, and
nothing is written anywhere."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "seeds-gold.jsonl"


def reading(tmp_path: Path) -> list[list[str]]:
    return [
        ["export"],
        ["export", "-o", str(tmp_path / "gold.jsonl")],
        ["stats"],
        ["agree"],
        ["eval", str(GOLD)],
        ["backup", str(tmp_path / "copy.db")],
        ["train"],
    ]


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("index", range(7))
def test_a_mistyped_db_is_refused_and_nothing_is_created(tmp_path: Path, index: int) -> None:
    """Before: an empty database was created at the typo, the command exited 0, and export
    wrote an empty gold file."""
    args = reading(tmp_path)[index]
    before = files(tmp_path)
    typo = tmp_path / "anotations.db"
    result = CliRunner().invoke(main, [*args, "--db", str(typo)])
    assert result.exit_code == 1, (args, result.output)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("pizhu: error: "), result.stderr
    assert "no such database" in result.stderr
    assert files(tmp_path) == before


def foreign(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (x TEXT)")
    connection.close()


def blank(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 1")  # an SQLite file with no table at all
    connection.close()


@pytest.mark.parametrize("make", [foreign, blank, lambda p: p.write_bytes(b"")])
@pytest.mark.parametrize("index", [0, 2, 5])
def test_a_file_that_is_not_a_pizhu_database_is_refused_untouched(tmp_path: Path, make: object, index: int) -> None:
    path = tmp_path / "other.db"
    make(path)  # type: ignore[operator]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    before = files(tmp_path)
    args = reading(tmp_path)[index]
    result = CliRunner().invoke(main, [*args, "--db", str(path)])
    assert result.exit_code == 1, (args, result.output)
    assert result.stderr.count("\n") == 1 and "not a pizhu database" in result.stderr, result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert files(tmp_path) == before
