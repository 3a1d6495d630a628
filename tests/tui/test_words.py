"""Word edges for the reader's word keys: a range or a decimal is one word, a date with 年 too."""

from __future__ import annotations

from pizhu.tui.words import Words, jieba_boundaries


def words(text: str) -> Words:
    return Words(text, jieba_boundaries(text))


def test_a_year_range_is_one_word_so_one_key_takes_the_start_back_over_it() -> None:
    text = "政协第二届(1954-1959)委员"
    w = words(text)
    w.with_spans([text.index("1959"), text.index("1959") + 4])  # the candidate 1959
    start = text.index("1959")
    # < from the candidate's start: one key to the start of the range.
    assert w.previous(start, 0) == text.index("1954")


def test_a_date_range_with_years_and_a_tilde_is_one_word() -> None:
    text = "2004年~2010年间,委员们"
    w = words(text)
    end = text.index("~")
    w.with_spans([0, end])  # the candidate 2004年
    assert w.next(end, end) == text.index("间")


def test_decimals_and_times_stay_whole_and_words_still_split_elsewhere() -> None:
    text = "增长2.5个百分点,10:30开会"
    w = words(text)
    assert not w.is_boundary(text.index(".")) and not w.is_boundary(text.index(".") + 1)
    assert not w.is_boundary(text.index(":"))
    assert w.is_boundary(text.index("个"))
    assert w.is_boundary(text.index("开"))


def test_span_edges_stay_edges_inside_a_range() -> None:
    text = "1949-1954"
    w = words(text)
    assert not w.is_boundary(5)
    w.with_spans([5, 9])
    assert w.is_boundary(5)
