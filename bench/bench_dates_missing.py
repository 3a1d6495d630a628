"""Find DATE misses without gold: date-like stretches that no DATE span covers exactly, grouped by shape.

A loose, deliberately over-general detector reads every text for stretches that look like a date:
a numeral (Arabic, full-width, Chinese, 〇/零/○, 廿/卅) before 年/月/日/号/时/世纪/年代/年度/季度/旬,
neighbours of those joined by a range mark (至 到 — - ~ ～ － –) or 、, a period word after one
(上旬 中旬 下旬 初 底 末 前后 份), ISO, slash and dotted dates (2020-11-06, 2020/11/06, 06/03/2026, 04.03.2015) and
year.month (2019.10) and bare years (1978, 二〇〇三: any four digits 1800–2099 that stand alone).
Each stretch is then compared with the DATE spans the extractor (rules alone:
DATE is a rule label) gives for the text:

- ``exact``: one DATE span covers it, what the guidelines leave outside a DATE aside (a period word
  like 下旬, a clock time like 15时, range marks, spaces; not listed);
- ``split``: several DATE spans cover it that way (two dates side by side, or a range cut in two);
- ``part``: DATE spans cover some of its numerals and units, not all;
- ``none``: no DATE span touches it.

The rest are listed grouped by the stretch's shape (digits → 9, Chinese numerals → 一, full-width
digits → ９, the rest kept), most frequent shape first, with a few examples in context. Many groups are
no DATE by the guidelines (durations like 30年 are FIGUREs, clock times like 3时 are nothing): the
list is for a reader to rule on, group by group; it needs no gold.

The texts: the dev half of the corpus (``split.json``; the test half is never read) and any folders
given, e.g. ``bench/dates_pages/`` (unlabelled real report texts, each passed ``reserved-check``).

    python -m bench.bench_dates_missing [--examples 3] [--min 1] [folder ...]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pizhu.extract.document import prepare
from pizhu.extract.pipeline import rule_spans
from pizhu.store.sources import read_source

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"
PAGES = ROOT / "bench" / "dates_pages"

_NUM = "0-9０-９〇零○OＯ一二三四五六七八九十百千廿卅两"
_UNIT = r"(?:年代|年度|世纪|季度|年|月份|月|日|号|时|旬)"
_PERIOD = r"(?:上旬|中旬|下旬|初|底|末|前后|份)"
_MARK = r"(?:——|[至到—\-~～－–])"
_TOKEN = rf"(?:(?:上世纪|本世纪|公元|民国)?[{_NUM}]+{_UNIT}{_PERIOD}?)"
# A bare numeral opens a range or a pair whose unit comes after the second (1-6月, 20—22日, 14、15日).
_OPEN = rf"(?:[{_NUM}]+(?=[ \t]*(?:{_MARK}|、)[ \t]*\n?[ \t]*[{_NUM}]+{_UNIT}))"
_ISO = (
    r"(?:[0-9]{4}[-/.．][0-9]{1,2}(?:[-/.．][0-9]{1,2})?|[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?"
    r"|[0-9]{1,2}[.．-][0-9]{1,2}[.．-][0-9]{4})(?![0-9%％万亿])"
)
# Within a line, tokens join directly or by a range mark or 、; across a line break only by a range mark.
_JOIN = rf"(?:[ \t]*{_MARK}[ \t]*\n[ \t]*|[ \t]*\n[ \t]*{_MARK}[ \t]*|[ \t]*(?:{_MARK}|、)?[ \t]*)"
# A bare year: four digits 1800–2099 or four Chinese digits (二〇〇三) standing alone.
_BARE = (
    r"(?:(?<![0-9０-９.．])(?:1[89]|20)[0-9]{2}(?![0-9０-９.．%％])"
    r"|(?<![〇零○一二三四五六七八九十])[一二][〇零○一二三四五六七八九]{3}(?![〇零○一二三四五六七八九十]))"
)
_PIECE = rf"(?:{_OPEN}|{_TOKEN}|{_ISO}|{_BARE})"
_STRETCH_RE = re.compile(rf"{_PIECE}(?:{_JOIN}{_PIECE})*")
# What a DATE leaves out by the guidelines: period words and clock times (上午9时30分).
_CLOCK = r"[0-9０-９一二三四五六七八九十]+时(?:[0-9０-９一二三四五六七八九十]+分)?"
_OUTSIDE_RE = re.compile(rf"{_PERIOD}|{_CLOCK}|[至到—\-~～－–、 \t\n]")
_SHAPES = str.maketrans(
    {
        **{c: "9" for c in "0123456789"},
        **{c: "９" for c in "０１２３４５６７８９"},
        **{c: "一" for c in "〇零○一二三四五六七八九十百千廿卅两"},
    }
)


@dataclass(frozen=True)
class Stretch:
    doc: str
    start: int
    end: int
    text: str
    status: str  # exact, split, part, none
    dates: tuple[str, ...]  # the DATE spans inside it
    context: str


def shape(text: str) -> str:
    """digits → 9, full-width digits → ９, Chinese numerals → 一; runs of one kind kept as one character."""
    return re.sub(r"([9９一])\1+", r"\1", text.translate(_SHAPES)).replace("\n", "⏎")


def stretches(doc: str, text: str, dates: Iterable[tuple[int, int]]) -> list[Stretch]:
    spans = sorted(dates)
    found = []
    for m in _STRETCH_RE.finditer(text):
        start, end, raw = m.start(), m.end(), m.group()
        if not re.search(r"[年月日号旬纪代度]|[0-9][-/.．][0-9]|^(?:1[89]|20)[0-9]{2}$|^[一二][〇零○]", raw):
            continue  # a clock time alone (3时) or a bare numeral
        outside = {m.start() + i for o in _OUTSIDE_RE.finditer(raw) for i in range(o.start(), o.end())}
        essential = set(range(start, end)) - outside
        inside = [(s, e) for s, e in spans if s < end and e > start]
        covered = {i for s, e in inside for i in range(s, e)}
        if not inside:
            status = "none"
        elif essential <= covered:
            status = "exact" if len(inside) == 1 else "split"
        else:
            status = "part"
        context = text[max(0, start - 12) : end + 12].replace("\n", "⏎")
        found.append(Stretch(doc, start, end, raw, status, tuple(text[s:e] for s, e in inside), context))
    return found


def texts(folders: list[Path], dev: bool = True) -> Iterable[tuple[str, str]]:
    """(name, normalized text) for the dev half (unless ``dev`` is false) and every .txt in ``folders``;
    never the test half nor the fresh batch."""
    split = json.loads((CORPUS / "split.json").read_text("utf-8"))
    test = {Path(name).name for name in split["test"] + split.get("fresh", [])}
    paths = [CORPUS / "texts" / Path(name).name for name in split["dev"]] if dev else []
    for folder in folders:
        paths += sorted(folder.glob("*.txt"))
    for path in paths:
        if path.name in test:
            continue
        source = read_source(path.read_bytes())
        yield path.name, "\n".join(draft.text for draft in prepare(source.text, source.layout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="*", help=f"more unlabelled texts (default: {PAGES})")
    parser.add_argument("--examples", type=int, default=3, help="examples shown per shape")
    parser.add_argument("--min", type=int, default=1, help="hide shapes seen fewer times")
    parser.add_argument(
        "--spans", action="store_true", help="list the DATE spans themselves by shape, rarest first (a precision check)"
    )
    args = parser.parse_args()
    folders = args.folders or ([PAGES] if PAGES.is_dir() else [])
    groups: dict[tuple[str, str], list[Stretch]] = defaultdict(list)
    counts = {"exact": 0, "split": 0, "part": 0, "none": 0}
    docs = 0
    spans: dict[str, list[str]] = defaultdict(list)
    for name, text in texts(folders):
        docs += 1
        dates = [(s.start, s.end) for s in rule_spans(text) if s.label == "DATE"]
        for s, e in dates:
            spans[shape(text[s:e])].append(f"{name[:28]:<28} …{text[max(0, s - 10) : e + 10]}…".replace("\n", "⏎"))
        for stretch in stretches(name, text, dates):
            counts[stretch.status] += 1
            if stretch.status != "exact":
                groups[(shape(stretch.text), stretch.status)].append(stretch)
    if args.spans:
        print(f"{docs} texts; {sum(map(len, spans.values()))} DATE spans in {len(spans)} shapes")
        for form, items in sorted(spans.items(), key=lambda kv: (len(kv[1]), kv[0])):
            print(f"\n{len(items):>4}  {form}")
            for item in items[: args.examples]:
                print(f"        {item}")
        return
    print(
        f"{docs} texts; date-like stretches: {counts['exact']} a DATE covers exactly, "
        f"{counts['split']} several together, {counts['part']} in part, {counts['none']} not at all"
    )
    for (form, status), items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len(items) < args.min:
            continue
        print(f"\n{len(items):>4}  {status:<4}  {form}")
        for item in items[: args.examples]:
            inside = f"  DATE {' | '.join(item.dates)}" if item.dates else ""
            print(f"        {item.doc[:28]:<28} …{item.context}…{inside}")


if __name__ == "__main__":
    main()
