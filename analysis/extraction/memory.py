"""What the extractor remembers along an article: the places and people earlier sentences
named (looked up only when a fact needs them) and the running state that carries from one
sentence to the next (the last month named, noun counted, source and outage, and facts)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ..reading.articles import Article
from ..reading.sentences import SentenceSpan
from . import places
from .sentence import shift_places
from .sources import people_named


class Launch(NamedTuple):
    """The latest launch count of a weapon: where it struck, how many, and when (None when
    its sentence named no period)."""

    location: str | None
    value: float
    period: str | None


@dataclass(slots=True)
class ArticleMemory:
    """One article's memory, filled in as the extractor reads it sentence by sentence."""

    article: Article
    spans: list[SentenceSpan]
    dateline_end: int = 0               # where the opening dateline ends ("Kyiv, (APP) -")
    capital: str = "Kyiv"               # what "the capital" is (places.capital_of)
    last_month: str | None = None       # YYYY-MM of the latest month or date named
    last_kind: str | None = None        # the last kind of noun counted ("of which seven")
    last_source: str | None = None      # the latest source named ("it said" points to it)
    last_named: str | None = None       # the latest person a figure was attributed to
    last_outage: str | None = None      # an outage metric the previous fact sentence gave
    default_period: str | None = None   # the day the first body sentence with a fact names
    attack_target: str | None = None    # the one place the latest attack named was aimed at
    target_listed: bool = False         # that attack was named in an item of a list
    last_rows: list = field(default_factory=list)   # the facts of the latest sentence with any
    # the latest launch figure of each weapon (unit): its place and count
    last_launch: dict[str, "Launch"] = field(default_factory=dict)
    _places: dict[int, list[places.Place]] = field(default_factory=dict)
    _last_person: dict[int, str | None] = field(default_factory=dict)

    def target_for(self, metric: str, unit: str, value: float) -> str | None:
        """Give the place the latest attack was aimed at, for a count of it: not for more
        weapons shot down than were launched there (those are the country's)."""
        launch = self.last_launch.get(unit)
        if metric == "intercepted" and launch is not None and \
                launch.location == self.attack_target and value > launch.value:
            return None
        return self.attack_target

    def share_places(self, index: int, doc) -> None:
        """Let sentence `index`'s Sentence and this memory find its places once between them."""
        if index in self._places:
            doc.places_found(self._places[index])
        else:
            doc.on_places = lambda found: self._places.setdefault(index, found)

    def places_of(self, index: int) -> list[places.Place]:
        """Give the places sentence `index` names."""
        if index not in self._places:
            _, start, end = self.spans[index]
            self._places[index] = [p for p in shift_places(
                places.find_places(self.article.text[start:end], self.capital), start)
                if p.start >= self.dateline_end]        # a dateline's city is no figure's place
        return self._places[index]

    def last_places(self, index: int, level: int | None = None) -> list[places.Place]:
        """Give the places of the latest sentence before `index` that named any (of `level`,
        when given: 1 for a region)."""
        for i in range(index - 1, -1, -1):
            found = self.places_of(i)
            if found and (level is None or any(p.level == level for p in found)):
                return found
        return []

    def last_person(self, index: int) -> str | None:
        """Give the last person named before sentence `index`; remembered as the scan goes."""
        known = self._last_person
        for i in range(index - 1, -1, -1):
            if i in known:
                found = known[i]
                break
            _, start, end = self.spans[i]
            names = people_named(self.article.text[start:end])
            if names:
                found = names[-1]
                break
        else:
            i, found = -1, None
        for j in range(max(i, 0), index):
            known[j] = found if j >= i else None
        return found
