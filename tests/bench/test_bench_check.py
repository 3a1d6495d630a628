"""bench_check's ordinary words planted as none (``--none-from words``)."""

from __future__ import annotations

from bench.bench_check import word_label


def test_word_label_gives_the_label_an_ordinary_word_is_taken_for() -> None:
    assert word_label("服务中心", "n") == "ORG"  # a noun ending in a body's head
    assert word_label("示范区", "n") == "GPE"  # a place character
    assert word_label("张力", "n") == "PERSON"  # a surname first
    assert word_label("一个", "m") == "FIGURE"  # a numeral and its measure word


def test_word_label_leaves_out_names_the_rules_own_phrases_and_what_has_no_form() -> None:
    assert word_label("北京", "ns") is None  # a name by jieba's tag
    assert word_label("相关部门", "n") is None  # NOT_ENTITIES
    assert word_label("各级党委", "n") is None  # span_form.generic
    assert word_label("两会", "m") is None  # a numeral without a measure word
    assert word_label("四届", "m") is None  # a count or an ordinal: cannot tell
    assert word_label("认真", "a") is None  # neither noun nor verb
    assert word_label("发", "v") is None  # one character
