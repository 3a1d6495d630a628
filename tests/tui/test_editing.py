"""The reader's editing math (tui/editing.py): plain offsets in, offsets out, no Textual."""

from __future__ import annotations

import pytest

from pizhu.store.records import CONFIRMED, PENDING, REJECTED, Change, SpanView
from pizhu.tui.editing import (
    HINT_LETTERS,
    alternative,
    alternative_change,
    boundary_target,
    caret_target,
    found_span,
    hint_labels,
    hint_places,
    mark_again_target,
    selection_start,
    span_edge,
    uncrowded,
)
from pizhu.tui.words import Words

TEXT = "全面推进改革，提出“一带一路”建设。"


def span(start: int, end: int, label: str = "ORG", status: str = PENDING, text: str = TEXT, sid: int = 1) -> SpanView:
    return SpanView(
        id=sid,
        document_id=1,
        origin="rules",
        label=label,
        start=start,
        end=end,
        text=text[start:end],
        attrs={},
        tags=(),
        status=status,
        rule="",
        confidence=0.5,
        extractor_version="1",
    )


def test_hint_labels_one_letter_each_up_to_26_places() -> None:
    labels = hint_labels(list(range(26)))
    assert [labels[i] for i in range(26)] == list(HINT_LETTERS)


def test_hint_labels_stay_prefix_free_beyond_26_places() -> None:
    labels = hint_labels(list(range(60)))
    assert len(set(labels.values())) == 60
    singles = {v for v in labels.values() if len(v) == 1}
    assert all(v[0] not in singles for v in labels.values() if len(v) == 2)
    assert len(labels[0]) == 1 and len(labels[59]) == 2  # the nearest gets one letter


def test_hint_places_nearest_first_and_no_punctuation_but_quotes() -> None:
    words = Words(TEXT, [2, 4])
    places = hint_places(TEXT, words, 0, len(TEXT), 4)
    assert places[0] == 4
    assert TEXT.index("，") not in places
    assert TEXT.index("“") in places


def test_alternative_reads_a_model_flag() -> None:
    assert alternative("model: ORG 3-7") == ("ORG", 3, 7)
    assert alternative("model: NOPE 3-7") is None
    assert alternative("model: ORG 3") is None
    assert alternative("text changed") is None


def test_boundary_target_by_character_and_never_empty() -> None:
    words = Words(TEXT)
    section = (0, len(TEXT))
    assert boundary_target("start_char_right", 2, 4, words, section, len(TEXT)) == (3, 4)
    assert boundary_target("end_char_right", 2, 4, words, section, len(TEXT)) == (2, 5)
    assert boundary_target("end_char_left", 2, 3, words, section, len(TEXT)) is None
    assert boundary_target("start_char_left", 0, 3, words, section, len(TEXT)) is None
    assert boundary_target("end_char_right", 2, len(TEXT), words, section, len(TEXT)) is None


def test_boundary_target_by_word() -> None:
    words = Words(TEXT, [2, 4])
    section = (0, len(TEXT))
    assert boundary_target("start_left", 2, 4, words, section, len(TEXT)) == (0, 4)
    assert boundary_target("end_right", 0, 2, words, section, len(TEXT)) == (0, 4)
    assert boundary_target("end_left", 0, 4, words, section, len(TEXT)) == (0, 2)
    assert boundary_target("start_right", 0, 4, words, section, len(TEXT)) == (2, 4)


def test_span_edge_finds_the_nearest_edge_or_the_bounds() -> None:
    edges = [3, 8, 12]
    assert span_edge(8, edges, 0, 20, 1) == 12
    assert span_edge(8, edges, 0, 20, -1) == 3
    assert span_edge(12, edges, 0, 20, 1) == 20
    assert span_edge(3, edges, 0, 20, -1) == 0
    assert span_edge(5, edges, 4, 10, -1) == 4  # an edge outside the bounds does not count


