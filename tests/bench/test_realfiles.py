"""bench.realfiles: manifests read, files fetched from a git mirror into the cache and checked by sha256."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

import bench.realfiles as realfiles
from bench.realfiles.__main__ import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _mirror(root: Path, files: dict[str, bytes]) -> str:
    """A bare mirror of a repository ``someone/reports`` holding ``files``; its commit."""
    work = root / "work"
    work.mkdir()
    for name, data in files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_bytes(data)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(work)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "files"], check=True)
    commit = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(root / "mirrors" / "someone+reports" / "repo.git")])
    return commit


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str, bytes]:
    data = b"%PDF-1.4 a report"
    commit = _mirror(tmp_path, {"docs/2023年统计公报.pdf": data})
    manifests = tmp_path / "manifests"
    manifests.mkdir()
    entries = [
        {
            "name": "gongbao.pdf",
            "source": f"git:someone/reports@{commit}:docs/2023年统计公报.pdf",
            "sha256": hashlib.sha256(data).hexdigest(),
            "licence": "public record",
            "expect": {"numbers": ["101.7"]},
        },
        {
            "name": "wrong.pdf",
            "source": f"git:someone/reports@{commit}:docs/2023年统计公报.pdf",
            "sha256": "0" * 64,
            "licence": "public record",
        },
    ]
    (manifests / "pdf.json").write_text(json.dumps({"files": entries}, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(realfiles, "MANIFESTS", manifests)
    monkeypatch.setattr(realfiles, "CACHE", tmp_path / "cache")
    return tmp_path / "mirrors", commit, data


def test_manifest_lists_each_kind_present(setup: tuple[Path, str, bytes]) -> None:
    files = realfiles.manifest()
    assert [(f.kind, f.name, f.scheme, f.in_ci) for f in files] == [
        ("pdf", "gongbao.pdf", "git", False),
        ("pdf", "wrong.pdf", "git", False),
    ]
    assert files[0].expect == {"numbers": ["101.7"]}
    assert realfiles.manifest("web") == []
    with pytest.raises(ValueError):
        realfiles.manifest("xls")


def test_fetch_from_a_mirror_caches_only_files_whose_sha256_matches(
    setup: tuple[Path, str, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    mirrors, _commit, data = setup
    good, wrong = realfiles.manifest("pdf")
    assert realfiles.path(good) is None
    assert "python -m bench.realfiles fetch" in realfiles.skip_reason(good)
    assert main(["fetch", "--mirrors", str(mirrors)]) == 1  # one file could not be had
    assert "is not the manifest's" in capsys.readouterr().err
    cached = realfiles.path(good)
    assert cached is not None and cached.read_bytes() == data
    assert realfiles.path(wrong) is None and not realfiles.cached(wrong).exists()
    # A cached file changed afterwards is no longer given out.
    cached.write_bytes(data + b"x")
    assert realfiles.path(good) is None


def test_fetch_without_a_mirror_says_how(
    setup: tuple[Path, str, bytes], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PIZHU_MIRRORS", raising=False)
    assert main(["fetch", "--kind", "pdf"]) == 1
    assert "give --mirrors DIR or set PIZHU_MIRRORS" in capsys.readouterr().err
    # --ci fetches only what CI can reach (nothing here) and does not fail.
    assert main(["fetch", "--ci"]) == 0
