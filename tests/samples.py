"""Generated report files in every format pizhu imports, for its tests and benches.

``report_pdf`` lays a Chinese work report out the way a yearbook (年鉴) page is set: a
running header, a page number in the footer, two or three columns, headings inside a
column and photos with a caption under them; the text is written with reportlab's
built-in CID font ``STSong-Light``, so no font file is needed. Lines are filled
greedily to the column width, so a quantity often ends one line and its unit starts
the next (``调研12`` / ``次。``); ``SamplePdf.split_figures`` lists where that happened.
``scanned_pdf`` is a page with an image and no text layer; ``report_html`` a saved
newspaper page with navigation, related links and a footer around the article;
``report_docx`` a Word file with headings by style and a table.

Each sample carries what a correct import must give back: the paragraphs in reading
order, every figure with its unit, the boilerplate and the captions. Everything is a
pure function of the arguments. reportlab is a test extra, imported only when a PDF is made.
"""

from __future__ import annotations

import io
import random
import re
from dataclasses import dataclass

_FIGURE_SENTENCES = (
    "全年共开展专题调研{n}次",
    "提出意见建议{n}条",
    "收到委员提案{n}件",
    "组织委员视察{n}人次",
    "办复率达{n}%",
    "协调落实帮扶资金{n}万元",
    "举办委员读书活动{n}场",
    "报送社情民意信息{n}篇",
    "走访联系群众{n}户",
    "建成委员工作室{n}个",
)
_PROSE = (
    "市政协坚持团结和民主两大主题",
    "围绕中心、服务大局",
    "聚焦乡村振兴和民生改善深入协商议政",
    "推动协商成果转化为工作举措",
    "各专委会紧扣年度协商计划",
    "委员履职尽责、积极建言",
    "进一步增强了政协工作的针对性和实效性",
    "广泛凝聚共识，汇聚发展合力",
)
_HEADINGS = (
    "强化政治引领",
    "聚焦中心大局深度协商",
    "坚持履职为民",
    "加强自身建设",
    "创新民主监督",
    "广泛凝聚共识",
)
_CAPTIONS = (
    "▲2023年5月，市政协调研组赴乡镇调研",
    "▲市政协委员视察重点项目建设",
    "▲2023年9月，市政协召开专题协商会",
)
_FIGURE_RE = re.compile(r"\d+(?:\.\d+)?(?:人次|万元|[次条件%场篇户个])")

TITLE = "凝心聚力谋发展 履职尽责显担当"
SUBTITLE = "——鹿城市政协2023年工作综述"
HEADER = "鹿城年鉴（2023）  政协工作"
FONT = "STSong-Light"


@dataclass(frozen=True)
class Item:
    """One block of the report: ``heading``, ``body`` or ``caption``."""

    kind: str
    text: str


@dataclass(frozen=True)
class SamplePdf:
    data: bytes
    pages: int
    columns: int
    items: tuple[Item, ...]
    """Title, subtitle, headings, paragraphs and captions in reading order."""
    figures: tuple[str, ...]
    """Every figure of the text with its unit, in reading order."""
    boilerplate: tuple[str, ...]
    """Header, footer and page-number lines as drawn, page by page."""
    split_figures: tuple[str, ...]
    """Figures that a line break cut in two (``调研12`` / ``次``, or inside the number)."""

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(item.text for item in self.items)

    @property
    def captions(self) -> tuple[str, ...]:
        return tuple(item.text for item in self.items if item.kind == "caption")


def report_items(seed: int = 0, paragraphs: int = 12) -> tuple[Item, ...]:
    """A report's blocks: a heading every few paragraphs, figures in every paragraph, captions."""
    rng = random.Random(seed)
    items: list[Item] = [Item("title", TITLE), Item("title", SUBTITLE)]
    for index in range(paragraphs):
        if index % 4 == 0:
            items.append(Item("heading", f"{'一二三四五六七八九十'[(index // 4) % 10]}、{rng.choice(_HEADINGS)}"))
        clauses = []
        for _ in range(rng.randint(4, 7)):
            if rng.random() < 0.6:
                template = rng.choice(_FIGURE_SENTENCES)
                n: float = rng.choice((rng.randint(2, 99), rng.randint(100, 999)))
                if "万元" in template:
                    n = round(rng.uniform(1, 99), 2)
                elif "%" in template:
                    n = rng.choice((100, 98.5, 96))
                clauses.append(template.format(n=n))
            else:
                clauses.append(rng.choice(_PROSE))
        items.append(Item("body", "，".join(clauses) + "。"))
        if index % 5 == 2:
            items.append(Item("caption", rng.choice(_CAPTIONS)))
    return tuple(items)


def figures_of(items: tuple[Item, ...]) -> tuple[str, ...]:
    return tuple(m.group(0) for item in items if item.kind == "body" for m in _FIGURE_RE.finditer(item.text))


