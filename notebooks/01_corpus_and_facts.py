# %% [markdown]
# # Corpus and facts
#
# What the workbook read, and every number it found in it. Each fact keeps the quote and the character span it came from, so any figure below can be traced back to its article.

# %% tags=["parameters"]
# Parameters: the corpus to read and where the build keeps its tables.
ARTICLES = "../data/articles"
PROCESSED = "../data/processed"

# %%
from analysis.presentation.display import open_notebook, esc, marked_quotes, md, pct, screen, table

corpus = open_notebook(ARTICLES, PROCESSED)
articles, sentences, facts = corpus.articles, corpus.sentences, corpus.facts

# %%
first, last = articles["published"].min(), articles["published"].max()
md(f"The corpus holds **{len(articles):,} articles** published between {first:%d %B %Y} and "
   f"{last:%d %B %Y}: {articles['n_words'].sum():,} words in {len(sentences):,} sentences, "
   f"from which the extractor took **{len(facts):,} facts** "
   f"({facts['qualifier'].ne('exact').sum():,} of them qualified: *more than*, *about*, ranges).")

# %% [markdown]
# ## The articles

# %%
per_article = facts.groupby("article_id").size().rename("facts")
screen(articles.set_index("article_id")[["published", "headline", "dateline", "n_words"]]
       .join(per_article).fillna({"facts": 0}).astype({"facts": "int64"}), "articles")

# %% [markdown]
# ## Facts by kind
#
# How many facts of each metric and unit the corpus holds. Units stay apart: buildings, homes and subscribers without heating are different counts.

# %%
screen(facts.pivot_table(index=["metric", "unit"], columns="qualifier", values="value",
                         aggfunc="size", fill_value=0).assign(total=lambda t: t.sum(axis=1)),
       "facts_by_kind")

# %% [markdown]
# ## Browse the facts
#
# Each row is one claim with its qualifier, place, period, source and the quote it came from, the number it reads marked. In the report, a marked number links to the fact in its article's page, which shows the article's text with every fact marked in place, coloured by metric, what was read in each on hover. Search every column in the box above the table, sort by a column's heading, filter a column with the menu beside its heading; the button downloads the rows left, as CSV. In JupyterLab the full table is the variable `facts`.

# %%
shown = facts.assign(quote=marked_quotes(facts, articles))
screen(shown[["metric", "value", "unit", "qualifier", "location", "period", "source", "quote",
              "article_id"]], "facts")

# %% [markdown]
# ## Coverage
#
# Which article reports which kind of figure, and how much of each article is quantitative.

# %%
coverage = facts.pivot_table(index="article_id", columns="metric", values="value",
                              aggfunc="size", fill_value=0)
table(coverage, "coverage")

# %%
with_facts = facts.groupby("article_id")["sentence_id"].nunique()
share = (with_facts / sentences.groupby("article_id").size()).fillna(0)
md("Share of sentences that carry at least one fact: " + ", ".join(
    f"{esc(a)} {pct(s)}" for a, s in share.sort_index().head(10).items())
   + (" …" if len(share) > 10 else "") + ".")
