"""The annotation guidelines (v1.1) the Help screen shows, copied from the shared GUIDELINES.md.

Shipped inside tui/ because the app never reads files outside the package at run time.
Update this file together with the guidelines.
"""
# ruff: noqa: E501  (copied prose: lines stay as the guidelines wrote them)

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from pizhu.extract import GUIDELINES_VERSION

VERSION = GUIDELINES_VERSION
"""The guidelines version this copy follows (the v1.1 rulings are at the end of ``RULINGS``)."""


@dataclass(frozen=True)
class LabelGuide:
    label: str
    definition: str
    examples: str
    not_this: str


LABEL_GUIDES: tuple[LabelGuide, ...] = (
    LabelGuide(
        "FIGURE",
        "a measured amount: a numeral with its unit or measure word, or a percentage",
        "12次, 320人(次), 93.35万元, 100%, 10余次, 近30条, 2160多名, 1000余副, 5万多条, 3.2亿元, 98%以上, 两次, 三场",
        "years and dates (DATE); ordinals 第38辑, 十三届, 第四次会议; numbered slogans 两个确立, 四个自信, 三抓三促, 1+7, 十个一; 一 as an article: 一批, 一年来, 一线",
    ),
    LabelGuide(
        "DATE",
        "an absolute calendar date, month, year or year range",
        "2024年2月27日, 2022年, 1月11日, 2023-2025年, 1991年(以来 not included)",
        "今年, 一年来, 近年来 (relative: not annotated)",
    ),
    LabelGuide(
        "PERSON",
        "a person's name, without title",
        "徐顺凯, 刘其智, 王毅, 杨伟军, 毕竞",
        "委员, 主席 (titles); 郭有委员会客室 → PERSON 郭有 only",
    ),
    LabelGuide(
        "ORG",
        "a named organisation or body, with its place prefix",
        "城中区政协, 灵武市政协, 区人民检察院, 银川市文联, 河西学院, 全国政协, 中共中央, 民建中央",
        "generic plurals: 各民主党派, 有关部门",
    ),
    LabelGuide(
        "GPE",
        "a named place: province, city, county, district, town, village, region",
        "西宁, 灵武市, 积石山, 河西走廊, 拓石镇小川村 (one span), 四川",
        "a place inside an ORG name (城中区政协 is one ORG)",
    ),
    LabelGuide(
        "TITLE",
        "a titled work in 《》: document, book, periodical, regulation; span includes the 《》",
        "《城中文史资料》, 《人民政协报》, 《委员履职考核管理办法(试行)》",
        "quoted slogans “…”",
    ),
    LabelGuide(
        "MEETING",
        "a numbered session or meeting",
        "九届三次会议, 十三届三次常委(扩大)会议, 第十四届银川市委员会第四次会议",
        "a meeting without an ordinal",
    ),
    LabelGuide(
        "SLOGAN",
        "a fixed political formula, usually quoted or numbered",
        "两个确立, 两个维护, 四个意识, 第一议题, 三抓三促, 六型一线",
        "free-text quoted topics of a study (those stay unlabelled)",
    ),
)

FIGURE_ATTRIBUTES = """\
- The span runs from the first character of the quantity to the end of its unit,
  including a qualifier that touches the number and changes its meaning: prefix
  近, 约, 超, 超过, 逾, 不到; suffix 余, 多, 以上, 左右. Verbs stay outside: 达, 累计, 共.
- OCR spaces inside a quantity (`1000 余副`, `386 件`, `5 万多条`) are removed by
  normalization (step 4), so the span is `1000余副`.
- Attributes a reviewer can correct:
  - `value`: the number with its scale applied, as a decimal (93.35万元 → 933500; 5 万多条 → 50000; 两次 → 2; 100% → 100).
  - `unit`: the unit or measure word without scale (元, 次, 件, 条, 人次, %, 个).
  - `approx`: `exact`, `over` (余, 多, 以上, 超, 逾), `under` (近, 不到), `about` (约, 左右).
  - `metric`: the thing counted, in the report's own words, from the same clause (提案, 社情民意, 办复率, 捐款捐物). Empty where the clause names none.
"""

