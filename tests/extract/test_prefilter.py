"""extract.prefilter.scanning: the same matches as the pattern it is given, on the extractor's own patterns."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pizhu.extract import entities, figures, normalize, sections
from pizhu.extract.prefilter import scanning


def _scanned() -> list[tuple[str, re.Pattern[str]]]:
    """The extractor's patterns that carry scanning()'s lookahead."""
    return [
        (name, value)
        for module in (entities, figures, normalize, sections)
        for name, value in vars(module).items()
        if isinstance(value, re.Pattern) and value.pattern.startswith("(?=[")
    ]


def _plain(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern without the lookahead scanning() put in front (None for one built from a scanned one's
    text, _DOT_POST_RE: its lookahead opens one branch only)."""
    try:
        return re.compile(pattern.pattern[pattern.pattern.index("])(?:") + 5 : -1], pattern.flags)
    except re.error:
        return None


_PAIRS = [(name, pattern, plain) for name, pattern in _scanned() if (plain := _plain(pattern)) is not None]


def test_a_lookbehind_opening_gets_the_first_characters() -> None:
    pattern = scanning(re.compile(r"(?<![一二三])(?:第[一二三]次|[四五]届)会议"))
    assert pattern.pattern.startswith("(?=[第四五])")
    assert [m.span() for m in pattern.finditer("第一次会议，一四届会议，四届会议")] == [(0, 5), (12, 16)]


def test_what_it_cannot_read_is_left_as_it_is() -> None:
    unread = (r"(a)?\1b", "a?", "[^a]b", "")
    for plain in [re.compile(p) for p in unread] + [re.compile("ab", re.IGNORECASE)]:
        assert scanning(plain) is plain


def test_the_extractor_scans_with_it() -> None:
    names = {name for name, _ in _scanned()}
    assert {"_MEETING_RE", "_POST_BEFORE_NAME_RE", "_FIGURE_RE", "_PUNCT_SPACE_RE"} <= names


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_the_same_matches_as_without_it(data: st.DataObject) -> None:
    """On text made of the pieces the pattern names (its runs of CJK characters, digits, punctuation), every
    scanned pattern of the extractor finds what the pattern without its lookahead finds."""
    for name, pattern, plain in _PAIRS:
        pieces = sorted(set(re.findall(r"[\u4e00-\u9fff]+", plain.pattern)) | set("，。、\n 1２a"))
        text = "".join(data.draw(st.lists(st.sampled_from(pieces), max_size=12), label=name))
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], name
