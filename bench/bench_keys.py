"""Keys per gold span: a reviewer who knows the gold works through reports in the real app.

The reports (the seeds, or ``--texts DIR``) are imported with the real extractor into a
temporary database; the app runs under Textual's Pilot. For every machine candidate the
reviewer meets, the bench presses the shortest key sequence the app offers: confirm what
was proposed right, fix what was proposed wrong (label, then boundary), reject the rest;
every gold span nothing proposed is added (cursor moves, select, label). Once every
candidate left pending in a section is right and nothing is missing there, one ``c``
confirms them all (after scrolling to the section's end, keys counted, when it is longer
than the screen). Every result is checked in the database: a fix or an addition that does
not end on the gold span is a bench failure, not a count.

Gold: ``seeds-gold.jsonl`` (FIGURE and DATE, reviewed with a label filter on those two
where the app has one) and, with ``--entities``, ``seeds-gold-entities.jsonl`` too (all
eight labels); or ``--gold FILE...`` for ``--texts``: rows of ``doc`` (the file's name),
``label`` and ``text``. A ``coverage.json`` beside a gold file may name the labels each
report was labelled for (``{"name.txt": ["FIGURE", "DATE"], ...}``, ``"*"`` for all
eight): only those are counted, and a report it does not name counts all eight. The gold
has no offsets: each (document, label, text) is placed on its occurrences in the
normalized text, those a candidate proposed first.

Printed: keys per gold span, per operation and per label, with targets: add a missed span
in <= 5 keys (median), fix a boundary by one word in <= 2 (the key that moves on counted,
unless the section's ``c`` follows), <= 0.6 keys per gold span on FIGURE+DATE (filtered),
<= 1.0 over all eight labels. FIGURE attribute corrections (value, unit, approx, metric)
are not part of the count. A ``c`` is shared out among the labels of the spans it confirmed.

Usage: python -m bench.bench_keys [--entities] [--size 80x24] [--gold-dir /work/shared] [--verbose]
       python -m bench.bench_keys --texts DIR --gold FILE... [--size 80x24]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pizhu.extract.models import LABELS
from pizhu.store.db import Store
from pizhu.store.errors import GoldFileError
from pizhu.store.goldfile import read_coverage
from pizhu.store.importer import import_paths
from pizhu.store.records import PENDING, SpanView
from pizhu.tui import keys as app_keys
from pizhu.tui.app import make_app
from pizhu.tui.screens.reader import ReaderScreen
from tests.harness import settled

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
REVIEWER = "bench"
STAGE = "<then>"  # in a plan: press what comes before, then plan the rest on the screen as it is
VERBOSE = False
CAPS = {k.id for k in app_keys.READER}
KEY = {k.id: k.keys.split(",")[0] for k in app_keys.READER}
BOUNDARY_IDS = (
    "start_left",
    "start_right",
    "end_left",
    "end_right",
    "start_char_left",
    "start_char_right",
    "end_char_left",
    "end_char_right",
)


@dataclass
class Gold:
    doc_id: int
    label: str
    start: int
    end: int
    text: str
    done: bool = False


@dataclass
class Tally:
    keys: Counter[str] = field(default_factory=Counter)  # operation -> keys
    ops: Counter[str] = field(default_factory=Counter)  # operation -> times
    by_label: dict[str, float] = field(default_factory=lambda: defaultdict(float))  # label -> keys
    add_keys: list[int] = field(default_factory=list)
    word_fix_keys: list[int] = field(default_factory=list)
    section_spans: int = 0  # spans confirmed by c

    def count(self, op: str, label: str, n: int) -> None:
        self.keys[op] += n
        self.ops[op] += 1
        self.by_label[label] += n

    def share(self, op: str, labels: list[str], n: int) -> None:
        """``n`` keys that decided spans of several labels: each label gets its part."""
        self.keys[op] += n
        self.ops[op] += 1
        for label in labels:
            self.by_label[label] += n / len(labels)


def load_gold(paths: list[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def place_gold(store: Store, rows: list[dict[str, Any]]) -> tuple[list[Gold], int]:
    """Gold rows on offsets: occurrences a same-label candidate proposed first, then in text order."""
    by_file: dict[str, list[int]] = defaultdict(list)
    for doc in store.documents(REVIEWER):
        by_file[Path(doc.source).name].append(doc.id)
    groups: dict[tuple[str, str, str], int] = Counter((r["doc"], r["label"], r["text"]) for r in rows)
    placed: list[Gold] = []
    lost = 0
    texts = {i: store.document(i).text for ids in by_file.values() for i in ids}
    proposed = {
        i: {(s.start, s.end, s.label) for s in store.spans(i, REVIEWER)} for ids in by_file.values() for i in ids
    }
    for (name, label, needle), n in groups.items():
        spots = [(i, at) for i in by_file.get(name, []) for at in occurrences(texts[i], needle)]
        spots.sort(key=lambda p: ((p[1], p[1] + len(needle), label) not in proposed[p[0]], p[0], p[1]))
        for doc_id, at in spots[:n]:
            placed.append(Gold(doc_id, label, at, at + len(needle), needle))
        lost += max(n - len(spots), 0)
    placed.sort(key=lambda g: (g.doc_id, g.start, g.end))
    return placed, lost


def match_candidates(spans: list[SpanView], golds: list[Gold], labels: set[str]) -> dict[int, Gold | None]:
    """Each candidate's gold target (one to one): same extent first, then the largest overlap."""
    target: dict[int, Gold | None] = {}
    free = list(golds)
    for exact_label, exact_extent in ((True, True), (False, True), (True, False), (False, False)):
        for span in spans:
            if span.id in target:
                continue
            best = None
            for g in free:
                if exact_extent and (g.start, g.end) != (span.start, span.end):
                    continue
                if exact_label and g.label != span.label:
                    continue
                overlap = min(g.end, span.end) - max(g.start, span.start)
                if overlap > 0 and (best is None or overlap > min(best.end, span.end) - max(best.start, span.start)):
                    best = g
            if best is not None:
                target[span.id] = best
                free.remove(best)
    for span in spans:
        target.setdefault(span.id, None)
    return target


