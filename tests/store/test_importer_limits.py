"""Imports under documented limits (issue 26): a file past one is refused in one line, the
rest of its folder still imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bench_hostile import docx_bytes
from store.db import Store
from store.importer import import_file
from store.sources import docx as docx_source


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
    from store import importer

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
