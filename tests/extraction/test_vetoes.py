"""Each check that drops a number does so on the example it gives, and the example keeps no
fact for the number it rules out."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis.extraction import extractor, readings, vetoes
from analysis.reading.articles import Article

HEADLINE = "Overnight attack"


def _article(body: str) -> Article:
    text = f" date 2024-01-10 {HEADLINE}\n\n{body}\n"
    return Article("example", dt.date(2024, 1, 10), HEADLINE, body, text, text.index(body),
                   "0" * 64, "example.txt")


@pytest.mark.parametrize("veto", vetoes.VETOES, ids=lambda v: v.name)
def test_each_veto_drops_a_number_of_its_example(veto, monkeypatch):
    dropped = []

    def spy(case):
        found = vetoes.veto_for(case)
        if veto.applies(case):
            dropped.append(case.cand.mention.start)
        return found

    monkeypatch.setattr(readings, "veto_for", spy)
    rows = extractor.extract_article(_article(veto.example))
    assert dropped, f"{veto.name} never applies to {veto.example!r}"
    assert not {r["start"] for r in rows} & set(dropped)


def test_dropping_a_veto_changes_what_its_example_gives(monkeypatch):
    # the checks that alone decide their example: without them a fact appears
    decisive = {"part_of_stock", "one_of_a_group", "mixed_weapons", "passer_by",
                "without_something_else", "inherited_far"}
    for veto in vetoes.VETOES:
        if veto.name not in decisive:
            continue
        article = _article(veto.example)
        kept = len(extractor.extract_article(article))
        monkeypatch.setattr(vetoes, "VETOES", tuple(v for v in vetoes.VETOES if v is not veto))
        assert len(extractor.extract_article(article)) > kept, veto.name
        monkeypatch.undo()
