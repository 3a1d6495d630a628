"""GUIDELINES v1.1 and issue 11: one test per kind of miss, on sentences written for the purpose.

These are general rules, judged on texts the seeds do not contain; each case would fail on
the extractor before issue 11 (names without a title, list spaces, ORG sub-units, place
chains, watchwords, day ranges, sessions whose 届 stands earlier, …). They run with the
rules alone (``model=False``) so they test the rules, whether or not LAC is installed.
"""

from __future__ import annotations

import pytest

from pizhu.extract.dates import find_dates
from pizhu.extract.document import prepare
from pizhu.extract.figures import find_figures
from pizhu.extract.normalize import normalize
from pizhu.extract.pipeline import extract_spans
from tests.extract.spans import labelled

# --- PERSON -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list after a title
        ("市领导李明、王强、张伟到会祝贺。", ["李明", "王强", "张伟"]),
        ("县领导赵卫东、钱小红出席开幕式。", ["赵卫东", "钱小红"]),
        # names before a speech verb, with no title
        ("李明讲话。", ["李明"]),
        ("会议由王强主持。", ["王强"]),
        ("张伟指出，要把协商贯穿履职全过程。", ["张伟"]),
        ("孙建国出席会议并讲话。", ["孙建国"]),
        ("黎作凤各位委员、同志们：", ["黎作凤"]),
        # a verb glued to a name never ends up inside it
        ("市政协主席李明作工作报告。", ["李明"]),
        ("何晓燕作专题辅导报告。", ["何晓燕"]),
        # a name repeated later without its title
        ("市政协主席周建华主持会议。会上，周建华强调，要提高协商质量。周建华还对下一步工作提出要求。", ["周建华"] * 3),
        # brackets and bylines
        ("（记者 郑雪梅）", ["郑雪梅"]),
        ("全力推进乡村振兴。（韩冬）", ["韩冬"]),
    ],
)
def test_person_without_title_before_it(text: str, expected: list[str]) -> None:
    assert labelled(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text",
    ["农民代表发言。", "全面强调政治引领。", "高度重视，认真研究。", "党代表出席会议。", "会议强调，要提高站位。"],
)
def test_common_words_before_verbs_are_not_names(text: str) -> None:
    assert labelled(text, "PERSON") == []


def test_names_in_a_space_separated_list_stay_apart() -> None:
    raw = "出席会议的主席团成员：王强 李明 张伟 赵磊\n"
    text = normalize(raw).text
    assert "王强 李明 张伟 赵磊" in text
    assert labelled(text, "PERSON") == ["王强", "李明", "张伟", "赵磊"]


# --- normalization: v1.1 list spaces ------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("王强 李明 张伟 赵磊", "王强 李明 张伟 赵磊"),  # four runs of 2–3: a list
        ("参会人员：王强　李明　张伟", "参会人员：王强　李明　张伟"),  # ideographic spaces too
        ("主席团成员 王强 李明 张伟", "主席团成员王强 李明 张伟"),  # a 5-character run is not an item
        ("王强 李明", "王强李明"),  # two runs: OCR spacing
        ("委员 履职", "委员履职"),
        ("政 法 统 战", "政法统战"),  # single characters: letter-spacing
        ("共 386 件", "共386件"),
        ("欧阳文华 司马光明 诸葛亮", "欧阳文华 司马光明 诸葛亮"),
    ],
)
def test_list_spaces_are_kept_and_ocr_spaces_removed(raw: str, expected: str) -> None:
    result = normalize(raw)
    assert result.text == expected
    assert len(result.raw_offsets) == len(result.text) + 1
    for i, ch in enumerate(result.text):
        assert raw[result.raw_offsets[i]] == ch


