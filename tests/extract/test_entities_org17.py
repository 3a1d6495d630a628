"""Issue 21, org17: kinds of ORG the unseen pages 700–711 showed (county and district plenaries and proposal
reports from thin provinces).

- a committee's sub-unit written after it (委员会 + 办公室, + 联络部) is one chain with it only where nothing between
  them reads as a clause: a function character (将, 与, 、) or a level's own body (市政府, 县委) inside ends the
  committee, and that body's office after it is an ORG of its own, read back to the level's body and no
  further (会同 + 市政府 + 办公室). (将会同县委办公室 itself stays cut: 会同 is also a county's name.)
- a CPPCC's sub-unit holds no other body: one that repeats 政协 (市政协 + 组织政协委员会) or ends in a party
  committee other than the body's own 机关党委 (县政协 + 助力党委) is a verb and its object, not a sub-unit;
- a place's brand of two to four quoted clauses, one of them ending in the place's name, quoted after a verb of
  building (建设, 打造) or before 建设 (“公园某地、多彩某湾”), is one SLOGAN, as a city's 打造“某某之城” is;

Every sentence is written for the test (invented bodies and people), so a rule passes only as a mechanism.
Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "大会闭幕后,县政协提案委员会将联合县委办公室、县政府办公室及时转交有关部门办理。",
            "县政协提案委员会",
            "县委办公室",
        ),
        ("市政协提案委员会会同市政府办公室召开交办会。", "市政协提案委员会", "市政府办公室"),
        ("区政协社会法制委员会与区委政法委联合开展调研。", "区政协社会法制委员会", "区委政法委"),
    ],
)
def test_a_committee_does_not_run_over_a_clause_into_the_next_body(text: str, first: str, second: str) -> None:
    orgs = labelled(text, "ORG")
    assert first in orgs
    assert second in orgs
    assert not any(first in o and second in o for o in orgs)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("市政协经济委员会办公室副主任某某出席。", "市政协经济委员会办公室"),
        ("县政协文史委员会办公室主任某某主持。", "县政协文史委员会办公室"),
    ],
)
def test_a_committee_keeps_its_own_office(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "body", "not_body"),
    [
        ("市政协组织政协委员会同有关部门视察。", "市政协", "市政协组织政协委员会"),
        ("县政协助力党委政府科学决策。", "县政协", "县政协助力党委"),
    ],
)
def test_a_cppcc_sub_unit_holds_no_other_body(text: str, body: str, not_body: str) -> None:
    orgs = labelled(text, "ORG")
    assert body in orgs
    assert not_body not in orgs


@pytest.mark.parametrize(
    ("text", "body"),
    [("市政协机关党委召开会议。", "市政协机关党委"), ("县政协提案委员会主任某某主持。", "县政协提案委员会")],
)
def test_a_cppcc_keeps_its_own_committees(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "slogan"),
    [
        ("为建设“生态桃源、活力新城”作出新贡献。", "生态桃源、活力新城"),
        ("为推动“山水吴起、幸福家园”建设贡献智慧力量。", "山水吴起、幸福家园"),
    ],
)
def test_a_places_brand_of_clauses_built_is_a_slogan(text: str, slogan: str) -> None:
    assert slogan in labelled(text, "SLOGAN")


@pytest.mark.parametrize(
    "text",
    ["围绕“优化营商环境、建设美丽乡村”开展调研。", "开展“走进桃源、服务基层”活动。"],
)
def test_quoted_topics_and_activities_are_no_brand(text: str) -> None:
    assert labelled(text, "SLOGAN") == []
