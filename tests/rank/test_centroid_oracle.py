"""The default algorithm's choices against an independent oracle.

* On small clusters written so that one fact is unambiguously the most central (every source
  reports it, each around it tells something of its own), the centroid selector picks it first.
* The objective the selector maximises (rank/centroid.py's docstring) is written out again here
  from its definition, in plain Python over the pool, and searched by brute force over every
  subset of a tiny pool's candidates.  Where the theory says they agree, they must:
  - greedy: each pick is the candidate that, added to the picks before it, leaves the objective
    highest among those that fit the budget and are not too close to a pick;
  - filling with a depth and width covering every candidate is an exact search, so greedy plus
    filling must reach the brute-force optimum, also when the optimum fills the budget exactly.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict

import numpy as np
import pytest

from summarizer import Config, build_pool, models
from summarizer.models import Source
from summarizer.rank.centroid import Centroid
from summarizer.rank.concept_weights import bigrams

# Clusters of four reports; the first sentence of each list is the central fact, told in each
# report's own words, and placed by each report where it pleases.
CLUSTERS = {
    "flood": (
        ["The Harlow River burst its banks in Alden on Tuesday, flooding the town centre and forcing 300 "
         "families from their homes.",
         "On Tuesday the Harlow River burst its banks and flooded the centre of Alden, forcing 300 families "
         "from their homes.",
         "Some 300 families were forced from their homes in Alden on Tuesday when the Harlow River burst its "
         "banks and flooded the town centre.",
         "The Harlow River flooded the centre of Alden after it burst its banks on Tuesday, forcing 300 "
         "families from their homes."],
        [["A retired teacher said she had kept sandbags in her garage since the last storm.",
          "The town's football match was moved to the following weekend."],
         ["Insurers said it was too early to estimate what the repairs would cost.",
          "A bakery on the square handed out free bread to volunteers."],
         ["The regional weather office had warned of heavy rain two days earlier.",
          "Church bells rang at noon to call helpers to the square."],
         ["Train services to the coast were suspended until further notice.",
          "A local choir cancelled its spring concert."]],
    ),
    "election": (
        ["Dana Okafor won the Marlow mayoral election on Sunday with 54 percent of the vote, ending twelve "
         "years of rule by the harbour party.",
         "The harbour party's twelve years of rule in Marlow ended on Sunday as Dana Okafor won the mayoral "
         "election with 54 percent of the vote.",
         "With 54 percent of the vote, Dana Okafor won Sunday's mayoral election in Marlow, ending the "
         "harbour party's twelve years of rule.",
         "Dana Okafor won the mayoral election in Marlow on Sunday, taking 54 percent of the vote and ending "
         "twelve years of harbour party rule."],
        [["Her campaign had promised new ferry routes to the islands.",
          "Turnout was higher among young voters than four years ago."],
         ["A brass band played outside the town hall late into the night.",
          "The outgoing mayor did not attend the count."],
         ["Okafor trained as an engineer before entering politics.",
          "Several shops on the harbour front stayed open to sell flags."],
         ["The city council will meet for the first time next month.",
          "A recount was not requested by any candidate."]],
    ),
    "bridge": (
        ["A footbridge over the Millbrook canal collapsed on Saturday morning, injuring 12 people who were "
         "crossing it to the weekend market.",
         "Twelve people crossing to the weekend market were injured on Saturday morning when a footbridge "
         "over the Millbrook canal collapsed.",
         "The footbridge over the Millbrook canal collapsed on Saturday morning and injured 12 people who "
         "were crossing to the weekend market.",
         "On Saturday morning a footbridge over the Millbrook canal collapsed, injuring 12 people crossing "
         "it to the weekend market."],
        [["The steel bridge was built in 1974 and painted green in 2010.",
          "Stallholders moved their tables to the car park."],
         ["Divers searched the water until the afternoon.",
          "A cafe owner filmed the rescue from her window."],
         ["City records show the bridge was repaired twice in five years.",
          "The market will reopen next Saturday."],
         ["An engineer said corrosion had been found on the supports in March.",
          "Schoolchildren left flowers at the railings."]],
    ),
}
# Where the central fact stands in each report (0 = its lead).
POSITIONS = [0, 1, 2, 0]


def cluster_sources(name: str) -> list[Source]:
    central, others = CLUSTERS[name]
    sources = []
    for i, (fact, own, at) in enumerate(zip(central, others, POSITIONS)):
        sentences = own[:at] + [fact] + own[at:]
        sources.append(Source(f"{name}{i}.txt", f"{name}{i}.txt", " ".join(sentences)))
    return sources


@pytest.mark.parametrize("name", sorted(CLUSTERS))
@pytest.mark.parametrize("budget", [models.Budget(60, None), models.Budget(None, 1), models.Budget(120, None)])
def test_the_most_central_fact_is_picked_first(name, budget):
    pool = build_pool(cluster_sources(name), Config())
    picks = Centroid().select(pool, budget)
    central = set(CLUSTERS[name][0])
    assert picks and pool.sentences[picks[0].row].text in central
    assert sum(pool.sentences[p.row].text in central for p in picks) == 1  # told once


# The oracle: the objective written out from its definition, over a candidate set found anew.


class Oracle:
    """objective(S) = cos(sum of S's vectors, centroid) + bigram_weight * covered bigram concept weight
    / all of it + unigram_weight * the same for stems + figure_weight * the weight of the figures S
    states + prior_weight * sum over S of relative prior * words / max_words (100 when unlimited);
    and the candidates and which pairs of them are too close."""

    def __init__(self, pool, params: Centroid.Params, max_words: float):
        self.pool, self.params, self.max_words = pool, params, max_words
        floor = params.min_prior * max(pool.prior[p] for p, q in enumerate(pool.quote) if q >= 0)
        self.candidates = [(p, int(q)) for p, (passage, q) in enumerate(zip(pool.passages, pool.quote))
                           if q >= 0 and pool.sentences[q].words <= max_words and pool.prior[p] >= floor
                           and min(m.position for m in passage.members) < params.candidates_per_source]
        rows = [q for _, q in self.candidates]
        counts = pool.terms.counts.toarray().astype(float)
        idf = pool.terms.idf()
        self.vectors = np.where(counts > 0, 1.0 + np.log(np.where(counts > 0, counts, 1.0)), 0.0) * idf
        centroid = self.vectors.sum(axis=0)
        centroid[centroid <= params.centroid_cut * centroid.max()] = 0.0
        self.centroid = centroid
        self.bigrams = self._concepts([bigrams(s.text, pool.tokenizer, pool.tokenizer.stop_words)
                                       for s in pool.sentences])
        self.stems = self._concepts([set(terms) for terms in pool.terms.terms])
        # Figures: each value (to 3 significant digits) weighs the square root of the share of sources
        # stating it, if at least two (and min_figure_sources) do; a value the figure reader does not
        # read (an amount of the number grammar) only if 1 / (1 + first position) summed over the
        # sources stating it reaches min_figure_lead.
        read = [{float(f"{f.lo:.3g}") for f in figures if not f.terms} for figures in pool.figures]
        self.values = [values | (number_values(s.text) if params.min_figure_lead > 0 else set())
                       for values, s in zip(read, pool.sentences)]
        first = defaultdict(dict)  # value -> source -> first position
        for sentence, values in zip(pool.sentences, self.values):
            for v in values:
                first[v][sentence.source] = min(first[v].get(sentence.source, sentence.position), sentence.position)
        needed = max(2, min(params.min_figure_sources, len(pool.sources)))
        any_read = set().union(*read) if read else set()
        self.figure_weights = {
            v: math.sqrt(len(s) / len(pool.sources))
            if len(s) >= needed and (v in any_read or sum(1 / (1 + p) for p in s.values()) >= params.min_figure_lead)
            else 0.0
            for v, s in first.items()}
        top = max(pool.prior[p] for p, _ in self.candidates)
        scale = max_words if math.isfinite(max_words) else 100  # an unlimited budget counts as 100 words
        self.own = {q: params.prior_weight * pool.prior[p] / top * pool.sentences[q].words / scale
                    for p, q in self.candidates}
        tfidf = pool.tfidf[rows] @ pool.tfidf[rows].T
        self.close = {(a, b) for i, a in enumerate(rows) for j, b in enumerate(rows)
                      if i != j and tfidf[i, j] > params.redundancy_threshold}

    def _concepts(self, per_sentence: list[set]) -> tuple[list[set], dict]:
        """Each sentence's concepts, and each concept's weight: over the sources carrying it,
        1 + 2 / (1 + position of its first sentence there); 0 unless enough sources carry it."""
        first = defaultdict(dict)  # concept -> source -> first position
        for sentence, concepts in zip(self.pool.sentences, per_sentence):
            for concept in concepts:
                at = first[concept].get(sentence.source)
                if at is None or sentence.position < at:
                    first[concept][sentence.source] = sentence.position
        needed = min(self.params.min_concept_sources, len(self.pool.sources))
        weights = {c: sum(1 + 2 / (1 + at) for at in by_source.values()) if len(by_source) >= needed else 0.0
                   for c, by_source in first.items()}
        return per_sentence, weights

    def value(self, rows) -> float:
        summary = self.vectors[list(rows)].sum(axis=0)
        norm = np.linalg.norm(summary) * np.linalg.norm(self.centroid)
        total = float(summary @ self.centroid / norm) if norm > 0 else 0.0
        for (per_sentence, weights), weight in ((self.bigrams, self.params.bigram_weight),
                                                (self.stems, self.params.unigram_weight)):
            covered = set().union(*(per_sentence[r] for r in rows)) if rows else set()
            everything = sum(weights.values())
            if everything > 0:
                total += weight * sum(weights[c] for c in covered) / everything
        stated = set().union(*(self.values[r] for r in rows)) if rows else set()
        total += self.params.figure_weight * sum(self.figure_weights[v] for v in stated)
        return total + sum(self.own[r] for r in rows)

    def allowed(self, rows, max_sentences: float) -> bool:
        return (sum(self.pool.sentences[r].words for r in rows) <= self.max_words and len(rows) <= max_sentences
                and not any((a, b) in self.close for a, b in itertools.combinations(rows, 2)))

    def best(self, max_sentences: float = math.inf) -> tuple[float, frozenset]:
        """The brute-force optimum over every subset of the candidates."""
        rows = [q for _, q in self.candidates]
        found = [(self.value(subset), frozenset(subset))
                 for k in range(len(rows) + 1) for subset in itertools.combinations(rows, k)
                 if self.allowed(subset, max_sentences)]
        return max(found, key=lambda item: item[0])


# A tiny story: three reports, each sentence a fact of its own (no two merged as duplicates), all
# quotable and short enough to combine, on one topic so that the centroid and the concepts matter.
TINY = [
    "Fire crews contained the Alder Ridge wildfire on Monday after it burned 900 acres. "
    "Residents of Pinecrest were allowed back to their homes by the evening. "
    "Smoke from the wildfire still hung over the reservoir on Tuesday.",
    "Strong winds had pushed the Alder Ridge flames toward Pinecrest over the weekend. "
    "Two barns and a hay store burned near the reservoir road. "
    "Schools in Pinecrest will reopen on Wednesday, the district said.",
    "Air tankers dropped water on the ridge for three days before the wildfire was contained. "
    "The cause of the Alder Ridge fire is still under investigation by the county. "
    "A road along the reservoir stayed closed to traffic.",
]
# No two sentences too close by the claim model, none left out for saying too little that is new
# (rules outside the objective): only the TF-IDF rule, which the oracle redoes.
def number_values(text):
    """Amounts of the number grammar, as values: no years, dates, times of day, identifiers or
    orders of magnitude."""
    from summarizer.facts.figures.quantity import quantities
    from summarizer.facts.figures.tokens import tokenize

    return {float(f"{q.lo:.3g}") for q in quantities(tokenize(" ".join(text.split()), 0, 0))
            if q.unit not in ("year", "date", "clock", "ident") and not q.magnitude}


EXACT = dict(same_claim_threshold=1.0, min_novelty=0.0, fill_depth=6, fill_width=30)


@pytest.fixture(scope="module")
def tiny_pool():
    sources = [Source(f"t{i}.txt", f"t{i}.txt", text) for i, text in enumerate(TINY)]
    return build_pool(sources, Config())


def oracle_for(pool, params, max_words):
    oracle = Oracle(pool, params, max_words)
    assert 4 <= len(oracle.candidates) <= 12  # tiny: 2^n subsets stay cheap
    return oracle


@pytest.mark.parametrize("max_words", [12, 20, 30, 45, 60])
def test_each_greedy_pick_is_the_best_next_step_of_the_objective(tiny_pool, max_words):
    params = Centroid.Params(**{**EXACT, "fill_depth": 0})
    oracle = oracle_for(tiny_pool, params, max_words)
    picks = [p.row for p in Centroid(params).select(tiny_pool, models.Budget(max_words, None))]
    assert picks
    rows = [q for _, q in oracle.candidates]
    for k, pick in enumerate(picks + [None]):
        before = picks[:k]
        steps = {r: oracle.value(before + [r]) for r in rows
                 if r not in before and oracle.allowed(before + [r], math.inf)}
        if pick is None:  # greedy stopped: nothing more fits
            assert not steps
        else:
            assert steps[pick] == pytest.approx(max(steps.values()), abs=1e-9)


@pytest.mark.parametrize("max_words", [12, 20, 30, 45, 60])
def test_greedy_and_filling_reach_the_brute_force_optimum(tiny_pool, max_words):
    params = Centroid.Params(**EXACT)
    oracle = oracle_for(tiny_pool, params, max_words)
    best_value, best = oracle.best()
    picks = Centroid(params).select(tiny_pool, models.Budget(max_words, None))
    chosen = [p.row for p in picks]
    assert oracle.allowed(chosen, math.inf)
    assert oracle.value(chosen) == pytest.approx(best_value, abs=1e-9)
    assert frozenset(chosen) == best


@pytest.mark.parametrize("max_words", [30, 45, 60])
def test_an_optimum_that_fills_the_budget_exactly_is_found(tiny_pool, max_words):
    params = Centroid.Params(**EXACT)
    _, best = oracle_for(tiny_pool, params, max_words).best()
    exact = sum(tiny_pool.sentences[r].words for r in best)  # the optimum, at its own length as the budget
    assert oracle_for(tiny_pool, params, exact).best()[1] == best
    picks = Centroid(params).select(tiny_pool, models.Budget(exact, None))
    assert frozenset(p.row for p in picks) == best
    assert sum(tiny_pool.sentences[p.row].words for p in picks) == exact  # every word of the budget


def test_greedy_alone_takes_a_last_pick_that_fills_the_budget_exactly(tiny_pool):
    params = Centroid.Params(**{**EXACT, "fill_depth": 0})
    picks = Centroid(params).select(tiny_pool, models.Budget(60, None))
    exact = sum(tiny_pool.sentences[p.row].words for p in picks)
    assert Centroid(params).select(tiny_pool, models.Budget(exact, None)) == picks


@pytest.mark.parametrize("max_sentences", [1, 2, 3])
def test_under_a_sentence_budget_filling_reaches_the_optimum_too(tiny_pool, max_sentences):
    params = Centroid.Params(**EXACT)
    oracle = oracle_for(tiny_pool, params, 45)
    best_value, best = oracle.best(max_sentences)
    picks = Centroid(params).select(tiny_pool, models.Budget(45, max_sentences))
    assert len(picks) <= max_sentences
    assert oracle.value([p.row for p in picks]) == pytest.approx(best_value, abs=1e-9)


# The objective itself, value by value, under weights that make each term count, on the tiny story
# and on one whose sentences repeat words (so that sub-linear term frequency matters).

REPEATING = [
    "The flood, the worst flood in Alden in a century, flooded 300 homes on Tuesday. "
    "Water from the Harlow River reached the windows of homes near the river bridge. "
    "Rescue boats took families from flooded homes to the school.",
    "Flood water from the Harlow filled the streets of Alden, and the flood reached 300 homes. "
    "The river bridge was closed while the river rose. "
    "Volunteers filled sandbags at the school on Tuesday night.",
    "Alden's mayor said the flood was the worst flood the town had seen, with 300 homes under water. "
    "Boats, boats and more boats came from the coast to help. "
    "The school stayed open as a shelter for families.",
]
WEIGHTS = {
    "default": {},
    "prior-heavy": dict(prior_weight=3.0),
    "bigrams only": dict(bigram_weight=3.0, unigram_weight=0.0, prior_weight=0.0),
    "cosine only, a sharp centroid": dict(bigram_weight=0.0, unigram_weight=0.0, prior_weight=0.0, centroid_cut=0.5),
    "stems of two sources": dict(bigram_weight=0.0, unigram_weight=2.0, min_concept_sources=2),
    "close pairs": dict(redundancy_threshold=0.2),  # some pairs too close: their summaries are out
}
# Two reports that share no concept at all (the concept terms are then 0, never 0 / 0).
UNRELATED = [
    "The city council approved a new budget for the harbour on Monday evening. "
    "Ferry fares will rise by ten cents from the first of June.",
    "A rare orchid bloomed in the botanical garden after twelve years of waiting. "
    "Gardeners kept the glasshouse warm through the whole winter.",
]


@pytest.fixture(scope="module")
def repeating_pool():
    sources = [Source(f"r{i}.txt", f"r{i}.txt", text) for i, text in enumerate(REPEATING)]
    return build_pool(sources, Config())


@pytest.fixture(scope="module")
def pools(tiny_pool, repeating_pool):
    unrelated = build_pool([Source(f"u{i}.txt", f"u{i}.txt", text) for i, text in enumerate(UNRELATED)], Config())
    return {"tiny": tiny_pool, "repeating": repeating_pool, "unrelated": unrelated}


def candidate_objective(pool, params, max_words):
    from summarizer.rank.centroid import _Objective, lead_candidates
    from summarizer.rank.concept_weights import figure_concepts

    candidates, rows = lead_candidates(pool, max_words, params.candidates_per_source, params.min_prior)
    words = np.array([pool.sentences[r].words for r in rows], dtype=float)
    figures = figure_concepts(pool, params.min_figure_sources, params.min_figure_lead)
    return _Objective(pool, candidates, rows, words, params, max_words, figures)


@pytest.mark.parametrize("weights", sorted(WEIGHTS))
@pytest.mark.parametrize("story", ["tiny", "repeating", "unrelated"])
@pytest.mark.parametrize("max_words", [40, math.inf])
def test_the_objective_values_every_small_summary_as_its_definition_does(pools, story, weights, max_words):
    pool = pools[story]
    params = Centroid.Params(**{**EXACT, **WEIGHTS[weights]})
    oracle = Oracle(pool, params, max_words)
    objective = candidate_objective(pool, params, max_words)
    rows = [int(r) for r in objective.rows]
    assert rows == [q for _, q in oracle.candidates]  # the same candidates, found anew
    subsets = [s for k in range(1, 4) for s in itertools.combinations(range(len(rows)), k)]
    endings = np.array([list(s) + [-1] * (3 - len(s)) for s in subsets])
    values = objective.values([], endings)
    for subset, value in zip(subsets, values):
        chosen = [rows[i] for i in subset]
        clash = any((a, b) in oracle.close for a, b in itertools.combinations(chosen, 2))  # the budget aside
        expected = -math.inf if clash else oracle.value(chosen)
        assert value == pytest.approx(expected, abs=1e-9), chosen
    # With picks kept: the first candidate (then the first two), then each other one after them.
    for kept in ([0], [0, 1]):
        kept_rows = [rows[i] for i in kept]
        kept_values = objective.values(kept, np.arange(len(kept), len(rows))[:, None])
        for other, value in zip(rows[len(kept):], kept_values):
            chosen = kept_rows + [other]
            close = any((a, b) in oracle.close for a, b in itertools.combinations(chosen, 2))
            assert value == (-math.inf if close else pytest.approx(oracle.value(chosen), abs=1e-9))
        # ... and each pair of the other ones: a pair clashes when either of them is too close to a kept pick.
        pairs = np.array(list(itertools.combinations(range(len(kept), len(rows)), 2))).reshape(-1, 2)
        for pair, value in zip(pairs, objective.values(kept, pairs)):
            chosen = kept_rows + [rows[i] for i in pair]
            close = any((a, b) in oracle.close for a, b in itertools.combinations(chosen, 2))
            assert value == (-math.inf if close else pytest.approx(oracle.value(chosen), abs=1e-9))


@pytest.mark.parametrize("weights", sorted(WEIGHTS))
@pytest.mark.parametrize("story", ["tiny", "repeating", "unrelated"])
def test_greedy_and_filling_agree_with_brute_force_under_every_weighting(pools, story, weights):
    pool = pools[story]
    for max_words in (25, 40, 60):
        for fill_depth in (0, 6):
            params = Centroid.Params(**{**EXACT, **WEIGHTS[weights], "fill_depth": fill_depth})
            oracle = Oracle(pool, params, max_words)
            picks = [p.row for p in Centroid(params).select(pool, models.Budget(max_words, None))]
            if fill_depth:
                assert oracle.allowed(picks, math.inf) and oracle.value(picks) >= greedy_value - 1e-9  # never worse
                # An exact search where no candidate is too close to a greedy pick: the filling only
                # sees candidates that fit beside all the greedy picks, the reopened ones too.
                if not any((g, q) in oracle.close for g in greedy for _, q in oracle.candidates):
                    assert oracle.value(picks) == pytest.approx(oracle.best()[0], abs=1e-9)
                continue
            greedy, greedy_value = picks, oracle.value(picks)
            rows = [q for _, q in oracle.candidates]
            for k, pick in enumerate(picks + [None]):
                steps = {r: oracle.value(picks[:k] + [r]) for r in rows
                         if r not in picks[:k] and oracle.allowed(picks[:k] + [r], math.inf)}
                assert (not steps) if pick is None else steps[pick] == pytest.approx(max(steps.values()), abs=1e-9)


def test_hundreds_of_candidates_are_cut_to_those_worth_most_alone(tiny_pool, monkeypatch):
    from summarizer.rank import centroid

    params = Centroid.Params(**{**EXACT, **WEIGHTS["prior-heavy"]})
    oracle = Oracle(tiny_pool, params, 60)
    alone = sorted(((oracle.value([q]), q) for _, q in oracle.candidates), reverse=True)
    monkeypatch.setattr(centroid, "_MAX_CANDIDATES", 4)
    objective = candidate_objective(tiny_pool, params, 60)
    assert [int(r) for r in objective.rows] == sorted(q for _, q in alone[:4])


@pytest.mark.parametrize("max_words", [60, 100, 150])
def test_a_fact_told_in_five_ways_is_quoted_once_however_large_the_budget(max_words):
    """The claim model keeps out what the TF-IDF cosine misses: the other tellings of a pick's
    fact, and the one with another figure (listed under "Where sources differ" instead)."""
    from tests.facts.test_citation_story import ARTICLES, SAYS_IT_BEST
    from tests.helpers import story_pool

    pool, _ = story_pool(ARTICLES)
    picks = Centroid().select(pool, models.Budget(max_words, None))
    quoted = [pool.sentences[p.row].text for p in picks]
    tellings = {*SAYS_IT_BEST.values(), "In all, 42 homes in Carrow were lost."}
    assert sum(text in tellings for text in quoted) == 1, quoted
    assert len(picks) >= max_words // 20  # the rest of the budget goes to the other facts


@pytest.mark.parametrize("width", [1, 3])
def test_filling_takes_the_remaining_candidates_that_add_most(tiny_pool, width):
    """With one pick reopened and ``width`` remaining candidates seen, the ending is the best of the
    last greedy pick and the ``width`` candidates that, added to the greedy picks, raise the
    objective most (those too close to a greedy pick aside)."""
    greedy_params = Centroid.Params(**{**EXACT, "fill_depth": 0})
    params = Centroid.Params(**{**EXACT, "fill_depth": 1, "fill_width": width})
    for max_words in (25, 33, 40, 45, 60):
        oracle = Oracle(tiny_pool, params, max_words)
        greedy = [p.row for p in Centroid(greedy_params).select(tiny_pool, models.Budget(max_words, None))]
        others = [q for _, q in oracle.candidates
                  if q not in greedy and all((q, g) not in oracle.close for g in greedy)]
        seen = sorted(others, key=lambda q: -oracle.value(greedy + [q]))[:width]
        endings = [e for k in range(width + 2) for e in itertools.combinations([greedy[-1], *seen], k)
                   if oracle.allowed(greedy[:-1] + list(e), math.inf)]
        expected = max(oracle.value(greedy[:-1] + list(e)) for e in endings)
        picks = [p.row for p in Centroid(params).select(tiny_pool, models.Budget(max_words, None))]
        assert oracle.value(picks) == pytest.approx(expected, abs=1e-9), max_words


def test_without_a_word_limit_nothing_is_filled(repeating_pool):
    for sentences in (2, 3, 4):
        budget = models.Budget(None, sentences)
        filled = Centroid(Centroid.Params(**EXACT)).select(repeating_pool, budget)
        assert filled == Centroid(Centroid.Params(**{**EXACT, "fill_depth": 0})).select(repeating_pool, budget)


def test_a_pick_is_never_picked_twice_even_when_nothing_counts_as_too_close(tiny_pool):
    params = Centroid.Params(**{**EXACT, "redundancy_threshold": 1.0, "fill_depth": 0})
    picks = Centroid(params).select(tiny_pool, models.Budget(None, 5))
    assert len(picks) == 5 == len({p.passage for p in picks})
    # More sentences allowed than there are candidates: each once, then the briefing ends.
    picks = Centroid(params).select(tiny_pool, models.Budget(None, 20))
    assert len(picks) == len({p.passage for p in picks}) == len(Oracle(tiny_pool, params, math.inf).candidates)


@pytest.mark.xfail(strict=True, reason="best_remaining drops every candidate too close to any greedy pick, the "
                                       "reopened ones too, so the filling cannot swap a pick for its near neighbour")
def test_filling_that_reopens_every_pick_is_exact_even_among_close_candidates(tiny_pool):
    params = Centroid.Params(**{**EXACT, **WEIGHTS["close pairs"]})
    for max_words in (25, 40, 60):
        oracle = Oracle(tiny_pool, params, max_words)
        picks = [p.row for p in Centroid(params).select(tiny_pool, models.Budget(max_words, None))]
        assert oracle.value(picks) == pytest.approx(oracle.best()[0], abs=1e-9)


def random_story(seed: int, lengths: tuple[int, int] = (6, 12)) -> list[Source]:
    """Three or four reports of sentences drawn from a small vocabulary: words repeat within and
    across sentences, so that every term of the objective is at work and near ties are common.
    ``lengths``: the range of words drawn per sentence (short ones make the cosine's norm count most)."""
    rng = np.random.default_rng(seed)
    vocabulary = ["harbour", "ferry", "council", "storm", "bridge", "mayor", "river", "crews", "road", "school",
                  "flood", "power", "village", "market", "police", "train", "shelter", "families", "water", "fire"]
    sources = []
    for i in range(int(rng.integers(3, 5))):
        sentences = []
        for _ in range(int(rng.integers(2, 4))):
            words = rng.choice(vocabulary, size=int(rng.integers(*lengths)), replace=True)
            sentences.append("The " + " ".join(words) + " closed on Monday.")
        sources.append(Source(f"x{i}.txt", f"x{i}.txt", " ".join(sentences)))
    return sources


@pytest.mark.parametrize("lengths", [(6, 12), (2, 6)])
@pytest.mark.parametrize("seed", range(8))
def test_greedy_steps_and_filling_on_random_stories(seed, lengths):
    pool = build_pool(random_story(seed, lengths), Config())
    for weights in ("default", "prior-heavy"):
        greedy_params = Centroid.Params(**{**EXACT, **WEIGHTS[weights], "fill_depth": 0})
        for max_words in (30, 50):
            oracle = Oracle(pool, greedy_params, max_words)
            if len(oracle.candidates) > 12:
                continue
            picks = [p.row for p in Centroid(greedy_params).select(pool, models.Budget(max_words, None))]
            rows = [q for _, q in oracle.candidates]
            for k, pick in enumerate(picks):
                steps = {r: oracle.value(picks[:k] + [r]) for r in rows
                         if r not in picks[:k] and oracle.allowed(picks[:k] + [r], math.inf)}
                assert steps[pick] == pytest.approx(max(steps.values()), abs=1e-9)


@pytest.mark.parametrize("max_words", [60, 100])
def test_one_count_told_with_two_values_in_other_words_is_quoted_once(max_words):
    """The claim model scores the pair low, but the figures say they count the same thing:
    quoting both would tell the count twice (it is listed under "Where sources differ").
    same_claim_threshold 1 turns the claim rule off ("1 = never"): then both are quoted."""
    from tests.helpers import story_pool

    pool, _ = story_pool([
        "Officials ordered about 12,000 residents to evacuate the coast on Friday. Schools in the county closed "
        "early. The storm is expected to make landfall on Saturday.",
        "About 15,000 people were told to leave their homes along the coast, the governor said. Shelters opened "
        "in three towns. Power lines came down near the port."])
    quoted = [pool.sentences[p.row].text for p in Centroid().select(pool, models.Budget(max_words, None))]
    assert sum("12,000" in text or "15,000" in text for text in quoted) == 1, quoted
    assert len(quoted) >= 4
    never = Centroid(Centroid.Params(same_claim_threshold=1.0)).select(pool, models.Budget(max_words, None))
    assert sum("12,000" in pool.sentences[p.row].text or "15,000" in pool.sentences[p.row].text for p in never) == 2


@pytest.mark.parametrize("max_words", [33, 45])
def test_reopening_one_pick_already_fills_better_than_greedy(tiny_pool, max_words):
    oracle = Oracle(tiny_pool, Centroid.Params(**EXACT), max_words)
    values = [oracle.value([p.row for p in Centroid(Centroid.Params(**{**EXACT, "fill_depth": depth})).select(
        tiny_pool, models.Budget(max_words, None))]) for depth in (0, 1)]
    assert values[1] > values[0] + 1e-6
