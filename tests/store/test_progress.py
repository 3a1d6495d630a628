"""One definition of a finished report (``store.progress``), and every reader of it agreeing:
the library, ``stats``, ``train``'s gold set and the exports, in a reviewer's view and the gold one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pizhu.store import progress, roles
from pizhu.store.db import Store
from pizhu.store.export import ExportFilter, iter_records
from pizhu.store.records import PENDING, Change
from pizhu.store.stats import compute
from pizhu.store.train import gold_documents
from tests.tui.seedspans import seed_store

DOC = 3  # the seeds' fourth report: four body sections, then a caption with candidates


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("progress") / "seeds.db"
    seed_store(path).close()
    return path


@pytest.fixture
def store(template: Path, tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "t.db"
    path.write_bytes(template.read_bytes())
    with Store(path) as opened:
        yield opened


def caption_spans(store: Store, doc: int) -> set[int]:
    captions = [s for s in store.sections(doc) if s.kind != "body"]
    return {sp.id for sp in store.spans(doc, "") if any(c.start <= sp.start < c.end for c in captions)}


def confirm(store: Store, reviewer: str, ids: set[int]) -> None:
    for span_id in sorted(ids):
        store.decide(span_id, reviewer, Change("confirm"))


def views(store: Store, reviewer: str | None) -> dict[str, bool]:
    """Whether report DOC is finished, as each reader of the rule sees it."""
    library = next(d for d in store.documents(reviewer or "") if d.id == DOC)
    stats = next(d for d in compute(store, reviewer).documents if d.document_id == DOC)
    exported = {r["id"] for r in iter_records(store, ExportFilter(reviewer=reviewer))}
    seen = {
        "sql": progress.document_progress(store, reviewer)[DOC].finished,
        "spans": progress.progress_of(store.spans(DOC, reviewer)).finished,
        "stats": stats.finished,
        "export": DOC in exported,
    }
    if reviewer is not None:
        seen["library"] = library.finished
    else:
        seen["train"] = DOC in {d.id for d in gold_documents(store).documents}
    return seen


def test_a_report_is_finished_only_once_its_captions_are_decided(store: Store) -> None:
    captions = caption_spans(store, DOC)
    body = {s.id for s in store.spans(DOC, "")} - captions
    assert captions and body
    confirm(store, "ann", body)
    for reviewer in ("ann", None):
        assert views(store, reviewer) == dict.fromkeys(views(store, reviewer), False), reviewer
    confirm(store, "ann", captions)
    for reviewer in ("ann", None):
        assert views(store, reviewer) == dict.fromkeys(views(store, reviewer), True), reviewer


def test_a_disputed_span_leaves_the_gold_unfinished(store: Store) -> None:
    """Before: train took a report with a disputed span as reviewed, its span as not an entity."""
    every = {s.id for s in store.spans(DOC, "")}
    confirm(store, "ann", every)
    disputed = min(every)
    store.decide(disputed, "bob", Change("reject"))
    assert store.span(disputed).status == "disputed"
    assert views(store, None) == dict.fromkeys(views(store, None), False)
    assert views(store, "ann") == dict.fromkeys(views(store, "ann"), True)
    assert not progress.document_progress(store, "bob")[DOC].finished
    roles.grant(store, roles.login_name(), "lead")
    store.adjudicate(disputed, "adjudicator:lead", {"status": "rejected"})
    assert views(store, None) == dict.fromkeys(views(store, None), True)


def test_a_report_nobody_decided_anything_in_is_not_finished(store: Store) -> None:
    doc = store.document_ids()[0]
    for span in store.spans(doc, ""):
        store.decide(span.id, "ann", Change("reject"))
        store.undo("ann")
    assert progress.document_progress(store, "ann")[doc] == progress.Progress(
        len(store.spans(doc, "")), len(store.spans(doc, "")), 0
    )
    assert not progress.Progress(0, 0, 0).finished  # nothing proposed, nothing decided: not read
    assert progress.Progress(0, 0, 1).finished  # nothing proposed, a span added: read


def test_sql_and_spans_count_alike(store: Store) -> None:
    """The counts in SQL (library, stats) and from spans in memory (reader, exports) agree
    in every view, whatever the mix: confirmed, rejected, corrected, added, added and taken
    back, undone, disputed, adjudicated."""
    ids = store.document_ids()
    first = [s.id for s in store.spans(ids[0], "")]
    second = [s.id for s in store.spans(ids[1], "")]
    confirm(store, "ann", set(first))
    for span_id in second[:3]:
        store.decide(span_id, "bob", Change("reject"))
    store.decide(second[3], "bob", Change("label", label="ORG"))
    store.decide(second[3], "ann", Change("confirm"))  # disputed: bob corrected, ann confirmed
    store.decide(first[0], "bob", Change("confirm"))
    text = store.document(ids[2]).text
    at = text.index("政协")
    store.add_span(ids[2], "cat", at, at + 2, "ORG")
    store.add_span(ids[2], "cat", at + 2, at + 4, "ORG")
    store.undo("cat")  # removed: counts nowhere
    store.decide(second[4], "dan", Change("confirm"))
    store.undo("dan")
    roles.grant(store, roles.login_name(), "lead")
    store.adjudicate(second[0], "adjudicator:lead", {"status": "confirmed"})
    assert text
    for reviewer in (None, "ann", "bob", "cat", "dan", "nobody"):
        sql = progress.document_progress(store, reviewer)
        for doc in ids:
            assert sql[doc] == progress.progress_of(store.spans(doc, reviewer)), (reviewer, doc)


def test_sections_finished() -> None:
    spans = [
        {"origin": "machine", "status": "confirmed", "start": 1},
        {"origin": "machine", "status": PENDING, "start": 12},
        {"origin": "machine", "status": "rejected", "start": 13},
        {"origin": "human", "status": "removed", "start": 25},
    ]
    sections = [(0, 10), (10, 20), (20, 30)]
    assert progress.sections_finished(sections, spans, False) == [True, False, False]
    assert progress.sections_finished(sections, spans, True) == [True, True, True]
