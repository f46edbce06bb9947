"""Budgeted submodular coverage (Lin & Bilmes, 2011), greedy with cost scaling.

Picks sentences so that every sentence of the pool is well covered by something chosen:
coverage(S) = sum_i min(sum_{j in S} w_ij, alpha * sum_k w_ik), with w the IDF-cosine graph.
Coverage saturates, so a sentence saying again what is covered gains little: redundancy is
handled by the objective itself.  Each step adds the sentence with the best gain per word^r,
weighted by the prior, among those that fit the budget.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Pick
from ..params import setting
from .base import GraphParams, Selector

if TYPE_CHECKING:
    from ..models import Budget, Pool


class Coverage(Selector):
    name = "coverage"
    description = "budgeted submodular coverage (Lin & Bilmes): covers the pool's content, redundancy saturates"

    @dataclass(frozen=True)
    class Params(GraphParams):
        """Lin & Bilmes' coverage function and greedy cost scaling."""

        alpha: float = setting(0.2, "a sentence counts as covered at this share of its total similarity",
                               above=0.0, high=1.0)
        cost_exponent: float = setting(0.3, "gain per word^r: below 1 leans towards longer sentences",
                                       low=0.0, high=2.0)

    def select(self, pool: Pool, budget: Budget) -> list[Pick]:
        import numpy as np
        import scipy.sparse as sp

        from ..pool.similarity import similarity_graph

        n = len(pool)
        graph = similarity_graph(pool.tfidf[pool.leaders], threshold=0.0, max_neighbors=self.params.max_neighbors,
                                 progress=self.progress)
        graph = (graph + sp.identity(n, format="csr")).tocoo()  # a sentence covers itself
        rows, cols, weights = graph.row, graph.col, graph.data
        cap = self.params.alpha * np.bincount(rows, weights, minlength=n)
        covered = np.zeros(n)
        cost = np.maximum(pool.words, 1) ** self.params.cost_exponent
        words_left = budget.word_cap
        picks_left = min(budget.sentence_cap, n)
        open_ = pool.quote >= 0
        picks: list[Pick] = []
        while picks_left > 0:
            open_ &= pool.words <= words_left
            if not open_.any():
                break
            before = np.minimum(covered[rows], cap[rows])
            gains = np.bincount(cols, np.minimum(covered[rows] + weights, cap[rows]) - before, minlength=n)
            value = np.where(open_, gains * pool.prior / cost, -np.inf)
            best = int(np.argmax(value))
            if value[best] <= 0:
                break
            picks.append(Pick(best, int(pool.quote[best])))
            open_[best] = False
            words_left -= pool.words[best]
            picks_left -= 1
            column = cols == best
            np.add.at(covered, rows[column], weights[column])
        return picks
