"""Quotes that stand alone: a sentence that leans on an earlier one is quoted only after it."""

from __future__ import annotations

import pytest

import summarizer
from summarizer.models import Budget, Pick, Source
from summarizer.pool.referents import carried, points_back, speakerless
from summarizer.rank import ALGORITHMS
from summarizer.rank.standalone import arrange, passage_index
from tests.helpers import SEEDS, story_pool

RACE = (
    "Rescuers searched the Bass Strait on Sunday for sailors missing from the Sydney to Hobart race. "
    "A yacht named Winston Churchill sank near Eden after a giant wave split its hull open. "
    "The yacht, which had a crew of nine, sent a distress call before it went down in the night. "
    "Race officials said 115 yachts had started the race from Sydney Harbour on Saturday afternoon. "
    "He said rescue helicopters could not fly until the wind eased on Monday morning."
)


def _picks(pool, *starts):
    """Picks of the sentences that begin with these words, in this order."""
    passage_of = passage_index(pool)
    rows = [next(r for r, s in enumerate(pool.sentences) if s.text.startswith(start)) for start in starts]
    return [Pick(int(passage_of[r]), r) for r in rows]


def _texts(pool, picks):
    return [pool.sentences[p.row].text.split(",")[0].split()[:2] for p in picks]


def test_the_sentence_leaned_on_is_admitted_before_it_where_the_budget_has_room():
    pool, _ = story_pool([RACE])
    placed, left_out = arrange(pool, _picks(pool, "The yacht"), Budget(100, None), 0.4)
    assert _texts(pool, placed) == [["A", "yacht"], ["The", "yacht"]]
    assert not left_out
    placed, _ = arrange(pool, _picks(pool, "He said"), Budget(100, None), 0.4)
    assert _texts(pool, placed) == [["Race", "officials"], ["He", "said"]]


def test_a_later_pick_it_leans_on_moves_up_before_it():
    pool, _ = story_pool([RACE])
    placed, left_out = arrange(pool, _picks(pool, "Rescuers", "The yacht", "A yacht"), Budget(100, None), 0.4)
    assert _texts(pool, placed) == [["Rescuers", "searched"], ["A", "yacht"], ["The", "yacht"]]
    assert not left_out


def test_without_room_for_what_it_leans_on_it_is_left_out():
    pool, _ = story_pool([RACE])
    picks = _picks(pool, "Rescuers", "The yacht")
    words = sum(pool.sentences[p.row].words for p in picks)
    placed, left_out = arrange(pool, picks, Budget(words, None), 0.4)
    assert _texts(pool, placed) == [["Rescuers", "searched"]]
    assert left_out == {picks[1].row}
    placed, left_out = arrange(pool, picks, Budget(None, 2), 0.4)
    assert len(placed) == 1 and left_out == {picks[1].row}


def test_standing_picks_are_kept_as_the_algorithm_made_them():
    pool, _ = story_pool([RACE])
    picks = _picks(pool, "Race officials", "Rescuers", "A yacht")
    assert arrange(pool, picks, Budget(100, None), 0.4) == (picks, set())


CHARGES = [
    ("A federal grand jury in New York indicted Mamdouh Mahmud Salim on Friday on charges of conspiracy "
     "to murder Americans. Prosecutors said the charges followed an investigation lasting two years. "
     "U.S. authorities charge Salim with helping to buy electronic equipment and weapons for the group. "
     "Salim was arrested in Germany in September and flown to New York in December."),
    ("Mamdouh Mahmud Salim, 40, appeared before a judge in Manhattan on Friday afternoon in a grey suit. "
     "U.S. authorities charge Salim with helping to buy electronic equipment and weapons for the group. "
     "Salim was arrested in Germany in September and flown to New York in December. "
     "Lawyers for Salim said he would plead not guilty to every charge at a hearing on Monday."),
    ("Mamdouh Mahmud Salim was flown to New York under guard by federal agents, officials said on Friday. "
     "U.S. authorities charge Salim with helping to buy electronic equipment and weapons for the group. "
     "Salim was arrested in Germany in September and flown to New York in December. "
     "German police said the arrest followed a tip from American investigators in the spring."),
]


