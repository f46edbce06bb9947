"""A citation is a promise: a source that "Where sources differ" lists against a value the quoted
sentence states is never cited for it, and the count "N of M sources" follows.  The list reads
dates with each report's date ("Monday" / "yesterday" in reports of one Wednesday) and durations
in either form ("a three-day strike" / "the strike lasted four days"); the citation reads the same
list, so the two never tell a reader different things."""

from __future__ import annotations

import json

import pytest

import summarizer
from summarizer import Source
from summarizer.facts.cite import listed_against
from summarizer.models import Disagreement, FigureClaim
from summarizer.output.render import render

MONDAY = ("Dock workers at the port of Halden went on strike on Monday over a pay offer, the union said. "
          "The union wants a raise of eight percent. Ships are waiting outside the harbour.")
YESTERDAY = ("Dock workers at the port of Halden went on strike yesterday over a pay offer, the union said. "
             "Talks with the port authority broke down last week. Ferries still run on time.")
# a third report that agrees with the first: still cited
ALSO_MONDAY = ("Dock workers at the port of Halden went on strike on Monday over a pay offer, union leaders said. "
               "Grain exports have stopped.")
WEDNESDAY = "2024-03-06"


def _briefing(texts, dates=None, **budget):
    dates = dates or [WEDNESDAY] * len(texts)
    sources = [Source(f"s{i}.txt", f"s{i}.txt", text, date=day) for i, (text, day) in enumerate(zip(texts, dates))]
    return summarizer.summarize(sources, max_sentences=budget.get("max_sentences", 3), max_words=None)


def _quoting(briefing, words):
    return next(s for s in briefing.sentences if words in s.text)


def _listed(briefing):
    return [[(c.value, c.sources) for c in d.claims] for d in briefing.disagreements]


def test_a_source_listed_with_another_day_is_not_cited():
    briefing = _briefing([MONDAY, YESTERDAY])
    assert _listed(briefing) == [[("Monday (March 4, 2024)", (0,)), ("yesterday (March 5, 2024)", (1,))]]
    strike = _quoting(briefing, "went on strike")
    assert strike.sources == (0,)
    assert "[1]" in render(briefing, "markdown") and "of 2 sources" not in render(briefing, "markdown")


def test_quoted_from_the_other_source_the_first_is_not_cited_either():
    briefing = _briefing([YESTERDAY, MONDAY])
    assert _listed(briefing) == [[("yesterday (March 5, 2024)", (0,)), ("Monday (March 4, 2024)", (1,))]]
    assert _quoting(briefing, "went on strike").sources == (0,)


def test_a_source_agreeing_on_the_day_is_cited_and_counted():
    briefing = _briefing([MONDAY, YESTERDAY, ALSO_MONDAY])
    assert _listed(briefing) == [[("Monday (March 4, 2024)", (0, 2)), ("yesterday (March 5, 2024)", (1,))]]
    strike = _quoting(briefing, "went on strike")
    assert strike.sources == (0, 2)
    line = next(line for line in render(briefing, "markdown").splitlines() if "went on strike" in line)
    assert line.endswith("[1, ~3] *(2 of 3 sources)*")
    quoted = next(s for s in json.loads(render(briefing, "json"))["sentences"] if "went on strike" in s["text"])
    assert sorted({c["source"] for c in quoted["citations"]}) == ["s0.txt", "s2.txt"]


def test_a_date_against_days_ago():
    briefing = _briefing([MONDAY.replace("on Monday", "on March 5"), YESTERDAY.replace("yesterday", "three days ago")])
    assert _listed(briefing) == [[("March 5", (0,)), ("three days ago (March 3, 2024)", (1,))]]
    assert _quoting(briefing, "went on strike").sources == (0,)


def test_the_same_day_told_two_ways_is_cited_and_not_listed():
    briefing = _briefing([MONDAY.replace("on Monday", "on Tuesday"), YESTERDAY])
    assert briefing.disagreements == []
    assert _quoting(briefing, "went on strike").sources == (0, 1)


