"""Issue 21, the annals round (478–489: PDF-layout and OCR-noisy annals, 民主党派 and 工商联 chronicles).

Every sentence is written for the test (invented people and numbers, real places from the table), so a
rule passes only as a mechanism. Rules alone (``model=False``) unless the test says otherwise.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- MEETING: an association's congress numbered by its term ------------------------------------


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        # A chamber's or party's congress of members' delegates, numbered by term or by count.
        ("2001年5月8日,召开第六届会员代表大会,选出执行委员40人。", "第六届会员代表大会"),
        ("1990年10月3日市工商联召开第七次会员代表大会,出席代表110人。", "第七次会员代表大会"),
        ("同年召开首届会员代表会,选举张大明为会长。", "首届会员代表会"),
        ("1985年12月重新恢复,召开第五届代表会议,出席代表90人。", "第五届代表会议"),
        ("1956年召开第三届社员代表大会。", "第三届社员代表大会"),
        # The first plenary of a chamber's first term, named by its term.
        ("1952年3月成立,同年召开第一届全委会,选举执行委员9人。", "第一届全委会"),
        # A session of the executive committee, by term and session.
        ("区工商联七届五次执委会上进行了届中调整。", "七届五次执委会"),
        # A party congress before 会议文件.
        ("组织委员学习中共十三大会议文件。", "十三大"),
    ],
)
def test_an_associations_numbered_congress_is_a_meeting(text: str, meeting: str) -> None:
    assert meeting in labelled(text, "MEETING")


@pytest.mark.parametrize(
    "text",
    [
        # A people's congress named by its term is the body, not a session (RULINGS).
        "列席县第四届人民代表大会,听取了工作报告。",
        # A count of terms is no meeting.
        "1952至1957年,代表会议开至五届。",
    ],
)
def test_a_term_that_names_a_body_or_a_count_is_no_meeting(text: str) -> None:
    assert not [m for m in labelled(text, "MEETING") if "代表" in m and "人民" not in m and "五届" in m]
    assert "第四届人民代表大会" not in labelled(text, "MEETING")


# --- DATE: an annals' years listed under one 年 ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # Years that do not follow each other, listed in order under one 年 (an annals' founding dates).
        ("1980、1985、1987、1989年,先后建立民盟、农工党和九三学社的支部。", "1980、1985、1987、1989年"),
        ("1952、1956年,先后建立民建小组和民革支部委员会。", "1952、1956年"),
        # Years in a row, as before.
        ("2003、2004年,县政协连续组织视察。", "2003、2004年"),
    ],
)
def test_years_listed_in_order_under_one_nian_are_one_date(text: str, date: str) -> None:
    assert date in labelled(text, "DATE")


@pytest.mark.parametrize(
    "text",
    [
        # Out of order, or not years at all: no list date.
        "1989、1985年,先后建立两个支部。",
        "收到提案2019、2020件。",
    ],
)
def test_numbers_out_of_order_are_no_listed_years(text: str) -> None:
    assert not [d for d in labelled(text, "DATE") if "、" in d]


# --- DATE: the Republic's later years, once its era was named --------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # After 民国27年 an annals writes the era's later years bare, opening a clause.
        ("民国27年(1938)8月,在诸暨建立临时县委会,29年临时县委成员分散活动。", "29年"),
        ("民国27年(1938)8月,成立工作委员会。35年秋,民盟开始在城区开展活动。", "35年"),
        ("民国27年(1938)8月,成立工作委员会。32年4月重新成立,37年,在城区发展盟员。", "37年"),
    ],
)
def test_a_bare_year_of_the_republics_era_is_a_date(text: str, date: str) -> None:
    assert date in labelled(text, "DATE")
    assert date not in labelled(text, "FIGURE")


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # No era named: a length of time.
        ("1979年恢复活动,停止活动10年,恢复后发展成员。", "10年"),
        # After the era, a length inside a clause stays a length.
        ("民国16年3月成立,在「文化大革命」10年间停止活动。", "10年"),
    ],
)
def test_a_length_of_years_stays_a_figure(text: str, figure: str) -> None:
    assert figure not in labelled(text, "DATE")


# --- ORG: a party's organ named by the party, its places and the organ ----------------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # A party's headquarters.
        ("1946年5月,民盟总部迁来南京,南京成为民盟活动的中心。", "民盟总部"),
        # A party's group or branch of a place, a direct branch between.
        ("1953年5月后,农工、民革温州小组分别建立。", "民革温州小组"),
        ("1957年成立了九三学社保定直属小组。", "九三学社保定直属小组"),
        ("翌年2月,农工党浙江省直属宁波支部成立,党员30名。", "农工党浙江省直属宁波支部"),
        ("同时,九三温州分社和民进温州筹委会分别建立。", "九三温州分社"),
        ("1952年,先后建立中国民主建国会历下区小组、中国国民党革命委员会历下区支部委员会。", "中国民主建国会历下区小组"),
        # The Kuomintang's district organs in a Republic-era annals.
        ("民国16年3月,成立国民党历下区分部,选举王大明为常务委员。", "国民党历下区分部"),
    ],
)
def test_a_partys_organ_with_its_place_is_one_org(text: str, org: str) -> None:
    assert org in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # A party's own group of study, no place: the party alone.
        ("民盟小组学习了文件。", "民盟小组"),
        # A verb between party and place: no organ.
        ("民盟在温州成立小组。", "民盟在温州成立小组"),
    ],
)
def test_no_place_no_organ(text: str, org: str) -> None:
    assert org not in labelled(text, "ORG")


# --- ORG: the Kuomintang and the Communist Party by their bare names --------------------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("民盟成员在中共地下党的指导下积极参加民主运动。", "中共"),
        ("在中共地下组织的领导下,继续支援解放战争。", "中共"),
        ("积极参加反对国民党反动派的民主运动。", "国民党"),
        ("1946年5月,国民党政府由重庆迁回南京。", "国民党"),
        ("民国16年3月2日,国民党员20余人召开会议。", "国民党"),
        ("1947年10月28日,国民党宣布民盟为非法团体。", "国民党"),
    ],
)
def test_a_party_by_its_bare_name_is_an_org(text: str, org: str) -> None:
    assert org in labelled(text, "ORG")


def test_the_revolutionary_committee_keeps_its_whole_name() -> None:
    orgs = labelled("1955年,中国国民党革命委员会温州市委员会成立。", "ORG")
    assert "国民党" not in orgs
    assert "中国国民党" not in orgs


# --- ORG: a note mark the page printed inside a name ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("1955年底至1959年6月,民革温州市①委会、民盟温州市①委会先后建立。", "民革温州市①委会"),
        ("1955年底至1959年6月,民革温州市①委会、民盟温州市①委会先后建立。", "民盟温州市①委会"),
    ],
)
def test_a_note_mark_inside_a_partys_committee_stays_in_its_name(text: str, org: str) -> None:
    assert org in labelled(text, "ORG")


# --- Normalization: a link line never runs into the paragraph after it ------------------------------

_LINK = "Original URL: http://lib.example.cn/bin/mse.exe?seachword=&K=c13&A=2&rec=53&run=13"
_BODY = [
    "1952、1956年,先后建立中国民主建国会历下区小组、中国国民党革命委员会历下区支部委员会,",
    "1980、1985、1987、1989年,先后建立中国民主同盟历下区支部委员会、中国农工民主党历下区支部,",
    "九三学社历下区支社、中国致公党历下区支部委员会、中国民主促进会十九中学支部,全区共有",
    "7个民主党派组织。“文化大革命”中遭冲击停止活动,1976年后复建组织,各党派陆续发展成员。",
]


@pytest.mark.parametrize(
    "raw",
    [
        # A page whose body is hard-wrapped at a fixed width, the link line above it.
        "第五卷 民主党派\n\n" + _LINK + "\n\n" + "\n".join(_BODY) + "\n",
        # A page whose body is running text, the link line above it.
        "第五卷 民主党派\n\n" + _LINK + "\n\n" + "".join(_BODY) + "\n",
    ],
)
def test_a_link_line_stays_apart_from_the_paragraph_after_it(raw: str) -> None:
    from pizhu.extract.normalize import normalize

    text = normalize(raw).text
    assert "run=13\n" in text
    assert "1952、1956年" in labelled(text, "DATE")


# A hard-wrapped annals page (ASCII punctuation, digits half a character wide) under a long link line: the
# link is no line of the column, so it does not set the column's width.
_WRAPPED_PAGE = "\n".join(
    [
        "历下区工商业联合会",
        "",
        "Original URL: http://lib.example.cn/bin/mse.exe?seachword=&K=c12&A=4&rec=113&run=13",
        "",
        "历下区工商业联合会(以下简称区工商联),又称历下区民间商会。1998~",
        "1999年,有工作人员6人;2000年,有工作人员4人;2001~2002年,有工作人员5",
        "人;2003年,有工作人员4人;2004年,有工作人员5人。区工商联有会员701名。",
        "2001年12月12日,召开第八届会员代表大会,选出执行委员45人;其中副区长王大",
        "明兼会长(不驻会),李小刚等10人为副会长(李小刚、张华、赵明远驻会);",
        "李小刚兼秘书长。区工商联下设3个行业商会(协会)和15个办(镇)商会,3个行业",
        "商会分别是1998年成立的由全区35户餐饮业企业组成的“历下区餐饮业公会”等。",
        "区工商联原有老会员(老工商业者)350多人,是济南市老会员最多的区县之一。",
        "因搬迁或生老病死等原因,尚能联系上的只有80多人,且大都是80多岁高龄,老会",
        "员为商会的创立和发展发挥了重要作用。区工商联一直对老会员工作十分重视。",
    ]
)


def test_a_link_line_does_not_set_a_wrapped_pages_width() -> None:
    from pizhu.extract.normalize import normalize

    text = normalize(_WRAPPED_PAGE).text
    assert "1998~1999年" in labelled(text, "DATE")
    assert "5人" in labelled(text, "FIGURE")
    assert "run=13\n" in text


# --- PERSON: appointments in a row after one election's verb -----------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("选举王德明为常务委员,刘长河为经济委员,陈霭明为宣传委员。", "刘长河"),
        ("选举王德明为常务委员,刘长河为经济委员,陈霭明为宣传委员。", "陈霭明"),
        ("会议选举张建华为主任委员,李国平为副主任委员,常务委员12人。", "李国平"),
    ],
)
def test_names_appointed_in_a_row_after_an_election_are_persons(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        # No election's verb before: a clause of its own.
        "会议认为,发展经济为第一要务,保障民生为根本目的。",
        # After the sentence ends, no chain.
        "选举王德明为常务委员。会议认为,服务群众为委员职责。",
    ],
)
def test_no_election_no_chained_names(text: str) -> None:
    persons = labelled(text, "PERSON")
    assert "发展经济" not in persons and "服务群众" not in persons and "保障民生" not in persons


# --- GPE: a list of places closed by its count and kind ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Market towns counted after the list (集镇), and counties counted without 个.
        ("城关、白沙、赛口、长岭等10个集镇成立工商小组。", "白沙"),
        ("城关、白沙、赛口、长岭等10个集镇成立工商小组。", "赛口"),
        ("1958年,安邑、解虞等四县合并,成立运城县工商业联合会。", "解虞"),
    ],
)
def test_a_list_closed_by_a_count_of_places_lists_places(text: str, place: str) -> None:
    assert place in labelled(text, "GPE", model=True)


# --- ORG: an association's executive committee of a term; a place before a body that opens with its level ---


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("选举运城市工商联第九届执行委员会,张大明为主任委员。", "运城市工商联第九届执行委员会"),
        ("审议通过了关于温州市工商业联合会第八届执行委员会工作报告的决议。", "温州市工商业联合会第八届执行委员会"),
        # A place the tables do not know as a county, with the body's level after it.
        ("1958年,安邑、解虞等四县合并,成立运城县工商业联合会。", "运城县工商业联合会"),
    ],
)
def test_an_associations_term_committee_and_a_placed_body_are_one_org(text: str, org: str) -> None:
    assert org in labelled(text, "ORG", model=True)


def test_a_session_of_the_term_committee_stays_a_meeting() -> None:
    text = "召开温岭县工商联第三届执行委员会第二次会议。"
    assert "第三届执行委员会第二次会议" in labelled(text, "MEETING")


# --- PERSON: a name after its post at the very end of the page ---------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("主任委员:王德林\n副主任委员:郭执中", "郭执中"),
        ("选举产生了第一届委员会。\n副主任委员:李强", "李强"),
    ],
)
def test_a_name_after_its_post_may_end_the_page(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


# --- PERSON: 以某某为首 / 以某某为组长: a name between 以 and the lead it is given ---------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("民盟总部以陶明远为首的迁京委员会同时还兼负筹建任务。", "陶明远"),
        ("1983年10月成立以刘德恭为组长,李洪印为副组长的7人筹备领导小组。", "刘德恭"),
    ],
)
def test_a_name_given_the_lead_after_yi_is_a_person(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


def test_no_name_after_yi_when_a_word_stands_there() -> None:
    persons = labelled("坚持以人民为中心,以发展为首要任务。", "PERSON")
    assert not [p for p in persons if p.startswith(("人民", "发展"))]


# --- DATE: a document number's two-digit year --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("审议通过了关于学习贯彻中共中央(89) 14号文件精神的决议。", "89"),
        ("根据省委〔85〕12号文件精神,恢复了组织。", "85"),
    ],
)
def test_a_document_numbers_two_digit_year_is_a_date(text: str, date: str) -> None:
    assert date in labelled(text, "DATE")


def test_a_bracketed_number_before_a_count_is_no_year() -> None:
    assert "12" not in labelled("收到提案(12)件,立案(10)件。", "DATE")


# --- DATE: a Qing reign year -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("县商会最早成立于清宣统二年(1910年),直至1949年解散。", "宣统二年"),
        ("光绪三十一年,县城设商务分会。", "光绪三十一年"),
    ],
)
def test_a_qing_reign_year_is_a_date(text: str, date: str) -> None:
    assert date in labelled(text, "DATE")


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # The Kuomintang's organs of a level, or of a place, named by 党部 (the CCP's are 党委).
        ("4月改为区党部。", "区党部"),
        ("26年12月,省党部派员至定海,组织非常时期工作委员会。", "省党部"),
        ("民国17年,温州县党部成立。", "温州县党部"),
    ],
)
def test_a_level_or_place_before_dangbu_is_the_kuomintangs_organ(text: str, org: str) -> None:
    assert org in labelled(text, "ORG", model=True)
