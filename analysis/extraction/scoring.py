"""Score extracted facts against a gold file with the rule of FACTS.md.

A predicted fact matches a gold fact when article_id, metric, unit and value agree; each
gold fact is matched once, by predictions that also agree on place, period and qualifier
first. Predictions matching a `required=no` fact are ignored; the rest that match nothing
are false hits. Location, qualifier and period are accuracies over the matched facts.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..reading.vocabulary import METRICS, UNITS

KEY = ["article_id", "metric", "unit", "value"]
CONTEXT = ["location", "period", "qualifier"]


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
        acc = " ".join(f"{c} {self.accuracy[c]:.3f}" for c in CONTEXT)
        return (f"precision {self.precision:.3f} recall {self.recall:.3f} f1 {self.f1:.3f} "
                f"{acc}")


def _norm(value) -> str:
    """Give a context value as compared: stripped, lower-cased, missing as empty."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    return str(value).strip().lower()


def _key(row: dict) -> tuple:
    """Give the key a fact is matched on: article, metric, unit and value."""
    try:
        value = round(float(row["value"]), 6)
    except (TypeError, ValueError):
        value = row["value"]
    return (str(row["article_id"]).strip(), str(row["metric"]).strip(), str(row["unit"]).strip(),
            value)


GOLD_COLUMNS = ("article_id", *KEY[1:], *CONTEXT, "required", "quote")


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
        return sum(_norm(p.get(c)) == _norm(g[c]) for c in CONTEXT)

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
    accuracy = {
        c: (sum(_norm(p.get(c)) == _norm(g[c]) for p, g in true_hits) / tp if tp else float("nan"))
        for c in CONTEXT
    }
    return Score(precision, recall, f1, accuracy, true_hits, false_hits, misses, ignored)


def report(result: Score) -> str:
    """Give the printable report: each miss and false hit with its quote, then the summary."""
    lines = []
    for g in result.misses:
        lines.append(f"MISS   {g['article_id']}: {g['metric']} {g['unit']} {g['value']}  «{g['quote']}»")
    for p in result.false_hits:
        lines.append(f"FALSE  {p['article_id']}: {p['metric']} {p['unit']} {p['value']:g}  "
                     f"«{str(p.get('quote', ''))[:160]}»")
    for p, g in result.true_hits:
        for c in CONTEXT:
            if _norm(p.get(c)) != _norm(g[c]):
                lines.append(f"{c.upper():8} {g['article_id']}: {g['metric']} {g['unit']} "
                             f"{g['value']}: got {_norm(p.get(c))!r}, gold {g[c]!r}  «{g['quote']}»")
    tp = len(result.true_hits)
    lines.append(f"true {tp} false {len(result.false_hits)} missed {len(result.misses)} "
                 f"optional {result.ignored}")
    lines.append(result.summary())
    return "\n".join(lines)
