"""bench.agreement: two annotators' golds compared per label, aggregates only."""

from __future__ import annotations

from bench.agreement import agreement, table


def _row(doc: str, label: str, text: str, **attrs: object) -> dict[str, object]:
    return {"doc": doc, "label": label, "text": text, **attrs}


def _fig(doc: str, text: str, value: object, unit: str, approx: str = "exact") -> dict[str, object]:
    return _row(doc, "FIGURE", text, value=value, unit=unit, approx=approx, metric="")


def test_a_label_the_first_annotator_lacks_in_a_doc_still_counts_against_the_second() -> None:
    first = [_row("a.txt", "ORG", "市政协")]
    second = [_row("a.txt", "ORG", "市政协"), _row("a.txt", "GPE", "西宁")]
    result = agreement(first, second)
    assert result["labels"]["GPE"]["fp"] == 1
    assert result["micro"]["precision"] == 0.5
    assert result["micro"]["recall"] == 1.0


def test_occurrences_match_as_multisets_and_f1_is_symmetric() -> None:
    first = [_row("a.txt", "ORG", "县政协")] * 3
    second = [_row("a.txt", "ORG", "县政协")] * 2
    one, other = agreement(first, second), agreement(second, first)
    assert one["labels"]["ORG"]["tp"] == 2
    assert one["labels"]["ORG"]["f1"] == other["labels"]["ORG"]["f1"]


def test_only_docs_both_cover_and_the_prefixes_select_are_scored() -> None:
    first = [_row("230_x.txt", "ORG", "市政协"), _row("250_y.txt", "ORG", "县委")]
    second = [_row("230_x.txt", "ORG", "市政协"), _row("250_y.txt", "ORG", "县政府"), _row("260_z.txt", "GPE", "四川")]
    result = agreement(first, second, ("23",))
    assert result["docs"] == 1
    assert result["micro"]["f1"] == 1.0


def test_figure_attributes_are_compared_on_matched_spans() -> None:
    first = [_fig("a.txt", "10余次", 10, "次", "over"), _fig("a.txt", "5万元", 50000, "元")]
    second = [_fig("a.txt", "10余次", "10", "次", "exact"), _fig("a.txt", "5万元", 50000.0, "元")]
    attrs = agreement(first, second)["figure_attrs"]
    assert (attrs["matched"], attrs["value_correct"], attrs["approx_correct"], attrs["correct"]) == (2, 2, 1, 1)


def test_the_table_names_no_span() -> None:
    first = [_row("a.txt", "PERSON", "卓乐知")]
    second = [_row("a.txt", "PERSON", "卓乐之")]
    shown = table(agreement(first, second))
    assert "卓乐" not in shown
    assert "| PERSON | 1 | 1 | 0 |" in shown
