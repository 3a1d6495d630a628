"""``pizhu serve``'s tokens, sessions and guard in front of textual-serve, over real HTTP.

The server here is the real one (textual-serve's aiohttp application with the guard
added), run by aiohttp's test server on a loopback port; no app process is started
because no test opens the websocket past the guard. The browser test in
``tests/tui/test_serve_browser.py`` drives the whole thing.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.serve import Sessions, app_command, cookie_name, is_loopback, make_server
from pizhu.store import roles
from pizhu.store.db import Store
from tests.tui.seedspans import seed_store

PORT = 8123  # the port the cookie is named after (the test server listens where it likes)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.3.4.5", True), ("localhost", True), ("::1", True), ("[::1]", True),
     ("0.0.0.0", False), ("192.168.1.20", False), ("::", False), ("pizhu.example", False)],
)  # fmt: skip
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_the_app_command_quotes_the_database_path_and_never_holds_a_token(tmp_path: Path) -> None:
    command = app_command(tmp_path / "a b;rm -rf ~.db")
    assert command.endswith("--db '" + str(tmp_path / "a b;rm -rf ~.db") + "' --serve-session")
    assert "token" not in command.replace("--tokens", "")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.db"
    seed_store(path, limit=1).close()
    return path


def test_a_token_on_the_command_line_is_refused(db: Path) -> None:
    """Before: --token TOKEN, which ps shows to every user of the machine."""
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--token", "s3cret-token-for-tests"])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "PIZHU_SERVE_TOKEN" in result.stderr and "ps" in result.stderr


def test_cli_refuses_a_missing_or_empty_database(tmp_path: Path) -> None:
    missing = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no such database" in missing.output
    assert not (tmp_path / "none.db").exists()
    empty = tmp_path / "empty.db"
    Store(empty).close()
    result = CliRunner().invoke(main, ["serve", "--db", str(empty)])
    assert result.exit_code == 1 and "no reports in the database" in result.output


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_without_any_token_serve_makes_one_and_prints_it_once(db: Path, tmp_path: Path) -> None:
    """Before: on loopback serve ran with no token at all."""

    def first_line() -> str:
        port = free_port()
        env = {k: v for k, v in os.environ.items() if k != "PIZHU_SERVE_TOKEN"}
        process = subprocess.Popen(
            [sys.executable, "-m", "pizhu", "serve", "--db", str(db), "--port", str(port)],
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=tmp_path,
        )
        try:
            assert process.stderr is not None
            return process.stderr.readline()
        finally:
            process.terminate()
            process.wait(timeout=15)
            if process.stderr is not None:
                process.stderr.close()

    line = first_line()
    assert "no token was configured; made one for" in line and "?token=" in line
    token = line.rsplit("?token=", 1)[1].strip()
    with Store(db) as store:
        assert roles.token_reviewer(store, token, roles.TokenSources({})) == roles.login_name()
    assert "made one" not in first_line()  # shown once: the next start uses it


async def client(db: Path, sources: roles.TokenSources, **kwargs: object) -> tuple[TestClient, object]:
    server = make_server(db, "127.0.0.1", PORT, sources, **kwargs)  # type: ignore[arg-type]
    test_client = TestClient(TestServer(await server._make_app()))
    await test_client.start_server()
    return test_client, server


async def test_without_a_session_nothing_is_served(db: Path) -> None:
    with Store(db) as store:
        token = roles.new_token(store, roles.login_name(), "wang")
    http, _server = await client(db, roles.TokenSources({}))
    try:
        for path in ("/", "/static/js/textual.js", "/ws", "/download/x"):
            assert (await http.get(path)).status == 401, path
        assert (await http.get("/?token=not-the-token-at-all", allow_redirects=False)).status == 403
        forged = await http.get("/", cookies={cookie_name(PORT): token})
        assert forged.status == 401  # the token itself is no session id
    finally:
        await http.close()


async def test_each_token_opens_a_session_of_its_reviewer(db: Path, tmp_path: Path) -> None:
    """Before: one shared token, a fixed digest of it as the cookie, and a name typed freely."""
    with Store(db) as store:
        wang = roles.new_token(store, roles.login_name(), "wang")
    tokens = tmp_path / "tokens"
    tokens.write_text("li li-token-0123456789\n", "utf-8")
    sessions = Sessions()
    http, _server = await client(db, roles.token_sources(str(tokens), None), sessions=sessions)
    try:
        first = await http.get(f"/?token={wang}&fontsize=18", allow_redirects=False)
        assert first.status == 302
        assert first.headers["Location"] == "/?fontsize=18"  # the token leaves the address bar
        cookie = first.cookies[cookie_name(PORT)]
        assert cookie["httponly"] and cookie["samesite"] == "Strict" and int(cookie["max-age"]) > 0
        assert wang not in cookie.value and len(cookie.value) >= 32
        session = sessions.get(cookie.value)
        assert session is not None and session.reviewer == "wang"
        page = await http.get("/?fontsize=18")  # the client's cookie jar brings the cookie
        assert page.status == 200
        html = await page.text()
        host = f"127.0.0.1:{http.port}"
        assert f'data-session-websocket-url="ws://{host}/ws"' in html
        assert page.headers["Referrer-Policy"] == "no-referrer"
        assert (await http.get("/static/js/textual.js")).status == 200
        again = await http.get(f"/?token={wang}", allow_redirects=False)
        assert again.cookies[cookie_name(PORT)].value != cookie.value  # a random id per login
        li = await http.get("/?token=li-token-0123456789", allow_redirects=False)
        li_session = sessions.get(li.cookies[cookie_name(PORT)].value)
        assert li_session is not None and li_session.reviewer == "li"
    finally:
        await http.close()


async def test_a_session_expires(db: Path) -> None:
    with Store(db) as store:
        token = roles.new_token(store, roles.login_name(), "wang")
    sessions = Sessions(seconds=0.2)
    http, _server = await client(db, roles.TokenSources({}), sessions=sessions)
    try:
        assert (await http.get(f"/?token={token}")).status == 200
        time.sleep(0.3)
        assert (await http.get("/")).status == 401
    finally:
        await http.close()


async def test_a_websocket_from_another_site_and_one_session_too_many_are_refused(db: Path) -> None:
    with Store(db) as store:
        token = roles.new_token(store, roles.login_name(), "wang")
    http, server = await client(db, roles.TokenSources({}), max_sessions=2)
    try:
        assert (await http.get(f"/?token={token}")).status == 200
        other = await http.get("/ws", headers={"Origin": "http://evil.example"})
        assert other.status == 403
        type(server).live = 2  # as if two app processes ran
        full = await http.get("/ws")
        assert full.status == 503 and "--max-sessions" in await full.text()
    finally:
        type(server).live = 0
        await http.close()


def test_the_new_modules_keep_the_floors() -> None:
    """pizhu.store.formats is core (no textual, rich or aiohttp); the CLI loads textual-serve only for serve."""
    code = (
        "import sys, pizhu.store.formats, pizhu.store.roles, pizhu.serve, pizhu.cli;"
        "bad = sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'textual_serve', 'aiohttp', 'rich'});"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
