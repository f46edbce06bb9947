"""Figure comparison at its edges: one source, tiny counts, touching intervals, rounding."""

from __future__ import annotations

import pytest

from summarizer.facts.figures import find_disagreements
from summarizer.facts.figures.compare import _overlap
from summarizer.models import Sentence


def listed(*told: tuple[int, str]) -> list[tuple[str, list]]:
    sentences = [Sentence(text, source, position, 0, len(text)) for position, (source, text) in enumerate(told)]
    return [(d.topic, [(c.value, c.sources) for c in d.claims]) for d in find_disagreements(sentences)]


def test_one_source_giving_two_values_is_no_disagreement_between_sources():
    assert listed((0, "The storm killed 14 people on Monday."), (0, "The storm killed 15 people on Monday.")) == []


def test_tiny_counts_differ_only_where_they_name_the_same_place():
    assert listed((0, "Two soldiers were killed in Hama on Monday."),
                  (1, "Three soldiers were killed in Homs on Monday.")) == []
    assert listed((0, "Two soldiers were killed."), (1, "Three soldiers were killed.")) == []
    assert listed((0, "Two soldiers were killed in Hama on Monday."),
                  (1, "Three soldiers were killed in Hama on Monday.")) == [
        ("soldiers killed", [("two", (0,)), ("three", (1,))])]
    assert listed((0, "Ten soldiers were killed."), (1, "Eleven soldiers were killed.")) == [
        ("soldiers killed", [("ten", (0,)), ("eleven", (1,))])]  # past the tiny counts


@pytest.mark.parametrize("first, second", [(0, 1), (1, 0)])
def test_ranges_that_touch_agree_and_ranges_apart_differ(first, second):
    low, high = "Between 10 and 14 people were killed.", "Between 14 and 20 people were killed."
    assert listed((first, low), (second, high)) == []
    assert listed((first, "Between 10 and 13 people were killed."), (second, high)) != []
    assert listed((first, "At least 14 people were killed."), (second, "14 people were killed.")) == []


@pytest.mark.parametrize("a, b, overlap", [
    ((14.0, 14.0), (14.0, 14.0), True),
    ((10.0, 14.0), (14.0, 20.0), True),  # touching, either way round
    ((14.0, 20.0), (10.0, 14.0), True),
    ((10.0, 13.0), (14.0, 20.0), False),
    ((14.0, 20.0), (10.0, 13.0), False),
    ((0.1 + 0.2, 0.1 + 0.2), (0.3, 0.3), True),  # equal but for rounding
    ((0.3, 0.3), (0.1 + 0.2, 0.1 + 0.2), True),
    ((0.30001, 0.30001), (0.3, 0.3), False),  # not a rounding error
    ((3e9 + 1.0, 3e9 + 1.0), (3e9, 3e9), True),  # rounding is relative to the size of the figure
    ((3e9 + 1e4, 3e9 + 1e4), (3e9, 3e9), False),
])
def test_overlap_allows_rounding_and_nothing_more(a, b, overlap):
    assert _overlap(*a, *b) is overlap


@pytest.mark.parametrize("low, high", [
    ("Between 100 and 140 people were killed.", "Between 140 and 200 people were killed."),
    ("About 100 people were killed.", "At least 100 people were killed."),
    ("About 120 people were killed.", "More than 100 people were killed."),
])
def test_large_counts_that_overlap_agree(low, high):
    assert listed((0, low), (1, high)) == [] and listed((1, low), (0, high)) == []


def test_counts_split_by_place_are_compared_per_place_and_named_by_it():
    told = [(0, "Twenty soldiers were killed in Hama on Monday."), (1, "Thirty soldiers were killed in Hama on Monday."),
            (2, "Forty soldiers were killed in Homs on Monday."), (3, "Fifty soldiers were killed in Homs on Monday.")]
    assert listed(*told) == [("soldiers killed in Hama", [("twenty", (0,)), ("thirty", (1,))]),
                             ("soldiers killed in Homs", [("forty", (2,)), ("fifty", (3,))])]


def test_ten_is_still_a_tiny_count_and_eleven_is_not():
    assert listed((0, "Nine soldiers were killed."), (1, "Ten soldiers were killed.")) == []
    assert listed((0, "Nine soldiers were killed."), (1, "At least ten soldiers were killed.")) == []  # 10 exactly
    assert listed((0, "Nine soldiers were killed."), (1, "Eleven soldiers were killed.")) == [
        ("soldiers killed", [("nine", (0,)), ("eleven", (1,))])]


def test_a_sentence_with_one_more_figure_still_differs_on_the_shared_one():
    from summarizer.facts.figures import differ, sentence_figures

    a, b = "The storm killed 14 people.", "The storm killed 15 people and destroyed 300 homes."
    figures_a, figures_b = sentence_figures([Sentence(a, 0, 0, 0, len(a)), Sentence(b, 1, 0, 0, len(b))])
    assert differ(figures_a, figures_b) and differ(figures_b, figures_a)


def test_tiny_counts_of_one_fire_or_storm_differ_but_of_attacks_not():
    assert listed((0, "Two firefighters were killed in the fire."), (1, "Three firefighters were killed in the fire.")) \
        == [("firefighters killed", [("two", (0,)), ("three", (1,))])]
    assert listed((0, "Two people were killed in the storm."), (1, "Three people were killed in the storm.")) != []
    assert listed((0, "Two soldiers were killed in the attack."), (1, "Three soldiers were killed in the attack.")) == []
    assert listed((0, "Two people were killed in the storm."), (1, "Three people were killed in the fire.")) == []


def test_tiny_counts_naming_the_same_place_differ_among_others_that_name_none():
    # Sorted by value, the two naming Hama are the first and the third: every pair is looked at.
    assert listed((0, "Two soldiers were killed in Hama on Monday."), (1, "Two soldiers were killed."),
                  (2, "Three soldiers were killed in Hama on Monday."), (3, "Three soldiers were killed.")) == [
        ("soldiers killed", [("two", (0, 1)), ("three", (2, 3))])]


@pytest.mark.parametrize("confirmed", ["12", "19"])
def test_a_source_contradicting_itself_differs_from_another_whichever_value_that_one_confirms(confirmed):
    told = [(0, "The shooting left 12 people dead, police said."),
            (0, "Police later said 19 people were killed in the shooting."),
            (1, f"{confirmed} people were killed in the shooting.")]
    both, alone = (0, 1), (0,)
    assert listed(*told) == [("people killed", [("12", both if confirmed == "12" else alone),
                                                ("19", both if confirmed == "19" else alone)])]


def test_one_source_giving_two_values_is_no_disagreement_beside_a_count_of_another_order():
    # 2,000 is banded apart from 14 and 16 (another toll): the band of 14 and 16 has one source only.
    assert listed((0, "The storm killed 14 people on Monday."), (0, "The storm killed 16 people on Monday."),
                  (1, "The storm killed 2,000 people on Monday.")) == []


def test_a_tiny_count_beside_a_larger_one_is_still_held_to_the_tiny_count_rule():
    # Source 0 counts 14 in Hama and about eight somewhere else; source 1's "at least nine" agrees
    # with the 14, and is set against "about eight" of another incident only if both named Hama.
    assert listed((0, "Fourteen soldiers were killed in Hama on Monday."), (0, "About eight soldiers were killed."),
                  (1, "At least nine soldiers were killed.")) == []
