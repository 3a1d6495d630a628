"""Issue 21, round mix5: kinds seen on unseen report pages from the provinces the corpus had least of (texts
784–795), checked against the whole dev half.

Sentences are written for the test, never copied from the round's texts. Rules alone unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- 省 closes a place only where the divisions table knows the province: the set is closed -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "省政协副主席孙立平受省十届政协常委会委托作提案工作报告。",
        "会议增选吴晓为省十届政协常务委员。",
    ],
)
def test_a_name_and_a_verb_before_sheng_make_no_province(text: str) -> None:
    assert not any(p.endswith("省") for p in labelled(text, "GPE"))


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("省政协副主席孙立平受省十届政协常委会委托作提案工作报告。", "省十届政协常委会"),
        ("会议增选吴晓为省十届政协常务委员。", "省十届政协"),
    ],
)
def test_the_level_term_and_body_after_a_name_and_a_verb_are_one_org(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_a_province_the_table_knows_still_reads_with_its_suffix() -> None:
    assert labelled("调研组赴四川省考察。", "GPE") == ["四川省"]


# --- the place between 政协 and its term is a name: it holds no post ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("省政协主席陈立平代表省十届政协常委会作工作报告。", "省十届政协常委会"),
        ("市政协副主席孙立受市五届政协常委会委托作报告。", "市五届政协常委会"),
    ],
)
def test_a_post_and_a_name_after_zhengxie_are_no_place_of_its_term(text: str, body: str) -> None:
    orgs = labelled(text, "ORG")
    assert body in orgs
    assert not any("主席" in o for o in orgs)


def test_a_cppcc_named_with_its_place_before_its_term_still_reads() -> None:
    assert "政协岳阳市" in labelled("政协岳阳市第九届委员会第四次会议开幕。", "ORG")


# --- a centre named by what is staged or sold in it is a venue, no body ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "大会在县文化艺术中心隆重开幕。",
        "委员们参观了青山镇文体活动中心。",
        "调研组走访了王家坝村农产品展销中心。",
    ],
)
def test_a_centre_named_by_what_is_staged_or_sold_there_is_a_venue(text: str) -> None:
    assert not any(o.endswith("中心") for o in labelled(text, "ORG"))


@pytest.mark.parametrize(
    ("text", "body"),
    [("县融媒体中心记者报道。", "县融媒体中心"), ("浦东新区政协协商活动中心揭牌。", "浦东新区政协协商活动中心")],
)
def test_a_centre_that_is_a_body_still_reads(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


# --- a quoted list whose every item is a verb and a numbered formula: watchwords, no counts --------------------------


def test_counts_inside_quoted_verbs_with_numbered_formulas_are_no_figure() -> None:
    text = "全市紧紧围绕“打好三大战役、守牢两条红线、办好十件实事”,扎实推进各项工作。"
    assert labelled(text, "FIGURE") == []


def test_quoted_counts_that_are_no_formulas_still_count() -> None:
    assert labelled("代表们“走访群众三百户、收集意见五十条”。", "FIGURE") == ["三百户", "五十条"]


# --- a report's title stacks the body over lines, its standing committee on the committee's line -------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "中国人民政治协商会议\n\n第十届青山县委员会常务委员会\n\n工作报告\n\n各位委员:",
            "中国人民政治协商会议\n\n第十届青山县委员会常务委员会",
        ),
        (
            "中国人民政治协商会议\n青山县第十届委员会常务委员会\n工作报告",
            "中国人民政治协商会议\n青山县第十届委员会常务委员会",
        ),
        (
            "中国人民政治协商会议\n青山县第十届委员会\n常务委员会工作报告",
            "中国人民政治协商会议\n青山县第十届委员会\n常务委员会",
        ),
    ],
)
def test_a_stacked_title_keeps_the_standing_committee_on_the_committees_line(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


# --- a run of the regions' one-character names after a region is no smaller link of its chain ----------------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("要构建粤港澳大湾区港澳青年创业平台。", ["粤港澳大湾区", "港澳"]),
        ("为大湾区港澳台青年提供服务。", ["大湾区", "港澳台"]),
    ],
)
def test_a_run_of_one_character_names_after_a_region_is_a_place_of_its_own(text: str, places: list[str]) -> None:
    assert labelled(text, "GPE") == places


@pytest.mark.parametrize(
    ("text", "place"), [("开展穗港澳台青少年交流。", "穗港澳台"), ("委员们到湖北宜昌调研。", "湖北宜昌")]
)
def test_a_chain_or_a_run_written_together_stays_one_place(text: str, place: str) -> None:
    assert labelled(text, "GPE") == [place]


# --- a place keeps its suffix before 内 and 外 (within, outside), as a village keeps it before 里 --------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("促进大湾区内各城市协同发展。", "大湾区"),
        ("泾阳县内各乡镇积极参与。", "泾阳县"),
        ("推动宁波市外贸企业转型。", "宁波市"),
    ],
)
def test_a_place_keeps_its_suffix_before_within_or_outside(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


def test_no_chain_runs_on_from_a_county_over_within() -> None:
    assert labelled("城固县内各镇积极参与。", "GPE") == ["城固县"]


# --- a level's party congress by term and session; a reform-era congress opening a clause --------------------------


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        ("深入贯彻区五届五次党代会精神。", "五届五次党代会"),
        ("(记者 王强)二十大描绘了宏伟蓝图。", "二十大"),
        ("二十大擘画了宏伟蓝图。", "二十大"),
    ],
)
def test_a_party_congress_by_term_and_session_or_opening_a_clause(text: str, meeting: str) -> None:
    assert labelled(text, "MEETING") == [meeting]


@pytest.mark.parametrize("text", ["实施十大工程。", "全市形成十五大类产品。"])
def test_a_count_of_big_things_is_no_congress(text: str) -> None:
    assert labelled(text, "MEETING") == []


# --- a CPPCC committee named with its second field in brackets ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("省政协设提案委员会、港澳台侨(外事)委员会等专门委员会。", "港澳台侨(外事)委员会"),
        ("港澳台侨(外事)委员会与省致公党开展对口联系,省政协副主席出席。", "港澳台侨(外事)委员会"),
        ("社会和法制(民族宗教)委员会召开会议,市政协副主席出席。", "社会和法制(民族宗教)委员会"),
    ],
)
def test_a_committee_with_its_second_field_in_brackets_is_one_org(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")
    assert "港澳台" not in labelled(text, "GPE")


def test_a_bracketed_note_before_committee_in_a_text_without_a_cppcc_names_none() -> None:
    assert labelled("村民(居民)委员会换届选举顺利完成。", "ORG") == []
