"""Issue 21, round hkmo2: Hong Kong and Macau members' associations and delegations (texts 748–759).

Every sentence is written for the test (invented names and bodies, real places from the tables), so a rule
passes only as a mechanism. Rules alone.
"""

from __future__ import annotations

from tests.extract.spans import labelled

# --- a liaison office's departments: an area's 工作部 after the office, and the later items of a list of heads ----


def test_an_areas_working_department_after_the_office_is_one_chain() -> None:
    text = "中联办东区工作部部长王某某出席活动。"
    got = labelled(text, "ORG")
    assert "中联办东区工作部" in got and "中联办" not in got


def test_a_departments_planning_is_no_department() -> None:
    text = "市委召开会议,对下阶段工作部署作出安排。"
    assert not any(g.endswith("工作部") for g in labelled(text, "ORG"))


def test_departments_listed_each_with_its_heads_post_are_bodies() -> None:
    text = "中联办协调部部长甲乙丙、西区工作部部长丁戊己、联络部副部长庚辛壬等也应邀出席。"
    got = labelled(text, "ORG")
    assert "中联办协调部" in got and "西区工作部" in got and "联络部" in got


def test_a_members_second_post_is_no_listed_department() -> None:
    text = "区委宣传部部长甲乙丙,区委常委、统战部部长丁戊己出席。"
    assert "统战部" not in labelled(text, "ORG")


def test_a_department_list_needs_a_department_before_it() -> None:
    text = "会议由秘书长甲乙丙主持、组织部长丁戊己讲话。"
    assert not any(g.endswith("部") for g in labelled(text, "ORG"))


# --- the State Council's ministries by their names ----------------------------------------------------------------


def test_a_ministry_by_its_name_is_a_body() -> None:
    text = "考察团与商务部负责同志一同研讨深化合作。"
    assert "商务部" in labelled(text, "ORG")


def test_a_ministrys_long_name_is_a_body() -> None:
    text = "会议邀请生态环境部、农业农村部有关司局负责同志到会解读政策。"
    got = labelled(text, "ORG")
    assert "生态环境部" in got and "农业农村部" in got


def test_a_ministrys_field_before_another_word_is_no_ministry() -> None:
    text = "委员们走访了市商务部门和财政部署的重点项目。"
    got = labelled(text, "ORG")
    assert "商务部" not in got and "财政部" not in got


# --- places beside a zone or beside the regions ------------------------------------------------------------------


def test_a_country_before_a_kind_of_free_trade_port_is_the_country() -> None:
    text = "委员们围绕建设中国特色自由贸易港提出建议。"
    got = labelled(text, "GPE")
    assert "中国" in got and not any(g.endswith("贸易港") for g in got)


def test_a_province_before_the_regions_run_is_two_places() -> None:
    text = "大会期间将举行2019山西省港澳台企业投资合作洽谈会。"
    got = labelled(text, "GPE")
    assert "山西省" in got and "港澳台" in got and "山西省港澳台" not in got


def test_a_sar_takes_no_district_suffix() -> None:
    text = "今年同时还是香港区议会选举之年。"
    got = labelled(text, "GPE")
    assert "香港" in got and "香港区" not in got


# --- the posts of Hong Kong and Macau: 特派员, 司长, 专员 announce a name as 局长 does ----------------------------


def test_a_commissioners_name_after_the_post() -> None:
    text = "青年会员参访外交部驻港特派员公署,特派员黄志远接见,副主任周伟明出席。"
    assert "黄志远" in labelled(text, "PERSON")


def test_a_secretarys_or_commissioners_name_beside_the_post() -> None:
    assert "黄志远" in labelled("政务司司长黄志远出席活动。", "PERSON")
    assert "周伟明" in labelled("民政事务专员周伟明陪同。", "PERSON")
    assert "黄志远" in labelled("外交部驻港公署黄志远特派员表示,", "PERSON")


# --- Hong Kong's and Macau's political parties by their short names -----------------------------------------------


def test_a_sar_partys_short_name_is_whole() -> None:
    got = labelled("原立法会议员周伟明,民建联常委黄志远,经民联、新民党代表出席。", "ORG")
    assert "民建联" in got and "经民联" in got and "新民党" in got and "民建" not in got


def test_a_sar_partys_hall_gives_the_party() -> None:
    assert "民建联" in labelled("青年协会于日前假民建联大礼堂举行会员大会。", "ORG")


# --- an association's board written after its name, with or without its term ------------------------------------


def test_an_associations_board_without_its_term_is_one_body() -> None:
    got = labelled("澳门三水同乡会理监事会昨日举行会议,研究会务工作。", "ORG")
    assert "澳门三水同乡会理监事会" in got


def test_an_associations_board_meeting_is_no_board() -> None:
    got = labelled("澳门三水同乡会理事会议昨日举行。", "ORG")
    assert "澳门三水同乡会理事会" not in got


# --- the national plan's named regions (a table: 长三角, 珠三角 and their full names, 海峡西岸经济区) ----------------


def test_a_named_economic_region_with_its_tail_is_one_place() -> None:
    assert "海峡西岸经济区" in labelled("委员们为海峡西岸经济区建设建言献策。", "GPE")


def test_a_deltas_full_name_is_a_place() -> None:
    got = labelled("珠海已经从珠江三角洲上一座边陲小镇变身为现代化城市,长江三角洲亦然。", "GPE")
    assert "珠江三角洲" in got and "长江三角洲" in got


# --- a photo caption's lead (左起, from the left) is no name --------------------------------------------------------


def test_a_captions_lead_is_no_name() -> None:
    text = "联谊会会长黄志远、秘书长周伟明、副会长陈家明出席会议。\n左起:黄志远,周伟明,陈家明。"
    got = labelled(text, "PERSON")
    assert "左起" not in got and "黄志远" in got
