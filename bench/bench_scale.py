"""Benchmark: a team-sized database (10,000 reports, over 1,000,000 spans) and the store at that size.

``build_scale_db()`` builds the database once from ``bench/generate.py`` reports and
caches it at ``bench/out/scale.db``; the app's screen timings can reuse it:

    from bench.bench_scale import build_scale_db
    store = Store(build_scale_db())

Reports go through the real pipeline (decode, normalize, split, sections) and
``Store.add_document``, one transaction each, as ``pizhu import`` does. Spans come from
``extract.pipeline.extract_spans`` when it exists, else from a stand-in that finds the
same kinds of things (figures, dates, names, organisations) with regular expressions,
so that the store sees realistic positions and densities either way. Eight reviewers'
decisions are added: one has worked the queue (least confident first), the others
document by document.

Then it times, on that database, what the app and the CLI do:

- the library (``Store.documents``) and the queue (``Store.queue``), from a fresh open;
- a section move: ``Store.sections`` + ``Store.spans`` of one document, p50/p95/max;
- ``pizhu stats`` (if the command exists yet; else ``store.stats.compute`` if it exists);
- ``pizhu export --all`` to a file, in its own process, with its peak RSS.

Usage: python -m bench.bench_scale [--reports 10000] [--db bench/out/scale.db] [--rebuild]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import multiprocessing
import os
import random
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.generate import generate
from pizhu.extract import EXTRACTOR_VERSION
from pizhu.extract.decode import decode
from pizhu.extract.document import prepare
from pizhu.extract.models import DocumentDraft, Normalized, Span
from pizhu.store import review
from pizhu.store.db import Store

ROOT = Path(__file__).resolve().parents[1]

DEFAULT_DB = ROOT / "bench" / "out" / "scale.db"
REVIEWERS = [f"r{i}" for i in range(8)]
FRAME_MS = 1000 / 60


# --- spans ---------------------------------------------------------------------------

_FIGURE_RE = re.compile(
    r"(?:近|约|超过|共|累计|共计)?\d+(?:\.\d+)?(?:余|多)?(?:人\(次\)|万元|亿元|元|次|件|条|篇|期|项|个|场|家|名|%)"
    r"|第\d+(?:辑|期|次|届)"
)
_DATE_RE = re.compile(r"(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?")
_ORG_RE = re.compile(r"区委|区政府|区人民检察院|区纪委监委|民革|民盟|民建|农工党|工商联|统战部|\w{1,4}(?:委员会)")
_PERSON_RE = re.compile(r"(?<=主席|书记|市长|委员|常委|主任)[\u4e00-\u9fff]{2,3}(?=带领|出席)")
_CN = "一二三四五六七八九十"
_MEETING_RE = re.compile(rf"[{_CN}]届[{_CN}]次会议|(?:常委|主席)会议|专题协商会|双月协商座谈会")


def standin_spans(text: str) -> list[Span]:
    """Spans where the real extractor would put them, for when it is not there yet."""
    spans = []
    for label, pattern, rule in (
        ("FIGURE", _FIGURE_RE, "standin.figure"),
        ("DATE", _DATE_RE, "standin.date"),
        ("ORG", _ORG_RE, "standin.org"),
        ("PERSON", _PERSON_RE, "standin.person"),
        ("MEETING", _MEETING_RE, "standin.meeting"),
    ):
        for match in pattern.finditer(text):
            # Confidence varies per span so the queue's order is not a handful of ties.
            confidence = round(0.3 + (hash((match.start(), label)) % 700) / 1000, 3)
            spans.append(Span(match.start(), match.end(), label, match.group(), {}, rule, confidence))
    return spans


def span_source() -> tuple[str, Callable[[str], list[Span]]]:
    try:
        from pizhu.extract.pipeline import extract_spans
    except ImportError:
        return "stand-in regexes (extract.pipeline not there yet)", standin_spans
    return "pizhu.extract.pipeline.extract_spans", extract_spans


def _prepare_one(index_seed: tuple[int, int]) -> tuple[str, str, list[tuple[DocumentDraft, list[Span]]]]:
    """Worker: one generated report through decode, prepare and extraction."""
    index, seed = index_seed
    report = generate(index, seed)
    decoded = decode(report.to_bytes())
    _name, extract = span_source()
    drafts = prepare(decoded.text)
    source = f"synthetic/report_{index:06d}_{report.variant}.txt"
    return source, decoded.encoding, [(draft, extract(draft.text)) for draft in drafts]


# --- building ----------------------------------------------------------------------------


def copy_of(draft: DocumentDraft, number: int) -> DocumentDraft:
    """``draft`` with a line naming copy ``number`` after its text: a report of its own (its
    own text and raw hash), with the same sections, spans and positions as the original."""
    tail = f"\n（副本 {number}）"
    raw = draft.raw + tail
    offsets = array("q", draft.normalized.raw_offsets[:-1])
    offsets.extend(range(len(draft.raw), len(raw) + 1))
    last = draft.sections[-1]
    sections = (*draft.sections[:-1], dataclasses.replace(last, end=last.end + len(tail)))
    return dataclasses.replace(draft, raw=raw, normalized=Normalized(draft.text + tail, offsets), sections=sections)


def _prepared(index: int, seed: int, distinct: int, pool: Any) -> Iterator[tuple[str, str, list[Any]]]:
    """Reports from ``index`` on; with ``distinct``, the first ``distinct`` go through the
    pipeline and the rest are copies of them (``copy_of``), for a large database in minutes."""
    if not distinct:
        while True:
            batch = [(i, seed) for i in range(index, index + 200)]
            index += len(batch)
            yield from pool.imap(_prepare_one, batch, chunksize=8)
    originals = list(pool.imap(_prepare_one, [(i, seed) for i in range(distinct)], chunksize=8))
    while True:
        source, encoding, drafts = originals[index % distinct]
        if index >= distinct:
            source = source.replace(".txt", f".copy{index}.txt")
            drafts = [(copy_of(draft, index), spans) for draft, spans in drafts]
        index += 1
        yield source, encoding, drafts


def replicate(conn: sqlite3.Connection, reports: int) -> int:
    """Copy the stored reports (with their sections, spans and counts) until there are ``reports``.

    For a database too large to extract in the time at hand: copy ``k`` of report ``id`` is
    report ``id + k * n`` with its spans' ids moved the same way, its ``source``,
    ``source_hash``, ``content_hash`` and span ``uid``\\s marked with the copy, and its text
    as it was. The span indexes are dropped for the copy and made again after (one sort
    each, instead of millions of inserts in random places). Returns the reports added.
    """
    n, top = conn.execute("SELECT count(*), max(id) FROM documents").fetchone()
    assert n == top, "replicate needs documents numbered 1..n"
    spans_top = conn.execute("SELECT coalesce(max(id), 0) FROM spans").fetchone()[0]
    assert not conn.execute("SELECT 1 FROM document_sources UNION ALL SELECT 1 FROM ocr_words").fetchone()

    def columns(table: str) -> list[str]:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]

    def copy(table: str, changed: dict[str, str], where: str) -> None:
        names = columns(table)
        chosen = ", ".join(changed.get(name, name) for name in names)
        quoted = ", ".join(f'"{name}"' for name in names)
        conn.execute(f"INSERT INTO {table} ({quoted}) SELECT {chosen} FROM {table} WHERE {where}")

    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'spans' AND sql IS NOT NULL"
    ).fetchall()
    conn.execute("PRAGMA cache_size = -2000000")
    conn.execute("BEGIN IMMEDIATE")
    for name, _sql in indexes:
        conn.execute(f"DROP INDEX {name}")
    k = 0
    while (k + 1) * n < reports:
        k += 1
        docs, spans, mark = k * n, k * spans_top, f"'copy{k}'"
        limit = f"id + {docs} <= {reports}"
        copy(
            "documents",
            {
                "id": f"id + {docs}",
                "source": f"source || '#' || {mark}",
                "content_hash": f"content_hash || ':' || {mark}",
                "source_hash": f"source_hash || ':' || {mark}",
            },
            f"id <= {n} AND {limit}",
        )
        doc_limit = f"document_id <= {n} AND document_id + {docs} <= {reports}"
        copy("sections", {"id": "NULL", "document_id": f"document_id + {docs}"}, doc_limit)
        copy(
            "spans",
            {"id": f"id + {spans}", "document_id": f"document_id + {docs}", "uid": f"uid || ':' || {mark}"},
            doc_limit,
        )
        copy("candidate_counts", {"document_id": f"document_id + {docs}"}, doc_limit)
    for _name, sql in indexes:
        conn.execute(sql)
    conn.execute("COMMIT")
    return conn.execute("SELECT count(*) FROM documents").fetchone()[0] - n


def build_scale_db(
    path: Path = DEFAULT_DB,
    reports: int = 10_000,
    seed: int = 0,
    rebuild: bool = False,
    quiet: bool = False,
    distinct: int = 0,
    stored: int = 0,
) -> Path:
    """The scale database at ``path``, built if it is missing or too small; returns its path.

    The build goes to a temporary file renamed into place at the end, so an interrupted
    build never leaves a half database that a later run would take for the real one.
    ``distinct``: extract only that many reports and make the rest copies of them
    (``copy_of``); ``stored``: store only that many through ``Store.add_document`` and
    copy them in SQL for the rest (``replicate``). With both, 100,000 reports build in
    minutes instead of hours.
    """
    if path.exists() and not rebuild:
        with Store(path) as store:
            count = store.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        if count >= reports:
            return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".building")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    store = Store(partial)
    added = 0
    wanted = min(stored, reports) if stored else reports
    with multiprocessing.Pool(max(1, (os.cpu_count() or 2))) as pool:
        for source, encoding, drafts in _prepared(0, seed, distinct, pool):
            for draft, spans in drafts:
                if added < wanted and store.add_document(source, encoding, draft, spans, EXTRACTOR_VERSION):
                    added += 1
                    if not quiet and added % 500 == 0:
                        print(
                            f"\r  built {added:,} reports in {time.perf_counter() - started:.0f} s", end="", flush=True
                        )
            if added >= wanted:
                break
    if not quiet:
        print()
    if added < reports:
        replicate(store.conn, reports)
    add_decisions(store, seed)
    # No ANALYZE: a team's database never gets one, so the planner works without statistics here too.
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    os.replace(partial, path)
    for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    return path


def add_decisions(store: Store, seed: int, queue_worker: int = 50_000, per_reviewer: int = 10_000) -> int:
    """Eight reviewers' worth of confirm/reject decisions, with the state ``Store.decide`` keeps.

    ``r0`` has worked the queue from its least confident end, the worst case for the
    queue query (everything it must skip comes first); r1..r7 went document by document.
    Written in bulk for speed, then the state tables rebuilt from the log by ``store.review``.
    """
    rng = random.Random(seed)
    conn = store.conn
    columns = "id, document_id, label, start, end, text, attrs"
    queue_rows = conn.execute(
        f"SELECT {columns} FROM spans WHERE origin = 'machine' ORDER BY confidence, document_id, start LIMIT ?",
        (queue_worker,),
    ).fetchall()
    plans: list[tuple[str, list[tuple[Any, ...]]]] = [("r0", queue_rows)]
    doc_count = conn.execute("SELECT max(id) FROM documents").fetchone()[0]
    for reviewer in REVIEWERS[1:]:
        first = rng.randint(1, max(1, doc_count - 200))
        rows = conn.execute(
            f"SELECT {columns} FROM spans WHERE document_id >= ? AND origin = 'machine' ORDER BY document_id, start"
            " LIMIT ?",
            (first, per_reviewer),
        ).fetchall()
        plans.append((reviewer, rows))
    t0 = dt.datetime(2024, 3, 1, 8, tzinfo=dt.timezone.utc)
    total = 0
    conn.execute("BEGIN IMMEDIATE")
    for reviewer, rows in plans:
        batch = []
        for span_id, doc_id, label, start, end, text, attrs in rows:
            before = {"status": "pending", "label": label, "start": start, "end": end, "text": text}
            before |= {"attrs": json.loads(attrs or "{}"), "tags": []}
            action = "confirm" if rng.random() < 0.85 else "reject"
            after = dict(before, status="confirmed" if action == "confirm" else "rejected")
            stamp = (t0 + dt.timedelta(milliseconds=total + len(batch))).isoformat(timespec="microseconds")
            batch.append(
                (span_id, doc_id, reviewer, action, _dump(before), _dump(after), None, stamp, uuid.uuid4().hex, "{}")
            )
        conn.executemany(
            "INSERT INTO decisions (span_id, document_id, reviewer, action, before, after, ref, at, uid, payload,"
            " origin, guidelines) VALUES (?,?,?,?,?,?,?,?,?,?,'bench','1.1')",
            batch,
        )
        total += len(batch)
    # The state tables, as review.append keeps them decision by decision.
    review.rebuild(conn)
    conn.execute("COMMIT")
    return total


def _dump(state: dict[str, Any]) -> str:
    return json.dumps(state, ensure_ascii=False, sort_keys=True)


# --- measuring ---------------------------------------------------------------------------


def timed(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """Best-of-``repeat`` wall time in seconds, and the last result."""
    best = float("inf")
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


def cold_open(path: Path, fn: Callable[[Store], Any]) -> float:
    """Open a fresh Store (as the app does on start) and run ``fn``; seconds for both."""
    started = time.perf_counter()
    with Store(path) as store:
        fn(store)
    return time.perf_counter() - started


def section_moves(path: Path, samples: int = 300, seed: int = 1) -> list[float]:
    rng = random.Random(seed)
    with Store(path) as store:
        ids = store.document_ids()
        times = []
        for doc_id in rng.sample(ids, min(samples, len(ids))):
            reviewer = rng.choice(REVIEWERS)
            started = time.perf_counter()
            sections = store.sections(doc_id)
            spans = store.spans(doc_id, reviewer)
            times.append(time.perf_counter() - started)
            assert sections and spans is not None
    return times


def run_cli(args: list[str]) -> tuple[float, int, str]:
    """Run ``pizhu ARGS`` in a fresh process: (seconds, peak RSS in MB, stderr).

    The child runs under a small Python wrapper whose only child is pizhu, so
    ``RUSAGE_CHILDREN`` reports pizhu's own peak and nothing else's.
    """
    wrapper = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        "p = subprocess.run([sys.executable, '-c', 'import sys; from pizhu.cli import main; sys.exit(main())']"
        " + sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True);"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode);"
        "sys.stderr.write(p.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *args], capture_output=True, text=True, check=True, cwd=str(ROOT)
    )
    seconds, peak_kb, code = done.stdout.split()
    if int(code) != 0:
        raise RuntimeError(f"pizhu {' '.join(args)} failed: {done.stderr.strip()}")
    return float(seconds), int(peak_kb) // 1024, done.stderr


def has_stats_command() -> bool:
    from pizhu.cli import main

    return "stats" in main.commands  # type: ignore[attr-defined]


def measure(path: Path) -> Iterator[tuple[str, str, str, str]]:
    """Rows of (what, figure, target, verdict)."""

    def verdict(ok: bool) -> str:
        return "ok" if ok else "OVER"

    with Store(path) as store:
        documents = store.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        spans = store.conn.execute("SELECT count(*) FROM spans").fetchone()[0]
        decisions = store.conn.execute("SELECT count(*) FROM decisions").fetchone()[0]
        sections = store.conn.execute("SELECT count(*) FROM sections").fetchone()[0]
        schema = store.schema_version()
    size = path.stat().st_size / 1024 / 1024
    yield "database", f"{documents:,} docs, {sections:,} sections, {spans:,} spans", ">=10k, >=1M", "ok"
    yield "", f"{decisions:,} decisions, {size:,.0f} MB, schema {schema}", "", ""

    for reviewer in ("r0", "r3", "newcomer"):
        seconds = max(cold_open(path, lambda s, r=reviewer: s.documents(r)) for _ in range(3))
        yield f"library: open + documents({reviewer})", f"{seconds * 1000:,.0f} ms", "< 1 s", verdict(seconds < 1)
    for reviewer, label in (("r0", None), ("r3", None), ("newcomer", None), ("r0", "PERSON")):
        seconds = max(cold_open(path, lambda s, r=reviewer, lb=label: s.queue(r, lb)) for _ in range(3))
        name = f"queue: open + queue({reviewer}{', ' + label if label else ''})"
        yield name, f"{seconds * 1000:,.0f} ms", "< 1 s", verdict(seconds < 1)

    moves = sorted(section_moves(path))
    p50, p95, worst = statistics.median(moves), moves[int(len(moves) * 0.95)], moves[-1]
    yield (
        f"section move: sections+spans ({len(moves)} docs)",
        f"p50 {p50 * 1000:.1f} / p95 {p95 * 1000:.1f} / max {worst * 1000:.1f} ms",
        f"< {FRAME_MS:.1f} ms",
        verdict(p95 * 1000 < FRAME_MS),
    )

    if has_stats_command():
        seconds, peak, _ = run_cli(["stats", "--db", str(path)])
        yield "pizhu stats (subprocess)", f"{seconds:.2f} s, peak {peak} MB", "< 2 s", verdict(seconds < 2)
    else:
        try:
            from pizhu.store.stats import compute
        except ImportError:
            yield "pizhu stats", "not measured: no stats command or store.stats yet", "< 2 s", "n/a"
        else:
            with Store(path) as store:
                seconds, _ = timed(lambda: compute(store, "r0"), repeat=1)
            yield "store.stats.compute (no CLI command yet)", f"{seconds:.2f} s", "< 2 s", verdict(seconds < 2)

    from pizhu.store.agree import disagreements

    seconds = max(cold_open(path, disagreements) for _ in range(3))
    with Store(path) as store:
        listed = len(disagreements(store))
    yield (
        "adjudication list: open + disagreements()",
        f"{seconds * 1000:,.0f} ms, {listed:,} disagreements",
        "< 1 s",
        verdict(seconds < 1),
    )
    seconds, peak, _ = run_cli(["agree", "--db", str(path)])
    yield (
        "pizhu agree (subprocess)",
        f"{seconds:.2f} s, peak {peak} MB",
        "< 2 s, < 300 MB",
        verdict(seconds < 2 and peak < 300),
    )
    seconds, peak, _ = run_cli(["agree", "--disagreements", "--db", str(path)])
    yield (
        "pizhu agree --disagreements (subprocess)",
        f"{seconds:.2f} s, peak {peak} MB",
        "< 2 s, < 300 MB",
        verdict(seconds < 2 and peak < 300),
    )

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "all.jsonl"
        seconds, peak, _ = run_cli(["export", "--all", "--db", str(path), "-o", str(out)])
        lines = sum(1 for _ in out.open("rb"))
        megabytes = out.stat().st_size / 1024 / 1024
        yield (
            "pizhu export --all -o FILE",
            f"{seconds:.1f} s, {lines:,} docs, {megabytes:,.0f} MB, peak RSS {peak} MB",
            "peak < 300 MB",
            verdict(peak < 300 and lines == documents),
        )


def print_table(rows: list[tuple[str, str, str, str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    header = ("measurement", "figure", "target", "")
    widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument(
        "--stored", type=int, default=0, help="store this many reports one by one, copy them in SQL for the rest"
    )
    parser.add_argument(
        "--distinct", type=int, default=0, help="extract this many reports, copy them for the rest (0: all distinct)"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    name, _ = span_source()
    print(f"spans from: {name}")
    path = build_scale_db(
        args.db, args.reports, args.seed, rebuild=args.rebuild, distinct=args.distinct, stored=args.stored
    )
    print(f"database ready in {time.perf_counter() - started:.0f} s: {path}")
    rows = []
    for row in measure(path):
        rows.append(row)
        print("  " + " | ".join(row), flush=True)
    print()
    print_table(rows)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"\n(benchmark process peak RSS {peak} MB)")


if __name__ == "__main__":
    main()
