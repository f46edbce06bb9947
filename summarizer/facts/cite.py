"""Cite: every source that reports a chosen sentence's main claim, word for word or in its own words.

A source is cited for a quoted sentence when it carries the sentence word for word, or when one of its
sentences reports the quote's main claim: the claim model (``claims``, ``claim_match``) gives it a
probability of at least ``threshold``.  A near-duplicate (another member of the quote's passage) is
judged by the model too: one that shares most words but changes the event ("will lift" / "released",
"nominated" / "won") does not report the claim.  A source is never cited when its figures differ
from the quote's: a source that counts 15 dead does not report "14 dead", it disagrees, and the
briefing lists that under "Where sources differ".  That list is read here as well: a source it puts
against a value the quoted sentence states is never cited for it, whichever of its sentences the
claim model would cite ("went on strike on Monday" against "yesterday" in reports of one Wednesday:
the list reads the dates with each report's date, and so does the citation).

Measured on hand-labelled sentence pairs (benchmarks/citations.py; README, "Citations").
"""

from __future__ import annotations

from typing import Sequence

from .claim_match import reporting_rows
from ..models import BriefingSentence, Citation, Disagreement, Pick, Pool


def cite(pool: Pool, picks: list[Pick], scores: list[float], threshold: float,
         anchored: float = 1.0, disagreements: Sequence[Disagreement] = ()) -> list[BriefingSentence]:
    """The briefing sentences quoting the picks' rows, each with its citations in source order;
    ``disagreements``: the briefing's "Where sources differ" (``figures.compare``)."""
    return [_cite(pool, pick, score, threshold, anchored, disagreements) for pick, score in zip(picks, scores)]


def _cite(pool: Pool, pick: Pick, score: float, threshold: float, anchored: float,
          disagreements: Sequence[Disagreement]) -> BriefingSentence:
    quote = pool.sentences[pick.row]
    rows = citing_rows(pool, pick.row, threshold, pool.passages[pick.passage].rows, anchored, disagreements)
    citations = [Citation(quote.source, quote.start, quote.end, quote.text, True)]
    citations += [Citation(m.source, m.start, m.end, m.text, m.text == quote.text)
                  for m in (pool.sentences[r] for r in rows)]
    citations.sort(key=lambda c: (c.source, c.start))
    return BriefingSentence(quote.text, tuple(citations), float(score))


def citing_rows(pool: Pool, row: int, threshold: float, passage_rows: Sequence[int] = (),
                anchored: float = 1.0, disagreements: Sequence[Disagreement] = ()) -> list[int]:
    """The rows cited for quoting sentence ``row`` besides itself: its word-for-word copies among
    ``passage_rows`` (its passage), and per other source the sentence that best reports its claim
    (``anchored``: setting ``cite.anchored``, see ``claim_match.reporting_rows``); none of a source
    that ``disagreements`` put against a value sentence ``row`` states (:func:`listed_against`)."""
    quote = pool.sentences[row]
    against = listed_against(disagreements, row, pool.figures)
    copies = [r for r in passage_rows if r != row and pool.sentences[r].text == quote.text
              and pool.sentences[r].source not in against]
    copied_by = {pool.sentences[r].source for r in copies}
    # The claim model vetoes a sentence whose figure differs by the test "Where sources differ" lists by.
    reporting = reporting_rows(pool.claims, row, threshold, anchored=anchored)
    return copies + [r for source, r in reporting.items() if source not in copied_by and source not in against]


def listed_against(disagreements: Sequence[Disagreement], row: int,
                   figures: Sequence[Sequence] | None = None) -> set[int]:
    """The sources that "Where sources differ" lists with another value for a figure sentence
    ``row`` states: those of every other claim of each disagreement one of whose claims that
    sentence states.  With the pool's ``figures`` (per sentence), the sentence also states a claim
    when it gives one of the claim's figures of an event (same thing, same value, the same event
    word: "ended a three-day strike" for "halted traffic for three days" of "how long: the strike"),
    even where the list tied it to no group: not citing is the safe side."""
    against: set[int] = set()
    for disagreement in disagreements:
        for claim in disagreement.claims:
            if row in claim.rows or figures is not None and _gives(figures[row], [figures[r] for r in claim.rows]):
                against.update(s for other in disagreement.claims if other is not claim for s in other.sources)
    return against


def _gives(mine: Sequence, theirs: Sequence[Sequence]) -> bool:
    """Whether one of ``mine`` is one of ``theirs`` as to thing and value, the event word of one
    standing in the other's clause ("strike" in "The strike halted all traffic for three days")."""
    # (not a date: one is kept as written and made a day only against its report's date)
    return any(f.heads and g.heads and not f.when and f.key == g.key and (f.lo, f.hi) == (g.lo, g.hi)
               and (f.heads & (g.heads | g.terms) or g.heads & (f.heads | f.terms))
               for f in mine for others in theirs for g in others)
