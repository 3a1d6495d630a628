"""Issue 21, dates6: kinds of ORG the unseen pages 688–699 showed.

- 办复 (handled and answered) after a body's 提案 is the verb, no office: 全国政协提案办复率 gives 全国政协, not an
  office 提案办 (提案办 before anything else stays one);
- a committee after 其他/其它 is no named sub-unit (与全国政协其他专委会相比, 省政协其他委员会): the body alone.

Every sentence is written for the test (invented bodies), so a rule passes only as a mechanism.
Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    ("text", "body", "not_body"),
    [
        ("全国政协提案办复率:99.9%", "全国政协", "全国政协提案办"),
        ("去年市政协提案办复率达100%。", "市政协", "市政协提案办"),
    ],
)
def test_banfu_after_a_bodys_proposals_is_the_verb(text: str, body: str, not_body: str) -> None:
    orgs = labelled(text, "ORG")
    assert body in orgs and not_body not in orgs, orgs


def test_a_proposal_office_stays() -> None:
    assert "市政协提案办" in labelled("市政协提案办主任某某主持会议。", "ORG")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("与全国政协其他专委会相比,我们的特点是什么?", "全国政协"),
        ("县政协其他专门委员会也参加了活动。", "县政协"),
        ("市政协其它委员会的同志也参加了活动。", "市政协"),
    ],
)
def test_a_committee_after_qita_is_no_named_subunit(text: str, body: str) -> None:
    orgs = labelled(text, "ORG")
    assert orgs == [body], orgs


@pytest.mark.parametrize(
    ("text", "place", "not_body"),
    [
        ("考察团在锦州参观辽沈战役纪念馆,随后座谈。", "锦州", "锦州参观辽沈战役纪念馆"),
        ("考察团在延安参观革命纪念馆。", "延安", "延安参观革命纪念馆"),
    ],
)
def test_a_visit_verb_between_a_place_and_a_head_names_no_body(text: str, place: str, not_body: str) -> None:
    assert not_body not in labelled(text, "ORG")
    assert place in labelled(text, "GPE")
