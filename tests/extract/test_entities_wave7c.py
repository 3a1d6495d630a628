"""Issue 21, round wave7c: kinds seen on unseen proposal work reports of city, district and county CPPCCs
(texts 820–829), checked against the whole dev half.

Sentences are written for the test, never copied from the round's texts. Rules alone unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- a party plenum named by its ordinal alone is a numbered session by itself ------------------------------------


@pytest.mark.parametrize(
    ("text", "plenum"),
    [
        ("委员们认真学习党的二十大和三中全会精神。", "三中全会"),
        ("栏目:两会专题2024/四中全会专栏", "四中全会"),
    ],
)
def test_a_bare_plenum_is_a_meeting(text: str, plenum: str) -> None:
    assert plenum in labelled(text, "MEETING")


def test_a_plenum_under_its_term_stays_one_meeting() -> None:
    assert labelled("学习贯彻党的十九届五中全会精神。", "MEETING") == ["十九届五中全会"]


# --- a template's ** placeholder for the place leaves no chain, as xx and ×× do -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我受政协**区第七届委员会常务委员会委托,向大会报告提案工作。",
        "因超出事权范围未予立案的9件,已转**市政协处理。",
    ],
)
def test_a_chain_after_an_asterisk_placeholder_is_no_body(text: str) -> None:
    orgs = labelled(text, "ORG")
    assert not any("委员会" in o or o.endswith("政协") for o in orgs), orgs
