"""Kinds of figures taught to the figures package for issue 11: each one listed under "Where
sources differ" (and so vetoing a citation, ``figures.differ``) when two sources differ on it,
and neither listed nor vetoed when they agree or are about something else."""

from __future__ import annotations

from summarizer.facts.figures import differ, find_disagreements, sentence_figures
from summarizer.models import Disagreement, FigureClaim, Sentence
from tests.facts.figure_helpers import S, figures_differ as _differ, found as _found, values as _values


# --------------------------------------------------------------------------------------------
# Bounds that leave the number out
# --------------------------------------------------------------------------------------------


def test_more_than_and_nearly_the_same_number_differ():
    a = "The storm hit the town on Monday, injuring more than 300 people, officials said."
    b = "The storm hit the town on Monday, injuring nearly 300 people, police said."
    assert _values(_found(a, b)) == [["more than 300", "nearly 300"]]
    assert _differ(a, b)


def test_bounds_that_meet_or_overlap_agree():
    a = "The storm hit the town on Monday, injuring more than 300 people, officials said."
    for b in ("The storm hit the town on Monday, injuring at least 320 people, police said.",
              "The storm hit the town on Monday, injuring 310 people, police said.",
              "The storm hit the town on Monday, injuring about 300 people, police said."):
        assert _found(a, b) == []
        assert not _differ(a, b)
    # "at least" and "up to" both hold the number itself
    assert _found("Rescuers said at least 40 people were missing after the flood on Monday.",
                  "Rescuers said up to 40 people were missing after the flood on Monday.") == []


# --------------------------------------------------------------------------------------------
# Times of day of an event, with their time zones
# --------------------------------------------------------------------------------------------


def test_the_same_instant_in_two_time_zones_agrees():
    a = ("The probe will touch down at 6:49 a.m. PDT on Sunday, and the landing is expected "
         "to be smooth.")
    b = "Controllers said the probe is scheduled to land at 9:49 a.m. EDT on Sunday."
    c = "The probe is due to land at 8:49 a.m. CDT on Sunday, officials said."
    assert _found(a, b, c) == []
    assert not _differ(b, c)


def test_times_a_minute_apart_differ():
    a = "Controllers said the probe is scheduled to land at 9:49 a.m. EDT on Sunday."
    b = "The landing is scheduled for 6:48 a.m. PDT on Sunday at the desert base."
    assert _values(_found(a, b)) == [["9:49 a.m. EDT", "6:48 a.m. PDT"]]
    assert _differ(a, b)


def test_local_times_are_compared_at_one_place_only():
    a = "The blast occurred at 8:26 a.m. in Dover, police said."
    assert _values(_found(a, "The explosion happened at 9:10 a.m. in Dover.")) == [
        ["8:26 a.m.", "9:10 a.m."]]
    # about 8:30 allows 8:26; another town may keep another clock; no place, no comparison
    for b in ("The explosion happened about 8:30 a.m. in Dover.",
              "The explosion happened at 9:10 a.m. in Calais.",
              "The explosion happened at 9:10 a.m., witnesses said."):
        assert _found(a, b) == []
        assert not _differ(a, b)


def test_times_of_other_things_are_not_compared():
    a = "The tornado struck at 4:30 p.m. CST in Huntsville, the weather service said."
    for b in ("A tornado warning was broadcast at 4:39 p.m. CST in Huntsville.",  # the warning
              "Another tornado touched down at 1:30 p.m. CST in Huntsville.",  # another tornado
              "No warning was issued until 4:39 p.m. CST, when the tornado was spotted.",  # a bound
              "The launch of the satellite took place at 11:02 p.m. CST.",  # another event
              "The tornado is expected to reach the town at 5:15 p.m. CST."):  # a forecast
        assert _found(a, b) == []
        assert not _differ(a, b)


# --------------------------------------------------------------------------------------------
# Counts tied to a named thing, and neighbouring round values
# --------------------------------------------------------------------------------------------


def test_copies_sold_of_one_named_thing_differ():
    a = "Last year's winner, Maria Lind's The Glass Orchard, sold 350,000 copies."
    b = "The prize works: last year's winner, The Glass Orchard, sold 360,000 hardback copies."
    assert _found(a, b) == [Disagreement("copies of Glass Orchard sold", (
        FigureClaim("350,000", (0,)), FigureClaim("360,000", (1,))))]
    assert _differ(a, b)


