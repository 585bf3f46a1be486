"""Reading article files: the format, the tables, and every kind of bad input."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from analysis import config
from analysis.reading.articles import ArticleError, find_article_files, parse_article
from analysis.extraction.corpus import load_corpus
from analysis.reading.sentences import split_sentences
from analysis.reading.tables import read_articles
from tests.helpers import write_article

GOOD = " date 2026-02-03 Drones hit Kyiv\n\nRussia launched 12 drones overnight, the air force said.\n"


def test_default_corpus_tables(seeds_dir):
    corpus = load_corpus([seeds_dir])
    articles = corpus.articles
    assert list(articles["article_id"]) == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    assert articles["published"].dtype == "datetime64[ns]"
    assert (articles["n_words"] > 100).all()
    assert articles["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()
    # every sentence span quotes its own text
    text = dict(zip(articles["article_id"], articles["text"]))
    for row in corpus.sentences.itertuples():
        assert text[row.article_id][row.start:row.end] == row.text
    # every fact's span holds the number it reports
    for row in corpus.facts.itertuples():
        assert text[row.article_id][row.start:row.end] == row.number_text


def test_dateline_and_headline(seeds_dir):
    corpus = load_corpus([seeds_dir])
    datelines = corpus.articles.set_index("article_id")["dateline"]
    assert datelines.dropna().tolist() == ["KIEV"]
    headlines = corpus.sentences.query("section == 'headline'")
    assert len(headlines) == len(corpus.articles)


def test_bom_and_crlf_read_like_plain(tmp_path):
    plain = parse_article(write_article(tmp_path, "a.txt", GOOD))
    crlf = parse_article(write_article(tmp_path, "b.txt", b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode()))
    assert crlf.headline == plain.headline and crlf.body == plain.body
    assert crlf.published == plain.published


def test_header_without_leading_space(tmp_path):
    article = parse_article(write_article(tmp_path, "a.txt", GOOD.lstrip()))
    assert article.headline == "Drones hit Kyiv"


@pytest.mark.parametrize("content, reason, line", [
    (b"", "empty file", None),
    (b"   \n\n", "empty file", None),
    (b"Russia launched 12 drones.\n", "malformed header", 1),
    (b" date 2026-02-30 Headline\n\nBody.", "impossible date", 1),
    (b" date 03/02/2026 Headline\n\nBody.", "malformed date", 1),
    (b" date 2026-02-03\n\nBody.", "no headline", 1),
    (b" date 2026-02-03 Headline\n\nfine line\nbad \xff byte\n", "not UTF-8", 4),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", 3),
    (b" date 2026-02-03 Headline\n\n" + b"text.\n" * 3000 + b"late \x00 NUL\n", "binary", 3003),
    (b" date 1500-01-10 Headline\n\nBody.", "outside 1677-09-22 to 2262-04-11", 1),
    (b" date 2300-01-10 Headline\n\nBody.", "outside 1677-09-22 to 2262-04-11", 1),
])
def test_bad_files_name_file_and_line(tmp_path, content, reason, line):
    path = write_article(tmp_path, "bad.txt", content)
    with pytest.raises(ArticleError) as info:
        parse_article(path)
    message = str(info.value)
    assert reason in message
    assert str(path) in message
    assert "\n" not in message
    if line:
        assert f"{path}:{line}:" in message


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        find_article_files([tmp_path / "nope"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(ArticleError, match="holds no articles"):
        find_article_files([tmp_path / "empty"])


def test_duplicate_ids(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write_article(tmp_path / "a", "same.txt", GOOD)
    write_article(tmp_path / "b", "same.txt", GOOD)
    with pytest.raises(ArticleError, match="duplicate article id 'same'"):
        find_article_files([tmp_path])


def test_keep_going_keeps_good_articles(tmp_path):
    write_article(tmp_path, "good.txt", GOOD)
    write_article(tmp_path, "bad.txt", b"no header here\n")
    with pytest.raises(ArticleError):
        read_articles([tmp_path])
    good, bad = read_articles([tmp_path], keep_going=True)
    assert [a.article_id for a in good] == ["good"]
    assert [e.path for e in bad] == [str(tmp_path / "bad.txt")]


@pytest.mark.slow
def test_large_file_is_processed(tmp_path, seeds_dir):
    """A 50 MB article is read and extracted, not rejected."""
    source = sorted(seeds_dir.glob("*.txt"))[1].read_text(encoding="utf-8")
    header, body = source.split("\n", 1)
    copies = 50_000_000 // len(body.encode()) + 1
    path = tmp_path / "big.txt"
    with path.open("w", encoding="utf-8") as out:
        out.write(header + "\n")
        for _ in range(copies):
            out.write(body + "\n\n")
    assert path.stat().st_size >= 50_000_000
    corpus = load_corpus([path])
    single = load_corpus([sorted(seeds_dir.glob("*.txt"))[1]])
    assert len(corpus.facts) == copies * len(single.facts)
    assert isinstance(corpus.facts, pd.DataFrame)


def test_special_files_are_refused_without_waiting(tmp_path):
    """A pipe is named and refused, never opened (opening one waits for a writer)."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(ArticleError, match="not a regular file"):
            parse_article(path)
        with pytest.raises(ArticleError, match="not a regular file"):
            find_article_files([path])
    good = write_article(tmp_path, "ok.txt", " date 2026-02-03 A\n\nBody.\n")
    assert find_article_files([tmp_path]) == [good]       # a folder's pipes are passed over


