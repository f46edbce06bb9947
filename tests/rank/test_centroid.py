"""The centroid selector: its concepts, and its picks on invented stories under every budget."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from summarizer import Config, build_pool, models
from summarizer.models import TermMatrix
from summarizer.pool.features import Tokenizer
from summarizer.models import Sentence, Source
from summarizer.rank.centroid import Centroid
from summarizer.rank.concept_weights import bigram_concepts, bigrams, unigram_concepts


def test_bigrams_never_span_punctuation_nor_pair_two_stopwords():
    tokenizer = Tokenizer()
    found = bigrams("The Senate, on Monday, passed the tax bill of the year.", tokenizer, tokenizer.stop_words)
    stem = tokenizer.stem
    assert (stem("tax"), stem("bill")) in found
    assert (stem("on"), stem("monday")) in found  # one stopword is fine
    assert (stem("senate"), stem("on")) not in found  # a comma between
    assert (stem("monday"), stem("passed")) not in found
    assert (stem("of"), stem("the")) not in found  # two stopwords


def test_concepts_weigh_the_sources_carrying_them_by_how_early():
    texts = [  # (source, text): "flood warning" is in three sources, "river bank" in two
        (0, "A flood warning was issued."), (0, "The river bank broke."),
        (1, "Rain fell all day."), (1, "Officials kept the flood warning."),
        (2, "Roads closed."), (2, "Schools closed."), (2, "Residents heard the flood warning late."),
        (2, "The river bank held."),
    ]
    positions = {}
    sentences = []
    for source, text in texts:
        sentences.append(Sentence(text, source, positions.get(source, 0), 0, len(text)))
        positions[source] = positions.get(source, 0) + 1
    pool = SimpleNamespace(tokenizer=Tokenizer(), sentences=sentences, sources=[None] * 3)
    presence, weights = bigram_concepts(pool, min_sources=3)
    stem = pool.tokenizer.stem
    flood = presence[0].indices[np.argmax(weights[presence[0].indices])]
    # Positions 0, 1 and 2 of the first sentence carrying it: (1 + 2/1) + (1 + 2/2) + (1 + 2/3).
    assert weights[flood] == pytest.approx(3 + 2 + 5 / 3)
    assert presence[:, flood].nnz == 3
    river = [c for c in presence[1].indices if presence[:, c].nnz == 2]
    assert river and weights[river].max() == 0  # two sources of three: not a concept
    pool.terms = TermMatrix.build([s.text for s in sentences], pool.tokenizer)
    presence, weights = unigram_concepts(pool, min_sources=3)
    column = {term: j for j, term in enumerate(pool.terms.vocabulary)}
    assert weights[column[stem("warning")]] == pytest.approx(3 + 2 + 5 / 3)
    assert weights[column[stem("river")]] == 0  # two sources of three
    assert presence[:, column[stem("closed")]].nnz == 2  # one source, two sentences


STORY = [
    "The Harlow River burst its banks on Tuesday, flooding the centre of Alden and forcing {n} families "
    "from their homes.",
    "Rescue crews in boats reached residents stranded on rooftops near the old mill, the fire service said.",
    "Mayor Ruth Okafor said the water would recede by Friday if the rain stopped.",
    "The regional weather office recorded {r} millimetres of rain in two days, the most since 1974.",
    "Emergency shelters opened at two schools and the sports hall on Mill Road.",
    "Insurers said it was too early to estimate the cost of the damage.",
    "Why did the flood defences fail again this year?",
    "Train services between Alden and the coast were suspended until further notice.",
]


def story_sources(count=5):
    sources = []
    for i in range(count):
        lines = [line.format(n=120 + 10 * i, r=80 + i) for line in STORY]
        lines = lines[i % 3:] + lines[: i % 3]  # each outlet leads differently
        sources.append(Source(f"outlet{i}.txt", f"outlet{i}.txt", "\n\n".join(lines)))
    return sources


def build(sources):
    return build_pool(sources, Config())


@pytest.fixture(scope="module")
def story_pool():
    return build(story_sources())


@pytest.mark.parametrize("max_words,max_sentences", [(100, None), (40, None), (None, 2), (60, 3), (15, None)])
def test_picks_fit_the_budget_and_quote_quotable_members(story_pool, max_words, max_sentences):
    picks = Centroid().select(story_pool, models.Budget(max_words, max_sentences))
    words = sum(story_pool.sentences[p.row].words for p in picks)
    assert picks
    assert max_words is None or words <= max_words
    assert max_sentences is None or len(picks) <= max_sentences
    assert all(p.row in story_pool.quotable[p.passage] for p in picks)
    assert len({p.passage for p in picks}) == len(picks)
    assert not any("?" in story_pool.sentences[p.row].text for p in picks)


def test_no_two_picks_closer_than_the_redundancy_threshold(story_pool):
    params = Centroid.Params(redundancy_threshold=0.2)
    picks = Centroid(params).select(story_pool, models.Budget(150, None))
    rows = [p.row for p in picks]
    similarity = (story_pool.tfidf[rows] @ story_pool.tfidf[rows].T).toarray()
    assert len(picks) >= 2
    assert (similarity[np.triu_indices(len(rows), k=1)] <= 0.2).all()


def test_the_same_input_gives_the_same_picks(story_pool):
    budget = models.Budget(100, None)
    first = Centroid().select(story_pool, budget)
    assert Centroid().select(story_pool, budget) == first
    assert Centroid().select(build(story_sources()), budget) == first


def test_one_sentence_and_nothing_quotable():
    one = build([Source("a.txt", "a.txt", "The council approved the new budget for the city schools on Monday.")])
    assert Centroid().select(one, models.Budget(100, None)) == [models.Pick(0, 0)]
    assert Centroid().select(one, models.Budget(5, None)) == []  # longer than the budget
    questions = build([Source("q.txt", "q.txt", "Why did the council approve the school budget so late?")])
    assert Centroid().select(questions, models.Budget(100, None)) == []


def test_many_sources_keep_the_budget_through_the_candidate_shortlist():
    from summarizer.rank import centroid

    rng = np.random.default_rng(7)
    vocabulary = [f"{a}{b}{c}" for a in "bdfgklmnprst" for b in "aeiou" for c in "dgklmnrst"]

    def sentence():
        words = rng.choice(vocabulary, size=10, replace=False)
        return f"The {words[0]} {words[1]} of the harbour said {' '.join(words[2:])} on Monday."

    sources = [Source(f"s{i}.txt", f"s{i}.txt", "\n\n".join(sentence() for _ in range(10))) for i in range(50)]
    pool = build(sources)
    params = Centroid.Params()
    candidates, _ = centroid.lead_candidates(pool, 100, params.candidates_per_source, params.min_prior)
    assert len(candidates) > centroid._MAX_CANDIDATES
    picks = Centroid(params).select(pool, models.Budget(100, None))
    assert picks and sum(pool.sentences[p.row].words for p in picks) <= 100


def test_a_sentence_exactly_as_long_as_the_budget_is_a_candidate():
    one = build([Source("a.txt", "a.txt", "The council approved the new budget for the city schools on Monday.")])
    assert one.sentences[0].words == 12
    assert Centroid().select(one, models.Budget(12, None)) == [models.Pick(0, 0)]
    assert Centroid().select(one, models.Budget(11, None)) == []


def test_min_prior_one_leaves_only_the_passages_with_the_best_prior(story_pool):
    picks = Centroid(Centroid.Params(min_prior=1.0)).select(story_pool, models.Budget(150, None))
    best = story_pool.prior.max()
    assert picks and all(story_pool.prior[p.passage] == best for p in picks)


@pytest.mark.parametrize("per_source", [1, 2])
def test_candidates_are_the_passages_reaching_the_first_sentences_of_some_source(story_pool, per_source):
    params = Centroid.Params(candidates_per_source=per_source, fill_depth=0)
    picks = Centroid(params).select(story_pool, models.Budget(150, None))
    reach = [min(m.position for m in story_pool.passages[p.passage].members) for p in picks]
    assert picks and all(r < per_source for r in reach)
    # Each outlet leads with another line: a lead anywhere makes a candidate, even where others put it last.
    assert any(max(m.position for m in story_pool.passages[p.passage].members) >= per_source for p in picks)


# An update: three later reports each restate, in their own words, the one sentence the earlier
# briefing told (wording the claim model may miss), and each reports the arrest.
LATER = [
    "Fire gutted the old Grand Mill in Ashcombe, and firefighters fought the flames for six hours. "
    "Police arrested a teenager on suspicion of arson on Thursday.",
    "The old Grand Mill of Ashcombe burned down while firefighters battled the flames for six hours. "
    "A teenager was arrested on suspicion of arson, police said on Thursday.",
    "Firefighters spent six hours fighting the flames as fire destroyed Ashcombe's old Grand Mill. "
    "Police said on Thursday they had arrested a teenager on suspicion of arson.",
]
EARLIER_BRIEFING = "Fire destroyed the old Grand Mill in Ashcombe, and firefighters fought the flames for six hours."


def _update_pool(told: bool):
    """The later reports and the earlier briefing pooled as an update pools them, only the
    briefing's own sentence unquotable; ``pool.told`` set or not."""
    import dataclasses

    from summarizer.pool import editorial
    from tests.helpers import story_pool

    pool, config = story_pool([*LATER, EARLIER_BRIEFING])
    earlier = len(pool.sources) - 1
    pool = editorial.without_quotes(pool, {r for r, s in enumerate(pool.sentences) if s.source == earlier})
    return dataclasses.replace(pool, told=earlier if told else None)


