"""Neutral wording: loaded, opinionated and rhetorical sentences are scored up and kept out."""

from __future__ import annotations

import statistics

import pytest

import summarizer
from tests.helpers import SEEDS
from summarizer.ingest.formats import seeds_dir
from summarizer.ingest.load import load_sources
from summarizer.models import Source
from summarizer.config.sections import available_profiles, load_profile
from summarizer.pool.neutrality import is_loaded, is_rhetorical_question, subjectivity
from summarizer.rank import ALGORITHMS
from summarizer.pool.sentences import pool_sentences
from summarizer.ingest.structure import parse_blocks

PLAIN = [
    "The army withdrew its forces from the city on Thursday.",
    "The United Nations said more than 280,000 people had been displaced.",
    "Rebels took control of the airport and the central prison.",
    # Words that also serve interpretation, used here for plain facts.
    "Smith, who represents a district in Ohio, voted against the bill on Tuesday.",
    "The referee signaled the end of the match after 90 minutes.",
]
LOADED = [
    "In a stunning turn of events, rebels captured the city.",
    "Days earlier, the rebels had stunned the army by taking the airport.",
    "We must not forget the victims of this senseless war.",
    "What does this mean for the region?",
    "The coming weeks will be critical for the regime.",
    "Undoubtedly, this is a watershed in Syria's tumultuous history.",
    # Analysis in the writer's own voice, written with no opinion adjective a lexicon knows.
    "For the government, the loss underscores the limits of its hold on the north.",
    "The vote represents a new phase in the dispute over the border.",
    "For the union, the deal represents both a strategic victory and a symbolic one.",
    "The strike is widely seen as a test of the union's strength.",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_reporting_scores_low(text):
    assert subjectivity(text) < 0.4


@pytest.mark.parametrize("text", LOADED)
def test_opinion_hype_questions_and_predictions_score_high(text):
    assert subjectivity(text) >= 0.5


def test_interpretation_attributed_to_someone_is_reporting():
    assert subjectivity("The loss underscores the limits of the government's hold on the north, analysts said.") < 0.5


def test_quoted_speech_is_attributed_not_the_briefings_voice():
    assert subjectivity('"This is a stunning victory," the commander said.') < 0.5
    assert not is_rhetorical_question('"Where will we go?" asked one resident, who fled on Monday.')
    assert is_rhetorical_question("Where will the refugees go?")


def seed_pool_subjectivity() -> float:
    sources = load_sources([str(seeds_dir())])
    sentences = pool_sentences([parse_blocks(s, i) for i, s in enumerate(sources)])
    return statistics.mean(subjectivity(s.text) for s in sentences)


@pytest.mark.parametrize("policy", ["balanced", "strict"])
def test_briefing_is_plainer_than_its_sources(policy):
    briefing = summarizer.summarize([str(SEEDS)], neutrality=policy)
    mean = statistics.mean(subjectivity(s.text) for s in briefing.sentences)
    assert mean < seed_pool_subjectivity()


def test_strict_policy_quotes_no_loaded_sentence():
    briefing = summarizer.summarize([str(SEEDS)], neutrality="strict", max_words=300)
    assert briefing.sentences
    assert all(subjectivity(s.text) < 0.5 for s in briefing.sentences)


def test_plainer_paraphrase_is_quoted_and_both_sources_cited():
    loaded = "In a stunning turn of events, rebel forces captured the city of Hama on Thursday after a week of fighting."
    plain = "Rebel forces captured the city of Hama on Thursday after a week of fighting, the army said."
    filler_a = "Officials in Damascus gave no figures for the number of soldiers who left the area."
    filler_b = "Aid groups said food and medicine were running short in nearby towns and villages."
    sources = [Source("a.txt", "a.txt", f"{loaded} {filler_a}"), Source("b.txt", "b.txt", f"{plain} {filler_b}")]
    briefing = summarizer.summarize(sources, max_words=25)
    assert briefing.sentences[0].text == plain
    assert briefing.sentences[0].sources == (0, 1)
    off = summarizer.summarize(sources, max_words=25, neutrality="off")
    assert off.sentences[0].sources == (0, 1)


def test_a_loaded_word_counts_in_the_writers_voice_only():
    assert is_loaded("Days earlier, the rebels had stunned the army by taking the airport.")
    assert is_loaded("The city is a critical hub in the north.")
    assert not is_loaded('"We stunned them," the commander said of the assault on the airport.')
    assert not is_loaded("Rebels took the airport on Tuesday, the army said.")
    assert not is_loaded("Die Rebellen haben die Armee schockiert.", "german")


def test_a_loaded_sentence_is_not_quoted_unless_the_policy_is_off():
    loaded = "Days earlier, the rebels had stunned the army by taking the airport and the central prison in Hama."
    plain = "Rebel forces captured the airport of Hama on Thursday after a week of fighting, the army said."
    other = "Aid groups said food and medicine were running short in the towns and villages near the airport."
    sources = [Source("a.txt", "a.txt", f"{loaded} {other}"), Source("b.txt", "b.txt", f"{loaded} {plain}")]
    briefing = summarizer.summarize(sources, max_words=120)
    assert briefing.sentences and not any("stunned" in s.text for s in briefing.sentences)
    off = summarizer.summarize(sources, max_words=120, neutrality="off")
    assert any("stunned" in s.text for s in off.sentences)


@pytest.mark.parametrize("profile", available_profiles())
def test_no_seed_briefing_uses_a_loaded_word_in_its_own_voice(profile):
    for algo in sorted(ALGORITHMS):
        briefing = summarizer.summarize([str(SEEDS)], load_profile(profile), algo=algo)
        assert briefing.sentences
        assert not [s.text for s in briefing.sentences if is_loaded(s.text)], (profile, algo)


def test_the_default_briefing_reads_plainer_than_its_sources_by_textblob():
    """TextBlob's own subjectivity (the lexicon as it ships, no rules of ours): the briefing's mean
    below the mean of every sentence of the sources."""
    from textblob import TextBlob

    sources = load_sources([str(seeds_dir())])
    sentences = pool_sentences([parse_blocks(s, i) for i, s in enumerate(sources)])
    pooled = statistics.mean(TextBlob(s.text).sentiment.subjectivity for s in sentences)
    briefing = summarizer.summarize(sources)
    assert statistics.mean(TextBlob(s.text).sentiment.subjectivity for s in briefing.sentences) < pooled
