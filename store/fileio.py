"""Writing output files and folders safely: the one home for it.

Every file pizhu writes (an export, a backup, a brat folder) is first written to a
temporary name next to the target and then renamed over it, so a failure (a full disk,
a kill) leaves the old file or nothing, never half a file. The temporary file is opened
with ``O_CREAT | O_EXCL | O_NOFOLLOW``: a symbolic link planted at its name (or at the
target) is never followed, so an export cannot be turned into a write to another file.
Renaming replaces a link at the target; it does not write through it.

The new file's mode is what ``open`` would give it (``0o666`` less the umask), or the
mode of the regular file it replaces, so a re-export keeps a 0644 file 0644. Cleanup
never raises (a read-only filesystem refuses the ``unlink`` of a file it never made),
and every failure is one ``OutputError`` line naming the target.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from pizhu.store.errors import OutputError

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_ATTEMPTS = 20


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _umask() -> int:
    # The only portable way to read the umask is to set it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(target: Path, default: int) -> int:
    """The permission bits the output should get: those of the regular file it replaces,
    else ``default`` less the umask (a link at the target gives nothing: it is replaced)."""
    try:
        info = os.lstat(target)
    except OSError:
        return default & ~_umask()
    if stat.S_ISREG(info.st_mode):
        return stat.S_IMODE(info.st_mode)
    return default & ~_umask()


def _folder_of(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def check_target(target: Path) -> None:
    """Refuse an output path that cannot be a file: a folder, or one in a missing folder."""
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name")
    folder = _folder_of(target)
    if not folder.is_dir():
        raise OutputError(f"{target}: the folder {folder} does not exist")


def refuse_read_only(target: Path) -> None:
    """Refuse to replace a regular file whose mode gives nobody write permission: someone made
    it read-only on purpose (a rename would replace it all the same, even for root)."""
    try:
        info = os.lstat(target)
    except OSError:
        return
    if stat.S_ISREG(info.st_mode) and not info.st_mode & 0o222:
        raise OutputError(f"{target}: is read-only; not replaced (make it writable, or give another name)")


STALE_SECONDS = 300
"""A temporary file untouched this long is left from a killed run: a live export writes to
it (and so touches it) far more often."""


def clean_stale(folder: Path, stem: str) -> None:
    """Remove the temporary files a killed run left for this target (``.STEM.RANDOM.tmp``)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    now = time.time()
    for name in names:
        if not _is_temp_name(name, stem):
            continue
        path = folder / name
        with contextlib.suppress(OSError):
            info = os.lstat(path)
            if now - info.st_mtime > STALE_SECONDS:
                _remove(path)


def _is_temp_name(name: str, stem: str) -> bool:
    prefix = f".{stem}."
    if not (name.startswith(prefix) and name.endswith(".tmp")):
        return False
    middle = name[len(prefix) : -len(".tmp")]
    return len(middle) == 8 and all(c in "0123456789abcdef" for c in middle)


def _remove(path: Path) -> None:
    """Remove a temporary file or folder of ours; never raises (EROFS, ENOENT, EACCES...)."""
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)


def create_exclusive(folder: Path, stem: str, mode: int = 0o666) -> tuple[int, Path]:
    """A new file in ``folder`` named ``.STEM.RANDOM.tmp``, opened for writing, never through a link.

    The mode is ``mode`` less the umask, as for any new file. Returns (descriptor, path).
    """
    for _ in range(_ATTEMPTS):
        path = folder / f".{stem}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(path, _FLAGS, mode), path
        except FileExistsError:
            continue  # a name someone (or something planted) already holds: pick another
        except OSError as exc:
            if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a link: never write through it
                continue
            raise
    raise OutputError(f"{folder}: cannot create a temporary file there (every name tried was taken)")


