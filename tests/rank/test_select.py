"""Selection: hard budgets, no near-duplicates, the source cap, determinism."""

from __future__ import annotations

import random

import numpy as np
import pytest

import summarizer
from summarizer.config.sections import Config
from summarizer.models import TermMatrix
from summarizer.pool.editorial import wording
from summarizer.pool.features import Tokenizer
from summarizer.models import Budget, Passage, Pool, Sentence, Source
from summarizer.rank.mmr import select

from tests.helpers import SEEDS

WORDS = ("river flood town homes rain mayor school bridge road army police storm wind power water "
         "crops farm hospital train airport market price bank court minister vote").split()


def random_passages(rng: random.Random, n: int, n_sources: int) -> list[list[Sentence]]:
    passages = []
    for i in range(n):
        words = rng.choices(WORDS, k=rng.randint(3, 30))
        text = "The " + " ".join(words) + "."
        members = [Sentence(text, rng.randrange(n_sources), i, 0, len(text))]
        if rng.random() < 0.3:
            members.append(Sentence(text, rng.randrange(n_sources), i, 0, len(text)))
        passages.append(members)
    return passages


def make_pool(passages: list[list[Sentence]], n_sources: int, quotable=lambda s: True, policy: str = "off") -> Pool:
    """A pool holding exactly these passages (no segmentation or deduplication)."""
    sentences = [m for members in passages for m in members]
    rows, start = [], 0
    for members in passages:
        rows.append(tuple(range(start, start + len(members))))
        start += len(members)
    terms = TermMatrix.build([s.text for s in sentences], Tokenizer())
    quotable_rows = [tuple(r for r in rs if quotable(sentences[r])) for rs in rows]
    quote = np.array([q[0] if q else -1 for q in quotable_rows])
    return Pool(
        sources=[Source(f"s{i}", f"s{i}", "") for i in range(n_sources)], headlines=[""] * n_sources, titles=[""] * n_sources,
        sentences=sentences, tokenizer=Tokenizer(), terms=terms, tfidf=terms.tfidf(),
        passages=[Passage(r, tuple(sentences[i] for i in r)) for r in rows], prior=np.ones(len(rows)),
        quotable=quotable_rows, quote=quote,
        words=np.array([sentences[q].words if q >= 0 else 0 for q in quote]), wording=wording(sentences, policy, "english"),
    )


def run_select(passages, scores, budget, n_sources, quotable=lambda s: True, **settings):
    config = Config().replace(**{"select.diversity": 0.3, "select.redundancy_threshold": 0.5, "select.max_source_share": 1.0,
                                 "neutrality.policy": "off", **settings})
    pool = make_pool(passages, n_sources, quotable, config.neutrality.policy)
    picks = select(pool, scores, budget, config.select)
    return [(p.passage, pool.sentences[p.row]) for p in picks], pool.tfidf[pool.leaders]


@pytest.mark.parametrize("seed", range(25))
def test_budget_is_never_exceeded_and_no_near_duplicates(seed):
    rng = random.Random(seed)
    passages = random_passages(rng, rng.randint(1, 80), 4)
    scores = np.array([rng.random() for _ in passages])
    max_words, max_sentences = rng.choice([None, 10, 37, 100, 250]), rng.choice([None, 1, 3, 8])
    budget = Budget(max_words, max_sentences) if max_words or max_sentences else Budget(50, None)
    choices, vectors = run_select(passages, scores, budget, 4)
    assert budget.allows(sum(quote.words for _, quote in choices), len(choices))
    picked = [passage for passage, _ in choices]
    assert len(set(picked)) == len(picked)
    similarity = (vectors[picked] @ vectors[picked].T).toarray()
    np.fill_diagonal(similarity, 0)
    assert (similarity < 0.5).all()


def test_budget_is_filled_with_what_still_fits():
    texts = ["Alpha beta gamma delta epsilon zeta eta theta iota kappa.",  # 10 words, best
             "Lambda mu nu xi omicron pi rho sigma tau upsilon phi chi.",  # 12 words, too long after the first
             "Psi omega one two three."]  # 5 words, fits
    passages = [[Sentence(t, i, 0, 0, len(t))] for i, t in enumerate(texts)]
    choices, _ = run_select(passages, np.array([1.0, 0.9, 0.1]), Budget(16, None), 3)
    assert [passage for passage, _ in choices] == [0, 2]


def test_source_cap_prefers_another_source_carrying_the_same_news():
    text = "The bridge over the river was closed on Monday after the flood."
    other = "Schools in the valley stayed closed for a third day on Tuesday."
    passages = [
        [Sentence(text, 0, 0, 0, len(text)), Sentence(text, 1, 3, 0, len(text))],
        [Sentence(other, 0, 1, 0, len(other))],
    ]
    choices, _ = run_select(passages, np.array([1.0, 0.9]), Budget(24, None), 2, **{"select.max_source_share": 0.5})
    # Source 0 could supply everything; the shared sentence is quoted from source 1 instead.
    assert [(passage, quote.source) for passage, quote in choices] == [(0, 1), (1, 0)]


