"""Grammar-driven DATE check (issue 21): compose date expressions from their parts, put them in
report sentences, and compare the extractor's DATE spans with what GUIDELINES v1.1 and the
RULINGS ask for.

Each *form* is a small grammar: it yields fragments, each with the DATE spans the guidelines give
it (written from the rules, never from the extractor's output). Every fragment goes into every
sentence frame, with half-width and full-width digits and with the spacing a PDF's text leaves.

    python -m bench.bench_dates_grammar            # counts per form, a few disagreements each
    python -m bench.bench_dates_grammar --all      # every disagreement
"""

from __future__ import annotations

import argparse
import itertools
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator

Case = tuple[str, list[str]]  # fragment, the DATE spans it holds (substrings, in order)

YEARS = ["2019", "2023", "1998", "1956"]
CN_YEARS = ["二〇一九", "二○一九", "二零二三", "一九九八"]
MONTHS = ["3", "10", "12", "03"]
CN_MONTHS = ["三", "十", "十二"]
DAYS = ["5", "15", "28", "05"]
CN_DAYS = ["五", "十五", "二十八", "三十"]
DASHES = ["至", "到", "—", "–", "-", "~", "～", "——"]


def _md(month: str, day: str) -> str:
    return f"{month}月{day}日"


def full_dates() -> Iterator[Case]:
    for y, m, d in itertools.product(YEARS, MONTHS, DAYS):
        yield f"{y}年{m}月{d}日", [f"{y}年{m}月{d}日"]
        yield f"{y}年{m}月{d}号", [f"{y}年{m}月{d}号"]


def year_month() -> Iterator[Case]:
    for y, m in itertools.product(YEARS, MONTHS):
        yield f"{y}年{m}月", [f"{y}年{m}月"]
        yield f"{y}年{m}月份", [f"{y}年{m}月份"]


def year_alone() -> Iterator[Case]:
    for y in YEARS:
        yield f"{y}年", [f"{y}年"]
        yield f"{y}年度", [f"{y}年度"]


def month_day() -> Iterator[Case]:
    for m, d in itertools.product(MONTHS, DAYS):
        yield _md(m, d), [_md(m, d)]


def cn_full() -> Iterator[Case]:
    for y, m, d in itertools.product(CN_YEARS, CN_MONTHS, CN_DAYS):
        if m in ("二",) and d == "三十":
            continue
        yield f"{y}年{m}月{d}日", [f"{y}年{m}月{d}日"]
    for y, m in itertools.product(CN_YEARS, CN_MONTHS):
        yield f"{y}年{m}月", [f"{y}年{m}月"]
    for y in CN_YEARS:
        yield f"{y}年", [f"{y}年"]


def two_digit_year() -> Iterator[Case]:
    for y, m, d in itertools.product(["98", "03", "19"], MONTHS[:2], DAYS[:2]):
        yield f"{y}年{m}月{d}日", [f"{y}年{m}月{d}日"]
        yield f"{y}年{m}月", [f"{y}年{m}月"]


def decades() -> Iterator[Case]:
    for dec in [
        "上世纪80年代",
        "20世纪90年代",
        "1980年代",
        "八十年代",
        "上世纪八九十年代",
        "本世纪20年代",
        "上世纪50～60年代",
        "上世纪五、六十年代",
        "上世纪80、90年代",
    ]:
        yield dec, [dec]
        for tail in ["初", "末", "中期"]:
            yield dec + tail, [dec]
    yield "上世纪", []
    yield "本世纪", []


def month_parts() -> Iterator[Case]:
    for y, m in itertools.product(YEARS[:2], MONTHS[:3]):
        for part in ["上旬", "中旬", "下旬", "初", "底", "末"]:
            yield f"{y}年{m}月{part}", [f"{y}年{m}月"]
            yield f"{m}月{part}", [f"{m}月"]
    for part in ["上旬", "中旬", "下旬"]:
        yield f"9月{part}至10月{part}", ["9月", "10月"]


