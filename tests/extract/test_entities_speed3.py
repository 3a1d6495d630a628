"""Shortcuts in the entity rules' hot loops give what the long way gives.

A 、-list with a mirror's doubled separators drops them found in one pass, a leader opening a
fixed phrase is remembered by word, and the place loop skips tokens no branch of it can read as a
place: each is checked against the long way on generated text.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from pizhu.extract import entities

_SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def _generated(rng: random.Random, n: int) -> str:
    pieces = ["、", ",", "，", "\n", "张", "丽", "王", "某", "林", "曾", "市", "县", "政协", "主席", "。"]
    pieces += ["港澳", "湖北"]
    return "".join(rng.choice(pieces) for _ in range(n))


def test_the_doubled_separators_found_in_one_pass_are_those_matched_at_each_position() -> None:
    rng = random.Random(3)
    for _ in range(300):
        text = _generated(rng, 60)
        at_each = [i for i in range(len(text)) if entities._DOUBLED_SEPARATOR_RE.match(text, i)]
        assert [m.start() for m in entities._DOUBLED_SEPARATOR_RE.finditer(text)] == at_each
        assert all(m.end() - m.start() == 1 for m in entities._DOUBLED_SEPARATOR_RE.finditer(text))


def test_a_list_with_doubled_separators_still_gives_its_names() -> None:
    text = "出席会议的有林某某,、曾某某,、王某某,、张某某等同志。"
    spans = entities.find_entities(text)
    names = {s.text for s in spans if s.label == "PERSON"}
    plain = {s.text for s in entities.find_entities(text.replace(",、", "、")) if s.label == "PERSON"}
    assert names == plain


def test_a_leader_opening_is_the_same_asked_again_or_fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    st = entities._init()
    leaders = st["leaders"]
    words = ["邓小平理论", "毛泽东思想", "习近平新时代", "政协委员会", "某某某某"]
    first = [entities._leader_opening(w, leaders, st) for w in words]
    again = [entities._leader_opening(w, leaders, st) for w in words]
    monkeypatch.setattr(entities, "_LEADER_OPENINGS", {})
    fresh = [entities._leader_opening(w, leaders, st) for w in words]
    assert first == again == fresh
    assert first[0] == "邓小平"


class _Everything(frozenset[str]):
    def __contains__(self, _item: object) -> bool:
        return True


def test_the_place_loop_finds_the_same_places_without_its_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    st = entities._init()
    rng = random.Random(7)
    texts = [p.read_text(encoding="utf-8")[:4000] for p in _SEEDS[:6]]
    texts += [_generated(rng, 200) for _ in range(20)]

    def places(text: str) -> list[Any]:
        return entities._gpes(text, entities._tokens(text, st), st)

    quick = [places(t) for t in texts]
    monkeypatch.setattr(entities, "_gpe_words", lambda _st: _Everything())
    assert [places(t) for t in texts] == quick
    assert any(quick)


def test_token_starts_and_ends_are_those_of_the_list_asked_about() -> None:
    st = entities._init()
    texts = ["政协某某市委员会主席李某讲话。", "港澳同胞、台湾同胞参加会议。"]
    for _ in range(2):
        for text in texts:
            tokens = entities._tokens(text, st)
            assert entities._token_starts(tokens) == {s for s, _e, _w in tokens}
            assert entities._token_ends(tokens) == {e for _s, e, _w in tokens}
    copy = [(0, 2, "某某")]
    assert entities._token_starts(copy) == {0} and entities._token_ends(copy) == {2}


def test_a_list_with_doubled_separators_reads_its_names_where_the_text_has_them() -> None:
    text = "委员有林某某,、曾某某,、王某某,、张某某。"
    for s in entities.find_entities(text):
        assert text[s.start : s.end] == s.text


def test_compacting_drops_the_characters_asked_and_keeps_the_offsets_of_the_rest() -> None:
    rng = random.Random(11)
    for _ in range(200):
        text = _generated(rng, rng.randrange(0, 80))
        dropped = {i for i in range(len(text)) if rng.random() < 0.2}
        keep, compact = entities._compacted(text, dropped)
        assert keep == [i for i in range(len(text)) if i not in dropped]
        assert compact == "".join(text[i] for i in keep)
