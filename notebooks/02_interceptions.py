# %% [markdown]
# # Interceptions
#
# How many of the weapons launched were intercepted, per weapon type and combined, for each night the articles report, with honest uncertainty; then the night in the context of the Air Force's own record.

# %% tags=["parameters"]
# Parameters: the corpus to read and where the build keeps its tables.
ARTICLES = "../data/articles"
PROCESSED = "../data/processed"

# %%
from analysis.presentation.display import open_notebook, bullets, counted, esc, md, pct, table
from analysis.analyses import interceptions, nights, record_check
from analysis.presentation import plots
from analysis.records import airforce

corpus = open_notebook(ARTICLES, PROCESSED)
facts = corpus.facts

# %% [markdown]
# ## Every night the corpus reports
#
# One row per night, weapon and article: the launched and intercepted counts it gives, with the range a qualifier allows (`nearly 300` is at most that and not far below it), and the share intercepted with its Wilson interval over that range. Only figures of Ukraine's air defence for the whole country are set beside the Air Force's national record: a figure for one city or region, or one about drones Russia says it downed over its own territory, has its own `scope` and is never compared. A figure that names a class (`18 ballistic`, `60 Shahed`) is a part; when an article gives no total, its parts are added up (`summed`) and compared with the same classes of the record. An article that gives more intercepted than launched is a conflict, shown as one and not as a rate.

# %%
attacks, issues = airforce.load_attacks_with_issues()
nightly = airforce.nightly(attacks)
every = nights.nights_table(facts, corpus.articles, attacks)
table(every, "nights", every[["night", "weapon", "article_id", "scope", "summed", "launched", "intercepted",
                               "rate", "rate_low", "rate_high", "record_launched", "record_destroyed",
                               "agree", "reason"]])

# %%
national = every[every["scope"] == "national"]
compared = national[national["agree"].notna()]
scopes = every["scope"].value_counts()
others = ", ".join(f"{n:,} {s}" for s, n in scopes.items() if s != "national")
md(f"{counted(len(every), 'row')} from {counted(every['article_id'].nunique(), 'article')} about "
   f"{counted(every['night'].nunique(), 'night')}. {len(national):,} give national figures; "
   f"{len(compared):,} of them can be set beside the record and "
   f"{int(compared['agree'].sum()):,} agree with it"
   + (f". Not compared: {others}." if others else ".")
   + (f" {counted(int(every['conflict'].sum()), 'row')} give more intercepted than launched."
      if every["conflict"].any() else ""))

# %%
bullets((f"**{r.night}, {r.weapon}** ({esc(r.article_id)}): {esc(r.reason)}."
         for r in compared[~compared["agree"].astype(bool)].itertuples()),
        "Every national figure that can be checked agrees with the record.")

# %%
fig = plots.nights_timeline(nightly, nights.marked_nights(every))

# %% [markdown]
# ### Year by year
#
# The corpus's national nights per year and weapon, their median share intercepted and how many agree with the record, beside the record's own nights with launches, weapons launched and share destroyed.

# %%
table(nights.yearly(every, attacks), "nights_by_year")

# %% [markdown]
# ## Intercepted over launched
#
# Only nationwide figures stated exactly by one article for the same night make a ratio. The interval is the **Wilson score interval**: it stays within zero and one, keeps close to its nominal coverage for counts of this size and for rates near the edges, and can be recomputed by hand. The Jeffreys interval is shown beside it as a check; the two agree closely here. Both treat each weapon as an independent trial, which a coordinated salvo is not, so they describe the uncertainty of a rate, not of the night.

# %%
ratios = interceptions.interceptions(facts)
table(ratios, "interception_rates")

# %%
bullets((
    f"**{r.night}, {r.weapon}**: {r.intercepted:g} of {r.launched:g} intercepted, "
    f"{pct(r.rate)} (95% Wilson interval {pct(r.wilson_low)} to {pct(r.wilson_high)}; "
    f"Jeffreys {pct(r.jeffreys_low)} to {pct(r.jeffreys_high)}), as {esc(r.article_id)} reports it."
    for r in ratios.itertuples()), "No article gives both a launch and an interception count.")

