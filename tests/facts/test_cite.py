"""Citations: every source that reports a chosen sentence, and none that reports something else."""

from __future__ import annotations

import pytest

import summarizer
from summarizer.facts.figures import comparable_key, differ, sentence_figures
from summarizer.models import Sentence, Source

ONE_SENTENCE = dict(max_sentences=1, max_words=None, algo="lexrank", position_weight=0.0)


@pytest.mark.parametrize("a, b, expected", [
    ("The tornado killed 14 people and injured 300.", "The tornado killed 15 people and injured 300.", True),
    ("Fifteen people were killed in the crash.", "14 people were killed in the crash.", True),
    # "at least 14" allows 15: the same count, more precisely
    ("The tornado killed at least 14 people and injured 300.", "The tornado killed 15 people and injured 300.", False),
    ("Hirohito died on Saturday at the age of 87.", "Hirohito died of cancer on Jan. 7 at age 87.", False),
    ("The quake killed 1,000 people.", "The quake killed 1000 people, officials said.", False),
    ("Rebels took the city.", "Rebels took the city on day 3.", False),
    # different years: different tolls, neither cited against the other nor listed
    ("The storm killed 15 people in 2024.", "The storm killed about 15 people in 2023.", False),
    # a count that names no group takes the group the other sentence names
    ("The raid killed 20 militants, the army said.", "The raid killed 25, the army said.", True),
])
def test_figures_differ_when_they_give_another_value_for_the_same_thing(a, b, expected):
    figures_a, figures_b = sentence_figures([Sentence(a, 0, 0, 0, len(a)), Sentence(b, 1, 0, 0, len(b))])
    assert differ(figures_a, figures_b) is expected
    assert differ(figures_b, figures_a) is expected
    # same_claim looks for another value only among sentences sharing a comparable key: it must
    # miss no difference
    shared = {comparable_key(f) for f in figures_a} & {comparable_key(f) for f in figures_b}
    assert shared or not expected


def test_near_duplicate_with_another_figure_is_not_cited_for_it():
    told_by_a = "A tornado struck a shopping district and a school on Wednesday, killing 14 people."
    told_by_b = "A tornado struck a shopping district and a school on Wednesday, killing 15 people."
    sources = [Source(n, n, t) for n, t in (("a.txt", told_by_a), ("b.txt", told_by_b), ("c.txt", told_by_a))]
    briefing = summarizer.summarize(sources, **ONE_SENTENCE)
    [sentence] = briefing.sentences
    assert "14 people" in sentence.text
    assert sentence.sources == (0, 2)  # not b.txt, which counts 15 ...
    [disagreement] = briefing.disagreements  # ... and is listed where the sources differ
    assert [(c.value, c.sources) for c in disagreement.claims] == [("14", (0, 2)), ("15", (1,))]


def test_sentence_on_the_same_topic_is_not_a_paraphrase():
    quote = "Hurricane Gilbert hit Jamaica on Monday with winds of 115 mph, destroying thousands of homes."
    related = "Gilbert was the strongest hurricane of the season, and Jamaica had not seen such winds since 1951."
    filler = "Schools in the capital stayed closed on Tuesday while crews cleared fallen trees from the roads."
    sources = [Source("a.txt", "a.txt", quote), Source("b.txt", "b.txt", f"{filler} {related}")]
    briefing = summarizer.summarize(sources, **{"cite.threshold": 0.1}, **ONE_SENTENCE)
    assert [s.sources for s in briefing.sentences] == [(0,)]


def test_a_near_duplicate_is_cited_only_when_the_claim_model_says_it_reports_the_claim():
    from tests.helpers import story_pool

    from summarizer.facts.cite import cite
    from summarizer.models import Pick

    quote = "Dana Okafor watched the parade from her fourth-floor flat just 20 yards from the Brenton gate."
    near_duplicate = "Dana Okafor raised six children in a fourth-floor flat just 20 yards from the Brenton gate."
    texts = [f"{quote} The gate was lifted onto a truck at noon.",
             f"{near_duplicate} Crowds cheered as the gate left.",
             f"Schools stayed shut. {quote}"]
    # A model that never says "reports": the copy in s2.txt is still cited, the near-duplicate is not.
    pool, config = story_pool(texts, **{"cite.threshold": 1.0})
    [passage] = [k for k, p in enumerate(pool.passages) if 0 in p.rows]
    assert {pool.sentences[r].source for r in pool.passages[passage].rows} == {0, 1, 2}
    [sentence] = cite(pool, [Pick(passage, 0)], [1.0], config.cite.threshold)
    assert sentence.sources == (0, 2)