@pytest.mark.parametrize("algo", sorted(ALGORITHMS))
def test_every_algorithm_quotes_a_surname_only_after_the_full_name(algo):
    sources = [Source(f"c{i}.txt", f"c{i}.txt", text) for i, text in enumerate(CHARGES)]
    briefing = summarizer.summarize(sources, algo=algo, max_words=45, **{"select.surname_needs_full_name": True})
    assert briefing.sentences
    _assert_each_stands(sources, briefing)
    texts = [s.text for s in briefing.sentences]
    for i, text in enumerate(texts):
        if "Salim" in text and "Mamdouh" not in text:
            assert any("Mamdouh Mahmud Salim" in t for t in texts[:i]), texts


@pytest.mark.parametrize("algo", ["centroid", "lexrank", "coverage", "concepts", "textrank"])
@pytest.mark.parametrize("max_words", [30, 120, 300])
def test_seed_briefings_carry_what_each_sentence_leans_on(algo, max_words):
    sources = summarizer.load_sources([str(SEEDS)])
    briefing = summarizer.summarize(sources, algo=algo, max_words=max_words)
    _assert_each_stands(sources, briefing)


@pytest.mark.parametrize("policy", ["balanced", "strict"])
def test_a_fighters_words_are_not_quoted_without_the_fighter(policy):
    for max_words in (30, 60):
        briefing = summarizer.summarize([str(SEEDS)], neutrality=policy, max_words=max_words)
        assert not any("liberated the city" in s.text for s in briefing.sentences)
        assert not any(speakerless(s.text) for s in briefing.sentences)


def _assert_each_stands(sources, briefing):
    """Every quoted sentence has before it what it leans on (its source's sentence before it where
    it points back; the noun of a "the"-reference; a full name)."""
    pool = summarizer.build_pool(sources, summarizer.Config())
    passage_of = passage_index(pool)
    row_at = {(s.source, s.start): r for r, s in enumerate(pool.sentences)}
    rows = []
    for sentence in briefing.sentences:
        quoted = next(c for c in sentence.citations if c.exact and c.text == sentence.text)
        rows.append(row_at[(quoted.source, quoted.start)])
    for i, row in enumerate(rows):
        before = rows[:i]
        stems = {t for r in before for t in pool.terms.terms[r]}
        full = {n for r in before + [row] for n in pool.referents.names[r]}
        assert carried(pool.referents.needs[row], before, stems, full, passage_of), pool.sentences[row].text
        if points_back(pool.sentences[row].text):
            assert passage_of[row - 1] in {passage_of[r] for r in before}


def test_a_pick_whose_noun_a_later_pick_of_another_source_names_goes_after_it():
    pool, _ = story_pool([
        "A tornado struck an elementary school in Newburgh on Thursday morning. "
        "Police reported one person killed in a car outside the school.",
        "Storms swept across seven states on Thursday, officials said. "
        "Seven children died when a wall collapsed in a school cafeteria near Newburgh.",
    ])
    picks = _picks(pool, "Police reported", "Seven children")
    assert pool.referents.needs[picks[0].row] is not None  # "the school" leans on the sentence before it
    words = sum(pool.sentences[p.row].words for p in picks)  # no room for that sentence
    placed, left_out = arrange(pool, picks, Budget(words, None), 0.4)
    assert _texts(pool, placed) == [["Seven", "children"], ["Police", "reported"]]
    assert not left_out
    # Nothing among the picks names a school, and no room for the sentence before it: left out.
    placed, left_out = arrange(pool, picks[:1], Budget(pool.sentences[picks[0].row].words, None), 0.4)
    assert not placed and left_out == {picks[0].row}
