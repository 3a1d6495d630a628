"""Issue 21, round wave7b: kinds seen on unseen city, district and county standing-committee reports (texts
808–817), checked against the whole dev half.

Sentences are written for the test, never copied from the round's texts. Rules alone unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- 中心 before 城市 or 城区 makes a kind of city (a central city), no centre as a body -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "为加快建设西部区域中心城市贡献力量。",
        "助推省域副中心城市建设,打造核心城区。",
        "在建设国家区域中心城市核心城区中展现作为。",
        "加快建设南疆重要中心城区。",
    ],
)
def test_a_centre_before_city_is_no_body(text: str) -> None:
    assert not any(o.endswith("中心") for o in labelled(text, "ORG"))


def test_a_centre_named_as_a_body_stays() -> None:
    assert "县融媒体中心" in labelled("县融媒体中心记者报道。", "ORG")


# --- a reign title followed by 一年来 is a name and the past year, no reign year ------------------------------------


@pytest.mark.parametrize("text", ["区政协主席王建文一年来带领委员履职。", "县长李永乐一年来多次调研。"])
def test_year_then_lai_is_no_reign_year(text: str) -> None:
    assert not any(d.endswith("年") and len(d) > 2 for d in labelled(text, "DATE"))


def test_a_reign_year_still_reads() -> None:
    assert "万历十年" in labelled("该寺始建于万历十年,后几经修缮。", "DATE")


# --- a page's 字体 (font-size switch) after a count is no unit: 浏览次数:845字体 ------------------------------------


@pytest.mark.parametrize("text", ["发布时间:2023-05-06浏览次数:845字体:大中小", "阅读次数:1203字体:【大】【中】【小】"])
def test_font_switch_is_no_unit(text: str) -> None:
    assert not any(f.endswith("字") for f in labelled(text, "FIGURE"))


def test_characters_counted_stay() -> None:
    assert "3000字" in labelled("他撰写调研报告3000字,提出建议5条。", "FIGURE")


# --- 主席 before a transliterated name: the title's 席 is no part of the name ---------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("州政协主席哈力木拉提·马木提,副主席王强、张伟在主席台前排就座。", "哈力木拉提·马木提"),
        ("县政协副主席阿不都热合曼·吐尔逊主持会议。", "阿不都热合曼·吐尔逊"),
    ],
)
def test_a_title_s_last_character_is_no_part_of_a_dotted_name(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


# --- 面 counts flags: a Chinese numeral + 面 before 旗 in its clause is a FIGURE (十面红旗), no other 面 is ---


@pytest.mark.parametrize(
    ("text", "figure"), [("会场两侧八面红旗排开。", "八面"), ("主席台两侧十面鲜艳的红旗分列。", "十面")]
)
def test_flags_counted_by_mian(text: str, figure: str) -> None:
    assert figure in labelled(text, "FIGURE")


@pytest.mark.parametrize(
    "text",
    [
        "委员们从四面八方赶来。",
        "他从两面看问题,红旗插上山头。",
        "全面从严治党,方方面面。",
        "高举爱国主义和社会主义两面旗帜。",
    ],
)
def test_mian_without_a_flag_counts_nothing(text: str) -> None:
    assert not any(f.endswith("面") for f in labelled(text, "FIGURE"))


# --- the ORG tagger grows no body over a preposition written right after a whole body (市政协在…党委) -------------


@pytest.mark.parametrize(
    "text",
    [
        "报告指出,2023年,市政协在师市党委的坚强领导下,坚持学习。",
        "一年来,县政协在垦区党工委的领导下,认真履职。",
    ],
)
def test_tagger_grows_no_body_over_zai(text: str) -> None:
    assert not any("在" in o for o in labelled(text, "ORG", model=True))


def test_apply_keeps_a_grown_body_without_a_preposition() -> None:
    from pizhu.extract import orgtagger
    from pizhu.extract.models import Span

    text = "市政协提案委员会召开会议。"
    spans = [Span(0, 3, "ORG", "市政协", rule="r")]
    grown = orgtagger.apply(text, spans, [(0, 8, 0.99)])
    assert [s.text for s in grown if s.label == "ORG"] == ["市政协提案委员会"]
    blocked = orgtagger.apply("市政协在县委指导下", [Span(0, 3, "ORG", "市政协", rule="r")], [(0, 7, 0.99)])
    assert [s.text for s in blocked if s.label == "ORG"] == ["市政协"]
