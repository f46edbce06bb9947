"""Cite: every source that reports a chosen sentence's main claim, word for word or in its own words.

A source is cited for a quoted sentence when it carries the sentence or a near-duplicate of it (the
passage's members), or when one of its sentences reports the quote's main claim in other words: the
claim model (``claims``, ``claim_match``) gives it a probability of at least ``threshold``.  Either
way it is not cited when its figures differ from the quote's: a source that counts 15 dead does not
report "14 dead", it disagrees, and the briefing lists that under "Where sources differ".

Measured on hand-labelled sentence pairs (benchmarks/citations.py; README, "Citations").
"""

from __future__ import annotations

from .claim_match import reporting_rows
from .figures import differ
from .models import BriefingSentence, Citation, Pick, Pool


def cite(pool: Pool, picks: list[Pick], scores: list[float], threshold: float) -> list[BriefingSentence]:
    """The briefing sentences quoting the picks' rows, each with its citations in source order."""
    return [_cite(pool, pick, score, threshold) for pick, score in zip(picks, scores)]


def _cite(pool: Pool, pick: Pick, score: float, threshold: float) -> BriefingSentence:
    quote = pool.sentences[pick.row]
    passage = pool.passages[pick.passage]
    # The figures model of "Where sources differ": a source whose figure differs is listed there,
    # never cited (the claim model applies the same test to the paraphrases it finds).
    rows = [r for r in passage.rows if r != pick.row and not differ(pool.figures[pick.row], pool.figures[r])]
    reporting = reporting_rows(pool.claims, pick.row, threshold)
    rows += [r for source, r in reporting.items() if source not in passage.sources]
    citations = [Citation(quote.source, quote.start, quote.end, quote.text, True)]
    citations += [Citation(m.source, m.start, m.end, m.text, m.text == quote.text)
                  for m in (pool.sentences[r] for r in rows)]
    citations.sort(key=lambda c: (c.source, c.start))
    return BriefingSentence(quote.text, tuple(citations), float(score))
