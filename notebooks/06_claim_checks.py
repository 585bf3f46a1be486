# %% [markdown]
# # Claim checks
#
# The articles' claims about their own numbers, each with a pass or a fail and the quote it rests on: unit conversions in brackets, ratio words such as *almost twice*, and parts that cannot exceed their whole (intercepted above launched).

# %% tags=["parameters"]
# Parameters: the corpus to read and where the build keeps its tables.
ARTICLES = "../data/articles"
PROCESSED = "../data/processed"

# %%
from analysis.presentation.display import open_notebook, bullets, esc, screen, table
from analysis.analyses import claims

corpus = open_notebook(ARTICLES, PROCESSED)
articles, sentences, facts = corpus.articles, corpus.sentences, corpus.facts

# %%
checks = claims.all_checks(articles, sentences, facts)
table(checks, "claim_checks")

# %%
summary = checks.groupby(["check", "result"]).size().unstack(fill_value=0)
screen(summary, "claim_summary")

# %%
failed = checks[checks["result"] == "fail"]
bullets((f"{esc(r.check)}: {esc(r.claim)} ({esc(r.expected)})" for r in failed.itertuples()),
        "Every claim checked passes.")
