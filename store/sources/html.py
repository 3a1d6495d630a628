"""Read a saved newspaper page: the article body through trafilatura, the rest left out.

Why trafilatura: it is made for finding the main text of a web page (navigation, related
links, comments and footers are what it removes), keeps paragraphs, headings, lists and
tables as elements, and reads the headline and publication date from the page's
metadata. Nothing here knows a site's tags. On the generated newspaper page
(``bench/compare_html.py``) it keeps every block of the article (paragraphs, caption,
table rows, editor line), none of the navigation, related links or footer, and reads
headline and date; readability-lxml keeps 73% (it drops the table and the editor line)
and no date; goose3 (with its Chinese stopwords) and jusText (no Chinese stoplist) find
no article at all. The article's paragraphs are kept one a line;
editor lines and photo captions inside it stay in the text and are marked by the text
rules (``extract.sections.classify``). The page's bytes are kept as the document's source.
"""

from __future__ import annotations

import re
from typing import Any

from extract.decode import DecodeError, decode
from extract.layout import Layout

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_CHARSETS = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "big5": "big5", "utf-8": "utf-8"}


class HtmlError(ValueError):
    """A page with no article text pizhu can find."""


def page_text(data: bytes) -> tuple[str, str]:
    """The page decoded: by the charset its ``<meta>`` declares when that reads cleanly, else by its bytes."""
    declared = _CHARSET_RE.search(data[:8192])
    if declared:
        codec = _CHARSETS.get(declared.group(1).decode("ascii").lower())
        if codec:
            try:
                return data.decode(codec).lstrip("\ufeff"), codec
            except UnicodeDecodeError:
                pass
    try:
        decoded = decode(data)
    except DecodeError as exc:
        raise HtmlError(f"an HTML page that is not text ({exc})") from None
    return decoded.text.lstrip("\ufeff"), decoded.encoding


def read_html(data: bytes) -> tuple[Layout, str]:
    """The article of a saved page as a Layout (headline, date, paragraphs), and the page's charset."""
    import trafilatura
    from lxml import etree

    html, charset = page_text(data)
    xml = trafilatura.extract(
        html,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
    )
    if not xml:
        raise HtmlError("an HTML page with no article text")
    root = etree.fromstring(xml.encode("utf-8"))
    title = (root.get("title") or "").strip()
    date = (root.get("date") or "").strip()
    paragraphs: list[tuple[str, str, tuple[int, ...]]] = []
    if title:
        paragraphs.append((title, "heading", ()))
    if date:
        paragraphs.append((date, "boilerplate", ()))
    main = root.find("main")
    for element in main.iterchildren() if main is not None else ():
        paragraphs.extend(_blocks(element))
    if not any(kind != "boilerplate" and text.strip() for text, kind, _ in paragraphs[1:]):
        raise HtmlError("an HTML page with no article text")
    return Layout.from_paragraphs(paragraphs, title=title, date=date), charset


def _blocks(element: Any) -> list[tuple[str, str, tuple[int, ...]]]:
    """One element of trafilatura's XML as (text, kind, pages) paragraphs."""
    tag = element.tag
    if tag == "head":
        return [(_text(element), "heading", ())]
    if tag == "list":
        return [(_text(item), "body", ()) for item in element.iter("item")]
    if tag == "table":
        return [(" | ".join(_text(cell) for cell in row.iter("cell")), "table", ()) for row in element.iter("row")]
    return [(_text(element), "body", ())]


def _text(element: Any) -> str:
    # Ideographic spaces indent a Chinese paragraph; they are not part of its text.
    return "".join(element.itertext()).strip().strip("\u3000").strip()
