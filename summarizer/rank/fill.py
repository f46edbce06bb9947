"""Budget filling: once a greedy selector stops, search for the ending that fills the budget best.

Greedy selection under a hard word budget ends on whichever sentence still fits, which often
leaves words unused or takes a short, weak sentence last.  ``refill`` reopens the last few picks
and, with the best of the remaining candidates, tries every combination that fits the budget
(a small exact search), keeping the one the selector's own objective values most.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    import numpy as np

# Combinations valued at once: bounds the memory of one call to the objective.
_CHUNK = 4096


def combinations_within(words: np.ndarray, max_words: float, max_items: int) -> np.ndarray:
    """Every set of items whose words sum to at most ``max_words``, with at most ``max_items``
    items, as rows of item indices in increasing order, padded with -1 (the empty set included)."""
    import numpy as np

    n = len(words)
    level = np.zeros((1, 0), dtype=np.int64)  # the sets of the current size
    totals = np.zeros(1)
    found = [level]
    for _ in range(min(max_items, n)):
        last = level[:, -1] if level.shape[1] else np.full(len(level), -1)
        # Extend each set by every later item that still fits: sets are built in index order once.
        grow = (np.arange(n)[None, :] > last[:, None]) & (totals[:, None] + words[None, :] <= max_words)
        parent, item = np.nonzero(grow)
        if len(parent) == 0:
            break
        level = np.hstack([level[parent], item[:, None]])
        totals = totals[parent] + words[item]
        found.append(level)
    width = found[-1].shape[1]
    return np.vstack([np.pad(sets, ((0, 0), (0, width - sets.shape[1])), constant_values=-1) for sets in found])


def refill(
    chosen: list[int],
    remaining: list[int],
    words: np.ndarray,
    value: Callable[[list[int], np.ndarray], np.ndarray],
    max_words: float,
    max_sentences: float,
    depth: int,
) -> list[int]:
    """The greedy picks ``chosen`` with their last ``depth`` replaced by the best-valued ending.

    ``remaining``: the candidates the ending may use besides the reopened picks (the caller keeps
    this short: the search is exponential in it).  ``words[i]``: candidate i's length.
    ``value(kept, endings)``: the objective of ``kept`` plus each ending, one row of candidate
    indices (-1 = none) per ending.  Ties keep the greedy ending: it comes first.
    """
    import numpy as np

    depth = min(depth, len(chosen))
    kept, reopened = chosen[: len(chosen) - depth], chosen[len(chosen) - depth:]
    free = np.array(reopened + [c for c in remaining if c not in reopened], dtype=np.int64)
    if len(free) == 0:
        return chosen
    room = max_words - float(words[kept].sum()) if kept else max_words
    slots = max_sentences - len(kept)
    sets = combinations_within(words[free].astype(float), room, int(min(slots, len(free))))
    endings = np.where(sets >= 0, free[np.maximum(sets, 0)], -1)
    # The greedy ending first, so that a tie keeps it.
    greedy = np.full(endings.shape[1], -1)
    greedy[: len(reopened)] = reopened[: endings.shape[1]]
    endings = np.vstack([greedy[None, :], endings])
    values = np.concatenate([value(kept, endings[i:i + _CHUNK]) for i in range(0, len(endings), _CHUNK)])
    best = endings[int(np.argmax(values))]
    # Reopened picks that stay keep their place; new ones follow.
    ending = [c for c in reopened if c in best] + [int(c) for c in best if c >= 0 and c not in reopened]
    return kept + ending
