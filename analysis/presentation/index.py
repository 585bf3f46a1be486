"""The report's index page: what was read, what each notebook found, every table and
notebook, and the sources the report rests on with their licences.

Each notebook's line gives its key finding, computed from the tables the notebook wrote in
the build (`FINDINGS`, by notebook); a notebook without a finding function, or whose tables
are missing, gets its title alone. The outlets come from an index file beside the articles
(`<folder>_index.csv`, or `index.csv` inside the folder, with `article_id` and `outlet`
columns, as the shared corpora have); the sources from `data/external/sources.csv`.
"""
from __future__ import annotations

import html
from pathlib import Path
from typing import Callable

import pandas as pd

from .. import config
from . import pages
from .article_pages import article_href
from .display import counted, pct

WEAPON_ORDER = ["missiles", "drones"]
STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #1a1a1a; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
th { background: #f3f3f3; }
#corpus td:nth-child(2) { white-space: nowrap; }
#notebooks li { margin-bottom: .5rem; }
.finding { display: block; }
.note { color: #555; font-size: .9em; }
"""


def _e(value) -> str:
    return html.escape(str(value))


def _read(tables: Path | None, name: str) -> pd.DataFrame | None:
    path = tables / f"{name}.parquet" if tables is not None else None
    return pd.read_parquet(path) if path is not None and path.exists() else None


def _words(metric: str) -> str:
    return metric.replace("_", " ")


# --- each notebook's finding, from its tables ---------------------------------------------

def corpus_finding(tables: Path | None, corpus) -> str | None:
    """Give how many facts the corpus holds and of which kind the most."""
    facts = corpus.facts
    if facts.empty:
        return f"No fact in {counted(len(corpus.articles), 'article')}."
    top = facts["metric"].value_counts()
    return (f"{counted(len(facts), 'fact')} in {counted(len(corpus.articles), 'article')}; "
            f"the most frequent kind: {_words(top.index[0])} ({counted(int(top.iloc[0]), 'fact')}).")


def interceptions_finding(tables: Path | None, corpus) -> str | None:
    """Give the largest night's share intercepted, weapon by weapon, and how many national
    figures agree with the Air Force record."""
    rates, nights = _read(tables, "interception_rates"), _read(tables, "nights")
    if rates is None:
        return None
    rates = rates[rates["weapon"] != "all"]
    if rates.empty:
        text = "No article gives both a launch and an interception count"
    else:
        best = rates.sort_values("launched", ascending=False).drop_duplicates(["night", "weapon"])
        night = best.groupby("night")["launched"].sum().sort_index().idxmax()
        rows = best[best["night"] == night].assign(
            order=lambda t: t["weapon"].map(lambda w: WEAPON_ORDER.index(w) if w in WEAPON_ORDER else 9))
        text = f"{night}: " + " and ".join(
            f"{pct(r.rate, 1)} of {r.launched:,.0f} {r.weapon}"
            for r in rows.sort_values(["order", "weapon"]).itertuples()) + " intercepted"
    if nights is not None:
        national = nights[(nights["scope"] == "national") & nights["agree"].notna()]
        if len(national):
            text += (f"; {int(national['agree'].astype(bool).sum()):,} of "
                     f"{counted(len(national), 'national figure')} agree with the Air Force record")
    return text + "."


def cold_finding(tables: Path | None, corpus) -> str | None:
    """Give the coldest temperature reported and how many outage figures there are."""
    temperatures, winters = _read(tables, "temperatures"), _read(tables, "outages_by_winter")
    if temperatures is None or winters is None:
        return None
    parts = []
    if len(temperatures):
        cold = temperatures.sort_values(["value", "period"]).iloc[0]
        where = ", ".join(str(v) for v in (cold["location"], cold["period"]) if pd.notna(v))
        parts.append(f"coldest {cold['value']:g} °C" + (f" ({where})" if where else ""))
    if len(winters):
        parts.append(f"{counted(int(winters['figures'].sum()), 'heating or power outage figure')} "
                     f"in {counted(winters['city'].nunique(), 'place')}")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "." if parts else "No temperature or outage figure."


def territory_finding(tables: Path | None, corpus) -> str | None:
    """Give the latest month's gain, its change on the month before, and how many monthly
    figures match the series they cite."""
    gains, versus = _read(tables, "territory_monthly_gains"), _read(tables, "territory_against_series")
    if gains is None:
        return None
    if gains.empty:
        every = _read(tables, "territory")
        n = 0 if every is None else len(every)
        return f"{counted(n, 'territory figure')}, none a month's gain." if n else "No territory figure."
    last = gains.sort_values("month").iloc[-1]
    text = f"{last['month']}: {last['km2']:,.0f} km² seized ({last['analysis']})"
    if pd.notna(last["change_ratio"]):
        text += f", {last['change_ratio']:.2f} times the month before"
    if versus is not None:
        checked = versus[versus["agree"].notna()]
        if len(checked):
            text += (f"; {int(checked['agree'].astype(bool).sum()):,} of "
                     f"{counted(len(checked), 'monthly figure')} match the series they cite")
    return text + "."


def agreement_finding(tables: Path | None, corpus) -> str | None:
    """Give how many figures are reported more than once and how many of them disagree."""
    figures = _read(tables, "agreement")
    if figures is None:
        return None
    if figures.empty:
        return "No figure is reported twice."
    apart = figures[~figures["agree"].astype(bool)]
    text = (f"{counted(len(figures), 'figure')} reported more than once: "
            f"{len(figures) - len(apart):,} agree, {len(apart):,} do not")
    if len(apart):
        first = apart.iloc[0]
        text += f" (first: {_words(first['metric'])} in {first['location']}, {first['period']})"
    return text + "."


def claims_finding(tables: Path | None, corpus) -> str | None:
    """Give how many claims were checked and how many failed."""
    checks = _read(tables, "claim_checks")
    if checks is None:
        return None
    failed = int((checks["result"] == "fail").sum())
    return (f"{counted(len(checks), 'claim')} checked: {len(checks) - failed:,} pass, "
            f"{failed:,} fail." if len(checks) else "No claim to check.")


FINDINGS: dict[str, Callable] = {
    "01_corpus_and_facts": corpus_finding,
    "02_interceptions": interceptions_finding,
    "03_cold_and_heat": cold_finding,
    "04_territory": territory_finding,
    "05_sources_agree": agreement_finding,
    "06_claim_checks": claims_finding,
}


def findings(notebooks: list[Path], tables: Path | None, corpus) -> dict[str, str]:
    """Give each notebook's key finding (by file stem) that its tables allow."""
    found = {}
    for path in notebooks:
        finding = FINDINGS.get(path.stem)
        line = finding(tables, corpus) if finding else None
        if line:
            found[path.stem] = line
    return found


# --- the corpus ---------------------------------------------------------------------------

def outlets(articles: Path | None) -> pd.DataFrame | None:
    """Give the outlet of each article (`article_id`, `outlet`) from the index file beside
    the folder `articles` (`<folder>_index.csv`, or `index.csv` in it), or None."""
    if articles is None:
        return None
    for path in (articles.parent / f"{articles.name}_index.csv", articles / "index.csv"):
        if path.is_file():
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
            if {"article_id", "outlet"} <= set(frame.columns):
                return frame[["article_id", "outlet"]].drop_duplicates("article_id")
    return None


def _span(published: pd.Series) -> str:
    first, last = published.min(), published.max()
    if pd.isna(first):
        return "no date"
    day = lambda t: f"{t.day} {t:%B %Y}"                           # noqa: E731
    if first.date() == last.date():
        return f"published on {day(first)}"
    return f"published between {day(first)} and {day(last)}"


def corpus_summary(corpus, sources: pd.DataFrame | None) -> str:
    """Give the corpus in a sentence: its articles, their date span, their outlets, its facts."""
    articles = corpus.articles
    text = (f"{counted(len(articles), 'article')}, {_span(articles['published'])}, "
            f"from which the extractor took {counted(len(corpus.facts), 'fact')}. ")
    if sources is None:
        return (text + "Outlets: not recorded for this corpus (an index file beside the articles, "
                "<code>&lt;folder&gt;_index.csv</code> with <code>article_id</code> and "
                "<code>outlet</code> columns, names them).")
    known = sources[sources["article_id"].isin(articles["article_id"]) & (sources["outlet"] != "")]
    counts = sorted(known["outlet"].value_counts().items(), key=lambda item: (-item[1], item[0]))
    listed = ", ".join(f"{_e(name)} ({n:,})" for name, n in counts[:8])
    more = f" and {counted(len(counts) - 8, 'other')}" if len(counts) > 8 else ""
    return text + f"Outlets: {counted(len(counts), 'outlet')}: {listed}{more}."


# --- the page -----------------------------------------------------------------------------

def _table_links(tables: list[str], folder: str) -> str:
    """Give the list items linking each table's CSV and Parquet file in `folder` (a path
    relative to the page)."""
    base = folder.rstrip("/") + "/" if folder not in ("", ".") else ""
    return "\n".join(
        f'<li>{_e(name)}: <a href="{_e(base + name)}.csv">CSV</a>, '
        f'<a href="{_e(base + name)}.parquet">Parquet</a></li>' for name in tables)


def sources_section(notebooks: list[Path], external: Path = config.EXTERNAL) -> str:
    """Give the "Sources and licences" list: each third-party dataset with its compiler,
    where its data come from, its licence and the notebooks (of `notebooks`) that use it;
    the articles; the tables' script."""
    import itables
    sources = pd.read_csv(external / "sources.csv", dtype=str, keep_default_na=False)
    pages_of = {p.stem: f'<a href="{_e(p.with_suffix(".html").name)}">{_e(pages.title(p))}</a>'
                for p in notebooks}
    items = []
    for dataset, rows in sources.groupby("dataset", sort=False):
        first = rows.iloc[0]
        name = (f'<a href="{_e(first["url"])}">{_e(dataset)}</a>' if first["url"] else _e(dataset))
        stems = sorted(set(";".join(rows["used_by"]).split(";")) & set(pages_of))
        used = ", ".join(pages_of[stem] for stem in stems)
        items.append(
            f"<li><strong>{name}</strong> ({', '.join(f'<code>{_e(f)}</code>' for f in rows['file'])}): "
            f"compiled by {_e(first['compiler'])}, from {_e(first['data_from'])}. "
            f"Licence: {_e(first['licence_name'])}"
            f' <span class="note">({_e(first["licence"])})</span>.'
            + (f" Used in {used}." if used else "") + "</li>")
    items.append("<li><strong>The articles</strong>: each is its outlet's; the tables quote them in "
                 "short excerpts, each with its article and place in it.</li>")
    items.append(f"<li><strong>The tables' script</strong>: itables {_e(itables.__version__)} and "
                 "the DataTables library it bundles (MIT licences), embedded in each page.</li>")
    return "<ul id=\"sources\">\n" + "\n".join(items) + "\n</ul>"


def index_page(notebooks: list[Path], corpus, title: str, tables: list[str] | None = None,
               tables_folder: str = "data", tables_dir: Path | None = None,
               articles: Path | None = None) -> str:
    """Give the report's index page: the corpus in a sentence (articles, date span, outlets
    from the index file beside `articles`), one line per notebook with its key finding
    (computed from the tables in `tables_dir`), links to each notebook's page and executed
    notebook, to every table the build wrote (`tables`, in `tables_folder` relative to the
    page), the sources and their licences, and the list of articles, each linked to its page
    (`article_pages`)."""
    known = outlets(articles)
    by_article = dict(zip(known["article_id"], known["outlet"])) if known is not None else {}
    lines = findings(notebooks, tables_dir, corpus)
    counts = corpus.facts.groupby("article_id").size()
    outlet_head = '<th scope="col">outlet</th>' if known is not None else ""
    rows = "\n".join(
        f'<tr><td><a href="{_e(article_href(a.article_id))}">{_e(a.article_id)}</a></td><td>'
        f"{a.published:%Y-%m-%d}</td>"
        + (f"<td>{_e(by_article.get(a.article_id, ''))}</td>" if known is not None else "")
        + f"<td>{_e(a.headline)}</td><td>{int(counts.get(a.article_id, 0))}</td></tr>"
        for a in corpus.articles.itertuples())
    links = "\n".join(
        f'<li><a href="{_e(p.with_suffix(".html").name)}">{_e(pages.title(p))}</a>'
        f' <span class="note">(<a href="{_e(p.name)}" download>executed notebook</a>)</span>'
        + (f'<span class="finding">{_e(lines[p.stem])}</span>' if p.stem in lines else "")
        + "</li>" for p in notebooks)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>{_e(title)}</h1>
<p>Facts extracted from news articles about Russia's air war on Ukraine, and the analyses
that read them.</p>
<p id="corpus-summary">{corpus_summary(corpus, known)}</p>
<h2>Notebooks</h2>
<p>Each with what it found in this corpus; a page shows prose, tables and charts, its code
one click away.</p>
<ol id="notebooks">
{links}
</ol>
<h2>Tables</h2>
<p>Every table the notebooks show, whole, as CSV and Parquet.</p>
<ul id="tables">
{_table_links(tables or [], tables_folder)}
</ul>
<h2 id="sources-and-licences">Sources and licences</h2>
{sources_section(notebooks)}
<h2>Corpus</h2>
<p>Each article's page shows its text with every number the facts table reads marked in
place, coloured by metric, what was read in it on hover.</p>
<table id="corpus">
<caption>Articles read</caption>
<thead><tr><th scope="col">article</th><th scope="col">published</th>{outlet_head}<th scope="col">headline</th><th scope="col">facts</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</main>
</body>
</html>
"""
