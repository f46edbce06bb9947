"""Dates of events and durations (figures/when.py): listed under "Where sources differ" when two
sources date one event differently or give it different lengths, and never for their look-alikes
(another event of the story, when something was said, a plan, a count's own day, a window of
time)."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.facts.figures import compare, sentence_figures
from tests.facts.figure_helpers import S, figures_differ, found, values


def dated(*reports: tuple[date, str]):
    """The disagreements of one sentence a source, each source dated."""
    figures = sentence_figures([S(i, text) for i, (_, text) in enumerate(reports)])
    return compare(figures, [day for day, _ in reports])[0]


WED = date(2024, 3, 6)  # a Wednesday


# --------------------------------------------------------------------------------------------
# Dates of one event
# --------------------------------------------------------------------------------------------


def test_two_days_of_the_month_for_one_event_differ():
    a = "The fire at the Grand Hotel broke out on March 3, fire officials said."
    b = "The fire at the Grand Hotel broke out on March 4 and burned for hours."
    [d] = found(a, b)
    assert [c.value for c in d.claims] == ["March 3", "March 4"]
    assert "Grand Hotel broke out" in d.topic
    assert figures_differ(a, b)


def test_dates_that_agree_are_not_listed():
    a = "The fire at the Grand Hotel broke out on March 3, fire officials said."
    assert found(a, "Fire broke out at the Grand Hotel on March 3 and burned for hours.") == []
    # a month holds its days: "in June 1988" and "June 19, 1988" agree
    assert found("The ministry banned the use of fish meal in pig feed in May 1991.",
                 "The ministry banned fish meal in pig feed on May 19, 1991.") == []


def test_years_of_one_event_differ():
    assert values(found("The novelist married the painter Ana Ruiz in 1969, soon after his divorce.",
                        "Ruiz and the novelist were married in 1970.")) == [["1969", "1970"]]


def test_weekdays_are_read_with_the_date_of_each_report():
    sank = "The ferry Sea Star sank in the harbour on {} after striking rocks near the pier."
    # Tuesday and Monday, both in reports of Wednesday: two days
    [d] = dated((WED, sank.format("Tuesday")), (WED, sank.format("Monday")))
    assert [c.value for c in d.claims] == ["Tuesday (March 5, 2024)", "Monday (March 4, 2024)"]
    # "Tuesday" in Wednesday's report and "yesterday" in Wednesday's: one day
    assert dated((WED, sank.format("Tuesday")), (WED, sank.format("yesterday"))) == []
    # "Tuesday" in Wednesday's report and in Thursday's: the same Tuesday
    assert dated((WED, sank.format("Tuesday")), (date(2024, 3, 7), sank.format("Tuesday"))) == []
    # "Tuesday" in Wednesday's report, "Monday" in Tuesday's: March 5 against March 4
    assert len(dated((WED, sank.format("Tuesday")), (date(2024, 3, 5), sank.format("Monday")))) == 1


def test_one_event_is_not_chained_to_another_told_in_like_words():
    # the May ban is on feed, the later ones on food: only the two years of the second differ
    feed = "The ministry banned fish meal in pig feed in May 1991."
    further = "In 1992 a further ban was introduced, on fish meal sold for human consumption."
    food = "In 1993, certain fish meals, like cod and herring meal, were banned for human consumption."
    assert values(found(feed, further, food)) == [["1992", "1993"]]


def test_a_weekday_against_a_year():
    a = ("At a French inquiry into doping in cycling Monday at Lyon, Marc Dubois, a team coach, "
         "testified that his riders had been given tainted water.")
    b = ("Marc Dubois, testifying in 1988 in Lyon at a federal inquiry into doping in cycling, "
         "looked a broken man.")
    [d] = dated((date(1989, 3, 7), a), (date(1991, 6, 8), b))
    assert [c.value for c in d.claims] == ["Monday (March 6, 1989)", "1988"]


# --------------------------------------------------------------------------------------------
# Look-alikes of a date: never listed
# --------------------------------------------------------------------------------------------


def test_other_events_of_the_story_are_not_compared():
    # two events told in like words
    assert dated((WED, "The ferry Sea Star left the harbour on Monday with 200 passengers aboard."),
                 (WED, "The ferry Sea Star sank near the harbour on Tuesday.")) == []
    # the same verb in two places: two landfalls
    assert dated((WED, "Hurricane Rosa hit Jamaica on Monday with heavy rain and high winds."),
                 (WED, "Hurricane Rosa hit Mexico on Tuesday with heavy rain and high winds.")) == []
    # "and later": the second ban is another event
    assert found("The ministry banned fish meal in pig feed in May 1991, and later banned "
                 "pig blood in soup.",
                 "Pig blood and fat were banned in soup in 1993, ministers said.") == []


def test_another_event_beside_a_date_is_not_compared():
    assert found("Fire broke out at the Grand Hotel on March 3, fire officials said.",
                 "Fire broke out at the Grand Hotel on March 4, another blaze in a week.") == []


def test_when_something_was_said_is_no_date_of_the_event():
    assert dated((WED, "The fire at the Grand Hotel killed a guest, officials said on Monday."),
                 (WED, "The fire at the Grand Hotel killed a guest, officials said on Tuesday.")) == []
    assert dated((WED, "The Navy said in a statement Monday that the helicopter crashed into a barn."),
                 (WED, "The Navy said in a statement Tuesday that the helicopter crashed into a barn.")) == []
    assert dated((WED, "Fire chief Tom Reyes described the Grand Hotel fire in a statement issued on Monday."),
                 (WED, "Fire chief Tom Reyes described the Grand Hotel fire in a statement issued on Tuesday.")) == []


def test_plans_and_spans_are_not_dates_of_events():
    assert found("The capsule Orion Nine is scheduled to land on Sunday at Kourou Space Centre.",
                 "The capsule Orion Nine will land on Tuesday at Kourou Space Centre.") == []
    assert found("The crew of Orion Nine will be welcomed at Kourou Space Centre on March 10.",
                 "The crew of Orion Nine will be welcomed at Kourou Space Centre on March 12.") == []
    assert found("The singer Mara Vell has been in the hospital since April 9 with pneumonia.",
                 "The singer Mara Vell has been in the hospital since April 10 with pneumonia.") == []


def test_the_day_of_a_count_tells_which_toll():
    # two days' tolls, not two dates of one event (the count model sets them apart by day)
    assert dated((WED, "At least 30 people were killed in Homs on Monday, activists said."),
                 (WED, "At least 20 people were killed in Homs on Tuesday, activists said.")) == []
    assert not figures_differ("The storm killed 15 people in 2024.",
                              "The storm killed about 15 people in 2023.")


def test_weekdays_in_reports_weeks_apart_or_undated_are_two_events():
    marched = "Striking miners marched through the centre of Donetsk on {}, union leaders said."
    assert dated((date(2024, 3, 5), marched.format("Monday")), (date(2024, 4, 2), marched.format("Monday"))) == []
    # undated reports: of which week is each Monday?
    assert found(marched.format("Monday"), marched.format("Tuesday")) == []


# --------------------------------------------------------------------------------------------
# Durations
# --------------------------------------------------------------------------------------------


def test_how_long_an_event_lasted_differs():
    a = "The siege of the embassy lasted three days before police stormed the building."
    b = "The siege of the embassy lasted four days before police stormed the building."
    assert values(found(a, b)) == [["three days", "four days"]]
    assert figures_differ(a, b)
    # 72 hours are three days
    assert found(a, "The siege of the embassy lasted 72 hours before police stormed the building.") == []


def test_a_duration_in_two_units_is_one_duration():
    a = "The eclipse will last the longest -- four minutes and 12 seconds -- over the atoll of Tarawa."
    b = "Over Tarawa, watchers will see one of the longest-lasting eclipses -- four minutes, 19 seconds."
    assert values(found(a, b)) == [["four minutes and 12 seconds", "four minutes, 19 seconds"]]
    assert found(a, "The longest-lasting eclipse will last 252 seconds -- over the atoll of Tarawa.") == []


def test_a_duration_before_its_noun():
    a = "Workers at the Ford plant in Dagenham ended their three-day strike over pay on Friday."
    b = "Workers at the Ford plant in Dagenham ended a four-day strike over pay, the union said."
    assert values(found(a, b)) == [["three-day", "four-day"]]


def test_look_alikes_of_a_duration_are_not_compared():
    # windows of time, plans, ages, times ago
    assert found("Prices at the Ford plant in Dagenham rose in the past three years, the union said.",
                 "Prices at the Ford plant in Dagenham rose in the past four years, the union said.") == []
    assert found("The ministry unveiled a five-year plan for the Ford plant in Dagenham.",
                 "The ministry unveiled a six-year plan for the Ford plant in Dagenham.") == []
    assert found("A 10-year-old boy from Dagenham won the spelling contest at the Ford plant.",
                 "An 11-year-old boy from Dagenham won the spelling contest at the Ford plant.") == []
    assert found("The Ford plant in Dagenham opened its gates three years ago to striking workers.",
                 "The Ford plant in Dagenham opened its gates four years ago to striking workers.") == []
    # one story's two durations of two things
    assert found("The siege of the embassy lasted three days before police stormed the building.",
                 "The trial of the embassy attackers lasted four months before the verdict.") == []


def test_a_time_ago_is_a_date_read_with_the_report():
    a = "The Grand Hotel in Dagenham was gutted by fire ten years ago, in a blaze that began in its kitchen."
    b = "The Grand Hotel in Dagenham was gutted by fire in {}, in a blaze that began in its kitchen."
    june_1990 = date(1990, 6, 1)
    [d] = dated((june_1990, a), (june_1990, b.format(1978)))
    assert [c.value for c in d.claims] == ["ten years ago (1980)", "1978"]
    assert dated((june_1990, a), (june_1990, b.format(1980))) == []
    assert found(a, b.format(1978)) == []  # an undated report: ago from when?


def test_a_group_holds_only_figures_all_about_one_event():
    from summarizer.facts.figures import Figure

    def year(source: int, value: str, terms: str) -> Figure:
        when = (int(value[-4:]), 5 if value.startswith("May") else 0, 0, -1, -1)
        return Figure(("when", ""), f"when {terms}", 0.0, 0.0, value, source, source * 100000,
                      fixed=True, when=when, terms=frozenset(terms.split()),
                      heads=frozenset({"ban"}), names=frozenset())

    feed = year(0, "May 1991", "ban fish meal pig feed")
    fish_food = year(1, "1992", "ban fish meal human sold")
    food = year(2, "1993", "ban human sold consumption cod")
    # feed ~ fish_food and fish_food ~ food, but feed and food are two bans: never one group
    found_ = compare([(feed,), (fish_food,), (food,)])[0]
    assert sorted([c.value for c in d.claims] for d in found_) == [["1992", "1993"], ["May 1991", "1992"]]


def test_a_verb_of_lasting_after_a_noun_and_its_article_tells_that_nouns_length():
    # "stoppage" is no event word: the noun right before "lasted", after "the", is the event
    a = "At the port of Halden, the stoppage lasted three days, police said."
    assert values(found(a, "The four-day stoppage at the port of Halden ended on Friday, police said.")) == [
        ["three days", "four-day"]]


def test_a_verb_of_lasting_reads_its_event_in_its_own_clause_and_near_it():
    strike = "The strike at the port of Halden lasted three days."
    assert values(found("The strike at Halden lasted four days.", strike)) == [["four days", "three days"]]
    # another clause: the voyage lasted four days, not the strike
    assert found("The strike at the port of Halden was called off; the voyage lasted four days.", strike) == []
    # the strike is too far before "lasted" to be what lasted
    assert found("The strike at the port of Halden over the long and bitter dispute about pay and pensions for all "
                 "the dock workers lasted four days.", strike) == []


def test_a_duration_without_a_verb_of_lasting_is_of_the_event_the_sentence_tells():
    assert values(found("Dock workers at Halden were on strike for three days, the union said.",
                        "Workers at the port of Halden were on strike for four days, police said.")) == [
        ["three days", "four days"]]


def test_the_event_a_verb_of_lasting_tells_is_read_wherever_it_stands_before_the_verb():
    three = "The strike at the port of Halden lasted three days."
    # the event word two tokens back, one back, and right after the sentence's first article
    assert values(found("The strike at the port lasted four days.", three)) == [["four days", "three days"]]
    assert values(found("Halden's strike lasted four days.", "The strike at Halden lasted three days.")) == [
        ["four days", "three days"]]
    assert values(found("The stoppage lasted three days at the port of Halden, police said.",
                        "The four-day stoppage at the port of Halden ended on Friday, police said.")) == [
        ["three days", "four-day"]]
    # no event word at all: the sentences' own topic, not their second word
    assert values(found("Dock workers at Halden said it lasted three days.",
                        "Workers at the port of Halden said it lasted four days.")) == [["three days", "four days"]]


@pytest.mark.parametrize("text, topic", [
    ("Halden's strike lasted four days.", "how long: the strike"),
    ("The strike at the port lasted four days.", "how long: the strike"),
    ("The stoppage lasted three days at the port of Halden, police said.", "how long: the stoppage"),
    ("At the port of Halden, the stoppage lasted three days, police said.", "how long: the stoppage"),
    ("The strike at the port of Halden was called off; the voyage lasted four days.", "how long: the voyage"),
    ("The port was shut; the strike at Halden lasted four days.", "how long: the strike"),  # its clause's 2nd word
    ("Dock workers at Halden said it lasted three days.", "how long: Dock workers at Halden said it lasted"),
])
def test_what_a_verb_of_lasting_tells_the_length_of_is_shown_as_the_topic(text, topic):
    assert [f.topic for f in sentence_figures([S(0, text)])[0] if f.key[0] == "duration"] == [topic]
