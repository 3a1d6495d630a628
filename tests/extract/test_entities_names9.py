"""Issue 21, PERSON recall on unseen pages (names9): kinds of name the rules missed after a post.

Every sentence is written for the test (invented reports, invented names), so a rule passes only as a
mechanism. Rules alone unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- after a leader's post, a name no common surname opens: a rare surname (蹇, 粘, 雒) or a short transliterated
# name (Tibetan, Mongolian), closed by what closes a name there (出席, 等, 、, 所作): a PERSON -------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("县委书记蹇明川到会看望了与会委员。", "蹇明川"),
        ("市委统战部部长粘晓冬应邀到会并讲话。", "粘晓冬"),
        ("会议听取了县政府县长雒川海,县委副书记王明的讲话。", "雒川海"),
        ("区政协副主席次旦等陪同调研。", "次旦"),
        ("审议了区政协副主席寻立东所作的常委会工作报告。", "寻立东"),
    ],
)
def test_a_name_no_common_surname_opens_after_a_post_is_a_person(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "市政协主席台就座的领导出席会议。",
        "县政协副主任委员出席会议。",
        "委员们一行来到村里。",
        "办公室副主任科员出席。",
    ],
)
def test_words_after_a_post_are_no_name(text: str) -> None:
    assert labelled(text, "PERSON") == []


# --- posts of a procuratorate, of a river's or an industrial chain's chief (检察长, 区级河长, 产业链链长) -----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("市人民检察院检察长祁立新等在主席台就座。", "祁立新"),
        ("黄柏河段河长麻仕田,督促整改。", "麻仕田"),
        ("区食品产业链链长茅荔萍、副区长李明出席。", "茅荔萍"),
    ],
)
def test_a_name_after_a_chief_post_is_a_person(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


def test_a_river_before_a_long_river_is_no_post() -> None:
    assert labelled("黄河长江流域的生态保护。", "PERSON") == []


# --- after a post, a name then what a leader does (带队, 走进, 心系, 前往): the act closes the name -----------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("市政协副主席、党组副书记柳月华带队到镇里开展调研。", "柳月华"),
        ("同日民进区委会副主委康英俊走进村里开展调研。", "康英俊"),
        ("突如其来的疫情中,市政协主席管建新心系三农,分赴各地。", "管建新"),
        ("区政协主席、区产业链链长茅荔萍组织企业前往展会。", "茅荔萍"),
    ],
)
def test_a_name_after_a_post_before_a_leaders_act_is_a_person(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


def test_a_preposition_before_a_leaders_act_is_no_part_of_the_name() -> None:
    names = labelled("全国政协提案委员会主任邝淦在通报情况时表示,成效明显。", "PERSON")
    assert "邝淦在" not in names


# --- names run together in a credit (文字:某某某某, 记者某某某某) or a lead's bracketed byline (讯(某某某某)): each
# a PERSON, where the run reads as names only ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("文字:吕明刘晨\n设计:赵庆\n", ["吕明", "刘晨"]),
        ("本台记者:罗明\n制作:林国栋冯岩\n责编:郑烜", ["林国栋", "冯岩"]),
        ("本报讯(王明殿祝红兰)市政协十一届四次会议开幕。", ["王明殿", "祝红兰"]),
        ("(张掖市融媒体中心记者文/图祁晓蕾赵丽)", ["祁晓蕾", "赵丽"]),
    ],
)
def test_names_run_together_in_a_credit_are_persons(text: str, names: list[str]) -> None:
    found = labelled(text, "PERSON")
    assert all(name in found for name in names)


def test_a_credit_before_words_holds_no_names() -> None:
    assert labelled("编辑:政协提案工作\n", "PERSON") == []


def test_a_datelines_verb_ends_no_run_of_names() -> None:
    found = labelled("【香港文汇网记者傅龙才电】\n", "PERSON")
    assert "才电" not in found and "傅龙" not in found


# --- inside a 、 list of names, a given name may hold 是 as it holds 为 or 从 (张是某): the item is a PERSON ------


def test_a_listed_name_with_shi_in_its_given_name_is_a_person() -> None:
    found = labelled("出席会议的有陈立枫、胡世东、孙是明、陈明远、林彤。", "PERSON")
    assert "孙是明" in found


def test_a_rare_surname_before_a_word_is_a_name_between_a_post_and_a_leaders_act() -> None:
    assert "索光明" in labelled("同日区委会副主委索光明走进社区开展调研。", "PERSON")


# --- a reporter's bracketed byline (消息(记者某某), 讯(记者某某)): the name a surname outside the common set opens ---


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("南国都市报1月6日消息(记者利声华)1月6日上午,会议开幕。", "利声华"),
        ("香港文汇报讯(记者铁明)港区联谊会举行新春酒会。", "铁明"),
    ],
)
def test_a_name_in_a_reporters_bracketed_byline_is_a_person(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


def test_a_reporter_before_a_word_outside_a_bracket_is_no_name() -> None:
    assert labelled("会后,记者了解到,各项工作进展顺利。", "PERSON") == []


def test_a_video_uploaders_credit_names_a_person() -> None:
    assert "罗宇飞" in labelled("新闻视频\n\n视频上传:罗宇飞\n\n一年来,盟政协把握大局。", "PERSON")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("联谊会会员事务委员会主任贺与明任团长,先后参观了多个地方。", "贺与明"),
        ("区人大常委会主任沈树和,区委顾问王久鹏以及其他区级领导出席。", "王久鹏"),
    ],
)
def test_a_name_after_a_post_before_taking_a_post_or_a_conjunction_is_a_person(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


def test_a_verb_taking_a_post_is_no_part_of_the_name() -> None:
    names = labelled("协调部副巡视员张芳出任顾问,福建政协常委任团长。", "PERSON")
    assert "张芳出" not in names


# --- a chief's post read in its text: 河长 after its level, 链长 after its chain (the lookbehinds see the text) ---


@pytest.mark.parametrize("text", ["检察长蹇某到会。", "区级河长蹇某到会。", "产业链链长蹇某到会。"])
def test_a_name_no_common_surname_opens_after_a_chief_post_is_a_person(text: str) -> None:
    assert "蹇某" in labelled(text, "PERSON")
