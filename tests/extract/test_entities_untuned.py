"""Issue 21: entity mechanisms that hold on reports nobody tuned on, one test per kind of miss.

Every sentence here is written for the test (invented people, real places from the table
that no gold file names), so a rule passes only as a mechanism, not as a remembered
string. They run with the rules alone (``model=False``) unless they test the combination.
"""

from __future__ import annotations

import pytest

from pizhu.extract.entities import looks_like_place
from pizhu.extract.places import admin_names, table
from tests.extract.spans import labelled

# --- the tables ------------------------------------------------------------------------------


def test_place_table_has_every_level_and_short_names() -> None:
    t = table()
    assert t.kind["甘肃省"] == "province"
    assert t.kind["庆阳市"] == "city"
    assert t.kind["环县"] == "county"
    assert t.short["庆阳"] == "city"
    assert t.short_of["临夏回族自治州"] == "临夏"
    assert t.kind["上饶县"] == "former"  # renamed in 2015: older reports still say it
    assert t.short["日本"] == "country"
    assert len([k for k in t.kind.values() if k == "county"]) > 2800


def test_surname_table_is_full() -> None:
    t = table()
    assert {"王", "肖", "付", "覃", "欧阳", "司马", "诸葛"} <= set(t.surnames)
    assert t.surnames["王"] > t.surnames["覃"] > 0
    assert len(t.surnames) > 500


def test_admin_names_are_found_at_their_suffix() -> None:
    text = "赴甘肃省庆阳市环县和临夏回族自治州考察"
    found = [(text[s:e], k) for s, e, k in admin_names(text)]
    assert found == [("甘肃省", "province"), ("庆阳市", "city"), ("环县", "county"), ("临夏回族自治州", "city")]


# --- GPE --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推动庆阳市高质量发展", ["庆阳市"]),  # never shorter than the text writes it
        ("在平凉调研时指出", ["平凉"]),  # a city's short name where it stands
        ("调研组赴甘肃省庆阳市环县考察", ["甘肃省庆阳市环县"]),  # one chain
        ("融入粤港澳大湾区，服务港澳同胞", ["粤港澳大湾区", "港澳"]),
        ("维护香港特区繁荣稳定", ["香港特区"]),
        ("加快平凉地区发展", ["平凉地区"]),
        ("推进中国式现代化", ["中国"]),  # GPE inside a phrase with no label of its own (seeds ruling)
        ("与中国·庆阳香包节同步", ["中国·庆阳"]),  # dot-joined places are one chain
        ("将东关、西峰、北石、南庄4个乡镇纳入试点", ["东关", "西峰", "北石", "南庄"]),
        ("庆阳市情", ["庆阳"]),  # 市情: the suffix belongs to the word after
    ],
)
def test_gpe_mechanisms(text: str, expected: list[str]) -> None:
    assert labelled(text, "GPE") == expected


@pytest.mark.parametrize("text", ["市和县两级政协", "全市、本县和各区", "长治久安", "坚持和平发展"])
def test_words_that_look_like_places_are_not(text: str) -> None:
    assert labelled(text, "GPE") == []


def test_model_places_need_a_place_shape() -> None:
    assert looks_like_place("王家坪村")
    assert looks_like_place("马莲河")
    assert looks_like_place("庆阳")
    assert not looks_like_place("半坡")
    assert not looks_like_place("会议中心")


