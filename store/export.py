"""Export the gold standard: JSONL, spaCy DocBin, character BIO (CoNLL), a figures CSV, brat.

JSONL is one JSON object per document with code-point offsets.

Only finished reports are exported by default (``store.progress``: every candidate
decided, captions and boilerplate too; resolved, in the gold view): an export holds every
report as if finished, so a report half reviewed must not go out as if its undecided
text named nothing. ``unfinished`` (and ``include_all``) adds the others, each record ``done: false`` with
each section's ``done``; in the flat taggings (BIO, the spaCy DocBin) the text of an
unfinished section is then a missing value (``-``), never ``O``, except where a gold span
stands.

Spans are taken from the gold view (``store.review``'s gold policy), or from one
reviewer's view with ``reviewer=``. A record's ``spans`` holds the gold spans only
(confirmed, corrected, added); ``include_all`` adds the rest under their own keys:
``candidates`` (pending), ``disputed`` (with each reviewer's ``versions``) and
``rejected``, each span with its ``status``.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypedDict, cast, overload

from pizhu.extract.models import APPROX, LABELS
from pizhu.store import fileio, progress
from pizhu.store.db import Store
from pizhu.store.errors import ExportError
from pizhu.store.records import (
    ADDED,
    CONFIRMED,
    CORRECTED,
    DISPUTED,
    GOLD_STATUSES,
    PENDING,
    REJECTED,
    REMOVED,
    SpanView,
    StoredDocument,
    is_adjudicator,
)


@dataclass(frozen=True)
class ExportFilter:
    include_all: bool = False
    reviewer: str | None = None
    labels: tuple[str, ...] = ()
    documents: tuple[int, ...] = ()
    raw_offsets: bool = False
    unfinished: bool = False
    """Also reports not finished (``store.progress``), marked ``done: false``."""

    @property
    def every_report(self) -> bool:
        """Unfinished reports too: asked for, or implied by ``include_all`` (which asks for
        the pending candidates, and a finished report has none)."""
        return self.unfinished or self.include_all


class _GoldSpanFields(TypedDict):
    start: int
    end: int
    label: str
    text: str
    value: Any
    unit: Any
    approx: Any
    metric: Any
    tags: list[str]
    status: str
    origin: str
    source: str
    rule: str
    reviewers: list[str]
    adjudicator: str | None
    decided_at: str | None
    page: int | None


class GoldSpan(_GoldSpanFields, total=False):
    """One exported span (every format is written from these): code-point offsets into the
    record's ``text``; ``normalized_text`` with raw offsets; ``versions`` on a disputed span."""

    normalized_text: str
    versions: dict[str, dict[str, Any]]


class GoldSection(TypedDict):
    start: int
    end: int
    heading: str
    kind: str
    pages: list[int]
    done: bool


class _GoldRecordFields(TypedDict):
    id: int
    source: str
    title: str
    organisation: str
    year: int | None
    date: str | None
    done: bool
    text: str
    sections: list[GoldSection]
    spans: list[GoldSpan]


class GoldRecord(_GoldRecordFields, total=False):
    """One exported document: ``spans`` is the gold; ``--all`` adds the other keys."""

    candidates: list[GoldSpan]
    disputed: list[GoldSpan]
    rejected: list[GoldSpan]


# The keys a document record holds its spans under: gold always, the rest with ``--all``.
GOLD_KEY = "spans"
OTHER_KEYS = ("candidates", "disputed", "rejected")
_KEY_OF = {PENDING: "candidates", DISPUTED: "disputed", REJECTED: "rejected"}


