"""GPE precision scan without gold: every GPE span the pipeline proposes on unlabelled report pages, grouped by kind.

The pipeline (rules with LAC, as an import stores it) runs over unlabelled real report pages
(``bench/dates_pages/`` and ``bench/places_pages/``, each passed ``reserved-check``; see their
``SOURCES.md``). Every GPE span is listed with its source (rules, lac, rules+lac), its rule,
whether the division table (``extract.places``) knows it (``full``/``short``/``country``, ``part``
when a table name lies inside it, ``-`` otherwise) and a short context, grouped by a kind read
off its form and its neighbours:

- ``in-name``: a name tail follows it on the line with no break (会, 大学, 公司, 医院, 大厦, 报 …):
  a place inside a body's, venue's or company's name;
- ``phrase``: inside a fixed political phrase (中国特色, 中国式, 中国梦, 美丽中国, 新农村 …);
- ``foreign``: a country or continent;
- ``lac-only``: only the model proposed it;
- ``unknown``: the table knows no part of it (a person's name or a word read as a place?);
- ``short``: one or two characters, no administrative suffix;
- ``plain``: the rest (a table name or a chain of them).

It needs no gold: the list is for a reader to rule on, group by group. The corpus is never read.

    python -m bench.bench_places_scan [--examples N] [folder ...]
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from pizhu.extract.document import prepare
from pizhu.extract.pipeline import extract_spans
from pizhu.extract.places import admin_names, table
from pizhu.store.sources import read_source

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = (ROOT / "bench" / "dates_pages", ROOT / "bench" / "places_pages")

_NAME_TAIL = re.compile(
    r"^[\u4e00-\u9fff]{0,8}?(?:委员会|政协|人大|大学|学院|学校|中学|小学|公司|集团|银行|医院|大厦|酒店|宾馆|"
    r"中心|协会|商会|联合会|研究院|研究所|电视台|日报|晚报|报社|[报网]|馆|厂|所|局|厅|办|社|团|部)"
)
_PHRASE_AFTER = re.compile(r"^(?:特色|式|梦|方案|智慧|故事|声音|精神|模式|经验|样板|实践)")
_PHRASE_BEFORE = re.compile(r"(?:美丽|健康|平安|法治|数字|幸福|活力|魅力|智慧|文明|生态|新)$")
_CONTINENTS = frozenset("亚洲 欧洲 非洲 美洲 北美 南美 拉美 大洋洲 南亚 东南亚 中东 东亚 西亚 中亚 北非".split())


def known(name: str) -> str:
    """How the division table knows ``name``: full, short, country, part or -."""
    t = table()
    if name in t.kind:
        return "full"
    if name in t.short:
        return "country" if t.short[name] == "country" else "short"
    if admin_names(name) or any(name[i:j] in t.short for i in range(len(name)) for j in range(i + 2, len(name) + 1)):
        return "part"
    return "-"


def kind_of(text: str, start: int, end: int, source: str, how: str) -> str:
    name = text[start:end]
    line_end = text.find("\n", end)
    after = text[end : line_end if line_end >= 0 else len(text)][:12]
    before = text[max(0, start - 4) : start]
    if _NAME_TAIL.match(after) and not re.match(r"^[，,、。；;：:（(）)\s]", after):
        return "in-name"
    if _PHRASE_AFTER.match(after) or _PHRASE_BEFORE.search(before):
        return "phrase"
    if how == "country" or name in _CONTINENTS:
        return "foreign"
    if source == "lac":
        return "lac-only"
    if how == "-":
        return "unknown"
    if len(name) <= 2 and how != "full":
        return "short"
    return "plain"


def scan(folders: list[Path]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            text = _text(path)
            for s in extract_spans(text):
                if s.label != "GPE":
                    continue
                how = known(s.text)
                kind = kind_of(text, s.start, s.end, s.source, how)
                ctx = text[max(0, s.start - 8) : s.start] + "[" + s.text + "]" + text[s.end : s.end + 8]
                ctx = ctx.replace("\n", "⏎")
                groups[kind].append(f"{s.text}\t{s.source}\t{s.rule or '-'}\t{how}\t{ctx}\t{path.stem[:20]}")
    return groups


def _text(path: Path) -> str:
    source = read_source(path.read_bytes())
    return "\n".join(draft.text for draft in prepare(source.text, source.layout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=0, help="rows a group shows (0: all)")
    parser.add_argument("folders", nargs="*", type=Path)
    args = parser.parse_args()
    groups = scan(args.folders or list(FOLDERS))
    total = sum(len(v) for v in groups.values())
    print(f"{total} GPE spans")
    order = ("in-name", "phrase", "foreign", "lac-only", "unknown", "short", "plain")
    for kind in order:
        rows = groups.get(kind, [])
        print(f"\n== {kind}: {len(rows)}")
        print("name\tsource\trule\ttable\tcontext\tfile")
        for row in rows[: args.examples or None]:
            print(row)


if __name__ == "__main__":
    main()
