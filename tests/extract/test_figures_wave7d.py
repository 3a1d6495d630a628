"""Issue 21, round wave7d: counts seen on unseen hard copies. Sentences written for the test."""

from __future__ import annotations

from pizhu.extract.figures import find_figures


def texts(text: str) -> list[str]:
    return [s.text for s in find_figures(text)]


def test_aspects_a_report_is_said_to_review_are_counted() -> None:
    # RULINGS: `从…N个方面` where a news story says how a report reviewed the year is a FIGURE.
    assert "四个" in texts("报告从经济、民生、文化、自身建设等四个方面全面回顾了一年来的工作。")
    assert "三个" in texts("工作报告从三个方面总结了过去一年的履职情况。")


def test_the_review_may_run_over_clauses_of_its_own() -> None:
    assert "两个" in texts("报告从围绕中心,在发展中彰显担当;服务民生,在和谐中彰显作为两个方面回顾了市政协的工作。")


def test_a_story_cut_after_the_aspects_still_counts_them() -> None:
    assert "六个" in texts("各项工作取得了新的进展。报告从六个方面")


def test_the_report_laying_out_its_own_structure_stays_no_count() -> None:
    assert texts("主要表现在四个方面:一是围绕中心,服务大局。") == []
    assert texts("从严要求,抓好三个方面的工作。") == []
    assert texts("报告分析了三个方面的问题。从今年起继续推进。") == []
