"""Cite: every source that reports a chosen sentence's main claim, word for word or in its own words.

A source is cited for a quoted sentence when it carries the sentence word for word, or when one of its
sentences reports the quote's main claim: the claim model (``claims``, ``claim_match``) gives it a
probability of at least ``threshold``.  A near-duplicate (another member of the quote's passage) is
judged by the model too: one that shares most words but changes the event ("will lift" / "released",
"nominated" / "won") does not report the claim.  A source is never cited when its figures differ
from the quote's: a source that counts 15 dead does not report "14 dead", it disagrees, and the
briefing lists that under "Where sources differ".

Measured on hand-labelled sentence pairs (benchmarks/citations.py; README, "Citations").
"""

from __future__ import annotations

from typing import Sequence

from .claim_match import reporting_rows
from ..models import BriefingSentence, Citation, Pick, Pool


def cite(pool: Pool, picks: list[Pick], scores: list[float], threshold: float,
         anchored: float = 1.0) -> list[BriefingSentence]:
    """The briefing sentences quoting the picks' rows, each with its citations in source order."""
    return [_cite(pool, pick, score, threshold, anchored) for pick, score in zip(picks, scores)]


def _cite(pool: Pool, pick: Pick, score: float, threshold: float, anchored: float) -> BriefingSentence:
    quote = pool.sentences[pick.row]
    rows = citing_rows(pool, pick.row, threshold, pool.passages[pick.passage].rows, anchored)
    citations = [Citation(quote.source, quote.start, quote.end, quote.text, True)]
    citations += [Citation(m.source, m.start, m.end, m.text, m.text == quote.text)
                  for m in (pool.sentences[r] for r in rows)]
    citations.sort(key=lambda c: (c.source, c.start))
    return BriefingSentence(quote.text, tuple(citations), float(score))


def citing_rows(pool: Pool, row: int, threshold: float, passage_rows: Sequence[int] = (),
                anchored: float = 1.0) -> list[int]:
    """The rows cited for quoting sentence ``row`` besides itself: its word-for-word copies among
    ``passage_rows`` (its passage), and per other source the sentence that best reports its claim
    (``anchored``: setting ``cite.anchored``, see ``claim_match.reporting_rows``)."""
    quote = pool.sentences[row]
    copies = [r for r in passage_rows if r != row and pool.sentences[r].text == quote.text]
    copied_by = {pool.sentences[r].source for r in copies}
    # The claim model vetoes a sentence whose figure differs by the test "Where sources differ" lists by.
    reporting = reporting_rows(pool.claims, row, threshold, anchored=anchored)
    return copies + [r for source, r in reporting.items() if source not in copied_by]
