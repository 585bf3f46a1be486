"""Score extracted facts against a gold file with the rule of FACTS.md.

A predicted fact matches a gold fact when article_id, metric, unit and value agree; each
gold fact is matched once, by predictions that also agree on place, period and qualifier
first. Predictions matching a `required=no` fact are ignored; the rest that match nothing
are false hits. Location, qualifier, period and source are accuracies over the matched
facts; a source matches loosely (both empty, or their content words share one), as
../shared/tools/score_facts.py defines.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..reading.vocabulary import METRICS, UNITS
from . import places

KEY = ["article_id", "metric", "unit", "value"]
MATCHED_ON = ["location", "period", "qualifier"]      # what decides between equal keys
CONTEXT = ["location", "qualifier", "period", "source"]
# words a source's content leaves out when two are compared (FACTS.md's loose rule)
SOURCE_STOP = {"the", "a", "an", "of", "s", "ukraine", "ukraine's", "ukrainian", "russia",
               "russia's", "russian", "and", "its", "his", "her", "their", "said", "says"}
_SOURCE_WORD = re.compile(r"[a-z0-9]+(?:'s)?")
_REGIONAL = set(places.REGIONS)
_OUTSIDE = set(places.RUSSIA)


@dataclass
class Score:
    """The outcome of one evaluation."""

    precision: float
    recall: float
    f1: float
    accuracy: dict[str, float]
    true_hits: list[tuple[dict, dict]] = field(default_factory=list)
    false_hits: list[dict] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    ignored: int = 0

    def summary(self) -> str:
        """Give the one-line summary, in the reference scorer's order."""
        acc = " ".join(f"{c} {self.accuracy[c]:.3f}" for c in CONTEXT)
        return (f"precision {self.precision:.3f} recall {self.recall:.3f} f1 {self.f1:.3f} "
                f"{acc}")