def selected_spans(
    store: Store, doc_id: int, flt: ExportFilter, spans: list[SpanView] | None = None
) -> dict[str, list[SpanView]]:
    """The document's spans under the key they export under (``spans`` is the gold).

    The gold view (see ``store.review``) by default, one reviewer's view with
    ``reviewer=``. Gold spans are exported once per place and label (two reviewers who
    both added one span give one gold span); a removed addition is never exported.
    """
    chosen: dict[str, list[SpanView]] = {GOLD_KEY: []}
    if flt.include_all:
        chosen.update({key: [] for key in OTHER_KEYS})
    places: dict[tuple[int, int, str], list[SpanView]] = {}
    for span in store.spans(doc_id, flt.reviewer) if spans is None else spans:
        if span.status == REMOVED:
            continue
        if flt.labels and span.label not in flt.labels:
            continue
        key = GOLD_KEY if span.status in GOLD_STATUSES else _KEY_OF.get(span.status)
        if key is None or key not in chosen:
            continue
        if key == GOLD_KEY:
            places.setdefault((span.start, span.end, span.label), []).append(span)
        else:
            chosen[key].append(span)
    chosen[GOLD_KEY] = [_one(copies) for copies in places.values()]
    return chosen


def _one(copies: list[SpanView]) -> SpanView:
    """One gold span from the copies of it (each reviewer's own addition of the same span).

    The choice depends on nothing local (not the row ids), so every copy of a database
    exports the same record: the earliest version by time, with everyone's tags and names.
    """
    if len(copies) == 1:
        return copies[0]
    copies = sorted(copies, key=lambda s: (s.decided_at, s.reviewers, json.dumps(s.attrs, sort_keys=True)))
    first = copies[0]
    return replace(
        first,
        tags=tuple(sorted({t for s in copies for t in s.tags})),
        reviewers=tuple(sorted({r for s in copies for r in (s.reviewers or (s.reviewer,)) if r})),
        decided_at=max(s.decided_at for s in copies),
    )


def every_span(record: GoldRecord) -> list[GoldSpan]:
    """All span records of a document record, gold first, then the ``--all`` keys."""
    return [*record["spans"], *record.get("candidates", []), *record.get("disputed", []), *record.get("rejected", [])]


def select_documents(store: Store, flt: ExportFilter) -> tuple[list[int], int]:
    """The ids an export holds, and how many unfinished reports it left out (none with ``unfinished``)."""
    ids = store.document_ids()
    if flt.documents:
        wanted = set(flt.documents)
        ids = [i for i in ids if i in wanted]
    if flt.every_report:
        return ids, 0
    finished = progress.finished_documents(store, flt.reviewer, ids)
    kept = [i for i in ids if i in finished]
    return kept, len(ids) - len(kept)


def document_ids(store: Store, flt: ExportFilter) -> list[int]:
    return select_documents(store, flt)[0]


def span_record(span: SpanView, document: StoredDocument, raw_offsets: bool = False) -> GoldSpan:
    start, end, text = span.start, span.end, span.text
    record: dict[str, Any] = {}
    if raw_offsets:
        # The raw slice keeps ``text[start:end] == span.text`` true of the exported raw text.
        start, end = document.offset_map.span_to_raw(start, end)
        text = document.raw[start:end]
        record["normalized_text"] = span.text
    return cast(
        GoldSpan,
        cast(GoldSpan, record)
        | {
            "start": start,
            "end": end,
            "label": span.label,
            "text": text,
            "value": span.attrs.get("value"),
            "unit": span.attrs.get("unit"),
            "approx": span.attrs.get("approx"),
            "metric": span.attrs.get("metric"),
            "tags": list(span.tags),
            "status": span.status,
            "origin": span.origin,
            "source": span.source,
            "rule": span.rule,
            "reviewers": list(span.reviewers) if span.reviewers else ([span.reviewer] if span.reviewer else []),
            "adjudicator": span.reviewer if is_adjudicator(span.reviewer) else None,
            "decided_at": span.decided_at or None,
            "page": document.page_at(span.start),
        },
    )