def year_parts() -> Iterator[Case]:
    for y in YEARS[:3]:
        for part in [
            "初",
            "底",
            "末",
            "中",
            "上半年",
            "下半年",
            "全年",
            "第一季度",
            "一季度",
            "前三季度",
            "第四季度",
            "春",
            "秋季",
            "冬",
        ]:
            yield f"{y}年{part}", [f"{y}年"]
    for cn in CN_YEARS[:2]:
        yield f"{cn}年底", [f"{cn}年"]


def lunar_and_holidays() -> Iterator[Case]:
    for w in [
        "正月十五",
        "农历正月十五",
        "农历三月初三",
        "腊月二十三",
        "农历八月十五",
        "春节",
        "国庆",
        "元旦",
        "“五一”",
        "“七一”",
        "中秋节",
    ]:
        yield w, []
    for y in YEARS[:2]:
        for w in ["春节", "国庆节", "元旦", "“五一”", "元宵节"]:
            yield f"{y}年{w}", [f"{y}年"]
    yield "2024元宵节", ["2024"]
    yield "2月24日(农历正月十五)", ["2月24日"]


def weekdays_and_times() -> Iterator[Case]:
    for m, d in itertools.product(MONTHS[:2], DAYS[:2]):
        md = _md(m, d)
        for tail in [
            "（星期二）",
            "(星期三)",
            "（周五）",
            "上午",
            "下午",
            "晚",
            "晚上",
            "上午9时",
            "下午3点",
            "上午9:30",
            " 14:30",
        ]:
            yield md + tail, [md]
        yield f"2023年{md}上午9时", [f"2023年{md}"]


def ranges() -> Iterator[Case]:
    for dash in DASHES:
        yield f"3月5日{dash}8日", [f"3月5日{dash}8日"]
        yield f"2023年3月5日{dash}8日", [f"2023年3月5日{dash}8日"]
        yield f"2019{dash}2020年", [f"2019{dash}2020年"]
        yield f"2019年{dash}2020年", [f"2019年{dash}2020年"]
        yield f"2019年9月{dash}12月", [f"2019年9月{dash}12月"]
        yield f"2019年9月{dash}2020年1月", [f"2019年9月{dash}2020年1月"]
        yield f"3月5日{dash}4月2日", [f"3月5日{dash}4月2日"]
        yield f"2023年3月28日{dash}4月2日", [f"2023年3月28日{dash}4月2日"]
        yield f"10月{dash}12月", [f"10月{dash}12月"]
        yield f"2023年1{dash}6月", [f"2023年1{dash}6月"]
        yield f"1{dash}6月份", [f"1{dash}6月份"]
        yield f"2月24{dash}28日", [f"2月24{dash}28日"]
        yield f"3月5号{dash}8号", [f"3月5号{dash}8号"]
        yield f"2019年12月30日{dash}2020年1月2日", [f"2019年12月30日{dash}2020年1月2日"]
        yield f"二〇二一年四月六日{dash}九日", [f"二〇二一年四月六日{dash}九日"]
        yield f"一九八〇{dash}一九八四年", [f"一九八〇{dash}一九八四年"]


def lists() -> Iterator[Case]:
    yield "3月5日、8日", ["3月5日", "8日"]
    yield "2023年3月14、15日", ["2023年3月14、15日"]
    yield "7、8月份", ["7、8月份"]
    yield "2003年5、6月", ["2003年5、6月"]
    yield "2023年5月、6月", ["2023年5月", "6月"]
    yield "2003、2004年", ["2003、2004年"]
    yield "1992、1993、1994年", ["1992、1993、1994年"]
    yield "二〇二三年五、六月", ["二〇二三年五、六月"]
    yield "3月5日、4月8日", ["3月5日", "4月8日"]
    yield "2022年、2023年", ["2022年", "2023年"]


def relative() -> Iterator[Case]:
    for w in ["今年", "去年", "当年", "次年", "同年", "近年来", "多年来", "前年", "明年", "本年度", "上年"]:
        yield w, []
    for w in ["今年", "去年", "次年", "同年", "当年", "明年"]:
        yield f"{w}3月", ["3月"]
        yield f"{w}3月5日", ["3月5日"]
        yield f"{w}十月", ["十月"]
    yield "每年3月", []


