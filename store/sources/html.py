"""Read a saved web page as a person reads it: the headline, the article's paragraphs, nothing else.

Why trafilatura: it is made for finding the main text of a web page (navigation, related
links, comments and footers are what it removes), keeps paragraphs, headings, lists and
tables as elements, and knows no site. On the generated newspaper page
(``bench/compare_html.py``) it keeps every block of the article, none of the navigation;
readability-lxml keeps 73% (it drops the table and the editor line); goose3 and jusText find
no article at all. On real pages (``bench/realfiles/web.py``) it needed help in four places,
which this module gives it, again without knowing any site:

- a page that pulls in its header with a server-side include carries that header's
  ``</html>`` in the middle; a browser reads on, lxml stopped there. Stray end tags go;
- old government and news pages are set in layout tables; read as a data table, the whole
  article was one cell, its paragraphs glued onto one line with the navigation around it.
  A table whose cells hold paragraphs, lists or tables is laid out as the blocks it holds;
- lines a ``<br>`` separates stay lines (a list of names, a title over three lines);
- what it keeps of the page's furniture inside the article's box goes: a paragraph that is
  mostly link text (a list of related stories), a breadcrumb (``当前位置：首页 > …``),
  the page's tools (``【打印本页】【关闭窗口】``), the copyright and ICP licence line, a
  teaser for another story (``…【详细】``).

Nothing is written into the text that the page does not show: the page's date is the
document's metadata (``Layout.date``), never a line of its text, and it comes from what
the page says of itself (``page_date``), never from a year in the article or a copyright
line. The title is the page's ``<title>`` less the site's name (``split_title``); the
headline stands at the top of the text only where the page shows it. The page's bytes are
kept as the document's source.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from pizhu.extract.decode import DecodeError, common_share, decode
from pizhu.extract.layout import Layout

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_CHARSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "x-gbk": "gb18030",
    "big5": "big5",
    "big5-hkscs": "big5hkscs",
    "utf-8": "utf-8",
    "utf8": "utf-8",
}


class HtmlError(ValueError):
    """A page with no article text pizhu can find."""


# --- bytes to text ---------------------------------------------------------------------------


def page_text(data: bytes) -> tuple[str, str]:
    """The page decoded, and the codec that read it.

    The charset its ``<meta>`` declares is tried first, but the bytes decide: a page saved
    in GB18030 and declared Big5 (or UTF-8 declared GB2312) decodes, into rare characters;
    where ``extract.decode``'s own reading of the bytes gives text denser in common Chinese
    characters, that reading wins.
    """
    try:
        sniffed: tuple[str, str] | None = _sniffed(data)
    except HtmlError:
        sniffed = None
    declared = _CHARSET_RE.search(data[:8192])
    codec = _CHARSETS.get(declared.group(1).decode("ascii").lower()) if declared else None
    if codec:
        try:
            text = data.decode(codec).lstrip("\ufeff")
        except UnicodeDecodeError:
            pass
        else:
            if sniffed is None or sniffed[1] == codec or common_share(text) >= common_share(sniffed[0]):
                return text, codec
    if sniffed is None:
        raise HtmlError("an HTML page that is not text in UTF-8, GB18030 or Big5")
    return sniffed


def _sniffed(data: bytes) -> tuple[str, str]:
    try:
        decoded = decode(data)
    except DecodeError as exc:
        raise HtmlError(f"an HTML page that is not text ({exc})") from None
    return decoded.text.lstrip("\ufeff"), decoded.encoding


# A server-side include ends the page early: a browser reads past its </html>, lxml does not.
_STRAY_END_RE = re.compile(r"</(?:html|body)\s*>", re.I)


def parse(html: str) -> Any:
    """The page's element tree, as a browser would build it."""
    import lxml.html
    from lxml import etree

    html = _STRAY_END_RE.sub("", html)
    # lxml refuses a str that declares its own encoding; the text is decoded already.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise HtmlError(f"an HTML page lxml cannot parse ({exc})") from None


def _clean(text: str) -> str:
    """One line of a page's text: white space (ideographic spaces too) collapsed."""
    return re.sub(r"[\s\u3000\xa0]+", " ", text).strip()


def _visible(tree: Any) -> Iterator[Any]:
    """The body's elements a reader sees (not scripts, styles or hidden inputs)."""
    body = tree.find("body")
    if body is None:
        return
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "noscript", "template", "input"):
            continue
        if re.search(r"display\s*:\s*none", element.get("style") or "", re.I):
            continue
        yield element