def _wrap(text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
    """Greedy line filling, character by character, the way a typesetter without hyphenation does."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    current = ""
    limit = width - indent
    for ch in text:
        if current and stringWidth(current + ch, FONT, size) > limit:
            lines.append(current)
            current = ""
            limit = width
        current += ch
    if current:
        lines.append(current)
    return lines


def register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def report_pdf(
    columns: int = 3, *, seed: int = 0, paragraphs: int = 18, pages: int | None = None, stream: str = "rows"
) -> SamplePdf:
    """A yearbook-style PDF of a generated report in ``columns`` columns.

    With ``pages`` the report grows to about that many pages (for benches; ``SamplePdf.pages`` says how many).
    ``stream`` is the order the text is written into the page's content: ``rows`` (top to
    bottom across the columns, as many typesetting programs write it, so that text
    copied out in stream order runs across the columns) or ``columns`` (reading order).
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    register_font()
    if pages is not None:
        paragraphs = max(paragraphs, int(pages * 19.4))
    items = report_items(seed, paragraphs)
    page_w, page_h = A4
    margin, gutter = 50.0, 18.0
    col_w = (page_w - 2 * margin - gutter * (columns - 1)) / columns
    top, bottom = page_h - 70.0, 70.0
    body_size, body_lead = 10.0, 15.0

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    # Drawing operations of the current page, written out in ``stream`` order at its end.
    ops: list[tuple[float, float, str, float, str]] = []

    def text(x: float, y: float, size: float, line: str, centred: bool = False) -> None:
        ops.append((y, x, "centred" if centred else "text", size, line))

    def photo(x: float, y: float) -> None:
        ops.append((y, x, "photo", 0.0, ""))

    def flush() -> None:
        if stream == "rows":
            ops.sort(key=lambda op: (-op[0], op[1]))
        for y, x, what, size, line in ops:
            if what == "photo":
                pdf.setFillGray(0.8)
                pdf.rect(x, y, col_w, 60, stroke=0, fill=1)
                pdf.setFillGray(0)
                continue
            pdf.setFont(FONT, size)
            if what == "centred":
                pdf.drawCentredString(x, y, line)
            else:
                pdf.drawString(x, y, line)
        ops.clear()
        pdf.showPage()

    boilerplate: list[str] = []
    split: list[str] = []
    page_no = 0
    column = 0
    y = top

    def furniture() -> None:
        nonlocal page_no
        page_no += 1
        text(margin, page_h - 40, 8, HEADER)
        pdf.line(margin, page_h - 46, page_w - margin, page_h - 46)
        number = f"—{page_no + 211}—"
        text(page_w / 2, 40, 8, number, centred=True)
        boilerplate.extend([HEADER, number])

    def next_column() -> None:
        nonlocal column, y
        column += 1
        y = column_top
        if column == columns:
            flush()
            furniture()
            column = 0
            y = top

    furniture()
    # The title and subtitle run across all columns at the top of the first page.
    text(page_w / 2, top - 10, 18, TITLE, centred=True)
    text(page_w / 2, top - 34, 12, SUBTITLE, centred=True)
    y = column_top = top - 60
    done = 2
    for item in items[2:]:
        x = margin + column * (col_w + gutter)
        if item.kind == "heading":
            if y - 24 < bottom:
                next_column()
                x = margin + column * (col_w + gutter)
            y -= 6
            text(x, y - 12, 12, item.text)
            y -= 24
        elif item.kind == "caption":
            lines = _wrap(item.text, col_w, 8.0)
            need = 70 + 12 * len(lines)
            if y - need < bottom:
                next_column()
                x = margin + column * (col_w + gutter)
            photo(x, y - 62)
            y -= 66
            for line in lines:
                text(x, y - 9, 8, line)
                y -= 12
            y -= 4
        else:
            lines = _wrap(item.text, col_w, body_size, indent=2 * body_size)
            for number, line in enumerate(lines):
                if y - body_lead < bottom:
                    next_column()
                    x = margin + column * (col_w + gutter)
                text(x + (2 * body_size if number == 0 else 0), y - body_size, body_size, line)
                y -= body_lead
            breaks, pos = set(), 0
            for line in lines[:-1]:
                pos += len(line)
                breaks.add(pos)
            split.extend(
                m.group(0) for m in _FIGURE_RE.finditer(item.text) if any(m.start() < b < m.end() for b in breaks)
            )
        done += 1
    flush()
    pdf.save()
    kept = items[:done]
    return SamplePdf(
        data=buffer.getvalue(),
        pages=page_no,
        columns=columns,
        items=kept,
        figures=figures_of(kept),
        boilerplate=tuple(boilerplate),
        split_figures=tuple(split),
    )


def scanned_pdf() -> bytes:
    """A one-page PDF holding only a picture of text: no text layer, as a scanner makes it."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = Image.new("L", (400, 300), 255)
    draw = ImageDraw.Draw(picture)
    for row in range(20, 280, 14):
        draw.line((20, row, 380, row), fill=0, width=6)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.drawImage(ImageReader(picture), 50, 300, 495, 370)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@dataclass(frozen=True)
class SampleHtml:
    data: bytes
    headline: str
    date: str
    items: tuple[Item, ...]
    """The article's paragraphs (body), captions and editor lines (boilerplate), in order."""
    figures: tuple[str, ...]
    outside: tuple[str, ...]
    """Navigation, related links and footer text: not report text."""


