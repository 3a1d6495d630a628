"""Issue 21, wave8a: kinds of miss the unseen pages 844–855 showed (a report mix from thin provinces).

- A count of the great tasks a body is given, ``N件大事``, is a numbered formula unquoted too (RULINGS: numbered
  watchwords are SLOGAN quoted or not; 452, 624 and 853 have ``自治区两件大事``, ``办好两件大事`` bare). Inside a
  quotation it is left to the quoted path (``“补齐三大短板、干好三件大事”`` is one list of verb-led items).
- The great tasks a leader assigns a place, ``交给某地的N大任务`` (or ``赋予``), are a numbered formula (452, 624, 855);
  ``N大任务`` without the assigning verb stays prose (``为八十年代三大任务而奋斗``).
- A quoted numbered kind of CPPCC a body means to be (``“五度政协”``, as ``“五型政协”``) is a SLOGAN wherever it stands,
  ``建设`` after it included (RULINGS: a quoted kind of CPPCC is a SLOGAN; a numbered formula is never an activity's
  name).
- A league's CPPCC with its term (``政协某某盟第九届委员会第二次会议``) gives ORG ``政协某某盟``: 盟 is a
  prefecture-level division as 州 is (the division table's levels), so the termed CPPCC's level characters hold it.

Every sentence is written for the test (invented places and bodies), so a rule passes only as a mechanism.
Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("旗政协围绕自治区两件大事开展专题协商。", "两件大事"),
        ("委员们聚焦办好三件大事积极建言。", "三件大事"),
        ("全力完成好总书记交给青川省的五大任务。", "五大任务"),
        ("紧扣中央赋予本区的四大任务谋划工作。", "四大任务"),
    ],
)
def test_an_unquoted_count_of_great_tasks_is_a_slogan(text: str, formula: str) -> None:
    assert formula in labelled(text, "SLOGAN")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("这是关系全局的一件大事。", "一件大事"),
        ("为八十年代三大任务而奋斗。", "三大任务"),
        ("会议把全年工作分解为三大任务。", "三大任务"),
        ("提出“补齐三大短板、干好三件大事、守住三条底线”的要求。", "三件大事"),
    ],
)
def test_great_tasks_without_their_cue_stay_prose(text: str, wrong: str) -> None:
    assert wrong not in labelled(text, "SLOGAN")


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("努力建设服务各界有温度的“六度政协”。", "六度政协"),
        ("深入推进“四度政协”建设,提升履职水平。", "四度政协"),
    ],
)
def test_a_quoted_numbered_kind_of_cppcc_is_a_slogan(text: str, formula: str) -> None:
    assert formula in labelled(text, "SLOGAN")


def test_a_quoted_activity_of_the_cppcc_stays_none() -> None:
    assert "书香政协" not in labelled("深化“书香政协”建设,组织委员读书。", "SLOGAN")


def test_a_leagues_termed_cppcc_is_one_org_before_its_meeting() -> None:
    text = "政协青川盟第九届委员会第二次会议以来,盟政协开展协商8次。"
    assert "政协青川盟" in labelled(text, "ORG")
    assert "第九届委员会第二次会议" in labelled(text, "MEETING")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("市政协会议期间共收到提案300件。提案法制委员会对全部提案进行了审查。", "提案法制委员会"),
        ("县政协十届二次会议收到提案120件,经提案和学习委员会审查,立案110件。", "提案和学习委员会"),
    ],
)
def test_a_proposal_committee_joined_with_another_field_is_one_org(text: str, body: str) -> None:
    """The CPPCC's proposal committee joined with a second field (提案法制委员会, 提案和学习委员会), bare where
    the report names a 政协, is the committee by its own name as 提案委员会 is (RULINGS: 821, 848)."""
    assert body in labelled(text, "ORG")


def test_a_proposal_committee_after_a_content_word_stays_none() -> None:
    assert "提案法制委员会" not in labelled("市政协委员认真学习提案法制委员会的规则。", "ORG")