# --- the page's date -----------------------------------------------------------------------------

# Names under which a page states when it was published: Open Graph and schema.org, the
# metadata of Chinese government sites' publishing systems (PubDate, firstpublishedtime…)
# and of news sites (publishdate). A page's own statement, read in this order.
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "pubdate",
    "publishdate",
    "publish_date",
    "publishtime",
    "firstpublishedtime",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "date",
)
_ISO_DATE_RE = re.compile(r"((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})(?!\d)")
_DATE_LINE_MAX = 60


def _iso(text: str) -> str | None:
    """``YYYY-MM-DD`` of the first calendar date in ``text``, or None."""
    match = _ISO_DATE_RE.search(text or "")
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def page_date(html: str | Any, headline: str = "") -> str | None:
    """When the page says it was published, as ``YYYY-MM-DD``; None when it does not say.

    In order: the page's metadata (``_DATE_META``), a JSON-LD ``datePublished``, a short
    date line just under the headline (``发布日期：2019-03-06``, ``2020年1月3日 18:13``),
    then htmldate without its extensive search (which guesses from any year on the page,
    a copyright line's ``© 2024`` among them, and made ``2024-01-01`` of it).
    """
    tree = parse(html) if isinstance(html, str) else html
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and meta.get("content") and key not in metas:
            metas[key] = meta.get("content")
    for key in _DATE_META:
        found = _iso(metas.get(key, ""))
        if found:
            return found
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json":
            found = _iso(_json_ld_date(script.text or ""))
            if found:
                return found
    found = _date_line(tree, headline or _headline_candidates(tree, metas)[0:1])
    if found:
        return found
    from htmldate import find_date

    try:
        guessed = find_date(tree, extensive_search=False, original_date=True)
    except Exception:  # htmldate is a heuristic: its failure is no date, not a refusal
        return None
    return _iso(guessed or "")


def _json_ld_date(text: str) -> str:
    try:
        data = json.loads(text)
    except ValueError:
        match = re.search(r'"datePublished"\s*:\s*"([^"]+)"', text)
        return match.group(1) if match else ""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                return str(item["datePublished"])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return ""


def _date_line(tree: Any, headlines: Iterable[str] | str) -> str | None:
    """The date of a short dateline among the few lines after the headline on the page."""
    wanted = {_squash(h) for h in ([headlines] if isinstance(headlines, str) else headlines) if h}
    if not wanted:
        return None
    seen_headline = False
    lines = 0
    for text in _text_lines(tree):
        if not seen_headline:
            seen_headline = _squash(text) in wanted
            continue
        lines += 1
        if lines > 6:
            return None
        if len(text) <= _DATE_LINE_MAX and "。" not in text:
            found = _iso(text)
            if found:
                return found
    return None


def _text_lines(tree: Any) -> list[str]:
    """The body's text as a browser shows it, one block of text a line."""
    body = tree.find("body")
    pieces: list[str] = []
    hidden = {"script", "style", "noscript", "template", "input", "title", "head"}

    def walk(node: Any) -> None:
        if isinstance(node.tag, str) and node.tag not in hidden:
            block = node.tag in _LINE_TAGS
            if block:
                pieces.append("\n")
            if node.text:
                pieces.append(node.text)
            for child in node:
                walk(child)
            if block:
                pieces.append("\n")
        if node.tail:
            pieces.append(node.tail)

    if body is not None:
        walk(body)
    return [line for line in (_clean(part) for part in "".join(pieces).split("\n")) if line]


_LINE_TAGS = {"p", "div", "td", "th", "li", "tr", "br", "table", "ul", "ol", "dd", "dt", "h1", "h2", "h3", "h4", "h5"}


# --- the title --------------------------------------------------------------------------------

# What separates a headline from the site's and the channel's names in a <title>: _ | – — ·
# and a hyphen (not the one between two digits, 1-10月).
_TITLE_SPLIT_RE = re.compile(r"\s*(?:_+|\|+|–|—{1,2}|·|(?<!\d)-{1,2}(?!\d)|\s-\s)\s*")


def _squash(text: str) -> str:
    return re.sub(r"[\s\u3000\xa0]+", "", text)


