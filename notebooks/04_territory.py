# %% [markdown]
# # Territory
#
# The territorial gains the articles report, each read for what it covers (a month, a week, a span of months, the area held), the monthly gains and their change from month to month, a check of the text's own comparison, and the monthly figures against the series of the analysis each one cites.

# %% tags=["parameters"]
# Parameters: the corpus to read and where the build keeps its tables.
ARTICLES = "../data/articles"
PROCESSED = "../data/processed"

# %%
from analysis.presentation.display import open_notebook, bullets, counted, esc, md, table
from analysis.analyses import claims, territory_gains
from analysis.presentation import plots
from analysis.records import territory

corpus = open_notebook(ARTICLES, PROCESSED)
articles, sentences, facts = corpus.articles, corpus.sentences, corpus.facts

# %%
monthly = territory.load_territory()
every = territory_gains.territory_table(facts, articles, monthly)
table(every, "territory")

# %% [markdown]
# Only a nationwide gain over one whole month enters the monthly series. A figure for a week, a span of months or a year, a daily average, the total area held or taken since a start, a gain of Ukraine's forces or a net loss is kept in the table above with its `span`, and never filed under a month.

# %%
spans = every["span"].value_counts()
md(f"{counted(len(every), 'territory figure')}: " + ", ".join(f"{n:,} {esc(s)}" for s, n in spans.items()) + "."
   if len(every) else "The articles give no territory figure.")

# %%
gains = territory_gains.article_series(facts, articles)
table(gains, "territory_monthly_gains")

# %%
bullets((
    f"**{r.month}**: {r.km2:,.0f} km² ({esc(r.article_id)})"
    + (f", {r.change:+,.0f} km² on the month before ({r.change_ratio:.2f} times)" if r.change == r.change else "")
    for r in gains.itertuples()), "The articles give no monthly figure.")

# %% [markdown]
# ## The text's own comparison

# %%
ratio_checks = claims.ratio_words(sentences, facts, articles)
table(ratio_checks, "territory_ratio_checks")

# %% [markdown]
# ## Against the monthly series of each analysis
#
# The series in `data/external/territory_monthly.csv` collects monthly figures seen in news reports, one analysis at a time: AFP's analysis of ISW data and DeepState's maps count different things and are never mixed. Each article figure is checked against the series of the analysis it cites (in its sentence, its source, or its article when that cites only one); a month a series has no figure for is a gap, not a zero. Another series plugs in through the same columns: `month`, `km2`, `analysis`, `source_title`, `source_url`, `quote`.

# %%
versus = territory_gains.compare(gains, monthly)
table(versus, "territory_against_series")

# %%
fig = plots.territory_series(monthly, gains)

# %%
checked = versus[versus["agree"].notna()]
md(f"{int(checked['agree'].sum())} of {counted(len(checked), 'article figure')} match the series of the analysis they cite; "
   f"{len(versus) - len(checked):,} fall in a month, or cite an analysis, no series covers." if len(versus)
   else "The articles give no monthly figure.")
