"""Kinds of disagreement real news has (issue 21, "where sources differ, on real news"): an amount
spilled, the age of a story's gunman, a quake's magnitude from two agencies and its epicenter,
a building's storeys, tolls told as lives claimed or as a death toll in a named fire, injured
counts that fall.  Each is found on a story written for it, and a look-alike is not."""

from __future__ import annotations

from datetime import date

from summarizer.facts.figures import compare, sentence_figures
from tests.facts.figure_helpers import S, found as _found, values as _values


def _dated(*reports: tuple[str, date]) -> tuple[list, list[date]]:
    sentences = [S(i, text) for i, (text, _) in enumerate(reports)]
    return sentence_figures(sentences), [day for _, day in reports]


def _topics(*texts: str) -> list[str]:
    return [d.topic for d in _found(*texts)]


# An amount spilled -------------------------------------------------------------------------


def test_gallons_spilled_by_one_tanker_disagree():
    a = "The tanker Sea Swan spilled 10.1 million gallons of crude oil into the bay."
    b = "The tanker Sea Swan ran aground early Friday, spilling 11.3 million gallons of oil."
    assert _values(_found(a, b)) == [["10.1 million gallons", "11.3 million gallons"]]
    assert _topics(a, b) == ["oil spilled"]
    # with another tanker named in the input, the topic names the one it is about
    other = "The tanker Argo Star spilled 7.7 million gallons of oil."
    assert _topics(a, b, other) == ["oil spilled by the Sea Swan"]


def test_barrels_restated_in_gallons_are_one_figure_read_in_gallons():
    # 240,000 barrels are 10.08 million gallons: the sentence states one amount, not two
    a = "Some 240,000 barrels _ about 10,080,000 gallons _ of crude oil spilled when the tanker Sea Swan ran aground."
    b = "The spill of some 270,000 barrels _ or 11.3 million gallons _ occurred when the tanker Sea Swan hit the reef."
    assert _values(_found(a, b)) == [["about 10,080,000 gallons", "11.3 million gallons"]]
    assert _found(a, "The tanker spilled about 10 million gallons of crude oil.") == []


def test_a_cargo_a_rate_and_oil_recovered_are_not_amounts_spilled():
    spilled = "The tanker Sea Swan spilled 240,000 barrels of crude oil."
    assert _found(spilled, "The Sea Swan, carrying 1.2 million barrels of crude oil, ran aground and spilled.") == []
    assert _found(spilled, "Oil spilled from the tanker at 84,000 gallons an hour.") == []
    assert _found(spilled, "Crews have recovered 30,000 barrels of the spilled oil.") == []


def test_an_earlier_spill_of_another_tanker_stays_apart():
    a = "The tanker Sea Swan spilled 11 million gallons of oil."
    b = "The largest spill before it came when the tanker Argo Star spilled 7.7 million gallons of oil."
    assert _found(a, b) == []


# The age of a story's gunman ---------------------------------------------------------------


def test_the_gunmans_age_in_two_reports_disagrees():
    a = "The gunman, 34, opened fire in the crowded restaurant."
    b = "Police said a 35-year-old gunman opened fire in the restaurant."
    assert _values(_found(a, b)) == [["34", "35"]]
    assert _found(a, "Police said the 34-year-old gunman had no record.") == []


def test_a_gunmans_age_in_another_place_or_time_is_another_gunman():
    a = "The gunman, 34, killed four people in the Ostrava mall on Friday."
    assert _found(a, "Last year a 35-year-old gunman killed two people in a school in Brno.") == []
    assert _values(_found(a, "Police said the 35-year-old gunman opened fire in the Ostrava mall.")) == [["34", "35"]]


def test_ages_years_apart_are_different_people_and_a_man_is_no_role():
    a = "The gunman, 34, opened fire in the restaurant."
    assert _found(a, "The gunman, 19, and a second man, 22, were held.") == []
    assert _found("A man, 34, was wounded.", "A man, 36, was killed.") == []


# A quake's magnitude and epicenter ---------------------------------------------------------


def test_magnitudes_from_agencies_in_two_cities_are_one_quakes():
    a = "The quake measured 6.9 on the Richter scale, the Geological Survey in Golden, Colo., said."
    b = "The State Seismological Bureau in Beijing said the quake registered 7.1 on the Richter scale."
    assert _values(_found(a, b)) == [["6.9", "7.1"]]
    # quakes in two places named as where they struck stay apart
    assert _found("A quake in Tolsk measured 6.9 on the Richter scale.",
                  "A quake in Armenia measured 7.1 on the Richter scale.") == []


def test_a_magnitude_on_the_scale_is_no_toll():
    text = "On Nov. 6 an earthquake measuring 7.3 on the scale claimed 730 lives near Tolsk."
    figures = sentence_figures([S(0, text)])[0]
    assert sorted((f.key[0], f.value) for f in figures) == [("count", "730"), ("magnitude", "7.3")]


def test_the_epicenter_far_from_a_town_disagrees_but_not_where_it_was_felt():
    a = "The quake was centered 60 miles southeast of Tolsk, the survey said."
    b = "Its epicenter was 40 miles southeast of Tolsk, near the quake-hit town of Brel."
    assert _values(_found(a, b)) == [["60 miles", "40 miles"]]
    assert _found("The quake was felt 200 miles from Tolsk.", a) == []


