"""What the figures tests share: sentences of made-up sources, and what the figures model says of them."""

from __future__ import annotations

from summarizer.facts.figures import differ, find_disagreements, sentence_figures
from summarizer.models import Disagreement, Sentence


def S(source: int, text: str) -> Sentence:
    return Sentence(text, source, 0, 0, len(text))


def found(*texts: str) -> list[Disagreement]:
    """The disagreements of one sentence a source."""
    return find_disagreements([S(i, t) for i, t in enumerate(texts)])


def figures_differ(a: str, b: str) -> bool:
    fa, fb = sentence_figures([S(0, a), S(1, b)])
    return differ(fa, fb)


def values(disagreements: list[Disagreement]) -> list[list[str]]:
    return [[c.value for c in d.claims] for d in disagreements]
