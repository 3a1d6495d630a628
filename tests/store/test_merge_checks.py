"""Merges of any copy: every row checked before anything is written, library upkeep merged
like decisions, and the three properties the log's order rests on (issue 26)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store.db import Store
from pizhu.store.export import ExportFilter, iter_jsonl
from pizhu.store.merge import MergeError, merge
from pizhu.store.records import Change, OffsetMap
from tests.store.test_merge import make_target, snapshot


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    target, other = tmp_path / "team.db", tmp_path / "li.db"
    make_target(target)
    shutil.copy(target, other)
    return target, other


def _gold(path: Path) -> list[str]:
    with Store(path) as store:
        return list(iter_jsonl(store, ExportFilter(unfinished=True)))


def _state(path: Path, reviewer: str, index: int = 0) -> str:
    with Store(path) as store:
        doc = store.document_ids(withdrawn=True)[0]
        return store.spans(doc, reviewer)[index].status


# --- library upkeep is merged ---------------------------------------------------------------


def test_withdraw_and_describe_merged_both_ways_export_the_same_gold(pair: tuple[Path, Path], tmp_path: Path) -> None:
    target, other = pair
    with Store(other) as li:
        extra = li.add_document("e.txt", "utf-8", prepare("灵武市政协开展视察15次。")[0], [])
        assert extra is not None
        li.withdraw_document(li.document_ids()[0], by="li")
        li.describe_document(extra, title="灵武", year=2022, by="li")
    with Store(target) as team:
        team.describe_document(team.document_ids()[0], organisation="政协某市委员会", by="wang")
    with Store(target) as team:
        merge(team, other)
    with Store(other) as li:
        merge(li, target)
    assert _gold(target) == _gold(other)
    with Store(target) as team, Store(other) as li:
        for store in (team, li):
            assert len(store.document_ids()) == 1  # the first withdrawn on both
            first = store.document(store.document_ids(withdrawn=True)[0])
            assert first.organisation == "政协某市委员会"
            added = store.document(store.document_ids()[0])
            assert (added.title, added.year) == ("灵武", 2022)


def test_a_later_restore_on_one_copy_wins_on_both(pair: tuple[Path, Path]) -> None:
    target, other = pair
    with Store(target) as team:
        team.withdraw_document(1, by="wang")
    with Store(other) as li:
        li.withdraw_document(1, by="li")
        li.withdraw_document(1, restore=True, by="li")
    for a, b in ((target, other), (other, target)):
        with Store(a) as store:
            merge(store, b)
    with Store(target) as team, Store(other) as li:
        assert team.document_ids() == li.document_ids() == [1]


def test_a_withdrawal_is_logged_with_who_made_it(pair: tuple[Path, Path]) -> None:
    target, _other = pair
    with Store(target) as team:
        rows = team.read("SELECT action, reviewer FROM library_log")
        assert rows == []
        team.withdraw_document(1, by="wang")
        rows = team.read("SELECT action, reviewer FROM library_log")
        assert [(r["action"], r["reviewer"]) for r in rows] == [("withdraw", "wang")]


def _assignments(path: Path) -> dict[str, list[str]]:
    """Reviewer → the texts of the reports assigned to them (ids differ between copies)."""
    with Store(path) as store:
        rows = store.read("SELECT a.reviewer, d.text FROM assignments a JOIN documents d ON d.id = a.document_id")
    shares: dict[str, list[str]] = {}
    for row in rows:
        shares.setdefault(row["reviewer"], []).append(row["text"][:8])
    return {name: sorted(texts) for name, texts in sorted(shares.items())}


def test_assignments_made_on_each_copy_merged_both_ways_converge(pair: tuple[Path, Path]) -> None:
    """li shares both reports out on her copy, then wang assigns report 1 to ann on the team's:
    merged both ways, both copies hold ann on report 1 (the later) and zhao on li's report
    (nobody else assigned it). Before, assignments stayed on the copy that made them."""
    target, other = pair
    with Store(other) as li:
        assert li.add_document("e.txt", "utf-8", prepare("灵武市政协开展视察15次。")[0], []) is not None
        li.assign(["li", "zhao"], by="li")
    with Store(target) as team:
        team.assign(["ann"], by="wang")
        first = team.document(1).text[:8]
    for a, b in ((target, other), (other, target)):
        with Store(a) as store:
            merge(store, b)
    assert _assignments(target) == _assignments(other) == {"ann": [first], "zhao": ["灵武市政协开展视"]}
    with Store(target) as team:
        rows = team.read("SELECT DISTINCT action, reviewer FROM library_log ORDER BY reviewer")
        assert [(r["action"], r["reviewer"]) for r in rows] == [("assign", "li"), ("assign", "wang")]


def test_an_assignment_made_after_merging_a_fast_clock_takes_effect(pair: tuple[Path, Path]) -> None:
    target, other = pair
    with Store(other) as li:
        li.assign(["li"], by="li")
    ahead = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=20)).isoformat(timespec="microseconds")
    conn = sqlite3.connect(other)
    conn.execute("UPDATE library_log SET at = ?", (ahead,))
    conn.commit()
    conn.close()
    with Store(target) as team:
        merge(team, other)
        assert team.assigned("li") == {1}
        team.assign(["ann"], by="wang")
        assert team.assigned("ann") == {1} and team.assigned("li") == set()


def test_assignments_made_before_the_log_are_logged_once_on_copies_migrated_apart(pair: tuple[Path, Path]) -> None:
    target, other = pair
    conn = sqlite3.connect(target)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0012_assignments_logged'")
    conn.execute(
        "INSERT INTO assignments (document_id, reviewer, assigned_at) VALUES"
        " (1, 'ann', '2025-03-01T00:00:00.000000+00:00'), (1, 'bob', '2025-03-01T00:00:00.000000+00:00')"
    )
    conn.commit()
    conn.close()
    shutil.copy(target, other)
    for path in (target, other):
        with Store(path) as store:
            assert store.assigned("ann") == store.assigned("bob") == {1}
    with Store(target) as team:
        merge(team, other)
        rows = team.read("SELECT action, payload, at FROM library_log")
        assert [(r["action"], r["payload"], r["at"]) for r in rows] == [
            ("assign", '{"reviewers": ["ann", "bob"]}', "2025-03-01T00:00:00.000000+00:00")
        ]
        assert team.assigned("ann") == team.assigned("bob") == {1}


# --- every row checked first ----------------------------------------------------------------


def _days(n: float) -> str:
    return (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=n)).isoformat(timespec="microseconds")


BAD_ROWS = [
    ("decisions", "at", "9999-12-31T23:59:59.999999", "date"),
    ("decisions", "at", _days(2), "date"),  # a copy whose clock ran two days fast
    ("decisions", "at", "1999-12-31T23:59:59.000000+00:00", "date"),
    ("spans", "flagged_at", _days(30), "date"),
    ("decisions", "before", "{oops", "JSON"),
    ("decisions", "after", "[1, 2]", "JSON"),
    ("spans", "start", -1, "offsets"),
    ("spans", "end", 10**6, "offsets"),
    ("spans", "start", "七", "offsets"),
    ("spans", "document_id", 999, "offsets"),
    ("documents", "page_map", "{oops", "page map"),
    # The last document's text is its raw text, 13 characters: maps that do not cover it.
    ("documents", "offset_map", '{"runs": [[0, 0, 5], [6, 6, 7]], "n": 13, "raw": 13}', "offset map"),
    ("documents", "offset_map", '{"runs": [[0, 0, 14]], "n": 13, "raw": 13}', "offset map"),
    ("documents", "offset_map", '{"runs": [[0, 1, 13]], "n": 13, "raw": 13}', "offset map"),
    ("documents", "offset_map", '{"runs": [[0, 0, 12]], "n": 13, "raw": 13}', "offset map"),
    ("documents", "offset_map", '{"runs": [[0, 0, 13, 1]], "n": 13, "raw": 13}', "offset map"),
    ("documents", "offset_map", '{"runs": [[0, 0, 13]], "n": 13, "raw": 14}', "offset map"),
    ("decisions", "at", "next tuesday", "date"),
    ("decisions", "payload", '{"status": ', "JSON"),
    ("decisions", "reviewer", None, "reviewer"),
    ("decisions", "uid", None, "uid"),
    ("spans", "uid", None, "uid"),
    ("spans", "attrs", "{oops", "JSON"),
    ("documents", "offset_map", '{"runs": [[0, 0, 5]], "n": 3, "raw": 1}', "offset map"),
    ("documents", "offset_map", "garbage", "offset map"),
]


@pytest.mark.parametrize(
    ("table", "column", "value", "word"), BAD_ROWS, ids=[f"{r[0]}.{r[1]}-{i}" for i, r in enumerate(BAD_ROWS)]
)
def test_a_bad_row_is_refused_in_one_line_naming_it_and_nothing_is_written(
    pair: tuple[Path, Path], tmp_path: Path, table: str, column: str, value: object, word: str
) -> None:
    target, other = pair
    with Store(other) as li:
        doc = li.document_ids()[0]
        li.decide(li.spans(doc, "li")[1].id, "li", Change("reject"))
        draft = prepare("灵武市政协开展视察15次。")[0]
        li.add_document("e.txt", "utf-8", draft, [])
    conn = sqlite3.connect(other)
    row_id = conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
    if value is None:  # a hostile or damaged copy need not keep to the schema's NOT NULLs
        conn.execute("PRAGMA writable_schema = ON")
        _drop_not_null(conn, table, column)
    conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (value, row_id))
    conn.commit()
    conn.close()
    before = snapshot(target)
    result = CliRunner().invoke(main, ["merge", str(other), "--db", str(target)])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert f"{table} row {row_id}" in lines[0] and word in lines[0] and str(other) in lines[0]
    assert "Traceback" not in result.output
    assert snapshot(target) == before


def test_an_assignment_naming_no_reviewer_is_refused_naming_its_row(pair: tuple[Path, Path]) -> None:
    target, other = pair
    with Store(other) as li:
        li.assign(["li"], by="li")
    conn = sqlite3.connect(other)
    conn.execute("""UPDATE library_log SET payload = '{"reviewers": ["li", null]}'""")
    conn.commit()
    conn.close()
    before = snapshot(target)
    with Store(target) as team, pytest.raises(MergeError) as info:
        merge(team, other)
    assert "library_log row 1" in str(info.value) and "reviewers" in str(info.value)
    assert snapshot(target) == before


def test_a_library_operation_from_a_fast_clock_is_refused_naming_its_row(pair: tuple[Path, Path]) -> None:
    target, other = pair
    with Store(other) as li:
        li.withdraw_document(1, by="li")
    conn = sqlite3.connect(other)
    conn.execute("UPDATE library_log SET at = ?", (_days(3),))
    conn.commit()
    conn.close()
    before = snapshot(target)
    with Store(target) as team, pytest.raises(MergeError) as info:
        merge(team, other)
    assert "library_log row 1" in str(info.value) and "date" in str(info.value) and "clock" in str(info.value)
    assert snapshot(target) == before


def test_a_decision_after_merging_a_copy_almost_a_day_fast_takes_effect(pair: tuple[Path, Path]) -> None:
    """The edge of the window: accepted, and the reviewer's next decision still counts."""
    target, other = pair
    with Store(other) as li:
        li.decide(li.spans(1, "li")[1].id, "li", Change("confirm"))
    conn = sqlite3.connect(other)
    conn.execute("UPDATE decisions SET at = ? WHERE reviewer = 'li'", (_days(0.95),))
    conn.commit()
    conn.close()
    with Store(target) as team:
        merge(team, other)
        assert team.spans(1, "li")[1].status == "confirmed"
        team.decide(team.spans(1, "li")[1].id, "li", Change("reject"))
        assert team.spans(1, "li")[1].status == "rejected"