def test_copies_of_another_thing_or_of_nothing_named_are_not_compared():
    a = "Last year's winner, Maria Lind's The Glass Orchard, sold 350,000 copies."
    for b in ("A century ago, Harold Bell's Winter Roads sold 400,000 copies.",  # another book
              "So far, 90,000 copies have sold, the publisher said.",  # of what?
              "The Glass Orchard sold about 355,000 copies, the publisher said."):  # agrees
        assert _found(a, b) == []
        assert not _differ(a, b)


def test_neighbouring_round_counts_differ():
    a = "About a quarter of the town, 15,000 residents, were evacuated on Monday."
    b = "Some 16,000 residents were evacuated on Monday as the river rose."
    assert _values(_found(a, "Officials said 16,000 residents were evacuated on Monday.")) == [
        ["15,000", "16,000"]]
    assert _found(a, b) == []  # "some 16,000" reaches down to 15,000


# --------------------------------------------------------------------------------------------
# The path of a storm
# --------------------------------------------------------------------------------------------


def test_lengths_of_the_storms_path_differ():
    a = "Aerial surveys show the tornado cut a 25-mile path through the county."
    b = "Forecasters said the tornado's path had covered between eight and 10 miles."
    assert _values(_found(a, b)) == [["25-mile", "between eight and 10 miles"]]
    assert _differ(a, b)


def test_paths_that_agree_or_are_not_a_storms_are_not_compared():
    a = "Forecasters said the tornado's path had covered between eight and 10 miles."
    for b in ("The tornado left a 10-mile-long path of destruction, the mayor said.",  # agrees
              "The tornado left a 15-mile-wide path, the mayor said.",  # its width
              "Hikers followed a 25-mile path along the ridge.",  # no storm
              "The tornado touched down 25 miles from the town."):  # not its path
        assert _found(a, b) == []
        assert not _differ(a, b)


def test_a_newswire_range_spells_the_small_end():
    a = "Rescuers said eight to 10 people were missing after the tornado."
    assert _found(a, "Rescuers said nine people were missing after the tornado.") == []
    assert _values(_found(a, "Rescuers said 14 people were missing after the tornado.")) == [
        ["eight to 10", "14"]]


# --------------------------------------------------------------------------------------------
# A storm's record low pressure
# --------------------------------------------------------------------------------------------

LEAD = ("Forecasters said Hurricane Ada was the most intense storm on record in terms of "
        "barometric pressure.")


def test_record_pressures_differ_in_any_unit_and_sentence():
    sentences = [
        Sentence(LEAD, 0, 0, 0, len(LEAD)),
        # "It" is the pressure of the sentence before; 1921 is the old record's year, not this one's
        Sentence("It was measured at 26.31 inches, breaking the 26.35 inches recorded for the "
                 "1921 hurricane.", 0, 1, 0, 10),
        S(1, "The hurricane center said Ada set a record for the lowest barometric pressure, "
             "measured at 26.13 inches on Tuesday night."),
    ]
    assert _values(find_disagreements(sentences)) == [["26.31 inches", "26.13 inches"]]
    fa, fb = sentence_figures([S(0, "Ada's pressure fell to a record low of 891 millibars."),
                               S(1, "Ada's pressure fell to a record low of 885 millibars.")])
    assert differ(fa, fb)


def test_pressures_that_agree_or_are_not_a_record_are_not_compared():
    a = "Ada had the lowest barometric pressure on record, 26.31 inches."
    for b in ("Ada's record low pressure was 891 millibars, forecasters said.",  # the same in mb
              "The barometric pressure at the airport was 29.5 inches on Monday.",  # no record
              "It was measured at 26.13 inches.",  # "it" of nothing
              # another year's record
              "The lowest pressure on record, 26.35 inches, was set by the 1921 hurricane."):
        assert _found(a, b) == []
        assert not _differ(a, b)
    # the sentence before must be the same source's, just before
    sentences = [Sentence(LEAD, 0, 0, 0, 1), S(1, "It was measured at 26.13 inches."), S(0, a)]
    assert find_disagreements(sentences) == []


def test_a_fixed_fact_differs_across_days_a_schedule_is_updated():
    from datetime import date

    from summarizer.facts.figures import compare

    path = sentence_figures([
        S(0, "Aerial surveys show the tornado cut a 25-mile path through the county."),
        S(1, "Forecasters said the tornado's path had covered between eight and 10 miles.")])
    found, updates = compare(path, [date(1990, 4, 24), date(1990, 4, 28)])
    assert _values(found) == [["25-mile", "between eight and 10 miles"]] and updates == []
    schedule = sentence_figures([
        S(0, "The shuttle is scheduled to land at 9:49 a.m. EDT on Sunday."),
        S(1, "Landing is now scheduled for 10:20 a.m. EDT on Sunday.")])
    found, updates = compare(schedule, [date(1990, 4, 24), date(1990, 4, 28)])
    assert found == [] and len(updates) == 1


