"""Issue 21, seventh round: kinds of miss on the second fresh batch 190–201 (scored before any rule changed).

Every sentence is written for the test (invented people, real places from the table), so a rule passes
only as a mechanism. Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- PERSON: a rare surname between a post and its verb ----------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("全国政协副主席宿立新在讲话中指出,要凝聚共识。", "宿立新"),
        ("市政协主席展翔在会上讲话。", "展翔"),
        ("会长檀文华表示,将继续服务会员。", "檀文华"),
    ],
)
def test_a_rare_surname_after_a_post_and_before_its_verb_is_a_name(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "副主席在会上讲话。",
        "会长富有经验,表示将继续努力。",
        "主任家中困难,组织上表示关心。",
    ],
)
def test_a_post_before_a_word_of_a_rare_surname_gives_no_name(text: str) -> None:
    assert labelled(text, "PERSON") == []


# --- ORG: a verb in 办 ends no office; a level before a region's office ------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("关于表彰市政协提案承办先进单位的情况汇报。", "市政协"),
        ("县政协提案督办工作取得实效。", "县政协"),
        ("区政协主办的书画展开幕。", "区政协"),
    ],
)
def test_a_verb_ending_in_ban_is_no_office_of_the_body(text: str, body: str) -> None:
    assert labelled(text, "ORG") == [body]


def test_an_office_abbreviation_in_ban_still_is_one() -> None:
    assert "县政协提案办" in labelled("县政协提案办负责同志参加。", "ORG")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("市委统战部副部长、市台港澳事务局局长王立新出席。", "市台港澳事务局"),
        ("会议由县港澳事务局局长主持。", "县港澳事务局"),
    ],
)
def test_a_bare_level_before_a_regions_office_belongs_to_it(text: str, body: str) -> None:
    orgs = labelled(text, "ORG")
    assert body in orgs
    assert body[1:] not in orgs
    assert labelled(text, "GPE") == []


# --- ORG: an association's council of a term, a commission's short form, outlets ---------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("澳门中山同乡会第三届理事会就职典礼昨晚举行。", "澳门中山同乡会第三届理事会"),
        ("香港福建社团联会第十届理监事会成员出席。", "香港福建社团联会第十届理监事会"),
    ],
)
def test_an_associations_council_of_a_term_is_one_body_with_it(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_a_council_standing_alone_after_a_verb_is_no_body() -> None:
    assert labelled("联谊会举行第七届理事会就职典礼。", "ORG") == []


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("天津市国资委原主任被查。", "天津市国资委"),
        ("省经信委、市民宗委负责同志出席。", "省经信委"),
        ("省经信委、市民宗委负责同志出席。", "市民宗委"),
    ],
)
def test_a_commissions_short_form_after_a_place_is_a_body(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")
    assert labelled(text, "GPE") == []


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("大会现场。光明网记者王立摄", "光明网"),
        ("新华通讯社出品", "新华通讯社"),
        ("今日兴县网消息3月1日,县政协召开会议。", "今日兴县网"),
        ("今日房县网消息3月1日,县政协召开会议。", "今日房县网"),
    ],
)
def test_news_outlets_in_credits_and_leads(text: str, outlet: str) -> None:
    assert outlet in labelled(text, "ORG")


def test_the_central_government_by_its_short_name_is_a_body() -> None:
    assert "中央政府" in labelled("有中央政府的大力支持,有广大港澳同胞的共同努力。", "ORG")


# --- GPE: a place ending in 乡 before a word of 乡; two full names side by side ---------------


def test_a_place_whose_xiang_opens_a_word_is_no_place() -> None:
    text = "他被评为「抗疫新乡贤」,家乡乡亲都为他高兴。"
    assert labelled(text, "GPE") == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("为保持香港澳门繁荣稳定作出贡献。", ["香港", "澳门"]),
        ("推动广东福建两省合作。", ["广东", "福建"]),
    ],
)
def test_two_places_of_one_level_written_together_are_two(text: str, places: list[str]) -> None:
    assert labelled(text, "GPE") == places


def test_a_chain_of_province_and_city_stays_one_place() -> None:
    assert labelled("赴湖北宜昌考察。", "GPE") == ["湖北宜昌"]


# --- SLOGAN: the dual role after 发挥好 ---------------------------------------------------------


def test_the_dual_role_after_fahui_hao_is_a_slogan() -> None:
    assert "双重积极作用" in labelled("希望联谊会继续发挥好双重积极作用。", "SLOGAN")


def test_a_models_place_ending_in_a_word_its_suffix_starts_is_dropped() -> None:
    from pizhu.extract.entities import looks_like_place

    assert not looks_like_place("新乡贤")
    assert not looks_like_place("某镇乡亲")
    assert looks_like_place("新乡")
    assert looks_like_place("王家山村")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("江门市政协(各级)历届香港委员联谊会日前举行座谈会。", "江门市政协(各级)历届香港委员联谊会"),
        ("中山政协历届澳门委员联谊会迎新春", "中山政协历届澳门委员联谊会"),
    ],
)
def test_an_association_of_a_cppccs_members_is_one_body_with_it(text: str, body: str) -> None:
    assert labelled(text, "ORG") == [body]
    assert labelled(text, "GPE") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("深化莞港澳全面合作。", "莞港澳"),
        ("促进榕台两地交流。", "榕台"),
        ("推动澳珠两地深度融合。", "澳珠"),
    ],
)
def test_a_citys_one_character_name_beside_the_regions_is_one_place(text: str, place: str) -> None:
    assert labelled(text, "GPE") == [place]


@pytest.mark.parametrize("text", ["加深港澳交流。", "珍珠港的故事。", "要深入基层。"])
def test_a_citys_character_inside_a_word_is_no_place(text: str) -> None:
    assert all(len(g) >= 2 and g in ("港澳",) for g in labelled(text, "GPE"))


def test_a_place_naming_its_convention_centre_is_part_of_the_venue() -> None:
    assert labelled("典礼在香港会议展览中心举行。", "GPE") == []
    assert labelled("会议在北京人民大会堂举行。", "GPE") == ["北京"]


def test_a_post_opening_an_item_in_a_list_of_names_is_no_part_of_the_name() -> None:
    text = "该会创会会长蔡立明、会长罗文熹、荣誉会长梁一凡、副会长邓志彦、刘阳波、周志辉等一行出席。"
    persons = labelled(text, "PERSON")
    assert {"罗文熹", "梁一凡", "邓志彦", "刘阳波", "周志辉"} <= set(persons)
    assert not any("会长" in p for p in persons)


@pytest.mark.parametrize("text", ["该会荣誉会长梁一凡出席。", "要提倡文明主持婚礼。"])
def test_a_frequent_word_the_dictionary_also_tags_as_a_name_is_no_name(text: str) -> None:
    assert not {"荣誉", "文明"} & set(labelled(text, "PERSON"))


def test_committees_listed_with_their_heads_are_bodies_from_the_first() -> None:
    text = "在下午的全体会议上,经济委员会主任王立新、文化文史和学习委员会主任李明华、外事委员会副主任赵红分别作了说明。"
    orgs = labelled(text, "ORG")
    assert {"经济委员会", "文化文史和学习委员会", "外事委员会"} <= set(orgs)


def test_one_committee_with_its_head_is_left_to_the_other_rules() -> None:
    assert "工作委员会" not in labelled("会上,工作委员会主任王立新作了说明。", "ORG")


def test_committees_each_on_its_own_line_under_their_heading_are_bodies() -> None:
    text = "各专门委员会\n\n提案委员会\n\n经济委员会\n\n农业和农村委员会\n\n历次全体会议\n\n第一次会议"
    assert labelled(text, "ORG") == ["提案委员会", "经济委员会", "农业和农村委员会"]


def test_the_proposal_committee_by_its_own_name_is_a_body_where_the_report_names_a_cppcc() -> None:
    text = "市政协九届二次会议收到提案118件。经提案委员会审查,立案64件。"
    assert "提案委员会" in labelled(text, "ORG")


def test_a_proposal_committee_without_any_cppcc_in_the_text_is_left_alone() -> None:
    assert labelled("经提案委员会审查,立案64件。", "ORG") == []


def test_a_term_before_weiyuan_huiyi_belongs_to_no_body() -> None:
    # 第一届委员会议: the members' meeting of the first term (委员 + 会议), not a 委员会.
    assert labelled("1、政协依兰县第一届委员会议于1958年9月召开。", "ORG") == ["政协依兰县"]


@pytest.mark.parametrize(
    "text", ["组织盟员参加区、市、县政协的培训。", "召开了市、县政协文史工作会议。", "各县、区政协负责同志参加。"]
)
def test_levels_listed_before_one_body_are_a_plural(text: str) -> None:
    assert labelled(text, "ORG") == []


def test_a_province_and_a_city_listed_before_one_cppcc_keep_the_citys_body() -> None:
    assert "市政协" in labelled("先后接待省、市政协和外省政协等来访。", "ORG")


def test_a_committees_numbered_meeting_after_it_meets_is_a_meeting() -> None:
    assert labelled("昨天晚上,区政协文史委员会举行第十三次会议。", "MEETING") == ["第十三次会议"]
    assert labelled("今年举行第三次会议。", "MEETING") == []


def test_a_party_congress_before_de_zhaokai_is_a_meeting() -> None:
    assert "十七大" in labelled("今年将迎来中共十七大的召开。", "MEETING")


def test_new_china_gives_the_place_china_as_the_gold_has_it() -> None:
    assert labelled("2019年是新中国成立70周年。", "GPE") == ["中国"]


def test_the_new_countryside_is_no_place() -> None:
    assert labelled("为社会主义新农村建设出力。", "GPE", model=True) == []


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("出席的有澳门知识产权保护商会、澳门连锁加盟商会等社团。", "澳门知识产权保护商会"),
        ("出席的有澳门知识产权保护商会、澳门连锁加盟商会等社团。", "澳门连锁加盟商会"),
        ("香港中华文化遗产保护协会会长出席。", "香港中华文化遗产保护协会"),
    ],
)
def test_an_association_named_after_its_place_may_hold_a_verb(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_an_association_after_a_place_and_de_is_no_named_body() -> None:
    assert labelled("支持澳门的文化保护协会开展工作。", "ORG") == []


def test_a_province_after_a_city_is_no_feature_of_it() -> None:
    assert labelled("上海市台湾同胞联谊会是上海市台湾同胞的团体。", "GPE")[-2:] == ["上海市", "台湾"]
    assert labelled("游览杭州西湖。", "GPE") == ["杭州西湖"]


def test_a_place_opening_a_halls_name_is_part_of_the_venue_and_the_city_before_it_stays() -> None:
    assert labelled("大会在济南山东会堂开幕。", "GPE") == ["济南"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("大会选举产生了新一届委员会。由王立英、李昌义、冯彩银组成主委会议。", "王立英"),
        ("向徐玖明致以敬意,向程立伟、李佳梅表示祝贺。会议祝贺程立伟、李佳梅当选。", "程立伟"),
    ],
)
def test_a_preposition_or_verb_before_a_listed_name_is_no_part_of_it(text: str, name: str) -> None:
    persons = labelled(text, "PERSON")
    assert name in persons
    assert not any(p != name and p.endswith(name) for p in persons)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("台湾民主自治同盟漳州市第五次盟员(代表)大会于26日召开。", "台湾民主自治同盟漳州市"),
        ("会议通过了民革天津市和平区第十一次代表大会选举办法。", "民革天津市和平区"),
    ],
)
def test_a_party_and_its_place_before_its_congress_are_one_body(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")
    assert labelled(text, "GPE") == []


def test_bodies_in_a_list_of_people_with_their_posts_are_bodies() -> None:
    text = "出席的有警务处前副处长刘立成、大律师公会前主席谭允立、教育评议会主席何汉明等。"
    orgs = labelled(text, "ORG")
    assert {"警务处", "大律师公会", "教育评议会"} <= set(orgs)


def test_a_sector_before_a_post_in_such_a_list_is_no_body() -> None:
    text = "出席的有经济界代表刘立成、文艺界委员谭允立等。"
    assert labelled(text, "ORG") == []


def test_the_committee_lines_run_on_past_one_already_found() -> None:
    text = "各专门委员会\n\n提案委员会\n\n港澳台侨委员会\n\n外事委员会\n\n历次全体会议"
    assert labelled(text, "ORG") == ["提案委员会", "港澳台侨委员会", "外事委员会"]


def test_the_national_committees_general_office_is_one_body_with_it() -> None:
    assert labelled("政协全国委员会办公厅负责同志出席。", "ORG") == ["政协全国委员会办公厅"]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("到今年,我市政协的文史资料工作已经步入正轨。", "市政协"),
        ("总结2018年县政协工作,谋划好2019年各项工作。", "县政协"),
    ],
)
def test_a_level_after_our_or_a_year_names_its_cppcc(text: str, body: str) -> None:
    assert labelled(text, "ORG") == [body]


def test_our_city_alone_and_all_the_citys_members_name_no_body() -> None:
    assert labelled("我市经济发展迅速,全市政协委员积极履职。", "ORG") == []


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("市政协副主席、民革开封市主委陈立平等出席会议。", "民革开封市"),
        ("民盟许昌市副主委王立新参加。", "民盟许昌市"),
    ],
)
def test_a_party_and_its_place_before_a_post_are_one_body(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")
    assert labelled(text, "GPE") == []


def test_a_partys_central_department_is_one_body() -> None:
    assert "民进中央研究室" in labelled("民进中央研究室一级巡视员石立梅参加。", "ORG")


def test_a_name_after_a_candidate_noun_is_a_person() -> None:
    assert "朱立国" in labelled("区政协党组书记、七届政协主席提名人选朱立国,区委副书记张立全参加会议。", "PERSON")
