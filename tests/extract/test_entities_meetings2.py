"""Issue 21, MEETING/SLOGAN/PERSON round on the fresh batch 210–221 (scored before any rule changed).

Every sentence is written for the test (invented people and numbers, real places from the table), so a
rule passes only as a mechanism. Rules alone (``model=False``) unless the test says otherwise.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- MEETING: the forms a numbered session takes -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        # A term's plenary named by its term alone (the 1949 form), with 第.
        ("中国人民政治协商会议第一届全体会议在北平举行。", "第一届全体会议"),
        ("1950年举行第二届全体会议,通过了章程。", "第二届全体会议"),
        # A people's congress numbered by term and session.
        ("全体委员列席了县第六届第三次人民代表大会,听取了报告。", "第六届第三次人民代表大会"),
        ("会议期间召开第五届第二次代表大会。", "第五届第二次代表大会"),
        # An enlarged session written without brackets, after the body that holds it.
        ("政协第三届全国委员会常务委员会举行第九次扩大会议。", "第九次扩大会议"),
        # A session of all a committee's members.
        ("市政协文史委员会召开第三次全体委员会议,20名委员出席。", "第三次全体委员会议"),
        # A party congress by its number, followed by where it stood (在…上) or what came after.
        ("在同年9月的中共十二大上,中央提出了新的任务。", "十二大"),
        ("中共十四大后,各地掀起了新的热潮。", "十四大"),
    ],
)
def test_a_numbered_session_form_is_a_meeting(text: str, meeting: str) -> None:
    assert meeting in labelled(text, "MEETING")


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        # 二次会议以来: the session since which a report counts, its term named earlier in the sentence.
        ("我代表政协浙江省第十一届委员会常务委员会,向大会报告三次会议以来的提案工作情况。", "三次会议"),
    ],
)
def test_a_session_since_which_a_report_counts_is_a_meeting(text: str, meeting: str) -> None:
    assert meeting in labelled(text, "MEETING")


@pytest.mark.parametrize(
    "text",
    [
        # 首届全体会议 has no session number (RULINGS), nor a term's meeting of members.
        "成立秘书处负责筹备、召开首届全体会议。",
        "1961年在城关召开第一届全体委员会议。",
        # The first meeting after a pause counts which one it was: no designation.
        "这是全国政协在停止工作9年后举行的第一次常委会议。",
        "这是该会恢复活动以后召开的第一次常务委员会议。",
        # Counted sessions without 第 or term.
        "本届以来,共召开了三次会议。",
        "全年召开三次会议以来的各项工作都已落实。",
        # A number and 大 that are no congress.
        "十二大项目全部开工。",
    ],
)
def test_no_meeting_where_no_session_is_designated(text: str) -> None:
    assert labelled(text, "MEETING") == []


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        ("1986年5月,召开第三次文史资料工作协作会议,交流了经验。", "第三次文史资料工作协作会议"),
        ("会议传达了第五次全省政协提案工作会议精神。", "第五次全省政协提案工作会议"),
    ],
)
def test_a_numbered_working_meeting_of_bodies_is_a_meeting(text: str, meeting: str) -> None:
    assert meeting in labelled(text, "MEETING")


@pytest.mark.parametrize(
    "text",
    [
        "他第一次参加全省提案工作会议,深受启发。",
        "这是我第二次出席文史工作会议。",
    ],
)
def test_the_nth_time_someone_attends_a_working_meeting_is_no_meeting(text: str) -> None:
    assert labelled(text, "MEETING") == []


# --- SLOGAN: numbered formulas and set watchwords, not fixed sets or counts -------------------


@pytest.mark.parametrize(
    ("text", "slogan"),
    [
        # A numbered formula of modernisations, unquoted after the verb that pursues it.
        ("极大地鼓舞了全市人民加速实现四化的斗志。", "四化"),
        ("为早日实现四化贡献力量。", "四化"),
        # A numbered formula named as a principle or a policy, unquoted.
        ("旗帜鲜明地坚持一个中国原则,促进两岸交流。", "一个中国"),
        # A quoted vision of a place: “…”新 + the place.
        ('加快建设"富强美丽"新安徽,积极建言。', "富强美丽"),
        ("奋力建设“创新开放”新福建。", "创新开放"),
    ],
)
def test_a_numbered_or_set_formula_is_a_slogan(text: str, slogan: str) -> None:
    assert slogan in labelled(text, "SLOGAN")


@pytest.mark.parametrize(
    "text",
    [
        # 两高 is a fixed set of bodies, like 一府两院 (RULINGS).
        "审议“两高”工作报告,两高院派员参会。",
        # A quotation opening with 两会 is about the sessions.
        "推出“两会时间”专栏。",
        # A count of periods lived through is a count, not a formula.
        "动员经历了“三个朝代”的老人发挥余热。",
        # N化 as a count or inside a word.
        "推进绿化美化,实现四化同步的目标在文件中提出。",
    ],
)
def test_no_slogan_for_fixed_sets_counts_or_the_sessions(text: str) -> None:
    got = labelled(text, "SLOGAN")
    assert not any(s in ("两高", "两会时间", "三个朝代", "绿化") for s in got)


def test_a_formula_opening_with_the_sessions_name_and_another_numeral_stays_a_slogan() -> None:
    assert "两会三联系" in labelled("落实“两会三联系”制度。", "SLOGAN")


# --- PERSON: names in lists after posts ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "not_name"),
    [
        # A member's post opening an inner item of a list of people.
        ("澳区政协常委王招明、委员李匡远、陈升、吴明宇出席参会。", "李匡远", "委员李匡远"),
        ("市政协常委赵一平、常委钱二和、孙三立列席会议。", "钱二和", "常委钱二和"),
        # A secretary's post opening the first or last item.
        ("副理事长陈友兵、林佩芳,执行秘书郑成巧、副秘书长林木,名誉会长赵桂正出席。", "郑成巧", "执行秘书郑成巧"),
        ("参加的有会长周立军、执行秘书吴成双。", "吴成双", "执行秘书吴成双"),
    ],
)
def test_a_post_opening_a_list_item_is_no_part_of_the_name(text: str, name: str, not_name: str) -> None:
    got = labelled(text, "PERSON")
    assert name in got
    assert not_name not in got


def test_the_last_name_of_a_list_before_yiji_is_a_name() -> None:
    text = "中央主席华国新和副主席叶剑光、邓平安、李先明以及在京的委员出席了会议。"
    assert "李先明" in labelled(text, "PERSON")


def test_items_opening_with_a_place_in_a_list_after_names_are_no_names() -> None:
    text = "万大安、刘幸和、厉震山、潘瑾、曹艳春五位委员围绕杭州服务、杭州制造、杭州购物、杭州文化方面的提案建言。"
    got = labelled(text, "PERSON")
    assert "刘幸和" in got
    assert not any(name.startswith("杭州") for name in got)


def test_the_names_of_a_list_end_at_yiji_though_the_list_goes_on() -> None:
    text = "主席华国新和副主席叶剑光、邓平安、李先明以及在京的政治局委员、常委会副委员长都出席了会议。"
    assert "李先明" in labelled(text, "PERSON")


def test_a_post_taken_before_a_list_is_no_name() -> None:
    text = "一行由该会会长梁兆明任团长、理事长梁俊木担任副团长。"
    got = labelled(text, "PERSON")
    assert "任团长" not in got
    assert "梁俊木" in got


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        # A numbered session right after the body that holds it, no term and no verb between.
        ("县政协常委会第二十一次会议审议了报告。", "第二十一次会议"),
        ("全国人民代表大会第四次会议开幕。", "第四次会议"),
        ("市政协党组第5次(扩大)会议传达了精神。", "第5次(扩大)会议"),
    ],
)
def test_a_numbered_session_right_after_its_body_is_a_meeting(text: str, meeting: str) -> None:
    assert meeting in labelled(text, "MEETING")


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        # 人代会, the people's congress's session, numbered by term and session.
        ("十三届二次人代会期间,代表们提出议案。", "十三届二次人代会"),
        # A numbered 常委会 or 全委会 named without 会议 (the session, not the body).
        ("市政协召开第九次常委会,审议了报告。", "第九次常委会"),
        ("区政协召开第三次全委会。", "第三次全委会"),
    ],
)
def test_a_session_named_by_its_short_form_is_a_meeting(text: str, meeting: str) -> None:
    assert meeting in labelled(text, "MEETING")


def test_a_numbered_standing_committee_before_its_office_is_no_session() -> None:
    assert labelled("第九次常委会主任会议召开。", "MEETING") != ["第九次常委会"]


def test_a_members_congress_across_a_pdf_page_number_is_one_meeting() -> None:
    text = "2003年9月,召开九三学社某市第五次\n3\n全体社员大会,选举产生新一届委员会。"
    assert "第五次\n3\n全体社员大会" in labelled(text, "MEETING")


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        # Ordinals past a hundred.
        ("市政协召开第一百零五次主席会议。", "第一百零五次主席会议"),
        ("市政协召开第二百次主席会议。", "第二百次主席会议"),
        # 常务委员会议 (a kind of meeting: RULINGS), 主任会议, 委员长会议, 秘书长会议.
        ("政协第十一届委员会第十六次常务委员会议在市里举行。", "第十一届委员会第十六次常务委员会议"),
        ("人大常委会召开第五次主任会议。", "第五次主任会议"),
        ("全国人大常委会第八次委员长会议举行。", "第八次委员长会议"),
        ("市政协召开第三次秘书长会议。", "第三次秘书长会议"),
        # 本届 names the term by deixis; the session after it is numbered, 本届 outside (RULINGS).
        ("本届第六次常委会议审议了该报告。", "第六次常委会议"),
    ],
)
def test_more_numbered_session_kinds_are_meetings(text: str, meeting: str) -> None:
    assert meeting in labelled(text, "MEETING")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A transliterated name (no surname, no dictionary word in it) right after a member's post.
        ("市政协委员扎西次仁提出建议。", "扎西次仁"),
        ("自治区政协委员格桑卓玛表示,将继续履职。", "格桑卓玛"),
        # A dotted name after a post, the speech verb after it.
        ("政协委员阿依夏木·吐尔逊说,要加强保护。", "阿依夏木·吐尔逊"),
    ],
)
def test_a_minority_or_transliterated_name_after_a_post_is_a_name(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "市政协委员积极建言献策。",
        "人大代表认真审议报告。",
        "书香·政协读书活动启动。",
    ],
)
def test_words_after_a_post_or_around_a_dot_are_no_names(text: str) -> None:
    assert labelled(text, "PERSON") == []


def test_the_first_two_parts_of_a_three_part_dotted_name_are_no_name_of_their_own() -> None:
    text = "省政协副主席嘉措亲·多吉久美·丹增却吉尼玛等参加了会议。"
    assert "嘉措亲·多吉久美" not in labelled(text, "PERSON")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A byline by slashed roles: 文/ and 图/ before each name.
        ("文/张三林 图/李四海", ["张三林", "李四海"]),
        ("（文/王小虎）", ["王小虎"]),
        ("图 / 刘一平  文 / 陈大林", ["刘一平", "陈大林"]),
    ],
)
def test_names_after_slashed_byline_roles_are_names(text: str, names: list[str]) -> None:
    got = labelled(text, "PERSON")
    assert all(name in got for name in names)


def test_a_slash_between_two_roles_gives_no_name() -> None:
    assert labelled("文/图 本报讯", "PERSON") == []


def test_a_list_closed_by_a_count_of_people_is_a_list_of_names() -> None:
    text = "巴图尔、乌云其木格、那仁满都拉三位委员分别发言。"
    got = labelled(text, "PERSON")
    assert {"巴图尔", "乌云其木格", "那仁满都拉"} <= set(got)


def test_a_list_of_sectors_before_a_count_of_people_gives_no_names() -> None:
    assert labelled("来自教育、卫生、农业三位委员分别发言。", "PERSON") == []


def test_a_citys_quoted_brand_after_dazao_is_a_slogan() -> None:
    assert "文化创意之都" in labelled("为打造“文化创意之都”作出新的贡献。", "SLOGAN")


def test_a_quoted_place_name_after_dazao_is_no_brand() -> None:
    assert labelled("努力打造“东方明珠塔”景区。", "SLOGAN") == []


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        ("十六大以后召开的这次盛会格外引人注目。", "十六大"),
        ("十九大期间,代表们认真审议报告。", "十九大"),
    ],
)
def test_a_party_congress_by_its_number_before_a_time_word_is_a_meeting(text: str, meeting: str) -> None:
    assert meeting in labelled(text, "MEETING")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("文艺界有歌唱家彭丽芳,节目主持人陈大铎等。", "彭丽芳"),
        ("书法家李明山在会上挥毫泼墨。", "李明山"),
    ],
)
def test_a_name_after_a_profession_in_jia_is_a_name(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


@pytest.mark.parametrize("text", ["回到老家王村看望乡亲。", "大家王道理都懂。", "走进农家乐园。"])
def test_words_in_jia_that_name_no_profession_give_no_name(text: str) -> None:
    assert labelled(text, "PERSON") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("全国人大常委会副委员长阿布都·艾则尔等领导同志出席。", "阿布都·艾则尔"),
        ("委员长赛里木·艾买提等出席。", "赛里木·艾买提"),
    ],
)
def test_a_dotted_name_after_a_vice_chairmans_post_is_a_name(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")