LIBRARY_ROWS = [
    ("action", "explode", "action"),
    ("payload", "[1]", "payload"),
    ("payload", '{"year": 99999}', "year"),
    ("payload", '{"year": "2022"}', "year"),
    ("reviewer", " ", "reviewer"),
    ("uid", "", "uid"),
    ("at", "1999-01-01T00:00:00+00:00", "date"),
]


@pytest.mark.parametrize(("column", "value", "word"), LIBRARY_ROWS)
def test_a_bad_library_operation_is_refused_naming_its_row(
    pair: tuple[Path, Path], column: str, value: str, word: str
) -> None:
    target, other = pair
    with Store(other) as li:
        li.describe_document(1, title="城中区", year=2023, by="li")
    conn = sqlite3.connect(other)
    conn.execute(f"UPDATE library_log SET {column} = ?", (value,))
    conn.commit()
    conn.close()
    before = snapshot(target)
    with Store(target) as team, pytest.raises(MergeError) as info:
        merge(team, other)
    assert "library_log row 1" in str(info.value) and word in str(info.value)
    assert snapshot(target) == before


def _drop_not_null(conn: sqlite3.Connection, table: str, column: str) -> None:
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0]
    loose = re.sub(rf"(\[?{column}\]?\s+TEXT)\s+NOT NULL", r"\1", sql)
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (loose, table))
    conn.commit()
    conn.execute("PRAGMA writable_schema = OFF")


