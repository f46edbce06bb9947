"""Figures as a reader reads them (issue 21): numbers in words, "some/about/nearly N", and the
common frames of a toll (killed/died/dead; injured/hurt/in hospital; evacuated/fled/forced from
their homes/displaced; missing; rescued) are figures of one kind, compared as such; figures that
only look alike stay apart."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.facts.figures import compare, sentence_figures, superseded
from summarizer.models import Disagreement, FigureClaim
from tests.facts.figure_helpers import S, figures_differ as _differ, found as _found, values as _values


def _one(text: str) -> list[tuple[str, str, float, float]]:
    """(kind, value, lo, hi) of each figure of one sentence."""
    return [(f.key[1], f.value, f.lo, f.hi) for f in sentence_figures([S(0, text)])[0]]


# --------------------------------------------------------------------------------------------
# Numbers in words
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value, lo, hi", [
    ("Two dozen people were killed in the fire.", "two dozen", 20, 28),
    ("A dozen people were hurt in the fire.", "a dozen", 10, 14),
    ("Thirty-one people were injured in the fire.", "thirty-one", 31, 31),
    ("Twenty two people were injured in the fire.", "twenty two", 22, 22),
    ("Some 400 people fled the flames.", "some 400", 370, 430),
])
def test_numbers_in_words_are_read(text, value, lo, hi):
    [(_, read, got_lo, got_hi)] = _one(text)
    assert (read, got_lo, got_hi) == (value, pytest.approx(lo), pytest.approx(hi))


def test_two_killed_and_three_dead_in_one_fire_disagree():
    a = "Two people were killed when fire swept through the hotel, the chief said."
    b = "Three people have died in the hotel fire, officials said."
    assert _found(a, b) == [Disagreement("people killed", (
        FigureClaim("two", (0,)), FigureClaim("three", (1,))))]
    assert _differ(a, b)


def test_small_tolls_of_attacks_stay_apart_unless_place_or_day_match():
    # attacks come in series: two small tolls may be of two of them
    assert _found("Two soldiers were killed in an attack near the border.",
                  "Three soldiers died in an ambush.") == []
    assert _values(_found("Two soldiers were killed in an attack in Kandar.",
                          "Three soldiers died in an ambush in Kandar.")) == [["two", "three"]]


def test_a_dozen_hurt_against_thirty_one_in_hospital_disagree():
    a = "A dozen people were hurt in the crash."
    b = "Thirty-one people were taken to hospital after the crash."
    assert _values(_found(a, b)) == [["a dozen", "thirty-one"]]
    assert _found(a, "Twelve people were in hospital after the crash.") == []


# --------------------------------------------------------------------------------------------
# Frames of one kind
# --------------------------------------------------------------------------------------------


def test_forced_from_their_homes_and_evacuated_are_one_count():
    a = "The floods forced some 2,500 people from their homes in the valley."
    assert _found(a, "Officials evacuated about 2,000 residents from the valley.") == [
        Disagreement("people displaced", (FigureClaim("some 2,500", (0,)), FigureClaim("about 2,000", (1,))))]
    assert _found(a, "About 2,600 residents were evacuated from the valley.") == []
    assert not _differ(a, "About 2,600 residents were evacuated from the valley.")
    assert _values(_found("The fire drove 500 families out of their villages.",
                          "Some 900 families fled the fire.")) == [["500", "some 900"]]


def test_being_forced_from_home_is_no_order_to_leave():
    [(kind, *_)] = _one("The floods forced 2,500 people from their homes.")
    assert kind == "displaced"
    [(kind, *_)] = _one("Officials told 2,500 people to leave the coast.")
    assert kind == "ordered"


def test_evacuated_and_rescued_and_left_homeless_stay_apart():
    assert _found("Rescuers evacuated 300 people from the village.",
                  "Forty people were rescued from the village.") == []
    assert _found("About 20,000 people were evacuated from the coast.",
                  "Some 300,000 people were left homeless on the coast.") == []
    assert not _differ("Rescuers evacuated 300 people from the village.",
                       "Forty people were rescued from the village.")


def test_a_bound_that_allows_the_value_agrees():
    a = "At least 10 people were killed in the blast."
    b = "The blast killed 12 people."
    assert _found(a, b) == []
    assert not _differ(a, b)


def test_boats_missing_disagree():
    a = "The storm scattered the fleet, leaving two yachts missing."
    b = "By Monday three yachts were missing in the storm."
    assert _values(_found(a, b)) == [["two", "three"]]
    assert _differ(a, b)
    assert _found(a, "Three yachts sank in the storm.") == []  # sunk is not missing


def test_a_numbered_list_item_is_no_count():
    assert _one("6 -- Candlestick Park damaged, evacuated.") == []


def test_the_number_of_a_group_estimated():
    a = "In 1985, the number of illegal immigrants in the county was estimated at 229,000."
    b = "In 1985, officials estimated the number of illegal immigrants at 300,000."
    assert _found(a, b) == [Disagreement("number of illegal immigrants (1985)", (
        FigureClaim("229,000", (0,)), FigureClaim("300,000", (1,))))]
    assert _found(a, "In 1985, the number of illegal immigrants in the county was put at 230,000.") == []


# --------------------------------------------------------------------------------------------
# Dated reports: updates, disagreements and superseded values
# --------------------------------------------------------------------------------------------


def _dated(*reports: tuple[str, date]) -> tuple[list, list[date]]:
    sentences = [S(i, text) for i, (text, _) in enumerate(reports)]
    return sentence_figures(sentences), [day for _, day in reports]


def test_a_toll_that_rises_is_an_update_and_one_that_falls_a_disagreement():
    rising = _dated(("Two people were killed in the hotel fire.", date(2026, 3, 2)),
                    ("Three people have died in the hotel fire.", date(2026, 3, 3)))
    found, changes = compare(*rising)
    assert found == [] and [[s.value for s in c.steps] for c in changes] == [["two", "three"]]
    assert superseded(*rising) == {0: ("three",)}
    falling = _dated(("The crash in Remsfeld killed six people.", date(2026, 3, 2)),
                     ("The crash in Remsfeld killed five people.", date(2026, 3, 12)))
    found, changes = compare(*falling)
    assert _values(found) == [["six", "five"]] and changes == []
    assert superseded(*falling) == {}
    # a bound superseded by a count is an update, even a lower one
    revised = _dated(("At least 20 people were killed in the hotel fire.", date(2026, 3, 2)),
                     ("Eighteen people were killed in the hotel fire.", date(2026, 3, 9)))
    found, changes = compare(*revised)
    assert found == [] and [[s.value for s in c.steps] for c in changes] == [["at least 20", "eighteen"]]


def test_a_value_the_later_reports_still_allow_is_not_superseded():
    figures, dates = _dated(("At least two people were killed in the hotel fire.", date(2026, 3, 2)),
                            ("Three people have died in the hotel fire.", date(2026, 3, 3)))
    assert [c.topic for c in compare(figures, dates)[1]] == ["people killed"]
    assert superseded(figures, dates) == {}


def test_the_same_figure_rounded_on_a_later_day_is_no_change():
    figures, dates = _dated(("The floods left 400,000 people homeless.", date(2026, 6, 22)),
                            ("About 400,000 people were left homeless by the floods.", date(2026, 6, 23)))
    assert compare(figures, dates) == ([], [])


def test_a_figure_of_a_past_year_is_a_fixed_fact_not_an_update():
    figures, dates = _dated(
        ("In 1985, the number of illegal immigrants in the county was estimated at 229,000.", date(1989, 9, 30)),
        ("In 1985, the number of illegal immigrants in the county was estimated at 300,000.", date(1989, 10, 21)))
    found, changes = compare(figures, dates)
    assert _values(found) == [["229,000", "300,000"]] and changes == []


def test_a_hyphenated_scale_is_part_of_the_amount():
    [fig] = sentence_figures([S(0, "Congress approved a $17.4-billion appropriations bill.")])[0]
    assert (fig.value, fig.lo, fig.hi) == ("$17.4-billion", pytest.approx(17.35e9), pytest.approx(17.45e9, rel=1e-5))
