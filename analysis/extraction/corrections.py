"""A facts table from a file: one an analyst corrected by hand, or labelled in FACTS.md's gold
format, validated and completed so every analysis can run on it instead of the extractor's.

The file needs only `article_id`, `metric`, `unit` and `value`; `qualifier`, `location`,
`period`, `source` and `quote` are read when present. In a gold file, the rows a careful
reader marked `required=no` (repeats, parts such as `four of them children`, counts of
mixed kinds, vague orders of magnitude: FACTS.md) are left out, as an analysis would leave
them out. What the project's own table adds is
derived: where the number sits (the quote found in the article's text, the number found in
the quote), its sentence, the range its qualifier allows; the rest is left empty. A bad
value stops the run with one line naming the file and the line it is on.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera as pa

from ..reading import schemas
from ..reading.atomic import read_table
from ..reading.fact_table import fact_id, quote
from ..reading.vocabulary import METRIC_UNITS, QUALIFIERS
from . import numbers
from .parts import part_cue

NEEDED = ("article_id", "metric", "unit", "value")
READ = NEEDED + ("qualifier", "location", "period", "source", "quote", "qualifier_text", "cue",
                 "number_text", "start", "end", "part_of")
_PERIOD = re.compile(r"\d{4}-\d{2}(-\d{2})?")


class FactsFileError(ValueError):
    """A facts file that cannot be used: its message names the file and the line."""


def _where(path: Path, index: int) -> str:
    return f"{path}, line {index + 2}"       # line 1 is the header


def _text(value) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def _check_row(path: Path, index: int, row: dict, article_ids: set[str]) -> None:
    """Raise FactsFileError for the first value of `row` FACTS.md does not allow."""
    where = _where(path, index)
    if row["article_id"] not in article_ids:
        raise FactsFileError(f"{where}: article {row['article_id']!r} is not in the corpus")
    if row["metric"] not in METRIC_UNITS:
        raise FactsFileError(f"{where}: metric {row['metric']!r} is not one of "
                             f"{', '.join(METRIC_UNITS)}")
    if row["unit"] not in METRIC_UNITS[row["metric"]]:
        raise FactsFileError(f"{where}: unit {row['unit']!r} is not one of "
                             f"{', '.join(METRIC_UNITS[row['metric']])} for {row['metric']}")
    if row["qualifier"] not in QUALIFIERS:
        raise FactsFileError(f"{where}: qualifier {row['qualifier']!r} is not one of "
                             f"{', '.join(QUALIFIERS)}")
    if row["period"] is not None and not _PERIOD.fullmatch(row["period"]):
        raise FactsFileError(f"{where}: period {row['period']!r} is not YYYY-MM-DD or YYYY-MM")


def _value(path: Path, index: int, raw) -> float:
    try:
        value = float(str(raw).strip().replace(",", ""))
    except ValueError:
        raise FactsFileError(f"{_where(path, index)}: value {raw!r} is not a number") from None
    if not abs(value) < numbers.MAX_VALUE:
        raise FactsFileError(f"{_where(path, index)}: value {raw!r} is not a figure")
    return value


def _locate(text: str, quote: str | None, value: float, taken: set[tuple[int, str]],
            metric: str) -> tuple[int, int]:
    """Give the span of the number of `value` in the first place `quote` appears in `text`
    (anywhere in `text` with no quote) whose number is not yet taken for `metric`; the
    quote's own span when it holds no such number; (0, 0) when neither is in the text."""
    pattern = r"\s+".join(map(re.escape, quote.split())) if quote else r"(?s).+"
    spans = []
    for found in re.finditer(pattern, text):
        mentions = [(m.start, m.end) for m in numbers.find_mentions(found.group(), found.start())
                    if abs(m.value) == abs(value)]
        spans += mentions or ([found.span()] if quote else [])
    for span in spans:
        if (span[0], metric) not in taken:
            return span
    return spans[0] if spans else (0, 0)


def _span(row: dict, text: str) -> tuple[int, int] | None:
    """Give the span a row of the project's own table gives (`start`, `end`), when it holds
    the row's `number_text` in `text`."""
    try:
        start, end = int(row["start"]), int(row["end"])
    except (TypeError, ValueError):
        return None
    if 0 <= start < end <= len(text) and text[start:end] == row["number_text"]:
        return start, end
    return None


