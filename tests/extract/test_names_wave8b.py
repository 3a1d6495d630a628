"""Issue 21, round wave8b: names run together with no mark, as encyclopedia mirrors give their lists.

Names made up for the test."""

from __future__ import annotations

from pizhu.extract.entities import find_entities


def persons(text: str) -> list[str]:
    return [s.text for s in find_entities(text) if s.label == "PERSON"]


def test_names_run_together_after_a_post_and_its_count_are_each_a_name() -> None:
    text = "主要领导\n主席张建国\n副主席(4)李正伟王晓波谢红陈立新\n秘书长赵明\n"
    found = persons(text)
    for name in ("李正伟", "王晓波", "谢红", "陈立新"):
        assert name in found
    assert not any(len(n) > 3 for n in found)


def test_a_run_that_is_one_item_of_a_list_splits_into_its_names() -> None:
    text = "选举李明为主席,刘卫东(回族)、陈晓光梁振华夏国龙杨传明(女)、孙丽为副主席。"
    found = persons(text)
    for name in ("陈晓光", "梁振华", "夏国龙", "杨传明"):
        assert name in found


def test_where_two_readings_differ_only_the_names_both_agree_on_are_given() -> None:
    # 董建华万钢…: 董建华 + 万钢 or 董建 + 华万钢; the later names read the same either way.
    found = persons("副主席董建华万钢何厚明卢展工\n")
    assert "何厚明" in found and "卢展工" in found
    assert "华万钢" not in found and "董建" not in found


def test_running_text_after_a_post_is_no_run_of_names() -> None:
    assert persons("副主席主持会议并讲话。") == []
    assert persons("主席高举中国特色社会主义旗帜。") == []


def test_a_name_and_its_verb_in_running_text_stay_one_name() -> None:
    found = persons("会上,主席徐茂林讲话,副主席罗奕明表示要抓好落实。")
    assert "徐茂林" in found and "罗奕明" in found
    assert not any(n.endswith(("讲话", "表示")) for n in found)


def test_a_post_after_a_name_in_a_list_is_no_name() -> None:
    assert "任团长" not in persons("代表团由王刚、李明任团长(兼)、赵军组成。")


def test_a_name_with_a_date_after_it_on_its_line_stays_one_name() -> None:
    found = persons("行政长官崔志安今(26)日上午会见联谊会一行。")
    assert "崔志安" in found and "安今" not in found


def test_a_name_before_a_preposition_and_a_quoted_title_ends_before_it() -> None:
    # 主委某某以《…》为题, 副县长某某以《…》: 以 (or 就) opens the phrase, whether jieba glued it to the name or not.
    assert "高瑞华" in persons("主委高瑞华以《继承优良传统》为题为党员上党课。")
    assert "陈娟" in persons("市政协委员、副县长陈娟以《在田园上写诗》为题作辅导讲座。")
    assert "陈娟以" not in persons("市政协委员、副县长陈娟以《在田园上写诗》为题作辅导讲座。")


def test_a_party_members_word_before_a_name_is_a_role_it_follows() -> None:
    # 农工党员某某, 会员某某 in a party's page: the member, named as 委员某某 is (RULINGS, wave8b).
    assert "郑黎明" in persons("农工党唐山市委全年编发简报86期。农工党员郑黎明被评为先进个人。")
    assert "张伟" in persons("民革市委表彰先进。民革党员张伟被评为优秀党员。")
    assert "秦立梅" in persons("民进市委会获评先进集体,会员秦立梅荣获民进全国先进个人。")


def test_the_members_words_before_common_words_stay_no_name() -> None:
    text = "民建市委组织会员企业捐款,会员单位积极参与,广大党员干部和社员代表出席。"
    assert persons(text) == []


def test_a_name_whose_given_part_is_a_word_ends_before_a_verb_that_follows_names() -> None:
    # 盟员 + 杜 + 富强 (a word of jieba's) + 撰写: the name runs to the verb that follows names (被, 荣获, 撰写).
    assert "杜富强" in persons("平顶山市盟员杜富强撰写的信息被采用。")
