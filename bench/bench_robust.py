"""Bench: how each label's F1 on the dev half falls when the same reports come in other forms (issue 21).

    python -m bench.bench_robust [--no-lac] [--variant wrap25 ...] [--misses wrap25 --label PERSON] [--write]

Unseen reports come as PDF-layout text (hard line breaks mid-sentence, inside names and
numbers, page furniture), in Traditional script (Hong Kong, Macau), with full-width digits
and swapped punctuation, and as mirrors with spam and chrome lines between the paragraphs.
The dev half is mostly clean Simplified text, so its scores say little about those forms.
This bench makes each form from every dev text and scores it against the same gold:

- ``clean``: the text as it is;
- ``wrapN`` (18, 25, 33): every line hard-wrapped at N characters (narrow newspaper columns, A4),
  as a page sets them: a digit or Latin letter takes half a CJK character's width;
- ``wrap25+page``: as ``wrap25`` with a page number and a running header line every 15 lines
  (the excerpts are short: most would fit on one A4 page);
- ``s2hk``, ``s2t``: converted by OpenCC (one character for one: a line whose phrase
  conversion changes its length is converted per character);
- ``fullwidth``: digits, Latin letters, ``%-/~+`` full-width, ASCII punctuation full-width and
  full-width punctuation ASCII;
- ``spam``: a site's chrome and boilerplate lines (分享到, 扫一扫, 责任编辑, 来源, 版权所有,
  copyright, link lists, an ad line) after every third paragraph;
- ``ocrspace``: a space between two characters after about one character in ten (OCR spacing);
  ``ocrspace5``, ``ocrspace20``: after one in five, one in twenty;
- ``ocrchars``: CJK characters OCR confuses read as their look-alike (己/已, 未/末, 人/入, 土/士,
  日/曰), about one in four of them; the gold reads the confused text too (a reviewer sees it).

The gold carries no offsets, so each gold row is first found in the clean text as an import
normalizes it (in document order), mapped back to the raw text through the import's offset
map, carried through the perturbation (which keeps a map from old to new raw positions), and
mapped forward through the normalization of the perturbed text: its text in the variant is
that stretch of the variant's normalized text, as a reviewer reads it (a line break that
normalization leaves inside a name stays in the gold, RULINGS.md "Page and text"). A row that
cannot be found in the clean text, or whose stretch in a variant holds inserted furniture, is
left out of that variant (counted). Each variant is read as ``pizhu import`` reads a .txt file
(``store.sources.read_source``, ``extract.document.prepare``) and run through the pipeline an
import stores.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from array import array
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.bench_entities import CORPUS, LABELS
from bench.score_gold import misses
from pizhu.extract.document import prepare
from pizhu.extract.evaluate import score
from pizhu.extract.models import DocumentDraft
from pizhu.store.display import score as shown
from pizhu.store.sources import read_source

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "bench_robust_results.md"

VARIANTS = (
    "clean",
    "wrap18",
    "wrap25",
    "wrap33",
    "wrap25+page",
    "s2hk",
    "s2t",
    "fullwidth",
    "spam",
    "ocrspace",
    "ocrspace5",
    "ocrspace20",
    "ocrchars",
)

# A site's chrome and boilerplate, none of it a span under the guidelines and RULINGS.md
# (a credit line's common noun is a role; spam lines carry no spans).
SPAM_LINES = (
    "分享到：微信 微博 QQ空间",
    "扫一扫 在手机打开当前页",
    "责任编辑：管理员",
    "来源：本站原创　作者：佚名",
    "【打印本页】【关闭窗口】【返回顶部】",
    "版权所有 未经授权禁止复制或建立镜像",
    "Copyright © All Rights Reserved",
    "相关链接： 首页 | 新闻中心 | 政务公开 | 联系我们 | 网站地图",
    "上一篇：无 下一篇：无",
    "免费观看高清视频在线播放-最新电影电视剧大全-精品资源每日更新",
    "亚洲精品一区二区三区-日韩欧美高清在线观看-国产视频免费播放",
)
PAGE_HEADER = "政协工作资料汇编"
PAGE_LINES = 15

_ASCII_PUNCT = ",.;:!?()"
_FULL_PUNCT = "，．；：！？（）"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_FULLWIDTH = str.maketrans(
    "0123456789%-/~+" + _LETTERS + _ASCII_PUNCT + _FULL_PUNCT,
    "０１２３４５６７８９％－／～＋" + "".join(chr(ord(c) + 0xFEE0) for c in _LETTERS) + _FULL_PUNCT + _ASCII_PUNCT,
)


@dataclass
class Perturbed:
    text: str
    position: list[int]
    """position[i]: where raw character i stands in ``text``."""
    inserted: bytearray
    """1 for every character of ``text`` the perturbation inserted (beyond whitespace)."""


class _Builder:
    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.position: list[int] = []
        self.inserted = bytearray()
        self.length = 0

    def keep(self, chars: str) -> None:
        self.pieces.append(chars)
        self.position.extend(range(self.length, self.length + len(chars)))
        self.inserted.extend(b"\0" * len(chars))
        self.length += len(chars)

    def insert(self, chars: str) -> None:
        self.pieces.append(chars)
        self.inserted.extend(0 if ch.isspace() else 1 for ch in chars)
        self.length += len(chars)

    def done(self) -> Perturbed:
        return Perturbed("".join(self.pieces), self.position, self.inserted)


def _wrap(raw: str, width: int, page: bool = False) -> Perturbed:
    """Every line set in a column ``width`` full-width characters wide (a half-width character takes half)."""
    out = _Builder()
    lines = 0
    number = 1

    def line_break() -> None:
        nonlocal lines, number
        lines += 1
        if page and lines % PAGE_LINES == 0:
            out.insert(f"\n— {number} —\n{PAGE_HEADER}")
            number += 1

    for index, line in enumerate(raw.split("\n")):
        if index:
            line_break()
            out.keep("\n")
        used = 0
        for ch in line:
            take = 2 if ch >= "\u2e80" else 1
            if used + take > 2 * width:
                line_break()
                out.insert("\n")
                used = 0
            out.keep(ch)
            used += take
    return out.done()


def _convert_one_for_one(raw: str, config: str) -> Perturbed:
    from opencc import OpenCC

    converter = OpenCC(config)
    lines = []
    for line in raw.split("\n"):
        converted = converter.convert(line)
        if len(converted) != len(line):
            chars = [converter.convert(ch) for ch in line]
            converted = "".join(c if len(c) == 1 else ch for c, ch in zip(chars, line, strict=True))
        lines.append(converted)
    text = "\n".join(lines)
    return Perturbed(text, list(range(len(raw))), bytearray(len(text)))


def _fullwidth(raw: str) -> Perturbed:
    text = raw.translate(_FULLWIDTH)
    return Perturbed(text, list(range(len(raw))), bytearray(len(text)))


def _spam(raw: str) -> Perturbed:
    """A spam or chrome line after every third paragraph (a line that ends a sentence, or a blank one)."""
    out = _Builder()
    ends = 0
    previous = ""
    for index, line in enumerate(raw.split("\n")):
        if index:
            out.keep("\n")
            if not previous.strip() or previous.rstrip()[-1] in "。！？!?；;…”":
                ends += 1
                if ends % 3 == 0:
                    out.insert(SPAM_LINES[(ends // 3) % len(SPAM_LINES)] + "\n")
        out.keep(line)
        previous = line
    return out.done()


def _ocr_spaces(raw: str, every: int = 10) -> Perturbed:
    """A space an OCR engine puts between two characters, after about one character in ``every``
    (placed by a fixed pseudo-random sequence, so every run is the same)."""
    out = _Builder()
    state = 12345
    for index, ch in enumerate(raw):
        out.keep(ch)
        state = (state * 1103515245 + 12345) % (1 << 31)
        if index + 1 < len(raw) and not ch.isspace() and not raw[index + 1].isspace() and state % every == 0:
            out.insert(" ")
    return out.done()


_LOOK_ALIKES = dict(zip("己已未末人入土士日曰", "已己末未入人士土曰日", strict=True))


def _ocr_chars(raw: str) -> Perturbed:
    """About one in four of the characters OCR confuses read as their look-alike (one for one)."""
    state = 12345
    out = []
    for ch in raw:
        if ch in _LOOK_ALIKES:
            state = (state * 1103515245 + 12345) % (1 << 31)
            if (state >> 16) % 4 == 0:
                ch = _LOOK_ALIKES[ch]
        out.append(ch)
    text = "".join(out)
    return Perturbed(text, list(range(len(raw))), bytearray(len(text)))


PERTURB: dict[str, Callable[[str], Perturbed]] = {
    "clean": lambda raw: Perturbed(raw, list(range(len(raw))), bytearray(len(raw))),
    "wrap18": lambda raw: _wrap(raw, 18),
    "wrap25": lambda raw: _wrap(raw, 25),
    "wrap33": lambda raw: _wrap(raw, 33),
    "wrap25+page": lambda raw: _wrap(raw, 25, page=True),
    "s2hk": lambda raw: _convert_one_for_one(raw, "s2hk"),
    "s2t": lambda raw: _convert_one_for_one(raw, "s2t"),
    "fullwidth": _fullwidth,
    "spam": _spam,
    "ocrspace": _ocr_spaces,
    "ocrspace5": lambda raw: _ocr_spaces(raw, 5),
    "ocrspace20": lambda raw: _ocr_spaces(raw, 20),
    "ocrchars": _ocr_chars,
}


def _read(text: str) -> tuple[str, list[DocumentDraft]]:
    """The text read as ``pizhu import`` reads a .txt file: its raw text and its reports."""
    source = read_source(text.encode("utf-8"))
    return source.text, prepare(source.text, source.layout)


def _joined(drafts: list[DocumentDraft]) -> tuple[str, array[int]]:
    """The drafts' normalized texts one after another, with each character's raw position."""
    texts = []
    positions = array("i")
    base = 0
    for draft in drafts:
        n = len(draft.normalized.text)
        texts.append(draft.normalized.text)
        positions.extend(base + o for o in draft.normalized.raw_offsets[:n])
        base += len(draft.raw)
    return "".join(texts), positions


def locate(rows: list[dict[str, Any]], text: str) -> list[tuple[int, int] | None]:
    """Where each gold row (document order; a DATE or FIGURE may nest in a TITLE) stands in ``text``."""
    found: list[tuple[int, int] | None] = []
    used: set[tuple[int, str]] = set()
    cursor = 0
    for row in rows:
        needle = row["text"]
        at = None
        for start_from in (cursor, 0):
            pos = text.find(needle, start_from)
            while pos >= 0 and (pos, row["label"]) in used:
                pos = text.find(needle, pos + 1)
            if pos >= 0:
                at = pos
                break
        if at is None:
            found.append(None)
            continue
        used.add((at, row["label"]))
        cursor = at
        found.append((at, at + len(needle)))
    return found


@dataclass
class Doc:
    name: str
    raw: str
    rows: list[dict[str, Any]]
    raw_spans: list[tuple[int, int]]
    """Each located gold row's raw (start, end)."""
    lost: int


