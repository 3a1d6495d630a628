"""The store: decision log and derived state, undo/redo, re-extraction, bad databases."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store import roles
from pizhu.store.db import Store
from pizhu.store.errors import CorruptDatabaseError, NewerDatabaseError, StoreError
from pizhu.store.records import Change

TEXT = "全年征集社情民意49条,捐款捐物93.35万元。\n2023年召开会议12次。"


def make_store(tmp_path: Path) -> tuple[Store, int, list[int]]:
    store = Store(tmp_path / "t.db")
    draft = prepare(TEXT)[0]
    spans = [
        Span(8, 11, "FIGURE", "49条", {"value": 49, "unit": "条", "approx": "exact", "metric": "社情民意"}, "r.a", 0.9),
        Span(16, 23, "FIGURE", "93.35万元", {"value": 933500, "unit": "元", "approx": "exact"}, "r.b", 0.5),
        Span(25, 30, "DATE", "2023年", {}, "r.date", 0.8),
    ]
    assert all(draft.text[s.start : s.end] == s.text for s in spans)
    doc_id = store.add_document("t.txt", "utf-8", draft, spans, "test")
    assert doc_id is not None
    return store, doc_id, [s.id for s in store.spans(doc_id, "ann")]


def test_state_is_derived_per_reviewer(tmp_path: Path) -> None:
    store, doc_id, ids = make_store(tmp_path)
    store.decide(ids[0], "ann", Change("confirm"))
    store.decide(ids[1], "ann", Change("reject"))
    assert [s.status for s in store.spans(doc_id, "ann")] == ["confirmed", "rejected", "pending"]
    assert [s.status for s in store.spans(doc_id, "bob")] == ["pending", "pending", "pending"]
    # A second connection (another reviewer's process) sees the committed decisions.
    other = Store(tmp_path / "t.db")
    assert [s.status for s in other.spans(doc_id, "ann")] == ["confirmed", "rejected", "pending"]


def test_corrections_record_before_and_after(tmp_path: Path) -> None:
    store, _doc_id, ids = make_store(tmp_path)
    view = store.decide(ids[2], "ann", Change("boundary", end=29))
    assert (view.text, view.status) == ("2023", "corrected")
    view = store.decide(ids[2], "ann", Change("label", label="FIGURE"))
    assert view.label == "FIGURE"
    view = store.decide(ids[1], "ann", Change("attrs", attrs={"value": 933500, "unit": "元", "approx": "about"}))
    assert view.attrs["approx"] == "about" and view.status == "corrected"
    history = store.history(ids[2])
    assert [d.action for d in history] == ["boundary", "label"]
    assert history[0].before["text"] == "2023年" and history[0].after["text"] == "2023"
    with pytest.raises(StoreError, match="outside"):
        store.decide(ids[0], "ann", Change("boundary", start=-1))
    with pytest.raises(StoreError, match="unknown label"):
        store.decide(ids[0], "ann", Change("label", label="NOPE"))


def test_confirming_an_unchanged_span_after_a_reset_is_confirmed(tmp_path: Path) -> None:
    store, _doc_id, ids = make_store(tmp_path)
    store.decide(ids[0], "ann", Change("boundary", end=10))
    view = store.decide(ids[0], "ann", Change("reset"))
    assert view.status == "pending" and view.text == "49条"
    assert store.decide(ids[0], "ann", Change("confirm")).status == "confirmed"


def test_undo_and_redo_append_to_the_log(tmp_path: Path) -> None:
    store, _doc_id, ids = make_store(tmp_path)
    store.decide(ids[0], "ann", Change("confirm"))
    store.decide(ids[1], "ann", Change("reject"))
    assert store.undo("ann").id == ids[1]
    assert store.span(ids[1], "ann").status == "pending"
    assert store.undo("ann").id == ids[0]
    assert store.span(ids[0], "ann").status == "pending"
    assert store.undo("ann") is None
    assert store.redo("ann").id == ids[0]
    assert store.span(ids[0], "ann").status == "confirmed"
    actions = [d.action for d in store.decisions("ann")]
    assert actions == ["confirm", "reject", "undo", "undo", "redo"]
    # a new action clears what could be redone
    store.decide(ids[2], "ann", Change("confirm"))
    assert store.redo("ann") is None
    assert [s.id for s in store.queue("ann")] == [ids[1]]


def test_added_span_and_its_undo(tmp_path: Path) -> None:
    store, doc_id, _ids = make_store(tmp_path)
    added = store.add_span(doc_id, "ann", 32, 34, "FIGURE", {"value": 12})
    assert (added.text, added.status, added.origin) == ("会议", "added", "human")
    assert added.id in [s.id for s in store.spans(doc_id, "ann")]
    assert added.id not in [s.id for s in store.spans(doc_id, "bob")]
    store.undo("ann")
    assert store.span(added.id, "ann").status == "removed"


def test_tags_are_stored_as_text(tmp_path: Path) -> None:
    store, _doc_id, ids = make_store(tmp_path)
    evil = "'; DROP TABLE spans; --"
    view = store.decide(ids[0], "ann", Change("tag", tag=evil))
    assert view.tags == (evil,)
    assert store.tags() == [evil]
    assert store.decide(ids[0], "ann", Change("untag", tag=evil)).tags == ()
    assert store.conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 3


def test_queue_is_lowest_confidence_first_and_filters_by_label(tmp_path: Path) -> None:
    store, _doc_id, ids = make_store(tmp_path)
    assert [s.id for s in store.queue("ann")] == [ids[1], ids[2], ids[0]]
    assert [s.id for s in store.queue("ann", label="DATE")] == [ids[2]]
    store.decide(ids[1], "ann", Change("confirm"))
    assert ids[1] not in [s.id for s in store.queue("ann")]
    assert ids[1] in [s.id for s in store.queue("bob")]


def test_reextract_keeps_decisions_and_does_not_repropose_rejections(tmp_path: Path) -> None:
    store, doc_id, ids = make_store(tmp_path)
    store.decide(ids[0], "ann", Change("reject"))
    store.decide(ids[1], "ann", Change("boundary", end=22))
    again = [
        Span(8, 11, "FIGURE", "49条", {"value": 49}, "r.a", 0.9),
        Span(16, 23, "FIGURE", "93.35万元", {"value": 933500}, "r.b", 0.5),
        Span(32, 34, "ORG", "会议", {}, "r.new", 0.3),
    ]
    removed, added = store.replace_machine_spans(doc_id, again, "v2")
    assert (removed, added) == (1, 1)  # the undecided DATE went, only the ORG is new
    views = {s.id: s for s in store.spans(doc_id, "ann")}
    assert views[ids[0]].status == "rejected"
    assert views[ids[1]].text == "93.35万" and views[ids[1]].status == "corrected"
    assert sorted(s.label for s in views.values()) == ["FIGURE", "FIGURE", "ORG"]


def test_newer_database_is_refused(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.db")
    store.conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('pizhu', '9999_future', 'x')"
    )
    store.close()
    with pytest.raises(NewerDatabaseError, match="newer pizhu"):
        Store(tmp_path / "t.db")
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "newer pizhu" in result.stderr


def test_corrupt_or_foreign_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(CorruptDatabaseError):
        Store(bad)
    assert bad.read_bytes() == b"this is not sqlite at all" * 100
    result = CliRunner().invoke(main, ["import", "seeds", "--db", str(bad)])
    assert result.exit_code == 1 and "not a pizhu database" in result.stderr
    assert "Traceback" not in result.output


def test_core_packages_never_import_textual() -> None:
    code = (
        "import sys, pizhu.store.db, pizhu.store.importer, pizhu.store.export;"
        "import pizhu.extract.document, pizhu.extract.normalize;"
        "import pizhu.cli;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual',)];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_adjudication_status_is_a_verdict_not_an_attribute(tmp_path: Path) -> None:
    store, _doc_id, ids = make_store(tmp_path)
    store.decide(ids[0], "ann", Change("confirm"))
    roles.grant(store, roles.login_name(), "judge")
    view = store.decide(ids[0], "judge", Change("adjudicate", attrs={"status": "rejected", "value": 49}))
    assert view.status == "rejected"
    assert "status" not in view.attrs
    assert store.span(ids[0]).status == "rejected"  # the consolidated view takes the adjudication


def test_progress_counts_only_spans_left_decided(tmp_path: Path) -> None:
    store, _doc_id, ids = make_store(tmp_path)
    store.decide(ids[0], "ann", Change("tag", tag="check"))
    store.decide(ids[1], "ann", Change("confirm"))
    store.decide(ids[2], "ann", Change("confirm"))
    store.undo("ann")
    assert store.documents("ann")[0].reviewed == 1
    # A span the reviewer added is not a candidate: counted in neither figure.
    before = store.documents("ann")[0]
    text = store.document(_doc_id).text
    at = next(i for i in range(len(text) - 1) if not text[i].isspace() and not text[i + 1].isspace())
    store.add_span(_doc_id, "ann", at, at + 2, "ORG")
    after = store.documents("ann")[0]
    assert (after.candidates, after.reviewed) == (before.candidates, before.reviewed)
    queued = {s.id: s for s in store.queue("ann")}
    assert queued[ids[0]].tags == ("check",)
    assert set(queued) == {ids[0], ids[2]}
