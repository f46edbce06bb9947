"""Select: the best passages that fit the budget, without repeating each other.

Maximal marginal relevance (Carbonell & Goldstein, 1998) under a hard word and sentence budget,
with a cap on how much of the briefing one source may supply.  The choices come most important
first, the order of a news story's inverted pyramid, which is the order the briefing keeps.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
import scipy.sparse as sp

from .models import Passage, Sentence


@dataclass(frozen=True)
class Budget:
    max_words: int | None
    max_sentences: int | None


@dataclass(frozen=True)
class Choice:
    passage: int  # index into the passages
    quote: Sentence  # the member whose text the briefing quotes


def select(
    passages: Sequence[Passage],
    scores: np.ndarray,
    vectors: sp.csr_matrix,
    budget: Budget,
    *,
    quotes: Sequence[Sequence[Sentence]],
    preference: Callable[[Sentence], float],
    diversity: float,
    redundancy_threshold: float,
    max_source_share: float,
    n_sources: int,
) -> list[Choice]:
    """Greedy MMR: repeatedly take the passage with the best salience-minus-redundancy that fits.

    ``quotes[i]`` are the members of passage i that may be quoted at all; of them the one with
    the lowest ``preference`` (e.g. subjectivity) is quoted, ties going to the source that has
    supplied least so far, then to the one that carries least news no other source does (so the
    cap does not later shut out what only it reports).  A passage as similar as
    ``redundancy_threshold`` to one already chosen is never taken.
    """
    n = len(passages)
    open_ = np.array([bool(q) for q in quotes])
    relevance = np.asarray(scores, dtype=float)
    top = relevance[open_].max(initial=0.0)
    relevance = relevance / top if top > 0 else np.zeros(n)
    closeness = np.zeros(n)  # max similarity to anything chosen so far
    words_left = budget.max_words if budget.max_words is not None else math.inf
    sentences_left = budget.max_sentences if budget.max_sentences is not None else math.inf
    supplied = np.zeros(n_sources)  # words quoted from each source
    exclusive = np.zeros(n_sources)  # salience of the passages only one source can supply
    for i in np.flatnonzero(open_):
        carriers = {m.source for m in quotes[i]}
        if len(carriers) == 1:
            exclusive[carriers.pop()] += relevance[i]
    cap = _source_cap(budget, max_source_share, n_sources)
    chosen: list[Choice] = []

    while sentences_left > 0 and open_.any():
        gain = np.where(open_, (1.0 - diversity) * relevance - diversity * closeness, -np.inf)
        best = None
        for i in np.argsort(-gain, kind="stable"):
            if not np.isfinite(gain[i]):
                break
            quote = _pick_quote(quotes[i], preference, supplied, exclusive, cap, words_left)
            if quote is not None:
                best = i, quote
                break
            open_[i] = False  # nothing of it fits any more (budgets only shrink)
        if best is None:
            break
        i, quote = best
        chosen.append(Choice(int(i), quote))
        open_[i] = False
        words_left -= quote.words
        sentences_left -= 1
        supplied[quote.source] += quote.words
        similarity = np.asarray((vectors @ vectors[i].T).todense()).ravel()
        closeness = np.maximum(closeness, similarity)
        open_ &= closeness < redundancy_threshold
    return chosen


def _source_cap(budget: Budget, share: float, n_sources: int) -> float:
    """Words one source may supply; no cap with one source, or when share is 1."""
    if n_sources < 2 or share >= 1.0 or budget.max_words is None:
        return math.inf
    return share * budget.max_words


def _pick_quote(candidates: Sequence[Sentence], preference, supplied, exclusive, cap, words_left) -> Sentence | None:
    fitting = [m for m in candidates if m.words <= words_left]
    if not fitting:
        return None
    # Every source may supply one sentence, however long; past that the cap holds.
    under_cap = [m for m in fitting if supplied[m.source] == 0 or supplied[m.source] + m.words <= cap]
    if not under_cap:
        # The cap is for balance when others carry the news: a passage only one capped source
        # carries waits; if nothing else fits, the caller ends with what it has.
        return None
    return min(under_cap, key=lambda m: (round(preference(m), 1), supplied[m.source], exclusive[m.source]))