def test_no_room_for_the_checked_copy_names_the_temporary_folder(
    pair: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target, other = pair
    not_a_folder = tmp_path / "tmpfile"
    not_a_folder.write_text("")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    with Store(target) as team, pytest.raises(MergeError) as info:
        merge(team, other)
    assert "temporary" in str(info.value) and "TMPDIR" in str(info.value) and "corrupt" not in str(info.value)


# --- the three properties the mutants broke -------------------------------------------------


def test_the_log_is_read_in_at_uid_order_not_row_order(pair: tuple[Path, Path]) -> None:
    """li confirms on one copy, then rejects on the other: both copies, merged both ways,
    hold the later reject, whatever order the rows came in."""
    target, other = pair
    with Store(other) as li:
        li.decide(li.spans(1, "li")[1].id, "li", Change("confirm"))
    with Store(target) as team:
        team.decide(team.spans(1, "li")[1].id, "li", Change("reject"))
    with Store(target) as team:
        merge(team, other)  # the earlier confirm lands as the later row here
    with Store(other) as li:
        merge(li, target)
    assert _state(target, "li", 1) == _state(other, "li", 1) == "rejected"
    assert _gold(target) == _gold(other)


def test_a_decision_made_after_merging_a_fast_clock_takes_effect(pair: tuple[Path, Path]) -> None:
    target, other = pair
    with Store(other) as li:
        li.decide(li.spans(1, "li")[1].id, "li", Change("confirm"))
    ahead = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=2)).isoformat(timespec="microseconds")
    conn = sqlite3.connect(other)
    conn.execute("UPDATE decisions SET at = ? WHERE reviewer = 'li'", (ahead,))
    conn.commit()
    conn.close()
    with Store(target) as team:
        merge(team, other)
        view = team.decide(team.spans(1, "li")[1].id, "li", Change("reject"))
        assert view.status == "rejected"
        assert team.spans(1, "li")[1].status == "rejected"


