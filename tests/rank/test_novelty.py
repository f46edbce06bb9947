"""Each fact once: no algorithm quotes a fact twice, at any budget, and a short pile gives a short
briefing; and the key figures: a toll several sources give reaches the default briefing."""

from __future__ import annotations

import itertools

import pytest

from summarizer import ALGORITHMS, Config
from summarizer.rank.choose import rank_and_select
from summarizer.rank.novelty import Said, claim_rows, first_news
from tests.helpers import story_pool

# Four reports of one invented storm: each tells the same four facts in its own words (names and
# figures kept, as reports do), with one fact of its own.
STORY = [
    "Storm Kestrel made landfall near Port Ellery on Sunday night with winds of 110 miles per hour, the weather "
    "service said. The storm flooded the harbour district of Port Ellery and cut power to 40,000 homes. "
    "Emergency crews evacuated the coastal villages of Dunmore and Ashby before the storm arrived. "
    "The county council opened three shelters in school gyms for residents who left their homes. "
    "A fishing trawler that broke its moorings was found wrecked on the rocks below the lighthouse.",
    "Kestrel came ashore close to Port Ellery late on Sunday, packing 110 mph winds, forecasters reported. "
    "About 40,000 households in Port Ellery lost electricity as seawater swamped the harbour streets. "
    "Dunmore and Ashby, two villages on the coast, were cleared by rescue teams ahead of Kestrel. "
    "Three school gymnasiums were turned into shelters by the county for people forced out. "
    "Schools across the county will stay closed until Wednesday while engineers inspect the buildings.",
    "With gusts reaching 110 miles per hour, Storm Kestrel hit the coast by Port Ellery on Sunday evening. "
    "Flooding in Port Ellery's harbour left 40,000 homes without power, the utility said. "
    "Residents of Dunmore and Ashby were moved inland by emergency services before landfall. "
    "The council said three shelters were open in gyms for those who had to leave. "
    "The Ellery ferry service suspended all crossings and said it would resume once the sea calmed.",
    "Port Ellery took the brunt of Storm Kestrel's arrival on Sunday night, as winds touched 110 miles per hour. "
    "The harbour district of Port Ellery was under water and 40,000 homes had no power on Monday. "
    "Before Kestrel struck, crews emptied the coastal villages of Dunmore and Ashby. "
    "Displaced residents found beds in three shelters the county council set up in school gyms. "
    "Farmers inland reported flattened barley fields and several barns with their roofs torn off.",
]


def briefing_rows(texts, algo, words):
    pool, config = story_pool(texts, algo=algo, max_words=words)
    picks, _ = rank_and_select(pool, config.rank, config.select)
    return pool, [p.row for p in picks]


def repeats(pool, rows, threshold=0.5, overlap=0.6):
    """Pairs of rows of which one states the other's claim, or most of whose content the other has."""
    found = []
    for a, b in itertools.combinations(rows, 2):
        said = Said(pool)
        shorter, longer = sorted((a, b), key=lambda r: pool.sentences[r].words)
        said.add(longer)
        if claim_rows(pool, a, threshold)[b] or claim_rows(pool, b, threshold)[a] \
                or said.novelty([shorter])[0] <= 1 - overlap:
            found.append((pool.sentences[a].text, pool.sentences[b].text))
    return found


@pytest.mark.parametrize("algo", sorted(ALGORITHMS))
def test_every_algorithm_states_each_fact_once_at_every_budget(algo):
    for words in (100, 250, 400):
        pool, rows = briefing_rows(STORY, algo, words)
        assert rows, (algo, words)
        assert repeats(pool, rows) == [], (algo, words)
        # Four facts told by all, one of each source's own: the pile holds about 180 words of news.
        assert sum(pool.sentences[r].words for r in rows) <= 240, (algo, words)


@pytest.mark.parametrize("algo", ["centroid", "lexrank", "coverage", "concepts"])
def test_a_short_pile_gives_a_shorter_briefing_rather_than_repeat(algo):
    pool, rows = briefing_rows(STORY[:2], algo, 400)
    used = sum(pool.sentences[r].words for r in rows)
    # Two sources hold four shared facts and two of their own, about 140 words: never 400.
    assert 0 < used < 200
    assert repeats(pool, rows) == []


def test_first_news_drops_a_pick_repeating_an_earlier_one_and_keeps_the_rest():
    pool, config = story_pool(STORY)
    # One fact three times, in three sources' words (40,000 homes without power); then the trawler.
    passage_of = {r: p for p, passage in enumerate(pool.passages) for r in passage.rows}
    firsts = [r for r, s in enumerate(pool.sentences) if "40,000 homes" in s.text]
    trawler = [r for r, s in enumerate(pool.sentences) if "trawler" in s.text]
    assert len(firsts) == 3 and len(trawler) == 1
    from summarizer.models import Pick

    picks = [Pick(passage_of[r], r) for r in firsts + trawler]
    kept = first_news(pool, picks, 0.5, 0.4)
    assert kept[0] == picks[0]
    assert len(kept) == 2  # the power cut once, and the trawler
    assert "trawler" in pool.sentences[kept[-1].row].text


