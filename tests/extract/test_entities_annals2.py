"""Issue 21, the second annals round (772–783: annals, chronicles, term tables and 界别 lists).

Every sentence is written for the test (invented people and numbers, real places from the table), so a
rule passes only as a mechanism. Rules alone (``model=False``) unless the test says otherwise.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- DATE: 一 for the dash of a term's range ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # A term table's range whose dash the page (or its OCR) wrote as 一, in braces or brackets.
        ("首届主席是张大明{1950年10月一1955年12月},时任县长;", "1950年10月一1955年12月"),
        ("三届主席是李文华(1983年6月一1988年3月),曾任副县长;", "1983年6月一1988年3月"),
        ("任期1990年3月一1993年1月。", "1990年3月一1993年1月"),
        ("会期1991年3月9日一3月12日。", "1991年3月9日一3月12日"),
    ],
)
def test_yi_between_two_dates_is_the_range_mark(text: str, date: str) -> None:
    dates = labelled(text, "DATE")
    assert date in dates
    assert not any(d != date and d in date for d in dates)  # no half of the range on its own


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # 一 before a count or a quarter stays the numeral: the date ends before it.
        ("2019年3月一季度完成80%。", ["2019年3月"]),
        ("2020年5月一名委员提出建议。", ["2020年5月"]),
        # An earlier year after 一 is no range's end: two dates.
        ("1990年3月一1988年1月", ["1990年3月", "1988年1月"]),
    ],
)
def test_yi_is_no_range_mark_elsewhere(text: str, dates: list[str]) -> None:
    assert labelled(text, "DATE") == dates


# --- PERSON: a name list whose items carry their term in brackets -------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A term table's list of vice-chairs, each with the months of their term after the name.
        (
            "副主席:郑大明、孙海涛(1977年12月-1981年4月)、雷振华(1977年12月-1979年1月)、吴松(1979年12月-1983年4月)",
            ["郑大明", "孙海涛", "雷振华", "吴松"],
        ),
        ("主席:王立新(1977年12月-1979年12月)、杨海林(1979年12月-1983年4月)", ["王立新", "杨海林"]),
        # With points for the months, and a term still running.
        ("秘书长:刘建国(1993.3—1998.1)、孟庆华(1998.1—至今)", ["刘建国", "孟庆华"]),
    ],
)
def test_names_with_their_terms_in_brackets_are_a_list(text: str, names: list[str]) -> None:
    found = labelled(text, "PERSON")
    for name in names:
        assert name in found


def test_a_bracketed_date_after_a_listed_word_makes_no_name() -> None:
    # Topics listed with their years in brackets are no names.
    text = "重点工作:调研(2019年3月-2019年6月)、视察(2019年9月)、协商(2020年1月)"
    assert labelled(text, "PERSON") == []


# --- PERSON: the names of a page's credit line ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A checker's role glued after the editor's name, then the page's counter.
        ("发布时间:2021-06-01 10:00:51编辑:孙海涛审核人:吴丽华阅读次数:2287", ["孙海涛", "吴丽华"]),
        # The writer and the reviewer of a write-up, in brackets, glued.
        ("(撰稿人:郑大明审稿人:钱小红)", ["郑大明", "钱小红"]),
        # The chief editor's role (编审) opening a credit line of its own.
        ("编辑:付海波\n编审:韩晓辉\n", ["付海波", "韩晓辉"]),
        ("责编:黄浩洋 编审:贾建业 |", ["贾建业"]),
    ],
)
def test_the_names_of_a_credit_line(text: str, names: list[str]) -> None:
    found = labelled(text, "PERSON")
    for name in names:
        assert name in found


def test_a_credit_role_names_no_person_in_running_text() -> None:
    # 编审 as a rank before a body, no colon: no credit.
    assert labelled("他是出版社编审委员会的成员。", "PERSON") == []


# --- GPE: a prefecture of the 1950s–70s by its 专区 ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("1953年该县划归临沂专区管辖。", "临沂专区"),
        ("先后隶属济宁专区、菏泽专区。", "济宁专区"),
        # The annals' own gloss of the later name inside the word.
        ("先后记述了济宁专(地)区的内容。", "济宁专(地)区"),
    ],
)
def test_a_prefecture_by_its_zhuanqu_is_one_place(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


def test_a_provinces_counter_in_a_fair_is_no_prefecture() -> None:
    # A fair's or a shop's section (专区) for a province's goods: the province alone.
    places = labelled("展会设立四川专区,展销特色产品。", "GPE")
    assert "四川专区" not in places


# --- PERSON: a Republic-era assembly's speaker before the name ------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("民国33年,成立县临时参议会,参议长林大明,副参议长陈小华,参议员53人。", ["林大明", "陈小华"]),
        # The post's last character and the name's first make no word of their own (长江).
        ("民国37年12月,县参议会改组,参议长江海波,副参议长郑春生,参议员18人。", ["江海波", "郑春生"]),
    ],
)
def test_names_after_a_speakers_post(text: str, names: list[str]) -> None:
    found = labelled(text, "PERSON")
    for name in names:
        assert name in found
    assert "长江" not in labelled(text, "GPE")


def test_a_meeting_that_runs_long_names_no_speaker() -> None:
    assert labelled("会议长达三小时,委员们踊跃发言。", "PERSON") == []


# --- ORG and MEETING: the discipline commission's numbered plenary --------------------------------


@pytest.mark.parametrize(
    ("text", "org", "meeting"),
    [
        ("会议传达学习了十九届中央纪委四次全会精神。", "中央纪委", "四次全会"),
        ("认真贯彻二十届中纪委三次全会部署。", "中纪委", "三次全会"),
        ("传达省纪委十三届二次全会精神。", "省纪委", "十三届二次全会"),
        ("学习十四届市纪委五次全会精神。", "市纪委", "五次全会"),
    ],
)
def test_a_discipline_commissions_plenary_by_its_term(text: str, org: str, meeting: str) -> None:
    assert org in labelled(text, "ORG")
    assert meeting in labelled(text, "MEETING")


# --- PERSON: the speaker of a report an annals' session heard ---------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会议听取并审议了第五届政协主席李东升所作的五届常委会工作报告。", "李东升"),
        ("委员们列席了三次会议,听取并讨论了吴明华所作的政府工作报告以及其他报告。", "吴明华"),
        # The report's long name between 作 and 报告.
        ("贾海林作政协十届常委会工作报告,张怀远作政协十届常委会关于提案工作情况的报告。", "张怀远"),
    ],
)
def test_a_name_before_the_report_it_gave(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


def test_a_body_before_the_report_it_gave_is_no_name() -> None:
    assert labelled("会议听取了常委会所作的工作报告和政府所作的报告。", "PERSON") == []


def test_a_work_word_opens_no_report_cue_over_the_next_name() -> None:
    # 工作 is no 作 of a report: the cue after the next name (主席) still finds it.
    text = "内容有政协的工作概况和当年要抓的主要工作;大会讨论概况;邓大明主席在开幕时的讲话。"
    assert "邓大明" in labelled(text, "PERSON")


# --- ORG: the old regime's assemblies and government in an annals' chapter ---------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("民国34年12月6日,正式成立县参议会,参议长苏大明。", "县参议会"),
        ("民国33年,成立县临时参议会,参议员53人。", "县临时参议会"),
        ("民国30年(1941年)8月9日,国民政府颁布组织条例。", "国民政府"),
    ],
)
def test_an_old_regimes_assembly_and_government(text: str, org: str) -> None:
    assert org in labelled(text, "ORG")


# --- PERSON: a name after a post and 是, or before its bracketed term ------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("六届政协主席是邓大超(1983年6月一1988年3月),著名的老一代革命家;", "邓大超"),
        ("首任秘书长是孙海林,任期三年。", "孙海林"),
        ("政协主席王立新(1990年3月一1993年1月)主持日常工作。", "王立新"),
    ],
)
def test_a_name_after_a_post_and_its_copula_or_before_its_term(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


@pytest.mark.parametrize("text", ["政协主席是我们的带头人。", "县委书记是一位老同志。"])
def test_a_post_and_its_copula_before_a_word_make_no_name(text: str) -> None:
    assert labelled(text, "PERSON") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("本网讯(通讯员陈海乐文/图)1月11日,县政协办公室给委员送上了文史资料。", "陈海乐"),
        ("本报讯(记者李大明图/文)近日,", "李大明"),
    ],
)
def test_a_bylines_name_glued_to_its_text_and_photo_mark(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


# --- GPE: the place where a session is held, before the committee's numbered session -------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("1977年12月,省政协在兰州召开第四届委员会第一次会议,标志着组织的恢复。", "兰州"),
        ("1988年3月,市政协在洛阳举行第五届委员会第一次会议。", "洛阳"),
    ],
)
def test_a_place_before_a_verb_of_holding_opens_no_committees_name(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


def test_a_place_still_opens_a_committees_name() -> None:
    assert "兰州" not in labelled("兰州市年鉴编纂委员会编印了年鉴。", "GPE")
