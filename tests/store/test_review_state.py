"""The review state has one owner: the scenarios where the gold used to go silently wrong.

Each test drives a real SQLite file through the ``pizhu`` CLI or the public ``Store``
calls, with three reviewers on the seeds or on a small report of our own.
"""

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
from pizhu.store import review, roles
from pizhu.store.agree import agreement, disagreements
from pizhu.store.db import Store
from pizhu.store.errors import StoreError
from pizhu.store.export import ExportFilter, iter_jsonl, write_docbin
from pizhu.store.maintenance import reextract, renormalize_document
from pizhu.store.merge import merge
from pizhu.store.records import Change
from tests.extras import installed

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TEXT = (
    "城中区政协2023年工作报告\n全年征集社情民意49条,捐款捐物93.35万元。召开会议12次,"
    "线上交流发言320人(次)。区政府领导出席。"
)


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def gold(db: Path, *extra: str) -> list[dict]:
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--unfinished", *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def gold_texts(db: Path) -> list[tuple[str, str]]:
    return sorted((s["label"], s["text"]) for record in gold(db) for s in record["spans"])


def _span(text: str, sub: str, label: str = "FIGURE") -> Span:
    start = text.index(sub)
    return Span(start, start + len(sub), label, sub, {"value": 1}, "r", 0.5)


def small(path: Path) -> tuple[Store, int]:
    store = Store(path)
    draft = prepare(TEXT)[0]
    t = draft.text
    spans = [_span(t, s) for s in ("49条", "93.35万元", "12次", "320人(次)")] + [_span(t, "区政府", "ORG")]
    doc = store.add_document("t.txt", "utf-8", draft, spans)
    assert doc is not None
    return store, doc


def ids(store: Store, doc: int) -> dict[str, int]:
    return {s.text: s.id for s in store.spans(doc, "")}


@pytest.fixture
def seeds_db(tmp_path: Path) -> Path:
    db = tmp_path / "seeds.db"
    run("import", str(SEEDS), "--db", str(db))
    return db


# --- 1. one reviewer's "no opinion" never erases the others' confirmations ------------------


def test_undo_back_to_pending_is_no_opinion(seeds_db: Path, tmp_path: Path) -> None:
    with Store(seeds_db) as store:
        span = next(s for s in store.spans(1, "") if s.text == "区政府")
        store.decide(span.id, "ux1", Change("confirm"))
        store.decide(span.id, "ux2", Change("confirm"))
    before = gold_texts(seeds_db)
    with Store(seeds_db) as store:
        store.decide(span.id, "ux3", Change("boundary", end=span.end - 1))
        assert store.span(span.id).status == "disputed"  # a real disagreement while it stands
        store.undo("ux3")
        assert store.span(span.id, "ux3").status == "pending"
        assert store.span(span.id).status == "confirmed"
        docbin = tmp_path / "gold.spacy"
        if installed("spacy"):  # else the DocBin check below skips
            write_docbin(store, ExportFilter(unfinished=True), docbin)
    assert gold_texts(seeds_db) == before
    assert ("ORG", "区政府") in before
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    docs = list(DocBin().from_disk(docbin).get_docs(spacy.blank("zh").vocab))
    assert "区政府" in [e.text for e in docs[0].ents]


# --- 2. tags: union in the gold, and the difference listed for adjudication ------------------


def test_tags_are_united_and_a_tag_only_difference_is_listed(tmp_path: Path) -> None:
    store, doc = small(tmp_path / "t.db")
    span = ids(store, doc)["320人(次)"]
    store.decide(span, "ux1", Change("tag", tag="unit?"))
    store.decide(span, "ux1", Change("confirm"))
    store.decide(span, "ux2", Change("confirm"))
    view = store.span(span)
    assert view.status == "confirmed" and view.tags == ("unit?",) and view.reviewers == ("ux1", "ux2")
    record = json.loads(next(iter_jsonl(store, ExportFilter(unfinished=True))))
    assert next(s for s in record["spans"] if s["text"] == "320人(次)")["tags"] == ["unit?"]
    listed = [d for d in disagreements(store) if d.span_id == span]
    assert [d.kinds for d in listed] == [("tags",)]
    # The adjudicator can drop the wrong tag: the verdict wins.
    roles.grant(store, roles.login_name(), "lead")
    store.adjudicate(span, "adjudicator:lead", store.span(span).state() | {"tags": []})
    assert store.span(span).tags == ()