def test_an_update_counts_the_earlier_briefing_as_said_before_its_first_pick():
    one = models.Budget(40, 1)
    text = lambda pool: [pool.sentences[p.row].text for p in Centroid().select(pool, one)]  # noqa: E731
    # Alone, the restated fire is the most central sentence; after the briefing that told it, the arrest is.
    assert text(_update_pool(told=False)) == [LATER[0].split(". ")[0] + "."]
    assert text(_update_pool(told=True)) == ["Police arrested a teenager on suspicion of arson on Thursday."]


def test_the_objective_of_an_update_counts_the_briefing_alike_in_greedy_and_filling():
    from summarizer.rank.centroid import _Objective, lead_candidates
    from summarizer.rank.concept_weights import figure_concepts

    pool = _update_pool(told=True)
    params = Centroid.Params()
    candidates, rows = lead_candidates(pool, 100, params.candidates_per_source, params.min_prior)
    words = np.array([pool.sentences[r].words for r in rows], dtype=float)
    objective = _Objective(pool, candidates, rows, words, params, 100, figure_concepts(pool, 2))
    assert objective.read_dot > 0
    # An empty update is worth the briefing's own closeness to the centroid (no concept: all covered).
    nothing = objective.values([], np.array([[-1]]))[0]
    assert nothing == pytest.approx(objective.read_toward / np.sqrt(objective.read_dot)) and nothing > 0.5
    # Filling values each set from scratch; greedy adds to the briefing's vector step by step.
    alone = objective.values([], np.arange(len(words))[:, None])
    first = objective.greedy(100, 1)
    assert first == [int(np.argmax(alone))]
    both = objective.greedy(100, 2)
    pair = objective.values([both[0]], np.array([[c] for c in range(len(words)) if c != both[0]]))
    assert both[1] == [c for c in range(len(words)) if c != both[0]][int(np.argmax(pair))]


