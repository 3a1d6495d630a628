"""Small modal screens that return a value with ``dismiss()``.

Label picker, attribute form (refuses a value that is not a number), tag input with
completion from existing tags, go-to-section, search. Escape cancels each (``None``).
Option prompts are ``Text`` objects because headings and tags are report data.

Keys typed fast after the key that opens a dialog go into it (see ``tui.keyorder``): a
dialog takes keys once its first field has the focus (``ready``), and ``enter`` submits
it as a priority binding, at once, so that a key typed after ``enter`` reaches the screen
below and never the field.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from pizhu.extract.models import APPROX, LABELS
from pizhu.store.display import visible, visible_styled
from pizhu.tui.guidelines import GUIDES
from pizhu.tui.model import SKIPPED_KINDS

CANCEL = Binding("escape", "cancel", "cancel", show=False)


class _Dialog(ModalScreen[Any]):
    BINDINGS: ClassVar[list[BindingType]] = [CANCEL]

    takes_keys = False
    """Keys typed before the dialog is ready wait for it (``tui.keyorder``)."""

    def on_mount(self) -> None:
        self.ready(self.first_focus())

    def first_focus(self) -> Widget | None:
        """The widget that has the focus when the dialog opens (None: the dialog's own keys)."""
        return None

    def ready(self, widget: Widget | None) -> None:
        """Focus ``widget`` and take keys once it knows it has the focus (an input selects its
        text then, so that typing replaces it whether typed fast or slowly)."""
        if widget is None:
            self._take_keys()
            return
        self.set_focus(widget)
        widget.call_later(self._take_keys)

    def _take_keys(self) -> None:
        self.takes_keys = True
        order = getattr(self.app, "keys", None)
        if order is not None:
            order.wake()

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Close with ``result``; the keys after the one that closed it wait until the screen
        that opened it has handled the result."""
        order = getattr(self.app, "keys", None)
        requester = self._result_callbacks[-1].requester if self._result_callbacks else None
        if order is None:
            return super().dismiss(result)
        order.hold(self)
        closing = super().dismiss(result)
        (requester or self.app).call_next(order.release, self)
        return closing

    def action_cancel(self) -> None:
        self.dismiss(None)


class DataInput(Input):
    """An input whose value may be data (an attribute, a tag): drawn with its control
    characters made visible, one for one, so the cursor still lines up; the value itself
    is what it was."""

    @property
    def _value(self) -> Text:
        return visible_styled(super()._value)


class LabelPicker(_Dialog):
    """Choose one of the eight labels; the digit keys pick directly."""

    BINDINGS: ClassVar[list[BindingType]] = [
        CANCEL,
        *(Binding(str(n), f"pick({n - 1})", show=False) for n in range(1, len(LABELS) + 1)),
        Binding("enter", "choose", show=False, priority=True),
    ]

    def __init__(self, current: str | None = None, title: str = "Label") -> None:
        super().__init__()
        self.current = current
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(visible(self.title_text)), classes="dialog-title")
            options = []
            for n, label in enumerate(LABELS, start=1):
                prompt = Text(f"{n} {label:<8} ", style="bold")
                prompt.append(GUIDES[label].definition if label in GUIDES else "", style="dim")
                options.append(Option(prompt, id=label))
            picker = OptionList(*options, id="labels")
            yield picker
            yield Label("1–8 or enter: choose · escape: cancel", classes="dialog-hint")

    def first_focus(self) -> Widget | None:
        picker = self.query_one(OptionList)
        picker.highlighted = LABELS.index(self.current) if self.current in LABELS else 0
        return picker

    def action_pick(self, index: int) -> None:
        self.dismiss(LABELS[index])

    def action_choose(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None:
            self.dismiss(LABELS[highlighted])

    @on(OptionList.OptionSelected, "#labels")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class LabelFilter(_Dialog):
    """Choose the labels to review: 1-8 toggle one, 0 all, enter applies; returns the set."""

    BINDINGS: ClassVar[list[BindingType]] = [
        CANCEL,
        *(Binding(str(n), f"toggle_label({n - 1})", show=False) for n in range(1, len(LABELS) + 1)),
        Binding("0", "all", show=False),
        Binding("enter", "apply", show=False, priority=True),
    ]

    def __init__(self, current: frozenset[str] | None = None) -> None:
        super().__init__()
        # Starting from "every label", the first digit picks that label alone.
        self.chosen: set[str] = set(current) if current else set()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Review these labels", classes="dialog-title")
            yield Label("", id="labels-chosen")
            yield Label("1–8: toggle a label · 0: all · enter: apply · escape: cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        # Textual calls _Dialog.on_mount too (every class's handler): it makes the dialog ready.
        self._show()

    def _show(self) -> None:
        text = Text()
        for n, label in enumerate(LABELS, start=1):
            on = not self.chosen or label in self.chosen
            text.append(f"[{'x' if on else ' '}] {n} {label}  ", style="bold" if on else "dim")
            if n == 4:
                text.append("\n")
        self.query_one("#labels-chosen", Label).update(text)

    def action_toggle_label(self, index: int) -> None:
        self.chosen ^= {LABELS[index]}
        self._show()

    def action_all(self) -> None:
        self.chosen = set()
        self._show()

    def action_apply(self) -> None:
        self.dismiss(frozenset(self.chosen or LABELS))


class HintPrompt(_Dialog):
    """Type a jump label drawn over the text (``j``); returns (label, select), or None on escape.

    Transparent and one line high at the bottom, so the labels in the text stay readable.
    """

    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, labels: set[str], on_prefix: Any = None) -> None:
        super().__init__()
        self.labels = labels
        self.on_prefix = on_prefix
        self.typed = ""

    def compose(self) -> ComposeResult:
        yield Label("jump: type the letters shown on the text (last one in capitals: select there too) · esc")

    def take_key(self, event: Any) -> bool:
        """Every key is the prompt's: a letter of a label, escape, or nothing."""
        if event.key == "escape":
            self.dismiss(None)
            return True
        char = event.character or ""
        if len(char) != 1 or not char.isascii() or not char.isalpha():
            return True
        typed = self.typed + char.lower()
        if typed in self.labels:
            # The last letter in upper case jumps and selects there, as v would.
            self.dismiss((typed, char.isupper()))
        elif any(label.startswith(typed) for label in self.labels):
            self.typed = typed
            if self.on_prefix is not None:
                self.on_prefix(typed)
        return True

    def on_key(self, event: Any) -> None:
        # Without the app's key order (a bare Textual app), keys come here.
        event.stop()
        event.prevent_default()
        self.take_key(event)


class NumberValidator(Validator):
    """A FIGURE value: empty, or a finite decimal number."""

    def validate(self, value: str) -> ValidationResult:
        try:
            parse_value(value)
        except ValueError:
            return self.failure(f"not a number: {value!r}")
        return self.success()


def parse_value(value: str) -> int | float | None:
    """The number in the value field, as int when whole; empty is None; else ValueError."""
    value = value.strip().replace(",", "")
    if not value:
        return None
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(value)
    return int(number) if number.is_integer() else number


class AttributeForm(_Dialog):
    """Edit value, unit, approx and metric; refuses a value that is not a number."""

    BINDINGS: ClassVar[list[BindingType]] = [
        CANCEL,
        Binding("ctrl+s", "save", "save", show=False),
        Binding("enter", "save_from_approx", show=False, priority=True),
    ]

    def __init__(self, attrs: dict[str, Any], span_text: str, *, top: bool = False) -> None:
        super().__init__()
        self.attrs = attrs
        self.span_text = span_text
        # Docked at the top or bottom edge, away from the sentence being read.
        self.add_class("dock-top" if top else "dock-bottom")

    def compose(self) -> ComposeResult:
        value = self.attrs.get("value")
        approx = self.attrs.get("approx")
        with Vertical(classes="dialog"):
            yield Label(Text("Attributes of “") + Text(visible(self.span_text)) + Text("”"), classes="dialog-title")
            with Horizontal(classes="field"):
                yield Label("value", classes="field-name")
                yield Input(
                    "" if value is None else _plain(value), id="value", validators=[NumberValidator()], compact=True
                )
            with Horizontal(classes="field"):
                yield Label("unit", classes="field-name")
                yield DataInput(str(self.attrs.get("unit") or ""), id="unit", compact=True)
            with Horizontal(classes="field"):
                yield Label("approx", classes="field-name")
                yield Select(
                    [(a, a) for a in APPROX],
                    value=approx if approx in APPROX else Select.NULL,
                    id="approx",
                    prompt="—",
                    compact=True,
                )
            with Horizontal(classes="field"):
                yield Label("metric", classes="field-name")
                yield DataInput(str(self.attrs.get("metric") or ""), id="metric", compact=True)
            yield Label("", id="error", classes="dialog-error")
            with Horizontal(classes="buttons"):
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
            yield Label("enter: save · tab: next field · space: approx list · escape: cancel", classes="dialog-hint")

    def first_focus(self) -> Widget | None:
        return self.query_one("#value", Input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save_from_approx":
            # Enter saves from any field, as the hint says, at once (a key typed after it must
            # not reach a field); in the open approx list it picks the option instead.
            return not self.query_one("#approx", Select).expanded
        return True

    def action_save_from_approx(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        raw = self.query_one("#value", Input).value
        try:
            value = parse_value(raw)
        except ValueError:
            self.query_one("#error", Label).update(
                Text(visible(f"Not a number: {raw}. Write digits, e.g. 933500 or 93.5."))
            )
            self.query_one("#value", Input).focus()
            return
        approx = self.query_one("#approx", Select).value
        attrs = dict(self.attrs)
        attrs.update(
            value=value,
            unit=self.query_one("#unit", Input).value.strip(),
            approx=approx if isinstance(approx, str) else None,
            metric=self.query_one("#metric", Input).value.strip(),
        )
        self.dismiss(attrs)

    @on(Button.Pressed, "#cancel")
    def cancelled(self) -> None:
        self.dismiss(None)


def _plain(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class TextPrompt(_Dialog):
    """One line of input: a tag (completed from existing tags) or a search."""

    BINDINGS: ClassVar[list[BindingType]] = [CANCEL, Binding("enter", "submit", show=False, priority=True)]

    def __init__(self, title: str, value: str = "", suggestions: list[str] | None = None, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.suggestions = suggestions or []
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(visible(self.title_text)), classes="dialog-title")
            # A suggestion is drawn as typed text: one holding control characters (a tag from
            # another copy) is offered with them made visible.
            shown = [visible(s) for s in self.suggestions]
            suggester = SuggestFromList(shown, case_sensitive=False) if shown else None
            yield DataInput(self.value, id="prompt", suggester=suggester, compact=True)
            yield Label(self.hint or "enter: done · escape: cancel", classes="dialog-hint")

    def first_focus(self) -> Widget | None:
        return self.query_one(Input)

    def action_submit(self) -> None:
        value = self.query_one(Input).value.strip()
        self.dismiss(value or None)


@dataclass(frozen=True)
class SectionChoice:
    index: int
    heading: str
    kind: str
    pending: int


class GoToSection(_Dialog):
    """Pick a section by its heading; typing filters the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        CANCEL,
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
        Binding("enter", "submit", show=False, priority=True),
    ]

    def __init__(self, choices: list[SectionChoice], current: int) -> None:
        super().__init__()
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("Go to section", classes="dialog-title")
            yield Input(placeholder="type part of a heading", id="filter", compact=True)
            yield OptionList(id="sections")
            yield Label("↑↓: choose · enter: go · escape: cancel", classes="dialog-hint")

    def first_focus(self) -> Widget | None:
        self._fill("")
        self.query_one(OptionList).highlighted = next(
            (i for i, c in enumerate(self._shown) if c.index == self.current), 0
        )
        return self.query_one("#filter", Input)

    def _fill(self, needle: str) -> None:
        self._shown = [c for c in self.choices if needle in c.heading]
        options = []
        for choice in self._shown:
            prompt = Text(f"{choice.index + 1:>2} ")
            skipped = choice.kind in SKIPPED_KINDS  # a table is reviewed like the body, and named
            prompt.append(visible(choice.heading) or "(no heading)", style="dim" if skipped else "")
            if choice.kind != "body":
                prompt.append(f"  {choice.kind}", style="italic dim" if skipped else "italic")
            if choice.pending:
                prompt.append(f"  {choice.pending} pending", style="bold")
            options.append(Option(prompt))
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options(options)
        if options:
            option_list.highlighted = 0

    @on(Input.Changed, "#filter")
    def filtered(self, event: Input.Changed) -> None:
        self._fill(event.value.strip())

    def action_move(self, delta: int) -> None:
        option_list = self.query_one(OptionList)
        if option_list.option_count:
            current = option_list.highlighted or 0
            option_list.highlighted = min(max(current + delta, 0), option_list.option_count - 1)

    def action_submit(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None and self._shown:
            self.dismiss(self._shown[highlighted].index)

    @on(OptionList.OptionSelected, "#sections")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._shown[event.option_index].index)


class Confirm(_Dialog):
    """A question answered by one key: ``choices`` maps a key to the value dismissed with
    (y and n by default); escape is no. The question may quote report text: never markup."""

    def __init__(self, question: str, choices: dict[str, str] | None = None, hint: str = "") -> None:
        super().__init__()
        self.question = question
        self.choices = choices or {"y": "yes", "n": ""}
        self.hint = hint or " · ".join(f"{k}: {v or 'no'}" for k, v in self.choices.items())

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(visible(self.question)), classes="dialog-title")
            yield Label(Text(visible(self.hint)), classes="dialog-hint")

    def take_key(self, event: Any) -> bool:
        if event.key in self.choices:
            self.dismiss(self.choices[event.key] or None)
            return True
        return False

    def on_key(self, event: Any) -> None:
        # Without the app's key order (a bare Textual app), keys come here.
        if self.take_key(event):
            event.stop()


class Choice(_Dialog):
    """Choose one of a few strings (a span's tags to remove); returns it, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [CANCEL, Binding("enter", "choose", show=False, priority=True)]

    def __init__(self, title: str, options: list[str], hint: str = "enter: choose · escape: cancel") -> None:
        super().__init__()
        self.title_text = title
        self.options = options
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(visible(self.title_text)), classes="dialog-title")
            yield OptionList(*(Option(Text(visible(o)), id=str(i)) for i, o in enumerate(self.options)), id="choices")
            yield Label(self.hint, classes="dialog-hint")

    def first_focus(self) -> Widget | None:
        return self.query_one(OptionList)

    def action_choose(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None:
            self.dismiss(self.options[highlighted])

    @on(OptionList.OptionSelected, "#choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.options[int(event.option.id or 0)])


class DocumentForm(_Dialog):
    """Correct a report's title, organisation and year. ``save(values, answered)`` hands the
    values to be stored and calls ``answered`` once they are, with an error message or None:
    a refused year (not a number, or outside what the store takes) keeps the form open with
    the message."""

    BINDINGS: ClassVar[list[BindingType]] = [
        CANCEL,
        Binding("ctrl+s", "save", "save", show=False),
        Binding("enter", "save", show=False, priority=True),
    ]

    def __init__(
        self,
        title: str,
        organisation: str,
        year: int | None,
        save: Callable[[dict[str, Any], Callable[[str | None], None]], None],
    ) -> None:
        super().__init__()
        self.values = (title, organisation, "" if year is None else str(year))
        self.save = save

    def compose(self) -> ComposeResult:
        title, organisation, year = self.values
        with Vertical(classes="dialog"):
            yield Label("Report", classes="dialog-title")
            for name, value in (("title", title), ("organisation", organisation), ("year", year)):
                with Horizontal(classes="field"):
                    yield Label(name, classes="field-name")
                    yield DataInput(value, id=f"doc-{name}", compact=True)
            yield Label("", id="error", classes="dialog-error")
            yield Label("enter: save · tab: next field · empty year: none · escape: cancel", classes="dialog-hint")

    def first_focus(self) -> Widget | None:
        return self.query_one("#doc-title", Input)

    def refuse(self, message: str) -> None:
        self.query_one("#error", Label).update(Text(visible(message)))
        self.query_one("#doc-year", Input).focus()

    def action_save(self) -> None:
        raw = self.query_one("#doc-year", Input).value.strip()
        year: int | None = None
        if raw:
            if not raw.isascii() or not raw.isdigit():
                self.refuse(f"Not a year: {raw}. Write four digits, e.g. 2023, or leave it empty.")
                return
            year = int(raw)
        values = {
            "title": self.query_one("#doc-title", Input).value,
            "organisation": self.query_one("#doc-organisation", Input).value,
            "year": year,
        }
        self.save(values, lambda error: self.answered(values, error))

    def answered(self, values: dict[str, Any], error: str | None) -> None:
        """The store's answer: stored (the form closes), or refused (it stays, saying why)."""
        if not self.is_attached:
            return
        if error:
            self.refuse(error)
            return
        self.dismiss(values)
