"""The hub enforces who is who in PostgreSQL itself, whatever client writes to it; a sync
cut off midway is completed by the next; syncs at once lose and duplicate nothing."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import psycopg
import pytest

from pizhu.extract.document import prepare
from pizhu.store import hub as hub_module
from pizhu.store.db import Store
from pizhu.store.hub import copy_of_hub, sync
from pizhu.store.records import Change
from tests.store.test_hub import EXTRA, Team, _spans, team, views

__all__ = ["team"]  # the fixture, shared with test_hub


def _decision_row(conn: psycopg.Connection, reviewer: str, action: str = "confirm") -> tuple:
    span_id, document_id = conn.execute("SELECT id, document_id FROM pizhu.spans ORDER BY id LIMIT 1").fetchone()
    return (uuid.uuid4().hex, span_id, document_id, reviewer, action, "{}", "2026-01-01T00:00:00.000000+00:00")


INSERT = (
    "INSERT INTO pizhu.decisions (uid, span_id, document_id, reviewer, action, payload, at)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s)"
)


@pytest.fixture
def seeded(team: Team) -> Team:
    """The hub holding ann's copy: one report, its spans and one decision of ann's."""
    with Store(team.copy("ann")) as ann:
        ann.decide(ann.spans(1, "ann")[0].id, "ann", Change("confirm"))
        sync(ann, team.url("ann"))
    return team


def test_a_role_adds_decisions_under_its_own_name_only(seeded: Team) -> None:
    with psycopg.connect(seeded.url("ann"), autocommit=True) as conn:
        conn.execute(INSERT, _decision_row(conn, "ann"))
        for reviewer, action in (("bob", "confirm"), ("adjudicator:ann", "adjudicate"), ("ann", "adjudicate")):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
                conn.execute(INSERT, _decision_row(conn, reviewer, action))
    with psycopg.connect(seeded.url("wang"), autocommit=True) as conn:  # granted --adjudicator
        conn.execute(INSERT, _decision_row(conn, "adjudicator:wang", "adjudicate"))
        conn.execute(INSERT, _decision_row(conn, "wang", "adjudicate"))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(INSERT, _decision_row(conn, "adjudicator:ann", "adjudicate"))
    with psycopg.connect(seeded.url("mallory"), autocommit=True) as conn:  # never granted
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT count(*) FROM pizhu.decisions")


def test_nobody_updates_or_deletes_a_decision_not_even_the_owner(seeded: Team) -> None:
    with psycopg.connect(seeded.url("ann"), autocommit=True) as conn:
        for statement in (
            "UPDATE pizhu.decisions SET action = 'reject'",
            "DELETE FROM pizhu.decisions",
            "TRUNCATE pizhu.decisions CASCADE",
            "UPDATE pizhu.library_log SET reviewer = 'x'",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)  # type: ignore[arg-type]
    # The owner (here a superuser, whom row-level security never binds) meets the triggers.
    with psycopg.connect(seeded.admin, autocommit=True) as conn:
        for statement in (
            "UPDATE pizhu.decisions SET action = 'reject'",
            "DELETE FROM pizhu.decisions",
            "TRUNCATE pizhu.decisions CASCADE",
            "TRUNCATE pizhu.library_log",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
                conn.execute(statement)  # type: ignore[arg-type]
        assert conn.execute("SELECT count(*) FROM pizhu.decisions").fetchone() == (1,)


def test_the_hubs_owner_is_bound_too(team: Team) -> None:
    """A hub set up by the database's owner (no superuser): row-level security is forced on
    the owner of the tables, and the triggers refuse the owner's changes."""
    from pizhu.store.hub import grant, init

    pg = team.pg
    pg.role("keeper")
    database = pg.new_database()
    pg.sql(f"ALTER DATABASE {database} OWNER TO keeper")
    pg.sql("GRANT CREATE ON SCHEMA public TO keeper", database)
    url = pg.tcp_url(database, "keeper")
    assert init(url) == ["0001_initial"]
    grant(url, "keeper")
    with Store(team.copy("keeper")) as keeper:
        keeper.decide(keeper.spans(1, "keeper")[0].id, "keeper", Change("confirm"))
        keeper.decide(keeper.spans(1, "bob")[1].id, "bob", Change("confirm"))
        report = sync(keeper, url)
        assert report.pushed.decisions == 1
        assert [line.split(" (")[0][:13] for line in report.refused] == ["bob's decisio"]
    with psycopg.connect(url, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(INSERT, _decision_row(conn, "bob"))
        # No policy lets anyone update or delete: the owner's UPDATE and DELETE see no row,
        # and TRUNCATE (which row-level security does not cover) meets the trigger.
        assert conn.execute("UPDATE pizhu.decisions SET reviewer = 'bob'").rowcount == 0
        assert conn.execute("DELETE FROM pizhu.decisions").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            conn.execute("TRUNCATE pizhu.decisions CASCADE")
        assert conn.execute("SELECT reviewer FROM pizhu.decisions").fetchall() == [("keeper",)]


def test_the_pusher_is_recorded_by_the_hub_not_the_client(seeded: Team) -> None:
    with psycopg.connect(seeded.url("ann"), autocommit=True) as conn:
        row = _decision_row(conn, "ann")
        conn.execute(
            "INSERT INTO pizhu.decisions (uid, span_id, document_id, reviewer, action, payload, at, pushed_by)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, 'bob')",
            row,
        )
        assert conn.execute("SELECT pushed_by FROM pizhu.decisions WHERE uid = %s", (row[0],)).fetchone() == ("ann",)


def _work(store: Store, reviewer: str, rounds: int) -> None:
    """Decisions on every span, undone and redone: a log with some length to it."""
    for _ in range(rounds):
        for span in store.spans(1, reviewer):
            if span.origin == "machine":
                store.decide(span.id, reviewer, Change("tag", tag=f"t{uuid.uuid4().hex[:4]}"))
        store.undo(reviewer)
        store.redo(reviewer)


def test_a_sync_cut_off_midway_is_completed_by_the_next(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(team.copy("ann")) as ann, Store(team.copy("bob")) as bob:
        for store, name in ((ann, "ann"), (bob, "bob")):
            draft = prepare(EXTRA)[0]
            store.add_document("extra.txt", "utf-8", draft, _spans(draft.text, ("15次",)))
            _work(store, name, 3)
        sync(ann, team.url("ann"))
        # bob's push is cut off inside its second document (one per transaction here): the
        # first is on the hub, the second not at all.
        monkeypatch.setattr(hub_module, "_DOCS_PER_TRANSACTION", 1)
        calls = {"n": 0}
        real_push = hub_module._push_decisions

        def push_then_die(*args: object, **kwargs: object) -> list[str]:
            calls["n"] += 1
            if calls["n"] == 2:
                raise KeyboardInterrupt
            return real_push(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(hub_module, "_push_decisions", push_then_die)
        with pytest.raises(KeyboardInterrupt):
            sync(bob, team.url("bob"))
        # Then his pull is cut off after its first document.
        real_merge = hub_module.merge_document

        def merge_then_die(store: Store, incoming: object, *args: object, **kwargs: object) -> object:
            real_merge(store, incoming, *args, **kwargs)  # type: ignore[arg-type]
            raise KeyboardInterrupt

        monkeypatch.setattr(hub_module, "merge_document", merge_then_die)
        with pytest.raises(KeyboardInterrupt):
            sync(bob, team.url("bob"))
        monkeypatch.undo()
        sync(bob, team.url("bob"))
        sync(ann, team.url("ann"))
        assert views(ann) == views(bob) == views(copy_of_hub(team.admin))
        assert len(ann.decisions()) == len(bob.decisions()) > 0
        again = sync(bob, team.url("bob"))
        assert again.pushed.total() == again.pulled.total() == 0


def test_syncs_at_once_lose_and_duplicate_nothing(team: Team) -> None:
    """Three copies (one synced by two processes' worth of connections at once) keep
    syncing while their reviewers work; at the end every copy and the hub hold every
    decision exactly once."""
    names = ("ann", "bob", "cy")
    paths = {name: team.copy(name) for name in names}
    errors: list[BaseException] = []

    def reviewer(name: str, twin: bool) -> None:
        try:
            with Store(paths[name]) as store:
                for _ in range(4):
                    if not twin:
                        _work(store, name, 1)
                    sync(store, team.url(name))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=reviewer, args=(n, False)) for n in names]
    threads.append(threading.Thread(target=reviewer, args=("ann", True)))  # ann's copy synced twice at once
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    stores = [Store(paths[n]) for n in names]
    try:
        for store, name in zip(stores, names, strict=True):
            sync(store, team.url(name))
        for store, name in zip(stores, names, strict=True):
            sync(store, team.url(name))
        every = {d.uid for s in stores for d in s.decisions()}
        for store in stores:
            uids = [d.uid for d in store.decisions()]
            assert len(uids) == len(set(uids)) == len(every)
        with psycopg.connect(team.admin) as conn:
            hub_uids = [r[0] for r in conn.execute("SELECT uid FROM pizhu.decisions")]
            assert sorted(hub_uids) == sorted(every)
            documents = conn.execute("SELECT count(*), count(DISTINCT content_hash) FROM pizhu.documents").fetchone()
            assert documents == (1, 1)
            spans = conn.execute("SELECT count(*), count(DISTINCT uid) FROM pizhu.spans").fetchone()
            assert spans[0] == spans[1]
        assert views(stores[0]) == views(stores[1]) == views(stores[2])
    finally:
        for store in stores:
            store.close()


def test_the_hub_gold_equals_the_copies(team: Team, tmp_path: Path) -> None:
    with Store(team.copy("ann")) as ann, Store(team.copy("bob")) as bob:
        spans = ann.spans(1, "ann")
        ann.decide(spans[0].id, "ann", Change("confirm"))
        ann.decide(spans[1].id, "ann", Change("label", label="ORG"))
        bob.decide(spans[0].id, "bob", Change("confirm"))
        bob.decide(spans[1].id, "bob", Change("reject"))
        for _ in range(2):
            sync(ann, team.url("ann"))
            sync(bob, team.url("bob"))
        hub = copy_of_hub(team.admin)
        assert views(hub) == views(ann) == views(bob)
        statuses = sorted(s.status for s in hub.spans(1))
        assert "disputed" in statuses and "confirmed" in statuses