def durations() -> Iterator[Case]:
    for w in [
        "连续23年",
        "30多年",
        "历时3日",
        "会期三日",
        "有1300年历史",
        "工作了15年3个月",
        "近2000年来",
        "五年来",
        "30年来",
        "七十五载",
        "为期5日",
        "长达20年",
        "距今2000年",
    ]:
        yield w, []


def chinese_more() -> Iterator[Case]:
    for m, d in itertools.product(["三", "十一", "十二", "元"], ["五", "二十一", "廿五", "三十一"]):
        if m == "十一" and d == "三十一":
            continue
        yield f"{m}月{d}日", [f"{m}月{d}日"]
        yield f"二〇二三年{m}月{d}日", [f"二〇二三年{m}月{d}日"]
    for m in ["三", "十", "十二"]:
        yield f"{m}月份", [f"{m}月份"]
        yield f"二〇二三年{m}月份", [f"二〇二三年{m}月份"]
    yield "元月", ["元月"]
    yield "2003年元月", ["2003年元月"]
    yield "2003年元月15日", ["2003年元月15日"]
    yield "一至六月份", ["一至六月份"]
    yield "十一月二十日至二十五日", ["十一月二十日至二十五日"]
    yield "四月六至九日", ["四月六至九日"]
    yield "2019年三月", ["2019年三月"]


def iso_and_points() -> Iterator[Case]:
    for d in ["2023-03-05", "2023/3/5", "2023.3.5", "2023.03.05", "2023年/3月/5日"]:
        yield d, [d]
    for d in ["2019.10—2020.12", "2023.12.20-21", "2022-11-20至2022-11-25", "1949.10", "2019.10"]:
        yield d, [d]
    yield "2019.5万元", []


def bare_years() -> Iterator[Case]:
    for y in ["2019", "2024"]:
        for tail in ["国庆", "元宵节", "省两会", "全国两会"]:
            yield f"{y}{tail}", [y]
    yield "《2023-2025年行动计划》", ["2023-2025年"]
    yield "《鹿城年鉴2020》", ["2020"]
    yield "海拔2000米", []
    yield "1800-2000米", []
    yield "2000-3000人", []


def spaced_ranges() -> Iterator[Case]:
    for dash in ["至", "—", "-", "～", "－", "〜", "—"]:
        for pad in [" ", "  "]:
            yield f"2019{pad}{dash}{pad}2020年", [f"2019{pad}{dash}{pad}2020年"]
            yield f"3月5日{pad}{dash}{pad}8日", [f"3月5日{pad}{dash}{pad}8日"]
            yield f"2019年9月{pad}{dash}{pad}2020年1月", [f"2019年9月{pad}{dash}{pad}2020年1月"]


def decade_ranges() -> Iterator[Case]:
    for dash in ["至", "—", "～", "-"]:
        for a, b in [("1980年代", "1990年代"), ("上世纪80年代", "90年代"), ("80年代", "90年代")]:
            yield f"{a}{dash}{b}", [f"{a}{dash}{b}"]
    yield "1980、1990年代", ["1980、1990年代"]
    yield "1980—1990年代", ["1980—1990年代"]
    yield "上世纪80年代末90年代初", ["上世纪80年代", "90年代"]


def anchored() -> Iterator[Case]:
    for tail, head in [
        ("以来", ""),
        ("前", ""),
        ("后", ""),
        ("起", ""),
        ("", "截至"),
        ("", "截止"),
        ("", "自"),
        ("", "至"),
        ("以前", ""),
        ("期间", ""),
    ]:
        for d in ["2023年3月5日", "2023年", "2023年3月", "3月5日", "3月"]:
            if d == "3月" and not head:
                continue
            yield f"{head}{d}{tail}", [d]
    yield "截至2023年底", ["2023年"]
    yield "截至目前", []


