"""The annotation guidelines (v1.1) the Help screen shows, copied from the shared GUIDELINES.md.

Shipped inside tui/ because the app never reads files outside the package at run time.
Update this file together with the guidelines.
"""
# ruff: noqa: E501  (copied prose: lines stay as the guidelines wrote them)

from __future__ import annotations

from dataclasses import dataclass

from extract import GUIDELINES_VERSION

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

PROJECT_RULINGS = r"""# Rulings (additions to GUIDELINES v1.1)

The guidelines (v1.1) leave some cases open. The rulings below settle them for the
extractor and for reviewers alike: the extractor proposes what they say, and the help
screen (`?` in the app, `tui/guidelines.py`) shows them after the guidelines. Part 1 are
the rulings taken while building the entity rules (issue 21); part 2 are the development
corpus labellers' rulings (`tests/data/corpus/RULINGS.md`), merged here whole. Where a
gold file ruled earlier (`seeds-gold-entities.md`, `samples-gold.md`), its ruling stands.

## 1. Entity rules (issue 21)

### GPE
- `中国` inside a fixed political phrase is a GPE wherever the phrase carries no label of its
  own: `习近平新时代中国特色社会主义思想`, `中国式现代化`, `新中国`, `「健康中国」`. This is what v1.1
  requires ("a place … inside a longer name that carries no label of its own is still
  annotated"), and the seeds, samples and corpus gold all rule so. It is never a GPE inside a
  span that has a label: an ORG (`中国共产党`, `中国人民政治协商会议`, `中国民主建国会`,
  `中国农业银行`), a SLOGAN (`中国梦`) or a TITLE.
- A place is never cut shorter than the text writes it: `西宁市` gives `西宁市`, not `西宁`; except
  where its suffix starts the next word: `陇南市情` (市情), `西宁市民` (市民) give `陇南`, `西宁`.
- A short name (`岳阳`, `积石山`) is a GPE where it stands as a word. One that is also an everyday
  word (`大同`, `安宁`, `新建`) is a GPE only where the same report gives its full name.
- Places written together are one GPE, across a middle dot too: `中国·宜昌`. A place's region or
  area word belongs to it: `澳门特区`, `威海地区`, `中国西部`. Provinces' one-character names written
  together are one GPE: `港澳`, `京津冀`, `青藏`, `澳闽台蒙`.
- Items of a list that the text counts as places are GPEs, each: `九牧、管厝、忠信6个乡镇`.
- A place only the statistical model (LAC) proposes is kept only if it holds a known place or
  ends in a division's or a natural place's suffix: `王家山村`, `白龙江`, `灵州`; not `半山`, `敬亭`.

### ORG
- ORG is a grammar of place + organ: a place (or a level, `市`, `县`; or a national lead, `中共`,
  `共青团`, `国家`, `全国`, `武警`) + the body's own words + a head (`局`, `委员会`, `总工会`,
  `军分区`, `支队`, `银行`, `公司` …) + its sub-units. A verb or function word between the place and
  the head means the head names a kind of body (`县政府推动市场监督管理局改革`: only `县政府`).
- Without a place, a company, school, hospital, bank or outlet is an ORG where its name is a
  proper name (a word the dictionary does not know, or a name it lists): `瑞熙钛业有限公司`,
  `河西学院`, `中新社`; not `保险公司`, `合作社`.
- A level glued to a name the tokenizer split is not a level: `澳区政协委员` gives no `区政协`.
  A level after `全`, `各`, `外`, `兄弟` or another level is plural: `全市政协`, `区县政协`.
- A national body or a party written before its local committee makes one ORG:
  `中国人民政治协商会议安徽省寿县委员会`, `农工党长春市第七届委员会`, `民革市委`; so does a body
  before its branch: `中新社内蒙古分社`, `中国和平统一促进会香港总会`. `市委会`, `省委会` (a
  party's committee) are one ORG; `市委会议` is `市委` and a meeting.
- A committee's short name (`文史委`, `社法委`) is an ORG where the same report named the
  committee in full before it (`县政协文史和学习委员会`); otherwise a bare `提案委` names no body
  (the seeds' ruling).

### PERSON
- A list is judged as a whole: where most of its items have a surname and are not words, every
  item of a name's shape is a PERSON, minority and dotted names included (`哈斯巴特尔`,
  `帕巴拉.格列朗杰`). Where the list is counted as places (`6个乡镇`), its items are GPEs.
- A name on a line of its own near the head of a report (the speaker, the author) is a PERSON.
- A surname that is also a frequent preposition or conjunction (`于`, `向`, `和`) needs a given name
  that is no common word: `于德斌` is a name, `于政协`, `向大会`, `和常务` are not.

### SLOGAN
- A quoted watchword is no SLOGAN where the text makes it a topic (`围绕“稳经济、惠民生、保安全”`),
  an event's name (`“经典诵读、同心筑梦”诗歌朗诵会`, `…主题活动`) or an idiom the dictionary
  lists (`天时、地利、人和`); it is one where what follows calls it a standing formula
  (`…”总要求`, `…”的重要作用`, `…”三个重点`), clauses of up to eight characters included.
- A formula quoted once in a report is a SLOGAN where it stands unquoted in the same report.
- A phrase with a single numeral that the dictionary lists as a word is no numbered formula
  (`双向选择`); two numerals make one (`一国两制`).

### MEETING
- Arabic numerals after a total (`共召开7届26次全体会议`) count terms and sessions: no MEETING.

## 2. Development corpus rulings (tests/data/corpus/RULINGS.md)

These cover cases that GUIDELINES v1.1, `seeds-gold*.md` and `samples-gold.md` do not settle. They
were decided while labelling the dev half and hold for both halves and for the extractor. Where
an earlier gold file already ruled, its ruling stands. All examples come from dev texts.

## Page and text
- Injected spam lines (ads unrelated to the page, like the first line of a spam mirror) carry no
  spans. Page chrome, related-news lists, teasers and photo captions are annotated like the report.
  The teaser `这头两岁的小象…1月11日` gives FIGURE `两岁` and DATE `1月11日`.
- Placeholders in template texts (`XX市`, `XX届`, `xx年`, `20xx`) are no span. The rest of a date
  still is: `xx年12月23日` gives DATE `12月23日`.
- A span cut off by the end of the excerpt is not annotated (`平均年龄为63`, `《关于新时代加强和改进`
  with no `》`). A name that is complete before the cut is annotated (`列席内蒙古自治区第十四` gives GPE
  `内蒙古自治区`).
- Where normalization leaves a line break inside a name (PDF layout), the span runs across it as
  the text reads: `市委⏎会组织成员` gives ORG `市委\n会`.
- Mojibake: a name that has lost characters to mojibake is not annotated (`马?` in a list of vice
  chairs, `茞`圳`). A name whose separator alone is garbled is one span (`帕巴拉.格列朗杰`).
- Latin-script text (copyright lines, English glosses) carries no PERSON, ORG or GPE. Its years
  are DATEs (`Copyright © 2026` gives `2026`).

## DATE
- ISO and slash dates are DATE, and the clock time after them is not: `2022-03-01 16:16:02` gives
  `2022-03-01`; `02/18`.
- A day range is one DATE whatever the dash: `1955年5月20—22日`, `2月24~28日`, `2019年10月28-29日`.
- 下旬, 底 and the like stay outside: `4月下旬` gives `4月`, `2021年7月底` gives `2021年7月`, and
  `1998年底` gives `1998年`.
- A day given in brackets after 今/明 is a DATE: `明天（4日）` gives `4日`; `今(26)日` gives `26`.
- A year inside a document number is a DATE, and the serial is not: `徽发[1980]8号` gives `1980`. A
  year in a headline tag too: `【2019全国两会】` gives `2019`.
- An event named by its date is not a DATE (`“二二八”起义`), like the festivals `七一` and `三八`.

## FIGURE
- Time frames the report looks back or forward over are not FIGURE: `五年来`, `30年来`,
  `改革开放40年来`, `未来5年`, `过去的五年`, `十二届省政协的五年`. The length of a thing is a FIGURE:
  `任期5年`, `每届3年`, `会期13天`, `历时约一小时`, `经过4个月的精心筹备`, and `12年` in
  `《宣城农业发展12年规划(草案)报告》` (nested in the TITLE).
- A frequency is not a FIGURE: `五年一次的换届`.
- `大约` is `约`: the span includes it and approx is `about`.
- A count that lays out the report's own structure is not a FIGURE (`大体有三种情况:`,
  `包括四个方面的内容`, `另外三个方面`), and nor is a count that names a set just listed
  (`国际金融、航运、贸易中心，三个中心的地位`). A count of things set up or done is a FIGURE:
  `提案法制、经济、科教文史、三胞联谊四个专门委员会` gives `四个`.
- `共召开7届26次全体会议` is two FIGUREs, `7届` and `26次`, not a MEETING.
- A fraction is a FIGURE. Its value is a decimal, its unit empty, approx exact: `四分之一` is 0.25.
- 成 is a unit: `超七成` has value 7, unit 成, approx over.
- 余 or 多 before the scale word works as it does after it: `65余万元` is 650000, unit 元, over.
- A spoken measure with the unit between whole and decimals is one FIGURE: `一米四五` is 1.45, unit 米.
- OCR damage inside a number stays in the span, and the value reads what the page meant: `6 .4%`
  (a space normalization left) is 6.4, and `l56名` (l for 1) is 156.
- A page counter with a measure word is a FIGURE (`阅读:7652次`). A bare counter is not
  (`点击数:5255`, `浏览次数:5754`).

## PERSON
- A transliterated name with `·` is one PERSON: `努尔兰·阿不都满金`.
- Animals are not persons (`“羊妞”`, an elephant).

## ORG
- Media outlets, news websites and channels are ORG: `中新社`, `大公网`, `中国政府网`, `澎湃新闻`,
  `中新网`, `海峡飞虹`, and the chain `中央广播电视总台海峡飞虹`. A news client app is not (`石榴云`,
  like `学习强国` in the samples).
- A party named in running text is ORG, also before 员 or 党员: `民革党员` gives `民革`, and `农工党员`
  gives `农工党`. The labels of a composition or sector breakdown are categories, not ORG:
  `中共党员8名;供销社2名;妇联2名`, `中共委员107名…非中共委员l56名`.
- Place + party before its congress is an ORG of its own, as `民建广西区` is in the samples:
  `中国农工民主党长春市` + MEETING `第八次代表大会`. A party congress is a MEETING: `台盟十大` gives ORG
  `台盟` + MEETING `十大`.
- A term written inside the chain belongs to the ORG: `自治区十二届政协`, `市政协八届常委会`,
  `省政协十二届委员会常务委员会`, `政协第十二届全国委员会`. A term written before the body does not:
  `十一届[县政协常务委员会]`, `十二届[云南省政协]`, `八届[市政协]`.
- Place + 政协 is an ORG (`西藏政协`, `云南政协事业`). `全国政协系统` and `全区政协系统` (every
  CPPCC of an area) are not.
- A body inside a venue's or event's name is annotated: `县委小礼堂` gives `县委`, `中央代表团` gives
  `中央`, `“九三论坛”` gives `九三`. An institution with its place prefix is one ORG: `周田镇老人院`,
  `台盟历史陈列馆`, `中国亚洲象繁育救助中心`.
- A deictic prefix stays outside: `本县人民代表大会` gives `县人民代表大会`.
- `省市委` gives ORG `市委` (the shared-prefix ruling of the seeds).
- Named bodies of Hong Kong and Macau count: `港澳办`, `香港中联办`, `驻港国安公署`,
  `行政长官办公室`, `澳门衞生局`, `澳区省级政协委员联谊会`. The delegations `港区` and `澳区` are not
  ORG, and not GPE either. Ad hoc units are not ORG: `调研组`, `代表团`, `访问团`, `工作专班`,
  `大会主席团`.

## GPE
- Abbreviations written together are one GPE: `港澳`, `京港`, `港深`, `澳闽台蒙`, `中蒙俄`.
- A place with its level or area word is one GPE: `澳门特区`, `威海地区`, `中国西部`, `中国西藏`,
  `埃及苏伊士运河`, `西双版纳野象谷`, `深圳河套区`. Named regions count: `粤港澳大湾区`,
  `北部都会区`, `南亚`, `东南亚`, and `云岭` (Yunnan).
- `内地`, `大陆` and `祖国` are not GPE; nor are one-character clippings (`在京`, `治疆`), venues
  (`人民大会堂`, `洪山礼堂`, `政府总部`) or streets (`照壁巷`, `古桥茶街`).
- A strategy named after a place is not a SLOGAN, but its place is a GPE: `「健康中国」` gives
  `中国`.

## MEETING
- Sessions listed under one 届 are one MEETING: `中共十六届四中全会、五中全会` gives ORG `中共` +
  MEETING `十六届四中全会、五中全会`.
- Where the body stands between 届 and session, the MEETING is the session: `十四届全国人大四次会议`
  gives ORG `全国人大` + MEETING `四次会议`.
- `首届一次会议`, `首届二次全委会议`, `首届二次常委会` and the `第三次会议` of a 主席团 are MEETINGs.
  `首届全体会议` (no session number) is not.
- `政协第九届威海市委员会第一次会议` gives MEETING `第九届威海市委员会第一次会议`: the guideline's own
  pattern, and bare `政协` is no ORG. `政协湖北省十二届一次会议` gives ORG `政协湖北省` + MEETING
  `十二届一次会议`, as in the samples.
- A numbered fair or forum is not a MEETING: `第十九届中国西部(重庆)国际农产品交易会` gives GPE
  `中国西部` and `重庆` only.

## SLOGAN
- `两会`, quoted or not, is neither SLOGAN nor MEETING. It is a fixed set, like `一府两院`.
- A quote that adds 规划 to the formula gives the formula: `「十五五规划」` gives `十五五`.
- Formulas quoted one by one are one SLOGAN each: `“落实下去”、“凝聚起来”`.
- A quoted idiom or metaphor is no SLOGAN (`「天时、地利、人和」`, `「掌上明珠」`). Nor is a formula cut
  off before its closing quote (`「一个中心、一平台、一基地、一高`), as with the broken quote in the
  samples.
- Numbered watchwords are SLOGAN, quoted or not: `双胜利`, `双岗建功`, `三业`, `五大战略定位`. So is a
  standing demand quoted as one, like `新担当、新作为、新成效、新气象、新局面`. Rankings are not
  (`十强县`).
"""
"""The project's rulings where the guidelines are silent: ``docs/RULINGS.md`` word for word (a test
checks), so the help screen shows what the extractor and the corpus gold follow."""

GUIDES = {g.label: g for g in LABEL_GUIDES}
