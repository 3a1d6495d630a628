"""The annotation tools' own formats: Prodigy tasks, doccano JSONL, Label Studio tasks.

Every writer reads the per-document records of ``store.export.document_record``, so the
filters, ``--all`` and ``--raw-offsets`` mean the same here as in every other format, and
``text[start:end] == span["text"]`` holds for the text each task carries.

Gold is read as ``status in GOLD_STATUSES`` wherever a span sits in the record: a record
keeps its gold in ``spans`` and, with ``--all``, the rest under ``candidates``,
``disputed`` and ``rejected``, each span with its ``status``; ``record_spans`` reads them
all through ``store.export.every_span`` (a record with every span in ``spans`` reads the
same), and no writer here looks at a key by itself.

What each tool gets:

- **Prodigy** (``prodigy db-in``): one ``ner_manual`` task per document with its gold
  spans and ``answer: accept`` (``ignore`` for a report not finished, exported with
  ``--unfinished``: Prodigy must not take its undecided text for "no entity"); every task
  carries ``tokens`` (one per character, as ``spacy.blank("zh")`` cuts them) and every
  span its ``token_start``/``token_end``, so ``ner_manual`` and ``review`` can show it;
  with ``--all`` also one binary ``ner`` task per rejected
  span (``answer: reject``) and per pending candidate or disputed span (``answer:
  ignore``, Prodigy's "not decided": ``db-in`` gives a task without an answer its
  ``--answer``, ``accept`` by default; a disputed one carries each reviewer's version in
  ``meta``). ``_input_hash`` depends on the text only, ``_task_hash`` on the text, the
  spans and the question (manual or yes/no), both
  signed 32-bit integers as Prodigy's own are. ``meta`` carries the provenance.
- **doccano** (sequence labelling import): ``{"text", "label": [[start, end, LABEL]]}``
  per document, gold only in ``label``; other keys become doccano metadata, so the
  provenance and (with ``--all``) the non-gold spans ride along under ``pizhu_*`` keys.
- **Label Studio**: a JSON list of tasks, ``data.text`` and the document's provenance in
  ``data``, the gold spans as one ``annotations[]`` entry, the pending machine candidates
  (``--all``) as ``predictions[]``, rejected and disputed spans in ``meta``. ``label_studio_config``
  is the ``<View>`` that names the ``from_name``/``to_name`` the results use; the CLI
  writes it beside the tasks.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from pizhu.extract import EXTRACTOR_VERSION
from pizhu.extract.models import LABELS
from pizhu.store.db import Store
from pizhu.store.export import ExportFilter, GoldRecord, GoldSpan, every_span, iter_records
from pizhu.store.records import DISPUTED, GOLD_STATUSES, PENDING, REJECTED

ATTRIBUTE_KEYS = ("value", "unit", "approx", "metric")
PROVENANCE_KEYS = ("status", "origin", "source", "rule", "reviewers", "adjudicator", "decided_at", "page")


# --- reading the records ------------------------------------------------------------------


def record_spans(record: GoldRecord) -> list[GoldSpan]:
    """Every span of a document record, whichever key it sits under, in text order."""
    return sorted(every_span(record), key=lambda s: (s["start"], s["end"], s["label"]))


def gold_spans(record: GoldRecord) -> list[GoldSpan]:
    return [s for s in record_spans(record) if s["status"] in GOLD_STATUSES]


def spans_with_status(record: GoldRecord, status: str) -> list[GoldSpan]:
    return [s for s in record_spans(record) if s["status"] == status]


def provenance(record: GoldRecord) -> dict[str, Any]:
    """Where a document came from: what every format keeps beside the text."""
    return {
        "document": record["id"],
        "source": record["source"],
        "title": record["title"],
        "organisation": record["organisation"],
        "year": record["year"],
        "date": record.get("date"),
    }


def span_provenance(span: Mapping[str, Any]) -> dict[str, Any]:
    """Who decided a span and what its figure attributes are (only the ones it has)."""
    kept = {key: span[key] for key in PROVENANCE_KEYS if span.get(key) not in (None, "", [])}
    kept |= {key: span[key] for key in ATTRIBUTE_KEYS if span.get(key) not in (None, "")}
    if span.get("tags"):
        kept["tags"] = list(span["tags"])
    if span.get("versions"):
        kept["versions"] = span["versions"]
    return kept


def reviewers_of(spans: Iterable[GoldSpan]) -> list[str]:
    return sorted({name for span in spans for name in span.get("reviewers") or ()})


# --- Prodigy ------------------------------------------------------------------------------


def _hash32(*parts: Any) -> int:
    """A stable signed 32-bit hash (Prodigy's hashes are such ints; Python's hash() is salted)."""
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(blob, digest_size=4).digest(), "big", signed=True)


def input_hash(text: str) -> int:
    """Prodigy's ``_input_hash``: the same for every task on the same text."""
    return _hash32("text", text)


