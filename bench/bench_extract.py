"""Benchmark extract_spans against jieba.posseg on report-like text.

The seeds are normalized and repeated to about 2 MB; extract_spans runs over the whole
text on one core, and jieba.posseg.cut (the slow tagger this project avoids) over a
slice, so the two chars/s figures can be compared side by side.

    python -m bench.bench_extract [--mb 2] [--posseg-chars 100000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pizhu.extract.normalize import normalize
from pizhu.extract.pipeline import extract_spans

ROOT = Path(__file__).resolve().parents[1]


def _report_text(megabytes: float) -> str:
    seeds = "\n".join(normalize(p.read_text("utf-8")).text for p in sorted((ROOT / "seeds").glob("*.txt")))
    target = int(megabytes * 1_000_000 / 3)  # CJK is 3 bytes a character in UTF-8
    return (seeds + "\n") * max(1, target // (len(seeds) + 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="size of the repeated seed text in MB (UTF-8)")
    parser.add_argument("--posseg-chars", type=int, default=100_000, help="characters given to jieba.posseg")
    args = parser.parse_args()

    text = _report_text(args.mb)
    extract_spans("预热:2024年12次")  # build jieba and the lexicons outside the timing
    start = time.perf_counter()
    spans = extract_spans(text)
    elapsed = time.perf_counter() - start
    ours = len(text) / elapsed

    import jieba
    import jieba.posseg

    jieba.setLogLevel(40)
    sample = text[: args.posseg_chars]
    list(jieba.posseg.cut("预热"))
    start = time.perf_counter()
    for _pair in jieba.posseg.cut(sample):
        pass
    posseg = len(sample) / (time.perf_counter() - start)

    print(f"text: {len(text):,} chars ({len(text.encode('utf-8')) / 1e6:.1f} MB), {len(spans):,} spans")
    print(f"extract_spans:    {ours:12,.0f} chars/s  ({elapsed:.2f} s)")
    print(f"jieba.posseg.cut: {posseg:12,.0f} chars/s  (on {len(sample):,} chars)")
    print(f"ratio:            {ours / posseg:12.1f} x")


if __name__ == "__main__":
    main()
