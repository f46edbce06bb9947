"""Power iteration shared by the graph-based rankers."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def pagerank(weights: sp.csr_matrix, damping: float = 0.85, tol: float = 1e-8, max_iter: int = 200) -> np.ndarray:
    """Stationary distribution of a random walk on a weighted graph, with teleportation.

    Rows without edges (isolated sentences, disconnected parts) jump uniformly, so the walk is
    always well defined; with ``damping`` = 1 this is plain eigenvector centrality.
    """
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    out_weight = np.asarray(weights.sum(axis=1)).ravel()
    dangling = out_weight == 0
    inverse = np.divide(1.0, out_weight, out=np.zeros(n), where=~dangling)
    transition_t = (sp.diags(inverse) @ weights).T.tocsr()
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        spread = transition_t @ rank + rank[dangling].sum() / n
        new = damping * spread + (1.0 - damping) / n
        new /= new.sum()
        if np.abs(new - rank).sum() < tol:
            return new
        rank = new
    return rank
