"""Readings the merges of stop 35's rounds made wrong, each tested on invented text."""

from __future__ import annotations

import pytest

from pizhu.extract.entities import find_entities


def orgs(text: str) -> list[str]:
    return [s.text for s in find_entities(text) if s.label == "ORG"]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("自治州政协围绕自治州党委中心工作履职。", "自治州党委"),
        ("州政协围绕州党委中心任务建言。", "州党委"),
        ("市政协紧扣市委中心工作。", "市委"),
    ],
)
def test_a_bodys_central_task_is_no_centre(text: str, body: str) -> None:
    """中心工作, 中心任务: the body's central task, no centre it runs (RULINGS: a kind of thing, no body)."""
    found = orgs(text)
    assert body in found
    assert not any(o.endswith(("中心", "中心工")) for o in found)


def test_a_photo_credit_closes_the_name_before_a_dotted_one() -> None:
    people = [s.text for s in find_entities("新华社记者王强摄洛桑·丹增尼玛活佛说。") if s.label == "PERSON"]
    assert "王强摄洛桑·丹增尼玛" not in people
