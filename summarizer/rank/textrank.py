"""TextRank (Mihalcea & Tarau, 2004): PageRank on sentences linked by shared words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..params import setting
from .base import GraphParams, Scorer

if TYPE_CHECKING:
    import numpy as np

    from ..models import Pool


class TextRank(Scorer):
    """Similarity = |shared words| / (log |S1| + log |S2|), the paper's definition.

    Words are counted once per sentence as in the paper (sumy counts a repeated word again);
    large inputs keep each sentence's ``max_neighbors`` strongest links.
    """

    name = "textrank"
    description = "TextRank: PageRank on word-overlap similarity normalised by sentence lengths"

    @dataclass(frozen=True)
    class Params(GraphParams):
        """TextRank's graph and random walk."""

        damping: float = setting(0.85, "PageRank damping factor", low=0.0, high=1.0)

    def score(self, pool: Pool) -> np.ndarray:
        import numpy as np

        from ..pool.similarity import similarity_graph
        from .pagerank import pagerank

        terms = pool.terms.rows(pool.leaders)
        presence = terms.counts.copy()
        presence.data[:] = 1.0
        log_length = np.log(np.maximum(terms.lengths, 1))

        def normalised(rows: np.ndarray, cols: np.ndarray, shared: np.ndarray) -> np.ndarray:
            norm = log_length[rows] + log_length[cols]
            # Two one-word sentences: log 1 + log 1 = 0, and they share their only word.
            return np.divide(shared, norm, out=shared.astype(float), where=norm > 0)

        graph = similarity_graph(presence, threshold=0.0, max_neighbors=self.params.max_neighbors,
                                 weight=normalised, progress=self.progress)
        return pagerank(graph, self.params.damping)
