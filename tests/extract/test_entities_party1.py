"""Issue 21, party1: kinds the unseen party and special-committee pages 490–501 showed.

- a democratic party's branch named by its own name or by an ordinal (某某总支, 第三支部) in a text that
  names the party; its name after the party's recurs bare (某某总支) later;
- the federation's second name in brackets (某某市工商联(总商会)) and that name bare after it;
- a body's numbered session of its executive or council (五届三次执委会议, 二届四次理事会议);
- a party congress by its number before 会议精神 or 的(胜利)召开;
- a quoted formula of five to eight digits before what it names (“135246”的总体思路).

Every sentence is written for the test (invented people, bodies and places). Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- ORG: a party's branches ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        # an ordinal branch of a party's unit
        ("民盟某某区总支召开会议,选举李文为总支委员兼第三支部主任。", ["第三支部"]),
        ("会议授予第五支社“先进集体”称号,九三学社社员参加。", ["第五支社"]),
        # the party's short name, the branch's own name and its unit
        ("会议选举王林为民进青石总支副主委。", ["民进青石总支"]),
        ("台盟湖南省总支部副主委张华出席会议。", ["台盟湖南省总支部"]),
    ],
)
def test_a_partys_named_branch_is_a_body(text: str, bodies: list[str]) -> None:
    found = labelled(text, "ORG")
    for body in bodies:
        assert body in found


def test_a_branchs_name_after_its_party_recurs_bare() -> None:
    text = "12月3日,民进青石总支召开年终总结会。青石总支主委赵明主持会议,对青石总支的工作作了总结。"
    assert labelled(text, "ORG").count("青石总支") == 2


@pytest.mark.parametrize(
    "text",
    [
        "各支部主委参加会议,第一次党支部会议召开。",  # a plural; no ordinal branch
        "全市共有第二批支部书记参加培训。",  # no party named, no ordinal branch
        "信息工作优秀支部和先进支部受到表彰,民建会员参加。",  # awards, not names
    ],
)
def test_no_branch_without_a_name(text: str) -> None:
    found = labelled(text, "ORG")
    assert not any(s.endswith(("支部", "总支", "支社")) for s in found)


# --- ORG: the federation's second name -----------------------------------------------------------


def test_the_federations_second_name_in_brackets_is_a_body() -> None:
    text = "泉州市工商联(总商会)召开会议。泉州市工商联主席、总商会会长李强作报告。"
    found = labelled(text, "ORG")
    assert found.count("总商会") == 2
    assert "泉州市工商联" in found


# --- MEETING ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        ("青石市工商联召开五届三次执委会议。", "五届三次执委会议"),
        ("某某商会召开二届四次理事会议。", "二届四次理事会议"),
        ("认真学习十九大会议精神。", "十九大"),
        ("以优异成绩迎接中共二十大的胜利召开。", "二十大"),
    ],
)
def test_numbered_sessions_and_congresses(text: str, meeting: str) -> None:
    assert meeting in labelled(text, "MEETING")


# --- SLOGAN ----------------------------------------------------------------------------------------


def test_a_long_quoted_digit_formula_before_what_it_names() -> None:
    assert "135246" in labelled("提出了“135246”的总体发展思路。", "SLOGAN")


def test_a_quoted_hotline_number_is_no_formula() -> None:
    assert labelled("拨打“12345”热线反映问题。", "SLOGAN") == []


# --- ORG: committees named bare ------------------------------------------------------------------


def test_committees_listed_side_by_side_are_bodies() -> None:
    text = "各支部、妇女工作委员会、社会服务委员会、理论宣传委员会负责人作了发言。妇女工作委员会获评先进集体。"
    found = labelled(text, "ORG")
    assert found.count("妇女工作委员会") == 2
    assert "社会服务委员会" in found and "理论宣传委员会" in found


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("民族和宗教委员会召开全体委员会议,县政协副主席出席。", "民族和宗教委员会"),
        ("会议要求,把文史和学习委员会的各项工作干出特色,县政协委员参加。", "文史和学习委员会"),
    ],
)
def test_a_special_committee_named_bare_by_its_two_fields(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_a_committees_short_form_with_its_body_licenses_the_bare_short_form() -> None:
    text = "县政协民宗委召开会议。会上,民宗委通报了工作情况,各乡镇民宗委交流发言。"
    assert labelled(text, "ORG").count("民宗委") == 1


@pytest.mark.parametrize(
    "text",
    [
        "依法选举村民委员会和居民委员会成员。",
        "各专门委员会、工作委员会按照分工开展调研。",
    ],
)
def test_kinds_of_committee_stay_none(text: str) -> None:
    assert not any(s.endswith("委员会") for s in labelled(text, "ORG"))


def test_two_verbs_before_the_standing_committee_are_no_committees_name() -> None:
    assert not any("听取" in s for s in labelled("会议听取和审议常务委员会的工作报告,县政协委员参加。", "ORG"))


# --- ORG: the Centre before the working conference it convenes -------------------------------------


@pytest.mark.parametrize(
    "text",
    ["会议学习了中央农村工作会议精神。", "深入贯彻中央人才工作会议精神,推动工作落实。"],
)
def test_the_centre_before_its_working_conference(text: str) -> None:
    assert "中央" in labelled(text, "ORG")


# --- PERSON: credits ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("(责任编辑:王建国审稿:李淑芬)", "李淑芬"),
        ("(责任编辑:王建国 审稿:李淑芬)", "李淑芬"),
        ("发布时间:2024-02-05\n作者:赵志远\n1月27日,会议召开。", "赵志远"),
    ],
)
def test_a_credits_name_after_its_role(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


def test_a_regions_organizations_of_a_party_are_a_place_and_the_party() -> None:
    text = "会上,浙江地区民盟组织交流了工作。"
    assert "浙江地区" in labelled(text, "GPE")
    assert "民盟" in labelled(text, "ORG")
    assert "浙江地区民盟" not in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("市水务局专职副总督察赵立明代表新委员发言。", "赵立明"),
        ("王宏伟主任、刘建华副主任出席会议。", "王宏伟"),
        ("会上,孙丽娟主委、周国平副主委分别讲话。", "孙丽娟"),
    ],
)
def test_names_with_their_posts(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


def test_a_posts_qualifier_in_a_list_is_no_name() -> None:
    assert labelled("会议由常务副主任、秘书长主持。", "PERSON") == []


# --- ORG: plurals of levels, a place's 九三, a body's Party branch -------------------------------------


def test_levels_counted_are_a_plural() -> None:
    assert not any("两级" in s for s in labelled("积极参加市、区两级人大政协大会。", "ORG"))


def test_a_place_before_jiusan_is_its_local_organization() -> None:
    text = "九三学社某某区基层委员会召开会议。会议要求,海宁九三要努力贡献智慧力量。"
    assert "海宁九三" in labelled(text, "ORG")


def test_jiusan_as_a_date_stays_none() -> None:
    assert not any(s.endswith("九三") for s in labelled("九三学社社员参加海宁九三阅兵观礼活动。", "ORG"))


def test_a_bodys_party_branch_is_one_chain_with_it() -> None:
    assert "市委办公室党支部" in labelled("市委办公室党支部召开会议。", "ORG")


def test_every_levels_body_is_a_plural() -> None:
    assert labelled("团结带领各县市社法委和各自界别组广大政协委员。", "ORG") == []


@pytest.mark.parametrize(
    "text",
    [
        "大会选举产生了民盟某某市第九届委员会和监督委员会。",
        "民革某某区委领导班子成员、内部监督委员会委员参加会议。",
    ],
)
def test_a_partys_supervisory_committee_is_a_body(text: str) -> None:
    assert any(s.endswith("监督委员会") for s in labelled(text, "ORG"))


def test_supervision_committees_without_a_party_stay_none() -> None:
    assert labelled("村务监督委员会、村民监督委员会要发挥作用。", "ORG") == []


def test_a_departments_section_is_one_chain_with_it() -> None:
    assert "区委统战部党派科" in labelled("区委统战部党派科相关同志参加会议。", "ORG")


# --- ORG: a university's school ------------------------------------------------------------------------


def test_a_universitys_school_of_one_field_is_one_chain_with_it() -> None:
    assert "山东大学社会工作学院" in labelled("山东大学社会工作学院副院长李明授课。", "ORG")