def test_caret_target_moves_inside_the_bounds() -> None:
    words = Words(TEXT, [2, 4])
    assert caret_target("left", 0, 0, 10, words, ()) == 0
    assert caret_target("right", 10, 0, 10, words, ()) == 10
    assert caret_target("word_right", 0, 0, len(TEXT), words, ()) == 2
    assert caret_target("word_left", 4, 0, len(TEXT), words, ()) == 2
    assert caret_target("next_punctuation", 0, 0, len(TEXT), words, ()) == TEXT.index("，")
    assert caret_target("span_edge_right", 0, 0, len(TEXT), words, [5, 9]) == 5
    assert caret_target("word_right", 3, 0, len(TEXT), None, ()) == 3  # no words yet: stays
    with pytest.raises(ValueError):
        caret_target("up", 0, 0, 10, words, ())  # lines are the view's


def test_selection_start_quotes_match_and_word() -> None:
    words = Words(TEXT, [2, 4])
    quote = TEXT.index("“")
    assert selection_start(TEXT, quote, len(TEXT), words) == (quote + 1, TEXT.index("”"))
    assert selection_start(TEXT, 0, len(TEXT), words) == (0, 2)
    assert selection_start(TEXT, 5, len(TEXT), words, match=(5, 9)) == (5, 9)
    # An unclosed quote within the bounds selects the word at it.
    assert selection_start(TEXT, quote, quote + 3, words)[0] == quote


def test_mark_again_target_finds_a_known_text_unlabelled() -> None:
    text = "政协会议。政协委员。"
    words = Words(text, [2, 4, 7])
    known = span(0, 2, status=CONFIRMED, text=text)
    assert mark_again_target(text, (0, len(text)), 0, [known], words) == (5, 7, "ORG")
    # Being added, or rejected there once, it is not proposed again.
    assert mark_again_target(text, (0, len(text)), 0, [known], words, adding=[(5, 7, "ORG")]) is None
    rejected = span(5, 7, status=REJECTED, text=text, sid=2)
    assert mark_again_target(text, (0, len(text)), 0, [known, rejected], words) is None
    # Nothing known in the document: nothing proposed; the last added text counts as known.
    assert mark_again_target(text, (0, len(text)), 0, [], words) is None
    assert mark_again_target(text, (0, len(text)), 0, [], words, last_added=("会议", "EVENT")) == (2, 4, "EVENT")


def test_mark_again_target_whole_words_only_and_from_reading_on() -> None:
    text = "政协会议。城政协委员。"
    words = Words(text, [2, 4])  # no edge between 城 and 政协: 政协 is not a word there
    known = span(0, 2, status=CONFIRMED, text=text)
    assert mark_again_target(text, (0, len(text)), 0, [known], words) is None
    assert mark_again_target(text, (0, len(text)), 3, [known], Words(text, [2, 4, 6, 8])) == (6, 8, "ORG")


def test_uncrowded_leaves_out_places_without_room_and_shortens_the_labels() -> None:
    places = list(range(30))  # 30 places: the furthest get two-letter labels
    assert any(len(label) == 2 for label in hint_labels(places).values())
    crowded_once = set(range(10, 30))

    def crowded(hints: dict[int, str]) -> set[int]:
        return crowded_once & set(hints)

    hints = uncrowded(places, crowded)
    assert sorted(hints) == list(range(10))
    assert all(len(label) == 1 for label in hints.values())
    assert uncrowded(places, lambda hints: set()) == hint_labels(places)


def test_alternative_change_is_a_boundary_when_the_bounds_differ_else_a_label() -> None:
    shown = span(2, 4, "ORG")
    assert alternative_change(shown, ("PERSON", 2, 4)) == Change("label", label="PERSON")
    assert alternative_change(shown, ("ORG", 0, 4)) == Change("boundary", start=0, end=4)
    assert alternative_change(shown, ("PERSON", 0, 4)) == Change("boundary", label="PERSON", start=0, end=4)


def test_found_span_is_the_shortest_span_holding_the_match() -> None:
    outer, inner = span(0, 8, sid=1), span(2, 4, sid=2)
    assert found_span([outer, inner], 3) == inner
    assert found_span([outer, inner], 6) == outer
    assert found_span([outer, inner], 8) is None