def task_hash(text: str, spans: Iterable[GoldSpan], view: str) -> int:
    """Prodigy's ``_task_hash``: the input and the question asked about it (the spans, and
    whether it is the whole manual annotation or a yes/no on one span)."""
    key = sorted((s["start"], s["end"], s["label"]) for s in spans)
    return _hash32(input_hash(text), view, "spans", key)


def char_tokens(text: str) -> list[dict[str, Any]]:
    """Prodigy's ``tokens`` as ``spacy.blank("zh")`` cuts the text: one token per character;
    a space after a token is its ``ws``, and any other run of whitespace is a token itself."""
    tokens: list[dict[str, Any]] = []
    i = 0
    while i < len(text):
        if text[i].isspace():
            if text[i] == " " and tokens and not tokens[-1]["ws"] and tokens[-1]["end"] == i:
                tokens[-1]["ws"] = True
                i += 1
                continue
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            tokens.append({"text": text[i:j], "start": i, "end": j, "id": len(tokens), "ws": False})
            i = j
            continue
        tokens.append({"text": text[i], "start": i, "end": i + 1, "id": len(tokens), "ws": False})
        i += 1
    return tokens


def prodigy_span(
    span: GoldSpan, starts: dict[int, int] | None = None, ends: dict[int, int] | None = None
) -> dict[str, Any]:
    # Prodigy's spans may carry extra keys, which it keeps; token_start/token_end
    # (inclusive) tie them to the task's tokens.
    out = {"start": span["start"], "end": span["end"], "label": span["label"], "text": span["text"]}
    if starts is not None and ends is not None and span["start"] in starts and span["end"] in ends:
        out |= {"token_start": starts[span["start"]], "token_end": ends[span["end"]]}
    return out | {"pizhu": span_provenance(span)}


def prodigy_tasks(record: GoldRecord) -> Iterator[dict[str, Any]]:
    text: str = record["text"]
    done = record.get("done", True)
    meta = provenance(record) | {"done": done}
    gold = gold_spans(record)
    tokens = char_tokens(text)
    starts = {t["start"]: t["id"] for t in tokens}
    ends = {t["end"]: t["id"] for t in tokens}

    def spans(chosen: list[GoldSpan]) -> list[dict[str, Any]]:
        return [prodigy_span(s, starts, ends) for s in chosen]

    yield {
        "text": text,
        "tokens": tokens,
        "spans": spans(gold),
        "answer": "accept" if done else "ignore",
        "_input_hash": input_hash(text),
        "_task_hash": task_hash(text, gold, "ner_manual"),
        "_view_id": "ner_manual",
        "meta": meta | {"reviewers": reviewers_of(gold)},
    }
    for status, answer in ((REJECTED, "reject"), (PENDING, "ignore"), (DISPUTED, "ignore")):
        for span in spans_with_status(record, status):
            yield {
                "text": text,
                "tokens": tokens,
                "spans": spans([span]),
                "answer": answer,
                "_input_hash": input_hash(text),
                "_task_hash": task_hash(text, [span], "ner"),
                "_view_id": "ner",
                "meta": meta | {"status": status} | ({"versions": span["versions"]} if span.get("versions") else {}),
            }


def iter_prodigy(store: Store, flt: ExportFilter) -> Iterator[str]:
    """Prodigy JSONL, one task per line (``prodigy db-in DATASET file.jsonl``)."""
    for record in iter_records(store, flt):
        for task in prodigy_tasks(record):
            yield json.dumps(task, ensure_ascii=False) + "\n"


# --- doccano ------------------------------------------------------------------------------


