"""Faults: a read-only or full disk, a database from a newer pizhu, a corrupt database file.

Each must end in one clear line on stderr and a non-zero exit, never a traceback, and
leave the database file byte for byte as it was. Tests run as root in CI, where file
modes do not stop writes, so read-only is made real with SQLite's ``query_only`` on the
store's own connection (SQLite then refuses every write with SQLITE_READONLY, the
error a read-only file gives), and, where the system allows, with an immutable file
(``chattr +i``) or ``chmod`` for a non-root user. A full disk is SQLITE_FULL from
``PRAGMA max_page_count``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.store.db import Store
from pizhu.store.errors import CorruptDatabaseError, ReadOnlyDatabaseError, StoreError
from pizhu.store.importer import import_paths
from pizhu.store.records import Change
from tests import harness

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def seeded(path: Path) -> Path:
    """A closed database holding the seeds (no extraction: the store is what is under test)."""
    with Store(path) as store:
        report = import_paths(store, [SEEDS], extract=False)
        assert not report.errors
        ids = store.document_ids()
        store.add_span(ids[0], "ann", 0, 4, "DATE")
    assert not Path(f"{path}-wal").exists()  # closed cleanly: everything is in the file
    return path


def counts(path: Path) -> tuple[int, ...]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "sections", "spans", "decisions", "tags")
        )
    finally:
        conn.close()


def new_report(tmp_path: Path) -> Path:
    path = tmp_path / "new_report.txt"
    path.write_text((SEEDS / "000_41395adbcba091c9.txt").read_text("utf-8") + "\n第二稿,补记12次。\n", "utf-8")
    return path


def run_pizhu(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed ``pizhu`` in a process of its own, from the checkout (``seeds`` is relative)."""
    return harness.run_pizhu(*args, timeout=60, cwd=str(ROOT))


