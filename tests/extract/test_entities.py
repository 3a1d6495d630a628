"""Entity finder: PERSON, ORG, GPE, TITLE, MEETING, SLOGAN on short report sentences."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pizhu.extract.entities import find_entities
from pizhu.extract.pipeline import extract_spans


def labelled(text: str, label: str) -> list[str]:
    """Spans of one label after overlap resolution, as the store will see them."""
    spans = extract_spans(text)
    for s in spans:
        assert text[s.start : s.end] == s.text
    return [s.text for s in spans if s.label == label]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("编纂完成第38辑《城中文史资料》,", ["《城中文史资料》"]),
        ("制定《委员履职考核管理办法(试行)》,", ["《委员履职考核管理办法(试行)》"]),
        ("出台《关于开展“聚力‘四大会战’”主题活动的意见》", ["《关于开展“聚力‘四大会战’”主题活动的意见》"]),
        ("利用《人民政协报》《民主协商报》等载体", ["《人民政协报》", "《民主协商报》"]),
        ("不闭合的《书名没有结尾,后面还有很多字", []),
        ("《《》》", []),
    ],
)
def test_titles(text: str, expected: list[str]) -> None:
    assert labelled(text, "TITLE") == expected


def test_title_length_is_capped() -> None:
    text = "《" + "长" * 500 + "》"
    assert labelled(text, "TITLE") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("对城中区政协九届三次会议以来立案的提案", ["九届三次会议"]),
        ("灵武市政协十三届三次常委(扩大)会议召开。", ["十三届三次常委(扩大)会议"]),
        ("在政协银川市第十四届银川市委员会第四次会议上", ["第十四届银川市委员会第四次会议"]),
        ("在政协岳阳市第九届委员会第四次会议上的报告", ["第九届委员会第四次会议"]),
        ("深入学习贯彻党的二十大精神", ["二十大"]),
        ("党的二十大、二十届二中全会精神", ["二十大", "二十届二中全会"]),
        ("记者从民建广西区十届五次全会获悉", ["十届五次全会"]),
        ("召开专题会议", []),
    ],
)
def test_meetings(text: str, expected: list[str]) -> None:
    assert labelled(text, "MEETING") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("深刻领会“两个确立”的决定性意义,增强“四个意识”", ["两个确立", "四个意识"]),
        ("严格落实“第一议题”制度", ["第一议题"]),
        ("扎实开展“三抓三促”行动", ["三抓三促"]),
        ("聚焦“1+7”系列方案", ["1+7"]),
        ("以助力“一个目标、两大战略”作为最大担当", ["一个目标", "两大战略"]),
        ("开展“五好”评比和“三八”妇女节活动", []),
        ("围绕“加强人才队伍建设”开展协商", []),
        ("做到两个维护", ["两个维护"]),
    ],
)
def test_slogans(text: str, expected: list[str]) -> None:
    assert labelled(text, "SLOGAN") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("城中区政协坚持把党的领导", ["城中区政协"]),
        ("灵武市政协始终坚持", ["灵武市政协"]),
        ("7名政协委员认真履行区人民检察院听证员职责", ["区人民检察院"]),
        ("联合银川市文联举办书法作品巡回展", ["银川市文联"]),
        ("与中共中央保持高度一致", ["中共中央"]),
        ("被全国政协、民建中央等广泛采用", ["全国政协", "民建中央"]),
        ("自1983年政协嘉峪关市委员会成立以来", ["政协嘉峪关市委员会"]),
        ("团结各民主党派,有关部门", []),
    ],
)
def test_orgs(text: str, expected: list[str]) -> None:
    assert labelled(text, "ORG") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("为建设现代美丽幸福大西宁中央活力区贡献力量", ["西宁"]),
        ("甘肃积石山发生地震后", ["甘肃积石山"]),  # v1.1: a place chain is one GPE
        ("紧盯共建河西走廊经济带", ["河西走廊"]),
        ("共同为拓石镇小川村捐建委员爱民亭", ["拓石镇小川村"]),
        ("赴江苏、安徽、山东、四川等地开展招商推介", ["江苏", "安徽", "山东", "四川"]),
        ("城中区政协坚持", []),
        ("全市、我区、社区、城区的群众", []),
    ],
)
def test_gpes(text: str, expected: list[str]) -> None:
    assert labelled(text, "GPE") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本报记者 徐顺凯", ["徐顺凯"]),
        ("本报记者徐顺凯 -", ["徐顺凯"]),
        ("宝鸡市政协主席刘其智到陈仓区调研", ["刘其智"]),
        ("嘉峪关市政协主席王毅带领视察组", ["王毅"]),
        ("郭有委员会客室围绕提升长枣品质召开座谈会", ["郭有"]),
        ("杨伟军、马玉成、孙淑萍、杨斌、于红等一批委员,依托委员大讲堂", ["杨伟军", "马玉成", "孙淑萍", "杨斌", "于红"]),
        ("助力“两个健康”发展。（黄炼）", ["黄炼"]),
        ("助力发展。（蒋予昕陆炳伶）", ["蒋予昕", "陆炳伶"]),
        ("坚持以习近平新时代中国特色社会主义思想为指导", ["习近平"]),
        ("现场回应委员关切,协商气氛融洽", []),
        ("坚持全面从严治党,贡献政协智慧", []),
    ],
)
def test_persons(text: str, expected: list[str]) -> None:
    assert labelled(text, "PERSON") == expected


def test_place_inside_org_is_not_a_gpe() -> None:
    spans = extract_spans("灵武市政协始终坚持")
    assert [(s.label, s.text) for s in spans] == [("ORG", "灵武市政协")]


def test_entities_on_empty_and_plain_text() -> None:
    assert find_entities("") == []
    assert find_entities("abc 123") == []


def test_import_does_not_load_jieba() -> None:
    code = "import sys, pizhu.extract.pipeline, pizhu.extract.entities; print('jieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
