"""Prodigy, doccano and Label Studio exports, each read back by its consumer's code or schema.

- Label Studio: its own SDK (``label-studio-sdk``) parses and validates the labelling
  config, validates every annotation and prediction against it, and its converter turns
  the tasks into its JSON-MIN export, which must hold the same spans.
- Prodigy (not installable) and doccano (a Django server, not a library): JSON Schemas of
  their documented task formats, checked with ``jsonschema-rs`` (the same JSON Schema
  draft as ``jsonschema``, compiled once: the seeds' Prodigy tasks carry a token per
  character and ``jsonschema`` spent over a minute walking them).

The CSV's BOM and year column are read back with pandas, the way a spreadsheet user would.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.store.db import Store
from pizhu.store.export import ExportFilter, iter_records
from pizhu.store.formats import (
    gold_spans,
    iter_doccano,
    iter_label_studio,
    iter_prodigy,
    label_studio_config,
    label_studio_config_path,
    record_spans,
)
from pizhu.store.records import GOLD_STATUSES, Change
from tests.store.test_export import build

LABEL = {"enum": ["FIGURE", "DATE", "PERSON", "ORG", "GPE", "TITLE", "MEETING", "SLOGAN"]}
OFFSET = {"type": "integer", "minimum": 0}
INT32 = {"type": "integer", "minimum": -(2**31), "maximum": 2**31 - 1}

# Prodigy's task format (prodigy.ai/docs/api-loaders#input, "Annotation task format"):
# text, spans with character offsets and a label, answer, the two hashes, meta.
PRODIGY_SCHEMA = {
    "type": "object",
    "required": ["text", "tokens", "spans", "answer", "_input_hash", "_task_hash", "meta"],
    "properties": {
        "text": {"type": "string"},
        "tokens": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["text", "start", "end", "id", "ws"],
                "properties": {"start": OFFSET, "end": OFFSET, "id": OFFSET, "ws": {"type": "boolean"}},
            },
        },
        "spans": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start", "end", "label", "token_start", "token_end"],
                "properties": {
                    "start": OFFSET,
                    "end": OFFSET,
                    "label": LABEL,
                    "text": {"type": "string"},
                    "token_start": OFFSET,
                    "token_end": OFFSET,
                },
            },
        },
        "answer": {"enum": ["accept", "reject", "ignore"]},
        "_input_hash": INT32,
        "_task_hash": INT32,
        "_view_id": {"type": "string"},
        "meta": {"type": "object"},
    },
}

# doccano's sequence-labelling JSONL (doccano.github.io/doccano/tutorial/#import-dataset;
# doccano 1.8.4's backend/data_import reads each line with json.loads, takes "text" and
# "label", keeps every other key as metadata, and SpanLabel.parse wants [start, end, label]
# with non-negative offsets, start < end and a non-empty label).
DOCCANO_SCHEMA = {
    "type": "object",
    "required": ["text", "label"],
    "properties": {
        "text": {"type": "string"},
        "label": {
            "type": "array",
            "items": {
                "type": "array",
                "prefixItems": [OFFSET, OFFSET, LABEL],
                "minItems": 3,
                "maxItems": 3,
            },
        },
    },
}


@functools.cache
def _validator(schema_name: str) -> Any:
    import jsonschema_rs

    return jsonschema_rs.validator_for({"prodigy": PRODIGY_SCHEMA, "doccano": DOCCANO_SCHEMA}[schema_name])


def validate(instance: object, schema: dict[str, Any]) -> None:
    """Raise ``jsonschema_rs.ValidationError`` unless ``instance`` follows ``schema``."""
    _validator("prodigy" if schema is PRODIGY_SCHEMA else "doccano").validate(instance)


def test_the_schemas_refuse_what_the_consumers_refuse() -> None:
    import jsonschema_rs

    token = {"text": "政", "start": 0, "end": 1, "id": 0, "ws": False}
    task = {
        "text": "政",
        "tokens": [token],
        "spans": [],
        "answer": "accept",
        "_input_hash": 1,
        "_task_hash": 2,
        "meta": {},
    }
    validate(task, PRODIGY_SCHEMA)
    for broken in (
        {**task, "tokens": [{**token, "start": -1}]},
        {**task, "answer": "maybe"},
        {**task, "spans": [{"start": 0, "end": 1, "label": "POLICY", "token_start": 0, "token_end": 0}]},
        {key: value for key, value in task.items() if key != "meta"},
    ):
        with pytest.raises(jsonschema_rs.ValidationError):
            validate(broken, PRODIGY_SCHEMA)
    validate({"text": "政协", "label": [[0, 2, "ORG"]]}, DOCCANO_SCHEMA)
    for label in ([[0, 2]], [[0, 2, "ORG", 1]], [[-1, 2, "ORG"]]):
        with pytest.raises(jsonschema_rs.ValidationError):
            validate({"text": "政协", "label": label}, DOCCANO_SCHEMA)


@pytest.fixture
def store() -> Store:
    store = Store.memory()
    build(store)
    return store


def lines(chunks: Any) -> list[dict[str, Any]]:
    # Split as a file is read line by line (only at \n), as the consumers read JSONL.
    return [json.loads(line) for line in "".join(chunks).split("\n") if line]


def gold_of(store: Store, **kwargs: Any) -> list[list[tuple[int, int, str]]]:
    """The gold spans per document as the JSONL record has them: what every format must carry."""
    return [
        [(s["start"], s["end"], s["label"]) for s in r["spans"] if s["status"] in GOLD_STATUSES]
        for r in iter_records(store, ExportFilter(**{"unfinished": True} | kwargs))
    ]


# --- the record accessor under both shapes -------------------------------------------------


def test_record_spans_reads_the_split_and_a_flat_record_alike(store: Store) -> None:
    (split, _) = list(iter_records(store, ExportFilter(include_all=True)))
    assert {s["status"] for s in split["spans"]} <= GOLD_STATUSES
    assert [s["status"] for s in split["candidates"]] == ["pending"]
    assert [s["status"] for s in split["rejected"]] == ["rejected"]
    # A record with every span in ``spans``, told apart by status only, reads the same.
    flat = {k: v for k, v in split.items() if k not in ("candidates", "disputed", "rejected")}
    flat["spans"] = split["spans"] + split["candidates"] + split["rejected"]
    assert record_spans(flat) == record_spans(split)
    assert gold_spans(flat) == gold_spans(split)
    assert {s["status"] for s in gold_spans(split)} == {"confirmed", "corrected", "added"}


# --- Prodigy ---------------------------------------------------------------------------------


def test_prodigy_tasks_follow_the_documented_schema(store: Store) -> None:
    tasks = lines(iter_prodigy(store, ExportFilter(include_all=True)))
    for task in tasks:
        validate(task, PRODIGY_SCHEMA)
        for span in task["spans"]:
            assert task["text"][span["start"] : span["end"]] == span["text"]
    manual = [t for t in tasks if t["_view_id"] == "ner_manual"]
    assert [[(s["start"], s["end"], s["label"]) for s in t["spans"]] for t in manual] == gold_of(store, unfinished=True)
    # An unfinished report (--all brings them) is no "accept": its undecided text is not "no entity".
    assert [(t["meta"]["document"], t["answer"], t["meta"]["done"]) for t in manual] == [
        (1, "ignore", False),
        (2, "accept", True),
    ]
    rejected = [t for t in tasks if t.get("answer") == "reject"]
    assert [[s["text"] for s in t["spans"]] for t in rejected] == [["12次"]]
    # Undecided is "ignore": prodigy db-in would give a task without an answer "accept".
    open_tasks = [t for t in tasks if t["answer"] == "ignore" and t["_view_id"] == "ner"]
    assert [([s["text"] for s in t["spans"]], t["meta"]["status"]) for t in open_tasks] == [(["120件"], "pending")]
    assert manual[0]["meta"] | {"source": None} == {
        "document": 1,
        "source": None,
        "title": manual[0]["meta"]["title"],
        "organisation": "城中区政协",
        "year": 2023,
        "date": None,  # a text file states no date of its own
        "done": False,
        "reviewers": ["wang"],
    }


def test_prodigy_tasks_carry_the_tokens_spacy_makes(store: Store) -> None:
    """ner_manual and review show a task by its tokens: one per character, as
    spacy.blank("zh") cuts the text, and every span on token boundaries. Before: no tokens."""
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("zh")
    texts = ["政协 委员\n\n提出 12次。  ab ", " 起", "一\t二"]
    for task in lines(iter_prodigy(store, ExportFilter(include_all=True))):
        texts.append(task["text"])
        tokens = task["tokens"]
        for span in task["spans"]:
            first, last = tokens[span["token_start"]], tokens[span["token_end"]]
            assert (first["start"], last["end"]) == (span["start"], span["end"])
    for text in texts:
        from pizhu.store.formats import char_tokens

        expected = [
            {"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)}
            for t in nlp.make_doc(text)
        ]
        assert char_tokens(text) == expected, text


def test_prodigy_without_all_has_no_rejected_or_open_task(store: Store) -> None:
    tasks = lines(iter_prodigy(store, ExportFilter()))
    assert [(t["answer"], t["meta"]["document"]) for t in tasks] == [("accept", 2)]  # report 1 is unfinished
    assert all(s["pizhu"]["status"] in GOLD_STATUSES for t in tasks for s in t["spans"])


def test_prodigy_hashes_are_stable_per_text_and_per_task(store: Store) -> None:
    tasks = lines(iter_prodigy(store, ExportFilter(include_all=True)))
    again = lines(iter_prodigy(store, ExportFilter(include_all=True)))
    assert [(t["_input_hash"], t["_task_hash"]) for t in tasks] == [(t["_input_hash"], t["_task_hash"]) for t in again]
    first_doc = [t for t in tasks if t["meta"]["document"] == 1]
    assert len(first_doc) == 3 and len({t["_input_hash"] for t in first_doc}) == 1
    assert len({t["_task_hash"] for t in tasks}) == len(tasks)
    assert len({t["_input_hash"] for t in tasks}) == 2
    # A new decision changes the question asked, not the input.
    doc = store.document(2)
    start = doc.text.index("灵武市")
    store.add_span(2, "li", start, start + 3, "GPE")
    changed = next(t for t in lines(iter_prodigy(store, ExportFilter())) if t["meta"]["document"] == 2)
    before = next(t for t in tasks if t["meta"]["document"] == 2 and t.get("answer") == "accept")
    assert changed["_input_hash"] == before["_input_hash"]
    assert changed["_task_hash"] != before["_task_hash"]


def test_prodigy_a_yes_no_task_never_shares_the_hash_of_a_manual_one() -> None:
    """A rejected candidate added back by hand: the manual task holding only that span and
    the reject task on it ask different questions."""
    from pizhu.store.formats import task_hash

    span = {"start": 0, "end": 2, "label": "PERSON"}
    assert task_hash("王明", [span], "ner_manual") != task_hash("王明", [span], "ner")


# --- doccano ---------------------------------------------------------------------------------


def test_doccano_lines_follow_its_import_format(store: Store) -> None:
    rows = lines(iter_doccano(store, ExportFilter(include_all=True)))
    for row in rows:
        validate(row, DOCCANO_SCHEMA)
        for start, end, _label in row["label"]:
            assert start < end and not row["text"][start].isspace() and not row["text"][end - 1].isspace()
    assert [[tuple(triple) for triple in row["label"]] for row in rows] == gold_of(store)
    # The rest rides along as doccano metadata, never as a label.
    assert sorted((n[3], rows[0]["text"][n[0] : n[1]]) for n in rows[0]["pizhu_not_gold"]) == [
        ("pending", "120件"),
        ("rejected", "12次"),
    ]
    assert rows[0]["pizhu_organisation"] == "城中区政协" and rows[1]["pizhu_document"] == 2
    assert "pizhu_not_gold" not in lines(iter_doccano(store, ExportFilter()))[0]


# --- Label Studio ----------------------------------------------------------------------------


def test_label_studio_config_and_tasks_validate_with_its_sdk(store: Store) -> None:
    label_interface = pytest.importorskip("label_studio_sdk.label_interface")
    config = label_studio_config()
    interface = label_interface.LabelInterface(config)
    interface.validate()  # raises on a config Label Studio would refuse
    assert sorted(interface.get_control("label").labels) == sorted(LABEL["enum"])
    tasks = json.loads("".join(iter_label_studio(store, ExportFilter(include_all=True))))
    assert len(tasks) == 2
    for task in tasks:
        for annotation in task["annotations"]:
            assert interface.validate_annotation(annotation)
        for prediction in task["predictions"]:
            assert interface.validate_prediction(prediction, return_errors=True) == []
    predicted = [[r["value"]["text"] for r in p["result"]] for t in tasks for p in t["predictions"]]
    assert predicted == [["120件"]]
    assert [r["text"] for r in tasks[0]["meta"]["rejected"]] == ["12次"]


def test_label_studio_tasks_convert_with_its_converter(store: Store, tmp_path: Path) -> None:
    converter_module = pytest.importorskip("label_studio_sdk.converter")
    tasks_file = tmp_path / "ls.json"
    tasks_file.write_text("".join(iter_label_studio(store, ExportFilter(include_all=True))), "utf-8")
    converter = converter_module.Converter(label_studio_config(), project_dir=str(tmp_path), download_resources=False)
    converter.convert_to_json_min(str(tasks_file), str(tmp_path / "min"), is_dir=False)
    converted = json.loads((tmp_path / "min" / "result.json").read_text("utf-8"))
    assert [sorted((r["start"], r["end"], r["labels"][0]) for r in row["label"]) for row in converted] == [
        sorted(spans) for spans in gold_of(store)
    ]
    for row in converted:
        for region in row["label"]:
            assert row["text"][region["start"] : region["end"]] == region["text"]
    # (Its CoNLL export splits tokens on whitespace, which Chinese text has none of: not a check.)


def test_cli_label_studio_writes_the_config_beside_the_tasks(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store(db) as store:
        build(store)
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--db", str(db), "--format", "label-studio"])
    assert result.exit_code == 1 and result.output.startswith("pizhu: error: --format label-studio needs -o")
    out = tmp_path / "ls.json"
    result = runner.invoke(main, ["export", "--db", str(db), "--format", "label-studio", "--all", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert label_studio_config_path(out) == tmp_path / "ls.label-config.xml"
    assert (tmp_path / "ls.label-config.xml").read_text("utf-8") == label_studio_config()
    assert len(json.loads(out.read_text("utf-8"))) == 2


@pytest.mark.parametrize("fmt", ["prodigy", "doccano"])
def test_cli_jsonl_formats_carry_no_bom(tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "t.db"
    with Store(db) as store:
        build(store)
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", fmt, "--unfinished"])
    assert result.exit_code == 0, result.output
    assert not result.stdout.startswith("\ufeff")
    assert len(lines([result.stdout])) >= 2


# --- CSV: BOM and year -----------------------------------------------------------------------


def test_csv_has_a_bom_and_pandas_reads_the_year_as_integers(tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    db = tmp_path / "t.db"
    with Store(db) as store:
        build(store)
    out = tmp_path / "figures.csv"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "csv", "--unfinished", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbfdocument,")  # Excel's cue for UTF-8
    frame = pandas.read_csv(out)
    assert next(iter(frame.columns)) == "document"  # the BOM is not glued to the first name
    assert frame["organisation"].iloc[0] == "城中区政协"
    assert str(frame["year"].dtype) == "int64"
    assert frame["year"].tolist() == [2023, 2023, 2022]
    plain = tmp_path / "plain.csv"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "csv", "--no-bom", "-o", str(plain)])
    assert result.exit_code == 0 and plain.read_bytes().startswith(b"document,")


def test_a_csv_year_that_is_missing_reads_as_na_not_as_float(tmp_path: Path) -> None:
    """A report without a year: pandas' nullable integers keep the others whole (2023, not 2023.0)."""
    pandas = pytest.importorskip("pandas")
    db = tmp_path / "t.db"
    with Store(db) as store:
        build(store)
    import sqlite3

    connection = sqlite3.connect(db)
    with connection:
        connection.execute("UPDATE documents SET year = NULL WHERE id = 2")
    connection.close()
    out = tmp_path / "figures.csv"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "csv", "--unfinished", "-o", str(out)])
    assert result.exit_code == 0, result.output
    frame = pandas.read_csv(out, dtype={"year": "Int64"})
    assert frame["year"].tolist()[:2] == [2023, 2023] and frame["year"].isna().tolist() == [False, False, True]


