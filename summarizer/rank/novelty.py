"""Each fact once: what a briefing already says, so that no selector quotes it again.

Two tests, shared by every algorithm:

* **the same main claim**: the claim model that decides citations (``facts.claim_match.same_claim``)
  says a sentence states a pick's main claim in other words, or gives another value for one of
  its figures; unlike citations, it also compares a source's own sentences (a report that says
  "The government acknowledges the loss ..." and, five sentences on, "The army acknowledged the
  loss ...");
* **nothing new**: the share of a sentence's content (its stems, IDF-weighted) that the briefing
  does not say yet is below ``min_novelty``.  When every sentence left fails it, the sources hold
  less than the budget: the briefing stops short rather than fill it with the same facts again.

Selectors apply them as they choose (MMR, centroid and coverage skip such candidates; concepts'
solver is told to choose one of a pair); ``first_news`` checks any list of picks in order, the
last guard every algorithm's picks pass.

In an update (``--since``), what the earlier briefing told is never quoted (``facts.current``);
beyond that, its sentences (``already_read``) count as said before the first pick, as a penalty
rather than a veto: centroid's objective starts from them (the summary vector and the concepts
covered).  (MMR counting a passage's similarity to them as to a pick was tried: 0.08 ROUGE-2 lower
for LexRank's updates on both DUC sets, and not kept.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    import numpy as np

    from ..models import Pick, Pool

# A pair of sentences telling the same sequence of events (this many event classes in their main
# clauses) states one fact when the claim model gives it this much (or the usual threshold, if lower).
SEQUENCE_EVENTS = 2
SEQUENCE_THRESHOLD = 0.3


class Said:
    """The content stems a briefing says so far, and how new a sentence would be."""

    def __init__(self, pool: Pool):
        import numpy as np

        presence = pool.terms.counts.tocsr(copy=True)
        presence.data[:] = 1.0
        self.weighted = (presence.multiply(pool.terms.idf()[None, :])).tocsr()
        self.totals = np.asarray(self.weighted.sum(axis=1)).ravel()
        self.said = np.zeros(presence.shape[1])

    def novelty(self, rows: Sequence[int] | np.ndarray) -> np.ndarray:
        """Per row: the share of its weighted stems the briefing does not say (1 for a sentence
        without content stems: nothing to repeat)."""
        import numpy as np

        rows = np.asarray(rows, dtype=np.int64)
        old = np.asarray(self.weighted[rows] @ self.said).ravel()
        totals = self.totals[rows]
        return np.divide(totals - old, totals, out=np.ones(len(rows)), where=totals > 0)

    def add(self, row: int) -> None:
        self.said[self.weighted[row].indices] = 1.0


def first_news(pool: Pool, picks: Sequence[Pick], claim_threshold: float, min_novelty: float) -> list[Pick]:
    """The picks, in order, without any that states an earlier kept pick's main claim (the claim
    model at ``claim_threshold``, either way) or brings less than ``min_novelty`` new content."""
    import numpy as np

    said = Said(pool)
    kept: list[Pick] = []
    repeated = np.zeros(len(pool.sentences), dtype=bool)
    for pick in picks:
        if repeated[pick.row] or (kept and said.novelty([pick.row])[0] < min_novelty):
            continue
        mine = claim_rows(pool, pick.row, claim_threshold)
        if any(mine[k.row] for k in kept):
            continue
        kept.append(pick)
        said.add(pick.row)
        repeated |= mine
    return kept


def already_read(pool: Pool) -> np.ndarray:
    """Per pooled sentence: it is one of the earlier briefing's an update builds on (``pool.told``)."""
    import numpy as np

    if pool.told is None:
        return np.zeros(len(pool.sentences), dtype=bool)
    return np.array([s.source == pool.told for s in pool.sentences], dtype=bool)


