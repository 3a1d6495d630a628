"""Issue 21, round hkmo1: Hong Kong, Macau and Taiwan work in CPPCC pages (texts 454–465).

Every sentence is written for the test (invented bodies and accounts, real places from the tables), so a rule
passes only as a mechanism. Rules alone.
"""

from __future__ import annotations

from tests.extract.spans import labelled

# --- one-character names of provinces and cities beside Hong Kong's, Macau's or Taiwan's -----------------------


def test_a_pairing_repeated_is_two_places() -> None:
    text = "双方将深化湘港湘澳交流合作,共谋发展。"
    got = labelled(text, "GPE")
    assert "湘港" in got and "湘澳" in got and "湘港湘澳" not in got


def test_a_province_token_before_the_region_run_is_one_place() -> None:
    text = "活动旨在推动沪港澳青少年的交流。"
    got = labelled(text, "GPE")
    assert "沪港澳" in got and "港澳" not in got


def test_a_one_character_clipping_after_a_verb_of_place_is_no_run() -> None:
    text = "在京港澳委员出席了座谈会。"
    assert "京港澳" not in labelled(text, "GPE")


def test_a_city_before_three_regions_is_one_place() -> None:
    text = "他介绍了“榕港澳台青年交流营”的开展情况。"
    assert "榕港澳台" in labelled(text, "GPE")


def test_a_weak_province_name_beside_a_region_before_its_relation_is_one_place() -> None:
    text = "会上,双方就云澳两地的经贸合作深入交流。"
    assert "云澳" in labelled(text, "GPE")


def test_a_weak_province_character_in_a_word_stays_no_place() -> None:
    text = "委员们认为,宝贵澳门经验值得学习。"
    assert "贵澳" not in labelled(text, "GPE")


# --- a sea's name is no place where 海 opens the next word ------------------------------------------------------


def test_a_country_before_its_navy_is_the_country() -> None:
    text = "展馆介绍了新中国海军建设和中国近代海军发展史。"
    got = labelled(text, "GPE")
    assert got.count("中国") == 2 and not any(g.endswith("海") for g in got)


def test_a_named_sea_stays() -> None:
    text = "考察团乘船经过东海海域,抵达舟山。"
    assert "东海" in labelled(text, "GPE")


# --- bodies of Hong Kong, Macau and Taiwan work ---------------------------------------------------------------


def test_an_office_by_its_short_name_after_a_city_ending_in_zhou() -> None:
    text = "福州市侨办主任孙强介绍情况,杭州市台办负责人参加。"
    got = labelled(text, "ORG")
    assert "福州市侨办" in got and "杭州市台办" in got


def test_a_cppcc_committee_for_hong_kong_macau_and_taiwan_by_its_short_name() -> None:
    text = "县政协港澳台侨外事委副主任张伟表示,将加强联络。"
    assert "县政协港澳台侨外事委" in labelled(text, "ORG")


def test_a_congress_committee_for_overseas_chinese_by_its_short_name() -> None:
    text = "市人大华侨外事民族宗教委副主任赵磊发言。"
    assert "市人大华侨外事民族宗教委" in labelled(text, "ORG")


def test_a_region_run_before_committee_members_is_no_committee() -> None:
    text = "市政协港澳委员会见了县委书记。"
    assert not any(o.endswith("委") and "港澳" in o for o in labelled(text, "ORG"))


def test_a_party_centres_department_before_its_heads_post() -> None:
    text = "台盟中央联络部部长潘某主持,民盟中央组织部副部长王某出席。"
    got = labelled(text, "ORG")
    assert "台盟中央联络部" in got and "民盟中央组织部" in got


def test_a_citys_cppcc_after_the_hong_kong_members_delegation() -> None:
    text = "李某作为港区市政协委员召集人表示,澳区省政协委员也将参与。"
    got = labelled(text, "ORG")
    assert "市政协" in got and "省政协" in got


def test_the_delegation_alone_names_no_cppcc() -> None:
    text = "港区政协委员积极参与社会事务。"
    assert labelled(text, "ORG") == []


def test_a_province_before_its_hong_kong_members_association() -> None:
    text = "浙江省港区政协委员联谊会第三届会董会就职典礼举行,江苏省澳区政协委员联谊会致贺。"
    got = labelled(text, "ORG")
    assert "浙江省港区政协委员联谊会第三届会董会" in got and "江苏省澳区政协委员联谊会" in got


def test_a_joint_group_meeting_is_no_standing_group() -> None:
    text = "王某参加了港澳地区全国政协委员联组会,县政协第三界别联组开展活动。"
    got = labelled(text, "ORG")
    assert "全国政协" in got and "县政协第三界别联组" in got and not any(o.endswith("委员联组") for o in got)


# --- a place after the word for one's native place ------------------------------------------------------------


def test_a_place_after_native_place_is_a_place_though_the_segmenter_split_it() -> None:
    text = "团长由籍贯台中的代表担任,她祖籍台中,生于上海。"
    assert labelled(text, "GPE").count("台中") == 2


