"""Deduplicate: exact and near-duplicate sentences, within and across sources, become one passage.

Each passage keeps all its members, so a briefing sentence can cite every source that carries it
or a near-paraphrase of it.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
import scipy.sparse as sp

from ..models import Passage, Sentence
from .similarity import block_rows


def deduplicate(
    sentences: Sequence[Sentence],
    vectors: sp.csr_matrix,
    threshold: float,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[Passage]:
    """Passages of sentences whose cosine similarity is at least ``threshold`` (1 = exact
    duplicates only); each passage's first row is its leader.

    Exact duplicates (same words, case and spacing aside) are collapsed before any pairwise work,
    so a wire story carried by thousands of outlets costs what one copy costs.  Then leader
    clustering in reading order: the first unassigned text opens a passage and takes every
    unassigned text close enough to it.  Unlike connected components this never chains A~B~C
    into one passage when A and C differ.
    """
    first_of: dict[str, int] = {}
    copies: list[list[int]] = []  # rows of each distinct text, in reading order
    for row, sentence in enumerate(sentences):
        key = " ".join(sentence.text.casefold().split())
        if key in first_of:
            copies[first_of[key]].append(row)
        else:
            first_of[key] = len(copies)
            copies.append([row])
    distinct = vectors[[rows[0] for rows in copies]]
    groups = _leader_groups(distinct, threshold, progress)
    passages = []
    for group in groups:
        rows = tuple(sorted(row for i in group for row in copies[i]))
        passages.append(Passage(rows, tuple(sentences[r] for r in rows)))
    return passages


def _leader_groups(distinct: sp.csr_matrix, threshold: float,
                   progress: Callable[[int, int], None] | None) -> list[list[int]]:
    """Leader clustering of the rows of ``distinct`` (row-normalised) at cosine >= ``threshold``, in
    reading order, streamed: a block of rows is multiplied with every row only for the rows still
    unassigned, and no similarity graph is kept.  No neighbour cap: a sentence syndicated by
    hundreds of outlets keeps every citation."""
    n = distinct.shape[0]
    transposed = distinct.T.tocsr()
    above = np.nextafter(threshold, 0)  # (kept: products at the threshold or above)
    leader = np.full(n, -1)
    groups: list[list[int]] = []
    step = block_rows(n)  # (bounded memory: a graph of every close pair is quadratic on near-copies)
    for start in range(0, n, step):
        todo = start + np.flatnonzero(leader[start:start + step] < 0)
        if len(todo):
            block = distinct[todo] @ transposed
            # Rows with no other row close enough (most) open a passage of their own: no search.
            # (per row: entries above the threshold, less its own; no array as long as the block's but a mask)
            close = np.zeros(len(todo), dtype=np.intp)
            written = np.flatnonzero(np.diff(block.indptr))
            if len(written):
                close[written] = np.add.reduceat(block.data > above, block.indptr[written], dtype=np.intp)
            own = np.asarray(block[np.arange(len(todo)), todo]).ravel() > above
            alone = (close - own == 0).tolist()
            for offset, i in enumerate(todo.tolist()):
                if leader[i] >= 0:
                    continue  # taken by a leader earlier in this block
                if alone[offset]:
                    leader[i] = i
                    groups.append([i])
                    continue
                columns = block.indices[block.indptr[offset]:block.indptr[offset + 1]]
                values = block.data[block.indptr[offset]:block.indptr[offset + 1]]
                near = columns[(values > above) & (leader[columns] < 0) & (columns != i)]
                leader[i] = i
                leader[near] = i
                groups.append([i, *near.tolist()])
        if progress:
            progress(min(start + step, n), n)
    return groups