def _similarity(a: str, b: str) -> float:
    """How much of the shorter of two strings the longer holds, by characters in order."""
    import difflib

    a, b = _squash(a), _squash(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / min(len(a), len(b))


def split_title(
    title: str, headlines: Iterable[str] = (), site_names: Iterable[str] = (), body: str = ""
) -> tuple[str, str]:
    """(headline, the rest) of a page's ``<title>``.

    The title is cut at its separators (``_ | - – — ·``). Each part is scored by how well it
    matches a headline the page states (its ``h1``, ``og:title``, the government sites'
    ``ArticleTitle``, an element whose text the title starts with) and by how much of it the
    article's own text repeats (a site's logo is an ``h1`` too, but the article is not about
    the site); the site's name (``og:site_name``, ``SiteName``) is never kept. Without any
    evidence, the first part. A part that is the headline followed by a channel's name after
    a space (``标题 栏目名``) is cut back to the headline.
    """
    title = _clean(title)
    parts = [p for p in _TITLE_SPLIT_RE.split(title) if p.strip()]
    if not parts:
        return "", ""
    heads = [_clean(h) for h in headlines if h and _clean(h)]
    sites = [_clean(s) for s in site_names if s and _clean(s)]
    candidates = [p for p in parts if not any(_similarity(p, site) >= 0.8 for site in sites)] or parts
    said = _bigrams(body)

    def score(part: str) -> float:
        heading = max(
            (_similarity(part, head) * min(len(part), len(head)) / max(len(part), len(head)) for head in heads),
            default=0.0,
        )
        grams = _bigrams(part)
        repeated = len(grams & said) / len(grams) if grams and said else 0.0
        return heading + repeated

    scores = [score(p) for p in candidates]
    best = max(range(len(candidates)), key=lambda i: (scores[i], -i))
    kept = candidates[best] if scores[best] >= 0.5 else candidates[0]
    for head in heads:
        # "顺德区调研工作 东区办事处": the headline, then a channel's name after a space.
        if len(head) >= 4 and kept.startswith(head) and kept != head and kept[len(head)] == " ":
            kept = head
            break
    rest = title.replace(kept, "", 1).strip(" _|-–—·")
    return kept, rest


def _bigrams(text: str) -> set[str]:
    squashed = _squash(text)
    return {squashed[i : i + 2] for i in range(len(squashed) - 1)}


def _headline_candidates(tree: Any, metas: dict[str, str] | None = None) -> list[str]:
    """Headlines the page states, strongest first: og:title, ArticleTitle, the h1s."""
    if metas is None:
        metas = {}
        for meta in tree.iter("meta"):
            key = (meta.get("property") or meta.get("name") or "").strip().lower()
            if key and meta.get("content") and key not in metas:
                metas[key] = meta.get("content")
    found = [metas.get("og:title", ""), metas.get("articletitle", ""), metas.get("twitter:title", "")]
    found += [_clean(h.text_content()) for h in tree.iter("h1")]
    return [h for h in (_clean(f) for f in found) if h]


def _site_names(tree: Any) -> list[str]:
    names = []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        if key in ("og:site_name", "sitename", "application-name", "site_name") and meta.get("content"):
            names.append(_clean(meta.get("content")))
    return names


def _title_and_headline(tree: Any, body: str = "") -> tuple[str, str, str]:
    """(title, the page's visible headline or "", the title's remainder: site and channel names)."""
    title_el = tree.find(".//title")
    raw_title = _clean(title_el.text_content()) if title_el is not None else ""
    declared = _headline_candidates(tree)
    # An element of the page whose text the <title> begins with is the page's headline
    # as shown (a <b> or <span class="Title"> where the page has no h1).
    shown: list[str] = []
    if raw_title:
        squashed_title = _squash(raw_title)
        for element in _visible(tree):
            text = _clean(element.text_content())
            if 6 <= len(text) <= 120 and squashed_title.startswith(_squash(text)):
                shown.append(text)
    shown.sort(key=len, reverse=True)
    title, rest = split_title(raw_title, [*declared, *shown[:1]], _site_names(tree), body) if raw_title else ("", "")
    if not title and declared:
        title = declared[0]
    visible = ""
    for candidate in [*shown, *(h for h in declared if h)]:
        if _similarity(candidate, title) >= 0.9 and any(
            _squash(candidate) == _squash(_clean(e.text_content())) for e in _visible(tree)
        ):
            visible = candidate
            break
    return title, visible, rest


# --- the article ----------------------------------------------------------------------------------

_CONTAINERS = {"p", "div", "table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article"}


def _unlayout(tree: Any) -> None:
    """Lay out as blocks the tables whose cells hold paragraphs, lists or tables: page layout."""
    for table in list(tree.iter("table")):
        if any(
            child.tag in _CONTAINERS
            for cell in table.iter("td", "th")
            for child in cell.iter()
            if child is not cell and isinstance(child.tag, str)
        ):
            for element in table.iter("table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"):
                element.tag = "div"


_BREADCRUMB_RE = re.compile(r"^(?:当前|现在|您的|你的|你现在的|您现在的)?位置\s*[:：]|首页\s*(?:>|»|＞|>>|→|/|-)")
# The page's tools, alone on a line or in brackets: 【打印本页】【关闭窗口】, 字号：大 中 小.
_TOOLS_RE = re.compile(
    r"^(?:[【\[]?\s*(?:打印(?:本页|文章|此页)?|关闭(?:本页|窗口)?|收藏(?:本页)?|分享到?|返回顶部|返回|字号\s*[:：]?"
    r"(?:\s*[大中小默认超]{1,2})*|加入收藏|设为首页|扫一扫.*|上一篇.*|下一篇.*)\s*[】\]]?\s*[|｜]?\s*)+$"
)
# A related story is a linked headline and its time stamp: more than 40% link text.
_LINK_SHARE = 0.4
_COPYRIGHT_RE = re.compile(r"版权所有|Copyright\s*(?:©|\(c\))|ICP备\d|公网安备", re.I)
# A teaser for another page: its text, then a "read more" link (【详细】, 更多>>).
_TEASER_RE = re.compile(r"(?:[【\[](?:详细|详情|更多|全文)[】\]]|更多\s*>>|>>\s*更多)\s*$")


def _is_furniture(text: str, link_chars: int) -> bool:
    squashed = _squash(text)
    if not squashed:
        return True
    if link_chars / len(squashed) >= _LINK_SHARE:
        return True
    return bool(
        _BREADCRUMB_RE.search(text) or _TOOLS_RE.match(text) or _COPYRIGHT_RE.search(text) or _TEASER_RE.search(text)
    )


def read_html(data: bytes) -> tuple[Layout, str]:
    """The article of a saved page as a Layout (headline, paragraphs, tables), and the page's charset."""
    import trafilatura
    from lxml import etree

    html, charset = page_text(data)
    tree = parse(html)
    article = copy.deepcopy(tree)
    _unlayout(article)
    found = []
    for config in (None, _config()):
        xml = trafilatura.extract(
            copy.deepcopy(article),
            output_format="xml",
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=True,
            include_formatting=False,
            deduplicate=False,
            **({"config": config} if config is not None else {}),
        )
        main = etree.fromstring(xml.encode("utf-8")).find("main") if xml else None
        found.append([block for element in (main if main is not None else ()) for block in _blocks(element)])
    paragraphs = _completed(found[1], found[0])
    if not any(kind != "boilerplate" and text.strip() for text, kind, _ in paragraphs):
        raise HtmlError("an HTML page with no article text")
    title, headline, _rest = _title_and_headline(tree, " ".join(text for text, _, _ in paragraphs[:12]))
    date = page_date(tree, headline or title) or ""
    opening = _squash("".join(text for text, _kind, _ in paragraphs[:6]))
    if headline and _squash(headline) not in opening:
        # The headline as the page shows it, where the article's text does not repeat it.
        paragraphs.insert(0, (headline, "heading", ()))
    return Layout.from_paragraphs(paragraphs, title=title, date=date, typed=True), charset


_SENTENCE_RE = re.compile(r"[。！？；]")


def _completed(base: Paragraphs, other: Paragraphs) -> Paragraphs:
    """``base`` with the prose paragraphs of ``other`` that it lacks, each where it stands.

    ``base`` is trafilatura's reading that keeps a short article as found; ``other`` its
    default one, which compares with other algorithms' readings and so sometimes keeps a
    paragraph ``base`` lost (an editor's note set in ``<u>`` on thepaper.cn), but also
    brings back page furniture (``图集``, ``加载更多``, a bar of links) or runs a short
    article's lines together. Only a paragraph of ``other`` that is prose (40 characters
    or more, with a sentence's end) and whose text ``base`` does not hold anywhere is
    added, after the paragraph of ``base`` that its predecessor in ``other`` matched.
    """
    if not base:
        return other
    import bisect
    from itertools import accumulate

    squashed = [_squash(text) for text, _kind, _pages in base]
    joined = "".join(squashed)
    ends = list(accumulate(len(piece) for piece in squashed))
    before: list[Paragraphs] = [[] for _ in range(len(base) + 1)]  # what goes before base[i] (or at the end)
    slot = 0
    for text, kind, pages in other:
        piece = _squash(text)
        found = joined.find(piece) if piece else -1
        if found >= 0:
            slot = bisect.bisect_right(ends, found) + 1
        elif any(len(known) >= 20 and known in piece for known in squashed):
            continue  # the page's text run together around what base has apart
        elif kind == "body" and len(piece) >= 40 and _SENTENCE_RE.search(piece):
            before[slot].append((text, kind, pages))
    result: Paragraphs = []
    for index, paragraph in enumerate(base):
        result.extend(before[index])
        result.append(paragraph)
    result.extend(before[len(base)])
    return result


_CONFIG = None


def _config() -> Any:
    """trafilatura's settings, but for one: a short article is kept as found. Below 250
    characters trafilatura falls back to the page's whole text in one paragraph, the
    navigation glued to the article (a short page of a government site was one line).
    Only where that happened is this reading used: otherwise the default one is, which
    compares its reading with other algorithms' and keeps paragraphs this one loses
    (an editor's note set in <u> on thepaper.cn)."""
    global _CONFIG
    if _CONFIG is None:
        from trafilatura.settings import use_config

        _CONFIG = use_config()
        _CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return _CONFIG


_BLOCK_TAGS = {"p", "head", "list", "table", "div", "quote", "code"}
Paragraphs = list[tuple[str, str, tuple[int, ...]]]


def _blocks(element: Any) -> list[tuple[str, str, tuple[int, ...]]]:
    """One element of trafilatura's XML as (text, kind, pages) paragraphs, the page's furniture left out."""
    tag = element.tag
    if tag == "table":
        rows: Paragraphs = []
        for row in element.iter("row"):
            cells = [_lines(cell) for cell in row.iter("cell")]
            text = " | ".join(" ".join(t for t, _ in lines) for lines in cells)
            links = sum(n for lines in cells for _, n in lines)
            if not _is_furniture(text.replace("|", ""), links):
                rows.append((text, "table", ()))
        return rows
    if tag == "list":
        return [block for item in element.iter("item") for block in _text_blocks(item, "body")]
    if any(child.tag in _BLOCK_TAGS for child in element):
        # A <div> that holds paragraphs: each of them, and its own loose text between.
        out: Paragraphs = []
        if element.text and element.text.strip():
            out.extend(b for b in _text_blocks_of(element.text, 0))
        for child in element:
            out.extend(_blocks(child) if child.tag in _BLOCK_TAGS else _text_blocks(child, "body"))
            if child.tail and child.tail.strip():
                out.extend(_text_blocks_of(child.tail, 0))
        return out
    return _text_blocks(element, "heading" if tag == "head" else "body")


def _text_blocks(element: Any, kind: str) -> list[tuple[str, str, tuple[int, ...]]]:
    return [(text, kind, ()) for text, links in _lines(element) if not _is_furniture(text, links)]


def _text_blocks_of(text: str, links: int) -> list[tuple[str, str, tuple[int, ...]]]:
    line = _clean(text)
    return [(line, "body", ())] if line and not _is_furniture(line, links) else []


def _lines(element: Any) -> list[tuple[str, int]]:
    """An element's text cut at its line breaks (``<lb/>``), each line with how many of its
    characters are link text (``<ref>``)."""
    lines: list[tuple[str, int]] = []
    pieces: list[str] = []
    links = 0

    def add(text: str, linked: bool) -> None:
        nonlocal links
        pieces.append(text)
        if linked:
            links += len(_squash(text))

    def close() -> None:
        nonlocal pieces, links
        text = _clean("".join(pieces))
        if text:
            lines.append((text, links))
        pieces, links = [], 0

    def walk(node: Any, parent_linked: bool) -> None:
        linked = parent_linked or node.tag == "ref"
        if node.tag == "lb":
            close()
        elif node.text:
            add(node.text, linked)
        for child in node:
            walk(child, linked)
        if node.tail and node is not element:
            add(node.tail, parent_linked)

    walk(element, False)
    close()
    return lines