def document_record(store: Store, doc_id: int, flt: ExportFilter) -> GoldRecord:
    document = store.document(doc_id)
    views = store.spans(doc_id, flt.reviewer)
    chosen = selected_spans(store, doc_id, flt, views)
    # Finished or not by every span of the view, whatever the label filter keeps.
    done = progress.progress_of(views).finished
    stored = store.sections(doc_id)
    finished = progress.sections_finished([(s.start, s.end) for s in stored], views, done)
    text = document.raw if flt.raw_offsets else document.text
    sections: list[GoldSection] = []
    for section, section_done in zip(stored, finished, strict=True):
        start, end = section.start, section.end
        if flt.raw_offsets:
            start = document.offset_map.to_raw(start)
            end = document.offset_map.to_raw(end)
        sections.append(
            {
                "start": start,
                "end": end,
                "heading": section.heading,
                "kind": section.kind,
                "pages": list(section.pages),
                "done": section_done,
            }
        )
    record: GoldRecord = {
        "id": document.id,
        "source": document.source,
        "title": document.title,
        "organisation": document.organisation,
        "year": document.year,
        "date": document.date,
        "done": done,
        "text": text,
        "sections": sections,
        "spans": [span_record(s, document, flt.raw_offsets) for s in chosen[GOLD_KEY]],
    }
    if flt.include_all:
        record["candidates"] = [span_record(s, document, flt.raw_offsets) for s in chosen["candidates"]]
        record["disputed"] = [
            _with_versions(store, span_record(s, document, flt.raw_offsets), s) for s in chosen["disputed"]
        ]
        record["rejected"] = [span_record(s, document, flt.raw_offsets) for s in chosen["rejected"]]
    return record


def _with_versions(store: Store, record: GoldSpan, span: SpanView) -> GoldSpan:
    """A disputed span carries each reviewer's version, so the dispute can be read off the file."""
    versions: dict[str, dict[str, Any]] = {}
    for _doc, states in store.reviewer_states(span.document_id):
        versions = {
            reviewer: {k: v for k, v in mine[span.id].items() if k != "origin"}
            for reviewer, mine in states.items()
            if span.id in mine and mine[span.id]["status"] != PENDING
        }
    record["versions"] = versions
    return record


def iter_jsonl(store: Store, flt: ExportFilter) -> Iterator[str]:
    """One JSON line per document, produced one document at a time (flat memory)."""
    for doc_id in document_ids(store, flt):
        yield json.dumps(document_record(store, doc_id, flt), ensure_ascii=False) + "\n"


# --- other formats ----------------------------------------------------------------------
#
# Every writer below takes its documents from ``document_record``, one at a time, so the
# filters, the gold/--all choice and --raw-offsets behave identically in every format and
# ``text[start:end] == span["text"]`` holds for whatever text the format carries.


def iter_records(store: Store, flt: ExportFilter) -> Iterator[GoldRecord]:
    for doc_id in document_ids(store, flt):
        yield document_record(store, doc_id, flt)


@overload
def non_overlapping(spans: list[GoldSpan]) -> list[GoldSpan]: ...
@overload
def non_overlapping(spans: list[dict[str, Any]]) -> list[dict[str, Any]]: ...
def non_overlapping(spans: list[Any]) -> list[Any]:
    """The spans a flat tagging (BIO, ``doc.ents``) can hold: longest first, then earliest.

    Reviewers may keep overlapping spans (a DATE inside a SLOGAN); a flat scheme cannot
    say both, and the longer span is the one a reader would name.
    """
    chosen: list[Any] = []
    taken: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s["start"] - s["end"], s["start"], s["label"])):
        if span["end"] <= span["start"]:
            continue
        if any(span["start"] < end and start < span["end"] for start, end in taken):
            continue
        chosen.append(span)
        taken.append((span["start"], span["end"]))
    return sorted(chosen, key=lambda s: (s["start"], s["end"]))


# --- CoNLL: character-level BIO ---------------------------------------------------------

SENTENCE_ENDS = frozenset("。！？!?")
CONLL_DOCSTART = "-DOCSTART-\tO\n"
MISSING = "-"
"""The tag of a character no reviewer decided (spaCy's missing value): never ``O``."""


