"""Imports under documented limits (issue 26): a file past one is refused in one line, the
rest of its folder still imported."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.bench_hostile import docx_bytes
from pizhu.cli import main
from pizhu.store.db import Store
from pizhu.store.importer import import_file
from pizhu.store.sources import docx as docx_source


def _docx(paragraphs: int, *, padding: int = 0, before: str = "") -> bytes:
    """A minimal Word file: ``paragraphs`` paragraphs after ``before``, and a part of ``padding`` zero bytes."""
    body = before + "".join(f"<w:p><w:r><w:t>第{i}段</w:t></w:r></w:p>" for i in range(paragraphs))
    return docx_bytes(body, padding)


def test_a_docx_that_unzips_past_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx_source, "MAX_UNZIPPED_BYTES", 1024 * 1024)
    path = tmp_path / "bomb.docx"
    path.write_bytes(_docx(3, padding=2 * 1024 * 1024))
    assert path.stat().st_size < 64 * 1024
    outcome = import_file(Store.memory(), path)
    assert not outcome.imported and "unzips to" in outcome.error and "limit" in outcome.error
    assert "\n" not in outcome.error


def test_a_docx_of_too_many_paragraphs_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_source, "MAX_PARAGRAPHS", 500)
    path = tmp_path / "many.docx"
    path.write_bytes(_docx(600))
    outcome = import_file(Store.memory(), path)
    assert not outcome.imported and "paragraphs" in outcome.error and "limit" in outcome.error


def test_a_docx_under_the_limits_imports(tmp_path: Path) -> None:
    path = tmp_path / "fine.docx"
    path.write_bytes(_docx(20))
    outcome = import_file(Store.memory(), path)
    assert outcome.imported and not outcome.error


def test_a_text_past_the_character_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pizhu.store import importer

    monkeypatch.setattr(importer, "MAX_TEXT_CHARS", 10_000)
    path = tmp_path / "long.txt"
    path.write_text("全年召开会议12次。\n" * 2000, "utf-8")
    outcome = import_file(Store.memory(), path)
    assert not outcome.imported and "characters" in outcome.error and "limit" in outcome.error


def test_empty_self_closed_paragraphs_count_toward_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_source, "MAX_PARAGRAPHS", 500)
    data = _docx(1, before="<w:p/>" * 600)
    path = tmp_path / "empty-paragraphs.docx"
    path.write_bytes(data)
    outcome = import_file(Store.memory(), path)
    assert "paragraphs" in outcome.error and "limit" in outcome.error


# --- a time limit per file ------------------------------------------------------------------

SLOW = "慢".encode()


def _slow_reader(monkeypatch: pytest.MonkeyPatch, *, seconds: float | None) -> None:
    """A reader that takes ``seconds`` (None: for ever) on a file that starts with 慢, as a
    hostile file makes a library run on; other files are read as usual."""
    from pizhu.store import importer

    read = importer.read_source

    def reader(data: bytes, **kwargs: object) -> object:
        if data.startswith(SLOW):
            if seconds is None:
                while True:
                    time.sleep(0.05)
            time.sleep(seconds)
        return read(data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "read_source", reader)


def test_a_file_past_the_time_limit_is_refused_in_one_line_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, a file a library ran on for ever held the whole import for ever."""
    _slow_reader(monkeypatch, seconds=None)
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a-slow.txt").write_bytes(SLOW + "全年召开会议12次。".encode())
    (folder / "b-fine.txt").write_text("灵武市政协开展视察15次。", "utf-8")
    handler = signal.getsignal(signal.SIGALRM)
    db = tmp_path / "t.db"
    result = CliRunner().invoke(main, ["import", str(folder), "--no-extract", "--time-limit", "1", "--db", str(db)])
    assert result.exit_code == 1, result.output
    refused = [line for line in result.output.splitlines() if "refused" in line and "a-slow.txt" in line]
    assert len(refused) == 1 and "took over 1 s" in refused[0] and "--time-limit" in refused[0]
    assert "imported 1 report(s)" in result.output
    with Store(db) as store:
        assert [store.document(i).text for i in store.document_ids()] == ["灵武市政协开展视察15次。"]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getsignal(signal.SIGALRM) == handler


def test_the_time_limit_holds_off_the_main_thread_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No timer signal off the main thread: the limit is checked between the stages."""
    _slow_reader(monkeypatch, seconds=0.6)
    path = tmp_path / "slow.txt"
    path.write_bytes(SLOW + "全年召开会议12次。".encode())
    outcomes = []
    worker = threading.Thread(
        target=lambda: outcomes.append(import_file(Store.memory(), path, extract=False, time_limit=0.2))
    )
    worker.start()
    worker.join()
    assert not outcomes[0].imported and "took over 0.2 s" in outcomes[0].error


def test_a_file_within_the_time_limit_imports_and_leaves_no_timer(tmp_path: Path) -> None:
    path = tmp_path / "fine.txt"
    path.write_text("灵武市政协开展视察15次。", "utf-8")
    handler = signal.getsignal(signal.SIGALRM)
    outcome = import_file(Store.memory(), path, extract=False, time_limit=600)
    assert outcome.imported and not outcome.error
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getsignal(signal.SIGALRM) == handler
