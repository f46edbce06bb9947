"""Story detection on small invented piles: two or three stories, their articles interleaved."""

from __future__ import annotations

import pytest

from tests.invented_stories import ELECTION, MATCH, WILDFIRE

from summarizer import stories
from summarizer.models import Source
from summarizer.stories import exact
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


# Two storms of one kind, told in the same words: only their names (in each lead) tell them apart.
_HURRICANE_ALMA = [
    "Hurricane Alma struck the Tarvala Islands on Sunday with winds of 120 mph, flooding coastal "
    "towns and cutting power to thousands of homes. Officials evacuated low-lying areas as the storm "
    "surge and heavy rain battered the coast.",
    "Alma battered Port Esk and the Tarvala coast with heavy rain and a storm surge that flooded "
    "homes. Power was cut to thousands and officials said the winds reached 120 mph before the "
    "hurricane weakened.",
    "Residents of Port Esk returned to flooded homes after Hurricane Alma moved away from Tarvala. "
    "The storm's winds and rain cut power along the coast, and officials counted damaged homes.",
]
_HURRICANE_BRUNO = [
    "Hurricane Bruno hit Mirova on Thursday with winds of 95 mph, tearing roofs from houses in "
    "Delhaven and closing the airport. Fishermen were missing at sea after the storm and heavy rain.",
    "Bruno weakened over the hills of Mirova after tearing roofs from houses in Delhaven. Rescue "
    "boats searched for the missing fishermen, and the airport stayed closed.",
    "Delhaven counted torn roofs and fallen trees after Hurricane Bruno. Two of the missing fishermen "
    "were found alive, officials in Mirova said, and the airport reopened once the winds dropped.",
]


def test_two_storms_told_alike_are_told_apart_by_their_names(monkeypatch):
    sources, truth = _pile(_HURRICANE_ALMA, _HURRICANE_BRUNO)
    expected = {frozenset(i for i, t in enumerate(truth) if t == n) for n in range(2)}
    assert _as_partition(find_stories(sources)) == expected
    monkeypatch.setattr(exact, "NAME_WEIGHT", 0.0)  # their words alone make them one story
    assert find_stories(sources) == [list(range(len(sources)))]


def test_one_storm_named_in_every_lead_stays_one_story():
    sources, _ = _pile(_HURRICANE_ALMA)
    assert find_stories(sources) == [[0, 1, 2]]


def test_a_pile_larger_than_a_window_goes_through_the_single_pass(monkeypatch):
    import summarizer.stories.stream as stream

    sources, truth = _pile(WILDFIRE, ELECTION, MATCH)
    used = []
    monkeypatch.setattr(stories, "WINDOW", 3)
    monkeypatch.setattr(stream.StoryStream, "finish", lambda self, finish=stream.StoryStream.finish: (
        used.append(len(self)), finish(self))[1])
    expected = {frozenset(i for i, t in enumerate(truth) if t == n) for n in range(3)}
    assert _as_partition(find_stories(sources)) == expected
    assert used == [len(sources)]


def test_a_pile_of_copies_is_one_story():
    assert find_stories([Source(f"{i}.txt", f"{i}.txt", MATCH[0]) for i in range(4)]) == [[0, 1, 2, 3]]


def test_stray_articles_of_other_stories_stay_apart_from_a_larger_story():
    # The pile a person mixes up by hand: one story's articles and two unrelated local reports that
    # share only everyday news words with it ("officials said on Monday", "residents").  Weighing
    # pairs by the neighbours they share joined them all (in a small pile an outlier's neighbours
    # are every article); plain cosine keeps them apart, and the warning fires.
    strays = [
        "Officials in Eastfield said on Monday that the town council approved a new budget for the public "
        "library, which will open longer hours. Residents asked for more books for children.",
        "A bus drivers' strike in the state capital entered its third day as officials said talks with the "
        "union had stalled. Residents walked to work and schools stayed closed.",
    ]
    sources = [Source(f"w{i}.txt", f"w{i}.txt", text) for i, text in enumerate(WILDFIRE)]
    sources += [Source(f"s{i}.txt", f"s{i}.txt", text) for i, text in enumerate(strays)]
    n = len(WILDFIRE)
    assert find_stories(sources) == [list(range(n)), [n], [n + 1]]
    assert find_stories(sources, stories.MIXED_PILE_THRESHOLD)[0] == list(range(n))


def _partition_of(labels) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), set()).add(index)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("seed", range(12))
def test_average_linkage_groups_as_scipy_does(seed):
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 120))
    if seed % 3 == 0:  # points in a few blobs: groups of many sizes
        points = rng.normal(size=(n, 4)) + rng.integers(0, 4, size=(n, 1)) * 3.0
        distances = np.sqrt(((points[:, None] - points[None]) ** 2).sum(axis=2))
        distances /= distances.max()
    elif seed % 3 == 1:  # any symmetric matrix, not a metric
        distances = rng.random((n, n))
        distances = (distances + distances.T) / 2
    else:  # few distinct values: ties everywhere, and cutoffs that fall exactly on them
        distances = rng.integers(1, 5, size=(n, n)) / 4.0
        distances = np.minimum(distances, distances.T)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    for cutoff in (0.0, 0.25, 0.3, 0.5, 0.55, 0.75, 0.9, 1.0):
        expected = _partition_of(fcluster(tree, t=cutoff, criterion="distance"))
        assert _partition_of(exact._average_linkage(distances.copy(), cutoff)) == expected, (n, cutoff)


def test_average_linkage_merges_by_the_mean_distance_not_the_least():
    import numpy as np

    # 0 and 1 are close; 2 is close to 1 only: its mean distance to {0, 1} is (0.9 + 0.2) / 2 = 0.55.
    distances = np.array([[0.0, 0.1, 0.9], [0.1, 0.0, 0.2], [0.9, 0.2, 0.0]])
    assert _partition_of(exact._average_linkage(distances.copy(), 0.5)) == {frozenset({0, 1}), frozenset({2})}
    assert _partition_of(exact._average_linkage(distances.copy(), 0.55)) == {frozenset({0, 1, 2})}