@contextlib.contextmanager
def replacing(target: str | Path) -> Iterator[BinaryIO]:
    """Write ``target`` through a binary handle; it appears, complete, only if the block succeeds.

    A character device or pipe (``/dev/null``, ``/dev/stdout``, a FIFO) is written straight into.

    Example::

        with replacing("gold.spacy") as out:
            out.write(data)
    """
    target = Path(target)
    if _is_stream(target):
        yield from _streaming(target)
        return
    check_target(target)
    refuse_read_only(target)
    mode = _mode_for(target, 0o666)
    clean_stale(_folder_of(target), target.name)
    try:
        handle, tmp = create_exclusive(_folder_of(target), target.name, mode)
        os.fchmod(handle, mode)  # the target's mode from the first byte (the umask may not allow it)
    except OSError as exc:
        raise OutputError(f"{target}: {_reason(exc)}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise OutputError(f"{target}: {_reason(exc)}") from None
    except BaseException:
        _remove(tmp)
        raise


def _is_stream(target: Path) -> bool:
    """Whether ``target`` is a character device or a pipe (``-o /dev/null``, ``-o /dev/stdout``,
    a FIFO): written straight into, since there is no file to replace (and replacing
    ``/dev/null`` with a file would break the system).

    A link is followed for this only under ``/dev`` (``/dev/stdout`` is a link), which
    nobody but root can plant; a link anywhere else is replaced, never written through.
    """
    try:
        info = os.lstat(target)
        if stat.S_ISLNK(info.st_mode):
            if Path(os.path.abspath(target)).parts[:2] != ("/", "dev"):
                return False
            info = os.stat(target)
    except OSError:
        return False
    if stat.S_ISBLK(info.st_mode):
        raise OutputError(f"{target}: a block device; give a file name")
    return stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)


def _streaming(target: Path) -> Iterator[BinaryIO]:
    try:
        handle = os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))  # never O_CREAT: it exists
    except OSError as exc:
        raise OutputError(f"{target}: {_reason(exc)}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
    except OSError as exc:
        raise OutputError(f"{target}: {_reason(exc)}") from None


def write_bytes(target: str | Path, data: bytes) -> None:
    """Write ``data`` to ``target`` safely (see the module docstring)."""
    with replacing(target) as out:
        out.write(data)


def write_text(target: str | Path, chunks: Iterable[str]) -> None:
    """Write text chunks (UTF-8, newlines as given) to ``target`` safely, one chunk at a time."""
    with replacing(target) as out:
        for chunk in chunks:
            out.write(chunk.encode("utf-8"))


def write_folder(target: str | Path, fill: Callable[[Path], None]) -> None:
    """Build a folder beside ``target`` with ``fill(folder)``, then move it into place.

    A new target is one rename, so a failure (a full disk) leaves no folder at all. An
    existing folder receives the finished files one rename each (files it holds that
    the export does not write are left alone); nothing is moved until every file is
    written, so a failure leaves it as it was.
    """
    target = Path(target)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise OutputError(f"{target}: not a folder (brat export writes a folder of .txt/.ann pairs)")
    parent = _folder_of(target)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        work = _make_folder(parent, target.name)
    except OSError as exc:
        raise OutputError(f"{target}: {_reason(exc)}") from None
    try:
        fill(work)
        if not target.exists():
            os.chmod(work, 0o777 & ~_umask())
            os.rename(work, target)
            return
        for entry in sorted(work.iterdir()):
            os.replace(entry, target / entry.name)
        _remove(work)
    except OSError as exc:
        _remove(work)
        raise OutputError(f"{target}: {_reason(exc)}") from None
    except BaseException:
        _remove(work)
        raise


def _make_folder(parent: Path, stem: str) -> Path:
    for _ in range(_ATTEMPTS):
        path = parent / f".{stem}.{secrets.token_hex(4)}.tmp"
        try:
            path.mkdir(mode=0o700)  # mkdir never follows a link at its own name
            return path
        except FileExistsError:
            continue
    raise OutputError(f"{parent}: cannot create a temporary folder there (every name tried was taken)")


def write_in_folder(folder: Path, name: str, content: str) -> Path:
    """Write the new file ``folder/name`` (a folder of ours, being filled); never through a link."""
    path = folder / name
    handle = os.open(path, _FLAGS, 0o666)
    with os.fdopen(handle, "wb") as out:
        out.write(content.encode("utf-8"))
    return path
