"""Issue 21, GPE recall on unseen pages (gperecall): kinds of place the rules missed.

Every sentence is written for the test (invented visits; the places are real ones from the division
table or made of common place words), so a rule passes only as a mechanism. Rules alone.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- a county's short name that jieba knows only as a rare word, after a verb of going or being somewhere -----


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("委员们到昭觉实地调研易地搬迁安置点。", "昭觉"),
        ("调研组赴屏边考察边境贸易。", "屏边"),
        ("视察团一行前往卓资,察看农田水利建设。", "卓资"),
        ("考察团来到行唐参观现代农业园区。", "行唐"),
    ],
)
def test_a_county_after_a_verb_of_place_is_a_place(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


def test_a_county_word_that_is_a_common_word_stays_unlabelled_after_such_a_verb() -> None:
    # 友谊 (a county of Heilongjiang, and the word for friendship), 中方 (a county, and "the Chinese side"):
    # words too common to be read as the county from a verb alone.
    found = labelled("双方在友谊的基础上加强合作,在中方的支持下推进项目。", "GPE")
    assert "友谊" not in found
    assert "中方" not in found


@pytest.mark.parametrize(
    "text",
    [
        "大会在黄龙艺术剧院开幕。",  # a county's name opening a venue's
        "委员们要在同心向党上作表率。",  # a county's name that is a word of a phrase
        "经验值得在全州乃至全省推广。",  # a determiner and a level: a scope, no county
    ],
)
def test_a_county_word_running_on_after_such_a_verb_is_no_place(text: str) -> None:
    assert labelled(text, "GPE") == []


# --- a counted list of places whose first item a preposition opens ----------------------------------------------


def test_a_preposition_opening_a_counted_list_of_places_is_no_part_of_the_first_place() -> None:
    found = labelled("昨天,由湖南、湖北、江西三省政协组成的调研组抵达武汉。", "GPE")
    assert "湖南" in found
    assert "由湖南" not in found


# --- a village whose name ends in 山, which jieba reads as its stem's character and the word 山村 (a hill village) --


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("委员们走进柏溪镇梅山村,察看人居环境整治成效。", "梅山村"),
        ("“走,去桐山村里摘杨梅”,委员们说。", "桐山村"),
        ("调研组先后走访了柏溪村、沐山村。", "沐山村"),
    ],
)
def test_a_village_named_after_a_hill_is_a_place(text: str, place: str) -> None:
    assert any(place in found for found in labelled(text, "GPE"))


@pytest.mark.parametrize(
    "text",
    [
        "委员们深入偏远山村走访困难群众。",  # a kind of village, no name
        "他从深山村落走出来。",  # 深山 (deep mountains) is a word: the hills, no village's name
        "老区的荒山村庄变了模样。",
    ],
)
def test_a_kind_of_hill_village_is_no_place(text: str) -> None:
    assert labelled(text, "GPE") == []


def test_a_familys_hill_village_keeps_its_surname() -> None:
    assert "冷家山村" in labelled("委员们来到冷家山村调研。", "GPE", model=True)


# --- a town's suffix before a word jieba reads on its own (民族, 民宿) is the town's, not the first of 乡民 -----------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("白沙乡民族团结进步创建工作走在前列。", "白沙乡"),
        ("推动长岭乡民宿产业发展。", "长岭乡"),
    ],
)
def test_a_township_before_a_word_opening_with_min_keeps_its_suffix(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


def test_a_city_before_its_situation_still_gives_the_suffix_away() -> None:
    # 陇南市情 is 陇南 + 市情 (the city's situation): jieba leaves 情 alone after the suffix.
    assert "陇南" in labelled("委员们深入了解陇南市情。", "GPE")


# --- a town after a verb of place, named by a word jieba knows only as a rare one --------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("同年7月,组织全体常委到画屏乡等受灾地区视察灾情。", "画屏乡"),
        ("委员们前往铜锣镇察看防汛工作。", "铜锣镇"),
    ],
)
def test_a_town_named_by_a_rare_word_after_a_verb_of_place_is_a_place(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


def test_a_kind_of_town_after_a_verb_of_place_is_no_place() -> None:
    assert labelled("委员们到重点镇、中心村和特色乡调研。", "GPE") == []


# --- China's named regions (东北, 华东, 岭南, 江南) where they stand as a word, not as a direction --------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("他长期研究华北抗战史,成果丰硕。", "华北"),
        ("推动西北地区生态保护。", "西北地区"),
        ("传承岭南文化,讲好湾区故事。", "岭南"),
        ("这里的建筑保留了江南民居的特色。", "江南"),
    ],
)
def test_a_named_region_of_china_is_a_place(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


@pytest.mark.parametrize(
    "text",
    [
        "湖泊位于市区东北部。",  # a direction within a place
        "书院在县西南,古人读书处。",  # a direction from a place
        "一路向西北方向行进。",
        "与西南大学共建研究中心。",  # a university's name
        "他早年参加东北抗日联军,转战白山黑水。",  # an army named by its region
    ],
)
def test_a_direction_or_a_body_is_no_region(text: str) -> None:
    assert not {"东北", "西南", "西北"} & set(labelled(text, "GPE"))


def test_a_hall_after_a_town_is_no_body() -> None:
    found = labelled("委员们来到柏溪乡农产品展示厅参观。", "ORG")
    assert not any(o.endswith("展示厅") for o in found)


def test_a_region_before_cppcc_offices_opens_no_body() -> None:
    assert labelled("华北地区政协文史办的同志前来交流。", "ORG") == []


# --- a division's name cut by a PDF's line break is one place across it ------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("政协委员赴内蒙\n古和宁夏两地学习考察,考察团先后参观了多处纪念馆。", "内蒙\n古"),
        ("考察团一行到哈尔\n滨市参观学习。", "哈尔\n滨市"),
    ],
)
def test_a_division_cut_by_a_line_break_is_one_place(text: str, place: str) -> None:
    found = labelled(text, "GPE")
    assert place in found
    assert not {"古", "滨市", "蒙"} & set(found)
