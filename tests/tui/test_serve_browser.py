"""``pizhu serve`` in a real browser: headless Chromium (Debian's) through its chromedriver.

The server runs from another folder on a seeded database file, with a token made by
``pizhu token`` for one reviewer. The browser is refused without the token, opens the
app with it (no name to type: the token says who), sees the library (what the app sent
to the page's terminal is read back, and a screenshot kept), opens the first report and
presses ``a``: the decision must then be in the database file under the token's reviewer.

Skipped where chromium, chromedriver or selenium are absent (``.ci/run`` installs them).
Screenshots land in the test's folder, and also in ``$PIZHU_SCREENSHOTS`` when set.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pizhu.store.db import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
REVIEWER = "王小明"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="chromium and chromedriver are not installed"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def token(db_path: Path) -> str:
    made = subprocess.run(
        [sys.executable, "-m", "pizhu", "token", REVIEWER, "--db", str(db_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return made.stdout.strip()


@pytest.fixture
def server(db_path: Path, tmp_path: Path, token: str) -> Iterator[str]:
    port = free_port()
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    log = (tmp_path / "serve.log").open("w")
    env = {k: v for k, v in os.environ.items() if k != "PIZHU_SERVE_TOKEN"}
    process = subprocess.Popen(
        [sys.executable, "-m", "pizhu", "serve", "--db", str(db_path), "--port", str(port)],
        cwd=folder,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert process.poll() is None, (tmp_path / "serve.log").read_text()
                assert time.monotonic() < deadline, "pizhu serve did not listen"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,720",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_TERMINAL})
    try:
        yield driver
    finally:
        driver.quit()


# Keeps what the app sends to the page's terminal, decoded, in window.__pizhuScreen, so the
# test can read what xterm.js draws (it draws on a canvas: the DOM holds no text).
RECORD_TERMINAL = """
(() => {
  const Native = window.WebSocket;
  window.__pizhuScreen = "";
  function Recording(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    const decoder = new TextDecoder();
    socket.addEventListener("message", (event) => {
      if (event.data instanceof ArrayBuffer) {
        window.__pizhuScreen += decoder.decode(new Uint8Array(event.data), {stream: true});
      }
    });
    return socket;
  }
  Recording.prototype = Native.prototype;
  for (const name of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) Recording[name] = Native[name];
  window.WebSocket = Recording;
})();
"""


def wait_for_text(driver: Any, needle: str, timeout: float = 30.0) -> None:
    """Until the app has sent ``needle`` to the page's terminal."""
    deadline = time.monotonic() + timeout
    while needle not in driver.execute_script("return window.__pizhuScreen || ''"):
        assert time.monotonic() < deadline, f"the page never showed {needle!r}"
        time.sleep(0.2)


def settled(driver: Any, quiet: float = 1.0, limit: float = 20.0) -> bytes:
    """A screenshot once the page has stopped changing for ``quiet`` seconds."""
    last, since = b"", time.monotonic()
    deadline = since + limit
    while time.monotonic() < deadline:
        shot = driver.get_screenshot_as_png()
        if shot != last:
            last, since = shot, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return shot
        time.sleep(0.2)
    return last


def keep(shot: bytes, name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_bytes(shot)
    folder = os.environ.get("PIZHU_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / name).write_bytes(shot)


def test_a_key_in_the_browser_is_a_decision_in_the_database(
    server: str, browser: Any, db_path: Path, tmp_path: Path, token: str
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(f"{server}/")
    assert "open the link with ?token=" in browser.find_element(By.TAG_NAME, "body").text

    browser.get(f"{server}/?token={token}")
    assert browser.current_url == f"{server}/"  # the token left the address bar
    body = browser.find_element(By.TAG_NAME, "body")
    deadline = time.monotonic() + 30
    while "-first-byte" not in (body.get_attribute("class") or ""):  # the app process is talking
        assert time.monotonic() < deadline, "the app never drew anything"
        time.sleep(0.1)
    keys = browser.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")  # xterm.js's keyboard input
    wait_for_text(browser, "documents")  # the library: its title line, then the rows
    wait_for_text(browser, "城中区政协")
    wait_for_text(browser, REVIEWER)
    keep(settled(browser), "serve.png", tmp_path)

    keys.send_keys(Keys.ENTER)  # open the first report on its first pending candidate
    settled(browser)
    keys.send_keys("a")
    check = Store(db_path)
    try:
        deadline = time.monotonic() + 20
        while not check.decisions(REVIEWER):
            assert time.monotonic() < deadline, "the key never became a decision"
            time.sleep(0.2)
        keep(settled(browser), "serve-confirmed.png", tmp_path)
        decisions = check.decisions()
        assert [(d.reviewer, d.action) for d in decisions] == [(REVIEWER, "confirm")]
        assert check.span(decisions[0].span_id, REVIEWER).status == "confirmed"
    finally:
        check.close()