def _norm(value) -> str:
    """Give a context value as compared: stripped, lower-cased, missing as empty."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    return str(value).strip().lower()


def source_words(text) -> set[str]:
    """Give the content words of a source as the loose rule compares them."""
    words = {w[:-2] if w.endswith("'s") else w
             for w in _SOURCE_WORD.findall(_norm(text).replace("\u2019", "'"))}
    return (words - SOURCE_STOP) or words


def same_source(predicted, gold) -> bool:
    """Say whether two sources match loosely: both empty, or sharing a content word."""
    p, g = source_words(predicted), source_words(gold)
    return (not p and not g) or bool(p & g)


def same(column: str, predicted, gold) -> bool:
    """Say whether a predicted context value matches the gold one."""
    return same_source(predicted, gold) if column == "source" else _norm(predicted) == _norm(gold)


def scope_of(location) -> str:
    """Give the scope a location names: national, regional (a region or its centre), city,
    outside Ukraine or empty."""
    name = "" if _norm(location) == "" else str(location).strip()
    if not name:
        return "empty"
    if name == places.COUNTRY:
        return "national"
    if name in _OUTSIDE:
        return "outside Ukraine"
    return "regional" if name in _REGIONAL else "city"


def period_kind(period) -> str:
    """Give the kind of a period: day, month or empty (anything else is other)."""
    text = _norm(period)
    if not text:
        return "empty"
    return "day" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else \
        "month" if re.fullmatch(r"\d{4}-\d{2}", text) else "other"


def _key(row: dict) -> tuple:
    """Give the key a fact is matched on: article, metric, unit and value."""
    try:
        value = round(float(row["value"]), 6)
    except (TypeError, ValueError):
        value = row["value"]
    return (str(row["article_id"]).strip(), str(row["metric"]).strip(), str(row["unit"]).strip(),
            value)


GOLD_COLUMNS = ("article_id", *KEY[1:], *MATCHED_ON, "required", "quote")   # source optional


def read_gold(path: Path | str) -> pd.DataFrame:
    """Give the gold facts of `path` as strings; a file that is no gold table of FACTS.md
    raises ValueError naming the file and the first bad line."""
    try:
        gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError, UnicodeDecodeError) as err:
        raise ValueError(f"{path}: cannot read the gold file: {' '.join(str(err).split())}") from None
    missing = [c for c in GOLD_COLUMNS if c not in gold.columns]
    if missing:
        raise ValueError(f"{path}:1: gold file lacks column(s) {', '.join(missing)}")
    if "source" not in gold.columns:
        gold["source"] = ""
    checks = [
        ("metric", lambda v: v in METRICS, f"not a metric ({', '.join(METRICS)})"),
        ("unit", lambda v: v in UNITS, "not a unit of FACTS.md"),
        ("value", _is_number, "not a number"),
        ("required", lambda v: v in ("yes", "no"), "not 'yes' or 'no'"),
    ]
    for column, ok, reason in checks:
        bad = ~gold[column].str.strip().map(ok)
        if bad.any():
            row = int(bad.to_numpy().argmax())
            raise ValueError(f"{path}:{row + 2}: {column} {gold[column].iloc[row]!r} is {reason}")
    return gold


def _is_number(text: str) -> bool:
    """Say whether `text` is a finite number."""
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def score(predicted: pd.DataFrame, gold: pd.DataFrame, articles: set[str] | None = None) -> Score:
    """Give precision, recall, F1 and context accuracies of `predicted` against `gold`."""
    articles = articles or set(gold["article_id"])
    gold_rows = [r for r in gold.to_dict("records") if r["article_id"] in articles]
    pred_rows = [r for r in predicted.to_dict("records") if str(r["article_id"]) in articles]
    pool: dict[tuple, list[dict]] = {}
    for g in gold_rows:
        pool.setdefault(_key(g), []).append(g)

    def agreement(p: dict, g: dict) -> int:
        return sum(_norm(p.get(c)) == _norm(g[c]) for c in MATCHED_ON)

    true_hits, false_hits, pending, ignored = [], [], [], 0
    for p in pred_rows:
        candidates = [g for g in pool.get(_key(p), []) if agreement(p, g) == 3]
        if candidates:
            best = max(candidates, key=lambda g: g["required"] == "yes")
            pool[_key(p)].remove(best)
            if best["required"] == "yes":
                true_hits.append((p, best))
            else:
                ignored += 1
        else:
            pending.append(p)
    for p in pending:
        candidates = pool.get(_key(p))
        if not candidates:
            false_hits.append(p)
            continue
        best = max(candidates, key=lambda g: (g["required"] == "yes", agreement(p, g)))
        candidates.remove(best)
        if best["required"] == "yes":
            true_hits.append((p, best))
        else:
            ignored += 1
    required = [g for g in gold_rows if g["required"] == "yes"]
    found = {id(g) for _, g in true_hits}
    misses = [g for g in required if id(g) not in found]
    tp = len(true_hits)
    precision = tp / (tp + len(false_hits)) if tp + len(false_hits) else 0.0
    recall = tp / len(required) if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = {c: (sum(same(c, p.get(c), g.get(c)) for p, g in true_hits) / tp
                    if tp else float("nan")) for c in CONTEXT}
    return Score(precision, recall, f1, accuracy, true_hits, false_hits, misses, ignored)


def confusion(result: Score, column: str) -> pd.DataFrame:
    """Give the matched facts counted by gold (rows) against predicted (columns) location
    scope (`column="location"`) or period kind (`column="period"`)."""
    kind = scope_of if column == "location" else period_kind
    pairs = pd.DataFrame({"gold": [kind(g.get(column)) for _, g in result.true_hits],
                          "predicted": [kind(p.get(column)) for p, _ in result.true_hits]})
    if pairs.empty:
        return pd.DataFrame()
    return pd.crosstab(pairs["gold"], pairs["predicted"])


def by_metric(result: Score) -> pd.DataFrame:
    """Give per metric: required gold facts, found, false hits, precision, recall, F1 and the
    accuracy of each context column over its matched facts."""
    rows = []
    metrics = sorted({g["metric"] for _, g in result.true_hits} |
                     {g["metric"] for g in result.misses} |
                     {str(p["metric"]) for p in result.false_hits})
    for metric in metrics:
        hits = [(p, g) for p, g in result.true_hits if g["metric"] == metric]
        false = sum(str(p["metric"]) == metric for p in result.false_hits)
        missed = sum(g["metric"] == metric for g in result.misses)
        tp = len(hits)
        precision = tp / (tp + false) if tp + false else float("nan")
        recall = tp / (tp + missed) if tp + missed else float("nan")
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else float("nan")
        row = {"metric": metric, "gold": tp + missed, "found": tp, "false": false,
               "precision": precision, "recall": recall, "f1": f1}
        row.update({c: sum(same(c, p.get(c), g.get(c)) for p, g in hits) / tp if tp
                    else float("nan") for c in CONTEXT})
        rows.append(row)
    return pd.DataFrame(rows)


def report(result: Score, metrics: bool = False) -> str:
    """Give the printable report: each miss, false hit and context error with its quote, the
    confusions of location scope and period kind, per metric figures when `metrics`, then
    the summary."""
    lines = []
    for g in result.misses:
        lines.append(f"MISS   {g['article_id']}: {g['metric']} {g['unit']} {g['value']}  «{g['quote']}»")
    for p in result.false_hits:
        lines.append(f"FALSE  {p['article_id']}: {p['metric']} {p['unit']} {p['value']:g}  "
                     f"«{str(p.get('quote', ''))[:160]}»")
    for p, g in result.true_hits:
        for c in CONTEXT:
            if not same(c, p.get(c), g.get(c)):
                got = "" if _norm(p.get(c)) == "" else str(p.get(c))
                lines.append(f"{c.upper():8} {g['article_id']}: {g['metric']} {g['unit']} "
                             f"{g['value']}: got {got!r}, gold {g.get(c, '')!r}  «{g['quote']}»")
    for column, title in (("location", "location scope"), ("period", "period kind")):
        table = confusion(result, column)
        if not table.empty:
            lines += ["", f"{title}: gold (rows) against extracted (columns)", table.to_string()]
    if metrics:
        table = by_metric(result)
        if not table.empty:
            lines += ["", "by metric", table.to_string(index=False, float_format=lambda v: f"{v:.3f}")]
    tp = len(result.true_hits)
    lines += ["", f"true {tp} false {len(result.false_hits)} missed {len(result.misses)} "
                  f"optional {result.ignored}"]
    lines.append(result.summary())
    return "\n".join(lines)