def numbered() -> Iterator[Case]:
    for num in ["1.", "12.", "①", "⑴", "（一）", "(1)", "一、", "1、"]:
        for d in ["3月13日", "2023年3月13日"]:
            yield f"\n{num}{d}", [d]


def month_lists() -> Iterator[Case]:
    yield "3月、5月", ["3月", "5月"]
    yield "3月5日、8日、12日", ["3月5日", "8日", "12日"]
    yield "3月5日至8日和4月2日", ["3月5日至8日", "4月2日"]
    yield "3月5日至8日上午", ["3月5日至8日"]
    yield "今年3月5日至8日", ["3月5日至8日"]
    yield "2023年3月5日、4月8日", ["2023年3月5日", "4月8日"]


def invalid() -> Iterator[Case]:
    for w in ["2月30日", "2023年2月29日", "13月5日", "4月31日", "0月5日", "3月32日"]:
        yield w, []
    yield "2024年2月29日", ["2024年2月29日"]


def line_breaks() -> Iterator[Case]:
    lead = "市政协组织委员深入基层开展调研视察活动，围绕乡村振兴等重点工作广泛听取意见建议，"
    for a, b in [
        ("2021年4月6日至", "9日"),
        ("1998年6月", "18日至20日"),
        ("2019年1", "2月"),
        ("2023年", "3月5日"),
        ("2023", "年3月5日"),
        ("2019—", "2020年"),
        ("上世纪", "80年代"),
    ]:
        yield f"{lead}{a}\n{b}", [f"{a}{b}"]


def bare_days() -> Iterator[Case]:
    """A bare day or day range once its month was given earlier in the text."""
    for lead, lead_dates in [
        ("2023年3月1日开幕，", ["2023年3月1日"]),
        ("3月2日，", ["3月2日"]),
        ("今年3月，", ["3月"]),
        ("二〇二三年三月一日开幕，", ["二〇二三年三月一日"]),
    ]:
        for d in ["5日", "5-7日", "5日至7日", "5—7日", "十五日", "五至七日", "5日、8日"]:
            want = d.split("、") if "、" in d else [d]
            yield f"{lead}{d}", [*lead_dates, *want]
    yield "5日", []
    yield "十五日", []


def cross_year() -> Iterator[Case]:
    for a, b in [
        ("二〇二三年十二月三十日", "二〇二四年一月二日"),
        ("2023年12月30日", "2024年1月2日"),
        ("2023年12月", "2024年2月"),
        ("2023年", "2024年"),
        ("2023年12月", "2024年"),
    ]:
        for dash in ["至", "—", "-", "～"]:
            yield f"{a}{dash}{b}", [f"{a}{dash}{b}"]


def every_break() -> Iterator[Case]:
    """A PDF line break at every place inside a date, the line it ends long running text."""
    lead = "市政协组织委员深入基层开展调研视察活动，围绕乡村振兴等重点工作广泛听取意见建议，"
    for d in [
        "2023年3月15日",
        "2021年4月6日至9日",
        "2019年9月—2020年1月",
        "二〇二三年三月十五日",
        "1998—2003年",
        "上世纪80年代",
        "2023年12月",
        "12月25日",
    ]:
        for i in range(1, len(d)):
            yield f"{lead}{d[:i]}\n{d[i:]}", [f"{d[:i]}{d[i:]}"]


def neighbours() -> Iterator[Case]:
    """A date glued to the number or count before or after it, or to a weekday, a clock time, a dash."""
    for d in ["2023年3月5日", "3月5日", "2023年", "2023年3月", "3月5日至8日", "2019—2020年"]:
        yield f"政协简报第12期{d}", [d]
        yield f"（总第386期）{d}", [d]
        yield f"{d}286名委员", [d]
        yield f"{d}共5天", [d]
        yield f"{d}——市政协召开", [d]
        yield f"{d} 星期日", [d]
        yield f"{d}至今", [d]
        yield f"{d}以来", [d]
    for d in ["2023年3月5日", "3月5日"]:
        yield f"{d}14:30", [d]
        yield f"{d}14时30分", [d]
        yield f"{d}上午9:00—11:30", [d]
    yield "2023—2024年度", ["2023—2024年度"]
    yield "2023年3—5月份", ["2023年3—5月份"]
    yield "3-5月份", ["3-5月份"]
    yield "2023年3月5、6日", ["2023年3月5、6日"]
    yield "2019年至今", ["2019年"]
    for w in ["近3年", "3年来", "今后5年", "未来五年", "十四五期间", "去年同期", "“3·15”", "“十四五”", "三年行动"]:
        yield w, []