def test_an_unknown_label_is_an_error_not_an_empty_export(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store(db) as store:
        build(store)
    before = db.read_bytes()
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--label", "NOPE"])
    assert result.exit_code == 1
    assert result.output.startswith("pizhu: error: --label NOPE: no such label") and result.output.count("\n") == 1
    assert db.read_bytes() == before
    lower = CliRunner().invoke(main, ["export", "--db", str(db), "--label", "person", "--unfinished"])
    assert lower.exit_code == 0 and "王明" in lower.stdout


def test_every_command_help_has_an_example() -> None:
    runner = CliRunner()
    for name in sorted(main.commands):
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output, f"pizhu {name} --help has no example"


# --- the seeds, through the real extractor -----------------------------------------------------


@pytest.fixture(scope="module")
def seeds_store() -> Store:
    """The five seed reports with the real extractor's candidates, a third of them confirmed,
    a third rejected, the rest pending."""
    from pizhu.store.importer import find_files, import_file

    root = Path(__file__).resolve().parents[2] / "seeds"
    store = Store.memory()
    for path, error in find_files([root]):
        assert not error
        import_file(store, path)
    for doc_id in store.document_ids():
        for n, span in enumerate(store.spans(doc_id, "")):
            if n % 3 == 0:
                store.decide(span.id, "wang", Change("confirm"))
            elif n % 3 == 1:
                store.decide(span.id, "wang", Change("reject"))
    return store


def test_every_seed_span_survives_every_format(seeds_store: Store) -> None:
    label_interface = pytest.importorskip("label_studio_sdk.label_interface")
    flt = ExportFilter(include_all=True)
    gold = gold_of(seeds_store, include_all=True)
    assert sum(map(len, gold)) > 50
    prodigy = lines(iter_prodigy(seeds_store, flt))
    for task in prodigy:
        validate(task, PRODIGY_SCHEMA)
        for span in task["spans"]:
            assert task["text"][span["start"] : span["end"]] == span["text"]
            assert span["text"] == span["text"].strip()
    manual = [
        sorted((s["start"], s["end"], s["label"]) for s in t["spans"])
        for t in prodigy
        if "tokens" in t and t["_view_id"] == "ner_manual"
    ]
    assert manual == [sorted(spans) for spans in gold]
    rejected = [t for t in prodigy if t.get("answer") == "reject"]
    assert len(rejected) == sum(
        1 for r in iter_records(seeds_store, flt) for s in r["rejected"] if s["status"] == "rejected"
    )

    doccano = lines(iter_doccano(seeds_store, flt))
    for row in doccano:
        validate(row, DOCCANO_SCHEMA)
    assert [sorted(tuple(t) for t in row["label"]) for row in doccano] == [sorted(spans) for spans in gold]

    interface = label_interface.LabelInterface(label_studio_config())
    tasks = json.loads("".join(iter_label_studio(seeds_store, flt)))
    assert len(tasks) == len(seeds_store.document_ids())
    for task in tasks:
        for entry in task["annotations"] + task["predictions"]:
            assert interface.validate_prediction(entry, return_errors=True) == []  # annotations share the check
            for region in entry["result"]:
                value = region["value"]
                assert task["data"]["text"][value["start"] : value["end"]] == value["text"]
    assert sum(len(p["result"]) for t in tasks for p in t["predictions"]) > 0


def test_a_disputed_span_is_never_gold_in_any_format(store: Store) -> None:
    """wang confirmed 49条, li rejects it: every format keeps it out of the gold, with both versions."""
    span = next(s for s in store.spans(1, "") if s.text == "49条")
    store.decide(span.id, "li", Change("reject"))
    (record, _) = list(iter_records(store, ExportFilter(include_all=True)))
    assert [s["text"] for s in record["disputed"]] == ["49条"]

    prodigy = [t for t in lines(iter_prodigy(store, ExportFilter(include_all=True))) if t["meta"]["document"] == 1]
    assert "49条" not in [s["text"] for s in prodigy[0]["spans"]] and prodigy[0]["answer"] == "ignore"  # unfinished
    (disputed,) = [t for t in prodigy if t["meta"].get("status") == "disputed"]
    assert disputed["answer"] == "ignore" and [s["text"] for s in disputed["spans"]] == ["49条"]
    assert sorted(disputed["meta"]["versions"]) == ["li", "wang"]

    (row, _) = lines(iter_doccano(store, ExportFilter(include_all=True)))
    assert [t for t in row["label"] if row["text"][t[0] : t[1]] == "49条"] == []
    assert ["49条" for n in row["pizhu_not_gold"] if n[3] == "disputed"] == ["49条"]

    (task, _) = json.loads("".join(iter_label_studio(store, ExportFilter(include_all=True))))
    assert "49条" not in [r["value"]["text"] for r in task["annotations"][0]["result"]]
    assert [(d["text"], sorted(d["versions"])) for d in task["meta"]["disputed"]] == [("49条", ["li", "wang"])]