def assert_one_clean_line(stderr: str, expected: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("pizhu: error:") and expected in lines[0], stderr


def make_stores_read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Store opened from now on refuses writes the way a read-only file does."""
    original = Store.__init__

    def init(self: Store, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.conn.execute("PRAGMA query_only = ON")

    monkeypatch.setattr(Store, "__init__", init)


def make_disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Store opened from now on cannot grow its file by a single page."""
    original = Store.__init__

    def init(self: Store, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(Store, "__init__", init)


# --- read-only ------------------------------------------------------------------------------


def test_read_only_database_refuses_every_write_and_keeps_its_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = seeded(tmp_path / "ro.db")
    make_stores_read_only(monkeypatch)
    before, rows = digest(db), counts(db)
    with Store(db) as store:
        doc_id = store.document_ids()[0]
        span_id = store.spans(doc_id, "ann")[0].id
        # Reading still works: a read-only archive can be browsed and exported.
        assert store.documents() and store.sections(doc_id)
        for write in (
            lambda: store.decide(span_id, "ann", Change("confirm")),
            lambda: store.decide(span_id, "ann", Change("tag", tag="t")),
            lambda: store.add_span(doc_id, "ann", 0, 2, "ORG"),
            lambda: store.undo("ann"),
            lambda: store.add_document("x.txt", "utf-8", prepare("新的一篇报告,召开会议3次。")[0]),
        ):
            with pytest.raises(ReadOnlyDatabaseError, match="read-only; nothing was written"):
                write()
        assert not store.conn.in_transaction
    assert (digest(db), counts(db)) == (before, rows)


def test_import_into_a_read_only_database_says_so_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = seeded(tmp_path / "ro.db")
    make_stores_read_only(monkeypatch)
    before = digest(db)
    result = CliRunner().invoke(main, ["import", str(new_report(tmp_path)), "--db", str(db)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output + result.stderr
    assert "read-only; nothing was written" in result.stderr
    assert digest(db) == before
    # Exporting from it still works.
    result = CliRunner().invoke(main, ["export", "--all", "--db", str(db)])
    assert result.exit_code == 0 and result.stdout.count("\n") == 6


def test_truly_read_only_file_in_a_real_process(tmp_path: Path) -> None:
    """A file the OS will not let pizhu write: chmod for a user, an immutable file for root."""
    db = seeded(tmp_path / "ro.db")
    before = digest(db)
    if os.geteuid() != 0:
        db.chmod(0o444)
        undo = None
    else:
        if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode:
            pytest.skip("running as root without chattr +i: no way to make a file read-only here")
        undo = ["chattr", "-i", str(db)]
    try:
        result = run_pizhu("import", str(new_report(tmp_path)), "--db", str(db))
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert "read-only; nothing was written" in result.stderr
        assert digest(db) == before
    finally:
        if undo:
            subprocess.run(undo, check=True)
        db.chmod(0o644)


# --- full disk ------------------------------------------------------------------------------


def test_full_disk_rolls_back_the_whole_report(tmp_path: Path) -> None:
    db = seeded(tmp_path / "full.db")
    rows = counts(db)
    draft = prepare(new_report(tmp_path).read_text("utf-8") * 4)[0]
    with Store(db) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError, match="disk is full"):
            store.add_document("big.txt", "utf-8", draft)
        assert not store.conn.in_transaction
        assert counts(db) == rows  # no document without its sections, no half report
        # Once there is room again the same store carries on.
        store.conn.execute("PRAGMA max_page_count = 1073741823")
        assert store.add_document("big.txt", "utf-8", draft) is not None
    assert store_ok(db)


def test_import_onto_a_full_disk_says_so_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = seeded(tmp_path / "full.db")
    make_disk_full(monkeypatch)
    before = digest(db)
    result = CliRunner().invoke(main, ["import", str(new_report(tmp_path)), "--db", str(db)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output + result.stderr
    assert "disk is full or failing; nothing was written" in result.stderr
    assert digest(db) == before


def store_ok(db: Path) -> bool:
    with Store(db) as store:
        return store.integrity_ok()


# --- newer and corrupt databases ------------------------------------------------------------

COMMANDS = (
    ["import", "seeds"],
    ["export", "--all"],
    ["reextract"],
    ["open"],
)


@pytest.fixture
def newer_db(tmp_path: Path) -> Iterator[Path]:
    db = seeded(tmp_path / "newer.db")
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('pizhu', '9999_from_the_future', 'x')"
    )
    conn.commit()
    conn.close()
    yield db


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_newer_database_is_one_line_and_untouched(newer_db: Path, command: list[str]) -> None:
    before = digest(newer_db)
    result = CliRunner().invoke(main, [*command, "--db", str(newer_db)])
    assert result.exit_code == 1
    assert_one_clean_line(result.stderr, "newer pizhu")
    assert digest(newer_db) == before


def test_newer_database_in_a_real_process(newer_db: Path) -> None:
    before = digest(newer_db)
    result = run_pizhu("import", "seeds", "--db", str(newer_db))
    assert result.returncode == 1
    assert_one_clean_line(result.stderr, "newer pizhu")
    assert digest(newer_db) == before
    assert not Path(f"{newer_db}-wal").exists() or Path(f"{newer_db}-wal").stat().st_size == 0


def _truncated(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])


def _garbage_after_header(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[100:] = bytes((i * 131) & 0xFF for i in range(len(data) - 100))
    db.write_bytes(bytes(data))


def _not_sqlite(db: Path) -> None:
    db.write_bytes(os.urandom(8192))


CORRUPTIONS = {"truncated": _truncated, "garbage_after_header": _garbage_after_header, "not_sqlite": _not_sqlite}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_corrupt_database_is_one_line_and_untouched(tmp_path: Path, corrupt: Any, command: list[str]) -> None:
    db = seeded(tmp_path / "bad.db")
    corrupt(db)
    before = digest(db)
    result = CliRunner().invoke(main, [*command, "--db", str(db)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output + result.stderr
    assert_one_clean_line(result.stderr, "corrupt" if corrupt is not _not_sqlite else "not a pizhu database")
    assert digest(db) == before


def _pages_of(db: Path, table: str) -> list[int]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", (table,))]
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table to find a table's pages")
    finally:
        conn.close()


def test_corruption_found_mid_export_leaves_no_output_and_no_stray_file(tmp_path: Path) -> None:
    """The file opens (its schema is intact) but report text pages are garbage."""
    db = seeded(tmp_path / "bad.db")
    pages = _pages_of(db, "documents")
    data = bytearray(db.read_bytes())
    for page in pages[len(pages) // 2 :]:
        data[(page - 1) * 4096 : page * 4096] = bytes((i * 31) & 0xFF for i in range(4096))
    db.write_bytes(bytes(data))
    before = digest(db)
    out = tmp_path / "out"
    out.mkdir()
    result = run_pizhu("export", "--all", "--db", str(db), "-o", str(out / "gold.jsonl"))
    assert result.returncode == 1
    assert_one_clean_line(result.stderr, "corrupt")
    assert list(out.iterdir()) == []
    assert digest(db) == before


def test_a_folder_or_an_unreadable_path_as_the_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "no" / "such" / "dir" / "x.db")])
    assert result.exit_code == 1
    assert_one_clean_line(result.stderr, "cannot open")
    with pytest.raises(CorruptDatabaseError):
        (tmp_path / "zeros.db").write_bytes(b"\0" * 4096)
        Store(tmp_path / "zeros.db")
