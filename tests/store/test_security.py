"""Report text, tags and names are data: bound as SQL parameters, never markup, never a path.

Strings that would break a query built by pasting (quotes, ``--``, ``;``), Rich markup,
terminal escape sequences and LIKE wildcards go in through every store entry point
that takes text and come back out byte for byte, with every table intact. A brat
export of documents whose titles climb out of folders writes only inside its folder.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store.db import Store
from pizhu.store.errors import StoreError
from pizhu.store.records import Change

HOSTILE = (
    "'; DROP TABLE spans; --",
    "Robert'); DROP TABLE documents;--",
    '" OR 1=1 --',
    "x' OR '1'='1",
    "[bold red]红[/bold red][link=https://evil.example]点我[/link]",
    "\x1b[2J\x1b]52;c;ZXZpbA==\x07",
    "%",
    "_",
    "\\",
    "NULL",
    "标签 with spaces\tand tab",
)
TABLES = ("documents", "sections", "spans", "decisions", "tags")
TEXT = "全年征集社情民意49条,捐款捐物93.35万元。\n2023年召开会议12次。"


def tables(store: Store) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def make_store(path: Path, title: str = "", source: str = "t.txt") -> tuple[Store, int, list[int]]:
    store = Store(path)
    draft = prepare(TEXT)[0]
    spans = [
        Span(8, 11, "FIGURE", "49条", {"value": 49}, "r.a", 0.9),
        Span(16, 23, "FIGURE", "93.35万元", {"value": 933500}, "r.b", 0.5),
        Span(25, 30, "DATE", "2023年", {}, "r.date", 0.8),
    ]
    if title:
        draft = replace(draft, title=title, organisation=title)
    doc_id = store.add_document(source, "utf-8", draft, spans, "test")
    assert doc_id is not None
    return store, doc_id, [s.id for s in store.spans(doc_id, "ann")]


@pytest.mark.parametrize("evil", HOSTILE)
def test_tags_reviewers_and_filters_are_bound_as_data(tmp_path: Path, evil: str) -> None:
    store, doc_id, ids = make_store(tmp_path / "t.db")
    before = tables(store)
    # As a tag: stored, listed and shown on the span exactly as typed.
    assert store.decide(ids[0], "ann", Change("tag", tag=evil)).tags == (evil,)
    assert store.tags() == [evil]
    assert next(s.tags for s in store.spans(doc_id, "ann") if s.id == ids[0]) == (evil,)
    # Found again by exact text, and only by it: a wildcard is not a pattern.
    tagged = [s.id for s in store.spans(doc_id, "ann") if evil in s.tags]
    assert tagged == [ids[0]]
    # As a reviewer name: its decisions are its own; the queue and library work for it.
    store.decide(ids[1], evil, Change("confirm"))
    assert [d.reviewer for d in store.decisions(evil)] == [evil]
    assert evil in store.reviewers()
    assert [s.id for s in store.queue(evil)] == [ids[2], ids[0]]
    assert store.documents(evil)[0].reviewed == 1
    # As a label filter: an unknown label selects nothing and breaks nothing.
    assert store.queue("ann", label=evil) == []
    with pytest.raises(StoreError, match="unknown label"):
        store.decide(ids[2], "ann", Change("label", label=evil))
    # As attribute values: kept as given.
    view = store.decide(ids[2], "ann", Change("attrs", attrs={"metric": evil, "unit": evil}))
    assert view.attrs == {"metric": evil, "unit": evil}
    assert store.span(ids[2], "ann").attrs["metric"] == evil
    assert tables(store) == before
    assert store.conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 3
    assert store.integrity_ok()


@pytest.mark.parametrize("evil", HOSTILE[:6])
def test_document_fields_are_stored_verbatim(tmp_path: Path, evil: str) -> None:
    store, doc_id, _ids = make_store(tmp_path / "t.db", title=evil, source=f"{evil}.txt")
    summary = store.documents()[0]
    assert (summary.title, summary.organisation, summary.source) == (evil, evil, f"{evil}.txt")
    document = store.document(doc_id)
    assert document.title == evil
    # The same text again (whatever it is called) is recognised by its content, not its name.
    assert store.has_content(document.text)
    assert tables(store) >= set(TABLES)


def test_report_text_with_quotes_and_escapes_round_trips(tmp_path: Path) -> None:
    text = "'; DROP TABLE spans; -- 召开会议12次。\x1b[31m红字[/red]\n[bold]政协[/bold]委员30名。"
    store = Store(tmp_path / "t.db")
    draft = prepare(text)[0]
    doc_id = store.add_document("t.txt", "utf-8", draft)
    assert doc_id is not None
    assert store.document(doc_id).text == draft.text
    assert store.document(doc_id).raw == text
    added = store.add_span(doc_id, "ann", 0, 4, "ORG")
    assert added.text == draft.text[0:4]


@pytest.mark.parametrize(
    "title",
    ["../../escaped", "../", "/etc/passwd", "..\\..\\win", "a/../../b", "\x00nul", ".hidden", "....//x"],
)
def test_brat_export_stays_in_its_folder(tmp_path: Path, title: str) -> None:
    db = tmp_path / "t.db"
    store, _doc_id, ids = make_store(db, title=title)
    store.decide(ids[0], "ann", Change("confirm"))
    store.close()
    out = tmp_path / "deep" / "out"
    out.mkdir(parents=True)
    outside_before = {p for p in tmp_path.rglob("*") if out not in p.parents and p != out}
    result = CliRunner().invoke(main, ["export", "--format", "brat", "--unfinished", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = list(out.iterdir())
    assert written and all(p.parent == out and p.is_file() for p in written)
    assert {p.suffix for p in written} >= {".txt", ".ann"}
    outside_after = {p for p in tmp_path.rglob("*") if out not in p.parents and p != out}
    assert outside_after == outside_before
