"""Extraction rules, each on a sentence written the way the press writes it."""
from __future__ import annotations

import math

import pytest

from analysis.reading.articles import parse_article
from analysis.extraction.extractor import extract_article
from analysis.extraction.numbers import bounds, find_mentions


def facts(body: str, date: str = "2026-02-03", headline: str = "Headline") -> list[dict]:
    article = parse_article("t.txt", f" date {date} {headline}\n\n{body}\n".encode())
    return list(extract_article(article))


def one(body: str, **kw) -> dict:
    found = facts(body, **kw)
    assert len(found) == 1, [(f["metric"], f["unit"], f["value"]) for f in found]
    return found[0]


def triples(body: str, **kw) -> set[tuple]:
    return {(f["metric"], f["unit"], f["value"]) for f in facts(body, **kw)}


@pytest.mark.parametrize("text, value", [
    ("1,170", 1170), ("6.7 thousand", 6700), ("1.6 million", 1_600_000), ("Thirteen", 13),
    ("twenty-five", 25), ("a dozen", 12), ("two dozen", 24), ("minus 19C", -19),
    ("-17 degrees Celsius", -17), ("−10°C", -10), ("17 degrees below zero", -17),
    ("hundreds of thousands", 100_000), ("tens of thousands", 10_000), ("dozens", 12),
])
def test_number_spellings(text, value):
    mentions = find_mentions(f"It was {text} at dawn.")
    assert [m.value for m in mentions] == [value]


@pytest.mark.parametrize("text", [
    "a 38-year-old woman", "Kh-101", "Shahed-136", "Tu-95MS", "3M22 Zircon", "the 24th storey",
    "18 percent", "18%", "Feb. 24", "24 February", "at 8:11 am", "the four-year war",
    "the 1,000-kilometer front",
])
def test_not_numbers(text):
    assert find_mentions(f"We saw {text} there.") == []


def test_counts_and_units():
    assert one("Russia attacked with 450 drones overnight.")["metric"] == "launched"
    assert triples("Ukraine said it intercepted or destroyed 38 missiles and 412 drones.") == {
        ("intercepted", "missiles", 38.0), ("intercepted", "drones", 412.0)}
    assert triples("Air defences destroyed all 14 enemy drones.") == {
        ("intercepted", "drones", 14.0), ("launched", "drones", 14.0)}
    assert triples("Ukraine shot down 28 out of 31 drones.") == {
        ("intercepted", "drones", 28.0), ("launched", "drones", 31.0)}
    assert triples("Russia attacked with more than a dozen attack drones and a cruise missile.") == {
        ("launched", "drones", 12.0), ("launched", "missiles", 1.0)}


def test_singular_person_and_age():
    fact = one("Officials said that a 38-year-old woman had been killed in Kharkiv.")
    assert (fact["metric"], fact["unit"], fact["value"], fact["location"]) == (
        "killed", "people", 1.0, "Kharkiv")


def test_units_are_normalised():
    assert one("Some 5,000 customers in Odesa were left without power.")["unit"] == "subscribers"
    assert one("Heating was cut to 300 apartment blocks in Kyiv.")["unit"] == "buildings"
    assert one("The strike damaged three apartment blocks in Kyiv.")["unit"] == "apartment_buildings"
    assert one("About 2,000 households in Sumy were without heating.")["unit"] == "homes"


def test_restored_counts_are_not_facts():
    assert facts("Power engineers restored electricity supply to 6.7 thousand customers.") == []


def test_conversions_in_brackets_are_one_fact():
    fact = one("Temperatures dropped to -17 degrees Celsius (1.4 degrees Fahrenheit) in Kyiv.")
    assert (fact["value"], fact["stated_value"], fact["stated_unit"]) == (-17.0, 1.4, "degF")
    fact = one("Russia seized 481 square kilometres (186 square miles) in January.")
    assert (fact["metric"], fact["value"], fact["period"], fact["stated_value"]) == (
        "territory_seized", 481.0, "2026-01", 186.0)


def test_qualifiers_and_bounds():
    fact = one("Russia launched more than 60 missiles overnight.")
    assert (fact["qualifier"], fact["low"], fact["high"]) == ("more_than", 61.0, math.inf)
    fact = one("Strikes cut heating to some 100,000 subscribers in Kharkiv.")
    assert fact["qualifier"] == "approx" and fact["low"] < 100_000 < fact["high"]
    fact = one("The blasts left hundreds of thousands of families without heat.")
    assert (fact["qualifier"], fact["low"], fact["high"]) == (
        "order_of_magnitude", 100_000.0, 999_999.0)
    assert one("At least two people were wounded in Kyiv.")["qualifier"] == "at_least"
    assert one("Up to 40 drones were launched at Odesa.")["qualifier"] == "at_most"
    assert bounds(20, "approx", "nearly") == (18.0, 20.0)


def test_places():
    assert one("Two people were wounded in the capital.")["location"] == "Kyiv"
    assert one("Two people were wounded in Kiev.")["location"] == "Kyiv"
    assert one("Three people were killed in the Kharkov region.")["location"] == "Kharkiv"
    assert one("Four people were killed in Odessa.")["location"] == "Odesa"
    assert one("Russia launched 50 drones overnight.")["location"] == "Ukraine"
    fact = one("A second round is due in the Emirati capital, where 3 people were wounded.")
    assert fact["location"] != "Kyiv"


def test_location_carries_over_for_casualties():
    found = facts("Strikes hit Zaporizhzhia overnight. Three people were injured, officials said.")
    assert found[0]["location"] == "Zaporizhzhia"


@pytest.mark.parametrize("phrase, period", [
    ("overnight", "2026-02-03"), ("last night", "2026-02-03"), ("yesterday", "2026-02-02"), ("on Friday", "2026-01-30"),
    ("last Tuesday", "2026-01-27"), ("on Tuesday", "2026-02-03"),
])
def test_periods(phrase, period):
    assert one(f"Five people were killed in Kyiv {phrase}.")["period"] == period


def test_month_periods():
    assert one("Russia seized 244 square kilometres in December 2025.")["period"] == "2025-12"
    assert one("Russia seized 244 square kilometres last month.")["period"] == "2026-01"
    assert one("Russia has taken 65,776 square kilometers since February 2022.")["period"] is None


def test_lead_weekday_sets_the_day():
    found = facts("Russia launched 14 drones, the air force said Wednesday. "
                  "Two people were wounded in Odesa.", date="2023-11-23")
    assert {f["period"] for f in found} == {"2023-11-22"}


def test_sources():
    assert one("Kyiv Mayor Vitali Klitschko said 1,170 buildings were left without heating.")[
        "source"] == "Vitali Klitschko"
    assert one("Russia launched 71 missiles, according to the Ukrainian air force.")[
        "source"] == "Ukrainian air force"


def test_never_facts():
    assert facts("The war is now in its fourth year, and talks ended after seven days.") == []
    assert facts("Moscow has attacked every winter since 2022, 18 percent of the grid.") == []
    assert facts("No one was killed, and the 3M22 Zircon and Kh-101 missiles were tracked.") == []


def test_listed_numbers_share_their_verb():
    assert triples("Russia fired 352 drones and decoys overnight, as well as 11 ballistic missiles "
                   "and five cruise missiles, the air force said.") == {
        ("launched", "drones", 352.0), ("launched", "missiles", 11.0), ("launched", "missiles", 5.0)}


def test_nearest_verb_across_and():
    assert triples("Two people were killed and seven others were injured in Dnipro.") == {
        ("killed", "people", 2.0), ("wounded", "people", 7.0)}


def test_the_city_is_not_the_country():
    found = facts("Explosions shook Sumy on Sunday. Russian forces attacked the city with two "
                  "Iskander-M ballistic missiles.")
    assert [(f["metric"], f["location"]) for f in found] == [("launched", "Sumy")]


def test_counts_listed_past_other_weapons_share_the_verb():
    assert triples("Zelenskyy said Russia launched 1,100 drones, over 890 guided aerial bombs, "
                   "and more than 50 missiles last week.") == {
        ("launched", "drones", 1100.0), ("launched", "missiles", 50.0)}
    assert {f["period"] for f in facts("Russia launched 1,100 drones, over 890 guided aerial "
                                       "bombs, and more than 50 missiles last week.")} == {None}


def test_weapons_launched_and_then_shot_down_are_both():
    assert triples("The air force said the attack included eight Shahed drones and three cruise "
                   "missiles which were shot down.") == {
        ("launched", "drones", 8.0), ("intercepted", "drones", 8.0),
        ("launched", "missiles", 3.0), ("intercepted", "missiles", 3.0)}
    # a relative clause about the count itself only: nothing doubles when no launch verb leads
    assert triples("Air defences shot down 40 drones.") == {("intercepted", "drones", 40.0)}


def test_weapon_as_subject_was_launched():
    assert ("launched", "missiles", 6.0) in triples(
        "Six Russian missiles damaged transport infrastructure in Zaporizhzhia overnight.")


def test_an_aside_between_dashes_is_skipped():
    assert triples("The air force said that at least eight Kinzhal missiles -- among Moscow's "
                   "most advanced weapons -- were among the projectiles used.") == {
        ("launched", "missiles", 8.0)}


def test_houses_cut_off_are_buildings_houses_hit_are_homes():
    assert triples("More than 400 houses were left without heating in Kharkiv.") == {
        ("without_heating", "buildings", 400.0)}
    assert triples("Three private houses were damaged in the Kyiv region.") == {
        ("damaged", "homes", 3.0)}


def test_affected_after_an_outage_is_that_outage():
    found = triples("A district of 250,000 residents lost heating. He said that 500 buildings "
                    "were affected as temperatures dipped.")
    assert ("without_heating", "buildings", 500.0) in found
    assert ("damaged", "buildings", 500.0) not in found
    assert triples("He said that 500 buildings were affected by the blast.") == {
        ("damaged", "buildings", 500.0)}


def test_one_of_the_biggest_is_no_count():
    assert triples("A strike on a cafe killed nearly 60 people, one of the biggest losses of "
                   "civilian life since the war began.") == {("killed", "people", 60.0)}


def test_quoted_order_of_magnitude_keeps_its_noun():
    assert triples('The attack left "thousands" of consumers without electricity in Odesa.') == {
        ("without_power", "subscribers", 1000.0)}


def test_approximation_carries_over_a_listed_count():
    quals = {f["unit"]: f["qualifier"] for f in
             facts("Around 120 missiles and 90 drones were fired, officials said.")}
    assert quals == {"missiles": "approx", "drones": "approx"}


def test_territory_lists_keep_each_month():
    found = facts("In July Russia took 634 square kilometres, compared with 588 square "
                  "kilometres in June, 507 square kilometres in May, and 240 square kilometres "
                  "in March.", date="2025-08-01")
    assert [(f["value"], f["period"], f["location"]) for f in found] == [
        (634.0, "2025-07", "Ukraine"), (588.0, "2025-06", "Ukraine"),
        (507.0, "2025-05", "Ukraine"), (240.0, "2025-03", "Ukraine")]
    assert facts("In one month Russia took 713 square kilometres, while Ukraine reclaimed 79 "
                 "square kilometres.")[-1]["value"] == 713.0


def test_territory_is_national_unless_its_clause_names_a_region():
    found = facts("Despite capturing three Donbas cities in Donetsk, Russia only seized 244 square "
                  "kilometres of Ukrainian territory last month. Of those, 155 square kilometres "
                  "are in the eastern region of Donetsk.", date="2026-01-03")
    assert [(f["value"], f["location"]) for f in found] == [(244.0, "Ukraine"), (155.0, "Donetsk")]


def test_launch_site_is_not_the_target():
    found = facts("The drones were launched from Cape Chauda in Crimea. Russia also launched an "
                  "Iskander-M ballistic missile from the same area.")
    assert {f["location"] for f in found if f["metric"] == "launched"} == {"Ukraine"}


@pytest.mark.parametrize("phrase", ["Hundreds of thousands", "tens of thousands", "hundreds",
                                    "Thousands", "millions", "dozens", "scores"])