def test_a_common_word_after_native_place_is_no_place() -> None:
    text = "表格中的籍贯一栏由本人填写。"
    assert labelled(text, "GPE") == []


# --- an association's short names after its full name ---------------------------------------------------------


def test_an_association_without_its_sars_name_after_the_full_name() -> None:
    text = "香港教联会举行会议。教联会会长王某致辞,感谢教联会会员支持。"
    got = labelled(text, "ORG")
    assert got.count("教联会") == 2


def test_an_associations_initials_of_a_promotion_society() -> None:
    text = "澳门友好协进会举行晚会。友协会长陈某致辞,祝友协会务昌盛。"
    assert labelled(text, "ORG").count("友协") == 2


def test_a_bare_head_left_after_the_place_is_not_learned() -> None:
    text = "香港总商会举行年会。各地总商会代表出席。"
    assert "总商会" not in labelled(text, "ORG")


# --- a two-character name before a verb whose first character could be a third given one --------------------


def test_a_name_before_zuowei_is_two_characters() -> None:
    text = "市政协常委李胥作为港区委员召集人表示,将组织委员学习。"
    got = labelled(text, "PERSON")
    assert "李胥" in got and "李胥作" not in got


def test_a_name_before_huoyao_is_two_characters() -> None:
    text = "省政协常委林昶获邀列席晚宴,委员王志获聘为顾问。"
    got = labelled(text, "PERSON")
    assert "林昶" in got and "王志" in got and not any(p.endswith("获") for p in got)


def test_a_three_character_name_before_a_verb_stays() -> None:
    text = "市政协常委李建军作为召集人表示支持。"
    assert "李建军" in labelled(text, "PERSON")


def test_a_places_committee_named_by_its_task() -> None:
    text = "他在2021年澳门特别行政区选举委员会界别分组选举中当选。"
    assert "澳门特别行政区选举委员会" in labelled(text, "ORG")


def test_a_task_committee_not_right_after_the_place_stays_no_body() -> None:
    text = "香港举行选举委员会选举,投票顺利。"
    assert not any(o.endswith("选举委员会") for o in labelled(text, "ORG"))


def test_a_photographers_name_in_an_agencys_bracketed_credit() -> None:
    text = "记者会现场。(中评社兰忠伟摄)\n(新华社 王强摄)"
    got = labelled(text, "PERSON")
    assert "兰忠伟" in got and "王强" in got


# --- slogans -------------------------------------------------------------------------------------------------


def test_a_quoted_policy_package_named_by_its_count_of_articles() -> None:
    text = "委员们就“惠企26条”政策落实情况开展调研,推动“稳外贸十条”落地。"
    got = labelled(text, "SLOGAN")
    assert "惠企26条" in got and "稳外贸十条" in got


def test_a_quoted_count_of_articles_alone_is_no_package() -> None:
    text = "报告列出“三条”意见。"
    assert labelled(text, "SLOGAN") == []


def test_the_dual_circulation_is_a_numbered_watchword() -> None:
    text = "大湾区是畅通国内国际双循环的重要节点。"
    assert "双循环" in labelled(text, "SLOGAN")


# --- names after a company's or an office's posts -------------------------------------------------------------


def test_names_after_a_chief_executive_and_a_secretary() -> None:
    text = "活动获集团行政总裁霍震明大力支持,主席秘书杨立亮、副主席秘书黄懋等陪同。"
    got = labelled(text, "PERSON")
    assert "霍震明" in got and "杨立亮" in got and "黄懋" in got


def test_a_secretariat_is_no_name() -> None:
    text = "秘书处负责会务,秘书长主持会议。"
    assert labelled(text, "PERSON") == []


def test_a_national_association_led_by_zhonghua() -> None:
    text = "160多名人大代表、政协委员、中华海外联谊会理事出席,弘扬中华优秀传统文化。"
    got = labelled(text, "ORG")
    assert "中华海外联谊会" in got and not any("文化" in o for o in got)


def test_a_sars_association_led_by_zhonghua_keeps_its_sar() -> None:
    text = "澳门中华总商会会长出席,香港中华厂商联合会致贺。"
    got = labelled(text, "ORG")
    assert "澳门中华总商会" in got and "香港中华厂商联合会" in got


def test_an_agencys_dateline_glued_to_a_mirrors_latin_tag() -> None:
    text = "发布时间:2024-11-25 04:34:51来源: sp20241125中新网北京2月26日电(记者刘某)台盟中央召开会议。"
    assert "中新网" in labelled(text, "ORG")


# --- the congress named bare as the sitting body ---------------------------------------------------------------


def test_the_bare_congress_as_the_sitting_body() -> None:
    text = "委员们列席人大会议开幕仪式,政协会议明日开幕,人大在12日闭幕。"
    assert labelled(text, "ORG").count("人大") == 2


def test_the_congress_inside_a_post_or_a_pair_of_people_stays_none() -> None:
    text = "人大代表和政协委员出席,人大政协共同调研,市人大常委会主任讲话。"
    assert "人大" not in labelled(text, "ORG")
