"""Figures over time: dated reports of a rising toll are updates, not disagreements."""

from __future__ import annotations

import json
from datetime import date

import pytest

import summarizer
from summarizer.models import Block, BlockKind, Source
from summarizer.ingest.dates import parse_date, source_dates

REPORTS = [
    ("2025-03-01", "At least 32 people were killed when the earthquake struck the coastal province of Marova on "
                   "Saturday, officials said."),
    ("2025-03-03", "At least 1,200 people were killed in the earthquake in the coastal province of Marova, "
                   "officials said on Monday."),
    ("2025-03-07", "More than 10,000 people were killed in the earthquake in the coastal province of Marova, the "
                   "government said on Friday."),
]
FILLER = " Rescue teams from neighbouring countries arrived with dogs and heavy lifting gear."


def sources(dated: bool, order=(0, 1, 2)) -> list[Source]:
    return [Source(f"r{i}.txt", f"r{i}.txt", REPORTS[i][1] + FILLER, date=REPORTS[i][0] if dated else None)
            for i in order]


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1)])
def test_dated_reports_of_a_moving_figure_are_shown_as_changes_oldest_first(order):
    briefing = summarizer.summarize(sources(True, order), max_words=60)
    assert not briefing.disagreements
    (change,) = briefing.changes
    assert "killed" in change.topic
    assert [step.date for step in change.steps] == ["2025-03-01", "2025-03-03", "2025-03-07"]
    assert [step.value for step in change.steps] == ["at least 32", "at least 1,200", "more than 10,000"]
    markdown = summarizer.render(briefing, "markdown")
    assert "## How the figures changed" in markdown and "## Where sources differ" not in markdown
    html = summarizer.render(briefing, "html")
    assert "How the figures changed" in html and "at least 32 (2025-03-01)" in html
    document = json.loads(summarizer.render(briefing, "json"))
    assert document["changes"][0]["steps"][0]["date"] == "2025-03-01"


CONFLICTING = ["Thirty-two people were killed when the earthquake struck the coastal province of Marova, "
               "officials said.",
               "Forty-five people were killed when the earthquake struck the coastal province of Marova, "
               "the Red Cross said."]


@pytest.mark.parametrize("dates", [(None, None), ("2025-03-01", "2025-03-01"), ("2025-03-01", None)])
def test_undated_or_same_day_reports_that_differ_are_a_disagreement_not_an_update(dates):
    reports = [Source(f"c{i}.txt", f"c{i}.txt", text + FILLER, date=day)
               for i, (text, day) in enumerate(zip(CONFLICTING, dates))]
    briefing = summarizer.summarize(reports, max_words=60)
    assert not briefing.changes
    assert [c.value for c in briefing.disagreements[0].claims] == ["thirty-two", "forty-five"]


def test_the_same_reports_on_later_days_are_an_update():
    reports = [Source(f"c{i}.txt", f"c{i}.txt", text + FILLER, date=day)
               for i, (text, day) in enumerate(zip(CONFLICTING, ("2025-03-01", "2025-03-02")))]
    briefing = summarizer.summarize(reports, max_words=60)
    assert not briefing.disagreements
    assert [(s.value, s.date) for s in briefing.changes[0].steps] == [("thirty-two", "2025-03-01"),
                                                                      ("forty-five", "2025-03-02")]


def test_without_dates_a_rising_lower_bound_is_neither():
    briefing = summarizer.summarize(sources(False), max_words=60)
    assert not briefing.changes and not briefing.disagreements


@pytest.mark.parametrize("text, expected", [
    ("2024-12-05T10:00:00Z", date(2024, 12, 5)),
    ("Published Dec. 5, 2024", date(2024, 12, 5)),
    ("Thursday, December 5th, 2024 10:31 GMT", date(2024, 12, 5)),
    ("Updated 5 December 2024", date(2024, 12, 5)),
    ("February 30, 2024", None),
    ("no date here, 2024", None),
])
def test_dates_as_news_writes_them(text, expected):
    assert parse_date(text) == expected


def test_a_date_line_among_the_bylines_dates_the_source_but_a_date_in_the_text_does_not():
    source = Source("a.txt", "a.txt", "")
    byline = [Block(0, BlockKind.BYLINE, "Published March 3, 2025", 0),
              Block(0, BlockKind.BODY, "The quake of March 1, 2025 killed many.", 30)]
    body_only = [Block(0, BlockKind.BODY, "The quake of March 1, 2025 killed many.", 0)]
    assert source_dates([source, source], [byline, body_only]) == [date(2025, 3, 3), None]
