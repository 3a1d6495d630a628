"""The project's rulings have one text: extract/data/RULINGS.md, shown word for word by the help screen,
holding the development corpus labellers' rulings whole."""

from __future__ import annotations

from pathlib import Path

from pizhu.tui.guidelines import PROJECT_RULINGS
from pizhu.tui.screens.help import help_text

ROOT = Path(__file__).resolve().parents[2]


def test_help_screen_text_is_docs_rulings() -> None:
    assert PROJECT_RULINGS == (ROOT / "extract" / "data" / "RULINGS.md").read_text("utf-8")


def test_corpus_rulings_are_merged() -> None:
    corpus = ROOT / "tests" / "data" / "corpus" / "RULINGS.md"
    docs = (ROOT / "extract" / "data" / "RULINGS.md").read_text("utf-8")
    for line in corpus.read_text("utf-8").splitlines()[1:]:
        assert line in docs, line


def test_help_screen_shows_the_rulings() -> None:
    text = help_text({}, "keys.toml").plain
    assert "Rulings added since (extract/data/RULINGS.md)" in text
    assert "习近平新时代中国特色社会主义思想" in text and "文史委" in text
