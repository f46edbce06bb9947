"""Select, for scoring algorithms: the best passages that fit the budget, without repeating each other.

Maximal marginal relevance (Carbonell & Goldstein, 1998) under the hard budget, with a cap on how
much of the briefing one source may supply.  The picks come most important first, the order of a
news story's inverted pyramid, which is the order the briefing keeps.  Selecting algorithms
(``rank.base.Selector``) choose for themselves and do not come here.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from .base import SelectSettings
from .novelty import Said, claim_rows
from ..models import Budget, Pick, Pool, Sentence


def select(pool: Pool, scores: np.ndarray, budget: Budget, settings: SelectSettings) -> list[Pick]:
    """Greedy MMR: repeatedly take the passage with the best salience-minus-redundancy that fits.

    Of a passage's quotable members the one with the plainest wording is quoted, ties going to
    the source that has supplied least so far, then to the one that carries least news no other
    source does (so the cap does not later shut out what only it reports).  A passage as similar
    as ``redundancy_threshold`` to one already chosen is never taken, nor one that states the
    same main claim in other words (the claim model that decides citations, at
    ``same_claim_threshold``), nor one whose default quote says too little that is new
    (``min_novelty``, ``rank.novelty``): when nothing new is left, the briefing stops short.
    """
    n, n_sources = len(pool), len(pool.sources)
    quotes = [[(row, pool.sentences[row]) for row in rows] for rows in pool.quotable]
    vectors = pool.tfidf[pool.leaders]
    open_ = np.array([bool(q) for q in quotes], dtype=bool)
    relevance = np.asarray(scores, dtype=float)
    top = relevance[open_].max(initial=0.0)
    relevance = relevance / top if top > 0 else np.zeros(n)
    closeness = np.zeros(n)  # max similarity to anything chosen so far
    words_left = budget.word_cap
    sentences_left = budget.sentence_cap
    supplied = np.zeros(n_sources)  # words quoted from each source
    exclusive = np.zeros(n_sources)  # salience of the passages only one source can supply
    for i in np.flatnonzero(open_):
        carriers = {m.source for _, m in quotes[i]}
        if len(carriers) == 1:
            exclusive[carriers.pop()] += relevance[i]
    cap = _source_cap(budget, settings.max_source_share, n_sources)
    passage_of = np.empty(len(pool.sentences), dtype=int)
    for p, passage in enumerate(pool.passages):
        passage_of[list(passage.rows)] = p
    picks: list[Pick] = []
    said = Said(pool)
    quote_rows = np.maximum(pool.quote, 0)

    while sentences_left > 0 and open_.any():
        gain = np.where(open_, (1.0 - settings.diversity) * relevance - settings.diversity * closeness, -np.inf)
        best = None
        for i in np.argsort(-gain, kind="stable"):
            if not np.isfinite(gain[i]):
                break
            quote = _pick_quote(quotes[i], pool.wording, supplied, exclusive, cap, words_left)
            if quote is not None:
                best = i, quote
                break
            open_[i] = False  # nothing of it fits any more (budgets only shrink)
        if best is None:
            break
        i, (row, sentence) = best
        picks.append(Pick(int(i), row))
        open_[i] = False
        words_left -= sentence.words
        sentences_left -= 1
        supplied[sentence.source] += sentence.words
        similarity = np.asarray((vectors @ vectors[i].T).todense()).ravel()
        closeness = np.maximum(closeness, similarity)
        open_ &= closeness < settings.redundancy_threshold
        # Another source's wording of the same claim, or the same figure again, is no news either.
        open_[passage_of[claim_rows(pool, row, settings.same_claim_threshold)]] = False
        said.add(row)
        open_ &= said.novelty(quote_rows) >= settings.min_novelty  # nothing new: no news
    return picks


def _source_cap(budget: Budget, share: float, n_sources: int) -> float:
    """Words one source may supply; no cap with one source, or when share is 1."""
    if n_sources < 2 or share >= 1.0 or budget.max_words is None:
        return math.inf
    return share * budget.max_words


def _pick_quote(candidates: Sequence[tuple[int, Sentence]], wording: np.ndarray,
                supplied: np.ndarray, exclusive: np.ndarray, cap: float,
                words_left: float) -> tuple[int, Sentence] | None:
    fitting = [(r, m) for r, m in candidates if m.words <= words_left]
    if not fitting:
        return None
    # Every source may supply one sentence, however long; past that the cap holds.
    under_cap = [(r, m) for r, m in fitting if supplied[m.source] == 0 or supplied[m.source] + m.words <= cap]
    if not under_cap:
        # The cap is for balance when others carry the news: a passage only one capped source
        # carries waits; if nothing else fits, the caller ends with what it has.
        return None
    return min(under_cap, key=lambda c: (round(float(wording[c[0]]), 1), supplied[c[1].source], exclusive[c[1].source]))
