"""The briefing's order: as the story happened, not as the algorithm ranked it.

With dated sources, a sentence stands where its fact was first reported: the earliest date of the
sources cited for it, ties broken by the sentence's position in that source.  Without dates, in
order of first appearance: the earliest position at which any source cited for it reports it (the
sources tell one story side by side, so a fact every lead reports comes before a detail), then the
source.  A sentence that leans on the one before it in its source ("He said ...", "However, ...") comes
right after that one where the briefing quotes both; one that names "the yacht" or "Salim" after
the sentence that introduced them (``standalone.carried_order``).  ``output.order: importance`` keeps the
algorithm's order.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from ..models import BriefingSentence, Pick, Pool
from ..pool.editorial import leans_back
from .standalone import carried_order


def in_story_order(pool: Pool, picks: Sequence[Pick], sentences: Sequence[BriefingSentence]) -> list[int]:
    """The indices of ``sentences`` (parallel to ``picks``) in the order the briefing shows them."""
    cited = [{c.source for c in s.citations} for s in sentences]
    wanted = {(c.source, c.start) for s in sentences for c in s.citations}
    position = {(s.source, s.start): s.position for s in pool.sentences if (s.source, s.start) in wanted}
    dated = any(pool.dates[source] for sources in cited for source in sources)

    def key(i: int) -> tuple:
        reports = [(pool.dates[c.source] or date.max if dated else date.min, position[c.source, c.start], c.source)
                   for c in sentences[i].citations]
        return min(reports)

    order = sorted(range(len(sentences)), key=key)
    return carried_order(pool, list(picks), _antecedents_first(pool, picks, order))


def _antecedents_first(pool: Pool, picks: Sequence[Pick], order: list[int]) -> list[int]:
    """Move each pick that leans on the pick before it in its source right after that one, from
    before it or from further down ("Most died ..." two sentences after its toll reads as the
    sentence between's)."""
    at = {(pool.sentences[p.row].source, pool.sentences[p.row].position): i for i, p in enumerate(picks)}
    for i, pick in enumerate(picks):
        quoted = pool.sentences[pick.row]
        before = at.get((quoted.source, quoted.position - 1))
        if before is not None and leans_back(quoted.text) and order.index(i) != order.index(before) + 1:
            order.remove(i)
            order.insert(order.index(before) + 1, i)
    return order
