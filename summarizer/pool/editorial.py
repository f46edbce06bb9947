"""What editors prefer, all else equal, and which sentences a briefing may quote at all.

The prior multiplies every algorithm's salience: lead position, length, corroboration, sentences
that stand alone, reporting rather than quotation, plain wording.  Its weights were chosen on the
quality benchmark (README).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable, Sequence

import numpy as np

from . import neutrality, referents
from ..ingest.language import AUTO
from ..models import Passage, Pool, Sentence
from ..ingest.structure import is_full_sentence
from ..ingest.verbs import is_clause

# How strongly subjectivity ranks a passage down: (1 - excess) ** power, where excess is how far
# it reaches above a floor that plain news reaches through lexicon noise.  Power 2 keeps the
# briefing plainer than its sources on every test set, at a cost of ~0.5 ROUGE-1 (see README).
_NEUTRALITY_POWER = 2.0
_SUBJECTIVITY_FLOOR = 0.2
# Longer sentences carry more of the news per sentence: prior ~ words ** this.
_LENGTH_EXPONENT = 0.3

# A sentence that opens with a pronoun or a connective leans on the sentence before it.
_DANGLING = re.compile(
    r"[\"“‘'`]*(?:he|she|it|they|this|that|these|those|his|her|its|their|but|and|so|also|however|"
    r"meanwhile|still|yet|instead|then|there|such|both|moreover|furthermore|besides|nevertheless|"
    r"contrastingly|conversely|additionally|similarly|likewise|notably|thus|therefore|hence|otherwise|"
    r"in (?:contrast|addition|turn|response)|by contrast|as a result|at the same time|on the other hand|"
    r"for (?:his|her|its|their) part)\b",
    re.IGNORECASE)
_STANDALONE_WEIGHT = 0.7
_QUOTE_WEIGHT = 0.7


def leans_back(text: str) -> bool:
    """Whether a sentence leans on the sentence before it: a pronoun, demonstrative or connective
    opening it, or a pronoun for its speaker (``referents.points_back``)."""
    return referents.points_back(text)


def _quoted_share(text: str) -> float:
    """Share of a sentence that is direct quotation."""
    return 1.0 - len(neutrality.unquoted(text).strip()) / max(len(text), 1)


def prior(passages: Sequence[Passage], n_sources: int, wording: np.ndarray, *,
          position_weight: float, corroboration_weight: float) -> np.ndarray:
    """What editors prefer, all else equal: lead material, corroborated news, plain wording
    (``wording``: per sentence, as ``wording`` gives it; the rank section's weights)."""
    positions = np.array([min(m.position for m in p.members) for p in passages])
    weight = 1.0 + position_weight / (1.0 + positions)
    if n_sources > 1:
        # Sources carrying the passage itself: counting also the sources that report its claim in
        # other words (the claim model) cost 0.1-0.3 ROUGE-1 on the dev sets, so it is not done.
        reach = np.array([len(p.sources) for p in passages])
        weight *= 1.0 + corroboration_weight * (reach - 1) / (n_sources - 1)
    weight *= np.array([p.sentence.words for p in passages], dtype=float) ** _LENGTH_EXPONENT
    weight *= np.array([_STANDALONE_WEIGHT if _DANGLING.match(p.text) else 1.0 for p in passages])
    weight *= np.array([_QUOTE_WEIGHT if _quoted_share(p.text) > 0.5 else 1.0 for p in passages])
    # A passage reads as plainly as its plainest member, which is the one quoted.
    subjectivity = np.array([wording[list(p.rows)].min() for p in passages])
    excess = np.clip(subjectivity - _SUBJECTIVITY_FLOOR, 0, None) / (1 - _SUBJECTIVITY_FLOOR)
    weight *= (1.0 - excess) ** _NEUTRALITY_POWER
    return weight


def quotable(min_words: int, max_words: int, policy: str, language: str) -> Callable[[Sentence], bool]:
    """Sentences a briefing can quote: complete, a clause (``is_clause``: no listing, caption, table
    row or list of names), of ``min_words`` to ``max_words`` words, not first
    person without its speaker ("We've liberated the city."), not a question to the reader, no
    loaded word in its own voice (``data/loaded.txt``; unless the neutrality ``policy`` is off), and
    under the strict policy plainly worded.  One that points back at an earlier sentence is
    quotable where the briefing carries what it points at (``rank.standalone``)."""
    english = language in ("english", AUTO)

    def check(sentence: Sentence) -> bool:
        return (
            min_words <= sentence.words <= max_words
            and is_full_sentence(sentence.text)
            and (not english or is_clause(sentence.text))
            and not (english and referents.speakerless(sentence.text))
            and (policy == "off" or not neutrality.is_rhetorical_question(sentence.text))
            and (policy == "off" or not neutrality.is_loaded(sentence.text, language))
            and (policy != "strict" or neutrality.subjectivity(sentence.text, language) < 0.5)
        )

    return check


def wording(sentences: Sequence[Sentence], policy: str, language: str) -> np.ndarray:
    """How much each sentence's wording counts against quoting it: its subjectivity, 0 with the
    neutrality ``policy`` off."""
    if policy == "off":
        return np.zeros(len(sentences))
    return np.array([neutrality.subjectivity(s.text, language) for s in sentences])


def quotes(passages: Sequence[Passage], check: Callable[[Sentence], bool], wording: np.ndarray,
           leans: Sequence[object] | None = None) -> tuple[list[tuple[int, ...]], np.ndarray]:
    """Each passage's member rows that pass ``check`` (``quotable``), and the row quoted by default
    (-1 if none): the plainest (``wording``), then one that stands alone (``leans[row]`` is None:
    ``referents.find``), then the first in reading order."""
    quotable_rows = [tuple(r for r, m in zip(p.rows, p.members) if check(m)) for p in passages]
    return quotable_rows, default_quotes(quotable_rows, wording, leans)


def default_quotes(quotable_rows: Sequence[tuple[int, ...]], wording: np.ndarray,
                   leans: Sequence[object] | None = None) -> np.ndarray:
    """Each passage's default quote among its quotable rows (-1 if none), as ``quotes`` chooses."""
    default = np.full(len(quotable_rows), -1)
    for p, rows in enumerate(quotable_rows):
        if rows:
            default[p] = min(rows, key=lambda r: (round(float(wording[r]), 1),
                                                  leans is not None and leans[r] is not None))
    return default


def without_quotes(pool: Pool, rows: set[int]) -> Pool:
    """The pool with ``rows`` never quoted: each passage's default quote chosen again among the
    quotable members left, as ``quotes`` chooses (-1 where none is left)."""
    if not rows:
        return pool
    quotable_rows = [tuple(r for r in q if r not in rows) for q in pool.quotable]
    quote = default_quotes(quotable_rows, pool.wording, pool.referents.needs if pool.referents else None)
    words = np.array([pool.sentences[r].words if r >= 0 else 0 for r in quote], dtype=int)
    return dataclasses.replace(pool, quotable=quotable_rows, quote=quote, words=words)
