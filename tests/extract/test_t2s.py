"""extract.t2s gives what OpenCC's t2s gives, on real reports and on generated text."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from pizhu.extract.decode import decode
from pizhu.extract.t2s import Converter

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
_OPENCC = OpenCC("t2s")
_FAST = Converter(_OPENCC)


def test_every_line_of_the_reports_converts_as_opencc_converts_it() -> None:
    dev = json.loads((CORPUS / "split.json").read_text("utf-8"))["dev"]
    paths = sorted((ROOT / "seeds").glob("*.txt")) + [CORPUS / "texts" / name for name in dev]
    lines = [line for path in paths for line in decode(path.read_bytes()).text.split("\n")]
    traditional = [line for line in lines if _OPENCC.convert(line) != line]
    assert len(traditional) > 200, "the corpus holds Traditional text to check on"
    for line in lines:
        assert _FAST.convert(line) == _OPENCC.convert(line)


def test_of_several_values_the_first_is_taken() -> None:
    assert _FAST.convert("開展了") == _OPENCC.convert("開展了") == "开展了"
    assert _FAST.convert("開") == "开"


# Characters of the kinds the conversion treats apart: Traditional characters that are keys
# alone and inside phrases, Simplified ones, separators (punctuation, spaces), Latin, digits.
_ALPHABET = st.sampled_from(
    list("開發展區會議協國經濟聯誼屆員規劃綱乾隆後臺灣裡麵髮著")
    + list("政协委员开展")
    + list("，。、 -《》（）")
    + list("ab19")
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_any_text_converts_as_opencc_converts_it(text: str) -> None:
    assert _FAST.convert(text) == _OPENCC.convert(text)
