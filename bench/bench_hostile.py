"""Peak memory and time of importing hostile files (issue 26), each in a fresh process.

The files are generated here: a Word file that unzips to gigabytes, one of 300,000 empty
paragraphs, a 50 MB text file (past the text limit), text files of 0.5, 1 and 2 MB (under
it, distinct generated reports: memory per MB of text), a file of only a byte order mark, and a GB18030 page that
declares Big5. Each is imported with ``pizhu import`` into a new database in its own
process; the table gives the outcome line, the seconds and the process's peak resident
memory (and MB of memory per MB of text for the text files).

    python -m bench.bench_hostile                    # all of them (about a minute)
    python -m bench.bench_hostile --out bench/bench_hostile_results.md
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_RUN = """
import json, resource, sys, time
from click.testing import CliRunner
from pizhu.cli import main
started = time.perf_counter()
result = CliRunner().invoke(main, ["import", sys.argv[1], "--db", sys.argv[2]])
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
lines = [l for l in result.output.splitlines() if l.strip()]
print(json.dumps({"seconds": seconds, "peak_mb": peak, "exit": result.exit_code, "said": lines}))
"""


def docx_bytes(body: str, padding: int = 0) -> bytes:
    """A minimal Word file with ``body`` (WordprocessingML paragraphs) and a part of ``padding`` zero bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
            'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.'
            f'openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>',
        )
        if padding:
            chunk = 16 * 1024 * 1024
            with z.open("word/media/padding.bin", "w", force_zip64=True) as part:
                for written in range(0, padding, chunk):
                    part.write(b"\0" * min(chunk, padding - written))
    return out.getvalue()


def _text(megabytes: float) -> bytes:
    """Distinct generated reports (repeating one would import once and skip the copies)."""
    from bench.generate import generate

    want = int(megabytes * 1024 * 1024)
    parts: list[bytes] = []
    size = index = 0
    while size < want:
        part = generate(index, seed=26).text.encode("utf-8") + b"\n\n"
        parts.append(part)
        size += len(part)
        index += 1
    return b"".join(parts)


def make_files(folder: Path) -> dict[str, Path]:
    files = {
        "docx-bomb-1GB.docx": docx_bytes("<w:p><w:r><w:t>正文</w:t></w:r></w:p>", padding=1024 * 1024 * 1024),
        "docx-300k-paragraphs.docx": docx_bytes("<w:p/>" * 300_000),
        "text-50MB.txt": _text(1) * 50,  # refused before it is read: repeating is fine here
        "text-0.5MB.txt": _text(0.5),
        "text-1MB.txt": _text(1),
        "text-2MB.txt": _text(2),
        "bom-only.txt": b"\xef\xbb\xbf",
        "gb18030-declared-big5.html": (
            '<html><head><meta charset="big5"><title>政协工作报告</title></head><body>'
            + "<p>全年召开常委会会议5次，提出提案120件，办结率100%。</p>" * 50
            + "</body></html>"
        ).encode("gb18030"),
    }
    paths = {}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths[name] = path
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="pizhu-hostile-") as tmp:
        folder = Path(tmp)
        for name, path in make_files(folder).items():
            db = folder / f"{name}.db"
            started = time.perf_counter()
            run = subprocess.run(
                [sys.executable, "-c", _RUN, str(path), str(db)], capture_output=True, text=True, timeout=1800
            )
            wall = time.perf_counter() - started
            try:
                said = json.loads(run.stdout.strip().splitlines()[-1])
            except (IndexError, ValueError):
                said = {"seconds": wall, "peak_mb": float("nan"), "exit": run.returncode, "said": [run.stderr[-200:]]}
            size_mb = path.stat().st_size / (1024 * 1024)
            per_mb = said["peak_mb"] / size_mb if name.startswith("text-") and said["exit"] == 0 else None
            outcome = " / ".join(said["said"])[:150].replace("|", "\\|")
            rows.append((name, size_mb, said["seconds"], said["peak_mb"], per_mb, said["exit"], outcome))
            print(f"{name}: {said['seconds']:.1f} s, {said['peak_mb']:.0f} MB peak, exit {said['exit']}: {outcome}")
    lines = [
        "| file | size MB | seconds | peak MB | peak MB per MB of text | exit | what pizhu said |",
        "|---|---|---|---|---|---|---|",
        *(
            f"| {n} | {s:.2f} | {t:.1f} | {p:.0f} | {'' if m is None else f'{m:.0f}'} | {e} | {o} |"
            for n, s, t, p, m, e, o in rows
        ),
    ]
    texts = sorted(
        (size, peak) for name, size, _t, peak, _m, code, _o in rows if name.startswith("text-") and code == 0
    )
    if len(texts) >= 2 and texts[-1][0] > texts[0][0]:
        slope = (texts[-1][1] - texts[0][1]) / (texts[-1][0] - texts[0][0])
        lines += [
            "",
            f"memory per MB of text, from {texts[0][0]:.1f} to {texts[-1][0]:.1f} MB: {slope:.1f} MB"
            f" (on a base of {texts[0][1]:.0f} MB: the libraries and models, whatever the file)",
        ]
    print("\n".join(lines))
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
