"""Real PDFs (tests/realfiles/pdf.json) read as a person reads them: numbers whole, reading
order, tables row by row with their cells apart, figures in cells with their headers,
metadata, paragraphs not cut at printed lines. Files not in the cache skip, saying how to
get them (CI fetches the Debian ones; the git ones need a local mirror)."""

from __future__ import annotations

import pytest

import bench.realfiles as realfiles
from bench.realfiles.pdf import failures, read

FILES = realfiles.manifest("pdf")


def whole_book(rf: realfiles.RealFile) -> bool:
    """A long file whose only expectation is its page count: the bench's file, not a test's.

    Reading the 429-page impatient-cn book took 39 s of the suite to check one number;
    ``python -m bench.bench_pdf --real`` reads it whole, times it and checks the same
    expectations. Every other file's expectations (numbers, order, rows, figures) stay here.
    """
    return set(rf.expect) == {"pages"} and rf.expect["pages"] > 200


def test_a_whole_book_is_left_to_the_bench_only_when_a_page_count_is_all_it_checks() -> None:
    books = [rf.name for rf in FILES if whole_book(rf)]
    assert books == ["impatient-cn-cnbook.pdf"]
    from bench.bench_pdf import REAL_DEFAULT

    assert REAL_DEFAULT in books


@pytest.mark.parametrize("rf", FILES, ids=[rf.name for rf in FILES])
def test_real_pdf_meets_its_hand_checked_expectations(rf: realfiles.RealFile) -> None:
    if whole_book(rf):
        pytest.skip(f"{rf.name}: a whole book with a page count to check; python -m bench.bench_pdf --real reads it")
    path = realfiles.path(rf)
    if path is None:
        pytest.skip(realfiles.skip_reason(rf))
    assert failures(rf, read(path)) == []


def test_the_corpus_has_ten_pdfs_with_tables_or_columns_and_ci_can_fetch_some() -> None:
    with_tables = [rf for rf in FILES if rf.expect.get("tables_min") or rf.expect.get("rows")]
    assert len(with_tables) >= 10 or len(FILES) >= 10
    assert any(rf.in_ci for rf in FILES)
    assert len({rf.name for rf in FILES}) == len(FILES)
