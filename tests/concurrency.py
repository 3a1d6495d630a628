"""Eight reviewer processes writing to one database at once, for the concurrency test and
``bench/bench_faults.py``: a seeded database, the workers (each a real process with its own
connection, released together behind a barrier file so their writes overlap), and the check
that the decision log holds exactly what each worker was told was done.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store.db import Store

ROOT = Path(__file__).resolve().parents[1]

# One reviewer's session: confirms, rejections, tags, corrections, an added span and an
# undo now and then, on spans that every other worker is deciding on too.
WORKER = r"""
import json, os, sys, time
from pizhu.store.db import Store
from pizhu.store.errors import StoreError
from pizhu.store.records import Change
from pizhu.store.errors import UnchangedError

db, reviewer, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
while not os.path.exists(go):
    time.sleep(0.001)
done, errors, unchanged = [], [], 0
try:
    store = Store(db)
except StoreError as exc:
    print(json.dumps({"done": done, "errors": [str(exc)], "unchanged": 0}))
    sys.exit(0)
doc_id = store.document_ids()[0]
span_ids = [s.id for s in store.spans(doc_id, reviewer) if s.origin == "machine"]
for i in range(count):
    span_id = span_ids[i % len(span_ids)]
    try:
        step = i % 6
        if step == 0:
            view = store.decide(span_id, reviewer, Change("confirm"))
        elif step == 1:
            view = store.decide(span_id, reviewer, Change("reject"))
        elif step == 2:
            view = store.decide(span_id, reviewer, Change("tag", tag=f"{reviewer}-{i}"))
        elif step == 3:
            view = store.decide(span_id, reviewer, Change("label", label="ORG"))
        elif step == 4:
            view = store.add_span(doc_id, reviewer, 0, 2, "ORG")
        else:
            view = store.undo(reviewer)
        done.append({"span": view.id if view else None, "step": step, "i": i})
    except UnchangedError:
        unchanged += 1  # decided so already: refused, nothing written (not an error)
    except StoreError as exc:
        errors.append(str(exc))
print(json.dumps({"done": done, "errors": errors, "unchanged": unchanged}))
"""

TEXT = "全年征集社情民意49条,捐款捐物93.35万元。\n2023年召开会议12次,走访委员124人(次)。"
ACTIONS = {0: "confirm", 1: "reject", 2: "tag", 3: "label", 4: "add", 5: "undo"}


def seeded_db(path: Path) -> Path:
    with Store(path) as store:
        draft = prepare(TEXT)[0]
        spans = [
            Span(8, 11, "FIGURE", "49条", {}, "r", 0.9),
            Span(16, 23, "FIGURE", "93.35万元", {}, "r", 0.5),
            Span(25, 30, "DATE", "2023年", {}, "r", 0.8),
            Span(34, 37, "FIGURE", "12次", {}, "r", 0.7),
        ]
        assert all(draft.text[s.start : s.end] == s.text for s in spans)
        store.add_document("t.txt", "utf-8", draft, spans, "test")
    return path


def run_workers(db: Path, tmp: Path, reviewers: int, count: int) -> list[dict[str, Any]]:
    """Start ``reviewers`` worker processes, release them at once, return their reports."""
    go = tmp / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db), f"rev{i}", str(count), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(reviewers)
    ]
    time.sleep(0.5)  # let every interpreter start and wait at the barrier
    go.touch()
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "Traceback" not in err and "locked" not in err, err
        reports.append(json.loads(out.strip().splitlines()[-1]))
    return reports


def check_log(db: Path, reports: list[dict[str, Any]]) -> None:
    """Everything a worker was told is done is in the log, in its order, and nothing else."""
    with Store(db) as store:
        assert store.integrity_ok()
        for i, report in enumerate(reports):
            reviewer = f"rev{i}"
            assert report["errors"] == [], report["errors"]
            logged = [d.action for d in store.decisions(reviewer)]
            expected = [ACTIONS[d["step"]] for d in report["done"]]
            # An undo with nothing left to undo returns None and writes nothing.
            expected = [a for a, d in zip(expected, report["done"], strict=True) if d["span"] is not None]
            assert logged == expected
            tags = {t for t in store.tags() if t.startswith(f"{reviewer}-")}
            assert tags == {f"{reviewer}-{d['i']}" for d in report["done"] if d["step"] == 2}
