"""Each article's page: its text escaped, every fact marked where its number is, coloured by
metric, read out on hover and to screen readers, and the facts table linking each mark."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from analysis import config
from analysis.extraction.corpus import load_corpus
from analysis.presentation import article_pages
from analysis.presentation.article_pages import (METRIC_COLORS, fact_anchor, page_name,
                                                 write_article_pages)
from analysis.presentation.index import index_page
from analysis.presentation.interactive import marked_quotes
from analysis.reading.vocabulary import METRICS
from tests.helpers import write_article


class _Page(HTMLParser):
    """What a reader and a screen reader get from an article's page: the marks (id, class,
    title, the text shown and the text read out), every id, the text of the article shown, the
    links, and every element's tag."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.marks, self.ids, self.links, self.tags = [], set(), [], []
        self.shown, self._stack, self._mark = [], [], None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a":
            self.links.append(attrs.get("href"))
        hidden = "sr-only" in (attrs.get("class") or "")
        self._stack.append((tag, hidden, attrs.get("id") == "text"))
        if tag == "mark":
            self._mark = {**attrs, "shown": "", "spoken": "", "anchors": []}
            self.marks.append(self._mark)
        elif tag == "span" and self._mark is not None and "anchor" in (attrs.get("class") or ""):
            self._mark["anchors"].append(attrs["id"])

    def handle_endtag(self, tag):
        while self._stack and self._stack.pop()[0] != tag:
            pass
        if tag == "mark":
            self._mark = None

    def handle_data(self, data):
        hidden = any(h for _, h, _ in self._stack)
        if self._mark is not None:
            self._mark["spoken" if hidden else "shown"] += data
        if any(t for _, _, t in self._stack) and not hidden:
            self.shown.append(data)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus([config.ARTICLES], workers=1)


@pytest.fixture(scope="module")
def written(corpus, tmp_path_factory):
    folder = tmp_path_factory.mktemp("report") / article_pages.FOLDER
    paths = write_article_pages(corpus, folder, "Air war workbook")
    return {path.name: _Page(path.read_text(encoding="utf-8")) for path in paths}


def test_every_fact_is_marked_on_its_number_with_what_was_read_in_it(corpus, written):
    articles = corpus.articles.set_index("article_id")
    for article_id, facts in corpus.facts.groupby("article_id"):
        page = written[page_name(article_id)]
        marks = {m["id"]: m for m in page.marks}
        assert len(marks) == len(facts)
        text = articles.loc[article_id, "text"]
        for fact in facts.itertuples():
            mark = marks[fact_anchor(fact.fact_id, article_id)]
            assert mark["shown"] == text[fact.start:fact.end] == fact.number_text
            assert mark["class"].split() == ["fact", f"m-{fact.metric}"]
            for said in (mark["title"], mark["spoken"]):       # on hover, and read out
                assert fact.metric.replace("_", " ") in said and fact.unit.replace("_", " ") in said \
                    or fact.unit in ("degC", "km2"), said
                for field in (fact.location, fact.period, fact.source):
                    assert pd.isna(field) or str(field) in said, (field, said)
                assert ("source: not named" in said) == pd.isna(fact.source), said


def test_the_text_is_the_article_s_own_paragraphs(corpus, written):
    for article in corpus.articles.itertuples():
        shown = " ".join("".join(written[page_name(article.article_id)].shown).split())
        paragraphs = [" ".join(p.split()) for p in article.body.split("\n\n") if p.strip()]
        assert shown == " ".join([" ".join(article.headline.split())] + paragraphs)


def test_one_palette_colours_every_metric_apart():
    assert list(METRIC_COLORS) == list(METRICS)
    assert len(set(METRIC_COLORS.values())) == len(METRICS)
    for metric, colour in METRIC_COLORS.items():
        assert f"mark.m-{metric} {{ background: " in article_pages.STYLE
        assert f"border-bottom-color: {colour};" in article_pages.STYLE


