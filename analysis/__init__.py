"""Turn news articles about Russia's air war on Ukraine into tidy, traceable facts.

The stages, in the order the data flows, each a sub-package that imports only the ones
before it:

- `reading`: article files -> `Article` values, sentences, and the three validated tables
  (articles, sentences, facts), written atomically; the local and Dask engines that run a
  per-batch function over a corpus.
- `extraction`: article text -> fact rows (number, unit, metric, place, period, source),
  and their scoring against hand-labelled facts.
- `records`: third-party records read with their data-quality issues (the Air Force's
  nightly reports, monthly territory series).
- `analyses`: facts and records -> the tables the notebooks show (interception rates, the
  record cross-check, agreement between sources, claim checks, cold and outages, territory).
- `presentation`: charts, the notebooks' display helpers, and the build of the HTML report.

`config` holds every path; `cli` is the command line (`python -m analysis`, `airwar`).
"""
