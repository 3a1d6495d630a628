"""Issue 21, round wave8c: names a story's closing credit runs on into its verb. Sentences written for the test."""

from __future__ import annotations

from pizhu.extract.pipeline import rule_spans


def persons(text: str) -> list[str]:
    return [s.text for s in rule_spans(text) if s.label == "PERSON"]


def test_a_name_alone_on_the_credit_line_before_its_photo_report() -> None:
    # RULINGS: a credit's names running on into `报道`/`摄影` are split (`记者王强 李明摄影报道`); at a line's start the
    # line is the credit.
    assert "柯雪" in persons("会议听取了工作报告。\n\n柯雪摄影报道")


def test_the_last_name_of_a_reporters_list_before_its_report_verb() -> None:
    found = persons("本报讯 记者钟鸣、柯雪报道:3月1日,县政协召开常委会议。")
    assert "柯雪" in found
    found = persons("全媒体记者钟鸣、闻道宁、柯雪报道:会议指出,要做好提案工作。")
    assert "柯雪" in found


def test_a_contributor_after_the_body_that_sent_the_story() -> None:
    assert "柯雪" in persons("委员们纷纷表示要认真履职。\n(某某县政协柯雪供稿)")


def test_an_outlet_or_a_word_before_the_verb_is_no_name() -> None:
    assert persons("据新华社报道:会议在京召开。") == []
    assert persons("各大媒体、网站报道:会议在京召开。") == []
    assert persons("会议结束。\n央视报道") == []
    assert persons("(本网供稿)") == []


def orgs(text: str) -> list[str]:
    return [s.text for s in rule_spans(text) if s.label == "ORG"]


def test_the_centre_as_the_actor_of_its_policy_or_its_call() -> None:
    # RULINGS: bare `中央` as the actor is ORG wherever it stands (`贯彻中央决策部署`, `中央修改完善了…`).
    assert orgs("把思想统一到中央的决策部署上来。") == ["中央"]
    assert orgs("群众都对中央的惠农政策表示满意。") == ["中央"]
    assert orgs("委员要响应落实中央号召。") == ["中央"]
    assert orgs("支持新的选举制度和中央惠港政策。") == ["中央"]
    assert orgs("中央赋予某地新的任务。") == ["中央"]
    assert orgs("中央修改完善了选举制度。") == ["中央"]


def test_central_as_a_word_of_place_or_kind_is_no_body() -> None:
    assert orgs("会场中央的大屏幕播放了宣传片。") == []
    assert orgs("安装了中央空调。") == []


def test_the_sars_policy_secretariats_before_their_secretarys_post() -> None:
    # RULINGS: named bodies of Hong Kong and Macau count; the SARs' secretariats by their own names (a table).
    assert "政务司" in orgs("政务司司长某某、署理某某局局长某某出席座谈会。")
    assert "行政法务司" in orgs("出席的还有行政法务司司长某某等人。")
    assert "经济财政司" in orgs("经济财政司司长某某表示。")


def test_a_ministrys_department_or_a_secretariat_without_its_post_is_no_secretariat() -> None:
    assert "财政司" not in orgs("财政部财政司司长某某表示。")
    assert orgs("他曾任职于保安司法部门。") == []


def test_a_member_meeting_someone_is_no_committee() -> None:
    # 全国政协委员会面: 委员 (members) + 会面 (meet), the body before the member its own ORG.
    assert orgs("特首与港区全国人大代表及全国政协委员会面交流。") == ["全国人大", "全国政协"]
    assert orgs("他与近90位港区全国政协委员会面,听取意见。") == ["全国政协"]


def test_a_committee_facing_something_stays_the_committee() -> None:
    assert "县政协提案委员会" in orgs("县政协提案委员会面向全体委员征集提案。")


def test_a_committee_named_by_the_regions_it_works_with_standing_alone() -> None:
    # RULINGS (hkmo1): a committee's short name led by the regions or the overseas Chinese it works with is ORG,
    # however long; standing as a list item or quoted, before its chair's post, it is the committee on its own.
    found = rule_spans("市政协副秘书长某某、港澳台侨民族宗教委主任某某参加活动。")
    assert ("ORG", "港澳台侨民族宗教委") in [(s.label, s.text) for s in found]
    assert "港澳台" not in [s.text for s in found if s.label == "GPE"]
    assert "港澳台侨外事委" in orgs("今后将继续发挥“港澳台侨外事委”外向型优势。")


def test_the_regions_in_a_sentence_before_a_party_committee_are_no_committee() -> None:
    assert "港澳同胞热爱家乡县委" not in orgs("港澳同胞热爱家乡县委书记接见了他们。")
    assert all(not o.startswith("港澳") for o in orgs("港澳委员参加活动,市委书记出席。"))
