"""With ``cite.anchored`` set, a source is cited for a quote in its own words when its sentence
carries the quote's whole who-did-what-where (``claim_match.carries_who_did_what``): every event,
agent and name of the quote's main clause, with no plan for a deed, no other day and no other
figure.  By default (1.0) it is off and the claim model alone decides.  Stories written for it."""

from __future__ import annotations

import pytest

import summarizer
from summarizer.facts.claim_match import reporting_rows
from summarizer.models import Source
from tests.helpers import story_pool

ON = {"cite.anchored": 0.3}

DERAL = [
    "Rebel fighters captured the northern town of Deral on Friday, residents said. Shops stayed shut.",
    "Insurgents seized Deral, a market town in the north, on Friday after a short battle. Aid groups asked for access.",
    "The fall of Deral to the rebels came after two days of shelling. Roads south were blocked.",
    "Government troops captured Deral on Friday, the army said. Officers praised the advance.",  # another agent
    "Rebels could capture Deral within days, analysts warned. Families were leaving.",  # a possibility
    "Rebels captured the town of Marib on Friday. The port stayed open.",  # another place
    "Rebels took control of Deral on Tuesday, a monitor said. Electricity was cut.",  # another day
]


@pytest.fixture(scope="module")
def deral():
    return story_pool(DERAL, **ON)


def cited_sources(pool, config, text: str) -> set[int]:
    [row] = [r for r, s in enumerate(pool.sentences) if s.text == text]
    return set(reporting_rows(pool.claims, row, config.cite.threshold, anchored=config.cite.anchored))


@pytest.mark.parametrize("quoted, reporting", [(0, {1, 2}), (1, {0, 2})])
def test_the_same_capture_in_other_words_is_cited_and_nothing_else(deral, quoted, reporting):
    pool, config = deral
    first = DERAL[quoted].split(". ")[0] + "."
    assert cited_sources(pool, config, first) == reporting


def test_each_reporting_source_is_cited_by_its_sentence_of_the_capture(deral):
    pool, config = deral
    [row] = [r for r, s in enumerate(pool.sentences) if s.text.startswith("Rebel fighters captured")]
    rows = reporting_rows(pool.claims, row, config.cite.threshold, anchored=config.cite.anchored)
    assert pool.sentences[rows[1]].text.startswith("Insurgents seized Deral")
    assert pool.sentences[rows[2]].text.startswith("The fall of Deral to the rebels")


def test_a_source_giving_another_toll_for_the_capture_is_not_cited():
    pool, config = story_pool([
        "Rebel fighters captured the town of Deral on Friday, killing 12 soldiers.",
        "Insurgents seized Deral on Friday, killing 20 soldiers, a monitor said.",
        "The fall of Deral to the rebels on Friday cost 12 soldiers their lives.",
    ], **ON)
    cited = cited_sources(pool, config, "Rebel fighters captured the town of Deral on Friday, killing 12 soldiers.")
    assert 1 not in cited


def test_a_quote_without_an_agent_is_left_to_the_claim_model():
    pool, config = story_pool([
        "Deral fell on Friday after two days of shelling.",
        "Rebel fighters took the town of Deral after a week of clashes, a monitor said.",
    ], **ON)
    assert cited_sources(pool, config, "Deral fell on Friday after two days of shelling.") == set()


def test_off_by_default_the_briefing_cites_what_the_claim_model_alone_stands_behind():
    sources = [Source(f"s{i}.txt", f"s{i}.txt", text) for i, text in enumerate(DERAL[:3])]
    default = summarizer.summarize(sources, max_sentences=1, max_words=None)
    on = summarizer.summarize(sources, max_sentences=1, max_words=None, **ON)
    [quoted], [quoted_on] = default.sentences, on.sentences
    assert quoted.text == quoted_on.text and "Deral" in quoted.text
    assert 2 not in quoted.sources  # the claim model alone does not cite "The fall of Deral to the rebels" ...
    assert quoted_on.sources == (0, 1, 2)  # ... the who-did-what-where does, and says so in the count
