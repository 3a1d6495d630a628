"""Real Word files (``tests/realfiles/docx.json``) read as a person reads them: each
hand-checked expectation of each file, one test per file and expectation.

The files are not in this repository (they belong to other projects); ``python -m
bench.realfiles fetch`` puts them in the cache, and a file not there is skipped with the
command that fetches it (those from git mirrors are never fetched in CI).
"""

from __future__ import annotations

import pytest

import bench.realfiles as realfiles
from bench.realfiles.docx import checks, read_pizhu

FILES = realfiles.manifest("docx")
CHECKS = {
    "title": "title",
    "organisation": "organisation",
    "first": "first",
    "last": "last",
    "rows": "rows",
    "merged once": "once",
    "placeholders": "placeholders",
    "numbers": "numbers",
}


def cases() -> list[object]:
    return [
        pytest.param(rf, check, id=f"{rf.name}-{check}")
        for rf in FILES
        for check, key in CHECKS.items()
        if key in rf.expect and rf.expect[key] not in ([],)
    ]


def test_the_manifest_holds_three_word_files_or_more() -> None:
    assert len(FILES) >= 3
    assert sum(1 for rf in FILES if rf.in_ci) >= 1  # CI fetches some of them
    assert all(rf.sha256 and rf.licence for rf in FILES)


@pytest.mark.parametrize(("rf", "check"), cases())
def test_real_word_file(rf: realfiles.RealFile, check: str) -> None:
    path = realfiles.path(rf)
    if path is None:
        pytest.skip(realfiles.skip_reason(rf))
    reading, placeholders = read_pizhu(path)
    outcome = checks(rf.expect, reading, placeholders)[check]
    assert outcome is True or outcome == 1.0, (check, outcome, reading.title, reading.lines[:3], placeholders)
