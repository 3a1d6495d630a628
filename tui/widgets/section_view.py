"""The text of one section with its spans highlighted, a current span, a cursor and a selection.

A line-API widget (like toolong's log lines): the section is wrapped once per width into
visual lines of code-point ranges, and each visible line is rendered to a ``Strip`` on
demand and cached. A decision restyles only the lines its span touches, so confirming a
span in a section of hundreds of spans repaints a handful of lines, not the section.

Report text is data. It is never parsed as markup: characters go into ``Segment``
objects as they are, and control characters are drawn as their visible Unicode
"control pictures" (ESC as ␛), one cell each, so offsets map 1:1 to characters.

Under a section shorter than the view, the rows it leaves show the sections after it: a
preview, dim and read-only. The rule is document order: the next sections as the report
has them, captions and boilerplate too (their heading names their kind, as the reader's
heading does), whatever ``b`` says; a reviewer sees what the report goes on to,
and ``]`` still skips what it skips. Each starts with a heading line (``§5 聚焦中心大局 ───``)
and is wrapped by ``wrap`` at the view's width; its spans keep their label's colour
(pending underlined, rejected struck), dimmed, never current, no cursor, selection or
jump labels. The preview never scrolls: ``virtual_size`` is the current section's lines,
so a section longer than the view scrolls as it did and has no preview. Only the rows
left are filled, and only as many sections are read and wrapped as fill them (the
sections come from an iterable, read lazily); a new section, a new width and a new
height fill them again. A click on a span there is ``SpanClicked`` (the reader moves
there, section and all); a click elsewhere in a section there is ``SectionClicked``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pizhu.extract.models import LABELS
from pizhu.store.display import visible
from pizhu.store.records import PENDING, REJECTED, REMOVED, SpanView
from pizhu.tui.model import PreviewSection, skipped_note
from pizhu.tui.text import cell_width, hide_markup, offset_at, strip_markup_heading, wrap


def _runs(chars: Sequence[str], styles: list[Style | None], base_style: Style) -> list[Segment]:
    """One segment per run of characters drawn alike: ``base_style`` and the run's style over it."""
    segments: list[Segment] = []
    run_start = 0
    for k in range(1, len(chars) + 1):
        if k == len(chars) or styles[k] is not styles[run_start]:
            style = styles[run_start]
            segments.append(Segment("".join(chars[run_start:k]), base_style + style if style else base_style))
            run_start = k
    return segments


@dataclass
class _Previewed:
    """A following section as the preview draws it: heading, and as many lines as fit."""

    section: PreviewSection
    heading: str
    note: str
    text: str
    lines: list[tuple[int, int]]
    spans: list[SpanView]


