"""A sentence that denies a claim does not report it: "The wildfire did not destroy 42 homes in
Carrow" is never cited for "A wildfire destroyed 42 homes in Carrow", nor the other way round,
however many words the two share; two denials of one claim still report each other."""

from __future__ import annotations

import pytest

from summarizer.facts.cite import citing_rows
from tests.helpers import story_pool

QUOTE = "A wildfire destroyed 42 homes in the hill village of Carrow on Sunday night, officials said."
DENIED = "The wildfire did not destroy 42 homes in the hill village of Carrow on Sunday night, officials said."


def _cited(quote: str, other: str) -> list[str]:
    pool, config = story_pool([f"{quote} The county opened a shelter at the school.", f"{other} Roads are closed."])
    [passage] = [k for k, p in enumerate(pool.passages) if 0 in p.rows]
    return [pool.sentences[r].text for r in citing_rows(pool, 0, config.cite.threshold, pool.passages[passage].rows)]


@pytest.mark.parametrize("quote, other", [
    (QUOTE, DENIED),
    (DENIED, QUOTE),
    (QUOTE, "The wildfire never destroyed 42 homes in the hill village of Carrow on Sunday night, officials said."),
    (QUOTE, "The wildfire didn't destroy 42 homes in the hill village of Carrow on Sunday night, officials said."),
])
def test_a_denial_does_not_report_the_claim(quote, other):
    assert _cited(quote, other) == []


def test_two_denials_report_each_other_and_a_side_remark_denies_nothing():
    other = "Officials said the wildfire did not destroy 42 homes in the hill village of Carrow on Sunday night."
    assert _cited(DENIED, other) == [other]
    # "not" outside the main clause ("..., though not all were insured") leaves the claim standing
    told = ("A wildfire destroyed 42 homes in the hill village of Carrow on Sunday night, officials said, "
            "though not all of them were insured.")
    assert _cited(QUOTE, told) == [told]