# --- ORG --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县政协文史委组织编写文史资料。", ["县政协文史委"]),
        ("市政协提案委员会召开督办会。", ["市政协提案委员会"]),
        ("市委办、市政府办联合印发通知。", ["市委办", "市政府办"]),
        ("省委改革办牵头推进。", ["省委改革办"]),
        ("市委督查室开展专项督查。", ["市委督查室"]),
        ("形成报告呈报市委、市政府。", ["市委", "市政府"]),
        ("区政协主动向区委报告工作。", ["区政协", "区委"]),
        ("市委书记到会讲话。", ["市委"]),
        ("民革、民盟、民建、致公党和工商联的委员参加。", ["民革", "民盟", "民建", "致公党", "工商联"]),
        ("研究成果获自治区党委采纳。", ["自治区党委"]),
        ("省委省政府高度重视。", ["省委", "省政府"]),
    ],
)
def test_org_boundaries(text: str, expected: list[str]) -> None:
    assert labelled(text, "ORG") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市政府办实事", ["市政府"]),  # 办 as a verb is no office
        ("市政协主席与各委主任座谈", ["市政协"]),
        ("列席市委常委会议", ["市委"]),  # 常委会议 is a meeting, not the standing committee
        ("支持各民主党派、工商联和无党派人士", []),  # a generic list: 工商联 stays bare
        ("各市政协负责同志", []),  # plural
        ("政协委员积极建言", []),
        ("城市委员会", []),
    ],
)
def test_org_does_not_swallow_words(text: str, expected: list[str]) -> None:
    assert labelled(text, "ORG") == expected


def test_cppcc_named_with_its_term() -> None:
    text = "在政协岳阳市第九届委员会第四次会议上"
    assert labelled(text, "ORG") == ["政协岳阳市"]
    assert labelled(text, "MEETING") == ["第九届委员会第四次会议"]


# --- GPE --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("湖北宜昌的企业家", ["湖北宜昌"]),
        ("赴四川省南江县考察", ["四川省南江县"]),
        ("助力隆安县东信村发展集体经济", ["隆安县东信村"]),
        # a place seen with its suffix is a place where it stands bare
        ("在中共宜昌市委领导下，推动宜昌高质量发展。", ["宜昌"]),
        ("长江大保护", ["长江"]),
    ],
)
def test_gpe(text: str, expected: list[str]) -> None:
    assert labelled(text, "GPE") == expected


# --- SLOGAN -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("坚持“政治为要、团结为魂、协商为本”的工作理念", ["政治为要、团结为魂、协商为本"]),
        ("锻造“懂政协、会协商、善议政”的委员队伍", ["懂政协、会协商、善议政"]),
        ("围绕“十四五”规划建言", ["十四五"]),
        ("谋划十五五规划", ["十五五"]),
        ("助力建设“三个宜昌”", ["三个宜昌"]),
        ("实施“双核驱动”战略", ["双核驱动"]),
        ("“一个目标、两大战略”", ["一个目标", "两大战略"]),  # numbered items stay apart
    ],
)
def test_slogans(text: str, expected: list[str]) -> None:
    assert labelled(text, "SLOGAN") == expected


@pytest.mark.parametrize(
    "text",
    [
        "围绕“推进重点项目建设、加快健康城市建设”开展调研",  # a quoted list of topics
        "开展“喜迎二十大、永远跟党走、奋进新征程”主题活动",  # clauses too long for a watchword
    ],
)
def test_quoted_topics_are_not_slogans(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


# --- DATE -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021年4月6日至9日，调研组赴外地考察。", ["2021年4月6日至9日"]),
        ("5月6日-8日举办培训班", ["5月6日-8日"]),
        ("4月6日，调研组出发；8日，召开座谈会。", ["4月6日", "8日"]),
        ("3月份以来，", ["3月份"]),
        ("2023年3月份召开", ["2023年3月份"]),
    ],
)
def test_dates_v11(text: str, expected: list[str]) -> None:
    assert [s.text for s in find_dates(text)] == expected


@pytest.mark.parametrize("text", ["30日内办结", "全年共6日", "第6日", "每月15日前"])
def test_bare_days_need_a_month_before(text: str) -> None:
    assert find_dates(text) == []


# --- TITLE and MEETING ------------------------------------------------------------------------------


def test_title_broken_over_two_lines() -> None:
    text = "印发《关于加强和改进新时代\n市县政协工作的意见》，"
    assert labelled(text, "TITLE") == ["《关于加强和改进新时代\n市县政协工作的意见》"]


