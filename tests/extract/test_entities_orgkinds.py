"""Issue 21, orgkinds: kinds of ORG error the old extractors made on pages they had never seen (0.3.54 on
640–891, 0.3.76 on 844–891) that the current rules still made somewhere in the dev half.

- a party committee's short name (民进市委会) with its 机关 (the staff office) is one ORG, as 县政协机关 is
  (RULINGS: 市委会机关, 162 and 392);
- the congress named bare before its own term and session (和人大七届八次会议) is the body, as 列席人大会议 is;
  after a level (区人大) or inside 全国人大 the level's rules name it;
- 全国委员会 with no CPPCC written before it (其全国委员会, 参照全国委员会) names the kind (every term's national
  committee), no body;
- two levels written before one 政协 (省市政协, 省、市政协) name the nearer level's CPPCC, as RULINGS reads
  `省市政协`, `市旗政协`; a plural (各市县政协) stays none.

Every sentence is written for the test (invented bodies and people), so a rule passes only as a mechanism.
Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("5月6日上午,市委会机关组织集中学习,观看专题片。", "市委会机关"),
        ("市领导某某到民盟市委会机关看望干部职工。", "民盟市委会机关"),
    ],
)
def test_a_party_committee_with_its_staff_office(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize(
    "text",
    [
        "1月20日,某某区政协五届三次会议和人大五届四次会议在区会议中心开幕。",
        "在人大十届二次会议上,区长作政府工作报告。",
    ],
)
def test_the_congress_bare_before_its_term_and_session(text: str) -> None:
    assert "人大" in labelled(text, "ORG")


def test_a_level_congress_before_its_term_keeps_its_level() -> None:
    orgs = labelled("区人大五届四次会议在区会议中心开幕。", "ORG")
    assert "人大" not in orgs


@pytest.mark.parametrize(
    "text",
    [
        "人民政协成立以来,其全国委员会的主席一直由德高望重的人士担任。",
        "地方委员会的组成,参照全国委员会的组成决定。",
    ],
)
def test_the_national_committee_as_a_kind_is_no_body(text: str) -> None:
    assert "全国委员会" not in labelled(text, "ORG")


def test_the_national_committee_named_with_its_cppcc_stays() -> None:
    assert "政协全国委员会" in labelled("会议选举某某为政协全国委员会主席。", "ORG")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("该县的协商品牌获省市政协高度认可。", "市政协"),
        ("报送的社情民意信息被省、市政协采用20篇。", "市政协"),
        ("驻旗市政协委员、历届市旗政协委员代表参加会议。", "旗政协"),
    ],
)
def test_two_levels_before_one_cppcc_name_the_nearer(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_every_level_cppcc_is_a_plural() -> None:
    assert "县政协" not in labelled("各市县政协要加强联动。", "ORG")


def test_the_national_committee_after_its_full_name_learns_no_short_name() -> None:
    text = "中国人民政治协商会议全国委员会由各党派组成。地方委员会的组成,参照全国委员会的组成决定。"
    orgs = labelled(text, "ORG")
    assert "中国人民政治协商会议全国委员会" in orgs
    assert "全国委员会" not in orgs


def test_china_before_a_party_short_name_opens_its_name() -> None:
    orgs = labelled("2020年,中国农工党某某市委员会履行参政党职能。", "ORG")
    assert "中国农工党某某市委员会" in orgs


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("刚才,各县(市)区政协主席作了交流发言。", "区政协"),
        ("自治区政府网站⏎区(市)县政府门户网站".replace("⏎", "\n"), "县政府"),
    ],
)
def test_levels_with_a_bracketed_alternative_are_a_plural(text: str, body: str) -> None:
    assert body not in labelled(text, "ORG")


def test_a_studio_visited_keeps_the_visitors_out() -> None:
    orgs = labelled("随后,林晓华一行前往青松镇政协联络组委员工作室,了解工作室的建设情况。", "ORG")
    assert "青松镇政协联络组委员工作室" in orgs
    assert not any("前往" in o or "一行" in o for o in orgs)


def test_a_congress_contact_station_is_a_site() -> None:
    orgs = labelled("委员们来到青松区白塔街道人大代表联络站参访。", "ORG")
    assert not any(o.endswith("人大") for o in orgs)


def test_a_studio_after_a_visit_verb_holds_no_verb() -> None:
    orgs = labelled("▲市政协副主席林晓华一行调研青松媒体委员工作室。", "ORG")
    assert not any(o.startswith("调研") for o in orgs)


def test_a_level_before_the_cppcc_of_a_members_association() -> None:
    orgs = labelled("林某某表示,作为省政协港澳委员联谊会会长,将用心履职。", "ORG")
    assert "省政协港澳委员联谊会" in orgs


def test_acting_stays_with_the_post() -> None:
    orgs = labelled("政务司司长某某、署理政制及内地事务局局长某某出席。", "ORG")
    assert "政制及内地事务局" in orgs
    assert not any(o.startswith("署理") for o in orgs)


@pytest.mark.parametrize(
    "text",
    [
        "政协某某旗第十五届委员会第三次会议在通辽文化中心多功能厅开幕。",
        "会议在临河文化中心召开。",
    ],
)
def test_where_a_meeting_opens_is_a_venue(text: str) -> None:
    assert not any(o.endswith("中心") for o in labelled(text, "ORG"))


def test_a_venue_named_after_a_place_holds_no_place() -> None:
    assert "通辽" not in labelled("政协某某旗第十五届委员会第三次会议在通辽文化中心多功能厅开幕。", "GPE")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("12月31日,某县政协组织住棉市政协委员召开座谈会。", "市政协"),
        ("县政协组织住县省、市政协委员开展视察。", "市政协"),
        ("县政协组织住县省政协委员开展视察。", "省政协"),
    ],
)
def test_the_body_residing_members_sit_on(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")
