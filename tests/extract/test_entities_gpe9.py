"""Issue 21, GPE on unseen place-dense news (gpe9): development zones, new towns and kinds of area.

Every sentence is written for the test (invented visits, real places from the table), so a rule passes
only as a mechanism. Rules alone.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- a place, an optional level and sector words, then a development zone's head: one place -------------------


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("委员们先后来到宜都市省级高新区,了解项目进展。", "宜都市省级高新区"),
        ("调研组到桐乡经济技术开发区调研营商环境。", "桐乡经济技术开发区"),
        ("视察组察看了南川新城建设情况。", "南川新城"),
        ("委员们走进枝江国家级高新区考察企业。", "枝江国家级高新区"),
        ("代表团来到萧山城市新区,听取规划介绍。", "萧山城市新区"),
    ],
)
def test_a_place_before_a_development_zone_is_one_place(text: str, zone: str) -> None:
    assert zone in labelled(text, "GPE")


def test_a_proper_name_before_a_zone_head_is_a_place() -> None:
    # 东湖 is no division, but a name jieba knows: with a zone's head after it, it names the zone.
    assert "东湖高新区" in labelled("委员们赴东湖高新区考察光电子企业。", "GPE")


def test_a_zone_of_a_kind_is_no_place() -> None:
    text = "加快特色小镇建设,推动经开区和化工园区转型,走访创新创业产业园。"
    assert labelled(text, "GPE") == []


def test_a_province_before_a_kind_of_zone_stays_alone() -> None:
    # A province's name before a kind of zone is where the zone is, not the zone's name.
    assert labelled("浙江高新区发展势头良好。", "GPE") == ["浙江"]


def test_a_new_town_before_a_city_word_is_no_zone() -> None:
    gpes = labelled("委员们来到钱江新城市民中心座谈。", "GPE")
    assert not any(g.endswith(("新城", "新城市")) for g in gpes)


def test_a_zone_before_its_committee_gives_the_body() -> None:
    orgs = labelled("枝江国家级高新区管委会主任介绍了情况。", "ORG")
    assert "枝江国家级高新区管委会" in orgs


# --- cooperation zones of two provinces ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("加快推动闽赣合作先行示范区建设。", "闽赣合作先行示范区"),
        ("听取了湘南粤北合作示范区建设推进工作汇报。", "湘南粤北合作示范区"),
    ],
)
def test_a_cooperation_zone_of_two_provinces_is_one_place(text: str, zone: str) -> None:
    assert zone in labelled(text, "GPE")


# --- everyday words the division table holds ------------------------------------------------------------------


def test_an_everyday_district_name_alone_is_no_place() -> None:
    # 新城区 is a district of Xi'an, and the common word for a city's new part: alone it is the word.
    assert labelled("新城区是展示城市形象的重要窗口。", "GPE") == []


def test_an_everyday_district_name_after_its_city_stays() -> None:
    assert "西安市新城区" in labelled("委员们到西安市新城区调研。", "GPE")


def test_a_named_mountain_after_a_place_name_stays() -> None:
    assert "湟水河" in labelled("委员们沿湟水河开展巡河。", "GPE")


def test_a_zone_after_a_bodys_name_is_the_bodys_unit() -> None:
    # 政协 between the city and the zone: the members' group of the city's CPPCC in the zone, no place.
    gpes = labelled("宜都市政协经开区委员组开展活动。", "GPE")
    assert not any(g.endswith("经开区") for g in gpes)


def test_the_model_reads_no_kind_of_area_as_a_place() -> None:
    # The model (LAC) proposes these too: the same kinds are no place whoever proposes them.
    text = "新城区是展示城市形象的重要窗口,要全力推进城中村改造,推动经开区转型。"
    assert labelled(text, "GPE", model=True) == []


def test_a_kind_of_park_in_a_list_of_places_is_no_place() -> None:
    assert labelled("先后前往创新创业产业园、宜都国家级高新区等地。", "GPE") == ["宜都国家级高新区"]


# --- a place's secondary centre, a village's inside, a channel's name ---------------------------------------


def test_a_citys_secondary_centre_is_no_body() -> None:
    text = "委员们走访了宜都副中心等地。"
    assert labelled(text, "ORG") == []
    assert labelled(text, "GPE") == ["宜都"]


def test_a_village_keeps_its_suffix_before_a_locative() -> None:
    assert "石桥村" in labelled("委员们到石桥村里走访农户,又在石桥村内座谈。", "GPE")


def test_a_channel_named_today_and_a_place_is_no_place() -> None:
    text = "新闻\n今日宜都\n位置:首页 > 详情页\n宜都市政协委员视察。"
    assert labelled(text, "GPE", model=True) == []


def test_a_development_zone_has_no_cppcc() -> None:
    # As a town has none (大墅镇政协委员): the members who work in the zone.
    text = "宜都高新区政协委员们实地查看了河道。"
    assert labelled(text, "ORG") == []
    assert labelled(text, "GPE") == ["宜都高新区"]


def test_a_towns_stem_the_tokenizer_splits_opens_a_zone() -> None:
    # 瓯北 (瓯北街道) is no word of jieba's: the town table's stem still names the zone after it.
    assert "瓯北城市新区" in labelled("县政协副主席带队前往瓯北城市新区对企业进行调研。", "GPE")


def test_a_new_area_that_is_a_division_keeps_its_cppcc() -> None:
    assert "浦东新区政协" in labelled("浦东新区政协委员们实地查看了河道。", "ORG")


# --- a place opening a road's, a bridge's or a station's name -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "委员们察看了宜昌大道改造工程。",
        "视察了宜昌长江大桥项目。",
        "委员们在襄阳东站座谈。",
        "沿京港澳高速察看服务区。",
    ],
)
def test_a_place_opening_a_roads_or_a_stations_name_is_no_place(text: str) -> None:
    assert labelled(text, "GPE", model=True) == []


def test_a_place_before_a_road_word_of_its_own_stays() -> None:
    # 宜昌 + 公路建设: the roads of the place, no road named after it.
    assert labelled("推进宜昌公路建设,宜昌路网更加完善。", "GPE") == ["宜昌", "宜昌"]


# --- ORG: a level's body after a one-character verb of leading or receiving ----------------------------------


def test_a_level_body_after_lu_or_huo_is_a_body() -> None:
    text = "市政协副主席丁某率市政协、市农业农村局相关人员赴基层调研,提案获市政协主席督办。"
    assert labelled(text, "ORG").count("市政协") == 3


# --- a named reservoir -----------------------------------------------------------------------------------------


def test_a_named_reservoir_is_a_place() -> None:
    text = "委员们考察柘林水库工程,察看了柘林水库枢纽。"
    assert labelled(text, "GPE") == ["柘林水库", "柘林水库"]


def test_a_kind_of_reservoir_is_no_place() -> None:
    assert labelled("加快病险水库除险加固,新建小型水库和大型水库各一座。", "GPE") == []


def test_a_cppccs_sector_group_is_one_body() -> None:
    text = "区政协主席带领区政协城建组部分政协委员视察,区政协调研组随行,市政协委员组团参观。"
    orgs = labelled(text, "ORG")
    assert "区政协城建组" in orgs
    assert "区政协调研组" not in orgs
    assert not any(o.endswith("委员组") for o in orgs)


def test_a_national_papers_site_is_an_outlet() -> None:
    # 人民政协报 → 人民政协网, as 人民日报 → 人民网: the paper's site by its name with 网 for (日)报.
    assert labelled("2023年07月12日 来源:人民政协网 分享到:", "ORG") == ["人民政协网"]


def test_a_level_body_after_the_deictic_gai_is_a_body() -> None:
    # 该县政协 (that county's CPPCC): the deictic stays outside, as 本县 and 我市 do.
    assert labelled("这场合作背后,是该县政协牵线搭桥促成的。", "ORG") == ["县政协"]
