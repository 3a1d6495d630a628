"""Issue 21, slogan3: SLOGAN kinds the rules missed on pages they had not seen (640–843).

Every sentence is written for the test (invented bodies, places and formulas), so a rule passes only as a
mechanism. Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- Numbered formulas quoted in one pair of quotes, each led by its verb (RULINGS, slogan3) ---------------


@pytest.mark.parametrize(
    ("text", "slogans"),
    [
        (
            "紧紧围绕“攻下两大高地、守牢四条红线、办好五件实事”,推进各项工作。",
            ["攻下两大高地", "守牢四条红线", "办好五件实事"],
        ),
        ("全面落实“打赢三场硬仗、建强两支铁军”的部署。", ["打赢三场硬仗", "建强两支铁军"]),
    ],
)
def test_verb_led_numbered_formulas_in_one_quote_are_one_slogan_each(text: str, slogans: list[str]) -> None:
    assert labelled(text, "SLOGAN") == slogans
    assert labelled(text, "FIGURE") == []


@pytest.mark.parametrize(
    "text",
    [
        "委员分别作了“落实八项规定,倡导文明新风”等方面的大会发言。",  # one numbered set and a sentence
        "他说“办好三件事情还不够,更要抓落实”。",  # a numbered item in a sentence
    ],
)
def test_quoted_lists_that_are_not_all_numbered_formulas_stay_unlabelled(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


# --- A quoted goal a body or a place writes a new chapter of (谱写“X”新篇章) -------------------------------


@pytest.mark.parametrize(
    ("text", "slogans"),
    [
        ("奋力谱写“担当政协”新篇章。", ["担当政协"]),
        ("在奋力谱写新时代“强工业”新篇章中展现作为。", ["强工业"]),
        ("为谱写“三区联动、秀美东川”新篇章贡献力量。", ["三区联动", "秀美东川"]),  # the goals one by one
    ],
)
def test_a_quoted_goal_before_its_new_chapter_is_a_slogan(text: str, slogans: list[str]) -> None:
    assert labelled(text, "SLOGAN") == slogans


def test_a_quoted_sentence_before_new_chapter_stays_unlabelled() -> None:
    assert labelled("共同谱写“我们的家园越来越美好”新篇章。", "SLOGAN") == []


# --- A numeral, one character and a word of joining: N things worked together --------------------------


@pytest.mark.parametrize(
    ("text", "slogan"),
    [
        ("紧盯“三链融合”,开展专项监督。", "三链融合"),
        ("推动“四医联动”改革走深走实。", "四医联动"),
    ],
)
def test_quoted_numbered_joining_is_a_slogan(text: str, slogan: str) -> None:
    assert labelled(text, "SLOGAN") == [slogan]


# --- Clauses between commas that a head names the members' standard -----------------------------------


def test_comma_clauses_before_the_members_ranks_are_one_slogan() -> None:
    text = "着力造就“懂经济,会协商,善监督”的政协委员队伍。"
    assert labelled(text, "SLOGAN") == ["懂经济,会协商,善监督"]


# --- A place's vision of short clauses before 现代化新 and the place --------------------------------------


def test_quoted_vision_before_a_modern_new_place_is_one_slogan() -> None:
    text = "立足建设“智造、宜居、生态”现代化新东川,建言献策。"
    assert labelled(text, "SLOGAN") == ["智造、宜居、生态"]


# --- A watchword the text quotes as one is one wherever it quotes it again ----------------------------------


def test_a_watchword_quoted_again_is_a_slogan_again() -> None:
    text = "奋力谱写“担当政协”新篇章。全体委员助力‘担当政协’和全市发展。"
    assert labelled(text, "SLOGAN") == ["担当政协", "担当政协"]


def test_a_quotation_that_gave_no_watchword_stays_unlabelled_when_quoted_again() -> None:
    text = "委员们围绕“乡村振兴”开展调研。再次聚焦“乡村振兴”。"
    assert labelled(text, "SLOGAN") == []


# --- A run of numerals is one number: a count of articles, not two numbered halves ----------------------


def test_a_quoted_count_of_articles_is_no_formula() -> None:
    assert labelled("推动非公经济“二十八条”出台。", "SLOGAN") == []


def test_two_numbered_halves_stay_a_formula() -> None:
    assert labelled("深入开展“三抓三促”行动。", "SLOGAN") == ["三抓三促"]


# --- Clauses quoted after 开展 name an activity carried out, no watchword (GUIDELINES: activities) ----------


def test_clauses_quoted_after_kaizhan_name_an_activity() -> None:
    assert labelled("县政协推动开展“委员进社区、服务进万家”,搭建履职平台。", "SLOGAN") == []


def test_a_numbered_formula_after_kaizhan_stays_a_slogan() -> None:
    assert labelled("深入开展“三抓三促”行动。", "SLOGAN") == ["三抓三促"]


# --- A self-rule principle quoted once is one unquoted too, as a numbered formula is ------------------------


def test_a_self_rule_principle_quoted_once_is_a_slogan_unquoted_too() -> None:
    text = "要把握好“爱国者治澳”。爱国者治澳是根本原则。"
    assert labelled(text, "SLOGAN") == ["爱国者治澳", "爱国者治澳"]
