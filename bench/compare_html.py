"""Which library finds the article in a saved newspaper page: a measurement.

The page is ``tests.samples.report_html``: navigation, breadcrumb, related links
and a footer around an article with paragraphs, a photo caption, a table and an editor
line. For each library's article text:

- kept: share of the article's blocks (paragraphs, caption, table rows, editor line) found;
- leaked: how many of the page's navigation, related-link and footer strings got in;
- title / date: whether it read the headline and the publication date;
- ms: time per page.

readability-lxml and goose3 are not pizhu dependencies: ``pip install readability-lxml goose3`` first.

Usage: python bench/compare_html.py
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from tests.samples import SampleHtml, report_html

Result = tuple[str, str, str]  # text, title, date


def trafilatura_reader(html: str) -> Result:
    from pizhu.store.sources.html import read_html

    layout, _charset = read_html(html.encode("utf-8"))
    return layout.text, layout.title, layout.date


def readability_reader(html: str) -> Result:
    import lxml.html
    from readability import Document

    document = Document(html)
    body = lxml.html.fromstring(document.summary())
    return "\n".join(t.strip() for t in body.itertext() if t.strip()), document.short_title(), ""


def goose_reader(html: str) -> Result:
    from goose3 import Goose
    from goose3.text import StopWordsChinese

    with Goose({"stopwords_class": StopWordsChinese}) as goose:
        article = goose.extract(raw_html=html)
    return article.cleaned_text or "", article.title or "", str(article.publish_date or "")


def justext_reader(html: str) -> Result:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), frozenset(), encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate), "", ""


READERS: list[tuple[str, Callable[[str], Result]]] = [
    ("trafilatura (pizhu)", trafilatura_reader),
    ("readability-lxml", readability_reader),
    ("goose3 (Chinese stopwords)", goose_reader),
    ("jusText (no stoplist)", justext_reader),
]


def score(sample: SampleHtml, result: Result) -> tuple[float, int, bool, bool]:
    text, title, date = result
    flat = re.sub(r"\s+", "", text)
    kept = sum(1 for item in sample.items if re.sub(r"\s+", "", item.text) in flat) / len(sample.items)
    lines = [re.sub(r"\s+", "", line) for line in text.splitlines()]

    def leaks(outside: str) -> bool:
        return any(line == outside or (len(outside) > 6 and outside in line) for line in lines)

    leaked = sum(1 for outside in sample.outside if leaks(outside))
    return kept, leaked, sample.headline.replace(" ", "") in title.replace(" ", ""), sample.date in date


def main() -> None:
    sample = report_html()
    html = sample.data.decode("utf-8")
    print(f"{'library':28} {'kept':>6} {'leaked':>7} {'title':>6} {'date':>5} {'ms':>7}")
    for name, reader in READERS:
        start = time.perf_counter()
        try:
            result = reader(html)
        except Exception as exc:  # a library that fails on the page is a result too
            print(f"{name:28} failed: {type(exc).__name__}: {exc}")
            continue
        elapsed = (time.perf_counter() - start) * 1000
        kept, leaked, title, date = score(sample, result)
        print(
            f"{name:28} {kept:>6.0%} {leaked:>4}/{len(sample.outside):<2} {'yes' if title else 'no':>6}"
            f" {'yes' if date else 'no':>5} {elapsed:>7.1f}"
        )


if __name__ == "__main__":
    main()
