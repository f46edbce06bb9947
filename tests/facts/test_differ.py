"""Where sources differ: figures that are about the same thing, at the same place, and one
notion of "differ" for the disagreements and the citations."""

from __future__ import annotations

import pytest

import summarizer
from summarizer.facts.figures import compare, differ, find_disagreements, sentence_figures
from summarizer.models import Disagreement, FigureClaim, Sentence, Source

ONE_SENTENCE = dict(max_sentences=1, max_words=None, algo="lexrank", position_weight=0.0)


def S(source: int, text: str) -> Sentence:
    return Sentence(text, source, 0, 0, len(text))


def _found(*texts: str) -> list[Disagreement]:
    return find_disagreements([S(i, t) for i, t in enumerate(texts)])


# --------------------------------------------------------------------------------------------
# What the issue found missing
# --------------------------------------------------------------------------------------------


def test_evacuation_orders_of_different_sizes_disagree():
    assert _found(
        "As the wildfire jumped the ridge, officials told about 12,000 residents to evacuate.",
        "About 15,000 people have been ordered to leave their homes near the fire, the county said.",
    ) == [Disagreement("people ordered to leave", (
        FigureClaim("about 12,000", (0,)), FigureClaim("about 15,000", (1,))))]


def test_orders_to_leave_however_worded():
    assert _found(
        "Authorities ordered 5,000 people to leave the coast on Monday.",
        "About 8,000 residents were told to leave the coast on Monday.",
    ) == [Disagreement("people ordered to leave", (
        FigureClaim("5,000", (0,)), FigureClaim("about 8,000", (1,))))]


def test_an_order_to_leave_is_not_a_count_of_people_who_left():
    assert _found(
        "Officials told about 12,000 residents to evacuate before the river crested.",
        "About 3,000 people were evacuated from the valley overnight.",
    ) == []


def test_homes_without_power_disagree():
    assert _found(
        "The ice storm brought down lines across the county, cutting power to 3,000 homes.",
        "About 3,500 homes were without power on Tuesday morning, the utility said.",
    ) == [Disagreement("homes without power", (
        FigureClaim("3,000", (0,)), FigureClaim("about 3,500", (1,))))]


@pytest.mark.parametrize("other", [
    "About 3,200 homes were without power on Tuesday morning, the utility said.",  # close enough
    "Power was restored to about 3,500 homes on Tuesday, the utility said.",  # another count
    "The storm damaged about 3,500 homes across the county.",  # another thing happened to them
    "About 3,500 customers lost power in the neighbouring county of Ulster.",  # customers, elsewhere
])
def test_homes_look_alikes_do_not_disagree(other):
    assert _found("The ice storm brought down lines across the county, cutting power to 3,000 homes.",
                  other) == []


def test_homes_destroyed_in_one_clause_with_damaged_ones_are_not_read():
    assert _found(
        "The tornado damaged or destroyed 400 houses in the town.",
        "The tornado destroyed 150 houses in the town.",
    ) == []


def test_thousands_against_tens_of_thousands_is_the_smaller_order_of_magnitude():
    assert _found(
        "The 1956 uprising was crushed by the army, killing thousands.",
        "The army's crackdown in 1956 left tens of thousands dead, historians say.",
    ) == [Disagreement("people killed (1956)", (
        FigureClaim("thousands", (0,)), FigureClaim("tens of thousands", (1,))))]


@pytest.mark.parametrize("other", [
    "The flood forced 12,000 people to flee their homes.",
    "The flood forced more than 280,000 people to flee their homes.",
    "The flood forced several thousand people to flee their homes.",
])
def test_thousands_alone_agrees_with_any_count_from_a_thousand_up(other):
    assert _found("Thousands of people fled their homes as the flood spread.", other) == []


def test_displaced_in_one_country_and_homeless_in_another_are_not_compared():
    assert _found(
        "The hurricane displaced 1.5 million people in Honduras.",
        "Nicaraguan officials said 500,000 people were forced from their homes by the hurricane.",
    ) == []


