"""Scan FIGURE precision without gold: every FIGURE span on unlabelled texts, grouped by shape.

The extractor's FIGURE rules were tuned on the dev half, where none is left wrong; on unseen text
they still propose false ones. This scan runs the rules (FIGURE is a rule label) over many
unlabelled real report pages and lists every FIGURE span grouped by its shape (digits → 9, full-width
digits → ９, Chinese numerals → 一, a run of one kind kept as one character; the unit or measure word
and what else the span holds kept), rarest shapes first, with a short context, for a reader to rule on
group by group by GUIDELINES.md (FIGURE: a measured amount with its unit or measure word, or a
percentage; not ordinals, years, fixed sets, record numbers…).

Then the suspects, each span at most once, under the first flag it raises:

- ``unit``: its unit is no measure word of ``extract/data/measure_words.tsv``;
- ``ordinal``: 第/届/期/次 next to it (第3批, 十三届3次);
- ``year``: four digits 1800–2099 before 年 or alone;
- ``record``: six digits or more in one run (a phone, an ID, a record or case number);
- ``page``: a page's furniture near it (版, 页, 期, 第…版, 浏览, 点击, 阅读, 字号);
- ``version``: a version or a model next to it (V, v, 版本, Latin letters glued before or after);
- ``size``: a file size (KB, MB, GB, 字节);
- ``score``: a score or a grade (分, 星, 级 after it);
- ``address``: an address around it (号, 路, 街, 楼, 室, 栋 within a few characters).

Last, ``--recall``: the numeral + measure-word stretches no FIGURE covers, grouped by shape, so a
new rule that drops false spans can be checked for lost true ones.

The texts: the dev half (``split.json``; the test half and the fresh batch are never read),
``bench/dates_pages/`` and ``bench/figures_pages/`` (each passed ``reserved-check``; SOURCES.md).

    python -m bench.bench_figures_scan [--examples 3] [--suspects] [--recall] [folder ...]
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from bench.bench_dates_missing import texts
from pizhu.extract.figures import measure_kinds
from pizhu.extract.pipeline import rule_spans

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [ROOT / "bench" / "dates_pages", ROOT / "bench" / "figures_pages"]

_SHAPES = str.maketrans(
    {
        **{c: "9" for c in "0123456789"},
        **{c: "９" for c in "０１２３４５６７８９"},
        **{c: "一" for c in "〇零○一二三四五六七八九十百千廿卅两"},
    }
)
_NUM = "0-9０-９〇零○一二三四五六七八九十百千万亿两"
_UNITS = sorted(measure_kinds(), key=len, reverse=True)
# A numeral and a measure word of the table, loosely: the recall side of the scan.
_STRETCH_RE = re.compile(
    rf"[{_NUM}][{_NUM}.．,，]*(?:余|多)?(?:万|亿)?(?:余|多)?(?:{'|'.join(re.escape(u) for u in _UNITS)})"
)

_FLAGS: list[tuple[str, re.Pattern[str], str]] = [
    # (flag, pattern, where: "span", "before", "after" or "around")
    ("ordinal", re.compile(r"[第届期]$"), "before"),
    ("ordinal", re.compile(r"^(?:届|次会|次全|期)"), "after"),
    ("year", re.compile(r"(?<![0-9])(?:1[89]|20)[0-9]{2}(?![0-9])"), "span"),
    ("record", re.compile(r"[0-9]{6,}"), "around"),
    ("page", re.compile(r"版|页|浏览|点击|阅读|字号|来源|编辑|责编"), "around"),
    ("version", re.compile(r"[A-Za-z][0-9.]*$|版本|型号"), "before"),
    ("version", re.compile(r"^[A-Za-z.]"), "after"),
    ("size", re.compile(r"KB|MB|GB|字节", re.I), "span"),
    ("score", re.compile(r"^[分星级]"), "after"),
    ("address", re.compile(r"[号路街楼室栋巷弄]"), "around"),
]


def shape(text: str) -> str:
    return re.sub(r"([9９一])\1+", r"\1", text.translate(_SHAPES)).replace("\n", "⏎")


def flag(text: str, start: int, end: int, unit: str) -> str | None:
    """The first suspect kind a span raises, or None."""
    if unit and unit not in measure_kinds() and unit not in ("人次", "省区市"):
        return "unit"
    pieces = {
        "span": text[start:end],
        "before": text[max(0, start - 2) : start],
        "after": text[end : end + 2],
        "around": text[max(0, start - 6) : end + 6],
    }
    for name, pattern, where in _FLAGS:
        if pattern.search(pieces[where]):
            return name
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="*", help="more unlabelled texts")
    parser.add_argument("--examples", type=int, default=3, help="examples shown per shape")
    parser.add_argument("--suspects", action="store_true", help="list only the flagged spans, by flag")
    parser.add_argument("--recall", action="store_true", help="list the numeral+measure stretches no FIGURE covers")
    parser.add_argument(
        "--no-dev", action="store_true", help="leave out the dev half (its FIGUREs are checked against gold already)"
    )
    args = parser.parse_args()
    folders = [f for f in FOLDERS + args.folders if f.is_dir()]
    groups: dict[str, list[str]] = defaultdict(list)
    suspects: dict[str, list[str]] = defaultdict(list)
    uncovered: dict[str, list[str]] = defaultdict(list)
    docs = spans = 0
    for name, text in texts(folders, dev=not args.no_dev):
        docs += 1
        figures = [s for s in rule_spans(text) if s.label == "FIGURE"]
        covered = set()
        for s in figures:
            spans += 1
            covered.update(range(s.start, s.end))
            line = f"{name[:26]:<26} …{text[max(0, s.start - 12) : s.end + 8]}…  [{s.rule}]".replace("\n", "⏎")
            groups[shape(s.text)].append(line)
            kind = flag(text, s.start, s.end, str(s.attrs.get("unit", "")))
            if kind:
                suspects[kind].append(f"{s.text!s:<10} {line}")
        for m in _STRETCH_RE.finditer(text):
            if not covered.intersection(range(m.start(), m.end())):
                context = text[max(0, m.start() - 10) : m.end() + 6].replace("\n", "⏎")
                uncovered[shape(m.group())].append(f"{name[:26]:<26} …{context}…")
    if args.recall:
        total = sum(map(len, uncovered.values()))
        print(f"{docs} texts; {total} numeral+measure stretches no FIGURE covers, in {len(uncovered)} shapes")
        for form, items in sorted(uncovered.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"\n{len(items):>4}  {form}")
            for item in items[: args.examples]:
                print(f"        {item}")
        return
    if args.suspects:
        print(
            f"{docs} texts; {spans} FIGURE spans; suspects: " + ", ".join(f"{k} {len(v)}" for k, v in suspects.items())
        )
        for kind, items in suspects.items():
            print(f"\n== {kind} ({len(items)})")
            for item in items:
                print(f"  {item}")
        return
    print(f"{docs} texts; {spans} FIGURE spans in {len(groups)} shapes (rarest first)")
    for form, items in sorted(groups.items(), key=lambda kv: (len(kv[1]), kv[0])):
        print(f"\n{len(items):>4}  {form}")
        for item in items[: args.examples]:
            print(f"        {item}")


if __name__ == "__main__":
    main()
