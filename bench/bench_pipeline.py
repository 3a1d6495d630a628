"""Benchmark: the whole pipeline (normalize, split, section, extract) against jieba.posseg.

The corpus is the seed reports, raw as imported (one of them Traditional with pinyin
glosses), repeated to ~10 MB. pizhu's pipeline runs over all of it on one core;
``jieba.posseg.cut`` with its defaults runs over a sample made of whole seed copies in
the same proportions (all of it would take a quarter of an hour), and its rate is
compared side by side. The rates are also given per script, because posseg is far
slower on Traditional text than on Simplified, and the ratio depends on the mix.

Usage: python -m bench.bench_pipeline [--mb 10] [--posseg-chars 150000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(megabytes: float) -> list[str]:
    seeds = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    target = int(megabytes * 1024 * 1024)
    texts: list[str] = []
    size = 0
    while size < target:
        text = f"第{len(texts)}份\n" + seeds[len(texts) % len(seeds)]
        texts.append(text)
        size += len(text.encode("utf-8"))
    return texts


def pipeline_rate(texts: list[str]) -> tuple[float, int]:
    from pizhu.extract.document import prepare
    from pizhu.extract.pipeline import extract_spans

    extract_spans("预热2023年12次")  # jieba's one-off start-up is not throughput
    spans = 0
    started = time.perf_counter()
    for text in texts:
        for draft in prepare(text):
            spans += len(extract_spans(draft.text))
    elapsed = time.perf_counter() - started
    return sum(len(t) for t in texts) / elapsed, spans


def posseg_rate(texts: list[str]) -> float:
    import jieba.posseg

    list(jieba.posseg.cut("预热"))
    chars = sum(len(t) for t in texts)
    started = time.perf_counter()
    for text in texts:
        for _pair in jieba.posseg.cut(text):
            pass
    return chars / (time.perf_counter() - started)


def sample(texts: list[str], limit: int) -> list[str]:
    out: list[str] = []
    total = 0
    for text in texts:
        if total >= limit:
            break
        out.append(text)
        total += len(text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--posseg-chars", type=int, default=150_000)
    args = parser.parse_args()
    texts = corpus(args.mb)
    chars = sum(len(t) for t in texts)
    print(f"corpus: {len(texts)} raw seed copies, {chars:,} characters ({args.mb:g} MB UTF-8)")
    ours, spans = pipeline_rate(texts)
    theirs = posseg_rate(sample(texts, args.posseg_chars))
    print(f"{'':<34}{'chars/s':>12}")
    print(f"{'pizhu pipeline (whole corpus)':<34}{ours:>12,.0f}   {spans:,} spans")
    print(f"{'jieba.posseg.cut (same mix)':<34}{theirs:>12,.0f}")
    print(f"{'ratio':<34}{ours / theirs:>12.1f} x")
    from pizhu.extract.document import prepare

    simplified = [t for t in texts[: 5 * 10] if prepare(t)[0].script == "simplified"]
    traditional = [t for t in texts[: 5 * 10] if prepare(t)[0].script == "traditional"]
    for name, part in (("simplified only", simplified), ("traditional only", traditional)):
        ours_part, _ = pipeline_rate(part)
        theirs_part = posseg_rate(sample(part, args.posseg_chars // 3))
        print(
            f"{name:<20} pipeline {ours_part:>10,.0f}  posseg {theirs_part:>10,.0f}"
            f"  ratio {ours_part / theirs_part:>6.1f} x"
        )


if __name__ == "__main__":
    main()
