"""same_claim keeps its answers with the claim index: selection asks the same rows again."""

from __future__ import annotations

from summarizer.rank.centroid import Centroid

SELECTION = Centroid.Params().same_claim_threshold


def test_same_claim_answers_a_repeated_question_from_its_memory():
    from summarizer import Config, Source, build_pool
    from summarizer.facts import claim_match

    pool = build_pool([Source("a.txt", "a.txt", "Rebels captured the city of Hama on Thursday after heavy fighting."),
                       Source("b.txt", "b.txt", "Insurgents seized Hama on Thursday following fierce clashes."),
                       Source("c.txt", "c.txt", "The central bank raised interest rates by half a point.")],
                      Config())
    first = claim_match.same_claim(pool.claims, 0, SELECTION)
    first[:] = True  # the caller's copy: the next answer is not changed by it
    asked = []
    original = claim_match._same_claim
    claim_match._same_claim = lambda *args: asked.append(args) or original(*args)
    try:
        again = claim_match.same_claim(pool.claims, 0, SELECTION)
        assert asked == [] and not again.all()
        claim_match.same_claim(pool.claims, 0, 0.99)  # another question is answered anew
        assert len(asked) == 1
    finally:
        claim_match._same_claim = original
