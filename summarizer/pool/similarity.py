"""Sparse similarity graphs between sentences, computed block by block so memory stays bounded."""

from __future__ import annotations

from typing import Callable

import numpy as np
import scipy.sparse as sp

# Rows multiplied at once: a block of the product is at most this many rows times n columns, and
# at most BLOCK_ENTRIES entries (bounded memory on piles of near-identical sentences).
_BLOCK_ROWS = 1024
BLOCK_ENTRIES = 1 << 22
# Crowded rows whose entries fill at least 1/_DENSE_SHARE of them are cut in dense rows (see _top_k).
_DENSE_SHARE = 4


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
    transposed = vectors.T.tocsr()  # (a CSC right factor would be converted to CSR for every block)
    n = vectors.shape[0]
    step = block_rows(n)
    rows, cols, vals = [], [], []
    for start in range(0, n, step):
        block = vectors[start:start + step] @ transposed
        # The block's entries as they are stored (row by row): never copied into another format.
        row = np.repeat(np.arange(start, start + block.shape[0]), np.diff(block.indptr))
        col, data = block.indices, block.data
        if weight is not None:
            data = weight(row, col, data)
        keep = (data > threshold) & (row != col)
        row, col, data = row[keep], col[keep], data[keep]
        if max_neighbors is not None:
            row, col, data = _top_k(row, col, data, max_neighbors, n)
        rows.append(row)
        cols.append(col)
        vals.append(data)
        if progress:
            progress(min(start + step, n), n)
    graph = sp.csr_matrix(
        (np.concatenate(vals) if vals else np.zeros(0),
         (np.concatenate(rows) if rows else np.zeros(0, int), np.concatenate(cols) if cols else np.zeros(0, int))),
        shape=(n, n),
    )
    return graph.maximum(graph.T).tocsr()


def block_rows(n: int) -> int:
    """Rows of an n-row matrix multiplied with all n at once: a block of at most BLOCK_ENTRIES."""
    return max(1, min(_BLOCK_ROWS, BLOCK_ENTRIES // max(n, 1)))


def _top_k(row: np.ndarray, col: np.ndarray, data: np.ndarray, k: int, n: int) -> tuple[np.ndarray, ...]:
    """The k largest entries of each row (entries grouped by row, columns below n), ties to the
    lower column; only the rows with more than k entries are cut.  Their entries are sorted (one
    sort by row, value, column) where they are sparse; where they fill a good part of their rows
    (a pile of near-identical sentences: every pair close), each row's k-th value is selected in a
    dense row of n values instead, in time linear in the entries, not a sort of all of them."""
    if not len(row) or k <= 0:
        return (row, col, data) if k > 0 else (row[:0], col[:0], data[:0])
    first = row[0]
    counts = np.bincount(row - first)
    crowded = counts[row - first] > k
    if not crowded.any():
        return row, col, data
    at = np.flatnonzero(crowded)
    busy = np.flatnonzero(counts > k)  # crowded rows, relative to the first
    keep = ~crowded
    if len(at) * _DENSE_SHARE < len(busy) * n:
        order = np.lexsort((col[at], -data[at], row[at]))
        ranked = row[at][order]
        rank = np.arange(len(order)) - np.searchsorted(ranked, ranked)  # place within its row
        keep[at[order[rank < k]]] = True
    else:
        keep[at] = _dense_top_k(row[at] - first, col[at], data[at], busy, k, n)
    return row[keep], col[keep], data[keep]


def _dense_top_k(row: np.ndarray, col: np.ndarray, data: np.ndarray, busy: np.ndarray, k: int, n: int) -> np.ndarray:
    """Whether each entry is among the k largest of its row (rows ``busy``), ties to the lower column."""
    slot = np.zeros(int(busy[-1]) + 1, dtype=np.intp)
    slot[busy] = np.arange(len(busy))
    place = slot[row]
    dense = np.full((len(busy), n), -np.inf)  # at most a block: BLOCK_ENTRIES values
    dense[place, col] = data
    kth = np.partition(dense, n - k, axis=1)[:, n - k:n - k + 1]  # each row's k-th largest value
    chosen = dense > kth
    short = k - chosen.sum(axis=1)  # entries equal to the k-th value still kept, lowest columns first
    ties = dense == kth
    over = np.flatnonzero(ties.sum(axis=1) > short)  # rows with more ties than places left
    if len(over):
        tie_row, tie_col = np.nonzero(ties[over])  # by row, then column
        rank = np.arange(len(tie_row)) - np.searchsorted(tie_row, tie_row)  # place among its row's ties
        placed = rank < short[over][tie_row]
        ties[over] = False
        ties[over[tie_row[placed]], tie_col[placed]] = True
    chosen |= ties
    return chosen[place, col]
