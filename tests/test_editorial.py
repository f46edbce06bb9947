"""The prior: what editors prefer, all else equal."""

from __future__ import annotations

import pytest

from summarizer.config import Config
from summarizer.editorial import prior
from summarizer.models import Passage, Sentence


def passage(text: str, position: int = 5, source: int = 0) -> Passage:
    return Passage((0,), (Sentence(text, source, position, 0, len(text)),))


STANDS_ALONE = "The regional government ordered an inquiry into the flood warnings on Monday."


@pytest.mark.parametrize("opening", ["However,", "In contrast,", "As a result,", "For its part,", "They said"])
def test_sentence_leaning_on_the_one_before_ranks_below_one_that_stands_alone(opening):
    leaning = f"{opening} the regional government ordered an inquiry into the warnings on Monday."
    weights = prior([passage(STANDS_ALONE), passage(leaning)], 1, Config().replace(**{"neutrality.policy": "off"}))
    assert weights[1] < 0.8 * weights[0]


def test_lead_sentence_ranks_above_a_later_one():
    weights = prior([passage(STANDS_ALONE, position=0), passage(STANDS_ALONE, position=9)], 1, Config())
    assert weights[0] > weights[1]