def doccano_line(record: GoldRecord) -> dict[str, Any]:
    line: dict[str, Any] = {
        "text": record["text"],
        "label": [[s["start"], s["end"], s["label"]] for s in gold_spans(record)],
    }
    # doccano keeps every other key of an imported line as the example's metadata.
    line |= {f"pizhu_{key}": value for key, value in provenance(record).items()}
    line["pizhu_done"] = record.get("done", True)
    others = [s for s in record_spans(record) if s["status"] not in GOLD_STATUSES]
    if others:
        line["pizhu_not_gold"] = [[s["start"], s["end"], s["label"], s["status"]] for s in others]
    return line


def iter_doccano(store: Store, flt: ExportFilter) -> Iterator[str]:
    """doccano's sequence-labelling JSONL (``label: [[start, end, LABEL]]``), one document per line."""
    for record in iter_records(store, flt):
        yield json.dumps(doccano_line(record), ensure_ascii=False) + "\n"


# --- Label Studio -------------------------------------------------------------------------

LS_FROM_NAME = "label"
LS_TO_NAME = "text"
# One colour per label, in LABELS order, so the Label Studio view tells them apart.
LS_COLOURS = ("#ff9800", "#2196f3", "#e91e63", "#4caf50", "#9c27b0", "#795548", "#00bcd4", "#607d8b")


def label_studio_config(labels: Iterable[str] = LABELS) -> str:
    """The labelling config the tasks' results refer to (``from_name``/``to_name``)."""
    rows = "".join(
        f"    <Label value={quoteattr(label)} background={quoteattr(LS_COLOURS[i % len(LS_COLOURS)])}/>\n"
        for i, label in enumerate(labels)
    )
    return (
        "<View>\n"
        f"  <Labels name={quoteattr(LS_FROM_NAME)} toName={quoteattr(LS_TO_NAME)}>\n"
        f"{rows}"
        "  </Labels>\n"
        f'  <Text name={quoteattr(LS_TO_NAME)} value="$text"/>\n'
        "</View>\n"
    )


def _region_id(document: int, span: GoldSpan) -> str:
    digest = hashlib.blake2b(f"{document}:{span['start']}:{span['end']}:{span['label']}".encode(), digest_size=5)
    return digest.hexdigest()


def ls_result(document: int, span: GoldSpan) -> dict[str, Any]:
    return {
        "id": _region_id(document, span),
        "from_name": LS_FROM_NAME,
        "to_name": LS_TO_NAME,
        "type": "labels",
        "value": {"start": span["start"], "end": span["end"], "text": span["text"], "labels": [span["label"]]},
        # Label Studio shows a region's meta.text as its note.
        "meta": {"text": [json.dumps(span_provenance(span), ensure_ascii=False)]},
    }


def label_studio_task(record: GoldRecord) -> dict[str, Any]:
    document = int(record["id"])
    gold = gold_spans(record)
    task: dict[str, Any] = {
        "id": document,
        "data": {"text": record["text"]} | provenance(record) | {"done": record.get("done", True)},
        "annotations": [
            {
                "result": [ls_result(document, s) | {"origin": "manual"} for s in gold],
                "ground_truth": True,
                "was_cancelled": False,
                "meta": {"reviewers": reviewers_of(gold)},
            }
        ],
        "predictions": [],
        "meta": {
            "rejected": [ls_result(document, s)["value"] for s in spans_with_status(record, REJECTED)],
            "disputed": [
                ls_result(document, s)["value"] | {"versions": s.get("versions", {})}
                for s in spans_with_status(record, DISPUTED)
            ],
        },
    }
    pending = spans_with_status(record, PENDING)
    if pending:
        task["predictions"].append(
            {"model_version": f"pizhu-extract-{EXTRACTOR_VERSION}", "result": [ls_result(document, s) for s in pending]}
        )
    return task


def iter_label_studio(store: Store, flt: ExportFilter) -> Iterator[str]:
    """Label Studio's JSON import: a list of tasks, written one task at a time."""
    yield "["
    first = True
    for record in iter_records(store, flt):
        yield ("\n" if first else ",\n") + json.dumps(label_studio_task(record), ensure_ascii=False)
        first = False
    yield "\n]\n"


def label_studio_config_path(tasks: Path) -> Path:
    """Where the labelling config goes beside the tasks file: ``ls.json`` → ``ls.label-config.xml``."""
    return tasks.with_name(f"{tasks.stem}.label-config.xml")
