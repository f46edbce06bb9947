"""Budgeted submodular coverage (Lin & Bilmes, 2011), greedy with cost scaling.

Picks sentences so that every sentence of the pool is well covered by something chosen:
coverage(S) = sum_i min(sum_{j in S} w_ij, alpha * sum_k w_ik), with w the IDF-cosine graph.
Coverage saturates, so a sentence saying again what is covered gains little: redundancy is
handled by the objective itself, and a sentence stating a pick's main claim in other words, or
saying little that is new, is skipped (``rank.novelty``).  Each step adds the sentence with the best gain per word^r,
weighted by the prior, among those that fit the budget.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Pick
from ..params import setting
from .base import GraphParams, Selector
from .novelty import Said, claim_rows

if TYPE_CHECKING:
    from ..models import Budget, Pool


class Coverage(Selector):
    name = "coverage"
    description = "budgeted submodular coverage (Lin & Bilmes): covers the pool's content, redundancy saturates"

    @dataclass(frozen=True)
    class Params(GraphParams):
        """Lin & Bilmes' coverage function and greedy cost scaling."""

        same_claim_threshold: float = setting(0.5, "confidence (0-1) of the claim model at which a sentence states "
                                                   "a pick's main claim in other words and is skipped (1 = never)",
                                              low=0.0, high=1.0)
        min_novelty: float = setting(0.4, "a sentence is chosen only if at least this share (0-1) of its content "
                                          "words (IDF-weighted) is not in the briefing yet", low=0.0, high=1.0)
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
        said = Said(pool)
        quote_rows = np.maximum(pool.quote, 0)
        passage_of = np.empty(len(pool.sentences), dtype=int)
        for p, passage in enumerate(pool.passages):
            passage_of[list(passage.rows)] = p
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
            row = int(pool.quote[best])
            picks.append(Pick(best, row))
            open_[best] = False
            # Each fact once: another wording of its claim, or a sentence saying little new, is no news.
            open_[passage_of[claim_rows(pool, row, self.params.same_claim_threshold)]] = False
            said.add(row)
            open_ &= said.novelty(quote_rows) >= self.params.min_novelty
            words_left -= pool.words[best]
            picks_left -= 1
            column = cols == best
            np.add.at(covered, rows[column], weights[column])
        return picks