def test_markup_and_ampersands_in_an_article_are_text(tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    write_article(folder, "x<b>&y.txt", ' date 2026-02-03 <script>alert(1)</script> Drones & missiles\n\n'
                  'Russia launched 12 drones at Kyiv & Odesa overnight, officials said. '
                  '<script>alert(2)</script> <img src=x onerror="alert(3)"> &amp; Q&A\n')
    corpus = load_corpus([folder])
    assert len(corpus.facts) >= 1
    [path] = write_article_pages(corpus, tmp_path / "report" / "articles", "T <i>&</i>")
    assert re.fullmatch(r"x_b_y-[0-9a-f]{10}\.html", path.name)
    raw = path.read_text(encoding="utf-8")
    page = _Page(raw)
    assert not {"script", "img", "b", "i"} & set(page.tags)
    shown = "".join(page.shown)
    assert "<script>alert(1)</script> Drones & missiles" in shown
    assert '<script>alert(2)</script> <img src=x onerror="alert(3)"> &amp; Q&A' in shown
    assert "&amp;amp; Q&amp;A" in raw and "Kyiv &amp; Odesa" in raw
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; Drones &amp; missiles · T &lt;i&gt;&amp;&lt;/i&gt;</title>" in raw
    assert [m["shown"] for m in page.marks] == ["12"]


def test_page_names_are_plain_and_never_shared():
    assert page_name("000_26531b05a6b6a6d3") == "000_26531b05a6b6a6d3.html"
    odd = ["a b", "a_b", "a/b", "x<img src=x>", ".hidden", "é", "a" * 300]
    names = [page_name(i) for i in odd]
    assert len(set(names)) == len(odd) and "a_b.html" in names
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.html", n) and len(n) < 120 for n in names)


def test_facts_on_one_number_share_a_mark_and_keep_their_anchors(corpus):
    article = corpus.articles.iloc[0]
    facts = corpus.facts[corpus.facts["article_id"] == article["article_id"]].head(1)
    twin = facts.assign(fact_id=facts["fact_id"] + ":apartments", unit="apartments",
                        metric="damaged")
    both = pd.concat([facts, twin], ignore_index=True)
    page = _Page(article_pages.article_page(next(corpus.articles.head(1).itertuples()), both, "T"))
    [mark] = page.marks
    anchors = [fact_anchor(f, article["article_id"]) for f in both["fact_id"]]
    assert [mark["id"]] + mark["anchors"] == anchors and set(anchors) <= page.ids
    assert "multi" in mark["class"] and "damaged" in mark["title"] and "apartments" in mark["spoken"]


def test_a_fact_outside_the_text_is_listed_with_its_anchor(corpus):
    article = next(corpus.articles.head(1).itertuples())
    facts = corpus.facts[corpus.facts["article_id"] == article.article_id].head(1)
    lost = facts.assign(start=1, end=3, fact_id=f"{article.article_id}:1:launched")  # in "date"
    page = _Page(article_pages.article_page(article, lost, "T"))
    assert page.marks == [] and fact_anchor(lost["fact_id"].iloc[0], article.article_id) in page.ids


def test_each_row_of_the_facts_table_links_its_mark(corpus, written):
    quotes = marked_quotes(corpus.facts, corpus.articles)
    for quote, fact in zip(quotes, corpus.facts.itertuples()):
        [href] = re.findall(r'<a href="([^"]+)"', quote)
        folder, name, anchor = re.fullmatch(r"(\w+)/([^#]+)#(.+)", html.unescape(href)).groups()
        assert folder == article_pages.FOLDER and name == page_name(fact.article_id)
        assert anchor in {m["id"] for m in written[name].marks}
        assert re.search(r"<a [^>]+><mark>[^<]+</mark></a>", quote), quote    # the number links
    assert not re.findall(r"<a ", "".join(marked_quotes(corpus.facts, corpus.articles, linked=False)))


def test_the_index_and_the_pages_link_each_other(corpus, written):
    index = _Page(index_page([], corpus, "Air war workbook"))
    pages = [f"{article_pages.FOLDER}/{page_name(a)}" for a in corpus.articles["article_id"]]
    assert [h for h in index.links if h.startswith(article_pages.FOLDER)] == pages
    first, second = (written[page_name(a)] for a in corpus.articles["article_id"])
    assert first.links.count("../index.html") == second.links.count("../index.html") == 2
    assert page_name(corpus.articles["article_id"].iloc[1]) in first.links
    assert page_name(corpus.articles["article_id"].iloc[0]) in second.links


def test_pages_are_the_same_whatever_the_order_of_the_facts(corpus, written, tmp_path, monkeypatch):
    from analysis.reading.tables import Corpus
    monkeypatch.setattr(article_pages, "CHUNK", 1)               # one article's rows at a time
    shuffled = corpus.facts.sample(frac=1, random_state=1)
    last = corpus.articles["article_id"].iloc[-1]
    without = shuffled[shuffled["article_id"] != last]            # the last article has none
    paths = write_article_pages(Corpus(corpus.articles, corpus.sentences, without), tmp_path, "Air war workbook")
    first = paths[0].read_text(encoding="utf-8")
    assert _Page(first).marks == written[paths[0].name].marks
    empty = _Page(paths[-1].read_text(encoding="utf-8"))
    assert empty.marks == [] and "The extractor read no fact in this article." in paths[-1].read_text()
