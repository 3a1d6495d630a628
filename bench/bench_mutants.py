"""Mutation run over the log and the merge: which one-line changes no test notices.

Runs mutmut (``pip install -e '.[test]'`` installs it) over ``store/review.py`` and
``store/merge.py`` in a throw-away copy of the repository (mutmut writes its ``mutants/``
folder there, never here), against a subset of the tests that exercise them, and
reports the survivors by function. The subset keeps the run to minutes on a 2-core
machine; a survivor of the subset may still be killed by another test of the suite, so
treat the list as where to look, not as proof.

    python -m bench.bench_mutants                   # the default subset, 2 workers
    python -m bench.bench_mutants --tests tests/store/test_merge.py --max-children 1
    python -m bench.bench_mutants --targets store/review.py     # one file only
    python -m bench.bench_mutants --out bench/bench_mutants_results.md
    python -m bench.bench_mutants --recheck-tests tests/store/test_agree.py tests/store/test_db.py

``--recheck-tests``: each survivor of the subset is then run against these tests (mutmut's
mutated copy picks the mutant from ``MUTANT_UNDER_TEST``), so the report says which
survivors the wider suite kills and which it does not. ``--recheck-dir DIR --survivors
FILE`` does that alone, on a copy of a run's ``mutants/`` folder and the survivors a
report of it lists.
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
        target = dest / name
        if source.is_symlink():  # pizhu/store -> ../store: the copy's pizhu holds the copy's floors
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(os.readlink(source))
        elif source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def _configure(dest: Path, tests: list[str], targets: list[str]) -> None:
    def listed(items: list[str]) -> str:
        return "[" + ", ".join(f'"{i}"' for i in items) + "]"

    # The tests import pizhu.store: mutmut mutates store/ through the link pizhu/store, so its
    # mutants/pizhu/store is the package they load. pizhu's own modules are copied one by one
    # (copying pizhu/ whole would copy the unmutated store/ over them, through the link).
    own = sorted(path.relative_to(dest).as_posix() for path in (dest / "pizhu").glob("*.py"))
    with (dest / "pyproject.toml").open("a", encoding="utf-8") as out:
        out.write(
            "\n[tool.mutmut]\n"
            'source_paths = ["pizhu/store/"]\n'
            f"only_mutate = {listed(['pizhu/' + target for target in targets])}\n"
            f"also_copy = {listed([*own, 'pizhu/extract/', 'pizhu/tui/', 'seeds/', 'tests/'])}\n"
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


# Run inside the mutated copy: pytest and the code under test imported once, then one forked
# child per mutant (as mutmut does), so a survivor costs its tests, not an interpreter's start.
_DRIVER = r"""
import json, os, signal, sys
import pytest
tests, names, seconds = json.loads(sys.argv[1]), json.loads(sys.argv[2]), float(sys.argv[3])
import pizhu.store.merge, pizhu.store.review  # noqa: E401,F401  (imported once, before the forks)
def run(name):
    pid = os.fork()
    if pid == 0:
        os.environ["MUTANT_UNDER_TEST"] = name
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1); os.dup2(null, 2)
        signal.alarm(900)
        os._exit(int(pytest.main(["-p", "no:cacheprovider", "-q", "-x", *tests])))
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)
if run("") != 0:
    print(json.dumps({"": "clean run failed"}), flush=True)
    sys.exit(1)
import time
deadline = time.monotonic() + seconds
for name in names:
    if time.monotonic() > deadline:
        status = "not checked"
    else:
        code = run(name)
        status = "survived" if code == 0 else "timeout" if code == -signal.SIGALRM else "killed"
    print(json.dumps({name: status}), flush=True)
