"""Story detection on small invented piles: two or three stories, their articles interleaved."""

from __future__ import annotations

import pytest

from invented_stories import ELECTION, MATCH, WILDFIRE

from summarizer.models import Source
from summarizer.stories import find_stories


def _pile(*stories: list[str]) -> tuple[list[Source], list[int]]:
    """The stories' articles interleaved (as a mixed folder would be), with each article's true story."""
    sources, truth = [], []
    for round_ in range(max(len(s) for s in stories)):
        for number, story in enumerate(stories):
            if round_ < len(story):
                sources.append(Source(f"{number}-{round_}.txt", f"{number}-{round_}.txt", story[round_]))
                truth.append(number)
    return sources, truth


def _as_partition(groups: list[list[int]]) -> set[frozenset[int]]:
    return {frozenset(g) for g in groups}


@pytest.mark.parametrize("stories", [(WILDFIRE, ELECTION), (WILDFIRE, ELECTION, MATCH), (MATCH, WILDFIRE)])
def test_invented_stories_come_back_apart(stories):
    sources, truth = _pile(*stories)
    found = find_stories(sources)
    expected = {frozenset(i for i, t in enumerate(truth) if t == n) for n in range(len(stories))}
    assert _as_partition(found) == expected


def test_stories_are_ordered_by_their_first_article_and_list_every_article_once():
    sources, _ = _pile(ELECTION, MATCH, WILDFIRE)
    found = find_stories(sources)
    assert [g[0] for g in found] == sorted(g[0] for g in found)
    assert sorted(i for g in found for i in g) == list(range(len(sources)))
    assert all(g == sorted(g) for g in found)


def test_one_story_stays_one():
    sources, _ = _pile(WILDFIRE)
    assert find_stories(sources) == [[0, 1, 2]]


def test_a_single_article_or_none():
    assert find_stories([Source("a", "a", ELECTION[0])]) == [[0]]
    assert find_stories([]) == []


def test_threshold_out_of_range_is_refused():
    with pytest.raises(ValueError, match="threshold"):
        find_stories([Source("a", "a", ELECTION[0])], threshold=1.5)