# --------------------------------------------------------------------------------------------
# Counts of one group written two ways
# --------------------------------------------------------------------------------------------


def test_a_count_naming_no_group_is_the_single_group_counted():
    a = "Border guards shot and killed 20 infiltrating militants near the river, an official said."
    b = "State television said the border guards killed as many as six near the river."
    assert _values(_found(a, b)) == [["20", "as many as six"]]
    assert _differ(a, b)
    agrees = "State television said the border guards killed about 20 near the river."
    assert _found(a, agrees) == []


def test_a_count_naming_no_group_is_peoples_when_groups_are_several_or_people():
    a = "Border guards killed 20 militants near the river, an official said."
    c = "State television said the guards killed as many as six near the river."
    # two groups counted: which one is "six"? none is compared with it
    assert _found(a, "The guards also killed 14 civilians near the river.", c) == []
    # people counted as well: "six" is a count of people, as before
    assert _values(_found(a, "Officials said 30 people were killed near the river.", c)) == [
        ["30", "as many as six"]]


def test_a_demonym_before_plural_regions_is_the_country():
    a = "The quake injured at least 2,000 people in India, officials said."
    b = "The news agency said 1,000 people were injured in the Indian states of Bihar and Sikkim."
    assert _values(_found(a, b)) == [["at least 2,000", "1,000"]]
    assert _found(a, "The agency said 1,000 people were injured in Nepal.") == []


# --------------------------------------------------------------------------------------------
# Newswire conventions
# --------------------------------------------------------------------------------------------


def test_the_newswire_half_is_read():
    a = "About 4 inches of rain fell on the valley on Thursday night."
    half = "Storms poured 5{ inches of rain on the valley on Thursday night."
    assert _values(_found(a, half)) == [["about 4 inches", "5{ inches"]]
    assert _found("Storms poured 5 1/2 inches of rain on the valley on Thursday night.",
                  "Storms poured 5{ inches of rain on the valley on Thursday night.") == []


def test_a_time_zone_is_not_a_place():
    [figures] = sentence_figures([S(0, "At 3 p.m. EDT, the storm's center was about 100 miles "
                                       "south of the Dominican Republic.")])
    assert all("edt" not in f.key for f in figures)


# --------------------------------------------------------------------------------------------
# A storm's sustained winds
# --------------------------------------------------------------------------------------------


def test_sustained_winds_of_one_day_differ():
    a = "Forecasters said maximum sustained winds were near 110 mph as the storm neared the island."
    b = "The weather service said the hurricane had maximum sustained winds of 115 mph."
    assert _values(_found(a, b)) == [["110 mph", "115 mph"]]
    assert _differ(a, b)


def test_winds_that_agree_are_gusts_general_or_of_another_day_are_not_compared():
    from datetime import date

    from summarizer.facts.figures import compare

    a = "The weather service said the hurricane had maximum sustained winds of 115 mph."
    for b in ("The storm's maximum sustained winds were about 185 km/h, forecasters said.",  # agree
              "Gusts reached 140 mph as the hurricane passed, with winds gusting to 150 mph.",
              "A storm becomes a hurricane when sustained winds reach 74 mph.",  # in general
              "Sustained winds could reach 150 mph by Friday, forecasters said."):  # a forecast
        assert _found(a, b) == []
        assert not _differ(a, b)
    # winds change by the hour: reports of two days are not compared
    later = "The hurricane weakened, with sustained winds of 75 mph."
    figures = sentence_figures([S(0, a), S(1, later)])
    found, _ = compare(figures, [date(1988, 9, 12), date(1988, 9, 13)])
    assert found == []


def test_most_of_a_count_is_not_the_count():
    a = "Most of the 16,000 Americans who live at the base were evacuated on Monday."
    assert _found(a, "About 15,000 Americans were evacuated from the base on Monday.") == []
    assert _values(_found("All 16,000 Americans at the base were evacuated on Monday.",
                          "About 12,000 Americans were evacuated from the base on Monday.")) == [
        ["16,000", "about 12,000"]]


def test_odd_times_are_not_read():
    for text in ("The probe landed at 10,000 a.m. EDT.", "The probe landed at 25:10 GMT.",
                 "The probe landed at 0:30 a.m. EDT.", "The probe landed at 9:48 on Sunday."):
        assert not any(f.key[0] == "clock" for f in sentence_figures([S(0, text)])[0])
