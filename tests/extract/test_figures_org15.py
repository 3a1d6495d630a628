"""Issue 21, org15: a count in 家 of institutions listed before it is a FIGURE even where 重点 follows
(某局、某局五家重点提案承办单位): 家 counts bodies, never a formula's parts (两个重点 stays none).

Every sentence is written for the test. Rules alone.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("县民政局、文旅局、审计局三家重点提案承办单位负责人作了汇报。", "三家"),
        ("甲公司、乙公司两家重点企业参加座谈。", "两家"),
    ],
)
def test_listed_institutions_counted_in_jia_before_zhongdian(text: str, figure: str) -> None:
    assert figure in labelled(text, "FIGURE")


def test_a_formulas_key_points_stay_none() -> None:
    assert labelled("抓住两个重点,推动工作落实。", "FIGURE") == []
