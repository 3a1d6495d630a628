"""The pizhu review app: ``make_app(store, reviewer)`` builds it for the CLI and the tests alike.

The app owns the store and the reviewer's name; screens ask it for document ids and
progress. The keymap file (see ``tui.keys``) is applied here, once, to every screen.
It also owns the writer every decision goes through (``tui.writer``) and the order keys
are handled in (``tui.keyorder``).
"""

from __future__ import annotations

import contextlib
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import App
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from pizhu.store import roles
from pizhu.store.db import Store
from pizhu.store.display import one_line, visible
from pizhu.store.errors import StoreError
from pizhu.store.records import DocumentSummary
from pizhu.tui import keys
from pizhu.tui.host import Pizhu
from pizhu.tui.importing import ImportStep
from pizhu.tui.keyorder import KeyOrder
from pizhu.tui.workers import failed
from pizhu.tui.writer import Writer

if TYPE_CHECKING:
    from pizhu.store.hub import SyncReport
    from pizhu.tui.hubsync import HubStatus, HubSync


class PizhuApp(App[None]):
    @dataclass
    class RoleRead(Message):
        """Whether the reviewer holds the adjudicator role, read in a worker for ``J``."""

        adjudicator: bool

    @dataclass
    class IdsRead(Message):
        """The reports' ids, read in a worker for ``with_document_ids`` (``epoch``: the app's when asked)."""

        epoch: int
        ids: list[int]

    CSS_PATH = "app.tcss"
    TITLE = "pizhu 批注"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = keys.bindings(keys.GLOBAL)

    def __init__(
        self,
        store: Store,
        reviewer: str,
        keymap: dict[str, str] | None = None,
        warning: str = "",
        imports: tuple[str, ...] = (),
        *,
        show_others: bool = False,
        import_flags: tuple[str, ...] = (),
        hub: str = "",
    ) -> None:
        super().__init__()
        self.hub_url = hub
        """The team hub this copy syncs with in the background (``tui.hubsync``); "" for none."""
        self.hub_status: HubStatus | None = None
        self._hub_sync: HubSync | None = None
        self._thread_stores = threading.local()
        self.imports = imports
        self.import_flags = import_flags
        self.importing: ImportStep | None = None
        self.import_process: subprocess.Popen[str] | None = None
        self.warning = warning
        self.store = store
        self.training = ""
        """What the background training (``ctrl+t``) is doing now; empty when none runs."""
        self.reviewer = reviewer
        self.show_others = show_others
        # The reader's label filter, kept across documents (None: every label).
        self.label_filter: frozenset[str] | None = None
        self.keymap = keymap or {}
        # The role is the database's word (store.roles), read when the app starts and again at J.
        self._adjudicator = roles.has_role(store, reviewer)
        self._summaries: list[DocumentSummary] | None = None
        self._summaries_version = -1
        self._ids: list[int] | None = None
        self._ids_epoch = 0
        # Who waits for the ids, in the order they asked; not empty while a worker reads them.
        self._ids_waiting: list[tuple[Widget, Callable[[list[int]], None]]] = []
        self.progress_version = 0
        self.writer = Writer(self)
        self.keys = KeyOrder(self)
        self._quitting = False

    def on_mount(self) -> None:
        # jieba's dictionary (a second of CPU) loads now, while the library is read: a report's
        # words are then ready by the time a reviewer reaches a word key.
        from pizhu.tui.words import load_words

        self.run_worker(load_words, thread=True, group="words", name="load jieba", exit_on_error=False)
        if self.keymap:
            self.set_keymap(self.keymap)
        if self.warning:
            self.notify(self.warning, title="keymap ignored", severity="warning", timeout=10)
        if self.hub_url:
            self._start_hub_sync()
        self.open_library()

    # --- the team hub (pizhu open --hub) ----------------------------------------------------

    def _start_hub_sync(self) -> None:
        from pizhu.tui.hubsync import HubSync

        def changed(status: HubStatus, report: SyncReport | None) -> None:
            with contextlib.suppress(RuntimeError):  # the app is closing
                self.call_from_thread(self.hub_changed, status, report)

        self._hub_sync = HubSync(self.store.path, self.hub_url, changed)
        self.hub_status = self._hub_sync.status
        self._hub_sync.start()

    def hub_changed(self, status: HubStatus, report: SyncReport | None) -> None:
        """The background sync moved on (on the app's thread): the header, and the library
        when the sync brought documents or decisions."""
        self.hub_status = status
        from pizhu.tui.widgets.hub_line import HubLine

        for line in self.screen.query(HubLine):
            line.show()
        if report is None:
            return
        for refused in report.refused:
            self.notify(f"refused by the hub: {refused}", severity="warning", timeout=8)
        if report.pulled.total():
            self.progress_changed()
            self.forget_progress()
            from pizhu.tui.screens.library import LibraryScreen

            if isinstance(self.screen, LibraryScreen):
                self.screen.reload()

    def open_library(self) -> None:
        from pizhu.tui.screens.library import LibraryScreen

        self.push_screen(LibraryScreen())
        if self.imports:
            self.start_import(self.imports)

    # --- importing in the background ------------------------------------------------------

    def start_import(self, paths: tuple[str, ...]) -> None:
        from pizhu.tui.importing import import_in_background

        self.importing = ImportStep(0, 0, 0)
        self.run_worker(
            lambda: import_in_background(self, self.store.path, paths, self.reviewer, self.import_flags),
            thread=True,
            exclusive=True,
            group="import",
            name="import",
            exit_on_error=False,
        )

    def on_unmount(self) -> None:
        # Quitting stops a background import between two reports: each report is one
        # transaction, so the database holds whole reports only; `pizhu import` finishes it.
        if self.import_process is not None and self.import_process.poll() is None:
            self.import_process.terminate()
        if self._hub_sync is not None:
            self._hub_sync.stop()
        self.writer.close()

    # --- keys and writes --------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        # Every key typed is handled to the end, in order, before the next (tui.keyorder).
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self.keys.receive(event)
            return
        await super().on_event(event)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The worker rule (``tui.workers``): a failed worker's StoreError is a notice."""
        if event.worker.group == "ids" and event.state == WorkerState.ERROR:
            self._ids_waiting.clear()  # what waited for the ids is dropped, not run by a later read
        failed(self, event)

    def on_writer_done(self, message: Writer.Done) -> None:
        self.writer.on_message(message)
        self.writes_changed()

    def on_writer_refused(self, message: Writer.Refused) -> None:
        self.writer.on_message(message)
        self.writes_changed()

    def on_writer_changed(self, message: Writer.Changed) -> None:
        self.writes_changed()

    def writes_changed(self) -> None:
        """Every screen that shows the writes redraws its save line."""
        for screen in self.screen_stack:
            shown = getattr(screen, "writes_changed", None)
            if shown is not None:
                shown()
        if self._quitting and not self.writer.unsaved():
            self.exit()

    async def action_quit(self) -> None:
        """Quit; with decisions not saved yet (the database locked), ask first: quitting loses them."""
        unsaved = self.writer.unsaved()
        if not unsaved:
            self.exit()
            return
        from pizhu.tui.screens.dialogs import Confirm

        def answer(choice: str | None) -> None:
            if choice == "lose":
                self.exit()
            elif choice == "wait":
                self._quitting = True
                self.notify("quitting once every decision is saved", timeout=5)

        question = f"{len(unsaved)} decision(s) not saved yet: {self.writer.status()}"
        choices = {"w": "wait", "y": "lose", "n": ""}
        hint = "w: quit once they are saved · y: quit now and lose them · n: stay"
        self.push_screen(Confirm(question, choices, hint), answer)

    def import_step(self, step: ImportStep) -> None:
        """A file is imported (called on the app's thread): new rows, a word about refusals."""
        self.importing = step
        if step.summaries is not None:
            self._summaries = list(step.summaries)
            self._ids = [d.id for d in step.summaries]
            self._summaries_version = self.progress_version
        for refusal in step.refused:
            self.notify(refusal, title="refused", severity="warning", timeout=6)
        if step.error:
            self.notify(step.error, title="import stopped", severity="error", timeout=10)
        elif step.finished:
            self.notify(f"imported {step.imported} report(s) from {step.total} file(s)", timeout=5)
        from pizhu.tui.screens.library import LibraryScreen

        if isinstance(self.screen, LibraryScreen):
            self.screen.import_changed(step)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast (screens' ``self.notify`` lands here too) shows data: a store error
        names a file, a message quotes report text. Control characters are made visible
        and the message is never read as markup."""
        super().notify(visible(message), title=one_line(title), severity=severity, timeout=timeout, markup=False)

    # --- shared state -----------------------------------------------------------------

    def reading_store(self) -> Store:
        """A connection of the calling worker thread's own, for reads off the app's thread.

        One SQLite connection used from two threads at once interleaves their statements
        (a worker's read inside a key's write transaction); each worker thread gets its own
        connection to the same file instead. An in-memory database has only the one.
        """
        if self.store.path == ":memory:":
            return self.store
        store = getattr(self._thread_stores, "store", None)
        if store is None:
            store = self._thread_stores.store = Store(self.store.path)
        return store

    @property
    def is_adjudicator(self) -> bool:
        """Whether this reviewer holds the adjudicator role in the database (a name written
        ``adjudicator:...`` confers nothing by itself)."""
        return self._adjudicator

    @property
    def sees_everyone(self) -> bool:
        """Blind review: others' decisions are shown only when asked for, or to adjudicators."""
        return self.show_others or self.is_adjudicator

    def current_summaries(self) -> list[DocumentSummary] | None:
        """The documents' progress if nothing was decided since it was read, else None."""
        if self._summaries is None or self._summaries_version != self.progress_version:
            return None
        return self._summaries

    def remember_summaries(self, version: int, summaries: list[DocumentSummary]) -> list[DocumentSummary]:
        """Keep progress read (in a worker) when ``progress_version`` was ``version``."""
        self._summaries, self._summaries_version = summaries, version
        self._ids = [d.id for d in summaries]
        return summaries

    def document_ids(self) -> list[int] | None:
        """The reports' ids if known (set with the library's progress, or read for
        ``with_document_ids``); None after ``forget_progress`` until read again. Never read
        here: ask ``with_document_ids`` (the bulk count reads them in its own worker)."""
        return self._ids

    def with_document_ids(self, asker: Widget, then: Callable[[list[int]], None]) -> None:
        """Run ``then`` with the reports' ids: now when they are known and nothing waits for
        them, else once a worker has read them, one read for everyone waiting, each ``then``
        in the order asked (``}}}`` goes three on; the same ``then`` asked again while waiting
        runs once). ``asker`` (a screen, a widget) no longer on the screens by then, a reader
        closed meanwhile, is passed over; when the read fails, all that waited is dropped
        and the notice says so (``tui.workers``)."""
        if self._ids is not None and not self._ids_waiting:
            then(self._ids)
            return
        if (asker, then) in self._ids_waiting:
            return
        self._ids_waiting.append((asker, then))
        if len(self._ids_waiting) == 1:
            self.read_ids(self._ids_epoch)

    @work(thread=True, group="ids", exit_on_error=False)
    def read_ids(self, epoch: int) -> None:
        self.post_message(self.IdsRead(epoch, self.reading_store().document_ids()))

    @on(IdsRead)
    def ids_read(self, event: IdsRead) -> None:
        """The ids are kept unless forgotten since the read began (``epoch``); whoever waited
        gets what was read."""
        if event.epoch == self._ids_epoch:
            self._ids = event.ids
        waiting, self._ids_waiting = self._ids_waiting, []
        for asker, then in waiting:
            if self._on_screens(asker):
                then(event.ids)

    def _on_screens(self, node: Widget) -> bool:
        """Whether ``node`` is still on a screen of the stack (not closed, not removed)."""
        return node.is_attached and node.screen in self.screen_stack

    def progress_changed(self) -> None:
        """A decision was committed: progress is re-read lazily, when someone asks for it."""
        self.progress_version += 1

    def forget_progress(self) -> None:
        self._summaries = None
        self._ids = None
        self._ids_epoch += 1

    # --- navigation -------------------------------------------------------------------

    def open_reader(self, doc_id: int, span_id: int | None = None) -> None:
        from pizhu.tui.screens.reader import ReaderScreen

        self.push_screen(ReaderScreen(doc_id, span_id))

    def action_help(self) -> None:
        from pizhu.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_library(self) -> None:
        from pizhu.tui.screens.library import LibraryScreen

        while len(self.screen_stack) > 2 and not isinstance(self.screen, LibraryScreen):
            self.pop_screen()
        if not isinstance(self.screen, LibraryScreen):
            self.pop_screen()

    def action_queue(self) -> None:
        from pizhu.tui.screens.queue import QueueScreen

        if not isinstance(self.screen, QueueScreen):
            self.push_screen(QueueScreen())

    def action_stats(self) -> None:
        from pizhu.tui.screens.stats import StatsScreen

        if not isinstance(self.screen, StatsScreen):
            self.push_screen(StatsScreen())

    def action_check(self) -> None:
        from pizhu.tui.screens.check import CheckScreen

        if not isinstance(self.screen, CheckScreen):
            self.push_screen(CheckScreen())

    def action_train(self) -> None:
        """``ctrl+t``: ``pizhu train`` in a worker thread on its own connection, then the new
        model proposes on the reports not finished (``store.train.train_and_propose``)."""
        if self.training:
            self.notify(f"already training: {self.training}", timeout=4)
            return
        if self.store.path == ":memory:":
            self.notify("training needs a database file", severity="warning", timeout=4)
            return
        self.training = "starting…"
        self.notify("training started in the background", timeout=3)
        self._train_worker()

    @work(thread=True, exclusive=True, group="train", exit_on_error=False)
    def _train_worker(self) -> None:
        from pizhu.store.errors import TrainError
        from pizhu.store.train import train_and_propose

        path = Path(self.store.path)
        out = path.with_name(f"{path.stem}-model")
        shown = [0.0]

        def progress(p: Any) -> None:
            import time

            line = p.stage if p.stage != "training" else f"epoch {p.epoch}/{p.epochs}, step {p.step}/{p.steps}"
            if p.stage != "training" or p.epoch_end or time.monotonic() - shown[0] > 1:
                shown[0] = time.monotonic()
                self.call_from_thread(self._training_step, line, False)

        try:
            with Store(path) as own:
                result, proposed = train_and_propose(own, out, progress=progress)
            said = (
                f"model trained ({result.total.f1 or 0:.2f} F1 held out); proposed on {proposed} unfinished report(s)"
            )
            self.call_from_thread(self._training_step, said, True)
        except (TrainError, StoreError) as exc:
            self.call_from_thread(self._training_step, f"training stopped: {exc}", True)

    def _training_step(self, line: str, finished: bool) -> None:
        self.training = "" if finished else line
        self.sub_title = "" if finished else f"training: {line}"
        if finished:
            self.notify(line, title="train", timeout=10)
            self.progress_changed()
            self.forget_progress()
        from pizhu.tui.widgets.save_line import SaveLine

        for bar in self.screen.query(SaveLine):
            bar.show()

    def action_adjudication(self) -> None:
        # The role is read again (granted or taken back meanwhile), in a worker: ``role_read``.
        self.read_role()

    @work(thread=True, exclusive=True, group="role", exit_on_error=False)
    def read_role(self) -> None:
        self.post_message(self.RoleRead(roles.has_role(self.reading_store(), self.reviewer)))

    @on(RoleRead)
    def role_read(self, event: RoleRead) -> None:
        """The reviewer's role as the database has it now: ``J`` opens adjudication or is refused."""
        from pizhu.tui.screens.adjudicate import AdjudicationScreen

        self._adjudicator = event.adjudicator
        if not event.adjudicator:
            # Blind review: a reviewer never sees the others' versions, nor overrules a verdict.
            self.refuse(f"J: only adjudicators adjudicate; {self.reviewer} is a reviewer")
            return
        if not isinstance(self.screen, AdjudicationScreen):
            self.push_screen(AdjudicationScreen())

    def refuse(self, message: str) -> None:
        """A one-line refusal: in the reader's status line, elsewhere as a warning."""
        say = getattr(self.screen, "say", None)
        if callable(say):
            say(message)
        else:
            self.notify(message, severity="warning", timeout=4)


def as_host(app: PizhuApp) -> Pizhu:
    """The app as its screens see it: mypy holds PizhuApp to ``tui.host.Pizhu`` here."""
    return app


def make_app(
    store: Store,
    reviewer: str,
    keymap_file: Path | None = None,
    imports: tuple[str, ...] = (),
    *,
    show_others: bool = False,
    import_flags: tuple[str, ...] = (),
    hub: str = "",
) -> PizhuApp:
    """The app on ``store`` for ``reviewer``; keys from the keymap file when there is one.

    ``imports``: files and folders to import in the background while the app runs, with
    ``import_flags`` given to ``pizhu import`` (``--ocr``).
    ``show_others``: the history line shows every reviewer's decisions (blind by default).
    ``hub``: the team hub's URL to sync with in the background (``tui.hubsync``).
    """
    try:
        keymap = keys.load_keymap(keymap_file)
    except keys.KeymapError as exc:
        # A broken keymap file must not keep a reviewer out: default keys, and say why.
        return PizhuApp(
            store,
            reviewer,
            {},
            warning=str(exc),
            imports=imports,
            show_others=show_others,
            import_flags=import_flags,
            hub=hub,
        )
    return PizhuApp(
        store, reviewer, keymap, imports=imports, show_others=show_others, import_flags=import_flags, hub=hub
    )
