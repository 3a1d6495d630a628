"""Import of hostile input: random bytes, empty files, a big file, deep folders, link loops, pipes.

Every case ends in a clean import or a one-line reason per file, and always ends: the
cases that could hang (a pipe, /dev/zero, symbolic link loops) run ``pizhu import`` in a
real process with a timeout, so a regression fails the test instead of stalling CI.
The 50 MB version is in ``bench/bench_faults.py``.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pizhu.store.importer as importer
from bench.generate import generate
from pizhu.extract.decode import DecodeError, decode
from pizhu.store.db import Store
from pizhu.store.importer import find_files, import_file, import_paths
from tests.harness import run_pizhu

ROOT = Path(__file__).resolve().parents[2]


def run_import(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``pizhu import ARGS`` with the installed ``pizhu``, in a process of its own."""
    return run_pizhu("import", *args, timeout=timeout, cwd=str(ROOT))


def refusals(stderr: str) -> dict[str, str]:
    """``pizhu: refused PATH: REASON`` lines as {file name: reason}."""
    out = {}
    for line in stderr.splitlines():
        if line.startswith("pizhu: refused "):
            path, _, reason = line[len("pizhu: refused ") :].partition(": ")
            out[Path(path).name] = reason
    return out


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_either_reads_or_says_why(data: bytes) -> None:
    try:
        decoded = decode(data)
    except DecodeError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert decoded.text.strip()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=600).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.text(max_size=600).map(lambda t: t.encode("gb18030", "ignore")),
    )
)
def test_random_bytes_import_cleanly_or_are_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.txt"
    path.write_bytes(data)
    store = Store.memory()
    outcome = import_file(store, path)
    if outcome.error:
        assert "\n" not in outcome.error and not outcome.imported
        assert store.document_ids() == []
    else:
        assert outcome.imported or outcome.skipped
        for doc_id in outcome.imported:
            document = store.document(doc_id)
            for span in store.spans(doc_id):
                assert document.text[span.start : span.end] == span.text
    assert store.integrity_ok()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\r\n\t  \n", "only white space"),
        (b"\x00\x01\x02" * 100, "binary"),
        (os.urandom(4096) + b"\x00", "binary"),
        (b"\xef\xbb\xbf", "empty file"),
        (b"\xef\xbb\xbf  \r\n", "only white space"),
    ],
    ids=["empty", "blank", "nul", "random", "utf8-bom-only", "utf8-bom-blank"],
)
def test_empty_and_binary_files_are_refused(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    outcome = import_file(Store.memory(), path)
    assert reason in outcome.error and not outcome.imported


def test_a_big_file_of_many_reports_imports_each_as_its_own_document(tmp_path: Path) -> None:
    """About 1 MB: every report in it comes out as its own document (its speed is measured in
    ``bench/bench_import.py``, not timed here: a loaded machine made this test fail)."""
    # Simplified, Traditional with glosses and OCR-noisy reports, one after another.
    texts = [generate(i, seed=7).text for i in range(100)]
    path = tmp_path / "bundle.txt"
    path.write_text("\n\n".join(texts), "utf-8")
    assert path.stat().st_size > 500_000
    store = Store(tmp_path / "big.db")
    outcome = import_file(store, path)
    assert not outcome.error
    assert len(outcome.imported) == len(texts)


def test_files_over_the_size_limit_are_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_bytes("报告".encode() * 1000)
    outcome = import_file(Store.memory(), path)
    assert "too large" in outcome.error and not outcome.imported


def test_deep_folders_are_walked(tmp_path: Path) -> None:
    folder = tmp_path / "top"
    deep = folder
    for level in range(120):
        deep = deep / f"d{level:03d}"
    deep.mkdir(parents=True)
    (deep / "report.txt").write_bytes(generate(1).to_bytes())
    (folder / "d000" / "shallow.txt").write_bytes(generate(2).to_bytes())
    report = import_paths(Store.memory(), [folder])
    assert not report.errors
    assert sorted(Path(f.path).name for f in report.files) == ["report.txt", "shallow.txt"]
    assert report.imported == 2


def test_symlink_loops_end_with_a_reason(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "real.txt").write_bytes(generate(3).to_bytes())
    os.symlink("..", folder / "up")  # a folder loop
    os.symlink(".", folder / "self")
    os.symlink("b.txt", folder / "a.txt")  # a file loop: a -> b -> a
    os.symlink("a.txt", folder / "b.txt")
    os.symlink("missing.txt", folder / "dangling.txt")
    assert sorted(p.name for p, _ in find_files([folder])) == ["a.txt", "b.txt", "dangling.txt", "real.txt"]
    result = run_import(str(folder), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    refused = refusals(result.stderr)
    assert set(refused) == {"a.txt", "b.txt", "dangling.txt"}
    assert "imported 1 report(s)" in result.stderr
    # Named on the command line, the loop is named for what it is.
    result = run_import(str(folder / "a.txt"), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 1
    assert refusals(result.stderr) == {"a.txt": "a symbolic link that loops or leads nowhere"}


def test_a_pipe_or_a_device_is_refused_not_waited_on(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")  # reading it would wait for a writer forever
    (folder / "real.txt").write_bytes(generate(4).to_bytes())
    result = run_import(str(folder), "/dev/zero", "--db", str(tmp_path / "x.db"), timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    refused = refusals(result.stderr)
    assert set(refused) == {"pipe.txt", "zero"}
    assert all("not a regular file" in reason for reason in refused.values())
    assert "imported 1 report(s)" in result.stderr


# A marker only the bad file holds: extraction raises on it, as a rule bug would on a real text.
_POISON = "毒丸"


def _folder_with_a_bad_file(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a_good.txt").write_bytes(generate(11).to_bytes())
    (folder / "b_bad.txt").write_text(generate(12).text + f"\n全年{_POISON}14.2年。\n", "utf-8")
    (folder / "c_good.txt").write_bytes(generate(13).to_bytes())
    return folder


def _raise_on_poison(real):  # the pipeline's extract_spans, failing on the bad file's text
    def extract_spans(text: str, **kwargs: object) -> list:
        if _POISON in text:
            raise ValueError("invalid literal for int() with base 10: 'NN.N'")
        return real(text, **kwargs)

    return extract_spans


def test_one_file_that_breaks_extraction_never_stops_a_folder_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    import pizhu.extract.pipeline
    from pizhu.cli import main

    monkeypatch.setattr(pizhu.extract.pipeline, "extract_spans", _raise_on_poison(pizhu.extract.pipeline.extract_spans))
    folder = _folder_with_a_bad_file(tmp_path)
    db = tmp_path / "x.db"
    result = CliRunner().invoke(main, ["import", str(folder), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # the exit status, not the ValueError
    refused = refusals(result.stderr)
    assert list(refused) == ["b_bad.txt"]
    assert refused["b_bad.txt"] == "extraction failed: ValueError: invalid literal for int() with base 10: 'NN.N'"
    assert "imported 2 report(s) from 2 file(s)" in result.stderr
    with Store(db) as store:
        names = sorted(Path(store.document(i).source).name for i in store.document_ids())
        assert names == ["a_good.txt", "c_good.txt"]
        assert all(store.spans(i) for i in store.document_ids())  # the good ones keep their candidates
        assert store.integrity_ok()


def test_a_file_whose_extraction_fails_leaves_nothing_of_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pizhu.extract.pipeline

    real = pizhu.extract.pipeline.extract_spans
    calls = []

    def second_report_fails(text: str, **kwargs: object) -> list:
        calls.append(text)
        if len(calls) == 2:
            raise RuntimeError("boom\non two lines")
        return real(text, **kwargs)

    monkeypatch.setattr(pizhu.extract.pipeline, "extract_spans", second_report_fails)
    path = tmp_path / "bundle.txt"  # two reports in one file: the first extracts, the second does not
    path.write_text(generate(21).text + "\n\n" + generate(22).text, "utf-8")
    store = Store.memory()
    outcome = import_file(store, path)
    assert len(calls) == 2
    assert outcome.error == "extraction failed: RuntimeError: boom on two lines"
    assert not outcome.imported and store.document_ids() == []
