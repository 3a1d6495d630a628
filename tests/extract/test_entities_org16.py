"""Issue 21, org16: kinds of ORG the unseen pages 664–675 showed (双拥 visits to army, armed-police and fire units,
a provincial CPPCC pairing its committees with the parties' provincial committees, 委员企业 visits).

- a level or a place written before an armed-police unit is the unit's own (县武警中队, 某某市武警支队), as a level
  before a fire brigade or a police brigade already is (县消防中队, 县交警大队); a plural before the level is not
  (全县武警中队 stays 武警中队's);
- a unit by its code number (五位数 + 部队: the army's 番号) is one ORG, and its digits with 部 are no FIGURE;
- a level written before a democratic party's short name is that party's committee at the level (省民进, 市农工党),
  as a place before it is its branch there (广西民建); a plural or a deictic before the level is not (全市民建会员).

Every sentence is written for the test (invented people and numbers), so a rule passes only as a mechanism.
Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("在县武警中队,某某看望了官兵。", "县武警中队"),
        ("在市武警支队,某某表示感谢。", "市武警支队"),
        ("慰问组来到区武警大队座谈。", "区武警大队"),
    ],
)
def test_a_level_before_an_armed_police_unit_is_part_of_it(text: str, unit: str) -> None:
    assert unit in labelled(text, "ORG")


def test_a_plural_before_the_level_stays_outside() -> None:
    orgs = labelled("全县武警中队官兵参加了演练。", "ORG")
    assert "全县武警中队" not in orgs and "县武警中队" not in orgs


def test_a_unit_by_its_code_number_is_one_org_and_no_figure() -> None:
    text = "先后深入61234部队、61235部队和消防大队看望官兵。"
    orgs = labelled(text, "ORG")
    assert "61234部队" in orgs and "61235部队" in orgs
    assert not [f for f in labelled(text, "FIGURE") if f.endswith("部")]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("文史委员会与省民进对口联系,经济委员会与省工商联对口联系。", "省民进"),
        ("教育委员会与省民盟、医卫委员会与省农工党建立联系。", "省农工党"),
        ("市农工党开展专题调研,形成调研报告。", "市农工党"),
    ],
)
def test_a_level_before_a_party_short_name_is_its_committee(text: str, party: str) -> None:
    assert party in labelled(text, "ORG")


def test_a_plural_before_the_level_leaves_the_party_bare() -> None:
    orgs = labelled("带领全市民建会员参加活动。", "ORG")
    assert "市民建" not in orgs


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("委员们先后来到丰茂电梯股份有限公司、城南食品厂进行察看。", "丰茂电梯股份有限公司"),
        ("在众康绿色生态农业发展有限公司召开座谈会。", "众康绿色生态农业发展有限公司"),
        ("委员、欣达物流有限责任公司总经理某某发言。", "欣达物流有限责任公司"),
    ],
)
def test_a_company_by_its_legal_form_without_a_place_is_one_org(text: str, firm: str) -> None:
    assert firm in labelled(text, "ORG")


@pytest.mark.parametrize(
    "text",
    [
        "走访了某市某科技有限公司。",
        "考察了淄博某科技有限公司。",
        "各有限公司要加强管理。",
        "国有企业改制为股份有限公司后效益提升。",
    ],
)
def test_a_legal_form_after_a_placeholder_a_plural_or_a_clause_names_no_firm(text: str) -> None:
    assert not [o for o in labelled(text, "ORG") if o.endswith("公司")]


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("委员们来到岳麓区第一幼儿园察看办学条件。", "岳麓区第一幼儿园"),
        ("委员们来到县实验幼儿园察看。", "县实验幼儿园"),
        ("委员们先后来到丰茂电梯股份有限公司、晨曦幼学阳光幼儿园进行察看。", "晨曦幼学阳光幼儿园"),
    ],
)
def test_a_kindergarten_with_its_place_or_its_own_name_is_one_org(text: str, school: str) -> None:
    assert school in labelled(text, "ORG")


def test_the_kind_kindergarten_names_no_body() -> None:
    assert labelled("办好幼儿园是重要的民生工程。", "ORG") == []


@pytest.mark.parametrize(
    ("text", "committee"),
    [("龙湖镇工委召开委员会议。", "龙湖镇工委"), ("城关街道工委主任某某主持会议。", "城关街道工委")],
)
def test_a_working_committee_named_by_its_town_is_one_org(text: str, committee: str) -> None:
    assert committee in labelled(text, "ORG")


def test_a_count_of_working_committees_names_none() -> None:
    orgs = labelled("东城、西城和南城工委三个工委分别组织活动。", "ORG")
    assert not [o for o in orgs if o.endswith("个工委") or o.startswith("东城")]


def test_bare_units_listed_beside_a_found_unit_are_org() -> None:
    orgs = labelled("先后深入61234部队、消防大队、武警直属大队、四中队、人武部,看望慰问官兵。", "ORG")
    assert {"消防大队", "武警直属大队", "四中队", "人武部"} <= set(orgs)
    assert "消防大队" in labelled("慰问了县人武部、消防大队和武警中队的官兵。", "ORG")


def test_a_plural_or_the_troops_beside_a_unit_name_no_unit() -> None:
    assert labelled("到县交警大队、各派出所检查。", "ORG") == ["县交警大队"]
    assert labelled("县交警大队和部队官兵一同参加。", "ORG") == ["县交警大队"]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("共庆中国人民解放军建军纪念日。", "中国人民解放军"),
        ("中华全国青年联合会和中华全国台湾同胞联谊会界别的委员发言。", "中华全国台湾同胞联谊会"),
        ("中国人民武装警察部队某部官兵参加抢险。", "中国人民武装警察部队"),
    ],
)
def test_the_national_forces_and_people_s_organisations_by_full_name(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_a_bank_named_with_its_branch_is_org_bare_later() -> None:
    text = "县政协委员、邮汇银行长沙县支行行长某某表示,邮汇银行可以上门办理贷款。"
    orgs = labelled(text, "ORG")
    assert "邮汇银行长沙县支行" in orgs and orgs.count("邮汇银行") == 1


def test_a_parent_inside_a_word_stays_unread() -> None:
    text = "县政协委员、邮汇银行长沙县支行行长某某表示,中邮汇银行业务增长。"
    assert "邮汇银行" not in labelled(text, "ORG")
