"""Reading a gold JSONL file for ``pizhu eval``: every line checked before scoring; and its coverage.

One JSON object per line, with ``doc``, ``label`` and ``text`` strings; FIGURE lines may
add ``value`` (a number, or a number written as a string), ``unit``, ``approx`` and
``metric`` (strings). A line that is anything else (``[1,2]``, ``"str"``, ``{}``,
``{"doc": 5, "label": null}``) is refused with a ``GoldFileError`` naming the file and
the line number, so the scorer only ever sees rows it can read.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from pizhu.extract.models import LABELS
from pizhu.store.errors import GoldFileError

REQUIRED = ("doc", "label", "text")
OPTIONAL_STRINGS = ("unit", "approx", "metric")
MAX_GOLD_BYTES = 200 * 1024 * 1024


_KINDS = {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list", dict: "an object"}


def _kind(value: Any) -> str:
    return "null" if value is None else _KINDS.get(type(value), type(value).__name__)


def check_row(row: Any) -> str:
    """Why ``row`` is not a gold row ("" when it is one)."""
    if not isinstance(row, dict):
        return f"expected a JSON object with doc, label and text, got {_kind(row)}"
    for key in REQUIRED:
        if key not in row:
            return f'"{key}" is missing'
        if not isinstance(row[key], str) or not row[key]:
            return f'"{key}" must be a non-empty string, not {_kind(row[key])}'
    for key in OPTIONAL_STRINGS:
        if key in row and row[key] is not None and not isinstance(row[key], str):
            return f'"{key}" must be a string, not {_kind(row[key])}'
    value = row.get("value")
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float | str)):
        return f'"value" must be a number, not {_kind(value)}'
    return ""


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """The rows of a gold JSONL file (blank lines skipped), or a ``GoldFileError``."""
    path = Path(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise GoldFileError(f"{path}: not a regular file")
        if info.st_size > MAX_GOLD_BYTES:
            raise GoldFileError(f"{path}: too large for a gold file ({info.st_size // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise GoldFileError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    rows = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise GoldFileError(f"{path}, line {number}: not a JSONL gold file (not UTF-8 text)") from None
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            raise GoldFileError(f"{path}, line {number}: not a JSONL gold file (not JSON: {reason})") from None
        problem = check_row(row)
        if problem:
            raise GoldFileError(f"{path}, line {number}: not a JSONL gold file ({problem})")
        rows.append(row)
    return rows


def read_coverage(gold_path: str | Path) -> dict[str, set[str]] | None:
    """What each report was labelled for, from a ``coverage.json`` beside the gold file.

    ``{"name.txt": ["FIGURE", "DATE"], "other.txt": "*"}`` (or a list of ``{"doc", "labels"}``
    objects); ``"*"`` or ``"all"`` is every label. None when there is no such file: the gold
    then labels each report it names for every label it holds (``extract.evaluate.score``).
    A file that is not of this shape is a ``GoldFileError``.
    """
    path = Path(gold_path).parent / "coverage.json"
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFileError(f"{path}: not a coverage file ({exc})") from None
    if isinstance(data, dict):
        items = list(data.items())
    elif isinstance(data, list) and all(isinstance(row, dict) and {"doc", "labels"} <= row.keys() for row in data):
        items = [(row["doc"], row["labels"]) for row in data]
    else:
        raise GoldFileError(f"{path}: not a coverage file (an object of report names, or a list of doc/labels objects)")
    covered: dict[str, set[str]] = {}
    for name, labels in items:
        if labels in ("*", "all") or labels == ["*"]:
            covered[name] = set(LABELS)
            continue
        if not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
            raise GoldFileError(f'{path}: the labels of {name!r} must be a list of labels or "*"')
        unknown = set(labels) - set(LABELS)
        if unknown:
            raise GoldFileError(f"{path}: unknown label(s) for {name!r}: {', '.join(sorted(unknown))}")
        covered[name] = set(labels)
    return covered
