"""``pizhu open --hub``: the background sync (LISTEN/NOTIFY and a periodic push) and the
header line saying when the copy last synced and whether the hub is reachable."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from rich.text import Text
from textual.widgets import Static

from pizhu.store.db import Store
from pizhu.store.hub import SyncReport, sync
from pizhu.store.records import Change
from pizhu.tui.app import make_app
from pizhu.tui.hubsync import CONNECTING, SYNCED, SYNCING, UNREACHABLE, HubStatus, HubSync, status_line
from tests.harness import settled
from tests.postgres import PASSWORD
from tests.store.test_hub import Team, team

__all__ = ["team"]

AT = time.mktime((2026, 12, 6, 10, 0, 0, 0, 0, -1))


def test_the_header_says_when_it_last_synced_and_whether_the_hub_is_reachable() -> None:
    hub = "ann@hub.example.org/team"
    assert status_line(HubStatus(hub, CONNECTING), AT) == f"hub {hub} · connecting…"
    synced = HubStatus(hub, SYNCED, last_synced=AT - 3, pushed=2, pulled=5)
    assert status_line(synced, AT) == f"hub {hub} · synced 09:59:57 (3 s ago) · ↑2 ↓5"
    assert status_line(HubStatus(hub, SYNCING, last_synced=AT - 125), AT).startswith(
        f"hub {hub} · syncing… · last synced 09:57:55 (2 min ago)"
    )
    down = HubStatus(
        hub,
        UNREACHABLE,
        last_synced=AT - 40,
        since=AT - 30,
        error='connection failed: connection to server at "10.0.0.9", port 5432 failed: Connection refused'
        " Is the server running on that host and accepting TCP/IP connections?",
    )
    line = status_line(down, AT)
    assert line == f"hub unreachable: Connection refused · last synced 09:59:20 (40 s ago) · {hub}"
    assert len(line.removesuffix(f" · {hub}")) <= 78  # what a reviewer needs first fits 80 columns


class Watch:
    """Statuses a HubSync hands over, for a test to wait on."""

    def __init__(self) -> None:
        self.seen: list[tuple[HubStatus, SyncReport | None]] = []
        self.event = threading.Condition()

    def __call__(self, status: HubStatus, report: SyncReport | None) -> None:
        with self.event:
            self.seen.append((status, report))
            self.event.notify_all()

    def wait(self, test: object, timeout: float = 10.0) -> tuple[HubStatus, SyncReport | None]:
        deadline = time.monotonic() + timeout
        with self.event:
            while True:
                for item in self.seen:
                    if test(*item):  # type: ignore[operator]
                        self.seen.clear()
                        return item
                left = deadline - time.monotonic()
                assert left > 0, f"not seen in {timeout} s: {self.seen}"
                self.event.wait(left)


def test_others_decisions_arrive_by_notify_and_ones_own_go_by_the_periodic_push(team: Team) -> None:
    ann_path, bob_path = team.copy("ann"), team.copy("bob")
    watch = Watch()
    # A push every 2 s; a notification brings bob's decision well before the next one is due.
    background = HubSync(str(ann_path), team.url("ann"), watch, every=2.0)
    background.start()
    try:
        status, _report = watch.wait(lambda s, r: s.state == SYNCED)
        assert status.hub == f"ann@127.0.0.1:{team.pg.port}/{team.database}" and PASSWORD not in str(status)
        with Store(bob_path) as bob:
            bob.decide(bob.spans(1, "bob")[0].id, "bob", Change("confirm"))
            sync(bob, team.url("bob"))
        started = time.monotonic()
        watch.wait(lambda s, r: r is not None and r.pulled.decisions == 1, timeout=5)
        assert time.monotonic() - started < 1.5  # LISTEN/NOTIFY, not the periodic sync
        with Store(ann_path) as ann:
            ann.decide(ann.spans(1, "ann")[1].id, "ann", Change("reject"))
        watch.wait(lambda s, r: r is not None and r.pushed.decisions == 1, timeout=5)
    finally:
        background.stop()


def test_a_hub_that_goes_away_is_shown_and_tried_again(team: Team, tmp_path: Path) -> None:
    watch = Watch()
    down = f"postgresql://ann:{PASSWORD}@127.0.0.1:1/{team.database}"
    background = HubSync(str(team.copy("ann")), down, watch, every=0.2)
    background.start()
    try:
        status, _ = watch.wait(lambda s, r: s.state == UNREACHABLE)
        assert status.last_synced is None and "Connection refused" in status_line(status)
        assert PASSWORD not in status.error
        # It keeps trying (and says nothing new while the hub stays away).
        time.sleep(0.6)
        assert all(s.state == UNREACHABLE for s, _ in watch.seen)
    finally:
        background.stop()


async def test_the_app_heads_its_screens_with_the_hub_line(team: Team) -> None:
    with Store(team.copy("ann")) as store:
        app = make_app(store, "ann", hub=team.url("ann"))
        async with app.run_test(size=(80, 24)) as pilot:
            await settled(app, pilot)
            line = app.screen.query_one("#hub-line", Static)
            for _ in range(100):
                await pilot.pause(0.05)
                text = line.content
                if isinstance(text, Text) and "synced" in text.plain:
                    break
            assert isinstance(line.content, Text)
            assert line.content.plain.startswith(f"hub ann@127.0.0.1:{team.pg.port}/{team.database} · synced ")
            assert line.region.y == 0
