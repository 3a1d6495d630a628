"""Split the development corpus, once and reproducibly, into a dev half and a test half.

The split is fixed before any text is labelled. The dev half is for developing rules and reading
misses. The test half is only scored.

The kind and script of every text come from the table in SOURCES.md. A stratum is one (kind,
script) pair. Within a stratum, the texts are ordered by the sha256 of a fixed salt plus their
file name and then go to dev and test in turn. A stratum with an odd number of texts gives its
extra text to whichever half the previous odd stratum did not. So each half gets about half of
every kind and of each script, and nobody chose which text went where.

Texts under a heading that ends in "(held for a final measure)" go to neither half: split.json
lists them under "fresh", and no rule is developed or scored on them until that measure. Once a
held batch has been measured it may join the dev half: its heading then ends in "(measured held
out, then moved to the dev half)" and its rows count as texts added after the split.

    python tests/data/corpus/split.py           # writes split.json beside this file
    python tests/data/corpus/split.py --check   # exit 1 if split.json is not what the rule gives
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SALT = "pizhu-corpus-split-2025"
LATE_HEADING = "## Added to the dev half after the split"
HELD_MARK = "(held for a final measure)"
MOVED_MARK = "(measured held out, then moved to the dev half)"
ROW = re.compile(r"^\| `(?P<file>\d{3}_[^`]+\.txt)` \|(?P<rest>.*)\|\s*$")


def sources(path: Path = HERE / "SOURCES.md", late: bool = False, held: bool = False) -> list[tuple[str, str, str]]:
    """(file, kind, script) for every row of the SOURCES.md table, in table order.

    ``late``: the rows of the table of texts added after the split instead.
    ``held``: the rows of the tables held for a final measure instead (in neither half).
    """
    rows = []
    in_late = in_held = False
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("## "):
            in_late = line.strip() == LATE_HEADING or line.strip().endswith(MOVED_MARK)
            in_held = line.strip().endswith(HELD_MARK)
        match = ROW.match(line)
        if in_held != held or (not held and in_late != late):
            continue
        if match:
            cells = [cell.strip() for cell in match["rest"].split("|")]
            # cells: URL, site, kind, script, year, reserved-check, notes
            rows.append((match["file"], cells[2], cells[3]))
    return rows


def rank(name: str) -> str:
    return hashlib.sha256(f"{SALT}:{name}".encode()).hexdigest()


def split(rows: list[tuple[str, str, str]]) -> dict[str, list[str]]:
    strata: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, kind, script in rows:
        strata[(kind, script)].append(name)
    halves: dict[str, list[str]] = {"dev": [], "test": []}
    odd_goes_to = 0  # 0: dev, 1: test
    for key in sorted(strata):
        names = sorted(strata[key], key=rank)
        for i, name in enumerate(names):
            side = (i + odd_goes_to) % 2
            halves["dev" if side == 0 else "test"].append(name)
        if len(names) % 2:
            odd_goes_to ^= 1
    return {half: sorted(names) for half, names in halves.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with split.json instead of writing it")
    args = parser.parse_args()
    rows = sources()
    late = [name for name, _, _ in sources(late=True)]
    held = [name for name, _, _ in sources(held=True)]
    texts = sorted(p.name for p in (HERE / "texts").glob("*.txt"))
    if sorted([name for name, _, _ in rows] + late + held) != texts:
        print("SOURCES.md and texts/ do not list the same files", file=sys.stderr)
        return 1
    result = split(rows)
    result["dev"] = sorted(result["dev"] + late)
    if held:
        result["fresh"] = sorted(held)
    target = HERE / "split.json"
    text = json.dumps(result, ensure_ascii=False, indent=1) + "\n"
    if args.check:
        if target.read_text("utf-8") != text:
            print("split.json is not what the split rule gives", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
