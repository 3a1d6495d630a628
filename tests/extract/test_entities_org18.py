"""Issue 21, org18: kinds of ORG the unseen pages 712–723 showed (proposal-handling visits, 视察 and 协商 pages
that name a county's or a district's departments in short forms).

- a level's bureau by its short name right after a verb of going (走进县某局, 深入区某局) is named with its level, as
  after a preposition;
- the level written once for a list: a level's department followed by bare departments joined by 、, 和 or 及
  (县某局、某局、某局) gives every item, each bounded by its organ suffix (局, 委, 办); a plural (各局) or a verb's 办
  (承办, 主办) is no item;
- a list of agencies closed by the government's departments with their level (等区政府职能部门) is closed as by
  等部门;
- two bodies joined by 及, the second with its level (县政府领导及县某局), are no Hong Kong bureau of two portfolios.

Every sentence is written for the test (invented bodies and people), so a rule passes only as a mechanism.
Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("县政协主席某某一行走进县发改局,开展民主评议活动。", "县发改局"),
        ("调研组深入区人社局,听取提案办理情况汇报。", "区人社局"),
        ("委员们来到市交运局座谈。", "市交运局"),
    ],
)
def test_a_level_bureau_after_a_verb_of_going(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("县政协主席一行走进县发改局、审计局、人社局,开展民主评议。", ["县发改局", "审计局", "人社局"]),
        ("座谈中,县粮食局、林业局、气象局和档案局通报了提案办理情况。", ["县粮食局", "林业局", "气象局", "档案局"]),
        ("区卫健委、民宗委及信访办负责人参加会议。", ["区卫健委", "民宗委", "信访办"]),
    ],
)
def test_the_level_written_once_for_a_list(text: str, bodies: list[str]) -> None:
    orgs = labelled(text, "ORG")
    for body in bodies:
        assert body in orgs


@pytest.mark.parametrize(
    ("text", "not_body"),
    [
        ("县审计局、各局要高度重视。", "各局"),
        ("县水务局、承办单位要加强沟通。", "承办单位"),
    ],
)
def test_a_plural_or_a_kind_is_no_list_item(text: str, not_body: str) -> None:
    assert not any(not_body in org for org in labelled(text, "ORG"))


def test_agencies_closed_by_the_governments_departments() -> None:
    orgs = labelled("随后,区建委、区民政局、区人防办、某某博览会筹备组等区政府职能部门负责人作了回应。", "ORG")
    for body in ("区建委", "区民政局", "区人防办"):
        assert body in orgs


def test_two_bodies_joined_by_ji_are_no_hong_kong_bureau() -> None:
    orgs = labelled("委员们同县政府领导及县统计局负责人面对面协商。", "ORG")
    assert "县政府领导及县统计局" not in orgs
    assert "县统计局" in orgs


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("县政协文史资料委员会召开会议。会议安排部署政协文史委年度重点工作。", "政协文史委"),
        ("市政协提案委员会成立以来,以省政协提案委副主任某某为组长的调研组来市调研。", "省政协提案委"),
    ],
)
def test_a_licensed_committee_short_form_keeps_the_cppcc_before_it(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("意见交换会上,区新城建管委负责人通报了相关工作情况。", "区新城建管委"),
        ("会上,县农业农村委负责同志介绍了提案办理情况。", "县农业农村委"),
    ],
)
def test_a_level_commission_by_its_short_name(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "not_body"),
    [
        ("市政协常委某某参加会议。", "市政协常委"),
        ("县委常委、宣传部长某某出席。", "县委常委"),
        ("区人大常委会副主任某某讲话。", "区人大常委"),
    ],
)
def test_a_post_ending_in_wei_is_no_commission(text: str, not_body: str) -> None:
    assert not_body not in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("市委巡察工作第三督导组负责同志到会指导。", "市委巡察工作第三督导组"),
        ("省委第五巡回指导组、县委主要领导出席会议。", "省委第五巡回指导组"),
    ],
)
def test_a_bodys_numbered_guidance_group_is_one_chain(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_an_unnumbered_ad_hoc_group_stays_outside() -> None:
    orgs = labelled("市委督导组深入企业调研。", "ORG")
    assert "市委督导组" not in orgs


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("会上,发改局、住建局的专项汇报与委员们的发言形成闭环。", ["发改局", "住建局"]),
        ("委员们听取了人社局、医保局和民政局的情况通报。", ["人社局", "医保局", "民政局"]),
    ],
)
def test_bare_bureaus_listed_together(text: str, bodies: list[str]) -> None:
    orgs = labelled(text, "ORG")
    for body in bodies:
        assert body in orgs


@pytest.mark.parametrize(
    "text",
    ["要统筹全局、把握大局,形成新格局、大格局。", "各局、各委办要高度重视。"],
)
def test_words_in_ju_and_plurals_are_no_bureaus(text: str) -> None:
    assert labelled(text, "ORG") == []
