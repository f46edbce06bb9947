"""Figures over time: dated reports of a rising toll are updates, not disagreements."""

from __future__ import annotations

import json
from datetime import date

import pytest

import summarizer
from summarizer.models import Block, BlockKind, Source
from summarizer.timeline import parse_date, source_dates

REPORTS = [
    ("2025-03-01", "Thirty-two people were killed when the earthquake struck the coastal province of Marova on "
                   "Saturday, officials said."),
    ("2025-03-03", "About 120 people were killed in the earthquake in the coastal province of Marova, "
                   "officials said on Monday."),
    ("2025-03-07", "Some 300 people were killed in the earthquake in the coastal province of Marova, the "
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
    assert [step.value for step in change.steps] == ["thirty-two", "about 120", "some 300"]
    markdown = summarizer.render(briefing, "markdown")
    assert "## How the figures changed" in markdown and "## Where sources differ" not in markdown
    html = summarizer.render(briefing, "html")
    assert "How the figures changed" in html and "thirty-two (2025-03-01)" in html
    document = json.loads(summarizer.render(briefing, "json"))
    assert document["changes"][0]["steps"][0]["date"] == "2025-03-01"


def test_without_dates_nothing_is_said_about_order():
    briefing = summarizer.summarize(sources(False), max_words=60)
    assert not briefing.changes
    assert briefing.disagreements


def test_reports_of_the_same_day_that_differ_stay_a_disagreement():
    same_day = [Source(s.name, s.path, s.text, date="2025-03-03") for s in sources(True)]
    briefing = summarizer.summarize(same_day, max_words=60)
    assert not briefing.changes and briefing.disagreements


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