def test_files_over_the_size_limit_are_refused(tmp_path, monkeypatch):
    path = write_article(tmp_path, "big.txt", " date 2026-02-03 A\n\n" + "Body. " * 400_000)
    monkeypatch.setattr(config, "MAX_ARTICLE_BYTES", 1024 * 1024)
    with pytest.raises(ArticleError, match=r"2 MB, over the limit of 1 MB .*AIRWAR_MAX_ARTICLE_MB"):
        parse_article(path)


def test_control_characters_in_file_names_print_as_escapes(tmp_path):
    path = write_article(tmp_path, "bad\nname\x1b[31m.txt", b"no header\n")
    with pytest.raises(ArticleError) as info:
        parse_article(path)
    message = str(info.value)
    assert "\n" not in message and "\x1b" not in message
    assert "bad\\nname\\x1b[31m.txt:1: malformed header" in message


def test_an_unreadable_file_is_skipped_by_keep_going_and_the_manifest(tmp_path, monkeypatch):
    from analysis.reading import tables
    good = write_article(tmp_path, "good.txt", " date 2026-02-03 A\n\nRussia launched 5 drones.\n")
    bad = write_article(tmp_path, "locked.txt", " date 2026-02-03 B\n\nBody.\n")
    real = Path.read_bytes

    def read_bytes(path):
        if path.name == bad.name:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    manifest = tables.corpus_manifest([tmp_path])
    assert manifest["articles"]["locked"] is None and manifest["articles"]["good"]
    assert good.exists()


def test_a_list_bullet_after_a_full_stop_starts_a_sentence():
    text = "Background:\n- Earlier, the mayor said all drones were downed.\n- The air force said 18 fell."
    spans = [text[a:b] for a, b in split_sentences(text, 0, len(text))]
    assert spans == ["Background:\n- Earlier, the mayor said all drones were downed.",
                     "- The air force said 18 fell."]


def test_a_stop_glued_to_the_next_word_ends_a_sentence_but_not_a_web_address():
    text = "Air defences downed 17 drones, the ministry said.Kyiv has been hit since May 2023."
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == [
        "Air defences downed 17 drones, the ministry said.", "Kyiv has been hit since May 2023."]
    text = "The figures are at www.Example.org and St.Petersburg reported none."
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == [text]