class Reviewer:
    """Plays the keys for one gold set on the running app and tallies them."""

    def __init__(self, app: Any, pilot: Any, store: Store, golds: list[Gold], labels: dict[int, set[str]]) -> None:
        self.app = app
        self.pilot = pilot
        self.store = store
        self.golds = golds
        self.doc_labels = labels
        # One label filter for the walk where every report was labelled for the same labels.
        sets = {frozenset(v) for v in labels.values()}
        self.labels: set[str] = set(next(iter(sets))) if len(sets) == 1 else set(LABELS)
        self.tally = Tally()
        self.targets: dict[int, Gold | None] = {}

    @property
    def screen(self) -> ReaderScreen:
        screen = self.app.screen
        assert isinstance(screen, ReaderScreen), type(screen).__name__
        return screen

    async def settle(self) -> None:
        """What a reviewer waits for before the next key: the screen the key asked for."""
        await settled(self.app, self.pilot)

    async def press(self, op: str, label: str, *keys: str) -> int:
        if keys:
            await self.pilot.press(*keys)
            await self.settle()
        self.tally.count(op, label, len(keys))
        return len(keys)

    def relevant(self, span: SpanView) -> bool:
        """A candidate the reviewer must decide: its label is in the gold, or a gold span sits on it."""
        labels = self.doc_labels.get(span.document_id, self.labels)
        return span.label in labels or self.targets.get(span.id) is not None

    # --- the walk ---------------------------------------------------------------------

    async def run(self) -> None:
        docs = [d.id for d in self.store.documents(REVIEWER)]
        for doc_id in docs:
            spans = self.store.spans(doc_id, REVIEWER)
            golds = [g for g in self.golds if g.doc_id == doc_id]
            self.targets.update(match_candidates(spans, golds, self.doc_labels.get(doc_id, self.labels)))
        await self.settle()
        await self.press("open", "—", "enter")
        await self.setup()
        await self.words()
        for doc_id in docs:
            await self.go_document(doc_id)
            doc = self.screen.doc
            assert doc is not None
            for index in range(len(doc.sections)):
                if self.work_in(index):
                    await self.go_section(index)
                    await self.work_section(index)

    async def setup(self) -> None:
        """One-off keys: a label filter where the app has one; captions shown when gold is in them."""
        if "label_filter" in CAPS and self.labels != set(LABELS):
            digits = [str(LABELS.index(label) + 1) for label in LABELS if label in self.labels]
            await self.press("setup", "—", KEY["label_filter"], *digits, "enter")
        captions = any(self._skipped_kind(g) for g in self.golds)
        if captions:
            await self.press("setup", "—", "b")

    async def words(self) -> None:
        """jieba's words load in a worker as a report opens; a reader reading meanwhile waits for them."""
        screen = self.screen
        if hasattr(screen, "words_ready"):
            for _ in range(400):
                if screen.words_ready:
                    return
                await asyncio.sleep(0.02)

    def _skipped_kind(self, gold: Gold) -> bool:
        for section in self.app.store.sections(gold.doc_id):
            if section.start <= gold.start < section.end:
                return section.kind in ("caption", "boilerplate")
        return False

    def work_in(self, index: int) -> bool:
        doc = self.screen.doc
        assert doc is not None
        section = doc.sections[index]
        if any(g.doc_id == doc.id and not g.done and section.start <= g.start < section.end for g in self.golds):
            return True
        return any(s.status == PENDING and self.relevant(s) for s in doc.spans_in(index))

    async def go_document(self, doc_id: int) -> None:
        for _ in range(50):
            doc = self.screen.doc
            assert doc is not None
            if doc.id == doc_id:
                await self.words()
                return
            ids = self.app.document_ids()
            key = "right_curly_bracket" if ids.index(doc.id) < ids.index(doc_id) else "left_curly_bracket"
            await self.press("navigate", "—", key)
        raise AssertionError(f"cannot reach document {doc_id}")

    async def go_section(self, index: int) -> None:
        for _ in range(200):
            if self.screen.section == index:
                return
            key = "right_square_bracket" if self.screen.section < index else "left_square_bracket"
            before = self.screen.section
            await self.press("navigate", "—", key)
            if self.screen.section == before:
                raise AssertionError(f"section keys do not reach section {index}")
        raise AssertionError(f"cannot reach section {index}")

    def missed(self, index: int) -> list[Gold]:
        doc = self.screen.doc
        assert doc is not None
        section = doc.sections[index]
        claimed = {id(g) for g in self.targets.values() if g is not None}
        return [
            g
            for g in self.golds
            if g.doc_id == doc.id and not g.done and id(g) not in claimed and section.start <= g.start < section.end
        ]

    async def work_section(self, index: int) -> None:
        doc_id = self.screen.doc.id if self.screen.doc else 0
        for _ in range(2000):
            doc = self.screen.doc
            assert doc is not None
            if doc.id != doc_id or self.screen.section != index:
                # The app moved on by itself (auto-advance); come back if work is left.
                if not self.work_in_doc(doc_id, index):
                    return
                await self.go_document(doc_id)
                await self.go_section(index)
                continue
            pending = [s for s in doc.spans_in(index) if s.status == PENDING and self.relevant(s)]
            missed = self.missed(index)
            current = self.screen.span()
            on_pending = current is not None and current.status == PENDING and doc.section_of(current) == index
            if on_pending and current is not None and not self.relevant(current):
                await self.press("skip", current.label, "space")
                continue
            if missed and (not pending or missed[0].start < pending[0].start or pending == [current]):
                await self.add(missed[0])
                continue
            if not pending:
                return
            if not missed and await self.confirm_section(index):
                continue
            if not on_pending or current is None or current.id != pending[0].id:
                await self.go_span(pending[0])
                continue
            await self.decide(current)
        raise AssertionError("section did not finish")

    def section_right(self, index: int, but: int | None = None) -> list[SpanView] | None:
        """The pending candidates of a section if every one is right as proposed (c may
        confirm them all), else None; ``but``: one left out (being fixed now)."""
        doc = self.screen.doc
        assert doc is not None
        pending = [s for s in doc.spans_in(index) if s.status == PENDING and s.id != but]
        for span in pending:
            gold = self.targets.get(span.id)
            if (
                not self.relevant(span)
                or gold is None
                or (gold.start, gold.end, gold.label)
                != (
                    span.start,
                    span.end,
                    span.label,
                )
            ):
                return None
        return pending

    async def confirm_section(self, index: int) -> bool:
        """``c`` when it pays: every pending candidate here right, fewer keys than one each."""
        if "confirm_section" not in CAPS:
            return False
        pending = self.section_right(index)
        if not pending:
            return False
        view = self.screen.view
        height = max(view.scrollable_content_region.height, 1)
        unseen = 0 if view.all_shown() else -(-(len(view.lines) - view.scroll_offset.y - height) // height)
        if unseen + 1 > len(pending):
            return False
        for _ in range(50):
            if self.screen.view.all_shown():
                break
            await self.press("navigate", "—", "pagedown")
        await self.pilot.press(KEY["confirm_section"])
        await self.settle()
        self.tally.share("section", [s.label for s in pending], 1)
        self.tally.section_spans += len(pending)
        for span in pending:
            self.check(span.id, gold=self.targets[span.id])
        return True

    def work_in_doc(self, doc_id: int, index: int) -> bool:
        doc = self.screen.doc
        assert doc is not None
        return self.work_in(index) if doc.id == doc_id else self._pending_left(doc_id, index)

    def _claimed(self) -> set[int]:
        return {id(g) for g in self.targets.values() if g is not None}

    def _pending_left(self, doc_id: int, index: int) -> bool:
        sections = self.app.store.sections(doc_id)
        section = sections[index] if sections else None
        for span in self.store.spans(doc_id, REVIEWER):
            if section is not None and not section.start <= span.start < section.end:
                continue
            if span.status == PENDING and self.relevant(span):
                return True
        return any(
            g.doc_id == doc_id
            and not g.done
            and id(g) not in self._claimed()
            and (section is None or section.start <= g.start < section.end)
            for g in self.golds
        )

    async def go_span(self, span: SpanView) -> None:
        """Reach a pending span: space (next pending) when it is next, else tab / shift+tab."""
        screen = self.screen
        doc = screen.doc
        assert doc is not None
        nxt = doc.step(
            screen.current, 1, offset=screen.caret, pending=True, show_skipped=screen.show_skipped, here=screen.section
        )
        if nxt is not None and nxt.id == span.id:
            await self.press("navigate", "—", "space")
            return
        here = doc.position(screen.current) if screen.current is not None else -1
        there = doc.position(span.id)
        key = "tab" if here < there else "shift+tab"
        for _ in range(500):
            if self.screen.current == span.id:
                return
            await self.press("navigate", "—", key)
        raise AssertionError("cannot reach span")

    # --- decisions --------------------------------------------------------------------

    async def decide(self, span: SpanView) -> None:
        gold = self.targets.get(span.id)
        if gold is None:
            await self.press("reject", span.label, "x")
            self.check(span.id, status="rejected")
            return
        if (span.start, span.end, span.label) == (gold.start, gold.end, gold.label):
            await self.press("confirm", gold.label, "a")
            self.check(span.id, gold=gold)
            return
        if span.label != gold.label:
            await self.press("relabel", gold.label, str(LABELS.index(gold.label) + 1))
        # A fix accepts the span: no a is needed when the section's c follows (others pending,
        # all right, nothing missing here).
        screen = self.screen
        then_c = (
            "confirm_section" in CAPS
            and bool(self.section_right(screen.section, but=span.id))
            and not self.missed(screen.section)
        )
        if (span.start, span.end) != (gold.start, gold.end):
            n = await self.fix_boundary(span, gold)
            if len(self.words_between(span, gold)) == 1:
                self.tally.word_fix_keys.append(n + (0 if then_c else 1))
        if not then_c:
            await self.press("confirm", gold.label, "a")
        self.check(span.id, gold=gold)

    def words_between(self, span: SpanView, gold: Gold) -> list[tuple[int, int]]:
        """The boundary moves as words (runs between punctuation, digits and spans' edges)."""
        moves = []
        if span.start != gold.start:
            moves.append((span.start, gold.start))
        if span.end != gold.end:
            moves.append((span.end, gold.end))
        return moves

    async def fix_boundary(self, span: SpanView, gold: Gold) -> int:
        keys = self.screen_boundary_keys(span, gold)
        if VERBOSE:
            print(f"fix {gold.label} {span.text} -> {gold.text} {len(keys)}: {' '.join(keys)}")
        await self.press("boundary", gold.label, *keys)
        return len(keys)

    def screen_boundary_keys(self, span: SpanView, gold: Gold) -> list[str]:
        keys: list[str] = []
        if "start_char_left" in CAPS:
            screen = self.screen

            def moves(state: Any) -> Any:
                for key_id in BOUNDARY_IDS:
                    to = screen.boundary_target(key_id, *state)
                    if to is not None:
                        yield KEY[key_id], to

            return shortest((span.start, span.end), (gold.start, gold.end), moves)
        # One character per key: < > move the start, , . the end.
        keys += ["less_than_sign"] * max(span.start - gold.start, 0)
        keys += ["full_stop"] * max(gold.end - span.end, 0)
        keys += ["greater_than_sign"] * max(gold.start - span.start, 0)
        keys += ["comma"] * max(span.end - gold.end, 0)
        return keys

    async def add(self, gold: Gold) -> None:
        m = self.screen.mark_again_target() if hasattr(self.screen, "mark_again_target") else None
        doc = self.screen.doc
        self._m = f"{m[2]} {doc.text[m[0] : m[1]]}@{m[0]} vs {gold.start}" if m and doc else "-"
        keys = self.add_plan(gold)
        if STAGE in keys:
            # The selection's end is planned once the cursor is there: jump labels follow the scroll.
            first = keys[: keys.index(STAGE)]
            await self.pilot.press(*first)
            await self.settle()
            screen = self.screen
            caret = screen.view.caret if screen.view.caret is not None else screen.caret
            keys = [*first, *self.reach(caret, gold.end), keys[-1]]
            await self.pilot.press(*keys[len(first) :])
            await self.settle()
            self.tally.count("add", gold.label, len(keys))
        else:
            await self.press("add", gold.label, *keys)
        self.tally.add_keys.append(len(keys))
        if VERBOSE:
            print(f"add {gold.label} {gold.text} {len(keys)}: {' '.join(keys)}  [m: {self._m}]")
        found = [
            s
            for s in self.store.spans(gold.doc_id, REVIEWER)
            if (s.start, s.end, s.label, s.origin) == (gold.start, gold.end, gold.label, "human")
        ]
        assert found, f"adding {gold.label} {gold.text!r} at {gold.start} with {keys} did not work"
        gold.done = True

    def add_plan(self, gold: Gold) -> list[str]:
        screen = self.screen
        digit = str(LABELS.index(gold.label) + 1)
        if "word_right" in CAPS:
            return self.word_add_plan(gold, digit)
        view = screen.view
        caret = view.caret if view.caret is not None else screen.caret
        # Up and down scroll the view in this app (the text widget's own keys win): arrows only.
        to_start = caret_path(view, caret, gold.start, lines=False)
        to_end = caret_path(view, gold.start, gold.end - 1, lines=False)
        return [*to_start, "v", *to_end, "enter", digit]

    def reach(self, origin: int, goal: int) -> list[str]:
        """Cursor keys from ``origin`` to ``goal``, or j and the jump label drawn on it if shorter."""
        from pizhu.tui.editing import CARET_MOTIONS

        screen = self.screen

        def moves(at: int) -> Any:
            for motion in CARET_MOTIONS:
                yield KEY[_MOTION_IDS[motion]], screen.caret_target(motion, at)

        path = shortest(origin, goal, moves)
        if "jump" in CAPS and len(path) > 2:
            label = screen.hint_targets(origin).get(goal)
            if label is not None and len(label) + 1 < len(path):
                return [KEY["jump"], *label]
        return path

    def word_add_plan(self, gold: Gold, digit: str) -> list[str]:
        """The cheapest of: m (the next one alike), cursor keys + v + extend + label, search + v + label."""
        screen = self.screen
        if screen.mark_again_target() == (gold.start, gold.end, gold.label):
            return [KEY["mark_again"]]
        from pizhu.tui.editing import CARET_MOTIONS

        def moves(at: int) -> Any:
            for motion in CARET_MOTIONS:
                yield KEY[_MOTION_IDS[motion]], screen.caret_target(motion, at)

        view = screen.view
        caret = view.caret if view.caret is not None else screen.caret

        reach = self.reach

        plans = []
        # v where the gold starts (the word there), or v on the quote before it (what it encloses).
        for anchor in (gold.start, gold.start - 1):
            if anchor < view.base:
                continue
            start, first_end = screen.selection_start(anchor)
            if start != gold.start or first_end <= gold.start:
                continue
            to_anchor = [*reach(caret, anchor), KEY["select"]]
            label = screen.hint_targets(caret).get(anchor) if "jump" in CAPS else None
            if label is not None and len(label) + 1 < len(to_anchor):
                to_anchor = [KEY["jump"], *label[:-1], label[-1].upper()]  # capital: jump and select
            plans.append([*to_anchor, STAGE, *reach(first_end, gold.end), digit])
        if "select_clause" in CAPS and screen.words is not None:
            clause_end = screen.words.next_punctuation(gold.start, view.end)
            if clause_end > gold.start:
                to_start = reach(caret, gold.start)
                plans.append([*to_start, KEY["select_clause"], STAGE, *reach(clause_end, gold.end), digit])
        doc = screen.doc
        assert doc is not None
        found, hops = doc.find(gold.text, screen.caret), 0
        while found is not None and found != gold.start and hops < 5:
            found, hops = doc.find(gold.text, found + 1), hops + 1
        if found == gold.start and doc.section_index(found) == screen.section:
            plans.append([KEY["search"], *gold.text, "enter", *[KEY["search_next"]] * hops, KEY["select"], digit])
        return min(plans, key=lambda plan: len([k for k in plan if k != STAGE]))

    def check(self, span_id: int, *, gold: Gold | None = None, status: str | None = None) -> None:
        span = self.store.span(span_id, REVIEWER)
        if status is not None:
            assert span.status == status, (span, status)
        if gold is not None:
            assert (span.start, span.end, span.label) == (gold.start, gold.end, gold.label), (span, gold)
            assert span.status in ("confirmed", "corrected"), span
            gold.done = True


_MOTION_IDS = {
    "left": "caret_left",
    "right": "caret_right",
    "up": "caret_up",
    "down": "caret_down",
    "word_left": "word_left",
    "word_right": "word_right",
    "next_punctuation": "next_punctuation",
    "previous_punctuation": "previous_punctuation",
    "line_start": "line_start",
    "line_end": "line_end",
    "span_edge_left": "span_edge_left",
    "span_edge_right": "span_edge_right",
}


def shortest(start: Any, goal: Any, moves: Any, limit: int = 200_000) -> list[str]:
    """Fewest keys from one state to another, breadth first over ``moves(state) -> (key, state)``."""
    if start == goal:
        return []
    seen: dict[Any, tuple[Any, str]] = {start: (None, "")}
    frontier = [start]
    while frontier and len(seen) < limit:
        nxt = []
        for state in frontier:
            for key, to in moves(state):
                if to in seen:
                    continue
                seen[to] = (state, key)
                if to == goal:
                    path = []
                    while to != start:
                        to, key = seen[to]
                        path.append(key)
                    return path[::-1]
                nxt.append(to)
        frontier = nxt
    raise AssertionError(f"{goal} unreachable from {start}")


def caret_path(view: Any, start: int, goal: int, *, lines: bool = True) -> list[str]:
    """Fewest arrow keys from one offset to another (left/right a character, up/down a line)."""
    lo, hi = view.base, view.end

    def moves(at: int) -> list[tuple[str, int]]:
        steps = [("left", max(at - 1, lo)), ("right", min(at + 1, hi))]
        if lines:
            steps += [("up", view.offset_on_line(at, -1)), ("down", view.offset_on_line(at, 1))]
        return steps

    return shortest(start, goal, moves)


async def review(db: Path, golds: list[Gold], labels: dict[int, set[str]], size: tuple[int, int]) -> Tally:
    store = Store(db)
    app = make_app(store, REVIEWER)
    async with app.run_test(size=size) as pilot:
        reviewer = Reviewer(app, pilot, store, golds, labels)
        await reviewer.run()
    store.close()
    return reviewer.tally


def table(title: str, tally: Tally, golds: list[Gold], lost: int, target: float) -> str:
    total = sum(tally.keys.values())
    lines = [f"## {title}", ""]
    per_span = total / len(golds) if golds else 0.0
    verdict = "ok" if per_span <= target else "MISSED"
    lines.append(f"gold spans {len(golds)} (not found in the text: {lost}) · keys {total}")
    lines.append(f"keys per gold span {per_span:.2f} (target <= {target}) {verdict}")
    if tally.section_spans:
        lines.append(f"c (confirm the section) confirmed {tally.section_spans} spans in {tally.ops['section']} keys")
    if tally.add_keys:
        median = statistics.median(tally.add_keys)
        lines.append(
            f"add a missed span: median {median:g} keys (target <= 5) {'ok' if median <= 5 else 'MISSED'},"
            f" max {max(tally.add_keys)}"
        )
    if tally.word_fix_keys:
        median = statistics.median(tally.word_fix_keys)
        lines.append(
            f"fix one boundary (incl. the key that moves on): median {median:g} keys (target <= 2)"
            f" {'ok' if median <= 2 else 'MISSED'}, n {len(tally.word_fix_keys)}"
        )
    lines += ["", "| operation | times | keys | keys each |", "|---|---:|---:|---:|"]
    for op in sorted(tally.keys, key=lambda o: -tally.keys[o]):
        n = tally.ops[op]
        lines.append(f"| {op} | {n} | {tally.keys[op]} | {tally.keys[op] / n if n else 0:.2f} |")
    gold_by_label = Counter(g.label for g in golds)
    lines += ["", "| label | gold spans | keys | keys per gold span |", "|---|---:|---:|---:|"]
    for label in [*LABELS, "—"]:
        keys = tally.by_label.get(label, 0.0)
        if keys or gold_by_label[label]:
            n = gold_by_label[label]
            per = f"{keys / n:.2f}" if n else "—"
            lines.append(f"| {label} | {n} | {keys:.1f} | {per} |")
    return "\n".join(lines)


def shared_dir() -> Path:
    """``shared/`` beside the checkout (or beside the folder of worktrees)."""
    for parent in (ROOT.parent, ROOT.parent.parent):
        if (parent / "shared").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


def coverage(gold_files: list[Path]) -> dict[str, set[str]]:
    """Report file name → the labels it was labelled for, from a ``coverage.json`` beside a
    gold file (``pizhu.store.goldfile.read_coverage``: ``{"name.txt": ["FIGURE", "DATE"]}``,
    ``"*"`` or ``"all"``: every label)."""
    covered: dict[str, set[str]] = {}
    for path in {path.parent: path for path in gold_files}.values():
        try:
            covered |= read_coverage(path) or {}
        except GoldFileError as exc:
            raise SystemExit(str(exc)) from None
    return covered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=None, help="where the seeds' gold is (default: shared/)")
    parser.add_argument("--entities", action="store_true", help="all eight labels (entities gold too)")
    parser.add_argument("--texts", type=Path, default=None, help="a folder of reports (default: the seeds)")
    parser.add_argument("--gold", type=Path, nargs="+", default=None, help="gold files for --texts (doc, label, text)")
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--verbose", action="store_true", help="print the keys of every addition")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    width, height = (int(x) for x in args.size.split("x"))
    if args.gold:
        files = list(args.gold)
    else:
        gold_dir = args.gold_dir or shared_dir()
        files = [gold_dir / "seeds-gold.jsonl"]
        if args.entities:
            files.append(gold_dir / "seeds-gold-entities.jsonl")
    texts = args.texts or SEEDS
    rows = load_gold(files)
    covered = coverage(files)
    if covered:
        rows = [r for r in rows if r["label"] in covered.get(r["doc"], set(LABELS))]
    names = sorted({r["doc"] for r in rows})
    missing = [n for n in names if not (texts / n).is_file()]
    if missing:
        raise SystemExit(f"{texts}: no report file for {len(missing)} gold document(s): {', '.join(missing[:5])}")
    everywhere = {r["label"] for r in rows} if not covered else set(LABELS)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with Store(db) as store:
            import_paths(store, [texts / n for n in names] if args.texts else [SEEDS])
            golds, lost = place_gold(store, rows)
            labels = {d.id: covered.get(Path(d.source).name, everywhere) for d in store.documents(REVIEWER)}
        tally = asyncio.run(review(db, golds, labels, (width, height)))
    shown = {frozenset(v) for v in labels.values()}
    if shown == {frozenset({"FIGURE", "DATE"})}:
        what, target = "FIGURE + DATE", 0.6
    elif shown == {frozenset(LABELS)}:
        what, target = "all eight labels", 1.0
    else:
        what, target = "the labels each report was labelled for", 1.0
    where = "the seeds" if args.texts is None else f"{len(names)} reports of {texts.name}"
    print(table(f"{what} on {where} at {args.size}", tally, golds, lost, target))


if __name__ == "__main__":
    main()
