"""The check screen: gold that contradicts itself (``store.check``, as ``pizhu check``).

One row a finding: its kind, report, label, text and why. ``enter`` opens it in the
reader (on its span; for an unmarked occurrence, on the first span at or after it);
fixing it is an ordinary decision there, and ``r`` here reads the findings again. The
findings are computed in a worker: the title says "checking…" until they arrive.

``m`` also runs the model check (``pizhu check --model``: ``store.check_model``, two
span classifiers per fold, about a minute for 50 reports) in a worker thread on its own connection; its stage shows in
the title, the screen and the app stay usable, and its findings (kind ``model``) join the
list when it ends. Leaving the screen stops it at its next progress step. ``r`` keeps the
model's findings of the last run; ``m`` runs it again.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Footer, Static
from textual.worker import get_current_worker

from pizhu.store.check import Finding, check
from pizhu.store.display import visible, visible_styled
from pizhu.tui import keys
from pizhu.tui.screens.base import PizhuScreen
from pizhu.tui.text import fit
from pizhu.tui.widgets.row_table import RowTable, fill
from pizhu.tui.widgets.span_panel import SHORT

COLUMNS = ("kind", "doc", "label", "text")


class _Stopped(Exception):
    """The model check's worker was cancelled (the screen left): stop training."""


