"""Issue 21, ORG on unseen reports (org13): the missed and false bodies of texts 502–513 (members from business,
law, finance and health), by kind.

Every sentence is written for the test (invented people and bodies, real places from the table), so a rule
passes only as a mechanism.
"""

from __future__ import annotations

from tests.extract.spans import labelled

# --- a law or accounting firm: the form 律师事务所 / 会计师事务所 ---------------------------------------------


def test_a_law_firm_by_its_proper_name_is_a_body() -> None:
    text = "市律协副会长、华信律师事务所主任赵明说,委员们围绕立法协商建言。"
    assert "华信律师事务所" in labelled(text, "ORG")


def test_a_law_firm_with_its_city_is_one_body_and_no_place() -> None:
    text = "市政协委员、南京恒远律师事务所律师钱立带着提案与有关部门沟通。"
    assert "南京恒远律师事务所" in labelled(text, "ORG")
    assert "南京" not in labelled(text, "GPE")


def test_a_law_firm_with_its_branch_city_in_brackets_is_one_body() -> None:
    text = "市政协主席一行赴上海启元(苏州)律师事务所调研。"
    assert "上海启元(苏州)律师事务所" in labelled(text, "ORG")
    assert not {"上海", "苏州"} & set(labelled(text, "GPE"))


def test_an_accounting_firm_is_a_body() -> None:
    assert "恒信会计师事务所" in labelled("委员、恒信会计师事务所合伙人孙强发言。", "ORG")


def test_the_kind_of_firm_alone_is_no_body() -> None:
    text = "律师事务所要积极参与公共法律服务,各会计师事务所也要配合。"
    assert not any(o.endswith("事务所") for o in labelled(text, "ORG"))


# --- a member studio named by its own name -----------------------------------------------------------------


def test_a_member_studio_named_by_its_theme_is_a_body() -> None:
    text = "近日,清风助企工商联界别政协委员工作室正式挂牌成立,县政协主席王立出席。"
    assert "清风助企工商联界别政协委员工作室" in labelled(text, "ORG")


def test_a_member_studio_named_by_its_building_is_a_body() -> None:
    text = "6月6日,市政协召开银河大厦委员工作室成立座谈会。银河大厦委员工作室的成立,为委员搭建了平台。"
    assert labelled(text, "ORG").count("银河大厦委员工作室") == 2


def test_a_studio_after_its_cppcc_is_one_chain() -> None:
    text = "这正是宁阳县政协科技会客厅·政协委员工作室惠企成效的写照。"
    assert "宁阳县政协科技会客厅·政协委员工作室" in labelled(text, "ORG")


def test_the_kind_of_studio_or_one_named_by_a_member_is_no_body() -> None:
    text = "组建委员工作室是重要举措,全县建成17个乡镇委员工作室,为王明委员工作室揭牌,界别委员工作室成员参加。"
    assert not any(o.endswith("工作室") for o in labelled(text, "ORG"))


def test_a_post_before_the_studios_ends_the_walk() -> None:
    text = "平阳县政协主席寄语委员工作室:做一团火。"
    assert not any(o.endswith("工作室") for o in labelled(text, "ORG"))


def test_an_award_or_a_verb_before_the_studio_names_none() -> None:
    text = "表彰先进单位和优秀委员工作室;要深化内涵,建强委员工作室,提升履职水平。"
    assert not any(o.endswith("工作室") for o in labelled(text, "ORG"))


# --- firms and cooperatives in a list of sites ---------------------------------------------------------------


def test_cooperatives_listed_before_dengdi_are_no_places_and_no_names() -> None:
    text = (
        "委员们先后来到怀化天河供销合作社、怀化青山合作社、溆浦县供销联社和怀化红岩养殖合作社等地,"
        "与合作社理事长交谈,详细询问合作社的运行模式。"
    )
    assert not any(p.endswith("社") for p in labelled(text, "GPE"))
    assert "合作社" not in labelled(text, "PERSON")


# --- names by a lawyer's form of address ----------------------------------------------------------------------


