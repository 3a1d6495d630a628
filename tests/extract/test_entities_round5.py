"""Issue 21, fifth round: mechanisms found on the dev texts 150–167 and the dev half's known misses.

Every sentence is written for the test (invented people; real places and bodies only where the
rule is about them), so a rule passes only as a mechanism. Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from pizhu.extract.pipeline import extract_spans


def labelled(text: str, label: str) -> list[str]:
    spans = extract_spans(text, model=False)
    for s in spans:
        assert text[s.start : s.end] == s.text
    return [s.text for s in spans if s.label == label]


# --- ORG: a party's own one-character short form before its organ ----------------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("九三学社召开会议。社市委副主委韩立平出席会议。", "社市委"),
        ("九三学社某市委换届。马志远代表社省委对大会的召开表示祝贺。", "社省委"),
        ("九三学社中央副主席出席。社中央对社上海市委寄予厚望。", "社中央"),
        ("九三学社中央副主席出席。社中央对社上海市委寄予厚望。", "社上海市委"),
        ("台盟某市委在中共某市委和盟省委的领导下开展工作。", "盟省委"),
    ],
)
def test_a_party_short_form_before_its_organ_is_one_org(text: str, org: str) -> None:
    assert org in labelled(text, "ORG")


def test_fellow_committees_of_a_party_are_a_plural() -> None:
    orgs = labelled("九三学社某市委换届,省内兄弟社市委发来贺信。", "ORG")
    assert "社市委" not in orgs


def test_the_short_form_needs_the_party_named_in_the_text() -> None:
    assert "社市委" not in labelled("合作社市委书记到场。", "ORG")


# --- PERSON: a function word or a verb glued to a name ---------------------------------------


def test_a_preposition_before_a_name_found_elsewhere_is_no_part_of_it() -> None:
    text = "会议选举程卫东为主任委员。向程卫东、李佳慧表示祝贺。"
    assert labelled(text, "PERSON") == ["程卫东", "程卫东", "李佳慧"]


def test_a_verb_ending_in_a_surname_before_a_list_is_no_part_of_the_first_name() -> None:
    text = "他祝贺程伟、李佳慧当选。"
    assert labelled(text, "PERSON") == ["程伟", "李佳慧"]


def test_the_first_item_of_a_list_after_a_preposition_is_the_name_alone() -> None:
    text = "会议选举产生了新一届委员会。由王志远、陈建华、赵长海、郭明组成。"
    assert labelled(text, "PERSON")[:2] == ["王志远", "陈建华"]


def test_a_speech_verb_after_a_two_character_name_is_no_part_of_it() -> None:
    assert labelled("市委常委、统战部部长、副市长黄菱说,要继续努力。", "PERSON") == ["黄菱"]


# --- PERSON: list items with a bracketed note --------------------------------------------------


def test_names_with_a_bracketed_note_in_a_list_are_names() -> None:
    text = "当选委员:王志远、冯彩霞(女)、李枝梅(女)、杨林军、何晓云(女)、余飞。"
    assert labelled(text, "PERSON") == ["王志远", "冯彩霞", "李枝梅", "杨林军", "何晓云", "余飞"]


def test_names_with_a_post_note_in_brackets_are_names() -> None:
    text = "主委郑建明,副主委江国平(兼职)、甘海涛(专职)、黄晓春(兼职),秘书长粘少华。"
    assert ["江国平", "甘海涛", "黄晓春"] == [n for n in labelled(text, "PERSON") if n[0] in "江甘黄"]
