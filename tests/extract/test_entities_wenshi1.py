"""Issue 21, round wenshi1: 文史 and culture pages (texts 574–585): old academies, era years, relics, halls.

Every sentence is written for the test (invented academies, scholars and halls; real places and the era names
of the tables), so a rule passes only as a mechanism. Rules alone.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- DATE: an era year glossed with its Gregorian year, and the era's later years -------------------------------


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # An era year of any dynasty, glossed with a year before the Republic: both are DATEs.
        ("据载,该院创办于大中二年(848),后毁于兵火。", ("大中二年", "848")),
        ("宋咸平五年(1002),知州在此建讲堂。", ("咸平五年", "1002")),
        ("书院为清朝乾隆十一年(1746)所建。", ("乾隆十一年", "1746")),
    ],
)
def test_an_era_year_glossed_with_its_year_is_two_dates(text: str, dates: tuple[str, str]) -> None:
    got = labelled(text, "DATE")
    assert all(d in got for d in dates)


def test_the_era_a_gloss_named_dates_its_later_years() -> None:
    text = "大中二年(848)建院,大中九年改名,后废。"
    assert "大中九年" in labelled(text, "DATE")


def test_a_length_glossed_with_a_modern_year_is_no_era() -> None:
    text = "协会成立十年(2014年)来,共举办展览二十场。"
    got = labelled(text, "DATE")
    assert not any(d.endswith("十年") for d in got)


def test_a_ming_reign_year_is_a_date() -> None:
    text = "某某,字某某,明成化八年进士,历官知府。"
    assert "成化八年" in labelled(text, "DATE")


# --- ORG: an academy (书院) by its own name --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("清代,知县在城东创建凤鸣书院,延师讲学。", "凤鸣书院"),
        ("据县志记载,湘西书院始建于明代。", "湘西书院"),
        ("礼请名儒主讲宜兴东坡书院,从学者甚众。", "宜兴东坡书院"),
    ],
)
def test_an_academy_by_its_name_is_an_org(text: str, org: str) -> None:
    assert org in labelled(text, "ORG")


def test_a_place_opening_an_academy_is_no_place_of_its_own() -> None:
    text = "礼请名儒主讲宜兴东坡书院,从学者甚众。"
    assert not any(g.startswith("宜兴") and g != "宜兴" for g in labelled(text, "GPE"))
    assert "宜兴" not in labelled(text, "GPE")


def test_academies_in_general_are_no_org() -> None:
    text = "南宋时期,书院规模扩大,私人创办书院蔚然成风。"
    assert labelled(text, "ORG") == []


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("因位于山谷,故青云洞书院又称谷口书院。", "青云洞书院"),
        ("因位于山谷,故青云洞书院又称谷口书院。", "谷口书院"),
        ("某某县境内凤栖书院即在此时兴建。", "凤栖书院"),
    ],
)
def test_a_particle_or_where_it_lies_is_no_part_of_an_academy(text: str, org: str) -> None:
    assert org in labelled(text, "ORG")


# --- ORG: a memorial hall or exhibition hall named after a person ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("张太雷纪念馆位于常州市,是爱国主义教育基地。", "张太雷纪念馆"),
        ("委员们参观了叶挺故居纪念馆,缅怀革命先烈。", "叶挺故居纪念馆"),
        ("黄兴故居陈列馆以珍贵文物介绍了他的生平。", "黄兴故居陈列馆"),
    ],
)
def test_a_hall_named_after_a_person_is_an_org(text: str, org: str) -> None:
    got = labelled(text, "ORG")
    assert org in got
    assert not any(p in org for p in labelled(text, "PERSON"))


def test_a_hall_of_a_kind_is_no_org() -> None:
    assert labelled("委员们参观了革命纪念馆和村史陈列馆。", "ORG") == []


def test_a_residence_is_a_cue_for_the_name_before_it() -> None:
    text = "长宁县梅硐的革命名人余泽鸿故居保存完好。"
    assert "余泽鸿" in labelled(text, "PERSON")


def test_a_surname_with_a_title_before_a_residence_is_no_name() -> None:
    assert labelled("委员们参观了毛主席故居和王氏旧居。", "PERSON") == []


# --- GPE: a town named with its kind (古镇, 名镇) -------------------------------------------------------------


def test_a_kind_of_town_ends_no_chain() -> None:
    text = "县政协副主席带领委员深入朱家角镇调研古镇保护工作。"
    got = labelled(text, "GPE")
    assert "朱家角镇" in got and not any("古镇" in g for g in got)


def test_a_kind_of_town_after_a_city_is_the_city() -> None:
    text = "省政协调研 桐乡市历史名镇名村保护与发展。"
    got = labelled(text, "GPE")
    assert "桐乡市" in got and not any("名镇" in g for g in got)


def test_a_town_before_its_kind_word_keeps_its_name_from_the_model() -> None:
    text = "委员们考察了磁器口古镇和黄龙溪古镇。"
    got = labelled(text, "GPE", model=True)
    assert "磁器口" in got and "黄龙溪" in got and not any(g.endswith("古镇") for g in got)


# --- PERSON: historical figures by their posts, courtesy names and credits of old works --------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("乾隆年间知县郑昌龄捐资重修书院。", "郑昌龄"),
        ("其中有刑部侍郎钱士升、潮州知府吴颖等进士。", "钱士升"),
        ("其中有刑部侍郎钱士升、潮州知府吴颖等进士。", "吴颖"),
        ("应邀前来的学者罗振宇先生为书院揭牌。", "罗振宇"),
    ],
)
def test_an_old_post_or_a_scholar_before_a_name_is_its_cue(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


def test_a_courtesy_name_after_the_name_is_a_person() -> None:
    text = "县志记载:陈宜中,字与权,南宋进士,历官右丞相。"
    got = labelled(text, "PERSON")
    assert "陈宜中" in got and "与权" in got


def test_the_author_of_an_old_piece_in_brackets_is_a_person() -> None:
    text = "志中收有《重修学宫记》(郑元祐撰)和《义田记》(杨维桢撰)。"
    got = labelled(text, "PERSON")
    assert "郑元祐" in got and "杨维桢" in got


def test_a_town_and_a_level_body_joined_by_he_are_two() -> None:
    text = "朱家角镇和县文广新局负责人陪同调研。"
    assert "县文广新局" in labelled(text, "ORG")
    assert "朱家角镇" in labelled(text, "GPE")


# --- GPE: names listed before a count of villages or towns ---------------------------------------------------


def test_names_listed_before_a_count_of_villages_are_places() -> None:
    text = "正在申报的还有红石、青岗、白马坳等12个村。"
    got = labelled(text, "GPE")
    assert all(n in got for n in ("红石", "青岗", "白马坳"))


def test_words_listed_before_a_count_of_other_things_are_no_places() -> None:
    text = "重点抓好红石、青岗等12个项目。"
    assert labelled(text, "GPE") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("祠中以忠简宗公(宗泽)配享,又祀先生(吕祖谦)。", "宗泽"),
        ("祠中以忠简宗公(宗泽)配享,又祀先生(吕祖谦)。", "吕祖谦"),
    ],
)
def test_the_name_in_brackets_after_an_honorific_is_a_person(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


def test_a_word_before_brackets_is_no_honorific() -> None:
    assert labelled("推进二期(东区)工程和电子(信息)产业。", "PERSON") == []


def test_agencies_listed_before_their_heads_share_the_level() -> None:
    text = "副县长应邀参加,县文广新局、旅游局、建设局负责人陪同调研。"
    got = labelled(text, "ORG")
    assert all(o in got for o in ("县文广新局", "旅游局", "建设局"))


def test_a_single_bureau_before_its_head_stays_generic() -> None:
    assert labelled("会上,旅游局负责人作了发言。", "ORG") == []


@pytest.mark.parametrize(
    ("text", "org"),
    [("其父曾任礼部尚书,其兄官至户科给事中。", "礼部"), ("其父曾任礼部尚书,其兄官至户科给事中。", "户科")],
)
def test_a_ministry_of_the_old_state_in_a_post_is_an_org(text: str, org: str) -> None:
    assert org in labelled(text, "ORG")


def test_a_street_named_after_a_ministry_is_no_org() -> None:
    assert labelled("委员们在户部巷品尝了特色小吃。", "ORG") == []
