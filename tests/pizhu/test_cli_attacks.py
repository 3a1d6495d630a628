"""Hardening, round two: what an attacker or a careless user tried, and what must hold.

- data on a terminal: every unsafe character (C0, C1, DEL, bidi controls) reaches the
  terminal only as a visible stand-in, through every CLI output (tables, lines, JSON,
  errors), and export to a real terminal (a pty) too;
- output files: a planted symlink is never followed, modes follow the umask or the
  replaced file, a read-only filesystem gives one line, a failed brat export leaves no folder;
- read-only places: a database on a read-only mount is read (immutable only without a
  ``-wal``), or refused in one line that names the way out; ``pizhu backup`` copies a live database;
- bad gold files and a ``--db`` that is not a regular file: one line, nothing left behind;
- ``OffsetMap.span_to_raw`` maps the end through the last character.
"""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store import fileio
from pizhu.store.db import Store
from pizhu.store.display import BIDI_CONTROLS, is_unsafe, json_for_terminal, one_line, visible
from pizhu.store.records import Change, OffsetMap

ROOT = Path(__file__).resolve().parents[2]
ESCAPES = "\x1b]2;pwned\x07\x1b[5m\x9b2J\u202e\u2066\u2069\u200e\u200f\u061c\x7f\x00\x08\r"
TEXT = f"全年征集社情民意49条,捐款捐物93.35万元。召开会议12次,{ESCAPES}王明主席出席。"


def unsafe_in(output: str) -> list[str]:
    return sorted({repr(c) for c in output if is_unsafe(c) and c != "\n"})


# --- the sanitizer ---------------------------------------------------------------------------


def test_visible_covers_every_control_and_bidi_character_and_keeps_the_length() -> None:
    every = "".join(map(chr, range(0x110000))).replace("\ud800", "")  # surrogates cannot be in str text anyway
    every = "".join(c for c in every if not 0xD800 <= ord(c) <= 0xDFFF)
    shown = visible(every)
    assert len(shown) == len(every)
    unsafe = {ord(c) for c in every if is_unsafe(c)}
    assert set(range(0x20)) - {10} <= unsafe and 0x7F in unsafe and set(range(0x80, 0xA0)) <= unsafe
    assert {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C} <= unsafe
    assert BIDI_CONTROLS <= unsafe
    assert not any(is_unsafe(c) for c in shown if c != "\n")
    # Everything else goes through untouched: Chinese text, punctuation, the middle dot of names.
    assert visible("阿卜杜·热合曼，2023年“十四五”") == "阿卜杜·热合曼，2023年“十四五”"
    assert visible("a\x1bb\tc\u202ed\x9be") == "a\u241bb\u2409c\u00b7d\ufffde"
    assert one_line("a\nb") == "a\u2424b" and visible("a\nb") == "a\nb"


def test_json_for_terminal_is_the_same_data() -> None:
    value = {"text": ESCAPES + "中文\n", "tags": [ESCAPES]}
    raw = json.dumps(value, ensure_ascii=False, indent=2)
    safe = json_for_terminal(raw)
    assert json.loads(safe) == value
    assert unsafe_in(safe) == []


def test_the_tui_draws_text_through_the_one_sanitizer() -> None:
    from pizhu.tui.widgets import section_view

    assert section_view.visible is visible
    assert section_view.visible(ESCAPES) == visible(ESCAPES)


