"""Issue 21, org9: kinds of ORG miss named by the issue (army units, coordinations sharing one head,
long formal names cut by a line break, media after a place of the divisions table, a committee's
short form as the agent of its work).

Every sentence is written for the test (invented people, real places from the divisions table), so
a rule passes only as a mechanism. Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- ORG: army and armed-police units after their place -------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("出席会议的还有西宁警备区司令员张立新。", "西宁警备区"),
        ("天津警备区政委王海平讲话。", "天津警备区"),
        ("甘肃省军区副司令员刘志强出席。", "甘肃省军区"),
    ],
)
def test_a_garrison_or_military_region_after_its_place_is_one_org(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("河北陆军预备役步兵师师长钱永康出席。", "河北陆军预备役步兵师"),
        ("山西陆军预备役高射炮兵团团长孙光明出席。", "山西陆军预备役高射炮兵团"),
        ("四川预备役工兵旅旅长周国栋出席。", "四川预备役工兵旅"),
    ],
)
def test_a_reserve_division_brigade_or_regiment_after_its_place_is_one_org(text: str, body: str) -> None:
    assert labelled(text, "ORG") == [body]


def test_a_reserve_unit_needs_a_place_before_it() -> None:
    assert labelled("他曾在陆军预备役步兵师服役。", "ORG") == []


# --- ORG: a party's committees of two levels sharing one congress ----------------------------------


def test_the_party_and_the_first_place_of_a_coordination_before_a_congress_are_one_org() -> None:
    text = "会议学习贯彻中共河南省、郑州市第十次代表大会精神。"
    assert "中共河南省" in labelled(text, "ORG")
    assert "第十次代表大会" in labelled(text, "MEETING")


def test_a_coordination_of_places_without_a_congress_is_no_party_body() -> None:
    assert "中共河南省" not in labelled("中共河南省、郑州市领导出席。", "ORG")


# --- ORG: a long formal committee name cut by a line break --------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("政协成都市第十四届委员会\n常务委员会向大会报告工作。", "政协成都市第十四届委员会\n常务委员会"),
        ("受政协绵阳市第八届委员会\n常委会委托，作工作报告。", "政协绵阳市第八届委员会\n常委会"),
    ],
)
def test_a_standing_committee_on_the_next_line_joins_the_committee(text: str, body: str) -> None:
    assert labelled(text, "ORG") == [body]


def test_a_page_number_line_between_committee_and_standing_committee_is_inside_the_name() -> None:
    text = "政协成都市第十四届委员会\n- 12 -\n常务委员会向大会报告工作。"
    assert labelled(text, "ORG") == ["政协成都市第十四届委员会\n- 12 -\n常务委员会"]


def test_a_new_paragraph_about_the_standing_committee_stays_apart() -> None:
    text = "政协成都市第十四届委员会。\n常务委员会一年来做了大量工作。"
    assert "政协成都市第十四届委员会。\n常务委员会" not in labelled(text, "ORG")


# --- ORG: a place's newspaper or station, the place from the divisions table ------------------------


@pytest.mark.parametrize("body", ["酒泉日报", "酒泉晚报", "张掖电视台", "张掖广播电视台"])
def test_media_after_a_city_of_the_divisions_table_are_orgs(body: str) -> None:
    assert body in labelled(f"市政协邀请了{body}记者参加采访。", "ORG")


def test_media_after_a_function_word_still_find_their_place() -> None:
    assert "酒泉日报" in labelled("记者在酒泉日报发表文章。", "ORG")


def test_a_paper_after_no_place_is_no_body() -> None:
    assert labelled("他每天读晨间日报。", "ORG") == []


# --- ORG: the proposal committee's short form as the agent of its review ----------------------------


def test_the_proposal_committees_short_form_reviewing_proposals_is_an_org_without_a_cppcc_named() -> None:
    text = "全年共收到提案80件，经提案委审查立案75件。"
    assert labelled(text, "ORG") == ["提案委"]


# --- PERSON: a name after a military post ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("四川预备役工兵旅旅长周国栋出席。", "周国栋"),
        ("河北陆军预备役步兵师师长钱永康出席。", "钱永康"),
        ("军分区参谋长吴德胜出席。", "吴德胜"),
    ],
)
def test_a_name_after_a_military_post_is_a_person(text: str, name: str) -> None:
    assert labelled(text, "PERSON") == [name]


@pytest.mark.parametrize("body", ["酒泉日报社", "酒泉日报新闻网"])
def test_a_papers_press_house_or_site_is_one_name_with_it(body: str) -> None:
    assert body in labelled(f"本文来源：{body}。", "ORG")


# --- ORG: a committee's short form after its full name ------------------------------------------------


def test_the_short_form_of_a_committee_named_with_its_place_drops_the_place() -> None:
    text = "会议由政协嘉兴市文史资料委员会主持，文史委主任周立新讲话。"
    assert labelled(text, "ORG") == ["政协嘉兴市文史资料委员会", "文史委"]


def test_the_short_form_of_a_committee_named_bare_is_an_org_after_it() -> None:
    text = "县政协召开会议，听取了提案委员会的报告。会后，提案委将做好督办工作。"
    assert labelled(text, "ORG") == ["县政协", "提案委员会", "提案委"]


def test_a_short_form_before_its_full_name_is_nothing() -> None:
    assert "文史委" not in labelled("文史委的工作很多。后来成立了文史资料委员会。", "ORG")


# --- ORG: a body's whole system is no body ------------------------------------------------------------


@pytest.mark.parametrize("text", ["市政府系统各部门负责人参加。", "由市委系统主办的建议有十件。"])
def test_a_body_followed_by_its_system_is_no_org(text: str) -> None:
    assert labelled(text, "ORG") == []


# --- ORG: a place's news site; a city of the divisions table before a bank ------------------------------


def test_a_places_news_site_is_an_org() -> None:
    assert "酒泉新闻网" in labelled("酒泉广播电视台、酒泉新闻网记者采访。", "ORG")


def test_a_city_of_the_divisions_table_opens_a_banks_name() -> None:
    assert "酒泉农村商业银行" in labelled("酒泉农村商业银行负责人参加。", "ORG")


# --- ORG: sub-units of a party's committee and of a university ----------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("民盟山东省委会监督委员会委员张立出席。", "民盟山东省委会监督委员会"),
        ("民进河北省委会参政议政工作委员会主任李平出席。", "民进河北省委会参政议政工作委员会"),
    ],
)
def test_a_partys_supervisory_or_working_committee_is_part_of_its_name(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("山东大学材料科学与工程学院副院长李辉到会指导。", "山东大学材料科学与工程学院"),
        ("兰州大学第一医院院长王平出席。", "兰州大学第一医院"),
    ],
)
def test_a_universitys_school_or_hospital_is_one_name_with_it(text: str, body: str) -> None:
    assert labelled(text, "ORG") == [body]


def test_two_universities_joined_by_and_stay_two() -> None:
    assert "山东大学与山东师范学院" not in labelled("山东大学与山东师范学院签约。", "ORG")


# --- ORG: a party's organisation of a place before its own units ----------------------------------------


def test_a_party_and_its_place_before_its_direct_units_is_one_org() -> None:
    assert "民盟嘉兴市" in labelled("出席的还有民盟嘉兴市直属基层组织负责人。", "ORG")


# --- PERSON: names before a unanimous vote; names after 委员长 and a civil-service rank -------------------


def test_a_name_before_a_unanimous_election_is_a_person() -> None:
    text = "吴立玲全票当选为主委，陈志州、卢超、邓明利全票当选为副主委。"
    assert labelled(text, "PERSON") == ["吴立玲", "陈志州", "卢超", "邓明利"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("委员长王德恩(兼县长);副委员长王荣亭、孟明轩等人。", "王德恩"),
        ("省委组织部二级主任科员徐冉参加会议。", "徐冉"),
    ],
)
def test_a_name_after_a_chair_of_a_committee_or_a_civil_service_rank_is_a_person(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


# --- ORG: a body's name a PDF line break cuts anywhere --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("受政协成都市第十四\n届委员会常务委员会委托，作报告。", "政协成都市第十四\n届委员会常务委员会"),
        ("受政协成都市第十四届委\n员会常务委员会委托，作报告。", "政协成都市第十四届委\n员会常务委员会"),
        ("受政协成都市\n第十四届委员会常务委员会委托，作报告。", "政协成都市\n第十四届委员会常务委员会"),
        ("共青团成都市\n委员会派员参加。", "共青团成都市\n委员会"),
        ("成都市总\n工会派员参加。", "成都市总\n工会"),
    ],
)
def test_a_name_a_line_break_cuts_is_one_org_across_it(text: str, body: str) -> None:
    assert labelled(text, "ORG") == [body]


@pytest.mark.parametrize(
    "text",
    [
        "县政协\n提案委员会主任张立新讲话。",
        "来源：京华时报\n手机看新闻",
        "政协某某区第四届委员会第一次会议\n常务委员会工作报告",
    ],
)
def test_a_break_after_a_whole_name_or_a_meeting_ends_it(text: str) -> None:
    assert not any("\n" in body for body in labelled(text, "ORG"))


# --- ORG: the NPC with its term, the CPPCC's standing committee named bare, 农工民主党 ---------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("中华人民共和国第十三届全国人民代表大会第五次会议在京开幕。", "中华人民共和国第十三届全国人民代表大会"),
        ("他当选为第一届全国人民代表大会代表。", "第一届全国人民代表大会"),
    ],
)
def test_the_npc_with_its_term_written_before_it_is_one_org(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("政协常委会听取了全国委员会的报告。", "政协常委会"),
        ("政协十一届常委会听取了全国委员会的报告。", "政协十一届常委会"),
        ("政协全国常委会听取了全国委员会的报告。", "政协全国常委会"),
    ],
)
def test_the_national_standing_committee_named_bare_is_an_org(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_the_standing_committees_meeting_is_no_body() -> None:
    assert not any(o.startswith("政协常") for o in labelled("会议由政协常委会议决定，报全国委员会。", "ORG"))


def test_the_standing_committee_named_bare_in_a_local_report_is_left_to_its_level() -> None:
    assert labelled("政协常委会听取了报告。", "ORG") == []


def test_the_peasants_and_workers_party_by_its_middle_name_opens_its_committee() -> None:
    assert labelled("农工民主党太原市委会主委王明出席。", "ORG") == ["农工民主党太原市委会"]


def test_the_standing_committee_named_bare_inside_its_reports_name_is_no_body() -> None:
    assert "政协常委会" not in labelled("委员们讨论了政协常委会工作报告和全国委员会的决议。", "ORG")


# --- ORG: a level's body after a date, after 伪 or 原; a body's name quoted after its place ----------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("2月25日县政府发出通知。", "县政府"),
        ("是时伪县政府已解体。", "县政府"),
        ("会议在原县政府礼堂召开。", "县政府"),
    ],
)
def test_a_levels_body_after_a_date_or_a_qualifier_is_an_org(text: str, body: str) -> None:
    assert labelled(text, "ORG") == [body]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("8月25日成立了“望奎县地方维持委员会”。", "望奎县地方维持委员会"),
        ("挂出“望奎县农民协会”牌子。", "望奎县农民协会"),
    ],
)
def test_a_bodys_name_quoted_after_its_place_is_an_org(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_a_quoted_slogan_after_a_place_is_no_body() -> None:
    assert labelled("提出“望奎县要大发展”的口号。", "ORG") == []


# --- PERSON: a leader's name inside a word the dictionary holds whole -----------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("以邓小平理论和“三个代表”重要思想为指导。", ["邓小平"]),
        ("坚持以马克思列宁主义、毛泽东思想、邓小平理论为指导。", ["毛泽东", "邓小平"]),
    ],
)
def test_a_leaders_name_inside_a_dictionary_word_is_a_person(text: str, names: list[str]) -> None:
    assert labelled(text, "PERSON") == names


def test_a_preposition_opening_a_clause_is_no_part_of_the_first_listed_name() -> None:
    text = "会议向徐立平致以崇高敬意,向程伟、李佳梅副主委表示热烈祝贺。"
    assert "程伟" in labelled(text, "PERSON")
    assert "向程伟" not in labelled(text, "PERSON")


# --- ORG: companies by their brand and place; a corps and its detachment; offices by short names ---------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("中国移动甘肃公司派员参加。", "中国移动甘肃公司"),
        ("国网甘肃省电力公司派员参加。", "国网甘肃省电力公司"),
        ("中国石油兰州石化公司派员参加。", "中国石油兰州石化公司"),
    ],
)
def test_a_companys_brand_before_its_place_is_part_of_its_name(text: str, body: str) -> None:
    assert labelled(text, "ORG") == [body]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("武警甘肃总队兰州支队政委李华出席。", "武警甘肃总队兰州支队"),
        ("县公安局交警大队大队长钱明出席。", "县公安局交警大队"),
    ],
)
def test_a_corps_or_bureau_and_its_detachment_are_one_name(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize("body", ["县发改局", "县住建局", "区教体局"])
def test_a_bureau_by_its_two_character_short_name_after_a_level_is_an_org(body: str) -> None:
    assert body in labelled(f"会议邀请{body}、县财政局负责人参加。", "ORG")


def test_a_level_in_a_plural_before_a_short_bureau_is_no_body() -> None:
    assert labelled("全县发改局系统干部参加培训。", "ORG") == []


@pytest.mark.parametrize("body", ["县政协办", "县人大办"])
def test_the_office_of_a_cppcc_or_congress_by_its_short_name_is_an_org(body: str) -> None:
    assert body in labelled(f"县委办、县政府办、{body}负责人参加。", "ORG")


# --- PERSON: cues after a name (总理, 常委), a long 受…委托, a credit's second role ---------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("委员们对张立国总理到大会听取发言反应强烈。", "张立国"),
        ("常委会组成人员对因病去世的郑志康常委表示深切悼念。", "郑志康"),
        ("随后,张立旗受政协北京市丰台区第八届委员会常务委员会委托作报告。", "张立旗"),
        ("本报讯(全媒体记者李邦国实习生王宇)1月6日下午,会议举行。", "王宇"),
    ],
)
def test_a_name_with_a_cue_after_it_or_a_credit_before_it_is_a_person(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


def test_a_bodys_standing_member_after_the_body_is_no_name() -> None:
    assert labelled("市委常委出席会议。", "PERSON") == []


@pytest.mark.parametrize("name", ["刘为民", "叶向东"])
def test_a_listed_name_with_为_or_向_in_its_middle_is_a_person(name: str) -> None:
    text = f"出席会议的有王振军、陈琳、{name}、吴继德、杨志武等。"
    assert name in labelled(text, "PERSON")


def test_a_listed_phrase_with_为_is_no_name() -> None:
    assert not any("为" in n for n in labelled("出席会议的有王振军、陈琳、以人为本、吴继德等。", "PERSON"))


# --- PERSON: a name between a body and its post ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("市政协林艳芬秘书长列席会议。", "林艳芬"),
        ("县委王立明书记讲话。", "王立明"),
        ("市政协张志强副主席主持会议。", "张志强"),
    ],
)
def test_a_name_between_a_body_and_its_post_is_a_person(text: str, name: str) -> None:
    assert labelled(text, "PERSON") == [name]


def test_a_word_between_a_body_and_a_post_is_no_name() -> None:
    assert labelled("市政协办公室主任出席。", "PERSON") == []


def test_a_qualifier_between_a_body_and_its_post_is_no_name() -> None:
    assert labelled("市政协原副主席出席。", "PERSON") == []


def test_a_name_cut_inside_its_head_by_a_heading_break_is_one_org() -> None:
    text = "第一节县各界人民\n代表会议\n1949年12月7日,县各界人民代表会议第一届第一次会议在县城召开。"
    assert "县各界人民\n代表会议" in labelled(text, "ORG")


# --- ORG: an association's short name by the first characters of its words, after its full name ---------


def test_an_associations_initials_after_its_full_name_are_an_org() -> None:
    text = "副主任走访澳门中华总商会，与中总会长马有礼座谈。中总是核心团体之一。"
    assert labelled(text, "ORG") == ["澳门中华总商会", "中总", "中总"]


def test_initials_before_the_full_name_or_inside_a_word_are_nothing() -> None:
    text = "会议集中总结了经验。中总的会务很多。后来走访澳门中华总商会。"
    assert labelled(text, "ORG") == ["澳门中华总商会"]


@pytest.mark.parametrize("body", ["市台办", "市侨办", "县扶贫办"])
def test_an_office_by_its_short_name_after_a_level_is_an_org(body: str) -> None:
    assert body in labelled(f"会议邀请{body}、市财政局负责人参加。", "ORG")


def test_a_verb_in_办_after_a_level_is_no_office() -> None:
    assert labelled("这件事由市承办。", "ORG") == []


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("东街街道办事处派员参加。", "东街街道办事处"),
    ],
)
def test_a_street_office_or_a_residents_committee_after_its_place_is_an_org(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")