def test_a_demonym_names_the_same_country_as_its_name():
    found = _found(
        "The hurricane displaced 1.5 million people in Honduras.",
        "Honduran officials said 500,000 people were forced from their homes by the hurricane.",
    )
    assert [[c.value for c in d.claims] for d in found] == [["1.5 million", "500,000"]]


def test_quake_magnitudes_disagree_but_forecasts_aftershocks_and_other_quakes_do_not_count():
    found = find_disagreements([
        S(0, "The quake, which lasted 20 seconds, measured 6.1 on the Richter scale, the observatory said."),
        S(1, "The earthquake registered 6.6 on the Richter scale."),
        S(1, "Aftershocks as strong as 5.5 are expected."),
        S(2, "Scientists put the chance of a 7.0-magnitude quake in the next 30 years at 20 percent."),
        S(3, "A 6.6-magnitude quake struck the region in 1971."),
        S(3, "Earthquakes of magnitude 5 or greater are common here."),
    ])
    assert found == [Disagreement("the quake's magnitude", (
        FigureClaim("6.1", (0,)), FigureClaim("6.6", (1,))))]


def test_populations_written_without_a_noun_or_before_the_place():
    found = _found(
        "Rennick, a city of 300,000, lies at the foot of the volcano.",
        "The ash threatens the 350,000 residents of Rennick City, officials said.",
    )
    assert found == [Disagreement("population of Rennick", (
        FigureClaim("300,000", (0,)), FigureClaim("350,000", (1,))))]


def test_crowd_sizes_disagree_but_troops_on_the_march_are_no_crowd():
    assert _found(
        "Police said 5,000 people marched through the capital on Sunday.",
        "Organisers said 20,000 people marched through the capital on Sunday.",
        "Tens of thousands of troops marched into the capital on Sunday.",
    ) == [Disagreement("people protesting", (
        FigureClaim("5,000", (0,)), FigureClaim("20,000", (1,))))]


RAIN = "About 4 inches of rain fell on the valley on Thursday night, flooding two creeks."


def test_rain_amounts_disagree_fractions_read_whole():
    assert _found(RAIN, "Storms poured 5 1/2 inches of rain on the valley on Thursday night.") == [
        Disagreement("rainfall", (FigureClaim("about 4 inches", (0,)), FigureClaim("5 1/2 inches", (1,))))]


@pytest.mark.parametrize("other", [
    "Storms poured 4 1/4 inches of rain on the valley on Thursday night.",  # within "about 4"
    "Nearly 100 millimetres of rain fell on the valley on Thursday night.",  # the same, in mm
    "About 4 inches of rain fell on the valley on Thursday night, and 12 inches of snow fell on the peaks.",
    "Up to 8 inches of rain are expected in the valley over the weekend.",  # a forecast
    "Ten inches of snow fell on the valley on Thursday night.",  # snow, not rain
    "The creek rose 8 inches in an hour on Thursday night.",  # not an amount of rain
    "About 9 inches of rain fell in Dayton on Tuesday, the weather service said.",  # another storm
])
def test_rain_look_alikes_do_not_disagree(other):
    assert _found(RAIN, other) == []


def test_snowfall_disagrees_across_units():
    assert _found("The storm dumped 30 cm of snow on Denver on Monday.",
                  "The storm dumped about 20 inches of snow on Denver on Monday.") == [
        Disagreement("snowfall", (FigureClaim("30 cm", (0,)), FigureClaim("about 20 inches", (1,))))]


SHOTS = "The gunman fired about 60 rounds across the schoolyard before he was stopped."


def test_shots_fired_disagree_however_named():
    assert _found(SHOTS, "The gunman fired more than 100 shots across the schoolyard.") == [
        Disagreement("shots fired", (FigureClaim("about 60", (0,)), FigureClaim("more than 100", (1,))))]


@pytest.mark.parametrize("other", [
    "Sixty shots were fired across the schoolyard, police said.",  # the same count, in words
    "Police recovered 100 bullets from the gunman's car.",  # found, not fired
    "The boxer, who went 12 rounds last year, watched from across the road.",  # rounds of a fight
])
def test_shots_fired_look_alikes_do_not_disagree(other):
    assert _found(SHOTS, other) == []


# --------------------------------------------------------------------------------------------
# One notion of "differ": figures.differ, figures.compare and the citations
# --------------------------------------------------------------------------------------------

