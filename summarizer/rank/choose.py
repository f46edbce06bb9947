"""The briefing's picks, whatever the algorithm: a scorer's salience weighed by the editorial prior
and selected with MMR, or a selector's own picks; then each fact once (``novelty``) and quotes that
stand alone (``standalone``); a word budget too small for any briefing named with one that works.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from ..errors import ConfigError
from ..models import Budget, Pick, Pool
from ..params import Section
from . import ALGORITHMS
from .base import Scorer, SelectSettings
from .mmr import select
from .novelty import first_news
from .standalone import choose_standing


def rank_and_select(pool: Pool, rank: Section, settings: SelectSettings, *,
                    progress: Callable[[int, int], None] | None = None) -> tuple[list[Pick], list[float]]:
    """The briefing's picks, most important first, and a score for each, by the settings of the
    rank section (``rank.algo`` and the algorithm's own sub-section) and the select section.

    A scorer's salience is weighed by the editorial prior and selected with MMR; a selector's
    picks are kept as it made them (its scores fall with its order of choice).  A word budget
    too small for any briefing is a ConfigError naming a budget that was tried and gives one.
    """
    cls = ALGORITHMS[rank.algo]
    algorithm = cls(getattr(rank, cls.name, None), progress=progress)
    if isinstance(algorithm, Scorer):
        salience = np.asarray(algorithm.score(pool), dtype=float)
        top = salience.max(initial=0.0)
        scores = (salience / top if top > 0 else np.ones_like(salience)) * pool.prior

        def chosen(budget: Budget, choosing: Pool) -> list[Pick]:
            return select(choosing, scores, budget, settings)

        def scored(picks: list[Pick]) -> list[float]:
            return [float(scores[p.passage]) for p in picks]
    else:
        def chosen(budget: Budget, choosing: Pool) -> list[Pick]:
            return algorithm.select(choosing, budget)

        def scored(picks: list[Pick]) -> list[float]:
            return [1.0 / (1 + i) for i in range(len(picks))]
    # Each fact once, whatever the algorithm: no pick states an earlier one's claim or repeats its words.
    threshold = getattr(algorithm.params, "same_claim_threshold", settings.same_claim_threshold)
    novelty = getattr(algorithm.params, "min_novelty", settings.min_novelty)

    def pick(budget: Budget, choosing: Pool) -> list[Pick]:
        return first_news(choosing, chosen(budget, choosing), threshold, novelty)

    def choose(budget: Budget) -> tuple[list[Pick], list[float]]:
        # Quotes that stand alone: every algorithm's picks pass through the referent check.
        picks = choose_standing(pool, budget, settings.same_claim_threshold, pick)
        return picks, scored(picks)

    budget = settings.budget
    picks, pick_scores = choose(budget)
    budget.check(cls.name, [pool.sentences[p.row].words for p in picks])
    if not picks and budget.max_words is not None:
        enough = _enough_words(pool, budget, choose)
        if enough is not None:
            raise ConfigError("select.max_words", f"{budget.max_words} is too small for a briefing of these sources: "
                                                  f"give at least {enough}")
    return picks, pick_scores


_BUDGETS_TRIED = 12  # larger word budgets tried, at most, for the one an error names


def _enough_words(pool: Pool, budget: Budget, choose: Callable[[Budget], tuple[list[Pick], Any]]) -> int | None:
    """The smallest word budget above ``budget`` that gives a briefing, among the lengths of the
    sentences that could be quoted (verified by selecting with it); None when none does."""
    lengths = sorted({pool.sentences[row].words for rows in pool.quotable for row in rows} - {0})
    larger = [n for n in lengths if n > budget.max_words]
    if len(larger) > _BUDGETS_TRIED:  # the shortest few, then ever larger steps up to the longest
        step = np.unique(np.geomspace(1, len(larger), _BUDGETS_TRIED - 4).astype(int))
        larger = sorted(set(larger[:4]) | {larger[i - 1] for i in step})
    for words in larger:
        if choose(Budget(words, budget.max_sentences))[0]:
            return words
    return None