def _mark_parts(rows: list[dict], texts: dict[str, str]) -> None:
    """Set `part_of` where the file gives none and the words around a number make it part
    of an earlier count of its sentence (`including six`, `two of them`)."""
    for i, row in enumerate(rows):
        if row["part_of"] is not None or not part_cue(texts[row["article_id"]], row["start"], row["end"]):
            continue
        earlier = [r for r in rows[:i] if r["sentence_id"] == row["sentence_id"] and
                   r["metric"] == row["metric"] and r["unit"] == row["unit"] and
                   r["value"] > row["value"] and r["start"] < row["start"]]
        if earlier:
            row["part_of"] = max(earlier, key=lambda r: r["start"])["fact_id"]


def facts_from_file(path: Path | str, articles: pd.DataFrame, sentences: pd.DataFrame,
                    other_articles: bool = False) -> pd.DataFrame:
    """Give the validated facts table of the facts file at `path` (CSV or Parquet), about
    the corpus whose `articles` and `sentences` tables are given; with `other_articles`,
    rows about articles not in the corpus are left out instead of refused."""
    path = Path(path)
    try:
        raw = read_table(path)
    except (OSError, ValueError) as err:
        raise FactsFileError(f"{path}: cannot be read as a facts table ({err})") from None
    missing = [c for c in NEEDED if c not in raw.columns]
    if missing:
        raise FactsFileError(f"{path}: no column {', '.join(missing)} (a facts file needs "
                             f"{', '.join(NEEDED)})")
    if "required" in raw.columns:
        raw = raw[raw["required"].fillna("yes").astype(str).str.strip().str.lower() != "no"]
    texts = dict(zip(articles["article_id"], articles["text"]))
    if other_articles:
        raw = raw[raw["article_id"].isin(set(texts))]
    by_article = {a: g for a, g in sentences.groupby("article_id", sort=False)}
    taken: dict[str, set[tuple[int, str]]] = {}
    ids: dict[str, int] = {}
    lines: list[int] = []                  # each row's place in the file
    known = set(texts)
    rows = []
    for index, record in zip(raw.index, raw.to_dict("records")):
        row = {c: _text(record.get(c)) for c in READ}
        row["qualifier"] = row["qualifier"] or "exact"
        _check_row(path, index, row, known)
        value = _value(path, index, record["value"])
        article = row["article_id"]
        used = taken.setdefault(article, set())
        start, end = _span(row, texts[article]) or _locate(texts[article], row["quote"], value,
                                                            used, row["metric"])
        if end <= start:
            missing = f"the quote {row['quote']!r}" if row["quote"] else f"the number {value:g}"
            raise FactsFileError(f"{_where(path, index)}: {missing} is not in article {article!r}")
        used.add((start, row["metric"]))
        spans = by_article[article]
        inside = spans[(spans["start"] <= start) & (start < spans["end"])]
        low, high = numbers.bounds(value, row["qualifier"], row["qualifier_text"],
                                   integer=row["metric"] not in ("temperature", "territory_seized"))
        one_id = fact_id(article, start, row["metric"])
        if one_id in ids:                   # one number read as two units: "dozens of missiles and drones"
            one_id = f"{one_id}:{row['unit']}"
        if one_id in ids:
            raise FactsFileError(f"{_where(path, index)}: the same fact as line {ids[one_id] + 2} "
                                 f"(article, metric, unit and number)")
        ids[one_id] = index
        lines.append(index)
        rows.append({
            "fact_id": one_id,
            "article_id": article, "metric": row["metric"], "unit": row["unit"], "value": value,
            "qualifier": row["qualifier"], "low": low, "high": high,
            "location": row["location"], "period": row["period"], "source": row["source"],
            "sentence_id": inside["sentence_id"].iloc[0] if len(inside) else spans["sentence_id"].iloc[0],
            "start": start, "end": end,
            "number_text": row["number_text"] or texts[article][start:end],
            "qualifier_text": row["qualifier_text"], "cue": row["cue"],
            "stated_value": None, "stated_unit": None, "part_of": row["part_of"],
            "quote": row["quote"] or quote(texts[article], start, end),
        })
    _mark_parts(rows, texts)
    frame = pd.DataFrame(rows, columns=schemas.FACT_COLUMNS, index=lines)
    frame = frame.astype({c: "string" for c in schemas.FACT_COLUMNS
                          if c not in ("value", "low", "high", "stated_value", "start", "end")})
    frame = frame.astype({"value": "float64", "low": "float64", "high": "float64",
                          "stated_value": "float64", "start": "int64", "end": "int64"})
    try:
        return schemas.FACTS.validate(frame, lazy=True).reset_index(drop=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
        first = cases.iloc[0]
        index = first["index"]
        where = _where(path, int(index)) if pd.notna(index) else str(path)
        raise FactsFileError(f"{where}: {first['check']} ({first['column']}: "
                             f"{first['failure_case']!r})") from None