def test_quotable_and_preference_choose_the_member():
    plain = "The army withdrew from the city on Thursday, officials said."
    loaded = "In a stunning blow, the army withdrew from the city on Thursday."
    passages = [[Sentence(loaded, 0, 0, 0, 10), Sentence(plain, 1, 0, 0, 10)]]
    choices, _ = run_select(passages, np.array([1.0]), Budget(50, None), 2, **{"neutrality.policy": "balanced"})
    assert choices[0][1].text == plain
    none, _ = run_select(passages, np.array([1.0]), Budget(50, None), 2, quotable=lambda s: False)
    assert none == []


def test_selection_is_deterministic_on_ties():
    rng = random.Random(7)
    passages = random_passages(rng, 40, 3)
    scores = np.ones(len(passages))
    first, _ = run_select(passages, scores, Budget(80, None), 3)
    second, _ = run_select(passages, scores, Budget(80, None), 3)
    assert first == second


def test_briefing_has_no_near_duplicate_pair_on_the_seeds():
    briefing = summarizer.summarize([str(SEEDS)], max_words=250)
    tokenizer = Tokenizer()
    vectors = TermMatrix.build([s.text for s in briefing.sentences], tokenizer).tfidf()
    similarity = (vectors @ vectors.T).toarray()
    np.fill_diagonal(similarity, 0)
    assert similarity.max() < summarizer.Config().dedup.threshold


def test_two_wordings_of_one_claim_are_never_both_selected():
    # Cosine 0.27, under the redundancy threshold: only the claim model sees they say the same.
    first = "Rebels captured the northern city of Velsk on Friday after a week of fighting, the army said."
    second = "The army said insurgents took control of Velsk on Friday following seven days of clashes."
    filler = ["Schools in the valley will reopen on Thursday after the smoke cleared, the district announced.",
              "About 3,000 residents were allowed to return to their homes in the evening, the mayor said."]
    sources = [summarizer.Source("a.txt", "a.txt", f"{first} {filler[0]}"),
               summarizer.Source("b.txt", "b.txt", f"{second} {filler[1]}")]
    briefing = summarizer.summarize(sources, max_words=200, **{"select.redundancy_threshold": 0.9, "algo": "lexrank"})
    texts = [s.text for s in briefing.sentences]
    assert (first in texts) != (second in texts)
    loose = summarizer.summarize(sources, max_words=200, **{"select.redundancy_threshold": 0.9, "algo": "lexrank",
                                                             "select.same_claim_threshold": 1.0})
    assert first in [s.text for s in loose.sentences] and second in [s.text for s in loose.sentences]


# An invented story whose outlets lead with two wordings of one claim (the city fell to the rebels on
# Tuesday), each wording shared by two outlets, the rest of each article its own.
CAPTURE = (("Rebel fighters captured the northern city of Velsk on Tuesday, dealing a heavy blow to the "
            "government of President Arno Petrak."),
           ("On Tuesday, after a five-day offensive, insurgent groups led by the Northern Front took control "
            "of Velsk, the country's third-largest city."))
AFTERMATH = ("The army said it had moved its units to new lines south of Velsk to protect civilians.",
             "About 40,000 residents fled toward the coast as the fighting spread, aid agencies said.",
             "The Northern Front's commander, Ilse Maran, told his fighters to spare prisoners and public buildings.",
             "Petrak's government promised a counteroffensive within days, the defence ministry said.",
             ("Velsk, a city of 600,000 people on the main highway to the capital, had been held by the "
              "government since 2012."),
             "Neighbouring states called for a ceasefire and talks between the two sides.")


def capture_story() -> list[Source]:
    articles = [" ".join([CAPTURE[i % 2], *(AFTERMATH[i:] + AFTERMATH[:i])[:2]]) for i in range(4)]
    return [summarizer.Source(f"outlet{i}.txt", f"outlet{i}.txt", text) for i, text in enumerate(articles)]


@pytest.mark.parametrize("max_words", [60, 120, 200])
def test_the_default_briefing_never_says_one_claim_twice(max_words):
    quoted = [s.text for s in summarizer.summarize(capture_story(), max_words=max_words).sentences]
    assert sum(wording in quoted for wording in CAPTURE) == 1
    # Only the claim model keeps the second wording out: without it the briefing says it twice.
    unchecked = summarizer.summarize(capture_story(), max_words=max_words,
                                     **{"rank.centroid.same_claim_threshold": 1.0})
    assert all(wording in [s.text for s in unchecked.sentences] for wording in CAPTURE)


@pytest.mark.parametrize("algo", ["centroid", "lexrank"])
def test_the_same_count_given_two_ways_is_quoted_once_and_shown_as_a_difference(algo):
    first = ("A fast-moving wildfire forced about 12,000 residents of Alder to evacuate on Tuesday, county "
             "officials said. Firefighters from three counties joined the effort overnight, officials said.")
    second = ("About 15,000 people have been ordered to leave Alder as a wildfire spread on Tuesday, the sheriff's "
              "office said. Schools in the district will stay closed on Wednesday, the superintendent said.")
    sources = [summarizer.Source("a.txt", "a.txt", first), summarizer.Source("b.txt", "b.txt", second)]
    briefing = summarizer.summarize(sources, max_words=200, algo=algo)
    texts = " ".join(s.text for s in briefing.sentences)
    assert ("12,000" in texts) != ("15,000" in texts)
    assert [c.value for c in briefing.disagreements[0].claims] == ["about 12,000", "about 15,000"]
