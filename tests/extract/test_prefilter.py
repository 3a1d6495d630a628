"""extract.prefilter.scanning: the same matches as the pattern it is given, on the extractor's own patterns."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pizhu.extract import dates, entities, figures, normalize, sections
from pizhu.extract.prefilter import _cue, finditer_near, scanning


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


def _near_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The extractor's patterns finditer_near reads a cue in (all of the modules', used with it or not)."""
    return [
        (name, value)
        for module in (entities, figures, dates)
        for name, value in vars(module).items()
        if isinstance(value, re.Pattern) and _cue(value) is not None
    ]


_NEAR = _near_patterns()


def test_a_cue_after_a_run_of_any_character() -> None:
    pattern = re.compile(r"(?:(?<![一-鿿])|(?<=[由与]))[一-鿿]{2,6}及[一-鿿]{2,6}?局")
    cue = _cue(pattern)
    assert cue is not None and (cue[0].pattern, cue[1], cue[2]) == ("[及]", 2, 6)
    text = "市财政局及税务局，由发改委及统计局和市场监管局"
    assert [m.span() for m in finditer_near(pattern, text)] == [m.span() for m in pattern.finditer(text)]
    assert [m.group() for m in finditer_near(pattern, text)] == ["市财政局及税务局", "由发改委及统计局"]


def test_no_cue_no_shortcut() -> None:
    # no character of few every match holds; one too far from the start (50); a pattern that may match nothing
    for plain in (r"[一-鿿]+局", r"[^，]{1,50}及", r"a?b?"):
        pattern = re.compile(plain)
        assert _cue(pattern) is None
        text = "市财政局及税务局 ab"
        assert [m.span() for m in finditer_near(pattern, text)] == [m.span() for m in pattern.finditer(text)]


def test_the_extractor_reads_cues_in_its_patterns() -> None:
    names = {name for name, _ in _NEAR}
    assert {"_JI_BUREAU_RE", "_APPOINTED_RE", "_DOT_NAME_RE", "_GLOSSED_ERA_YEAR_RE"} <= names


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_near_finds_what_finditer_finds(data: st.DataObject) -> None:
    """On text made of the pieces a pattern names, finditer_near gives finditer's matches (spans and groups)."""
    for name, pattern in _NEAR:
        pieces = sorted(set(re.findall(r"[\u4e00-\u9fff]+", pattern.pattern)) | set("，。、（(\n 1２a·"))
        text = "".join(data.draw(st.lists(st.sampled_from(pieces), max_size=16), label=name))
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in finditer_near(pattern, text)] == expected, name
