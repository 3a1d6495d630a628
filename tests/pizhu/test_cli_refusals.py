"""One-line refusals for the library commands' odd arguments (issue 26)."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from tests.store.test_merge import make_target, snapshot


@pytest.mark.parametrize("year", ["²", "2⁰²³", "①", "20x3"])
def test_describe_refuses_a_year_that_is_not_digits_in_one_line(tmp_path: Path, year: str) -> None:
    db = tmp_path / "team.db"
    make_target(db)
    before = snapshot(db)
    result = CliRunner().invoke(main, ["describe", "1", "--year", year, "--db", str(db)])
    assert (result.exit_code != 0 and result.exception is None) or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "--year" in lines[0], result.output
    assert snapshot(db) == before


def test_describe_reads_a_year_in_full_width_digits(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    make_target(db)
    result = CliRunner().invoke(main, ["describe", "1", "--year", "２０２３", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "2023" in result.output


# --- export and merge temporary files ------------------------------------------------------


def test_an_export_temp_file_has_the_target_mode_while_it_is_written(tmp_path: Path) -> None:
    from pizhu.store import fileio

    target = tmp_path / "gold.jsonl"
    target.write_text("old\n")
    target.chmod(0o640)
    with fileio.replacing(target) as out:
        out.write(b"new\n")
        temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert len(temps) == 1
        assert stat.S_IMODE(temps[0].stat().st_mode) == 0o640
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text() == "new\n"


def test_a_read_only_target_is_refused_and_left_alone(tmp_path: Path) -> None:
    from pizhu.store import fileio

    target = tmp_path / "gold.jsonl"
    target.write_text("keep\n")
    target.chmod(0o444)
    with pytest.raises(fileio.OutputError) as info, fileio.replacing(target) as out:
        out.write(b"new\n")
    assert "read-only" in str(info.value)
    assert target.read_text() == "keep\n" and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_an_export_left_behind_by_a_kill_is_cleaned_up_by_the_next(tmp_path: Path) -> None:
    from pizhu.store import fileio

    target = tmp_path / "gold.jsonl"
    stale = tmp_path / ".gold.jsonl.0badf00d.tmp"
    stale.write_text("half an export")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    other = tmp_path / ".other.jsonl.0badf00d.tmp"  # another target's: not ours to remove
    other.write_text("x")
    os.utime(other, (old, old))
    fileio.write_text(target, ["ok\n"])
    assert not stale.exists() and other.exists() and target.read_text() == "ok\n"


def test_a_merge_copy_left_behind_by_a_kill_is_cleaned_up_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pizhu.store.db import Store
    from pizhu.store.merge import merge

    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    stale = temp / "pizhu-merge-deadbeef"
    stale.mkdir()
    (stale / "other.db").write_bytes(b"a killed merge's copy")
    target, other = tmp_path / "team.db", tmp_path / "li.db"
    make_target(target)
    make_target(other)
    with Store(target) as team:
        merge(team, other)
    assert list(temp.iterdir()) == []


class _Pipeline:
    def to_disk(self, path: Path) -> None:
        (Path(path) / "meta.json").write_text("{}")


def test_a_trained_model_folder_gets_the_mode_a_new_folder_gets(tmp_path: Path) -> None:
    from pizhu.store.train import save_model

    old = os.umask(0o022)
    try:
        save_model(_Pipeline(), tmp_path / "model")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "model").stat().st_mode) == 0o755


def test_a_replaced_model_folder_keeps_its_mode(tmp_path: Path) -> None:
    from pizhu.store.train import save_model

    save_model(_Pipeline(), tmp_path / "model")
    (tmp_path / "model").chmod(0o750)
    save_model(_Pipeline(), tmp_path / "model")
    assert stat.S_IMODE((tmp_path / "model").stat().st_mode) == 0o750