def test_a_name_before_its_lawyers_address_is_a_person() -> None:
    text = "中联苏州办公室合伙人钱立强律师、何平律师陪同调研。金杜律师事务所管委会主席王毅认为,要完善机制。"
    persons = labelled(text, "PERSON")
    assert "钱立强" in persons
    assert "何平" in persons
    assert "王毅" in persons
    assert "王毅认" not in persons


def test_a_kind_of_lawyer_is_no_name() -> None:
    text = "作为执业律师,要服务社会;专职律师、公职律师和法律援助律师参加培训。"
    assert labelled(text, "PERSON") == []


def test_a_name_after_a_partners_or_founders_title_or_a_lawyers() -> None:
    text = "与光华集团创始人赵光明等委员座谈;市政协委员、恒远律师事务所律师钱立带着提案沟通。"
    persons = labelled(text, "PERSON")
    assert "赵光明" in persons


# --- a person and a post before a body's head ----------------------------------------------------------------


def test_a_name_and_a_post_before_a_hospital_are_no_body() -> None:
    text = "钱德明院长代表医院欢迎调研组一行。"
    assert not any(o.endswith("医院") for o in labelled(text, "ORG"))


# --- a firm's office in a city, named by the firm's short name ----------------------------------------------------


def test_a_firms_office_named_by_its_short_name_and_city_is_one_body() -> None:
    text = (
        "市政协一行赴上海启元(苏州)律师事务所调研。启元苏州办公室主任钱立强律师陪同。"
        "主席参观了启元苏州办公室的办公区域。"
    )
    orgs = labelled(text, "ORG")
    assert orgs.count("启元苏州办公室") == 2
    assert "苏州办公室" not in orgs
    assert "苏州" not in labelled(text, "GPE")


def test_a_city_office_without_a_firm_named_stays_as_it_was() -> None:
    text = "启元苏州办公室主任钱立强陪同。"
    assert "启元苏州办公室" not in labelled(text, "ORG")


def test_offices_projects_and_sites_listed_before_dengdi_are_no_places() -> None:
    text = (
        "他联合委员到县交警大队、城市管理局、县一中等地开展慰问。"
        "调研组深入青峰产业园项目、明德博物馆、翠屏溪谷、古城故里等地。"
    )
    gpes = labelled(text, "GPE")
    assert not {"城市管理局", "县一中", "项目", "翠屏溪谷", "古城故里"} & set(gpes)


# --- a news site before its reporter's credit or its lead ------------------------------------------------------


def test_a_news_site_before_its_reporter_or_lead_is_a_body() -> None:
    text = "时代网记者 丁力 通讯员 李强 淄博报道\n本网讯 近日,市政协召开会议。"
    orgs = labelled(text, "ORG")
    assert "时代网" in orgs
    assert "本网" not in orgs


# --- an association after a level alone, its name holding a verb ---------------------------------------------------


def test_an_association_after_a_level_alone_holds_its_verb() -> None:
    text = "他是县政协委员、县消费扶贫协会副会长,也是市乡村振兴促进会会员。"
    orgs = labelled(text, "ORG")
    assert "县消费扶贫协会" in orgs


def test_a_level_inside_a_word_opens_no_association() -> None:
    text = "会上要求,各县扶贫协会要加强合作;区政协委员赵立担任促进会顾问。"
    assert not any(o.endswith("协会") for o in labelled(text, "ORG"))


# --- a firm named with a placeholder -----------------------------------------------------------------------------


def test_a_firm_named_with_a_placeholder_is_no_body_and_its_place_stays() -> None:
    text = "“资金很快就到位了!”临沂某科技有限公司负责人感慨。"
    assert not any("公司" in o for o in labelled(text, "ORG"))
    assert "临沂" in labelled(text, "GPE")


# --- a county's name read in a given name after a post ------------------------------------------------------------


def test_a_county_in_a_given_name_after_a_post_before_a_verb_of_judgement_is_a_name() -> None:
    text = "区政协主席秦平武充分肯定了合作社的作用。同时,秦平武希望各专业合作社提高认识。"
    assert "秦平武" in labelled(text, "PERSON")
    assert "平武" not in labelled(text, "GPE")