def test_novelty_is_the_share_of_content_the_briefing_does_not_say_yet():
    pool, _ = story_pool(STORY)
    said = Said(pool)
    first = pool.quote[0]
    assert said.novelty([first])[0] == 1.0
    said.add(int(first))
    assert said.novelty([first])[0] == 0.0
    trawler = next(r for r, s in enumerate(pool.sentences) if "trawler" in s.text)
    assert said.novelty([trawler])[0] > 0.8


# A toll that three of four sources give, each far down its story, in other words each time.
TOLL_STORY = [
    "Fire swept through the Caldera textile market in Benrath on Friday, destroying hundreds of stalls. "
    "Traders said the blaze began in a storeroom at the back of the market before dawn. "
    "Firefighters from three districts fought the flames for six hours. "
    "The market, built in the 1950s, had no sprinklers, the city's fire chief said. "
    "Smoke could be seen across the river in the old town. "
    "Shop owners gathered at the gates to watch as the roof collapsed. "
    "The mayor promised help for traders who lost their stock. "
    "Investigators have begun examining the wiring of the storeroom. "
    "The market had been inspected last spring and passed, officials said. "
    "Many traders had no insurance, a merchants' association said. "
    "Hospital officials said 14 people were killed and 40 injured in the fire.",
    "A blaze tore through the Caldera textile market in Benrath early on Friday. "
    "Witnesses said flames rose above the market roof within minutes. "
    "Fire crews battled the blaze for most of the morning. "
    "The fire chief said the market lacked sprinklers and fire exits were blocked. "
    "Traders watched as their stalls burned. "
    "The city will open a temporary market on the river bank, the mayor said. "
    "Police cordoned off the streets around the market. "
    "Electricians said the wiring in the building was decades old. "
    "Residents of nearby flats were told to keep their windows shut. "
    "A merchants' association said most traders were uninsured. "
    "The health ministry said 14 people were killed and 40 were hurt.",
    "The Caldera market fire in Benrath destroyed hundreds of textile stalls on Friday. "
    "The fire started in a storeroom, traders said. "
    "It took firefighters six hours to control the flames. "
    "The building had no sprinklers, according to the fire chief. "
    "The market was the largest in the region, with more than 600 stalls. "
    "The mayor said traders would receive emergency grants. "
    "Investigators are looking at the market's old wiring. "
    "Traffic in the old town was diverted for the day. "
    "Many of the traders had no insurance, their association said. "
    "The smoke drifted over the river for hours. "
    "Officials said 14 people were killed in the fire.",
    "Hundreds of stalls burned when fire hit the Caldera textile market in Benrath on Friday. "
    "Traders blamed old wiring in a storeroom. "
    "Firefighters from three districts spent six hours on the blaze. "
    "The fire chief said the market had no sprinklers. "
    "The mayor visited the site and promised grants to traders.",
]


def test_the_default_briefing_states_a_toll_several_sources_give_far_down():
    def says_toll(**settings):
        pool, config = story_pool(TOLL_STORY, max_words=100, **settings)
        picks, _ = rank_and_select(pool, config.rank, config.select)
        return any("14 people were killed" in pool.sentences[p.row].text for p in picks)

    assert says_toll()
    assert not says_toll(**{"rank.centroid.figure_weight": 0.0})


def test_settings_of_repeats_are_checked():
    with pytest.raises(Exception):
        Config().replace(**{"select.min_novelty": 1.5})



def test_a_figure_counts_by_the_share_of_sources_stating_it_never_one_source_alone():
    from summarizer.rank.concept_weights import figure_concepts

    pool, _ = story_pool(TOLL_STORY)
    presence, weights = figure_concepts(pool, min_sources=2)
    # 14 killed in three of four sources, about 40 injured in two: one concept each.
    assert sorted(weights) == pytest.approx([(2 / 4) ** 0.5, (3 / 4) ** 0.5])
    toll_rows = [r for r, s in enumerate(pool.sentences) if "14 people were killed" in s.text]
    assert len(toll_rows) == 3 and all(weights[presence[r].indices].max() == max(weights) for r in toll_rows)
    pool, _ = story_pool([TOLL_STORY[0], TOLL_STORY[3]])  # the toll in one source only
    presence, weights = figure_concepts(pool, min_sources=2)
    assert presence.nnz > 0 and not weights.any()


