"""A complete copy of a live database: ``pizhu backup OUT.db``.

``cp annotations.db`` can miss what is still in ``annotations.db-wal`` (every decision
since the last checkpoint). SQLite's backup API copies the database as one reader sees
it, WAL included, while reviewers keep working. The copy is made under a temporary
name next to ``OUT.db`` (``fileio.create_exclusive``: never through a link), checked,
and then linked into place, which fails rather than replace a file that appeared
meanwhile: a backup never overwrites anything.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from pathlib import Path

from pizhu.store import fileio
from pizhu.store.db import Store
from pizhu.store.errors import BackupError


def backup(store: Store, target: str | Path) -> Path:
    """Copy ``store``'s database, as of now, to the new file ``target``; return its path."""
    target = Path(target)
    if target.exists() or target.is_symlink():
        raise BackupError(f"{target}: already exists; a backup goes to a new file name")
    try:
        fileio.check_target(target)
        folder = target.parent if str(target.parent) else Path(".")
        handle, tmp = fileio.create_exclusive(folder, target.name)
    except OSError as exc:
        raise BackupError(f"{target}: {exc.strerror or exc}") from None
    os.close(handle)
    try:
        copy = sqlite3.connect(tmp, isolation_level=None)
        try:
            store.conn.backup(copy)
            ok = copy.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            copy.close()
        if not ok:
            raise BackupError(f"{target}: the copy did not pass SQLite's check; nothing was written")
        _place(tmp, target)
    except sqlite3.Error as exc:
        raise BackupError(f"{target}: {exc}; nothing was written") from None
    except FileExistsError:
        raise BackupError(f"{target}: already exists; a backup goes to a new file name") from None
    except OSError as exc:
        raise BackupError(f"{target}: {exc.strerror or exc}; nothing was written") from None
    finally:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
    return target


def _place(tmp: Path, target: Path) -> None:
    """Give the finished copy its name; unlike a rename, a link never replaces a file
    that appeared meanwhile. Filesystems without hard links get a checked rename."""
    try:
        os.link(tmp, target)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        if target.exists() or target.is_symlink():
            raise FileExistsError(str(target)) from None
        os.replace(tmp, target)
