"""Import of the seed reports: documents, sections, normalization, offset map, bad input."""

from __future__ import annotations

import itertools
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from opencc import OpenCC

from pizhu.cli import main
from pizhu.extract.decode import DecodeError, decode
from pizhu.extract.document import prepare
from pizhu.extract.normalize import normalize
from pizhu.store.db import Store
from pizhu.store.importer import import_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GLOSS = re.compile(r"[\u4e00-\u9fff][(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+[)）]")
T2S = OpenCC("t2s")


def body_headings(store: Store, doc_id: int) -> list[str]:
    """Headings a reader would list: body sections, repeats after a caption collapsed."""
    headings: list[str] = []
    for section in store.sections(doc_id):
        if section.kind == "body" and (not headings or headings[-1] != section.heading):
            headings.append(section.heading)
    return headings


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("db") / "seeds.db")
    report = import_paths(store, [SEEDS], extract=False)
    assert not report.errors
    return store


def test_seeds_import_as_six_documents(seeded: Store) -> None:
    docs = seeded.documents()
    assert len(docs) == 6
    by_org = {d.organisation for d in docs}
    assert by_org == {"城中区政协", "灵武市政协", "嘉峪关市政协", "陇南市政协", "大洼区政协", "陈仓区政协"}
    two = [d for d in docs if d.source.endswith("002_78ac19e5c9550ec9.txt")]
    assert [d.organisation for d in two] == ["嘉峪关市政协", "陇南市政协"]


def test_title_organisation_and_year(seeded: Store) -> None:
    docs = {Path(d.source).name[:3] + str(i): d for i, d in enumerate(seeded.documents())}
    assert docs["0000"].title == "低砺奋进向未来委员履职谱新篇"
    assert docs["0000"].year == 2023
    assert docs["0011"].title == "汇聚奋进力量写好履职答卷——2022年灵武市政协工作综述"
    assert docs["0011"].year == 2022
    assert docs["0034"].title.endswith("——政协大洼区委员会2023年度工作综述")
    assert docs["0034"].year == 2023
    assert docs["0045"].title == "陈仓区政协:凝心聚力,忠诚履职,不断开创政协工作新局面"


def test_section_headings_as_a_reader_lists_them(seeded: Store) -> None:
    ids = seeded.document_ids()
    assert body_headings(seeded, ids[0]) == [
        "低砺奋进向未来委员履职谱新篇",
        "强化政治引领 / 把牢政治方向",
        "聚焦中心大局深度协商互动",
        "坚持团结民主广泛凝聚共识",
        "坚持履职初心增进民生福祉",
        "坚持守正创新加强自身建设",
    ]
    assert body_headings(seeded, ids[1]) == [
        "汇聚奋进力量写好履职答卷 / ——2022年灵武市政协工作综述",
        "履行政协职能建言资政成果更加丰硕",
        "贡献政协力量凝聚共识效果更加明显",
        "发挥政协优势团结民主氛围更加浓厚",
        "坚持守正创新政协自身建设更加完善",
    ]
    assert body_headings(seeded, ids[2])[1:] == [
        "一、提高政治站位,把牢政治方向,在加强党的领导上始终态度鲜明、立场坚定",
        "二、立足职能定位,发挥制度优势,在经济社会发展中彰显政协作为、委员风采",
        "三、发扬革命精神,加强自身建设,在打造政协队伍上注重能力提升、全面过硬",
    ]
    assert body_headings(seeded, ids[3]) == [
        "我与人民政协同行 / 立足履职为民服务改革发展 / ——政协陇南市委员会亮点工作综述",
        "抓学习,坚定政治自信凝心铸魂",
        "抓履职,主动担当作为服务群众",
        "强队伍,促进政协事业健康发展",
    ]
    assert body_headings(seeded, ids[4])[1:] == [
        "全力建设“忠诚政协” / 推动思想根基再夯实",
        "全力建设“实干政协” / 推动协商议政上水平",
        "全力建设“书香政协” / 推动启智润心更深入",
        "全力建设“活力政协” / 推动自身建设新加强",
    ]
    assert body_headings(seeded, ids[5])[1:] == [
        "一、加强政治建设,把准履职方向,始终坚守政协初心",
        "二、聚焦中心工作,积极建言资政,倾力贡献政协智慧",
        "三、服务发展大局,助力民生改善,切实展现政协担当",
        "四、坚持团结民主,拓展联谊交流,广泛汇聚政协力量",
        "五、注重固本强基,加强自身建设,着力激发政协活力",
    ]


