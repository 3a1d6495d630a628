"""Issue 21, org12: kinds of ORG (and a few others) the unseen pages 430–441 showed.

- a CPPCC's committee by its short name (提案委, 文史委) never ends in a level's party committee: 盟政协聚焦盟委 is
  the CPPCC, a verb and the league's committee (盟委), not one name;
- 行署 (a prefecture's or league's administrative office, short for 行政公署) names one body as 市政府 does;
- a league (盟) of the divisions table is also written by its first character and 盟 (锡林郭勒盟 → 锡盟) before its
  organs (锡盟政协, 中共锡盟委);
- a template's placeholder (xx盟, XX市) before a chain leaves no ORG (RULINGS: a chain with a placeholder inside);
- a dateline's 电 (…12月26日电) followed by a bracketed name gives the writer, as 讯(…) does.

Every sentence is written for the test (invented people and bodies), so a rule passes only as a mechanism.
Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- ORG: a committee's short name never ends in a level's party committee ----------------------------


@pytest.mark.parametrize(
    ("text", "bodies", "not_bodies"),
    [
        ("一年来,旗政协紧扣旗委中心工作,认真履行职能。", ["旗政协", "旗委"], ["旗政协紧扣旗委"]),
        ("过去一年,盟政协聚焦盟委行署中心工作,坚持建言资政。", ["盟政协", "盟委"], ["盟政协聚焦盟委"]),
    ],
)
def test_a_committee_short_name_does_not_swallow_a_level_committee(
    text: str, bodies: list[str], not_bodies: list[str]
) -> None:
    found = labelled(text, "ORG")
    for body in bodies:
        assert body in found
    for wrong in not_bodies:
        assert wrong not in found


def test_a_committee_short_name_is_still_a_subunit() -> None:
    assert "县政协文史委" in labelled("县政协文史委召开全体会议。", "ORG")


# --- ORG: 行署 names one body --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "在盟委的正确领导和行署的大力支持下,各项工作取得新进展。",
        "向盟委、行署报送重点提案摘报十二期。",
        "会议聚焦地委行署中心工作。",
    ],
)
def test_bare_xingshu_is_a_body(text: str) -> None:
    assert "行署" in labelled(text, "ORG")


def test_xingshu_inside_a_word_is_no_body() -> None:
    assert "行署" not in labelled("各单位严格执行署名制度。", "ORG")


# --- ORG/GPE: a league's short name from the divisions table ------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("向大会报告十二届锡盟政协提案工作情况。", "锡盟政协"),
        ("在中共锡盟委的正确领导下,全盟经济稳步发展。", "中共锡盟委"),
        ("阿盟政协召开常委会议。", "阿盟政协"),
    ],
)
def test_a_league_by_its_short_name_opens_its_organs(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


# --- ORG: a template's placeholder leaves no chain ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "中国人民政治协商会议xx盟第十二届委员会常务委员会五年来提案工作报告",
        "我受政协XX市第五届委员会常务委员会的委托,向大会报告工作。",
    ],
)
def test_a_chain_with_a_placeholder_is_no_body(text: str) -> None:
    found = labelled(text, "ORG")
    assert not any("委员会" in o for o in found)
    assert "中国人民政治协商会议" not in found


# --- PERSON: the writer after a dateline's 电 -----------------------------------------------------------


def test_a_bracketed_name_after_a_datelines_dian_is_the_writer() -> None:
    text = "人民网银川12月26日电 (邵国梁)12月26日上午,政协会议开幕。"
    assert "邵国梁" in labelled(text, "PERSON")


# --- GPE: a place opening a channel's name; 自治州 alone ---------------------------------------------------


def test_a_place_opening_a_channel_is_no_place() -> None:
    text = "来源:人民网-青海频道\n人民网西宁3月2日电,会议召开。"
    assert "青海" not in labelled(text, "GPE")
    assert "西宁" in labelled(text, "GPE")


def test_autonomous_prefecture_alone_is_no_place() -> None:
    text = "该提案由自治州州长领衔督办,推动全州新能源发展。"
    assert "自治州" not in labelled(text, "GPE", model=True)


# --- PERSON: a county's short name after a post and before what the person does --------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("拉萨市政协主席措美代表政协常务委员会向大会报告工作。", "措美"),
        ("县委书记墨竹主持会议并讲话。", "墨竹"),
    ],
)
def test_a_county_name_after_a_post_before_an_act_is_a_person(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")
    assert name not in labelled(text, "GPE")


def test_a_county_after_a_post_of_its_own_stays_a_place() -> None:
    assert "措美" not in labelled("措美县委书记主持会议。", "PERSON")


# --- PERSON: a dotted name after a title runs through its dots ------------------------------------------


def test_a_dotted_name_after_a_title_is_whole() -> None:
    text = "该提案由自治州州长阿合买提·吐尔洪江领衔督办。"
    assert "阿合买提·吐尔洪江" in labelled(text, "PERSON")


# --- ORG: an account named in quotes before 公众号 -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "account", "place"),
    [
        ("来源:“今日青川”公众号\n县政协召开会议。", "今日青川", "青川"),
        ("本文转自“北岭发布”微信公众号。", "北岭发布", "北岭"),
    ],
)
def test_a_quoted_account_before_its_kind_is_a_body_and_holds_its_place(text: str, account: str, place: str) -> None:
    assert account in labelled(text, "ORG")
    assert place not in labelled(text, "GPE")


# --- GPE: a kind of village after a county is no link of the chain ------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("总书记给青川县边境村老支书们回信。", "青川县"),
        ("委员们走访了北岭县贫困村和示范村。", "北岭县"),
    ],
)
def test_a_kind_of_village_after_a_county_is_no_link(text: str, place: str) -> None:
    assert labelled(text, "GPE") == [place]


def test_a_named_village_after_a_county_still_is() -> None:
    assert "隆安县东信村" in labelled("委员们来到隆安县东信村调研。", "GPE")


# --- PERSON: a photo credit's name; a name after a post before 代表 ----------------------------------------


def test_a_photo_credit_at_a_lines_end_gives_the_photographer() -> None:
    assert "李劲" in labelled("会议现场。李劲摄\n\n委员们认为,报告实事求是。", "PERSON")


def test_a_name_after_a_post_before_daibiao_is_a_person() -> None:
    text = "区政协党组书记、主席颉常安代表政协第九届委员会常务委员会作工作报告。"
    assert "颉常安" in labelled(text, "PERSON")


# --- ORG: a court of a special jurisdiction with its place -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("州人民检察院、吉林省白山林区中级法院、白山军分区的负责同志列席会议。", "吉林省白山林区中级法院"),
        ("北京铁路运输法院、上海海事法院等单位参加座谈。", "上海海事法院"),
    ],
)
def test_a_special_court_with_its_place_is_one_body(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


# --- MEETING: the party's numbered congress after 党的, whatever follows ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "全县上下以迎接和学习宣传贯彻党的二十大为主线,坚定不移推进发展。",
        "要全面对照党的二十大作出的决策部署。",
        "中共十九大作出了重大部署。",
    ],
)
def test_the_partys_congress_after_its_name_is_a_meeting(text: str) -> None:
    assert any(m in ("二十大", "十九大") for m in labelled(text, "MEETING"))


def test_a_list_of_ten_big_things_is_no_congress() -> None:
    assert labelled("全市实施十大工程和十大行动。", "MEETING") == []


# --- ORG: an autonomous prefecture's or county's organs by its level ----------------------------------------


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        (
            "自治县人民政府、自治县政协、自治县人大常委会的负责同志出席。",
            ["自治县人民政府", "自治县政协", "自治县人大常委会"],
        ),
        ("一年来,自治州政协围绕自治州党委中心工作履职。", ["自治州政协", "自治州党委"]),
        ("盟行署副盟长出席会议。", ["盟行署"]),
    ],
)
def test_an_autonomous_level_names_its_organs(text: str, bodies: list[str]) -> None:
    found = labelled(text, "ORG")
    for body in bodies:
        assert body in found
    assert "自治县" not in labelled(text, "GPE") and "自治州" not in labelled(text, "GPE")


# --- ORG: a CPPCC committee's short name whose parts 和 joins, two characters each ---------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("市政协文史和学习委召开全体会议。", "市政协文史和学习委"),
        ("由州政协社会和法制委牵头开展调研。", "州政协社会和法制委"),
    ],
)
def test_a_short_committee_name_joined_by_he_is_one_subunit(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_a_body_and_a_level_committee_joined_by_he_stay_two() -> None:
    found = labelled("市政协和市委统战部联合召开座谈会。", "ORG")
    assert "市政协" in found and "市委统战部" in found


def test_a_party_committee_after_he_is_no_committee_short_name() -> None:
    found = labelled("全国政协精心指导和区党委坚强领导下,工作取得新进展。", "ORG")
    assert not any(o.endswith("区党委") and len(o) > 4 for o in found)
