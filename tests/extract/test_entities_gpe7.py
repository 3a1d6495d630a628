"""Issue 21, GPE precision on unseen reports (gpe7): the false and missed places of texts 410–419, by kind.

Every sentence is written for the test (invented people and bodies, real places from the table), so a rule
passes only as a mechanism. Rules alone unless the kind is the model's (``model=True``).
"""

from __future__ import annotations

from tests.extract.spans import labelled

# --- a farmers' specialised cooperative named with its trade ---------------------------------------------


def test_a_cooperative_named_with_its_trade_is_one_body_with_its_place() -> None:
    text = "调研组走访了宜阳县青禾种植专业合作社及宜阳县丰瑞畜禽养殖专业合作社。"
    orgs = labelled(text, "ORG")
    assert "宜阳县青禾种植专业合作社" in orgs
    assert "宜阳县丰瑞畜禽养殖专业合作社" in orgs
    assert "宜阳县" not in labelled(text, "GPE")


def test_a_verb_farther_from_the_cooperatives_form_still_ends_the_walk() -> None:
    text = "宜阳县积极发展种植专业合作社,带动农户增收。"
    assert not any(o.endswith("合作社") for o in labelled(text, "ORG"))
    assert "宜阳县" in labelled(text, "GPE")


# --- a place after a word whose last character is a capital numeral ------------------------------------------


def test_a_capital_numeral_closing_a_word_before_a_place_is_no_count() -> None:
    text = "参访团由代表、委员组成的大陆台湾省籍人士和大陆福建籍人士组成,列队伍三支。"
    assert not any(f.startswith(("陆", "伍")) for f in labelled(text, "FIGURE"))
    assert "台湾" in labelled(text, "GPE")
    assert "福建" in labelled(text, "GPE")


def test_a_capital_numeral_in_an_amount_still_counts() -> None:
    assert "陆台" in labelled("购置电脑陆台,价款叁万元。", "FIGURE")


# --- a company listed among sites a visit names ------------------------------------------------------------


def test_a_name_listed_among_facilities_before_dengdi_is_no_place() -> None:
    text = "会员们实地考察了新城纺织产业园、华瑞电器、宜阳非遗展馆等地。"
    assert "华瑞电器" not in labelled(text, "GPE")


def test_unknown_villages_listed_before_dengdi_stay_places() -> None:
    text = "委员们先后来到上坪、下洞、石门坎等地调研。"
    assert {"上坪", "下洞", "石门坎"} <= set(labelled(text, "GPE"))


# --- a list of topics before 等乡村…: the countryside, no count of townships ---------------------------------


def test_topics_listed_before_the_word_for_the_countryside_are_no_places() -> None:
    text = "调研组就农业产业发展、群众生产生活、增加群众收入等乡村振兴工作进行专题调研。"
    assert labelled(text, "GPE") == []


def test_villages_listed_before_dengxiang_stay_places() -> None:
    text = "委员们走访了上坪、下洞、石门坎等乡镇。"
    assert {"上坪", "下洞", "石门坎"} <= set(labelled(text, "GPE"))


# --- a village cut short where the text names it whole ------------------------------------------------------


def test_a_village_cut_short_is_whole_where_the_text_names_it_whole_elsewhere() -> None:
    text = "委员们先来到上营镇下河庄村,参观了村史馆。李书记介绍了未来下河庄村的发展规划。"
    places = labelled(text, "GPE", model=True)
    assert "下河庄村" in places
    assert "庄村" not in places
    assert "河庄村" not in places


def test_a_village_named_once_is_not_lengthened_by_the_word_before_it() -> None:
    text = "委员们来到上营镇,走访了下河庄村和东庄村。"
    assert "东庄村" in labelled(text, "GPE")
