"""Issue 21, round wave8b: sessions read on unseen annals and party pages. Sentences written for the test."""

from __future__ import annotations

from pizhu.extract.pipeline import extract_spans


def meetings(text: str) -> list[str]:
    return [text[s.start : s.end] for s in extract_spans(text) if s.label == "MEETING"]


def test_a_plenary_of_members_or_delegates_may_be_enlarged_or_of_delegates() -> None:
    # 全体委员(扩大)会议, 全体代表会议: the plenary of a committee's members (enlarged) or of a conference's delegates.
    assert meetings("九三学社某市委在某市召开六届六次全体委员(扩大)会议。") == ["六届六次全体委员(扩大)会议"]
    assert "第一次全体代表会议" in meetings("某省首届各界人民代表会议第一次全体代表会议在某市召开。")


def test_the_plenaries_read_before_still_read() -> None:
    assert meetings("召开六届六次全体委员会议。") == ["六届六次全体委员会议"]
    assert meetings("召开五届五次全委(扩大)会议。") == ["五届五次全委(扩大)会议"]
