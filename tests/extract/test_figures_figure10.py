"""figure10: a length after a word of an interval (时隔一年, 相隔三年, 阔别十年), terms of office counted
with 任 (先后委任8任县长), terms counted after a verb of serving or with a total (经历过两届, 共召开十届
政协委员会议), and a count of committees set up that no ORG swallows (成立了四个专门委员会).

Every sentence is written for the test. Rules alone.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("主席时隔一年再次来到这个村调研。", "一年"),
        ("两次会议相隔三年。", "三年"),
        ("他阔别家乡二十年后回乡投资。", "二十年"),
    ],
)
def test_a_span_after_a_word_of_an_interval_is_a_length(text: str, figure: str) -> None:
    assert figure in labelled(text, "FIGURE")


def test_a_span_without_a_word_of_length_stays_a_time_frame() -> None:
    assert labelled("这一年,县政协围绕中心工作履职。", "FIGURE") == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("至1949年,该县先后由省政府委任6任县长。", "6任"),
        ("该校先后有五任校长主持校务。", "五任"),
    ],
)
def test_terms_of_office_counted_with_ren_are_a_figure(text: str, figure: str) -> None:
    assert figure in labelled(text, "FIGURE")


@pytest.mark.parametrize(
    "text",
    ["委员3任期届满后不再连任。", "他担任第5任会长。", "全会听取了主任会议的报告。"],
)
def test_ren_as_a_word_or_an_ordinal_is_no_count(text: str) -> None:
    assert not any(f.endswith("任") for f in labelled(text, "FIGURE"))


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("人民代表会议先后召开,共经历过三届,协商委员会全体会议9次。", "三届"),
        ("他曾担任过两届县政协委员。", "两届"),
        ("县政协成立至2000年,共召开九届政协委员会议。", "九届"),
    ],
)
def test_terms_counted_after_a_verb_of_serving_or_a_total(text: str, figure: str) -> None:
    assert figure in labelled(text, "FIGURE")


def test_a_term_naming_the_body_stays_an_ordinal() -> None:
    assert labelled("会议在五届全国政协会议期间召开。", "FIGURE") == []


def test_committees_set_up_and_counted_are_a_figure() -> None:
    assert "四个" in labelled("市委会成立了四个专门委员会,使各项工作更加有序。", "FIGURE")
