"""Issue 21, round mix2: kinds seen on unseen county pages of 2005–2016 (texts 602–613).

Every sentence is written for the test (invented names and sessions), so a rule passes only as a mechanism.
Rules alone.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- a level, a term and 政协 (县九届政协): the place joined before the level is a place, not a clause ---------


@pytest.mark.parametrize(
    "text",
    [
        "在主席台就座的还有曾担任县政协主席的老领导及县九届政协常务委员。",
        "出席的有曾任市政协主席的老同志及市十届政协常委。",
    ],
)
def test_a_clause_before_level_term_body_is_no_org(text: str) -> None:
    for org in labelled(text, "ORG"):
        assert "的" not in org and "及" not in org


def test_a_place_before_level_term_body_still_joins() -> None:
    assert "内蒙古自治区十二届政协" in labelled("内蒙古自治区十二届政协委员视察。", "ORG")


# --- a party's committee by its level (民进市委会) and the committee's own working committee or department -----


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("民进市委会参政议政工作委员会在会议室召开工作会议。", "民进市委会参政议政工作委员会"),
        ("民盟省委会社会服务工作委员会组织义诊。", "民盟省委会社会服务工作委员会"),
        ("民革市委会组织部负责同志出席。", "民革市委会组织部"),
    ],
)
def test_a_party_committee_keeps_its_own_committee(text: str, org: str) -> None:
    assert org in labelled(text, "ORG")


def test_a_party_committee_before_a_clause_stays_bare() -> None:
    found = labelled("民盟市委会到各部门走访,民进市委会同有关部门座谈。", "ORG")
    assert "民盟市委会" in found
    assert all("部门" not in org for org in found)


# --- 我县, 我市: the speaker's own county is never part of a name ----------------------------------------


@pytest.mark.parametrize("model", [False, True])
def test_we_and_a_level_are_no_name(model: bool) -> None:
    text = "8月16日,以省政协提案委副主任胡劲富为组长的省民革调研组一行5人,来我县调研农业技术推广工作。"
    persons = labelled(text, "PERSON", model=model)
    assert all("我" not in p for p in persons)
