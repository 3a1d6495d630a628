"""Issue 21, watchword round (slog4): set formulas in study-group and party-building pages.

Every sentence is written for the test (invented bodies and formulas), so a rule passes only as a
mechanism. Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- A plan's number at the end of a line (a keyword line, a heading) is the plan ---------------------


def test_plan_number_ending_a_keyword_line_is_a_slogan() -> None:
    text = "编辑:某某\n关键词:两会政协闭幕会十四五\n评论"
    assert labelled(text, "SLOGAN") == ["十四五"]


def test_plan_number_inside_a_longer_number_stays_unlabelled() -> None:
    assert labelled("共收到二十一五\n件", "SLOGAN") == []


# --- A leader's formula of parallel clauses, quoted before 等重要论述 ---------------------------------


def test_parallel_clauses_before_a_leaders_discourse_are_one_slogan() -> None:
    text = "会议学习了关于“以干促学、以干增智、以干强能”等重要论述。"
    assert labelled(text, "SLOGAN") == ["以干促学、以干增智、以干强能"]


@pytest.mark.parametrize(
    "text",
    [
        "委员们提出“加快城乡融合、促进产业升级、优化营商环境”等建议。",
        "开展“送医下乡、送学下乡、送法下乡”等活动。",
    ],
)
def test_quoted_clauses_before_other_things_listed_stay_unlabelled(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


# --- A quoted vision of the kind of county or city a body means to build (a brand, RULINGS) --------


def test_quoted_kind_of_county_after_a_building_verb_is_a_slogan() -> None:
    text = "为建设“宜商宜学山水县”作出了积极贡献。"
    assert labelled(text, "SLOGAN") == ["宜商宜学山水县"]


@pytest.mark.parametrize(
    "text",
    [
        "积极争创“全国文明城市”,成效明显。",
        "为建设“美好家园”作出贡献。",
    ],
)
def test_quoted_title_or_other_vision_stays_unlabelled(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


# --- A numbered study session of a body is a MEETING ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        ("讲话是在中央某某局第二十一次集体学习时发表的。", "第二十一次集体学习"),
        ("市某某局党组中心组第12次理论学习(扩大)会召开。", "第12次理论学习(扩大)会"),
        ("区委理论学习中心组第三次专题学习会议举行。", "第三次专题学习会议"),
    ],
)
def test_numbered_study_session_after_its_body_is_a_meeting(text: str, meeting: str) -> None:
    assert meeting in labelled(text, "MEETING")


def test_a_count_of_studies_is_no_meeting() -> None:
    assert labelled("全年开展第二次学习活动,委员参加。", "MEETING") == []


# --- Numbered sets of tasks quoted as one, the livelihood formulas, modernisation drives ------------


def test_quoted_count_of_tasks_is_a_numbered_formula() -> None:
    assert labelled("协调解决乡村建设“八件事”相关问题。", "SLOGAN") == ["八件事"]
    assert labelled("紧扣“三件大事”推进工作。", "SLOGAN") == ["三件大事"]


def test_unquoted_count_of_things_done_stays_unlabelled() -> None:
    assert labelled("一年来办了三件事,群众满意。", "SLOGAN") == []


def test_quoted_livelihood_formula_is_a_slogan() -> None:
    text = "争取早日实现“病有所医”;为群众实现“弱有所扶”提供保障。"
    assert labelled(text, "SLOGAN") == ["病有所医", "弱有所扶"]


def test_numbered_modernisation_drive_before_building_is_a_slogan() -> None:
    assert labelled("他们在三化建设中做出了显著成绩。", "SLOGAN") == ["三化"]


def test_a_count_of_changes_is_no_modernisation_drive() -> None:
    assert labelled("文化建设取得成效,三化工厂投产。", "SLOGAN") == []


# --- National watchwords of the lexicon, unquoted (RULINGS: numbered watchwords either way) --------


@pytest.mark.parametrize(
    ("text", "slogan"),
    [
        ("坚持一国两制方针,维护繁荣稳定。", "一国两制"),
        ("坚持两个毫不动摇,支持民营经济。", "两个毫不动摇"),
        ("严格执行三重一大决策制度。", "三重一大"),
    ],
)
def test_national_numbered_watchword_unquoted_is_a_slogan(text: str, slogan: str) -> None:
    assert labelled(text, "SLOGAN") == [slogan]


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        ("区委理论学习中心组2025年第4次集体学习会召开。", "第4次集体学习会"),
        ("县政协第二十二次双周协商座谈会举行。", "第二十二次双周协商座谈会"),
        ("市政协第七次专题协商会召开。", "第七次专题协商会"),
    ],
)
def test_numbered_study_or_consultation_meeting_is_a_meeting(text: str, meeting: str) -> None:
    assert labelled(text, "MEETING") == [meeting]


def test_the_nth_time_one_attends_a_consultation_is_no_meeting() -> None:
    assert labelled("他第三次参加专题协商会。", "MEETING") == []


@pytest.mark.parametrize(
    ("text", "slogan"),
    [
        ("今年是十四五收官之年。", ["十四五"]),
        ("围绕十五五目标任务建言。", ["十五五"]),
        ("十四五岁的孩子参加了活动。", []),
        ("共有十四五个单位参加。", []),
    ],
)
def test_a_plans_number_unquoted_is_the_plan_unless_a_measure_follows(text: str, slogan: list[str]) -> None:
    assert labelled(text, "SLOGAN") == slogan


def test_a_plans_number_written_with_a_middle_dot_is_the_plan() -> None:
    assert labelled("这是十二·五规划的开局之年。", "SLOGAN") == ["十二·五"]


def test_numbered_formula_before_building_is_a_slogan_unquoted() -> None:
    assert labelled("文史工作要为两个文明建设服务。", "SLOGAN") == ["两个文明"]


def test_a_count_of_aspects_before_building_stays_unlabelled() -> None:
    assert labelled("抓好三个方面建设。", "SLOGAN") == []
