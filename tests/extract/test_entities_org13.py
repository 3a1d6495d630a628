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
