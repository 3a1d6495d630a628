"""``pizhu serve``: the review app in a browser, through textual-serve, one reviewer per token.

textual-serve starts one app process per browser tab and relays its terminal over a
websocket; textual-serve itself checks nobody, so ``PizhuServer`` puts an aiohttp
middleware in front of every route (page, static files, websocket):

- every request needs a session, and a session needs a token: a browser brings one once
  as ``?token=``; the server maps it to its reviewer (``store.roles.token_reviewer``: a
  token from ``pizhu token NAME``, the ``--tokens`` file or ``PIZHU_SERVE_TOKEN``), answers
  with a redirect that drops it from the address bar and a cookie holding a random
  session id (HttpOnly, SameSite=Strict, expiring, named after the port so that two
  servers on one host keep apart), which every later request must show;
- a websocket whose ``Origin`` is another site is refused (a page elsewhere must not
  drive a reviewer's session through their browser);
- at most ``max_sessions`` app processes run at once (each holds ~100 MB): one more
  browser tab is told to come back later.

The app process is ``pizhu open --serve-session``: it gets the session's token in its
environment (never in argv, where ``ps`` shows it) and checks it against the same
sources, so the reviewer it records decisions as is the token's, and nobody types a name.
Access logging is off: a request line can hold a token.
"""

from __future__ import annotations

import functools
import ipaddress
import logging
import secrets
import shlex
import sys
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from aiohttp import web
    from aiohttp.typedefs import Handler, Middleware

    from pizhu.store.roles import TokenSources

TOKEN_ENV = "PIZHU_SERVE_TOKEN"
SESSION_TOKEN_ENV = "PIZHU_SESSION_TOKEN"
SESSION_SECONDS = 12 * 3600
DEFAULT_MAX_SESSIONS = 8
MAX_REMEMBERED = 1000  # cookie sessions kept in memory; the oldest goes first


class ServeError(Exception):
    """The server cannot start as asked, with a one-line explanation."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to anything


def cookie_name(port: int) -> str:
    """Per port: two servers on one host (one cookie jar per host) must not share sessions."""
    return f"pizhu_session_{port}"


def app_command(db_path: Path, tokens_file: str | None = None) -> str:
    """The shell command textual-serve runs per browser session (the token goes in its environment)."""
    command = [sys.executable, "-m", "pizhu", "open", "--db", str(db_path), "--serve-session"]
    if tokens_file:
        command += ["--tokens", str(Path(tokens_file).resolve())]
    return shlex.join(command)


@dataclass
class Session:
    reviewer: str
    token: str
    expires: float


class Sessions:
    """Browser sessions: a random id (the cookie) → the reviewer and token it logged in with."""

    def __init__(self, seconds: float = SESSION_SECONDS, remembered: int = MAX_REMEMBERED) -> None:
        self.seconds = seconds
        self.remembered = remembered
        self._by_id: OrderedDict[str, Session] = OrderedDict()

    def open(self, reviewer: str, token: str) -> str:
        self._prune()
        while len(self._by_id) >= self.remembered:
            self._by_id.popitem(last=False)
        sid = secrets.token_urlsafe(32)
        self._by_id[sid] = Session(reviewer, token, time.monotonic() + self.seconds)
        return sid

    def get(self, sid: str) -> Session | None:
        session = self._by_id.get(sid)
        if session is None or session.expires < time.monotonic():
            self._by_id.pop(sid, None)
            return None
        return session

    def _prune(self) -> None:
        now = time.monotonic()
        for sid in [sid for sid, s in self._by_id.items() if s.expires < now]:
            del self._by_id[sid]


@functools.cache
def session_key() -> Any:
    """The request key the guard files the session under, for the websocket handler."""
    from aiohttp import web

    return web.RequestKey("pizhu_session", Session)


def guard(sessions: Sessions, reviewer_of: Any, port: int) -> Middleware:
    """The aiohttp middleware: a session for every request, from a token once; the websocket's origin."""
    from aiohttp import web

    name = cookie_name(port)

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path == "/ws":
            origin = request.headers.get("Origin")
            if origin and urlsplit(origin).netloc != request.host:
                raise web.HTTPForbidden(text="pizhu serve: this page may not open the app\n")
        given = request.query.get("token")
        if given is not None:
            reviewer = reviewer_of(given)
            if reviewer is None:
                raise web.HTTPForbidden(text="pizhu serve: wrong token\n")
            query = {k: v for k, v in request.query.items() if k != "token"}
            response = web.HTTPFound(request.rel_url.with_query(query))
            response.set_cookie(
                name,
                sessions.open(reviewer, given),
                httponly=True,
                samesite="Strict",
                path="/",
                max_age=max(1, int(sessions.seconds)),
            )
            raise response
        session = sessions.get(request.cookies.get(name, ""))
        if session is None:
            raise web.HTTPUnauthorized(text="pizhu serve: open the link with ?token= that you were given\n")
        request[session_key()] = session
        return await handler(request)

    return middleware


