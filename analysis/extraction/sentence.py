"""One sentence of an article as the extractor reads it: its tokens, numbers and cues, and
(read only when a number becomes a fact) its places and time expressions, all indexed by
position. Offsets are those of the whole article text, so spans can be quoted from it."""
from __future__ import annotations

import bisect
import re

from ..reading.articles import Article
from . import language, numbers, periods, places
from .language import lowered

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:[-‑][\w]+)*|[^\W\d_][\w'’\-‑.]*(?<![.])|[^\w\s]")


def tokenize(text: str, offset: int = 0) -> tuple[list[int], list[int], list[str]]:
    """Give the starts, ends (plus `offset`) and lower-cased texts of the word and punctuation
    tokens of `text`, as three parallel lists."""
    low = lowered(text)
    found = list(_TOKEN.finditer(text if low is None else low))
    lows = [m.group().lower() for m in found] if low is None else [m.group() for m in found]
    return [m.start() + offset for m in found], [m.end() + offset for m in found], lows


def shift_places(found: list[places.Place], offset: int) -> list[places.Place]:
    """Give the places with their offsets moved by `offset`."""
    return [places.Place(p.start + offset, p.end + offset, p.name, p.level) for p in found]


class Sentence:
    """Everything found in one sentence (or stretch) of an article, indexed by position."""

    __slots__ = ("article", "dateline_end", "text", "start", "end", "part", "tok_starts",
                 "tok_ends", "lows", "mentions", "cues", "cue_starts", "_places", "place_starts",
                 "_periods", "period_starts", "several", "points_back", "period_owners",
                 "on_places", "capital")

    def __init__(self, article: Article, start: int = 0, end: int | None = None,
                 mentions: list[numbers.Mention] | None = None, dateline_end: int = 0,
                 capital: str = "Kyiv"):
        self.article, self.dateline_end, self.capital = article, dateline_end, capital
        self.text = article.text             # the whole article's: every offset indexes it
        end = len(article.text) if end is None else end
        part = article.text[start:end]
        self.start, self.end, self.part = start, end, part
        self.tok_starts, self.tok_ends, self.lows = tokenize(part, start)
        # `mentions`: those numbers.find_mentions gave for this stretch, at article offsets
        found = numbers.find_mentions(part, start) if mentions is None else mentions
        # a number that starts inside a token is a piece of something else: "5,6", "01.07.2022"
        starts, n = self.tok_starts, len(self.tok_starts)
        self.mentions = [m for m in found if (i := bisect.bisect_left(starts, m.start)) < n
                         and starts[i] == m.start]
        self.cues = language.find_cues(part, start)
        self.cue_starts = [c.start for c in self.cues]
        self._places: list[places.Place] | None = None
        self.on_places = None               # told the places when they are first found
        # what the later stages derive once per sentence: location.several_places,
        # location.points_back on the whole sentence, dating's period owners
        self.several: bool | None = None
        self.points_back: bool | None = None
        self.period_owners: dict[int, set[int]] | None = None
        self._periods: list[periods.Period] | None = None

    # places and periods are only read when a number became a fact
    @property
    def places(self) -> list[places.Place]:
        """Give the places the sentence names, in order."""
        if self._places is None:
            found = shift_places(places.find_places(self.part, self.capital), self.start)
            self.places_found([p for p in found if p.start >= self.dateline_end])  # no dateline's
            if self.on_places is not None:
                self.on_places(self._places)
        return self._places

    def places_found(self, found: list[places.Place]) -> None:
        """Take `found` as the sentence's places (found already by the article's memory)."""
        self._places = found
        self.place_starts = [p.start for p in found]

    @property
    def periods(self) -> list[periods.Period]:
        """Give the time expressions of the sentence, in order, none inside the dateline."""
        if self._periods is None:
            # a date in the opening dateline ("Paris, (AFP - 2nd Sep, 2024)") dates the report,
            # not its figures
            self._periods = [periods.Period(p.start + self.start, p.end + self.start, p.kind, p.value)
                             for p in periods.find_periods(self.part, self.article.published)
                             if p.start + self.start >= self.dateline_end]
            self.period_starts = [p.start for p in self._periods]
        return self._periods

    def tok_at(self, offset: int) -> int:
        """Give the index of the first token starting at or after `offset`."""
        return bisect.bisect_left(self.tok_starts, offset)

    @staticmethod
    def within(starts: list[int], items: list, start: int, end: int) -> list:
        """Give the items whose start (in `starts`) lies in [start, end)."""
        return items[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def within_places(self, start: int, end: int) -> list[places.Place]:
        """Give the places that start in [start, end)."""
        found = self.places
        return self.within(self.place_starts, found, start, end) if found else []

    def within_periods(self, start: int, end: int) -> list[periods.Period]:
        """Give the time expressions that start in [start, end)."""
        found = self.periods
        return self.within(self.period_starts, found, start, end) if found else []

    def within_cues(self, start: int, end: int) -> list[language.Cue]:
        """Give the cues that start in [start, end)."""
        return self.within(self.cue_starts, self.cues, start, end)
