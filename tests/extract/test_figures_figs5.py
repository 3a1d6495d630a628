"""FIGURE round 5 (issue 21): forms of figure-dense pages (tallies, donations, flattened tables)."""

from __future__ import annotations

import pytest

from pizhu.extract.figures import find_figures


def spans(text: str) -> list[tuple[str, object, str, str]]:
    return [(s.text, s.attrs["value"], s.attrs["unit"], s.attrs["approx"]) for s in find_figures(text)]


def texts(text: str) -> list[str]:
    return [s.text for s in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("折资约6000余元;", [("6000余元", 6000, "元", "over")]),
        ("共接待约300多人次。", [("300多人次", 300, "人次", "over")]),
        ("募集善款近20余万元。", [("20余万元", 200000, "元", "over")]),
    ],
)
def test_two_qualifiers_that_disagree_keep_the_one_at_the_numbers_end(
    text: str, expected: list[tuple[str, object, str, str]]
) -> None:
    # RULINGS: 折资约6000余元 gives 6000余元 (over); 约 stays outside like a verb.
    assert spans(text) == expected


def test_qualifiers_that_agree_stay_one_span() -> None:
    assert spans("约300人左右") == [("约300人左右", 300, "人", "about")]
    assert spans("超过500人以上") == [("超过500人以上", 500, "人", "over")]


def test_a_count_before_a_product_name_that_opens_with_digits_is_a_count() -> None:
    # A flattened list of donated goods: 测温仪59个, then 84消毒液 60公斤.
    assert texts("帐篷50顶,测温仪59个84消毒液60公斤,纯酒精1000斤") == ["50顶", "59个", "60公斤", "1000斤"]


@pytest.mark.parametrize("text", ["落实“3个1”工作机制", "实施10个一工程"])
def test_a_numbered_formula_still_gives_no_count(text: str) -> None:
    assert texts(text) == []


def test_degrees_celsius_are_a_unit() -> None:
    assert spans("将兔舍温度维持在20℃,") == [("20℃", 20, "℃", "exact")]
    assert spans("水温约25°C左右") == [("约25°C左右", 25, "°C", "about")]


@pytest.mark.parametrize(
    "text",
    [
        "气温17℃-21℃。",
        "气温17°C - 21°C。",
        "每年参加3次至5次。",
        "比例在10%—20%之间。",
        "资助3万元至5万元不等。",
        "每组8人~10人",
    ],
)
def test_a_range_whose_ends_both_carry_the_unit_is_no_figure(text: str) -> None:
    # RULINGS: a range of counts gives nothing (3至5人, 17°C - 21°C), whether one end or both carry the unit.
    assert texts(text) == []


def test_a_change_from_one_amount_to_another_keeps_both() -> None:
    assert texts("由3万元增至5万元") == ["3万元", "5万元"]
    assert texts("会员增长至500人。") == ["500人"]
    assert texts("提案128件、立案115件") == ["128件", "115件"]


def test_many_after_a_multiple_qualifies_it_as_after_tenths() -> None:
    # RULINGS: 成 takes 多 after it (两成多); so does 倍, a multiple (增长1倍多: over).
    assert spans("捐款总额增长1倍多。") == [("1倍多", 1, "倍", "over")]
    assert spans("是上届的两倍多,") == [("两倍多", 2, "倍", "over")]
    assert spans("增长1倍,多项指标") == [("1倍", 1, "倍", "exact")]


@pytest.mark.parametrize("text", ["建设。第1页共1页\n", "共5页,第2页\n", "第2页 共5页"])
def test_a_pages_pagination_is_no_count(text: str) -> None:
    # A page's footer 第1页共1页 labels the page, as 03版 does (GUIDELINES: page labels are no FIGURE).
    assert texts(text) == []


def test_a_document_counted_in_pages_is_a_count() -> None:
    assert texts("汇编成册共200余页。") == ["200余页"]
    assert texts("文件共15页,") == ["15页"]
