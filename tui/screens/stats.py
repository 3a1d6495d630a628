"""Statistics: review progress and how the extractor did, the figures of ``pizhu stats``.

Everything comes from ``store.stats.compute`` (the consolidated view, the one the
exports use), so the screen and the CLI cannot disagree. Tables are DataTables whose
cells are ``rich.text.Text`` (labels and rule names are data, never markup); the
per-label bar chart uses textual-plotext when it is installed (the ``charts`` extra)
and plain █ bars otherwise. ``r`` computes again, ``escape`` goes back.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Static

from pizhu.store.display import score, share, visible
from pizhu.store.stats import ExtractorScore, Stats, StatusCounts, compute
from pizhu.store.train import Curve
from pizhu.tui import keys
from pizhu.tui.screens.base import PizhuScreen
from pizhu.tui.widgets.row_table import fill

try:
    from textual_plotext import PlotextPlot
except ImportError:  # the charts extra is optional
    PlotextPlot = None

# The four states of a machine candidate, as drawn in the chart: name, attribute, style.
SERIES: tuple[tuple[str, str, str], ...] = (
    ("confirmed", "confirmed", "green"),
    ("corrected", "corrected", "yellow"),
    ("rejected", "rejected", "red"),
    ("pending", "pending", "bright_black"),
)
PLOTEXT_COLORS = ["green", "yellow", "red", "gray"]
BAR_CELLS = 40


percent, number = share, score  # the one formatter of pizhu stats and pizhu train (store.display)


def num(value: int | float | None) -> Text:
    """A right-aligned cell."""
    if isinstance(value, float) or value is None:
        return Text(number(value), justify="right")
    return Text(str(value), justify="right")


def text_bars(labels: dict[str, StatusCounts], cells: int = BAR_CELLS) -> Text:
    """A stacked bar per label of confirmed/corrected/rejected/pending, in █ characters.

    Bars share one scale (the label with most candidates fills ``cells``); every state
    with any spans gets at least one cell so that it stays visible.
    """
    out = Text()
    if not labels:
        out.append("No candidates.")
        return out
    widest = max((c.candidates for c in labels.values()), default=0) or 1
    name_cells = max(len(name) for name in labels)
    for name, counts in labels.items():
        out.append(f"{name:<{name_cells}} ", style="bold")
        for _title, attr, style in SERIES:
            n = getattr(counts, attr)
            if n:
                out.append("█" * max(1, round(n * cells / widest)), style=style)
        out.append(f" {counts.decided}/{counts.candidates}\n")
    return out


def curve_bars(curve: Curve | None, cells: int = 20) -> Text:
    """The learning curve as rows of bars: per label, the mean F1 at each share of the
    training reports, with its spread (min–max over the random splits)."""
    if curve is None:
        return Text("No curve yet: run pizhu train --curve to see whether more review still pays.", style="dim")
    out = Text()
    sizes = ", ".join(
        f"{fraction:.0%} = {curve.point(fraction, curve.labels[0]).documents}" for fraction in curve.fractions
    )
    out.append(f"training reports: {sizes}; {curve.held_out_documents} held out; {curve.splits} splits\n", style="dim")
    for label in curve.labels:
        out.append(f"{visible(label):<8}", style="bold")
        for fraction in curve.fractions:
            p = curve.point(fraction, label)
            if p.mean is None or p.low is None or p.high is None:  # no held-out gold of the label
                out.append(" " + "·" * (cells // 4) + " —")
                continue
            filled = round(p.mean * cells / 4)
            out.append(" " + "█" * filled + "·" * (cells // 4 - filled))
            out.append(f" {p.mean:.2f}", style="bold")
            out.append(f"({p.low:.2f}–{p.high:.2f})", style="dim")
        out.append("\n")
    return out


def legend() -> Text:
    """The chart's heading: what each colour is (plotext's own legend covers the bars)."""
    out = Text("By label: ", style="bold")
    for title, _attr, style in SERIES:
        out.append("█", style=style)
        out.append(f" {title}  ")
    return out


class StatsScreen(PizhuScreen):
    BINDINGS = keys.bindings(keys.STATS)

    @dataclass
    class Computed(Message):
        """The statistics, computed in a worker."""

        stats: Stats
        curve: Curve | None = None

    def __init__(self) -> None:
        super().__init__()
        self.stats: Stats | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="stats-title", markup=False)
        with VerticalScroll(id="stats-body"):
            yield Static(Text("Progress (all documents)", style="bold"), classes="stats-heading")
            yield DataTable(id="stats-total", cursor_type="none", show_cursor=False)
            yield Static(Text("Progress by label", style="bold"), classes="stats-heading")
            yield DataTable(id="stats-labels", cursor_type="none", show_cursor=False, zebra_stripes=True)
            yield Static(legend(), classes="stats-heading")
            if PlotextPlot is not None:
                yield PlotextPlot(id="stats-chart")
            else:
                yield Static(id="stats-chart", markup=False)
            yield Static(Text("Extractor by label", style="bold"), classes="stats-heading")
            yield DataTable(id="stats-by-label", cursor_type="none", show_cursor=False, zebra_stripes=True)
            yield Static(Text("Extractor by rule", style="bold"), classes="stats-heading")
            yield DataTable(id="stats-by-rule", cursor_type="none", show_cursor=False, zebra_stripes=True)
            yield Static(Text("By source and label", style="bold"), classes="stats-heading")
            yield DataTable(id="stats-by-source", cursor_type="none", show_cursor=False, zebra_stripes=True)
            yield Static(Text("Learning curve (pizhu train --curve)", style="bold"), classes="stats-heading")
            yield Static(id="stats-curve", markup=False)
            yield Static(
                Text(
                    "ok = confirmed, fixed = corrected (an attribute was wrong), false = rejected,"
                    " missed = added by a reviewer. P counts fixed as found; exact does not.",
                    style="dim",
                ),
                id="stats-legend",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.recompute()
        self.query_one("#stats-body").focus()

    def recompute(self) -> None:
        """Compute in a worker (seconds on a large database); the title says so meanwhile."""
        self.query_one("#stats-title", Static).update(Text("Statistics · computing…", style="bold italic"))
        self.compute_stats()

    @work(thread=True, exclusive=True, group="stats", exit_on_error=False)
    def compute_stats(self) -> None:
        from pizhu.store.train import saved_curve

        store = self.pizhu.reading_store()
        self.post_message(self.Computed(compute(store, reviewer=None), saved_curve(store)))

    @on(Computed)
    def computed(self, event: Computed) -> None:
        self.stats = stats = event.stats
        total = stats.total
        title = Text("Statistics", style="bold")
        title.append(f" · {len(stats.documents)} documents, {stats.finished} finished · {percent(total.done)} done")
        title.append(" · consolidated view", style="italic")
        self.query_one("#stats-title", Static).update(title)
        self._fill_total(total)
        self._fill_labels(stats.labels)
        self._fill_scores("#stats-by-label", "label", stats.by_label)
        self._fill_scores("#stats-by-rule", "rule", stats.by_rule)
        self._fill_scores("#stats-by-source", "source", stats.by_source)
        self._draw_chart(stats.labels)
        self.query_one("#stats-curve", Static).update(curve_bars(event.curve))

    def _fill_total(self, total: StatusCounts) -> None:
        table = self.query_one("#stats-total", DataTable)
        columns = ("cands", "pending", "decided", "done", "ok", "fixed", "false", "added", "gold")
        row = (
            num(total.candidates),
            num(total.pending),
            num(total.decided),
            Text(percent(total.done), justify="right"),
            num(total.confirmed),
            num(total.corrected),
            num(total.rejected),
            num(total.added),
            num(total.gold),
        )
        fill(table, columns, [row], ["all"])

    def _fill_labels(self, labels: dict[str, StatusCounts]) -> None:
        table = self.query_one("#stats-labels", DataTable)
        columns = ("label", "cands", "pending", "ok", "fixed", "false", "added", "gold", "done")
        rows = [
            (
                Text(visible(label), style="bold"),
                num(c.candidates),
                num(c.pending),
                num(c.confirmed),
                num(c.corrected),
                num(c.rejected),
                num(c.added),
                num(c.gold),
                Text(percent(c.done), justify="right"),
            )
            for label, c in labels.items()
        ]
        fill(table, columns, rows, list(labels))

    def _fill_scores(self, selector: str, key: str, scores: list[ExtractorScore]) -> None:
        table = self.query_one(selector, DataTable)
        columns = (key, "prop", "ok", "fixed", "false", "missed", "P", "exact", "R", "F1", "fixes")
        rows = [
            (
                Text(visible(s.key), style="bold"),
                num(s.proposed),
                num(s.confirmed),
                num(s.corrected),
                num(s.rejected),
                Text("—" if s.missed is None else str(s.missed), justify="right"),
                num(s.precision),
                num(s.exact),
                num(s.recall),
                num(s.f1),
                Text(visible(", ".join(f"{k} {n}" for k, n in sorted(s.corrections.items())))),
            )
            for s in scores
        ]
        fill(table, columns, rows, [s.key for s in scores])

    def _draw_chart(self, labels: dict[str, StatusCounts]) -> None:
        chart = self.query_one("#stats-chart")
        if PlotextPlot is None or not isinstance(chart, PlotextPlot):
            chart.update(text_bars(labels))  # type: ignore[attr-defined]
            chart.styles.height = "auto"
            return
        plt = chart.plt
        plt.clear_data()
        names = list(labels) or ["—"]
        series = [[getattr(labels[n], attr) if n in labels else 0 for n in names] for _t, attr, _s in SERIES]
        plt.stacked_bar(
            names,
            series,
            color=PLOTEXT_COLORS,
            orientation="horizontal",
            width=0.6,
        )
        # Two rows per bar (bar and gap) plus the frame and the x axis.
        chart.styles.height = 2 * len(names) + 3
        chart.refresh()

    def action_recompute(self) -> None:
        self.recompute()
        self.notify("Statistics computed again.", timeout=2)

    def action_back(self) -> None:
        self.app.pop_screen()