# --- ORG --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("庆阳市生态环境局、市发展和改革委员会联合督查", ["庆阳市生态环境局", "市发展和改革委员会"]),
        ("共青团环县委员会组织青年志愿者", ["共青团环县委员会"]),
        ("县总工会、县妇联、县科协、县侨联共同参与", ["县总工会", "县妇联", "县科协", "县侨联"]),
        ("庆阳军分区、武警庆阳支队官兵参加", ["庆阳军分区", "武警庆阳支队"]),
        ("中国农业银行庆阳分行捐款", ["中国农业银行庆阳分行"]),
        ("陇塬钛业有限公司投资建设", ["陇塬钛业有限公司"]),
        ("中国人民政治协商会议甘肃省庆阳市委员会", ["中国人民政治协商会议甘肃省庆阳市委员会"]),
        ("选举产生市政协五届委员会常务委员会", ["市政协五届委员会常务委员会"]),
        ("致公党庆阳市第二届委员会工作报告", ["致公党庆阳市第二届委员会"]),
        ("民盟市委会组织盟员学习", ["民盟市委会"]),
    ],
)
def test_org_grammar(text: str, expected: list[str]) -> None:
    assert labelled(text, "ORG") == expected


@pytest.mark.parametrize(
    "text",
    [
        "县政府推动市场监督管理局改革",  # a verb between the place and the head
        "引导保险公司参与",  # a kind of company
        "各级妇联组织",  # plural
        "全市政协委员积极建言",  # 全市: all of the city's members
        "兄弟县区政协来访",
        "服务发展大局",  # 局 of 大局
    ],
)
def test_org_grammar_refuses_kinds_and_plurals(text: str) -> None:
    orgs = labelled(text, "ORG")
    assert all(org in ("县政府",) for org in orgs), orgs


def test_body_between_term_and_session() -> None:
    text = "十四届全国政协三次会议开幕"
    assert labelled(text, "ORG") == ["全国政协"]
    assert labelled(text, "MEETING") == ["三次会议"]


def test_term_and_committee_before_a_session_are_the_meeting() -> None:
    text = "庆阳市政协五届委员会第三次会议开幕"
    assert labelled(text, "MEETING") == ["五届委员会第三次会议"]
    assert labelled(text, "ORG") == ["庆阳市政协"]


# --- PERSON -----------------------------------------------------------------------------------


def test_a_long_list_after_a_title() -> None:
    text = "当选副主席的是：柴国栋、哈斯巴特尔、牛志强、买买提·艾力、卢晓、任建军。"
    assert labelled(text, "PERSON") == ["柴国栋", "哈斯巴特尔", "牛志强", "买买提·艾力", "卢晓", "任建军"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("又如柴国栋、任建军委员的提案", ["柴国栋", "任建军"]),
        ("会长牛志强及秘书长卢晓出席", ["牛志强", "卢晓"]),
        ("郑玉全当选主席，付建进当选秘书长。", ["郑玉全", "付建进"]),
        ("选举肖有林为县政协主席", ["肖有林"]),
        ("巴图孟和·其其格代表常委会作报告", ["巴图孟和·其其格"]),
        ("（2024年1月6日）\n\n任建军\n\n各位委员：", ["任建军"]),
        ("丁立新等120名同志当选常委", ["丁立新"]),
    ],
)
def test_person_contexts(text: str, expected: list[str]) -> None:
    assert labelled(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text",
    ["对于政协的工作给予肯定", "副主席向大会作报告", "出席会议委员261名", "增强政协委员凝聚力", "张老师兼任秘书长"],
)
def test_words_before_cues_are_not_names(text: str) -> None:
    assert labelled(text, "PERSON") == []


# --- SLOGAN and MEETING ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全面贯彻“一国两制”、“琼人治琼”方针", ["一国两制", "琼人治琼"]),
        ("把握「十六五」规划机遇", ["十六五"]),
        ("围绕“稳就业、促增收、保民生”开展调研", []),  # a topic of study
        ("举办“书香润心、同心筑梦”诗歌朗诵会", []),  # an event's name
        ("香港具「天时、地利、人和」", []),  # an idiom
        ("在今年“两会”期间", []),
        ("坚决做到“两个坚持”，始终做到两个坚持", ["两个坚持", "两个坚持"]),  # quoted once: unquoted too
        ("紧扣“聚起来”、“干起来”两个方面", ["聚起来", "干起来"]),
    ],
)
def test_slogans_v21(text: str, expected: list[str]) -> None:
    assert labelled(text, "SLOGAN") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("学习十七届三中全会、四中全会精神", ["十七届三中全会、四中全会"]),
        ("举行首届二次全委会议", ["首届二次全委会议"]),
        ("共召开5届18次全体会议", []),
        ("民盟十三大以来", ["十三大"]),
    ],
)
def test_meetings_v21(text: str, expected: list[str]) -> None:
    assert labelled(text, "MEETING") == expected


