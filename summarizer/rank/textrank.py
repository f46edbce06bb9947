"""TextRank (Mihalcea & Tarau, 2004): PageRank on sentences linked by shared words."""

from __future__ import annotations

import numpy as np

from ..similarity import similarity_graph
from . import RankingInput
from .pagerank import pagerank


def textrank(problem: RankingInput) -> np.ndarray:
    """Similarity = |shared words| / (log |S1| + log |S2|), the paper's definition.

    Words are counted once per sentence as in the paper (sumy counts a repeated word again);
    large inputs keep each sentence's ``max_neighbors`` strongest links.
    """
    presence = problem.terms.counts.copy()
    presence.data[:] = 1.0
    log_length = np.log(np.maximum(problem.terms.lengths, 1))

    def normalised(rows: np.ndarray, cols: np.ndarray, shared: np.ndarray) -> np.ndarray:
        norm = log_length[rows] + log_length[cols]
        # Two one-word sentences: log 1 + log 1 = 0, and they share their only word.
        return np.divide(shared, norm, out=shared.astype(float), where=norm > 0)

    graph = similarity_graph(presence, threshold=0.0, max_neighbors=problem.max_neighbors,
                             weight=normalised, progress=problem.progress)
    return pagerank(graph, problem.damping)