PAIRS = [
    ("Fifteen people were killed when the bus overturned.", "14 people were killed when the bus overturned."),
    ("The storm killed 15 people in 2024, officials said.", "The storm killed about 15 people in 2023."),
    ("At least 727 people have been killed, the monitor said.", "Over 700 people have been killed so far."),
    ("Hama lies 110km south of Aleppo.", "Hama lies about 70 miles south of Aleppo."),
    ("Homs, 160 km north of Damascus, fell.", "Homs, 60 miles north of Damascus, fell."),
    ("Aleppo, Syria's largest city, fell.", "Aleppo, Syria's second-largest city, fell."),
    ("The fire destroyed 500 houses.", "The fire destroyed about 800 houses."),
    ("The quake killed 3,000 people in Turkey.", "The quake killed 1,000 people in Syria."),
    ("Officials told about 12,000 residents to evacuate.", "About 15,000 people have been ordered to leave."),
    ("The suspect, John Smith, 45, was arrested.", "Smith, 46, appeared in court on Tuesday."),
    ("The riots left tens of thousands dead.", "The riots killed thousands."),
    ("Thousands fled the fighting.", "The fighting forced 12,000 people to flee."),
    ("The company agreed to pay $1.2 billion, Boeing said.", "Boeing agreed to pay $2.5 billion."),
    ("The mayor visited the school.", "Twelve people were hurt in the crash."),
    ("About 4 inches of rain fell on Thursday.", "Storms poured 5 1/2 inches of rain on Thursday."),
    ("About 4 inches of rain fell on Thursday.", "Nearly 100 millimetres of rain fell on Thursday."),
    ("The gunman fired about 60 rounds.", "The gunman fired more than 100 shots."),
]


@pytest.mark.parametrize("a, b", PAIRS)
def test_differ_never_contradicts_compare(a, b):
    figures = sentence_figures([S(0, a), S(1, b)])
    listed = bool(compare(figures)[0])
    assert differ(figures[0], figures[1]) is listed
    assert differ(figures[1], figures[0]) is listed


def test_the_pairs_hold_both_answers():
    answers = [differ(*sentence_figures([S(0, a), S(1, b)])) for a, b in PAIRS]
    assert 5 <= sum(answers) <= len(PAIRS) - 5


@pytest.mark.parametrize("quoted, other, cited_together", [
    ("Fifteen people were killed when the bus overturned on the mountain road near the village on Sunday.",
     "14 people were killed when the bus overturned on the mountain road near the village on Sunday.", False),
    ("The storm killed 15 people across the county in 2024, officials said on Monday evening.",
     "The storm killed about 15 people across the county in 2023, officials said on Monday evening.", True),
])
def test_a_source_is_cited_for_a_figure_exactly_when_it_is_not_listed_against_it(quoted, other, cited_together):
    sources = [Source("a.txt", "a.txt", quoted), Source("b.txt", "b.txt", other), Source("c.txt", "c.txt", quoted)]
    briefing = summarizer.summarize(sources, **ONE_SENTENCE)
    [sentence] = briefing.sentences
    assert sentence.text == quoted
    cited = set(sentence.sources)
    listed = any({0, 1} <= {s for c in d.claims for s in c.sources} for d in briefing.disagreements)
    assert (1 in cited) is cited_together
    assert listed is not cited_together


# --------------------------------------------------------------------------------------------
# The bundled sample articles, through the pipeline
# --------------------------------------------------------------------------------------------


def test_seeds_briefing_lists_the_three_disagreements_and_no_look_alike():
    from tests.helpers import seeds_pool

    pool, _ = seeds_pool()
    found, _ = compare(pool.figures, pool.dates)
    topics = [d.topic for d in found]
    assert topics == ["Aleppo's rank among Syria's cities", "people displaced", "people killed (1982)"]
    values = {c.value for d in found for c in d.claims}
    assert {"largest", "second-largest", "over 280,000", "tens of thousands", "thousands"} <= values
    for look_alike in ("110km", "about 70 miles", "at least 727", "over 700", "40 km", "40 kilometers"):
        assert look_alike not in values
