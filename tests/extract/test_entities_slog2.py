"""Issue 21, SLOGAN/PERSON/MEETING round: kinds of miss on the dev half and the texts 340–349.

Every sentence is written for the test (invented people and formulas), so a rule passes only as a
mechanism. Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- SLOGAN: a method's name in quotes is no formula (GUIDELINES: names of mechanisms and models) ------


@pytest.mark.parametrize(
    "text",
    [
        "会议采取“线上讨论+线下走访”的方式进行。",
        "委员们通过“集中学习+分组研讨”形式开展学习。",
    ],
)
def test_two_ordinary_phrases_joined_by_a_plus_are_a_method_not_a_formula(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


def test_a_plus_formula_of_numbered_or_single_character_parts_stays() -> None:
    assert labelled("推行“大四查+小二改”工作法。", "SLOGAN") == ["大四查+小二改"]
    assert labelled("坚持“勤廉实+严”的要求。", "SLOGAN") == ["勤廉实+严"]


@pytest.mark.parametrize(
    "text",
    [
        "建立“一户一档”台账,做到精准帮扶。",
        "推行“一校一策”,因地制宜推进工作。",
        "各组实行“一人一表”登记制度。",
    ],
)
def test_one_thing_per_unit_in_quotes_is_a_method_not_a_formula(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


def test_a_numbered_formula_of_two_counts_stays() -> None:
    assert labelled("全面落实“三学三比”要求。", "SLOGAN") == ["三学三比"]


# --- SLOGAN: an unquoted numbered formula after the verb that holds to it ------------------------------


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("委员们要牢固树立三个担当,展现新作为。", "三个担当"),
        ("全体委员进一步增强五个自觉,做好本职工作。", "五个自觉"),
    ],
)
def test_an_unquoted_numbered_formula_after_a_verb_of_allegiance_is_a_slogan(text: str, formula: str) -> None:
    assert labelled(text, "SLOGAN") == [formula]


@pytest.mark.parametrize(
    "text",
    ["会议重点研究了三个问题。", "报告从四个方面总结了工作。", "要增强三个方面的能力。"],
)
def test_a_count_of_questions_or_aspects_is_no_formula(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


# --- PERSON: a byline in brackets right after the outlet's lead ----------------------------------------


def test_a_name_in_brackets_after_a_news_lead_is_a_byline() -> None:
    assert labelled("本报讯(柯明远)3月5日,县政协召开常委会议。", "PERSON") == ["柯明远"]


# --- PERSON: a name after a post, then 作 and what is given -------------------------------------------


def test_a_two_character_name_before_zuo_is_not_read_with_it() -> None:
    assert labelled("市委常委、统战部部长邱远作说明。", "PERSON") == ["邱远"]


# --- PERSON: names in a long list keep a character that is also a function word ------------------------


def test_inner_names_of_a_list_may_hold_a_function_character() -> None:
    text = "副主席马晓东、罗金从、田为、孔令华、苏海波出席会议。"
    assert labelled(text, "PERSON") == ["马晓东", "罗金从", "田为", "孔令华", "苏海波"]


# --- PERSON: a list whose separators a mirror doubled (,、) ------------------------------------------


def test_a_list_with_doubled_separators_keeps_every_name() -> None:
    text = "县政协副主席杜文涛,、钟海明,、韩立新、邵建华出席会议。"
    assert labelled(text, "PERSON") == ["杜文涛", "钟海明", "韩立新", "邵建华"]


# --- PERSON: a list of names split by commas as well as 、 ---------------------------------------------


def test_names_between_commas_in_a_list_of_names_count() -> None:
    text = "应邀出席的还有:孙建国、汤立新、彭海洋,韦志明,龙家宝、潘玉成、廖春生。"
    assert labelled(text, "PERSON") == ["孙建国", "汤立新", "彭海洋", "韦志明", "龙家宝", "潘玉成", "廖春生"]


# --- PERSON: a name run together between two names ----------------------------------------------------


def test_a_name_between_two_names_run_together_is_a_name() -> None:
    assert labelled("颜少华邓立恺胡雪梅等出席\n", "PERSON") == ["颜少华", "邓立恺", "胡雪梅"]


# --- MEETING: a numbered session after its body and the year ------------------------------------------


def test_a_session_after_its_body_and_the_year_is_a_meeting() -> None:
    text = "11月5日,市政协党组2023年第15次(扩大)会议召开。"
    assert labelled(text, "MEETING") == ["第15次(扩大)会议"]


# --- PERSON: a leader of the table opening a fixed phrase the dictionary holds as one word ---------------


@pytest.mark.parametrize("text", ["县政协以邓小平理论和“三个代表”重要思想为指导。", "坚持以毛泽东思想为指导。"])
def test_a_leader_opening_a_fixed_phrase_is_a_person(text: str) -> None:
    assert len(labelled(text, "PERSON")) == 1


# --- PERSON: a name before a national post, and after 增选 --------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("柯振华总理到大会听取发言。", "柯振华"),
        ("会议增选苗德厚为副主席。", "苗德厚"),
        ("邵立新委员长出席。", "邵立新"),
    ],
)
def test_a_name_before_a_national_post_or_after_an_election_verb(text: str, name: str) -> None:
    assert labelled(text, "PERSON") == [name]


# --- A hard line break inside a session, a title or a listed name (PDF layout) -----------------------------


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        ("县政协十三届\n三次会议在县城开幕。", "十三届\n三次会议"),
        ("召开第十二次常\n委会议。", "第十二次常\n委会议"),
        ("县政协十届\n二十次常委会议召开。", "十届\n二十次常委会议"),
    ],
)
def test_a_session_cut_by_a_line_break_is_one_meeting(text: str, meeting: str) -> None:
    assert labelled(text, "MEETING") == [meeting]


def test_a_title_cut_by_two_line_breaks_is_one_title() -> None:
    title = "《关于\n进一步加强\n委员履职的规定》"
    assert labelled(f"会议通过{title}。", "TITLE") == [title]


def test_a_listed_name_cut_by_a_line_break_is_one_name() -> None:
    text = "副主席刘志强、张\n丽、马力、孙洁出席会议。"
    assert labelled(text, "PERSON") == ["刘志强", "张\n丽", "马力", "孙洁"]


def test_a_heading_line_and_the_next_are_not_joined_into_a_session() -> None:
    assert labelled("一、第三次\n会议的准备工作\n", "MEETING") == []


# --- SLOGAN: a quotation named as a way of working is a method, not a watchword ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "采取“请进来、走出去”的方式开展调研。",
        "探索“小切口、深调研”工作法。",
        "打造“委员之家+协商驿站”平台。",
        "推行“清单制+责任制”的做法。",
    ],
)
def test_a_quotation_named_as_a_way_of_working_is_no_slogan(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


def test_a_numbered_formula_before_its_working_method_stays() -> None:
    assert labelled("推行“三抓三促”工作法。", "SLOGAN") == ["三抓三促"]


# --- SLOGAN: the members' doubled role wherever it stands; a quoted clause named as a policy ----------------


def test_the_doubled_role_is_a_slogan_after_a_noun_phrase_too() -> None:
    assert labelled("委员们继续发挥服务国家和澳门的双重积极作用。", "SLOGAN") == ["双重积极作用"]


def test_a_quoted_clause_named_as_a_policy_is_a_slogan() -> None:
    assert labelled("宣传了“勤俭建社”政策。", "SLOGAN") == ["勤俭建社"]


# --- PERSON: a transliterated name with a dot inside a list; the first name glued to the list's lead -------


@pytest.mark.parametrize(
    "text",
    ["副主席刘志强、马力、阿不都·热合曼、孙洁出席会议。", "主席团成员:古丽 王伟 阿不都·热合曼 李娜 赵刚"],
)
def test_a_dotted_name_with_du_in_a_list_is_a_name(text: str) -> None:
    assert "阿不都·热合曼" in labelled(text, "PERSON")


def test_the_first_name_of_a_space_list_glued_to_its_lead_is_a_name() -> None:
    assert labelled("出席会议的有王立 李华 张强 刘洋 陈晨等同志。", "PERSON") == [
        "王立",
        "李华",
        "张强",
        "刘洋",
        "陈晨",
    ]


# --- PERSON: a single name right before a verb of speech ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会上,孙立新发言。", "孙立新"),
        ("李文静介绍了有关情况。", "李文静"),
        ("委员们纷纷发言,丁卫国说:“我们要努力。”", "丁卫国"),
        ("座谈中,韩秀英建议加大投入。", "韩秀英"),
    ],
)
def test_a_name_before_a_verb_of_speech_is_a_person(text: str, name: str) -> None:
    assert labelled(text, "PERSON") == [name]


@pytest.mark.parametrize(
    "text", ["高度认为这项工作很重要。", "会议介绍了情况。", "大家建议加大投入。", "全体委员发言踊跃。"]
)
def test_words_before_a_verb_of_speech_are_no_names(text: str) -> None:
    assert labelled(text, "PERSON") == []


def test_a_session_after_its_body_meets_and_the_year_is_a_meeting() -> None:
    assert labelled("县政协党组召开2024年第3次会议。", "MEETING") == ["第3次会议"]


# --- PERSON: a given name holding a character that is also a function word, after a post --------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [("副主席张海燕,秘书长李向阳出席会议。", "李向阳"), ("县委书记王为民主持会议。", "王为民")],
)
def test_a_three_character_name_after_a_post_may_hold_a_function_character(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


@pytest.mark.parametrize("text", ["主任向大会报告工作。", "副主席在会上讲话。", "主席为大家作报告。"])
def test_a_function_word_after_a_post_opens_no_name(text: str) -> None:
    assert labelled(text, "PERSON") == []


def test_a_name_after_a_post_cut_by_a_line_break_is_one_name() -> None:
    assert labelled("县政协副主席张\n建华主持会议。", "PERSON") == ["张\n建华"]


def test_a_line_break_after_a_post_joins_no_heading_into_a_name() -> None:
    assert labelled("一、县政协主席\n二、工作安排\n", "PERSON") == []


# --- PERSON: the last item of a list stops before the verb after it -----------------------------------------


@pytest.mark.parametrize(
    ("text", "last"),
    [("副主席其其格、乌云出席。", "乌云"), ("副主席张伟、阿不都热依木·买买提出席会议。", "阿不都热依木·买买提")],
)
def test_the_last_name_of_a_list_stops_before_its_verb(text: str, last: str) -> None:
    assert labelled(text, "PERSON", model=True)[-1] == last


def test_a_congress_between_the_term_and_the_session_is_no_part_of_the_meeting() -> None:
    text = "委员列席区十五届人大常委会委员会第五次(扩大)会议。"
    assert labelled(text, "MEETING") == ["第五次(扩大)会议"]


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        ("社市委召开六届六次市委〈扩大〉会议。", "六届六次市委〈扩大〉会议"),
        ("会议传达了五届三次市委会议精神。", "五届三次市委会议"),
    ],
)
def test_a_party_committee_plenary_named_by_its_level_is_a_meeting(text: str, meeting: str) -> None:
    assert labelled(text, "MEETING") == [meeting]


def test_a_partys_chain_does_not_run_through_a_verb_and_a_session() -> None:
    orgs = labelled("民盟召开五届三次市委会议。", "ORG")
    assert not any("召开" in o for o in orgs)
    assert labelled("民盟召开五届三次市委会议。", "MEETING") == ["五届三次市委会议"]
    assert "民盟杭州市委" in labelled("民盟杭州市委召开会议。", "ORG")


def test_a_name_before_its_post_cut_by_a_line_break_is_one_name() -> None:
    assert labelled("会议取得圆满成功。\n邵\n华主委代表市委会作报告。", "PERSON") == ["邵\n华"]
