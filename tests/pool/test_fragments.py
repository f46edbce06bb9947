"""Fragments are never quoted: listings, captions, table rows, lists of names; real sentences are."""

from __future__ import annotations

import pytest

import summarizer
from summarizer.config.sections import Config
from summarizer.ingest.verbs import is_clause
from summarizer.pool.editorial import quotable
from summarizer.models import Sentence

from tests.helpers import story_pool


@pytest.mark.parametrize("text", [
    '"Bernstein on Beethoven: Fidelio," with rehearsal and concert footage of Bernstein working with the '
    "Vienna State Opera Company.",
    '"Bernstein on Beethoven: a Tribute," featuring Bernstein playing sections of Piano Concerto No. 1.',
    "Iran, Sept. 16, 1978, 7.7, 25,000.",
    "George C. Scott and Marlon Brando.",
    "WILLIAM R. POUNDERS, 50 -- Superior Court judge since 1985.",
    "Black Dogs by Ian McEwan (Secker & Warburg Pounds 14.99).",
    "Chorus of condemnation from around the world.",
    "This, despite the unreliability of German money supply data.",
    "A huge plume of smoke visible for miles over Berkeley.",
])
def test_fragment_is_no_clause(text):
    assert not is_clause(text)


@pytest.mark.parametrize("text", [
    "Smoke rises over Hama.",
    "Rebels take Hama.",
    "Men outnumber women two to one in the caseload.",
    "In THE VETERINARY RECORD, the scientists eliminate most routes of infection.",
    "Kuwait and the United Arab Emirates pledge to abide by the agreement.",
    "Twenty-six people died while trying to outrun the twister.",
    "They never knock other runners, Borrego said.",
    "Today we no longer share the Victorian confidence in the novel.",
    "But hurricane tracking remains an uncertain science.",
    "That leaves 50 percent of the oil in the water.",
    "It's a coincidence of cosmic proportions.",
    "“We will return,” the commander said.",
    '"Get out of the city now," the officer shouted.',
    "Mr Mark Bulloch of Jardine Fleming takes the domestic political situation in his stride.",
])
def test_real_sentence_is_a_clause(text):
    assert is_clause(text)


def test_another_language_is_not_judged():
    assert is_clause("Rauch über Hama.", "german")


def test_quotable_refuses_a_fragment_and_keeps_a_sentence():
    check = quotable(5, 60, "balanced", "english")
    listing = "George C. Scott and Marlon Brando, best actor, 1970 and 1972."
    sentence = "George C. Scott refused the award for best actor in 1971."
    assert not check(Sentence(listing, 0, 3, 0, len(listing)))
    assert check(Sentence(sentence, 0, 3, 0, len(sentence)))


ARTICLE = (
    "Leonard Bernstein, the conductor and composer, died on Sunday in New York at the age of 72.\n"
    "His recordings have sold millions of copies, and three tapes of his television programs are out:\n"
    '* "Bernstein on Beethoven: Fidelio," with rehearsal and concert footage of Bernstein working with the '
    "Vienna State Opera Company.\n"
    '* "Bernstein on Beethoven: Ode to Joy," featuring the Vienna State Opera Chorus and the Vienna Philharmonic.\n'
    "* The orchestra will release two more of his recordings in the spring.\n"
    "Bernstein led the New York Philharmonic for eleven years and wrote the music for West Side Story.\n"
)


def test_listing_items_are_not_pooled_but_sentence_items_are():
    pool, _ = story_pool([ARTICLE])
    texts = [s.text for s in pool.sentences]
    assert not any("Bernstein on Beethoven" in t for t in texts)
    assert any(t.startswith("The orchestra will release") for t in texts)


def test_briefing_never_quotes_a_fragment_line_but_quotes_the_sentences():
    table = ("The five deadliest earthquakes since 1960, by country, date, magnitude and toll:\n"
             "Iran, Sept. 16, 1978, 7.7, 25,000 dead in the eastern province of Khorasan.\n"
             "Soviet Armenia, Dec. 7, 1988, 6.9, 25,000 dead in the towns of Spitak and Leninakan.\n"
             "Rescuers in Spitak searched the ruins for survivors through the night, officials said.\n")
    sources = [summarizer.Source("a.txt", "a.txt", ARTICLE), summarizer.Source("b.txt", "b.txt", table)]
    briefing = summarizer.summarize_sources(sources, Config().replace(max_words=400))
    quoted = [s.text for s in briefing.sentences]
    assert quoted
    assert not any(t.startswith(("Iran,", "Soviet Armenia,", '"Bernstein')) for t in quoted)
    assert any(t.startswith("Rescuers in Spitak") for t in quoted)


@pytest.mark.parametrize("text, clause", [
    ("Assad's Last Stand.", False),
    ("Syria's army chief in Hama.", False),
    ("It's over for the army in Hama.", True),
    ("It’s over for the army in Hama.", True),
    ("There's nothing left of the old market.", True),
])
def test_a_possessive_is_no_verb(text, clause):
    assert is_clause(text) is clause


def test_dateline_caption_and_label_lines_are_never_quoted():
    text = ("HAMA, Syria (AP) --\n"
            "Rebels captured the central city of Hama on Thursday after days of fighting with government troops.\n"
            "Smoke rises over Hama after shelling on Thursday. (AP Photo/Ghaith Alsayed)\n"
            "Related: Syria's war, a timeline of the fighting since 2011.\n"
            "Assad's Last Stand in the Central City of Hama.\n"
            "The army said it had moved its units out of the city to protect civilians.\n")
    pool, _ = story_pool([text])
    quotable = {pool.sentences[r].text for rows in pool.quotable for r in rows}
    assert quotable == {
        "Rebels captured the central city of Hama on Thursday after days of fighting with government troops.",
        "The army said it had moved its units out of the city to protect civilians."}


@pytest.mark.parametrize("text, clause", [
    ("Peru, May 31, 1970, 7.7, 66,794.", False),  # "May", a month
    ("The Butcher's Boy by Patrick McCabe (Picador Pounds 14.99).", False),
    ("HURRICANES ARE part of the romance of the tropics.", True),
    ("Nancy Walker sang her sassy song from the show.", True),
    ("In this particular case, everything's fitting together.", True),
])
def test_capitalised_words_count_as_verbs_only_opening_the_sentence_or_in_capitals(text, clause):
    assert is_clause(text) is clause


@pytest.mark.parametrize("verb", ["slid", "shrank", "knelt", "withheld", "oversaw", "clung", "leapt", "crept"])
def test_a_sentence_whose_only_verb_is_an_irregular_past_form_is_a_clause(verb):
    assert is_clause(f"The old minister {verb} against the wall of the chapel in the early morning.")
