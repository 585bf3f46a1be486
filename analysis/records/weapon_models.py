"""The Air Force record's weapon models and the class each belongs to.

Weapon classes
--------------
Each model string gets one `weapon_class` from CLASSES. The rules are applied in this order,
to each " and "-separated part of the string:

1. OVERRIDES, an explicit map of normalised tokens to classes. It covers the Kinzhal
   spellings ("X-47 Kinzhal", "Kh-47 Kinzhal", "Kh-47M2 Kinzhal" -> aeroballistic),
   "Aerial Bomb" (-> guided bomb) and the Cyrillic UAV names that have no metadata
   ("Фенікс", "Картограф", "Привет-82" -> drone).
2. The model table (`missiles_and_uavs.csv`), looked up case-insensitively, maps its
   `category` through CATEGORY_CLASS: UAV -> drone, cruise missile -> cruise missile,
   ballistic missile -> ballistic missile, guided bomb -> guided bomb. A ballistic missile
   whose `type` says "air-launched" is aeroballistic. S-300/S-400 ("surface-to-air missile",
   and the table's "surface-to-air and ballistic" bundles) map to ballistic missile, because
   these air-defence missiles fly a ballistic path when fired at ground targets and the Air
   Force reports them together with Iskander-M.
   The table gives these choices, and they are kept:
   - X-22 and X-32 (Kh-22/Kh-32) -> cruise missile. Kh-22/Kh-32 dive steeply at the end
     of their flight, but they are not the aeroballistic class used for the Kinzhal.
   - 3M22 Zircon -> cruise missile. It is a hypersonic cruise missile, not a ballistic one.
   - "Unknown Missile" -> cruise missile.
3. A token written only in Cyrillic that has no metadata -> drone. All such names in the
   record are UAV names.
4. Anything else -> "other". It is reported as a kept issue ("model has no metadata").

The model table also has rows for some bundles, and one of them is wrong
("X-47 Kinzhal and Iskander-M/KN-23" is listed as a cruise missile). So a bundle is always
split on " and ", and each part is classified on its own. `is_bundle` is True for these rows.
`parts` and `part_classes` list the parts and their classes, joined with "|". If every part
has the same class, the bundle takes that class. If not, it takes the first class in
PRIORITY: ballistic missile > aeroballistic > cruise missile > guided bomb > drone > other.
A "/" inside a token, as in "X-59/X-69" or "Iskander-M/KN-23", means "one or the other".
Such a token is not split.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .. import config
from .quality import clean, read_csv_records

_str = dict(dtype="string")

CLASSES = ("drone", "cruise missile", "ballistic missile", "aeroballistic", "guided bomb", "other")
PRIORITY = ("ballistic missile", "aeroballistic", "cruise missile", "guided bomb", "drone", "other")

CATEGORY_CLASS = {
    "uav": "drone",
    "cruise missile": "cruise missile",
    "ballistic missile": "ballistic missile",
    "surface-to-air missile": "ballistic missile",
    "surface-to-air and ballistic": "ballistic missile",
    "guided bomb": "guided bomb",
}
OVERRIDES = {
    "x-47 kinzhal": "aeroballistic",
    "x-47m2 kinzhal": "aeroballistic",
    "kinzhal": "aeroballistic",
    "aerial bomb": "guided bomb",
    "фенікс": "drone",
    "картограф": "drone",
    "привет-82": "drone",
}
BUNDLE_SPLIT = re.compile(r"\s+and\s+")
CYRILLIC_ONLY = re.compile(r"^[\u0400-\u04FF0-9\s\-]+$")
PART_SEP = "|"

MODELS = pa.DataFrameSchema(
    {"model": pa.Column(unique=True, **_str), "category": pa.Column(nullable=True, **_str),
     "type": pa.Column(nullable=True, **_str)},
    strict=False,
    name="airforce_models",
)


def load_models(path: Path | str = config.AIRFORCE_MODELS) -> pd.DataFrame:
    """Return the weapon metadata table, one row per `model`, with every column as string.

    The columns are those of `missiles_and_uavs.csv`: model, category, national_origin, type, ...
    Empty cells are NA. Only `model` (unique), `category` and `type` are required.
    """
    frame, issues = read_csv_records(path, ("model", "category", "type"))
    if issues:
        raise ValueError(f"{path}:{issues[0]['row']}: {issues[0]['reason']}")
    frame = frame.drop(columns="row")
    frame = frame.apply(clean).astype("string")
    if frame["model"].isna().any():
        raise ValueError(f"{path}: a row has no model")
    return MODELS.validate(frame.reset_index(drop=True))


# Cyrillic prefixes of model names as the Latin keys spell them ("Х-101", "С-300")
_LOOKALIKES = str.maketrans("хс", "xs")


def normal_token(token: str) -> str:
    """Give a model token as the lookups key it: spaces collapsed, case folded, Kh- as X-,
    Cyrillic look-alikes of a Latin model name as Latin (`Х-101` is `X-101`)."""
    key = " ".join(token.split()).casefold()
    if re.fullmatch(r"[хс]-?\d+\w*", key.split(" ")[0]):
        key = key.translate(_LOOKALIKES)
    return re.sub(r"^kh-", "x-", key)


def class_table(models: pd.DataFrame) -> dict[str, tuple[str, str | None]]:
    """Map a normalised model token to (weapon_class, category) from the metadata table."""
    table = {}
    kinds = models["type"] if "type" in models else pd.Series(pd.NA, index=models.index)
    for model, category, kind in zip(models["model"], models["category"], kinds):
        cat = None if pd.isna(category) else str(category)
        cls = CATEGORY_CLASS.get((cat or "").casefold())
        if cls == "ballistic missile" and not pd.isna(kind) and "air-launched" in str(kind).casefold():
            cls = "aeroballistic"
        if cls is not None:
            table[normal_token(model)] = (cls, cat)
    return table


# words an article puts between a count and its noun that name a class ("18 ballistic
# missiles", "60 Shahed drones", "four Kalibr cruise missiles")
TEXT_CLASSES = {"ballistic": "ballistic missile", "aeroballistic": "aeroballistic",
                "aero-ballistic": "aeroballistic", "cruise": "cruise missile",
                "kinzhal": "aeroballistic", "kinzhals": "aeroballistic",
                "iskander": "ballistic missile", "iskanders": "ballistic missile",
                "kalibr": "cruise missile", "kalibrs": "cruise missile",
                "x-101": "cruise missile", "x-555": "cruise missile", "x-55": "cruise missile",
                "zircon": "cruise missile", "tsirkon": "cruise missile", "oniks": "cruise missile",
                "onyx": "cruise missile", "s-300": "ballistic missile", "s-400": "ballistic missile",
                "guided": "cruise missile",
                "shahed": "drone: shahed", "shaheds": "drone: shahed", "shahed-type": "drone: shahed",
                "geran": "drone: shahed", "geran-2": "drone: shahed", "gerbera": "drone: decoy",
                "decoy": "drone: decoy", "decoys": "drone: decoy", "imitation": "drone: decoy",
                "reconnaissance": "drone: reconnaissance", "lancet": "drone: lancet"}
_TEXT_WORD = re.compile(r"[\w\-]+")


def class_words(words: str) -> tuple[str, ...]:
    """Give the words of `words` that name a class or a model (`Kalibr cruise`: kalibr,
    cruise), in order, as the lookups key them."""
    return tuple(key for key in map(normal_token, _TEXT_WORD.findall(words)) if key in TEXT_CLASSES)


def class_in_text(words: str) -> str | None:
    """Give the class the words between a count and its noun name (`ballistic`, `Kalibr
    cruise`, `Shahed-type attack`), None when they name none. Drone types are given as
    `drone: <type>`, since the record counts every drone in one class."""
    keys = class_words(words)
    return TEXT_CLASSES[keys[0]] if keys else None


def classify_token(token: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None, bool]:
    """Return (weapon_class, category, known) for one model token (no " and " in it)."""
    key = normal_token(token)
    category = table.get(key, (None, None))[1]
    if key in OVERRIDES:
        return OVERRIDES[key], category, True
    if key in table:
        return table[key][0], category, True
    if CYRILLIC_ONLY.match(token.strip()):
        return "drone", None, True
    return "other", None, False


def classify_model(model: str, table: dict[str, tuple[str, str | None]]) -> dict:
    """Return the classification of one model string: weapon_class, parts, part_classes, ...

    A string with " and " is a bundle: each part is classified and the bundle takes the
    shared class, or the first class in PRIORITY that its parts have.
    """
    parts = [p.strip() for p in BUNDLE_SPLIT.split(model.strip()) if p.strip()]
    results = [classify_token(p, table) for p in parts]
    classes = [r[0] for r in results]
    weapon_class = classes[0] if len(set(classes)) == 1 else min(classes, key=PRIORITY.index)
    categories = [r[1] for r in results]
    return {
        "is_bundle": len(parts) > 1,
        "parts": PART_SEP.join(parts),
        "part_classes": PART_SEP.join(classes),
        "category": None if all(c is None for c in categories)
        else PART_SEP.join(c or "" for c in categories),
        "weapon_class": weapon_class,
        "unknown": [p for p, r in zip(parts, results) if not r[2]],
    }
