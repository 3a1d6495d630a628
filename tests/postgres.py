"""A throwaway PostgreSQL cluster for the hub tests: one per test session, in a temporary
folder, on a free port, stopped and removed at exit.

It uses the server binaries of Debian's ``postgresql`` package (``/usr/lib/postgresql/<ver>/bin``,
which ``.ci/run`` installs) or any ``initdb`` on the PATH. PostgreSQL refuses to run as
root, so as root the cluster is made and run by the ``postgres`` user (``runuser``). Where
there is no PostgreSQL (or no psycopg) ``cluster()`` skips the calling test with the reason.

The superuser ``postgres`` logs in over the cluster's Unix socket without a password;
over TCP every role needs its password (SCRAM), as on a real server.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

PASSWORD = "s3cret-hub-pw"
"""Every test role's password (never to be seen in pizhu's output)."""


def _bin_dir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name), reverse=True
    )
    return versions[0].parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    bin: Path
    folder: Path
    port: int
    as_user: list[str]
    _names: itertools.count[int]

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def run(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.as_user, str(self.bin / tool), *args], capture_output=True, text=True, check=True, timeout=60
        )

    def start(self) -> None:
        self.run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "log"),
            "-w",
            "-t",
            "30",
            "-o",
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, database: str = "postgres", role: str = "postgres") -> str:
        """The superuser's URL over the Unix socket (no password needed there)."""
        return f"postgresql://{role}@/{database}?host={self.folder}&port={self.port}"

    def tcp_url(self, database: str, role: str, password: str = PASSWORD) -> str:
        """A role's URL over TCP, with its password in it as a user would write it."""
        return f"postgresql://{role}:{password}@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def new_database(self, template: str = "") -> str:
        name = f"hub{next(self._names)}"
        self.sql(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return name

    def role(self, name: str) -> None:
        """A login role with the test password (made once per cluster)."""
        self.sql(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN"
            f" CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}'; END IF; END $$"
        )


@functools.cache
def _start() -> Cluster | str:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[hub]')"
    binaries = _bin_dir()
    if binaries is None:
        return "PostgreSQL is not installed (Debian: apt-get install postgresql)"
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="pizhu-pg-"))
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            return "running as root without runuser: PostgreSQL cannot run as root"
        as_user = [runuser, "-u", "postgres", "--"]
        try:
            shutil.chown(folder, "postgres", "postgres")
        except (LookupError, OSError) as exc:
            return f"no postgres user to run PostgreSQL as ({exc})"
    cluster = Cluster(binaries, folder, _free_port(), as_user, itertools.count(1))
    try:
        cluster.run(
            "initdb",
            "-D",
            str(cluster.data),
            "-U",
            "postgres",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        cluster.start()
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        return f"could not start a PostgreSQL cluster: {(exc.stderr or exc.stdout or '').strip()[-300:]}"
    atexit.register(_remove, cluster)
    return cluster


def _remove(cluster: Cluster) -> None:
    cluster.stop("immediate")
    shutil.rmtree(cluster.folder, ignore_errors=True)


def cluster() -> Cluster:
    """The session's cluster, started on first use; skips the test where there can be none."""
    started = _start()
    if isinstance(started, str):
        pytest.skip(started)
    return started
