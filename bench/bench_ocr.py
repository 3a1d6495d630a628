"""OCR of one real page: how long tesseract takes per language setting, and how sure it is.

    python -m bench.bench_ocr FILE.pdf [--page N]

The page is rasterised with poppler's pdftoppm at 300 dpi into an image-only PDF (what a
scanner gives), then imported the way ``pizhu import --ocr`` reads it
(``store.sources.read_source(..., ocr=True)``), once per language setting. Printed per
setting: seconds, words, mean confidence, the share of words under ``LOW_CONFIDENCE``
(shown dim in the reader) and the first of them. The figures in ``store/sources/ocr.py``
come from page 2 of Langchain-Chatchat's knowledge-base sample ``1.pdf`` (a novel's page).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def image_only_pdf(pdf: Path, page: int) -> bytes:
    """Page ``page`` (1-based) of ``pdf`` rasterised with pdftoppm into a PDF with no text layer."""
    from PIL import Image

    if shutil.which("pdftoppm") is None:
        raise SystemExit("bench_ocr: pdftoppm is missing (apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory() as folder:
        stem = Path(folder) / "page"
        subprocess.run(
            ["pdftoppm", "-r", "300", "-gray", "-png", "-f", str(page), "-l", str(page), str(pdf), str(stem)],
            check=True,
        )
        (png,) = Path(folder).glob("page*.png")
        out = Path(folder) / "scan.pdf"
        Image.open(png).save(out, resolution=300)
        return out.read_bytes()


def main(argv: list[str] | None = None) -> int:
    from pizhu.store.sources import read_source
    from pizhu.store.sources.ocr import LOW_CONFIDENCE, unavailable

    parser = argparse.ArgumentParser(prog="python -m bench.bench_ocr")
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--page", type=int, default=1)
    args = parser.parse_args(argv)
    problem = unavailable("chi_sim+chi_tra")
    if problem:
        print(f"bench_ocr: {problem}", file=sys.stderr)
        return 1
    scan = image_only_pdf(args.pdf, args.page)
    print(f"{args.pdf.name} page {args.page}, rasterised at 300 dpi ({len(scan) // 1024} KB, no text layer)")
    for lang in ("chi_sim", "chi_sim+chi_tra"):
        start = time.perf_counter()
        source = read_source(scan, ocr=True, ocr_lang=lang)
        seconds = time.perf_counter() - start
        confidences = [c for _s, _e, c in source.ocr_words]
        low = [(source.text[s:e], round(c)) for s, e, c in source.ocr_words if c < LOW_CONFIDENCE]
        mean = sum(confidences) / len(confidences) if confidences else 0.0
        print(
            f"{lang:16} {seconds:5.1f} s  {len(confidences)} words  mean confidence {mean:.1f}"
            f"  under {LOW_CONFIDENCE:.0f}: {len(low)} ({100 * len(low) / max(len(confidences), 1):.1f}%)"
        )
        print(f"{'':16} first doubtful words: {low[:8]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
