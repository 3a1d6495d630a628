"""bench.bench_learning on any folder of reports with gold (``--texts DIR --gold FILE...``),
``coverage.json`` honoured: a report counts on the labels it was labelled for only."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from bench import bench_learning
from bench.bench_learning import curve, score

# 春风书社 is a name no rule proposes; a and b have it as gold, c (the fixed set) has it too.
REPORTS = {
    "a.txt": "2023年3月5日，委员们前往春风书社参观，林晓薇委员发言。",
    "b.txt": "2023年4月8日，委员们到春风书社调研，走访企业30家。",
    "c.txt": "2024年1月9日，委员们走进春风书社，林晓薇主持座谈会，征集提案56件。",
}
GOLD = [
    ("a.txt", "DATE", "2023年3月5日"),
    ("a.txt", "ORG", "春风书社"),
    ("a.txt", "PERSON", "林晓薇"),
    ("b.txt", "DATE", "2023年4月8日"),
    ("b.txt", "ORG", "春风书社"),
    ("b.txt", "FIGURE", "30家"),
    ("c.txt", "DATE", "2024年1月9日"),
    ("c.txt", "ORG", "春风书社"),
]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, "utf-8")
    rows = [json.dumps({"doc": d, "label": label, "text": t}, ensure_ascii=False) for d, label, t in GOLD]
    (folder / "gold.jsonl").write_text("\n".join(rows) + "\n", "utf-8")
    # c was labelled for DATE and ORG only: its PERSON and FIGURE candidates are neither right nor wrong
    (folder / "coverage.json").write_text(json.dumps({"c.txt": ["DATE", "ORG"], "a.txt": "*"}), "utf-8")
    return folder


def test_score_counts_only_the_labels_a_report_was_labelled_for() -> None:
    found = {(0, 2, "DATE"), (3, 5, "PERSON"), (6, 8, "ORG")}
    gold = {(0, 2, "DATE"), (9, 11, "ORG")}
    assert score(found, gold, {"DATE", "ORG"}) == {"DATE": (1, 0, 0), "ORG": (0, 1, 1)}
    assert score(found, gold)["PERSON"] == (0, 1, 0)


def test_curve_on_a_folder_learns_a_name_the_rules_miss(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = curve(folder, [folder / "gold.jsonl"], fixed=1, steps=[0, 2, 5], log=False)
    assert out.fixed == ["c.txt"] and out.others == ["a.txt", "b.txt"]
    assert out.steps == [0, 2]  # no 5 others to review
    assert set(out.table[(0, "rules")]) == {"DATE", "ORG"}  # coverage.json: c counts on these
    assert out.table[(0, "rules")] == {"DATE": (1, 0, 0), "ORG": (0, 0, 1)}
    assert out.table[(0, "+lexicon")] == out.table[(0, "rules")]  # nothing reviewed, nothing spread
    assert out.table[(2, "rules")]["ORG"] == (0, 0, 1)
    assert out.table[(2, "+lexicon")]["ORG"] == (1, 0, 0)  # a and b made it gold: proposed in c


def test_main_takes_texts_and_gold_and_counts_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    argv = ["bench_learning", "--texts", str(folder), "--gold", str(folder / "gold.jsonl")]
    monkeypatch.setattr(sys, "argv", [*argv, "--fixed", "1", "--steps", "2", "--keys"])
    bench_learning.main()
    printed = capsys.readouterr().out
    assert "fixed set: 1 reports; others: 2; steps [2]" in printed
    rules, lexicon = (
        float(line.split()[-1]) for line in printed.splitlines() if line.startswith(("rules ", "+lexicon "))
    )
    assert lexicon < rules  # confirming the lexicon's 春风书社 takes fewer keys than adding it


def test_texts_without_gold_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "argv", ["bench_learning", "--texts", str(tmp_path)])
    with pytest.raises(SystemExit):
        bench_learning.main()
