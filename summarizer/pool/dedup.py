"""Deduplicate: exact and near-duplicate sentences, within and across sources, become one passage.

Each passage keeps all its members, so a briefing sentence can cite every source that carries it
or a near-paraphrase of it.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
import scipy.sparse as sp

from ..models import Passage, Sentence
from .similarity import similarity_graph


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
    # No neighbour cap: a sentence syndicated by hundreds of outlets must keep every citation.
    # similarity_graph keeps products strictly above its threshold, hence nextafter.
    graph = similarity_graph(distinct, threshold=np.nextafter(threshold, 0), progress=progress)
    leader = [-1] * len(copies)
    groups: list[list[int]] = []
    indptr, indices = graph.indptr.tolist(), graph.indices.tolist()  # (plain ints: a Python loop reads them)
    for i in range(len(copies)):
        if leader[i] >= 0:
            continue
        leader[i] = i
        group = [i]
        for j in indices[indptr[i]:indptr[i + 1]]:
            if leader[j] < 0:
                leader[j] = i
                group.append(j)
        groups.append(group)
    passages = []
    for group in groups:
        rows = tuple(sorted(row for i in group for row in copies[i]))
        passages.append(Passage(rows, tuple(sentences[r] for r in rows)))
    return passages
