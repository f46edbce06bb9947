"""LexRank (Erkan & Radev, 2004) on a sparse IDF-modified cosine graph."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..params import setting
from .base import GraphParams, Scorer

if TYPE_CHECKING:
    import numpy as np

    from ..models import Pool


class LexRank(Scorer):
    """Centrality of each passage: threshold LexRank, or continuous LexRank when the threshold is 0.

    The graph keeps each passage's ``max_neighbors`` most similar passages, so memory grows
    linearly with the input; on inputs of a few thousand sentences nothing is cut.
    """

    name = "lexrank"
    description = "LexRank: eigenvector centrality on the IDF-cosine sentence graph (sparse, vectorised)"

    @dataclass(frozen=True)
    class Params(GraphParams):
        """LexRank's graph and random walk."""

        threshold: float = setting(0.1, "edge threshold on cosine similarity (0 = continuous LexRank)",
                                   low=0.0, high=1.0)
        damping: float = setting(0.85, "PageRank damping factor", low=0.0, high=1.0)

    def score(self, pool: Pool) -> np.ndarray:
        from ..pool.similarity import similarity_graph
        from .pagerank import pagerank

        graph = similarity_graph(pool.tfidf[pool.leaders], threshold=self.params.threshold,
                                 max_neighbors=self.params.max_neighbors, progress=self.progress)
        if self.params.threshold > 0:
            graph.data[:] = 1.0  # threshold LexRank: an edge is there or not
        return pagerank(graph, self.params.damping)
