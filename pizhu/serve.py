"""``pizhu serve``: the review app in a browser, through textual-serve, behind a token.

textual-serve starts one ``pizhu open --ask-reviewer`` process per browser tab and relays
its terminal over a websocket; the app then asks who is reviewing (``tui.screens.login``).
textual-serve itself checks nobody, so ``PizhuServer`` puts an aiohttp middleware in
front of every route (page, static files, websocket):

- a websocket whose ``Origin`` is another site is refused (a page elsewhere must not
  drive a reviewer's session through their browser);
- without a token (loopback only), a request must name a loopback host: a site that
  points its own name at 127.0.0.1 (DNS rebinding) gets nothing;
- with a token, a request must carry it once as ``?token=``; the server answers with a
  redirect that drops it from the address bar and an HttpOnly, SameSite=Strict cookie
  holding a digest of it, which every later request (the websocket included) must show.

Bound to anything but a loopback address, the server refuses to start without a token.
Access logging is off: a request line can hold the token.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from aiohttp import web
    from aiohttp.typedefs import Handler, Middleware

MIN_TOKEN_LENGTH = 12
TOKEN_COOKIE = "pizhu_session"
TOKEN_ENV = "PIZHU_SERVE_TOKEN"


class ServeError(Exception):
    """The server cannot start as asked, with a one-line explanation."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to anything


def check_access(host: str, token: str | None) -> None:
    """Refuse a server that anyone on the network could use."""
    if token is not None:
        if len(token) < MIN_TOKEN_LENGTH:
            raise ServeError(f"--token: at least {MIN_TOKEN_LENGTH} characters")
        if not (token.isascii() and token.isprintable()):
            raise ServeError("--token: printable ASCII characters only")
    if not is_loopback(host) and not token:
        raise ServeError(
            f"--host {host} is reachable from other machines: give --token (or set {TOKEN_ENV}) "
            "so that only reviewers with the link can open the app"
        )


def app_command(db_path: Path) -> str:
    """The shell command textual-serve runs per browser session."""
    return shlex.join([sys.executable, "-m", "pizhu", "open", "--db", str(db_path), "--ask-reviewer"])


def session_digest(token: str) -> str:
    """What the cookie holds: proof of the token without the token itself."""
    return hashlib.sha256(f"pizhu-serve:{token}".encode()).hexdigest()


def guard(token: str | None) -> Middleware:
    """The aiohttp middleware that checks the websocket's origin and the token."""
    from aiohttp import web

    expected = session_digest(token).encode() if token else b""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not token and not is_loopback(urlsplit(f"//{request.host}").hostname or ""):
            raise web.HTTPForbidden(text="pizhu serve: open it as localhost or 127.0.0.1\n")
        if request.path == "/ws":
            origin = request.headers.get("Origin")
            if origin and urlsplit(origin).netloc != request.host:
                raise web.HTTPForbidden(text="pizhu serve: this page may not open the app\n")
        if not token:
            return await handler(request)
        given = request.query.get("token")
        if given is not None:
            if not hmac.compare_digest(session_digest(given).encode(), expected):
                raise web.HTTPForbidden(text="pizhu serve: wrong token\n")
            query = {k: v for k, v in request.query.items() if k != "token"}
            response = web.HTTPFound(request.rel_url.with_query(query))
            response.set_cookie(TOKEN_COOKIE, session_digest(given), httponly=True, samesite="Strict", path="/")
            raise response
        cookie = request.cookies.get(TOKEN_COOKIE, "")
        if not hmac.compare_digest(cookie.encode(), expected):
            raise web.HTTPUnauthorized(text="pizhu serve: open the link with ?token= that you were given\n")
        return await handler(request)

    return middleware


def make_server(db_path: Path, host: str, port: int, token: str | None) -> Any:
    """A textual-serve ``Server`` for the app on ``db_path``, guarded by ``guard(token)``."""
    import aiohttp_jinja2
    from rich.console import Console
    from textual_serve.server import Server

    class PizhuServer(Server):  # type: ignore[misc]
        async def _make_app(self) -> web.Application:
            app: web.Application = await super()._make_app()
            app.middlewares.append(guard(token))
            return app

        async def handle_index(self, request: web.Request) -> web.Response:
            # textual-serve builds the page's URLs from the bound host, which for 0.0.0.0
            # is no address a browser can use: build them from the address it came by.
            origin = f"{request.scheme}://{request.host}"
            websocket = ("wss" if request.scheme == "https" else "ws") + f"://{request.host}/ws"
            size = request.query.get("fontsize", "16")
            context = {
                "font_size": int(size) if size.isdigit() else 16,
                "app_websocket_url": websocket,
                "config": {"static": {"url": f"{origin}/static/"}},
                "application": {"name": self.title},
            }
            response: web.Response = aiohttp_jinja2.render_template("app_index.html", request, context)
            response.headers["Referrer-Policy"] = "no-referrer"
            return response

        async def on_startup(self, app: web.Application) -> None:
            where = f"http://{host}:{port}/" + ("?token=…" if token else "")
            self.console.print(f"pizhu serve: {db_path} on {where}  (ctrl+c stops)")

        def initialize_logging(self) -> None:
            super().initialize_logging()
            logging.getLogger("aiohttp.access").disabled = True

    server = PizhuServer(app_command(db_path), host=host, port=port, title="pizhu 批注")
    server.console = Console(markup=False, highlight=False, stderr=True)
    return server


def serve(db_path: Path, host: str, port: int, token: str | None) -> None:
    """Check the access rules, then serve until interrupted."""
    check_access(host, token)
    server = make_server(db_path.resolve(), host, port, token)
    try:
        server.serve()
    except OSError as exc:
        raise ServeError(f"{host}:{port}: {exc.strerror or exc}") from None
