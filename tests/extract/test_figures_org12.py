"""Issue 21, org12: 一起 after a companion (与委员一起, together) counts no incident; 主任一名 still counts.

Every sentence is written for the test. Rules alone.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    "text",
    [
        "州委书记分别参加了委员联组讨论,与委员一起",
        "他表示将和大家一起,进一步团结凝聚力量。",
        "要同基层干部一起研究解决问题。",
    ],
)
def test_yiqi_after_a_companion_is_no_count(text: str) -> None:
    assert "一起" not in labelled(text, "FIGURE")


def test_a_posts_holder_counted_with_yi_is_still_a_count() -> None:
    assert "一名" in labelled("设主任一名、副主任两名。", "FIGURE")