def test_every_order_of_magnitude_is_read(phrase):
    from analysis.extraction.numbers import ORDERS
    [mention] = find_mentions(f"Officials said {phrase} of people were left without power.")
    assert mention.kind == "order" and mention.value == ORDERS[phrase.lower()][0]
    assert mention.end - mention.start == len(phrase)


@pytest.mark.parametrize("body, place", [
    ("In Kharkiv, three people were killed overnight.", "Kharkiv"),
    ("The Sumy region came under fire and two people were injured.", "Sumy"),
    ("In Kryvyi Rih, a strike killed four people.", "Kryvyi Rih"),
    ("Drones hit a port in Ukraine's southern Odesa region, injuring five people.", "Odesa"),
])
def test_a_capitalised_word_does_not_hide_the_place_after_it(body, place):
    assert {f["location"] for f in facts(body)} == {place}


def test_the_country_as_owner_is_not_the_place():
    found = facts("A drone struck a clinic in Chernihiv.\n\nUkraine's Health Ministry said "
                  "nine people were injured.")
    assert [(f["metric"], f["location"]) for f in found if f["value"] == 9] == [("wounded", "Chernihiv")]
    [fact] = [f for f in facts("Air defences shot down six drones over Ukraine's Sumy region.")]
    assert fact["location"] == "Sumy"


def test_figures_across_several_regions_are_national_and_those_of_two_regions_no_ones():
    assert {f["location"] for f in facts(
        "Russia struck Dnipro and the Poltava region with 40 drones overnight.")} == {None}
    assert {f["location"] for f in facts(
        "In all, 35 drones were shot down over the Sumy and Chernihiv regions.")} == {None}
    assert {f["location"] for f in facts(
        "Russia launched 90 drones at the Kyiv region and other regions of the country.")} == {"Ukraine"}
    found = facts("The ministry said the strikes damaged 14 homes in nine regions.")
    assert [(f["metric"], f["location"]) for f in found] == [("damaged", "Ukraine")]


def test_interrupted_heating_and_power():
    assert triples("Shelling interrupted heating to 120 apartment buildings in Sumy.") == {
        ("without_heating", "buildings", 120.0)}
    assert triples("The strike interrupted power supply to 3,000 households.") == {
        ("without_power", "homes", 3000.0)}


def test_a_number_with_its_verb_takes_the_noun_of_its_sentence():
    assert triples("The mayor said three houses were destroyed and 12 damaged.") == {
        ("damaged", "homes", 3.0), ("damaged", "homes", 12.0)}


def test_one_of_the_weapons_is_not_a_launch_count():
    found = triples("Russia launched 40 drones at Odesa. Two of the drones hit a warehouse.")
    assert ("launched", "drones", 40.0) in found and ("launched", "drones", 2.0) not in found


def test_pieces_of_infrastructure_are_facilities():
    assert triples("The shelling damaged 16 pieces of critical infrastructure in Kherson.") == {
        ("damaged", "facilities", 16.0)}


def test_drones_lost_to_electronic_warfare_are_not_launches():
    assert triples("Another 20 drones were lost to electronic warfare, the air force said.") == {
        ("intercepted", "drones", 20.0)}


def test_numbers_with_a_place_each_keep_them():
    found = facts("Air defences downed 21 drones over Kherson and 13 over Zhytomyr.")
    assert {(f["value"], f["location"]) for f in found} == {(21.0, "Kherson"), (13.0, "Zhytomyr")}


def test_a_list_of_places_each_with_its_count_says_the_noun_once():
    found = facts("Air defence destroyed 9 drones over Odesa, four over the southern Mykolaiv "
                  "region, and two in the city of Kherson, the command said.")
    assert {(f["metric"], f["value"], f["location"]) for f in found} == {
        ("intercepted", 9.0, "Odesa"), ("intercepted", 4.0, "Mykolaiv"),
        ("intercepted", 2.0, "Kherson")}
    found = facts("Three people were killed in the Sumy region, two in Kharkiv and one in Poltava.")
    assert {(f["metric"], f["value"]) for f in found} == {
        ("killed", 3.0), ("killed", 2.0), ("killed", 1.0)}


def test_a_count_after_a_comma_without_a_place_of_its_own_is_not_listed():
    found = facts("Air defence destroyed 9 drones over Odesa, 12 after midnight.")
    assert [(f["metric"], f["value"]) for f in found] == [("intercepted", 9.0)]


def test_a_comparison_since_a_date_is_not_the_period():
    [fact] = facts("Russia seized 390 square kilometres in March, its biggest monthly gain since "
                   "November 2022, analysts said.", date="2025-04-02")
    assert (fact["metric"], fact["period"]) == ("territory_seized", "2025-03")
    found = facts("At least 12 people were injured in Lviv, one of the heaviest strikes on the "
                  "city since the start of the invasion.", date="2024-05-10")
    assert [(f["metric"], f["period"]) for f in found] == [("wounded", "2024-05-10")]


def test_a_date_in_the_dateline_dates_the_report_not_the_figure():
    [fact] = facts("Berlin, (DPA - 3rd Jun, 2025) Russia captured 520 square kilometres of "
                   "Ukrainian land in May, according to DeepState.", date="2025-06-03")
    assert fact["period"] == "2025-05"


def test_territory_held_as_of_a_date_is_a_running_total():
    [fact] = facts("Russia controlled 113,100 square kilometres of Ukraine as of June 1.",
                   date="2025-06-03")
    assert fact["period"] is None


def test_what_follows_a_comparison_or_another_figure_does_not_date_this_one():
    found = facts("Nine people were injured in Dnipro, the deadliest strike on the city since "
                  "the invasion began last year, officials said.", date="2023-04-12")
    assert [(f["metric"], f["period"]) for f in found] == [("wounded", "2023-04-12")]
    found = facts("The strike, which killed two civilians in Sumy, surpassed a record of 400 "
                  "drones launched last week.", date="2025-07-09")
    assert {(f["metric"], f["period"]) for f in found} >= {("killed", "2025-07-09")}
    found = facts("Russia launched 1,200 drones, 800 guided bombs and 40 missiles last week.",
                  date="2025-07-09")
    assert {f["period"] for f in found} == {None}


def test_a_count_listed_after_a_place_shares_the_first_count():
    found = facts("At least six people were killed in Kharkiv, and 14 across the country.")
    assert {(f["metric"], f["value"], f["location"]) for f in found} == {
        ("killed", 6.0, "Kharkiv"), ("killed", 14.0, "Ukraine")}


def test_a_place_pointed_back_to_wins_over_a_later_one():
    found = facts("Drones attacked the port of Izmail overnight.\n\nAir defences downed nine "
                  "drones in the area and 14 drones over the Sumy region.")
    assert {(f["value"], f["location"]) for f in found if f["metric"] == "intercepted"} == {
        (9.0, "Izmail"), (14.0, "Sumy")}


def test_a_capital_that_speaks_is_its_government():
    found = facts("The attack on Odesa came hours after what Kyiv said was a strike with 60 "
                  "drones that killed three people.")
    assert {f["location"] for f in found if f["metric"] == "killed"} == {"Odesa"}
    found = facts("Authorities in the region of Sumy said four people were injured.")
    assert [f["location"] for f in found] == ["Sumy"]


def test_the_city_of_a_country_is_the_city():
    found = facts("Five people were killed when a missile hit a school in Ukraine's "
                  "northeastern city of Sumy, officials said.")
    assert {f["location"] for f in found if f["metric"] == "killed"} == {"Sumy"}


def test_monthly_territory_figures_keep_their_own_months():
    found = facts("Russia seized over 725 square kilometres in November, up from 610 square "
                  "kilometres in October.", date="2024-12-02")
    assert {(f["value"], f["period"]) for f in found} == {(725.0, "2024-11"), (610.0, "2024-10")}
    found = facts("Russian forces took 447 sq km last month.\n\nThe slowdown began in August "
                  "(594 sq km) after a peak in July (634 sq km), the biggest since November 2024 "
                  "(725 sq km).", date="2025-10-01")
    assert {(f["value"], f["period"]) for f in found} == {
        (447.0, "2025-09"), (594.0, "2025-08"), (634.0, "2025-07"), (725.0, "2024-11")}
    [fact] = facts("Including November, the total Russian gains this year were 3,500 square "
                   "kilometres.", date="2024-12-02")
    assert fact["period"] is None


def test_a_part_takes_the_count_of_its_whole():
    found = triples("A missile struck Zaporizhzhia, killing at least nine people, including "
                    "two children, and injuring 30 others.")
    assert ("killed", "people", 2.0) in found and ("wounded", "people", 2.0) not in found
    found = triples("Ukraine said it shot down all 20 missiles fired at it overnight, including "
                    "four hypersonic missiles.")
    assert ("intercepted", "missiles", 4.0) in found and ("launched", "missiles", 4.0) not in found


def test_weapons_described_by_where_they_came_from_were_shot_down():
    assert triples("The army said 12 missiles, five Shahed drones and two reconnaissance drones "
                   "fired at Ukraine overnight were shot down.") >= {
        ("intercepted", "missiles", 12.0), ("intercepted", "drones", 5.0),
        ("intercepted", "drones", 2.0)}
    found = triples("It said the missiles destroyed included four Kinzhal missiles fired from "
                    "aircraft, seven Kalibr cruise missiles launched from ships and two Iskander "
                    "missiles.")
    assert found == {("intercepted", "missiles", 4.0), ("intercepted", "missiles", 7.0),
                     ("intercepted", "missiles", 2.0)}


def test_weapons_of_two_kinds_counted_together_are_no_count():
    assert triples("In December, 150 drones and missiles were fired at Ukraine.") == set()
    assert triples("Russia attacked with 14 drones and a cruise missile.") == {
        ("launched", "drones", 14.0), ("launched", "missiles", 1.0)}


def test_model_numbers_and_hits_in_the_phrase():
    assert triples("Air defences shot down 3 Kh-59/69 guided missiles.") == {
        ("intercepted", "missiles", 3.0)}
    assert not {f for f in triples("The strikes resulted in 40 drone hits across 12 locations.")
                if f[1] == "drones"}


def test_numbers_with_their_own_verb_after_a_list():
    assert triples("In Kherson, 9 were killed, dozens hurt.") == {
        ("killed", "people", 9.0), ("wounded", "people", 12.0)}
    assert triples("Nearly 1,300 more buildings in Kyiv were left without heating.") == {
        ("without_heating", "buildings", 1300.0)}


def test_a_part_of_a_stock_is_counted_and_the_stock_is_not():
    assert triples("More than 900 of the city's approximately 8,000 apartment blocks were "
                   "without heating.") == {("without_heating", "buildings", 900.0)}


def test_a_qualifier_inside_brackets():
    [fact] = facts("Russia seized 300 sq km in the year before (about 2,100 sq km in all).")[-1:]
    assert (fact["value"], fact["qualifier"]) == (2100.0, "approx")


def test_a_named_settlement_the_gazetteer_lacks_is_a_place():
    found = facts("Two people—a man and a woman—were killed in the Hlevakha community near Kyiv.")
    assert [(f["metric"], f["value"], f["location"]) for f in found] == [
        ("killed", 2.0, "Hlevakha")]
    found = facts("A drone killed three people in the village of Ruska Lozova.")
    assert {f["location"] for f in found} == {"Ruska Lozova"}


def test_the_number_of_a_noun_rising_to_a_figure_counts_it():
    found = facts("A drone hit a dormitory in Poltava. The number of injured has increased to 14.")
    assert ("wounded", "people", 14.0) in {(f["metric"], f["unit"], f["value"]) for f in found}


def test_shared_units_and_quoted_wholes():
    found = facts("Russia seized 430 and 515 square kilometres (in the two months).")
    assert {(f["metric"], f["value"]) for f in found} == {
        ("territory_seized", 430.0), ("territory_seized", 515.0)}
    assert triples("The air force said it had shot down 25 “out of dozens” drones.") >= {
        ("intercepted", "drones", 25.0)}


