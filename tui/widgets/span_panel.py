"""The panel beside or below the text: everything about the current span.

Label (with its short code, so colour is never the only cue), text, value, unit,
approx, metric, tags, rule, confidence, source (who proposed it), status and the decision history. Built from
``rich.text.Text`` pieces, never markup, because span text and tags are report data.

The panel shows a span at once from memory; its history is read by the panel's own worker
and kept per span until the reader says it is stale (``forget``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from rich.cells import cell_len
from rich.text import Text
from textual import events, on, work
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker

from pizhu.store.display import visible, visible_styled
from pizhu.store.records import Decision, SpanView
from pizhu.tui.host import Pizhu
from pizhu.tui.text import middle
from pizhu.tui.workers import failed

SHORT = {
    "FIGURE": "FIG",
    "DATE": "DAT",
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "GPE",
    "TITLE": "TIT",
    "MEETING": "MTG",
    "SLOGAN": "SLO",
}

STATUS_MARK = {
    "pending": "? pending",
    "confirmed": "✓ confirmed",
    "corrected": "✎ corrected",
    "rejected": "✗ rejected",
    "added": "+ added",
    "removed": "- removed",
}


def _field(text: Text, name: str, value: object, end: str) -> None:
    text.append(f"{name} ", style="dim")
    text.append("—" if value is None or value == "" else visible(str(value)))
    text.append(end)


def describe(
    span: SpanView | None, history: list[Decision], *, compact: bool, loading: bool = False, width: int = 0
) -> Text:
    """The panel's content for one span: packed in 5 lines below the text at 80×24
    (``compact``), one field a line beside it on wider terminals. Compact, each line fits
    ``width`` cells (a long TITLE is shortened in its middle): no line wraps and pushes the
    value and the history out of the panel."""
    text = describe_lines(span, history, compact=compact, loading=loading)
    if not compact or width <= 0:
        return text
    lines = text.split("\n", allow_blank=True)
    head = lines[0]
    if span is not None and cell_len(head.plain) > width:
        # The span's own text gives way first: its label, status and place stay.
        shown = visible(span.text)
        room = max(cell_len(shown) - (cell_len(head.plain) - width), 3)
        head = describe_lines(span, history, compact=compact, loading=loading, shown_text=middle(shown, room)).split(
            "\n", allow_blank=True
        )[0]
    fitted = Text("\n", no_wrap=True, overflow="ellipsis").join(
        [line if cell_len(line.plain) <= width else _cut(line, width) for line in [head, *lines[1:]]]
    )
    fitted.no_wrap = True
    return fitted


def _cut(line: Text, width: int) -> Text:
    line = line.copy()
    line.truncate(width, overflow="ellipsis")
    return line


def describe_lines(
    span: SpanView | None,
    history: list[Decision],
    *,
    compact: bool,
    loading: bool = False,
    shown_text: str | None = None,
) -> Text:
    text = Text(no_wrap=False, overflow="fold")
    if span is None:
        text.append("No span here. ", style="bold")
        text.append("tab: next span · ]: next section · v: mark a missed span", style="dim")
        return text
    sep = "  " if compact else "\n"
    text.append(f"[{SHORT.get(span.label, span.label)}]", style="bold reverse")
    text.append(f" {span.label} ", style="bold")
    text.append(STATUS_MARK.get(span.status, span.status), style="bold")
    text.append("  “" if compact else "\n“")
    text.append(visible(span.text) if shown_text is None else shown_text)
    text.append("”")
    text.append(f"  {span.end - span.start} chars @{span.start}\n", style="dim")
    attrs = span.attrs
    for name in ("value", "unit", "approx", "metric"):
        _field(text, name, attrs.get(name), sep)
    if compact:
        text.append("\n")
    _field(text, "tags", ", ".join(span.tags), sep)
    _field(text, "rule", span.rule, sep)
    _field(text, "conf", f"{span.confidence:.2f}", sep)
    # Who proposed it (rules, lac, rules+lac, trained:NAME, human) says more than machine/human.
    if span.flag.startswith("model: "):
        # Another proposer's reading of this span: taken with o (the reader's take_alternative).
        _field(text, "src", span.source, sep)
        _field(text, "other (o)", span.flag.removeprefix("model: "), "\n")
    else:
        _field(text, "src", span.source, "\n")
    shown = history[-2:] if compact else history[-12:]
    if not compact:
        text.append("\n")
    if loading:
        text.append("history ", style="dim")
        text.append("loading…", style="italic")
    elif not history:
        text.append("history ", style="dim")
        text.append("no decisions yet")
    for index, decision in enumerate([] if loading else shown):
        if index:
            text.append("\n")
        text.append("history " if index == 0 else "        ", style="dim")
        text.append(visible(f"{_local(decision.at)} {decision.reviewer}: {decision.action}"))
        after = decision.after.get("status")
        if after:
            text.append(f" → {after}", style="dim")
    if compact and len(history) > 2 and not loading:
        text.append(f"  (+{len(history) - 2} earlier)", style="dim")
    # Tags, attributes, rule and reviewer names are data too (a name can arrive by merge).
    return visible_styled(text)


def _local(stamp: str) -> str:
    """A log time (UTC) as the reviewer's local month, day and minute."""
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%m-%d %H:%M")
    except ValueError:
        return stamp[5:16]


class SpanPanel(Static):
    """Details of the current span; the reader calls ``show_span`` after every move."""

    @dataclass
    class HistoryLoaded(Message):
        """The decision history of one span, read in the panel's worker."""

        span_id: int
        history: list[Decision]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.compact = True
        self._shown: tuple[SpanView | None, list[Decision], bool] = (None, [], False)
        self._history: dict[int, list[Decision]] = {}

    @property
    def pizhu(self) -> Pizhu:
        return cast(Pizhu, self.app)

    def show_span(self, span: SpanView | None) -> None:
        """The panel at once from memory; the history comes from a worker."""
        if span is None:
            self.show(None, [])
            return
        cached = self._history.get(span.id)
        self.show(span, self._visible_history(cached or []), loading=cached is None)
        if cached is None:
            self.load_history(span.id)

    def forget(self, span_ids: Iterable[int] | None = None) -> None:
        """The history of these spans (None: of every span) is stale: read again when shown."""
        if span_ids is None:
            self._history.clear()
        for span_id in span_ids or ():
            self._history.pop(span_id, None)

    def _visible_history(self, history: list[Decision]) -> list[Decision]:
        """Blind review: only this reviewer's decisions, unless others' are asked for."""
        if self.pizhu.sees_everyone:
            return history
        return [d for d in history if d.reviewer == self.pizhu.reviewer]

    @work(thread=True, exclusive=True, group="history", exit_on_error=False)
    def load_history(self, span_id: int) -> None:
        self.post_message(self.HistoryLoaded(span_id, self.pizhu.reading_store().history(span_id)))

    @on(HistoryLoaded)
    def history_arrived(self, event: HistoryLoaded) -> None:
        self._history[event.span_id] = event.history
        span = self._shown[0]
        if span is not None and span.id == event.span_id:
            self.show(span, self._visible_history(event.history))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The worker rule (``tui.workers``): a failed worker's StoreError is a notice."""
        failed(self, event)

    def show(self, span: SpanView | None, history: list[Decision], *, loading: bool = False) -> None:
        # The panel's size is fixed by the stylesheet: no layout pass on every move.
        self._shown = (span, history, loading)
        width = self.content_region.width
        self.update(describe(span, history, compact=self.compact, loading=loading, width=width), layout=False)

    def on_resize(self, _event: events.Resize) -> None:
        self.show(*self._shown[:2], loading=self._shown[2])
