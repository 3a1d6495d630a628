"""The development corpus (tests/data/corpus): its split holds, and every gold file in it passes its checker.

``check_gold.py`` is run as its labellers run it, on the gold files present
(``dev-gold.jsonl``, and ``test-gold.jsonl`` once the test half is labelled). The checker
is also shown a gold file with one fault of each kind, so a checker that stopped checking
would fail here too.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pizhu.extract.normalize import _converter

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "corpus"
TEXTS = CORPUS / "texts"
GOLD_NAMES = (
    "dev-gold.jsonl",
    "test-gold.jsonl",
    "fresh-gold.jsonl",
    "dev-gold-second.jsonl",
    "fresh-gold-second.jsonl",
    "test-gold-date-second.jsonl",
)
GOLD_FILES = [CORPUS / name for name in GOLD_NAMES if (CORPUS / name).exists()]


def run(script: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(CORPUS / script), *map(str, args)], capture_output=True, text=True, timeout=300
    )


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_split_is_what_its_rule_gives() -> None:
    result = run("split.py", "--check")
    assert result.returncode == 0, result.stderr
    split = json.loads((CORPUS / "split.json").read_text("utf-8"))
    texts = sorted(p.name for p in TEXTS.glob("*.txt"))
    # Texts held for a final measure ("fresh") are in neither half.
    assert sorted(split["dev"] + split["test"] + split.get("fresh", [])) == texts
    assert not set(split["dev"]) & set(split["test"])
    assert not set(split.get("fresh", [])) & (set(split["dev"]) | set(split["test"]))
    # The split itself is balanced; texts added after it go to the dev half only.
    sys.path.insert(0, str(CORPUS))
    try:
        import split as rule  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(CORPUS))
    late = {name for name, _kind, _script in rule.sources(CORPUS / "SOURCES.md", late=True)}
    assert late <= set(split["dev"])
    assert abs(len(set(split["dev"]) - late) - len(split["test"])) <= 1


def test_dev_gold_is_present() -> None:
    assert CORPUS / "dev-gold.jsonl" in GOLD_FILES


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_passes_its_checker(gold: Path) -> None:
    result = run("check_gold.py", gold, TEXTS)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_labels_only_its_own_half(gold: Path) -> None:
    split = json.loads((CORPUS / "split.json").read_text("utf-8"))
    half = gold.name.split("-")[0]
    assert {row["doc"] for row in rows(gold)} <= set(split[half])


def test_checker_finds_each_kind_of_fault(tmp_path: Path) -> None:
    gold = rows(CORPUS / "dev-gold.jsonl")
    doc = gold[0]["doc"]
    one = [row for row in gold if row["doc"] == doc]
    title = next(row for row in gold if row["label"] == "TITLE")
    slogan = next(row for row in gold if row["label"] == "SLOGAN")
    figure = next(row for row in gold if row["label"] == "FIGURE" and row["approx"] == "exact")
    faults = {
        "reversed": one[::-1],
        "title": [{**title, "text": title["text"][1:]}],
        "slogan": [{**slogan, "text": f"“{slogan['text']}”"}],
        "value": [{**figure, "value": figure["value"] + 1}],
        "approx": [{**figure, "approx": "over"}],
        "unit": [{**figure, "unit": figure["unit"] + "次"}],
        "space": [{**one[0], "text": one[0]["text"] + " "}],
        "keys": [{k: v for k, v in figure.items() if k != "metric"}],
        "absent": [{**one[0], "text": "不在文中的名字"}],
    }
    expected = {
        "reversed": "not found after the previous span",
        "title": "a TITLE keeps its 《》",
        "slogan": "a SLOGAN drops its quotation marks",
        "value": "value",
        "approx": "approx",
        "unit": "unit",
        "space": "starts or ends on whitespace",
        "keys": "keys",
        "absent": "not in the normalized text",
    }
    for name, bad in faults.items():
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in bad), "utf-8")
        result = run("check_gold.py", path, TEXTS)
        assert result.returncode == 1, name
        assert expected[name] in result.stdout, (name, result.stdout)


def test_checker_reads_a_fraction_written_with_a_slash(tmp_path: Path) -> None:
    """`总名额的3/10` is a fraction like 四分之一: value the numerator over the denominator, no unit, exact."""
    dev = json.loads((CORPUS / "split.json").read_text("utf-8"))["dev"]
    doc = next(name for name in dev if name.startswith("780_"))
    row = {"doc": doc, "label": "FIGURE", "text": "3/10", "value": 0.3, "unit": "", "approx": "exact", "metric": ""}
    for value, code in ((0.3, 0), (0.4, 1), (3, 1)):
        path = tmp_path / "fraction.jsonl"
        path.write_text(json.dumps({**row, "value": value}, ensure_ascii=False) + "\n", "utf-8")
        result = run("check_gold.py", path, TEXTS)
        assert result.returncode == code, (value, result.stdout)
    path.write_text(json.dumps({**row, "unit": "份"}, ensure_ascii=False) + "\n", "utf-8")
    assert "a fraction has unit" in run("check_gold.py", path, TEXTS).stdout


def test_consistency_scan_counts_its_groups(tmp_path: Path) -> None:
    """consistency.py says how many strings (groups) its candidates fall in, per label, as the audit reports them."""
    dev = json.loads((CORPUS / "split.json").read_text("utf-8"))["dev"]
    doc = next(name for name in dev if name.startswith("780_"))
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"doc": doc, "label": "ORG", "text": "县参议会"}, ensure_ascii=False) + "\n", "utf-8")
    result = run("consistency.py", path, TEXTS, "--label", "ORG")
    assert result.returncode == 0, result.stderr
    header = next(line for line in result.stdout.splitlines() if line.startswith("## ORG:"))
    assert re.fullmatch(r"## ORG: [1-9][0-9]* candidates in 1 strings?", header), header


def _windows(text: str) -> set[str]:
    """Every 12-character window of ``text`` in Simplified script, whitespace and punctuation removed."""
    bare = re.sub(r"[\s\W_]+", "", _converter().convert(text))
    return {bare[i : i + 12] for i in range(max(0, len(bare) - 11))}


def test_no_dev_text_copies_a_test_text() -> None:
    """A page found again on another site must not reach the dev half: it would leak the test half.

    Only overlap is measured (no test text is read for anything else): a dev text sharing more
    than a quarter of its 12-character windows with one test text is a copy of it.
    """
    split = json.loads((CORPUS / "split.json").read_text("utf-8"))
    tests = {name: _windows((TEXTS / name).read_text("utf-8")) for name in split["test"]}
    copies = []
    for name in split["dev"]:
        own = _windows((TEXTS / name).read_text("utf-8"))
        worst = max((len(own & other) / max(1, len(own)) for other in tests.values()), default=0.0)
        if worst > 0.25:
            copies.append(f"{name}: {worst:.0%}")
    assert not copies
