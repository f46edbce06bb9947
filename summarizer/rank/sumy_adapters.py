"""sumy's summarizers behind the common signature, fed with the project's own tokens.

sumy ranks sentences internally and hands them, best first, to its ``sentences_count`` callable;
the adapter passes a callable that records that order and turns it into scores.  No NLTK data is
needed: sentences are already split and words come from the project's tokenizer.
"""

from __future__ import annotations

import importlib
from collections import Counter

import numpy as np

from . import Algorithm, RankingInput

_CLASSES = {
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    "kl": ("sumy.summarizers.kl", "KLSummarizer"),
    "sumbasic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "edmundson": ("sumy.summarizers.edmundson", "EdmundsonSummarizer"),
    "reduction": ("sumy.summarizers.reduction", "ReductionSummarizer"),
    "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
}


class _WordTokenizer:
    """The part of sumy's tokenizer interface its document model uses."""

    def __init__(self, tokenizer):
        self.to_words = tokenizer.words


def sumy_algorithm(name: str) -> Algorithm:
    module, cls = _CLASSES[name]

    def rank(problem: RankingInput) -> np.ndarray:
        summarizer = getattr(importlib.import_module(module), cls)(problem.tokenizer.stem)
        summarizer.stop_words = problem.tokenizer.stop_words
        if name == "edmundson":
            _set_edmundson_words(summarizer, problem)
        return sumy_scores(summarizer, problem)

    rank.__name__ = f"sumy_{name}"
    rank.__doc__ = f"sumy's {cls} on the pooled sentences."
    return rank


def sumy_scores(summarizer, problem: RankingInput) -> np.ndarray:
    """Scores from a sumy summarizer's ranking: n for its best sentence down to 1 for its worst."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence  # sumy is slow to import

    words = _WordTokenizer(problem.tokenizer)
    sentences = [Sentence(text, words) for text in problem.texts]
    document = ObjectDocumentModel([Paragraph(sentences)])
    order: list = []

    def record(infos):
        order.extend(infos)
        return infos

    summarizer(document, record)
    scores = np.zeros(len(sentences))
    # sumy's sentences compare by text: identical texts share the first free slot.
    slots: dict[str, list[int]] = {}
    for i, text in enumerate(problem.texts):
        slots.setdefault(text.strip(), []).append(i)
    for rank, info in enumerate(order):
        free = slots.get(str(info.sentence), [])
        if free:
            scores[free.pop(0)] = len(order) - rank
    return scores


def _set_edmundson_words(summarizer, problem: RankingInput) -> None:
    # Edmundson's cue words come from a corpus; without one, the pooled sources' most frequent
    # content words serve as bonus words and function words as null words.
    frequent = Counter(t for row in problem.terms.terms for t in row).most_common(20)
    summarizer.bonus_words = [t for t, _ in frequent]
    summarizer.stigma_words = ["opinion", "perhaps", "stunning", "shocking"]
    summarizer.null_words = list(problem.tokenizer.stop_words)
