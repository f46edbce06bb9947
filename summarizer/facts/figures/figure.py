"""What the extractors make (:class:`Figure`) and what they read besides the tokens
(:class:`Scope`)."""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import BELOW, INF
from .quantity import Quantity, value_text
from .tokens import Tokens, position


@dataclass(frozen=True)
class Figure:
    """One figure of one sentence, tied to what it quantifies."""

    key: tuple  # what must be equal for two figures to be about the same thing
    topic: str  # readable noun phrase for the key
    lo: float  # the interval the figure allows, in the key's canonical unit
    hi: float
    value: str  # as written, e.g. "at least 727", "about 70 miles", "second-largest"
    source: int
    order: int  # position in the input (sentence index * 100000 + token), for stable order
    # Loose attributes, one per dimension (a count's place, venue, day, month, event): the
    # normalised value, "" when the sentence names none.
    loose: tuple[str, ...] = ()
    loose_label: tuple[str, ...] = ()  # how a topic names each ("in Aleppo", "on Monday")
    banded: bool = False  # counts: values an order of magnitude apart are different things
    band_gap: float = 0.0  # ages: values further apart than this are different moments
    # An amount written as an order of magnitude ("thousands", "tens of thousands"): its upper
    # end read as one ("thousands": fewer than 10,000); 0.0 for any other amount.
    magnitude_hi: float = 0.0
    # A fixed fact (a record, the time or path of one event): values written on different days
    # are a disagreement, never an update.
    fixed: bool = False
    # A reading that changes by the hour (a storm's winds): compared only among reports of one
    # day where the sources are dated.
    hourly: bool = False
    # A date or a duration (when.py): the date as written (year, month, day, weekday, tense; read
    # into a day interval by when.resolve), and the event its clause tells: its content stems,
    # the lowercase words next to the figure, and the names it holds.
    when: tuple = ()
    terms: frozenset = frozenset()
    heads: frozenset = frozenset()
    names: frozenset = frozenset()
    at: int = -1  # where a count's number starts in its sentence's text (-1: not kept)

    @property
    def row(self) -> int:
        """The sentence it stands in (its index in the input: tokens.position)."""
        return self.order // 100000


def figure_of(s: Tokens, m: Quantity, key: tuple, topic: str, bounds: tuple[float, float], *,
              with_unit: bool, **attributes) -> Figure:
    """The figure amount m of sentence s gives: its value as written (with its unit or not),
    its source and where it stands in the input."""
    lo, hi = bounds
    magnitude_hi = 0.0
    if m.magnitude and not m.mode:
        magnitude_hi = hi if hi < INF else lo * 10 * BELOW
    return Figure(key, topic, lo, hi, value_text(s, m, with_unit), s.source, position(s, m.num),
                  magnitude_hi=magnitude_hi, at=s.st[m.num], **attributes)


@dataclass
class Scope:
    """Where an extractor reads the context of one amount, and what the sentence around it holds."""

    lo: int  # the amount's clause, at most WINDOW tokens either side of it
    hi: int
    years: list[tuple[int, str]]  # the years the sentence writes: (token, year), in order
    numbers: set[int]  # first tokens of the sentence's amounts that may be figures
    # Per clause (its first token): the group its last count that named one counted, so that
    # "killed two policemen and wounded three" counts policemen twice.
    groups: dict[int, str]
    amounts: list[int]  # the number token of every amount but years, in order