# --- 3. copies converge: the same gold on every copy -----------------------------------------


def test_merging_copies_both_ways_gives_the_same_gold(tmp_path: Path) -> None:
    a_path, b_path = tmp_path / "a.db", tmp_path / "b.db"
    store, doc = small(a_path)
    store.close()
    shutil.copy(a_path, b_path)
    with Store(a_path) as a:
        a.decide(ids(a, doc)["49条"], "alice", Change("confirm"))
    with Store(b_path) as b:
        b.decide(ids(b, doc)["49条"], "bob", Change("reject"))
    for _ in range(2):
        run("merge", str(b_path), "--db", str(a_path))
        run("merge", str(a_path), "--db", str(b_path))
    exports = [gold(path, "--all") for path in (a_path, b_path)]
    assert exports[0] == exports[1]
    record = exports[0][0]
    assert "49条" not in [s["text"] for s in record["spans"]]
    disputed = record["disputed"]
    assert [s["text"] for s in disputed] == ["49条"]
    assert {r: v["status"] for r, v in disputed[0]["versions"].items()} == {"alice": "confirmed", "bob": "rejected"}


# --- 4. undo follows the decision it refers to, across copies ---------------------------------


def test_undo_on_one_copy_and_decide_on_another(tmp_path: Path) -> None:
    a_path, b_path = tmp_path / "a.db", tmp_path / "b.db"
    store, doc = small(a_path)
    first, second = ids(store, doc)["49条"], ids(store, doc)["12次"]
    store.decide(first, "wang", Change("confirm"))
    store.close()
    shutil.copy(a_path, b_path)
    with Store(a_path) as a:
        assert a.undo("wang").id == first  # type: ignore[union-attr]
    with Store(b_path) as b:
        b.decide(second, "wang", Change("reject"))
    with Store(a_path) as a:
        merge(a, b_path)
        assert a.span(first, "wang").status == "pending"
        assert a.span(second, "wang").status == "rejected"
        # The next undo takes back the reject made on the other copy, not the undone confirm again.
        assert a.undo("wang").id == second  # type: ignore[union-attr]
        assert a.span(second, "wang").status == "pending"
        assert a.span(first, "wang").status == "pending"
        assert a.undo("wang") is None
        # Redo brings back the reject.
        assert a.redo("wang").id == second  # type: ignore[union-attr]
        assert a.span(second, "wang").status == "rejected"


def test_a_batch_is_undone_whole(tmp_path: Path) -> None:
    store, doc = small(tmp_path / "t.db")
    figures = [i for text, i in ids(store, doc).items() if text != "区政府"]
    assert store.decide_many(figures, "wang", "confirm") == 4
    assert {store.span(i, "wang").status for i in figures} == {"confirmed"}
    store.undo("wang")
    assert {store.span(i, "wang").status for i in figures} == {"pending"}
    store.redo("wang")
    assert {store.span(i, "wang").status for i in figures} == {"confirmed"}


def test_undo_batch_gives_every_span_it_touched_in_its_new_state(tmp_path: Path) -> None:
    store, doc = small(tmp_path / "t.db")
    figures = [i for text, i in ids(store, doc).items() if text != "区政府"]
    store.decide_many(figures, "wang", "confirm")
    undone = store.undo_batch("wang")
    assert sorted(s.id for s in undone) == sorted(figures)
    assert {s.status for s in undone} == {"pending"}
    assert [s.state() for s in undone] == [store.span(s.id, "wang").state() for s in undone]
    redone = store.redo_batch("wang")
    assert sorted(s.id for s in redone) == sorted(figures) and {s.status for s in redone} == {"confirmed"}
    # A split comes back whole: the two halves removed, the span as it was.
    span = store.span(figures[0], "wang")
    left, right = store.split_span(span.id, "wang", span.start + 1)
    back = {s.id: s.status for s in store.undo_batch("wang")}
    assert back == {span.id: "confirmed", left.id: "removed", right.id: "removed"}


def test_undo_of_a_label_keeps_a_later_boundary(tmp_path: Path) -> None:
    """Operations, not snapshots: taking back an earlier decision leaves later ones in effect."""
    store, doc = small(tmp_path / "t.db")
    span = store.span(ids(store, doc)["区政府"], "wang")
    store.decide(span.id, "wang", Change("label", label="GPE"))
    store.decide(span.id, "wang", Change("boundary", end=span.end + 2))
    label_uid = store.history(span.id, "wang")[0].uid
    with store.transaction() as conn:  # an undo of the first decision, as a merge from another copy brings it
        review.append(conn, [review.Pending(span.id, doc, "wang", review.UNDO, {}, ref_uid=label_uid)])
    view = store.span(span.id, "wang")
    assert (view.label, view.end, view.status) == ("ORG", span.end + 2, "corrected")


