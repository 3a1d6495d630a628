"""Issue 21, org11: kinds of ORG miss the unseen pages 400–409 and dev showed.

- agencies named in a list that a kind word closes (…、公安局、工商局等部门; …等承办单位; …等新闻媒体): every item
  whose head is an agency's (部, 局, 厅, 署, 委, 办, 台, 社, 报 …) is a body;
- committees listed each with its head's name and post (提案委某某主任、社委会某某副主任).

Every sentence is written for the test (invented people and bodies), so a rule passes only as a mechanism.
Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- ORG: agencies in a list closed by a kind word -------------------------------------------


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("委员们分别担任税务局、市场监管局、交通局等部门的特约监督员。", ["税务局", "市场监管局", "交通局"]),
        ("会上,农业农村局、水利局、林业局等单位作了汇报。", ["水利局", "林业局"]),
        ("国家发展改革委、商务部、交通运输部等承办单位代表参加座谈。", ["商务部", "交通运输部"]),
        ("光明日报、中国新闻社、中央人民广播电台等新闻媒体代表参加。", ["中国新闻社", "中央人民广播电台"]),
        ("最高人民检察院,、科学技术部,、民政部等单位负责同志出席。", ["科学技术部", "民政部"]),
        ("委员们分别到县经信局、县商务局等有关单位视察。", ["县经信局", "县商务局"]),
    ],
)
def test_agencies_in_a_list_closed_by_a_kind_word_are_bodies(text: str, bodies: list[str]) -> None:
    found = labelled(text, "ORG")
    for body in bodies:
        assert body in found


@pytest.mark.parametrize(
    "text",
    [
        "要加强宣传部署、落实责任等工作。",
        "涉及教育、医疗、住房等部门职责。",
        "他先后在基层、机关等单位工作。",
        "组织委员到法院、检察院、税务局等单位视察。",
    ],
)
def test_a_list_of_common_words_before_a_kind_word_gives_no_body(text: str) -> None:
    assert labelled(text, "ORG") == []


# --- ORG: committees listed each with its head's name and post --------------------------------------


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("县政协提案委周明华主任、文史委钱立新主任、农业农村委吴国强副主任陪同。", ["文史委", "农业农村委"]),
        ("外委会郑丽英副主任,社委会冯国栋副主任,义工委陈建平常务副主任出席。", ["外委会", "社委会", "义工委"]),
    ],
)
def test_committees_listed_with_their_heads_posts_are_bodies(text: str, bodies: list[str]) -> None:
    found = labelled(text, "ORG")
    for body in bodies:
        assert body in found


def test_one_committee_word_with_a_name_is_no_list() -> None:
    assert labelled("专委会张明主任讲话。", "ORG") == []


def test_the_generic_committee_word_in_a_list_of_committees_stays_generic() -> None:
    found = labelled("外委会郑丽英副主任,专委会冯国栋副主任出席。", "ORG")
    assert "专委会" not in found


# --- ORG: a news site named 某某在线 in its lead and in the source credit -------------------------------


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("岚皋在线消息 5月6日,县政协组织委员视察。", "岚皋在线"),
        ("县政协组织委员视察。\n稿件来源: 汉阴在线\n", "汉阴在线"),
        ("县政协组织委员视察。\n文章来源:平利新闻网\n", "平利新闻网"),
    ],
)
def test_a_news_site_in_its_lead_or_source_credit_is_a_body(text: str, site: str) -> None:
    assert site in labelled(text, "ORG")


def test_being_online_is_no_site() -> None:
    assert labelled("委员们在线消息互通,及时反映社情民意。", "ORG") == []


# --- ORG: a society's stem (九三 for 九三学社) licensed by its full name in the text ---------------------------


def test_a_societys_stem_after_its_full_name_is_a_body_with_its_organ() -> None:
    text = "九三学社某市委组织调研。主委代表九三市委讲话,与会的九三社员参加。"
    found = labelled(text, "ORG")
    assert "九三市委" in found
    assert "九三" in found
    assert "市委" not in found


@pytest.mark.parametrize("text", ["一九九三年,县政协成立文史委员会。", "九三年起,委员们走访社员家庭。"])
def test_a_numeral_or_a_text_without_the_full_name_gives_no_stem(text: str) -> None:
    assert "九三" not in labelled(text, "ORG")


# --- ORG: an association named by the whole area it covers (全港各区…, 全澳…) -----------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("全港各区商会联合会新任会长林志强表示支持。", "全港各区商会联合会"),
        ("全澳各界妇女联合会举办讲座。", "全澳各界妇女联合会"),
        ("会长林志强表示,全港各区工商联将继续支持特区政府。", "全港各区工商联"),
        ("全港各区工商联第二十届会董局就职典礼昨日举行。", "全港各区工商联第二十届会董局"),
        ("中华全国归国华侨联合会副主席出席。", "中华全国归国华侨联合会"),
    ],
)
def test_an_association_named_by_the_whole_area_it_covers_is_a_body(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_the_whole_areas_people_are_no_body() -> None:
    assert labelled("全港各界人士踊跃参与。", "ORG") == []


# --- ORG: a government's bureau before its own head's post is one chain with it ---------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("香港特区政府民政事务局局长出席典礼。", "香港特区政府民政事务局"),
        ("澳门特区政府行政公职局副局长陈伟明致辞。", "澳门特区政府行政公职局"),
        ("香港特区政府律政司司长到场。", "香港特区政府律政司"),
    ],
)
def test_a_governments_bureau_before_its_heads_post_is_one_chain(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_a_government_before_another_post_stays_alone() -> None:
    assert "香港特区政府" in labelled("香港特区政府官员出席典礼。", "ORG")
