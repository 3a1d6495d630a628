"""Issue 21, round mix4: kinds seen on unseen older pages (2003–2013) from the provinces the corpus had least of
(texts 736–747).

Sentences are written for the test. Places come from the divisions table (a rule about a table's kinds needs its
rows), never from the round's texts. Rules alone unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- a province written together with one of its cities, as one word the tokenizer made of them ----------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("委员们到贵州遵义考察红色文化。", "贵州遵义"),
        ("调研组赴广西桂林调研旅游产业。", "广西桂林"),
        ("部分委员到江苏南通考察学习。", "江苏南通"),
    ],
)
def test_a_province_and_its_city_in_one_word_are_one_chain(text: str, place: str) -> None:
    assert labelled(text, "GPE") == [place]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("两地委员在广东福建交流。", ["广东", "福建"]),  # two provinces side by side stay two places
        ("委员们学习中国特色社会主义理论。", ["中国"]),  # the rest of the word is no division
    ],
)
def test_a_word_after_a_province_that_is_no_division_of_it_stays_apart(text: str, places: list[str]) -> None:
    assert labelled(text, "GPE") == places


# --- 民办, 公办: who runs a school or a kindergarten, no office's short name (市侨办, 县扶贫办) -------------------


@pytest.mark.parametrize("text", ["调研组对某某市民办学前教育情况进行调研。", "委员们视察了青山县公办幼儿园。"])
def test_who_runs_a_school_is_no_office(text: str) -> None:
    assert not any(o.endswith("办") for o in labelled(text, "ORG"))


def test_an_office_by_its_short_name_still_reads() -> None:
    assert "县扶贫办" in labelled("县扶贫办负责同志介绍了情况。", "ORG")


# --- …、某某和常委21人: the conjunction before the next post or role closes a list, no name's last character ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("副主委郑一鸣、钱宏远、孙丽和常委18人出席会议。", "孙丽"),
        ("分别由区政协主席冯岚和副主席程立国带队。", "冯岚"),
    ],
)
def test_a_conjunction_before_a_post_is_no_part_of_the_name(text: str, name: str) -> None:
    found = labelled(text, "PERSON")
    assert name in found
    assert name + "和" not in found


def test_a_name_ending_in_he_with_its_form_of_address_keeps_it() -> None:
    assert "李保和" in labelled("县委书记李保和同志出席会议并讲话。", "PERSON")


# --- 区十二届政协常委会, 县第五届人民代表大会: a level, the term and the body's standing committee or full name ------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("张某代表区十二届政协常委会作《工作报告》。", "区十二届政协常委会"),
        ("委员们列席了县第五届人民代表大会第二次会议。", "县第五届人民代表大会"),
    ],
)
def test_a_level_the_term_and_the_body_are_one_org(text: str, org: str) -> None:
    assert org in labelled(text, "ORG")
