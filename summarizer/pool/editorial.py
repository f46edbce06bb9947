"""What editors prefer, all else equal, and which sentences a briefing may quote at all.

The prior multiplies every algorithm's salience: lead position, length, corroboration, sentences
that stand alone, reporting rather than quotation, plain wording.  Its weights were chosen on the
quality benchmark (README).
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from . import neutrality, referents
from ..ingest.language import AUTO
from ..models import Passage, Pool, Sentence
from ..ingest.structure import is_full_sentence

if TYPE_CHECKING:
    from ..config.sections import Config

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


def prior(passages: Sequence[Passage], n_sources: int, config: Config) -> np.ndarray:
    """What editors prefer, all else equal: lead material, corroborated news, plain wording."""
    positions = np.array([min(m.position for m in p.members) for p in passages])
    weight = 1.0 + config.rank.position_weight / (1.0 + positions)
    if n_sources > 1:
        # Sources carrying the passage itself: counting also the sources that report its claim in
        # other words (the claim model) cost 0.1-0.3 ROUGE-1 on the dev sets, so it is not done.
        reach = np.array([len(p.sources) for p in passages])
        weight *= 1.0 + config.rank.corroboration_weight * (reach - 1) / (n_sources - 1)
    weight *= np.array([p.sentence.words for p in passages], dtype=float) ** _LENGTH_EXPONENT
    weight *= np.array([_STANDALONE_WEIGHT if _DANGLING.match(p.text) else 1.0 for p in passages])
    weight *= np.array([_QUOTE_WEIGHT if _quoted_share(p.text) > 0.5 else 1.0 for p in passages])
    if config.neutrality.policy != "off":
        # A passage reads as plainly as its plainest member, which is the one quoted.
        language = config.input.language
        subjectivity = np.array([min(neutrality.subjectivity(m.text, language) for m in p.members)
                                 for p in passages])
        excess = np.clip(subjectivity - _SUBJECTIVITY_FLOOR, 0, None) / (1 - _SUBJECTIVITY_FLOOR)
        weight *= (1.0 - excess) ** _NEUTRALITY_POWER
    return weight


def quotable(config: Config) -> Callable[[Sentence], bool]:
    """Sentences a briefing can quote: complete, of a sensible length, not first person without
    its speaker ("We've liberated the city."), not a question to the reader, no loaded word in its
    own voice (``data/loaded.txt``; unless the policy is off), and under the strict policy plainly
    worded.  One that points back at an earlier sentence is quotable where the
    briefing carries what it points at (``rank.standalone``)."""
    select, policy = config.select, config.neutrality.policy
    english = config.input.language in ("english", AUTO)

    def check(sentence: Sentence) -> bool:
        return (
            select.min_sentence_words <= sentence.words <= select.max_sentence_words
            and is_full_sentence(sentence.text)
            and not (english and referents.speakerless(sentence.text))
            and (policy == "off" or not neutrality.is_rhetorical_question(sentence.text))
            and (policy == "off" or not neutrality.is_loaded(sentence.text, config.input.language))
            and (policy != "strict" or neutrality.subjectivity(sentence.text, config.input.language) < 0.5)
        )

    return check


def wording(config: Config) -> Callable[[Sentence], float]:
    """How much a sentence's wording counts against quoting it (its subjectivity; 0 when off)."""
    if config.neutrality.policy == "off":
        return lambda sentence: 0.0
    return lambda sentence: neutrality.subjectivity(sentence.text, config.input.language)


def quotes(passages: Sequence[Passage], config: Config,
           leans: Sequence[object] | None = None) -> tuple[list[tuple[int, ...]], np.ndarray]:
    """Each passage's quotable member rows, and the row quoted by default (-1 if none): the
    plainest, then one that stands alone (``leans[row]`` is None: ``referents.find``), then the
    first in reading order."""
    check = quotable(config)
    quotable_rows = [tuple(r for r, m in zip(p.rows, p.members) if check(m)) for p in passages]
    return quotable_rows, default_quotes(passages, quotable_rows, config, leans)


def default_quotes(passages: Sequence[Passage], quotable_rows: Sequence[tuple[int, ...]], config: Config,
                   leans: Sequence[object] | None = None) -> np.ndarray:
    """Each passage's default quote among its quotable rows (-1 if none), as ``quotes`` chooses."""
    plainness = wording(config)
    default = np.full(len(passages), -1)
    for p, (passage, rows) in enumerate(zip(passages, quotable_rows)):
        if rows:
            members = dict(zip(passage.rows, passage.members))
            default[p] = min(rows, key=lambda r: (round(plainness(members[r]), 1),
                                                  leans is not None and leans[r] is not None))
    return default


def without_quotes(pool: Pool, rows: set[int], config: Config) -> Pool:
    """The pool with ``rows`` never quoted: each passage's default quote chosen again among the
    quotable members left, as ``quotes`` chooses (-1 where none is left)."""
    if not rows:
        return pool
    quotable_rows = [tuple(r for r in q if r not in rows) for q in pool.quotable]
    quote = default_quotes(pool.passages, quotable_rows, config, pool.referents.needs if pool.referents else None)
    words = np.array([pool.sentences[r].words if r >= 0 else 0 for r in quote], dtype=int)
    return dataclasses.replace(pool, quotable=quotable_rows, quote=quote, words=words)
