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


def test_only_what_the_gold_covers_counts() -> None:
    """Before: candidates from report b (not in the gold) and b's GPE counted as false alarms,
    as did a DATE in report a, whose gold annotates PERSON and GPE only."""
    gold = [*GOLD, {"doc": "b", "label": "DATE", "text": "2023年"}]
    predicted = [
        {"doc": "a", "label": "PERSON", "text": "李明", "source": "rules"},
        {"doc": "a", "label": "DATE", "text": "2023年", "source": "rules"},  # a's gold has no DATE
        {"doc": "b", "label": "DATE", "text": "2023年", "source": "rules"},
        {"doc": "b", "label": "GPE", "text": "宜昌", "source": "rules"},  # b's gold has no GPE
        {"doc": "c", "label": "PERSON", "text": "张三", "source": "rules"},  # no gold for c at all
    ]
    result = score(gold, predicted)
    assert result["labels"]["PERSON"] | {"precision": 1.0} == result["labels"]["PERSON"]
    assert (result["labels"]["PERSON"]["tp"], result["labels"]["PERSON"]["fp"]) == (1, 0)
    assert (result["labels"]["DATE"]["tp"], result["labels"]["DATE"]["fp"]) == (1, 0)
    assert (result["labels"]["GPE"]["tp"], result["labels"]["GPE"]["fp"]) == (0, 0)
    assert result["sources"]["rules"]["PERSON"]["fp"] == 0