"""


def recheck(mutants: Path, names: list[str], tests: list[str], max_seconds: float) -> dict[str, str]:
    """Each mutant of ``names`` run against ``tests`` in ``mutants`` (a mutmut copy; its
    trampolines pick the mutant from ``MUTANT_UNDER_TEST``): ``killed``, ``survived``,
    ``timeout`` or ``not checked`` (out of time). Raises when the tests fail without a mutant."""
    env = dict(os.environ)
    env["PYTHONPATH"] = "."
    env.pop("MUTANT_UNDER_TEST", None)
    run = subprocess.run(
        [sys.executable, "-c", _DRIVER, json.dumps(tests), json.dumps(names), str(max_seconds)],
        cwd=mutants,
        env=env,
        capture_output=True,
        text=True,
    )
    results: dict[str, str] = {}
    for line in run.stdout.splitlines():
        if line.startswith("{"):
            results.update(json.loads(line))
    if run.returncode != 0 or "" in results:
        raise RuntimeError(f"the recheck tests fail without a mutant in {mutants}: fix them first")
    return results


def _recheck_lines(results: dict[str, str], tests: list[str], seconds: float) -> list[str]:
    counts: dict[str, int] = {}
    for status in results.values():
        counts[status] = counts.get(status, 0) + 1
    still = sorted(name for name, status in results.items() if status == "survived")
    by_function: dict[str, int] = {}
    for name in still:
        function = name.rsplit("__mutmut_", 1)[0]
        by_function[function] = by_function.get(function, 0) + 1
    return [
        "",
        f"## The {len(results)} survivors rechecked against wider tests ({seconds:.0f} s)",
        "",
        "tests: " + " ".join(tests),
        "status: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
        "",
        "| function | still surviving |",
        "|---|---|",
        *(f"| `{f}` | {n} |" for f, n in sorted(by_function.items(), key=lambda kv: (-kv[1], kv[0]))),
        "",
        "still surviving: " + " ".join(f"`{s}`" for s in still),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tests", nargs="*", default=list(DEFAULT_TESTS))
    parser.add_argument(
        "--targets", nargs="*", default=list(TARGETS), choices=TARGETS, help="the files to mutate (default both)"
    )
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None, help="write the results as Markdown here")
    parser.add_argument(
        "--max-seconds", type=float, default=1200, help="stop mutmut then and report the mutants tried (default 1200)"
    )
    parser.add_argument("--recheck-tests", nargs="*", default=[], help="run each survivor against these tests too")
    parser.add_argument("--recheck-dir", type=Path, default=None, help="recheck only: a copy of a run's mutants/")
    parser.add_argument("--survivors", type=Path, default=None, help="recheck only: a report listing survivors")
    parser.add_argument("--recheck-seconds", type=float, default=3600)
    args = parser.parse_args()
    if args.recheck_dir is not None:
        if args.survivors is None or not args.recheck_tests:
            parser.error("--recheck-dir needs --survivors and --recheck-tests")
        text = args.survivors.read_text("utf-8")
        listed = next(line for line in text.splitlines() if line.startswith("survivors: "))
        names = [n.strip("`") for n in listed.removeprefix("survivors: ").split()]
        started = time.perf_counter()
        results = recheck(args.recheck_dir.resolve(), names, args.recheck_tests, args.recheck_seconds)
        lines = _recheck_lines(results, args.recheck_tests, time.perf_counter() - started)
        print("\n".join(lines))
        if args.out:
            with args.out.open("a", encoding="utf-8") as out:
                out.write("\n".join(lines) + "\n")
        return 0
    if shutil.which("mutmut") is None and not (Path(sys.executable).parent / "mutmut").exists():
        print("mutmut is not installed: pip install -e '.[test]'", file=sys.stderr)
        return 2
    mutmut = shutil.which("mutmut") or str(Path(sys.executable).parent / "mutmut")
    work = Path(tempfile.mkdtemp(prefix="pizhu-mutants-"))
    try:
        _copy_repo(work)
        _configure(work, args.tests, args.targets)
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
            f"mutants: {len(results)} over {', '.join(args.targets)}; {seconds:.0f} s with {args.max_children} workers"
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
        if args.recheck_tests and survivors:
            started = time.perf_counter()
            rechecked = recheck(work / "mutants", survivors, args.recheck_tests, args.recheck_seconds)
            lines += _recheck_lines(rechecked, args.recheck_tests, time.perf_counter() - started)
        print("\n".join(lines))
        if args.out:
            args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