# Two reports tell one sequence of events (the town taken after fighting) in other words, each with
# details of its own; a third source tells other facts.
SEQUENCE_STORY = [
    "Insurgents captured the northern town of Valdor on Tuesday, the latest setback for the government of "
    "President Anton Mirek. "
    "The capture of Valdor followed days of fierce clashes in its narrow streets that ended in the withdrawal "
    "of government forces across the river. "
    "Aid groups said thousands of residents had fled toward the coast.",
    "Rebel fighters seized Valdor on Tuesday after a week-long offensive, residents said. "
    "The fall of Valdor follows heavy fighting as government troops, backed by foreign air strikes and militias "
    "brought in from the south, struggled to keep their grip on the hilltop citadel. "
    "The rebels promised to restore water and power within days.",
    "The government said it would send reinforcements to the region around Valdor. "
    "Prices of bread in the capital doubled over the week as roads to the north were closed.",
]


def test_two_tellings_of_one_sequence_of_events_are_one_fact_for_every_algorithm():
    from summarizer.facts.claim_match import same_claim
    from summarizer.rank.novelty import same_events

    pool, _ = story_pool(SEQUENCE_STORY)
    capture = next(r for r, s in enumerate(pool.sentences) if s.text.startswith("The capture of Valdor"))
    fall = next(r for r, s in enumerate(pool.sentences) if s.text.startswith("The fall of Valdor"))
    lead = next(r for r, s in enumerate(pool.sentences) if s.text.startswith("Rebel fighters seized"))
    # The claim model alone does not call them one claim (their other words differ) ...
    assert not same_claim(pool.claims, capture, 0.4)[fall]
    # ... but both tell a capture after fighting: two events in common, each tied to Valdor.
    assert same_events(pool, capture)[fall] and same_events(pool, fall)[capture]
    assert claim_rows(pool, capture, 0.4)[fall]
    # One event in common (the capture alone) is not a sequence: the lead of another source is news.
    assert not same_events(pool, capture)[lead]
    assert not claim_rows(pool, capture, 0.4)[lead]
    # Two events in common, but of two things: two crashes that killed people in two places.
    crashes, _ = story_pool([
        "A military cargo plane crashed near Belmar on Monday, killing nine soldiers, officials said.",
        "A navy fighter jet crashed into the sea off Corran on Monday, killing its pilot, officials said.",
    ])
    assert not same_events(crashes, 0)[1] and not same_events(crashes, 1)[0]
    for algo in sorted(ALGORITHMS):
        pool, rows = briefing_rows(SEQUENCE_STORY, algo, 250)
        assert not (capture in rows and fall in rows), algo
        assert len(rows) >= 5, algo  # the other facts are all told


def test_the_sequence_rule_is_what_keeps_the_second_telling_out(monkeypatch):
    import summarizer.rank.novelty as novelty

    monkeypatch.setattr(novelty, "SEQUENCE_THRESHOLD", 1.0)  # the rule off: the claim model's threshold alone
    pool, rows = briefing_rows(SEQUENCE_STORY, "centroid", 250)
    texts = [pool.sentences[r].text for r in rows]
    assert any(t.startswith("The capture of Valdor") for t in texts)
    assert any(t.startswith("The fall of Valdor") for t in texts)


# An amount the figure reader ties to nothing ("six novels") in the lead of every source; another
# given only far down two sources; a prize given in two sources' third sentences.
PRIZE_STORY = [
    "Six novels were shortlisted for the Carden fiction prize on Tuesday, the judges said in London. "
    "The winner will be named next month at a dinner in the Guildhall. "
    "Critics said the list favoured first novels over established names. "
    "Booksellers reported a rush of orders for the shortlisted titles. "
    "The judges said they had read 142 books over the summer.",
    "The judges of the Carden prize named six novels on their shortlist on Tuesday. "
    "Two of the writers are first-time novelists, the judges said. "
    "The prize is worth 50,000 pounds to the winner. "
    "Publishers entered 142 books this year, the organisers said.",
    "A shortlist of six novels for the Carden prize was published on Tuesday. "
    "The chair of the judges called it the strongest list in a decade. "
    "The prize of 50,000 pounds will be awarded on October 12.",
]


def test_an_amount_the_sources_lead_with_counts_as_a_figure_one_far_down_does_not():
    from summarizer.rank.concept_weights import amounts, figure_concepts

    pool, _ = story_pool(PRIZE_STORY)
    assert not any(pool.figures)  # the figure reader ties none of them to a thing

    def weight_of(value, min_lead):
        presence, weights = figure_concepts(pool, 2, min_lead)
        rows = [r for r, s in enumerate(pool.sentences) if value in amounts(s.text)]
        assert rows
        return {float(weights[c]) for r in rows for c in presence[r].indices}

    assert weight_of(6.0, 1.5) == {1.0}  # every source's lead: 1 + 1 + 1
    assert weight_of(142.0, 1.5) == {0.0}  # sentences 5 and 4: 1/5 + 1/4
    assert weight_of(50000.0, 1.5) == {0.0}  # sentences 3 and 3: 2/3
    assert weight_of(50000.0, 0.6) == {(2 / 3) ** 0.5}
    presence, weights = figure_concepts(pool, 2, 0.0)  # off: only what the figure reader ties
    assert presence.nnz == 0
    assert amounts("In 2019, at 3 p.m., thousands of people and 12 cars") == {12.0}
