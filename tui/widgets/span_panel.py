"""The panel beside or below the text: everything about the current span.

Label (with its short code, so colour is never the only cue), text, value, unit,
approx, metric, tags, rule, confidence, status and the decision history. Built from
``rich.text.Text`` pieces, never markup, because span text and tags are report data.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from store.records import Decision, SpanView

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


def _field(text: Text, name: str, value: object) -> None:
    text.append(f"{name} ", style="dim")
    text.append("—" if value is None or value == "" else str(value))
    text.append("  ")


def describe(span: SpanView | None, history: list[Decision], *, compact: bool) -> Text:
    """The panel's content for one span (``compact`` for the bottom panel at 80×24)."""
    text = Text(no_wrap=False, overflow="fold")
    if span is None:
        text.append("No span here. ", style="bold")
        text.append("tab: next span · ]: next section · v: mark a missed span", style="dim")
        return text
    text.append(f"[{SHORT.get(span.label, span.label)}]", style="bold reverse")
    text.append(f" {span.label} ", style="bold")
    text.append(STATUS_MARK.get(span.status, span.status), style="bold")
    text.append("  “")
    text.append(span.text.translate(_PANEL_VISIBLE))
    text.append("”")
    text.append(f"  {span.end - span.start} chars @{span.start}\n", style="dim")
    attrs = span.attrs
    _field(text, "value", attrs.get("value"))
    _field(text, "unit", attrs.get("unit"))
    _field(text, "approx", attrs.get("approx"))
    _field(text, "metric", attrs.get("metric"))
    text.append("\n")
    _field(text, "tags", ", ".join(span.tags))
    _field(text, "rule", span.rule)
    _field(text, "conf", f"{span.confidence:.2f}")
    _field(text, "by", span.origin)
    text.append("\n")
    shown = history[-2:] if compact else history[-12:]
    if not history:
        text.append("history ", style="dim")
        text.append("no decisions yet")
    for index, decision in enumerate(shown):
        if index:
            text.append("\n")
        text.append("history " if index == 0 else "        ", style="dim")
        text.append(f"{decision.at[5:16].replace('T', ' ')} {decision.reviewer}: {decision.action}")
        after = decision.after.get("status")
        if after:
            text.append(f" → {after}", style="dim")
    if compact and len(history) > 2:
        text.append(f"  (+{len(history) - 2} earlier)", style="dim")
    return text


_PANEL_VISIBLE = {c: 0x2400 + c for c in range(32)} | {0x7F: 0x2421}


class SpanPanel(Static):
    """Details of the current span; the reader calls ``show`` after every move."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.compact = True

    def show(self, span: SpanView | None, history: list[Decision]) -> None:
        # The panel's size is fixed by the stylesheet: no layout pass on every move.
        self.update(describe(span, history, compact=self.compact), layout=False)
