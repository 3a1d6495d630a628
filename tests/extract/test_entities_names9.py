"""Issue 21, PERSON recall on unseen pages (names9): kinds of name the rules missed after a post.

Every sentence is written for the test (invented reports, invented names), so a rule passes only as a
mechanism. Rules alone unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- posts of a procuratorate, of a river's or an industrial chain's chief (检察长, 区级河长, 产业链链长) -----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("市人民检察院检察长祁立新等在主席台就座。", "祁立新"),
        ("黄柏河段河长麻仕田,督促整改。", "麻仕田"),
        ("区食品产业链链长茅荔萍、副区长李明出席。", "茅荔萍"),
    ],
)
def test_a_name_after_a_chief_post_is_a_person(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


def test_a_river_before_a_long_river_is_no_post() -> None:
    assert labelled("黄河长江流域的生态保护。", "PERSON") == []