class SectionView(ScrollView, can_focus=True):
    """One section's text; offsets given to it are document offsets."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"section-view--{label.lower()}" for label in LABELS),
        "section-view--pending",
        "section-view--rejected",
        "section-view--current",
        "section-view--caret",
        "section-view--selection",
        "section-view--match",
        "section-view--skipped",
        "section-view--uncertain",
        "section-view--abut",
        "section-view--hint",
        "section-view--preview",
        "section-view--preview-heading",
        "section-view--preview-note",
    }

    DEFAULT_CSS = """
    SectionView { overflow-y: scroll; overflow-x: hidden; scrollbar-size-vertical: 1; }
    """

    @dataclass
    class SpanClicked(Message):
        """The reader clicked a span with the mouse."""

        section_view: SectionView
        span_id: int

    @dataclass
    class CaretClicked(Message):
        """The reader clicked text outside any span: the cursor goes there."""

        section_view: SectionView
        offset: int

    @dataclass
    class SectionClicked(Message):
        """The reader clicked a following section in the preview outside its spans (``offset``: where)."""

        section_view: SectionView
        section: int
        offset: int

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = ""
        self._base = 0
        self._skipped = False
        self._spans: dict[int, SpanView] = {}
        self._order: list[int] = []
        self._abutting: set[int] = set()
        self._hints: dict[int, str] = {}
        self._uncertain: list[tuple[int, int]] = []
        self._hint_cover: dict[int, str] = {}  # offset → the label cells drawn over that character
        self._shown_to = 0
        self._current: int | None = None
        self._caret: int | None = None
        self._anchor: int | None = None
        self._match: tuple[int, int] | None = None
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._line_spans: list[list[int]] = []
        self._wrapped_width = -1
        self._strips: dict[int, Strip] = {}
        self._styles: dict[tuple[str, str, bool], Style] = {}
        self._following: Iterable[PreviewSection] | None = None
        self._preview: list[tuple[_Previewed, int]] = []  # a row: the section and its line (-1: heading)
        self._preview_for: tuple[int, int] | None = None  # the width and the rows it was made for

    # --- what is shown ----------------------------------------------------------------

    def load(
        self,
        text: str,
        base: int,
        spans: list[SpanView],
        *,
        skipped: bool = False,
        current: int | None = None,
        following: Iterable[PreviewSection] | None = None,
        uncertain: list[tuple[int, int]] | None = None,
    ) -> None:
        """Show a new section (``text`` is the section's slice, starting at ``base``).

        ``following``: the sections after it, for the rows it leaves (read lazily, and again
        whenever the view's size changes; see the module docstring). ``uncertain``: document
        (start, end) of words OCR was unsure of, drawn dim (sorted by start).
        """
        self._uncertain = uncertain or []
        self._text = hide_markup(visible(text))
        self._base = base
        self._skipped = skipped
        self._spans = {s.id: s for s in spans if s.status != REMOVED}
        self._current = current
        self._caret = self._anchor = None
        self._match = None
        self._hints, self._hint_cover = {}, {}
        self._shown_to = base  # how far into the section the screen has drawn its lines
        self._wrapped_width = -1
        self._following = following
        self._preview, self._preview_for = [], None  # until laid out, no preview of the last one
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._relayout()

    @property
    def current(self) -> int | None:
        return self._current

    @property
    def caret(self) -> int | None:
        return self._caret

    @property
    def match(self) -> tuple[int, int] | None:
        return self._match

    @property
    def selection_anchor(self) -> int | None:
        return self._anchor

    @property
    def base(self) -> int:
        return self._base

    @property
    def end(self) -> int:
        return self._base + len(self._text)

    @property
    def lines(self) -> list[tuple[int, int]]:
        return self._lines

    def all_shown(self) -> bool:
        """Whether every line of the section has been drawn on the screen since it was opened
        (a section longer than the screen: once the reviewer has scrolled to its end)."""
        last = self._base + self._lines[-1][1] if self._lines else self._base
        return bool(self._lines) and self._shown_to >= last

    def line_text(self, index: int) -> str:
        """A visual line as drawn (for tests: assert what a reader sees, not SVG)."""
        start, end = self._lines[index]
        return self._text[start:end]

    @property
    def preview_rows(self) -> int:
        """How many rows under the section the preview fills (none under a section that fills the view)."""
        return len(self._preview)

    def preview_text(self, row: int) -> str:
        """A preview row as drawn, heading or text (for tests, like ``line_text``)."""
        shown, line = self._preview[row]
        if line < 0:
            return shown.heading + shown.note
        start, end = shown.lines[line]
        return shown.text[start:end]

    def preview_section(self, row: int) -> int:
        """The index in the document of the section a preview row belongs to."""
        return self._preview[row][0].section.index

    def preview_line(self, row: int) -> tuple[int, int] | None:
        """The document range a preview row shows; None for a heading row."""
        shown, line = self._preview[row]
        if line < 0:
            return None
        start, end = shown.lines[line]
        return shown.section.base + start, shown.section.base + end

    def preview_row_of(self, offset: int) -> int | None:
        """The preview row that shows a document offset, if one does."""
        for row in range(len(self._preview)):
            line = self.preview_line(row)
            if line is not None and line[0] <= offset < line[1]:
                return row
        return None

    def set_current(self, span_id: int | None, *, scroll: bool = True) -> None:
        old = self._current
        self._current = span_id
        for sid in (old, span_id):
            if sid is not None and sid in self._spans:
                self._invalidate_span(self._spans[sid])
        if scroll and span_id is not None and span_id in self._spans:
            self.scroll_to_offset(self._spans[span_id].start, self._spans[span_id].end)

    def update_spans(self, changed: list[SpanView]) -> None:
        """Restyle spans whose state changed; new, moved and removed spans are re-mapped."""
        relink = previewed = False
        for span in changed:
            old = self._spans.get(span.id)
            if old is not None:
                self._invalidate_span(old)
            previewed = previewed or span.start >= self.end
            if span.status == REMOVED or not self._base <= span.start < self.end:
                if self._spans.pop(span.id, None) is not None:
                    relink = True
                continue
            self._spans[span.id] = span
            if old is None or (old.start, old.end) != (span.start, span.end):
                relink = True
            self._invalidate_span(span)
        if relink:
            self._link_spans()
        if previewed and self._preview:
            # A span in a section previewed below (a bulk action): the preview is drawn again.
            self._preview_for = None
            self._relayout()

    def set_caret(self, offset: int | None, *, scroll: bool = True) -> None:
        old = self._caret
        self._caret = None if offset is None else min(max(offset, self._base), self.end)
        self._invalidate_range(old, old)
        self._invalidate_range(self._caret, self._caret)
        if self._anchor is not None:
            self._invalidate_range(min(self._anchor, old or 0), max(self._anchor, old or 0))
            self._invalidate_range(min(self._anchor, self._caret or 0), max(self._anchor, self._caret or 0))
        if scroll and self._caret is not None:
            self.scroll_to_offset(self._caret, self._caret + 1)

    def set_anchor(self, offset: int | None) -> None:
        """Start (an offset) or end (None) a selection from ``offset`` to the cursor."""
        if self._anchor is not None and self._caret is not None:
            self._invalidate_range(min(self._anchor, self._caret), max(self._anchor, self._caret))
        self._anchor = offset

    def selection(self) -> tuple[int, int] | None:
        """The selected document range between the anchor and the cursor, end exclusive.

        The cursor sits before the character it is drawn on, so neither the anchor's
        nor the cursor's character is forced into the selection.
        """
        if self._anchor is None or self._caret is None or self._anchor == self._caret:
            return None
        start, end = sorted((self._anchor, self._caret))
        return start, end

    def set_match(self, match: tuple[int, int] | None) -> None:
        for old in (self._match, match):
            if old is not None:
                self._invalidate_range(*old)
        self._match = match
        if match is not None:
            self.scroll_to_offset(*match)

    def visible_range(self) -> tuple[int, int]:
        """The document offsets of the lines on screen."""
        if not self._lines:
            return self._base, self._base
        top = self.scroll_offset.y
        last = min(top + max(self.scrollable_content_region.height, 1), len(self._lines)) - 1
        return self._base + self._lines[top][0], self._base + self._lines[max(last, top)][1]

    def set_hints(self, hints: dict[int, str]) -> None:
        """Draw jump labels for these document offsets (empty: none).

        A label is drawn beside the character it points at, never over it: over the
        characters just before it on its line, or else just after it in its word, never over
        another place with a label; only where neither has room, over the place itself."""
        for offset in (*self._hint_cover, *hints):
            self._invalidate_range(offset, offset + 1)
        self._hints = dict(hints)
        self._hint_cover = self._label_cells(self._hints)
        for offset in self._hint_cover:
            self._invalidate_range(offset, offset + 1)

    def crowded(self, hints: dict[int, str]) -> set[int]:
        """The places among these labelled ones whose label finds no room beside them (it would
        be drawn over the place itself): the reader gives those no label."""
        return self._place(hints)[1]

    def _label_cells(self, hints: dict[int, str]) -> dict[int, str]:
        return self._place(hints)[0]

    def _place(self, hints: dict[int, str]) -> tuple[dict[int, str], set[int]]:
        """Document offset → what is drawn in that character's cells while labels are shown;
        and the places whose label found no room beside them (drawn over the place itself)."""
        base = self._base
        cover: dict[int, str] = {}
        crowded: set[int] = set()
        for at in sorted(hints):
            label = hints[at]
            if not self._lines or not base <= at < self.end:
                continue
            line_start, line_end = self._lines[self.line_of(at)]
            line_start, line_end = base + line_start, base + line_end
            nxt = min((h for h in hints if h > at), default=line_end)
            chars = self._room(range(at - 1, line_start - 1, -1), len(label), hints, cover) or self._room(
                range(at + 1, min(nxt, line_end)), len(label), hints, cover
            )
            if chars is None:
                chars = [at]
                crowded.add(at)
            rest = label
            for offset in chars:
                width = cell_width(self._text[offset - base])
                cover[offset], rest = rest[:width].ljust(width), rest[width:]
        return cover, crowded

    def _room(self, offsets: range, cells: int, hints: dict[int, str], cover: dict[int, str]) -> list[int] | None:
        """The first characters along ``offsets`` that give ``cells`` cells, none of them a
        place or under another label; None when there are not enough."""
        taken, room = [], 0
        for offset in offsets:
            char = self._text[offset - self._base]
            if offset in hints or offset in cover or char == "\n":
                return None
            taken.append(offset)
            room += cell_width(char)
            if room >= cells:
                return sorted(taken)
        return None

    def line_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self._line_starts, offset - self._base) - 1, 0)

    def offset_on_line(self, offset: int, delta: int) -> int:
        """The document offset ``delta`` visual lines away at about the same column."""
        line = self.line_of(offset)
        start, _end = self._lines[line]
        column = sum(cell_width(c) for c in self._text[start : offset - self._base])
        target = min(max(line + delta, 0), len(self._lines) - 1)
        return self._base + self._offset_at_cell(target, column)

    def line_target(self, motion: str, offset: int) -> int:
        """Where a line key (``up``, ``down``, ``line_start``, ``line_end``) takes the cursor
        from ``offset``, by the lines the text is drawn on."""
        if not self._lines:
            return offset
        if motion in ("up", "down"):
            return self.offset_on_line(offset, -1 if motion == "up" else 1)
        start, end = self._lines[self.line_of(offset)]
        return self._base + (start if motion == "line_start" else end)

    def scroll_to_offset(self, start: int, end: int) -> None:
        if not self._lines:
            return
        first, last = self.line_of(start), self.line_of(max(end - 1, start))
        height = max(self.scrollable_content_region.height, 1)
        top = self.scroll_offset.y
        if first >= top and last < top + height:
            return
        # Leave a few lines of context above: a reviewer reads the sentence around it.
        self.scroll_to(y=max(min(first - height // 3, len(self._lines) - height), 0), animate=False, immediate=True)

    # --- layout -----------------------------------------------------------------------

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            # Not laid out yet: nothing is drawn until it is (on_resize wraps then); the lines
            # of a section shown before must not be drawn with this one's spans.
            self._lines, self._line_starts, self._line_spans = [], [], []
            self._wrapped_width = -1
            return
        if width != self._wrapped_width:
            self._wrapped_width = width
            self._lines = wrap(self._text, width)
            self._line_starts = [start for start, _ in self._lines]
            self._link_spans()
        self.virtual_size = Size(width, len(self._lines))
        self._layout_preview(width)
        self._strips.clear()
        self.refresh()

    def _layout_preview(self, width: int) -> None:
        """Fill the rows under the section with the sections after it, reading only those that fit."""
        rows = max(self.scrollable_content_region.height - len(self._lines), 0)
        if self._preview_for == (width, rows):
            return
        self._preview_for = (width, rows)
        self._preview = []
        if self._following is None or rows == 0:
            return
        sections = iter(self._following)
        while len(self._preview) < rows:
            section = next(sections, None)
            if section is None:
                break
            shown = self._previewed(section, width, rows - len(self._preview) - 1)
            self._preview.append((shown, -1))
            self._preview.extend((shown, line) for line in range(len(shown.lines)))
        del self._preview[rows:]

    def _previewed(self, section: PreviewSection, width: int, rows: int) -> _Previewed:
        # Only the start of a long section is drawn and wrapped, a prefix at a time: a line
        # short of the prefix's end is as the whole text would wrap it (only the last can differ).
        size = (rows + 1) * width * 2
        while True:
            whole = size >= len(section.text)
            text = hide_markup(visible(section.text if whole else section.text[:size]))
            if rows <= 0 or not text.strip():
                lines = []
            else:
                lines = wrap(text, width, limit=rows if whole else rows + 1)
            if whole or len(lines) > rows:
                break
            size *= 4
        lines = lines[:rows]
        note = skipped_note(section.kind)
        heading = f"§{section.index + 1} {visible(strip_markup_heading(section.heading))}"
        # The spans on the lines drawn: a long section's others are never looked at again.
        shown_end = section.base + (lines[-1][1] if lines else 0)
        spans = [s for s in section.spans if s.status != REMOVED and s.start < shown_end]
        return _Previewed(section, heading, note, text, lines, spans)

    def _link_spans(self) -> None:
        self._order = sorted(self._spans, key=lambda i: (self._spans[i].start, -self._spans[i].end, i))
        # Spans that start right where one of the same label ends: drawn with an edge.
        ends = {(self._spans[i].end, self._spans[i].label) for i in self._order}
        self._abutting = {i for i in self._order if (self._spans[i].start, self._spans[i].label) in ends}
        self._line_spans = [[] for _ in self._lines]
        for sid in self._order:
            span = self._spans[sid]
            for line in range(self.line_of(span.start), self.line_of(max(span.end - 1, span.start)) + 1):
                self._line_spans[line].append(sid)
        self._strips.clear()
        self.refresh()

    def on_resize(self, _event: events.Resize) -> None:
        current_line = self.line_of(self._spans[self._current].start) if self._current in self._spans else None
        self._relayout()
        if current_line is not None and self._current is not None:
            span = self._spans[self._current]
            self.scroll_to_offset(span.start, span.end)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    def _invalidate_span(self, span: SpanView) -> None:
        self._invalidate_range(span.start, span.end)

    def _invalidate_range(self, start: int | None, end: int | None) -> None:
        if start is None or end is None or not self._lines:
            return
        first, last = self.line_of(start), self.line_of(max(end - 1, start))
        for line in range(first, last + 1):
            self._strips.pop(line, None)
        self.refresh_lines(first, last - first + 1)

    # --- rendering --------------------------------------------------------------------

    def _style(self, label: str, status: str, current: bool) -> Style:
        key = (label, status, current)
        style = self._styles.get(key)
        if style is None:
            style = self.get_component_rich_style(f"section-view--{label.lower()}", partial=True)
            if status == PENDING:
                style += self.get_component_rich_style("section-view--pending", partial=True)
            elif status == REJECTED:
                style += self.get_component_rich_style("section-view--rejected", partial=True)
            if current:
                style += self.get_component_rich_style("section-view--current", partial=True)
            self._styles[key] = style
        return style

    def _overlay(self, name: str) -> Style:
        key = (name, "", False)
        style = self._styles.get(key)
        if style is None:
            style = self.get_component_rich_style(f"section-view--{name}", partial=True)
            self._styles[key] = style
        return style

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base_style = self.rich_style
        if width > 0 and 0 <= index - len(self._lines) < len(self._preview):
            strip = self._strips.get(index)
            if strip is None:
                strip = self._render_preview(index - len(self._lines), width, base_style)
                self._strips[index] = strip
            return strip
        if self._skipped:
            base_style += self._overlay("skipped")
        if index >= len(self._lines) or width <= 0:
            return Strip.blank(width, base_style)
        # What has been on the screen: the section from its top (where it opens) to here.
        self._shown_to = max(self._shown_to, self._base + self._lines[index][1])
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_strip(index, width, base_style)
            self._strips[index] = strip
        return strip

    def _render_strip(self, index: int, width: int, base_style: Style) -> Strip:
        start, end = self._lines[index]
        text = self._text
        base = self._base
        styles: list[Style | None] = [None] * (end - start)
        for sid in self._line_spans[index]:
            span = self._spans[sid]
            status = span.status if span.status in (PENDING, REJECTED) else ""
            style = self._style(span.label, status, sid == self._current)
            if sid in self._abutting:
                style = style + self._overlay("abut")
            for k in range(max(span.start - base, start) - start, min(span.end - base, end) - start):
                styles[k] = style
        overlays: list[tuple[int, int, Style]] = []
        if self._match is not None:
            overlays.append((self._match[0] - base, self._match[1] - base, self._overlay("match")))
        selection = self.selection()
        if selection is not None:
            overlays.append((selection[0] - base, selection[1] - base, self._overlay("selection")))
        caret_after = False
        if self._caret is not None:
            caret = self._caret - base
            if caret == end and (caret >= len(text) or text[caret] == "\n"):
                caret_after = True
            else:
                overlays.append((caret, caret + 1, self._overlay("caret")))
        if self._uncertain:
            # Words OCR was unsure of: dim under whatever else is drawn there.
            dim = self._overlay("uncertain")
            first = bisect.bisect_left(self._uncertain, (base + start - 64, 0))
            for u_start, u_end in self._uncertain[first:]:
                if u_start - base >= end:
                    break
                for k in range(max(u_start - base, start) - start, min(u_end - base, end) - start):
                    styles[k] = (styles[k] or Style()) + dim
        for o_start, o_end, o_style in overlays:
            for k in range(max(o_start, start) - start, min(o_end, end) - start):
                styles[k] = (styles[k] or Style()) + o_style
        chars = list(text[start:end])
        if self._hint_cover:
            hint_style = self._overlay("hint")
            for offset, shown in self._hint_cover.items():
                k = offset - base - start
                if 0 <= k < len(chars):
                    chars[k] = shown
                    styles[k] = (styles[k] or Style()) + hint_style
        segments = _runs(chars, styles, base_style)
        if caret_after:
            segments.append(Segment(" ", base_style + self._overlay("caret")))
        return Strip(segments).extend_cell_length(width, base_style).crop(0, width)

    def _render_preview(self, row: int, width: int, base_style: Style) -> Strip:
        shown, line = self._preview[row]
        base_style = base_style + self._overlay("preview")
        if line < 0:
            return self._render_preview_heading(shown, width, base_style)
        start, end = shown.lines[line]
        offset = shown.section.base
        styles: list[Style | None] = [None] * (end - start)
        for span in shown.spans:
            if span.end - offset <= start or span.start - offset >= end:
                continue
            status = span.status if span.status in (PENDING, REJECTED) else ""
            # The label's colour, and the preview's dim over it: what is proposed next, not what is current.
            style = self._style(span.label, status, False) + self._overlay("preview")
            for k in range(max(span.start - offset, start) - start, min(span.end - offset, end) - start):
                styles[k] = style
        segments = _runs(shown.text[start:end], styles, base_style)
        return Strip(segments).extend_cell_length(width, base_style).crop(0, width)

    def _render_preview_heading(self, shown: _Previewed, width: int, base_style: Style) -> Strip:
        segments = [Segment(shown.heading, base_style + self._overlay("preview-heading"))]
        if shown.note:
            segments.append(Segment(shown.note, base_style + self._overlay("preview-note")))
        # A rule to the edge: where a section starts is plain even where dim is not drawn.
        rest = width - sum(segment.cell_length for segment in segments)
        if rest > 1:
            segments.append(Segment(" " + "─" * (rest - 1), base_style))
        return Strip(segments).extend_cell_length(width, base_style).crop(0, width)

    # --- mouse ------------------------------------------------------------------------

    def _offset_at_cell(self, line: int, column: int) -> int:
        start, end = self._lines[line]
        return offset_at(self._text, start, end, column)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._lines:
            return
        line = self.scroll_offset.y + offset.y
        if line >= len(self._lines):
            self._click_preview(line - len(self._lines), offset.x)
            return
        position = self._base + self._offset_at_cell(line, offset.x)
        hits = [self._spans[s] for s in self._line_spans[line] if self._spans[s].start <= position < self._spans[s].end]
        if hits and self._anchor is None:
            # The innermost span: the one a reviewer is pointing at where spans nest.
            self.post_message(self.SpanClicked(self, min(hits, key=lambda s: s.end - s.start).id))
        else:
            self.post_message(self.CaretClicked(self, position))

    def _click_preview(self, row: int, column: int) -> None:
        # A selection stays in its section: a click in the preview does nothing then.
        if not 0 <= row < len(self._preview) or self._anchor is not None:
            return
        shown, line = self._preview[row]
        section = shown.section
        if line < 0:
            self.post_message(self.SectionClicked(self, section.index, section.base))
            return
        start, end = shown.lines[line]
        position = section.base + offset_at(shown.text, start, end, column)
        hits = [s for s in shown.spans if s.start <= position < s.end]
        if hits:
            self.post_message(self.SpanClicked(self, min(hits, key=lambda s: s.end - s.start).id))
        else:
            self.post_message(self.SectionClicked(self, section.index, position))
