"""The prior: what editors prefer, all else equal."""

from __future__ import annotations

import pytest

import numpy as np

from summarizer.pool.editorial import prior, wording
from summarizer.models import Passage, Sentence


def passage(text: str, position: int = 5, source: int = 0) -> Passage:
    return Passage((0,), (Sentence(text, source, position, 0, len(text)),))


STANDS_ALONE = "The regional government ordered an inquiry into the flood warnings on Monday."


@pytest.mark.parametrize("opening", ["However,", "In contrast,", "As a result,", "For its part,", "They said"])
def test_sentence_leaning_on_the_one_before_ranks_below_one_that_stands_alone(opening):
    leaning = f"{opening} the regional government ordered an inquiry into the warnings on Monday."
    weights = prior([passage(STANDS_ALONE), passage(leaning)], 1, np.zeros(1), position_weight=1.0,
                    corroboration_weight=0.5)
    assert weights[1] < 0.8 * weights[0]


def test_lead_sentence_ranks_above_a_later_one():
    passages = [passage(STANDS_ALONE, position=0), passage(STANDS_ALONE, position=9)]
    weights = prior(passages, 1, wording([p.sentence for p in passages], "balanced", "english"), position_weight=1.0,
                    corroboration_weight=0.5)
    assert weights[0] > weights[1]


FLOOD = [
    "This latest flood forced {n} families in Alden from their homes after the Harlow River burst its "
    "banks on Tuesday.",
    "Rescue crews in boats reached residents stranded on rooftops near the old mill, the fire service said.",
    "Mayor Ruth Okafor said the water would recede by Friday if the rain stopped.",
    "The regional weather office recorded {r} millimetres of rain in two days, the most since 1974.",
    "Emergency shelters opened at two schools and the sports hall on Mill Road.",
]


@pytest.mark.parametrize("algo", ["centroid", "lexrank"])
def test_a_sentence_pointing_back_with_this_or_these_is_never_quoted(algo):
    import summarizer
    from summarizer.models import Source

    # Every outlet leads with the sentence that points back, so only the rule keeps it out.
    texts = ["\n\n".join(line.format(n=120 + 10 * i, r=80 + i) for line in FLOOD) for i in range(4)]
    sources = [Source(f"o{i}.txt", f"o{i}.txt", text) for i, text in enumerate(texts)]
    briefing = summarizer.summarize(sources, algo=algo, max_words=150)
    assert briefing.sentences and not any(s.text.startswith("This latest") for s in briefing.sentences)
    plain = [Source(s.name, s.path, s.text.replace("This latest flood forced", "The flood forced")) for s in sources]
    assert any(s.text.startswith("The flood forced")
               for s in summarizer.summarize(plain, algo=algo, max_words=150).sentences)
