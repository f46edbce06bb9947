"""sumy's summarizers as scorers, fed with the project's own sentences and tokens.

sumy ranks sentences internally and hands them, best first, to its ``sentences_count`` callable;
the adapter passes a callable that records that order and turns it into scores.  No NLTK data is
needed: sentences are already split and words come from the project's tokenizer.  Some of sumy's
algorithms are quadratic (or worse) in pure Python: above ``max_input`` passages they refuse with
a one-line error instead of running for hours.
"""

from __future__ import annotations

import importlib
from collections import Counter
from typing import TYPE_CHECKING, ClassVar

from ..errors import InputError
from .base import Scorer

if TYPE_CHECKING:
    import numpy as np

    from ..models import Pool


class _WordTokenizer:
    """The part of sumy's tokenizer interface its document model uses."""

    def __init__(self, tokenizer):
        self.to_words = tokenizer.words


class SumyScorer(Scorer):
    """sumy's ``sumy_class`` (in ``sumy_module``) on the pooled passages."""

    sumy_module: ClassVar[str]
    sumy_class: ClassVar[str]
    max_input: ClassVar[int | None] = None  # passages at most, for the quadratic ones

    def score(self, pool: Pool) -> np.ndarray:
        if self.max_input is not None and len(pool) > self.max_input:
            raise InputError(f"--algo {self.name}", f"refuses inputs over {self.max_input:,} sentences "
                                                     f"(this one has {len(pool):,}; it is quadratic): use lexrank")
        summarizer = getattr(importlib.import_module(self.sumy_module), self.sumy_class)(pool.tokenizer.stem)
        summarizer.stop_words = pool.tokenizer.stop_words
        self.configure(summarizer, pool)
        return sumy_scores(summarizer, pool)

    def configure(self, summarizer, pool: Pool) -> None:
        """Set what a sumy summarizer needs beyond stopwords."""


def sumy_scores(summarizer, pool: Pool) -> np.ndarray:
    """Scores from a sumy summarizer's ranking: n for its best passage down to 1 for its worst."""
    import numpy as np
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence  # sumy is slow to import

    texts = [p.text for p in pool.passages]
    words = _WordTokenizer(pool.tokenizer)
    document = ObjectDocumentModel([Paragraph([Sentence(text, words) for text in texts])])
    order: list = []

    def record(infos):
        order.extend(infos)
        return infos

    try:
        summarizer(document, record)
    except (ValueError, ZeroDivisionError, ArithmeticError, LookupError):
        # sumy fails on degenerate input (no content word anywhere, say): nothing ranks higher.
        return np.ones(len(texts))
    scores = np.zeros(len(texts))
    # sumy's sentences compare by text: identical texts share the first free slot.
    slots: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        slots.setdefault(text.strip(), []).append(i)
    for rank, info in enumerate(order):
        free = slots.get(str(info.sentence), [])
        if free:
            scores[free.pop(0)] = len(order) - rank
    return scores


class Lsa(SumyScorer):
    name = "lsa"
    description = "sumy's LSA (Steinberger & Jezek); refuses over 3,000 sentences"
    sumy_module, sumy_class, max_input = "sumy.summarizers.lsa", "LsaSummarizer", 3000


class Luhn(SumyScorer):
    name = "luhn"
    description = "sumy's Luhn (significant-word clusters)"
    sumy_module, sumy_class = "sumy.summarizers.luhn", "LuhnSummarizer"


class KL(SumyScorer):
    name = "kl"
    description = "sumy's KL-Sum (greedy KL divergence to the pooled words); refuses over 1,000 sentences"
    sumy_module, sumy_class, max_input = "sumy.summarizers.kl", "KLSummarizer", 1000


class SumBasic(SumyScorer):
    name = "sumbasic"
    description = "sumy's SumBasic (word probability)"
    sumy_module, sumy_class = "sumy.summarizers.sum_basic", "SumBasicSummarizer"


class Edmundson(SumyScorer):
    name = "edmundson"
    description = "sumy's Edmundson (cue, key, title and location words); refuses over 3,000 sentences"
    sumy_module, sumy_class, max_input = "sumy.summarizers.edmundson", "EdmundsonSummarizer", 3000

    def configure(self, summarizer, pool: Pool) -> None:
        # Edmundson's cue words come from a corpus; without one, the pooled sources' most frequent
        # content words serve as bonus words and function words as null words.
        frequent = Counter(t for row in pool.terms.terms for t in row).most_common(20)
        summarizer.bonus_words = [t for t, _ in frequent] or ["news"]
        summarizer.stigma_words = ["opinion", "perhaps", "stunning", "shocking"]
        summarizer.null_words = list(pool.tokenizer.stop_words)


class Reduction(SumyScorer):
    name = "reduction"
    description = "sumy's Reduction (graph of shared words); refuses over 1,000 sentences"
    sumy_module, sumy_class, max_input = "sumy.summarizers.reduction", "ReductionSummarizer", 1000

