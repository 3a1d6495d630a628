"""Issue 21, GPE and PERSON on unseen news from banners and minority areas (gpe10).

Every sentence is written for the test (invented visits; the villages' names are made of common Mongolian
place words, the cities are real ones from the division table), so a rule passes only as a mechanism.
Rules alone.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- 嘎查 (a village of Inner Mongolia) and 苏木 (a township): level words after a transliterated name -------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "调研组深入巴彦塔拉镇乌兰哈达嘎查、宝日温都尔嘎查,了解集体经济发展。",
            ["巴彦塔拉镇乌兰哈达嘎查", "宝日温都尔嘎查"],
        ),
        ("委员们来到额尔敦苏木查干淖尔嘎查,查看棚圈。", ["额尔敦苏木查干淖尔嘎查"]),
        ("随后走访了赛音乌素嘎查牧户家。", ["赛音乌素嘎查"]),
    ],
)
def test_a_name_before_gacha_is_a_village(text: str, places: list[str]) -> None:
    found = labelled(text, "GPE")
    for place in places:
        assert place in found


def test_gacha_and_sumu_as_kinds_are_no_place() -> None:
    text = "各嘎查村要发挥协商议事室作用,嘎查两委班子和部分嘎查、苏木镇负责人参加,推动嘎查村集体经济发展。"
    assert labelled(text, "GPE") == []


# --- a city whose short name jieba knows as another word, after a verb of going or being somewhere -----------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("考察团一行在合肥考察科技企业。", "合肥"),
        ("会后,调研组赴桂林调研文旅融合。", "桂林"),
        ("代表们陆续抵达拉萨,向大会报到。", "拉萨"),
        ("委员们前往银川参加交流活动。", "银川"),
    ],
)
def test_a_city_after_a_verb_of_place_is_a_place(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


def test_a_city_word_without_such_a_verb_stays_unlabelled() -> None:
    # 大同 (a city, and the word for "great harmony"): no verb of going before it, no place.
    assert labelled("共同追求世界大同的理想。", "GPE") == []


# --- a list of places closed by a count: topics listed before it are no places --------------------------------


def test_topics_before_a_counted_list_of_towns_are_no_places() -> None:
    text = "委员们围绕新农村建设现状、产业结构调整、农民增收等方面与乌兰、新华两镇负责人交流。"
    found = labelled(text, "GPE")
    assert "现状" not in found
    assert "产业结构调整" not in found


# --- a county's short name between two lone characters is inside a name the tables do not know ----------------


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("他带领扎西吉措寺僧众捐助物资。", "西吉"),  # a monastery's transliterated name holding 西吉 (a county)
    ],
)
def test_a_county_inside_an_unknown_name_is_no_place(text: str, inner: str) -> None:
    assert inner not in labelled(text, "GPE")


def test_a_county_after_its_city_or_a_verb_still_stands() -> None:
    found = labelled("调研组赴西吉调研,又到固原西吉、海原考察。", "GPE")
    assert "西吉" in found


# --- PERSON: a dotted Tibetan name before a religious title, and after a photo credit --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "宗教界委员洛桑·丹增尼玛活佛出席开幕会。",
        "洛桑·丹增尼玛活佛是宗教界委员。",
        "新华社记者王强摄洛桑·丹增尼玛活佛说,要爱国爱教。",
    ],
)
def test_a_religious_title_and_a_photo_credit_stay_outside_a_dotted_name(text: str) -> None:
    assert "洛桑·丹增尼玛" in labelled(text, "PERSON")
    assert not [name for name in labelled(text, "PERSON") if "活佛" in name or "摄" in name]


# --- ORG: 自治区 (and 自治州, 自治县) before a department is its level, as 省 is ---------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("这条建议得到了自治区教育厅的采纳。", "自治区教育厅"),
        ("自治州交通运输局负责人介绍了情况。", "自治州交通运输局"),
    ],
)
def test_an_autonomous_level_before_a_department_opens_its_name(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


# --- PERSON by a household or a photo credit: 牧户某某家, 记者某某摄 -----------------------------------------------


def test_a_name_between_a_household_word_and_jia_is_a_person() -> None:
    found = labelled("调研组走访了牧户乌日根其其格家,又到农户张建华家查看暖棚。", "PERSON")
    assert "乌日根其其格" in found
    assert "张建华" in found


def test_a_photographer_before_she_is_a_person() -> None:
    assert "丹增旺堆" in labelled("委员出席开幕会。新华社记者丹增旺堆摄当日,会议开幕。", "PERSON")


def test_households_and_filming_without_a_name_give_none() -> None:
    assert labelled("委员们深入农户家中了解情况,记者现场摄制了专题片。", "PERSON") == []


# --- a kind of town or village after a town is no village of its chain ----------------------------------------


def test_a_kind_of_town_after_a_town_does_not_join_its_chain() -> None:
    found = labelled("调研组借鉴长安镇新农村建设成果,察看石湾镇美丽乡村建设。", "GPE")
    assert "长安镇" in found
    assert "石湾镇" in found
    assert not [p for p in found if p.endswith(("农村", "乡村"))]


# --- ORG: a bureau whose name holds a verb before its head (乡村振兴局, 发展改革局) --------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("县乡村振兴局副局长陈树来到村里。", "县乡村振兴局"),
        ("会同市发展改革局研究落实。", "市发展改革局"),
    ],
)
def test_a_bureau_named_with_a_verb_before_its_head_is_one_body(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_a_verb_and_a_head_with_no_level_name_no_body() -> None:
    assert labelled("要加快推动改革局面形成。", "ORG") == []


def test_a_place_before_a_verb_and_a_head_is_no_bureau_field() -> None:
    found = labelled("加快建设面向中亚西亚辐射中心。", "GPE")
    assert "中亚" in found
    assert "西亚" in found


def test_a_credited_name_holding_a_county_is_one_person() -> None:
    # 贡嘎 is a county's short name; between 记者 and 摄 it opens the photographer's name.
    text = "开幕会现场。中新社记者贡嘎次仁摄当日,会议开幕。"
    assert "贡嘎次仁" in labelled(text, "PERSON")
    assert "贡嘎" not in labelled(text, "GPE")
