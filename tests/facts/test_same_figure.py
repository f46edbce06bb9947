"""The same count told in other words: "burned 42 houses to the ground", "42 homes ... were lost",
"left 42 homes in ruins" are all 42 homes destroyed (the figures package reads them so), and a
source stating that count with every name of the quoted sentence reports it.  Its look-alikes
stay apart: homes that lost power, a count in a side remark of a sentence about something else,
another village, another year."""

from __future__ import annotations

import pytest

from summarizer.facts.cite import citing_rows
from summarizer.facts.figures import same_figure, sentence_figures
from summarizer.models import Sentence
from tests.helpers import story_pool


def _figures(text: str):
    return sentence_figures([Sentence(text, 0, 0, 0, len(text))])[0]


def _read(text: str) -> list[tuple]:
    return [(f.key[:3], f.value) for f in _figures(text)]


@pytest.mark.parametrize("text", [
    "The blaze burned 42 houses to the ground in Carrow late on Sunday.",
    "Firefighters said 42 homes in Carrow were lost to the fire on Sunday night.",
    "Flames tore through Carrow on Sunday night and left 42 homes in ruins.",
    "The quake reduced 42 houses in Carrow to rubble.",
    "Wildfire in Carrow: 42 homes lost",  # a headline: "lost" ends it
])
def test_homes_lost_or_in_ruins_are_homes_destroyed(text):
    assert _read(text) == [(("things", "destroyed", "home"), "42")]


@pytest.mark.parametrize("text", [
    "About 3,000 homes lost power in Carrow on Sunday.",
    "The storm left 42,000 homes in Carrow without power.",
    "About 3,000 homes in Carrow lost power",  # a headline: "power" ends it
])
def test_homes_that_lost_power_are_not_homes_destroyed(text):
    assert [key for key, _ in _read(text)] == [("things", "without power", "home")]


def test_the_company_lost_jobs_is_no_count_of_homes():
    assert _read("The company lost 42 jobs in Carrow.") == []


def test_same_figure_needs_the_same_frame_and_value_above_a_handful():
    [destroyed] = _figures("A wildfire destroyed 42 homes in Carrow on Sunday night.")
    [ruins] = _figures("Flames left 42 homes in ruins in Carrow on Sunday night.")
    [other] = _figures("A wildfire destroyed 57 homes in Carrow on Sunday night.")
    [damaged] = _figures("A wildfire damaged 42 homes in Carrow on Sunday night.")
    [few] = _figures("A wildfire destroyed six homes in Carrow on Sunday night.")
    [few_again] = _figures("Flames left six homes in ruins in Carrow on Sunday night.")
    [elsewhere] = _figures("A wildfire destroyed 42 homes in Dunmore on Sunday night.")
    assert same_figure(destroyed, ruins) and same_figure(ruins, destroyed)
    assert not same_figure(destroyed, other)
    assert not same_figure(destroyed, damaged)
    assert not same_figure(few, few_again)  # a handful: too often one incident among several
    assert not same_figure(destroyed, elsewhere)  # another place named


QUOTE = "A wildfire destroyed 42 homes in the hill village of Carrow on Sunday night, officials said."


def _cited(quote: str, other: str) -> list[str]:
    pool, config = story_pool([f"{quote} The county opened a shelter at the school.", other])
    [passage] = [k for k, p in enumerate(pool.passages) if 0 in p.rows]
    return [pool.sentences[r].text for r in citing_rows(pool, 0, config.cite.threshold, pool.passages[passage].rows)]


def test_the_same_count_told_otherwise_is_cited():
    ruins = "Flames tore through Carrow on Sunday night and left 42 homes in ruins, according to the county."
    assert _cited(QUOTE, f"{ruins} Volunteers brought blankets.") == [ruins]


@pytest.mark.parametrize("quote, other", [
    # the count in a side remark: the sentence is about a vigil
    ("Residents of Carrow, where 42 homes were destroyed last week, held a candlelight vigil on Monday for the victims.",
     "A wildfire destroyed 42 homes in the hill village of Carrow, officials said. The mayor praised firefighters."),
    # the other source's count in a side remark: its sentence is about the school
    (QUOTE, "In Carrow, where 42 homes were destroyed on Sunday night, the school reopened. Roads are closed."),
    # another village
    (QUOTE, "Flames tore through Dunmore on Sunday night and left 42 homes in ruins. Volunteers brought blankets."),
    # another year
    ("Floods destroyed 42 homes in Carrow in 2019, the council said.",
     "A wildfire destroyed 42 homes in Carrow on Sunday night, officials said. Roads are closed."),
])
def test_look_alikes_of_the_same_count_are_not_cited(quote, other):
    assert _cited(quote, other) == []


def test_the_same_number_for_another_outcome_is_not_cited():
    quote = "Police arrested 15 people in Halden after the protest on Saturday."
    injured = "Police in Halden said 15 people were injured during the protest on Saturday."
    assert _cited(quote, f"{injured} Roads are closed.") == []
    # the same source telling the arrests too is cited by that sentence
    arrests = "Fifteen people were arrested by police in Halden after the protest on Saturday."
    assert _cited(quote, f"{injured} {arrests}") == [arrests]