def bio_tags(text: str, spans: list[GoldSpan], sections: list[GoldSection] | None = None) -> list[str]:
    """Character tags of the gold spans: a flat tagging has no room for a status, so
    pending and rejected spans (``--all``) stay ``O``. The text of a section that is not
    finished (``sections[i]["done"]`` false) is ``MISSING`` where no gold span stands."""
    tags = ["O"] * len(text)
    for section in sections or ():
        if not section.get("done", True):
            tags[section["start"] : section["end"]] = [MISSING] * (section["end"] - section["start"])
    for span in non_overlapping([s for s in spans if s["status"] in GOLD_STATUSES]):
        tags[span["start"]] = f"B-{span['label']}"
        for i in range(span["start"] + 1, span["end"]):
            tags[i] = f"I-{span['label']}"
    return tags


def conll_lines(record: GoldRecord) -> Iterator[str]:
    """One document as ``char<TAB>tag`` lines, a blank line after each sentence.

    A sentence ends after 。！？ (and ASCII !?) or at a newline, except inside a span, so
    that no entity is cut in two. Whitespace carries no tag and is left out: a line
    holding only a space would not survive a whitespace-splitting reader.
    """
    text: str = record["text"]
    tags = bio_tags(text, record["spans"], record.get("sections"))
    open_sentence = False
    for i, char in enumerate(text):
        inside_next = i + 1 < len(tags) and tags[i + 1].startswith("I-")
        if char == "\n" or char == "\r":
            if open_sentence and not inside_next:
                yield "\n"
                open_sentence = False
            continue
        if not char.isspace():
            yield f"{char}\t{tags[i]}\n"
            open_sentence = True
        if char in SENTENCE_ENDS and open_sentence and not inside_next:
            yield "\n"
            open_sentence = False
    if open_sentence:
        yield "\n"


def iter_conll(store: Store, flt: ExportFilter) -> Iterator[str]:
    """Every document as character-level BIO, each opened by a ``-DOCSTART-`` line."""
    for record in iter_records(store, flt):
        yield CONLL_DOCSTART
        yield "\n"
        yield from conll_lines(record)


def parse_conll(lines: Iterable[str]) -> list[list[list[tuple[str, str]]]]:
    """Documents → sentences → (char, tag): the reader the tests use for the round trip."""
    documents: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            documents.append([])
            continue
        if not line:
            if sentence:
                documents[-1].append(sentence)
                sentence = []
            continue
        char, tag = line.split("\t")
        sentence.append((char, tag))
    if sentence:
        documents[-1].append(sentence)
    return documents


# --- CSV: the figures table -------------------------------------------------------------

CSV_COLUMNS = (
    "document",
    "organisation",
    "year",
    "section",
    "metric",
    "value",
    "unit",
    "approx",
    "text",
    "status",
    "start",
    "end",
    "page",
    "done",
)


def _section_of(sections: list[GoldSection], offset: int) -> str:
    starts = [s["start"] for s in sections]
    index = bisect.bisect_right(starts, offset) - 1
    while index >= 0:
        section = sections[index]
        if section["start"] <= offset < section["end"]:
            return str(section["heading"] or "")
        index -= 1
    return ""


def figure_rows(record: GoldRecord) -> Iterator[dict[str, Any]]:
    for span in every_span(record):
        if span["label"] != "FIGURE":
            continue
        yield {
            "document": record["id"],
            "organisation": record["organisation"],
            "year": record["year"],
            "section": _section_of(record["sections"], span["start"]),
            "metric": span["metric"],
            "value": span["value"],
            "unit": span["unit"],
            "approx": span["approx"],
            "text": span["text"],
            "status": span["status"],
            "start": span["start"],
            "end": span["end"],
            "page": span.get("page"),
            "done": record.get("done", True),
        }


