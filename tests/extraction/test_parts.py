"""Parts of a whole: each named by the fact of the count it is part of."""
from __future__ import annotations

import pytest

from analysis.extraction.extractor import extract_article
from analysis.reading.articles import parse_article


def _facts(body: str) -> list[dict]:
    return list(extract_article(parse_article("t.txt", f" date 2026-02-03 H\n\n{body}\n".encode())))


@pytest.mark.parametrize("body, whole, part", [
    ("Five people were wounded in Kharkiv, including a 16-year-old girl.", 5, 1),
    ("Eleven people were injured in Odesa, three of them children.", 11, 3),
    ("Two of the seven injured were taken to hospital in Dnipro.", 7, 2),
    ("Russia's strike killed 14 people in Sumy, among them two children.", 14, 2),
    ("Eight people were injured in Lviv. Three of them were hospitalised.", 8, 3),
    ("Nine people were hurt in Kherson. The injured include two infants.", 9, 2),
])
def test_a_part_names_its_whole(body, whole, part):
    facts = {f["value"]: f for f in _facts(body)}
    assert facts[whole]["part_of"] is None
    assert facts[part]["part_of"] == facts[whole]["fact_id"]
    assert facts[part]["metric"] == facts[whole]["metric"]


def test_a_count_of_another_metric_is_no_part():
    facts = _facts("Russia launched 32 drones overnight, and 27 of them were shot down.")
    assert {(f["metric"], f["value"]): f["part_of"] for f in facts} == {
        ("launched", 32.0): None, ("intercepted", 27.0): None}