# A building's storeys ----------------------------------------------------------------------


def test_storeys_of_one_building_named_two_ways_disagree():
    a = "A bomb exploded in the basement of the 29-storey Jijo Towers, killing 50 people."
    b = "The blast ripped through the 28-storey stock exchange building."
    assert _values(_found(a, b)) == [["29", "28"]]


def test_storeys_of_two_buildings_or_of_no_event_are_not_compared():
    assert _found("The quake toppled a 10-story hotel.", "A 12-story apartment building collapsed in the quake.") == []
    assert _found("Inside the eight-story building, employees worked.", "The nine-story building houses the club.") == []


def test_storeys_of_an_office_block_and_a_hotel_one_storey_apart_are_two_buildings():
    # a round-up of one fire: the office block it gutted and the hotel it spread to
    office = "Fire gutted a 30-storey office block in Lagos on Sunday."
    hotel = "The fire in Lagos on Sunday spread to a 31-storey hotel next door, witnesses said."
    assert _found(office, hotel) == []
    # one kind of building told with and without its kind still disagrees
    assert _values(_found(office, "The 31-storey building burned in the fire in Lagos on Sunday.")) == [["30", "31"]]


# Tolls told in other words -----------------------------------------------------------------


def test_lives_claimed_and_a_death_toll_in_a_named_fire_are_tolls():
    assert _values(_found("The hostel fire claimed 14 lives.", "Seventeen people died in the hostel fire.")) == [
        ["14", "seventeen"]]
    assert _values(_found("The death toll in the hostel fire rose to 14.",
                          "Police said 17 pupils were killed in the fire.")) == [["14", "17"]]


def test_a_load_is_no_toll():
    a = "The bus carrying 40 pilgrims plunged into a gorge, killing 8."
    assert _values(_found(a, "Eleven pilgrims died when the bus plunged into the gorge.")) == [["8", "eleven"]]
    assert _found(a, "Forty-two pilgrims were on the bus, officials said.") == []


def test_small_tolls_of_one_collision_disagree():
    a = "The train collided with a truck, killing eight passengers."
    assert _values(_found(a, "Ten passengers died in the collision.")) == [["eight", "ten"]]


# Counts that fall --------------------------------------------------------------------------


def test_an_injured_count_that_falls_is_a_disagreement_and_one_that_rises_an_update():
    falling = _dated(("About 2,000 people were injured in the quake, officials said.", date(1990, 6, 21)),
                     ("The quake injured 200 people, officials said.", date(1990, 6, 22)))
    found, changes = compare(*falling)
    assert _values(found) == [["about 2,000", "200"]] and changes == []
    rising = _dated(("The quake injured 200 people, officials said.", date(1990, 6, 21)),
                    ("About 2,000 people were injured in the quake, officials said.", date(1990, 6, 22)))
    found, changes = compare(*rising)
    assert found == [] and [[s.value for s in c.steps] for c in changes] == [["200", "about 2,000"]]


# A city's population -----------------------------------------------------------------------


def test_a_city_with_so_many_inhabitants_is_its_population():
    a = "Tolsk, a city of 300,000 people, was hardest hit."
    assert _values(_found(a, "The city of Tolsk, with 450,000 inhabitants, was hit.")) == [["300,000", "450,000"]]
    # the people someone is with are no population, even of a place
    for text in ("Ivanov, with 200 people behind him, spoke in Tolsk.", "Tolsk, with 200 people in its square, waited."):
        assert not [f for f in sentence_figures([S(0, text)])[0] if f.key[0] == "population"]


# A collapse is what another event did --------------------------------------------------------


def test_houses_collapsed_in_the_fire_are_the_fires():
    assert _values(_found("Six houses burned down or collapsed in the fire.", "The fire destroyed 60 houses.")) == [
        ["six", "60"]]
    # a collapse naming no other event may be another event's
    assert _found("Six houses collapsed.", "The fire destroyed 60 houses.") == []


def test_how_long_one_quake_shook_disagrees_but_not_an_aftershock_or_another_quake():
    a = "The earthquake, which lasted about 45 seconds, struck at dawn."
    assert _values(_found(a, "The tremor lasted 20 seconds.")) == [["about 45 seconds", "20 seconds"]]
    assert _values(_found("The quake lasted 45 seconds.", "The 30-second quake toppled buildings.")) == [
        ["45 seconds", "30-second"]]
    assert _found(a, "An aftershock lasted 20 seconds.") == []
    assert _found("The quake in Tolsk lasted 45 seconds.", "The quake in Armenia lasted 20 seconds.") == []


def test_people_still_in_hospital_are_not_a_count_of_the_injured():
    falling = _dated(("The blast injured 120 people.", date(1990, 6, 1)),
                     ("Forty-five people remained hospitalized on Tuesday.", date(1990, 6, 3)))
    assert compare(*falling) == ([], [])
    assert _found("The blast injured 120 people.", "Forty-five people are still being treated in hospitals.") == []


def test_a_past_storms_toll_in_a_place_named_beside_another_storm_is_that_places():
    a = "The 1935 storm killed 408 people in Florida and Hurricane Camille killed 256 in 1969."
    assert _values(_found(a, "The 1935 Labor Day hurricane killed 423 people in Florida.")) == [["408", "423"]]
    assert _found(a, "The 1935 storm killed 423 people in Cuba.") == []
