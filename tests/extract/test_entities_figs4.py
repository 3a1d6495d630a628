"""Issue 21, texts 370–379 (figs4): an ORG the rules read across two words.

Every sentence is written for the test (invented people and bodies). Rules alone.
"""

from __future__ import annotations

from tests.extract.spans import labelled


def test_a_partys_short_name_across_two_words_is_no_body() -> None:
    # 村民 + 进行: the characters of 民进 belong to two words, no party
    assert "民进" not in labelled("委员们与村民进行了亲切交流。", "ORG")
    assert "民建" not in labelled("他与居民建立了联系。", "ORG")


def test_a_partys_short_name_still_stands() -> None:
    assert "民进" in labelled("民进、民盟的负责同志参加座谈。", "ORG")
    assert "民进" in labelled("会上,市民进言献策,民进成员踊跃发言。", "ORG")