def load_docs() -> list[Doc]:
    split = json.loads((CORPUS / "split.json").read_text("utf-8"))
    gold = [json.loads(line) for line in (CORPUS / "dev-gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in gold:
        by_doc.setdefault(row["doc"], []).append(row)
    docs = []
    for entry in split["dev"]:
        name = Path(entry).name
        raw, drafts = _read((CORPUS / "texts" / name).read_bytes().decode("utf-8", "replace"))
        text, positions = _joined(drafts)
        rows, spans = [], []
        lost = 0
        for row, at in zip(by_doc.get(name, []), locate(by_doc.get(name, []), text), strict=True):
            if at is None:
                lost += 1
                continue
            rows.append(row)
            spans.append((positions[at[0]], positions[at[1] - 1] + 1))
        docs.append(Doc(name, raw, rows, spans, lost))
    return docs


def variant_gold(doc: Doc, perturbed: Perturbed, text: str, positions: array[int]) -> tuple[list[dict[str, Any]], int]:
    """The doc's gold rows as they read in the variant's normalized text; and how many were left out."""
    rows = []
    dropped = 0
    for row, (start, end) in zip(doc.rows, doc.raw_spans, strict=True):
        a, b = perturbed.position[start], perturbed.position[end - 1] + 1
        if any(perturbed.inserted[a:b]):
            dropped += 1
            continue
        i, j = bisect_left(positions, a), bisect_left(positions, b)
        if i >= j:
            dropped += 1
            continue
        rows.append({**row, "text": text[i:j]})
    return rows, dropped


def run_variant(docs: list[Doc], variant: str, model: bool) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    from pizhu.extract.pipeline import extract_spans

    gold: list[dict[str, Any]] = []
    predicted: list[dict[str, Any]] = []
    dropped = 0
    for doc in docs:
        perturbed = PERTURB[variant](doc.raw)
        raw, drafts = _read(perturbed.text)
        if raw != perturbed.text:
            raise SystemExit(f"{doc.name} ({variant}): the import read other text than it was given")
        text, positions = _joined(drafts)
        rows, lost = variant_gold(doc, perturbed, text, positions)
        gold += rows
        dropped += lost
        for draft in drafts:
            predicted += [
                {"doc": doc.name, "label": s.label, "text": s.text, **s.attrs}
                for s in extract_spans(draft.text, model=None if model else False)
            ]
    return gold, predicted, dropped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", action="append", choices=VARIANTS, help="only these variants (and clean)")
    parser.add_argument("--no-lac", action="store_true", help="the rules alone (faster; not what an import stores)")
    parser.add_argument("--misses", choices=VARIANTS, help="list this variant's FN/FP spans")
    parser.add_argument("--label", action="append", choices=LABELS, help="with --misses: only these labels")
    parser.add_argument("--write", action="store_true", help=f"write the table to {RESULTS.relative_to(ROOT)}")
    args = parser.parse_args()
    variants = [v for v in VARIANTS if v == "clean" or not args.variant or v in args.variant]
    docs = load_docs()
    results: dict[str, dict[str, Any]] = {}
    notes = []
    for variant in variants:
        began = time.perf_counter()
        gold, predicted, dropped = run_variant(docs, variant, model=not args.no_lac)
        results[variant] = score(gold, predicted)["labels"]
        notes.append(f"{variant}: {len(gold)} gold rows, {dropped} left out, {time.perf_counter() - began:.0f} s")
        print(notes[-1], file=sys.stderr)
        if args.misses == variant:
            labels = set(args.label or LABELS)
            print("\n".join(misses(gold, predicted, labels)))
    lost = sum(d.lost for d in docs)
    lines = [
        f"F1 per label on the dev half ({len(docs)} reports) in each form; in brackets the change from clean.",
        f"Pipeline: {'the rules alone' if args.no_lac else 'rules + LAC (what an import stores)'}."
        f" {lost} gold rows not found in the clean text are left out of every form.",
        "",
        "| label | " + " | ".join(variants) + " |",
        "|---|" + "---|" * len(variants),
    ]
    for label in LABELS:
        cells = []
        base = results["clean"].get(label, {}).get("f1")
        for variant in variants:
            f1 = results[variant].get(label, {}).get("f1")
            cell = shown(f1)
            if variant != "clean" and f1 is not None and base is not None:
                delta = f1 - base
                cell += f" ({delta:+.3f})" if abs(delta) >= 0.0005 else ""
                if delta < -0.02:
                    cell = f"**{cell}**"
            cells.append(cell)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += ["", *(f"- {n}" for n in notes)]
    table = "\n".join(lines)
    print(table)
    if args.write:
        RESULTS.write_text(
            "# bench_robust results\n\n`python -m bench.bench_robust --write`"
            f"{' --no-lac' if args.no_lac else ''}\n\n{table}\n",
            "utf-8",
        )


if __name__ == "__main__":
    main()
