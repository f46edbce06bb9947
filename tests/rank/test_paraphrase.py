"""Each fact once, in other words: one deed told by two sources ("captured Valdor" / "took control
of Valdor"), a capture told as a noun ("Valdor's fall"), and a source that says one thing twice."""

from __future__ import annotations

import pytest

from summarizer import ALGORITHMS
from summarizer.facts.claim_match import same_claim
from summarizer.rank.choose import rank_and_select
from summarizer.rank.novelty import claim_rows, same_deed, same_events
from tests.helpers import story_pool

# Three invented reports of one town taken by rebels: the capture in other words in the first two
# leads, the fighting before it as "the fall of Valdor" and "Valdor's fall", the army's statement
# twice in the third report, and news of each report's own.
STORY = [
    "Insurgents captured the northern town of Valdor on Tuesday, dealing another blow to the government of "
    "President Anton Mirek. "
    "The fall of Valdor follows heavy fighting as government troops, backed by foreign air strikes and militias "
    "from the south, struggled to keep their grip on the hilltop citadel. "
    "Aid groups said thousands of residents had fled Valdor's outskirts toward the coast in trucks and on foot. "
    "The rebels promised to restore water and power to the town within days.",
    "On Tuesday, after a week-long offensive, rebel groups led by the Northern Front (NF) took control of Valdor, "
    "the province's largest town. "
    "Valdor's fall was preceded by heavy fighting on its eastern and western flanks. "
    "Prices of bread in the capital doubled over the week as roads to the north were closed. "
    "Foreign ministers will meet in Geneva next month to discuss a ceasefire.",
    "The government acknowledges the loss of Valdor, promising a counteroffensive before the winter. "
    "Hospitals in the provincial capital reported treating dozens of wounded civilians. "
    "The river bridges south of the town were blown up on Monday night, residents said. "
    "Teachers said schools across the province would stay closed until further notice. "
    "The army acknowledged the loss of Valdor, saying it had pulled its forces back across the river. "
    "Farmers in the valley said the fighting had ruined this year's harvest of grapes and olives.",
]


def row_of(pool, start):
    return next(r for r, s in enumerate(pool.sentences) if s.text.startswith(start))


def test_a_names_possessive_makes_fall_the_event_noun_and_prices_that_fall_stay_no_capture():
    pool, _ = story_pool(STORY + ["Bread prices fall when the harvest is good, traders in the capital said. "
                                  "The currency continued its fall on Tuesday as investors sold bonds."])
    index = pool.claims
    core = lambda r: {index.vocabulary[j] for j in index.core[r].indices}  # noqa: E731
    assert "event:capture" in core(row_of(pool, "Valdor's fall"))
    assert "event:capture" in core(row_of(pool, "The fall of Valdor"))
    assert "event:capture" not in core(row_of(pool, "Bread prices fall"))
    assert "event:capture" not in core(row_of(pool, "The currency continued its fall"))


def test_one_sequence_told_with_an_event_noun_is_one_fact():
    pool, _ = story_pool(STORY)
    noun, phrase = row_of(pool, "Valdor's fall"), row_of(pool, "The fall of Valdor")
    # Capture and fighting, both tied to Valdor, in both main clauses.
    assert same_events(pool, noun)[phrase] and same_events(pool, phrase)[noun]
    assert claim_rows(pool, noun, 0.5)[phrase] or claim_rows(pool, phrase, 0.5)[noun]


def test_one_deed_by_one_kind_of_agent_to_one_place_is_one_fact():
    pool, _ = story_pool(STORY)
    captured, took = row_of(pool, "Insurgents captured"), row_of(pool, "On Tuesday, after")
    # The parenthesised acronym is no side remark: the main clause goes on to "took control of Valdor".
    index = pool.claims
    assert "event:capture" in {index.vocabulary[j] for j in index.core[took].indices}
    assert same_deed(pool, captured)[took] and same_deed(pool, took)[captured]
    assert not same_claim(index, captured, 0.5)[took]  # the claim model alone lets both through at 0.5
    assert claim_rows(pool, captured, 0.5)[took]
    # Another deed by the rebels (a promise about water) and the army's own deed are other facts.
    assert not same_deed(pool, captured)[row_of(pool, "The rebels promised")]
    assert not claim_rows(pool, captured, 0.5)[row_of(pool, "The army acknowledged")]


def test_a_source_saying_one_thing_twice_is_one_fact():
    pool, _ = story_pool(STORY)
    first, again = row_of(pool, "The government acknowledges"), row_of(pool, "The army acknowledged")
    assert pool.sentences[first].source == pool.sentences[again].source
    assert claim_rows(pool, first, 0.4)[again] or claim_rows(pool, again, 0.4)[first]


@pytest.mark.parametrize("algo", sorted(ALGORITHMS))
@pytest.mark.parametrize("words", [100, 250, 400])
def test_no_algorithm_quotes_one_fact_twice_at_any_budget(algo, words):
    pool, config = story_pool(STORY, algo=algo, max_words=words)
    picks, _ = rank_and_select(pool, config.rank, config.select)
    rows = {p.row for p in picks}
    assert rows
    pairs = [("Insurgents captured", "On Tuesday, after"), ("Valdor's fall", "The fall of Valdor"),
             ("The government acknowledges", "The army acknowledged")]
    for a, b in pairs:
        assert not {row_of(pool, a), row_of(pool, b)} <= rows, (a, b)
