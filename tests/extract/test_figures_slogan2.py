"""slogan2: FIGURE kinds that recur over the dev half. Sentences written for the test."""

from __future__ import annotations

from pizhu.extract.figures import find_figures


def test_a_bracketed_unit_stays_in_a_bare_scales_span() -> None:
    # GUIDELINES: a bracketed unit stays in the span (320人(次) → unit 人次); 近万人(次) likewise.
    spans = [s for s in find_figures("参与人数近万人(次),反响热烈。") if s.label == "FIGURE"]
    assert [s.text for s in spans] == ["近万人(次)"]
    assert spans[0].attrs["unit"] == "人次"
    assert spans[0].attrs["value"] == 10000
    assert spans[0].attrs["approx"] == "under"
