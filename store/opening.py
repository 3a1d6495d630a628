"""Opening a database file safely: what is checked before SQLite sees a path.

``store.db.Store`` opens every database through ``prepare``; ``store.merge`` checks the
copy it reads with ``check_header``. Three rules live here:

* Anything at a path that is not a regular file (``/dev/null``, a pipe, a folder, a link
  to nothing) is refused before SQLite touches it, so nothing is created beside it; a
  reading caller never creates a database.
* A file this process already holds an SQLite connection to is never opened (and closed)
  by us: closing any descriptor of a file drops every POSIX lock the process has on it,
  SQLite's included (``register``/``release`` count the connections, ``open_here`` asks).
* Where the database's folder cannot be written, a reading caller gets a read-only URI
  (``read_only_uri``), a writing one a refusal.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import urllib.parse
from pathlib import Path

from pizhu.store.errors import BusyError, CorruptDatabaseError, DiskFullError, ReadOnlyDatabaseError, StoreError

SQLITE_HEADER = b"SQLite format 3\x00"

# How many Store connections this process has open per database file (device, inode).
_OPEN: dict[tuple[int, int], int] = {}


def file_key(path: Path) -> tuple[int, int] | None:
    """The file's (device, inode), or None where there is no file."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def open_here(path: Path) -> int:
    """How many connections this process holds to the file at ``path``."""
    key = file_key(path)
    return _OPEN.get(key, 0) if key is not None else 0


def register(path: str) -> tuple[int, int] | None:
    """A connection to ``path`` was opened: count it; the key to ``release`` it with."""
    key = file_key(Path(path)) if path != ":memory:" else None
    if key is not None:
        _OPEN[key] = _OPEN.get(key, 0) + 1
    return key


def release(key: tuple[int, int] | None) -> None:
    """A connection counted by ``register`` was closed."""
    if key is not None and _OPEN.get(key):
        _OPEN[key] -= 1


def prepare(path: Path, *, reading: bool) -> tuple[str, bool, bool]:
    """Check ``path`` before SQLite opens it: (what to connect to, whether it is a URI, read-only).

    ``reading``: the caller only reads (see ``store.db.Store``).
    """
    if open_here(path) == 0:
        check_header(path, must_exist=reading)
    if folder_writable(path):
        return str(path), False, False
    if not reading:
        raise ReadOnlyDatabaseError(
            f"{path}: its folder cannot be written, and this command writes; work on a copy"
            f" (pizhu backup COPY.db --db {path} makes one)"
        )
    return read_only_uri(path), True, True


def check_header(path: Path, *, must_exist: bool = False) -> None:
    """Refuse anything but a new path or a regular SQLite file, before SQLite touches it.

    ``/dev/null`` would take a journal beside it (``/dev/null-journal``) and then fail as
    "disk full"; a pipe would block; a dangling link would create its target.
    ``must_exist`` (a reading command): a new path, or an empty file, is refused too.
    """
    try:
        if path.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file")
        try:
            info = os.stat(path)
        except FileNotFoundError:
            if path.is_symlink():
                raise StoreError(f"{path}: a symbolic link to nothing; give a database file or a new name") from None
            if not path.parent.is_dir() and str(path.parent):
                raise StoreError(
                    f"{path}: cannot open the database file: the folder {path.parent} does not exist"
                ) from None
            if must_exist:
                raise StoreError(f"{path}: no such database (check --db); this command creates none") from None
            return  # a new path: the database is created there
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"{path}: not a regular file (a device, pipe or socket); give a database file")
        if info.st_size == 0 and must_exist:
            raise CorruptDatabaseError(f"{path}: not a pizhu database (an empty file)")
        if info.st_size > 0:
            with path.open("rb") as handle:
                if handle.read(16) != SQLITE_HEADER:
                    raise CorruptDatabaseError(f"{path}: not a pizhu database (not an SQLite file)")
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the database file ({exc.strerror})") from None


def folder_writable(path: Path) -> bool:
    """Whether SQLite can create the database's ``-wal`` and ``-shm`` files beside it."""
    folder = path.resolve().parent
    return os.access(folder, os.W_OK | os.X_OK)


def read_only_uri(path: Path) -> str:
    """The URI that reads ``path`` without writing anything beside it (see ``store.db.Store``)."""
    if not path.exists():
        raise StoreError(f"{path}: no such database (and its folder cannot be written to create one)")
    quoted = urllib.parse.quote(str(path.resolve()))
    wal = Path(f"{path.resolve()}-wal")
    if wal.exists():
        return f"file:{quoted}?mode=ro"
    return f"file:{quoted}?mode=ro&immutable=1"


def check_readable(conn: sqlite3.Connection, path: str) -> None:
    """A read-only connection reads its first page now, so a failure is explained here."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc):
            raise
        name = Path(path).name
        raise ReadOnlyDatabaseError(
            f"{path}: cannot be read where it is: the folder is read-only and SQLite needs to create"
            f" {name}-shm beside the {name}-wal it holds; copy {name} and {name}-wal to a writable folder and"
            f" read the copy (or run pizhu backup COPY.db where the folder can be written)"
        ) from None


def explain(exc: sqlite3.Error, path: str) -> StoreError:
    """An SQLite error as the store's own, with a one-line explanation."""
    message = str(exc).lower()
    if "readonly" in message or "read-only" in message:
        return ReadOnlyDatabaseError(f"{path}: the database is read-only; nothing was written")
    if "disk is full" in message or "disk i/o" in message:
        return DiskFullError(f"{path}: the disk is full or failing; nothing was written")
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return CorruptDatabaseError(f"{path}: the database file is corrupt ({exc})")
    if "locked" in message or "busy" in message:
        return BusyError(f"{path}: the database stayed busy; try again")
    if "unable to open" in message:
        return StoreError(f"{path}: cannot open the database file")
    return StoreError(f"{path}: {exc}")
