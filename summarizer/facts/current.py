"""What a briefing may state as current news: not what the reader was told already, not what later
reports overtook, not a figure later reports changed.

* **Told** (an update, ``--since``): the earlier briefing is pooled as one more source (its
  sentences, dated as its latest source).  A passage is told when one of its members is a sentence
  of that briefing, or reports the main claim of one with the same figures (the claim model at
  the threshold selection uses to keep a claim from being told twice, ``select.same_claim_threshold``).  A sentence giving another value for a figure the briefing stated is new: the
  figure moved, and "How the figures changed" shows it from the earlier value to the new one.
* **Overtaken**: with dated sources, a plan, expectation, threat or forecast ("expected to
  announce Tuesday", "threatened to press for a motion"; the main clause is modal,
  ``data/modality.txt``) from one report is overtaken once a later report speaks of the same
  event (an event tied to the same name) or carries most of its anchors (names, days, events and
  content words, weighted as the claim model weighs them; the modal words themselves left out): what was
  expected has then happened, or not, and the later report says which.  It is never quoted.
"""

from __future__ import annotations


import numpy as np

from ..models import Budget, Pick, Pool
from ..wordlists import word_list
from .claim_match import scores
from .figures import comparable_key

# Share of a modal sentence's anchors (weighted) that a later sentence must carry to speak of the
# same thing, where no event-and-name link ties them.
OVERTAKEN_OVERLAP = 0.5


def told_rows(pool: Pool, source: int, threshold: float) -> set[int]:
    """Every row of each passage that says what a sentence of ``source`` (the earlier briefing) said."""
    told = np.array([s.source == source for s in pool.sentences], bool)
    for row in np.flatnonzero(told):
        candidates, probability = scores(pool.claims, int(row))  # figures must agree
        told[candidates[probability >= threshold]] = True
    return {r for passage in pool.passages if told[list(passage.rows)].any() for r in passage.rows}


def overtaken_rows(pool: Pool) -> set[int]:
    """The pooled sentences that are plans or expectations a later dated report overtook."""
    index = pool.claims
    n = len(pool.sentences)
    overtaken = np.zeros(n, bool)
    if index is None or not any(pool.dates) or not index.modal.any():
        return set()
    day = np.array([pool.dates[s.source].toordinal() if pool.dates[s.source] else -1 for s in pool.sentences])
    links = index.links.tocsc()
    modal_words = {f"word:{pool.tokenizer.stem(w)}" for w in word_list("modality.txt")}
    weights = index.weights * [a not in modal_words for a in index.vocabulary]
    weighted = index.anchors.multiply(weights[None, :]).tocsr()
    for row in np.flatnonzero(index.modal & (day >= 0)):
        later = (day > day[row]) & ~index.modal
        if not later.any():
            continue
        mine = index.links[row].indices
        tied = np.zeros(n, bool)
        if len(mine):
            tied[links[:, mine].indices] = True
        own = weighted[row]
        total = own.sum()
        if total > 0:
            shared = (index.anchors[:, own.indices].multiply(own.data[None, :])).sum(axis=1).A1 / total
            tied |= shared >= OVERTAKEN_OVERLAP
        overtaken[row] = (tied & later).any()
    return {int(r) for r in np.flatnonzero(overtaken)}


def quote_latest(pool: Pool, picks: list[Pick], later: dict[int, tuple[str, ...]], budget: Budget) -> list[Pick]:
    """Each pick whose quoted sentence states a figure later reports changed (``later``, from
    figures.superseded), swapped for a quotable member of its passage that states that figure
    and none superseded (the later report of it), when the briefing stays within the budget."""
    picks = list(picks)
    for i, pick in enumerate(picks):
        if pick.row not in later:
            continue
        things = {comparable_key(f) for f in pool.figures[pick.row]}
        for row in pool.quotable[pick.passage]:
            if row in later or not things & {comparable_key(f) for f in pool.figures[row]}:
                continue
            words = [pool.sentences[p.row if j != i else row].words for j, p in enumerate(picks)]
            if budget.allows(sum(words), len(words)):
                picks[i] = Pick(pick.passage, row)
                break
    return picks
