"""Whether a main clause denies what it tells: "The wildfire did not destroy 42 homes", "never
reached the coast".  A denial never reports the claim it denies, nor the reverse (the claim model
scores such a pair 0: ``claim_match``); "though not all of them were insured" and "not only homes"
deny nothing.  The words are data (``data/negation.txt``, ``data/negation_not_before.txt``)."""

from __future__ import annotations

from typing import Sequence

from ..wordlists import word_list

_DENIALS = word_list("negation.txt")
_NOT_BEFORE = word_list("negation_not_before.txt")


def denies(tokens: Sequence[str]) -> bool:
    """Whether the tokens of a main clause hold a word of denial that denies something."""
    low = [t.lower().replace("’", "'") for t in tokens]
    return any(w in _DENIALS and (k + 1 >= len(low) or low[k + 1] not in _NOT_BEFORE) for k, w in enumerate(low))
