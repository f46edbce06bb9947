"""Sparse similarity graphs between sentences, computed block by block so memory stays bounded."""

from __future__ import annotations

from typing import Callable

import numpy as np
import scipy.sparse as sp

# Rows multiplied at once: a block of the product is at most this many rows times n columns.
_BLOCK_ROWS = 1024


def similarity_graph(
    vectors: sp.csr_matrix,
    *,
    threshold: float = 0.0,
    max_neighbors: int | None = None,
    weight: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> sp.csr_matrix:
    """Products of every pair of rows above ``threshold``, at most ``max_neighbors`` a row.

    With row-normalised TF-IDF rows these are cosine similarities.  The graph has no
    self-loops and is symmetric (an edge kept by either end is kept).
    """
    transposed = vectors.T.tocsc()
    n = vectors.shape[0]
    rows, cols, vals = [], [], []
    for start in range(0, n, _BLOCK_ROWS):
        block = (vectors[start:start + _BLOCK_ROWS] @ transposed).tocoo()
        if weight is not None:
            block.data = weight(block.row + start, block.col, block.data)
        keep = (block.data > threshold) & (block.row + start != block.col)
        block = sp.csr_matrix((block.data[keep], (block.row[keep], block.col[keep])), shape=block.shape)
        if max_neighbors is not None:
            block = _top_k(block, max_neighbors)
        coo = block.tocoo()
        rows.append(coo.row + start)
        cols.append(coo.col)
        vals.append(coo.data)
        if progress:
            progress(min(start + _BLOCK_ROWS, n), n)
    graph = sp.csr_matrix(
        (np.concatenate(vals) if vals else np.zeros(0),
         (np.concatenate(rows) if rows else np.zeros(0, int), np.concatenate(cols) if cols else np.zeros(0, int))),
        shape=(n, n),
    )
    return graph.maximum(graph.T).tocsr()


def _top_k(block: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Keep the k largest entries of each row (vectorised: one sort of all entries by row, value)."""
    counts = np.diff(block.indptr)
    if counts.max(initial=0) <= k:
        return block
    row_of = np.repeat(np.arange(block.shape[0]), counts)
    order = np.lexsort((-block.data, row_of))
    rank_in_row = np.arange(len(order)) - np.repeat(block.indptr[:-1], counts)
    keep = order[rank_in_row < k]
    keep.sort()
    return sp.csr_matrix((block.data[keep], block.indices[keep], np.r_[0, np.cumsum(np.minimum(counts, k))]),
                         shape=block.shape)