def test_counts_otherwise_is_the_same_number_of_the_same_people_for_another_outcome():
    from summarizer.facts.figures import counts_otherwise

    [arrested] = _figures("Police arrested 15 people in Halden on Saturday.")
    [injured] = _figures("Police said 15 people were injured in Halden on Saturday.")
    [injured_more] = _figures("Police said 16 people were injured in Halden on Saturday.")
    assert counts_otherwise(arrested, injured) and counts_otherwise(injured, arrested)
    assert not counts_otherwise(arrested, arrested) and not counts_otherwise(arrested, injured_more)


# Each case below is a small bug of the same-figure citation or of the other-outcome rule that
# the stories above let through (benchmarks/mutants.py, docs/mutants.md).

def test_a_source_telling_the_arrests_without_their_number_is_cited():
    quote = "Police arrested 15 people in Halden after the protest on Saturday."
    other = "Police in Halden arrested protesters after the protest on Saturday."
    assert _cited(quote, f"{other} Roads are closed.") == [other]


def test_a_sentence_giving_the_count_for_the_quoted_outcome_and_another_is_cited():
    quote = "Police arrested 15 people in Halden after the protest on Saturday."
    both = ("Police in Halden said 15 people were injured during the protest on Saturday, "
            "and 15 people were arrested.")
    assert _cited(quote, f"{both} Roads are closed.") == [both]


def test_a_count_opening_the_quote_is_cited_in_other_words():
    quote = "Forty-two homes in Carrow were destroyed by a wildfire on Sunday night, officials said."
    ruins = "Flames tore through Carrow on Sunday night and left 42 homes in ruins, according to the county."
    assert _cited(quote, f"{ruins} Volunteers brought blankets.") == [ruins]


def test_names_elsewhere_in_the_story_are_not_asked_of_the_citing_sentence():
    ruins = "Flames tore through Carrow on Sunday night and left 42 homes in ruins, according to the county."
    mayor = "Mayor Ann Byrne of Dunmore sent two fire engines."
    assert _cited(QUOTE, f"{ruins} {mayor}") == [ruins]


def test_a_quote_naming_nothing_is_not_cited_for_the_same_count_alone():
    quote = "A wildfire destroyed 42 homes on Sunday night, officials said."
    ruins = "Flames tore through the hills on Sunday night and left 42 homes in ruins, according to the county."
    assert _cited(quote, f"{ruins} Volunteers brought blankets.") == []


def test_a_sentence_giving_the_same_count_and_another_is_cited():
    both = ("Flames tore through Carrow on Sunday night, left 42 homes in ruins and 300 people homeless, "
            "according to the county.")
    assert _cited(QUOTE, f"{both} Volunteers brought blankets.") == [both]


def test_same_figure_is_for_counts_of_one_kind_only():
    [homes] = _figures("A wildfire destroyed 42 homes in Carrow on Sunday night.")
    [people] = _figures("A wildfire killed 42 people in Carrow on Sunday night.")
    [lasted] = _figures("The siege of the embassy in Carrow lasted 45 days.")
    [lasted_again] = _figures("The siege of the embassy in Carrow lasted 45 days, officials said.")
    assert not same_figure(homes, people) and not same_figure(people, homes)
    assert not same_figure(lasted, lasted_again)  # a duration is no count


def test_same_figure_needs_one_group_a_bounded_value_and_more_than_ten():
    [homes] = _figures("A wildfire destroyed 42 homes in Carrow on Sunday night.")
    [cars] = _figures("A wildfire destroyed 42 cars in Carrow on Sunday night.")
    assert not same_figure(homes, cars) and not same_figure(cars, homes)
    [more] = _figures("A wildfire destroyed more than 42 homes in Carrow on Sunday night.")
    [more_ruins] = _figures("Flames left more than 42 homes in ruins in Carrow on Sunday night.")
    assert not same_figure(more, more_ruins)  # open-ended: not one value
    [ten] = _figures("A wildfire destroyed 10 to 12 homes in Carrow on Sunday night.")
    [ten_ruins] = _figures("Flames left between 10 and 12 homes in ruins in Carrow on Sunday night.")
    [eleven] = _figures("A wildfire destroyed 11 to 12 homes in Carrow on Sunday night.")
    [eleven_ruins] = _figures("Flames left between 11 and 12 homes in ruins in Carrow on Sunday night.")
    assert not same_figure(ten, ten_ruins) and same_figure(eleven, eleven_ruins)


def test_the_same_number_for_another_outcome_beside_another_figure_is_not_cited():
    quote = "Police arrested 15 people in Halden after the protest on Saturday."
    # the other sentence also tells how long the protest lasted
    injured = "Police in Halden said 15 people were injured during the three-hour protest on Saturday."
    assert _cited(quote, f"{injured} Roads are closed.") == []
    # the quote also tells how long the protest lasted
    quote = "Police arrested 15 people in Halden during the three-hour protest on Saturday."
    injured = "Police in Halden said 15 people were injured during the protest on Saturday."
    assert _cited(quote, f"{injured} Roads are closed.") == []
