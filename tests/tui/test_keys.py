"""The README's tables name every key the app binds (the help screen, ``?``, is built from
the same tables in ``tui.keys``, so it cannot miss one)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pizhu.tui import keys

ROOT = Path(__file__).resolve().parents[2]

# How the README writes a key Textual names otherwise.
WRITTEN = {
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "ctrl+left": "ctrl+←",
    "ctrl+right": "ctrl+→",
    "ctrl+up": "ctrl+↑",
    "ctrl+down": "ctrl+↓",
}
# Digit keys are written as ranges: `1`–`8` (labels), `1`–`9` (adjudication picks).
RANGES = {str(n) for n in range(1, 10)}


def readme_keys() -> set[str]:
    """The keys written in the README's "Reviewing" part (its table and the lines after it)."""
    text = (ROOT / "README.md").read_text("utf-8")
    part = text[text.index("## Reviewing") : text.index("## Gold policy")]
    return set(re.findall(r"`([^`\n]+)`", part))


@pytest.mark.parametrize("table", list(keys.TABLES))
def test_every_key_of_the_app_is_in_the_readme(table: str) -> None:
    written = readme_keys()
    missing = []
    for key in keys.TABLES[table]:
        for one in key.keys.split(","):
            shown = WRITTEN.get(one, keys.display(one))
            if shown in RANGES:
                if "1" not in written or ("8" not in written and "9" not in written):
                    missing.append(shown)
            elif shown not in written:
                missing.append(f"{shown} ({key.id})")
    assert missing == []
