"""The check screen: gold that contradicts itself (``store.check``, as ``pizhu check``).

One row a finding: its kind, report, label, text and why. ``enter`` opens it in the
reader (on its span; for an unmarked occurrence, on the first span at or after it);
fixing it is an ordinary decision there, and ``r`` here reads the findings again. The
findings are computed in a worker: the title says "checking…" until they arrive.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Footer, Static

from store.check import Finding, check
from store.display import visible, visible_styled
from tui import keys
from tui.screens.base import PizhuScreen
from tui.text import fit
from tui.widgets.row_table import RowTable
from tui.widgets.span_panel import SHORT


class CheckScreen(PizhuScreen):
    BINDINGS = keys.bindings(keys.CHECK)

    @dataclass
    class Found(Message):
        token: int
        findings: list[Finding]

    def __init__(self) -> None:
        super().__init__()
        self.findings: list[Finding] = []
        self.checking = False
        self._token = 0

    def compose(self) -> ComposeResult:
        yield Static(id="check-title", markup=False)
        yield RowTable(id="check", cursor_type="row", zebra_stripes=True)
        yield Static(id="check-why", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for name in ("kind", "doc", "label", "text"):
            table.add_column(name, key=name)
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
        self.findings = event.findings
        table = self.query_one(DataTable)
        table.clear()
        for f in self.findings:
            table.add_row(
                f.kind,
                str(f.document_id),
                Text(SHORT.get(f.label, f.label), style="bold"),
                Text(fit(visible(f.text), max(self.app.size.width - 30, 12))),
            )
        self._show_title()
        self._show_why()

    def _show_title(self) -> None:
        title = Text("Check: gold that contradicts itself", style="bold")
        title.append(f" · {len(self.findings)} finding(s)")
        if self.checking:
            title.append(" · checking…", style="italic")
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
        f = self.selected()
        if f is None:
            return
        span_id = f.span_id
        if span_id is None:
            after = [s for s in self.pizhu.store.spans(f.document_id) if s.start >= f.start]
            span_id = after[0].id if after else None
        self.pizhu.open_reader(f.document_id, span_id)

    @on(DataTable.RowSelected, "#check")
    def row_chosen(self) -> None:
        self.action_open()

    def action_back(self) -> None:
        self.app.pop_screen()
