"""The totals the triggers keep (migration 0013) equal a fresh count, whatever wrote the store.

``document_totals`` (sections and machine candidates per document) and
``candidate_kinds`` (candidates per label, rule and source) are what the library and
``pizhu stats`` read instead of millions of span rows. Every scenario here ends by
recounting them from ``sections`` and ``candidate_counts``; the last test drops each
trigger in turn and shows that the scenarios then catch the drift.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.extract.document import prepare, renormalize
from pizhu.extract.models import Span
from pizhu.store import progress
from pizhu.store.db import Store
from pizhu.store.maintenance import reextract, renormalize_document
from pizhu.store.merge import merge
from pizhu.store.migrations import DECIDED_TRIGGERS, GOLD_VIEW, TOTALS_TRIGGERS
from pizhu.store.records import Change

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TEXT = (
    "城中区政协2023年工作报告\n全年征集社情民意49条,捐款捐物93.35万元。召开会议12次,"
    "线上交流发言320人(次)。区政府领导出席。"
)
OTHER = "河西区政协2022年工作报告\n提出提案31件,开展视察8次。区委领导出席会议。"


def fresh(conn: sqlite3.Connection) -> tuple[dict[int, tuple[int, int]], dict[tuple[str, str, str], int]]:
    """The totals counted from scratch: per document (sections, candidates); per kind."""
    per_document: dict[int, tuple[int, int]] = {}
    for doc, n in conn.execute("SELECT document_id, count(*) FROM sections GROUP BY 1"):
        per_document[doc] = (n, 0)
    for doc, n in conn.execute("SELECT document_id, sum(n) FROM candidate_counts GROUP BY 1"):
        per_document[doc] = (per_document.get(doc, (0, 0))[0], n)
    kinds = {
        (label, rule, source): n
        for label, rule, source, n in conn.execute(
            "SELECT coalesce(label, ''), coalesce(rule, ''), coalesce(source, ''), sum(n) FROM candidate_counts"
            " GROUP BY 1, 2, 3 HAVING sum(n) != 0"
        )
    }
    return {doc: totals for doc, totals in per_document.items() if totals != (0, 0)}, kinds


def kept(conn: sqlite3.Connection) -> tuple[dict[int, tuple[int, int]], dict[tuple[str, str, str], int]]:
    """The totals as the triggers keep them."""
    per_document = {
        doc: (sections, candidates)
        for doc, sections, candidates in conn.execute("SELECT document_id, sections, candidates FROM document_totals")
        if (sections, candidates) != (0, 0)
    }
    kinds = {(label, rule, source): n for label, rule, source, n in conn.execute("SELECT * FROM candidate_kinds")}
    return per_document, kinds


def fresh_decided(conn: sqlite3.Connection) -> dict[tuple[str, ...], int]:
    """Decided state rows joined to their spans from scratch, per view, document and kind."""
    found: dict[tuple[str, ...], int] = {}
    for table, view in (("span_states", "r.reviewer"), ("gold_states", f"'{GOLD_VIEW}'")):
        for *key, n in conn.execute(
            f"SELECT {view}, r.document_id, s.origin, s.label, coalesce(s.rule, ''),"
            " coalesce(s.source, CASE s.origin WHEN 'machine' THEN 'rules' ELSE 'human' END),"
            f" r.status, coalesce(r.label, ''), count(*) FROM {table} r JOIN spans s ON s.id = r.span_id"
            " WHERE r.status != 'pending' GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"
        ):
            found[tuple(key)] = n
    return found


def kept_decided(conn: sqlite3.Connection) -> dict[tuple[str, ...], int]:
    return {tuple(key): n for *key, n in conn.execute("SELECT * FROM decided_kinds")}


def assert_totals(store: Store) -> None:
    assert kept(store.conn) == fresh(store.conn)
    assert kept_decided(store.conn) == fresh_decided(store.conn)
    # The counts should also have been maintained by the spans' own recount.
    counted = store.conn.execute(
        "SELECT document_id, label, rule, source, count(*) FROM spans WHERE origin = 'machine'"
        " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
    ).fetchall()
    assert store.conn.execute("SELECT * FROM candidate_counts ORDER BY 1, 2, 3, 4").fetchall() == counted


def _span(text: str, sub: str, label: str = "FIGURE", rule: str = "r") -> Span:
    start = text.index(sub)
    return Span(start, start + len(sub), label, sub, {"value": 1}, rule, 0.5)


def small(path: Path) -> tuple[Store, int, int]:
    store = Store(path)
    draft = prepare(TEXT)[0]
    t = draft.text
    spans = [_span(t, s) for s in ("49条", "93.35万元", "12次", "320人(次)")] + [_span(t, "区政府", "ORG", "org")]
    doc = store.add_document("t.txt", "utf-8", draft, spans)
    other = prepare(OTHER)[0]
    doc2 = store.add_document("o.txt", "utf-8", other, [_span(other.text, "31件"), _span(other.text, "8次")])
    assert doc is not None and doc2 is not None
    return store, doc, doc2


def ids(store: Store, doc: int) -> dict[str, int]:
    return {s.text: s.id for s in store.spans(doc, "")}


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


# --- the scenarios --------------------------------------------------------------------------


def scenario_import(tmp_path: Path) -> Store:
    store, _doc, _doc2 = small(tmp_path / "t.db")
    assert_totals(store)
    return store


def scenario_decisions_and_undo(tmp_path: Path) -> Store:
    store, doc, _doc2 = small(tmp_path / "t.db")
    spans = ids(store, doc)
    store.decide(spans["49条"], "ann", Change("confirm"))
    store.decide(spans["12次"], "ann", Change("reject"))
    store.decide(spans["320人(次)"], "bob", Change("label", label="DATE"))
    store.undo("ann")
    store.add_span(doc, "ann", 0, 3, "GPE")
    assert_totals(store)
    return store


def scenario_reextract(tmp_path: Path) -> Store:
    store, doc, doc2 = small(tmp_path / "t.db")
    store.decide(ids(store, doc)["49条"], "ann", Change("confirm"))
    text = store.document_text(doc)
    # Fewer candidates, one under a new rule and one new label: counts and kinds both move.
    store.replace_machine_spans(
        doc, [_span(text, "49条"), _span(text, "12次", rule="r2"), _span(text, "2023年", "DATE")], "v2"
    )
    assert_totals(store)
    store.replace_machine_spans(doc2, [], "v2")  # every candidate gone
    assert_totals(store)
    return store


def scenario_reextract_seeds(tmp_path: Path) -> Store:
    db = tmp_path / "seeds.db"
    run("import", str(SEEDS), "--db", str(db))
    store = Store(db)
    assert_totals(store)
    reextract(store, extract=lambda text: [s for s in prepare_spans(text) if s.label != "ORG"])
    assert_totals(store)
    return store


def prepare_spans(text: str) -> list[Span]:
    from pizhu.extract.pipeline import extract_spans

    return extract_spans(text)


def scenario_renormalize(tmp_path: Path) -> Store:
    store, doc, _doc2 = small(tmp_path / "t.db")
    raw = store.document(doc).raw
    new = renormalize(raw)
    # A normalizer that reads the third character twice, and cuts the text into two sections.
    offsets = list(new.normalized.raw_offsets)
    offsets.insert(3, offsets[3])
    text = new.text[:3] + new.text[3] + new.text[3:]
    first = new.sections[0]
    sections = (replace(first, end=5), replace(first, ordinal=first.ordinal + 1, start=5, end=len(text)))
    changed = replace(new, normalized=replace(new.normalized, text=text, raw_offsets=tuple(offsets)), sections=sections)
    assert renormalize_document(store, doc, changed)[0]
    assert len(store.sections(doc)) == 2 > len(new.sections)
    assert_totals(store)
    return store


def scenario_withdraw(tmp_path: Path) -> Store:
    store, doc, _doc2 = small(tmp_path / "t.db")
    store.withdraw_document(doc)
    assert_totals(store)
    assert [d.id for d in store.documents()] == [_doc2]
    store.withdraw_document(doc, restore=True)
    assert_totals(store)
    assert [d.id for d in store.documents()] == [doc, _doc2]
    return store


def scenario_merge(tmp_path: Path) -> Store:
    a_path, b_path = tmp_path / "a.db", tmp_path / "b.db"
    store, doc, _doc2 = small(a_path)
    store.close()
    shutil.copy(a_path, b_path)
    with Store(b_path) as b:
        b.decide(ids(b, doc)["49条"], "bob", Change("reject"))
        third = prepare("北湖区政协2021年工作报告\n办理提案45件。")[0]
        b.add_document("n.txt", "utf-8", third, [_span(third.text, "45件")])
        text = b.document_text(doc)
        b.replace_machine_spans(doc, [_span(text, "49条"), _span(text, "2023年", "DATE")], "v2")
    store = Store(a_path)
    merge(store, b_path)
    assert_totals(store)
    return store


def scenario_lexicon(tmp_path: Path) -> Store:
    store, doc, _doc2 = small(tmp_path / "t.db")
    # A name a reviewer marks is proposed wherever else it stands: the other report gets a candidate.
    text = store.document_text(doc)
    start = text.index("区政府")
    store.add_span(doc, "ann", start, start + 2, "GPE")
    store.spread_lexicon()
    assert_totals(store)
    return store


def scenario_sql_writes(tmp_path: Path) -> Store:
    """Writes no pizhu code makes today, by hand in SQL: the triggers keep the totals all the same."""
    store, doc, doc2 = small(tmp_path / "t.db")
    with store.transaction() as conn:
        conn.execute(
            "UPDATE sections SET document_id = ?, ordinal = 99 WHERE document_id = ? AND ordinal = 0", (doc2, doc)
        )
        conn.execute("UPDATE candidate_counts SET n = n + 2, rule = 'r9' WHERE document_id = ?", (doc2,))
    assert kept(store.conn) == fresh(store.conn)
    # Decided spans changed and deleted behind the review code's back: decided_kinds follows.
    spans = ids(store, doc)
    for text in ("49条", "93.35万元", "12次"):
        store.decide(spans[text], "ann", Change("confirm"))
    with store.transaction() as conn:
        conn.execute("UPDATE span_states SET status = 'rejected' WHERE span_id = ?", (spans["49条"],))
        conn.execute("UPDATE gold_states SET status = 'rejected' WHERE span_id = ?", (spans["49条"],))
        conn.execute("UPDATE spans SET label = 'ORG', rule = 'r7' WHERE id = ?", (spans["93.35万元"],))
    store.conn.execute("PRAGMA foreign_keys = OFF")
    store.conn.execute("DELETE FROM spans WHERE id = ?", (spans["12次"],))
    store.conn.execute("PRAGMA foreign_keys = ON")
    assert kept_decided(store.conn) == fresh_decided(store.conn)
    return store


SCENARIOS = [
    scenario_import,
    scenario_decisions_and_undo,
    scenario_reextract,
    scenario_reextract_seeds,
    scenario_renormalize,
    scenario_withdraw,
    scenario_merge,
    scenario_lexicon,
    scenario_sql_writes,
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda f: f.__name__.removeprefix("scenario_"))
def test_the_totals_equal_a_fresh_count(scenario, tmp_path: Path) -> None:
    scenario(tmp_path).close()


def test_an_older_database_gets_its_totals_on_opening(tmp_path: Path) -> None:
    store, _doc, _doc2 = small(tmp_path / "t.db")
    store.conn.execute("DELETE FROM document_totals")
    store.conn.execute("DELETE FROM candidate_kinds")
    assert kept(store.conn) != fresh(store.conn)
    store.conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0013_totals'")
    for name in TOTALS_TRIGGERS:
        store.conn.execute(f"DROP TRIGGER {name}")
    for table in ("document_totals", "candidate_kinds"):
        store.conn.execute(f"DROP TABLE {table}")
    store.conn.execute("DROP INDEX idx_documents_live")
    store.conn.execute("DROP INDEX idx_spans_label_queue")
    store.conn.execute("DROP INDEX idx_spans_document_origin_start")
    store.conn.execute("CREATE INDEX idx_spans_document_id_origin ON spans (document_id, origin)")
    store.close()
    with Store(tmp_path / "t.db") as again:  # migration 0013 runs again and backfills
        assert again.schema_version() == "0013_totals"
        assert_totals(again)


def test_an_older_database_gets_its_decided_kinds_on_opening(tmp_path: Path) -> None:
    store, doc, _doc2 = small(tmp_path / "t.db")
    spans = ids(store, doc)
    store.decide(spans["49条"], "ann", Change("confirm"))
    store.decide(spans["12次"], "bob", Change("label", label="DATE"))
    store.conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0014_decided_kinds'")
    for name in DECIDED_TRIGGERS:
        store.conn.execute(f"DROP TRIGGER {name}")
    store.conn.execute("DROP TABLE decided_kinds")
    store.close()
    with Store(tmp_path / "t.db") as again:  # migration 0014 runs again and backfills
        assert again.schema_version() == "0014_decided_kinds"
        assert kept_decided(again.conn) == fresh_decided(again.conn) != {}
        assert_totals(again)


def test_the_readers_give_what_the_counts_give(tmp_path: Path) -> None:
    store, doc, doc2 = small(tmp_path / "t.db")
    spans = ids(store, doc)
    store.decide(spans["49条"], "ann", Change("confirm"))
    listed = {d.id: (d.sections, d.candidates) for d in store.documents("ann")}
    sections = dict(store.conn.execute("SELECT document_id, count(*) FROM sections GROUP BY 1").fetchall())
    assert listed == {doc: (sections[doc], 5), doc2: (sections[doc2], 2)}
    per_document, per_kind = store.candidate_totals()
    assert per_document == {doc: 5, doc2: 2}
    assert per_kind == {("FIGURE", "r", "rules"): 6, ("ORG", "org", "rules"): 1}
    assert store.candidate_totals([doc2]) == ({doc2: 2}, {("FIGURE", "r", "rules"): 2})
    assert progress.document_progress(store, "ann")[doc] == progress.Progress(5, 4, 1)


@pytest.mark.parametrize("trigger", TOTALS_TRIGGERS + DECIDED_TRIGGERS)
def test_a_dropped_trigger_is_caught(trigger: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without any one trigger, some scenario's totals drift from the fresh count."""
    caught = []
    for i, scenario in enumerate(s for s in SCENARIOS if s is not scenario_reextract_seeds):
        folder = tmp_path / str(i)
        folder.mkdir()
        real = Store.__init__

        def init(self: Store, *args: object, real=real, **kwargs: object) -> None:
            real(self, *args, **kwargs)
            self.conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")

        monkeypatch.setattr(Store, "__init__", init)
        try:
            scenario(folder).close()
        except AssertionError:
            caught.append(scenario.__name__)
        finally:
            monkeypatch.setattr(Store, "__init__", real)
    assert caught, f"no scenario notices {trigger} missing"
