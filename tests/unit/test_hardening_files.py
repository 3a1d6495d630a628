"""One-line refusals for the library commands' odd arguments (issue 26)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from tests.unit.test_merge import make_target, snapshot


@pytest.mark.parametrize("year", ["²", "2⁰²³", "①", "20x3"])
def test_describe_refuses_a_year_that_is_not_digits_in_one_line(tmp_path: Path, year: str) -> None:
    db = tmp_path / "team.db"
    make_target(db)
    before = snapshot(db)
    result = CliRunner().invoke(main, ["describe", "1", "--year", year, "--db", str(db)])
    assert result.exit_code != 0 and result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "--year" in lines[0], result.output
    assert snapshot(db) == before


def test_describe_reads_a_year_in_full_width_digits(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    make_target(db)
    result = CliRunner().invoke(main, ["describe", "1", "--year", "２０２３", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "2023" in result.output
