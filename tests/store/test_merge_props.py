"""Property: reviewers deciding on several copies, merged in any order, converge on every copy.

Hypothesis generates decision logs (several reviewers, several copies, every action
including undo and redo, assignments, merges between copies in the middle) and then merges the copies
into each other in a random order. Every copy must then hold the same reviewer views and
assignments and export the same gold, per document, whatever order things happened in.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store.db import Store
from pizhu.store.errors import StoreError
from pizhu.store.export import ExportFilter, iter_jsonl
from pizhu.store.merge import merge

TEXT = "城中区政协2023年工作报告\n全年征集社情民意49条,捐款捐物93.35万元。召开会议12次,发言320人(次)。区政府领导出席。"
CANDIDATES = ("49条", "93.35万元", "12次", "320人(次)", "区政府")
REVIEWERS = ("ann", "bob", "cy")
COPIES = 3

_TEMPLATE: Path | None = None


def template() -> Path:
    global _TEMPLATE
    if _TEMPLATE is None:
        folder = Path(tempfile.mkdtemp(prefix="pizhu-props-"))
        _TEMPLATE = folder / "base.db"
        with Store(_TEMPLATE) as store:
            draft = prepare(TEXT)[0]
            t = draft.text
            spans = [
                Span(t.index(s), t.index(s) + len(s), "ORG" if s == "区政府" else "FIGURE", s, {}, "r", 0.5)
                for s in CANDIDATES
            ]
            store.add_document("t.txt", "utf-8", draft, spans)
    return _TEMPLATE


action = st.one_of(
    st.tuples(
        st.just("decide"),
        st.integers(0, COPIES - 1),
        st.sampled_from(REVIEWERS),
        st.sampled_from(["confirm", "reject", "label", "tag", "untag", "boundary", "reset"]),
        st.integers(0, len(CANDIDATES) - 1),
        st.integers(-1, 1),
    ),
    st.tuples(st.just("undo"), st.integers(0, COPIES - 1), st.sampled_from(REVIEWERS), st.booleans()),
    st.tuples(st.just("add"), st.integers(0, COPIES - 1), st.sampled_from(REVIEWERS), st.integers(0, 20)),
    st.tuples(st.just("merge"), st.integers(0, COPIES - 1), st.integers(0, COPIES - 1)),
    st.tuples(st.just("assign"), st.integers(0, COPIES - 1), st.lists(st.sampled_from(REVIEWERS), min_size=1)),
)


def apply(stores: list[Store], paths: list[Path], step: tuple) -> None:
    kind = step[0]
    try:
        if kind == "decide":
            _, copy, reviewer, what, index, delta = step
            store = stores[copy]
            span = sorted(store.spans(1, reviewer), key=lambda s: s.proposed["start"])
            machine = [s for s in span if s.origin == "machine"][index]
            fields: dict = {}
            if what == "label":
                fields = {"label": ("GPE", "ORG", "DATE")[delta + 1]}
            elif what in ("tag", "untag"):
                fields = {"tag": ("x", "y", "z")[delta + 1]}
            elif what == "boundary":
                fields = {"end": machine.end + delta or machine.end + 1}
            store.decide(machine.id, reviewer, what, **fields)
        elif kind == "undo":
            _, copy, reviewer, redo = step
            (stores[copy].redo if redo else stores[copy].undo)(reviewer)
        elif kind == "add":
            _, copy, reviewer, start = step
            stores[copy].add_span(1, reviewer, start + 14, start + 16, "PERSON")
        elif kind == "assign":
            _, copy, names = step
            stores[copy].assign(names, overlap=0.5, by=names[0])
        elif kind == "merge":
            _, into, source = step
            if into != source:
                merge(stores[into], paths[source])
    except StoreError:
        pass  # a refused action (bounds, nothing to undo) writes nothing


def views(store: Store) -> dict:
    def key(s):  # local ids differ between copies; what a span is does not
        return (s.start, s.end, s.label, s.status, json.dumps(s.attrs, sort_keys=True), s.tags, s.origin)

    return {
        "reviewers": {r: sorted(key(s) for s in store.spans(1, r)) for r in REVIEWERS},
        "gold": sorted(key(s) for s in store.spans(1)),
        "assigned": {r: sorted(store.assigned(r)) for r in REVIEWERS},
        "export": [
            {k: sorted(json.dumps(x, sort_keys=True) for x in v) if isinstance(v, list) else v for k, v in r.items()}
            for r in (json.loads(line) for line in iter_jsonl(store, ExportFilter(include_all=True)))
        ],
    }


@settings(
    max_examples=int(os.environ.get("PIZHU_PROPERTY_EXAMPLES", "12")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(action, min_size=1, max_size=25), st.permutations(list(range(COPIES))))
def test_copies_merged_in_any_order_converge(steps: list[tuple], order: list[int]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="pizhu-copies-"))
    paths = [folder / f"c{i}.db" for i in range(COPIES)]
    for path in paths:
        shutil.copy(template(), path)
    stores = [Store(p) for p in paths]
    try:
        for step in steps:
            apply(stores, paths, step)
        for _round in range(2):
            for into in order:
                for source in order:
                    if into != source:
                        merge(stores[into], paths[source])
        seen = [views(s) for s in stores]
        assert seen[0] == seen[1] == seen[2]
        # Merging again changes nothing anywhere.
        merge(stores[order[0]], paths[order[1]])
        assert views(stores[order[0]]) == seen[0]
    finally:
        for store in stores:
            store.close()
        shutil.rmtree(folder, ignore_errors=True)
