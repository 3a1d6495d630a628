"""Whole-text scans that start only where a run of their first class starts: the matches they gave without."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pizhu.extract import entities

_PIECES = ["张三", "李", "欧阳修文", "（女）", "(专职)", "、", "，", "。", " ", "\n", "和", "等", "a1", "：", "”"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_name_lists_scan_finds_what_it_found_without_the_lookbehind(text: str) -> None:
    n = entities
    old = re.compile(rf"[^{n._NOT_IN_ITEM}]+(?:{n._ITEM_NOTE})?(?:、[^{n._NOT_IN_ITEM}]+(?:{n._ITEM_NOTE})?)+")
    assert [m.span() for m in n._LIST_RE.finditer(text)] == [m.span() for m in old.finditer(text)]