def make_server(
    db_path: Path,
    host: str,
    port: int,
    sources: TokenSources,
    *,
    tokens_file: str | None = None,
    max_sessions: int = DEFAULT_MAX_SESSIONS,
    sessions: Sessions | None = None,
) -> Any:
    """A textual-serve ``Server`` for the app on ``db_path``, behind ``guard``."""
    import aiohttp_jinja2
    from aiohttp import WSMsgType, web
    from rich.console import Console
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    from pizhu.store import roles
    from pizhu.store.db import Store

    known = sessions or Sessions()

    def reviewer_of(token: str) -> str | None:
        with Store(db_path, read_only=True) as store:
            return roles.token_reviewer(store, token, sources)

    class SessionApp(AppService):
        """One app process, handed its session's token in the environment."""

        def __init__(self, *args: Any, token: str, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.token = token

        def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
            environment: dict[str, str] = super()._build_environment(width=width, height=height)
            environment[SESSION_TOKEN_ENV] = self.token
            return environment

    class PizhuServer(Server):
        live = 0

        async def _make_app(self) -> web.Application:
            app: web.Application = await super()._make_app()
            app.middlewares.append(guard(known, reviewer_of, port))
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

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            """textual-serve's relay, with the session's token for the app and a cap on processes."""
            if PizhuServer.live >= max_sessions:
                raise web.HTTPServiceUnavailable(
                    text=f"pizhu serve: {max_sessions} sessions are open already (--max-sessions); try later\n"
                )
            session: Session = request[session_key()]
            websocket = web.WebSocketResponse(heartbeat=15)
            width, height = (
                int(value) if value.isdigit() else default
                for value, default in ((request.query.get("width", ""), 80), (request.query.get("height", ""), 24))
            )
            PizhuServer.live += 1
            service: Any = None
            try:
                await websocket.prepare(request)
                service = SessionApp(
                    self.command,
                    write_bytes=websocket.send_bytes,
                    write_str=websocket.send_str,
                    close=websocket.close,
                    download_manager=self.download_manager,
                    debug=self.debug,
                    token=session.token,
                )
                await service.start(width, height)
                async for message in websocket:
                    if message.type != WSMsgType.TEXT:
                        continue
                    envelope = message.json()
                    kind = envelope[0]
                    data: Any = envelope[1] if len(envelope) > 1 else None
                    if kind == "stdin":
                        await service.send_bytes(data.encode("utf-8"))
                    elif kind == "resize":
                        await service.set_terminal_size(data["width"], data["height"])
                    elif kind == "ping":
                        await websocket.send_json(["pong", data])
                    elif kind == "blur":
                        await service.blur()
                    elif kind == "focus":
                        await service.focus()
            except Exception as error:  # a broken connection ends this session only
                logging.getLogger("pizhu.serve").debug("session ended: %s", error)
            finally:
                PizhuServer.live -= 1
                if service is not None:
                    await service.stop()
            return websocket

        async def on_startup(self, app: web.Application) -> None:
            self.console.print(f"pizhu serve: {db_path} on http://{host}:{port}/?token=…  (ctrl+c stops)")

        def initialize_logging(self) -> None:
            super().initialize_logging()
            logging.getLogger("aiohttp.access").disabled = True

    server = PizhuServer(app_command(db_path, tokens_file), host=host, port=port, title="pizhu 批注")
    server.console = Console(markup=False, highlight=False, stderr=True)
    return server


def serve(
    db_path: Path,
    host: str,
    port: int,
    sources: TokenSources,
    *,
    tokens_file: str | None = None,
    max_sessions: int = DEFAULT_MAX_SESSIONS,
) -> None:
    """Serve until interrupted."""
    server = make_server(db_path.resolve(), host, port, sources, tokens_file=tokens_file, max_sessions=max_sessions)
    try:
        server.serve()
    except OSError as exc:
        raise ServeError(f"{host}:{port}: {exc.strerror or exc}") from None


__all__ = ["DEFAULT_MAX_SESSIONS", "ServeError", "Sessions", "app_command", "cookie_name", "make_server", "serve"]
