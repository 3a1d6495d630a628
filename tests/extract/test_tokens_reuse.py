"""The whole text is cut into words once per import: the model's stretches reuse the rules' cut.

``find_entities`` reads the text round each line break again (a body's name a PDF line cuts); those
windows are cut too, and must not push the whole text's words out of the reuse ``unsettled_stretches``
relies on.
"""

from __future__ import annotations

from typing import Any

import pytest

from pizhu.extract import entities


def test_the_whole_text_is_cut_once_when_its_line_breaks_are_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "会议由政协某某市第十四\n届委员会常务委员会主持。共青团某某市\n委员会书记王某出席。\n李某某讲话。"
    st = entities._init()
    cuts: list[str] = []
    words = st["segmenter"].words

    def counting(piece: str, *args: Any, **kwargs: Any) -> list[str]:
        cuts.append(piece)
        return words(piece, *args, **kwargs)

    monkeypatch.setattr(st["segmenter"], "words", counting)
    spans = entities.find_entities(text)
    assert any(s.rule == "entity.org_across_break" for s in spans) or len(cuts) > 1  # the breaks were read again
    before = cuts.count(text)
    entities.unsettled_stretches(text, spans)
    assert before == 1
    assert cuts.count(text) == 1