def claim_rows(pool: Pool, row: int, threshold: float) -> np.ndarray:
    """Per pooled sentence: it states sentence ``row``'s main claim (``claim_match.same_claim``).

    Two sentences whose main clauses tell the same sequence of events (two or more event classes
    in common: "The capture of Hama followed days of fierce clashes ..." / "The fall of Hama
    follows heavy fighting ...") state one fact in other words even where the rest of their words
    differ: the claim model is asked less of them (``SEQUENCE_THRESHOLD``, at most ``threshold``);
    so are two sentences telling one deed (``same_deed``: one event by one kind of agent to one
    name, "insurgents captured ... Hama" / "rebel groups ... took control of Hama").

    (The same figure of the same thing given again was tried as a repeat too: it cost 0.6 ROUGE-1
    on DUC 2002, dropping sentences that give a toll with much else besides.)"""
    import numpy as np

    if pool.claims is None or threshold >= 1.0:
        return np.zeros(len(pool.sentences), dtype=bool)
    from ..facts.claim_match import same_claim

    said = same_claim(pool.claims, row, threshold, own_source=True)
    told = same_events(pool, row) | same_deed(pool, row)
    if told.any():
        said |= told & same_claim(pool.claims, row, min(threshold, SEQUENCE_THRESHOLD), own_source=True)
    return said


def same_deed(pool: Pool, row: int) -> np.ndarray:
    """Per pooled sentence: its main clause tells the deed that of sentence ``row`` tells: the same
    event class, by the same class of agent, tied to the same name in both ("Syrian insurgents
    captured the central city of Hama on Thursday ..." / "On Thursday, ... rebel groups led by HTS
    took control of Hama"), on the same day, which both name."""
    import numpy as np

    index = pool.claims
    core, links = index.core, index.links
    mine = core[row].indices
    kinds = index.kinds[mine]
    events = mine[kinds == index.KINDS.index("event")]
    agents = mine[kinds == index.KINDS.index("agent")]
    named = index.anchors[row].indices
    days = named[index.days[named]]
    if len(events) == 0 or len(agents) == 0 or len(days) == 0 or links[row].nnz == 0:
        return np.zeros(core.shape[0], dtype=bool)
    found = np.asarray(core[:, events].sum(axis=1)).ravel() > 0
    found &= np.asarray(core[:, agents].sum(axis=1)).ravel() > 0
    found &= np.asarray(links[:, links[row].indices].sum(axis=1)).ravel() > 0
    # ... on the same day, which both name: "The fall of Valdor follows heavy fighting ..." tells
    # what led to the capture, not the capture "on Tuesday" again; and without a day, one kind of
    # agent doing one kind of thing near one name is too loose ("police officers hurting
    # demonstrators" in Los Angeles / "demonstrators have charged that police tactics ...").
    found &= np.asarray(index.anchors[:, days].sum(axis=1)).ravel() == len(days)
    found &= np.asarray(index.anchors[:, np.flatnonzero(index.days)].sum(axis=1)).ravel() == len(days)
    found[row] = False
    return found


def same_events(pool: Pool, row: int) -> np.ndarray:
    """Per pooled sentence: its main clause shares ``SEQUENCE_EVENTS`` or more event classes
    (``facts.claims``: captured / fell to, clashes / fighting ...) with that of sentence ``row``,
    as many of them tied to the same name in both (the same events of one thing)."""
    import numpy as np

    index = pool.claims
    core = index.core
    events = index.kinds == index.KINDS.index("event")
    mine = core[row].indices[events[core[row].indices]]
    if len(mine) < SEQUENCE_EVENTS:
        return np.zeros(core.shape[0], dtype=bool)
    shared = np.asarray(core[:, mine].sum(axis=1)).ravel()
    found = shared >= SEQUENCE_EVENTS
    # ... of one thing: each tied to the same name in both (``ClaimIndex.links``: "the capture of
    # Hama", "fighting ... Hama"), not two crashes that killed people in two places.
    links = index.links
    found &= np.asarray(links[:, links[row].indices].sum(axis=1)).ravel() >= SEQUENCE_EVENTS
    found[row] = False
    return found
