"""Ranking algorithms: one function each, one signature, one registry.

An algorithm takes a ``RankingInput`` (the pooled, deduplicated sentences and their features) and
returns one salience score per sentence; higher is better.  The pipeline multiplies the scores
by the sentences' prior and selects within the budget, avoiding redundancy.  An algorithm that
itself selects under the budget (``selects = True`` on the function) weighs the prior itself and
gives its chosen sentences the top scores.  To add an algorithm, write its
function in a module of this package and add one line to ``ALGORITHMS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Callable

import numpy as np
import scipy.sparse as sp

from ..features import TermMatrix, Tokenizer


@dataclass
class RankingInput:
    texts: list[str]  # one sentence per pooled passage
    terms: TermMatrix  # their term counts and stem sequences
    tfidf: sp.csr_matrix  # L2-normalised TF-IDF rows (IDF over the pooled sources)
    tokenizer: Tokenizer
    max_words: int | None  # the briefing's budget, for algorithms that select under it
    max_sentences: int | None
    sources: list[tuple[int, ...]]  # the sources carrying each sentence or a near-duplicate of it
    quotable: np.ndarray  # which sentences the briefing may quote (length, completeness, wording)
    prior: np.ndarray  # how much editors prefer each sentence a priori (position, corroboration, wording)
    lexrank_threshold: float = 0.1
    damping: float = 0.85
    max_neighbors: int | None = 100
    progress: Callable[[int, int], None] | None = None

    @cached_property
    def word_counts(self) -> np.ndarray:
        return np.array([len(t.split()) for t in self.texts])

    def __len__(self) -> int:
        return len(self.texts)


Algorithm = Callable[[RankingInput], np.ndarray]

from .concepts import concepts  # noqa: E402  (the modules import RankingInput from here)
from .coverage import coverage  # noqa: E402
from .lexrank import lexrank  # noqa: E402
from .sumy_adapters import sumy_algorithm  # noqa: E402
from .textrank import textrank  # noqa: E402

ALGORITHMS: dict[str, Algorithm] = {
    "lexrank": lexrank,
    "textrank": textrank,
    "concepts": concepts,
    "coverage": coverage,
    "lsa": sumy_algorithm("lsa"),
    "luhn": sumy_algorithm("luhn"),
    "kl": sumy_algorithm("kl"),
    "sumbasic": sumy_algorithm("sumbasic"),
    "edmundson": sumy_algorithm("edmundson"),
    "reduction": sumy_algorithm("reduction"),
}

DESCRIPTIONS = {
    "lexrank": "LexRank: eigenvector centrality on the IDF-cosine sentence graph (sparse, vectorised)",
    "textrank": "TextRank: PageRank on word-overlap similarity normalised by sentence lengths",
    "coverage": "budgeted submodular coverage (Lin & Bilmes): covers the pool's content, redundancy saturates",
    "concepts": "concept coverage: bigram ILP (Gillick & Favre) solved with HiGHS under the word budget",
    "lsa": "sumy's LSA (Steinberger & Jezek)",
    "luhn": "sumy's Luhn (significant-word clusters)",
    "kl": "sumy's KL-Sum (greedy KL divergence to the pooled word distribution)",
    "sumbasic": "sumy's SumBasic (word probability)",
    "edmundson": "sumy's Edmundson (cue, key, title and location words)",
    "reduction": "sumy's Reduction (graph of shared words; quadratic, for small inputs)",
}
