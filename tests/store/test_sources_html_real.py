"""Real saved web pages (``tests/realfiles/web.json``) read as a person reads them: each
hand-checked expectation of each page, one test per file and expectation.

The pages are not in this repository (they belong to other projects); ``python -m
bench.realfiles fetch`` puts them in the cache, and a page not there is skipped with the
command that fetches it. An expectation the reader is known to miss is listed in the
manifest's ``known_misses`` with why, and runs as an expected failure.
"""

from __future__ import annotations

import pytest

import bench.realfiles as realfiles
from bench.realfiles.web import checks, read_pizhu

FILES = realfiles.manifest("web")
CHECKS = ("title", "date", "organisation", "paragraphs", "numbers", "nav out")


def cases() -> list[object]:
    out = []
    for rf in FILES:
        for check in CHECKS:
            key = {"paragraphs": "first", "nav out": "absent"}.get(check, check)
            if rf.expect.get(key) in (None, [], ""):
                continue
            why = rf.expect.get("known_misses", {}).get(check)
            marks = [pytest.mark.xfail(reason=why, strict=True)] if why else []
            out.append(pytest.param(rf, check, id=f"{rf.name}-{check}", marks=marks))
    return out


def test_the_manifest_holds_eight_pages_or_more() -> None:
    assert len(FILES) >= 8
    assert all(rf.sha256 and rf.licence and rf.expect.get("title") for rf in FILES)


@pytest.mark.parametrize(("rf", "check"), cases())
def test_real_page(rf: realfiles.RealFile, check: str) -> None:
    path = realfiles.path(rf)
    if path is None:
        pytest.skip(realfiles.skip_reason(rf))
    reading = read_pizhu(path)
    outcome = checks(rf.expect, reading)[check]
    assert outcome is True or outcome == 1.0, (check, outcome, reading.title, reading.date, reading.lines[:3])
