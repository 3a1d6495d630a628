"""Texts written for these tests (not the seeds): other committees, years, script and noise.

Raw text goes through the real normalizer first, as on import, so these tests also pin
the contract between ``normalize`` and the finders (glosses gone, t2s, OCR spaces gone,
full-width digits made ASCII).
"""

from __future__ import annotations

from pizhu.extract.normalize import normalize
from pizhu.extract.pipeline import extract_spans


def spans_of(raw: str) -> list[tuple[str, str]]:
    text = normalize(raw).text
    spans = extract_spans(text)
    for s in spans:
        assert text[s.start : s.end] == s.text
    return [(s.label, s.text) for s in spans if s.label in ("FIGURE", "DATE")]


def figure_attrs(raw: str) -> list[tuple[str, object, str, str]]:
    text = normalize(raw).text
    return [(s.text, s.value, s.unit, s.approx) for s in extract_spans(text) if s.label == "FIGURE"]


def test_traditional_with_pinyin_gloss() -> None:
    raw = "2019年,市政協(xié)組織委員開展調研18次,提出建議案(àn)6件,收集意見 1,250 條。"
    assert spans_of(raw) == [("DATE", "2019年"), ("FIGURE", "18次"), ("FIGURE", "6件"), ("FIGURE", "1,250条")]
    assert figure_attrs(raw)[-1] == ("1,250条", 1250, "条", "exact")


def test_ocr_spaces_inside_quantities() -> None:
    raw = "全年征集社情民意 386 件,组织书画家送春联 1000 余副,点赞量 5 万多条。"
    assert figure_attrs(raw) == [
        ("386件", 386, "件", "exact"),
        ("1000余副", 1000, "副", "over"),
        ("5万多条", 50000, "条", "over"),
    ]


def test_full_width_digits() -> None:
    raw = "县政协共收到提案１２３件,办复率达９８．５％。"
    assert figure_attrs(raw) == [("123件", 123, "件", "exact"), ("98.5%", 98.5, "%", "exact")]


def test_other_committee_report() -> None:
    raw = (
        '2021年1月8日,政协某某县第十届委员会第五次会议开幕。过去一年,县政协围绕"十四五"规划开展'
        "专题协商7次、视察监督逾20次,委员提交提案215件,立案198件,办结率100%。"
        '近三年来共培训委员约600人次,连续12年开展"送医下乡"活动,惠及群众2.3万人。'
    )
    assert spans_of(raw) == [
        ("DATE", "2021年1月8日"),
        ("FIGURE", "7次"),
        ("FIGURE", "逾20次"),
        ("FIGURE", "215件"),
        ("FIGURE", "198件"),
        ("FIGURE", "100%"),
        ("FIGURE", "约600人次"),
        ("FIGURE", "12年"),
        ("FIGURE", "2.3万人"),
    ]
    attrs = figure_attrs(raw)
    assert ("逾20次", 20, "次", "over") in attrs
    assert ("约600人次", 600, "人次", "about") in attrs
    assert ("2.3万人", 23000, "人", "exact") in attrs


def test_years_months_and_what_is_not_a_date() -> None:
    raw = '2016年以来,截至9月底,全市于3月15日召开会议;今年春节、"七一"期间,每周一上午9时学习。'
    assert spans_of(raw) == [("DATE", "2016年"), ("DATE", "9月"), ("DATE", "3月15日")]


def test_chinese_numeral_counts_and_sets() -> None:
    raw = '认真落实中央八项规定,做到"两个维护",组织调研两次,建成委员之家三座。'
    assert spans_of(raw) == [("FIGURE", "两次"), ("FIGURE", "三座")]


def test_numbers_inside_titles_nest() -> None:
    text = normalize("印发《某某县政协2024-2026年工作规划》和《鹿城年鉴2020》。").text
    labelled = [(s.label, s.text) for s in extract_spans(text)]
    assert labelled == [
        ("TITLE", "《某某县政协2024-2026年工作规划》"),
        ("DATE", "2024-2026年"),
        ("TITLE", "《鹿城年鉴2020》"),
        ("DATE", "2020"),
    ]


def test_anniversaries_and_relative_spans_are_nothing() -> None:
    raw = "庆祝人民政协成立70周年暨建党100周年,近两年来,两年多来,十年来的变化。"
    assert spans_of(raw) == []


# --- report metadata: the year and the organisation, where the text states them ---------


def _meta(text: str):  # type: ignore[no-untyped-def]
    from pizhu.extract.sections import describe, find_sections

    return describe(text, find_sections(text))


def test_a_newspaper_dateline_gives_the_year_when_the_body_names_none() -> None:
    text = (
        "2021年03月12日\n第02版:要闻\n\n协商议政聚共识\n\n"
        "市政协围绕中心工作,组织委员开展调研视察,形成调研报告多篇,得到市委主要领导批示。\n"
    )
    assert _meta(text).year == 2021


def test_the_body_year_wins_over_the_dateline() -> None:
    text = (
        "2019年01月16日\n\n综述\n\n"
        "2017年,市政协常委会忠实履行职责,全年召开常委会议6次,提交提案312件。2017年完成重点调研4项。\n"
    )
    assert _meta(text).year == 2017


def test_a_verb_before_the_organisation_is_not_part_of_its_name() -> None:
    text = (
        "履职综述\n\n"
        "4月,召开崆峒区政协十届二次常委会议,围绕乡村振兴开展协商。会后,参加崆峒区政协组织的视察活动。"
        "崆峒区政协全年提交提案98件。\n"
    )
    assert _meta(text).organisation == "崆峒区政协"


def test_a_place_that_starts_like_a_verb_keeps_its_name() -> None:
    text = "工作综述\n\n开封市政协全年召开常委会议5次。开封市政协组织委员视察12次。\n"
    assert _meta(text).organisation == "开封市政协"


def test_a_bare_committee_takes_its_place_from_the_party_committee_that_leads_it() -> None:
    text = "综 述\n\n2017年,在中共岳阳市委的领导和省政协的指导下,市政协常委会忠实履行职责。市政协全年开展视察8次。\n"
    assert _meta(text).organisation == "岳阳市政协"


def test_no_place_is_made_up_for_a_bare_committee() -> None:
    text = "工作综述\n\n2018年,市政协根据年度协商计划和市委书记专题会议的要求,开展协商活动4项。\n"
    assert _meta(text).organisation == ""
    # Nor from a party committee of another level.
    other = "工作综述\n\n2018年,在中共某某县委领导下,市政协开展协商活动4项。\n"
    assert _meta(other).organisation == ""


def test_a_report_without_a_committee_names_its_issuing_body_in_the_title() -> None:
    text = "贵州茅台酒股份有限公司2020年年度报告\n\n重要提示\n\n本公司董事会保证年度报告内容的真实、准确、完整。\n"
    assert _meta(text).organisation == "贵州茅台酒股份有限公司"


def test_a_statistical_communique_is_signed_by_its_issuing_body() -> None:
    text = (
        "黔东南苗族侗族自治州2023年国民经济和社会发展统计公报\n\n"
        "2023年，全州地区生产总值增长5.1%。全年粮食产量比上年增长1.2%。\n\n"
        "黔东南州统计局\n国家统计局黔东南调查队\n2024年4月10日\n"
    )
    assert _meta(text).organisation == "黔东南州统计局"


def test_no_issuing_body_is_made_up() -> None:
    text = "工作总结\n\n全年完成各项任务，群众满意度明显提高。\n"
    assert _meta(text).organisation == ""
