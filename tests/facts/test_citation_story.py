"""Citations tested for what they promise, on a story written for it: four sources report the
quoted fact in their own words, a fifth gives another figure.  A careful reader cites exactly the
four, whichever of them the fact is quoted from, never the fifth, and each by the sentence that says
it best.  The other tellings ("burned 42 houses to the ground", "42 homes ... were lost", "left 42
homes in ruins") are read as the same count of homes destroyed (figures.same_figure), and a source
stating it with every name of the quote reports it.
"""

from __future__ import annotations

import pytest

import summarizer
from summarizer.facts.cite import cite
from summarizer.models import Pick, Source
from tests.helpers import story_pool

ARTICLES = [
    "Wildfire Sweeps Through Carrow\n\n"
    "A wildfire destroyed 42 homes in the hill village of Carrow on Sunday night, officials said. "
    "Strong winds from the east drove the flames down the valley within hours. "
    "The county opened an emergency shelter at the Carrow primary school.",

    "Carrow Counts the Cost After Blaze\n\n"
    "The blaze burned 42 houses to the ground in Carrow late on Sunday, the county fire service said. "
    "Residents described a wall of smoke moving toward the church. "
    "Insurers said it was too early to put a figure on the damage.",

    "Firefighters said 42 homes in Carrow were lost to the fire on Sunday night. "
    "Three firefighters were treated for smoke inhalation. "
    "Roads into the valley will stay closed until Wednesday. "
    "In all, 42 homes in Carrow were lost.",

    "Village Mourns Lost Homes\n\n"
    "Flames tore through Carrow on Sunday night and left 42 homes in ruins, according to the county. "
    "Volunteers brought food and blankets to the school hall. "
    "The mayor asked visitors to stay away from the village.",

    "The wildfire destroyed 57 homes in Carrow on Sunday night, according to the mayor. "
    "A farmer said he had seen sparks from a power line before the fire began. "
    "The power company said it would inspect its lines in the valley.",
]
REPORT_42 = (0, 1, 2, 3)  # the sources that say 42 homes were destroyed on Sunday night
SAYS_IT_BEST = {  # per source, its sentence that reports the fact (source 2 says it twice, once in full)
    0: "A wildfire destroyed 42 homes in the hill village of Carrow on Sunday night, officials said.",
    1: "The blaze burned 42 houses to the ground in Carrow late on Sunday, the county fire service said.",
    2: "Firefighters said 42 homes in Carrow were lost to the fire on Sunday night.",
    3: "Flames tore through Carrow on Sunday night and left 42 homes in ruins, according to the county.",
    4: "The wildfire destroyed 57 homes in Carrow on Sunday night, according to the mayor.",
}


@pytest.fixture(scope="module")
def pool_and_config():
    return story_pool(ARTICLES)


def quoted_from(pool, config, source: int):
    """The briefing sentence quoting the fact from ``source``'s sentence, with its citations."""
    [row] = [r for r, s in enumerate(pool.sentences) if s.text == SAYS_IT_BEST[source]]
    [passage] = [k for k, p in enumerate(pool.passages) if row in p.rows]
    [sentence] = cite(pool, [Pick(passage, row)], [1.0], config.cite.threshold)
    return sentence


@pytest.mark.parametrize("source, expected", [
    (0, REPORT_42),
    (1, REPORT_42),
    (2, REPORT_42),
    (3, REPORT_42),
    (4, (4,)),  # 57 homes: the others disagree with it, none reports it
])
def test_the_fact_quoted_from_each_source_cites_exactly_the_sources_reporting_it(pool_and_config, source, expected):
    pool, config = pool_and_config
    sentence = quoted_from(pool, config, source)
    assert sentence.sources == expected
    [own] = [c for c in sentence.citations if c.source == source]
    assert own.exact and own.text == sentence.text  # the quote is verbatim from its own source


@pytest.mark.parametrize("source", [2, 3])
def test_each_other_source_is_cited_by_the_sentence_that_says_it_best(pool_and_config, source):
    pool, config = pool_and_config
    sentence = quoted_from(pool, config, source)
    for citation in sentence.citations:
        assert citation.text == SAYS_IT_BEST[citation.source]
        assert citation.exact is (citation.source == source)
        assert pool.sources[citation.source].text[citation.start:citation.end] == citation.text


def test_the_default_briefing_quotes_the_fact_once_cites_the_four_and_lists_the_fifth():
    sources = [Source(f"s{i}.txt", f"s{i}.txt", text) for i, text in enumerate(ARTICLES)]
    briefing = summarizer.summarize(sources, max_sentences=2, max_words=None)
    first = briefing.sentences[0]
    assert "42 homes" in first.text  # the fact four of five sources report comes first ...
    assert first.sources == REPORT_42  # ... cited to all four, not to the source counting 57
    assert not any("57 homes" in s.text for s in briefing.sentences)  # the same claim is not quoted twice
    [disagreement] = [d for d in briefing.disagreements if d.topic == "homes destroyed"]
    assert ("57", (4,)) in [(c.value, c.sources) for c in disagreement.claims]


def test_where_sources_differ_lists_all_four_against_the_fifth():
    sources = [Source(f"s{i}.txt", f"s{i}.txt", text) for i, text in enumerate(ARTICLES)]
    briefing = summarizer.summarize(sources, max_sentences=1, max_words=None)
    [disagreement] = [d for d in briefing.disagreements if d.topic == "homes destroyed"]
    assert [(c.value, c.sources) for c in disagreement.claims] == [("42", REPORT_42), ("57", (4,))]


def test_a_sentence_carried_word_for_word_by_four_sources_cites_all_four():
    wire = "A wildfire destroyed 42 homes in the hill village of Carrow on Sunday night, officials said."
    own = ["Strong winds drove the flames down the valley.", "Insurers said it was too early to count the cost.",
           "Three firefighters were treated for smoke inhalation.", "The mayor asked visitors to stay away."]
    sources = [Source(f"w{i}.txt", f"w{i}.txt", f"{line} {wire}" if i % 2 else f"{wire} {line}")
               for i, line in enumerate(own)]
    sources.append(Source("other.txt", "other.txt", ARTICLES[4]))
    briefing = summarizer.summarize(sources, max_sentences=1, max_words=None)
    [sentence] = briefing.sentences
    assert sentence.text == wire and sentence.sources == (0, 1, 2, 3)
    assert all(c.exact and c.text == wire for c in sentence.citations)


def test_a_source_telling_the_fact_twice_is_cited_by_the_sentence_that_says_it_best():
    quote = "A wildfire destroyed 42 homes in the hill village of Carrow on Sunday night, officials said."
    fuller = "A wildfire destroyed 42 homes in the village of Carrow on Sunday night, officials said."
    shorter = "A wildfire destroyed 42 homes in Carrow on Sunday."
    pool, config = story_pool([f"{quote} Strong winds drove the flames down the valley.",
                               f"{fuller} Insurers were cautious. {shorter}",
                               "Three firefighters were treated for smoke inhalation. The mayor asked visitors to stay away."])
    [passage] = [k for k, p in enumerate(pool.passages) if 0 in p.rows]
    [sentence] = cite(pool, [Pick(passage, 0)], [1.0], config.cite.threshold)
    assert [(c.source, c.text) for c in sentence.citations] == [(0, quote), (1, fuller)]
