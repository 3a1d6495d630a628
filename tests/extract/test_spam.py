"""Lines a spam mirror injected carry no span (extract.spam); the report around them keeps its spans."""

from __future__ import annotations

from pizhu.extract.pipeline import extract_spans
from pizhu.extract.spam import spam_lines

REPORT = "2023年,市政协共组织视察调研12次,提交提案156件,办复率100%。\n"
WIDGET = (
    "网友评论\n"
    "张三丰7\n"
    "某地一渔船翻扣两人被困8个多小时获救⏬\n"
    "2025/10/03推荐\n"
    "135****2201回复139****8876:成都开展碳排放交易成交量近20万吨🎼来自绵阳\n"
    "186****4072:2021年5月4日更新的列表🎣来自宜宾\n"
    "2025/10/02 不推荐\n"
)
SEO = "国产精品一区二区-在线播放高清无码-亚洲欧美日韩视频\n"


def _inside(text: str, lines: list[tuple[int, int]]) -> list[str]:
    return [s.text for s in extract_spans(text, model=False) if any(a <= s.start < b for a, b in lines)]


def test_a_comment_widget_pasted_under_a_report_gives_no_span() -> None:
    text = REPORT + WIDGET + REPORT
    lines = spam_lines(text)
    assert [text[a:b] for a, b in lines] == WIDGET.rstrip("\n").split("\n")
    assert _inside(text, lines) == []
    kept = {s.text for s in extract_spans(text, model=False)}
    assert {"2023年", "12次", "156件", "100%"} <= kept


def test_an_seo_title_line_gives_no_span() -> None:
    text = SEO + REPORT
    lines = spam_lines(text)
    assert [text[a:b] for a, b in lines] == [SEO.rstrip("\n")]
    assert "2023年" in {s.text for s in extract_spans(text, model=False)}


def test_report_lines_that_share_a_cue_are_not_spam() -> None:
    text = (
        "出席会议的委员来自各行各业\n"
        "列席的同志来自县直机关\n"
        "2023年3月5日推荐\n"
        "会议推举了主席团,委员们来自全县各地\n"
        "视频会议-在线直播-专题协商\n" + REPORT
    )
    assert spam_lines(text) == []