def _renormalized_copy(path: Path) -> None:
    """The copy's document normalized without its first character: every offset one less."""
    conn = sqlite3.connect(path)
    text, raw_map = conn.execute("SELECT text, offset_map FROM documents WHERE id = 1").fetchone()
    ours = OffsetMap.from_json(raw_map)
    offsets = [ours.to_raw(i + 1) for i in range(len(text) - 1)] + [ours.raw_length]
    theirs = OffsetMap.from_offsets(offsets, ours.raw_length)
    conn.execute("UPDATE documents SET text = ?, offset_map = ? WHERE id = 1", (text[1:], theirs.to_json()))
    conn.execute("UPDATE sections SET start = max(start - 1, 0), end = end - 1 WHERE document_id = 1")
    conn.execute("UPDATE spans SET start = start - 1, end = end - 1 WHERE document_id = 1")
    conn.commit()
    conn.close()


def test_merging_a_copy_whose_text_differs_puts_spans_and_boundaries_in_place(pair: tuple[Path, Path]) -> None:
    target, other = pair
    _renormalized_copy(other)
    with Store(other) as li:
        t = li.document(1).text
        added = li.add_span(1, "li", t.index("王明"), t.index("王明") + 2, "PERSON")
        money = li.spans(1, "li")[1]
        assert money.text == "93.35万元"
        li.decide(money.id, "li", Change("boundary", start=money.start, end=money.end - 1))
        assert added is not None
    with Store(target) as team:
        report = merge(team, other)
        assert report.spans_added == 1
        t = team.document(1).text
        views = {v.text: v for v in team.spans(1, "li")}
        person = views["王明"]
        assert (person.start, person.end, person.label, person.flag) == (
            t.index("王明"),
            t.index("王明") + 2,
            "PERSON",
            "",
        )
        corrected = [v for v in team.spans(1, "li") if v.status == "corrected"]
        assert [(v.text, t[v.start : v.end]) for v in corrected] == [("93.35万", "93.35万")]


