"""Who may do what in a database: its owner, the adjudicators, reviewers' names, serve tokens.

Kept in the database itself (migration ``0008_roles``), so every copy and every way in
(the terminal app, ``pizhu serve``, the CLI) sees the same rules:

* The *owner* grants roles and settings: the user who created the database (recorded
  then), or the operating-system owner of its file.
* An *adjudicator* (``roles`` table) may open the adjudication screen and record
  verdicts. A name written ``adjudicator:NAME`` is NAME's adjudication in the log, and
  confers nothing by itself: NAME must hold the role (a database made before roles
  existed got it, by migration, for everyone who had adjudicated).
* A reviewer is who logged in (``login_name``: the OS user, over SSH too). Another name
  (``pizhu open --reviewer``) only where the owner allows it (``reviewer_names`` = free:
  tests, benches, a shared training account).
* ``pizhu serve`` maps each browser session to the reviewer of the token it brought: a
  token made by ``pizhu token NAME`` (kept as a SHA-256 digest, shown once), or given to
  ``serve`` in a file (``NAME TOKEN`` lines) or in ``PIZHU_SERVE_TOKEN`` (the serving
  user's own).

Adjudication rules (``check_adjudication``, inside the verdict's transaction): only an
adjudicator; never over an earlier verdict unless ``overrule`` (the app asks first,
saying who decided it and when); never on a span the adjudicator decided as a reviewer,
unless no other adjudicator is free of it.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import os
import pwd
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pizhu.store.clock import now
from pizhu.store.errors import AdjudicatedError, ReviewError, RoleError, StoreError
from pizhu.store.handle import Reads, Writes
from pizhu.store.records import ADJUDICATOR_PREFIX, PENDING, is_adjudicator

ADJUDICATOR = "adjudicator"
ROLES = (ADJUDICATOR,)
NAMES_KEY = "reviewer_names"
FREE, LOGIN = "free", "login"
OWNER_KEY = "owner"
MAX_NAME_LENGTH = 40
MIN_TOKEN_LENGTH = 12


def login_name() -> str:
    """Who is at the keyboard: the operating system's login name (over SSH too)."""
    try:
        return getpass.getuser()
    except Exception:  # getuser raises when no login name can be found at all
        return os.environ.get("USER", "reviewer")


def base_name(name: str) -> str:
    """``adjudicator:wang`` is wang's adjudicating name: roles belong to wang."""
    return name.removeprefix(ADJUDICATOR_PREFIX)


def name_problem(name: str) -> str:
    """Why ``name`` cannot be a reviewer's name ("" when it can)."""
    if not name:
        return "give a name"
    if len(name) > MAX_NAME_LENGTH:
        return f"at most {MAX_NAME_LENGTH} characters"
    if not name.isprintable() or any(c.isspace() for c in name):
        return "letters, digits and punctuation only"
    if is_adjudicator(name):
        return f"{ADJUDICATOR_PREFIX} is kept for adjudications"
    return ""


def _meta(store: Reads, key: str) -> str | None:
    rows = store.read("SELECT value FROM pizhu_meta WHERE key = ?", [key])
    return str(rows[0]["value"]) if rows else None


def _set_meta(store: Writes, key: str, value: str) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO pizhu_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


# --- the owner --------------------------------------------------------------------------------


def owners(store: Writes) -> set[str]:
    """Who owns the database: who created it, and the OS owner of its file."""
    found = {name for name in (_meta(store, OWNER_KEY),) if name}
    if store.path != ":memory:":
        try:
            found.add(pwd.getpwuid(os.stat(store.path).st_uid).pw_name)
        except (OSError, KeyError):
            pass
    return found


def require_owner(store: Writes, user: str, what: str) -> None:
    if user not in owners(store):
        who = " or ".join(sorted(owners(store))) or "its owner"
        raise RoleError(f"only the database's owner ({who}) can {what}; you are {user}")


# --- roles ------------------------------------------------------------------------------------


def grant(store: Writes, by: str, name: str, role: str = ADJUDICATOR) -> None:
    _check_role(role)
    problem = name_problem(name)
    if problem:
        raise RoleError(f"{name!r}: {problem}")
    require_owner(store, by, "grant roles")

    with store.transaction() as conn:
        conn.execute(
            "INSERT OR IGNORE INTO roles (reviewer, role, granted_by, granted_at) VALUES (?,?,?,?)",
            (name, role, by, now()),
        )


def revoke(store: Writes, by: str, name: str, role: str = ADJUDICATOR) -> None:
    _check_role(role)
    require_owner(store, by, "take roles back")
    with store.transaction() as conn:
        conn.execute("DELETE FROM roles WHERE reviewer = ? AND role = ?", (name, role))


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise RoleError(f"no role {role!r} (roles: {', '.join(ROLES)})")


def has_role(store: Reads, name: str, role: str = ADJUDICATOR) -> bool:
    return bool(store.read("SELECT 1 FROM roles WHERE reviewer = ? AND role = ?", [base_name(name), role]))


def holders(store: Reads, role: str = ADJUDICATOR) -> list[str]:
    return [r["reviewer"] for r in store.read("SELECT reviewer FROM roles WHERE role = ? ORDER BY 1", [role])]


# --- reviewers' names -------------------------------------------------------------------------


