"""Issue 21, party2: kinds the unseen party and 工商联 pages 760–771 showed.

- two party branches joined by 和, the second opening with its own place, are two bodies (某某总支和某地支部);
- a branch named after its city (民盟某市某某支部委员会) recurs bare by its own name (某某支部);
- a party's provincial or city committee written 省委/市委 keeps its department in its name (民进某省委 + 某某部);
- a month's day before a place that starts with 内 (内蒙古) is still a date.

Every sentence is written for the test (invented people, bodies and places). Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- ORG ----------------------------------------------------------------------------------------


def test_two_branches_joined_by_and_are_two_bodies() -> None:
    text = "民进朔州市委、晋源区统战部的负责人以及民进晋源总支和平鲁支部会员参加。"
    found = labelled(text, "ORG")
    assert "民进晋源总支和平鲁支部" not in found
    assert "民进晋源总支" in found


def test_a_branch_named_after_its_city_recurs_bare_by_its_own_name() -> None:
    text = (
        "5月8日,民盟中央副主席一行来到民盟大同市林文远支部委员会调研。"
        "盟史研究是林文远支部的特色。他希望林文远支部持续加强自身建设。"
    )
    found = labelled(text, "ORG")
    assert "民盟大同市林文远支部委员会" in found
    assert found.count("林文远支部") == 2


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("民进山西省委议政调研部副部长马莺出席。", "民进山西省委议政调研部"),
        ("民盟大同市委组织部部长李明主持会议。", "民盟大同市委组织部"),
    ],
)
def test_a_party_committees_department_is_in_its_name(text: str, org: str) -> None:
    assert org in labelled(text, "ORG")


def test_a_party_committee_before_its_heads_post_keeps_no_department() -> None:
    found = labelled(text := "民进山西省委副主委张建出席会议并部署工作。", "ORG")
    assert "民进山西省委" in found, text


# --- DATE ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("1月8日内蒙古民进医疗服务团开展慰问活动。", "1月8日"),
        ("2月23日内江市政协召开常委会议。", "2月23日"),
    ],
)
def test_a_months_day_before_a_place_opening_with_nei_is_a_date(text: str, date: str) -> None:
    assert date in labelled(text, "DATE")


def test_a_day_count_before_nei_stays_a_duration() -> None:
    assert "30日" not in labelled("提案应在30日内办复。", "DATE")


# --- SLOGAN -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "做好“季季看”“双月谈”等工作,突出界别特点。",
        "开展“双向评议”活动,推动提案办理。",
        "坚持政协与部门“双向发力”。",
    ],
)
def test_a_two_way_or_bimonthly_phrase_is_no_numbered_formula(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


def test_a_numbered_watchword_with_shuang_still_stands() -> None:
    assert "双岗建功" in labelled("希望社员立足本职,“双岗建功”。", "SLOGAN")


def test_a_members_own_workroom_after_the_body_gives_the_body_and_the_member() -> None:
    text = "他还围绕支部工作,大同市政协林文远委员工作室等内容作了汇报。"
    assert "大同市政协" in labelled(text, "ORG")
    assert "林文远" in labelled(text, "PERSON")


def test_a_workroom_the_body_set_up_for_a_sector_stays_one_body() -> None:
    assert "市政协港澳委员工作室" in labelled("市政协港澳委员工作室开展活动。", "ORG")


# --- GPE ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("委员们走访了城关镇青松社区、明德社区和新华村。", ["明德社区"]),
        ("后到城关镇青松社区、胜利社区调研。", ["胜利社区"]),
        ("副主席带队对所联系的查湾村、石岭村进行走访。", ["查湾村", "石岭村"]),
    ],
)
def test_a_village_or_community_listed_after_one_of_its_kind_is_a_place(text: str, places: list[str]) -> None:
    found = labelled(text, "GPE")
    for place in places:
        assert place in found


def test_a_kind_of_village_in_a_list_stays_unnamed() -> None:
    found = labelled("走访了青松村、贫困村和示范村。", "GPE")
    assert "贫困村" not in found and "示范村" not in found


def test_a_four_character_community_after_its_district_continues_the_chain() -> None:
    assert "青山区北五里庄社区" in labelled("向青山区北五里庄社区的民警捐赠物资。", "GPE")


def test_a_clause_before_a_village_is_no_four_character_name() -> None:
    assert not any(p.endswith("各村") for p in labelled("县组织到各村开展调研。", "GPE"))


# --- the ORG tagger's policy ---------------------------------------------------------------------


def test_the_tagger_grows_no_body_over_a_plural_after_it() -> None:
    from pizhu.extract import orgtagger as ot
    from pizhu.extract.models import Span

    text = "民盟某某省委各工作委员会主任列席会议。"
    body = Span(0, text.index("各"), "ORG", text[: text.index("各")])
    e = text.index("主任")
    assert ot.apply(text, [body], [(0, e, 0.99)]) == [body]


# --- PERSON -------------------------------------------------------------------------------------


def test_a_preposition_glued_before_a_name_met_elsewhere_stays_outside() -> None:
    text = "民盟中央副主席林辉一行来到支部调研。主委就支部建设等情况向林辉一行作了介绍。"
    found = labelled(text, "PERSON")
    assert "向林辉" not in found
    assert found.count("林辉") == 2