RULINGS = """\
- A bracketed unit stays in the span, normalized in `unit`: `320人(次)` → unit 人次.
- Two quantities written together are two FIGUREs: `15批152人次`, `44篇19万字`.
- 余 after the scale word: `84万余元` → value 840000, unit 元, approx over.
- `2023年度` is one DATE (年度 is part of it); `1991年以来` gives DATE `1991年`.
- Festivals, weekdays and clock times are not DATE: 七一, 三八, 春节, 每周一, 上午9时.
- A bare year that names a calendar year is a DATE (`鹿城年鉴2020` → `2020`); so is a month alone (`截至7月` → `7月`).
- Dates in page boilerplate and photo captions are annotated like any other.
- Durations are FIGURE: `30多年`, `七十五载`, `80载`, `连续23年` → `23年`; anniversaries
  are ordinals, not FIGURE: `75周年`, `80华诞`, `诞辰90周年`.
- Relative spans are nothing: 近两年, 两年多来, 上半年, 全年, 多次.
- Numbers that name a fixed set or programme are not FIGURE: 八项规定, 一府两院,
  三年行动, 河西五市, 三级联动, 两大主题, 三位一体; numbered formulas
  (两个确立, 三抓三促, 1+7, 1234工作法, 十个一, 两支队伍) are SLOGAN.
- Ordinals and labels are not FIGURE: 第38辑, 十三届, 第二批, 首批, page labels like 03版.
- Several rates sharing one number are one FIGURE whose metric names them all:
  `办复率、委员满意率均为100%` → FIGURE `100%`, metric 办复率、委员满意率.
- Numbers inside a 《title》 still count (`2023-2025年` in a plan's title is a DATE).
- Spans may nest: a DATE or FIGURE inside a TITLE is annotated as well
  (《鹿城年鉴2020》 is a TITLE, and `2020` inside it a DATE). Nothing else nests.
- MEETING keeps the session designation and drops the body before it:
  `第十四届银川市委员会第四次会议`, `十四届三次会议`; a party congress like 二十大 is a MEETING.
- PERSON inside a fixed phrase still counts: 习近平 in 习近平新时代中国特色社会主义思想; a byline
  (`本报记者 徐顺凯`, `（黄炼）`) gives PERSON 徐顺凯 / 黄炼.

Rulings added in v1.1 — dates and figures:
- A day range is one DATE, like a year range: `2021年4月6日至9日`. A bare day after its month was
  given is a DATE (`6日`); `3月份` is one DATE, 份 included.
- A bare 百/千/万 with 近, 逾, 上, 数 counts: `近百场` → value 100, approx under; `逾千人次` → 1000, over.
- A count of terms or sessions is a FIGURE (`连任两届` → `两届`, value 2, unit 届); a term that
  names which one is an ordinal, not a FIGURE (`第三届`, `十三届三次会议`, `四届区政协`: the fourth term).
- A numbered meeting is a MEETING even where its 届 stands earlier in the sentence or in the
  heading (`…召开第二次会议` → `第二次会议`).

Rulings added in v1.1 — names, bodies and places:
- Names in a list are one PERSON each, whatever separates them (、, a space, a line break). Where a
  line, or a stretch of one, is three or more runs of two to four CJK characters separated by single
  spaces (`王强 李明 张伟 赵磊`), the spaces separate list items and normalization keeps them; a space
  inside running text is OCR spacing and is removed.
- ORG is the whole chain as written: place prefix + body + sub-unit (`县政协提案委员会`,
  `市委督查室`, `共青团某某县委`). Abbreviated bodies count where the context makes them one
  specific body: `市委`, `市政府`, `市政协`, `省委`, `县政府`, `市委办`; `省委省政府` is two ORGs.
- A body inside a job title counts: `[市委]书记`, `[县政协]委员`, `[全国政协]委员`. Bare `政协委员`,
  `政协常委` name no body and do not.
- Not ORG: the institution in general (`政协工作`, `人民政协`), plurals and generic units (`各级政协`,
  `有关部门`, `专委会`, `市领导`, `党支部`), sectors (`经济界`).
- The body before a MEETING is an ORG of its own: `市政协` + MEETING `五届六次会议`.
- Place chains written together are one GPE (`湖北宜昌`, `某某县某某镇某某村`). Named natural places
  (rivers, lakes, mountains) are GPE too. Not GPE: `全国`, `全市`, `我市`, `自治区` on its own.
- A place or body inside a longer name that carries no label of its own is still annotated
  (GPE `宜昌` in `宜昌产业发展大会`); inside an ORG, TITLE, MEETING or SLOGAN span it is not.

Rulings added in v1.1 — slogans:
- SLOGAN is a numbered formula (`两个确立`, `一老一小`, `十四五`, `五个一`) or a fixed watchword
  the text quotes as one, even of several clauses (`有事好商量`, `X为要、Y为魂`) where it is the
  body's standing formula rather than a sentence of this report. Not SLOGAN: quoted topics of a study
  or consultation, quoted sentences and mottos, names of mechanisms, funds, models and activities.
  The span excludes the quotation marks.
"""

PROJECT_RULINGS = (resources.files("pizhu.extract") / "data" / "RULINGS.md").read_text("utf-8")
"""The project's rulings where the guidelines are silent: ``extract/data/RULINGS.md``, shipped with the
extractor that follows them, so the help screen shows what the extractor and the corpus gold follow."""

GUIDES = {g.label: g for g in LABEL_GUIDES}
