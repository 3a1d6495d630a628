"""Issue 21, SLOGAN recall round (slog3): the cues that make a watchword the rules do not know.

Every sentence is written for the test (invented bodies and formulas), so a rule passes only as a
mechanism. Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- Quoted items written side by side (no 、) share the head after the last one --------------------


def test_quoted_items_side_by_side_before_a_principle_are_one_slogan_each() -> None:
    text = "会议要求牢牢把握“同心者治岛”“奋进者兴城”原则,团结各界。"
    assert labelled(text, "SLOGAN") == ["同心者治岛", "奋进者兴城"]


def test_quoted_items_side_by_side_before_a_formula_head_are_one_slogan_each() -> None:
    text = "支部积极践行“善思考”“勤履职”要求,推动工作落实。"
    assert labelled(text, "SLOGAN") == ["善思考", "勤履职"]


@pytest.mark.parametrize(
    "text",
    [
        "要做好“引”“聚”“联”的文章。",
        "开展“送医”“送学”活动。",
        "提出“加快城乡融合发展”“促进产业转型升级”等建议。",
    ],
)
def test_quoted_items_side_by_side_without_a_formula_head_stay_unlabelled(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


# --- The self-rule principles of a polity: X人治X, 爱国者治X (RULINGS: quoted principles of the SARs) -----


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("坚持以爱国者为主体的“港人治港”,支持特区政府依法施政。", ["港人治港"]),
        ("始终支持'澳人治澳',共谋发展。", ["澳人治澳"]),
        ('应全力支持"爱国者治港澳",团结一致。', ["爱国者治港澳"]),
    ],
)
def test_a_quoted_self_rule_principle_is_a_slogan(text: str, want: list[str]) -> None:
    assert labelled(text, "SLOGAN") == want


@pytest.mark.parametrize(
    "text",
    [
        "他说“老人治家”的传统应当延续。",
        "文章题为“能人治村”,介绍了经验。",
    ],
)
def test_a_quoted_rule_by_people_of_another_kind_is_no_principle(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


# --- More heads that call a quotation a standing formula -------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("全县上下喊响“实干兴县、创新驱动强县”的口号。", ["实干兴县、创新驱动强县"]),
        ("统筹推进“一核两翼”发展格局。", ["一核两翼"]),
        ("加快形成“南拓北延、东西两翼联动”总体布局。", ["南拓北延、东西两翼联动"]),
        ("构建“党委领导、政协搭台、各方参与”工作格局。", ["党委领导、政协搭台、各方参与"]),
    ],
)
def test_a_quotation_before_a_slogan_or_layout_head_is_a_slogan(text: str, want: list[str]) -> None:
    assert labelled(text, "SLOGAN") == want


# --- A numbered formula held to by a verb of allegiance, unquoted ------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("引导委员坚决捍卫两个根本。", ["两个根本"]),
        ("全体干部衷心拥护两个根本。", ["两个根本"]),
    ],
)
def test_a_numbered_formula_after_defend_or_uphold_is_a_slogan(text: str, want: list[str]) -> None:
    assert labelled(text, "SLOGAN") == want


# --- One quoted clause that what follows calls a standing demand or idea --------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("全市以“争先进位”为总抓手,推动发展。", ["争先进位"]),
        ("支社根据“同心同行同进”的要求,开展调研。", ["同心同行同进"]),
        ("牢固树立“生态优先绿色发展”的理念。", ["生态优先绿色发展"]),
    ],
)
def test_one_quoted_clause_before_a_standing_head_is_a_slogan(text: str, want: list[str]) -> None:
    assert labelled(text, "SLOGAN") == want


@pytest.mark.parametrize(
    "text",
    [
        "树立“创新”理念,推动发展。",
        "牢固树立“服务”的理念。",
        "依托“请你来协商”平台开展活动。",
        "围绕“乡村振兴”主题开展调研。",
        "按照“高标准”的要求完成任务。",
    ],
)
def test_a_quoted_word_or_topic_before_a_head_stays_unlabelled(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


def test_clauses_before_a_named_policy_of_a_kind_are_a_slogan() -> None:
    assert labelled("贯彻“稳步推进,逐步提高”的建社方针。", "SLOGAN") == ["稳步推进,逐步提高"]


# --- A city sized or ranked is no name (GPE) ---------------------------------------------------------


@pytest.mark.parametrize("text", ["加快建设社会主义现代化大都市。", "打造国际化大都市。", "建设超大城市治理新样板。"])
def test_a_metropolis_word_is_no_place(text: str) -> None:
    assert labelled(text, "GPE") == []


def test_clauses_before_a_working_mechanism_are_a_method() -> None:
    assert labelled("建立“调研在先、协商在后”的工作机制。", "SLOGAN") == []


def test_a_long_quoted_clause_before_an_idea_is_a_slogan() -> None:
    text = "深入践行“山清水秀就是发展优势”理念。"
    assert labelled(text, "SLOGAN") == ["山清水秀就是发展优势"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("联谊会始终秉承“服务桑梓乡亲”的宗旨。", ["服务桑梓乡亲"]),
        ("坚持“协商于决策之前和实施之中”的原则。", ["协商于决策之前和实施之中"]),
    ],
)
def test_one_quoted_clause_before_an_aim_or_a_long_principle_is_a_slogan(text: str, want: list[str]) -> None:
    assert labelled(text, "SLOGAN") == want


def test_a_long_quoted_watchword_of_parallel_clauses_is_a_slogan() -> None:
    text = "不断增强“理论学习能力、调查研究能力、建言献策能力、合作共事能力”。"
    assert labelled(text, "SLOGAN") == ["理论学习能力、调查研究能力、建言献策能力、合作共事能力"]


def test_a_known_watchword_opening_a_quoted_list_makes_the_whole_quotation_one() -> None:
    text = "坚持“有事好商量、大家的事情大家商量”,推进协商民主。"
    assert labelled(text, "SLOGAN") == ["有事好商量、大家的事情大家商量"]


def test_one_quoted_clause_before_a_named_idea_of_development_is_a_slogan() -> None:
    assert labelled("践行“以群众满意为中心”的发展思想。", "SLOGAN") == ["以群众满意为中心"]


def test_formulas_in_inner_corner_brackets_are_read_as_quoted() -> None:
    text = "他表示,「要贯彻『一国两制』方针,落实『爱国者治港』原则」。"
    assert labelled(text, "SLOGAN") == ["一国两制", "爱国者治港"]
