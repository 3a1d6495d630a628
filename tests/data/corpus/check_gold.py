"""Check a corpus gold file against its texts: shape, order, spans and FIGURE attributes.

A gold file is JSON Lines, one object per occurrence in document order, the shape of the
seeds' gold: ``doc``, ``label``, ``text``; FIGURE rows also ``value``, ``unit``, ``approx`` and
``metric``. ``text`` is the span as it reads in pizhu's normalized text. Each text file is
prepared as the importer prepares it (``decode`` then ``prepare``). A file that holds several
reports gives several drafts, and their texts are read in order.

Checks:
- every row has exactly the keys of its label, a known label, and names a file in the folder;
- every ``text`` occurs in order: it is placed at its first occurrence after the previous
  span, so no two spans overlap. The one exception is a DATE or FIGURE that follows its TITLE
  and lies inside it. Such a span nests, as GUIDELINES v1.1 allows, and is searched for inside
  the TITLE first;
- no span is empty or starts or ends on whitespace. A TITLE starts with 《 and ends with 》. A
  SLOGAN has no quotation mark at either end;
- FIGURE: ``approx`` is exact/over/under/about and agrees with the qualifier the span carries
  (近/不到 under; 约/大约/左右/数 about; 余/多/以上/超/超过/逾 over). ``value`` is the span's numeral
  with its scale applied; a fraction's (`四分之一`, `3/10`) is its decimal, its unit empty. ``unit`` is
  written in the span (a bracket may split it: 人(次) -> 人次).

    python tests/data/corpus/check_gold.py tests/data/corpus/dev-gold.jsonl tests/data/corpus/texts

Prints one line per problem and exits 1 if there is any; otherwise prints the count per label.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from pizhu.extract.decode import decode
from pizhu.extract.document import prepare
from pizhu.extract.numbers import parse_number

LABELS = ("FIGURE", "DATE", "PERSON", "ORG", "GPE", "TITLE", "MEETING", "SLOGAN")
NESTING = frozenset({"DATE", "FIGURE"})
FIGURE_KEYS = frozenset({"doc", "label", "text", "value", "unit", "approx", "metric"})
SPAN_KEYS = frozenset({"doc", "label", "text"})
QUOTES = "\"'“”‘’「」『』"
# Reports join the drafts of a file with a separator no span can contain.
JOIN = "\n\x00\n"

# Longest first, so 超过 is not read as 超 and 大约 not as 约.
_PREFIX = {
    "不到": "under",
    "不足": "under",
    "超过": "over",
    "大约": "about",
    "近": "under",
    "约": "about",
    "超": "over",
    "逾": "over",
    # 数百位, 数十件: a bare scale after 数 counts, about (GUIDELINES: 近, 逾, 上, 数; RULINGS: 数十 like 数百).
    "数": "about",
    # 上百种, 上万字: a bare scale after 上 counts, over (GUIDELINES v1.1 lists 上; RULINGS, wave8d).
    "上": "over",
}
_SCALE = {
    "万亿": Decimal(10**12),
    "万": Decimal(10**4),
    "萬": Decimal(10**4),
    "亿": Decimal(10**8),
    "億": Decimal(10**8),
}
_OCR_DIGIT = re.compile(r"^[lI](?=[0-9])")
_FRACTION = re.compile(r"([零一二两三四五六七八九十百千万0-9]+)分之([零一二两三四五六七八九十0-9]+)")
# 3/10: the same fraction written with a slash, numerator first (RULINGS.md, audit).
_SLASH_FRACTION = re.compile(r"([0-9]+)/([0-9]+)")
_SUFFIX = {"以上": "over", "左右": "about", "余": "over", "多": "over"}
# An OCR space normalization left inside a number (`6 .4%`) is read through (RULINGS.md).
_DIGIT = "0-9０-９零〇○一二两三四五六七八九十百千万萬亿億"
_NUMERAL = re.compile(f"[{_DIGIT}廿卅.,，．](?:[ {_DIGIT}.,，．]*[{_DIGIT}])?")


def normalized(path: Path) -> str:
    """The normalized text of every report a file holds, in order."""
    return JOIN.join(draft.text for draft in prepare(decode(path.read_bytes()).text))


def check(gold: list[dict[str, Any]], folder: Path) -> list[str]:
    """Every problem found in ``gold`` (rows in file order) against the texts in ``folder``."""
    problems: list[str] = []
    texts: dict[str, str] = {}
    # Per doc: where the next span may start, and the last TITLE a DATE/FIGURE may still nest in.
    cursor: dict[str, int] = {}
    title: dict[str, tuple[int, int, int]] = {}  # doc -> (start, end, where the next nested span may start)
    for n, row in enumerate(gold, 1):
        where = f"line {n} ({row.get('doc')}, {row.get('label')} {row.get('text')!r})"
        problems += [f"{where}: {p}" for p in _shape(row)]
        doc, label, span = row.get("doc"), row.get("label"), row.get("text")
        if not isinstance(doc, str) or not isinstance(span, str) or label not in LABELS:
            continue
        if doc not in texts:
            path = folder / doc
            if not path.is_file():
                problems.append(f"{where}: no file {doc} in {folder}")
                texts[doc] = ""
                continue
            texts[doc] = normalized(path)
            cursor[doc] = 0
        text = texts[doc]
        if not text:
            continue
        problems += [f"{where}: {p}" for p in _span(label, span)]
        if not span:
            continue
        start = -1
        if label in NESTING and doc in title:
            t_start, t_end, inner = title[doc]
            found = text.find(span, inner)
            if found != -1 and found + len(span) <= t_end:
                start = found
                title[doc] = (t_start, t_end, found + len(span))
        if start == -1:
            start = text.find(span, cursor[doc])
            if start == -1:
                before = text.find(span)
                if before == -1:
                    problems.append(f"{where}: not in the normalized text")
                else:
                    problems.append(f"{where}: not found after the previous span (order, or overlap)")
                continue
            cursor[doc] = start + len(span)
            if label == "TITLE":
                title[doc] = (start, start + len(span), start)
            else:
                title.pop(doc, None)
        if label == "FIGURE":
            problems += [f"{where}: {p}" for p in _figure(row)]
    return problems


def _shape(row: dict[str, Any]) -> list[str]:
    label = row.get("label")
    if label not in LABELS:
        return [f"unknown label {label!r}"]
    keys = FIGURE_KEYS if label == "FIGURE" else SPAN_KEYS
    problems = []
    if set(row) != keys:
        problems.append(f"keys {sorted(row)} are not {sorted(keys)}")
    if not isinstance(row.get("text"), str):
        problems.append("text is not a string")
    return problems


def _span(label: str, span: str) -> list[str]:
    problems = []
    if not span:
        return ["empty span"]
    if span != span.strip():
        problems.append("starts or ends on whitespace")
    if "\x00" in span:
        problems.append("crosses from one report to the next")
    if label == "TITLE" and not (span.startswith("《") and span.endswith("》")):
        problems.append("a TITLE keeps its 《》")
    if label == "SLOGAN" and (span[0] in QUOTES or span[-1] in QUOTES):
        problems.append("a SLOGAN drops its quotation marks")
    return problems


def _figure(row: dict[str, Any]) -> list[str]:
    """value/unit/approx against the span's own numeral, unit and qualifier."""
    span, value, unit, approx = row["text"], row.get("value"), row.get("unit"), row.get("approx")
    problems = []
    if not isinstance(row.get("metric"), str):
        problems.append("metric is not a string")
    if approx not in ("exact", "over", "under", "about"):
        return [*problems, f"approx {approx!r} is not exact/over/under/about"]
    fraction = _fraction(span)
    if fraction is not None:
        # 四分之一, 3/10: a share written as a fraction; value as a decimal, no unit (RULINGS.md).
        whole, part = fraction
        if not whole or part is None:
            return [*problems, f"cannot read the fraction {span!r}"]
        if unit != "" or approx != "exact":
            problems.append("a fraction has unit '' and approx 'exact'")
        # A fraction that never ends (三分之一) is written to four places: 0.3333 (RULINGS.md).
        exact = (part / whole).normalize()
        if not isinstance(value, (int, float)) or Decimal(str(value)) not in (exact, exact.quantize(Decimal("0.0001"))):
            problems.append(f"value {value!r}, but the fraction is {part / whole}")
        return problems
    body, expected = span, "exact"
    for prefix, kind in _PREFIX.items():
        if body.startswith(prefix):
            body, expected = body[len(prefix) :], kind
            break
    # OCR read a 1 as l (l56名): the value reads the digit the page meant (RULINGS.md).
    body = _OCR_DIGIT.sub("1", body, count=1)
    match = _NUMERAL.match(body)
    if not match:
        return [*problems, "no numeral at the start of the span (after its qualifier)"]
    numeral, rest = match.group(), body[match.end() :]
    # 84万余元: 余 may sit between the numeral and its scale's end; 10余次, 30多年, 98%以上.
    for suffix, kind in _SUFFIX.items():
        if rest.startswith(suffix) or rest.endswith(suffix):
            if expected != "exact" and expected != kind:
                problems.append(f"two qualifiers disagree ({expected}, {kind})")
            expected = kind
            rest = rest[len(suffix) :] if rest.startswith(suffix) else rest[: -len(suffix)]
            break
    # 65余万元: the scale word may follow the qualifier; it scales the value, not the unit.
    scale = next((word for word in _SCALE if rest.startswith(word)), "")
    rest = rest[len(scale) :]
    if approx != expected:
        problems.append(f"approx {approx!r}, but the span's qualifier says {expected!r}")
    if not isinstance(unit, str) or not unit:
        problems.append("unit is empty")
    elif not _written(unit, rest):
        problems.append(f"unit {unit!r} is not written after the numeral ({rest!r})")
    number = _number(numeral, rest)
    if number is not None and scale:
        number *= _SCALE[scale]
    if number is None:
        problems.append(f"cannot read the numeral {numeral!r}")
    elif not isinstance(value, (int, float)) or isinstance(value, bool) or Decimal(str(value)) != number:
        problems.append(f"value {value!r}, but the span says {number}")
    return problems


