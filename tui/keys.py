"""Every key binding of the app in one table, and the keymap file that can override it.

Each binding has an id; Textual's keymap (``App.set_keymap``) replaces the keys of a
binding by id, so one entry in the keymap file rebinds the action on every screen that
uses it. The file is ``$PIZHU_KEYS`` if set, else ``$XDG_CONFIG_HOME/pizhu/keys.toml``
(``~/.config/pizhu/keys.toml``); TOML or JSON, a table of ``id = "keys"``, optionally
under a ``[keys]`` heading. Several keys for one action are separated by commas::

    [keys]
    confirm = "a,y"
    reject = "x,n"
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from textual.binding import Binding, BindingType

from pizhu.extract.models import LABELS


@dataclass(frozen=True)
class Key:
    """One default binding: the id a keymap names, its keys, the action and what it does."""

    id: str
    keys: str
    action: str
    description: str
    show: bool = False
    help: str = ""
    key_display: str | None = None
    priority: bool = False


GLOBAL: tuple[Key, ...] = (
    Key("help", "question_mark", "app.help", "help", True, "every key and the label guidelines"),
    Key("quit", "q", "app.quit", "quit", True, "quit (everything shown as done is already saved)"),
    Key("library", "L", "app.library", "library", False, "the library of documents"),
    Key("queue", "w", "app.queue", "queue", False, "the queue of pending candidates, least confident first"),
    Key("stats", "S", "app.stats", "stats", False, "statistics: progress and extractor precision/recall"),
    Key("check", "C", "app.check", "check", False, "gold that contradicts itself (as pizhu check)"),
    Key(
        "train",
        "ctrl+t",
        "app.train",
        "train",
        False,
        "train a model on the gold in the background (progress at the foot); its candidates then"
        " replace the old model's on the reports not finished",
    ),
    Key(
        "adjudication",
        "J",
        "app.adjudication",
        "adjudicate",
        False,
        "adjudicate the spans reviewers disagree on (adjudicators)",
    ),
)

LIBRARY: tuple[Key, ...] = (
    Key("open", "enter", "open", "open", False, "open the highlighted document in the reader"),
    Key("library.filter", "slash", "filter", "filter", True, "filter documents by organisation, title, year"),
    Key("library.sort", "s", "sort", "sort", True, "sort by the next column (again: reverse)"),
    Key("queue", "w", "app.queue", "queue", True, "pending candidates across documents"),
    Key("reload", "r", "reload", "reload", False, "read the database again (others' progress)"),
    Key("library.withdraw", "d", "withdraw", "withdraw", True, "take the report out of the library (y/n; log kept)"),
    Key("library.describe", "e", "describe", "edit", True, "correct the report's title, organisation, year"),
    Key("library.restore", "u", "restore", "restore", False, "bring back the report you withdrew last"),
)

QUEUE: tuple[Key, ...] = (
    Key("confirm", "a", "confirm", "confirm", True, "confirm the candidate and move on"),
    Key("reject", "x", "reject", "reject", True, "reject the candidate and move on"),
    Key("open", "enter", "open", "open", True, "open the candidate in its document"),
    Key("queue.filter", "f", "filter", "label", True, "show one label only (or all)"),
    Key(
        "bulk_confirm_all",
        "A",
        "bulk('confirm')",
        "all",
        True,
        "confirm all pending with this text and label, every report",
    ),
    Key(
        "bulk_reject_all",
        "X",
        "bulk('reject')",
        "all",
        False,
        "reject all pending with this text and label, every report",
    ),
    Key("undo", "u", "undo", "undo", True, "undo your last decision, a bulk one whole (a new log entry)"),
    Key("redo", "ctrl+r", "redo", "redo", False, "redo what you undid (a new log entry)"),
    Key("back", "escape", "back", "back", False, "back to the previous screen"),
    Key("reload", "r", "reload", "reload", False, "read the database again"),
)

READER: tuple[Key, ...] = (
    Key("confirm", "a", "confirm", "confirm", True, "confirm the span and move to the next pending span"),
    Key("reject", "x", "reject", "reject", True, "reject the span and move to the next pending span"),
    Key("skip", "space", "skip", "skip", True, "move to the next pending span without a decision"),
    Key(
        "take_alternative",
        "o",
        "take_alternative",
        "other",
        False,
        "take the model's other reading of the span (label and bounds, shown as its flag)",
    ),
    Key(
        "bulk_confirm",
        "A",
        "bulk('confirm')",
        "all",
        False,
        "confirm all pending with this text and label here (w: everywhere)",
    ),
    Key(
        "bulk_reject",
        "X",
        "bulk('reject')",
        "all",
        False,
        "reject all pending with this text and label here (w: everywhere)",
    ),
    Key(
        "confirm_section",
        "c",
        "confirm_section",
        "section",
        True,
        "confirm every pending candidate of this section, all read (one u undoes them)",
    ),
    Key("split", "s", "split", "split", False, "split the span in two at the cursor"),
    Key("merge", "M", "merge", "merge", False, "merge the span with the next one"),
    Key("untag", "T", "untag", "untag", False, "remove one of the span's tags"),
    Key("next_span", "tab", "next_span", "next", False, "next span"),
    Key("previous_span", "shift+tab", "previous_span", "previous", False, "previous span"),
    Key("next_section", "right_square_bracket", "next_section", "section", False, "next section"),
    Key("previous_section", "left_square_bracket", "previous_section", "section", False, "previous section"),
    Key("next_document", "right_curly_bracket", "next_document", "document", False, "next document"),
    Key("previous_document", "left_curly_bracket", "previous_document", "document", False, "previous document"),
    *(
        Key(
            f"label_{n}",
            str(n),
            f"set_label({n - 1})",
            "label",
            n == 1,
            f"change the label to {label}",
            key_display="1-8" if n == 1 else None,
        )
        for n, label in enumerate(LABELS, start=1)
    ),
    Key("pick_label", "l", "pick_label", "label", False, "choose the label from a list"),
    # Not in the footer (c took its place there, for q quit to stay at 80 columns); ? lists it.
    Key("edit", "e", "edit", "edit", False, "edit value, unit, approx and metric"),
    Key("tag", "t", "tag", "tag", False, "add a tag (completes existing tags)"),
    Key("start_left", "less_than_sign", "move_start(-1)", "start←", False, "grow the span by a word at its start"),
    Key("start_right", "greater_than_sign", "move_start(1)", "start→", False, "shrink the span by a word at its start"),
    Key("end_left", "comma", "move_end(-1)", "end←", False, "shrink the span by a word at its end"),
    Key("end_right", "full_stop", "move_end(1)", "end→", False, "grow the span by a word at its end"),
    Key("start_char_left", "left_parenthesis", "move_start_char(-1)", "start←", False, "grow the start by a character"),
    Key(
        "start_char_right",
        "right_parenthesis",
        "move_start_char(1)",
        "start→",
        False,
        "shrink the start by a character",
    ),
    Key("end_char_left", "minus", "move_end_char(-1)", "end←", False, "shrink the end by a character"),
    Key("end_char_right", "equals_sign", "move_end_char(1)", "end→", False, "grow the end by a character"),
    Key("select", "v", "select", "select", False, "select the word at the cursor (again: label it); 1-8 label it"),
    Key("caret_left", "left", "caret('left')", "cursor", False, "move the cursor a character left", priority=True),
    Key("caret_right", "right", "caret('right')", "cursor", False, "move the cursor a character right", priority=True),
    Key("caret_up", "up", "caret('up')", "cursor", False, "move the cursor up a line", priority=True),
    Key("caret_down", "down", "caret('down')", "cursor", False, "move the cursor down a line", priority=True),
    Key("word_left", "ctrl+left", "caret('word_left')", "word", False, "move the cursor a word left", priority=True),
    Key(
        "word_right", "ctrl+right", "caret('word_right')", "word", False, "move the cursor a word right", priority=True
    ),
    Key(
        "line_start",
        "home",
        "caret('line_start')",
        "line",
        False,
        "move the cursor to the start of the line",
        priority=True,
    ),
    Key("line_end", "end", "caret('line_end')", "line", False, "move the cursor to the end of the line", priority=True),
    Key(
        "span_edge_left",
        "ctrl+up",
        "caret('span_edge_left')",
        "edge",
        False,
        "move the cursor to the span edge before it",
        priority=True,
    ),
    Key(
        "span_edge_right",
        "ctrl+down",
        "caret('span_edge_right')",
        "edge",
        False,
        "move the cursor to the span edge after it",
        priority=True,
    ),
    Key(
        "next_punctuation", "p", "caret('next_punctuation')", "punct", False, "move the cursor to the next punctuation"
    ),
    Key(
        "previous_punctuation",
        "P",
        "caret('previous_punctuation')",
        "punct",
        False,
        "move the cursor to the start of the clause",
    ),
    Key(
        "select_clause",
        "V",
        "select_clause",
        "select",
        False,
        "select from the cursor to the next punctuation; extend, then 1-8 label it",
    ),
    Key("jump", "j", "jump", "jump", False, "jump the cursor to a word on screen: type the letters drawn on it"),
    Key(
        "mark_again",
        "m",
        "mark_again",
        "again",
        False,
        "label the next unlabelled occurrence of a text labelled in the document",
    ),
    Key("finish_selection", "enter", "finish_selection", "mark", False, "finish the selection and choose its label"),
    Key("cancel", "escape", "cancel", "back", False, "cancel the selection, or back to the library"),
    Key("label_filter", "f", "label_filter", "filter", False, "review only some labels (1-8 toggle, enter)"),
    Key("undo", "u", "undo", "undo", True, "undo your last decision (a new log entry)"),
    Key("redo", "ctrl+r", "redo", "redo", False, "redo what you undid (a new log entry)"),
    Key("search", "slash", "search", "search", False, "search the document's text"),
    Key("search_next", "n", "search_next", "again", False, "next match of the last search"),
    Key("goto", "g", "goto", "go to", False, "go to a section by its heading"),
    Key("toggle_skipped", "b", "toggle_skipped", "captions", False, "show or skip captions and boilerplate"),
    Key("reload", "r", "reload", "reload", False, "read the database again (see others' changes)"),
)

STATS: tuple[Key, ...] = (
    Key("back", "escape", "back", "back", True, "back to the previous screen"),
    Key("stats.recompute", "r", "recompute", "recompute", True, "compute the figures again from the database"),
)

CHECK: tuple[Key, ...] = (
    Key("check.open", "enter", "open", "open", True, "open the finding's span in the reader"),
    Key("back", "escape", "back", "back", True, "back to the previous screen"),
    Key("reload", "r", "reload", "recheck", True, "check the gold again"),
    Key(
        "check.model",
        "m",
        "model",
        "model check",
        True,
        "also gold a model trained without its report reads as another label (a training per fold, in the background)",
    ),
)

ADJUDICATE: tuple[Key, ...] = (
    *(
        Key(
            f"pick_{n}",
            str(n),
            f"pick({n - 1})",
            "pick",
            n == 1,
            f"take reviewer {n}'s version as final",
            key_display="1-9" if n == 1 else None,
        )
        for n in range(1, 10)
    ),
    Key("reject", "x", "reject", "reject", True, "reject the span as final"),
    Key("open_span", "enter", "open_span", "open", True, "open the span in its report"),
    Key("back", "escape", "back", "back", True, "back to the previous screen"),
    Key("reload", "r", "reload", "reload", False, "read the database again"),
)

TABLES: dict[str, tuple[Key, ...]] = {
    "Reader": READER,
    "Queue": QUEUE,
    "Library": LIBRARY,
    "Statistics": STATS,
    "Check": CHECK,
    "Adjudication": ADJUDICATE,
    "Everywhere": GLOBAL,
}


def bindings(table: tuple[Key, ...], keymap: Mapping[str, str] | None = None) -> list[BindingType]:
    """Textual bindings for a table; the 1-8 label hint is dropped once a label key is rebound."""
    rebound_labels = bool(keymap) and any(k.startswith("label_") for k in keymap or {})
    return [
        Binding(
            k.keys,
            k.action,
            k.description,
            show=k.show,
            id=k.id,
            key_display=None if rebound_labels else k.key_display,
            priority=k.priority,
        )
        for k in table
    ]


def keymap_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("PIZHU_KEYS"):
        return Path(env["PIZHU_KEYS"]).expanduser()
    config = Path(env.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "pizhu" / "keys.toml"


class KeymapError(Exception):
    """The keymap file exists but cannot be used."""


def known_ids() -> set[str]:
    return {k.id for table in TABLES.values() for k in table}


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """The overrides in the keymap file ({} when there is none); unknown ids are refused."""
    path = keymap_path() if path is None else path
    if not path.is_file():
        return {}
    try:
        data = path.read_text("utf-8")
        if path.suffix.lower() == ".json":
            loaded = json.loads(data)
        else:
            try:
                import tomllib
            except ModuleNotFoundError:  # Python 3.10 without tomli: JSON only
                loaded = json.loads(data)
            else:
                loaded = tomllib.loads(data)
    except (OSError, ValueError) as exc:
        raise KeymapError(f"{path}: cannot read the keymap ({exc})") from None
    if isinstance(loaded.get("keys"), dict):
        loaded = loaded["keys"]
    keymap = {str(k): str(v) for k, v in loaded.items() if isinstance(v, str)}
    unknown = sorted(set(keymap) - known_ids())
    if unknown:
        raise KeymapError(f"{path}: unknown binding id(s): {', '.join(unknown)}")
    return keymap


def effective_keys(key: Key, keymap: Mapping[str, str]) -> str:
    """The keys a binding answers to after the keymap, as a person writes them."""
    return ", ".join(display(k.strip()) for k in keymap.get(key.id, key.keys).split(","))


_NAMES = {
    "question_mark": "?",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "right_curly_bracket": "}",
    "left_curly_bracket": "{",
    "less_than_sign": "<",
    "greater_than_sign": ">",
    "comma": ",",
    "full_stop": ".",
    "slash": "/",
    "left_parenthesis": "(",
    "right_parenthesis": ")",
    "minus": "-",
    "equals_sign": "=",
    "home": "home",
    "end": "end",
}


def display(key: str) -> str:
    return _NAMES.get(key, key)
