"""Issue 21, third round: mechanisms found on the dev texts 066–077 (kinds of miss, not strings).

Every sentence is written for the test (invented people; real places and bodies only where the
rule is about them), so a rule passes only as a mechanism. Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from pizhu.extract.normalize import normalize
from tests.extract.spans import labelled


def normalized(raw: str) -> str:
    result = normalize(raw)
    for i, ch in enumerate(result.text):
        assert raw[result.raw_offsets[i]] == ch
    return result.text


# --- normalization and PERSON: lists of names ---------------------------------------------------


def test_a_two_character_name_padded_to_three_columns_is_one_item_of_its_list() -> None:
    raw = "常   委:林国栋 韩  梅 赵振华 邵  华 周立平\n"
    text = normalized(raw)
    assert "林国栋 韩梅 赵振华 邵华 周立平" in text
    assert labelled(text, "PERSON") == ["林国栋", "韩梅", "赵振华", "邵华", "周立平"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("主席 林国栋  韩梅 赵振华", "主席林国栋韩梅赵振华"),  # two spaces between two-character runs: no padding
        ("出席:林国栋 韩梅 赵振华", "出席:林国栋 韩梅 赵振华"),  # single spaces: a list, as before
        ("会议 期间  大家 发言", "会议期间大家发言"),  # no list: OCR spacing goes
    ],
)
def test_padding_is_only_read_inside_a_list(raw: str, expected: str) -> None:
    assert normalized(raw) == expected


def test_a_given_name_may_hold_a_character_beyond_the_basic_block() -> None:
    # t2s turns 鏉 into U+28C52; a name written with it is still one name of the list.
    text = "副主席:林国栋 赵振华 周立平 钱崇\U00028c52\n"
    assert labelled(text, "PERSON") == ["林国栋", "赵振华", "周立平", "钱崇\U00028c52"]
    assert normalized("委员:林国栋 赵振华 钱崇\U00028c52") == "委员:林国栋 赵振华 钱崇\U00028c52"


def test_a_conjunction_between_two_names_is_no_part_of_the_second() -> None:
    assert labelled("会长林国栋向邵立新和吕虹一行表示欢迎。", "PERSON") == ["林国栋", "吕虹"]
    assert "和荣立" not in labelled("听取委员和荣立委员意见。", "PERSON")


def test_a_surname_that_is_also_a_conjunction_still_starts_a_name_after_punctuation() -> None:
    assert labelled("主持人：和吕虹\n", "PERSON") == ["和吕虹"]


# --- ORG ---------------------------------------------------------------------------------------


def test_a_papers_lead_names_the_paper() -> None:
    assert labelled("【东方商报讯】联谊会日前举行座谈。", "ORG") == ["东方商报"]
    assert labelled("本报讯 联谊会日前举行座谈。", "ORG") == []


def test_the_sar_government_and_the_liaison_office_need_no_place() -> None:
    text = "委员们支持特区政府依法施政，并与中联办保持沟通。"
    assert labelled(text, "ORG") == ["特区政府", "中联办"]
    assert labelled("支持香港特区政府施政。", "ORG") == ["香港特区政府"]


# --- DATE --------------------------------------------------------------------------------------


def test_a_month_and_day_with_a_dash_before_a_clock_time_is_a_date() -> None:
    assert labelled("红网站\n05-07 11:52\n", "DATE") == ["05-07"]
    assert labelled("比分05-07 落后", "DATE") == []  # no clock time: a score, a code
    assert labelled("电话0571-07 12:30", "DATE") == []  # inside a longer number


# --- FIGURE ------------------------------------------------------------------------------------


def test_a_length_spent_on_something_in_chinese_numerals_is_a_figure() -> None:
    assert labelled("经两个月的筹备,召开了成立大会。", "FIGURE") == ["两个月"]


def test_a_count_of_terms_above_ten_in_chinese_numerals() -> None:
    assert labelled("历经十一届,委员队伍不断壮大。", "FIGURE") == ["十一届"]
    assert labelled("政协第十一届委员会", "FIGURE") == []


def test_one_holder_of_a_post_in_a_composition_is_counted() -> None:
    assert labelled("常务委员14名,主席(兼职)一名,副主席4名。", "FIGURE") == ["14名", "一名", "4名"]
    assert labelled("秘书长由一名副主席兼任。", "FIGURE") == []


# --- GPE ---------------------------------------------------------------------------------------


def test_one_character_province_names_before_their_relation_are_one_place() -> None:
    assert labelled("就加强港鄂合作广泛交换意见。", "GPE") == ["港鄂"]
    assert labelled("推动闽台交流。", "GPE") == ["闽台"]


def test_associations_of_hong_kong_and_macau_by_their_heads() -> None:
    assert labelled("委员们莅临香港福建社团联会座谈。", "ORG") == ["香港福建社团联会"]
    assert labelled("澳门江门同乡会会长林国栋致辞。", "ORG") == ["澳门江门同乡会"]
    assert labelled("各社团联会积极参与。", "ORG") == []


def test_a_committee_named_by_a_place_and_its_people_in_one_word() -> None:
    text = "副秘书长林国栋、港澳台侨委员会驻会副主任邵华日前到访。"
    assert labelled(text, "ORG") == ["港澳台侨委员会"]


def test_a_head_jieba_glued_to_the_post_after_it_still_ends_its_body() -> None:
    # jieba writes 人大代表 as one word; the body is still the place's congress.
    assert labelled("其中8人担任岳阳市人大代表。", "ORG") == ["岳阳市人大"]
    assert labelled("港区人大代表出席。", "ORG") == []


# --- PERSON: posts and credits -----------------------------------------------------------------


def test_a_photo_credit_ends_its_name_at_she() -> None:
    assert labelled("新华社记者邵华摄\n会议审议通过议程。", "PERSON") == ["邵华"]


def test_a_name_after_an_adviser_or_before_a_taking_office_verb() -> None:
    assert labelled("该会医事顾问林国栋,理事长赵振华出席。", "PERSON") == ["林国栋", "赵振华"]
    assert labelled("区政协委员周立平担任联谊会副会长。", "PERSON") == ["周立平"]


def test_an_appointment_list_names_each_person_and_committee() -> None:
    text = "会议决定,林国栋为提案委员会主任,赵振华为经济委员会主任,周立平为文史和学习委员会副主任。"
    assert labelled(text, "PERSON") == ["林国栋", "赵振华", "周立平"]
    assert labelled(text, "ORG") == ["提案委员会", "经济委员会", "文史和学习委员会"]
    assert labelled("补选邵华为第六届委员会主任委员。", "ORG") == []  # a term, not a named body


def test_an_agencys_dateline_in_chinese_numerals_names_the_agency() -> None:
    assert labelled("中新社北京三月十五日电 (记者 邵华)会议闭幕。", "ORG") == ["中新社"]


def test_the_liaison_offices_department_and_the_sar_legislature() -> None:
    assert labelled("中联办协调部副部长林国栋出席。", "ORG") == ["中联办协调部"]
    assert labelled("部分全国政协澳区委员及立法会议员到会。", "ORG") == ["全国政协", "立法会"]
    assert labelled("召开立法会议审议。", "ORG") == []


def test_units_a_body_sets_up_are_counted() -> None:
    assert labelled("全国委员会设九个专门委员会,分工负责。", "FIGURE") == ["九个"]
    assert labelled("下设三个工作组。", "FIGURE") == ["三个"]


# --- SLOGAN ------------------------------------------------------------------------------------


def test_a_quoted_clause_the_text_names_a_principle_is_a_slogan() -> None:
    assert labelled("全面贯彻落实“爱国者治澳”原则。", "SLOGAN") == ["爱国者治澳"]
    assert labelled("坚持“港人治港”的方针。", "SLOGAN") == ["港人治港"]
    assert labelled("就“加强社区养老服务”开展协商。", "SLOGAN") == []  # a quoted topic


def test_a_role_in_a_credit_is_no_name() -> None:
    assert labelled("责任编辑:管理员\n打印关闭", "PERSON") == []
    assert labelled("校对:寒倩\n", "PERSON") == ["寒倩"]  # a given name alone still is


def test_an_autonomous_level_word_alone_is_no_place() -> None:
    assert labelled("关于“各地、市、自治州成立政协组织”的通知", "GPE") == []
    assert labelled("甘南藏族自治州政协", "ORG") == ["甘南藏族自治州政协"]


def test_the_units_a_body_sets_up_are_named() -> None:
    text = "第一届委员会下设学习委员会、协助私营工商业社会主义改造委员会。"
    assert labelled(text, "ORG") == ["学习委员会", "协助私营工商业社会主义改造委员会"]
    assert labelled("下设九个专门委员会。", "ORG") == []
    assert labelled("下设委员会。", "ORG") == []


def test_two_known_names_run_together_in_a_heading_are_both_names() -> None:
    text = "常务副会长林国栋等接待省政协副主席邵立新一行。\n邵立新林国栋出席致辞\n"
    assert labelled(text, "PERSON").count("邵立新") == 2
