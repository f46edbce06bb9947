"""The budget: exactly at the limit fits, one word or one sentence over does not; its bounds."""

from __future__ import annotations

import pytest

from summarizer.rank.base import SelectSettings
from summarizer.errors import ConfigError
from summarizer.models import Budget


@pytest.mark.parametrize("budget, words, sentences, fits", [
    (Budget(120, None), 120, 9, True),
    (Budget(120, None), 121, 1, False),
    (Budget(None, 3), 5000, 3, True),
    (Budget(None, 3), 10, 4, False),
    (Budget(50, 2), 50, 2, True),
    (Budget(50, 2), 50, 3, False),
    (Budget(50, 2), 51, 2, False),
    (Budget(1, None), 0, 0, True),
])
def test_allows_exactly_the_limit(budget, words, sentences, fits):
    assert budget.allows(words, sentences) is fits


def test_check_refuses_picks_over_the_budget_and_names_the_algorithm():
    Budget(20, 2).check("centroid", [12, 8])  # exactly the limit
    with pytest.raises(AssertionError, match="centroid picked 2 sentences, 21 words"):
        Budget(20, 2).check("centroid", [12, 9])
    with pytest.raises(AssertionError, match="3 sentences"):
        Budget(None, 2).check("lexrank", [1, 1, 1])


@pytest.mark.parametrize("words, sentences", [(0, None), (None, 0), (1_000_001, None), (-5, 3), (None, None)])
def test_a_budget_out_of_bounds_is_a_settings_error(words, sentences):
    with pytest.raises(ConfigError):
        SelectSettings(max_words=words, max_sentences=sentences)


def test_the_bounds_themselves_are_allowed():
    assert SelectSettings(max_words=1, max_sentences=1).budget == Budget(1, 1)
    assert SelectSettings(max_words=1_000_000, max_sentences=1_000_000).budget.allows(1_000_000, 1_000_000)
    assert SelectSettings(max_words=None, max_sentences=3).budget.word_cap == float("inf")
    assert SelectSettings(max_words=30, max_sentences=None).budget.sentence_cap == float("inf")


def test_quotable_sentence_lengths_may_be_one_length_but_not_none():
    assert SelectSettings(min_sentence_words=10, max_sentence_words=10).max_sentence_words == 10
    with pytest.raises(ConfigError, match="min_sentence_words"):
        SelectSettings(min_sentence_words=10, max_sentence_words=9)
