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
