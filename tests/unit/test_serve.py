"""``pizhu serve``'s access rules and its guard in front of textual-serve, over real HTTP.

The server here is the real one (textual-serve's aiohttp application with the guard
added), run by aiohttp's test server on a loopback port; no app process is started
because no test opens the websocket past the guard. The browser test in
``tests/tui/test_serve_browser.py`` drives the whole thing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.serve import ServeError, app_command, check_access, is_loopback, make_server, session_digest
from store.db import Store

TOKEN = "s3cret-token-for-tests"


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.3.4.5", True), ("localhost", True), ("::1", True), ("[::1]", True),
     ("0.0.0.0", False), ("192.168.1.20", False), ("::", False), ("pizhu.example", False)],
)  # fmt: skip
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_check_access() -> None:
    check_access("127.0.0.1", None)
    check_access("0.0.0.0", TOKEN)
    with pytest.raises(ServeError, match="give --token"):
        check_access("0.0.0.0", None)
    with pytest.raises(ServeError, match="at least 12"):
        check_access("0.0.0.0", "")
    with pytest.raises(ServeError, match="at least 12"):
        check_access("127.0.0.1", "short")
    with pytest.raises(ServeError, match="printable ASCII"):
        check_access("127.0.0.1", "令牌令牌令牌令牌令牌令牌")


def test_the_app_command_quotes_the_database_path(tmp_path: Path) -> None:
    command = app_command(tmp_path / "a b;rm -rf ~.db")
    assert command.endswith("--db '" + str(tmp_path / "a b;rm -rf ~.db") + "' --ask-reviewer")


def test_cli_refuses_an_open_host_without_a_token(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    Store(db).close()
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert result.output.startswith("pizhu: error: --host 0.0.0.0 is reachable from other machines")
    missing = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no such database" in missing.output
    assert not (tmp_path / "none.db").exists()
    empty = CliRunner().invoke(main, ["serve", "--db", str(db)])
    assert empty.exit_code == 1 and "no reports in the database" in empty.output


async def client(token: str | None, tmp_path: Path) -> TestClient:
    server = make_server(tmp_path / "t.db", "127.0.0.1", 0, token)
    test_client = TestClient(TestServer(await server._make_app()))
    await test_client.start_server()
    return test_client


async def test_without_the_token_nothing_is_served(tmp_path: Path) -> None:
    http = await client(TOKEN, tmp_path)
    try:
        for path in ("/", "/static/js/textual.js", "/ws", "/download/x"):
            response = await http.get(path)
            assert response.status == 401, path
        wrong = await http.get("/?token=not-the-token-at-all", allow_redirects=False)
        assert wrong.status == 403
        forged = await http.get("/", cookies={"pizhu_session": session_digest("another-token-123")})
        assert forged.status == 401
    finally:
        await http.close()


async def test_the_token_once_then_the_cookie(tmp_path: Path) -> None:
    http = await client(TOKEN, tmp_path)
    try:
        first = await http.get(f"/?token={TOKEN}&fontsize=18", allow_redirects=False)
        assert first.status == 302
        assert first.headers["Location"] == "/?fontsize=18"  # the token leaves the address bar
        cookie = first.cookies["pizhu_session"]
        assert cookie.value == session_digest(TOKEN) and TOKEN not in cookie.value
        assert cookie["httponly"] and cookie["samesite"] == "Strict"
        page = await http.get("/?fontsize=18")  # the client's cookie jar brings the cookie
        assert page.status == 200
        html = await page.text()
        host = f"127.0.0.1:{http.port}"
        assert f'data-session-websocket-url="ws://{host}/ws"' in html
        assert f"http://{host}/static/js/textual.js" in html
        assert page.headers["Referrer-Policy"] == "no-referrer"
        assert (await http.get("/static/js/textual.js")).status == 200
    finally:
        await http.close()


async def test_a_websocket_from_another_site_or_a_rebound_name_is_refused(tmp_path: Path) -> None:
    http = await client(None, tmp_path)
    try:
        response = await http.get("/ws", headers={"Origin": "http://evil.example"})
        assert response.status == 403
        page = await http.get("/")
        assert page.status == 200  # on loopback without a token the page is open
        for host in (f"localhost:{http.port}", f"[::1]:{http.port}"):
            assert (await http.get("/", headers={"Host": host})).status == 200, host
        # A name that an attacker's DNS points at 127.0.0.1 is no way in.
        rebound = await http.get("/", headers={"Host": f"evil.example:{http.port}"})
        assert rebound.status == 403
    finally:
        await http.close()


def test_the_new_modules_keep_the_floors() -> None:
    """store.formats is core (no textual, rich or aiohttp); the CLI loads textual-serve only for serve."""
    code = (
        "import sys, store.formats, pizhu.serve, pizhu.cli;"
        "bad = sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'textual_serve', 'aiohttp', 'rich'});"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
