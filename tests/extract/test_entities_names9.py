"""Issue 21, PERSON recall on unseen pages (names9): kinds of name the rules missed after a post.

Every sentence is written for the test (invented reports, invented names), so a rule passes only as a
mechanism. Rules alone unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- after a leader's post, a name no common surname opens: a rare surname (蹇, 粘, 雒) or a short transliterated
# name (Tibetan, Mongolian), closed by what closes a name there (出席, 等, 、, 所作): a PERSON -------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("县委书记蹇明川到会看望了与会委员。", "蹇明川"),
        ("市委统战部部长粘晓冬应邀到会并讲话。", "粘晓冬"),
        ("会议听取了县政府县长雒川海,县委副书记王明的讲话。", "雒川海"),
        ("区政协副主席次旦等陪同调研。", "次旦"),
        ("审议了区政协副主席寻立东所作的常委会工作报告。", "寻立东"),
    ],
)
def test_a_name_no_common_surname_opens_after_a_post_is_a_person(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "市政协主席台就座的领导出席会议。",
        "县政协副主任委员出席会议。",
        "委员们一行来到村里。",
        "办公室副主任科员出席。",
    ],
)
def test_words_after_a_post_are_no_name(text: str) -> None:
    assert labelled(text, "PERSON") == []


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


# --- after a post, a name then what a leader does (带队, 走进, 心系, 前往): the act closes the name -----------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("市政协副主席、党组副书记柳月华带队到镇里开展调研。", "柳月华"),
        ("同日民进区委会副主委康英俊走进村里开展调研。", "康英俊"),
        ("突如其来的疫情中,市政协主席管建新心系三农,分赴各地。", "管建新"),
        ("区政协主席、区产业链链长茅荔萍组织企业前往展会。", "茅荔萍"),
    ],
)
def test_a_name_after_a_post_before_a_leaders_act_is_a_person(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


def test_a_preposition_before_a_leaders_act_is_no_part_of_the_name() -> None:
    names = labelled("全国政协提案委员会主任邝淦在通报情况时表示,成效明显。", "PERSON")
    assert "邝淦在" not in names
