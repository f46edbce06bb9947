"""Concept coverage as ICSI does it (Gillick & Favre, 2009): the set of sentences that covers the
most weighted bigrams within the word budget, an integer linear program solved by HiGHS (scipy's
milp), which fills the budget as well as whole sentences can.

Concepts and their weights are ``concept_weights.bigram_concepts``: bigrams that several sources
carry, weighing more the nearer the top of each source they first appear.  Candidates are the
centroid selector's: passages near the top of a source, quotable, not far down the prior.  Each
candidate adds its words weighed by its prior, so plain lead material wins ties.  Two sentences
of a solution that state one main claim, or of which one says little new beside the other
(``rank.novelty``), are forbidden together and the program solved again.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Pick
from ..params import setting
from .base import LeadParams, Selector
from .centroid import lead_candidates
from .concept_weights import bigram_concepts
from .novelty import Said, claim_rows

# Times the solver is run again with the repeats it chose forbidden.
_ROUNDS = 4

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

    from ..models import Budget, Pool


class Concepts(Selector):
    name = "concepts"
    description = "concept coverage: bigram ILP (Gillick & Favre's ICSI) solved with HiGHS under the word budget"

    @dataclass(frozen=True)
    class Params(LeadParams):
        """The concepts, the candidates, and the ILP's size and time limits."""

        min_concept_sources: int = setting(3, "a concept is carried by this many sources (or all, if fewer)",
                                           low=1)
        max_candidates: int = setting(600, "sentences given to the solver at most, the best covering first",
                                      low=1)
        time_limit: float = setting(10.0, "seconds the solver may take", above=0.0, high=600.0)
        same_claim_threshold: float = setting(0.5, "confidence (0-1) of the claim model at which two sentences "
                                                   "state one main claim and the solver may take one of them "
                                                   "(1 = never)", low=0.0, high=1.0)

    def select(self, pool: Pool, budget: Budget) -> list[Pick]:
        import numpy as np

        params = self.params
        max_words = budget.word_cap
        candidates, rows = lead_candidates(pool, max_words, params.candidates_per_source, params.min_prior)
        occurrences, weights = bigram_concepts(pool, params.min_concept_sources)
        total = weights.sum()
        weights = weights / total if total > 0 else weights
        occurrences = occurrences[rows].tocsr()
        coverage = occurrences @ weights
        best = np.argsort(-coverage, kind="stable")[:params.max_candidates]
        candidates, rows, occurrences, coverage = candidates[best], rows[best], occurrences[best], coverage[best]
        if len(candidates) == 0:
            return []
        words = pool.words[candidates].astype(float)
        relative = pool.prior[candidates] / pool.prior[candidates].max()
        # Each word counts, weighed by the prior: the ILP fills the budget with plain lead material.
        own_value = params.prior_weight * relative * words / (max_words if np.isfinite(max_words) else 100.0)
        # Each fact once: a pair of the solution that states one claim, or one saying little new
        # beside the other, may not both be chosen; solve again (a few rounds, the pairs are few).
        conflicts: list[tuple[int, int]] = []
        for _ in range(_ROUNDS):
            chosen = _solve(occurrences, weights, words, own_value, budget.max_words, budget.max_sentences,
                            params.time_limit, conflicts)
            found = _repeats(pool, rows, chosen, params)
            if not found:
                break
            conflicts += found
        chosen = chosen[np.argsort(-coverage[chosen], kind="stable")]
        return [Pick(int(candidates[c]), int(rows[c])) for c in chosen]


def _repeats(pool: Pool, rows: np.ndarray, chosen: np.ndarray, params: Concepts.Params) -> list[tuple[int, int]]:
    """Pairs of chosen candidates of which one states the other's claim or says little new beside it."""
    found = []
    for i in chosen:
        said = Said(pool)
        said.add(int(rows[i]))
        same = claim_rows(pool, int(rows[i]), params.same_claim_threshold)
        others = [j for j in chosen if j != i]
        novel = said.novelty(rows[others]) if others else []
        found += [(int(min(i, j)), int(max(i, j))) for j, new in zip(others, novel)
                  if same[rows[j]] or new < params.min_novelty]
    return sorted(set(found))


def _solve(occurrences: sp.csr_matrix, weights: np.ndarray, lengths: np.ndarray, own_value: np.ndarray,
           max_words: int | None, max_sentences: int | None, time_limit: float,
           conflicts: list[tuple[int, int]] = ()) -> np.ndarray:
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
    if conflicts:  # s_i + s_j <= 1 for each pair that repeats a fact
        pairs = np.array(conflicts, dtype=np.int64)
        k = len(pairs)
        either = sp.csr_matrix((np.ones(2 * k), (np.r_[np.arange(k), np.arange(k)], np.r_[pairs[:, 0], pairs[:, 1]])),
                               shape=(k, n + m))
        constraints.append(LinearConstraint(either, -np.inf, 1))
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