def pdf_spacing() -> Iterator[Case]:
    """Spaces a PDF text layer leaves on either side of a date's fields."""
    for d in [
        "2023年 3月 5日",
        "2023 年 3 月 5 日",
        "2023年3月 5日",
        "2023 年3月5日",
        "3月 5日",
        "3 月 5 日至 8 日",
        "2019 年至 2020 年",
        "2023 -2025 年",
    ]:
        yield d, [d]


def report_forms() -> Iterator[Case]:
    """Forms a work report's own phrasing gives dates in."""
    yield "《关于2023年度提案办理情况的报告》", ["2023年度"]
    yield "《某某市2021—2025年发展规划》", ["2021—2025年"]
    yield "时间：2023年3月5日", ["2023年3月5日"]
    yield "（2018-2023）", ["2018-2023"]
    for y in ["二O二三", "二0二三", "二〇二三", "二○二三", "二零二三"]:
        yield f"{y}年三月五日", [f"{y}年三月五日"]
        yield f"{y}年", [f"{y}年"]
    yield "2023年第1次主席会议", ["2023年"]
    for r in ["1至11月", "1—11月", "1-11月份", "1—11月份"]:
        yield f"2023年{r}", [f"2023年{r}"]
        yield f"今年{r}", [r]
    yield "截至11月底", ["11月"]
    yield "11月中下旬", ["11月"]
    yield "2023年11月中下旬", ["2023年11月"]
    for w in ["年初以来", "今年以来", "上年度", "一年来", "任期5年", "连续3年", "十年来", "过去一年"]:
        yield w, []


def chinese_ranges() -> Iterator[Case]:
    for dash in ["至", "—", "到"]:
        for d in [
            "一九九八年{d}二〇〇三年",
            "一九九八{d}二〇〇三年",
            "二〇二三年三月{d}五月",
            "二〇二三年三{d}五月",
            "二〇二三年三月五日{d}四月二日",
            "二〇二二年十二月{d}二〇二三年一月",
            "三月五日{d}八日",
        ]:
            d = d.replace("{d}", dash)
            yield d, [d]
    for d in ["二〇二三年度", "二〇二三年底", "二〇二三年上半年"]:
        yield d, [d.replace("底", "").replace("上半年", "")]
    yield "2022年和2023年", ["2022年", "2023年"]
    yield "3月5日和8日", ["3月5日", "8日"]
    yield "3月5日及3月8日", ["3月5日", "3月8日"]


FORMS: dict[str, Callable[[], Iterator[Case]]] = {
    "full": full_dates,
    "year-month": year_month,
    "year": year_alone,
    "month-day": month_day,
    "chinese": cn_full,
    "two-digit-year": two_digit_year,
    "decade": decades,
    "month-part": month_parts,
    "year-part": year_parts,
    "lunar-holiday": lunar_and_holidays,
    "weekday-time": weekdays_and_times,
    "range": ranges,
    "list": lists,
    "relative": relative,
    "duration": durations,
    "chinese-more": chinese_more,
    "iso-point": iso_and_points,
    "bare-year": bare_years,
    "spaced-range": spaced_ranges,
    "decade-range": decade_ranges,
    "anchored": anchored,
    "numbered": numbered,
    "month-list": month_lists,
    "invalid": invalid,
    "line-break": line_breaks,
    "bare-day": bare_days,
    "cross-year": cross_year,
    "every-break": every_break,
    "neighbours": neighbours,
    "pdf-spacing": pdf_spacing,
    "report": report_forms,
    "chinese-range": chinese_ranges,
}

