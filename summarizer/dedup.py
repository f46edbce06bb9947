"""Deduplicate: exact and near-duplicate sentences, within and across sources, are grouped.

Each group becomes one passage that keeps all its members, so a briefing sentence can cite every
source that carries it or a near-paraphrase of it.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
import scipy.sparse as sp

from .models import Sentence
from .similarity import similarity_graph


def duplicate_groups(
    sentences: Sequence[Sentence],
    vectors: sp.csr_matrix,
    threshold: float,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[list[int]]:
    """Indices of sentences whose cosine similarity is at least ``threshold``, grouped; each
    group's first index is its leader (1 = exact duplicates only).

    Leader clustering in reading order: the first unassigned sentence opens a passage and takes
    every unassigned sentence close enough to it.  Unlike connected components this never chains
    A~B~C into one passage when A and C differ.
    """
    # No neighbour cap: a wire story syndicated by hundreds of outlets must keep every citation.
    # similarity_graph keeps products strictly above its threshold, hence nextafter.
    graph = similarity_graph(vectors, threshold=np.nextafter(threshold, 0), progress=progress)
    exact: dict[str, int] = {}
    leader = np.full(len(sentences), -1)
    members: dict[int, list[int]] = {}
    for i, sentence in enumerate(sentences):
        key = " ".join(sentence.text.casefold().split())
        if leader[i] < 0 and key in exact:
            leader[i] = exact[key]
            members[exact[key]].append(i)
        if leader[i] >= 0:
            continue
        exact[key] = leader[i] = i
        members[i] = [i]
        for j in graph.indices[graph.indptr[i]:graph.indptr[i + 1]]:
            if leader[j] < 0:
                leader[j] = i
                members[i].append(j)
    return [sorted(group) for group in members.values()]

