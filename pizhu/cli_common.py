"""What every ``pizhu`` command shares: the ``--db`` option, one-line errors, opening the
store, and output that never lets data drive the terminal.

``pizhu.cli`` (the group and the reading commands) and ``pizhu.cli_gold`` (export,
stats, agree, merge, backup) both import this module and nothing of each other.

Every string printed here may hold data (report text, tags, reviewer names from a merged
copy, file names, labels from a gold file): tables and lines go through
``store.display.visible``, JSON through ``store.display.json_for_terminal``.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import click

from pizhu.store.db import DEFAULT_DB, Store
from pizhu.store.display import json_for_terminal, one_line, visible
from pizhu.store.errors import StoreError

db_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The SQLite database file.",
)


def shown(text: object) -> str:
    """Text fit for one terminal line: control characters (a file name can hold escape
    sequences) are shown as visible pictures instead of being sent to the terminal."""
    return one_line(str(text))


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"pizhu: error: {shown(message)}", err=True)
    sys.exit(code)


def say(message: str) -> None:
    """A progress or outcome line on stderr."""
    click.echo(shown(message), err=True)


@contextmanager
def open_store(db_path: str, *, read_only: bool = False) -> Iterator[Store]:
    """The store for a command; a ``StoreError`` anywhere inside becomes one error line.

    ``read_only``: the command only reads, so a database in a folder it cannot write is
    opened read-only instead of refused (see ``Store``).
    """
    try:
        store = Store(db_path, read_only=read_only)
    except StoreError as exc:
        fail(str(exc))
    try:
        yield store
    except StoreError as exc:
        fail(str(exc))
    finally:
        store.close()


def echo_json(value: Any) -> None:
    """Print ``value`` as indented JSON; control characters in its strings stay escaped."""
    click.echo(json_for_terminal(json.dumps(value, ensure_ascii=False, indent=2)))


@functools.cache
def _safe_classes() -> tuple[type, type]:
    from rich.console import Console
    from rich.table import Table

    class SafeTable(Table):
        """A table whose title, caption and string cells are shown as data."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            for key in ("title", "caption"):
                if isinstance(kwargs.get(key), str):
                    kwargs[key] = visible(kwargs[key])
            super().__init__(*args, **kwargs)

        def add_row(self, *cells: Any, **kwargs: Any) -> None:
            super().add_row(*(visible(c) if isinstance(c, str) else c for c in cells), **kwargs)

        def __setattr__(self, name: str, value: Any) -> None:
            if name in ("title", "caption") and isinstance(value, str):
                value = visible(value)
            super().__setattr__(name, value)

    class SafeConsole(Console):
        """A console that never reads markup and shows every string it prints as data."""

        def print(self, *objects: Any, **kwargs: Any) -> None:
            super().print(*(visible(o) if isinstance(o, str) else o for o in objects), **kwargs)

    return SafeTable, SafeConsole


def console() -> Any:
    """A Rich console for data: no markup, no highlighting, control characters made visible."""
    return _safe_classes()[1](markup=False, highlight=False)


def table(title: str, **kwargs: Any) -> Any:
    """A Rich table for data (see ``console``): light borders, no edge padding, so a
    dozen columns still fit an 80-column terminal."""
    from rich import box

    options: dict[str, Any] = {"box": box.SIMPLE_HEAD, "pad_edge": False, "padding": (0, 1), "collapse_padding": True}
    options.update(kwargs)
    return _safe_classes()[0](title=title, **options)