def test_committee_short_names_need_their_full_name_first() -> None:
    text = "县政协经济和科技委员会开展调研。会后，经科委向县政府报送报告。"
    assert labelled(text, "ORG") == ["县政协经济和科技委员会", "经科委", "县政府"]
    assert labelled("经科委向县政府报送报告。", "ORG") == ["县政府"]  # no full name before: bare


def test_a_name_after_a_post_may_start_with_a_rare_dictionary_word() -> None:
    # 黄奕 and 周润 are rare jieba words; right after a post they begin a name all the same.
    text = "市政协副主席黄奕民出席，区委书记周润平讲话。县政协副主席会议召开。"
    assert labelled(text, "PERSON") == ["黄奕民", "周润平"]


def test_committees_in_a_list_of_heads_are_orgs_after_the_first_full_name() -> None:
    text = "会上，市政协经济委员会主任韩立、科技和教育委员会主任龚华依次发言。各专门委员会主任、其他委员会主任列席。"
    orgs = labelled(text, "ORG")
    assert "科技和教育委员会" in orgs
    assert not any(o.startswith(("其他", "各")) for o in orgs)
    # Without a committee before it in the sentence, a list item is not read as one.
    assert "科技和教育委员会" not in labelled("张三、科技和教育委员会主任龚华发言。", "ORG")


def test_a_body_stops_before_the_meeting_its_committee_word_begins() -> None:
    # 常务委员会议 is a kind of meeting: the body is the 省政协 before it.
    assert labelled("在每年最后一次省政协常务委员会议上报告工作。", "ORG") == ["省政协"]
    assert labelled("省政协常务委员会报告工作。", "ORG") == ["省政协常务委员会"]


def test_credit_lines_give_a_person_or_a_body() -> None:
    text = "（报道组：钱文 后援：冯子墨）\n作者:文化和史料委员会\n审核：蒋丽云\n"
    assert labelled(text, "PERSON")[-2:] == ["冯子墨", "蒋丽云"]
    assert "文化和史料委员会" in labelled(text, "ORG")


def test_a_news_agency_in_its_dateline_or_credit_is_an_org() -> None:
    text = "新华社兰州5月2日电（新华社报道组）会议召开。（新华社 方明远摄）\n东方新闻网讯 会议闭幕。本社讯。"
    assert labelled(text, "ORG") == ["新华社", "新华社", "新华社", "东方新闻网"]


def test_hong_kong_and_macau_members_name_a_place_not_a_cppcc() -> None:
    text = "港澳政协委员赴澳门考察，澳门政协委员和港区政协委员座谈，港澳地区政协委员参加。"
    assert labelled(text, "ORG") == []
    assert labelled(text, "GPE") == ["港澳", "澳门", "澳门", "港澳地区"]


def test_every_partys_body_is_a_plural_not_an_org() -> None:
    assert labelled("提案送交各民主党派中央和全国工商联，各党派市委参加。", "ORG") == ["全国工商联"]


def test_a_session_of_a_named_kind_is_a_meeting_without_a_term_nearby() -> None:
    text = "召开第三十二次常委会议，举行第四次全体会议和第四十七次主席（扩大）会议。公司召开第二次会议。"
    assert labelled(text, "MEETING") == ["第三十二次常委会议", "第四次全体会议", "第四十七次主席（扩大）会议"]