# %%
fig = plots.interception_chart(ratios)

# %% [markdown]
# ## Sensitivity to the other sources' launch counts
#
# Other articles give their own launch figures for the same night, some of them as bounds. Each row recomputes the rate with another article's figure; a bound gives a range of rates.

# %%
sensitivity = interceptions.launch_sensitivity(facts, ratios)
table(sensitivity, "launch_sensitivity")

# %%
bounded = sensitivity[sensitivity["launched_low"] != sensitivity["launched_high"]] if len(sensitivity) else sensitivity
bullets((
    f"With **{esc(r.launched_as_written)}** {r.weapon} launched ({esc(r.launched_from)}), "
    f"{r.intercepted:g} intercepted is at most {pct(r.rate_high)} of them."
    for r in bounded.itertuples()), "Every launch figure is exact; the ratios do not move.")

# %% [markdown]
# ## The articles against the Air Force record
#
# The Ukrainian Air Force's reports, compiled weapon model by weapon model (see `data/external/README.md`), cover every night the articles describe. The national command's rows are summed per night; regional commands are never added to them. The record's `destroyed` leaves out weapons lost to electronic warfare (`not_reach_goal`); both are shown.

# %%
md(f"The record holds {len(attacks):,} rows; {len(issues)} rows have data-quality issues, "
   "each reported below: rows marked *dropped* are left out, rows marked *kept* are used.")

# %%
table(issues, "airforce_record_issues")

# %%
check = record_check.crosscheck(facts, attacks)
table(check, "airforce_crosscheck")

# %%
md(f"{int(check['agree'].sum())} of {len(check)} article figures agree with the record "
   f"for the nights both cover." if len(check) else "No night is covered by both.")

# %% [markdown]
# ## How the night compares
#
# The rolling share destroyed for drones and missiles over the whole record, with the largest attacks marked; the distribution of attack sizes; and the night's rank among all nights with launches, by size and by rate.

# %%
checked = sorted(set(check["night"])) if len(check) else []
night = checked[-1] if checked else str(nightly["night"].max().date())
biggest = record_check.largest(nightly, "all")
fig = plots.rate_over_time(nightly, biggest)

# %%
fig = plots.size_distribution(nightly, night)

# %%
standing = record_check.standing(nightly, night)
table(standing, "night_standing")

# %%
row = standing.set_index("group")
text = ""
if "all" in row.index:
    text = (f"On {night}, {row.loc['all', 'launched']:,} weapons were launched: larger than "
            f"{row.loc['all', 'size_percentile']:.0f}% of the {row.loc['all', 'nights_with_launches']:,} nights "
            f"with launches in the record. Its share destroyed, {pct(row.loc['all', 'destroyed_rate'])}, ranks at "
            f"the {row.loc['all', 'rate_percentile']:.0f}th percentile overall")
    if "missiles" in row.index:
        text += (f"; for missiles alone, {pct(row.loc['missiles', 'destroyed_rate'])} ranks at the "
                 f"{row.loc['missiles', 'rate_percentile']:.0f}th")
md((text + ".") if text else f"The record has no launches on {night}.")

# %% [markdown]
# ## Why the missile rate is low: ballistic against cruise
#
# Ballistic missiles are far harder to stop than cruise missiles or drones. The share destroyed per class over the whole record, beside the night's, each with its Wilson interval.

# %%
rates = record_check.class_rates(nightly, night)
table(rates, "class_rates")

# %%
fig = plots.class_rates(rates)

# %%
by = rates.set_index("weapon_class")
if "ballistic missile" in by.index:
    b = by.loc["ballistic missile"]
    md(f"On {night}, {b.night_launched:g} ballistic missiles were launched and {b.night_destroyed:g} "
       f"destroyed ({pct(b.night_rate)}; {pct(b.record_rate)} over the whole record). A salvo heavy in "
       f"ballistic missiles pulls the combined missile rate down.")