# --- CLI output ------------------------------------------------------------------------------


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    """Two reviewers with escape sequences in their names disagree on spans whose text holds them too."""
    path = tmp_path / "hostile.db"
    store = Store(path)
    draft = prepare(TEXT)[0]
    text = draft.text
    start = text.index("12次")
    spans = [
        Span(start, start + 3, "FIGURE", "12次", {"value": 12}, f"rule{ESCAPES}", 0.5),
        Span(text.index("49条"), text.index("49条") + 3, "FIGURE", "49条", {"value": 49}, "r", 0.5),
    ]
    doc = store.add_document(f"t{ESCAPES}.txt", "utf-8", draft, spans)
    assert doc is not None
    a, b = f"alice{ESCAPES}", f"bob{ESCAPES}"
    first, second = (s.id for s in store.spans(doc, ""))
    store.decide(first, a, Change("confirm"))
    store.decide(first, b, Change("reject"))
    store.decide(second, a, Change("tag", tag=f"tag{ESCAPES}"))
    store.decide(second, a, Change("confirm"))
    store.decide(second, b, Change("confirm"))
    title_start = text.index("王明")
    store.add_span(doc, a, title_start - len(ESCAPES), title_start + 2, "TITLE")
    store.close()
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["agree"],
        ["agree", "--disagreements"],
        ["agree", "--json"],
        ["stats"],
        ["stats", "--json"],
        ["merge", "--json", "OTHER"],
        ["merge", "OTHER"],
    ],
)
def test_no_cli_output_lets_data_drive_the_terminal(hostile_db: Path, tmp_path: Path, args: list[str]) -> None:
    other = tmp_path / "other.db"
    shutil.copy(hostile_db, other)
    args = [str(other) if a == "OTHER" else a for a in args]
    result = CliRunner().invoke(main, [*args, "--db", str(hostile_db)])
    assert result.exit_code == 0, result.output
    assert unsafe_in(result.stdout + result.stderr) == []
    if "--json" in args:
        json.loads(result.stdout)  # still JSON, with the escapes written as \u escapes


def test_agree_disagreements_shows_the_title_span_as_pictures(hostile_db: Path) -> None:
    result = CliRunner().invoke(main, ["agree", "--disagreements", "--db", str(hostile_db)])
    assert result.exit_code == 0
    assert "\u241b]2;pwned\u2407" in result.stdout  # ESC ] 2 ; … BEL: the title change, drawn


def test_eval_table_shows_labels_from_the_gold_file_as_data(hostile_db: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "t.txt", "label": f"FIG{ESCAPES}", "text": "12次"}) + "\n", "utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), "--db", str(hostile_db)])
    assert result.exit_code == 0, result.output
    assert "FIG\u241b" in result.stdout and unsafe_in(result.stdout) == []


def test_error_lines_show_a_hostile_path_as_data(tmp_path: Path) -> None:
    junk = tmp_path / f"db{ESCAPES.replace(chr(0), '')}"
    junk.write_text("not a database", "utf-8")
    result = CliRunner().invoke(main, ["stats", "--db", str(junk)])
    assert result.exit_code == 1 and "not a pizhu database" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and unsafe_in(result.stderr) == []


