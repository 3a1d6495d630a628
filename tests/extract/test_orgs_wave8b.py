"""Issue 21, round wave8b: bodies read on unseen annals and party pages. Sentences written for the test."""

from __future__ import annotations

from pizhu.extract.entities import find_entities


def orgs(text: str) -> list[str]:
    return [s.text for s in find_entities(text) if s.label == "ORG"]


def test_an_autonomous_regions_level_stays_whole_on_a_lists_first_agency() -> None:
    # 自治区 + 民委 opening a list of agencies: the level is 自治区, not its last character.
    found = orgs("邀请自治区民委、宁夏大学等单位专家研讨。")
    assert "自治区民委" in found and "区民委" not in found
    found = orgs("会同自治州发改委、州财政局等部门调研。")
    assert "自治州发改委" in found and "州发改委" not in found


def test_a_citys_level_before_a_lists_first_agency_is_still_read() -> None:
    assert "市经贸委" in orgs("他先后调到市经贸委、市财政局等单位工作。")
