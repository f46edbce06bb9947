"""Citations: every source that reports a chosen sentence, and none that reports something else."""

from __future__ import annotations

import pytest

import summarizer
from summarizer.claims import extract_figures, figures_conflict
from summarizer.models import Source

ONE_SENTENCE = dict(max_sentences=1, max_words=None, algo="lexrank", position_weight=0.0)


@pytest.mark.parametrize("a, b, differ", [
    ("The tornado killed 14 people and injured 300.", "The tornado killed 15 people and injured 300.", True),
    ("At least 233 people have died since Jan. 20.", "At least 171 people have died since Jan. 20.", True),
    ("Hirohito died on Saturday at the age of 87.", "Hirohito died of cancer on Jan. 7 at age 87.", False),
    ("The quake killed 1,000 people.", "The quake killed 1000 people, officials said.", False),
    ("Rebels took the city.", "Rebels took the city on day 3.", False),
])
def test_figures_differ_only_when_each_has_a_figure_the_other_contradicts(a, b, differ):
    assert figures_conflict(extract_figures(a), extract_figures(b)) is differ
    assert figures_conflict(extract_figures(b), extract_figures(a)) is differ


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
