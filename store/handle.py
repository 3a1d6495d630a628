"""What a rule module needs of an open store, so it never imports ``store.db``.

``store.progress`` and ``store.roles`` take a store as their first argument and use only
``Reads`` and ``Writes`` of it; ``store.review``'s decision writes take a ``Decides``.
``store.db.Store`` is what callers pass. Keeping them to these protocols keeps
``store.db`` the one module that imports them, not the other way round.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from pizhu.store.records import SpanView


class Reads(Protocol):
    """A store that answers a query with its rows as dicts."""

    def read(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]: ...


class Writes(Reads, Protocol):
    """A store that also writes, in one immediate transaction, and knows its file."""

    @property
    def path(self) -> str: ...

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...


class Decides(Writes, Protocol):
    """A store that ``store.review`` records decisions in (``decide``, ``add_span``, ``undo``...)."""

    @property
    def origin(self) -> str: ...

    def span(self, span_id: int, reviewer: str | None = None) -> SpanView: ...

    def spans_by_id(self, span_ids: Sequence[int], reviewer: str) -> list[SpanView]: ...

    def watch_lexicon(self, conn: sqlite3.Connection, *, spread: bool) -> None: ...
