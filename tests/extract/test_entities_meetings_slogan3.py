"""Issue 21, slogan3: MEETING kinds the rules missed on pages they had not seen (640–843).

Every sentence is written for the test (invented bodies and places), so a rule passes only as a mechanism.
Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    ("text", "meetings"),
    [
        # A numbered session written without 会议 names a session before 的 or its members (RULINGS, wave7c, wave7a).
        ("集体提案占比从九届一次的3.5%升至九届四次的12.1%。", ["九届一次", "九届四次"]),
        ("县政协七届二次委员发言摘要", ["七届二次"]),
        # A plenum written with its ordinal and 全会 alone, 中 left out.
        ("会议还部署了县政协十一届三全会的筹备工作。", ["十一届三全会"]),
        # A term whose place holds a bracketed level (a county that became a city).
        ("政治协商会议第二届东平县(市)委员会第三次会议于1985年召开。", ["第二届东平县(市)委员会第三次会议"]),
    ],
)
def test_numbered_sessions_written_short_or_with_a_bracket(text: str, meetings: list[str]) -> None:
    assert labelled(text, "MEETING") == meetings


@pytest.mark.parametrize(
    "text",
    [
        "全面贯彻市委六届三次、四次全会精神。",  # the listed plenums stay one span (below)
    ],
)
def test_listed_plenums_stay_one_span(text: str) -> None:
    assert labelled(text, "MEETING") == ["六届三次、四次全会"]


def test_a_session_and_its_plenary_are_one_meeting() -> None:
    text = "在今天上午举行的东川县政协四次会议第三次全体会议上,委员们审议了报告。"
    assert labelled(text, "MEETING") == ["四次会议第三次全体会议"]


@pytest.mark.parametrize(
    ("text", "meetings"),
    [
        # The session named with its term, then again without it (a short form after the first mention).
        ("市政协十届三次会议于1月召开。三次会议期间,委员提交提案300件。", ["十届三次会议", "三次会议"]),
        ("县政协九届四次会议以来,共收到提案93件(四次会议提案92件)。", ["九届四次会议", "四次会议"]),
        # A count of meetings held is no session, whatever was named before.
        ("市政协十届三次会议于1月召开。今年共召开三次会议,研究重要事项。", ["十届三次会议"]),
        # Another session's number is no short form of this one.
        ("市政协十届三次会议于1月召开。四次会议期间将审议报告。", ["十届三次会议"]),
    ],
)
def test_a_session_written_again_without_its_term(text: str, meetings: list[str]) -> None:
    assert labelled(text, "MEETING") == meetings