def test_more_ways_to_say_launched_and_shot_down():
    assert triples("The air force managed to down seven of the drones.") == {
        ("intercepted", "drones", 7.0)}
    assert triples("The governor reported four drones attacking Nikopol.") == {
        ("launched", "drones", 4.0)}
    assert triples("Eight loitering munitions were shot down over Odesa.") == {
        ("intercepted", "drones", 8.0)}


def test_others_counts_what_came_before():
    assert triples("The strike destroyed one house and damaged three others.") == {
        ("damaged", "homes", 1.0), ("damaged", "homes", 3.0)}


def test_no_count_for_a_passer_by_or_water():
    assert triples("A man walks past during a power outage in Kyiv.") == set()
    assert triples("In Odesa, 9,000 households were left without heating and 30,000 without "
                   "water.") == {("without_heating", "homes", 9000.0)}
    assert triples("Russia launched a combined drone and missile attack on Kyiv.") == set()


def test_one_before_a_compound_adjective_is_one():
    assert triples("In Odesa, one two-story building was destroyed.") == {
        ("damaged", "buildings", 1.0)}


def test_a_new_subject_after_and_takes_its_own_verb():
    assert triples("Some 1,200 buildings lost heating and an estimated 90,000 homes in the "
                   "region had no electricity.") == {
        ("without_heating", "buildings", 1200.0), ("without_power", "homes", 90000.0)}


def test_kyiv_as_the_state_and_totals_from_the_start_of_the_war():
    [fact] = facts("From the start of the war on February 24, 2022 up to May 1, 2025 Russia had "
                   "taken 110,000 square kilometres of Kyiv's land.", date="2025-05-02")
    assert (fact["location"], fact["period"]) == ("Ukraine", None)
    found = facts("Kyiv's forces said 14 drones were shot down over Chernihiv.")
    assert {f["location"] for f in found} == {"Chernihiv"}


def test_where_weapons_came_from_is_not_where_they_struck():
    fact = one("Overnight Russia launched 45 drones from several locations in Russia and "
               "occupied Crimea, the air force said.")
    assert (fact["metric"], fact["location"]) == ("launched", "Ukraine")


@pytest.mark.parametrize("date, phrase, period", [
    ("2026-02-01", "in the night of Saturday to Sunday", "2026-02-01"),
    ("2026-02-02", "in the night of Saturday to Sunday", "2026-02-01"),
    ("2026-02-02", "overnight into Monday", "2026-02-02"),
])
def test_a_night_from_one_day_to_the_next_is_the_morning_it_ends(date, phrase, period):
    assert one(f"Russia launched 50 drones at Ukraine {phrase}.", date=date)["period"] == period


def test_bare_counts_ending_in_respectively_take_the_listed_kinds_in_order():
    assert triples("Russia launched 120 drones and 14 missiles overnight, and air defences "
                   "downed 101 and 9 of them respectively, the air force said.") == {
        ("launched", "drones", 120), ("launched", "missiles", 14),
        ("intercepted", "drones", 101), ("intercepted", "missiles", 9)}


@pytest.mark.parametrize("window, period", [
    ("From 6:00 p.m. (local time) on February 2", "2026-02-03"),
    ("Since 18:00 on Monday", "2026-02-03"),
    ("From 8:00 a.m. on February 2", "2026-02-02"),
])
def test_a_window_opening_in_the_evening_dates_its_figures_the_morning_after(window, period):
    assert one(f"{window}, Russia launched 80 drones at Ukraine, the air force said.")["period"] == period


def test_a_count_before_may_the_verb_is_no_date():
    found = facts("18 cruise missiles were shot down overnight, 12 may have reached their targets.",
                  date="2022-10-22")
    assert found and {f["period"] for f in found} == {"2022-10-22"}


def test_a_place_struck_after_where_weapons_came_from_is_kept():
    fact = one("Drones launched from Russia hit Odesa overnight, wounding three people.")
    assert (fact["metric"], fact["location"]) == ("wounded", "Odesa")


def test_an_evening_window_never_dates_a_figure_after_the_article():
    # published on a Saturday: "since 18:00 on Saturday" cannot mean Sunday
    assert one("Since 18:00 on Saturday, Russia launched 80 drones at Ukraine.",
               date="2026-01-31")["period"] == "2026-01-31"


def test_a_place_listed_as_part_of_the_country_leaves_the_figure_national():
    found = facts("Russia sent 310 drones against targets across the country, including the "
                  "capital, Kyiv, the air force said.")
    assert [(f["value"], f["location"]) for f in found] == [(310.0, "Ukraine")]


def test_every_place_of_a_list_of_launch_sites_is_where_weapons_came_from():
    found = facts("The military said six Kalibr missiles were fired from Bryansk, Kursk, "
                  "Rostov and Crimea. It also fired two Kh-59 missiles from the airspace of the "
                  "occupied part of the Zaporizhzhia region.")
    assert {(f["value"], f["location"]) for f in found} == {(6.0, "Ukraine"), (2.0, "Ukraine")}


def test_figures_russia_gives_for_its_regions_carry_the_russian_place():
    found = facts("In Russia, the defence ministry said its air defences shot down 64 "
                  "Ukrainian drones overnight, including 11 over the Moscow region.")
    assert [(f["value"], f["location"]) for f in found] == [(64.0, "Russia"), (11.0, "Moscow")]
    joined = one("Russian air defence units downed 23 drones over the Bryansk and Kursk regions.")
    assert joined["location"] == "Russia"
    # the attacker is no place: the figure stays Ukraine's
    assert one("Russia launched 75 drones overnight.")["location"] == "Ukraine"
    assert one("Moscow said it had downed 12 drones in Russia's Belgorod region.")["location"] \
        == "Belgorod"


def test_an_interception_without_a_place_follows_the_launch_it_answers():
    found = facts("Russian forces fired three ballistic missiles at Odesa before dawn. "
                  "Air defence units destroyed two ballistic missiles, the air force said.")
    assert [(f["metric"], f["value"], f["location"]) for f in found] == [
        ("launched", 3.0, "Odesa"), ("intercepted", 2.0, "Odesa")]
    # more than were launched at the city: a national count, as the text gives no place
    found = facts("Russian forces fired three ballistic missiles at Odesa before dawn. "
                  "Air defence units destroyed 40 missiles across the night.")
    assert [f["location"] for f in found] == ["Odesa", "Ukraine"]


def test_ukraines_drones_shot_down_are_russias_air_defence_over_russia():
    found = facts("The Russian defence ministry said it had intercepted 48 Ukrainian drones "
                  "across seven regions overnight.")
    assert [(f["metric"], f["value"], f["location"]) for f in found] == [
        ("intercepted", 48.0, "Russia")]


def test_a_paragraph_attribution_covers_its_figures():
    found = facts('"The enemy hit a school and killed four people. Another 11 were wounded," '
                  'regional governor Oleh Kiper said on Telegram.')
    assert {(f["value"], f["source"]) for f in found} == {(4.0, "Oleh Kiper"), (11.0, "Oleh Kiper")}
    found = facts("Russia launched 30 drones at the city, the air force said. Air defence "
                  "units shot down 22 of them.\n\nFour people were killed.")
    assert [(f["value"], f["source"]) for f in found] == [
        (30.0, "air force"), (22.0, "air force"), (4.0, None)]


def test_a_clause_before_said_is_no_source():
    assert one("Russia launched 40 drones overnight. No casualties were reported.")[
        "source"] is None
    assert one("They said 14 people were wounded in Sumy.")["source"] is None


def test_a_headline_takes_the_source_of_the_figure_it_repeats():
    found = facts("Russia launched 77 drones at Ukraine overnight, the air force said.",
                  headline="Russia launches 77 drones")
    assert [f["source"] for f in found] == ["air force", "air force"]


def test_territory_figures_rest_on_the_analysts_data():
    found = facts("Russian forces seized 412 square kilometres in May, according to an AFP "
                  "analysis. The analysis is based on data from the Institute for the Study of "
                  "War.\n\nUkraine's commander said his troops had retaken 16 square kilometres.")
    assert [(f["value"], f["source"]) for f in found][:1] == [
        (412.0, "Institute for the Study of War")]


def test_weapons_recorded_or_spotted_were_launched_and_those_that_got_through_no_count():
    assert one("At least 41 Russian drones were recorded in the city's airspace.")[
        "metric"] == "launched"
    assert one("Overnight, 60 enemy drones were spotted over Ukraine.")["metric"] == "launched"
    found = facts("Air defence shot down 30 missiles, while nine missiles reached their targets.")
    assert [(f["metric"], f["value"]) for f in found] == [("intercepted", 30.0)]


def test_a_part_of_a_bounded_whole():
    assert triples("The air force shot down 12 of more than 20 cruise missiles.") == {
        ("intercepted", "missiles", 12.0), ("launched", "missiles", 20.0)}


def test_the_countrys_defence_forces_are_no_place():
    found = facts("Russia hit the capital with two ballistic missiles. Ukraine's defence forces "
                  "destroyed two ballistic missiles, the commander said.")
    assert [(f["metric"], f["location"]) for f in found] == [("launched", "Kyiv"),
                                                             ("intercepted", "Kyiv")]


def test_a_headline_takes_the_place_of_the_figure_it_repeats():
    found = facts("Air defences shot down 39 drones over Kyiv overnight.",
                  headline="Ukraine says it shot down 39 drones")
    assert [f["location"] for f in found] == ["Kyiv", "Kyiv"]


def test_weapons_that_hit_a_target_struck_where_the_story_is():
    found = facts("A Russian strike on Vinnytsia killed 21 people on Thursday.\n\nAccording to "
                  "the authorities, three Russian missiles hit an office building.")
    assert [(f["metric"], f["value"], f["location"]) for f in found] == [
        ("killed", 21.0, "Vinnytsia"), ("launched", 3.0, "Vinnytsia")]


def test_a_part_counts_what_its_whole_counted_and_has_its_own_verb():
    found = facts("Air defences shot down 37 drones and three missiles, 28 of which were headed "
                  "towards Kyiv.")
    assert ("intercepted", "drones", 28.0) in {(f["metric"], f["unit"], f["value"]) for f in found}
    found = facts("The Russians used 12 Kh-22 missiles, nine of which were intercepted.")
    assert [(f["metric"], f["value"]) for f in found] == [("launched", 12.0), ("intercepted", 9.0)]


def test_the_counts_of_one_list_share_its_place():
    found = facts("Russia carried out its largest barrage on Ukraine, sending 530 drones and "
                  "around a dozen missiles on Kyiv.")
    assert [(f["value"], f["location"]) for f in found] == [(530.0, "Kyiv"), (12.0, "Kyiv")]


def test_a_run_of_days_within_a_month_is_the_month():
    found = facts("During the week of September 4-10, Russia launched a total of 1,811 drones.")
    assert [f["period"] for f in found] == ["2025-09"]


def test_a_whole_whose_part_was_shot_down_was_launched():
    found = facts("The air force reported a total of 31 drones, 23 of which were shot down.")
    assert [(f["metric"], f["value"]) for f in found] == [("launched", 31.0), ("intercepted", 23.0)]


def test_russias_claims_of_drones_downed_over_its_regions():
    found = facts("Russia's defence ministry reported downing 37 Ukrainian drones overnight. "
                  "Fifteen were destroyed over the southern Volgograd region. Another Ukrainian "
                  "drone was shot down over the Belgorod region.")
    assert [(f["metric"], f["value"], f["location"]) for f in found] == [
        ("intercepted", 37.0, "Russia"), ("intercepted", 15.0, "Volgograd"),
        ("intercepted", 1.0, "Belgorod")]
    # a bare count that is no weapon's: the fires the attack caused
    assert triples("Russia launched 20 drones. Three fires were put out.") == {
        ("launched", "drones", 20.0)}


