"""``pizhu assign`` counts the work already done: a report someone finished or started stays
theirs, a report others finished is not handed out as new, and the shares even out."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.store.db import Store
from pizhu.store.records import Change
from tests.tui.seedspans import seed_store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.db"
    store = seed_store(path)
    ids = store.document_ids()
    for span in store.spans(ids[0], ""):  # bob finished report 1
        store.decide(span.id, "bob", Change("confirm"))
    store.decide(store.spans(ids[1], "")[0].id, "bob", Change("confirm"))  # and started report 2
    for span in store.spans(ids[2], ""):  # carl (not in the team any more) finished report 3
        store.decide(span.id, "carl", Change("reject"))
    store.close()
    return path


def test_work_done_stays_with_whoever_did_it(db: Path) -> None:
    """Before: report 1, finished by bob, went to ann as if new (and report 3, finished, too)."""
    with Store(db) as store:
        result = store.assign(["ann", "bob"])
        ids = store.document_ids()
        bob, ann = store.assigned("bob"), store.assigned("ann")
    assert {ids[0], ids[1]} <= bob and not {ids[0], ids[1]} & ann
    assert ids[2] not in ann | bob  # finished by carl: nothing left to do
    assert ann | bob == set(ids) - {ids[2]} and not ann & bob
    assert abs(len(ann) - len(bob)) <= 1
    assert result.shares["bob"] == (len(bob), 1, 1)
    assert result.shares["ann"] == (len(ann), 0, 0)
    assert result.finished_by_others == 1


def test_overlap_adds_a_second_reviewer_and_keeps_both_reviewers_work(db: Path) -> None:
    with Store(db) as store:
        store.decide(
            store.spans(store.document_ids()[0], "")[0].id, "ann", Change("reject")
        )  # ann started report 1 too
        store.assign(["ann", "bob"], overlap=1.0)
        first = store.document_ids()[0]
        assert first in store.assigned("ann") and first in store.assigned("bob")
        # Everything not finished by others goes to two reviewers; carl's report to one, a second opinion.
        ann, bob, third = store.assigned("ann"), store.assigned("bob"), store.document_ids()[2]
        assert ann - {third} == bob - {third} == set(store.document_ids()) - {third}
        assert len({third} & ann) + len({third} & bob) == 1


def test_cli_assign_says_what_was_already_done(db: Path) -> None:
    result = CliRunner().invoke(main, ["assign", "ann", "bob", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == "ann: 3 report(s)"
    assert lines[1] == "bob: 2 report(s) (1 finished, 1 started already)"
    assert lines[2] == "1 report(s) finished by reviewers not named here: not assigned"
