"""Export the gold standard: JSONL, spaCy DocBin, character BIO (CoNLL), a figures CSV, brat.

JSONL is one JSON object per document with code-point offsets.

Spans are taken from the consolidated view (an adjudication where there is one, else the
most recent decision), or from one reviewer's view with ``reviewer=``. By default only
gold spans (confirmed, corrected, added) leave; ``include_all`` adds pending and rejected
machine spans with their status.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.models import APPROX, LABELS
from store import fileio
from store.db import Store, StoreError
from store.records import (
    ADDED,
    CONFIRMED,
    CORRECTED,
    GOLD_STATUSES,
    PENDING,
    REJECTED,
    REMOVED,
    SpanView,
    StoredDocument,
)


@dataclass(frozen=True)
class ExportFilter:
    include_all: bool = False
    reviewer: str | None = None
    labels: tuple[str, ...] = ()
    documents: tuple[int, ...] = ()
    raw_offsets: bool = False


def selected_spans(store: Store, doc_id: int, flt: ExportFilter) -> list[SpanView]:
    spans = []
    seen: set[tuple[int, int, str, bool]] = set()
    for span in store.spans(doc_id, flt.reviewer):
        if span.status == REMOVED:
            continue
        if not flt.include_all and span.status not in GOLD_STATUSES:
            continue
        if flt.labels and span.label not in flt.labels:
            continue
        # Two reviewers who both added the same span (or a merge that brought in a second
        # copy) give two rows for one gold span: export it once.
        key = (span.start, span.end, span.label, span.is_gold)
        if key in seen:
            continue
        seen.add(key)
        spans.append(span)
    return spans


def document_ids(store: Store, flt: ExportFilter) -> list[int]:
    ids = store.document_ids()
    if flt.documents:
        wanted = set(flt.documents)
        ids = [i for i in ids if i in wanted]
    return ids


def span_record(span: SpanView, document: StoredDocument, raw_offsets: bool = False) -> dict[str, Any]:
    start, end, text = span.start, span.end, span.text
    record: dict[str, Any] = {}
    if raw_offsets:
        # The raw slice keeps ``text[start:end] == span.text`` true of the exported raw text.
        start, end = document.offset_map.span_to_raw(start, end)
        text = document.raw[start:end]
        record["normalized_text"] = span.text
    return record | {
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
        "rule": span.rule,
        "reviewer": span.reviewer or None,
        "decided_at": span.decided_at or None,
    }


def document_record(store: Store, doc_id: int, flt: ExportFilter) -> dict[str, Any]:
    document = store.document(doc_id)
    spans = selected_spans(store, doc_id, flt)
    text = document.raw if flt.raw_offsets else document.text
    sections = []
    for section in store.sections(doc_id):
        start, end = section.start, section.end
        if flt.raw_offsets:
            start = document.offset_map.to_raw(start)
            end = document.offset_map.to_raw(end)
        sections.append({"start": start, "end": end, "heading": section.heading, "kind": section.kind})
    return {
        "id": document.id,
        "source": document.source,
        "title": document.title,
        "organisation": document.organisation,
        "year": document.year,
        "text": text,
        "sections": sections,
        "spans": [span_record(s, document, flt.raw_offsets) for s in spans],
    }


def iter_jsonl(store: Store, flt: ExportFilter) -> Iterator[str]:
    """One JSON line per document, produced one document at a time (flat memory)."""
    for doc_id in document_ids(store, flt):
        yield json.dumps(document_record(store, doc_id, flt), ensure_ascii=False) + "\n"


# --- other formats ----------------------------------------------------------------------
#
# Every writer below takes its documents from ``document_record``, one at a time, so the
# filters, the gold/--all choice and --raw-offsets behave identically in every format and
# ``text[start:end] == span["text"]`` holds for whatever text the format carries.


class ExportError(StoreError):
    """An export that cannot be written, with a one-line explanation."""


def iter_records(store: Store, flt: ExportFilter) -> Iterator[dict[str, Any]]:
    for doc_id in document_ids(store, flt):
        yield document_record(store, doc_id, flt)


def non_overlapping(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The spans a flat tagging (BIO, ``doc.ents``) can hold: longest first, then earliest.

    Reviewers may keep overlapping spans (a DATE inside a SLOGAN); a flat scheme cannot
    say both, and the longer span is the one a reader would name.
    """
    chosen: list[dict[str, Any]] = []
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


def bio_tags(text: str, spans: list[dict[str, Any]]) -> list[str]:
    """Character tags of the gold spans: a flat tagging has no room for a status, so
    pending and rejected spans (``--all``) stay ``O``."""
    tags = ["O"] * len(text)
    for span in non_overlapping([s for s in spans if s["status"] in GOLD_STATUSES]):
        tags[span["start"]] = f"B-{span['label']}"
        for i in range(span["start"] + 1, span["end"]):
            tags[i] = f"I-{span['label']}"
    return tags


def conll_lines(record: dict[str, Any]) -> Iterator[str]:
    """One document as ``char<TAB>tag`` lines, a blank line after each sentence.

    A sentence ends after 。！？ (and ASCII !?) or at a newline, except inside a span, so
    that no entity is cut in two. Whitespace carries no tag and is left out: a line
    holding only a space would not survive a whitespace-splitting reader.
    """
    text: str = record["text"]
    tags = bio_tags(text, record["spans"])
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
)


def _section_of(sections: list[dict[str, Any]], offset: int) -> str:
    starts = [s["start"] for s in sections]
    index = bisect.bisect_right(starts, offset) - 1
    while index >= 0:
        section = sections[index]
        if section["start"] <= offset < section["end"]:
            return str(section["heading"] or "")
        index -= 1
    return ""


def figure_rows(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for span in record["spans"]:
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


def brat_stem(record: dict[str, Any]) -> str:
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


def brat_annotations(record: dict[str, Any], *, with_status: bool) -> str:
    """The ``.ann`` standoff for one document record."""
    text: str = record["text"]
    lines: list[str] = []
    attribute = note = 0
    for number, span in enumerate(record["spans"], start=1):
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


def _char_span(doc: Any, span: dict[str, Any]) -> Any:
    return doc.char_span(span["start"], span["end"], label=span["label"], alignment_mode="expand")


def write_docbin(store: Store, flt: ExportFilter, path: Path) -> int:
    """Write a spaCy ``DocBin`` to ``path``; return the number of documents.

    ``doc.ents`` holds the non-overlapping gold spans (see ``non_overlapping``),
    ``doc.spans`` under ``"pizhu"`` every exported span (with ``--all``, pending and
    rejected ones too: their status is in the user data), and ``doc.user_data["pizhu"]`` the record without its
    text (ids, sections, span attributes). Tokens are characters (spaCy's default
    Chinese segmenter), so every code-point span lines up with tokens.
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
        every = [_char_span(doc, span) for span in record["spans"]]
        gold = [span for span in record["spans"] if span["status"] in GOLD_STATUSES]
        try:
            doc.ents = [piece for piece in (_char_span(doc, span) for span in non_overlapping(gold)) if piece]
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