def test_a_copy_in_a_read_only_folder_is_not_called_corrupt(
    pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite says "unable to open database file" when it cannot create the -shm beside a
    -wal in a folder it cannot write (root can write anywhere, so the refusal is staged)."""
    from pizhu.store import merge as merge_module

    target, other = pair

    class _Refusing:
        def execute(self, *_args: object) -> None:
            raise sqlite3.OperationalError("unable to open database file")

        def close(self) -> None:
            pass

    with Store(target) as team:
        monkeypatch.setattr(merge_module.sqlite3, "connect", lambda *a, **k: _Refusing())
        with pytest.raises(MergeError) as info:
            merge_module.open_other(other, team)
        monkeypatch.undo()
    message = str(info.value)
    assert "corrupt" not in message and "read-only" in message and "-shm" in message and str(other) in message


# --- mutants the first full run left -------------------------------------------------------


def test_merge_all_refuses_the_target_itself_before_merging_any_other(pair: tuple[Path, Path]) -> None:
    """merge_all checks every file against the target first: naming the target among the
    others stops the merge before the good copy is merged."""
    from pizhu.store.merge import merge_all

    target, other = pair
    with Store(other) as li:
        li.decide(li.spans(1, "li")[1].id, "li", Change("reject"))
    before = snapshot(target)
    with Store(target) as team, pytest.raises(MergeError) as info:
        merge_all(team, [other, target])
    assert "target database itself" in str(info.value)
    assert snapshot(target) == before


def test_a_span_whose_start_has_no_place_in_our_text_is_left_out_whole(pair: tuple[Path, Path]) -> None:
    """Our copy dropped the text's first character: the other copy's span over it has no
    start here, and is left out rather than stored with a start of None."""
    target, other = pair
    with Store(other) as li:
        assert li.add_span(1, "li", 0, 4, "ORG") is not None
    _renormalized_copy(target)
    with Store(target) as team:
        report = merge(team, other)
        assert report.spans_added == 0
        text = team.document(1).text
        for span in team.read("SELECT start, end, text FROM spans"):
            assert isinstance(span["start"], int) and text[span["start"] : span["end"]] == span["text"]


def test_a_document_only_the_other_copy_holds_comes_whole_under_the_id_it_gets_here(
    pair: tuple[Path, Path],
) -> None:
    """Both copies add a report of their own, so li's is document 2 there and 3 here: its
    sections, source file, OCR words, spans, decisions and candidate counts follow it to 3."""
    target, other = pair
    text = "灵武市政协2022年开展视察调研15次，提出建议28条。"
    with Store(other) as li:
        draft = prepare(text)[0]
        t = draft.text
        spans = [Span(t.index(s), t.index(s) + len(s), "FIGURE", s, {}, "r", 0.5) for s in ("15次", "28条")]
        doc = li.add_document(
            "e.html", "utf-8", draft, spans, original=("text/html", b"<p>x</p>"), ocr_words=[(0, 2, 55.0)]
        )
        assert doc == 2
        li.decide(li.spans(doc, "li")[0].id, "li", Change("reject"))
        li.withdraw_document(doc, by="li")
        expected = li.read(
            "SELECT ordinal, heading, start, end, kind FROM sections WHERE document_id = 2 ORDER BY ordinal"
        )
    with Store(target) as team:
        ours = prepare("城中区政协召开会议12次。")[0]
        at = ours.text.index("12次")
        # A span of its own, so li's spans and decisions get other ids here than there.
        assert team.add_document("m.txt", "utf-8", ours, [Span(at, at + 3, "FIGURE", "12次", {}, "r", 0.5)]) == 2
        report = merge(team, other)
        assert (report.documents_added, report.documents_matched) == (1, 1)
        rows = team.read(
            "SELECT ordinal, heading, start, end, kind FROM sections WHERE document_id = 3 ORDER BY ordinal"
        )
        assert rows == expected and len(rows) >= 1
        assert team.original(3) == ("text/html", b"<p>x</p>")
        words = team.read("SELECT start, end, confidence FROM ocr_words WHERE document_id = 3")
        assert [(w["start"], w["end"], w["confidence"]) for w in words] == [(0, 2, 55.0)]
        assert team.document_ids() == [1, 2]  # li withdrew her report: 3 here, never our 2
        assert [(s.text, s.status) for s in team.spans(3, "li")] == [("15次", "rejected"), ("28条", "pending")]
        assert [s.status for s in team.spans(2, "li")] == ["pending"]
        misplaced = team.read(
            "SELECT d.id FROM decisions d JOIN spans s ON s.id = d.span_id WHERE d.document_id != s.document_id"
        )
        assert misplaced == []
        counts = team.read("SELECT sum(n) AS n FROM candidate_counts WHERE document_id = 3")
        assert counts[0]["n"] == 2
        assert len(team.read("SELECT id FROM sections WHERE document_id = 2")) == 1  # ours untouched


def test_a_decision_on_a_span_of_the_first_chunk_is_merged_after_the_second(pair: tuple[Path, Path]) -> None:
    """Spans are merged in chunks of 50: a decision on a span of the first chunk of a document
    only the other copy holds still finds it once the second chunk is merged."""
    target, other = pair
    text = "".join(f"召开会议{i}次。" for i in range(1, 61))
    with Store(other) as li:
        draft = prepare(text)[0]
        t = draft.text
        spans = []
        for i in range(1, 61):
            at = t.index(f"议{i}次") + 1
            spans.append(Span(at, at + len(f"{i}次"), "FIGURE", f"{i}次", {}, "r", 0.5))
        doc = li.add_document("many.txt", "utf-8", draft, spans)
        first = next(s for s in li.spans(doc, "li") if s.text == "1次")
        li.decide(first.id, "li", Change("reject"))
    with Store(target) as team:
        merge(team, other)
        doc = team.document_ids()[-1]
        assert [s.status for s in team.spans(doc, "li") if s.text == "1次"] == ["rejected"]


def test_the_merge_report_counts_every_document(pair: tuple[Path, Path]) -> None:
    target, other = pair
    common = prepare("城中区政协召开会议12次。")[0]
    for path in (target, other):
        with Store(path) as store:
            store.add_document("common.txt", "utf-8", common, [])
    with Store(other) as li:
        for text in ("灵武市政协开展视察15次。", "西宁市政协提出建议28条。"):
            li.add_document(f"{text[:3]}.txt", "utf-8", prepare(text)[0], [])
    with Store(target) as team:
        report = merge(team, other)
    assert (report.documents_matched, report.documents_added) == (2, 2)


def test_the_same_report_imported_from_another_file_matches_machine_spans_by_place(
    pair: tuple[Path, Path],
) -> None:
    """The same text from two files (a PDF here, its text there): the documents match by
    text, their machine candidates (whose uids follow the file) by place and label, so li's
    decision lands on our candidate and no candidate is doubled."""
    target, other = pair
    text = "灵武市政协开展视察15次，提出建议28条。"
    draft = prepare(text)[0]
    t = draft.text
    spans = [Span(t.index(s), t.index(s) + len(s), "FIGURE", s, {}, "r", 0.5) for s in ("15次", "28条")]
    with Store(other) as li:
        doc = li.add_document("e.txt", "utf-8", draft, spans, source_hash="from-the-text")
        li.decide(li.spans(doc, "li")[1].id, "li", Change("reject"))
    with Store(target) as team:
        doc = team.add_document("e.pdf", "utf-8", draft, spans, source_hash="from-the-pdf")
        assert doc is not None
        report = merge(team, other)
        assert (report.documents_added, report.spans_added) == (0, 0)
        assert [(s.text, s.status) for s in team.spans(doc, "li")] == [("15次", "pending"), ("28条", "rejected")]


def test_an_assignment_of_unknown_time_is_logged_at_the_window_start_and_merges(pair: tuple[Path, Path]) -> None:
    """An assignment made before its time was kept is logged at 2000-01-01T00:00:00, the
    window's first instant, which a merge accepts."""
    target, other = pair
    conn = sqlite3.connect(other)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0012_assignments_logged'")
    conn.execute("INSERT INTO assignments (document_id, reviewer, assigned_at) VALUES (1, 'li', NULL)")
    conn.commit()
    conn.close()
    with Store(other) as li:
        assert li.read("SELECT at FROM library_log")[0]["at"] == "2000-01-01T00:00:00.000000+00:00"
    with Store(target) as team:
        merge(team, other)
        assert team.assigned("li") == {1}
