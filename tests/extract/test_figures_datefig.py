"""Issue 21, round datefig: kinds of FIGURE the rules missed on pages they had not seen.

Sentences written for the test."""

from __future__ import annotations

from pizhu.extract.figures import find_figures


def texts(text: str) -> list[str]:
    return [s.text for s in find_figures(text)]


def test_votes_counted_with_piao_are_figures() -> None:
    found = {s.text: s for s in find_figures("表决结果:赞成2150票,反对3票,弃权6票。")}
    assert set(found) == {"2150票", "3票", "6票"}
    assert found["2150票"].attrs["unit"] == "票" and found["2150票"].attrs["value"] == 2150


def test_a_one_vote_veto_counts_nothing() -> None:
    assert texts("对安全生产实行一票否决。") == []


def test_days_in_chinese_numerals_after_a_word_of_length_are_a_length() -> None:
    assert "四日" in texts("代表团一连四日考察访问福州及武夷山。")


def test_years_in_chinese_numerals_before_ago_or_later_are_a_length() -> None:
    # RULINGS: `30年前`, `10年后` stay FIGUREs; written in Chinese numerals they are the same length.
    assert "二十年" in texts("而二十年前,这里还是一片荒滩。")
    assert "三年" in texts("三年后,这座书院重新开放。")


def test_a_span_of_time_spent_on_something_is_a_length() -> None:
    assert "三年" in texts("历经三年时间走访老人、查阅资料。")
    assert "两年" in texts("编写组用了两年时间。")


def test_time_frames_stay_no_length() -> None:
    assert texts("五年来,市政协坚持围绕中心。") == []
    assert texts("过去五年,我们砥砺前行。") == []
    assert texts("实施三年行动计划。") == []


def test_a_yearbooks_volume_heading_is_no_count() -> None:
    assert "2019卷" not in texts("某某年鉴\n2019卷\n\n【概况】全年召开常委会议4次。")
    assert "1200卷" in texts("馆藏古籍1200卷。")


def test_the_base_of_a_comparison_and_a_verb_of_going_are_no_length() -> None:
    assert texts("私营企业达到16200家,较五年前增长115.2%。") == ["16200家", "115.2%"]
    assert "五日" not in texts("一行於一月五日前往福州参与活动。")


def test_a_count_whose_head_is_a_paper_or_a_body_a_report_counts() -> None:
    assert "两家" in texts("与两家公司负责人进行座谈。")
    assert "两件" in texts("听取了市卫健委就两件重点提案办理情况的答复。")
    assert "十个" in texts("全区十个街道政协委员联络组完成进组。")
    assert "三部" in texts("会期8天 三部重要草案将审议。")


def test_a_set_just_named_or_a_formula_stays_no_count() -> None:
    assert texts("对这两家公司的情况作了了解。") == []
    assert texts("做到“两个维护”。") == []


def test_days_after_a_word_of_length_in_traditional_script() -> None:
    assert "四日" in texts("3月2日抵達。\n\n一連四日考察訪問福州及武夷山\n")


def test_a_books_chapters_and_two_quantities_written_together() -> None:
    assert {"8章", "23节"} <= set(texts("全书分历史名人、民俗风情等8章23节。"))
    assert "八章" in texts("按概述、地理、人物八章234页编排。")
    assert texts("详见第3章。") == []