def _fraction(span: str) -> tuple[Decimal | None, Decimal | None] | None:
    """The denominator and numerator of a fraction written as one (四分之一, 3/10), or None for any other span."""
    if match := _FRACTION.fullmatch(span):
        return parse_number(match[1]), parse_number(match[2])
    if match := _SLASH_FRACTION.fullmatch(span):
        return parse_number(match[2]), parse_number(match[1])
    return None


def _written(unit: str, rest: str) -> bool:
    """The unit's characters, in order, in what follows the numeral (brackets, 半 and 米四五's tail aside).

    A space the layout left before the unit (`10.5 %`: normalization keeps a space before a sign) is no part of it.
    """
    plain = re.sub(r"[()（）半]", "", _TAIL.sub("", rest)).lstrip()
    return plain == unit


# 一米四五: a spoken measure whose unit stands between the whole and the decimals (RULINGS.md).
_TAIL = re.compile(r"(?<=[米元尺])[一二三四五六七八九零〇]+$")


def _number(numeral: str, rest: str) -> Decimal | None:
    numeral = numeral.replace(" ", "").rstrip(",，")
    if numeral[:1] in "廿卅":
        numeral = {"廿": "二十", "卅": "三十"}[numeral[0]] + numeral[1:]
    if numeral and all(ch in "百千万萬" for ch in numeral):
        # 近百场, 逾千人次, 逾万项, 数千万元: a bare scale word (GUIDELINES v1.1).
        numeral = "一" + numeral
    number = parse_number(numeral)
    if number is not None and "半" in rest:
        number += Decimal("0.5")
    tail = _TAIL.search(rest)
    if number is not None and tail:
        number += Decimal("0." + "".join(str(parse_number(c)) for c in tail.group()))
    return number


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("texts", type=Path)
    args = parser.parse_args()
    try:
        lines = args.gold.read_text("utf-8").splitlines()
        gold = [json.loads(line) for line in lines if line.strip()]
    except (OSError, ValueError) as error:
        print(f"{args.gold}: {error}", file=sys.stderr)
        return 1
    problems = check(gold, args.texts)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    counts = Counter(row["label"] for row in gold)
    print(f"{args.gold.name}: {len(gold)} rows, {len({r['doc'] for r in gold})} docs, ok")
    print("  " + ", ".join(f"{label} {counts[label]}" for label in LABELS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