# Frames: {D} is the date; the rest of the sentence has no DATE of its own. A frame that needs the
# month given before a bare day gives it in a sentence of its own earlier.
FRAMES = {
    "open": "{D}，政协第十四届某某市委员会第三次会议在市会议中心隆重开幕。",
    "yu": "市政协十四届二次会议于{D}在市会议中心召开，会期三天。",
    "dateline": "本报讯 {D}，市政协召开主席会议，研究部署下一阶段重点工作。",
    "heading": "市政协召开常委会议\n{D}\n会议听取了关于提案办理情况的报告。",
    "paren": "市政协召开重点提案督办协商会（{D}），听取办理情况通报。",
    "after-number": "全年共立案提案386件，{D}，已全部办结。",
    "before-count": "{D}，286名委员出席会议。",
    "zai": "在{D}召开的全体会议上，委员们踊跃发言。",
    "cong": "从{D}起，各专委会开展专题调研。",
}


# Forms that only read in some frames: a list item's number opens a line, a PDF's line break ends a long one.
FORM_FRAMES = {
    "numbered": ("open", "before-count"),
    "line-break": ("open", "before-count"),
    "every-break": ("open", "before-count"),
    "neighbours": ("open", "heading"),
}


def fullwidth(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})


def spaced(text: str) -> str:
    """The spacing a PDF's text layer leaves between a number and the CJK character after it."""
    out = []
    for a, b in itertools.pairwise(text + " "):
        out.append(a)
        if a.isdigit() and "\u4e00" <= b <= "\u9fff":
            out.append(" ")
    return "".join(out)


VARIANTS: dict[str, Callable[[str], str]] = {
    "plain": lambda s: s,
    "fullwidth": fullwidth,
    "spaced": spaced,
}


def canon(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def run(show: int, only: str | None) -> dict[str, Counter[str]]:
    from pizhu.extract.document import prepare
    from pizhu.extract.pipeline import extract_spans

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    for form, make in FORMS.items():
        if only and form != only:
            continue
        for (fragment, expected), (fname, frame), (vname, variant) in itertools.product(
            list(make()), FRAMES.items(), VARIANTS.items()
        ):
            if vname == "spaced" and fname not in ("open", "yu"):
                continue
            if fname not in FORM_FRAMES.get(form, (fname,)):
                continue
            date = variant(fragment)
            sentence = frame.replace("{D}", date)
            want = Counter(canon(e) for e in expected)
            got: Counter[str] = Counter()
            for draft in prepare(sentence):
                got.update(canon(s.text) for s in extract_spans(draft.text) if s.label == "DATE")
            counts[form]["sentences"] += 1
            if got != want:
                counts[form]["disagree"] += 1
                missing = want - got
                extra = got - want
                key = f"{form}"
                if len(examples[key]) < show:
                    examples[key].append(
                        f"  [{fname}/{vname}] {sentence!r}\n    want {sorted(want.elements())} got "
                        f"{sorted(got.elements())} (missing {sorted(missing.elements())}, extra "
                        f"{sorted(extra.elements())})"
                    )
                counts[form]["fragments:" + fragment] += 1
    for form, c in counts.items():
        print(f"{form:>15}: {c['sentences']:>5} sentences, {c['disagree']:>4} disagree")
        for line in examples[form]:
            print(line)
    total = sum(c["sentences"] for c in counts.values())
    bad = sum(c["disagree"] for c in counts.values())
    print(f"{'total':>15}: {total:>5} sentences, {bad:>4} disagree")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=6, help="examples shown per form")
    parser.add_argument("--form", help="only this form")
    parser.add_argument("--fragments", action="store_true", help="list the failing fragments per form")
    args = parser.parse_args()
    counts = run(args.show, args.form)
    if args.fragments:
        for form, c in counts.items():
            bad = [(k[len("fragments:") :], n) for k, n in c.items() if k.startswith("fragments:")]
            if bad:
                print(form, ", ".join(f"{k}×{n}" for k, n in sorted(bad)))


if __name__ == "__main__":
    main()
