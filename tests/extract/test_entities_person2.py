"""Issue 21, person2: kinds of PERSON miss the unseen pages 420–429 and dev showed.

- a three-character name whose first two characters are a common word (a surname and a given name that read
  as a word: 高明 + 远), licensed where a post stands right before it and, there or at another of its
  occurrences in the text, a verb of speaking or acting right after it; its other occurrences follow.

Every sentence is written for the test (invented people), so a rule passes only as a mechanism.
Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    ("text", "name", "count"),
    [
        ("会议新闻发言人王国斌向中外记者介绍有关情况。王国斌表示,筹备工作已经就绪。", "王国斌", 2),
        ("秘书长方便民主持会议。方便民指出,要抓好落实。", "方便民", 2),
        ("发言人高明远介绍了日程。随后高明远表示,会议将按时开幕。高明远介绍,共安排三场记者会。", "高明远", 3),
    ],
)
def test_name_reading_as_word_licensed_by_post_and_cue(text: str, name: str, count: int) -> None:
    assert labelled(text, "PERSON").count(name) == count


@pytest.mark.parametrize(
    "text",
    [
        "主任高度重视这项工作。",  # 高度 + 重: a word, not a name; no verb after it
        "委员方便群众办事,高效服务。",  # 方便 + 群: no cue anywhere
    ],
)
def test_word_after_post_without_cue_is_no_name(text: str) -> None:
    assert not [p for p in labelled(text, "PERSON") if p.startswith(("高度", "方便"))]


# --- PERSON: names run together in a list item or a table cell ------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a table cell whose lines lost their breaks: the last name of one row runs into the first of the next
        ("历任负责人 | 贾文博、卢志青、骆海清邵明远、卢志青、贾文博 | 1990-1994", ["骆海清", "邵明远"]),
        # the same name twice, once per row of the cell
        ("届次 | 戴建生戴建生、韦丽华 | 任期", ["戴建生"]),
        ("届次 | 尤海韦丽华、戴建生、尤海 | 任期", ["尤海", "韦丽华"]),
        ("届次 | 韦丽华、戴建生、尤海尤海、卢志青 | 任期", ["尤海"]),
        ("主要负责人 | 徐志明、时培华、姚中和徐志明、时培华 | 1990", ["姚中和", "徐志明"]),
    ],
)
def test_names_run_together_in_a_list_split(text: str, names: list[str]) -> None:
    found = labelled(text, "PERSON")
    for name in names:
        assert name in found
    assert not [p for p in found if len(p) > 3]


def test_two_name_long_names_stay_whole() -> None:
    # a four-character name (a married woman's two surnames) is not cut into two
    assert not {"陈黄", "美玲"} & set(labelled("届次 | 陈黄美玲、戴建生 | 任期", "PERSON"))


# --- PERSON: a verb after a two-character name is no part of it ------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("青年专委会主任韦岚做了履职发言。", "韦岚"),
        ("二支社副主委戴卓做题为《守正创新》的发言。", "戴卓"),
        ("联络处副主任殷浩任考察团顾问,协调各方。", "殷浩"),
        ("民盟中央副主席郝越率调研组赴贵州开展调研。", "郝越"),
    ],
)
def test_verb_after_two_character_name_not_in_it(text: str, name: str) -> None:
    found = labelled(text, "PERSON")
    assert name in found
    assert not [p for p in found if p.startswith(name) and p != name]


# --- PERSON: a name jieba knows as two characters, with a third character after it ---------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("特区行政长官李家翔今早出发前往北京。", "李家翔"),
        ("本报北京3月11日讯记者李德淼报道:会议今天开幕。", "李德淼"),
    ],
)
def test_third_character_after_known_two_character_name(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("区委副书记李家说,要抓好落实。", "李家"),
        ("市政协主席李德来到现场。", "李德"),
    ],
)
def test_verb_after_known_two_character_name_not_taken(text: str, name: str) -> None:
    assert not [p for p in labelled(text, "PERSON") if p.startswith(name) and p != name]


# --- PERSON: a rare surname before a common word is the word ---------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("按照走访委员全覆盖、委员参与协商调研的要求推进。", "全覆盖"),
        ("各组组长原计划赴乡镇调研。", "原计划"),
    ],
)
def test_rare_surname_before_common_word_is_no_name(text: str, word: str) -> None:
    assert word not in labelled(text, "PERSON")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("市政府宴请由驻沪办事处处长严明远率领的一行11人代表团。", "严明远"),
    ],
)
def test_name_reading_as_word_before_leading_verb(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


# --- PERSON: a name an election gives its post (选举某某为主席) ---------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会议选举焦干田为县政协主席,樊临光、宋文华为副主席。", "焦干田"),
        ("1945年,民盟一大召开,推举张涧为主席。", "张涧"),
        ("全会协商增补骆文田为政协常委。", "骆文田"),
    ],
)
def test_name_elected_to_a_post(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


def test_repeated_name_before_one_character_verb() -> None:
    text = "民盟代表张涧、沈钧平出席会议。会上,张涧任中央人民政府副主席,沈钧平任全国政协副主席。"
    found = labelled(text, "PERSON")
    assert found.count("张涧") == 2
    assert found.count("沈钧平") == 2


# --- PERSON: a married woman's name with both surnames (Hong Kong, Macao) ----------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("联谊会主席庄志猛、会长邓黄秀雁在庆典上分别致辞。", "邓黄秀雁"),
        ("香港特别行政区行政长官林陈月娟、中联办主任出席。", "林陈月娟"),
    ],
)
def test_name_with_two_surnames_after_post(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


def test_three_character_name_before_verb_not_lengthened() -> None:
    assert "王志强在" not in labelled("会长王志强在会上致辞。", "PERSON")
    assert "王志强" in labelled("会长王志强在会上致辞。", "PERSON")


# --- PERSON: a post, a preposition or a verb read into the front of a name -------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("选举产生了新一届委员会。由骆志英、王昌文、冯彩华(女)、姚建平组成主委会议。", "骆志英"),
        ("会议充分肯定其担任主委期间的突出贡献,祝贺程伟国、李佳华当选。", "程伟国"),
    ],
)
def test_word_before_name_not_in_it(text: str, name: str) -> None:
    found = labelled(text, "PERSON")
    assert name in found
    assert not [p for p in found if p.endswith(name) and p != name]
