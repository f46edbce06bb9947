"""Concept coverage (Gillick & Favre, 2009): the set of sentences that covers the most weighted
bigrams within the word budget, as an integer linear program solved by HiGHS (scipy's milp).

A concept is a bigram of stems; its weight is the number of sources that carry it times the
best prior of the sentences that have it, and only concepts carried by several sources count.
The chosen set comes out ordered by the weight each sentence covers.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Pick
from ..settings import Section, setting
from .base import Selector

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

    from ..models import Budget, Pool

_PRIOR_SHARE = 1.0


class Concepts(Selector):
    name = "concepts"
    description = "concept coverage: bigram ILP (Gillick & Favre) solved with HiGHS under the word budget"

    @dataclass(frozen=True)
    class Params(Section):
        """The ILP's size and time limits."""

        max_candidates: int = setting(600, "sentences given to the solver at most, the best covering first",
                                      low=1)
        time_limit: float = setting(10.0, "seconds the solver may take", above=0.0, high=600.0)

    def select(self, pool: Pool, budget: Budget) -> list[Pick]:
        import numpy as np

        occurrences, weights = _concept_matrix(pool)
        coverage = occurrences @ weights
        candidates = np.flatnonzero((pool.quote >= 0) & (coverage > 0))
        if budget.max_words is not None:
            candidates = candidates[pool.words[candidates] <= budget.max_words]
        candidates = candidates[np.argsort(-coverage[candidates], kind="stable")][:self.params.max_candidates]
        if len(candidates) == 0:
            return []
        # A sentence's own value: its concepts' weight, discounted as its prior falls short of the best
        # (a lead, plainly worded sentence loses nothing; a loaded one loses up to _PRIOR_SHARE).
        relative_prior = pool.prior / pool.prior.max(initial=1.0)
        top = coverage.max(initial=0.0)
        own_value = _PRIOR_SHARE * coverage * (relative_prior - 1.0) + 1e-3 * coverage / top
        chosen = candidates[_solve(occurrences[candidates], weights, pool.words[candidates], own_value[candidates],
                                   budget.max_words, budget.max_sentences, self.params.time_limit)]
        chosen = chosen[np.argsort(-coverage[chosen], kind="stable")]
        return [Pick(int(p), int(pool.quote[p])) for p in chosen]


def _concept_matrix(pool: Pool) -> tuple[sp.csr_matrix, np.ndarray]:
    """Passage-by-concept presence and concept weights.

    Concepts are bigrams of stems over all words (as ROUGE-2 counts them) except pairs of two
    stopwords; a concept weighs the number of sources carrying it times the best prior of the
    passages that have it, so lead, corroborated, plainly worded material counts more.
    """
    import numpy as np
    import scipy.sparse as sp

    tokenizer = pool.tokenizer
    stop = tokenizer.stop_words
    index: dict[tuple[str, str], int] = {}
    rows, cols = [], []
    for row, passage in enumerate(pool.passages):
        words = [w.lower().replace("’", "'") for w in tokenizer.words(passage.text)]
        bigrams = {(tokenizer.stem(a), tokenizer.stem(b)) for a, b in zip(words, words[1:])
                   if not (a in stop and b in stop)}
        for bigram in bigrams:
            rows.append(row)
            cols.append(index.setdefault(bigram, len(index)))
    n = len(pool)
    presence = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(index)))
    presence.data[:] = 1.0
    sources = [p.sources for p in pool.passages]
    membership = sp.csr_matrix(
        (np.ones(sum(len(s) for s in sources)),
         ([src for s in sources for src in s], [r for r, s in enumerate(sources) for _ in s])),
        shape=(len(pool.sources), n),
    )
    carried = membership @ presence
    carried.data[:] = 1.0
    weights = np.asarray(carried.sum(axis=0)).ravel()
    # A concept one source mentions is that source's detail; with few sources, two is enough.
    weights[weights < min(3, max(2, len(pool.sources) // 3))] = 0.0
    best_prior = np.asarray((sp.diags(pool.prior) @ presence).max(axis=0).todense()).ravel()
    return presence.tocsr(), weights * best_prior


def _solve(occurrences: sp.csr_matrix, weights: np.ndarray, lengths: np.ndarray, own_value: np.ndarray,
           max_words: int | None, max_sentences: int | None, time_limit: float) -> np.ndarray:
    """Indices of the sentences the ILP chooses."""
    import numpy as np
    import scipy.sparse as sp
    from scipy.optimize import Bounds, LinearConstraint, milp  # the solver is slow to import

    used = np.flatnonzero(occurrences.T @ np.ones(occurrences.shape[0]) > 0)
    used = used[weights[used] > 0]
    occ = occurrences[:, used].tocoo()
    n, m = occurrences.shape[0], len(used)
    # Variables: n sentence indicators, then m concept indicators.
    objective = -np.concatenate([own_value, weights[used]])
    constraints = []
    if max_words is not None:
        constraints.append(LinearConstraint(np.concatenate([lengths, np.zeros(m)])[None, :], -np.inf, max_words))
    if max_sentences is not None:
        constraints.append(LinearConstraint(np.concatenate([np.ones(n), np.zeros(m)])[None, :], -np.inf,
                                            max_sentences))
    k = occ.nnz
    # A sentence chosen covers its concepts: s_j - c_i <= 0 for every occurrence.
    in_sentence = sp.csr_matrix(
        (np.r_[np.ones(k), -np.ones(k)], (np.r_[np.arange(k), np.arange(k)], np.r_[occ.row, n + occ.col])),
        shape=(k, n + m),
    )
    constraints.append(LinearConstraint(in_sentence, -np.inf, 0))
    # A concept counts only if some chosen sentence has it: c_i - sum_j s_j <= 0.
    covered = sp.hstack([-occurrences[:, used].T, sp.identity(m)]).tocsr()
    constraints.append(LinearConstraint(covered, -np.inf, 0))
    with _native_stdout_silenced():
        result = milp(objective, constraints=constraints, integrality=np.ones(n + m), bounds=Bounds(0, 1),
                      options={"time_limit": time_limit})
    if result.x is None:
        return np.zeros(0, dtype=int)
    return np.flatnonzero(result.x[:n] > 0.5)


@contextmanager
def _native_stdout_silenced():
    """Send what native code writes to file descriptor 1 to the null device meanwhile.

    HiGHS prints a stray debug line ("HighsMipSolverData::transformNewIntegerFeasibleSolution")
    straight to descriptor 1 whatever its display options (ERGO-Code/HiGHS#2783); with the
    briefing going to standard output, that line would land in it.
    """
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no descriptor 1 at all: nothing to protect
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