def report_html(*, seed: int = 1, paragraphs: int = 6, charset: str = "utf-8") -> SampleHtml:
    """A newspaper page as a browser saves it: navigation, the article, related links, a footer.

    The photo's caption is a centred paragraph under the picture, the way Chinese news
    sites set it (trafilatura drops ``<figcaption>`` elements altogether).
    """
    from html import escape

    body = [item for item in report_items(seed, paragraphs) if item.kind == "body"]
    headline = "市政协：凝心聚力谋发展 履职尽责显担当"
    date = "2024-01-15"
    caption = "▲市政协委员视察重点项目建设。记者 王明 摄"
    editor = "责任编辑：李华"
    nav = ("首页", "时政要闻", "政协新闻", "图片新闻", "视频", "专题", "数字报")
    related = ("市人大常委会召开主任会议", "全市经济工作会议召开", "我市举行重点项目集中开工仪式")
    footer = "版权所有 鹿城日报社 未经授权禁止转载 ICP备12345678号"
    paragraphs_html = "\n".join(f"<p>　　{escape(item.text)}</p>" for item in body[:3])
    table_rows = (("类别", "数量"), ("收到提案", "386件"), ("办复率", "100%"))
    table_html = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in table_rows)
    related_html = "".join(f'<li><a href="/n{i}.html">{escape(t)}</a></li>' for i, t in enumerate(related))
    rest_html = "\n".join(f"<p>　　{escape(item.text)}</p>" for item in body[3:])
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}">
<title>{escape(headline)}_鹿城新闻网</title>
<meta name="description" content="鹿城新闻网">
<meta property="article:published_time" content="{date}T08:30:00+08:00">
<script>var _hmt = _hmt || [];</script>
<style>.nav{{float:left}}</style>
</head><body>
<div class="top-bar"><a href="/">登录</a> <a href="/reg">注册</a></div>
<div class="nav"><ul>{"".join(f'<li><a href="/c{i}.html">{n}</a></li>' for i, n in enumerate(nav))}</ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zx/">政协新闻</a></div>
<div class="main"><div class="article">
<h1>{escape(headline)}</h1>
<div class="info">来源：鹿城日报　发布时间：{date} 08:30</div>
<div class="content">
{paragraphs_html}
<p style="text-align:center"><img src="/pic/2024/01/15/a.jpg" alt="视察"></p>
<p style="text-align:center">{escape(caption)}</p>
{rest_html}
<table><tbody>{table_html}</tbody></table>
<p>{escape(editor)}</p>
</div></div>
<div class="related"><h3>相关新闻</h3><ul>{related_html}</ul></div>
</div>
<div class="footer"><p>{escape(footer)}</p><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a></p></div>
</body></html>
"""
    table = tuple(Item("table", " | ".join(row)) for row in table_rows)
    items = (*body[:3], Item("caption", caption), *body[3:], *table, Item("boilerplate", editor))
    return SampleHtml(
        data=page.encode(charset),
        headline=headline,
        date=date,
        items=tuple(items),
        figures=(*figures_of(tuple(body)), "386件", "100%"),
        outside=(*nav, *related, footer, "相关新闻", "当前位置"),
    )


@dataclass(frozen=True)
class SampleDocx:
    data: bytes
    items: tuple[Item, ...]
    """Title, headings, paragraphs and table rows (as ``cell | cell``) in order."""
    figures: tuple[str, ...]
    header: str
    footer: str


def report_docx(*, seed: int = 2, paragraphs: int = 6) -> SampleDocx:
    """A Word report: a page header and footer, a Title, Heading 1 headings, paragraphs, a table."""
    import docx

    items = report_items(seed, paragraphs)
    document = docx.Document()
    section = document.sections[0]
    header = "政协鹿城市委员会办公室"
    footer = "鹿城市政协2023年工作综述"
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = header
    section.footer.is_linked_to_previous = False
    section.footer.paragraphs[0].text = footer
    table_rows = (("类别", "数量"), ("收到提案", "386件"), ("立案", "352件"), ("办复率", "100%"))
    out: list[Item] = []
    for index, item in enumerate(items):
        if item.kind == "title":
            document.add_heading(item.text, level=0 if index == 0 else 1)
            out.append(Item("heading", item.text))
        elif item.kind == "heading":
            document.add_heading(item.text, level=1)
            out.append(item)
        elif item.kind == "caption":
            continue
        else:
            document.add_paragraph(item.text)
            out.append(item)
        if index == 4:
            table = document.add_table(rows=len(table_rows), cols=2)
            for row, cells in zip(table.rows, table_rows, strict=True):
                for cell, value in zip(row.cells, cells, strict=True):
                    cell.text = value
            out.extend(Item("body", " | ".join(cells)) for cells in table_rows)
    buffer = io.BytesIO()
    document.save(buffer)
    kept = tuple(out)
    return SampleDocx(
        data=buffer.getvalue(),
        items=kept,
        figures=(*figures_of(kept), "386件", "352件", "100%"),
        header=header,
        footer=footer,
    )
