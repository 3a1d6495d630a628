"""Issue 21, round wave9b: a transliterated name with a middle dot closing a list, a verb after it.

Names made up for the test."""

from __future__ import annotations

import pytest

from pizhu.extract.entities import find_entities


def persons(text: str) -> list[str]:
    return [s.text for s in find_entities(text) if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # closing a list, a verb of coming after it
        (
            "全国政协副主席张建国、阿不都·热合曼先后来我省视察\n\n8月2日,全国政协副主席张建国来我省视察工作。",
            "阿不都·热合曼",
        ),
        # closing a list, before a report
        ("会议由李明、买买提·吐尔逊报告工作。", "买买提·吐尔逊"),
        # after a post
        ("区政协主席努尔江·阿不都满金报告工作,提及去年自治区工作。", "努尔江·阿不都满金"),
    ],
)
def test_a_dotted_name_stops_where_a_word_after_it_begins(text: str, name: str) -> None:
    found = persons(text)
    assert name in found
    assert not any(n.startswith(name) and n != name for n in found)


def test_a_rare_word_the_syllables_make_stays_inside_the_name() -> None:
    # 热力 is a word too, but a rare one: a syllable of the name; 报告 after it is the verb.
    text = "会议由李明、努尔江·阿不都热力报告工作。"
    assert "努尔江·阿不都热力" in persons(text)


def test_a_dotted_place_chain_is_no_name() -> None:
    # 中国·庆阳 before an event's name: a place chain, not a name the dot rule shortens into one.
    assert persons("与中国·庆阳香包节同步") == []
