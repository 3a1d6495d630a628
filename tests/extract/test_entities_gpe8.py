"""Issue 21, GPE precision on unseen reports (gpe8): a place proposed inside a name the gold holds whole.

Every sentence is written for the test (invented bodies and accounts, real places from the table), so a rule
passes only as a mechanism. Rules alone.
"""

from __future__ import annotations

from tests.extract.spans import labelled

# --- a country's or province's name opening a national body's, party's, association's or media's name --------


def test_a_country_opening_an_alliances_name_is_no_place() -> None:
    text = "1939年,中国农商建国同盟在桂林秘密成立,后并入他会。"
    assert "中国" not in labelled(text, "GPE")


def test_a_country_opening_a_partys_name_in_a_list_is_no_place() -> None:
    text = "参加的团体有:中国青年党、乡村建设协会等。"
    assert "中国" not in labelled(text, "GPE")


def test_a_province_opening_a_learned_societys_name_is_no_place() -> None:
    text = "会上,湖南省园艺植保学会作了交流发言。"
    assert not any(g.startswith("湖南") for g in labelled(text, "GPE"))


def test_a_country_opening_a_papers_site_is_no_place() -> None:
    text = "中国日报网消息 近日,委员们赴基层调研。"
    assert "中国" not in labelled(text, "GPE")


def test_a_country_in_a_political_formula_stays() -> None:
    text = "坚持中国特色社会主义道路,推进中国式现代化。"
    assert labelled(text, "GPE").count("中国") == 2


def test_a_province_before_a_plain_verb_phrase_stays() -> None:
    text = "湖南省全面从严治党取得新成效,湖南省与广东省协会合作。"
    assert "湖南省" in labelled(text, "GPE")


# --- a place opening an account's, a channel's or a site's name ------------------------------------------------


def test_a_place_opening_a_government_account_before_its_timestamp_is_no_place() -> None:
    text = "会期、议程来了\n江苏发布2025-03-03 17:20\n记者从会上获悉。"
    assert "江苏" not in labelled(text, "GPE")


def test_a_place_opening_a_channels_name_is_no_place() -> None:
    text = "据宜昌之声报道,宜昌头条也转发了这条消息。"
    assert "宜昌" not in labelled(text, "GPE")


def test_a_place_that_publishes_something_stays() -> None:
    text = "江苏发布2025年全省经济运行数据,江苏发布了新规。"
    assert labelled(text, "GPE").count("江苏") == 2


def test_a_province_before_a_partys_name_is_where_it_acts() -> None:
    text = "他的亲属中有台湾国民党当局的官员。"
    assert "台湾" in labelled(text, "GPE")


# --- a natives' chamber named by the province it sits in and the home place (某省某地某市商会) ----------------------


def test_provinces_opening_a_natives_chamber_are_no_places() -> None:
    text = "他现任浙江省湖南常德商会执行会长、某某公司董事长。"
    gpes = labelled(text, "GPE")
    assert not any(g.startswith(("浙江", "湖南")) for g in gpes)


# --- a city opening a committee's, society's or association's name the ORG walk misses ----------------------------


def test_a_city_opening_an_editorial_committees_name_is_no_place() -> None:
    text = "【作者】宜昌年鉴编纂委员会【文章来源】年鉴\n宜昌市政协召开会议。"
    assert "宜昌" not in labelled(text, "GPE")


def test_a_city_before_a_plain_noun_stays() -> None:
    text = "宜昌年鉴收录了宜昌全年大事。"
    assert "宜昌" in labelled(text, "GPE")
