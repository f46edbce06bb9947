"""Citations as a briefing gives them: a source is cited for a quoted sentence only when the tool can
stand behind it (it reports the main claim, and no figure of it for that claim differs)."""

from __future__ import annotations

from summarizer import Config, Source, build_pool, summarize
from summarizer.facts.cite import citing_rows

FIRE = [
    "A fire at the Delmar chemical plant in Westbrook killed three workers on Tuesday, the fire department said. "
    "Firefighters needed six hours to bring the blaze under control. The plant makes paint solvents.",
    "Three workers were killed on Tuesday when fire swept through the Delmar chemical plant in Westbrook, officials "
    "said. The company said it would cooperate with investigators. Residents were told to keep windows shut.",
    "Fire tore through the Delmar chemical plant in Westbrook on Tuesday, killing three workers. Police closed the "
    "nearby highway for the afternoon. The mayor called it a tragedy for the town.",
    "On Tuesday a fire at Westbrook's Delmar chemical plant killed three of its workers, according to the fire "
    "department. Union leaders asked for an inquiry. The plant employs 400 people.",
    "A fire at the Delmar chemical plant in Westbrook killed five workers on Tuesday, a hospital spokesman said. "
    "Smoke could be seen from miles away. Schools stayed open.",
    "Fire swept through the Delmar chemical plant in Westbrook on Tuesday. Five workers died in the blaze, a "
    "hospital spokesman said. Smoke could be seen from miles away.",
]


def pool_of(texts: list[str]):
    return build_pool([Source(f"s{i}.txt", f"s{i}.txt", t) for i, t in enumerate(texts)], Config())


def cited_sources(pool, source: int) -> set[int]:
    """The sources cited, besides its own, for quoting ``source``'s first sentence."""
    row = next(r for r, s in enumerate(pool.sentences) if s.source == source and s.position == 0)
    passage = next(p.rows for p in pool.passages if row in p.rows)
    return {pool.sentences[r].source for r in citing_rows(pool, row, Config().cite.threshold, passage)}


def test_a_fact_reported_by_four_sources_in_their_own_words_is_cited_to_all_of_them():
    pool = pool_of(FIRE)
    assert cited_sources(pool, 0) == {1, 2, 3}


def test_the_same_sources_are_cited_whichever_source_s_wording_is_quoted():
    pool = pool_of(FIRE)
    agreeing = {0, 1, 2, 3}
    for source in agreeing:
        assert cited_sources(pool, source) == agreeing - {source}


def test_a_source_with_another_figure_for_the_fact_is_not_cited():
    pool = pool_of(FIRE)
    assert 4 not in cited_sources(pool, 0)  # "killed five workers" in the very sentence
    assert cited_sources(pool, 4) <= {5}  # five: at most the source that also says five


def test_a_source_whose_other_sentence_gives_another_figure_is_not_cited():
    # Source 5's first sentence reports the fire with no count; its next sentence says five died.
    pool = pool_of(FIRE)
    assert 5 not in cited_sources(pool, 0)
    assert 5 not in cited_sources(pool, 2)


def test_the_briefing_counts_only_the_sources_it_can_stand_behind():
    briefing = summarize([Source(f"s{i}.txt", f"s{i}.txt", t) for i, t in enumerate(FIRE)], max_words=40)
    first = next(s for s in briefing.sentences if "three workers" in s.text)
    assert {c.source for c in first.citations} == {0, 1, 2, 3}


def test_a_related_sentence_with_another_claim_is_not_cited():
    pool = pool_of(FIRE[:2] + ["Investigators searched the Delmar chemical plant in Westbrook on Wednesday for the "
                               "cause of Tuesday's fire. They gave no figures."])
    assert cited_sources(pool, 0) == {1}