def test_a_weapon_described_by_where_it_came_from_then_shot_down():
    fact = one("Six attack drones, launched from Russian territory, were also shot down.")
    assert (fact["metric"], fact["value"]) == ("intercepted", 6.0)


@pytest.mark.parametrize("sentence, place", [
    ("Russia attacked the Kharkiv and Zaporizhzhia regions with up to 35 missiles.", None),
    ("The air force said it shot down 23 Shahed drones, mostly over Odesa and Kyiv.", "Ukraine"),
    ("Air defence destroyed 33 Shaheds over the Kirovohrad, Odesa, Kherson and Kharkiv "
     "regions.", "Ukraine"),
    ("Russian air defence downed 23 drones over the Bryansk and Kursk regions.", "Russia"),
])
def test_a_count_over_several_places(sentence, place):
    assert one(sentence)["location"] == place


def test_models_joined_by_a_slash_are_one_phrase():
    assert triples("Russia launched one Kinzhal missile, six Iskander-M/KN-23 ballistic missiles "
                   "and four Iskander-K cruise missiles, and fired up to 40 Kh-101/Kh-555 "
                   "cruise missiles.") == {("launched", "missiles", 1.0),
                                           ("launched", "missiles", 6.0),
                                           ("launched", "missiles", 4.0),
                                           ("launched", "missiles", 40.0)}


def test_the_lead_names_the_day_by_a_weekday_not_by_an_earlier_date():
    found = facts("Sixteen drones were used to attack Ukraine, all of which were repelled.\n\n"
                  "Russia attacked Ukraine with drones overnight on Friday, officials said.")
    assert {f["period"] for f in found} == {"2026-01-30"}
    found = facts("A boy has died in hospital.\n\nHe was injured on 11 January in a drone attack.")
    assert [f["period"] for f in found] == ["2026-02-03"]


def test_a_launch_report_line_without_a_verb():
    assert triples("A total of 35 attack drones.") == {("launched", "drones", 35.0)}
    assert triples("A total of 12 people.") == set()


def test_an_aside_between_a_weapon_and_its_verb():
    fact = one("Another unidentified attack drone, launched from Russian territory to the north, "
               "was also shot down.")
    assert (fact["metric"], fact["value"]) == ("intercepted", 1.0)
    assert triples("Zaluzhnyi said 29 Shahed drones and one reconnaissance unmanned aerial "
                   "vehicle were shot down.") == {("intercepted", "drones", 29.0),
                                                  ("intercepted", "drones", 1.0)}


def test_a_place_and_other_areas_of_one_part_of_the_country():
    assert one("Six missiles were shot down in the Odesa region and other areas in the south.")[
        "location"] == "Odesa"
    assert one("Russia launched 90 drones at the Kyiv region and other regions of the country.")[
        "location"] == "Ukraine"


def test_weapons_that_made_it_past_air_defence_struck_where_the_story_is():
    found = facts("A Russian attack hit the port of Odesa overnight.\n\nThe air force said two "
                  "Oniks cruise missiles made it past air defences.")
    assert [(f["metric"], f["value"], f["location"]) for f in found] == [
        ("launched", 2.0, "Odesa")]


def test_it_said_names_the_institution_the_sentence_opens_with():
    fact = one("KYIV >> Ukraine's air defense shot down 15 attack drones that Russia launched "
               "overnight, it said on Tuesday.")
    assert fact["source"] == "Ukraine's air defense"


def test_a_statement_says_what_its_author_says():
    found = facts("The Ukrainian air force said Russia launched 352 drones. Air defenses "
                  "intercepted 339 drones before they could reach their targets, a statement said.")
    assert [f["source"] for f in found] == ["Ukrainian air force", "Ukrainian air force"]


def test_the_official_is_the_person_last_named_for_a_figure():
    found = facts("Regional governor Oleh Synehubov said 23 people were wounded in Kharkiv. "
                  "According to the official, 4,000 homes were left without power. "
                  "The official also said two children were among the 23.")
    assert {f["source"] for f in found} == {"Oleh Synehubov"}
    found = facts("The company said 4,000 homes were left without power. Kyiv's military "
                  "administration said 12 people were wounded.")
    assert [f["source"] for f in found] == ["company", "Kyiv's military administration"]


def test_a_sentence_that_attributes_the_report_covers_the_figures_around_it():
    found = facts("In the Sumy region 4,200 homes lost power after the strikes. The outlet "
                  "reports this with reference to the regional administration.\n\nSumy region"
                  "\n\nIn total, 1,300 consumers remain without electricity.\n\nAccording "
                  "to the governor, the situation is difficult.\n\nSix people were wounded.")
    assert [(f["value"], f["source"]) for f in found] == [
        (4200.0, "regional administration"), (1300.0, "regional administration"), (6.0, None)]
    found = facts("Kharkiv's mayor Ihor Terekhov announced this in the morning.\n\n"
                  "Three people were wounded.\n\nAs a reminder, on Monday 30 drones hit the city.")
    assert [(f["value"], f["source"]) for f in found] == [(3.0, "Ihor Terekhov"), (30.0, None)]


def test_a_headline_takes_the_attribution_of_the_body():
    found = facts("Ukraine shot down 24 of 28 Shahed drones overnight, officials said.",
                  headline="Ukraine says it shot down 24 drones")
    assert {f["source"] for f in found if f["value"] == 24} == {"officials"}


def test_a_night_over_two_dates_is_the_morning_it_ends():
    fact = one("Russia launched 40 drones on the night of January 3-4, the air force said.",
               date="2026-01-04")
    assert fact["period"] == "2026-01-04"


def test_it_said_after_a_capitalised_institution_and_no_source_inside_a_word():
    assert one("Ukraine's Air Force shot down 30 drones, it said.")["source"] == "Ukraine's Air Force"
    assert one("It was an exciting find for Kharkiv: 12 drones were shot down.")["source"] is None


def test_a_named_region_does_not_point_back():
    found = facts("Air defence shot down 35 drones overnight, including four over the Kyiv region.")
    assert [(f["value"], f["location"]) for f in found] == [(35.0, "Ukraine"), (4.0, "Kyiv")]
    assert one("A strike hit Kharkiv.\n\nThree people were killed in the city.")["location"] == \
        "Kharkiv"


def test_weapons_that_arrived_were_launched():
    fact = one("The governor reported that almost a dozen missiles had arrived.")
    assert (fact["metric"], fact["value"], fact["qualifier"]) == ("launched", 12.0, "approx")
    assert one("Rescuers arrived as three people were killed in Kharkiv.")["metric"] == "killed"


@pytest.mark.parametrize("body, place", [
    ("Two people were killed in the village of Mykhailiyivka in the Sumy region.", "Mykhailiivka"),
    ("Four people were wounded in the Dobropillya community.", "Dobropillia"),
    ("A guided bomb hit Chuguiv, wounding three people.", "Chuhuiv"),
])
def test_places_take_the_official_romanisation(body, place):
    assert {f["location"] for f in facts(body) if f["metric"] == "wounded" or
            f["metric"] == "killed"} == {place}


def test_the_country_naming_an_institution_is_no_place():
    found = facts("A missile hit a school in the village of Kamianka, where 14 people were "
                  "wounded, the State Emergency Service of Ukraine said.")
    assert {(f["metric"], f["location"]) for f in found} == {
        ("launched", "Kamianka"), ("wounded", "Kamianka")}


def test_where_the_speaker_sits_is_the_place_only_when_none_other_is_named():
    fact = one("After a drone strike on the town of Pryluky, 6 people were wounded, the "
               "police in the Chernihiv region reported.")
    assert fact["location"] == "Pryluky"
    assert one("Six people were wounded, officials in Kharkiv said.")["location"] == "Kharkiv"


def test_casualties_of_russian_strikes_are_not_placed_in_russia():
    found = facts("Ukrainian drones set an oil depot in Belgorod on fire. Russian missile strikes "
                  "killed at least six people in the afternoon. Two people were wounded, the "
                  "governor said.")
    assert [(f["value"], f["location"]) for f in found] == [(6.0, "Ukraine"), (2.0, "Belgorod")]


def test_ground_taken_on_a_front_is_the_front_towns():
    found = facts("In the Kupiansk direction, Russian forces advanced 9 square kilometres in "
                  "May. Towards Dobropillya, they took 4 square kilometres.", date="2025-06-02")
    assert [(f["value"], f["location"]) for f in found] == [(9.0, "Kupiansk"), (4.0, "Dobropillia")]


def test_parts_listed_together_share_their_verb():
    assert triples("Air defence destroyed 11 of 16 drones and 4 of the 7 missiles.") == {
        ("intercepted", "drones", 11.0), ("launched", "drones", 16.0),
        ("intercepted", "missiles", 4.0), ("launched", "missiles", 7.0)}
    assert triples("Air defences shot down 410 of the 420 drones, as well as five of nine "
                   "missiles launched.") == {
        ("intercepted", "drones", 410.0), ("launched", "drones", 420.0),
        ("intercepted", "missiles", 5.0), ("launched", "missiles", 9.0)}


def test_of_which_with_a_subject_of_its_own_takes_its_verb():
    assert triples("Russia sent 22 drones towards Odesa overnight, 19 of which the navy shot "
                   "down.") == {("launched", "drones", 22.0), ("intercepted", "drones", 19.0)}
    assert triples("Four drones used in the raid were destroyed, the governor said.") == {
        ("intercepted", "drones", 4.0)}


def test_a_number_after_a_weapons_name_is_its_model():
    assert triples("Air defence downed 31 Shahed 131 and 136 drones.") == {
        ("intercepted", "drones", 31.0)}
    assert triples("Russia launched 40 Shahed 136 and 12 Gerbera drones.") == {
        ("launched", "drones", 40.0), ("launched", "drones", 12.0)}


def test_a_quoted_model_name_is_part_of_the_phrase():
    assert triples("Overnight Russia struck with three “Kh-101” cruise missiles, an Iskander-M "
                   "ballistic missile and 52 Shahed attack UAVs.") == {
        ("launched", "missiles", 3.0), ("launched", "missiles", 1.0),
        ("launched", "drones", 52.0)}


def test_an_analyst_described_is_the_analyst_named():
    fact = one("DeepState, a Ukrainian group of military analysts, has estimated that Russian "
               "forces occupied 212 sq km of Ukrainian territory in May.", date="2025-06-01")
    assert fact["source"] == "DeepState"
    fact = one("After detailed calculations, the DeepState project concluded that Russia "
               "seized 3,100 square kilometres over the year.", date="2025-01-01")
    assert fact["source"] == "DeepState"


def test_a_military_that_detailed_the_attack_is_its_source():
    found = facts("Ukraine’s military detailed a wave of attacks that included 31 drones and "
                  "12 cruise missiles.")
    assert {f["source"] for f in found} == {"Ukraine’s military"}


def test_a_national_source_without_a_place_gives_the_countrys_figure():
    found = facts("Drones hit Kharkiv overnight. Ukrainian authorities said at least nine "
                  "people were killed. Three people were wounded, the mayor said.")
    assert [(f["value"], f["location"]) for f in found] == [(9.0, "Ukraine"), (3.0, "Kharkiv")]


def test_the_war_in_ukraine_is_no_place_of_a_figure():
    found = facts("Drones hit Odesa. Two of 12 Kalibr missiles made it past air defences on "
                  "the day the war in Ukraine entered its fourth year.")
    assert [(f["metric"], f["value"], f["location"]) for f in found] == [
        ("launched", 12.0, "Odesa")]


def test_he_is_the_person_named_not_a_river_or_a_title():
    found = facts("Kyiv Mayor Vitali Klitschko spoke by the Dnipro River. About 700 buildings "
                  "remained without heating, he said.")
    assert [f["source"] for f in found] == ["Vitali Klitschko"]
    found = facts("Deputy Chief of Staff Kyrylo Tymoshenko visited the site. Four people were "
                  "killed, he said.")
    assert [f["source"] for f in found] == ["Kyrylo Tymoshenko"]


