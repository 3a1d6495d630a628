"""Issue 21, round wave8d: kinds the misses of the unseen county pages (texts 880–891) showed, checked against the
whole dev half.

Sentences are written for the test, never copied from the round's texts. Rules alone unless a test says otherwise.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- Bare 中央 as the Centre: after a verb of carrying out, before what it directs (audit ruling) ------------------


@pytest.mark.parametrize(
    "text",
    [
        "县政协坚决贯彻中央大政方针和省委决策部署。",
        "委员们要吃透政策,响应落实中央号召,发挥各自优势。",
        "村民们都对中央的农村政策表示满意。",
        "全面执行中央关于脱贫攻坚的部署。",
    ],
)
def test_the_centre_after_a_verb_of_carrying_out_or_before_its_directive_is_a_body(text: str) -> None:
    assert "中央" in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("认真落实中共中央的决策部署。", "中共中央"),
        ("坚决贯彻党中央决策部署。", "党中央"),
    ],
)
def test_the_centre_inside_a_longer_name_stays_that_name(text: str, body: str) -> None:
    found = labelled(text, "ORG")
    assert body in found
    assert "中央" not in found


@pytest.mark.parametrize(
    "text",
    [
        "会议强调要发挥中央企业的带动作用。",
        "这里是城市的中央公园。",
        "他站在舞台中央讲话。",
    ],
)
def test_central_as_an_adjective_or_a_place_is_no_body(text: str) -> None:
    assert "中央" not in labelled(text, "ORG")


# --- N大任务: the great tasks a leader assigns are a watchword; bare, they stay prose (wave8a's ruling, kept) -----


def test_the_great_tasks_a_leader_assigns_are_a_watchword() -> None:
    assert "五大任务" in labelled("为完成好总书记交给本区的五大任务贡献力量。", "SLOGAN")


@pytest.mark.parametrize(
    "text", ["完成了三个任务。", "第三大任务是民生。", "这是十三大任务书。", "紧扣三大任务谋划全年工作。"]
)
def test_tasks_counted_or_ranked_are_no_watchword(text: str) -> None:
    assert not any(s.endswith("任务") for s in labelled(text, "SLOGAN"))


# --- A name before 获/荣获 and the award it receives: the recipient (as before a verb of speech) -------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("在年度表彰中,王新民荣获优秀参政议政奖。", "王新民"),
        ("社员赵丽梅荣获全国先进个人称号。", "赵丽梅"),
        ("周建华获一等奖、孙立国获三等奖。", "孙立国"),
        ("周建华获一等奖、孙立国获三等奖。", "周建华"),
    ],
)
def test_a_name_before_the_award_it_receives_is_a_person(text: str, name: str) -> None:
    assert name in labelled(text, "PERSON")


@pytest.mark.parametrize(
    "text",
    ["该提案获优秀提案奖。", "我市荣获全国文明城市称号。", "学校获评先进集体。", "大家获益匪浅。"],
)
def test_what_receives_an_award_without_a_names_shape_is_no_person(text: str) -> None:
    assert labelled(text, "PERSON") == []


# --- A title holds no sentence end: 《…。…》 is two columns of a PDF page run together, not one work ---------------


@pytest.mark.parametrize(
    "text",
    [
        "印发了《关于推进协商民主的实施意各项工作。规范提案办理建设意见》等文件。",
        "学习《中共中央关于加强;城区管理力度的决定》。",
    ],
)
def test_brackets_around_a_sentence_end_hold_no_title(text: str) -> None:
    assert labelled(text, "TITLE") == []


@pytest.mark.parametrize(
    "title",
    ["《实施岸电建设,打造绿色邮轮港的建议》", "《政协工作信息》", "《何为协商?》"],
)
def test_titles_with_commas_or_a_question_stay(title: str) -> None:
    assert labelled(f"会议审议了{title}。", "TITLE") == [title]


# --- 省委二十条, 国八条: a policy package named by its count of articles after the body that issued it -------------


@pytest.mark.parametrize(
    "text",
    [
        "按照省委二十条和市委三十条提出的新要求推进工作。",
        "学习了《关于加强和改进新时代市县政协工作三十条实施意见》。",
        "大家谈到了国八条的落实。",
    ],
)
def test_a_policy_package_named_by_its_articles_is_no_figure(text: str) -> None:
    assert not any(f.endswith("条") for f in labelled(text, "FIGURE"))


@pytest.mark.parametrize(("text", "figure"), [("委员们提出了3条建议。", "3条"), ("共收集意见二十条。", "二十条")])
def test_articles_or_proposals_counted_stay_figures(text: str, figure: str) -> None:
    assert figure in labelled(text, "FIGURE")