def test_a_party_congress_is_a_meeting_by_what_is_said_of_it() -> None:
    text = "解读十八大工作报告，贯彻二十大精神。十八大类产品。"
    assert labelled(text, "MEETING") == ["十八大", "二十大"]


def test_names_listed_before_a_name_with_its_cue() -> None:
    text = "市委会邹明主委，龙少华、符勇副主委出席，市委统战部韦洁、胡俊彦列席。会议由钟一鸣、柏小川主持。"
    assert labelled(text, "PERSON") == ["邹明", "龙少华", "符勇", "韦洁", "胡俊彦", "钟一鸣", "柏小川"]


def test_a_conjunction_after_a_post_starts_the_next_name() -> None:
    assert labelled("受到许伟明会长和苏香兰会长的接待。", "PERSON") == ["许伟明", "苏香兰"]


def test_body_forms_a_department_a_level_congress_a_sar_body_an_organ_after_a_place() -> None:
    assert labelled("民盟云南省委宣传部李明出席。", "ORG") == ["民盟云南省委宣传部"]
    assert labelled("县人大代表、县政协委员参加。", "ORG") == ["县人大", "县政协"]
    text = "澳门立法会议员和天水市公安民警参加。"
    assert labelled(text, "ORG") == ["澳门立法会", "天水市公安"]
    assert labelled(text, "GPE") == []
    assert labelled("以政协办公室的名义发文。", "ORG") == ["政协办公室"]


def test_a_committee_by_its_own_name_after_its_full_name() -> None:
    text = "市政协文史委员会召开会议。文史委员会主任赵明讲话，各专门委员会参加。"
    assert labelled(text, "ORG") == ["市政协文史委员会", "文史委员会"]
    # Not before the full name is given.
    assert "文史委员会" not in labelled("文史委员会主任赵明讲话。", "ORG")


def test_longer_quoted_clauses_built_alike_are_a_watchword() -> None:
    text = "做到“件件有回音、事事有着落”，坚持“人人有事做、户户有收入”，围绕“加强基础设施建设、推动产业转型升级”调研。"
    assert labelled(text, "SLOGAN") == ["件件有回音、事事有着落", "人人有事做、户户有收入"]


def test_a_quoted_length_of_time_is_a_figure_not_a_formula() -> None:
    text = "对超过“六个月”未办结的提案督办，落实“两个维护”。"
    assert labelled(text, "FIGURE") == ["六个月"]
    assert labelled(text, "SLOGAN") == ["两个维护"]


def test_the_cppcc_before_its_standing_committees_numbered_session() -> None:
    text = "3月1日，政协华池县第九届委员会常务委员会第五次会议召开。受政协华池县第九届委员会常务委员会委托。"
    assert labelled(text, "ORG") == ["政协华池县", "政协华池县第九届委员会常务委员会"]
    assert labelled(text, "MEETING") == ["第九届委员会常务委员会第五次会议"]
    assert labelled(text, "GPE") == []


def test_a_body_after_an_aspect_particle_and_a_name_after_a_members_post() -> None:
    assert labelled("会议讨论了县政府工作报告，听取了市政协八届二次会议的筹备情况。", "ORG") == ["县政府", "市政协"]
    assert labelled("在立法会议员郑国雄的带领下考察。", "PERSON") == ["郑国雄"]


def test_a_name_cut_after_its_surname_by_a_line_break_is_one_span() -> None:
    text = "会议由县政协副主席韦\n明华主持。\n各界人士\n明华主持"
    assert labelled(text, "PERSON") == ["韦\n明华", "明华"]


def test_a_company_after_its_place_and_a_branch_after_its_bank() -> None:
    text = "北流市恒达建材有限公司董事长李明捐款，建设银行钦州分行承办，钦州市的有限公司。"
    assert labelled(text, "ORG") == ["北流市恒达建材有限公司", "建设银行钦州分行"]