def test_an_update_reaches_deeper_into_each_report_for_its_candidates():
    one = models.Budget(40, 1)
    # Each report's first sentence restates the briefing; the news is its second.
    reach = lambda n: [_update_pool(told=True).sentences[p.row].text  # noqa: E731
                       for p in Centroid(Centroid.Params(candidates_per_source=1,
                                                         update_candidates_per_source=n)).select(_update_pool(True), one)]
    assert reach(2) == ["Police arrested a teenager on suspicion of arson on Thursday."]
    assert reach(1) == [LATER[0].split(". ")[0] + "."]
    # A briefing that is no update keeps to candidates_per_source.
    plain = Centroid(Centroid.Params(candidates_per_source=1, update_candidates_per_source=2))
    assert {p.row for p in plain.select(_update_pool(told=False), models.Budget(100, None))} <= {
        r for r, s in enumerate(_update_pool(told=False).sentences) if s.position == 0}


# A flood told by three outlets; two give the death toll, in the same words, only at the end
# (position 11, beyond the first candidates_per_source = 10 sentences), as news often does.
VALLEY = [
    ["Heavy rain fell across the Dunmore valley for most of Tuesday.",
     "The river rose above its banks near the old mill by noon.",
     "Farmers moved cattle to higher fields on the eastern slopes.",
     "The regional rail line stopped trains between Dunmore and Kelby.",
     "Volunteers filled sandbags outside the town hall all afternoon.",
     "A bakery on the market square handed out bread to families.",
     "The county council opened two shelters in school gyms.",
     "The storm cut power to 2,316 homes in the valley, the utility said.",
     "Forecasters said the rain would ease by Thursday morning.",
     "Insurers said it was too early to estimate the damage.",
     "The mayor asked drivers to stay off the valley roads."],
    ["Church bells rang in Kelby to call helpers to the square.",
     "A landslide blocked the mountain pass above the reservoir.",
     "Rescue boats reached families stranded on rooftops near the bridge.",
     "The hospital in Dunmore postponed planned operations.",
     "Schools across the valley will stay closed until Monday.",
     "A football match in Kelby was moved to the next weekend.",
     "Army trucks brought drinking water to three villages.",
     "The weather office had warned of storms two days earlier.",
     "Shops on the harbour front boarded up their windows.",
     "The storm cut power to 2,316 homes in the valley, the utility said.",
     "A local choir cancelled its spring concert in the abbey."],
    ["The storm reached the Dunmore valley late on Monday night.",
     "Rivers rose quickly after a week of steady rain in the hills.",
     "The floods cut the main road to the coast for two days.",
     "A ferry service to the islands was suspended on Tuesday.",
     "The storm cut power to 2,316 homes in the valley, the utility said."],
]
TOLL = "The floods in the Dunmore valley killed 14 people, the county coroner said on Wednesday."


