"""Merging reviewers' own copies: matching, idempotence, and bad files leaving the target alone."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store.db import Store
from pizhu.store.export import ExportFilter, iter_jsonl
from pizhu.store.merge import MergeError, merge, merge_all
from pizhu.store.records import Change

TEXT = "全年征集社情民意49条,捐款捐物93.35万元。召开会议12次。王明主席出席。"
EXTRA = "灵武市政协2022年开展视察调研15次。"


def _span(text: str, sub: str, label: str = "FIGURE") -> Span:
    start = text.index(sub)
    return Span(start, start + len(sub), label, sub, {"value": 1}, "r", 0.5)


def make_target(path: Path) -> None:
    with Store(path) as store:
        draft = prepare(TEXT)[0]
        t = draft.text
        doc = store.add_document("t.txt", "utf-8", draft, [_span(t, s) for s in ("49条", "93.35万元", "12次")])
        assert doc is not None
        store.decide(store.spans(doc, "")[0].id, "wang", Change("confirm"))


def snapshot(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("documents", "sections", "spans", "decisions", "tags")
        }
    finally:
        conn.close()


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    """The team database and li's copy of it; both then get work done on them."""
    target, other = tmp_path / "team.db", tmp_path / "li.db"
    make_target(target)
    shutil.copy(target, other)
    with Store(other) as li:
        doc = li.document_ids()[0]
        t = li.document(doc).text
        spans = li.spans(doc, "li")
        li.decide(spans[0].id, "li", Change("confirm"))
        li.decide(spans[1].id, "li", Change("attrs", attrs={"value": 933500, "unit": "元"}))
        li.decide(spans[2].id, "li", Change("reject"))
        li.decide(spans[2].id, "li", Change("tag", tag="check"))
        li.add_span(doc, "li", t.index("王明"), t.index("王明") + 2, "PERSON")
        li.undo("li")
        li.redo("li")
        draft = prepare(EXTRA)[0]
        extra = li.add_document("extra.txt", "utf-8", draft, [_span(draft.text, "15次")])
        assert extra is not None
        li.decide(li.spans(extra, "li")[0].id, "li", Change("confirm"))
    with Store(target) as team:
        doc = team.document_ids()[0]
        team.decide(team.spans(doc, "wang")[2].id, "wang", Change("confirm"))
    return target, other


def test_merge_brings_in_decisions_spans_and_documents(copies: tuple[Path, Path]) -> None:
    target, other = copies
    with Store(target) as team:
        report = merge(team, other)
        assert (report.documents_matched, report.documents_added) == (1, 1)
        assert report.spans_added == 2  # li's PERSON and the extra document's proposal
        assert report.decisions_present == 1  # wang's confirm, made before the copy
        assert report.decisions_added == 8  # confirm, attrs, reject, tag, add, undo, redo, confirm
        doc = team.document_ids()[0]
        li = {s.text: s.status for s in team.spans(doc, "li")}
        assert li == {"49条": "confirmed", "93.35万元": "corrected", "12次": "rejected", "王明": "added"}
        wang = {s.text: s.status for s in team.spans(doc, "wang")}
        assert wang == {"49条": "confirmed", "93.35万元": "pending", "12次": "confirmed"}
        assert "check" in team.tags()
        extra = team.document_ids()[1]
        assert [s.status for s in team.spans(extra, "li")] == ["confirmed"]
        assert team.sections(extra) and team.document(extra).text == prepare(EXTRA)[0].text
        # Undo/redo still refer to the decision they took back, by its uid, and locally by id.
        undo = next(d for d in team.decisions("li") if d.action == "undo")
        assert {d.uid: d.action for d in team.decisions("li")}[undo.ref_uid] == "add"
        assert {d.id: d.action for d in team.decisions("li")}[undo.ref] == "add"
        # li can carry on undoing in the merged database.
        assert team.undo("li") is not None


def test_merge_twice_adds_nothing(copies: tuple[Path, Path]) -> None:
    target, other = copies
    with Store(target) as team:
        merge(team, other)
    first = snapshot(target)
    with Store(target) as team:
        again = merge(team, other)
    assert (again.decisions_added, again.spans_added, again.documents_added) == (0, 0, 0)
    assert again.decisions_present == 9
    assert snapshot(target) == first


def test_merge_both_ways_converges(copies: tuple[Path, Path]) -> None:
    target, other = copies
    with Store(target) as team:
        merge(team, other)
    with Store(other) as li:
        report = merge(li, target)
        assert report.decisions_added == 1  # wang's second confirm
        assert merge(li, target).decisions_added == 0
    with Store(target) as team, Store(other) as li:
        for store in (team, li):
            assert len(store.decisions()) == 10


