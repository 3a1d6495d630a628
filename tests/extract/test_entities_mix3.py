"""Issue 21, round mix3: kinds seen on unseen pages from the provinces the corpus had least of (texts 640–651).

Every sentence is written for the test (invented names, places and sessions), so a rule passes only as a mechanism.
Rules alone unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- 政协 … 省委员会: a CPPCC's own name holds one 政协, and no post or name between it and its place ------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("省政协副主席张某作政协河东省委员会常务委员会关于提案工作情况的报告。", "政协河东省委员会常务委员会"),
        ("县政协主席李某某代表政协青山县委员会常务委员会作报告。", "政协青山县委员会常务委员会"),
    ],
)
def test_a_cppcc_name_starts_at_its_own_cppcc(text: str, org: str) -> None:
    found = labelled(text, "ORG")
    assert org in found
    assert all("主席" not in o for o in found)


# --- an e-mail address: the digits of its local part are no year ----------------------------------------------


@pytest.mark.parametrize("text", ["投稿邮箱:abczx2024@126.com", "联系邮箱:news2019@qq.com,电话略。"])
def test_a_year_in_an_email_is_no_date(text: str) -> None:
    assert labelled(text, "DATE") == []


def test_a_bare_year_still_reads() -> None:
    assert "2020" in labelled("《某某年鉴2020》收录了政协工作。", "DATE")


# --- a party's member noun before names (盟员, 社员, 会员), as 委员 before them: the list after it is of people ----


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("盟员刘某清、赵某明与市委统战部副部长孙某出席会议。", ["刘某清", "赵某明", "孙某"]),
        ("社员王某平、陈某与区委统战部部长马某一同参加。", ["王某平", "陈某", "马某"]),
    ],
)
def test_names_after_a_member_noun(text: str, names: list[str]) -> None:
    found = labelled(text, "PERSON")
    for name in names:
        assert name in found


def test_a_member_noun_before_a_common_word_names_nobody() -> None:
    assert labelled("会员单位和社员大会代表参加活动,盟员发展工作稳步推进。", "PERSON") == []


# --- in a quoted 、-list of numbered formulas, an item of a numeral and two characters is one (“一个指引、两手硬”) ---


@pytest.mark.parametrize(
    ("text", "slogans"),
    [
        ("全面落实市委“一个统领、两手硬”的思路要求。", ["一个统领", "两手硬"]),
        ("初步形成“四提升、两拓展”的工作格局。", ["四提升", "两拓展"]),
    ],
)
def test_a_quoted_numbered_watchword(text: str, slogans: list[str]) -> None:
    found = labelled(text, "SLOGAN")
    for slogan in slogans:
        assert slogan in found


@pytest.mark.parametrize(
    "text", ["召开“两次会议”筹备会。", "实施“三年行动”计划。", "“六统一”模式降低成本。", "携手“三乡人”助推发展。"]
)
def test_a_quoted_count_is_no_watchword(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


# --- a level's numbered party congress written without 第 (省十一次党代会, 市十三次党代会) ----------------------


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        ("认真落实省十一次党代会精神和省委各项部署。", "十一次党代会"),
        ("全面贯彻市十三次党代会部署要求。", "十三次党代会"),
    ],
)
def test_a_level_numbered_party_congress(text: str, meeting: str) -> None:
    assert meeting in labelled(text, "MEETING")


def test_a_count_of_party_congresses_is_no_meeting() -> None:
    assert labelled("先后参加了三次党代会的筹备工作。", "MEETING") == []


# --- a town's CPPCC liaison group by its longer name (联络小组), as 联络组 -----------------------------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("石桥镇政协联络小组组织委员开展视察。", "石桥镇政协联络小组"),
        ("县政协城关联络小组召开座谈会。", "县政协城关联络小组"),
    ],
)
def test_a_liaison_group_by_its_longer_name(text: str, org: str) -> None:
    assert org in labelled(text, "ORG")


# --- a credit line's source before the next role of the same line (来源:某某都市报作者:某某) ----------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("来源:江北都市报作者:张某明\n", "江北都市报"),
        ("来源:江北都市报 作者:张某明\n", "江北都市报"),
        ("稿件来源:青山县融媒体中心 编辑:李某\n", "青山县融媒体中心"),
    ],
)
def test_a_credit_source_before_another_role(text: str, org: str) -> None:
    assert org in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "org"),
    [("据江北都市报报道,会议昨日开幕。", "江北都市报"), ("据东方时报消息,委员们视察了工程。", "东方时报")],
)
def test_a_paper_named_as_the_source(text: str, org: str) -> None:
    assert org in labelled(text, "ORG")


def test_a_report_made_to_a_body_is_no_paper() -> None:
    assert labelled("据群众举报,有关部门已经处理。", "ORG") == []