# --- 5. agree counts what --disagreements lists ---------------------------------------------------


def test_a_reviewer_who_undid_everything_did_not_review_the_document(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    store, doc = small(db)
    spans = ids(store, doc)
    for span_id in spans.values():
        store.decide(span_id, "ux1", Change("confirm"))
        store.decide(span_id, "ux2", Change("confirm"))
    store.decide(spans["12次"], "ux2", Change("reject"))
    for _ in spans:
        store.decide(spans["49条"], "ux3", Change("confirm"))
        store.decide(spans["49条"], "ux3", Change("reject"))
    for _ in range(2 * len(spans)):
        store.undo("ux3")
    pairs = {(p.reviewer_a, p.reviewer_b): p for p in agreement(store)}
    assert all(pair.documents == 0 for key, pair in pairs.items() if "ux3" in key)
    assert ("ux1", "ux2") in pairs
    mismatched = pairs[("ux1", "ux2")].spans_a - pairs[("ux1", "ux2")].matched
    listed = disagreements(store)
    assert mismatched == 1 and [d.span_id for d in listed] == [spans["12次"]]
    out = run("agree", "--db", str(db), "--disagreements")
    assert "12次" in out
    store.close()


def test_an_addition_another_reviewer_did_not_make_is_listed(tmp_path: Path) -> None:
    store, doc = small(tmp_path / "t.db")
    text = store.document(doc).text
    for span_id in ids(store, doc).values():
        store.decide(span_id, "ux1", Change("confirm"))
        store.decide(span_id, "ux2", Change("confirm"))
    added = store.add_span(doc, "ux1", text.index("城中区政协"), text.index("城中区政协") + 5, "ORG")
    pair = agreement(store)[0]
    assert pair.spans_a - pair.matched == 1
    listed = disagreements(store)
    assert [(d.span_id, d.kinds) for d in listed] == [(added.id, ("missed",))]
    assert listed[0].versions["ux2"] == {"status": "not marked"}


# --- 6. re-extraction keeps ids, never re-proposes what a reviewer made ---------------------


def test_reextract_keeps_ids_and_does_not_repropose_a_correction(tmp_path: Path) -> None:
    store, doc = small(tmp_path / "t.db")
    before = ids(store, doc)
    span = store.span(before["区政府"], "wang")
    store.decide(span.id, "wang", Change("boundary", end=span.end + 2))  # 区政府领导
    corrected = store.span(span.id, "wang")
    store.decide(before["12次"], "wang", Change("reject"))
    proposals = [_span(store.document(doc).text, s) for s in ("49条", "93.35万元", "12次", "320人(次)")]
    proposals.append(Span(corrected.start, corrected.end, "ORG", corrected.text, {}, "new", 0.9))
    store.replace_machine_spans(doc, proposals, "next")
    after = {s.text: s.id for s in store.spans(doc, "")}
    assert {t: after[t] for t in ("49条", "93.35万元", "12次", "320人(次)")} == {
        t: before[t] for t in ("49条", "93.35万元", "12次", "320人(次)")
    }
    assert list(after).count(corrected.text) == 0  # the correction is not proposed again as a new candidate
    record = json.loads(next(iter_jsonl(store, ExportFilter(include_all=True))))
    every = [s["text"] for key in ("spans", "candidates", "disputed", "rejected") for s in record[key]]
    assert every.count(corrected.text) == 1


def test_an_open_app_keeps_its_span_ids_through_reextract(seeds_db: Path) -> None:
    with Store(seeds_db) as app_store, Store(seeds_db) as other:
        shown = [s.id for s in app_store.spans(1, "ann")]
        reextract(other)
        for span_id in shown[:20]:
            app_store.decide(span_id, "ann", Change("confirm"))  # no "no span 271"
        assert [s.id for s in app_store.spans(1, "ann")] == shown


# --- bounds: inside the text and one section, never on whitespace ----------------------------


def test_bounds_never_cross_a_section_or_sit_on_whitespace(seeds_db: Path) -> None:
    with Store(seeds_db) as store:
        text = store.document(1).text
        sections = store.sections(1)
        second = sections[1]
        span = (
            next(s for s in store.spans(1, "") if s.start == second.start)
            if any(s.start == second.start for s in store.spans(1, ""))
            else None
        )
        if span is not None:
            with pytest.raises(StoreError, match=r"section|space"):
                store.decide(span.id, "ann", Change("boundary", start=span.start - 1))
        newline = text.index("\n")
        with pytest.raises(StoreError, match="space or line break"):
            store.decide(store.spans(1, "")[0].id, "ann", Change("boundary", end=newline + 1))
        # A selection with a line break at its end is the text before it.
        added = store.add_span(1, "ann", newline - 2, newline + 1, "ORG")
        assert (added.start, added.end) == (newline - 2, newline)
        blank = text.index("\n\n") if "\n\n" in text else newline
        with pytest.raises(StoreError, match=r"outside|space"):
            store.add_span(1, "ann", blank, blank + 1, "ORG")
        with pytest.raises(StoreError, match="next section"):
            store.add_span(1, "ann", second.start - 3, second.start + 2, "ORG")
        with pytest.raises(StoreError, match="outside"):
            store.add_span(1, "ann", len(text) - 1, len(text) + 4, "ORG")


# --- document identity survives a new normalizer -----------------------------------------------


def test_a_new_normalization_keeps_documents_and_moves_decisions(seeds_db: Path) -> None:
    with Store(seeds_db) as store:
        figures = [s for s in store.spans(1, "") if s.label == "FIGURE"][:3]
        for s in figures:
            store.decide(s.id, "ann", Change("confirm"))
        old_text = store.document(1).text
        raw = store.document(1).raw
        # A normalizer that changes the text: the first figure's first character doubled in the raw
        # read as two, so every later offset moves by one.
        first = figures[0]
        draft = prepare(raw)[0] if len(prepare(raw)) == 1 else None
        from pizhu.extract.document import renormalize

        new = renormalize(raw)
        shifted_raw_text = new.text[: first.start] + "X" + new.text[first.start :]
        from dataclasses import replace

        offsets = list(new.normalized.raw_offsets)
        offsets.insert(first.start, offsets[first.start])
        changed = replace(new, normalized=replace(new.normalized, text=shifted_raw_text, raw_offsets=tuple(offsets)))
        assert draft is None or draft.text == old_text
        moved, flagged = renormalize_document(store, 1, changed)
        assert moved
        doc = store.document(1)
        for s in figures:
            view = store.span(s.id, "ann")
            assert view.status == "confirmed"
            assert doc.text[view.start : view.end] == view.text
        assert store.span(figures[1].id, "ann").start == figures[1].start + 1
        assert flagged == 1 and store.span(first.id).flag == "text changed"
        assert store.span(figures[1].id).flag == ""
    # Re-importing the same files adds nothing: they are known by their bytes.
    out = CliRunner().invoke(main, ["import", str(SEEDS), "--db", str(seeds_db)])
    assert "imported 0 report(s)" in out.output


# --- the state tables are a cache of the log ---------------------------------------------------


def test_every_state_row_recomputes_from_the_log(seeds_db: Path) -> None:
    with Store(seeds_db) as store:
        spans = store.spans(1, "")
        for i, s in enumerate(spans[:40]):
            reviewer = ("ann", "bob", "cy")[i % 3]
            action = ("confirm", "reject", "label")[i % 3]
            store.decide(s.id, reviewer, Change(action, **({"label": "GPE"} if action == "label" else {})))
            if i % 7 == 0:
                store.undo(reviewer)
            if i % 5 == 0:
                store.decide(s.id, "bob", Change("tag", tag="look"))
        cached = _tables(store.conn)
        store.rebuild_state()
        assert _tables(store.conn) == cached
        reextract(store)
        counted = store.conn.execute(
            "SELECT document_id, label, rule, source, count(*) FROM spans WHERE origin = 'machine'"
            " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
        ).fetchall()
        kept = store.conn.execute("SELECT * FROM candidate_counts ORDER BY 1, 2, 3, 4").fetchall()
        assert kept == counted


def _tables(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    return {
        "span_states": conn.execute("SELECT * FROM span_states ORDER BY span_id, reviewer").fetchall(),
        "gold_states": conn.execute("SELECT * FROM gold_states ORDER BY span_id").fetchall(),
    }


def test_the_sql_views_show_the_gold(tmp_path: Path) -> None:
    store, doc = small(tmp_path / "t.db")
    spans = ids(store, doc)
    store.decide(spans["49条"], "ann", Change("confirm"))
    store.decide(spans["12次"], "ann", Change("reject"))
    rows = store.read("SELECT text, status, reviewers FROM gold_spans WHERE status != 'pending' ORDER BY start")
    assert [(r["text"], r["status"]) for r in rows] == [("49条", "confirmed"), ("12次", "rejected")]
    mine = store.read("SELECT text, status FROM reviewer_spans WHERE reviewer = 'ann' ORDER BY start")
    assert [(r["text"], r["status"]) for r in mine] == [("49条", "confirmed"), ("12次", "rejected")]


def test_a_changed_ruling_is_put_before_the_reviewer_again(tmp_path: Path) -> None:
    store, doc = small(tmp_path / "t.db")
    spans = ids(store, doc)
    store.decide(spans["12次"], "wang", Change("reject"))
    store.decide(spans["49条"], "wang", Change("reject"))
    with store.transaction() as conn:  # both decided under the first guidelines
        conn.execute("UPDATE decisions SET guidelines = '1.0'")
        review.rebuild(conn)
    assert [s.text for s in store.queue("wang")] == ["93.35万元", "320人(次)", "区政府"]
    t = store.document(doc).text
    again = [_span(t, s) for s in ("49条", "93.35万元", "320人(次)")] + [_span(t, "区政府", "ORG")]
    again.append(Span(t.index("12次"), t.index("12次") + 3, "FIGURE", "12次", {"value": 1}, "figure.v11", 0.5))
    store.replace_machine_spans(doc, again, "next")
    flagged = store.span(spans["12次"])
    assert flagged.flag == "ruling changed" and flagged.id == spans["12次"]
    assert store.span(spans["49条"]).flag == ""  # the same rule proposes it: nothing changed
    assert store.queue("wang")[0].id == spans["12次"]
    store.decide(spans["12次"], "wang", Change("confirm"))  # looked at again under v1.1
    assert spans["12次"] not in [s.id for s in store.queue("wang")]


def test_withdraw_describe_and_assign_through_the_cli(seeds_db: Path) -> None:
    db = str(seeds_db)
    with Store(seeds_db) as store:
        span = store.spans(2, "")[0]
        store.decide(span.id, "ann", Change("confirm"))
    run("withdraw", "2", "--db", db)
    assert 2 not in [r["id"] for r in gold(seeds_db)]
    with Store(seeds_db) as store:
        assert 2 not in {s.document_id for s in store.queue("ann", limit=5000)}
    with Store(seeds_db) as store:
        assert 2 not in [d.id for d in store.documents("ann")]
        assert store.history(span.id)[0].action == "confirm"  # kept in the log
    run("withdraw", "2", "--restore", "--db", db)
    assert 2 in [r["id"] for r in gold(seeds_db)]
    run("describe", "2", "--year", "2022", "--organisation", "嘉峪关市政协", "--db", db)
    with Store(seeds_db) as store:
        assert (store.document(2).year, store.document(2).organisation) == (2022, "嘉峪关市政协")
    bad = CliRunner().invoke(main, ["describe", "2", "--year", "20x2", "--db", db])
    assert bad.exit_code != 0 and "give a year" in bad.output
    run("assign", "ann", "bob", "--overlap", "0.5", "--db", db)
    with Store(seeds_db) as store:
        ann, bob = store.assigned("ann"), store.assigned("bob")
        assert ann | bob == set(store.document_ids()) and ann & bob
        assert {d.id for d in store.documents("ann") if d.assigned} == ann


def test_reextract_keeps_the_source_a_decided_span_had_when_decided(tmp_path: Path) -> None:
    """Before: a span confirmed when the rules alone proposed it became rules+lac once LAC
    proposed it too, crediting LAC in stats with a find it never made at the time."""
    from dataclasses import replace

    store, doc = small(tmp_path / "t.db")
    spans = ids(store, doc)
    store.decide(spans["49条"], "ux1", Change("confirm"))
    again = [replace(_span(store.document(doc).text, s), source="rules+lac") for s in ("49条", "12次")]
    store.replace_machine_spans(doc, again, "v2")
    by_text = {s.text: s for s in store.spans(doc, "")}
    assert by_text["49条"].source == "rules"  # decided: as it was when decided
    assert by_text["12次"].source == "rules+lac"  # undecided: brought up to date
    store.close()