def test_same_added_span_from_two_reviewers_is_one_gold_span(tmp_path: Path) -> None:
    target, other = tmp_path / "a.db", tmp_path / "b.db"
    make_target(target)
    shutil.copy(target, other)
    for path, name in ((target, "wang"), (other, "li")):
        with Store(path) as store:
            doc = store.document_ids()[0]
            t = store.document(doc).text
            store.add_span(doc, name, t.index("王明"), t.index("王明") + 2, "PERSON")
    with Store(target) as team:
        # Each reviewer's addition keeps its own identity (each can take theirs back) ...
        assert merge(team, other).spans_added == 1
        assert merge(team, other).spans_added == 0
        doc = team.document_ids()[0]
        persons = [s for s in team.spans(doc) if s.label == "PERSON"]
        assert [s.status for s in persons] == ["added", "added"]
        # ... and the gold export holds the span once.
        record = json.loads(next(iter_jsonl(team, ExportFilter(unfinished=True))))
        assert [s["text"] for s in record["spans"] if s["label"] == "PERSON"] == ["王明"]


def test_a_corrupt_file_leaves_the_target_unchanged(copies: tuple[Path, Path], tmp_path: Path) -> None:
    target, other = copies
    before = snapshot(target)
    broken = tmp_path / "broken.db"
    data = bytearray(other.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page
    broken.write_bytes(bytes(data))
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("hello", "utf-8")
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with Store(target) as team:
        for bad in (broken, not_sqlite, foreign, tmp_path / "missing.db"):
            with pytest.raises(MergeError):
                merge_all(team, [other, bad])  # the good file first: still nothing written
        with pytest.raises(MergeError, match="target database itself"):
            merge(team, target)
    assert snapshot(target) == before


def test_a_newer_schema_is_refused(copies: tuple[Path, Path]) -> None:
    target, other = copies
    conn = sqlite3.connect(other)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('pizhu', '9999_x', '')")
    conn.commit()
    conn.close()
    with Store(target) as team, pytest.raises(MergeError, match="newer pizhu"):
        merge(team, other)


def test_the_other_file_is_not_changed(copies: tuple[Path, Path]) -> None:
    target, other = copies
    before = snapshot(other)
    with Store(target) as team:
        merge(team, other)
    assert snapshot(other) == before


def test_cli_merge(copies: tuple[Path, Path], tmp_path: Path) -> None:
    target, other = copies
    runner = CliRunner()
    result = runner.invoke(main, ["merge", str(other), "--db", str(target)])
    assert result.exit_code == 0, result.output
    assert "8 decision(s) added" in result.output
    result = runner.invoke(main, ["merge", str(other), "--db", str(target), "--json"])
    assert json.loads(result.stdout)[0]["decisions_added"] == 0
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    result = runner.invoke(main, ["merge", str(bad), "--db", str(target)])
    assert result.exit_code == 1
    assert result.output.startswith("pizhu: error:") and result.output.count("\n") == 1


def test_a_merged_web_page_keeps_its_source(tmp_path: Path) -> None:
    from pizhu.store.importer import import_paths
    from tests.samples import report_html

    page = tmp_path / "page.html"
    page.write_bytes(report_html().data)
    with Store(tmp_path / "li.db") as li:
        import_paths(li, [page])
        doc = li.document_ids()[0]
        li.decide(li.spans(doc, "li")[0].id, "li", Change("confirm"))
        original = li.original(doc)
    with Store(tmp_path / "team.db") as team:
        assert merge(team, tmp_path / "li.db").documents_added == 1
        doc = team.document_ids()[0]
        assert team.original(doc) == original and original is not None
        assert "confirmed" in [s.status for s in team.spans(doc, "li")]


def _legacy_copy_with_twins(path: Path, twins: int) -> None:
    """A database of the schema before decision ids (0003), holding ``twins`` identical decisions."""
    from sqlite_utils import Database

    from pizhu.store.migrations import migrations

    db = Database(path)
    migrations.apply(db, stop_before="0004_review_state")
    conn = db.conn
    conn.execute(
        "INSERT INTO documents (source, part, content_hash, raw, text, offset_map) VALUES ('t.txt', 0, 'h', ?, ?, ?)",
        (TEXT, TEXT, json.dumps({"runs": [[0, 0, len(TEXT)]], "n": len(TEXT), "raw": len(TEXT)})),
    )
    conn.execute(
        "INSERT INTO sections (document_id, ordinal, heading, start, end, kind) VALUES (1, 0, '', 0, ?, 'body')",
        (len(TEXT),),
    )
    start = TEXT.index("12次")
    conn.execute(
        "INSERT INTO spans (document_id, origin, label, start, end, text, attrs, rule, confidence)"
        " VALUES (1, 'machine', 'FIGURE', ?, ?, '12次', '{}', 'r', 0.5)",
        (start, start + 3),
    )
    for _ in range(twins):
        conn.execute(
            "INSERT INTO decisions (span_id, document_id, reviewer, action, before, after, at)"
            " VALUES (1, 1, 'li', 'tag', '{}', ?, '2024-01-01T00:00:00.000000+00:00')",
            (
                json.dumps(
                    {
                        "status": "pending",
                        "label": "FIGURE",
                        "start": start,
                        "end": start + 3,
                        "text": "12次",
                        "attrs": {},
                        "tags": ["x"],
                    }
                ),
            ),
        )
    conn.commit()
    db.close()


def test_identical_decisions_are_each_merged_once(tmp_path: Path) -> None:
    """Two identical rows (the same tag twice in one microsecond) are two decisions, not one reused."""
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    _legacy_copy_with_twins(one, 1)
    _legacy_copy_with_twins(two, 2)
    with Store(one) as a, Store(two) as b:
        uids = [d.uid for d in b.decisions()]
        assert len(set(uids)) == 2  # the migration told the twins apart
        assert a.decisions()[0].uid in uids  # and the first is the same decision in both copies
    with Store(one) as a:
        report = merge(a, two)
        assert (report.decisions_added, report.decisions_present) == (1, 1)
        assert len(a.decisions()) == 2
        assert merge(a, two).decisions_added == 0


def _corrupt_a_decision_page(source: Path, target: Path) -> None:
    """A copy of ``source`` whose decisions table has one record header overwritten."""
    conn = sqlite3.connect(source)
    conn.execute("PRAGMA journal_mode = DELETE")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'decisions'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(source.read_bytes())

    def leaves(n: int) -> list[int]:
        base = (n - 1) * size + (100 if n == 1 else 0)
        if data[base] == 13:
            return [n]
        cells = int.from_bytes(data[base + 3 : base + 5], "big")
        found = []
        for i in range(cells):
            pointer = int.from_bytes(data[base + 12 + 2 * i : base + 14 + 2 * i], "big")
            found += leaves(int.from_bytes(data[(n - 1) * size + pointer : (n - 1) * size + pointer + 4], "big"))
        return found + leaves(int.from_bytes(data[base + 8 : base + 12], "big"))

    page = leaves(root)[0]
    base = (page - 1) * size
    cell = base + int.from_bytes(data[base + 8 : base + 10], "big")
    for _varint in range(2):  # payload size, rowid
        while data[cell] & 0x80:
            cell += 1
        cell += 1
    data[cell] = 0x7F  # the record header claims more bytes than it has
    target.write_bytes(bytes(data))


def test_a_corrupt_data_page_is_blamed_on_the_other_file(copies: tuple[Path, Path], tmp_path: Path) -> None:
    target, other = copies
    with Store(other) as li:
        li.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    bad = tmp_path / "bad.db"
    _corrupt_a_decision_page(other, bad)
    before = snapshot(target)
    result = CliRunner().invoke(main, ["merge", str(bad), "--db", str(target)])
    assert result.exit_code == 1
    assert str(bad) in result.output and "corrupt" in result.output
    assert f"{target}:" not in result.output and "run the same merge again" not in result.output
    assert snapshot(target) == before


def test_a_merge_cut_off_midway_is_completed_by_running_it_again(
    copies: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each document goes in its own short transactions; a merge stopped after the first
    document leaves whole documents behind, and the same merge run again completes it."""
    import pizhu.store.merge as merging
    from pizhu.store import review

    target, other = copies
    whole = tmp_path / "whole.db"
    shutil.copy(target, whole)
    with Store(whole) as reference:
        merge(reference, other)
    real = review.adopt
    calls = {"n": 0}

    def adopt_then_fail(conn: sqlite3.Connection, rows: list) -> tuple[int, int]:
        calls["n"] += 1
        if calls["n"] == 2:
            raise sqlite3.OperationalError("disk I/O error")  # the machine gave out mid-merge
        return real(conn, rows)

    monkeypatch.setattr(merging.review, "adopt", adopt_then_fail)
    with Store(target) as team, pytest.raises(Exception, match="disk"):
        merge(team, other)
    with Store(target) as team:
        assert team.integrity_ok()
        first_doc = team.document_ids()[0]
        assert {s.text: s.status for s in team.spans(first_doc, "li")}["49条"] == "confirmed"  # landed whole
    monkeypatch.setattr(merging.review, "adopt", real)
    with Store(target) as team:
        merge(team, other)
    with Store(target) as team, Store(whole) as reference:
        for doc in (0, 1):
            ours = sorted((s.text, s.status) for s in team.spans(team.document_ids()[doc], "li"))
            theirs = sorted((s.text, s.status) for s in reference.spans(reference.document_ids()[doc], "li"))
            assert ours == theirs
        assert len(team.decisions()) == len(reference.decisions())
