"""Budget filling: the exact search over endings that fit, against brute force on small cases."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from summarizer.rank.fill import combinations_within, refill


def brute_force_sets(words, max_words, max_items):
    n = len(words)
    return {c for k in range(max_items + 1) for c in itertools.combinations(range(n), k)
            if sum(words[i] for i in c) <= max_words}


@pytest.mark.parametrize("seed", range(5))
def test_combinations_within_lists_every_fitting_set_once(seed):
    rng = np.random.default_rng(seed)
    words = rng.integers(5, 40, size=9).astype(float)
    sets = combinations_within(words, 70.0, 3)
    found = [tuple(int(i) for i in row if i >= 0) for row in sets]
    assert len(found) == len(set(found))  # no set twice
    assert set(found) == brute_force_sets(words, 70.0, 3)


def test_combinations_within_nothing_fits():
    sets = combinations_within(np.array([50.0, 60.0]), 10.0, 2)
    assert sets.shape[0] == 1 and (sets == -1).all()  # only the empty set


def modular(scores):
    """An objective that sums each pick's score: its best ending is known by brute force."""
    def value(kept, endings):
        chosen = np.where(endings >= 0, scores[np.maximum(endings, 0)], 0.0).sum(axis=1)
        return scores[kept].sum() + chosen
    return value


@pytest.mark.parametrize("seed", range(5))
def test_refill_finds_the_best_ending_within_the_budget(seed):
    rng = np.random.default_rng(seed)
    words = rng.integers(8, 35, size=12).astype(float)
    scores = rng.random(12) * words  # longer sentences tend to carry more
    chosen = [0, 1, 2, 3]
    while words[chosen].sum() > 100:
        chosen.pop()
    remaining = [4, 5, 6, 7, 8, 9, 10, 11]
    result = refill(chosen, remaining, words, modular(scores), 100, np.inf, depth=2)
    assert words[result].sum() <= 100
    assert result[: len(chosen) - 2] == chosen[: len(chosen) - 2]  # the earlier picks stay first
    free = chosen[-2:] + remaining
    best = max((c for c in brute_force_sets(words[free], 100 - words[chosen[:-2]].sum(), len(free))),
               key=lambda c: scores[[free[i] for i in c]].sum())
    assert np.isclose(scores[result].sum(), scores[chosen[:-2]].sum() + scores[[free[i] for i in best]].sum())


def test_refill_respects_the_sentence_budget_and_keeps_the_greedy_ending_on_ties():
    words = np.array([30.0, 30.0, 10.0, 10.0, 10.0])
    scores = np.array([1.0, 1.0, 0.0, 0.0, 0.0])  # short sentences add nothing: a tie at best
    assert refill([0, 1], [2, 3, 4], words, modular(scores), 100, 2, depth=2) == [0, 1]
    scores = np.array([1.0, 1.0, 0.9, 0.9, 0.9])
    result = refill([0, 1], [2, 3, 4], words, modular(scores), 100, 3, depth=2)
    assert len(result) == 3 and words[result].sum() <= 100


def test_refill_counts_the_kept_picks_against_the_sentence_budget():
    words = np.full(5, 10.0)
    scores = np.array([1.0, 1.0, 1.0, 0.5, 0.5])
    result = refill([0, 1, 2], [3, 4], words, modular(scores), 100, 4, depth=1)
    assert len(result) == 4 and result[:3] == [0, 1, 2]


def test_refill_adds_a_single_remaining_candidate_that_fits_and_adds_value():
    words = np.array([10.0, 10.0])
    assert refill([0], [1], words, modular(np.array([1.0, 0.5])), 100, np.inf, depth=0) == [0, 1]
    assert refill([0], [1], words, modular(np.array([1.0, 0.5])), 15, np.inf, depth=0) == [0]  # does not fit


def test_refill_may_replace_the_last_pick_by_candidate_zero():
    words = np.array([10.0, 10.0])
    assert refill([1], [0], words, modular(np.array([0.9, 0.1])), 15, np.inf, depth=1) == [0]
