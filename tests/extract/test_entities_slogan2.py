"""Issue 21, slogan2: the kinds of SLOGAN misses and false alarms that recur over the dev half.

Every sentence is written for the test (invented bodies, places and formulas), so a rule passes only as a
mechanism. Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- Quoted parallel clauses are a watchword only where the text names them one --------------------------
# (GUIDELINES v1.1: a body's standing formula, not a sentence of this report: a head such as 方针, 宗旨,
# 思路, 要求, 精神, 功能 names it; a description of a scene, a problem or a stance stays unlabelled.)


@pytest.mark.parametrize(
    "text",
    [
        "努力实现“路通、灯亮、水净、林茂”的山村新貌。",
        "果农一度困于“运不出、卖不上”,后来建起了冷链仓库。",
        "把“摸底排查、集中整改、回头复查”三个阶段的任务落到实处。",
        "站在“心系群众、心系发展”的高度,推进提案办理。",
        "继承“敢说真话、善办实事”的优良传统。",
    ],
)
def test_quoted_clauses_nothing_names_a_formula_stay_unlabelled(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


@pytest.mark.parametrize(
    ("text", "slogan"),
    [
        ("坚持“团结桑梓、服务乡亲”的宗旨。", "团结桑梓、服务乡亲"),
        ("落实“讲团结、重实干、求实效”的工作要求。", "讲团结、重实干、求实效"),
        ("发扬“爱党、爱国、爱社”的某某精神。", "爱党、爱国、爱社"),
        ("发挥“存史、育才、团结”功能。", "存史、育才、团结"),
        ("以“强产业、美城乡”为主线,推进各项工作。", "强产业、美城乡"),
        ("承担起“带头学习、带头实干”的政治责任。", "带头学习、带头实干"),
        ("做到“件件有着落、事事有回音”,群众满意。", "件件有着落、事事有回音"),
    ],
)
def test_quoted_clauses_a_head_names_are_one_slogan(text: str, slogan: str) -> None:
    assert labelled(text, "SLOGAN") == [slogan]
