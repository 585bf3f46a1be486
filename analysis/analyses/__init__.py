"""Analyses: the facts table and the external records -> the tables the notebooks show:
interception rates with intervals (`interceptions`), every night's launched and
intercepted counts beside the record (`nights`, reading figures with `night_figures`), the
Air Force cross-check (`record_check`), where sources agree (`agreement`), the articles' own claims checked
(`claims`), temperature beside outages (`cold`), territorial gains (`territory_gains`).
Functions take and return dataframes.

May import: `analysis.extraction` and `analysis.records` (and what they import).
"""
