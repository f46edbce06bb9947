"""Budgeted submodular coverage (Lin & Bilmes, 2011), greedy with cost scaling.

Picks sentences so that every sentence of the pool is well covered by something chosen:
coverage(S) = sum_i min(sum_{j in S} w_ij, alpha * sum_k w_ik), with w the IDF-cosine graph.
Coverage saturates, so a sentence saying again what is covered gains little: redundancy is
handled by the objective itself.  Each step adds the sentence with the best gain per word^r,
weighted by the prior, among those that fit the budget.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from ..similarity import similarity_graph
from . import RankingInput

_ALPHA = 0.2  # a sentence counts as covered at this share of its total similarity
_COST_EXPONENT = 0.3  # gain per word^r: r < 1 leans towards longer sentences


def coverage(problem: RankingInput) -> np.ndarray:
    n = len(problem)
    graph = similarity_graph(problem.tfidf, threshold=0.0, max_neighbors=problem.max_neighbors,
                             progress=problem.progress)
    graph = (graph + sp.identity(n, format="csr")).tocoo()  # a sentence covers itself
    rows, cols, weights = graph.row, graph.col, graph.data
    cap = _ALPHA * np.bincount(rows, weights, minlength=n)
    covered = np.zeros(n)
    cost = np.maximum(problem.word_counts, 1) ** _COST_EXPONENT
    words_left = problem.max_words if problem.max_words is not None else np.inf
    picks_left = problem.max_sentences if problem.max_sentences is not None else n
    open_ = problem.quotable.copy()
    order = np.zeros(n)
    step = 0
    while picks_left > 0:
        open_ &= problem.word_counts <= words_left
        if not open_.any():
            break
        before = np.minimum(covered[rows], cap[rows])
        gains = np.bincount(cols, np.minimum(covered[rows] + weights, cap[rows]) - before, minlength=n)
        value = np.where(open_, gains * problem.prior / cost, -np.inf)
        best = int(np.argmax(value))
        if value[best] <= 0:
            break
        step += 1
        order[best] = step
        open_[best] = False
        words_left -= problem.word_counts[best]
        picks_left -= 1
        column = cols == best
        np.add.at(covered, rows[column], weights[column])
    # Chosen sentences first, in the order chosen; the rest by their prior-weighted coverage.
    scores = np.where(order > 0, 2.0 + 1.0 / np.maximum(order, 1), 0.0)
    rest = order == 0
    singles = np.bincount(cols, np.minimum(weights, cap[rows]), minlength=n) * problem.prior
    top = singles[rest].max(initial=0.0)
    if top > 0:
        scores[rest] = singles[rest] / top
    return scores


coverage.selects = True
