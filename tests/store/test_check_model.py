"""``pizhu check --model`` (issue 24): each report's gold read by span classifiers trained
without it; a confident contradiction (another label, a name running on past the span, a
word no one marks) is a finding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import pizhu.store.check_model as check_model
from bench.golddb import generated_gold_db
from pizhu.store.check_model import Reading, folds_of, model_findings, readings
from pizhu.store.db import Store
from pizhu.store.span_model import (
    NONE,
    Elsewhere,
    Example,
    SpanModel,
    common_word,
    cuts_through,
    edge_features,
    examples,
    numeral_headed,
    rule_features,
    span_features,
    words_of,
)


def reading(**changes: Any) -> Reading:
    base: dict[str, Any] = dict(
        document_id=1, start=0, end=3, label="PERSON", text="杨前超", label_p=0.9, other="ORG", other_p=0.05,
        gold_p=0.9, none_p=0.05, near=(0, 3), near_p=0.0, other_entity_p=0.01, unmarked=0, elsewhere=0,
    )  # fmt: skip
    return Reading(**{**base, **changes})


def test_a_label_is_flagged_where_both_models_read_another() -> None:
    assert reading().why is None
    swapped = reading(label_p=0.02, other_p=0.95, gold_p=0.01, none_p=0.1, other_entity_p=0.85)
    assert swapped.why is not None and "reads it as ORG" in swapped.why
    # The entity model reads it as no entity rather than ORG: a name it does not know, no finding.
    assert reading(label_p=0.02, other_p=0.95, gold_p=0.01, none_p=0.9, other_entity_p=0.05).why is None
    assert reading(label_p=0.2, other_p=0.75, gold_p=0.1, none_p=0.1, other_entity_p=0.7).why is None  # not strong


def test_a_cut_name_is_flagged_where_the_model_reads_the_label_over_it() -> None:
    cut = reading(gold_p=0.01, none_p=0.98, near=(0, 5), near_p=0.97)
    assert cut.why is not None and "over 0-5" in cut.why
    assert reading(gold_p=0.3, none_p=0.6, near=(0, 5), near_p=0.97).why is None  # the span itself reads fine


def test_a_cut_through_a_word_is_flagged_on_weaker_evidence() -> None:
    weak = dict(gold_p=0.3, none_p=0.7, near=(0, 5), near_p=0.5)
    assert reading(**weak).why is None  # the model alone is not sure enough
    flagged = reading(**weak, split=True).why  # but the edge cuts a word, a number or a place
    assert flagged is not None and "over 0-5" in flagged and "cuts a word" in flagged
    assert reading(gold_p=0.45, none_p=0.5, near=(0, 5), near_p=0.9, split=True).why is None  # reads fine here
    assert reading(gold_p=0.2, none_p=0.7, near=(0, 5), near_p=0.35, split=True).why is None  # nor there


def test_the_edge_a_cut_moves_is_checked_against_words_numbers_and_places() -> None:
    text = "推动梅河口市政协工作，共有20多人。"
    words = words_of(text)
    assert cuts_through(text, 4, words, start=True)  # 梅河|口市政协
    assert not cuts_through(text, 2, words, start=True)  # 梅河口市政协 as written
    assert cuts_through(text, 14, words, start=True)  # 2|0多人: a number
    assert not cuts_through(text, 13, words, start=True)
    assert not cuts_through(text, 17, words, start=False)  # 20多人| before 。


def test_a_start_after_a_body_before_its_place_cuts_the_name() -> None:
    text = "发生了民盟临沂市第六届委员会，会见民盟同志。"
    words = words_of(text)
    assert cuts_through(text, 5, words, start=True)  # 民盟|临沂市第六届委员会
    assert not cuts_through(text, 3, words, start=True)  # 民盟临沂市… as written
    assert not cuts_through(text, 19, words, start=True)  # 民盟|同志: no place after the body


def test_no_entity_needs_the_rest_of_the_gold_to_agree() -> None:
    assert reading(gold_p=0.0, none_p=0.99, unmarked=1).why is None  # an unknown name, unmarked once
    assert reading(gold_p=0.0, none_p=0.99, unmarked=5, elsewhere=1).why is None  # gold elsewhere too
    word = reading(gold_p=0.0, none_p=0.99, unmarked=5)
    assert word.why is not None and "no entity" in word.why


def test_a_common_word_is_evidence_of_no_entity_but_not_a_numeral_or_a_place() -> None:
    assert common_word("上半年") and common_word("委员")
    assert not common_word("四个")  # a numeral (m): figures are made of them
    assert not common_word("无为")  # a county in extract's place table, though jieba calls it a conjunction
    assert not common_word("杨前超")  # not in the dictionary
    word = reading(gold_p=0.0, none_p=0.99, unmarked=0, common=True)
    assert word.why is not None and "a common word" in word.why


def test_elsewhere_counts_unmarked_places_and_gold_places_but_the_span_itself() -> None:
    where = Elsewhere(
        [(1, "委员说委员好", [(0, 2, "PERSON")]), (2, "政协委员来了", []), (3, "委员会", [(0, 3, "ORG")])]
    )
    assert where.occurrences(1, 0, 2) == (2, 0)  # 委员 at 1:3 and 2:2; inside 委员会's gold no
    assert where.occurrences(1, 3, 5) == (1, 1)  # the other 委员 of report 1 is gold
    assert where.features(2, "委员") == ["unmarked=1", "gold_elsewhere=PERSON"]


def test_a_numeral_counts_as_unmarked_only_after_the_same_character() -> None:
    where = Elsewhere([(1, "共召开六届委员会议", [(3, 5, "FIGURE")]), (2, "第六届委员会，共召开六届会议", [])])
    assert numeral_headed("六届") and numeral_headed("20多人") and not numeral_headed("第六届")
    assert where.occurrences(1, 3, 5) == (1, 0)  # 共召开六届 in report 2, not 第六届
    assert where.unmarked(1, "六届") == 1  # the feature still counts every report


def test_the_labels_of_the_gold_beside_it_in_a_list_are_features() -> None:
    text = "将九牧、管厝、水北街6个乡镇"
    where = Elsewhere([(1, text, [(1, 3, "GPE"), (4, 6, "GPE"), (7, 10, "GPE")])])
    assert where.listed(1, 4, 6) == ["listed_after=GPE", "listed_before=GPE"]
    assert where.listed(1, 7, 10) == ["listed_after=GPE"]
    assert where.listed(1, 8, 10) == []  # 北街: no list mark beside it


def test_features_see_a_cut_through_a_word_and_the_tables() -> None:
    text = "长春市政协组织委员视察，共12次。"
    words = words_of(text)
    whole = span_features(text, 0, 5, words)
    cut = span_features(text, 1, 5, words)
    assert "bound=SE" in whole and "bound=SE" not in cut
    assert "place_head" in whole and "l2=政协" in whole
    assert any(f.startswith("measure=") for f in span_features(text, 13, 16, words))
    made = examples(text, [(0, 5, "ORG")], words=words)
    assert made[0] == Example(whole, "ORG")
    assert {x.label for x in made[1:]} == {NONE} and len(made) > 5


def test_edge_features_tell_a_cut_through_a_number_a_word_or_a_place() -> None:
    text = "推动梅河口市政协工作，共有20多人。"
    words = words_of(text)
    assert edge_features(text, 2, 8, words) == ["edge_s=ccw", "edge_e=ccw"]  # 梅河口市政协 as written
    cut = edge_features(text, 4, 8, words)  # 口市政协: 梅河|口 splits a word and a place of the table
    assert "edge_s=ccW" in cut and "edge_s_place" in cut
    assert edge_features(text, 13, 17, words) == ["edge_s=cdw", "edge_e=cpw"]  # 20多人
    assert "edge_s=ddW" in edge_features(text, 14, 17, words)  # 0多人: a number cut
    assert edge_features(text, 0, 2, words) == ["edge_e=ccw"]  # nothing before the text's start
    assert "edge_s=ccW" in span_features(text, 4, 8, words)


def test_the_rules_candidates_over_a_stretch_are_features() -> None:
    candidates = [(0, 3, "PERSON", 0.95), (5, 10, "ORG", 0.5)]
    assert rule_features(0, 3, candidates) == ["rule_same=PERSON", "rule_ends=SE", "rule_conf=PERSONhi"]
    assert rule_features(6, 10, candidates) == ["rule_wider=ORG", "rule_ends=sE", "rule_conf=ORGlo"]
    assert rule_features(2, 6, candidates)[::3] == ["rule_cross=PERSON", "rule_cross=ORG"]
    assert rule_features(3, 5, candidates) == ["rule_none"]
    text = "杨前超主持会议"
    assert "rule_same=PERSON" in span_features(text, 0, 3, words_of(text), candidates=candidates)
    assert not any(x.startswith("rule") for x in span_features(text, 0, 3, words_of(text)))


def test_the_span_model_learns_a_separable_set() -> None:
    data = [Example(["l1=名", "shape=dc"], "FIGURE"), Example(["l1=日", "shape=dc"], "DATE"), Example(["bias"], NONE)]
    model = SpanModel(("FIGURE", "DATE", NONE)).fit(data * 20, epochs=4)
    assert max(model.probabilities(["l1=名", "shape=dc"]).items(), key=lambda kv: kv[1])[0] == "FIGURE"
    assert model.probabilities(["l1=日", "shape=dc"])["DATE"] > 0.8
    assert sum(model.probabilities(["unseen"]).values()) == pytest.approx(1.0)


def test_folds_by_report() -> None:
    assert folds_of([1, 2, 3, 4, 5], 2) == [[1, 3, 5], [2, 4]]
    assert folds_of([1, 2], 5) == [[1], [2]]


def test_each_report_is_read_by_models_that_never_saw_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "gold.db"
    assert generated_gold_db(db, reports=3, seed=3) > 0
    trained: list[int] = []
    real = SpanModel.fit

    def fit(self: SpanModel, data: Any, *args: Any, **kwargs: Any) -> SpanModel:
        trained.append(len(data))
        return real(self, data[:200], *args, **kwargs)  # a short training: the test is of the folds

    monkeypatch.setattr(SpanModel, "fit", fit)
    steps: list[str] = []
    with Store(db) as store:
        read = readings(store, folds=3, epochs=1, progress=lambda p: steps.append(p.run))
        gold = len(store.read("SELECT 1 FROM gold_spans WHERE status = 'confirmed'"))
    assert len(trained) == 9  # a label model and two entity models (without, with the rules) a fold
    assert {"fold 1/3", "fold 2/3", "fold 3/3"} <= set(steps)
    assert len(read) == gold  # every gold span read once, by the fold that held its report out
    assert all(0.0 <= r.label_p <= 1.0 and 0.0 <= r.none_p <= 1.0 for r in read)


def test_model_findings_keep_the_flagged_statuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "gold.db"
    generated_gold_db(db, reports=2, seed=3)
    with Store(db) as store:
        first = next(s for s in store.spans(1, "gold") if len(s.text) >= 2)
        bad = reading(document_id=1, start=first.start, end=first.end, label=first.label, text=first.text,
                      label_p=0.0, other_p=0.99, gold_p=0.0, none_p=0.0, other_entity_p=0.9)  # fmt: skip
        monkeypatch.setattr(check_model, "readings", lambda *args, **kwargs: [bad])
        assert [f.span_id for f in model_findings(store)] == [first.id]
        assert model_findings(store, flagged=("added",)) == []


def test_pizhu_check_model_adds_the_models_findings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from pizhu.cli import main
    from pizhu.store.check import Finding

    db = tmp_path / "gold.db"
    generated_gold_db(db, reports=2, seed=3)
    flagged = Finding("model", 1, 0, 2, "ORG", "政协", "a model trained without this report reads it as GPE", 7)
    monkeypatch.setattr(check_model, "model_findings", lambda store: [flagged])
    plain = json.loads(CliRunner().invoke(main, ["check", "--db", str(db), "--json"]).output)
    assert all(f["kind"] != "model" for f in plain["findings"])
    result = CliRunner().invoke(main, ["check", "--model", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert flagged.as_dict() in json.loads(result.output)["findings"]


def test_a_relabel_out_of_the_gold_labels_form_needs_no_entity_model() -> None:
    # 高云龙 given ORG: the label model reads PERSON; the entity model knows neither name (none).
    unknown = dict(label="ORG", text="高云龙", label_p=0.02, other="PERSON", other_p=0.95, none_p=0.9)
    assert reading(**unknown, other_entity_p=0.05).why is None
    flagged = reading(**unknown, other_entity_p=0.05, fits=False, other_fits=True).why
    assert flagged is not None and "reads it as PERSON" in flagged and "form" in flagged
    # In form for its gold label, or out of the other's: no evidence beside the models.
    assert reading(**unknown, other_entity_p=0.05, fits=True, other_fits=True).why is None
    assert reading(**unknown, other_entity_p=0.05, fits=False, other_fits=None).why is None


def test_form_of_reads_the_span_against_both_labels_and_the_wider_stretch() -> None:
    text = "会见高云龙同志，童军总会代表"
    assert check_model.form_of(text, 2, 5, "ORG", "PERSON", (2, 5)) == (False, True, None, False)
    # 童军总 as ORG, the entity model reading ORG over 童军总会: that stretch has the form.
    assert check_model.form_of(text, 8, 11, "ORG", "GPE", (8, 12))[::2] == (False, True)


def test_a_cut_out_of_form_is_flagged_where_its_edge_cuts_a_word() -> None:
    # 约两星 of 约两星期: the model reads neither stretch as a FIGURE, but the edge cuts the word
    # 星期, the span lacks a FIGURE's form (a measure word) and the stretch over it has it.
    cut = dict(label="FIGURE", text="约两星", gold_p=0.0, none_p=1.0, near=(0, 4), near_p=0.03)
    assert reading(**cut, split=True).why is None
    flagged = reading(**cut, split=True, fits=False, near_fits=True).why
    assert flagged is not None and "over 0-4" in flagged and "form" in flagged
    assert reading(**cut, split=False, fits=False, near_fits=True).why is None  # 荷地|等区: no word cut
    assert reading(**cut, split=True, fits=True, near_fits=True).why is None  # in form here too


def test_a_generic_phrase_read_as_no_entity_is_flagged() -> None:
    generic = dict(label="ORG", text="相关部门", gold_p=0.02, none_p=0.97, unmarked=1)
    assert reading(**generic).why is None  # unmarked once only, no common word
    flagged = reading(**generic, generic=True).why
    assert flagged is not None and "generic" in flagged
    assert reading(**{**generic, "none_p": 0.6}, generic=True).why is None  # the model does not agree
    assert reading(**generic, generic=True, elsewhere=1).why is None  # gold elsewhere: the string checks'


def test_a_word_both_entity_models_read_as_none_and_left_unmarked_elsewhere_is_flagged() -> None:
    # 一个个 as FIGURE: the entity model unsure (none 69 %, FIGURE 31 %), the one that reads the
    # rules too sure (none 97 %), the string unmarked once elsewhere and gold nowhere else.
    word = dict(label="FIGURE", text="一个个", gold_p=0.31, none_p=0.69, relabel_none_p=0.97, unmarked=1)
    flagged = reading(**word).why
    assert flagged is not None and "no entity" in flagged
    assert reading(**{**word, "unmarked": 0}).why is None  # nowhere else to agree with the model
    assert reading(**{**word, "elsewhere": 1}).why is None  # gold elsewhere: the string checks' business
    assert reading(**{**word, "relabel_none_p": 0.7}).why is None  # the rules' reader not sure
    assert reading(**{**word, "none_p": 0.45, "gold_p": 0.5}).why is None  # the entity model leans to the label


def test_a_frequent_numeral_word_both_entity_models_read_as_none_is_flagged() -> None:
    # 一场 as FIGURE: a numeral word of jieba's dictionary (tag m, frequent), both readers sure it
    # is none, though it stands unmarked nowhere else.
    word = dict(label="FIGURE", text="一场", gold_p=0.01, none_p=0.99, relabel_none_p=0.99, unmarked=0)
    flagged = reading(**word).why
    assert flagged is not None and "numeral word" in flagged
    assert reading(**{**word, "text": "九百多名"}).why is None  # no dictionary word: a count
    assert reading(**{**word, "relabel_none_p": 0.8}).why is None  # the rules' reader not sure
    assert reading(**{**word, "elsewhere": 1}).why is None


IN_FORM = {"ORG": "市政协", "GPE": "四川", "PERSON": "王强", "MEETING": "二十大", "FIGURE": "3次", "DATE": "2023年"}


def _read(text: str, spans: list[tuple[int, int, str]], pad: bool = True, **changes: Any) -> list[Reading]:
    """Readings of ``spans`` of one report (the models' figures from ``reading``), put in their
    context; with ``pad``, beside 20 gold spans of each label in its form in another report."""
    near = changes.pop("near", None)
    read = [
        reading(start=s, end=e, label=label, text=text[s:e], near=near or (s, e), **changes) for s, e, label in spans
    ]
    texts = {1: text}
    if pad:
        texts[2] = "".join(IN_FORM.values())
        at = 0
        for label, string in IN_FORM.items():
            read += [reading(document_id=2, start=at, end=at + len(string), label=label, text=string)] * 20
            at += len(string)
    return [r for r in check_model.in_context(read, texts) if r.document_id == 1]


def test_a_wider_stretch_running_into_other_gold_is_no_cut() -> None:
    # Two bylines written together (丁泉杨常成): the model reads a three-character name over 丁泉杨.
    text = "宣传防疫知识。(丁泉杨常成)"
    byline = dict(gold_p=0.04, none_p=0.5, near=(8, 11), near_p=0.99)
    first = _read(text, [(8, 10, "PERSON"), (10, 13, "PERSON")], **byline)[0]
    assert first.near_gold and first.why is None
    alone = _read(text, [(8, 10, "PERSON")], **byline)[0]  # 杨 unmarked: 丁泉杨 may be the name
    assert not alone.near_gold and alone.why is not None


def test_a_body_before_a_post_is_the_guidelines_body_of_a_job_title() -> None:
    # 统战部部长, 警务处前副处长, 中共西安市委常委: the body counts by itself, the post left out.
    text = "市委常委、统战部部长娄二朋,警务处前副处长刘业成,中共西安市委常委、市委统战部部长"
    none = dict(gold_p=0.0, none_p=1.0, relabel_none_p=0.98, unmarked=7)
    bodies = _read(text, [(5, 8, "ORG"), (14, 17, "ORG")], **none)
    assert all(r.before_post and r.why is None for r in bodies)
    assert reading(label="ORG", text="统战部", **none).why is not None  # not before a post
    # The model reads ORG over 中共西安市委常委: the wider stretch runs into the post.
    at = text.index("中共西安市委")
    cut = _read(text, [(at, at + 6, "ORG")], gold_p=0.37, none_p=0.6, near=(at, at + 8), near_p=0.8, split=True)[0]
    assert cut.before_post and cut.why is None
    assert reading(label="ORG", text="中共西安市委", gold_p=0.37, none_p=0.6, near=(0, 8), near_p=0.8, split=True).why
    assert not _read("政协委员会", [(0, 2, "ORG")])[0].before_post  # 委员会 is a body's head, not a post


def test_a_wider_stretch_out_of_the_form_the_span_has_is_no_cut() -> None:
    # 市政协张家界市: the model reads ORG one character wider; the span is a body before its place,
    # the stretch over it neither a body nor a place.
    text = "协商并通过市政协张家界市第五届委员会"
    r = _read(text, [(6, 12, "ORG")], gold_p=0.0, none_p=0.3, near=(5, 12), near_p=0.79, split=True)[0]
    assert (r.fits, r.near_fits) == (True, False) and r.why is None


def test_a_form_is_evidence_only_where_its_labels_grammar_holds_for_the_gold() -> None:
    # 申城 (Shanghai's nickname) as GPE: out of GPE's form, in PERSON's; but a fifth of the gold
    # places are out of the grammar, so the form is no evidence against GPE.
    text = "行为艺术装点申城街头,四川成都,五角场"
    nickname = dict(label_p=0.11, other="PERSON", other_p=0.88, none_p=1.0, other_entity_p=0.0)
    few = _read(text, [(6, 8, "GPE"), (11, 13, "GPE"), (13, 15, "GPE")], pad=False, **nickname)
    assert not few[0].form_holds and few[0].why is None
    # Read as a body by a sure form (国民党: jieba's body; 县直机关: a head of two characters): evidence.
    body = dict(label_p=0.04, other="ORG", other_p=0.73, none_p=1.0, other_entity_p=0.01)
    sure = _read("国民党,县直机关,五角场", [(0, 3, "GPE"), (4, 8, "GPE"), (9, 12, "GPE")], pad=False, **body)
    assert [r.other_sure for r in sure] == [True, True, False]
    assert [r.why is not None for r in sure] == [True, True, False]
    in_form = _read(
        "四川成都重庆申城", [(0, 2, "GPE"), (2, 4, "GPE"), (4, 6, "GPE")] * 7 + [(6, 8, "GPE")], pad=False, **nickname
    )
    assert in_form[-1].form_holds and in_form[-1].why is not None  # 1 in 22 out of form: evidence


def test_a_cut_out_of_form_without_a_word_cut_needs_the_model_over_the_wider_stretch() -> None:
    # 文教支 of 文教支社: jieba cuts 文教支|社, so no word is split; the span is no body, the stretch
    # over it one, and the model reads ORG there 31 %.
    text = "将文教支社更名为"
    cut = dict(gold_p=0.05, none_p=0.93, near=(1, 5))
    assert _read(text, [(1, 4, "ORG")], **cut, near_p=0.31)[0].why is not None
    assert _read(text, [(1, 4, "ORG")], **cut, near_p=0.1)[0].why is None


def test_a_span_started_by_a_conjunction_is_out_of_form() -> None:
    # 文化|和文史资料委员会编委会: 和 joins two names, starts none.
    text = "决定成立文化和文史资料委员会编委会。"
    r = _read(text, [(6, 17, "ORG")], gold_p=0.0, none_p=1.0, near=(4, 17), near_p=0.21)[0]
    assert r.fits is False and r.near_fits is True and r.why is not None
    assert _read("和平区政协", [(0, 5, "ORG")])[0].fits is True  # 和平: a word, not the conjunction


def test_a_cut_through_a_word_needs_less_where_the_span_reads_no_label() -> None:
    faint = dict(gold_p=0.0, none_p=1.0, near=(0, 4), near_p=0.33)
    assert reading(**faint).why is None
    assert reading(**faint, split=True).why is not None  # 广|西区委
    assert reading(**{**faint, "gold_p": 0.2}, split=True).why is None


def test_an_end_through_a_word_completed_in_form_is_a_cut() -> None:
    # 四次会 of 四次会议: the end cuts the word 会议, and 四次会议 is a meeting; the models read the
    # span as no entity and the wider stretch as nothing either.
    text = "四届全国人大四次会议今早"
    end = dict(gold_p=0.0, none_p=1.0, relabel_none_p=1.0, near=(6, 10), near_p=0.02, split=True)
    assert _read(text, [(6, 9, "MEETING")], **end)[0].why is not None
    assert _read(text, [(6, 9, "MEETING")], **{**end, "relabel_none_p": 0.8})[0].why is None
    # 中共|党员会议: the stretch 中共党员会 has ORG's form, but its own end cuts 会议.
    text = "16:00中共党员会议"
    r = _read(text, [(5, 7, "ORG")], **{**end, "near": (5, 10)})[0]
    assert r.near_fits is True and not r.near_whole and r.why is None


def test_a_place_prefix_or_a_unit_left_out_beside_the_span_is_a_cut() -> None:
    # 香港|商报: an ORG runs from its place prefix (the guidelines); 四十余|篇: a FIGURE to its unit.
    text = "据香港商报报道,剩余四十余篇稿件"
    fine = dict(gold_p=0.3, none_p=0.6)
    org, figure = _read(text, [(3, 5, "ORG"), (10, 13, "FIGURE")], **fine)
    assert org.left_out == "香港" and org.why is not None and "place prefix" in org.why
    assert figure.left_out == "篇" and figure.why is not None and "unit" in figure.why
    assert _read(text, [(1, 3, "GPE"), (3, 5, "ORG")], **fine)[1].left_out == ""  # the place is gold itself
    assert _read(text, [(10, 14, "FIGURE")], **fine)[0].left_out == ""  # 四十余篇 in form: its unit in it
    assert _read(text, [(3, 5, "ORG")], gold_p=0.8, none_p=0.1)[0].why is None  # the model reads it fine


def test_a_dictionary_word_both_entity_models_read_as_none_is_flagged() -> None:
    # 省属 as GPE: a noun of jieba's dictionary (64), both readers sure it is none, unmarked nowhere else.
    word = dict(label="GPE", text="省属", gold_p=0.0, none_p=0.99, relabel_none_p=0.99, unmarked=0)
    flagged = reading(**word).why
    assert flagged is not None and "word of the dictionary" in flagged
    assert reading(**{**word, "text": "路环"}).why is None  # a rare word (2): a name the models do not know
    assert reading(**{**word, "text": "南亚"}).why is None  # a place name of the dictionary
    assert reading(**{**word, "relabel_none_p": 0.9}).why is None
    assert reading(**{**word, "elsewhere": 1}).why is None
