"""Property: three reviewers' copies and one hub, random decisions, undos, added spans,
file merges and syncs in any order, converge: after every copy has synced (twice, in a
random order) all copies hold the same reviewer views and gold, and so does the hub.

Each copy is one reviewer's and syncs as that reviewer's role; a file merge brings others'
decisions into a copy, which the hub refuses from it (they reach the hub from their own
copy) without holding anything up.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pizhu.store.db import Store
from pizhu.store.errors import StoreError
from pizhu.store.hub import copy_of_hub, sync
from pizhu.store.merge import merge
from tests.postgres import cluster
from tests.store.test_hub import CANDIDATES, make_copy, team_hub, views

REVIEWERS = ("ann", "bob", "cy")

action = st.one_of(
    st.tuples(
        st.just("decide"),
        st.integers(0, 2),
        st.sampled_from(["confirm", "reject", "label", "tag", "boundary", "reset"]),
        st.integers(0, len(CANDIDATES) - 1),
        st.integers(-1, 1),
    ),
    st.tuples(st.just("undo"), st.integers(0, 2), st.booleans()),
    st.tuples(st.just("add"), st.integers(0, 2), st.integers(0, 20)),
    st.tuples(st.just("sync"), st.integers(0, 2)),
    st.tuples(st.just("merge"), st.integers(0, 2), st.integers(0, 2)),
)


def apply(stores: list[Store], paths: list[Path], urls: list[str], step: tuple) -> None:
    kind, copy = step[0], step[1]
    store, reviewer = stores[copy], REVIEWERS[copy]
    try:
        if kind == "decide":
            _, _, what, index, delta = step
            machine = sorted(
                (s for s in store.spans(1, reviewer) if s.origin == "machine"), key=lambda s: s.proposed["start"]
            )[index]
            fields: dict = {}
            if what == "label":
                fields = {"label": ("GPE", "ORG", "DATE")[delta + 1]}
            elif what == "tag":
                fields = {"tag": ("x", "y", "z")[delta + 1]}
            elif what == "boundary":
                fields = {"end": machine.end + delta or machine.end + 1}
            store.decide(machine.id, reviewer, what, **fields)
        elif kind == "undo":
            (store.redo if step[2] else store.undo)(reviewer)
        elif kind == "add":
            store.add_span(1, reviewer, step[2] + 14, step[2] + 16, "PERSON")
        elif kind == "sync":
            sync(store, urls[copy])
        elif kind == "merge" and step[2] != copy:
            merge(store, paths[step[2]])
    except StoreError:
        pass  # a refused action (bounds, nothing to undo) writes nothing


@settings(
    max_examples=int(os.environ.get("PIZHU_HUB_PROPERTY_EXAMPLES", "8")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(action, min_size=1, max_size=16), st.permutations([0, 1, 2]))
def test_copies_syncing_through_a_hub_converge(steps: list[tuple], order: list[int]) -> None:
    pg = cluster()
    database = team_hub(pg)
    urls = [pg.tcp_url(database, name) for name in REVIEWERS]
    folder = Path(tempfile.mkdtemp(prefix="pizhu-hub-props-"))
    paths = [folder / f"{name}.db" for name in REVIEWERS]
    for path in paths:
        make_copy(path)
    stores = [Store(p) for p in paths]
    try:
        for step in steps:
            apply(stores, paths, urls, step)
        for _round in range(2):
            for copy in order:
                sync(stores[copy], urls[copy])
        seen = [views(s, REVIEWERS) for s in stores]
        assert seen[0] == seen[1] == seen[2]
        assert views(copy_of_hub(pg.url(database)), REVIEWERS) == seen[0]
        # Syncing again moves nothing.
        again = sync(stores[order[0]], urls[order[0]])
        assert again.pushed.total() == again.pulled.total() == 0
    finally:
        for store in stores:
            store.close()
        shutil.rmtree(folder, ignore_errors=True)
