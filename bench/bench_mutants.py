"""Mutation run over the log and the merge: which one-line changes no test notices.

Runs mutmut (``pip install -e '.[test]'`` installs it) over ``store/review.py`` and
``store/merge.py`` in a throw-away copy of the repository (mutmut writes its ``mutants/``
folder there, never here), against a subset of the tests that exercise them, and
reports the survivors by function. The subset keeps the run to minutes on a 2-core
machine; a survivor of the subset may still be killed by another test of the suite, so
treat the list as where to look, not as proof.

    python -m bench.bench_mutants                   # the default subset, 2 workers
    python -m bench.bench_mutants --tests tests/store/test_merge.py --max-children 1
    python -m bench.bench_mutants --out bench/bench_mutants_results.md
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ("store/review.py", "store/merge.py")
DEFAULT_TESTS = (
    "tests/store/test_merge.py",
    "tests/store/test_merge_checks.py",
    "tests/store/test_review_state.py",
)


def _copy_repo(dest: Path) -> None:
    files = (
        subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True).stdout.decode().split("\0")
    )
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def _configure(dest: Path, tests: list[str]) -> None:
    def listed(items: list[str]) -> str:
        return "[" + ", ".join(f'"{i}"' for i in items) + "]"

    with (dest / "pyproject.toml").open("a", encoding="utf-8") as out:
        out.write(
            "\n[tool.mutmut]\n"
            'source_paths = ["store/"]\n'
            f"only_mutate = {listed(list(TARGETS))}\n"
            f"also_copy = {listed(['extract/', 'pizhu/', 'tui/', 'seeds/', 'tests/'])}\n"
            f"pytest_add_cli_args_test_selection = {listed(tests)}\n"
            'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q", "-x"]\n'
            "mutate_only_covered_lines = true\n"
        )


# mutmut's exit codes per mutant (mutmut.stats): 0 means every test passed, the mutant survived.
_STATUS = {None: "not checked", 0: "survived", 1: "killed", 3: "killed", 33: "no tests", 34: "skipped"}
_STATUS |= {35: "suspicious", 36: "timeout", 24: "timeout", -24: "timeout", 37: "caught by type check"}


def _results(work: Path) -> dict[str, str]:
    """Mutant name → status, from the ``.meta`` files mutmut writes beside each mutated file."""
    results: dict[str, str] = {}
    for meta in sorted((work / "mutants").rglob("*.py.meta")):
        data = json.loads(meta.read_text("utf-8"))
        for name, code in data.get("exit_code_by_key", {}).items():
            results[name] = _STATUS.get(code, "killed")
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tests", nargs="*", default=list(DEFAULT_TESTS))
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None, help="write the results as Markdown here")
    parser.add_argument(
        "--max-seconds", type=float, default=1200, help="stop mutmut then and report the mutants tried (default 1200)"
    )
    args = parser.parse_args()
    if shutil.which("mutmut") is None and not (Path(sys.executable).parent / "mutmut").exists():
        print("mutmut is not installed: pip install -e '.[test]'", file=sys.stderr)
        return 2
    mutmut = shutil.which("mutmut") or str(Path(sys.executable).parent / "mutmut")
    work = Path(tempfile.mkdtemp(prefix="pizhu-mutants-"))
    try:
        _copy_repo(work)
        _configure(work, args.tests)
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)  # mutmut puts its mutants/ first on the path itself
        started = time.perf_counter()
        run = subprocess.Popen(
            [mutmut, "run", "--max-children", str(args.max_children)],
            cwd=work,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        stopped = False
        try:
            run.wait(timeout=args.max_seconds)
        except subprocess.TimeoutExpired:
            stopped = True  # report what was tried by then: mutmut records each mutant as it goes
            os.killpg(run.pid, signal.SIGTERM)
            try:
                run.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(run.pid, signal.SIGKILL)
                run.wait()
        seconds = time.perf_counter() - started
        results = _results(work)
        if not results:
            print("mutmut recorded no mutants", file=sys.stderr)
            return 1
        counts: dict[str, int] = {}
        for status in results.values():
            counts[status] = counts.get(status, 0) + 1
        survivors = sorted(name for name, status in results.items() if status == "survived")
        by_function: dict[str, int] = {}
        for name in survivors:
            function = name.rsplit("__mutmut_", 1)[0]
            by_function[function] = by_function.get(function, 0) + 1
        lines = [
            f"mutants: {len(results)} over {', '.join(TARGETS)}; {seconds:.0f} s with {args.max_children} workers"
            + (f", stopped at --max-seconds {args.max_seconds:.0f}: the not checked were never run" if stopped else ""),
            "tests: " + " ".join(args.tests),
            "status: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
            "",
            "| function | survivors |",
            "|---|---|",
            *(f"| `{f}` | {n} |" for f, n in sorted(by_function.items(), key=lambda kv: (-kv[1], kv[0]))),
            "",
            "survivors: " + " ".join(f"`{s}`" for s in survivors),
        ]
        print("\n".join(lines))
        if args.out:
            args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