def iter_csv(store: Store, flt: ExportFilter) -> Iterator[str]:
    """The figures table: a header, then one row per FIGURE span, document by document."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")

    def flush() -> str:
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return value

    writer.writeheader()
    yield flush()
    for record in iter_records(store, flt):
        for row in figure_rows(record):
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
        chunk = flush()
        if chunk:
            yield chunk


# --- brat standoff ----------------------------------------------------------------------

_UNSAFE_NAME = re.compile(r"[^\w\-]+")


def brat_stem(record: Mapping[str, Any]) -> str:
    """A file name stem from the document id and title that cannot leave the folder.

    Only word characters (CJK included) and hyphens survive, so ``/``, ``\\``, ``..`` and
    control characters are gone; the id prefix keeps stems unique.
    """
    title = _UNSAFE_NAME.sub("_", str(record.get("title") or "")).strip("_")[:40].strip("_")
    return f"{int(record['id']):04d}_{title}" if title else f"{int(record['id']):04d}"


def _inside(folder: Path, path: Path) -> bool:
    return path.parent.resolve() == folder.resolve() and path.name not in ("", ".", "..")


def _write_file_in(folder: Path, name: str, content: str) -> Path:
    """Write the new file ``folder/name``, refusing any name that would land elsewhere."""
    path = folder / name
    if not _inside(folder, path):
        raise ExportError(f"{name}: refusing to write outside {folder}")
    return fileio.write_in_folder(folder, name, content)


def _brat_fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """brat spans cannot cross a newline: cut a span into its per-line fragments."""
    fragments = []
    piece_start = start
    for i in range(start, end):
        if text[i] in "\r\n":
            if i > piece_start:
                fragments.append((piece_start, i))
            piece_start = i + 1
    if end > piece_start:
        fragments.append((piece_start, end))
    return fragments


def _brat_note_value(value: Any) -> str:
    return str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def brat_annotations(record: GoldRecord, *, with_status: bool) -> str:
    """The ``.ann`` standoff for one document record."""
    text: str = record["text"]
    lines: list[str] = []
    attribute = note = 0
    for number, span in enumerate(every_span(record), start=1):
        fragments = _brat_fragments(text, span["start"], span["end"])
        if not fragments:
            continue
        where = ";".join(f"{s} {e}" for s, e in fragments)
        shown = " ".join(text[s:e] for s, e in fragments)
        lines.append(f"T{number}\t{span['label']} {where}\t{_brat_note_value(shown)}")
        if span.get("approx"):
            attribute += 1
            lines.append(f"A{attribute}\tApprox T{number} {_brat_note_value(span['approx'])}")
        if with_status:
            attribute += 1
            lines.append(f"A{attribute}\tStatus T{number} {span['status']}")
        facts = [f"{key}={span[key]}" for key in ("value", "unit", "metric") if span.get(key) not in (None, "")]
        if facts:
            note += 1
            lines.append(f"#{note}\tAnnotatorNotes T{number}\t{_brat_note_value('; '.join(facts))}")
    return "".join(line + "\n" for line in lines)


def brat_config(labels: Iterable[str]) -> str:
    """An ``annotation.conf`` so brat shows the labels and attributes without setup."""
    approx = "|".join(APPROX)
    statuses = "|".join(sorted({PENDING, CONFIRMED, CORRECTED, REJECTED, ADDED}))
    return (
        "[entities]\n"
        + "".join(f"{label}\n" for label in labels)
        + "\n[relations]\n\n[events]\n\n[attributes]\n"
        + f"Approx\tArg:FIGURE, Value:{approx}\n"
        + f"Status\tArg:<ENTITY>, Value:{statuses}\n"
    )


def write_brat(store: Store, flt: ExportFilter, folder: Path) -> int:
    """Write ``.txt`` + ``.ann`` per document and an ``annotation.conf`` to ``folder``.

    Returns the number of documents. The files are written to a folder beside ``folder``
    and moved into place only when all are written (``fileio.write_folder``), so a full
    disk leaves no partial folder. Nothing is ever written outside ``folder``.
    """
    count = 0

    def fill(work: Path) -> None:
        nonlocal count
        _write_file_in(work, "annotation.conf", brat_config(LABELS))
        for record in iter_records(store, flt):
            stem = brat_stem(record)
            _write_file_in(work, f"{stem}.txt", record["text"])
            _write_file_in(work, f"{stem}.ann", brat_annotations(record, with_status=flt.include_all))
            count += 1

    fileio.write_folder(folder, fill)
    return count


def parse_brat(ann: str) -> list[dict[str, Any]]:
    """Text-bound annotations of an ``.ann`` file: the reader the tests use."""
    spans: dict[str, dict[str, Any]] = {}
    for line in ann.splitlines():
        if not line.strip():
            continue
        key, rest = line.split("\t", 1)
        if key.startswith("T"):
            what, text = rest.split("\t", 1)
            label, where = what.split(" ", 1)
            fragments = [tuple(int(n) for n in piece.split()) for piece in where.split(";")]
            spans[key] = {"label": label, "fragments": fragments, "text": text, "attributes": {}, "note": ""}
        elif key.startswith("A"):
            name, target, *value = rest.split(" ")
            spans[target]["attributes"][name] = value[0] if value else True
        elif key.startswith("#"):
            _kind, target_and_note = rest.split(" ", 1)
            target, note = target_and_note.split("\t", 1)
            spans[target]["note"] = note
    return list(spans.values())


# --- spaCy DocBin -----------------------------------------------------------------------

SPAN_KEY = "pizhu"


def _char_span(doc: Any, span: GoldSpan) -> Any:
    return doc.char_span(span["start"], span["end"], label=span["label"], alignment_mode="expand")


def _missing(doc: Any, tags: list[str]) -> list[Any]:
    """Runs of tokens whose characters are ``MISSING`` (a token is as its first character)."""
    runs: list[Any] = []
    start: int | None = None
    for token in doc:
        if tags[token.idx] == MISSING:
            start = token.i if start is None else start
        elif start is not None:
            runs.append(doc[start : token.i])
            start = None
    if start is not None:
        runs.append(doc[start : len(doc)])
    return runs


def write_docbin(store: Store, flt: ExportFilter, path: Path) -> int:
    """Write a spaCy ``DocBin`` to ``path``; return the number of documents.

    ``doc.ents`` holds the non-overlapping gold spans (see ``non_overlapping``),
    ``doc.spans`` under ``"pizhu"`` every exported span (with ``--all``, pending and
    rejected ones too: their status is in the user data), and ``doc.user_data["pizhu"]`` the record without its
    text (ids, sections, span attributes). Tokens are characters (spaCy's default
    Chinese segmenter), so every code-point span lines up with tokens. The tokens of an
    unfinished section outside the gold spans are missing values (``bio_tags``), which
    spaCy's training and ``spacy debug data`` read as unknown, not as ``O``.
    """
    try:
        import spacy
        from spacy.tokens import DocBin
    except ImportError:
        raise ExportError("the spacy format needs spaCy: pip install 'pizhu[spacy]'") from None
    nlp = spacy.blank("zh")
    docbin = DocBin(store_user_data=True)
    count = 0
    for record in iter_records(store, flt):
        doc = nlp.make_doc(record["text"])
        every = [_char_span(doc, span) for span in every_span(record)]
        gold = [span for span in record["spans"] if span["status"] in GOLD_STATUSES]
        entities = [piece for piece in (_char_span(doc, span) for span in non_overlapping(gold)) if piece]
        try:
            doc.set_ents(entities, missing=_missing(doc, bio_tags(record["text"], gold, record["sections"])))
        except ValueError as exc:  # spaCy refuses a span it cannot place: say which document
            raise ExportError(f"document {record['id']}: spaCy refused the entities ({exc})") from None
        doc.spans[SPAN_KEY] = [piece for piece in every if piece is not None]
        doc.user_data[SPAN_KEY] = {k: v for k, v in record.items() if k != "text"}
        docbin.add(doc)
        count += 1
    # Bytes through our own exclusive temporary file: ``to_disk`` would open ``path`` itself
    # and follow whatever link is planted there.
    fileio.write_bytes(path, docbin.to_bytes())
    return count
