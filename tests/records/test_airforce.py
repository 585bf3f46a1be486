"""Air Force attack record: loading, malformed rows, classification, nights, commands."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import config
from analysis.records import airforce as af
from analysis.records import quality, weapon_models

NIGHT = "2026-02-03"


# ---------------------------------------------------------------- helpers reading the raw CSV

def raw_rows() -> list[dict]:
    """The attack CSV read with the csv module only, each row with its line number."""
    with open(config.AIRFORCE_ATTACKS, newline="", encoding="utf-8") as handle:
        return [dict(r, _line=i) for i, r in enumerate(csv.DictReader(handle), start=2)]


def uav_models() -> set[str]:
    with open(config.AIRFORCE_MODELS, newline="", encoding="utf-8") as handle:
        return {r["model"] for r in csv.DictReader(handle) if r["category"] == "UAV"}


def night_of(time_start: str) -> dt.date:
    """The night rule, written again: a clock time at or after noon goes to the next morning."""
    text = time_start.strip()
    day = dt.date.fromisoformat(text[:10])
    if len(text) > 10 and int(text[10:].strip().split(":")[0]) >= 12:
        day += dt.timedelta(days=1)
    return day


@pytest.fixture(scope="module")
def loaded():
    return af.load_attacks_with_issues()


@pytest.fixture(scope="module")
def attacks(loaded):
    return loaded[0]


@pytest.fixture(scope="module")
def national(attacks):
    return af.nightly(attacks)


HEADER = ("time_start,time_end,model,launch_place,target,target_main,launched,destroyed,"
          "not_reach_goal,still_attacking,border_crossing,is_shahed,num_hit_location,"
          "num_fall_fragment_location,carrier,turbojet,turbojet_destroyed,affected region,"
          "destroyed_details,launched_details,launch_place_details,source")


def crafted_row(time_start, time_end, model, launched, destroyed, not_reach="", place="",
                source="kpszsu/posts/x"):
    fields = [time_start, time_end, model, place, "Ukraine", "", launched, destroyed, not_reach,
              *[""] * 12, source]
    return ",".join(fields)


# ---------------------------------------------------------------- the real file

def test_real_file_rows_and_issues(loaded):
    attacks, issues = loaded
    rows = raw_rows()
    no_launched = {r["_line"] for r in rows if not r["launched"].strip()}
    no_destroyed = {r["_line"] for r in rows if r["launched"].strip() and not r["destroyed"].strip()}
    assert no_launched and no_destroyed
    dropped = issues[issues["action"] == "dropped"]
    assert set(dropped["row"]) == no_launched
    assert set(dropped["reason"]) == {"missing launched"}
    kept = issues[(issues["action"] == "kept") & (issues["column"] == "destroyed")]
    assert set(kept["row"]) == no_destroyed
    assert len(attacks) == len(rows) - len(no_launched)
    assert set(attacks["row"]) == {r["_line"] for r in rows} - no_launched
    assert attacks.loc[attacks["row"].isin(no_destroyed), "destroyed"].isna().all()
    assert attacks["time_start"].dtype == "datetime64[ns]"
    assert set(attacks["weapon_class"]) <= set(weapon_models.CLASSES)
    assert af.AIRFORCE.validate(attacks) is not None


def test_no_row_is_dropped_silently(loaded):
    attacks, issues = loaded
    dropped = set(issues.loc[issues["action"] == "dropped", "row"])
    assert set(attacks["row"]) | dropped == {r["_line"] for r in raw_rows()}


def test_times_parsed_and_date_only_flagged(attacks):
    rows = {r["_line"]: r for r in raw_rows()}
    by_row = attacks.set_index("row")
    date_only = {i for i, r in rows.items() if ":" not in r["time_start"]} & set(by_row.index)
    assert set(by_row.index[~by_row["has_time"]]) == date_only
    odd = [i for i, r in rows.items() if r["time_start"] != r["time_start"].strip()
           or (":" in r["time_start"] and len(r["time_start"].split()[1]) == 4)]
    assert len(odd) == 7                    # six "2023-05-16 3:30" and one trailing space
    for i in odd:
        text = rows[i]["time_start"].strip()
        date, clock = text.split()
        hour, minute = map(int, clock.split(":"))
        expected = pd.Timestamp(date) + pd.Timedelta(hours=hour, minutes=minute)
        assert by_row.at[i, "time_start"] == expected
        assert by_row.at[i, "has_time"]


def test_night_rule_on_real_rows(attacks):
    rows = {r["_line"]: r for r in raw_rows()}
    expected = attacks["row"].map(lambda i: pd.Timestamp(night_of(rows[i]["time_start"])))
    assert (attacks["night"] == expected).all()


def test_load_attacks_warns_with_file_and_count(loaded):
    _, issues = loaded
    with pytest.warns(quality.DataQualityWarning, match=rf"missile_attacks_daily\.csv: {len(issues)} issue"):
        af.load_attacks()


def test_raise_names_file_and_line():
    first = min(r["_line"] for r in raw_rows() if not r["launched"].strip())
    with pytest.raises(ValueError, match=rf"missile_attacks_daily\.csv:{first}: launched"):
        af.load_attacks(errors="raise")
    with pytest.raises(ValueError, match="errors must be"):
        af.load_attacks(errors="ignore")


# ---------------------------------------------------------------- crafted malformed file

def test_malformed_rows_reported_with_lines_and_valid_rows_kept(tmp_path):
    lines = [
        HEADER,
        crafted_row("2024-05-01 19:00", "2024-05-02 08:00", "Shahed-136/131", "10.0", "8.0"),  # 2 ok
        crafted_row("2024-05-0x 19:00", "2024-05-02 08:00", "Kalibr", "4.0", "3.0"),           # 3 bad time
        crafted_row("2024-05-01 19:00", "2024-05-02 08:00", "Kalibr", "", "3.0"),               # 4 no launched
        crafted_row("2024-05-01 19:00", "2024-05-02 08:00", "Iskander-M", "2.0", "5.0"),        # 5 d > l
        crafted_row("2024-05-01 19:00", "2024-05-02 08:00", "X-59", "many", "1.0"),             # 6 not a number
        crafted_row("2024-05-01 19:00", "2024-05-02 08:00", "X-22", "3.0", "", "",
                    '"Kursk\noblast"'),                                                        # 7-8 ok, no destroyed
        crafted_row("2024-05-01 25:00", "2024-05-02 08:00", "X-31P", "1.0", "0.0"),            # 9 hour 25
        crafted_row("2024-05-02", "2024-05-02", "Mystery-9", "1.0", "1.0", "",                  # 10 ok, unknown
                    source="PvKPivden/posts/y"),
        "2024-05-02,2024-05-02,ZALA,1.0",                                                      # 11 short
    ]
    path = tmp_path / "attacks.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    attacks, issues = af.load_attacks_with_issues(path)

    dropped = issues[issues["action"] == "dropped"].set_index("row")
    assert list(dropped.index) == [3, 4, 5, 6, 9, 11]
    assert dropped.at[3, "column"] == "time_start" and "unparseable" in dropped.at[3, "reason"]
    assert dropped.at[3, "value"] == "2024-05-0x 19:00"
    assert dropped.at[4, "reason"] == "missing launched"
    assert dropped.at[5, "reason"] == "destroyed above launched"
    assert dropped.at[6, "column"] == "launched" and dropped.at[6, "reason"] == "not a number"
    assert dropped.at[9, "value"] == "2024-05-01 25:00"
    assert "fields" in dropped.at[11, "reason"]

    kept = issues[issues["action"] == "kept"].set_index("row")
    assert kept.at[7, "reason"].startswith("missing destroyed")
    assert "Mystery-9" in kept.at[10, "reason"]

    assert list(attacks["row"]) == [2, 7, 10]
    by_row = attacks.set_index("row")
    assert pd.isna(by_row.at[7, "destroyed"]) and by_row.at[7, "launch_place"] == "Kursk\noblast"
    assert by_row.at[10, "weapon_class"] == "other" and by_row.at[10, "command"] == "PvKPivden"
    assert by_row.at[2, "night"] == pd.Timestamp("2024-05-02")

    with pytest.warns(quality.DataQualityWarning, match=rf"attacks\.csv: {len(issues)} issue"):
        assert len(af.load_attacks(path)) == 3
    with pytest.raises(ValueError, match=r"attacks\.csv:3: time_start"):
        af.load_attacks(path, errors="raise")


def test_missing_column_raises(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("time_start,model\n2024-01-01,X-59\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"a\.csv:1: missing column"):
        af.load_attacks_with_issues(path)


def test_night_boundaries(tmp_path):
    lines = [HEADER,
             crafted_row("2024-05-01 11:59", "2024-05-01 13:00", "Kalibr", "1.0", "1.0"),
             crafted_row("2024-05-01 12:00", "2024-05-01 13:00", "Kalibr", "1.0", "1.0"),
             crafted_row("2024-05-01 23:30", "2024-05-02 06:00", "Kalibr", "1.0", "1.0"),
             crafted_row("2024-05-01 ", "2024-05-01", "Kalibr", "1.0", "1.0")]
    path = tmp_path / "nights.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    attacks, issues = af.load_attacks_with_issues(path)
    assert issues.empty
    assert list(attacks["night"].dt.strftime("%Y-%m-%d")) == ["2024-05-01", "2024-05-02",
                                                              "2024-05-02", "2024-05-01"]
    assert list(attacks["has_time"]) == [True, True, True, False]


# ---------------------------------------------------------------- classification

@pytest.fixture(scope="module")
def table():
    return weapon_models.class_table(weapon_models.load_models())


@pytest.mark.parametrize("model, weapon_class, parts, part_classes", [
    ("C-300 and Iskander-M", "ballistic missile", "C-300|Iskander-M",
     "ballistic missile|ballistic missile"),
    ("X-101/X-555 and Iskander-K", "cruise missile", "X-101/X-555|Iskander-K",
     "cruise missile|cruise missile"),
    ("Iskander-M and Iskander-K", "ballistic missile", "Iskander-M|Iskander-K",
     "ballistic missile|cruise missile"),
    # the model table calls this bundle a cruise missile; its parts say otherwise
    ("X-47 Kinzhal and Iskander-M/KN-23", "ballistic missile", "X-47 Kinzhal|Iskander-M/KN-23",
     "aeroballistic|ballistic missile"),
    ("X-22 and X-32", "cruise missile", "X-22|X-32", "cruise missile|cruise missile"),
    ("Shahed-136/131 and Lancet", "drone", "Shahed-136/131|Lancet", "drone|drone"),
    ("Молнія and Lancet", "drone", "Молнія|Lancet", "drone|drone"),
])
def test_bundles(table, model, weapon_class, parts, part_classes):
    info = weapon_models.classify_model(model, table)
    assert info["is_bundle"]
    assert (info["weapon_class"], info["parts"], info["part_classes"]) == (weapon_class, parts,
                                                                           part_classes)


@pytest.mark.parametrize("model, weapon_class", [
    ("X-47 Kinzhal", "aeroballistic"),
    ("Kh-47 Kinzhal", "aeroballistic"),
    ("kh-47M2 Kinzhal", "aeroballistic"),
    ("X-59/X-69", "cruise missile"),
    ("3M22 Zircon", "cruise missile"),
    ("Iskander-M/KN-23", "ballistic missile"),
    ("C-300/C-400", "ballistic missile"),
    ("Intercontinental ballistic missile", "ballistic missile"),
    ("Aerial Bomb", "guided bomb"),
    ("GBU", "guided bomb"),
    ("Фенікс", "drone"),
    ("Привет-82", "drone"),
    ("Shahed-136/131", "drone"),
    ("Mystery-9", "other"),
])
def test_single_models(table, model, weapon_class):
    info = weapon_models.classify_model(model, table)
    assert not info["is_bundle"] and info["weapon_class"] == weapon_class
    assert info["unknown"] == ([] if weapon_class != "other" else [model])


SINGLE_TOKENS = {"Shahed-136/131": "drone", "Lancet": "drone", "Kalibr": "cruise missile",
                 "X-22": "cruise missile", "Iskander-M": "ballistic missile",
                 "C-300": "ballistic missile", "X-47 Kinzhal": "aeroballistic",
                 "GBU": "guided bomb", "Aerial Bomb": "guided bomb", "Mystery-9": "other"}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(sorted(SINGLE_TOKENS)), min_size=1, max_size=5))
def test_bundle_rule_property(table, tokens):
    info = weapon_models.classify_model(" and ".join(tokens), table)
    classes = [SINGLE_TOKENS[t] for t in tokens]
    assert info["parts"].split("|") == tokens
    assert info["part_classes"].split("|") == classes
    assert info["weapon_class"] == min(classes, key=weapon_models.PRIORITY.index)
    assert info["is_bundle"] == (len(tokens) > 1)


def test_every_real_bundle_follows_the_rule(attacks):
    bundles = attacks[attacks["is_bundle"]]
    assert (bundles["model"].str.contains(" and ")).all()
    assert (~attacks.loc[~attacks["is_bundle"], "model"].str.contains(" and ")).all()
    for part_classes, weapon_class in zip(bundles["part_classes"], bundles["weapon_class"]):
        classes = part_classes.split("|")
        assert weapon_class == min(classes, key=weapon_models.PRIORITY.index)
    # every token in the record has a class other than "other"
    assert (attacks["weapon_class"] != "other").all()


# ---------------------------------------------------------------- nights and commands

def test_2026_02_03_matches_raw_csv(attacks, national):
    uav = uav_models()
    window = [r for r in raw_rows() if r["source"].startswith("kpszsu")
              and night_of(r["time_start"]) == dt.date.fromisoformat(NIGHT)]
    assert {(r["time_start"], r["time_end"]) for r in window} == {("2026-02-02 18:00",
                                                                    "2026-02-03 09:30")}

    def total(rows, column):
        return int(sum(float(r[column]) for r in rows))

    drones = [r for r in window if r["model"] in uav]
    missiles = [r for r in window if r["model"] not in uav]
    derived = {"drones": (total(drones, "launched"), total(drones, "destroyed")),
               "missiles": (total(missiles, "launched"), total(missiles, "destroyed"))}

    summary = af.night_summary(attacks, NIGHT)
    for group, (launched, destroyed) in derived.items():
        assert (summary.at[group, "launched"], summary.at[group, "destroyed"]) == (launched, destroyed)
    one = national[national["night"] == NIGHT].set_index("weapon_class")
    assert (one.at["drone", "launched"], one.at["drone", "destroyed"]) == derived["drones"]
    assert (one.at["missiles", "launched"], one.at["missiles", "destroyed"]) == derived["missiles"]
    # the figures the project quotes for that night (data/external/README.md)
    assert derived == {"drones": (450, 412), "missiles": (71, 38)}


def test_regional_reports_never_added_to_national(attacks, national):
    regional = [r for r in raw_rows() if r["source"].startswith("PvKPivden")
                and night_of(r["time_start"]) == dt.date.fromisoformat(NIGHT)]
    assert regional, "the record has South command rows for that night"
    regional_launched = int(sum(float(r["launched"]) for r in regional))

    south = af.night_summary(attacks, NIGHT, command="PvKPivden")
    assert south.at["all", "launched"] == regional_launched
    nat = af.night_summary(attacks, NIGHT)
    rows_that_night = attacks[attacks["night"] == NIGHT]
    assert rows_that_night["launched"].sum() == nat.at["all", "launched"] + regional_launched
    assert national.loc[(national["night"] == NIGHT) & (national["weapon_class"] == "all"),
                        "launched"].item() == nat.at["all", "launched"]
    assert set(national["command"]) == {"national"}
    with pytest.raises(TypeError):
        af.nightly(attacks, command=None)
    with pytest.raises(TypeError):
        af.nightly(attacks, command=["national", "PvKPivden"])
    with pytest.raises(ValueError, match="PvKPivden"):
        af.nightly(attacks, command="nowhere")


def test_national_includes_air_force_telegram_only(attacks):
    national = attacks[attacks["command"] == "national"]
    assert national["source"].str.match(r"(https://t\.me/)?kpszsu/").all()
    assert not attacks.loc[attacks["command"] != "national", "source"].str.contains("kpszsu").any()


def test_nightly_groups_add_up(attacks, national):
    wide = national.pivot(index="night", columns="weapon_class", values="launched")
    classes = [c for c in weapon_models.CLASSES if c in wide.columns]
    missiles = wide[[c for c in classes if c != "drone"]].sum(axis=1)
    assert (wide["missiles"] == missiles).all()
    assert (wide["all"] == wide["drone"] + wide["missiles"]).all()
    assert wide["all"].sum() == attacks.loc[attacks["command"] == "national", "launched"].sum()
    rates = national["destroyed_rate"].dropna()
    assert ((rates >= 0) & (rates <= 1)).all()
    assert (national["destroyed_or_not_reached"].fillna(0) >= national["destroyed"].fillna(0)).all()


def test_destroyed_or_not_reached(attacks):
    expected = attacks["destroyed"] + attacks["not_reach_goal"].fillna(0)
    assert attacks["destroyed_or_not_reached"].equals(expected)


def test_percentile_rank(national):
    all_rows = national[national["weapon_class"] == "all"]
    biggest = all_rows.loc[all_rows["launched"].astype("int64").idxmax(), "night"]
    assert af.percentile_rank(national, biggest, "launched") == 100.0
    rank = af.percentile_rank(national, NIGHT, "launched", weapon_class="missiles")
    missiles = national[national["weapon_class"] == "missiles"]["launched"].astype("int64")
    assert rank == pytest.approx(100 * (missiles <= 71).mean())
    with pytest.raises(KeyError):
        af.percentile_rank(national, "1990-01-01", "launched")


def test_percentile_rank_refuses_mixed_commands(attacks, national):
    mixed = pd.concat([national, af.nightly(attacks, command="PvKPivden")])
    with pytest.raises(ValueError, match="mixes commands"):
        af.percentile_rank(mixed, NIGHT, "launched")


# ---------------------------------------------------------------- provenance table

def test_sources_csv_matches_files():
    with open(config.EXTERNAL / "sources.csv", newline="", encoding="utf-8") as handle:
        sources = list(csv.DictReader(handle))
    assert {s["file"] for s in sources} == {p.name for p in config.EXTERNAL.glob("*.csv")} - {"sources.csv"}
    for s in sources:
        path = config.EXTERNAL / s["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == s["sha256"]
        with open(path, newline="", encoding="utf-8") as handle:
            assert sum(1 for _ in csv.DictReader(handle)) == int(s["rows"])
        assert s["origin"] and s["licence"]
