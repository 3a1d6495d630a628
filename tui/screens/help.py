"""Help: every key as it is bound now (after the keymap file), and the label guidelines.

Built from ``tui.keys`` tables and ``tui.guidelines``, so it cannot drift from what the
keys do or what the guidelines say.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from pizhu.store.review import GOLD_POLICY
from pizhu.tui import keys
from pizhu.tui.guidelines import FIGURE_ATTRIBUTES, LABEL_GUIDES, PROJECT_RULINGS, RULINGS
from pizhu.tui.guidelines import VERSION as GUIDELINES_VERSION
from pizhu.tui.widgets.span_panel import SHORT


def help_text(keymap: Mapping[str, str], keymap_file: str) -> Text:
    text = Text()
    text.append("pizhu 批注 — keys\n", style="bold underline")
    for title, table in keys.TABLES.items():
        text.append(f"\n{title}\n", style="bold")
        for key in table:
            text.append(f"  {keys.effective_keys(key, keymap):<14}", style="bold")
            text.append(f" {key.help or key.description}\n")
    text.append("\nRebinding keys\n", style="bold")
    # One paragraph a line: the Static wraps it to the terminal, so nothing is wrapped twice.
    text.append(
        f"  Put overrides in {keymap_file} (or name another file in $PIZHU_KEYS),"
        " TOML or JSON, binding id = keys, several keys separated by commas:\n"
    )
    text.append('    [keys]\n    confirm = "a,y"\n    reject = "x,n"\n', style="italic")
    text.append("  Binding ids: ")
    text.append(", ".join(sorted(keys.known_ids())) + "\n", style="dim")
    text.append("\nHighlights\n", style="bold")
    text.append(
        "  Each label has its own colour (the Okabe–Ito palette, safe for colour-blind"
        " readers) and a second cue: FIGURE DATE TITLE bold, PERSON GPE MEETING italic,"
        " ORG SLOGAN bold italic; the panel names the label ([FIG] …). A span that starts"
        " where one of the same label ends has a shaded background."
        " Pending spans are underlined, decided ones plain, rejected struck through,"
        " the current span reversed, the cursor underlined. Captions and boilerplate are"
        " dimmed and come after the body (b takes them in on the way; g goes to any section):"
        " their spans are gold too, and a report is done only when they are decided.\n"
    )
    text.append("\nSaving\n", style="bold")
    text.append(
        "  A key decides the span on screen when it is pressed; the decision is written in the"
        " background, in order (the message says saving… until it is), so the screen never waits"
        " for the database. While another program holds the database's lock, the line at the foot"
        " says so and the decisions wait; a decision on a span that changed meanwhile is not saved."
        " Only saved decisions count in the pending count.\n"
    )
    text.append("\nGold: what the team's gold standard holds\n", style="bold underline")
    for n, rule in enumerate(GOLD_POLICY, start=1):
        text.append(f"  {n}. {rule}\n")
    text.append(f"\nLabels (annotation guidelines v{GUIDELINES_VERSION})\n", style="bold underline")
    for n, guide in enumerate(LABEL_GUIDES, start=1):
        text.append(f"\n{n} {guide.label} [{SHORT.get(guide.label, guide.label)}]", style="bold")
        text.append(f"  {guide.definition}\n")
        text.append("  examples: ", style="dim")
        text.append(guide.examples + "\n")
        text.append("  not this: ", style="dim")
        text.append(guide.not_this + "\n")
    text.append("\nFIGURE span and attributes\n", style="bold underline")
    text.append(FIGURE_ATTRIBUTES + "\n")
    text.append("\nRulings on hard cases\n", style="bold underline")
    text.append(RULINGS)
    text.append("\nRulings added since (extract/data/RULINGS.md)\n", style="bold underline")
    text.append(PROJECT_RULINGS)
    return text


class HelpScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "app.pop_screen", "back"),
        Binding("j,down", "scroll(1)", show=False),
        Binding("k,up", "scroll(-1)", show=False),
    ]

    def compose(self) -> ComposeResult:
        app = self.app
        keymap = getattr(app, "keymap", {})
        yield VerticalScroll(Static(help_text(keymap, str(keys.keymap_path())), id="help-text"), id="help")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help", VerticalScroll).scroll_relative(y=lines, animate=False)
