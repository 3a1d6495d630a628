"""extract.evaluate.score: per-source tables when predicted rows name their source."""

from __future__ import annotations

from pizhu.extract.evaluate import score

GOLD = [
    {"doc": "a", "label": "PERSON", "text": "李明"},
    {"doc": "a", "label": "PERSON", "text": "王强"},
    {"doc": "a", "label": "GPE", "text": "宜昌"},
]


def test_per_source_tables() -> None:
    predicted = [
        {"doc": "a", "label": "PERSON", "text": "李明", "source": "rules+lac"},
        {"doc": "a", "label": "PERSON", "text": "王强", "source": "lac"},
        {"doc": "a", "label": "PERSON", "text": "张", "source": "rules"},
        {"doc": "a", "label": "GPE", "text": "宜昌", "source": "rules"},
    ]
    result = score(GOLD, predicted)
    assert result["labels"]["PERSON"]["tp"] == 2 and result["labels"]["PERSON"]["fp"] == 1
    sources = result["sources"]
    assert set(sources) == {"lac", "rules", "rules+lac"}
    # A joint row counts for each of its sources and under its joint name.
    assert sources["lac"]["PERSON"] == {**sources["lac"]["PERSON"], "tp": 2, "fp": 0, "fn": 0}
    assert sources["rules"]["PERSON"]["tp"] == 1 and sources["rules"]["PERSON"]["fp"] == 1
    assert sources["rules+lac"]["PERSON"]["tp"] == 1 and sources["rules+lac"]["PERSON"]["fn"] == 1
    assert "GPE" not in sources["lac"]  # a source that proposed no GPE has no GPE row
    assert sources["rules"]["GPE"]["f1"] == 1.0


def test_no_sources_no_table() -> None:
    predicted = [{"doc": "a", "label": "PERSON", "text": "李明"}]
    assert "sources" not in score(GOLD, predicted)


def test_a_false_span_counts_in_a_report_whose_gold_has_none_of_its_label() -> None:
    """Before: a report's gold with no GPE (or no DATE) made every GPE (DATE) proposed there
    invisible, as if the report had not been labelled for it: precision came out too high on
    any report without a span of some label. A gold file labels its reports for every label
    it holds unless a coverage says otherwise."""
    gold = [*GOLD, {"doc": "b", "label": "DATE", "text": "2023年"}]
    predicted = [
        {"doc": "a", "label": "PERSON", "text": "李明", "source": "rules"},
        {"doc": "a", "label": "DATE", "text": "2023年", "source": "rules"},  # a's gold has no DATE: false
        {"doc": "b", "label": "DATE", "text": "2023年", "source": "rules"},
        {"doc": "b", "label": "GPE", "text": "宜昌", "source": "rules"},  # b's gold has no GPE: false
        {"doc": "c", "label": "PERSON", "text": "张三", "source": "rules"},  # no gold for c at all: not counted
        {"doc": "a", "label": "ORG", "text": "市政协", "source": "rules"},  # no ORG anywhere in the gold file
    ]
    result = score(gold, predicted)
    assert (result["labels"]["PERSON"]["tp"], result["labels"]["PERSON"]["fp"]) == (1, 0)
    assert (result["labels"]["DATE"]["tp"], result["labels"]["DATE"]["fp"]) == (1, 1)
    assert (result["labels"]["GPE"]["tp"], result["labels"]["GPE"]["fp"]) == (0, 1)
    assert "ORG" not in result["labels"]
    assert result["sources"]["rules"]["GPE"]["fp"] == 1


def test_a_coverage_names_what_each_report_was_labelled_for() -> None:
    """A gold file that labels some reports for some labels only says so (``coverage``):
    then a report counts on its labels alone, gold and candidates alike."""
    gold = [*GOLD, {"doc": "b", "label": "DATE", "text": "2023年"}]
    predicted = [
        {"doc": "a", "label": "PERSON", "text": "李明", "source": "rules"},
        {"doc": "a", "label": "DATE", "text": "2023年", "source": "rules"},  # a was labelled for PERSON, GPE
        {"doc": "b", "label": "DATE", "text": "2023年", "source": "rules"},
        {"doc": "b", "label": "GPE", "text": "宜昌", "source": "rules"},  # b was labelled for DATE only
        {"doc": "c", "label": "PERSON", "text": "张三", "source": "rules"},  # c: labelled for nothing
    ]
    coverage = {"a": {"PERSON", "GPE"}, "b": {"DATE"}}
    result = score(gold, predicted, coverage=coverage)
    assert (result["labels"]["PERSON"]["tp"], result["labels"]["PERSON"]["fp"]) == (1, 0)
    assert (result["labels"]["DATE"]["tp"], result["labels"]["DATE"]["fp"]) == (1, 0)
    assert (result["labels"]["GPE"]["tp"], result["labels"]["GPE"]["fp"]) == (0, 0)
    assert result["sources"]["rules"]["PERSON"]["fp"] == 0
    # A gold row outside the coverage is no miss either.
    partial = score(gold, [], coverage={"a": {"PERSON"}})
    assert partial["labels"]["PERSON"]["fn"] == 2 and "GPE" not in partial["labels"]