def test_a_headline_names_its_source_after_its_claim():
    found = facts("Officials said 14 people were killed in the strike on Saturday.",
                  headline="Death toll in Zaporizhzhia rises to 14 - regional governor")
    assert [(f["value"], f["source"]) for f in found] == [(14.0, "regional governor"),
                                                         (14.0, "Officials")]
    found = facts("Drones hit the city.", headline="Kyiv attack: 12 wounded, live updates")
    assert [f["source"] for f in found] == [None]


def test_a_source_line_covers_the_report():
    found = facts("Russia attacked Ukraine with 88 drones overnight. Air defence destroyed 61."
                  "\n\nSource: Ukraine's Air Force on Telegram\n\nA further 20 decoy drones "
                  "were lost from radar.")
    assert {f["source"] for f in found} == {"Ukraine's Air Force"}


def test_an_outlet_reporting_an_institution_is_not_the_source():
    assert one("The Defence Ministry said that air defence shot down 17 drones, according to "
               "Reuters.")["source"] == "Defence Ministry"
    assert one("Ukraine's air force destroyed 44 drones overnight, Ukrinform reports."
               )["source"] == "Ukraine's air force"
    assert one("In Sumy, 11 people were injured, Ukrinform reports.")["source"] == "Ukrinform"
    assert one("Russian strikes cut power in Kharkiv, killing two people, its mayor said."
               )["source"] == "its mayor"


def test_a_toll_broken_down_by_place_is_the_sum_of_its_places():
    found = facts("Drones hit Odesa. Officials have reported 9 dead so far — four people were "
                  "killed in the Sumy region, three in Kharkiv and two in the city of Poltava.")
    first = found[0]
    assert (first["value"], first["location"], first["period"]) == (9.0, "Ukraine", "2026-02-03")
    [fact] = facts("Russia struck Ukrainian cities overnight: at least 7 people were killed.")
    assert fact["location"] == "Ukraine"


def test_areas_glued_to_their_unit_and_converted_in_brackets_keep_their_months():
    found = facts("Russia seized 164sq km (63sq miles) of Ukrainian land in April, against "
                  "211sq km (81sq miles) in March and 305sq km (118sq miles) in February.",
                  date="2025-05-02")
    assert [(f["value"], f["period"]) for f in found] == [
        (164.0, "2025-04"), (211.0, "2025-03"), (305.0, "2025-02")]


@pytest.mark.parametrize("words", ["over the past day", "in the past day", "the previous night"])
def test_the_past_day_is_the_day_before(words):
    fact = one(f"Russian attacks killed at least 9 civilians {words}, officials said.",
               date="2025-03-10")
    assert fact["period"] == "2025-03-09"


def test_a_launch_list_after_an_aside_and_alternative_model_names():
    assert triples("Russia launched 410 drones overnight, including Gerbera decoys, as well as "
                   "27 missiles, among them six Iskander-M or North Korean KN-23 ballistic "
                   "missiles and 21 Kh-101 cruise missiles.") == {
        ("launched", "drones", 410.0), ("launched", "missiles", 27.0),
        ("launched", "missiles", 6.0), ("launched", "missiles", 21.0)}


def test_ground_taken_near_a_town_after_a_conversion_is_the_towns():
    found = facts("Russian forces advanced 21 square kilometers (8 square miles) near "
                  "Kupiansk last week.", date="2024-11-26")
    assert [(f["value"], f["location"]) for f in found] == [(21.0, "Kupiansk")]


def test_according_to_the_statement_is_its_author():
    found = facts("The air force said Russia launched 90 drones. Air defence downed 81 drones, "
                  "according to the statement.")
    assert [f["source"] for f in found] == ["air force", "air force"]


def test_a_list_of_model_names_before_its_head():
    assert triples("Air defence intercepted 61 Kh-101, Kalibr, and Kh-59/69 cruise missiles.") == {
        ("intercepted", "missiles", 61.0)}


def test_all_of_which_were_shot_down():
    assert triples("Russia fired six ballistic missiles at Kyiv before dawn, all of which were "
                   "shot down.") == {("launched", "missiles", 6.0), ("intercepted", "missiles", 6.0)}


def test_a_breakdown_after_a_colon_or_an_aside_says_its_noun_once():
    found = facts("Air defence destroyed nine Shahed drones overnight: six in the Kherson region "
                  "and three in the Mykolaiv region.")
    assert {(f["value"], f["location"]) for f in found} == {
        (9.0, "Ukraine"), (6.0, "Kherson"), (3.0, "Mykolaiv")}
    found = facts("Five drones were shot down over the Bryansk region, on the border with "
                  "Ukraine, and three in the Tula region, south of Moscow.")
    assert {(f["metric"], f["value"], f["location"]) for f in found} == {
        ("intercepted", 5.0, "Bryansk"), ("intercepted", 3.0, "Tula")}


def test_a_part_after_a_part_of_a_group_shares_its_verb():
    assert triples("Air defences downed 380 of the drones, as well as 11 of the 14 missiles "
                   "launched during the attack.") == {
        ("intercepted", "drones", 380.0), ("intercepted", "missiles", 11.0),
        ("launched", "missiles", 14.0)}


def test_russias_side_named_by_of_on_a_spread_or_a_comma_list():
    found = facts("Shelling of Belgorod on Sunday killed a man and injured 7 others, said Gov. "
                  "Vyacheslav Gladkov.")
    assert {f["location"] for f in found} == {"Belgorod"}
    assert one("Russia's defence ministry said it shot down 88 Ukrainian drones, mostly over "
               "occupied Crimea.")["location"] == "Russia"
    assert one("The ministry said it downed 9 Ukrainian drones over the Kursk, Belgorod and "
               "Bryansk regions.")["location"] == "Russia"
    found = facts("Two drones were downed over the Kaluga region, just south of Moscow, and "
                  "four in the Tula region, south of Moscow.")
    assert [f["location"] for f in found] == ["Kaluga", "Tula"]


def test_where_bombers_are_based_is_where_missiles_came_from():
    fact = one("He said 38 cruise missiles were fired from Tu-95 bombers based in the Caspian "
               "Sea region and the southern Russian region of Rostov.")
    assert fact["location"] == "Ukraine"


def test_relative_days_count_from_the_day_the_report_speaks_from():
    found = facts("A massive Russian air assault struck gas facilities, officials said on "
                  "Friday.\n\nRussia fired 35 missiles and 60 drones overnight, the company said.",
                  date="2025-10-04")
    assert {f["period"] for f in found} == {"2025-10-03"}
    fact = one("KYIV, Jan 12 (Reuters) - Crews restored heat to 400 buildings on Monday, but "
               "200 buildings remained without heat.", date="2026-01-13")
    assert fact["period"] == "2026-01-12"
    assert {f["period"] for f in facts("Russia fired 35 missiles overnight, officials said on "
                                       "Friday.", date="2025-10-10")} == {"2025-10-10"}


def test_missile_strikes_count_missiles():
    assert triples("Russian forces launched 9 missile strikes on Kharkiv.") == {
        ("launched", "missiles", 9.0)}


def test_one_person_named_after_a_casualty_verb():
    found = facts("A truck caught fire after the strike on Nikopol, killing the driver. Shelling "
                  "of the town killed a 15-year-old boy and injured his father.")
    assert [(f["metric"], f["value"]) for f in found] == [
        ("killed", 1.0), ("killed", 1.0), ("wounded", 1.0)]
    assert facts("The strike killed the mayor's hopes of a quiet winter.") == []


def test_ukraines_services_are_no_place():
    found = facts("A missile hit the centre of Sumy. There are 14 confirmed dead, Ukraine's "
                  "State Emergency Services reported.")
    assert [(f["metric"], f["location"]) for f in found] == [("launched", "Sumy"),
                                                            ("killed", "Sumy")]


def test_homes_disconnected_from_heating_are_without_heating():
    assert triples("A total of 512 homes have been disconnected from heating.") == {
        ("without_heating", "homes", 512.0)}


def test_ages_are_no_counts():
    assert triples("Doctors treated three injured men aged 58 and 61.") == {
        ("wounded", "people", 3.0)}


def test_a_national_roundup_of_the_past_24_hours():
    fact = one("Russian attacks killed 6 civilians over the past 24 hours.", date="2024-01-05")
    assert (fact["location"], fact["period"]) == ("Ukraine", "2024-01-04")


def test_a_headline_toll_over_the_past_day_dates_the_tolls_listed():
    found = facts("Russia launched 90 drones overnight, the air force said.\n\nIn Kherson Oblast, "
                  "two people were killed and 10 others wounded, the governor said.",
                  date="2025-06-05", headline="5 killed, 31 injured in Russian attacks over past day")
    assert {(f["metric"], f["period"]) for f in found if f["value"] in (90.0, 2.0, 10.0)} == {
        ("launched", "2025-06-05"), ("killed", "2025-06-04"), ("wounded", "2025-06-04")}


def test_settlements_known_by_their_form_and_a_clock_is_no_place():
    found = facts("Two residents were wounded in Illinivka, four more in Myrnohrad, and one "
                  "in Hrodivka.")
    assert [f["location"] for f in found] == ["Illinivka", "Myrnohrad", "Hrodivka"]
    found = facts("Drones hit Mykolaiv. As of 9:00 Kyiv time, 46,000 people were still without "
                  "heat.")
    assert [f["location"] for f in found] == ["Mykolaiv"]
    fact = one("Russia used three Kinzhals launched from two fighter jets in Russia's central "
               "Tula region.")
    assert fact["location"] == "Ukraine"


def test_a_part_of_a_bare_toll_and_a_part_of_a_places_things():
    found = facts("Russia struck Sumy on Friday, killing three people and wounding 14, including "
                  "a child, the governor said.")
    assert [(f["metric"], f["value"]) for f in found] == [
        ("killed", 3.0), ("wounded", 14.0), ("wounded", 1.0)]
    found = facts("Russia attacked seven of Ukraine's oblasts, killing at least two people. Air "
                  "defence shot down 30 of the country's drones.")
    assert [(f["metric"], f["value"]) for f in found] == [("killed", 2.0), ("intercepted", 30.0)]


def test_the_counts_of_an_attack_aimed_at_one_place_are_that_place_s():
    found = facts("Russia struck Dnipro with drones overnight. The air force said 14 of 20 drones "
                  "were downed.\n\nOn Friday the air force said Russia launched 50 drones.")
    assert [(f["metric"], f["value"], f["location"]) for f in found] == [
        ("intercepted", 14.0, "Dnipro"), ("launched", 20.0, "Dnipro"),
        ("launched", 50.0, "Ukraine")]
    listed = facts("Russia launched an attack on Kharkiv, the air force said:\n\n- six Iskander "
                   "missiles fired from the Belgorod region;\n- 12 Shahed drones launched from Kursk.")
    assert [(f["value"], f["location"]) for f in listed] == [(6.0, "Kharkiv"), (12.0, "Kharkiv")]
    assert [f["location"] for f in facts(
        "Russia fired four missiles from the Tu-95 bombers over the Caspian Sea in Russia's "
        "south, the air force said.")] == ["Ukraine"]


def test_a_breakdown_by_region_with_no_verb_is_a_part_of_the_count_before():
    found = facts("Russia's defence ministry said its air defences destroyed 120 drones overnight."
                  "\n\nThirty of the drones were over the Oryol region, where a depot burned. "
                  "Then 25 over the Tula region, and 12 over the neighbouring Kaluga region.")
    assert [(f["metric"], f["value"], f["location"], f["source"]) for f in found][1:] == [
        ("intercepted", 30.0, "Oryol", "Russia's defence ministry"),
        ("intercepted", 25.0, "Tula", "Russia's defence ministry"),
        ("intercepted", 12.0, "Kaluga", "Russia's defence ministry")]
    # with no count before, a bare count over a region is no fact
    assert facts("Thirty of the drones were over the Oryol region.") == []


def test_shot_down_out_of_a_number_launched():
    assert triples("Nine drones were shot down out of 14 launched, the air force said.") == {
        ("intercepted", "drones", 9.0), ("launched", "drones", 14.0)}


