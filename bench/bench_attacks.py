"""Hardening figures: each attack of issue 15 tried many times, and what it cost.

For every attack the bench counts the tries and what was lost or broken (the target is
nothing): raw control characters reaching the terminal, a victim file overwritten or an
output left a symlink, decisions missing from what a read-only reader sees, tracebacks,
files left behind, partial brat folders after a real full disk (a small tmpfs).

The read-only and full-disk attacks mount tmpfs folders, so they need root; elsewhere
they are reported as skipped.

Usage: python -m bench.bench_attacks [--tries 20]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from click.testing import CliRunner

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store.db import Store
from pizhu.store.display import is_unsafe
from pizhu.store.export import brat_stem
from pizhu.store.records import Change

PAYLOADS = (
    "\x1b]2;pwned\x07\x1b[5m",
    "\x1b[2J\x1b[H",
    "\x9b2J\x9d0;x\x9c",
    "\u202eevil\u202c",
    "\u2066\u2067\u2068\u2069",
    "\u200e\u200f\u061c",
    "\x7f\x08\x08\x08",
    "\x1b]52;c;ZXZpbA==\x07",
    "\r\x1b[K",
    "\x1bP+q\x1b\\",
)
Row = tuple[str, int, str]


def unsafe(text: str) -> int:
    return sum(1 for c in text if is_unsafe(c) and c != "\n")


def hostile_db(path: Path, payload: str) -> Path:
    store = Store(path)
    draft = prepare(f"全年征集社情民意49条,召开会议12次,{payload}王明主席出席。")[0]
    text = draft.text
    spans = [
        Span(text.index(s), text.index(s) + len(s), "FIGURE", s, {"value": 1}, f"rule{payload}", 0.5)
        for s in ("49条", "12次")
    ]
    doc = store.add_document(f"t{payload}.txt", "utf-8", draft, spans)
    assert doc is not None
    a, b = f"alice{payload}", f"bob{payload}"
    first, second = (s.id for s in store.spans(doc, ""))
    store.decide(first, a, Change("confirm"))
    store.decide(first, b, Change("reject"))
    store.decide(second, a, Change("tag", tag=f"tag{payload}"))
    store.decide(second, a, Change("confirm"))
    store.decide(second, b, Change("confirm"))
    start = text.index("王明") - len(payload)
    while text[start].isspace():  # a span never starts on whitespace
        start += 1
    store.add_span(doc, a, start, text.index("王明") + 2, "TITLE")
    store.close()
    return path


def on_terminal(args: list[str]) -> str:
    import pty
    import select

    controller, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "pizhu", *args], stdout=terminal, stderr=subprocess.DEVNULL)
    os.close(terminal)
    chunks = []
    while select.select([controller], [], [], 30)[0]:
        try:
            data = os.read(controller, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(controller)
    process.wait(30)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def terminal_control(work: Path, tries: int) -> list[Row]:
    runner = CliRunner()
    commands = (
        ["agree"],
        ["agree", "--disagreements"],
        ["agree", "--json"],
        ["stats"],
        ["stats", "--json"],
        ["merge", "OTHER"],
        ["eval", "GOLD"],
    )
    outputs = raw = 0
    terminal_outputs = terminal_raw = 0
    for n in range(tries):
        payload = PAYLOADS[n % len(PAYLOADS)]
        db = hostile_db(work / f"t{n}.db", payload)
        other = work / f"o{n}.db"
        shutil.copy(db, other)
        gold = work / f"g{n}.jsonl"
        gold.write_text(json.dumps({"doc": "t.txt", "label": f"F{payload}", "text": "12次"}) + "\n", "utf-8")
        for command in commands:
            args = [{"OTHER": str(other), "GOLD": str(gold)}.get(a, a) for a in command]
            result = runner.invoke(main, [*args, "--db", str(db)])
            outputs += 1
            raw += unsafe(result.stdout + result.stderr) > 0
        junk = work / f"bad{payload.replace(chr(0), '')}{n}.db"
        junk.write_text("junk", "utf-8")
        result = runner.invoke(main, ["stats", "--db", str(junk)])
        outputs += 1
        raw += unsafe(result.stderr) > 0
        if n < 3:  # a real terminal (pty) costs a process per export
            for fmt in ("jsonl", "csv", "conll"):
                terminal_outputs += 1
                terminal_raw += unsafe(on_terminal(["export", "--all", "--format", fmt, "--db", str(db)])) > 0
    return [
        ("terminal control in data: CLI tables, lines, JSON, errors", outputs, f"{raw} output(s) with a raw control"),
        ("terminal control in data: export on a real terminal (pty)", terminal_outputs, f"{terminal_raw} raw"),
    ]


def seeded(path: Path) -> Path:
    store = Store(path)
    draft = prepare("全年征集社情民意49条,召开会议12次。")[0]
    spans = [Span(8, 11, "FIGURE", "49条", {"value": 49}, "r", 0.5)]
    doc = store.add_document("t.txt", "utf-8", draft, spans)
    assert doc is not None
    store.decide(store.spans(doc, "")[0].id, "ann", Change("confirm"))
    store.close()
    return path


def symlinks(work: Path, tries: int) -> list[Row]:
    runner = CliRunner()
    db = seeded(work / "s.db")
    formats = ["jsonl", "csv", "conll", "brat"]
    with contextlib.suppress(ImportError):
        import spacy  # noqa: F401

        formats.append("spacy")
    attempts = victims = links = 0
    with Store(db) as store:
        stem = brat_stem({"id": 1, "title": store.document(1).title})
    for n in range(tries):
        for fmt in formats:
            folder = work / f"sym{n}{fmt}"
            folder.mkdir()
            victim = folder / "victim"
            victim.write_text("keep me", "utf-8")
            out = folder / f"gold.{fmt}"
            if fmt == "brat":
                out.mkdir()
                (out / f"{stem}.txt").symlink_to(victim)
                (out / "annotation.conf").symlink_to(victim)
            else:
                (folder / f".{out.name}.tmp").symlink_to(victim)  # the old fixed temporary name
                if n % 2:
                    out.symlink_to(victim)
            runner.invoke(main, ["export", "--format", fmt, "-o", str(out), "--db", str(db)])
            attempts += 1
            victims += victim.read_text("utf-8") != "keep me"
            links += (
                out.is_symlink() or any(p.is_symlink() for p in out.iterdir()) if out.is_dir() else out.is_symlink()
            )
    import stat

    broken = 0
    for _ in range(tries):
        for fmt in formats:
            if fmt != "brat":
                runner.invoke(main, ["export", "--format", fmt, "-o", "/dev/null", "--db", str(db)])
                broken += not stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    return [
        ("export through a planted symlink", attempts, f"{victims} victim(s) overwritten, {links} link(s) left"),
        ("export -o /dev/null", tries * (len(formats) - 1), f"{broken} time(s) /dev/null was replaced"),
    ]


def modes(work: Path, tries: int) -> list[Row]:
    runner = CliRunner()
    db = seeded(work / "m.db")
    old = os.umask(0o022)
    wrong = 0
    try:
        for n in range(tries):
            out = work / f"m{n}.jsonl"
            for _ in range(2):
                runner.invoke(main, ["export", "-o", str(out), "--db", str(db)])
                wrong += out.stat().st_mode & 0o777 != 0o644
    finally:
        os.umask(old)
    return [("re-export keeps a 0644 file 0644 (umask 022)", 2 * tries, f"{wrong} wrong mode(s)")]


@contextlib.contextmanager
def tmpfs(folder: Path, size: str = "16m") -> Iterator[bool]:
    folder.mkdir(exist_ok=True)
    mounted = (
        os.geteuid() == 0
        and not subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
        ).returncode
    )
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=False)


def read_only(work: Path, tries: int) -> list[Row]:
    runner = CliRunner()
    reads = missing = tracebacks = wal_reads = spacy = refused_lines = 0
    with tmpfs(work / "ro") as mounted:
        if not mounted:
            return [("read-only mount", 0, "skipped: needs root to mount a tmpfs")]
        live = work / "live.db"
        store = Store(live)
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        draft = prepare("全年征集社情民意49条,召开会议12次。")[0]
        doc = store.add_document("t.txt", "utf-8", draft, [Span(8, 11, "FIGURE", "49条", {}, "r", 0.5)])
        assert doc is not None
        store.decide(store.spans(doc, "")[0].id, "ann", Change("confirm"))
        ro = work / "ro"
        for suffix in ("", "-wal", "-shm"):
            shutil.copy(f"{live}{suffix}", ro / f"wal.db{suffix}")
        store.close()
        shutil.copy(live, ro / "clean.db")  # closed cleanly: the -wal was checkpointed into it
        (ro / "noshm.db").write_bytes((ro / "wal.db").read_bytes())
        (ro / "noshm.db-wal").write_bytes((ro / "wal.db-wal").read_bytes())
        subprocess.run(["mount", "-o", "remount,ro", str(ro)], check=True)
        for _ in range(tries):
            for name in ("clean.db", "wal.db"):
                for args in (["stats", "--json"], ["export"], ["agree"]):
                    result = runner.invoke(main, [*args, "--db", str(ro / name)])
                    reads += 1
                    tracebacks += result.exit_code != 0 or "Traceback" in result.output
                    if args[0] == "stats" and result.exit_code == 0:
                        missing += json.loads(result.stdout)["total"]["confirmed"] != 1
                wal_reads += name == "wal.db"
            result = runner.invoke(main, ["stats", "--db", str(ro / "noshm.db")])
            refused_lines += not (result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1)
            result = runner.invoke(main, ["export", "--format", "spacy", "-o", str(ro / "g.spacy"), "--db", str(live)])
            spacy += result.exception is not None and not isinstance(result.exception, SystemExit)
    return [
        (
            "read-only mount: stats/export/agree (with and without -wal)",
            reads,
            f"{missing} missed decision(s), {tracebacks} failure(s)",
        ),
        ("read-only mount: -wal without -shm", tries, f"{refused_lines} answer(s) not one line"),
        ("spaCy -o onto a read-only filesystem", tries, f"{spacy} traceback(s)"),
    ]


def full_disk(work: Path, tries: int) -> list[Row]:
    runner = CliRunner()
    partial = failed = 0
    with tmpfs(work / "small", "256k") as mounted:
        if not mounted:
            return [("brat export onto a full disk", 0, "skipped: needs root to mount a tmpfs")]
        db = work / "big.db"
        store = Store(db)
        for i in range(12):
            draft = prepare(f"报告{i}\n\n" + "全年征集社情民意49条,召开会议12次。" * 400 + str(i))[0]
            store.add_document(f"r{i}.txt", "utf-8", draft, [Span(8, 11, "FIGURE", "49条", {}, "r", 0.5)])
        store.close()
        small = work / "small"
        for n in range(tries):
            result = runner.invoke(
                main, ["export", "--all", "--format", "brat", "-o", str(small / f"b{n}"), "--db", str(db)]
            )
            failed += result.exit_code == 1 and "No space left" in result.stderr
            partial += any(small.iterdir())
    return [
        (
            "brat export onto a full disk (256 kB tmpfs)",
            tries,
            f"{partial} partial folder(s) left; {failed} one-line ENOSPC error(s)",
        )
    ]


def bad_input(work: Path, tries: int) -> list[Row]:
    runner = CliRunner()
    db = seeded(work / "g.db")
    lines = ["[1,2]", '"str"', "{}", '{"doc":5,"label":null}', "null", "{bad", "[" * 50000, "\xff"]
    gold_tries = gold_bad = 0
    for n in range(tries):
        for line in lines:
            gold = work / f"gold{n}.jsonl"
            gold.write_bytes(
                b'{"doc":"t.txt","label":"FIGURE","text":"49\xe6\x9d\xa1"}\n' + line.encode("utf-8", "replace")
            )
            result = runner.invoke(main, ["eval", str(gold), "--db", str(db)])
            gold_tries += 1
            one = result.stderr.strip().splitlines()
            gold_bad += not (result.exit_code == 1 and len(one) == 1 and f"{gold}, line 2" in one[0])
    fifo = work / "fifo.db"
    os.mkfifo(fifo)
    dangling = work / "dangling.db"
    dangling.symlink_to(work / "nowhere.db")
    db_tries = db_left = db_bad = 0
    for _ in range(tries):
        for target in ("/dev/null", str(fifo), str(dangling)):
            for command in (
                ["stats"],
                ["import", str(work / "gold0.jsonl")],
                ["export"],
                ["backup", str(work / "b.db")],
            ):
                before = set(os.listdir("/dev")) | set(os.listdir(work))
                result = runner.invoke(main, [*command, "--db", target])
                db_tries += 1
                db_bad += not (result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1)
                db_left += len((set(os.listdir("/dev")) | set(os.listdir(work))) - before)
    return [
        ("bad gold lines for pizhu eval", gold_tries, f"{gold_bad} answer(s) not one line naming file and line"),
        ("--db /dev/null, a pipe, a dangling link", db_tries, f"{db_left} file(s) left behind, {db_bad} not one line"),
    ]


def wal_copies(work: Path, tries: int) -> list[Row]:
    lost_cp = lost_backup = 0
    for n in range(tries):
        live = work / f"live{n}.db"
        store = Store(live)
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        draft = prepare(f"全年征集社情民意49条,召开会议12次。{n}")[0]
        doc = store.add_document("t.txt", "utf-8", draft, [Span(8, 11, "FIGURE", "49条", {}, "r", 0.5)])
        assert doc is not None
        store.decide(store.spans(doc, "")[0].id, "ann", Change("confirm"))
        shutil.copy(live, work / f"cp{n}.db")
        CliRunner().invoke(main, ["backup", str(work / f"bk{n}.db"), "--db", str(live)])
        store.close()
        try:
            with Store(work / f"cp{n}.db") as copy:
                lost_cp += not copy.decisions()
        except Exception:
            lost_cp += 1
        with Store(work / f"bk{n}.db") as copy:
            lost_backup += len(copy.decisions()) != 1
    return [
        ("copy of a live database: cp (for comparison)", tries, f"{lost_cp} copy(ies) missing the decision"),
        ("copy of a live database: pizhu backup", tries, f"{lost_backup} copy(ies) missing the decision"),
    ]


def main_() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tries", type=int, default=20)
    args = parser.parse_args()
    rows: list[Row] = []
    started = time.perf_counter()
    steps: tuple[Callable[[Path, int], list[Row]], ...] = (
        terminal_control,
        symlinks,
        modes,
        read_only,
        full_disk,
        bad_input,
        wal_copies,
    )
    for step in steps:
        with tempfile.TemporaryDirectory() as tmp:
            rows.extend(step(Path(tmp), args.tries))
    width = max(len(r[0]) for r in rows)
    print(f"{'attack':<{width}}  {'tries':>6}  lost or broken (target: nothing)")
    for attack, tries, lost in rows:
        print(f"{attack:<{width}}  {tries:>6}  {lost}")
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main_()