class CheckScreen(PizhuScreen):
    BINDINGS = keys.bindings(keys.CHECK)

    @dataclass
    class Found(Message):
        token: int
        findings: list[Finding]

    @dataclass
    class SpanFound(Message):
        """The span an unmarked occurrence opens on, read in a worker (``find_span``)."""

        token: int
        doc_id: int
        span_id: int | None

    @dataclass
    class ModelStep(Message):
        """Where the model check is (a stage, a fold's epoch), or its end with its findings."""

        token: int
        line: str
        findings: list[Finding] | None = None
        ended: bool = False

    def __init__(self) -> None:
        super().__init__()
        self.findings: list[Finding] = []
        """What the table lists: the string checks' findings, then the model check's."""
        self.strings: list[Finding] = []
        self.model: list[Finding] = []
        self.checking = False
        self.model_state = ""
        """What the model check is doing now; empty when none runs."""
        self._model_token = 0
        self._token = 0
        self.opening: int | None = None  # the report whose spans are being read for enter
        self._open_token = 0

    def compose(self) -> ComposeResult:
        yield Static(id="check-title", markup=False)
        yield RowTable(id="check", cursor_type="row", zebra_stripes=True)
        yield Static(id="check-why", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        fill(table, COLUMNS, [])
        self.action_reload()
        table.focus()

    def action_reload(self) -> None:
        self._token += 1
        self.checking = True
        self._show_title()
        self.run_check(self._token)

    @work(thread=True, exclusive=True, group="check", exit_on_error=False)
    def run_check(self, token: int) -> None:
        self.post_message(self.Found(token, check(self.pizhu.reading_store())))

    @on(Found)
    def found(self, event: Found) -> None:
        if event.token != self._token:
            return
        self.checking = False
        self.strings = event.findings
        self._fill()

    def action_model(self) -> None:
        """``m``: the model check in a worker thread; the key returns at once."""
        if self.model_state:
            self.notify(f"the model check is running: {self.model_state}", timeout=3)
            return
        self._model_token += 1
        self.model_state = "starting…"
        self._show_title()
        self.run_model(self._model_token)

    @work(thread=True, exclusive=True, group="check-model", exit_on_error=False)
    def run_model(self, token: int) -> None:
        import time

        from pizhu.store.check_model import model_findings
        from pizhu.store.errors import StoreError
        from pizhu.store.train import Progress

        worker = get_current_worker()
        shown = [0.0]

        def progress(p: Progress) -> None:
            if worker.is_cancelled:
                raise _Stopped
            line = p.stage if p.stage != "training" else f"epoch {p.epoch}/{p.epochs}"
            if p.run:
                line = f"{p.run}, {line}"
            if p.stage != "training" or p.epoch_end or time.monotonic() - shown[0] > 1:
                shown[0] = time.monotonic()
                self.post_message(self.ModelStep(token, line))

        try:
            found = model_findings(self.pizhu.reading_store(), progress=progress)
        except _Stopped:
            return
        except StoreError as exc:
            self.post_message(self.ModelStep(token, f"model check stopped: {exc}", ended=True))
            return
        self.post_message(self.ModelStep(token, f"model check: {len(found)} finding(s)", found, ended=True))

    @on(ModelStep)
    def model_step(self, event: ModelStep) -> None:
        if event.token != self._model_token:
            return
        if not event.ended:
            self.model_state = event.line
            self._show_title()
            return
        self.model_state = ""
        if event.findings is not None:
            self.model = event.findings
        self.notify(event.line, title="check", timeout=6)
        self._fill()

    def _fill(self) -> None:
        self.findings = [*self.strings, *self.model]
        table = self.query_one(DataTable)
        text_cells = max(self.app.size.width - 30, 12)
        cells = [
            (
                f.kind,
                str(f.document_id),
                Text(SHORT.get(f.label, f.label), style="bold"),
                Text(fit(visible(f.text), text_cells)),
            )
            for f in self.findings
        ]
        fill(table, COLUMNS, cells)
        self._show_title()
        self._show_why()

    def _show_title(self) -> None:
        title = Text("Check: gold that contradicts itself", style="bold")
        title.append(f" · {len(self.findings)} finding(s)")
        if self.checking:
            title.append(" · checking…", style="italic")
        if self.model_state:
            title.append(f" · model: {self.model_state}", style="italic")
        self.query_one("#check-title", Static).update(visible_styled(title))

    def selected(self) -> Finding | None:
        table = self.query_one(DataTable)
        if not self.findings or table.cursor_row is None or table.cursor_row >= len(self.findings):
            return None
        return self.findings[table.cursor_row]

    def _show_why(self) -> None:
        f = self.selected()
        why = self.query_one("#check-why", Static)
        if f is None:
            why.update(Text("No contradictions in the gold." if not self.checking else "", style="bold"))
            return
        line = Text(f"{f.kind} · doc {f.document_id} @{f.start}-{f.end} · enter: open it\n", style="dim")
        line.append(visible(f.detail))
        why.update(visible_styled(line))

    @on(DataTable.RowHighlighted, "#check")
    def highlighted(self) -> None:
        self._show_why()

    def action_open(self) -> None:
        """Open the finding in the reader; an unmarked occurrence opens on the first span at or
        after it, read in a worker. Meanwhile, as while the reader loads a report, another
        enter opens only the last finding chosen and leaving drops the open."""
        f = self.selected()
        if f is None:
            return
        self._open_token += 1
        if f.span_id is not None:
            self.opening = None
            self.pizhu.open_reader(f.document_id, f.span_id)
            return
        self.opening = f.document_id
        self.find_span(self._open_token, f.document_id, f.start)

    @work(thread=True, exclusive=True, group="check-open", exit_on_error=False)
    def find_span(self, token: int, doc_id: int, start: int) -> None:
        after = [s for s in self.pizhu.reading_store().spans(doc_id) if s.start >= start]
        self.post_message(self.SpanFound(token, doc_id, after[0].id if after else None))

    @on(SpanFound)
    def span_found(self, event: SpanFound) -> None:
        if event.token != self._open_token:
            return  # a later enter, or leaving, superseded this one
        self.opening = None
        self.pizhu.open_reader(event.doc_id, event.span_id)

    @on(DataTable.RowSelected, "#check")
    def row_chosen(self) -> None:
        self.action_open()

    def action_back(self) -> None:
        self._open_token += 1
        self.opening = None
        self.app.pop_screen()
