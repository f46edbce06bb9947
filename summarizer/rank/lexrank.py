"""LexRank (Erkan & Radev, 2004) on a sparse IDF-modified cosine graph."""

from __future__ import annotations

import numpy as np

from ..similarity import similarity_graph
from . import RankingInput
from .pagerank import pagerank


def lexrank(problem: RankingInput) -> np.ndarray:
    """Centrality of each sentence: threshold LexRank, or continuous LexRank when the threshold is 0.

    The graph keeps each sentence's ``max_neighbors`` most similar sentences, so memory grows
    linearly with the input; on inputs of a few thousand sentences nothing is cut.
    """
    graph = similarity_graph(problem.tfidf, threshold=problem.lexrank_threshold,
                             max_neighbors=problem.max_neighbors, progress=problem.progress)
    if problem.lexrank_threshold > 0:
        graph.data[:] = 1.0  # threshold LexRank: an edge is there or not
    return pagerank(graph, problem.damping)
