"""No stale figure in the text (issue 21): when dated sources show a figure moving, a quoted
sentence never states a superseded value as if current.  It is swapped for the latest report of
that figure where its passage holds one, else marked "(later reports: three)"."""

from __future__ import annotations

import json

import summarizer
from summarizer import Source
from summarizer.output.render import render

EARLY = ("A fire swept through the Harbor Hotel in Dunmore on Monday night. "
         "Two people were killed in the fire, the fire chief said. "
         "Firefighters battled the blaze for six hours before bringing it under control. "
         "Police have not said how the blaze started.")
LATER = ("Investigators searched the ruins of the Harbor Hotel in Dunmore on Tuesday. "
         "Funerals for the three people who died will be held on Friday. "
         "The hotel had passed an inspection in January. "
         "The owners said they would cooperate with the investigation.")
LATER_TOLL = ("Investigators searched the ruins of the Harbor Hotel in Dunmore on Tuesday. "
              "A guest who was badly burned in the fire died on Tuesday, bringing the death toll to three. "
              "The hotel had passed an inspection in January.")
# the same report of the toll, word for word but for the figure and the day
LATER_SAME_WORDS = ("Investigators searched the ruins of the Harbor Hotel in Dunmore on Tuesday. "
                    "Three people were killed in the fire, the fire chief said on Tuesday. "
                    "The hotel had passed an inspection in January. "
                    "The owners said they would cooperate with the investigation.")


def _story(later: str, dated: bool = True) -> list[Source]:
    return [Source("early.txt", "early.txt", EARLY, date="2026-03-02" if dated else None),
            Source("later.txt", "later.txt", later, date="2026-03-03" if dated else None)]


def _sentence(briefing, words: str):
    return next(s for s in briefing.sentences if words in s.text)


def test_a_superseded_toll_is_marked_with_the_latest_value():
    briefing = summarizer.summarize(_story(LATER), max_words=200)
    early = _sentence(briefing, "Two people were killed")
    assert early.later == ("three",)
    assert [[s.value for s in c.steps] for c in briefing.changes] == [["two", "three"]]
    markdown = render(briefing, "markdown")
    assert "- Two people were killed in the fire, the fire chief said. [1] *(later reports: three)*" in markdown
    quoted = [s for s in json.loads(render(briefing, "json"))["sentences"] if "later_reports" in s]
    assert [(s["text"], s["later_reports"]) for s in quoted] == [
        ("Two people were killed in the fire, the fire chief said.", ["three"])]
    assert '<span class="later">(later reports: three)</span>' in render(briefing, "html")


def test_the_latest_report_in_the_same_passage_is_quoted_instead():
    briefing = summarizer.summarize(_story(LATER_SAME_WORDS), max_words=200)
    texts = [s.text for s in briefing.sentences]
    assert "Three people were killed in the fire, the fire chief said on Tuesday." in texts
    assert not any("Two people" in t for t in texts)
    toll = _sentence(briefing, "Three people were killed")
    assert toll.later == () and toll.sources == (1,)
    assert "later reports" not in render(briefing, "markdown")


def test_a_quoted_latest_report_is_not_marked():
    briefing = summarizer.summarize(_story(LATER_TOLL), max_words=200)
    assert [[s.value for s in c.steps] for c in briefing.changes] == [["two", "three"]]
    assert _sentence(briefing, "bringing the death toll to three").later == ()
    assert "later reports" not in render(briefing, "markdown")


def test_undated_sources_show_a_disagreement_and_no_mark():
    briefing = summarizer.summarize(_story(LATER_TOLL, dated=False), max_words=200)
    assert briefing.changes == []
    assert [[c.value for c in d.claims] for d in briefing.disagreements] == [["two", "three"]]
    assert all(s.later == () for s in briefing.sentences)
    assert "later reports" not in render(briefing, "markdown")