def test_a_date_in_the_text_reads_like_a_date_given_with_the_article():
    dated_line = "Port strike in Halden\n\nBy Ann Lee, March 6, 2024\n\n" + YESTERDAY
    briefing = _briefing([MONDAY, dated_line], dates=[WEDNESDAY, None])
    assert briefing.source_dates == [WEDNESDAY, WEDNESDAY]
    assert _listed(briefing) == [[("Monday (March 4, 2024)", (0,)), ("yesterday (March 5, 2024)", (1,))]]
    assert _quoting(briefing, "went on strike").sources == (0,)


def test_undated_reports_of_a_weekday_and_yesterday_are_neither_listed_nor_held_apart():
    briefing = _briefing([MONDAY, YESTERDAY], dates=[None, None])
    assert briefing.disagreements == []  # (of which week? the weekday is not read without a date)
    assert _quoting(briefing, "went on strike").sources == (0, 1)


THREE_DAY = ("Dock workers at the port of Halden began a three-day strike over a pay offer, the union said. "
             "The union wants a raise of eight percent. Ships are waiting outside the harbour.")
LASTED_FOUR = ("Dock workers at the port of Halden said the strike over a pay offer lasted four days, the union said. "
               "Talks with the port authority broke down last week. Ferries still run on time.")
LASTED_THREE = ("The strike by dock workers at the port of Halden over a pay offer lasted three days, "
                "union leaders said. Grain exports have stopped.")


@pytest.mark.parametrize("first, second, values", [
    (THREE_DAY, LASTED_FOUR, ("three-day", "four days")),
    (THREE_DAY.replace("three-day", "3-day"), LASTED_FOUR.replace("four days", "4 days"), ("3-day", "4 days")),
])
def test_a_duration_in_two_forms_is_compared(first, second, values):
    briefing = _briefing([first, second], dates=[None, None])
    assert [(d.topic, [(c.value, c.sources) for c in d.claims]) for d in briefing.disagreements] == [
        ("how long: the strike", [(values[0], (0,)), (values[1], (1,))])]
    assert _quoting(briefing, "strike").sources == (0,)


def test_a_duration_in_two_forms_that_agrees_is_cited():
    briefing = _briefing([THREE_DAY, LASTED_FOUR, LASTED_THREE], dates=[None, None, None])
    assert _listed(briefing) == [[("three-day", (0, 2)), ("four days", (1,))]]
    assert _quoting(briefing, "three-day strike").sources == (0, 2)


def test_listed_against_reads_the_rows_of_each_claim():
    listed = [Disagreement("people killed", (FigureClaim("two", (0, 3), rows=(1, 9)), FigureClaim("three", (1,), rows=(4,)),
                                             FigureClaim("four", (2,), rows=(6,)))),
              Disagreement("homes destroyed", (FigureClaim("42", (0,), rows=(2,)), FigureClaim("57", (4,), rows=(8,))))]
    assert listed_against(listed, 1) == {1, 2}
    assert listed_against(listed, 4) == {0, 2, 3}
    assert listed_against(listed, 2) == {4}
    assert listed_against(listed, 5) == set()  # a sentence stating none of the values


ENDED_THREE_DAY = ("Dock workers in Halden ended a three-day strike on Monday after union leaders accepted a new "
                   "pay offer from the port authority. Shipping companies welcomed the agreement.")
LASTED_FOUR_DAYS = ("Dock workers in Halden ended a strike yesterday after union leaders accepted a new pay offer "
                    "from the port authority. The strike lasted four days and halted all container traffic.")
HALTED_THREE_DAYS = ("Dock workers in Halden ended a strike after union leaders accepted a new pay offer from the "
                     "port authority. The strike halted all container traffic at the port for three days.")


def test_a_quote_giving_a_listed_duration_the_list_tied_to_no_group_is_not_cited_to_its_contrary():
    # The quote's clause shares too few words with source 2's to be tied to the same event in the
    # list, which sets source 2's four days against source 3's three; the quote gives three days
    # of the strike, so source 2 is not cited for it.
    briefing = _briefing([ENDED_THREE_DAY, LASTED_FOUR_DAYS, HALTED_THREE_DAYS], dates=["2024-03-05"] * 3)
    assert [(c.value, c.sources) for d in briefing.disagreements for c in d.claims
            if d.topic.startswith("how long")] == [("four days", (1,)), ("three days", (2,))]
    assert 1 not in _quoting(briefing, "three-day strike").sources