def _run_on_a_terminal(args: list[str], cwd: Path) -> str:
    """Run ``python -m pizhu ARGS`` with stdout on a pty (a real terminal) and return what it wrote."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "pizhu", *args], stdout=terminal, stderr=subprocess.PIPE, cwd=cwd, close_fds=True
    )
    os.close(terminal)
    chunks = []
    while True:
        ready, _, _ = select.select([controller], [], [], 30)
        if not ready:
            process.kill()
            raise AssertionError("no output from the command on the terminal")
        try:
            data = os.read(controller, 65536)
        except OSError:  # EIO: the command closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(controller)
    assert process.wait(30) == 0, process.stderr.read() if process.stderr else ""
    return b"".join(chunks).decode("utf-8")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "conll"])
def test_export_on_a_terminal_shows_data_but_a_pipe_gets_the_bytes(hostile_db: Path, fmt: str) -> None:
    shown = _run_on_a_terminal(["export", "--all", "--format", fmt, "--db", str(hostile_db)], hostile_db.parent)
    assert unsafe_in(shown.replace("\r\n", "\n")) == []
    piped = CliRunner().invoke(main, ["export", "--all", "--format", fmt, "--db", str(hostile_db)])
    out = hostile_db.parent / f"out.{fmt}"
    CliRunner().invoke(main, ["export", "--all", "--format", fmt, "-o", str(out), "--db", str(hostile_db)])
    assert piped.exit_code == 0 and piped.stdout == out.read_text("utf-8")  # a pipe gets exactly the file
    if fmt != "csv":  # the CSV holds figures only, none of the escapes
        assert "\u202e" in piped.stdout
    if fmt == "jsonl":
        on_terminal = [json.loads(line) for line in shown.replace("\r\n", "\n").splitlines() if line]
        assert on_terminal == [json.loads(line) for line in piped.stdout.splitlines()]


# --- output files ----------------------------------------------------------------------------


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    path = tmp_path / "seeded.db"
    store = Store(path)
    draft = prepare("全年征集社情民意49条,召开会议12次。")[0]
    text = draft.text
    spans = [Span(text.index("49条"), text.index("49条") + 3, "FIGURE", "49条", {"value": 49}, "r", 0.5)]
    doc = store.add_document("t.txt", "utf-8", draft, spans)
    assert doc is not None
    store.decide(store.spans(doc, "")[0].id, "ann", Change("confirm"))
    store.close()
    return path


@pytest.mark.parametrize("fmt", ["spacy", "jsonl", "csv", "conll"])
def test_export_never_writes_through_a_planted_symlink(seeded: Path, tmp_path: Path, fmt: str) -> None:
    if fmt == "spacy":
        pytest.importorskip("spacy")
    out = tmp_path / f"gold.{fmt}"
    victim = tmp_path / "victim"
    victim.write_text("keep me", "utf-8")
    # The old fixed temporary name, a link at the target, and links at every name in the folder.
    (tmp_path / f".{out.name}.tmp").symlink_to(victim)
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(out), "--db", str(seeded)])
    assert result.exit_code == 0, result.output
    assert victim.read_text("utf-8") == "keep me"
    assert out.is_file() and not out.is_symlink()
    out.unlink()
    out.symlink_to(victim)
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(out), "--db", str(seeded)])
    assert result.exit_code == 0, result.output
    assert victim.read_text("utf-8") == "keep me" and not out.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(f".{out.name}")) == [f".{out.name}.tmp"]


def test_create_exclusive_never_opens_a_planted_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep me", "utf-8")
    names = iter(["aaaa", "aaaa", "bbbb"])
    monkeypatch.setattr(fileio.secrets, "token_hex", lambda n: next(names))
    (tmp_path / ".out.aaaa.tmp").symlink_to(victim)
    handle, path = fileio.create_exclusive(tmp_path, "out")
    os.close(handle)
    assert path.name == ".out.bbbb.tmp" and victim.read_text("utf-8") == "keep me"


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_output_mode_follows_the_umask_and_a_re_export_keeps_it(seeded: Path, tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "gold.jsonl"
    for _ in range(2):
        result = CliRunner().invoke(main, ["export", "-o", str(out), "--db", str(seeded)])
        assert result.exit_code == 0
        assert out.stat().st_mode & 0o777 == 0o644
    out.chmod(0o640)
    CliRunner().invoke(main, ["export", "-o", str(out), "--db", str(seeded)])
    assert out.stat().st_mode & 0o777 == 0o640
    brat = tmp_path / "brat"
    CliRunner().invoke(main, ["export", "--format", "brat", "-o", str(brat), "--db", str(seeded)])
    assert brat.stat().st_mode & 0o777 == 0o755
    assert {p.stat().st_mode & 0o777 for p in brat.iterdir()} == {0o644}


def test_brat_export_that_fails_leaves_no_folder(seeded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pizhu.store.export as export

    calls = 0
    real = fileio.write_in_folder

    def full_disk(folder: Path, name: str, content: str) -> Path:
        nonlocal calls
        calls += 1
        if calls == 3:  # the config and one .txt are written, then the disk is full
            raise OSError(28, "No space left on device")
        return real(folder, name, content)

    monkeypatch.setattr(export.fileio, "write_in_folder", full_disk)
    out = tmp_path / "brat"
    result = CliRunner().invoke(main, ["export", "--format", "brat", "-o", str(out), "--db", str(seeded)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"pizhu: error: {out}: No space left on device"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeded.db", "seeded.db-shm", "seeded.db-wal"] or sorted(
        p.name for p in tmp_path.iterdir()
    ) == ["seeded.db"]


# --- read-only places ------------------------------------------------------------------------


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs mounted at a folder, to be remounted read-only; skipped where mount is not allowed."""
    folder = tmp_path / "mnt"
    folder.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(folder)]).returncode:
        pytest.skip("needs root to mount a tmpfs (root ignores permission bits, so chmod cannot test this)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def test_read_only_mount_is_read_by_every_reading_command(seeded: Path, read_only_mount: Path, tmp_path: Path) -> None:
    db = read_only_mount / "team.db"
    shutil.copy(seeded, db)
    remount_read_only(read_only_mount)
    runner = CliRunner()
    for args in (["stats"], ["stats", "--json"], ["export"], ["agree"]):
        result = runner.invoke(main, [*args, "--db", str(db)])
        assert result.exit_code == 0, (args, result.output)
    assert '"49条"' in runner.invoke(main, ["export", "--db", str(db)]).stdout
    result = runner.invoke(main, ["backup", str(tmp_path / "copy.db"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert Store(tmp_path / "copy.db").spans(1, "ann")[0].status == "confirmed"
    # A writing command is refused at once, pointing to the way out.
    result = runner.invoke(main, ["import", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 1 and "pizhu backup" in result.stderr and len(result.stderr.splitlines()) == 1
    # The spaCy format to the read-only folder: one line, no traceback.
    pytest.importorskip("spacy")
    out = read_only_mount / "gold.spacy"
    result = runner.invoke(main, ["export", "--format", "spacy", "-o", str(out), "--db", str(db)])
    assert result.exit_code == 1 and result.stderr.strip() == f"pizhu: error: {out}: Read-only file system"
    assert sorted(p.name for p in read_only_mount.iterdir()) == ["team.db"]


def test_read_only_mount_with_a_wal_is_read_through_it_never_as_immutable(
    tmp_path: Path, read_only_mount: Path
) -> None:
    live = tmp_path / "live.db"
    store = Store(live)
    draft = prepare("全年征集社情民意49条,召开会议12次。")[0]
    doc = store.add_document("t.txt", "utf-8", draft, [Span(8, 11, "FIGURE", "49条", {}, "r", 0.5)])
    assert doc is not None
    store.conn.execute("PRAGMA wal_autocheckpoint = 0")
    store.decide(store.spans(doc, "")[0].id, "ann", Change("confirm"))  # only in the -wal
    for suffix in ("", "-wal", "-shm"):
        shutil.copy(f"{live}{suffix}", read_only_mount / f"team.db{suffix}")
    store.close()
    db = read_only_mount / "team.db"
    (read_only_mount / "no-shm.db").write_bytes((read_only_mount / "team.db").read_bytes())
    (read_only_mount / "no-shm.db-wal").write_bytes((read_only_mount / "team.db-wal").read_bytes())
    remount_read_only(read_only_mount)
    result = CliRunner().invoke(main, ["stats", "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total"]["confirmed"] == 1  # the decision in the -wal is there
    result = CliRunner().invoke(main, ["stats", "--db", str(read_only_mount / "no-shm.db")])
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and "-shm" in line and "pizhu backup" in line


def test_read_only_logic_as_a_user_without_write_permission(seeded: Path, request: pytest.FixtureRequest) -> None:
    """The same rule where a folder's permission bits (not the mount) forbid writing: run as nobody."""
    runuser = shutil.which("runuser")
    if os.geteuid() != 0 or runuser is None:
        pytest.skip("needs root and runuser to run a command as another user")
    folder = Path(tempfile.mkdtemp(prefix="pizhu-theirs-"))  # pytest's tmp_path is private to root
    request.addfinalizer(lambda: shutil.rmtree(folder, ignore_errors=True))
    shutil.copy(seeded, folder / "team.db")
    os.chmod(folder / "team.db", 0o644)
    os.chmod(folder, 0o755)  # nobody may read, not write
    import sysconfig

    # pizhu as installed in this environment (no PYTHONPATH), run from the folder, not the
    # checkout. This interpreter may live where nobody cannot reach it (a pyenv under /root):
    # then a system Python of the same version, given this environment's site-packages with
    # its .pth files (an editable install's finder) through site.addsitedir.
    site = sysconfig.get_path("purelib")
    as_installed = (
        f"import runpy, site, sys; site.addsitedir({site!r}); sys.argv[0] = 'pizhu'; "
        "runpy.run_module('pizhu', run_name='__main__', alter_sys=True)"
    )
    env = {**os.environ, "HOME": "/tmp"}
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    command = []
    for python in (sys.executable, f"/usr/bin/{version}", f"/usr/local/bin/{version}"):
        run = ["-m", "pizhu"] if python == sys.executable else ["-c", as_installed]
        candidate = [runuser, "-u", "nobody", "--", python, *run]
        if (
            Path(python).exists()
            and not subprocess.run([*candidate, "--help"], capture_output=True, env=env, cwd=folder).returncode
        ):
            command = candidate
            break
    if not command:
        pytest.skip("user nobody cannot run a Python that reads this checkout")
    done = subprocess.run(
        [*command, "stats", "--json", "--db", str(folder / "team.db")], capture_output=True, env=env, cwd=folder
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total"]["confirmed"] == 1
    for args in (["export"], ["agree"], ["backup", f"/tmp/{folder.name}-copy.db"]):
        done = subprocess.run(
            [*command, *args, "--db", str(folder / "team.db")], capture_output=True, env=env, cwd=folder
        )
        assert done.returncode == 0, (args, done.stderr)
    copy = Path(f"/tmp/{folder.name}-copy.db")
    request.addfinalizer(lambda: copy.unlink(missing_ok=True))
    assert Store(copy).spans(1, "ann")[0].status == "confirmed"
    done = subprocess.run(
        [*command, "import", str(ROOT / "seeds"), "--db", str(folder / "team.db")],
        capture_output=True,
        env=env,
        cwd=folder,
    )
    assert done.returncode == 1 and b"pizhu backup" in done.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["team.db"]


def test_backup_copies_what_is_still_in_the_wal(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    store = Store(live)
    store.conn.execute("PRAGMA wal_autocheckpoint = 0")
    draft = prepare("全年征集社情民意49条。")[0]
    doc = store.add_document("t.txt", "utf-8", draft, [Span(8, 11, "FIGURE", "49条", {}, "r", 0.5)])
    assert doc is not None
    store.decide(store.spans(doc, "")[0].id, "ann", Change("confirm"))
    copied = tmp_path / "cp.db"
    shutil.copy(live, copied)  # what cp gives: the -wal is missed
    with pytest.raises(sqlite3.Error):
        sqlite3.connect(copied).execute("SELECT count(*) FROM decisions").fetchone()
    result = CliRunner().invoke(main, ["backup", str(tmp_path / "b.db"), "--db", str(live)])
    assert result.exit_code == 0, result.output
    assert Store(tmp_path / "b.db").spans(doc, "ann")[0].status == "confirmed"
    again = CliRunner().invoke(main, ["backup", str(tmp_path / "b.db"), "--db", str(live)])
    assert again.exit_code == 1 and "already exists" in again.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    store.close()


# --- bad gold files, a --db that is not a file -------------------------------------------------


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("[1,2]", "expected a JSON object"),
        ('"str"', "expected a JSON object"),
        ("{}", '"doc" is missing'),
        ('{"doc":5,"label":null}', '"doc" must be a non-empty string'),
        ('{"doc":"a","label":null,"text":"x"}', '"label" must be a non-empty string'),
        ('{"doc":"a","label":"FIGURE","text":"x","value":[1]}', '"value" must be a number'),
        ("[" * 100000, "not JSON"),
        ("{bad", "not JSON"),
        ("null", "expected a JSON object"),
    ],
)
def test_eval_refuses_a_bad_gold_line_naming_file_and_line(seeded: Path, tmp_path: Path, line: str, why: str) -> None:
    gold = tmp_path / "gold.jsonl"
    good = json.dumps({"doc": "t.txt", "label": "FIGURE", "text": "49条"})
    gold.write_text(f"{good}\n\n{line}\n{good}\n", "utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), "--db", str(seeded)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert lines[0].startswith(f"pizhu: error: {gold}, line 3:") and why in lines[0]


def test_eval_refuses_a_pipe_instead_of_waiting_for_it(seeded: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "gold.fifo"
    os.mkfifo(fifo)
    result = CliRunner().invoke(main, ["eval", str(fifo), "--db", str(seeded)])
    assert result.exit_code == 1 and "not a regular file" in result.stderr


@pytest.mark.parametrize("command", [["stats"], ["import", "SEEDS"], ["export"], ["merge", "OTHER"], ["backup", "OUT"]])
def test_a_db_that_is_not_a_regular_file_is_refused_and_nothing_is_left(
    tmp_path: Path, seeded: Path, command: list[str]
) -> None:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    dangling = tmp_path / "dangling.db"
    dangling.symlink_to(tmp_path / "nowhere.db")
    replace = {"SEEDS": str(ROOT / "seeds"), "OTHER": str(seeded), "OUT": str(tmp_path / "out.db")}
    args = [replace.get(a, a) for a in command]
    for db, why in (("/dev/null", "not a regular file"), (str(fifo), "not a regular file"), (str(dangling), "link")):
        before = sorted(os.listdir("/dev"))
        result = CliRunner().invoke(main, [*args, "--db", db])
        assert result.exit_code == 1, result.output
        assert len(result.stderr.strip().splitlines()) == 1 and why in result.stderr
        assert sorted(os.listdir("/dev")) == before and not Path("/dev/null-journal").exists()
    assert not (tmp_path / "nowhere.db").exists() and not (tmp_path / "out.db").exists()


# --- offsets back to the raw text --------------------------------------------------------------


def test_span_to_raw_maps_the_end_through_the_last_character() -> None:
    """``to_raw(end)`` for the end would take in what normalization dropped after a span
    (OCR spacing: ``'二 十 大 '``); the raw span must end on the span's last character."""
    raw = "学习贯彻党的二 十 大 精 神 ，召开 会议 12 次。"
    draft = prepare(raw)[0]
    offsets = OffsetMap.from_offsets(draft.normalized.raw_offsets, len(draft.raw))
    text = draft.text
    checked = 0
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            raw_start, raw_end = offsets.span_to_raw(start, end)
            assert raw_end - 1 == offsets.to_raw(end - 1), (text[start:end], draft.raw[raw_start:raw_end])
            assert raw_start == offsets.to_raw(start)
            checked += 1
    i = text.index("二十大")
    assert draft.raw[slice(*offsets.span_to_raw(i, i + 3))] == "二 十 大"
    assert checked > 100


# --- the pizhu command without PATH, and no import loop ---------------------------------------


def test_pizhu_command_is_found_when_it_is_not_on_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sysconfig

    from tests import harness

    monkeypatch.setenv("PATH", str(tmp_path))  # no pizhu (and no python) on PATH
    command = harness.pizhu_command()
    assert shutil.which("pizhu") is None
    done = subprocess.run([*command, "--version"], capture_output=True, text=True, env=dict(os.environ))
    assert done.returncode == 0 and "version" in done.stdout, done.stderr
    # Without the script beside this interpreter: python -m pizhu, which works too.
    monkeypatch.setattr(sysconfig, "get_path", lambda name: str(tmp_path))
    assert harness.pizhu_command() == [sys.executable, "-m", "pizhu"]
    Store(tmp_path / "t.db").close()
    done = harness.run_pizhu("stats", "--db", str(tmp_path / "t.db"), env=dict(os.environ))
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("code", ["import pizhu.cli_gold", "import pizhu.cli_common", "import pizhu.cli"])
def test_each_cli_module_imports_on_its_own(code: str) -> None:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_python_m_pizhu_cli_runs(tmp_path: Path) -> None:
    Store(tmp_path / "t.db").close()
    done = subprocess.run(
        [sys.executable, "-m", "pizhu.cli", "stats", "--db", str(tmp_path / "t.db")], capture_output=True
    )
    assert done.returncode == 0, done.stderr


def test_the_new_store_modules_import_no_ui() -> None:
    code = (
        "import sys, pizhu.store.display, pizhu.store.fileio, pizhu.store.backup, pizhu.store.goldfile;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')"
        " or m.startswith('pizhu.') and m.split('.')[1] not in ('extract', 'store')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "spacy"])
def test_export_to_dev_null_or_a_pipe_streams_into_it_and_never_replaces_it(
    seeded: Path, tmp_path: Path, fmt: str
) -> None:
    import stat
    import threading

    if fmt == "spacy":
        pytest.importorskip("spacy")
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", "/dev/null", "--db", str(seeded)])
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    assert not [p for p in os.listdir("/dev") if p.startswith(".null.")]
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(fifo), "--db", str(seeded)])
    reader.join(30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and received and received[0]
    # A link to /dev/null planted outside /dev is replaced like any other link, not written through.
    link = tmp_path / "gold.out"
    link.symlink_to("/dev/null")
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(link), "--db", str(seeded)])
    assert result.exit_code == 0 and link.is_file() and not link.is_symlink()


def test_export_refuses_a_block_device(tmp_path: Path) -> None:
    import stat

    block = tmp_path / "disk"
    try:  # a node of our own (a loop device number nobody uses), so a regression harms nothing
        os.mknod(block, stat.S_IFBLK | 0o600, os.makedev(7, 250))
    except (PermissionError, AttributeError):
        pytest.skip("needs root to make a block device node")
    with pytest.raises(fileio.OutputError, match="block device"):
        fileio.write_text(block, ["x"])
    assert stat.S_ISBLK(os.lstat(block).st_mode)
