"""Issue 21, wave9a: kinds of miss the unseen pages 892–903 showed.

- the standing committee is no named committee with a short form of its own: after a chain that holds
  `常务委员会` (州政协十一届常务委员会), a bare `常委会` (常委会组成人员, 及其常委会) is the generic word
  (GUIDELINES: generic units are no ORG; RULINGS: bare 常委会 names no body), while a named committee's short
  form after its full name (社法委 after 县政协社会和法制委员会) is still read;
- a two-character name that is one character written twice (殷殷嘱托, 谆谆教诲) is a reduplicated word, no
  person.

Every sentence is written for the test (invented bodies and people), so a rule passes only as a mechanism.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    "text",
    [
        "五年来,某州政协十一届常务委员会团结带领委员履职。常委会组成人员积极参加政协各种会议。",
        "某县政协第九届委员会常务委员会向大会报告工作。一年来,县政协及其常委会认真履职,常委会成员带头调研。",
    ],
)
def test_bare_standing_committee_after_its_full_name_is_no_body(text: str) -> None:
    assert "常委会" not in labelled(text, "ORG")


def test_a_named_committees_short_form_is_still_read() -> None:
    text = "县政协社会和法制委员会组织委员调研。社法委将召开座谈会。"
    assert "社法委" in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("我们牢记总书记殷殷嘱托,奋力推进某地建设。", "殷殷"),
        ("委员们牢记领导谆谆教诲,履职尽责。", "谆谆"),
    ],
)
def test_a_character_written_twice_is_no_name(text: str, word: str) -> None:
    assert word not in labelled(text, "PERSON", model=True)


def test_a_listed_name_with_wei_or_xiang_in_the_middle_counts_toward_a_list_of_names() -> None:
    # 刘向军: a common surname and a given name opening with 向 is a name of the list, so the list of six, two of
    # them Tibetan names the surname table cannot vouch for, is read as names.
    text = "大会执行主席王文庆、刘向军、扎西才旦、利加、赛措、李继浩在主席台前排就座。"
    names = labelled(text, "PERSON")
    for name in ("王文庆", "刘向军", "扎西才旦", "利加", "赛措", "李继浩"):
        assert name in names


def test_a_list_of_topics_stays_no_list_of_names() -> None:
    text = "委员们围绕向前进、为人民、乡村振兴、文化旅游建言献策。"
    assert labelled(text, "PERSON") == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("教材中全面落实『十四年抗战』概念。", "十四年"),
        ("从人们常说的“八年抗战”变为新的表述。", "八年"),
        ("为了消除十年动乱造成的严重后果,各界团结一致。", "十年"),
    ],
)
def test_the_length_of_a_named_period_is_a_figure(text: str, figure: str) -> None:
    # RULINGS: “八年抗战”, “十四年抗战” give FIGURE 八年, 十四年 (the length of a named period, as 十年动乱).
    assert figure in labelled(text, "FIGURE")


@pytest.mark.parametrize("text", ["开展三年行动,推进乡村振兴。", "“三抓三促”行动扎实推进。"])
def test_a_programme_of_years_stays_no_figure(text: str) -> None:
    assert labelled(text, "FIGURE") == []


@pytest.mark.parametrize("model", [False, True])
def test_a_place_opening_a_conference_centres_name_is_part_of_the_venue(model: bool) -> None:
    # RULINGS: a city that opens a convention centre's own name is part of the venue, no GPE (香港会议展览中心).
    text = "大会在黄南州会议中心举行。"
    assert "黄南州" not in labelled(text, "GPE", model=model)


def test_a_city_before_a_venue_named_without_it_keeps_its_place() -> None:
    assert "北京" in labelled("会议在北京人民大会堂隆重开幕。", "GPE", model=True)