def test_boilerplate_and_captions_are_their_own_sections(seeded: Store) -> None:
    ids = seeded.document_ids()
    kinds_text = {
        (s.kind, seeded.document(doc_id).text[s.start : s.end].strip().split("\n")[0])
        for doc_id in ids
        for s in seeded.sections(doc_id)
    }
    assert ("boilerplate", "版面 / 素珍校对 / 寒倩") not in kinds_text  # it shares a section with the date
    first_000 = seeded.sections(ids[0])[0]
    assert first_000.kind == "boilerplate"
    assert "版面 / 素珍校对 / 寒倩" in seeded.document(ids[0]).text[first_000.start : first_000.end]
    assert ("boilerplate", "通版阅读请点击:") in kinds_text
    assert ("caption", "▲ 嘉峪关市政协主席王毅带领视察组视察重大项目建设情况。") in kinds_text
    assert ("caption", "宝鸡市政协主席刘其智到陈仓区中车时代产业园调研项目建设情况") in kinds_text
    captions_001 = [s for s in seeded.sections(ids[1]) if s.kind == "caption"]
    assert len(captions_001) == 4
    assert seeded.document(ids[1]).text[captions_001[0].start :].startswith("2022年6月24日,")


def test_sections_cover_the_text_in_order(seeded: Store) -> None:
    for doc_id in seeded.document_ids():
        text = seeded.document(doc_id).text
        sections = seeded.sections(doc_id)
        assert sections[0].start == 0
        assert sections[-1].end == len(text)
        for before, after in itertools.pairwise(sections):
            assert before.end == after.start


def test_normalized_text_has_no_gloss_no_traditional_no_ocr_space(seeded: Store) -> None:
    for doc_id in seeded.document_ids():
        text = seeded.document(doc_id).text
        assert not GLOSS.search(text)
        assert T2S.convert(text) == text
        assert not re.search(r"[\u4e00-\u9fff] +[\u4e00-\u9fff0-9]", text)
        assert not re.search(r"[0-9] +[\u4e00-\u9fff]", text)
    texts = "\n".join(seeded.document(i).text for i in seeded.document_ids())
    for expected in ("1000余副", "5万多条", "200余件", "委员履职", "乡村振兴精准帮扶", "有高度。", "政协协商"):
        assert expected in texts
    assert "线上VR展厅" in texts or "线上 VR展厅" in texts or "VR 展厅" in texts


def test_headings_are_not_joined_to_their_paragraph(seeded: Store) -> None:
    lines = seeded.document(seeded.document_ids()[0]).text.split("\n")
    assert "强化政治引领" in lines
    assert "把牢政治方向" in lines


def _corresponds(raw_char: str, norm_char: str) -> bool:
    if raw_char == norm_char:
        return True
    if T2S.convert(raw_char) == norm_char:
        return True
    return raw_char in "０１２３４５６７８９％．\r" and norm_char in "0123456789%.\n"


def test_offset_map_round_trip_for_every_character(seeded: Store) -> None:
    for doc_id in seeded.document_ids():
        document = seeded.document(doc_id)
        raw, text = document.raw, document.text
        for i, ch in enumerate(text):
            j = document.offset_map.to_raw(i)
            assert _corresponds(raw[j], ch), (doc_id, i, raw[j], ch)
        assert document.offset_map.to_raw(len(text)) <= len(raw)


