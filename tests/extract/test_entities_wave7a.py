"""Issue 21, wave7a: kinds of miss the unseen pages 796–807 showed (city, county and prefecture write-ups).

- ``等地`` closes a list of places only where 地 is the word for places: where it opens a noun of the land's
  nature (``等地理优势``, ``等地形条件``, ``等地貌``, ``等地质灾害``, ``等地势``), the list is of topics, no GPE.
- A termed CPPCC's place (``政协某某市第五届委员会``) holds no second ``政协`` and does not open with ``委员``:
  ``政协委员`` is the bare member, and a ``政协`` further on opens the body (``…市政协委员召开筹备政协某某市第五届
  委员会第四次会议…`` gives ORG ``政协某某市``, not one span across the verb).
- A quoted variant of ``有事好商量`` (``“某事好商量”``, ``“有事来商量”``) is a SLOGAN; before ``活动`` it names the
  activity.

Every sentence is written for the test (invented places and bodies), so a rule passes only as a mechanism.
Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    "text",
    [
        "委员们充分考量该村海拔、降水、温度等地理优势,寻找发展方向。",
        "结合坡度、土壤、光照等地形条件,选好种植品种。",
        "针对滑坡、泥石流、崩塌等地质灾害开展视察。",
        "根据山脉、河谷、盆地等地貌特点规划产业。",
    ],
)
def test_a_list_before_a_noun_of_the_land_is_no_list_of_places(text: str) -> None:
    assert labelled(text, "GPE") == []


def test_a_list_closed_by_deng_di_is_still_places() -> None:
    assert {"青石", "临平"} <= set(labelled("委员们赴青石、临平等地考察学习。", "GPE"))


@pytest.mark.parametrize(
    ("text", "body", "wrong"),
    [
        (
            "县政协组织住县市政协委员召开筹备政协青石市第五届委员会第四次会议提案工作座谈会。",
            "政协青石市",
            "政协委员召开筹备政协青石市",
        ),
        (
            "市政协委员参加政协临平县第九届委员会第二次会议。",
            "政协临平县",
            "政协委员参加政协临平县",
        ),
    ],
)
def test_a_termed_cppcc_place_holds_no_member_and_no_second_cppcc(text: str, body: str, wrong: str) -> None:
    orgs = labelled(text, "ORG")
    assert body in orgs
    assert wrong not in orgs


def test_a_termed_cppcc_still_reads_its_place() -> None:
    assert "政协青石市第五届委员会常务委员会" in labelled("政协青石市第五届委员会常务委员会向大会报告工作。", "ORG")


@pytest.mark.parametrize(
    ("text", "slogan"),
    [
        ("会议审议通过“青事好商量”协商品牌标识。", "青事好商量"),
        ("全省推开“有事来商量”协商平台建设。", "有事来商量"),
        ("打造“民事多商量”议事平台。", "民事多商量"),
    ],
)
def test_a_local_variant_of_you_shi_hao_shang_liang_is_a_slogan(text: str, slogan: str) -> None:
    assert slogan in labelled(text, "SLOGAN")


def test_a_quoted_sentence_about_talking_is_no_slogan() -> None:
    assert labelled("他说:“这件事我们再商量”。", "SLOGAN") == []


def test_a_variant_naming_an_activity_is_no_slogan() -> None:
    assert labelled("区政协主席参加街道委员组“青事好商量”活动,建言献策。", "SLOGAN") == []
