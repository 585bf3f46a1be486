"""Territory figures read for what they cover, and checked against their own analysis."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.analyses import territory_gains
from analysis.extraction.corpus import load_corpus
from analysis.presentation import plots
from analysis.records import territory
from tests.helpers import SHARED_CORPUS, needs_shared, write_article


def _figures(tmp_path, body: str, date: str = "2026-02-03"):
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    write_article(folder, "a.txt", f" date {date} Headline\n\n{body}\n")
    corpus = load_corpus([folder])
    return (territory_gains.figures(corpus.facts, corpus.articles),
            territory_gains.article_series(corpus.facts, corpus.articles))


@pytest.mark.parametrize("body, span", [
    ("Russia has taken 65,000 square kilometres of Ukrainian territory since the invasion on "
     "Feb. 24, 2022, the data showed.", "total"),
    ("Russian forces seized 150 square kilometres over the past week, analysts said.", "week"),
    ("From October 2024 to September 2025, Russian forces captured 5,000 square kilometres.",
     "months"),
    ("Over the past year, Russia seized 4,300 square kilometres, DeepState said.", "year"),
    ("Near Kupiansk, the Defense Forces returned 30 km² of Ukrainian territory in January.",
     "ukraine"),
])
def test_a_figure_that_is_no_months_gain_never_enters_the_monthly_series(tmp_path, body, span):
    every, gains = _figures(tmp_path, body)
    assert every["span"].tolist() == [span]
    assert gains.empty


def test_a_months_gain_and_its_daily_average(tmp_path):
    every, gains = _figures(tmp_path, "In January, Russian forces seized 310 square kilometres, "
                            "an average of 10 square kilometres per day, according to an AFP "
                            "analysis of ISW data.")
    assert every.set_index("km2")["span"].to_dict() == {310.0: "month", 10.0: "daily average"}
    assert gains[["month", "km2", "analysis"]].values.tolist() == [["2026-01", 310.0, "AFP-ISW"]]


def test_a_figure_is_checked_against_the_series_of_the_analysis_it_cites(tmp_path):
    monthly = territory.load_territory()
    deepstate = monthly[monthly["analysis"] == "DeepState"].iloc[-1]
    month = pd.Period(deepstate["month"], "M")
    _, gains = _figures(tmp_path, f"In {month.strftime('%B')}, Russian forces captured "
                        f"{deepstate['km2']:g} square kilometres, according to DeepState.",
                        date=(month + 1).strftime("%Y-%m-05"))
    versus = territory_gains.compare(gains, monthly)
    assert versus[["analysis", "km2_series", "agree"]].values.tolist() == [
        ["DeepState", deepstate["km2"], True]]


def test_the_chart_marks_the_months_a_series_lacks():
    import matplotlib.pyplot as plt
    monthly = territory.load_territory()
    fig = plots.territory_series(monthly, monthly.iloc[0:0].assign(article_id=[]))
    expected = 0
    for name in ("AFP-ISW", "DeepState"):
        months = set(monthly.loc[monthly["analysis"] == name, "month"])
        span = pd.period_range(min(months), max(months), freq="M").strftime("%Y-%m")
        expected += len(set(span) - months)
    gaps = [line for line in fig.axes[0].lines if line.get_marker() == "x"]
    assert sum(len(line.get_xdata()) for line in gaps) == expected > 0
    plt.close(fig)


@needs_shared
@pytest.mark.parametrize("name", ["wide", "recent", "dev"])
def test_no_total_or_span_becomes_a_monthly_gain_on_real_articles(name):
    corpus = load_corpus([SHARED_CORPUS / name])
    every = territory_gains.figures(corpus.facts, corpus.articles)
    gains = territory_gains.article_series(corpus.facts, corpus.articles)
    assert len(gains) >= 3
    kept = every[every["span"] == "month"]
    assert set(zip(gains["month"], gains["km2"])) <= set(zip(kept["month"], kept["km2"]))
    # no area held, no year, no span of months is anywhere near a month's gain
    assert (gains["km2"] < 2000).all()
