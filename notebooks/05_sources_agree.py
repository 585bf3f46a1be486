# %% [markdown]
# # Do the sources agree?
#
# Every figure (metric, unit, place and period) reported by more than one article or source, side by side, with the interval the figures jointly allow. Figures agree when the ranges their qualifiers allow overlap: *more than* a number and an exact larger number agree; two different exact numbers do not. A part of a whole (*including a girl*, *two of the seven injured*) is no report of the whole and is left out, as is a territory figure that is no month's gain (a week, a span of months, the area held).

# %% tags=["parameters"]
# Parameters: the corpus to read and where the build keeps its tables.
ARTICLES = "../data/articles"
PROCESSED = "../data/processed"

# %%
from analysis.presentation.display import open_notebook, bullets, esc, md, table
from analysis.analyses import agreement

corpus = open_notebook(ARTICLES, PROCESSED)
articles, facts = corpus.articles, corpus.facts

# %%
figures = agreement.agreement(facts, articles=articles)
table(figures, "agreement")

# %%
md(f"{len(figures)} figures are reported more than once; {int(figures['agree'].sum())} agree and "
   f"{int((~figures['agree']).sum())} do not." if len(figures) else "No figure is reported twice.")

# %% [markdown]
# ## Disagreements

# %%
bullets((f"**{r.metric}, {r.unit}, {esc(r.location)}, {r.period}**: {esc(r.figures)}"
         for r in figures[~figures["agree"]].itertuples()), "None.")
