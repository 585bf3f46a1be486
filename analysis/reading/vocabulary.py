"""The facts contract's words (FACTS.md): the metrics, the units each allows, the qualifiers,
and which kind of counted thing each unit stands for. The schemas and the extractor both
take them from here."""
from __future__ import annotations

_OUTAGE_UNITS = {"building": "buildings", "apartment_building": "buildings",
                 "home": "homes", "apartment": "homes", "subscriber": "subscribers",
                 "house": "buildings", "family": "families", "person": "people"}

# metric -> kind of thing counted (the extractor's noun kinds) -> the unit it is counted in
UNIT_FOR: dict[str, dict[str, str]] = {
    "launched": {"missile": "missiles", "drone": "drones"},
    "intercepted": {"missile": "missiles", "drone": "drones"},
    "killed": {"person": "people", "death": "people"},
    "wounded": {"person": "people", "injury": "people"},
    "without_heating": _OUTAGE_UNITS,
    "without_power": _OUTAGE_UNITS,
    "damaged": {"building": "buildings", "apartment_building": "apartment_buildings",
                "apartment": "apartments", "home": "homes", "house": "homes",
                "power_plant": "power_plants",
                "facility": "facilities", "district": "districts", "settlement": "settlements",
                "site": "sites"},
    "temperature": {"degC": "degC"},
    "territory_seized": {"km2": "km2"},
}

METRIC_UNITS: dict[str, tuple[str, ...]] = {
    metric: tuple(dict.fromkeys(kinds.values())) for metric, kinds in UNIT_FOR.items()}
METRICS = tuple(METRIC_UNITS)
UNITS = tuple(sorted({u for units in METRIC_UNITS.values() for u in units}))
QUALIFIERS = ("exact", "more_than", "at_least", "less_than", "at_most", "approx",
              "order_of_magnitude")
