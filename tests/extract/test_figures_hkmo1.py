"""Issue 21, round hkmo1: counts in Hong Kong, Macau and Taiwan work pages. Sentences written for the test."""

from __future__ import annotations

from pizhu.extract.figures import find_figures


def texts(text: str) -> list[str]:
    return [s.text for s in find_figures(text)]


def test_people_counted_after_a_possessive() -> None:
    assert "十名" in texts("会议选出了澳门的十名常委,名单已公布。")


def test_a_set_after_a_possessive_stays_no_count() -> None:
    assert texts("报告包括工作的三个方面。") == []


def test_days_before_an_itinerary_are_a_length() -> None:
    assert "三天" in texts("代表团在澳门三天行程将参观世遗景点。")
