"""The records of store/records.py that carry a rule: ``Change``, a requested change to a span."""

from __future__ import annotations

from pizhu.store.records import Change

TEXT = "全年征集社情民意49条,捐款捐物93.35万元。"


def test_a_change_without_bounds_keeps_the_spans_bounds() -> None:
    assert not Change("label", label="ORG").moves()
    assert Change("label", label="ORG").bounds(8, 11) == (8, 11)
    assert Change("boundary", end=10).moves()
    assert Change("boundary", end=10).bounds(8, 11) == (8, 10)
    assert Change("boundary", start=0).bounds(8, 11) == (0, 11)


def test_an_edit_records_the_label_the_bounds_with_their_text_and_the_attributes_kept() -> None:
    assert Change("confirm").edit(8, 11, TEXT) == {}
    assert Change("label", label="FIGURE").edit(8, 11, TEXT) == {"label": "FIGURE"}
    assert Change("boundary", end=10).edit(8, 11, TEXT) == {"start": 8, "end": 10, "text": "49"}
    attrs = {"value": 49, "unit": "条", "approx": "", "metric": None, "status": "confirmed"}
    assert Change("attrs", attrs=attrs).edit(8, 11, TEXT) == {"attrs": {"value": 49, "unit": "条"}}