def free_names(store: Reads) -> bool:
    """Whether the owner lets anyone review under any name (``--reviewer``)."""
    return _meta(store, NAMES_KEY) == FREE


def set_free_names(store: Writes, by: str, free: bool) -> None:
    require_owner(store, by, "change how reviewers are named")
    _set_meta(store, NAMES_KEY, FREE if free else LOGIN)


def reviewer_for(store: Reads, login: str, wanted: str | None) -> str:
    """The reviewer a session records decisions as: the login name, or ``wanted`` where allowed."""
    if wanted is None or wanted == login:
        return login
    if not free_names(store):
        raise RoleError(
            f"--reviewer {wanted}: you are {login}, and this database records decisions under the login name"
            " (its owner can allow other names: pizhu role --names free)"
        )
    problem = name_problem(wanted)
    if problem and not is_adjudicator(wanted):
        raise RoleError(f"--reviewer {wanted!r}: {problem}")
    return wanted


# --- adjudication -----------------------------------------------------------------------------


def check_adjudication(conn: sqlite3.Connection, span_id: int, adjudicator: str, *, overrule: bool) -> None:
    """Refuse a verdict the roles do not allow (see the module docstring); inside the
    verdict's own transaction, so nothing changes between the check and the write."""
    if not adjudicator:
        raise ReviewError("an adjudication needs an adjudicator name")
    name = base_name(adjudicator)
    adjudicators = {r[0] for r in conn.execute("SELECT reviewer FROM roles WHERE role = ?", (ADJUDICATOR,))}
    if name not in adjudicators:
        raise RoleError(f"{name} is not an adjudicator (the database's owner grants it: pizhu role {name} adjudicator)")
    row = conn.execute("SELECT adjudicator, decided_at FROM gold_states WHERE span_id = ?", (span_id,)).fetchone()
    if row is not None and row[0] and not overrule:
        raise AdjudicatedError(row[0], row[1] or "")
    decided = {
        base_name(r[0])
        for r in conn.execute("SELECT reviewer FROM span_states WHERE span_id = ? AND status != ?", (span_id, PENDING))
        if not is_adjudicator(r[0])
    }
    if name in decided and adjudicators - decided:
        others = ", ".join(sorted(adjudicators - decided))
        raise RoleError(f"you decided this span yourself: another adjudicator ({others}) adjudicates it")


# --- serve tokens -----------------------------------------------------------------------------


def token_digest(token: str) -> str:
    return hashlib.sha256(f"pizhu-token:{token}".encode()).hexdigest()


def token_problem(token: str) -> str:
    if len(token) < MIN_TOKEN_LENGTH:
        return f"a token has at least {MIN_TOKEN_LENGTH} characters"
    if not (token.isascii() and token.isprintable()) or any(c.isspace() for c in token):
        return "a token is printable ASCII without spaces"
    return ""


def new_token(store: Writes, by: str, name: str) -> str:
    """A new token for ``name``, kept as a digest; the token itself is returned, to show once.

    Anyone may make a token for themselves; only the owner for someone else.
    """
    problem = name_problem(name)
    if problem:
        raise RoleError(f"{name!r}: {problem}")
    if name != by:
        require_owner(store, by, "make a token for someone else")

    token = secrets.token_urlsafe(24)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO serve_tokens (digest, reviewer, created_by, created_at) VALUES (?,?,?,?)",
            (token_digest(token), name, by, now()),
        )
    return token


def has_tokens(store: Reads) -> bool:
    return bool(store.read("SELECT 1 FROM serve_tokens LIMIT 1"))


@dataclass(frozen=True)
class TokenSources:
    """Where ``pizhu serve`` takes tokens from besides the database: a file, the environment."""

    file: dict[str, str]
    """Digest → reviewer, from ``--tokens FILE``."""
    environment: str = ""
    """The digest of ``PIZHU_SERVE_TOKEN`` (the serving user's token), or ""."""
    serving_user: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.file or self.environment)


def read_token_file(path: str | Path) -> dict[str, str]:
    """``NAME TOKEN`` per line (``#`` comments, blank lines): digest → name; a bad line is an error."""
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreError(f"{path}: cannot read the tokens file ({getattr(exc, 'strerror', None) or exc})") from None
    found: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 2:
            raise StoreError(f"{path}, line {number}: write NAME TOKEN")
        name, token = parts
        problem = name_problem(name) or token_problem(token)
        if problem:
            raise StoreError(f"{path}, line {number}: {problem}")
        found[token_digest(token)] = name
    return found


def token_sources(tokens_file: str | None, environment_token: str | None) -> TokenSources:
    if environment_token:
        problem = token_problem(environment_token)
        if problem:
            raise StoreError(f"PIZHU_SERVE_TOKEN: {problem}")
    return TokenSources(
        read_token_file(tokens_file) if tokens_file else {},
        token_digest(environment_token) if environment_token else "",
        login_name(),
    )


def token_reviewer(store: Reads, token: str, sources: TokenSources) -> str | None:
    """The reviewer ``token`` stands for, or None."""
    digest = token_digest(token)
    if sources.environment and hmac.compare_digest(digest, sources.environment):
        return sources.serving_user
    for known, name in sources.file.items():
        if hmac.compare_digest(digest, known):
            return name
    rows = store.read("SELECT reviewer FROM serve_tokens WHERE digest = ?", [digest])
    return str(rows[0]["reviewer"]) if rows else None
