"""extract.segment gives jieba's words (``cut(text, HMM=False)``), on real reports and on generated text."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pizhu.extract import entities
from pizhu.extract.decode import decode
from pizhu.extract.document import prepare
from pizhu.extract.segment import Segmenter

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"


def _tokenizer() -> object:
    return entities._init()["tokenizer"]


def _segmenter() -> Segmenter:
    return entities._init()["segmenter"]  # type: ignore[no-any-return]


def _reports() -> list[str]:
    dev = json.loads((CORPUS / "split.json").read_text("utf-8"))["dev"]
    paths = sorted((ROOT / "seeds").glob("*.txt")) + [CORPUS / "texts" / name for name in dev]
    texts = []
    for path in paths:
        raw = decode(path.read_bytes()).text
        texts += [raw, *(d.text for d in prepare(raw))]
    return texts


def test_every_report_is_cut_into_jiebas_words() -> None:
    tokenizer, segmenter = _tokenizer(), _segmenter()
    texts = _reports()
    assert len(texts) > 100
    for text in texts:
        assert segmenter.words(text) == list(tokenizer.cut(text, HMM=False))  # type: ignore[attr-defined]


# Characters of the kinds the cut treats apart: Chinese (common and rare), Latin letters and
# digits (joined when single), jieba's block punctuation (+#&._%-), spaces, line breaks, CRLF.
_ALPHABET = st.sampled_from(
    list("政协委员会主席副市县区人民代表大会常务李王张明华提案办理工作年月日中华人民共和国")
    + list("鑫犇龘乂亍丨")
    + list("abcXYZ019０１")
    + list("+#&._%-")
    + [" ", "\n", "\r\n", "\t", "，。、《》（）“”"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_any_text_is_cut_into_jiebas_words(text: str) -> None:
    tokenizer = _tokenizer()
    assert _segmenter().words(text) == list(tokenizer.cut(text, HMM=False))  # type: ignore[attr-defined]


def test_a_word_added_to_the_dictionary_before_it_is_built_is_cut_whole() -> None:
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.add_word("城中文史资料", 500, "nz")
    words = Segmenter(tokenizer).words("编印《城中文史资料》两期")
    assert "城中文史资料" in words
    assert words == list(tokenizer.cut("编印《城中文史资料》两期", HMM=False))
