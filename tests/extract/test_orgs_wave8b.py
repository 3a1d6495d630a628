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


def test_serving_the_overall_situation_and_the_central_task_are_no_bodies() -> None:
    # 围绕中心、服务大局 written without its mark after a body: 中心 is the central task, 大局 the overall situation.
    found = orgs("五年来,民革贵州省委紧紧围绕中心服务大局,深入开展调查研究。")
    assert "民革贵州省委" in found
    assert not any(o.endswith(("中心", "大局")) for o in found)
    assert set(orgs("市工商联服务大局,积极作为。")) == {"市工商联"}


def test_a_centre_and_a_bureau_named_after_their_place_still_read() -> None:
    assert "市政务服务中心" in orgs("市政务服务中心开展窗口服务。")
    assert "县公安局" in orgs("县公安局派员参加。")


def test_the_local_committees_in_general_are_no_body() -> None:
    # 中国人民政治协商会议地方委员会, 全国地方政协某委员会: the kind of committee, every place's (RULINGS, party1).
    found = orgs("陕西省政协是中国人民政治协商会议地方委员会组织,历史悠久。")
    assert "中国人民政治协商会议" in found and "中国人民政治协商会议地方委员会" not in found
    assert not any("地方" in o for o in orgs("他出席全国地方政协社会和法制委员会工作座谈会。"))


def test_a_local_tax_bureau_or_chronicles_office_is_still_a_body() -> None:
    assert "市地方税务局" in orgs("市地方税务局派员参加。")
    assert "县地方志办公室" in orgs("县地方志办公室编纂年鉴。")
