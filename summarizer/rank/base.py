"""The two kinds of algorithm, each one small class behind one protocol.

* A ``Scorer`` gives every passage of the pool a salience; the pipeline weighs it by the
  editorial prior and selects with MMR under the budget (``mmr.py``).
* A ``Selector`` picks the briefing itself under the budget (it weighs the prior as it sees fit);
  its picks are kept as it made them.

Each has a ``name``, a one-line ``description`` and its own ``Params``: a settings section that
becomes ``rank.<name>`` in profiles.  What every selection reads (the budget, novelty, the source
cap) is the select section, ``SelectSettings``, declared here beside them.  Algorithms import numpy and scipy inside their methods, so
listing them or checking settings stays fast.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, ClassVar

from ..errors import ConfigError
from ..models import Budget
from ..params import Section, setting

if TYPE_CHECKING:
    import numpy as np

    from ..models import Pick, Pool

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SelectSettings(Section):
    """Choosing the briefing's sentences within the budget."""

    max_words: int | None = setting(120, "hard word budget of the briefing; null for none", low=1)
    max_sentences: int | None = setting(None, "hard sentence budget of the briefing; null for none", low=1)
    diversity: float = setting(0.3, "weight (0-1) of novelty against salience when selecting sentences (MMR)",
                               low=0.0, high=1.0)
    redundancy_threshold: float = setting(0.35, "similarity (0-1) above which a sentence repeats one already "
                                                "selected and is skipped", low=0.0, high=1.0)
    same_claim_threshold: float = setting(0.5, "confidence (0-1) of the claim model at which a sentence states "
                                               "the main claim of one already selected in other words and is "
                                               "skipped (MMR; 1 = never)", low=0.0, high=1.0)
    min_novelty: float = setting(0.4, "a sentence is quoted only if at least this share (0-1) of its content "
                                      "words (IDF-weighted) is not in the briefing yet: when none is left, the "
                                      "briefing stops short rather than repeat", low=0.0, high=1.0)
    max_source_share: float = setting(0.5, "most of the briefing one source may supply when others carry the "
                                           "same news (0-1)", low=0.0, high=1.0)
    min_sentence_words: int = setting(6, "shorter sentences are never quoted", low=1)
    max_sentence_words: int = setting(60, "longer sentences are never quoted", low=1)
    surname_needs_full_name: bool = setting(False, "a sentence naming someone by surname alone, whose full name "
                                                   "only its source gave before, is quoted only after the full name "
                                                   "(off by default: on DUC it cost 0.7 ROUGE-1; pronoun, connective "
                                                   "and 'the'-references are always checked)")

    def check(self) -> None:
        if self.max_words is None and self.max_sentences is None:
            raise ConfigError("max_words", "max_words and max_sentences cannot both be null: set a budget")
        if self.max_sentence_words < self.min_sentence_words:
            raise ConfigError("max_sentence_words", "must not be below min_sentence_words")

    @property
    def budget(self) -> Budget:
        return Budget(self.max_words, self.max_sentences)


@dataclass(frozen=True)
class NoParams(Section):
    """This algorithm has no settings of its own."""


@dataclass(frozen=True)
class GraphParams(Section):
    """What every algorithm on a sentence-similarity graph shares."""

    max_neighbors: int = setting(100, "most neighbours kept per sentence in the graph (bounds memory)", low=1)


@dataclass(frozen=True)
class LeadParams(Section):
    """What every selector that draws its candidates from the sources' leads shares."""

    prior_weight: float = setting(0.2, "weight of the words chosen, each weighed by its passage's editorial "
                                       "prior", low=0.0, high=10.0)
    min_prior: float = setting(0.35, "passages whose prior is below this share of the best passage's are never "
                                     "chosen (keeps loaded and interpretive sentences out)", low=0.0, high=1.0)
    min_novelty: float = setting(0.4, "a passage is chosen only if at least this share (0-1) of its content words "
                                      "(IDF-weighted) is not in the briefing yet (rank.novelty)", low=0.0, high=1.0)
    candidates_per_source: int = setting(10, "candidates: passages within the first N sentences of a source",
                                         low=1)


class Algorithm(ABC):
    name: ClassVar[str]
    description: ClassVar[str]
    Params: ClassVar[type[Section]] = NoParams

    def __init__(self, params: Section | None = None, progress: Progress | None = None):
        self.params = params if params is not None else self.Params()
        self.progress = progress


class Scorer(Algorithm):
    @abstractmethod
    def score(self, pool: Pool) -> np.ndarray:
        """One salience per passage of the pool; higher is better."""


class Selector(Algorithm):
    @abstractmethod
    def select(self, pool: Pool, budget: Budget) -> list[Pick]:
        """The passages of the briefing, most important first, within the budget."""
