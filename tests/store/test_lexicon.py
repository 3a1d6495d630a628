"""The live gold lexicon (issue 24): a string a reviewer made gold as a label is proposed with
that label wherever it occurs in the other reports, at once; one rejected in a context stops
being proposed there."""

from __future__ import annotations

from pathlib import Path

from pizhu.store.db import Store
from pizhu.store.importer import import_file
from pizhu.store.lexicon import SOURCE
from pizhu.store.progress import document_progress
from pizhu.store.records import Change
from pizhu.store.stats import compute

NAME = "青禾草堂"


def _library(tmp_path: Path) -> tuple[Store, list[int]]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(f"2023年,我们走访{NAME}。\n", "utf-8")
    (folder / "b.txt").write_text(f"围绕{NAME}建设,组织委员视察。又以（{NAME}）为题。\n", "utf-8")
    (folder / "c.txt").write_text("2024年,开展调研11次。\n", "utf-8")
    store = Store(tmp_path / "r.db")
    for file in sorted(folder.iterdir()):
        import_file(store, file)
    return store, store.document_ids()


def _lexicon(store: Store, doc: int) -> list[tuple[str, str]]:
    return [(s.text, s.label) for s in store.spans(doc) if s.source == SOURCE]


def test_a_string_added_as_a_label_is_proposed_in_every_other_report_at_once(tmp_path: Path) -> None:
    store, (a, b, c) = _library(tmp_path)
    before = store.documents("bob")
    text = store.document_text(a)
    start = text.index(NAME)
    store.add_span(a, "ann", start, start + len(NAME), "ORG")
    assert _lexicon(store, b) == [(NAME, "ORG"), (NAME, "ORG")]
    assert _lexicon(store, c) == [] and _lexicon(store, a) == []
    # The library's counts (and the queue) see them without any re-import.
    after = {d.id: d for d in store.documents("bob")}
    assert after[b].candidates == {d.id: d for d in before}[b].candidates + 2
    assert sum(1 for s in store.queue("bob") if s.source == SOURCE) == 2
    # Deciding it again adds nothing twice.
    store.decide(store.spans(a, "ann")[-1].id, "ann", Change("tag", tag="x"))
    assert len(_lexicon(store, b)) == 2


def test_a_confirmed_candidate_spreads_and_bulk_confirm_takes_the_proposals(tmp_path: Path) -> None:
    store, (a, b, c) = _library(tmp_path)
    year = next(s for s in store.spans(c) if s.text == "2024年")
    store.decide(year.id, "ann", Change("confirm"))  # nowhere else: nothing new
    assert all(_lexicon(store, d) == [] for d in (a, b))
    start = store.document_text(a).index(NAME)
    store.add_span(a, "ann", start, start + len(NAME), "ORG")
    ids = [s.id for s in store.spans(b) if s.source == SOURCE]
    assert store.decide_many(ids, "ann", "confirm") == 2
    stats = compute(store)
    lexicon = [s for s in stats.by_source if s.key.startswith(SOURCE)]
    assert lexicon and lexicon[0].confirmed == 2 and lexicon[0].rejected == 0 and lexicon[0].precision == 1.0


def test_a_rejected_string_stops_being_proposed_in_that_context(tmp_path: Path) -> None:
    store, (a, b, _c) = _library(tmp_path)
    start = store.document_text(a).index(NAME)
    store.add_span(a, "ann", start, start + len(NAME), "ORG")
    quoted = next(s for s in store.spans(b) if s.source == SOURCE and store.document_text(b)[s.start - 1] == "（")
    store.decide(quoted.id, "ann", Change("reject"))
    # A third report with the same string in both contexts: proposed only where not rejected.
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "d.txt").write_text(f"推进{NAME}工作。再谈（{NAME}）。\n", "utf-8")
    import_file(store, folder / "d.txt")
    d = store.document_ids()[-1]
    start = store.document_text(a).index(NAME)
    store.add_span(a, "bob", start, start + len(NAME), "ORG")  # another gold decision spreads it again
    text = store.document_text(d)
    found = [s for s in store.spans(d) if s.source == SOURCE]
    assert [text[s.start - 1] for s in found] == ["进"]


