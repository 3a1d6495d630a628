"""Saved web pages read as a person reads them (issue #22): each test is one break seen on real
Chinese news and government pages, rebuilt here in a page of a few lines.

- no date line that is not on the page; the page's own date goes into the document's
  metadata, never into its text, and wins over a year named in the article;
- the title without the site's suffix, by comparing ``<title>`` with the page's headline;
- navigation out, and paragraphs kept apart, on a short page set in layout tables;
- the declared charset loses to the bytes when it reads them as mojibake;
- a ``</html>`` left in the middle of the page by a server-side include does not end it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.store.db import Store
from pizhu.store.importer import import_paths
from pizhu.store.sources import read_source

ARTICLE = (
    "2019年，市政协围绕乡村振兴开展专题调研12次，提出意见建议86条。",
    "2020年，委员们深入基层走访群众，报送社情民意信息35篇。",
    "2019年以来，市政协持续推动协商成果转化落实。",
)


def page(
    *,
    head: str = "",
    title: str = "市政协开展乡村振兴专题调研",
    body: str = "",
    charset: str = "utf-8",
) -> bytes:
    paragraphs = body or "".join(f"<p>{p}</p>" for p in ARTICLE)
    html = (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>{title}</title>{head}</head><body>"
        '<div class="nav"><a href="/">首页</a> <a href="/a">新闻中心</a> <a href="/b">政协要闻</a></div>'
        f'<div class="article"><h1>市政协开展乡村振兴专题调研</h1><div class="content">{paragraphs}</div></div>'
        '<div class="footer">版权所有 © 2024 某某政协网 All rights reserved</div></body></html>'
    )
    return html.encode("gb18030" if charset.lower() in ("gb2312", "gbk", "gb18030", "big5") else charset)


def imported(tmp_path: Path, data: bytes, name: str = "page.html"):
    path = tmp_path / name
    path.write_bytes(data)
    store = Store(tmp_path / "a.db")
    report = import_paths(store, [path], extract=False)
    assert not report.errors, report.errors[0].error
    (doc_id,) = store.document_ids()
    return store, store.document(doc_id)


# --- dates ---------------------------------------------------------------------------------


def test_a_page_without_a_date_gets_none_and_no_date_line(tmp_path: Path) -> None:
    # The footer's copyright year is not a publication date (htmldate's extensive search
    # made 2024-01-01 of it, and the reader put it on a line of its own at the top).
    store, document = imported(tmp_path, page())
    assert document.date is None
    assert "2024-01-01" not in document.text
    assert not any(line.startswith("2024") for line in document.text.splitlines())
    store.close()


def test_the_page_date_goes_into_metadata_not_into_the_text(tmp_path: Path) -> None:
    head = '<meta property="article:published_time" content="2021-03-05T08:30:00+08:00">'
    store, document = imported(tmp_path, page(head=head))
    assert document.date == "2021-03-05"
    assert "2021-03-05" not in document.text
    # Every line of the text is on the page.
    for line in document.text.splitlines():
        assert line in {"市政协开展乡村振兴专题调研", *ARTICLE}, line
    store.close()


def test_the_page_date_wins_over_a_year_named_in_the_article(tmp_path: Path) -> None:
    # The article names 2019 twice and 2020 once; the page was published in 2021.
    head = '<meta name="PubDate" content="2021-03-05 09:53">'
    store, document = imported(tmp_path, page(head=head))
    assert (document.year, document.date) == (2021, "2021-03-05")
    store.close()


@pytest.mark.parametrize(
    ("head", "body_extra", "expected"),
    [
        ('<meta name="firstpublishedtime" content="2007-08-20-23:59:59">', "", "2007-08-20"),
        ('<meta name="publishdate" content="2019-06-15">', "", "2019-06-15"),
        (
            '<script type="application/ld+json">'
            '{"@type": "NewsArticle", "datePublished": "2020-10-04T10:00:00"}</script>',
            "",
            "2020-10-04",
        ),
        ("", '<div class="info">来源：东区办事处　发布日期：2019-03-06</div>', "2019-03-06"),
        ("", '<div class="info">2020年1月3日 18:13　来源：新华社</div>', "2020-01-03"),
        ("", "", None),
    ],
)
def test_page_date_from_its_metadata_or_the_date_line_under_the_headline(
    head: str, body_extra: str, expected: str | None
) -> None:
    from pizhu.store.sources.html import page_date

    html = page(head=head).decode("utf-8").replace("</h1>", "</h1>" + body_extra)
    assert page_date(html) == expected


# --- titles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "headlines", "expected"),
    [
        # The site's logo is an h1 too; the article repeats the headline, not the site's name.
        (
            "山西品牌丝路行正式启动 - 山西省人民政府门户网站",
            ["山西省人民政府网站", "…山西品牌丝路行活动在巴西圣保罗正式启动。"],
            "山西品牌丝路行正式启动",
        ),
        ("市政协开展专题调研_教育频道_中国青年网", ["市政协开展专题调研"], "市政协开展专题调研"),
        ("法国全国大罢工再次严重影响交通-新华网", ["法国全国大罢工再次严重影响交通"], "法国全国大罢工再次严重影响交通"),
        ("中山网 | 区政协召开常委会议", ["区政协召开常委会议"], "区政协召开常委会议"),
        ("1-10月德清县固定资产投资结构趋稳趋优", [], "1-10月德清县固定资产投资结构趋稳趋优"),
        ("顺德区调研工作 东区办事处_中山网", ["顺德区调研工作"], "顺德区调研工作"),
        ("活动--当代商报", [], "活动"),
    ],
)
def test_title_keeps_the_part_that_matches_the_headline(title: str, headlines: list[str], expected: str) -> None:
    from pizhu.store.sources.html import split_title

    heads, body = [h for h in headlines if not h.startswith("…")], "".join(h for h in headlines if h.startswith("…"))
    kept, _suffix = split_title(title, heads, body=body)
    assert kept == expected


def test_imported_title_has_no_site_suffix(tmp_path: Path) -> None:
    store, document = imported(tmp_path, page(title="市政协开展乡村振兴专题调研_教育频道_中国青年网"))
    assert document.title == "市政协开展乡村振兴专题调研"
    assert "中国青年网" not in document.text
    store.close()


# --- navigation and paragraphs on a short page ----------------------------------------------

NAV = ("首页", "政协要闻", "委员风采", "提案工作", "社情民意", "文史资料", "机关建设", "通知公告", "联系我们")


def short_layout_page() -> bytes:
    """A short article set in layout tables, the navigation a long list around it."""
    nav = "".join(f'<tr><td><a href="/c{i}.html">{name}</a></td></tr>' for i, name in enumerate(NAV))
    return (
        '<html><head><meta charset="utf-8"><title>区政协调研众创金融街_中山网</title></head><body>'
        f'<table width="950"><tr><td width="180"><table>{nav}</table></td><td>'
        '<table><tr><td>现在位置： <a href="/">首页</a> &gt;&gt; '
        '<a href="/c1.html">政协要闻</a> &gt;&gt; 正文</td></tr></table>'
        '<table><tr><td><span class="Title"><b>区政协调研众创金融街</b></span></td></tr>'
        "<tr><td><p>2019年2月27日下午，区政协主席一行到众创金融街调研。</p>"
        "<p>调研组走访了入驻企业12家，听取意见建议8条。</p></td></tr>"
        '<tr><td>【<a href="javascript:window.print();">打印本页</a>】'
        '【<a href="javascript:window.close();">关闭窗口</a>】</td></tr></table>'
        "</td></tr></table></body></html>"
    ).encode()


def test_short_page_in_layout_tables_navigation_out_paragraphs_apart(tmp_path: Path) -> None:
    store, document = imported(tmp_path, short_layout_page())
    lines = document.text.splitlines()
    assert "2019年2月27日下午，区政协主席一行到众创金融街调研。" in lines
    assert "调研组走访了入驻企业12家，听取意见建议8条。" in lines
    for outside in (*NAV[1:], "现在位置", "打印本页", "关闭窗口"):
        assert outside not in document.text, outside
    assert document.title == "区政协调研众创金融街"
    store.close()


def test_lines_broken_with_br_stay_lines() -> None:
    body = "<p>一、市政协调研组赴乡镇调研<br>二、委员视察重点项目12个<br>三、报送信息35篇</p>" + "".join(
        f"<p>{p}</p>" for p in ARTICLE
    )
    source = read_source(page(body=body))
    assert "二、委员视察重点项目12个" in source.text.splitlines()


def test_a_stray_end_of_page_from_an_include_does_not_end_the_page() -> None:
    # gov.cn pages include their header, which ends in </html>, before the article.
    data = page().decode("utf-8").replace('<div class="article">', '</body></html>\n<div class="article">')
    source = read_source(data.encode("utf-8"))
    assert ARTICLE[1] in source.text.splitlines()


# --- charset ---------------------------------------------------------------------------------


def test_gb18030_page_declared_big5_is_read_by_its_bytes() -> None:
    # Sentences whose GB18030 bytes are valid Big5 too: the declared charset reads the
    # page without an error, into mojibake (庈淉衪…), and only the bytes can tell.
    sentences = ("市政协开展专题调研12次，提出意见建议86条。", "委员们走访基层，报送社情民意信息35篇。")
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5">'
        "<title>市政协开展乡村振兴专题调研</title></head><body><div>首页 新闻中心 政协要闻</div>"
        "<h1>市政协开展乡村振兴专题调研</h1>" + "".join(f"<p>{s}</p>" for s in sentences) + "</body></html>"
    )
    data = html.encode("gb18030")
    assert data.decode("big5")  # the declared charset reads it without an error
    source = read_source(data)
    assert source.encoding == "html/gb18030"
    assert sentences[0] in source.text.splitlines()


def test_utf8_page_declared_gb2312_is_read_as_utf8() -> None:
    html = page().decode("utf-8").replace("charset=utf-8", "charset=gb2312")
    source = read_source(html.encode("utf-8"))
    assert source.encoding == "html/utf-8"
    assert ARTICLE[0] in source.text


# --- export ------------------------------------------------------------------------------------


def test_the_page_date_is_exported_with_the_provenance(tmp_path: Path) -> None:
    head = '<meta property="article:published_time" content="2021-03-05T08:30:00+08:00">'
    (tmp_path / "page.html").write_bytes(page(head=head))
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(tmp_path / "page.html"), "--db", db]).exit_code == 0
    out = tmp_path / "out.jsonl"
    assert runner.invoke(main, ["export", "--all", "--db", db, "-o", str(out)]).exit_code == 0
    (record,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert (record["date"], record["year"]) == ("2021-03-05", 2021)
    out = tmp_path / "out.json"
    result = runner.invoke(main, ["export", "--all", "--format", "label-studio", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    (task,) = json.loads(out.read_text("utf-8"))
    assert task["data"]["date"] == "2021-03-05"
