"""Issue 21, GPE precision on unseen text: kinds of false place the scan (``bench/bench_places_scan.py``) found.

Every sentence is written for the test (invented people and bodies, real places from the table), so a
rule passes only as a mechanism. Rules alone (``model=False``) unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- a place opening a company's, a publisher's or a news agency's name (RULINGS: companies and media
# --- outlets are ORG; the place inside such a name is no GPE) ---------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("主管单位:重庆出版集团  主办单位:某刊社", "重庆"),
        ("主办单位:重庆农家科技杂志社有限公司", "重庆"),
        ("稿件来源:香港中通社\n香港中通社12月19日电", "香港"),
        ("代表们在会上发言。(视觉中国/图)", "中国"),
        ("据岳阳晨光出版社消息,新书已出版。", "岳阳"),
    ],
)
def test_a_place_opening_a_company_or_press_name_is_no_gpe(text: str, place: str) -> None:
    assert place not in " ".join(labelled(text, "GPE"))
    assert place not in " ".join(labelled(text, "GPE", model=True))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("委员们赴重庆调研产业集群建设。", "重庆"),
        ("他在岳阳参加了产业发展大会。", "岳阳"),
        ("中国特色社会主义进入新时代。", "中国"),
        ("北京人民大会堂隆重开幕。", "北京"),
        ("香港的发展离不开祖国。", "香港"),
    ],
)
def test_a_place_before_other_words_stays_a_gpe(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


# --- a person's given name read as a short place name: a surname after a credit's colon, the place,
# --- then a closing bracket ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("澳门回归纪念活动举行。(完)【编辑:孟宜君】", "孟宜君", "宜君"),
        ("论坛顺利闭幕。(责任编辑:王岳阳)", "王岳阳", "岳阳"),
    ],
)
def test_a_given_name_before_a_closing_bracket_is_no_place(text: str, name: str, place: str) -> None:
    assert place not in labelled(text, "GPE")
    assert name in labelled(text, "PERSON")
