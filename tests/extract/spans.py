"""What the extract tests ask of the rules: the spans of one label, each checked as every
exported span must be (its offsets give its text; it neither starts nor ends on whitespace)."""

from __future__ import annotations

from pizhu.extract.pipeline import extract_spans


def labelled(text: str, label: str, model: bool = False) -> list[str]:
    """The texts of ``label``'s spans in ``text`` (rules alone unless ``model``)."""
    spans = extract_spans(text, model=model)
    for s in spans:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    return [s.text for s in spans if s.label == label]
