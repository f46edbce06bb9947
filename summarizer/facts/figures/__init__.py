"""Figures on which sources disagree: the "Where sources differ" section of a briefing.

Every sentence is cut once into tokens.  Each figure in it (a count of people killed, injured,
displaced, ordered to leave, protesting ...; a count of things by what happened to them, such as
homes without power or shots fired; a distance between two places; an ordinal rank such as
"Syria's second-largest city"; a population; an age; a quake's magnitude; the rain or snow that
fell; a storm's record low pressure, sustained winds and path; the time of day of an event; copies
sold of a named thing; an amount spilled; a building's storeys; a quake's epicenter and duration; a percentage or an amount of money with the entity it belongs to; the date
of an event and how long one lasted, tied to the event their clause tells, :mod:`.when`) is tied
to *what it quantifies* and turned into an interval in a canonical unit:

* a strict **key**: everything that must be equal for two figures to be about the same thing
  (kind of quantity, group counted, historical year, the two places of a distance, the entity
  and reference class of a rank, the person of an age ...);
* **loose dimensions** (for a count: place, venue, day or cumulative scope, month, kind of
  event): figures whose values in one dimension are both named and differ are about different
  things; a figure that names none is compared with the others only when a single value is
  named for that key (when several are, it could be about any of them and is left out);
* an **interval** ``[lo, hi]``: "at least 727" is [727, inf), "about 70 miles" is 70 mi +-10 %
  in km, "tens of thousands" is [10,000, 100,000), a round "110km" allows for rounding;
  "thousands" is [1,000, inf) unless another source writes a larger order of magnitude ("tens
  of thousands"), against which it is [1,000, 10,000); "more than 300" leaves 300 out, so it
  does not meet "nearly 300"; a round "350,000" reaches up to, not onto, "360,000".

Figures are grouped by key (never compared pairwise across the input), and a disagreement is
reported only when two *different sources* give intervals that do not overlap.  Citations use
the same test (:func:`differ`: two sentences' figures, compared as if alone), so a source is
never both cited for a figure and listed against it.  When in doubt a
figure is dropped: a false disagreement misleads a reader more than a missed one.

Pure Python and ``re``; every pattern is linear, the work is linear in the input size.

The modules, in the order a sentence meets them: :mod:`.lexicon` (the word tables, data in
``words.json``), :mod:`.tokens` (tokens, clauses, names), :mod:`.quantity` (the number grammar),
:mod:`.context` (what is around an amount), :mod:`.count`, :mod:`.measure` and :mod:`.extract`
(one extractor a kind of figure), :mod:`.when` (dates and durations of events), :mod:`.compare`
(claims and disagreements).
"""

from __future__ import annotations

from typing import Sequence

from ...models import Disagreement, Sentence
from .compare import comparable_key, compare, counts_otherwise, differ, disagreements, rows_by_thing, same_figure, superseded
from .extract import sentence_figures
from .figure import Figure

__all__ = ["Figure", "comparable_key", "compare", "counts_otherwise", "differ", "disagreements", "extract_figures", "find_disagreements",
           "rows_by_thing", "same_figure", "sentence_figures", "superseded"]


def extract_figures(sentences: Sequence[Sentence]) -> list[Figure]:
    """Every figure of every sentence, tied to what it quantifies (in input order)."""
    return [fig for figures in sentence_figures(sentences) for fig in figures]


def find_disagreements(sentences: Sequence[Sentence]) -> list[Disagreement]:
    """The disagreements among the figures of the sentences (see :func:`disagreements`)."""
    return disagreements(sentence_figures(sentences))