def test_offset_map_round_trip_on_messy_text() -> None:
    raw = (
        # Two runs: OCR spacing. Three or more 2–4 character runs are a list and keep their spaces (v1.1).
        "政協(xié) 委員履職\r\n共 386 件，９３．３５％\r\n\r\n"
        "乡村振兴工作取得新进展，委员们深入基层开展了一系列帮扶活动，持续助力乡村振\r\n\r\n兴精准帮扶。"
    )
    result = normalize(raw)
    assert "政协委员履职" in result.text
    assert "386件" in result.text and "93.35%" in result.text
    assert "助力乡村振兴精准帮扶" in result.text
    for i, ch in enumerate(result.text):
        assert _corresponds(raw[result.raw_offsets[i]], ch)


@pytest.mark.parametrize("codec", ["gb18030", "big5"])
def test_legacy_encodings_import_to_the_same_text(tmp_path: Path, codec: str) -> None:
    source = (SEEDS / "003_98903d0b0f3c8107.txt").read_text("utf-8")
    if codec == "big5":
        source = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)", "", source)  # Big5 has no pinyin letters
    (tmp_path / "copy.txt").write_bytes(source.encode(codec))
    assert decode(source.encode(codec)).encoding == codec
    expected = [d.text for d in prepare(source)]
    store = Store(tmp_path / "enc.db")
    import_paths(store, [tmp_path / "copy.txt"], extract=False)
    assert [store.document(i).text for i in store.document_ids()] == expected


def test_gb18030_copy_of_simplified_seed(tmp_path: Path) -> None:
    source = (SEEDS / "000_41395adbcba091c9.txt").read_text("utf-8")
    decoded = decode(source.encode("gb18030"))
    assert decoded.encoding == "gb18030" and decoded.text == source
    assert decode(b"\xef\xbb\xbf" + source.encode("utf-8")).text == source


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02PNG\x00", "binary"),
        (bytes(range(128, 256)) * 40, "not UTF-8, GB18030 or Big5"),
    ],
)
def test_bad_bytes_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode(data)


def test_bad_files_are_refused_and_the_rest_imports(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "c_good.txt").write_text((SEEDS / "004_ff1d21b5883e6b05.txt").read_text("utf-8"), "utf-8")
    db = tmp_path / "t.db"
    result = CliRunner().invoke(main, ["import", str(folder), "--db", str(db), "--no-extract"])
    assert result.exit_code == 1
    refused = [line for line in result.stderr.splitlines() if line.startswith("pizhu: refused")]
    assert len(refused) == 2
    assert "a_empty.txt" in refused[0] and "b_binary.txt" in refused[1]
    with Store(db) as store:
        assert len(store.document_ids()) == 1


def test_reimport_is_idempotent(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    first = runner.invoke(main, ["import", str(SEEDS), "--db", db, "--no-extract"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(main, ["import", str(SEEDS), "--db", db, "--no-extract"])
    assert again.exit_code == 0
    assert "skipped 6 already imported" in again.stderr
    with Store(db) as store:
        assert len(store.document_ids()) == 6


def test_a_failing_document_leaves_the_database_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "t.db")
    import_paths(store, [SEEDS / "000_41395adbcba091c9.txt"], extract=False)
    before = store.conn.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sections)").fetchone()

    def boom(*_args: object, **_kwargs: object) -> int:
        raise sqlite3.IntegrityError("CHECK constraint failed: spans")

    monkeypatch.setattr(Store, "_insert_machine_spans", boom)
    report = import_paths(store, [SEEDS / "004_ff1d21b5883e6b05.txt"], extract=False)
    assert report.errors and "CHECK constraint failed" in report.errors[0].error
    after = store.conn.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sections)").fetchone()
    assert after == before


def test_missing_path_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["import", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.stderr
    assert "Traceback" not in result.output


def test_letter_spaced_ocr_lines_lose_their_spaces_digits_included() -> None:
    result = normalize("全 年 共 收 到 提 案 2 1 5 件 ， 立 案 1 9 8 件 。\n2020-11-06 1 1 沧州日报")
    assert result.text.split("\n")[0] == "全年共收到提案215件，立案198件。"
    assert result.text.split("\n")[1].startswith("2020-11-06 1 1")  # an ordinary line keeps digit spacing
