# %% [markdown]
# # Cold and heat
#
# The temperatures the articles report against the heating outages they report, per city and source, and heating and power outages across the winters of the corpus. Units stay apart (buildings, homes, subscribers); a figure given as a bound is drawn as a range or an arrow.

# %% tags=["parameters"]
# Parameters: the corpus to read and where the build keeps its tables.
ARTICLES = "../data/articles"
PROCESSED = "../data/processed"

# %%
from analysis.presentation.display import open_notebook, md, table
from analysis.analyses import cold
from analysis.presentation import plots

corpus = open_notebook(ARTICLES, PROCESSED)
facts = corpus.facts

# %%
temperatures = cold.temperatures(facts)
table(temperatures, "temperatures")

# %%
outages = cold.heating_outages(facts)
table(outages, "heating_outages")

# %% [markdown]
# ## Temperature against outages
#
# Each point pairs a city's heating-outage figure with the lowest temperature the same article gives for that city and day.

# %%
points = cold.pair(temperatures, outages)
table(points, "cold_pairs")

# %%
few = cold.too_few(len(points), "paired figure")
fig = plots.cold_chart(points) if few is None else None
md(few) if few else None

# %% [markdown]
# ## Heating and power across the winters
#
# Every heating and power outage figure by winter (October to April), city, metric and unit: how many figures and articles give one, over how many days, and the largest, with its day. A part of a whole (*two of them hospitals*) is left out.

# %%
outage_figures = cold.outages(facts)
winters = cold.by_winter(outage_figures)
table(winters, "outages_by_winter")

# %%
few = cold.too_few(int(outage_figures["day"].notna().sum()), "dated outage figure")
fig = plots.outages_timeline(outage_figures, temperatures) if few is None else None
md(few) if few else None

# %% [markdown]
# ## What so few points can show

# %%
md(cold.caveat(points))