def test_title_does_not_run_over_a_sentence_end() -> None:
    assert labelled("《没有结尾。\n下一段》", "TITLE") == []


def test_meeting_whose_term_stands_in_the_heading() -> None:
    text = "政协某某县第十届委员会常务委员会\n3月，召开第二次会议，审议工作要点。"
    assert labelled(text, "MEETING") == ["第二次会议"]
    assert labelled("召开第二次会议，审议工作要点。", "MEETING") == []


# --- FIGURE -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("举办讲座近百场", [("近百场", 100, "场", "under")]),
        ("服务群众逾千人次", [("逾千人次", 1000, "人次", "over")]),
        ("连任两届市政协委员", [("两届", 2, "届", "exact")]),
        ("他连续三届当选", [("三届", 3, "届", "exact")]),
    ],
)
def test_figures_v11(text: str, expected: list[tuple[str, int, str, str]]) -> None:
    got = [(s.text, s.value, s.unit, s.approx) for s in find_figures(text)]
    assert got == expected


@pytest.mark.parametrize("text", ["在十三届三次会议上", "第三届委员", "四届区政协", "近百年来", "百户企业大走访"])
def test_ordinal_terms_and_bare_hundreds_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_prepare_then_extract_keeps_every_span_on_its_text() -> None:
    raw = "市领导李明、王强到会。\n出席：王强 李明 张伟 赵磊\n2021年4月6日至9日，县政协文史委赴湖北宜昌考察近百场次。"
    for draft in prepare(raw):
        for span in extract_spans(draft.text, model=False):
            assert draft.text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("建立“五学”工作体系", ["五学"]),
        ("落实“三审”制度", ["三审"]),
        ("推行“大三审+小三定”机制", ["大三审+小三定"]),
        ("扎实开展“千站千室万名委员”联系服务群众活动", ["千站千室万名委员"]),
        ("落实“五个到群众中去”要求", ["五个到群众中去"]),
        ("推进义务教育'双减'工作", ["双减"]),
        ("开展\"推进义务教育'双减'工作落地见效\"专题协商", ["双减"]),  # quotes in pairs
        ("开展“有事好商量”协商活动", ["有事好商量"]),
    ],
)
def test_numbered_and_quoted_formulas(text: str, expected: list[str]) -> None:
    assert labelled(text, "SLOGAN") == expected


@pytest.mark.parametrize(
    "text",
    [
        "庆祝“七一”",
        "纪念“三八”妇女节",
        "开展“五好”评比",
        "推进“互联网+政务服务”",
        "积极践行有事好商量、众人的事情由众人商量",
    ],
)
def test_festivals_awards_and_models_are_not_slogans(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


def test_one_character_counties_in_a_list_of_counties() -> None:
    text = "调研组在西和县、礼县、徽县、两当县开展调研，全县、本县和邻县不是地名。"
    assert labelled(text, "GPE") == ["西和县", "礼县", "徽县", "两当县"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Issue 21: the body between the term and the session is an ORG of its own (v1.1, "the
        # body before a MEETING is an ORG of its own"); this test asserted the whole string before.
        ("在十四届全国人大二次会议上", ["二次会议"]),
        ("市委十三届五次全会", ["十三届五次全会"]),
        ("市政协十届二十次常委会议", ["十届二十次常委会议"]),
    ],
)
def test_meetings_with_a_body_inside(text: str, expected: list[str]) -> None:
    assert labelled(text, "MEETING") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("李明：坚持人民至上\n", ["李明"]), ("时间：2024年3月\n", []), ("地点：市政协会议室\n", [])],
)
def test_a_line_opening_with_a_name_and_a_colon(text: str, expected: list[str]) -> None:
    assert labelled(text, "PERSON") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("助力洞庭湖生态保护", ["洞庭湖"]), ("大别山革命老区", ["大别山"]), ("行走江湖", []), ("登上高山", [])],
)
def test_named_natural_places(text: str, expected: list[str]) -> None:
    assert labelled(text, "GPE") == expected