def test_launches_bombarded_with_and_buildings_cut_off_from_heat():
    assert one("Russia pounded the region with 44 Shahed drones.")["metric"] == "launched"
    found = one("Nearly 3,100 residential complexes were cut off from heat in Kharkiv.")
    assert (found["metric"], found["unit"], found["location"]) == (
        "without_heating", "buildings", "Kharkiv")


def test_a_one_word_source_in_apposition_and_a_source_line_naming_a_person():
    assert one("Russia captured 310 square kilometres in March, Agentstvo, an independent "
               "outlet that follows the front, said in a report.")["source"] == "Agentstvo"
    found = facts("A drone hit a house in Brovary, injuring two people.\n\nSource: Mykola "
                  "Kalashnyk, Head of Kyiv Oblast Military Administration, on Telegram")
    assert [f["source"] for f in found if f["metric"] == "wounded"] == ["Mykola Kalashnyk"]


def test_the_country_by_its_parts_and_a_toll_over_several_of_its_regions():
    found = facts("Russia struck Lviv on Monday. Air defences downed 22 drones in the north "
                  "and west of the country.")
    assert [(f["value"], f["location"]) for f in found] == [(22.0, "Ukraine")]
    toll = facts("Russian shelling of Ukraine's Sumy, Kharkiv and Kherson oblasts killed four "
                 "people, regional officials said.")
    assert [(f["value"], f["location"]) for f in toll] == [(4.0, "Ukraine")]


def test_a_bound_the_verb_denies():
    found = one("Temperatures in Kharkiv did not rise above minus 9 degrees.")
    assert (found["value"], found["qualifier"]) == (-9.0, "at_most")
    assert one("Temperatures in Kharkiv did not fall below minus 9 degrees.")["qualifier"] == "at_least"


def test_what_holds_now_is_the_report_s_day_but_ground_taken_is_the_month_s():
    found = facts("Russia struck Odesa on Sunday. About 40,000 homes in Odesa are currently "
                  "without power.", date="2026-02-03")
    assert [(f["metric"], f["period"]) for f in found] == [("without_power", "2026-02-03")]
    ground = facts("Russian forces seized 300 square kilometres in January, an AFP analysis "
                   "found. Their gains in the Sumy region are currently limited to 12 square "
                   "kilometres.", date="2026-02-01")
    assert [f["period"] for f in ground] == ["2026-01", "2026-01"]


def test_an_interception_count_takes_the_day_of_the_launch_it_answers():
    found = facts("Russian attacks killed three people over the past day, officials said.\n\n"
                  "Russia launched 120 drones overnight, the air force said. Air defences "
                  "destroyed 101 drones.", date="2026-02-03")
    assert [(f["metric"], f["period"]) for f in found] == [
        ("killed", "2026-02-02"), ("launched", "2026-02-03"), ("intercepted", "2026-02-03")]


def test_weapons_launched_at_one_place_are_its_counts():
    found = facts("Russia launched 30 drones overnight at Zaporizhzhia, officials said. Air "
                  "defences said 21 drones and two missiles were shot down.")
    assert [(f["value"], f["location"]) for f in found] == [
        (30.0, "Zaporizhzhia"), (21.0, "Zaporizhzhia"), (2.0, "Zaporizhzhia")]


def test_sources_behind_an_aside_a_clock_a_dash_or_as_confirmed_by():
    assert one("Ukraine's navy, meanwhile, said it shot down 14 drones over the sea.")[
        "source"] == "Ukraine's navy"
    assert one("As of 09:00 The regional police report that 3 people were injured.")[
        "source"] == "regional police"
    assert [f["source"] for f in facts(
        "Kherson recorded 11 injuries, including two boys — Governor Oleksandr Prokudin said."
    )] == ["Oleksandr Prokudin"] * 2
    assert one("The strike involved 14 cruise missiles, as confirmed by the Air Force.")[
        "source"] == "Air Force"
    assert one("Four people were wounded in Sumy, the officials clarified.")["source"] == "officials"


def test_since_the_start_of_the_report_s_month_is_that_month():
    found = facts("Russian forces have seized 410 square kilometres since the start of March, "
                  "more than in the whole of February, an analysis found.", date="2026-03-24")
    assert [f["period"] for f in found] == ["2026-03"]
    older = facts("Russian forces have seized 910 square kilometres since the start of "
                  "January, an analysis found.", date="2026-03-24")
    assert [f["period"] for f in older] == [None]


def test_a_round_up_of_the_past_day_leaves_the_night_s_counts_on_the_report_s_day():
    found = facts("Russian attacks killed four civilians over the past day, officials said."
                  "\n\nRussia launched 80 drones and 12 missiles, the air force said. Air "
                  "defences downed 70 drones and 10 missiles.\n\nIn Kherson, two people were "
                  "wounded.", date="2026-02-03")
    assert [(f["metric"], f["value"], f["period"]) for f in found] == [
        ("killed", 4.0, "2026-02-02"), ("launched", 80.0, "2026-02-03"),
        ("launched", 12.0, "2026-02-03"), ("intercepted", 70.0, "2026-02-03"),
        ("intercepted", 10.0, "2026-02-03"), ("wounded", 2.0, "2026-02-02")]


def test_a_launch_list_past_where_the_first_weapons_came_from():
    assert triples("Russia fired four missiles from launchers in the occupied part of the "
                   "Zaporizhzhia region, as well as a Kh-59 guided missile.") == {
        ("launched", "missiles", 4.0), ("launched", "missiles", 1.0)}


def test_drones_that_left_for_a_neighbour_are_lost():
    found = one("One Shahed drone flew back to Belarus, the air force said.")
    assert (found["metric"], found["value"]) == ("intercepted", 1.0)


def test_one_number_for_two_outages_is_two_facts():
    assert triples("Some 700 buildings in Kharkiv were left without heat and electricity.") == {
        ("without_heating", "buildings", 700.0), ("without_power", "buildings", 700.0)}


def test_the_lead_s_weekday_before_the_first_figure_dates_the_report():
    found = facts("Russian missiles struck Ukraine on Thursday, damaging power plants.\n\n"
                  "Air defences shot down 40 of 52 missiles, the air force said.",
                  date="2026-02-06")
    assert {f["period"] for f in found} == {"2026-02-05"}


def test_a_night_between_two_weekdays_is_the_morning_it_ends():
    assert one("Two people were killed in attacks between Monday and Tuesday.",
               date="2026-02-03")["period"] == "2026-02-03"


def test_sources_by_pronoun_by_a_long_trailing_name_and_by_a_counting_body():
    found = facts("Mykola Lukashuk, the regional council head, spoke on Monday.\n\n"
                  "According to him, 12 people were wounded.")
    assert [f["source"] for f in found] == ["Mykola Lukashuk"]
    assert one("Nine people were killed in Sumy, reported the Office of the Prosecutor "
               "General and the regional governor Oleh Hryhorov.")["source"] == "Oleh Hryhorov"
    assert one("Sumy Governor Oleh Hryhorov, said on Telegram that nine people were "
               "wounded.")["source"] == "Oleh Hryhorov"
    assert one("Overnight, the Air Force of the Armed Forces of Ukraine shot down 31 "
               "drones.")["source"] == "Air Force of the Armed Forces of Ukraine"
    said = facts("The attack began at dawn, the Ukrainian air force said. It said its "
                 "defences had shot down 30 of 41 missiles.")
    assert {f["source"] for f in said} == {"Ukrainian air force"}


def test_weapons_flying_somewhere_and_more_of_them_are_what_the_main_verb_says():
    assert triples("Two more Russian cruise missiles and three drones flying over Sumy were "
                   "destroyed.") == {("intercepted", "missiles", 2.0), ("intercepted", "drones", 3.0)}


def test_each_part_of_a_breakdown_keeps_its_own_region():
    found = facts("Russia's defence ministry said it destroyed 61 Ukrainian drones overnight, including "
                  "20 over Bryansk, 14 over Oryol, and others across the Tula and Kaluga regions.")
    assert [(f["value"], f["location"]) for f in found] == [
        (61.0, "Russia"), (20.0, "Bryansk"), (14.0, "Oryol")]


def test_a_defence_ministry_list_of_regions_each_with_its_noun():
    found = facts("Air defence systems destroyed 41 Ukrainian drones overnight: 17 UAVs over the "
                  "Bryansk Region, six UAVs each over the Tula and Kaluga Regions, and two UAVs "
                  "over the Rostov Region, the ministry said.")
    assert [(f["metric"], f["value"], f["location"]) for f in found] == [
        ("intercepted", 41.0, "Russia"), ("intercepted", 17.0, "Bryansk"),
        ("intercepted", 6.0, "Tula"), ("intercepted", 6.0, "Kaluga"),
        ("intercepted", 2.0, "Rostov-on-Don")]
    # one number for each region of a list is a fact for each, its later ones numbered
    ids = extract_article(parse_article("t.txt", (
        " date 2026-02-03 Drones\n\nAir defences destroyed five UAVs each over the Tula, Kaluga "
        "and Oryol Regions.\n").encode())).frame()["fact_id"].tolist()
    assert [i.split(":", 1)[1] for i in ids] == ["48:intercepted", "48:intercepted:2",
                                                   "48:intercepted:3"]


def test_places_in_their_russian_spelling_and_counts_against_several_areas():
    assert one("Russian shelling of Kharkov killed two people.")["location"] == "Kharkiv"
    assert one("A missile strike on Mykolayev killed nine people.")["location"] == "Mykolaiv"
    assert one("Russia launched 60 drones against at least five areas, including Odesa.")[
        "location"] == "Ukraine"


def test_a_launch_list_of_lines_each_weapon_without_a_verb():
    found = facts("The air force said Russia launched the following:\n- 3 Iskander-M ballistic "
                  "missiles (from occupied Crimea);\n- 6 Kalibr cruise missiles (from the Black "
                  "Sea);\n- 30 Shahed attack drones (from the Kursk region).")
    assert [(f["metric"], f["unit"], f["value"]) for f in found] == [
        ("launched", "missiles", 3.0), ("launched", "missiles", 6.0), ("launched", "drones", 30.0)]


def test_each_place_with_its_count_in_brackets():
    found = facts("Air defences destroyed drones over the Bryansk (five drones), Oryol (two "
                  "drones) and Tula (one drone) regions, the ministry said.")
    assert [(f["metric"], f["value"], f["location"]) for f in found] == [
        ("intercepted", 5.0, "Bryansk"), ("intercepted", 2.0, "Oryol"), ("intercepted", 1.0, "Tula")]


def test_no_source_from_an_adverb_a_date_or_reports_as_a_noun():
    assert one("Preliminary reports show that 12 drones hit the plant.")["source"] is None
    assert one("Terekhov later confirmed that nine people were injured.")["source"] == "Terekhov"
    found = facts("Ivan Fedorov spoke on Monday.\n\nOn January 10 the city mourned.\n\n"
                  "He reported that 13 people were killed.")
    assert [f["source"] for f in found] == ["Ivan Fedorov"]


def test_a_part_named_before_its_total_with_the_noun_between():
    assert triples("Nineteen missiles of 27 fired were shot down, the air force said.") == {
        ("intercepted", "missiles", 19.0), ("launched", "missiles", 27.0)}


def test_a_list_of_regions_after_a_dash_each():
    found = facts("Air defences destroyed 12 Ukrainian UAVs overnight:\n8 – over the territory "
                  "of Kursk region,\n4 – over the territory of Oryol region.")
    assert [(f["value"], f["location"]) for f in found] == [
        (12.0, "Russia"), (8.0, "Kursk"), (4.0, "Oryol")]


def test_a_count_with_its_own_verb_past_an_aside_and_one_listed_after_a_total():
    assert triples("Four people died and 13 people, including two children, were injured.") == {
        ("killed", "people", 4.0), ("wounded", "people", 13.0), ("wounded", "people", 2.0)}
    assert triples("Air defences shot down 30 out of 41 drones and one Kh-59 missile.") == {
        ("intercepted", "drones", 30.0), ("launched", "drones", 41.0),
        ("intercepted", "missiles", 1.0)}
    assert one("Over 40 drones targeting the capital had been intercepted.")["metric"] == "intercepted"