@pytest.fixture(scope="module")
def valley_pool():
    texts = [" ".join(VALLEY[0] + [TOLL]), " ".join(VALLEY[1] + [TOLL]), " ".join(VALLEY[2])]
    return build([Source(f"v{i}.txt", f"v{i}.txt", text) for i, text in enumerate(texts)])


@pytest.mark.parametrize("settings, quoted", [
    ({}, True),  # the toll two sources word alike is a candidate within 30 sentences, and it is chosen
    (dict(figure_candidates_per_source=12), True),  # position 11 is within the first 12 ...
    (dict(figure_candidates_per_source=11), False),  # ... not within the first 11
    (dict(candidates_per_source=12, figure_candidates_per_source=5), True),  # the larger reach counts
    (dict(figure_weight=0.0), False),  # no weight on figures: no toll is looked for further down
    # a figure counts only when three sources state it: the power cut does (all three), the toll (two) not
    (dict(min_figure_sources=3), False),
])
def test_a_death_toll_two_sources_give_far_down_their_stories_is_reached(valley_pool, settings, quoted):
    assert [s.position for s in valley_pool.sentences if s.text == TOLL] == [11, 11]
    picks = Centroid(Centroid.Params(**settings)).select(valley_pool, models.Budget(100, None))
    texts = [valley_pool.sentences[p.row].text for p in picks]
    assert (TOLL in texts) is quoted
    assert sum(valley_pool.sentences[p.row].words for p in picks) <= 100


def test_without_filling_the_picks_stop_where_nothing_that_fits_says_enough_new():
    """fill_depth 0 is greedy selection alone: every pick brings at least min_novelty of new content
    (on this story a sentence with a third of its words new would still fit the budget)."""
    from summarizer.rank.novelty import Said
    from tests.rank.test_centroid_oracle import random_story

    pool = build(random_story(1))
    params = Centroid.Params(fill_depth=0)
    picks = Centroid(params).select(pool, models.Budget(100, None))
    said = Said(pool)
    assert len(picks) >= 2
    for pick in picks:
        assert said.novelty([pick.row])[0] >= params.min_novelty
        said.add(pick.row)
    assert sum(pool.sentences[p.row].words for p in picks) + min(s.words for s in pool.sentences) <= 100


def test_bigram_concepts_are_read_once_for_the_rounds_of_one_pool(monkeypatch):
    from summarizer.pool.editorial import without_quotes
    from summarizer.rank import concept_weights

    sources = [Source(f"s{i}.txt", f"s{i}.txt", "Floods hit the river town on Monday. Rescue teams reached the "
                      f"river town by boat. Officials in town {i} counted the damage.") for i in range(3)]
    pool = build_pool(sources, Config())
    first = bigram_concepts(pool, 2)
    reads = []
    monkeypatch.setattr(concept_weights, "bigrams", lambda *args: reads.append(args) or set())
    again = bigram_concepts(without_quotes(pool, {0}), 2)  # another round: the same sentences
    assert reads == []
    assert (first[0] != again[0]).nnz == 0 and np.array_equal(first[1], again[1])
    again[1][:] = 0  # the caller's copy
    assert np.array_equal(bigram_concepts(pool, 2)[1], first[1])
    other = SimpleNamespace(tokenizer=pool.tokenizer, sentences=list(pool.sentences), sources=pool.sources)
    assert bigram_concepts(other, 2)[0].nnz == 0 and reads  # another list of sentences is read again
