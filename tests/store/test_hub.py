"""The team hub: reviewers' SQLite copies syncing with one PostgreSQL database.

Every test here runs against a real PostgreSQL (``tests.postgres``: one throwaway cluster
for the session, a fresh database per test) and is skipped, with the reason, where there
is none.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store import roles
from pizhu.store.db import Store
from pizhu.store.export import ExportFilter, iter_jsonl
from pizhu.store.hub import HubError, copy_of_hub, grant, init, last_synced, read_marks, sync
from pizhu.store.records import Change
from tests.postgres import PASSWORD, Cluster, cluster

TEXT = "城中区政协2023年工作报告\n全年征集社情民意49条,捐款捐物93.35万元。召开会议12次,发言320人(次)。区政府领导出席。"
EXTRA = "灵武市政协2022年开展视察调研15次。王明主席出席。"
CANDIDATES = ("49条", "93.35万元", "12次", "320人(次)")


def _spans(text: str, subs: tuple[str, ...]) -> list[Span]:
    return [Span(text.index(s), text.index(s) + len(s), "FIGURE", s, {}, "r", 0.5) for s in subs]


_BASE: list[Path] = []


def make_copy(path: Path) -> None:
    """A small library (one report, four candidates), made once and copied."""
    if not _BASE:
        folder = Path(tempfile.mkdtemp(prefix="pizhu-hub-base-"))
        with Store(folder / "base.db") as store:
            draft = prepare(TEXT)[0]
            store.add_document("t.txt", "utf-8", draft, _spans(draft.text, CANDIDATES))
        _BASE.append(folder / "base.db")
    shutil.copy(_BASE[0], path)


@dataclass
class Team:
    pg: Cluster
    database: str
    folder: Path

    def url(self, role: str) -> str:
        return self.pg.tcp_url(self.database, role)

    @property
    def admin(self) -> str:
        return self.pg.url(self.database)

    def copy(self, name: str) -> Path:
        path = self.folder / f"{name}.db"
        if not path.exists():
            shutil.copy(self.folder / "base.db", path)
        return path


_HUB: list[str] = []


def team_hub(pg: Cluster) -> str:
    """The session's hub database, emptied for each test: its schema made once, the team's
    grants as at first, every row gone and a new hub id (so no copy's marks carry over).
    Emptying it needs the append-only triggers off, which only a superuser can do."""
    if not _HUB:
        database = pg.new_database()
        for role in ("ann", "bob", "cy", "wang", "mallory"):
            pg.role(role)
        init(pg.url(database))
        _HUB.append(database)
    database = _HUB[0]
    pg.sql(
        "SET session_replication_role = replica;"
        " TRUNCATE pizhu.documents, pizhu.sections, pizhu.document_sources, pizhu.ocr_words, pizhu.spans,"
        " pizhu.decisions, pizhu.library_log, pizhu.tags, pizhu.reviewers RESTART IDENTITY;"
        " UPDATE pizhu.meta SET value = md5(random()::text) WHERE key = 'hub_id'",
        database,
    )
    for role in ("ann", "bob", "cy"):
        grant(pg.url(database), role)
    grant(pg.url(database), "wang", adjudicator=True)
    return database


@pytest.fixture
def team(tmp_path: Path) -> Team:
    pg = cluster()
    database = team_hub(pg)
    make_copy(tmp_path / "base.db")
    return Team(pg, database, tmp_path)


def views(store: Store, reviewers: tuple[str, ...] = ("ann", "bob", "cy")) -> dict:
    def key(s):  # local ids differ between copies; what a span is does not
        return (s.start, s.end, s.label, s.status, json.dumps(s.attrs, sort_keys=True), s.tags, s.origin)

    docs = {store.document(d).content_hash: d for d in store.document_ids()}
    return {
        "reviewers": {
            (h, r): sorted(key(s) for s in store.spans(d, r)) for h, d in sorted(docs.items()) for r in reviewers
        },
        "gold": {h: sorted(key(s) for s in store.spans(d)) for h, d in sorted(docs.items())},
        "export": sorted(
            json.dumps({k: v for k, v in json.loads(line).items() if k not in ("id", "document_id")}, sort_keys=True)
            for line in iter_jsonl(store, ExportFilter(include_all=True))
        ),
    }


def test_init_is_idempotent(team: Team) -> None:
    assert init(team.admin) == []  # the fixture applied them all


def test_two_reviewers_sync_through_the_hub(team: Team) -> None:
    with Store(team.copy("ann")) as ann, Store(team.copy("bob")) as bob:
        doc = ann.document_ids()[0]
        spans = ann.spans(doc, "ann")
        ann.decide(spans[0].id, "ann", Change("confirm"))
        ann.decide(spans[1].id, "ann", Change("reject"))
        draft = prepare(EXTRA)[0]
        extra = ann.add_document("extra.txt", "utf-8", draft, _spans(draft.text, ("15次",)))
        assert extra is not None
        ann.decide(ann.spans(extra, "ann")[0].id, "ann", Change("confirm"))
        bob.decide(bob.spans(doc, "bob")[0].id, "bob", Change("label", label="ORG"))

        first = sync(ann, team.url("ann"))
        assert (first.pushed.decisions, first.pushed.documents, first.pulled.decisions) == (3, 2, 0)
        second = sync(bob, team.url("bob"))
        assert (second.pushed.decisions, second.pulled.decisions, second.pulled.documents) == (1, 3, 1)
        third = sync(ann, team.url("ann"))
        assert (third.pushed.decisions, third.pulled.decisions) == (0, 1)
        # Running it again moves nothing, either way.
        for store, role in ((ann, "ann"), (bob, "bob")):
            again = sync(store, team.url(role))
            assert again.pushed.total() == again.pulled.total() == 0
            assert again.lines() == [f"synced with {role}@127.0.0.1:{team.pg.port}/{team.database}: nothing to move"]
        assert views(ann) == views(bob)
        hub = copy_of_hub(team.admin)
        assert views(hub) == views(ann)


def test_a_down_hub_is_one_line_and_leaves_the_copy_alone(team: Team) -> None:
    path = team.copy("ann")
    with Store(path) as ann:
        ann.decide(ann.spans(1, "ann")[0].id, "ann", Change("confirm"))
    before = path.read_bytes()
    with Store(path) as ann, pytest.raises(HubError) as caught:
        sync(ann, f"postgresql://ann:{PASSWORD}@127.0.0.1:1/{team.database}")
    message = str(caught.value)
    assert "\n" not in message and PASSWORD not in message
    assert message.startswith(f"cannot reach the hub ann@127.0.0.1:1/{team.database}")
    assert path.read_bytes() == before


def test_a_wrong_password_is_never_printed(team: Team) -> None:
    with Store(team.copy("ann")) as ann, pytest.raises(HubError) as caught:
        sync(ann, team.pg.tcp_url(team.database, "ann", "not-the-pw-123"))
    assert "not-the-pw-123" not in str(caught.value)
    assert "password authentication failed" in str(caught.value)


def test_a_role_not_granted_is_told_how(team: Team) -> None:
    with Store(team.copy("ann")) as ann, pytest.raises(HubError, match="pizhu hub grant URL mallory"):
        sync(ann, team.url("mallory"))


def test_the_marks_are_per_hub_and_never_hold_the_url(team: Team) -> None:
    with Store(team.copy("ann")) as ann:
        sync(ann, team.url("ann"))
        rows = ann.read("SELECT key, value FROM pizhu_meta WHERE key LIKE 'hub %' AND key NOT LIKE 'hub synced %'")
        assert len(rows) == 1
        assert "127.0.0.1" not in json.dumps(rows)
        hub = rows[0]["key"].removeprefix("hub ")
        assert read_marks(ann, hub).pushed["documents"] == 1
        # When it last synced is kept by the hub's name, never with its password.
        assert abs(time.time() - (last_synced(ann, team.url("ann")) or 0)) < 60
        assert PASSWORD not in json.dumps(ann.read("SELECT * FROM pizhu_meta"))


def test_someone_elses_decision_is_refused_by_name_and_the_rest_goes_through(team: Team) -> None:
    """ann's copy holds a decision made under bob's name (a merged file, a forged name):
    the hub refuses that one row, naming bob, takes ann's own, and ann's copy keeps both."""
    with Store(team.copy("ann")) as ann:
        spans = ann.spans(1, "ann")
        ann.decide(spans[0].id, "ann", Change("confirm"))
        forged = ann.decide(spans[1].id, "bob", Change("reject"))
        uid = ann.history(forged.id, "bob")[-1].uid
        report = sync(ann, team.url("ann"))
        assert report.pushed.decisions == 1
        assert report.refused == [
            f"bob's decision {uid[:12]} (reject, document 1 城中区政协2023年工作报告) may be added only by bob;"
            " kept in this copy"
        ]
        assert [d.uid for d in ann.decisions("bob")] == [uid]
        # Tried again at the next sync, and refused again; nothing else moves.
        again = sync(ann, team.url("ann"))
        assert again.pushed.total() == again.pulled.total() == 0
        assert len(again.refused) == 1
    hub = copy_of_hub(team.admin)
    assert [d.reviewer for d in hub.decisions()] == ["ann"]


def test_an_adjudication_needs_the_hubs_grant(team: Team) -> None:
    with Store(team.copy("ann")) as ann:
        roles.grant(ann, roles.login_name(), "ann")  # ann may adjudicate on her own copy
        span = ann.spans(1, "ann")[0]
        ann.decide(span.id, "ann", Change("confirm"))
        ann.adjudicate(span.id, "ann", {"status": "confirmed"})
        report = sync(ann, team.url("ann"))
        assert report.pushed.decisions == 1
        assert len(report.refused) == 1
        assert "needs ann granted as adjudicator on the hub; kept in this copy" in report.refused[0]
        # Once the hub's owner grants it, the next sync sends the verdict.
        grant(team.admin, "ann", adjudicator=True)
        later = sync(ann, team.url("ann"))
        assert (later.pushed.decisions, later.refused) == (1, [])


def run_pizhu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_cli_sync_prints_what_moved_and_then_nothing(team: Team) -> None:
    path = team.copy("ann")
    with Store(path) as ann:
        ann.decide(ann.spans(1, "ann")[0].id, "ann", Change("confirm"))
    where = f"ann@127.0.0.1:{team.pg.port}/{team.database}"
    first = run_pizhu("sync", team.url("ann"), "--db", str(path))
    assert first.exit_code == 0, first.stderr
    assert f"pushed to {where}: 1 decision(s), 4 span(s), 1 document(s), 0 library change(s)" in first.stdout
    second = run_pizhu("sync", team.url("ann"), "--db", str(path))
    assert second.stdout.strip() == f"synced with {where}: nothing to move"
    assert PASSWORD not in first.stdout + first.stderr + second.stdout + second.stderr


def test_cli_sync_with_the_hub_down_fails_in_one_line(team: Team) -> None:
    path = team.copy("ann")
    before = path.read_bytes()
    down = f"postgresql://ann:{PASSWORD}@127.0.0.1:1/{team.database}"
    result = run_pizhu("sync", down, "--db", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("pizhu: error: cannot reach the hub ann@127.0.0.1:1/")
    assert PASSWORD not in result.stderr
    assert path.read_bytes() == before


def test_cli_hub_init_and_grant(team: Team) -> None:
    database = team.pg.new_database()
    url = team.pg.url(database)
    first = run_pizhu("hub", "init", url)
    assert first.exit_code == 0, first.stderr
    assert "schema 0001_initial applied" in first.stdout
    assert "schema up to date" in run_pizhu("hub", "init", url).stdout
    granted = run_pizhu("hub", "grant", url, "bob", "--adjudicator")
    assert granted.stdout.strip() == "granted: role bob takes part as reviewer bob, adjudicator"
    missing = run_pizhu("hub", "grant", url, "nobody")
    assert missing.exit_code == 1
    assert "there is no PostgreSQL role 'nobody'" in missing.stderr
