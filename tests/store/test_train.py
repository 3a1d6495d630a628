"""``pizhu train``: the gold view, the document split, the flat-span filter, training and loading back.

Trainings here run a handful of steps on a few generated reports (every machine
candidate accepted as gold): they prove the plumbing, not the model's quality.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import pizhu.store.train as train_module
from bench.golddb import apply_gold, generated_gold_db, locate
from pizhu.cli import main
from pizhu.store.db import Store
from pizhu.store.importer import import_file
from pizhu.store.records import Change
from pizhu.store.train import (
    SPACY_MISSING,
    GoldDocument,
    GoldSpan,
    TrainError,
    TrainOptions,
    chunks,
    gold_documents,
    learning_curve,
    load_model,
    measure_alignment,
    predict,
    save_model,
    score_spans,
    split_documents,
    train,
)
from tests.extras import needs_spacy

ROOT = Path(__file__).resolve().parents[2]
FAST = TrainOptions(max_steps=4, epochs=1)


@pytest.fixture(scope="module")
def gold_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "gold.db"
    assert generated_gold_db(path, reports=5, seed=3) > 0
    return path


@pytest.fixture
def gold_db(gold_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "gold.db"
    shutil.copy(gold_template, path)
    return path


# --- the split -------------------------------------------------------------------------


def test_split_is_by_document_disjoint_and_complete() -> None:
    split = split_documents(range(1, 21), held_out=0.25, seed=5)
    assert len(split.held_out) == 5
    assert set(split.train).isdisjoint(split.held_out)
    assert set(split.train) | set(split.held_out) == set(range(1, 21))


def test_split_depends_only_on_the_ids_and_the_seed() -> None:
    assert split_documents([3, 1, 2, 5, 4], seed=1) == split_documents([5, 4, 3, 2, 1], seed=1)
    splits = {split_documents(range(30), seed=seed).held_out for seed in range(5)}
    assert len(splits) > 1


def test_split_always_keeps_one_document_on_each_side() -> None:
    split = split_documents([7, 8], held_out=0.9)
    assert len(split.train) == 1 and len(split.held_out) == 1
    with pytest.raises(TrainError, match="at least 2"):
        split_documents([7])


@needs_spacy
def test_training_never_sees_a_held_out_document(gold_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real_fit = train_module._fit

    def spy(tokenization, labels, documents, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.extend(d.id for d in documents)
        return real_fit(tokenization, labels, documents, *args, **kwargs)

    monkeypatch.setattr(train_module, "_fit", spy)
    with Store(gold_db) as store:
        result = train(store, TrainOptions(max_steps=1, held_out=0.4, seed=2))
    assert set(seen) == set(result.train_documents)
    assert set(seen).isdisjoint(result.held_out_documents)
    assert len(result.held_out_documents) == 2


# --- the gold and the flat-span filter ---------------------------------------------------


def _doc(text: str, *spans: tuple[str, str]) -> GoldDocument:
    made = []
    for label, needle in spans:
        start = text.index(needle)
        made.append(GoldSpan(start, start + len(needle), label, needle))
    return GoldDocument(1, "t.txt", text, tuple(made))


def test_a_date_or_figure_inside_a_title_is_left_out_of_ner() -> None:
    doc = _doc(
        "印发《实施方案(2023-2025年)》,开展12次调研。",
        ("TITLE", "《实施方案(2023-2025年)》"),
        ("DATE", "2023-2025年"),
        ("FIGURE", "12次"),
    )
    assert [(s.label, s.text) for s in doc.flat] == [("TITLE", "《实施方案(2023-2025年)》"), ("FIGURE", "12次")]


@needs_spacy
def test_training_examples_hold_only_the_flat_spans() -> None:
    doc = _doc("《时光印记:图说陈仓70年》出版。", ("TITLE", "《时光印记:图说陈仓70年》"), ("FIGURE", "70年"))
    nlp = train_module.blank_pipeline("char")
    (example,) = train_module._examples(nlp, [doc])
    assert [(e.text, e.label_) for e in example.reference.ents] == [("《时光印记:图说陈仓70年》", "TITLE")]


def test_chunks_never_cut_a_span() -> None:
    text = "召开会议。学习“两个确立。两个维护”精神。"
    spans = [GoldSpan(text.index("两个确立"), text.index("”精神"), "SLOGAN", "两个确立。两个维护")]
    pieces = chunks(text, spans)
    assert "".join(text[a:b] for a, b in pieces) == text
    assert not any(a < spans[0].start < b < spans[0].end for a, b in pieces)
    assert len(pieces) == 2


def test_gold_view_takes_confirmed_and_added_spans_and_skips_reports_under_review(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("2024年2月27日,城中区政协召开会议,提出建议12条。\n", "utf-8")
    (folder / "b.txt").write_text("2023年,灵武市政协开展调研11次。\n", "utf-8")
    with Store(tmp_path / "r.db") as store:
        for file in sorted(folder.iterdir()):
            import_file(store, file)
        a, b = store.document_ids()
        spans_a = store.spans(a, "ann")
        store.decide(spans_a[0].id, "ann", Change("confirm"))
        for span in spans_a[1:]:
            store.decide(span.id, "ann", Change("reject"))
        store.add_span(a, "ann", 0, 4, "DATE")
        store.decide(store.spans(b, "ann")[0].id, "ann", Change("confirm"))  # b: the rest still pending
        gold = gold_documents(store)
    assert [d.id for d in gold.documents] == [a]
    assert gold.under_review == 1
    (document,) = gold.documents
    assert {(s.start, s.end) for s in document.spans} == {(spans_a[0].start, spans_a[0].end), (0, 4)}
    assert all(document.text[s.start : s.end] == s.text for s in document.spans)


@needs_spacy
def test_alignment_char_tokens_hold_every_span_jieba_may_not() -> None:
    # jieba cuts 城中区 / 政协 / 召开 …: 城中 ends inside a word, 政协 is one.
    doc = _doc("城中区政协召开会议。", ("GPE", "城中"), ("ORG", "政协"))
    assert measure_alignment([doc], "char").share == 1.0
    jieba = measure_alignment([doc], "jieba")
    assert (jieba.spans, jieba.aligned) == (2, 1)


def test_scores_are_exact_match_per_label() -> None:
    gold = [(1, 0, 4, "DATE"), (1, 5, 8, "ORG"), (2, 0, 2, "ORG")]
    predicted = [(1, 0, 4, "DATE"), (1, 5, 9, "ORG"), (2, 0, 2, "GPE")]
    (date, org), total = score_spans(gold, predicted, ("DATE", "ORG"))
    assert (date.tp, date.fp, date.fn, date.f1) == (1, 0, 0, 1.0)
    assert (org.tp, org.fp, org.fn, org.precision) == (0, 1, 2, 0.0)
    assert (total.tp, total.fp, total.fn) == (1, 1, 2)  # the GPE guess is no trained label


# --- training, saving, loading back -------------------------------------------------------


@needs_spacy
def test_train_saves_a_model_that_loads_back_and_finds_spans(gold_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "model"
    with Store(gold_db) as store:
        result = train(store, TrainOptions(max_steps=6), out=out)
        text = store.document(result.held_out_documents[0]).text
    assert result.tokenization == "char"
    assert result.steps == 6
    assert {s.label for s in result.scores} == set(result.labels)
    nlp = load_model(out)
    assert nlp.meta["pizhu"]["held_out_documents"] == list(result.held_out_documents)
    assert set(nlp.get_pipe("ner").labels) == set(result.labels)
    for start, end, label in predict(nlp, text):
        assert label in result.labels
        assert 0 <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()


@needs_spacy
def test_training_is_reproducible_with_a_seed(gold_db: Path) -> None:
    with Store(gold_db) as store:
        first = train(store, TrainOptions(max_steps=3, seed=4))
        second = train(store, TrainOptions(max_steps=3, seed=4))
    assert first.held_out_documents == second.held_out_documents
    assert first.total == second.total


@needs_spacy
def test_only_the_chosen_labels_are_trained(gold_db: Path) -> None:
    with Store(gold_db) as store:
        result = train(store, TrainOptions(labels=("FIGURE", "DATE"), max_steps=2))
    assert result.labels == ("FIGURE", "DATE")
    assert [s.label for s in result.scores] == ["FIGURE", "DATE"]


@needs_spacy
def test_learning_curve_gives_every_share_and_label_one_f1_per_split(gold_db: Path) -> None:
    with Store(gold_db) as store:
        curve = learning_curve(store, TrainOptions(max_steps=1, labels=("FIGURE",)), fractions=(0.5, 1.0), splits=2)
    assert curve.labels == ("FIGURE", "all")
    assert len(curve.points) == 4
    assert all(len(p.f1) == 2 and p.low <= p.mean <= p.high for p in curve.points)
    assert curve.point(0.5, "FIGURE").documents == 2
    assert curve.point(1.0, "FIGURE").documents == 4


@needs_spacy
def test_ctrl_c_during_training_saves_nothing(gold_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "model"

    def stop(progress: train_module.Progress) -> None:
        if progress.step == 2:
            raise KeyboardInterrupt

    with Store(gold_db) as store, pytest.raises(KeyboardInterrupt):
        train(store, TrainOptions(max_steps=5), out=out, progress=stop)
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".model")]


class _Breaks:
    """A pipeline whose save is cut short after writing part of the model."""

    def to_disk(self, path: Path) -> None:
        (Path(path) / "half").write_text("x")
        raise KeyboardInterrupt


def test_ctrl_c_while_saving_keeps_the_previous_model(tmp_path: Path) -> None:
    out = tmp_path / "model"
    out.mkdir()
    (out / "meta.json").write_text("{}")
    with pytest.raises(KeyboardInterrupt):
        save_model(_Breaks(), out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]
    assert (out / "meta.json").read_text() == "{}"


def test_refuses_to_overwrite_a_folder_that_is_not_a_model(gold_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "notes"
    out.mkdir()
    (out / "mine.txt").write_text("keep")
    with Store(gold_db) as store, pytest.raises(TrainError, match="not overwriting"):
        train(store, FAST, out=out)
    assert [p.name for p in out.iterdir()] == ["mine.txt"]


# --- the command ---------------------------------------------------------------------------


@needs_spacy
def test_cli_trains_and_prints_json(gold_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "m"
    result = CliRunner().invoke(
        main, ["train", "--db", str(gold_db), "--out", str(out), "--max-steps", "3", "--json", "--seed", "1"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["steps"] == 3
    assert data["alignment"]["char"]["aligned"] == data["alignment"]["char"]["spans"]
    assert "epoch 1/1, step 3/3" in result.stderr
    assert (out / "meta.json").is_file()


@needs_spacy
def test_cli_curve_prints_a_table(gold_db: Path) -> None:
    result = CliRunner().invoke(main, ["train", "--db", str(gold_db), "--curve", "--max-steps", "1", "--label", "DATE"])
    assert result.exit_code == 0, result.output
    assert "25% (1)" in result.stdout and "100% (4)" in result.stdout
    assert "DATE" in result.stdout and "all" in result.stdout


@needs_spacy
def test_cli_ctrl_c_exits_130_with_one_line(gold_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(train_module, "_fit", interrupted)
    out = tmp_path / "m"
    result = CliRunner().invoke(main, ["train", "--db", str(gold_db), "--out", str(out)])
    assert result.exit_code == 130
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "pizhu: error: interrupted; nothing saved"
    assert [line for line in lines if "error" in line] == lines[-1:]
    assert not out.exists()


def test_missing_spacy_is_one_line_and_writes_nothing(
    gold_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy now raises ImportError
    with pytest.raises(TrainError, match="needs spaCy"):
        train_module.require_spacy()
    out = tmp_path / "m"
    result = CliRunner().invoke(main, ["train", "--db", str(gold_db), "--out", str(out)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"pizhu: error: {SPACY_MISSING}"
    assert not out.exists()


@needs_spacy
def test_no_reviewed_reports_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Store(db).close()
    result = CliRunner().invoke(main, ["train", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith("pizhu: error: no finished reports")
    result = CliRunner().invoke(main, ["train", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1 and not (tmp_path / "missing.db").exists()


# --- the seeds' gold as decisions (the bench helper) -----------------------------------


def test_seeds_gold_rows_are_found_in_order_and_become_the_gold_view(tmp_path: Path) -> None:
    gold_file = ROOT / "tests" / "data" / "seeds-gold.jsonl"
    rows = [json.loads(line) for line in gold_file.read_text("utf-8").splitlines() if line.strip()]
    with Store(tmp_path / "s.db") as store:
        for file in sorted((ROOT / "seeds").glob("*.txt")):
            import_file(store, file)
        applied = apply_gold(store, (gold_file,))
        assert applied.not_found == ()
        gold = gold_documents(store)
    assert sum(len(d.spans) for d in gold.documents) == len(rows)
    assert gold.under_review == 0
    assert all(d.text[s.start : s.end] == s.text for d in gold.documents for s in d.spans)


def test_locate_skips_a_figure_glued_to_other_digits() -> None:
    text = "共312次,又12次"
    found, missing = locate(text, [{"doc": "d", "label": "FIGURE", "text": "12次"}])
    assert found == [(text.rindex("12次"), len(text), "FIGURE")] and missing == []


def test_spacy_is_imported_only_when_training() -> None:
    import subprocess

    code = (
        "import sys, pizhu.store.train, pizhu.cli, pizhu.cli_train;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'textual')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


@needs_spacy
def test_sigint_to_a_running_train_exits_130_and_saves_nothing(gold_db: Path, tmp_path: Path) -> None:
    import signal
    import subprocess
    import time

    out = tmp_path / "model"
    command = ("train", "--db", str(gold_db), "--out", str(out), "--epochs", "1000", "--budget", "0")
    # As at a terminal: a shell's background job would inherit SIGINT ignored.
    code = "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler);"
    code += "from pizhu.cli import main; sys.exit(main())"
    process = subprocess.Popen([sys.executable, "-c", code, *command], stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    assert process.stderr is not None
    before = []
    for line in process.stderr:
        before.append(line)
        if line.startswith("training on"):
            break
    time.sleep(1.0)  # into the training loop (or its set-up: Ctrl-C may come at any moment)
    process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    rest = err.strip().splitlines()
    assert process.returncode == 130, rest
    assert rest[-1] == "pizhu: error: interrupted; nothing saved"
    assert not any("Traceback" in line for line in rest)
    assert not any("prefix dict" in line for line in before), before  # jieba's chatter kept off stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".model", "model"))) == []


@needs_spacy
def test_a_label_without_held_out_gold_is_a_dash_not_zero(gold_db: Path, tmp_path: Path) -> None:
    """Before: P, R and F1 of a label with no held-out gold (nothing to find) printed 0.000,
    as if the model had failed at it; they are undefined, and shown as ``stats`` shows them."""
    (none,), _total = score_spans([], [], ("SLOGAN",))
    assert (none.precision, none.recall, none.f1) == (None, None, None)
    (missed,), _total = score_spans([(1, 0, 2, "ORG")], [], ("ORG",))
    assert (missed.precision, missed.recall, missed.f1) == (None, 0.0, 0.0)  # missed everything: 0
    absent = "SLOGAN"
    with Store(gold_db) as store:  # no SLOGAN left in the gold: every one rejected
        for span in [s for doc in store.document_ids() for s in store.spans(doc, "") if s.label == absent]:
            for reviewer in {d.reviewer for d in store.history(span.id)}:
                store.decide(span.id, reviewer, Change("reject"))
        assert absent not in store_labels(store, "confirmed")
    out = tmp_path / "m"
    args = ["train", "--db", str(gold_db), "--out", str(out), "--max-steps", "1", "--label", "DATE", "--label", absent]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    (row,) = [line for line in result.stdout.splitlines() if line.strip().startswith(absent)]
    assert row.split()[1:] == ["0", "0", "0", "—", "—", "—"]


def store_labels(store: Store, status: str) -> set[str]:
    return {r["label"] for r in store.read("SELECT DISTINCT label FROM gold_states WHERE status = ?", [status])}


# --- from the first finished report (issue 24) ------------------------------------------


def _two_reports(tmp_path: Path) -> tuple[Path, int, int]:
    folder = tmp_path / "in"
    folder.mkdir()
    body = "".join(
        f"{2000 + i}年{i % 12 + 1}月{i % 27 + 1}日,城中区政协召开第{i}次会议,提出建议{i + 3}条。\n" for i in range(30)
    )
    (folder / "a.txt").write_text(body, "utf-8")
    (folder / "b.txt").write_text("2023年,灵武市政协开展调研11次。2024年,开展视察5次。\n", "utf-8")
    db = tmp_path / "r.db"
    with Store(db) as store:
        for file in sorted(folder.iterdir()):
            import_file(store, file)
        a, b = store.document_ids()
        store.decide_many([s.id for s in store.spans(a)], "ann", "confirm")
        store.decide(store.spans(b, "ann")[0].id, "ann", Change("confirm"))  # b: the rest still pending
    return db, a, b


@needs_spacy
def test_one_finished_report_trains_holding_out_its_last_part(tmp_path: Path) -> None:
    db, a, _b = _two_reports(tmp_path)
    with Store(db) as store:
        result = train(store, FAST)
    assert result.train_documents == (a,) and result.held_out_documents == (a,)
    assert result.held_out_part and "held out" in result.held_out_part
    # --out in tmp_path: the default (./pizhu-model) would overwrite the checkout's model.
    model = str(tmp_path / "model")
    out = CliRunner().invoke(main, ["train", "--db", str(db), "--out", model, "--max-steps", "2", "--epochs", "1"])
    assert out.exit_code == 0, out.output
    assert "one finished report" in out.stdout and "held out" in out.stdout


@needs_spacy
def test_refusal_names_the_reports_nearest_to_done_and_what_is_left(tmp_path: Path) -> None:
    db, a, b = _two_reports(tmp_path)
    with Store(db) as store:
        store.decide(store.spans(a, "ann")[0].id, "ann", Change("reset"))
        left_b = sum(1 for s in store.spans(b) if s.status == "pending")
    result = CliRunner().invoke(main, ["train", "--db", str(db)])
    assert result.exit_code == 1
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("pizhu: error: no finished reports")
    assert f"#{a} " in line and "1 left" in line
    assert f"#{b} " in line and f"{left_b} left" in line
    assert line.index(f"#{a} ") < line.index(f"#{b} ")  # nearest first


@needs_spacy
def test_train_and_propose_replaces_the_old_models_candidates_on_unfinished_reports_only(tmp_path: Path) -> None:
    from pizhu.store.train import train_and_propose

    db, a, b = _two_reports(tmp_path)
    with Store(db) as store:
        done_before = [(s.id, s.source) for s in store.spans(a)]
        with store.transaction() as conn:  # a candidate of an older model, undecided, in b
            conn.execute(
                "INSERT INTO spans (document_id, origin, label, start, end, text, attrs, rule, confidence,"
                " extractor_version, created_by, created_at, uid, source)"
                " VALUES (?, 'machine', 'PERSON', 0, 2, ?, '{}', 'model', 0.3, 'x', '', '', 'old', 'trained:old')",
                (b, store.document_text(b)[:2]),
            )
        _result, proposed = train_and_propose(store, tmp_path / "m", TrainOptions(max_steps=2, epochs=1))
        assert proposed == 1 and (tmp_path / "m").is_dir()
        assert all(s.source != "trained:old" for s in store.spans(b))
        assert [(s.id, s.source) for s in store.spans(a)] == done_before  # a finished report is left alone