def test_a_speaker_after_a_quote_and_a_dash_and_a_name_after_an_acronym():
    assert one('"Nine people were killed," - reported the State Emergency Service.')[
        "source"] == "State Emergency Service"
    assert one("According to the head of the Sumy OVA Oleh Hryhorov, two people died.")[
        "source"] == "Oleh Hryhorov"


def test_a_line_naming_the_speaker_before_what_it_said():
    found = facts("Russia's Defence Ministry:\nAir defences destroyed 14 Ukrainian drones "
                  "overnight.")
    assert [f["source"] for f in found] == ["Russia's Defence Ministry"]
    assert one("Overnight:\nAir defences destroyed 14 drones.")["source"] is None


def test_the_capital_s_air_defences_are_the_country_s():
    assert one("Kyiv's air defences intercepted 406 drones, officials said.")["location"] == "Ukraine"


def test_no_count_from_a_clock_s_minutes_and_a_count_in_apposition_to_its_noun():
    assert [f["value"] for f in facts("At 14:35, shelling wounded two people in Sumy.")] == [2.0]
    found = one("A third of Kharkiv's residential buildings, about 2,100, are without heat.")
    assert (found["metric"], found["unit"], found["value"]) == ("without_heating", "buildings", 2100.0)


def test_a_breakdown_by_region_goes_on_past_a_count_with_its_own_noun():
    found = facts("The ministry said 30 drones were shot down over the Bryansk Region, 12 over "
                  "the Kursk Region, five drones over the Tula Region, two over the Oryol Region.")
    assert [(f["metric"], f["value"], f["location"]) for f in found] == [
        ("intercepted", 30.0, "Bryansk"), ("intercepted", 12.0, "Kursk"),
        ("intercepted", 5.0, "Tula"), ("intercepted", 2.0, "Oryol")]


def test_a_long_list_of_damaged_things_ends_with_its_verb():
    found = facts("In all, 4 high-rise buildings, 6 private houses, 2 schools, a market, shops "
                  "and a hotel were damaged in Sumy.")
    assert [(f["metric"], f["unit"], f["value"]) for f in found] == [
        ("damaged", "apartment_buildings", 4.0), ("damaged", "homes", 6.0),
        ("damaged", "buildings", 2.0)]


def test_seas_and_more_russian_regions_where_drones_were_downed():
    found = facts("The defence ministry said 11 drones (UAVs) were destroyed over the Sea of "
                  "Azov, four over the Black Sea, three over the Penza region and one over the "
                  "Ivanovo region.")
    assert [(f["value"], f["location"]) for f in found] == [
        (11.0, "Sea of Azov"), (4.0, "Black Sea"), (3.0, "Penza"), (1.0, "Ivanovo")]
    # a sea that only describes a city is no place of the figure
    assert one("A missile strike on the Black Sea port of Odesa killed four people.")[
        "location"] == "Odesa"


def test_the_capital_after_moscow_is_moscow():
    assert one("Moscow Mayor Sergei Sobyanin said 12 drones flying at the capital were "
               "destroyed.")["location"] == "Moscow"
    assert one("Air defences shot down 12 drones over the capital.")["location"] == "Kyiv"


def test_a_rate_is_no_count():
    assert facts("On average, Russia launched 5.5 Shaheds per day this year.") == []
    assert facts("Russia launched some 90 drones a night in May.") == []
    assert one("Russia launched 90 drones a day after the talks.")["value"] == 90.0
    assert one("Three people were killed in a day of strikes.")["value"] == 3.0


def test_a_week_is_its_month_when_it_lies_within_one():
    assert one("Russia took 120 square kilometres in the past week.", date="2024-11-26")[
        "period"] == "2024-11"
    assert one("Russia took 120 square kilometres in the past week.", date="2025-01-04")[
        "period"] is None
    assert one("Russia fired more than 40 missiles at Ukraine last week.", date="2026-01-14")[
        "period"] == "2026-01"


def test_spans_past_a_bracketed_conversion_and_the_report_s_month_so_far():
    found = facts("In May, Russia took 300 square kilometres. It has taken 1,000 square "
                  "kilometres (386 square miles) since the start of the year, above the 500 "
                  "square kilometres seized over the entirety of 2023.", date="2024-07-31")
    assert [(f["value"], f["period"]) for f in found] == [
        (300.0, "2024-05"), (1000.0, None), (500.0, None)]
    assert one("Since the beginning of this month, Russia has taken 400 sq km.",
               date="2024-10-28")["period"] == "2024-10"


def test_rockets_are_missiles_and_more_people_and_drone_models():
    assert (one("At least 40 rockets were fired at the city.")["metric"],
            one("At least 40 rockets were fired at the city.")["unit"]) == ("launched", "missiles")
    assert one("Two security guards were killed at a substation.")["metric"] == "killed"
    assert one("Five Shahed-136s were shot down over the south.")["unit"] == "drones"


def test_a_clock_with_a_leading_zero_and_a_fight_for_lives_are_no_counts():
    assert facts("Around 07.45 Russian missiles hit the city centre.") == []
    assert facts("Surgeons are fighting for the lives of three of the patients.") == []


def test_in_the_country_and_counted_russian_regions():
    assert one("Twelve power facilities in the country were damaged, the minister said.")[
        "location"] == "Ukraine"
    assert one("Four people were wounded in the country's eastern Kharkiv region.")[
        "location"] == "Kharkiv"
    assert one("The ministry said the territories of five Russian regions were attacked by "
               "31 drones.")["location"] == "Russia"


def test_a_count_of_one_kind_then_both_of_another_is_no_mixed_count():
    found = facts("Russia fired 40 drones and 3 missiles, and air defences destroyed 35 drones "
                  "and both missiles.")
    assert ("intercepted", "drones", 35.0) in {(f["metric"], f["unit"], f["value"]) for f in found}


def test_buildings_with_an_apartment_modifier_are_apartment_buildings():
    found = one("At least nine multi-storey residential buildings were damaged in Dnipro.")
    assert (found["unit"], found["value"]) == ("apartment_buildings", 9.0)
    assert one("Six residential buildings were damaged.")["unit"] == "buildings"


def test_a_dashed_breakdown_by_region_ends_with_and():
    found = facts("Air defences intercepted 20 UAVs: 12 UAVs over the Kursk Region, seven - over "
                  "the Tula Region and one over the Oryol Region, the ministry said.")
    assert [(f["value"], f["location"]) for f in found][1:] == [
        (12.0, "Kursk"), (7.0, "Tula"), (1.0, "Oryol")]


def test_an_attack_named_in_one_list_item_holds_for_that_item_only():
    found = facts("Background:\n- Earlier, the mayor said drones that attacked Lviv were downed."
                  "\n- The air force said 30 drones were destroyed overnight.")
    assert [(f["value"], f["location"]) for f in found] == [(30.0, "Ukraine")]
    listed = facts("Russia launched an attack on Odesa, the air force said:\n\n- 12 Shahed drones "
                   "launched from Kursk;\n- two Iskander missiles fired from Crimea.")
    assert [f["location"] for f in listed] == ["Odesa", "Odesa"]


def test_a_role_then_the_person_holding_it_is_the_person():
    assert one("Four people were hurt, according to the region's governor, Ivan Fedorov.")[
        "source"] == "Ivan Fedorov"
    assert one("Four people were hurt, according to the mayor.")["source"] == "mayor"


def test_a_day_still_to_come_in_the_lead_dates_no_figure():
    found = facts("Power cuts would last across the country until late Thursday.\n\n"
                  "Blackouts would also be introduced in all regions on Friday, the operator "
                  "added.\n\nIn Lviv, the governor said two energy facilities were hit.",
                  date="2025-10-30")
    assert [f["period"] for f in found] == ["2025-10-30"]


def test_a_run_of_months_is_a_span():
    assert one("From June to August, Russia took 1,300 square kilometres.", date="2024-09-02")[
        "period"] is None
    assert one("In August, Russia took 477 square kilometres.", date="2024-09-02")[
        "period"] == "2024-08"


def test_a_dateline_below_a_byline_names_no_place_or_day_of_a_figure():
    found = facts("By Staff Writer Published October 06, 2023 | 12:20 PM\n\nKyiv, (APP - "
                  "Agency News - 5th Oct, 2023) The air force said it downed 25 of 33 drones "
                  "launched overnight across the country.", date="2023-10-06")
    assert [(f["value"], f["location"], f["period"]) for f in found] == [
        (25.0, "Ukraine", "2023-10-06"), (33.0, "Ukraine", "2023-10-06")]


def test_drones_flying_at_a_russian_city_are_that_city_s():
    assert one("Today, 11 drones were shot down while approaching Moscow.")["location"] == "Moscow"
    assert one("Air defences destroyed three UAVs flying towards Kursk.")["location"] == "Kursk"


def test_where_weapons_came_from_named_in_brackets_is_no_place():
    assert one("The enemy launched 21 Shahed drones from Cape Chauda (Crimea), the post said.")[
        "location"] == "Ukraine"
    assert one("Russia launched 30 drones from the areas of Chauda (Crimea) and Kursk.")[
        "location"] == "Ukraine"


def test_a_headline_s_defences_down_weapons_shot_down():
    found = facts("Body.", headline="Air defences down 4 missiles, 31 drones fired by Russia")
    assert {(f["metric"], f["value"]) for f in found} == {("intercepted", 4.0), ("intercepted", 31.0)}


def test_a_policeman_is_one_person():
    found = facts("Fifteen civilians and a policeman were injured in Kurakhove.")
    assert [(f["metric"], f["value"]) for f in found] == [("wounded", 15.0), ("wounded", 1.0)]


def test_a_week_of_a_month_or_of_winter_and_a_season_as_a_span():
    found = facts("During the final week of winter, Russia launched over 1,200 drones. Over the "
                  "three-month winter period, it launched 600 missiles.", date="2026-03-01")
    assert [(f["value"], f["period"]) for f in found] == [(1200.0, "2026-02"), (600.0, None)]
    assert one("In the first week of February, Russia launched 500 drones.", date="2026-03-01")[
        "period"] == "2026-02"


def test_the_capital_of_a_story_about_moscow_is_moscow():
    found = facts("Russia's defence ministry said 40 drones were destroyed over its regions.\n\n"
                  "Mayor Sergei Sobyanin said 16 drones flying towards Moscow were downed. "
                  "Earlier, 12 drones heading for the capital were shot down.")
    assert [f["location"] for f in found][-1] == "Moscow"
    assert one("Twelve drones heading for the capital were shot down, officials in Kyiv said.")[
        "location"] == "Kyiv"


def test_another_count_opening_a_sentence_counts_the_kind_before():
    found = facts("The operator said 3,000 families were reconnected overnight. Another 21,000 "
                  "are still without electricity.")
    assert [(f["metric"], f["unit"], f["value"]) for f in found] == [
        ("without_power", "families", 21000.0)]


def test_one_settlement_where_something_happened_is_no_count_of_settlements_hit():
    assert facts("Russia launched missile strikes on one of the settlements of the district.") == []
    assert one("Civilian infrastructure was damaged in five settlements.")["value"] == 5.0


def test_a_person_word_before_vehicles_or_infrastructure_is_a_modifier():
    found = facts("The shelling killed one civilian and damaged two civilian cars and four houses.")
    assert [(f["metric"], f["value"]) for f in found] == [("killed", 1.0), ("damaged", 4.0)]


def test_an_age_in_apposition_severed_power_and_residences():
    assert [f["value"] for f in facts("A woman, 64, was wounded in the strike.")] != [64.0]
    found = one("The strike severed power for 120,000 residents.")
    assert (found["metric"], found["value"]) == ("without_power", 120000.0)
    assert one("Shelling damaged nine private residences.")["unit"] == "homes"


