"""Benchmark: two reviewers' copies syncing through a team hub (issue 23).

A library of N reports from ``bench/generate.py`` (decode, normalize, sections and
``Store.add_document`` as ``pizhu import`` does; candidates from ``bench_scale``'s stand-in
regexes, which put spans where the extractor would at realistic densities, in a fraction
of its time) is copied to two reviewers, ann and bob; ann has made 500 decisions before
the hub exists. A throwaway PostgreSQL cluster (``tests/postgres.py``) holds the hub;
both copies reach it over its Unix socket, as their own roles.

Timed, each with ``store.hub.sync``:

- ann's first sync (the whole library and her decisions pushed), bob's first sync (his
  copy matched against the hub's, ann's decisions pulled);
- then, three times over: ann makes 100 new decisions and syncs (push), bob syncs (pull);
  and a sync with nothing to move.

Target: a sync after 100 new decisions under 2 s.

Usage: python -m bench.bench_hub [--reports 1000 10000]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

from bench.bench_scale import standin_spans
from bench.generate import generate
from pizhu.extract import EXTRACTOR_VERSION
from pizhu.extract.decode import decode
from pizhu.extract.document import prepare
from pizhu.store.db import Store
from pizhu.store.hub import grant, init, sync
from pizhu.store.records import Change
from tests.postgres import cluster


def _prepare(index: int) -> tuple[str, str, list]:
    report = generate(index, 0)
    decoded = decode(report.to_bytes())
    drafts = prepare(decoded.text)
    return f"synthetic/report_{index:06d}_{report.variant}.txt", decoded.encoding, drafts


def build(path: Path, reports: int) -> Path:
    """The library, built once per size and kept in ``bench/out``."""
    if path.exists():
        return path
    partial = path.with_name(path.name + ".building")
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    with Store(partial) as store, Pool(max(1, os.cpu_count() or 1)) as pool:
        added = 0
        index = 0
        while added < reports:
            for source, encoding, drafts in pool.imap(_prepare, range(index, index + 100), chunksize=10):
                for draft in drafts:
                    if added < reports and store.add_document(
                        source, encoding, draft, standin_spans(draft.text), EXTRACTOR_VERSION
                    ):
                        added += 1
            index += 100
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    os.replace(partial, path)
    print(f"  built {reports:,} reports in {time.perf_counter() - started:.0f} s")
    return path


def decide(store: Store, reviewer: str, n: int, rng: random.Random) -> None:
    """``n`` confirm/reject decisions on pending candidates spread over the library."""
    rows = store.read("SELECT id FROM spans WHERE origin = 'machine' ORDER BY random() LIMIT ?", [n * 3])
    made = 0
    for row in rows:
        if made == n:
            break
        try:
            store.decide(row["id"], reviewer, Change("confirm" if rng.random() < 0.85 else "reject"))
            made += 1
        except Exception:  # already decided so: take another
            continue


def timed(call: object) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()  # type: ignore[operator]
    print(f"  {time.perf_counter() - started:.2f} s", flush=True)
    return time.perf_counter() - started, result


def run(reports: int, out: Path) -> dict[str, object]:
    pg = cluster()
    base = build(out / f"hub-base-{reports}.db", reports)
    folder = Path(tempfile.mkdtemp(prefix="pizhu-bench-hub-"))
    try:
        ann_path, bob_path = folder / "ann.db", folder / "bob.db"
        shutil.copy(base, ann_path)
        shutil.copy(base, bob_path)
        database = pg.new_database()
        for role in ("ann", "bob"):
            pg.role(role)
        init(pg.url(database))
        for role in ("ann", "bob"):
            grant(pg.url(database), role)
        urls = {role: pg.url(database, role) for role in ("ann", "bob")}
        rng = random.Random(reports)
        row: dict[str, object] = {"reports": reports}
        with Store(ann_path) as ann, Store(bob_path) as bob:
            # The lexicon's spread after each decision is the app's business, not the sync's.
            ann.defer_lexicon = bob.defer_lexicon = True
            row["spans"] = ann.conn.execute("SELECT count(*) FROM spans").fetchone()[0]
            decide(ann, "ann", 500, rng)
            seconds, report = timed(lambda: sync(ann, urls["ann"]))
            row["ann first sync"] = seconds
            row["ann first moved"] = report.lines()[0]  # type: ignore[attr-defined]
            seconds, report = timed(lambda: sync(bob, urls["bob"]))
            row["bob first sync"] = seconds
            row["bob first moved"] = report.lines()[1]  # type: ignore[attr-defined]
            pushes, pulls, idle = [], [], []
            for _ in range(3):
                decide(ann, "ann", 100, rng)
                seconds, report = timed(lambda: sync(ann, urls["ann"]))
                assert report.pushed.decisions == 100, report  # type: ignore[attr-defined]
                pushes.append(seconds)
                seconds, report = timed(lambda: sync(bob, urls["bob"]))
                assert report.pulled.decisions == 100, report  # type: ignore[attr-defined]
                pulls.append(seconds)
                seconds, report = timed(lambda: sync(bob, urls["bob"]))
                assert report.pushed.total() == report.pulled.total() == 0  # type: ignore[attr-defined]
                idle.append(seconds)
            row["push 100"] = pushes
            row["pull 100"] = pulls
            row["nothing to move"] = idle
            with pg_connection(pg.url(database)) as conn:
                row["hub size"] = conn.execute(
                    "SELECT pg_size_pretty(pg_database_size(current_database()))"
                ).fetchone()[0]
        return row
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def pg_connection(url: str):  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for reports in args.reports:
        row = run(reports, args.out)
        rows.append(row)
        print(row, flush=True)
    print()
    print(
        "| reports | spans | ann's first sync | bob's first sync | push of 100 decisions (3 runs) |"
        " pull of 100 decisions (3 runs) | nothing to move | hub size |"
    )
    print("|---|---|---|---|---|---|---|---|")

    def runs(row: dict[str, object], key: str) -> str:
        values: list[float] = row[key]  # type: ignore[assignment]
        return " / ".join(f"{v:.2f}" for v in values) + f" s (median {statistics.median(values):.2f})"

    for row in rows:
        print(
            f"| {row['reports']:,} | {row['spans']:,} | {row['ann first sync']:.1f} s | {row['bob first sync']:.1f} s"
            f" | {runs(row, 'push 100')} | {runs(row, 'pull 100')} | {runs(row, 'nothing to move')}"
            f" | {row['hub size']} |"
        )
    for row in rows:
        print(
            f"\n{row['reports']:,} reports: ann's first sync: {row['ann first moved']}; bob's: {row['bob first moved']}"
        )


if __name__ == "__main__":
    main()