def test_a_finished_report_gets_no_new_candidates(tmp_path: Path) -> None:
    store, (a, b, _c) = _library(tmp_path)
    at = store.document_text(b).index("委员")
    store.add_span(b, "ann", at, at + 2, "TITLE")  # b has no candidate: one added span finishes it
    assert document_progress(store)[b].finished
    start = store.document_text(a).index(NAME)
    store.add_span(a, "ann", start, start + len(NAME), "ORG")
    assert _lexicon(store, b) == []
    assert document_progress(store)[b].finished


def test_a_deferred_spread_saves_the_decision_first_and_the_next_spread_takes_it_up(tmp_path: Path) -> None:
    store, (a, b, _c) = _library(tmp_path)
    store.defer_lexicon = True  # as the app's writer: the decision, the spread later
    start = store.document_text(a).index(NAME)
    added = store.add_span(a, "ann", start, start + len(NAME), "ORG")
    assert store.span(added.id, "ann").status == "added" and _lexicon(store, b) == []
    store.close()  # the spread never ran (the app was closed, or killed)
    again = Store(tmp_path / "r.db")
    year = next(s for s in again.spans(a) if s.text == "2023年")
    again.decide(year.id, "bob", Change("confirm"))  # the next decision's spread takes up the one before
    assert _lexicon(again, b) == [(NAME, "ORG"), (NAME, "ORG")]
    assert again.spread_lexicon() == set()  # spread once
    assert len(_lexicon(again, b)) == 2


def test_a_spread_stopped_between_strings_goes_on_where_it_stopped(tmp_path: Path) -> None:
    store, (a, b, _c) = _library(tmp_path)
    store.defer_lexicon = True
    text = store.document_text(a)
    start = text.index(NAME)
    store.add_span(a, "ann", start, start + len(NAME), "ORG")
    store.add_span(a, "ann", start, start + 2, "GPE")  # 青禾: nowhere on its own
    assert store.spread_lexicon(stop=lambda: True) == set() and _lexicon(store, b) == []
    assert store.spread_lexicon() == {b}
    assert _lexicon(store, b) == [(NAME, "ORG"), (NAME, "ORG")]


def _two(tmp_path: Path, first: str, second: str) -> tuple[Store, int, int]:
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "a.txt").write_text(first + "\n", "utf-8")
    (folder / "b.txt").write_text(second + "\n", "utf-8")
    store = Store(tmp_path / "two.db")
    for file in sorted(folder.iterdir()):
        import_file(store, file)
    a, b = store.document_ids()
    return store, a, b


def _gold(store: Store, doc: int, string: str, label: str) -> None:
    start = store.document_text(doc).index(string)
    span = next((s for s in store.spans(doc) if (s.start, s.end, s.label) == (start, start + len(string), label)), None)
    if span is None:
        store.add_span(doc, "ann", start, start + len(string), label)
    else:
        store.decide(span.id, "ann", Change("confirm"))


def test_a_body_is_not_proposed_as_the_tail_of_a_longer_noun_phrase(tmp_path: Path) -> None:
    # Gold 中央 after a verb (报送中央); 各民主党派中央 is a collective, 党中央 one word.
    store, a, b = _two(
        tmp_path, "有关建议分别报送中央和省有关部门。", "提案送交各民主党派中央和工商联。坚决拥护党中央。报送中央审议。"
    )
    _gold(store, a, "中央", "ORG")
    text = store.document_text(b)
    assert [text[s.start - 2 : s.end] for s in store.spans(b) if s.source == SOURCE] == ["报送中央"]


def test_a_name_after_a_title_is_still_proposed_but_not_inside_a_longer_name(tmp_path: Path) -> None:
    store, a, b = _two(tmp_path, "会议由何晓冬主持。", "我们走访了主席何晓冬。何晓冬冬同志出席。")
    _gold(store, a, "何晓冬", "PERSON")
    text = store.document_text(b)
    first, second = text.index("何晓冬"), text.index("何晓冬冬")
    persons = {(s.start, s.end) for s in store.spans(b) if s.label == "PERSON"}
    assert (first, first + 3) in persons  # a title noun before a person: the name stands alone
    assert not any(start == second for start, _end in persons)
