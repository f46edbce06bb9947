"""Kinds of figures taught to the figures package for issue 11: each one listed under "Where
sources differ" (and so vetoing a citation, ``figures.differ``) when two sources differ on it,
and neither listed nor vetoed when they agree or are about something else."""

from __future__ import annotations

from summarizer.figures import differ, find_disagreements, sentence_figures
from summarizer.models import Disagreement, Sentence


def S(source: int, text: str) -> Sentence:
    return Sentence(text, source, 0, 0, len(text))


def _found(*texts: str) -> list[Disagreement]:
    return find_disagreements([S(i, t) for i, t in enumerate(texts)])


def _differ(a: str, b: str) -> bool:
    fa, fb = sentence_figures([S(0, a), S(1, b)])
    return differ(fa, fb)


def _values(found: list[Disagreement]) -> list[list[str]]:
    return [[c.value for c in d.claims] for d in found]


# --------------------------------------------------------------------------------------------
# Bounds that leave the number out
# --------------------------------------------------------------------------------------------


def test_more_than_and_nearly_the_same_number_differ():
    a = "The storm hit the town on Monday, injuring more than 300 people, officials said."
    b = "The storm hit the town on Monday, injuring nearly 300 people, police said."
    assert _values(_found(a, b)) == [["more than 300", "nearly 300"]]
    assert _differ(a, b)


def test_bounds_that_meet_or_overlap_agree():
    a = "The storm hit the town on Monday, injuring more than 300 people, officials said."
    for b in ("The storm hit the town on Monday, injuring at least 320 people, police said.",
              "The storm hit the town on Monday, injuring 310 people, police said.",
              "The storm hit the town on Monday, injuring about 300 people, police said."):
        assert _found(a, b) == []
        assert not _differ(a, b)
    # "at least" and "up to" both hold the number itself
    assert _found("Rescuers said at least 40 people were missing after the flood on Monday.",
                  "Rescuers said up to 40 people were missing after the flood on Monday.") == []