def test_who_launched_them_before_a_hyphen_is_no_launch_verb():
    found = one("The air force said 15 of the Russia-launched Shahed drones were shot down.")
    assert (found["metric"], found["value"]) == ("intercepted", 15.0)
    assert one("Russia fired 30 air-launched cruise missiles.")["metric"] == "launched"


def test_another_after_a_toll_and_before_a_casualty_verb_is_one_person():
    found = facts("One person was killed and another wounded in Kharkiv.")
    assert [(f["metric"], f["value"]) for f in found] == [("killed", 1.0), ("wounded", 1.0)]
    assert facts("Russia launched another attack on the city.") == []


def test_winter_as_an_adjective_is_no_span():
    assert one("Thousands of families were left without heat in the harshest winter frosts, "
               "he said.", date="2026-02-03")["period"] == "2026-02-03"


def test_a_breakdown_over_the_territory_of_regions_lists_on():
    found = facts("Air defences destroyed 64 drones overnight: 31 UAVs over the territory of the "
                  "Samara Region, 20 UAVs over the territory of the Penza Region, eight UAVs over "
                  "the waters of the Caspian Sea, four over the Republic of Adygea (a republic "
                  "formed in 1922 and kept by Russia), one over the Republic of Kalmykia.",
                  date="2026-03-09")
    assert [(f["value"], f["location"]) for f in found if f["value"] < 64] == [
        (31.0, "Samara"), (20.0, "Penza"), (8.0, "Caspian Sea"), (4.0, "Maykop"),
        (1.0, "Elista")]


def test_a_russian_region_named_as_one_is_a_place_but_not_in_a_governors_title():
    found = facts("Russia's defence ministry said it downed 90 drones. The worst hit were Tula "
                  "Oblast, where air defences downed 40 drones; Smolensk Oblast with 25 drones "
                  "destroyed; and Tver Oblast, which saw 9 drones shot down.")
    assert [(f["value"], f["location"]) for f in found[1:]] == [
        (40.0, "Tula"), (25.0, "Smolensk"), (9.0, "Tver")]
    assert one("Five private houses were damaged in Sochi, Krasnodar Region Governor Ivan "
               "Petrov said.")["location"] == "Sochi"


def test_a_place_of_its_own_is_the_figures_though_the_sentence_lists_others():
    found = facts("Moscow said it shot down 41 drones. Another 15 were shot down over Bryansk "
                  "Oblast, nine over the Black Sea, two each in Kaluga Oblast and Oryol Oblast.")
    assert [(f["value"], f["location"]) for f in found[1:]] == [
        (15.0, "Bryansk"), (9.0, "Black Sea"), (2.0, "Kaluga"), (2.0, "Oryol")]
    assert one("Air defences shot down 22 drones over the Belgorod and Kursk "
               "regions.")["location"] == "Russia"


def test_a_night_from_one_date_to_the_next_dates_the_figures_after_it():
    found = facts("The ministry said that in the night from May 3 to May 4 air defences "
                  "destroyed 48 drones. Another 20 were shot down over Kursk Oblast.",
                  date="2026-05-04")
    assert [f["period"] for f in found] == ["2026-05-04", "2026-05-04"]


def test_a_breakdown_by_place_of_a_national_count_takes_its_source():
    found = facts("Russian air defences destroyed 77 drones overnight, according to the "
                  "Russian Ministry of Defence.\n\nThirty drones were shot down over the "
                  "Bryansk region, 25 over the Black Sea and 22 over Crimea.")
    assert {f["source"] for f in found} == {"Russian Ministry of Defence"}
    found = facts("In Sumy Oblast, a strike killed three people, Governor Oleh Hryhorov said."
                  "\n\nIn Poltava Oblast, an attack killed one person, the police said.")
    assert [f["source"] for f in found] == ["Oleh Hryhorov", "police"]


def test_its_air_force_and_a_page_of_an_institution_are_sources():
    found = facts("Ukraine downed 30 of 35 drones overnight, its air force said.")
    assert {f["source"] for f in found} == {"its air force"}
    found = facts("Air defences shot down 61 drones, as reported on the Telegram channel of "
                  "the Air Force of Ukraine.")
    assert {f["source"] for f in found} == {"Air Force of Ukraine"}
    assert one("Three people were killed, their neighbours said.")["source"] is None


def test_a_part_of_a_toll_counted_by_its_noun_is_of_that_toll():
    found = facts("One man died and 12 were injured, including four teenagers, in the strike.")
    assert [(f["metric"], f["value"]) for f in found if f["value"] == 4.0] == [("wounded", 4.0)]


def test_fatal_injuries_are_deaths():
    assert one("An elderly woman received fatal injuries in the shelling.")["metric"] == "killed"
    assert one("Three men were fatally wounded.")["metric"] == "killed"


def test_a_list_goes_on_with_another_and_above():
    found = facts("Air defences downed all nine drones: six over Odesa Oblast, another two above "
                  "Mykolaiv Oblast, and one above Kherson Oblast.")
    assert [(f["value"], f["location"]) for f in found if f["value"] < 9] == [
        (6.0, "Odesa"), (2.0, "Mykolaiv"), (1.0, "Kherson")]
    assert one('Air defences neutralised 40 "shaheeds" overnight.')["unit"] == "drones"


def test_a_bare_count_shot_down_counts_the_weapons_before_it():
    found = facts("Russia attacked with 95 Shahed drones overnight. Air defence shot down 70.")
    assert [(f["metric"], f["unit"], f["value"]) for f in found] == [
        ("launched", "drones", 95.0), ("intercepted", "drones", 70.0)]
    found = facts("Russia attacked with 95 Shahed drones. It fired five missiles, of which air "
                  "defence shot down two.")
    assert ("intercepted", "drones", 2.0) not in {(f["metric"], f["unit"], f["value"]) for f in found}


def test_a_sentence_reporting_on_this_or_making_this_statement_names_the_source():
    found = facts("Shelling killed two people and wounded six in the city.\n\nThe head of the "
                  "Regional Military Administration Ivan Fedorov reported on this.")
    assert {f["source"] for f in found} == {"Ivan Fedorov"}
    found = facts("Three people were wounded in the attack.\n\nOleh Kiper, Head of Odesa Oblast "
                  "Military Administration, made this statement at a briefing.")
    assert {f["source"] for f in found} == {"Oleh Kiper"}


def test_an_outlet_crediting_a_report_is_not_its_source():
    found = facts("Russia launched 31 drones overnight, 27 of them were shot down, the Air Force "
                  "reported on Sunday, writes Ukrinform.")
    assert {f["source"] for f in found} == {"Air Force"}
    found = facts("A woman was wounded in the shelling.\n\nKharkiv regional governor Oleh "
                  "Syniehubov reported this on Telegram, according to UNN.")
    assert {f["source"] for f in found} == {"Oleh Syniehubov"}


def test_minus_degrees_are_a_temperature():
    found = one("Residents queued for water in a biting minus 14 degrees.")
    assert (found["metric"], found["unit"], found["value"]) == ("temperature", "degC", -14.0)
    assert facts("The road turns 90 degrees at the bridge.") == []


def test_a_count_listed_by_place_after_its_verb_is_its_lists():
    found = facts("By noon, 35,000 consumers in the Sumy region were without power, 12,000 in "
                  "the Poltava region and more than 9,000 in the Kharkiv region.")
    assert [(f["metric"], f["unit"], f["value"], f["location"]) for f in found] == [
        ("without_power", "subscribers", 35000.0, "Sumy"),
        ("without_power", "subscribers", 12000.0, "Poltava"),
        ("without_power", "subscribers", 9000.0, "Kharkiv")]


def test_a_number_of_strikes_counts_no_one():
    assert facts("After three overnight strikes, parts of the city were left without power.") == []


def test_preliminary_information_is_the_speakers():
    found = facts("Mayor Ihor Terekhov said the city was shelled. According to preliminary "
                  "information, three people were injured.")
    assert {f["source"] for f in found} == {"Ihor Terekhov"}


def test_an_age_alone_is_one_person():
    found = one("In Nikopol, a 64-year-old was wounded by shelling.")
    assert (found["metric"], found["value"], found["location"]) == ("wounded", 1.0, "Nikopol")
    assert facts("The plant is a 40-year-old building.") == []


def test_weapons_sent_to_strike_then_shot_down_were_shot_down():
    found = facts("Russia sent six drones to attack the city overnight, all of which were shot "
                  "down.")
    assert {(f["metric"], f["value"]) for f in found} == {("launched", 6.0), ("intercepted", 6.0)}


def test_a_breakdown_over_the_territory_of_regions_ends_with_and():
    found = facts("Air defences destroyed four drones over the territory of the Oryol Region, "
                  "nine drones over the territory of the Tula Region and two drones over the "
                  "territory of the Ryazan Region.")
    assert [(f["value"], f["location"]) for f in found] == [
        (4.0, "Oryol"), (9.0, "Tula"), (2.0, "Ryazan")]


def test_the_region_is_the_region_named_last():
    found = facts("Overnight the enemy again sent drones to the Poltava region.\n\nA drone hit a "
                  "house in Kremenchuk.\n\nAir defence managed to neutralize 14 enemy drones "
                  "over the region.")
    assert [(f["value"], f["location"]) for f in found if f["metric"] == "intercepted"] == [
        (14.0, "Poltava")]
    assert one("The strike injured a 70-year-old citizen.")["metric"] == "wounded"


def test_drones_taken_out_were_shot_down():
    found = one("The army said 14 drones had been taken out over the south.")
    assert (found["metric"], found["value"]) == ("intercepted", 14.0)


def test_rules_of_lists_and_breakdowns_keep_to_their_cases():
    # a count spread "mainly" over one place is still the country's
    assert {f["location"] for f in facts(
        "Russia launched 100 drones overnight, mainly at Kharkiv, while Odesa and Mykolaiv "
        "were also targeted, the air force said.")} == {"Ukraine"}
    # "the region" in a speaker's title, or casualties in it, do not reach back past the town
    found = facts("Russian drones killed two people in Kharkiv overnight, Mayor Ihor Terekhov "
                  "said.\n\nIn Nikopol, Russian shelling damaged a school. Four people were "
                  "injured, the head of the region said.")
    assert [f["location"] for f in found if f["metric"] == "wounded"] == ["Nikopol"]
    # a bare count shot down after a launch of two kinds counts neither
    found = facts("Overnight, Russia attacked Ukraine with 150 Shahed drones and four Iskander-M "
                  "ballistic missiles. Air defence neutralised 120, the air force said.")
    assert 120.0 not in {f["value"] for f in found}
    # a Russian count after a Ukrainian one, or a strike a week before, is no breakdown of it
    found = facts("Ukraine's air force said it shot down 120 of 150 drones overnight.\n\n"
                  "Overnight, 40 drones were also downed over Russia's Belgorod region.")
    assert [f["source"] for f in found if f["value"] == 40.0] == [None]
    found = facts("Russia launched 150 drones at Ukraine overnight, the air force said.\n\n"
                  "A week earlier, 90 drones hit Odesa in a single night.")
    assert [f["source"] for f in found if f["value"] == 90.0] == [None]
    # "reported on this strike" attributes nothing
    found = facts("Five people were killed in the attack on Kharkiv.\n\nThe Kremlin has not "
                  "reported on this strike, but Russian bloggers said it hit a military target.")
    assert [f["source"] for f in found] == [None]


def test_russian_regions_in_lower_case_are_places():
    found = facts("The russian defence ministry claims 61 drones were destroyed: 35 UAVs over "
                  "the territory of the bryansk region, 20 UAVs over the territory of the "
                  "kursk region, six UAVs over the territory of the oryol region.")
    assert [(f["value"], f["location"]) for f in found if f["value"] < 61] == [
        (35.0, "Bryansk"), (20.0, "Kursk"), (6.0, "Oryol")]
    assert one("Drones launched from the kursk region hit 3 houses in Sumy.")["location"] == "Sumy"
