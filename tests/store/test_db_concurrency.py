"""Eight reviewer processes writing to one database at once: nothing lost, no "locked" error.

Each worker is a real process with its own connection, started together behind a
barrier file so their writes overlap. A worker records every action the store told it
was done; afterwards the decision log must hold exactly those, and the file must pass
``PRAGMA integrity_check``. ``bench/bench_faults.py`` runs the long version.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pizhu.store.db import Store
from pizhu.store.migrations import KNOWN
from tests.concurrency import check_log, run_workers, seeded_db


def test_eight_reviewers_write_at_once_and_nothing_is_lost(tmp_path: Path) -> None:
    db = seeded_db(tmp_path / "shared.db")
    reports = run_workers(db, tmp_path, reviewers=8, count=30)
    assert sum(len(r["done"]) + r["unchanged"] for r in reports) == 8 * 30
    check_log(db, reports)


def test_eight_reviewers_opening_a_new_database_at_once(tmp_path: Path) -> None:
    """The first open creates the schema; seven others racing it must wait, not fail."""
    db = tmp_path / "fresh.db"
    go = tmp_path / "go"
    code = (
        "import os, sys, time\n"
        "from pizhu.store.db import Store\n"
        "while not os.path.exists(sys.argv[2]): time.sleep(0.001)\n"
        "store = Store(sys.argv[1]); print(store.schema_version())\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(db), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    time.sleep(0.5)
    go.touch()
    versions = set()
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0 and not err, err
        versions.add(out.strip())
    with Store(db) as store:
        assert versions == {store.schema_version()}
        rows = store.conn.execute("SELECT name, count(*) FROM _sqlite_migrations GROUP BY name").fetchall()
        assert rows and all(count == 1 for _name, count in rows)


def test_a_schema_created_between_check_and_lock_is_not_taken_for_a_foreign_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race above, made certain: the first look sees no schema, then another process commits one."""
    import pizhu.store.db as store_db

    db = tmp_path / "raced.db"
    Store(db).close()  # the other process won the race and created the schema
    real_applied = store_db.migrations.applied
    calls: list[int] = []

    def stale_then_real(database: Any) -> Any:
        calls.append(1)
        return [] if len(calls) == 1 else real_applied(database)

    monkeypatch.setattr(store_db.migrations, "applied", stale_then_real)
    with Store(db) as store:
        assert store.schema_version() == KNOWN[-1]
        assert store.conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(KNOWN)
