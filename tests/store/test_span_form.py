"""Each label's grammar of form (``store.span_form``): evidence for ``pizhu check --model``
that holds for names no model knows."""

from __future__ import annotations

import pytest

from pizhu.store.span_form import fits, generic, place_chain, sure_org


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("PERSON", "高云龙"),
        ("PERSON", "欧阳明"),
        ("PERSON", "帕巴拉·格列朗杰"),
        ("ORG", "城中区政协"),
        ("ORG", "政协鱼台县"),
        ("ORG", "民革北京市东城区"),
        ("ORG", "河西学院"),
        ("ORG", "民建中央"),
        ("GPE", "灵武市"),
        ("GPE", "拓石镇小川村"),
        ("GPE", "积石山"),
        ("GPE", "粤港澳大湾区"),
        ("GPE", "八都村"),
        ("DATE", "2024年2月27日"),
        ("DATE", "2026-03-05"),
        ("DATE", "二零二三"),  # a bare year in Chinese digits
        ("FIGURE", "320人"),
        ("FIGURE", "98%"),
        ("TITLE", "《城中文史资料》"),
        ("MEETING", "九届三次会议"),
    ],
)
def test_a_gold_form_fits_its_label(label: str, text: str) -> None:
    assert fits(label, text) is True


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("ORG", "高云龙"),  # a person's name, no organ head
        ("ORG", "相关部门"),  # a generic modifier and a head: no name
        ("ORG", "童军总"),  # a head cut off (童军总会)
        ("GPE", "民革北京市东城区"),  # a party's committee, no place
        ("GPE", "城中区政协"),
        ("GPE", "东省惠州市"),  # a place name cut (广东省惠州市): no chain of known places
        ("DATE", "六届"),  # no year, month or day
        ("FIGURE", "第十三届"),  # an ordinal
        ("FIGURE", "超过20"),  # no unit or measure word
        ("FIGURE", "约两星"),  # a measure word cut (约两星期)
        ("FIGURE", "2023年"),  # a year
        ("FIGURE", "一九八五年"),  # a year in Chinese digits
        ("FIGURE", "三周年"),  # an anniversary: an ordinal by the guidelines
        ("TITLE", "两个确立"),
        ("SLOGAN", "《城中文史资料》"),
        ("PERSON", "县政协委员会"),
    ],
)
def test_a_string_out_of_form_does_not_fit(label: str, text: str) -> None:
    assert fits(label, text) is False


def test_labels_without_a_grammar_cannot_tell() -> None:
    assert fits("FIGURE", "六届") is None  # a count (共召开六届) or an ordinal (十三届) by its context
    assert fits("OTHER", "什么") is None


def test_a_chain_of_places_is_a_place() -> None:
    assert place_chain("拓石镇小川村") and place_chain("湖北省武汉市")
    assert not place_chain("民革北京市") and not place_chain("高云龙")


def test_generic_phrases_have_no_name_part() -> None:
    assert generic("ORG", "相关部门") and generic("ORG", "各级党委") and generic("FIGURE", "第十三届")
    assert not generic("ORG", "城中区政协") and not generic("ORG", "市委宣传部") and not generic("FIGURE", "12次")


def test_a_sure_body_has_more_than_a_one_character_head() -> None:
    # 五角场 ends in 场, 申城 in nothing of a body: places too; 县直机关, 国民党, 政协鱼台县 are bodies.
    assert [sure_org(t) for t in ("县直机关", "国民党", "政协鱼台县", "文史委员会")] == [True] * 4
    assert [sure_org(t) for t in ("五角场", "申城", "委员会", "相关部门")] == [False] * 4


def test_an_anniversary_is_an_ordinal_with_no_name_part() -> None:
    assert generic("FIGURE", "三周年") and generic("FIGURE", "80华诞")
    assert not generic("FIGURE", "三年")


def test_a_words_tag_is_the_same_before_and_after_the_first_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: jieba merges the user dictionary's tags on the first cut, so 政协机关 read as 'x' and
    委员会 as 'n' in a fresh process, 'nt' once anything was cut: sure_org('委员会') flipped with
    the order the tests ran in."""
    from pizhu.store import span_model

    monkeypatch.setattr(span_model, "_state", {})
    fresh = [span_model.dictionary_word(w) for w in ("政协机关", "委员会")]
    span_model.tables()["posseg"].lcut("政协机关委员会")
    assert [span_model.dictionary_word(w) for w in ("政协机关", "委员会")] == fresh
    assert fresh[0][0] == "nt"
    assert not sure_org("委员会"), "a head alone names no body, whatever jieba tags it"
