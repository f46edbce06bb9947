"""What a sentence leans on: pronoun and connective openers, "the"-references, surnames alone,
first person without a speaker."""

from __future__ import annotations

import pytest

from summarizer.pool.features import Tokenizer
from summarizer.pool.names import name_runs
from summarizer.pool.referents import find, points_back, speakerless, the_references
from tests.helpers import story_pool

POINTING = [
    "He said the crew had no time to launch the life raft.",
    "It was the third yacht to sink in the race.",
    "They were taken to hospital in Eden on Monday.",
    "However, the race organisers said the event would go on.",
    "But the navy said its helicopters could not fly in the storm.",
    "This recent rebellion follows the capture of Aleppo last week.",
    "These boats carried more than forty sailors between them.",
    "Meanwhile, the storm moved east across the Tasman Sea.",
    "As a result, six yachts withdrew from the race on Sunday.",
    '"The waves were as tall as a house," he said.',
    "The crew was rescued on Monday morning, she told reporters.",
    '“They are still out there,” said she.',
    "Theirs was the only boat to finish, race officials said.",
    "Most died when their yachts capsized in the storm.",  # a quantifier for people named before
    "Many of them were pulled from the water by navy helicopters.",
    "None was found before nightfall, the navy said.",
    "The rest were taken to hospital in Eden.",
    "A few hours later, he was pulled from the water.",  # a pronoun after an opening phrase
    "On Monday, they were flown to Eden.",
    "In Eden, he was greeted by crowds at the harbour.",  # the opening phrase names a place, not him
    "At the Eden yacht club, they were met by their families.",
    "Two of them were pulled from the water alive.",  # a count of those named before
    "Of those, 12 were taken to hospital.",
    "Most, if not all, were rescued by navy helicopters.",  # a quantifier before an aside
    "Among them was the yacht's skipper.",
]
STANDING = [
    "Rescuers searched the Bass Strait on Sunday for sailors missing from the race.",
    "This week the navy sent four helicopters to the area.",
    "It is not clear how many yachts are still at sea.",
    "It was not immediately known whether the crew survived.",
    "There were 115 yachts at the start of the race in Sydney.",
    "So far, rescuers have found 42 sailors alive.",
    "Thereafter rescuers worked through the night.",
    "Herbert Smith, a navy spokesman, said the search would go on.",
    "The crew was rescued on Monday morning, a navy spokesman told reporters.",
    "Most sailors were rescued by navy helicopters.",  # the quantifier's noun is there
    "All 11 crew members were pulled from the water.",
    "Some 2,500 people fled their homes in Eden.",
    "None of the 115 yachts finished the race on time.",
    "When Herbert Smith reached the boat, he found it empty.",  # the opening phrase names him
    "Some say the hatch failed in the storm.",  # people in general, not those named before
    "Many believe the yacht was overloaded.",
    "Many of those who sailed in 1998 came back this year.",
    "Among the rescued was the yacht's skipper.",
]


@pytest.mark.parametrize("text", POINTING)
def test_a_sentence_pointing_back_is_recognised(text):
    assert points_back(text)


@pytest.mark.parametrize("text", STANDING)
def test_a_sentence_standing_alone_is_not_taken_for_one_pointing_back(text):
    assert not points_back(text)


def test_first_person_is_quotable_only_with_its_speaker_in_the_sentence():
    assert speakerless("We've liberated the city and its people from Assad's grip.")
    assert speakerless("“We’ve liberated the city and its people from Assad’s grip.”")
    assert speakerless("Our forces stormed the city from three directions.")
    assert speakerless('"We will not stop," he said.')  # the speaker is a pronoun: whose words?
    assert not speakerless('"We will not stop," said Abu Mohammed, a rebel commander.')
    assert not speakerless("Our forces stormed the city, the rebel commander told reporters.")
    # Not the first person: the United States in capitals, a world war.
    assert not speakerless("THE US administration approved the plan on Tuesday.")
    assert not speakerless("The town was rebuilt after World War I by its residents.")


def test_the_reference_needs_what_its_source_named_just_before():
    tokenizer = Tokenizer("english")
    context = {"yacht", "sailor", "citi"}
    assert the_references("The yacht, which had a crew of nine, overturned.", tokenizer, context) == (("yacht",),)
    assert the_references("Rescuers lifted the sailor from the water.", tokenizer, context) == (("sailor",),)
    # Named right there, or named earlier in the same sentence: it stands.
    assert the_references("The yacht Sayonara finished first.", tokenizer, context) == ()
    assert the_references("Rebels took the central city of Hama.", tokenizer, context) == ()
    assert the_references("A yacht sank and the yacht's crew swam ashore.", tokenizer, context) == ()
    # A noun its source did not name before is a first mention, not a reference back.
    assert the_references("The navy sent a ship.", tokenizer, context) == ()


def test_a_the_reference_ends_at_its_verb():
    tokenizer = Tokenizer("english")
    context = {"back", "test", "storm"}
    # "backed", "tested": the verb of "the public", "the researchers", not a noun the source named.
    assert the_references("A poll found that the public backed the idea two to one.", tokenizer, context) == ()
    assert the_references("In all, the researchers tested 100 crews.", tokenizer, context) == ()
    assert the_references("The storm passed.", tokenizer, context) == (("storm",),)
    # A first word ending in -ed is an adjective of the noun: "the injured sailor" still points back.
    assert the_references("Rescuers flew the injured sailor to Eden.", tokenizer, {"sailor"}) == (("sailor",),)


def test_the_reference_is_carried_by_a_compound_ending_in_it():
    from summarizer.models import Referent
    from summarizer.pool.referents import carried

    tokenizer = Tokenizer("english")
    quake = Referent(-1, ((tokenizer.stem("quake"),),), ())
    port = Referent(-1, ((tokenizer.stem("port"),),), ())
    earthquake = {tokenizer.stem("earthquake")}
    assert carried(quake, [], earthquake, set(), [])
    assert not carried(quake, [], {tokenizer.stem("town")}, set(), [])
    # "report" is no compound of "port": its first part is no word of its own.
    assert not carried(port, [], {tokenizer.stem("report")}, set(), [])


def test_name_runs_leave_titles_and_possessives_out():
    assert name_runs("Syrian President Bashar Assad's forces left.") == [["Syrian"], ["Bashar", "Assad"]]
    assert name_runs("Mr Salim was charged on Friday.") == [["Salim"]]


ARTICLE = (
    "A federal grand jury in New York indicted Mamdouh Mahmud Salim on Friday on charges of conspiracy. "
    "Prosecutors said the charges followed an investigation lasting two years in three countries. "
    "The indictment was filed in Manhattan after a long delay over the evidence. "
    "U.S. authorities charge Salim with helping to buy equipment for the group. "
    "He was arrested in Germany in September and flown to New York in December. "
    "The indictment names four other men who are still at large abroad."
)


def test_find_records_per_sentence_what_it_leans_on():
    pool, _ = story_pool([ARTICLE], **{"select.surname_needs_full_name": True})
    needs = {s.text.split()[0] + " " + s.text.split()[1]: pool.referents.needs[r] for r, s in enumerate(pool.sentences)}
    assert needs["A federal"] is None
    assert needs["U.S. authorities"].surnames == ("Salim",)
    assert needs["U.S. authorities"].antecedent == -1
    he = next(r for r, s in enumerate(pool.sentences) if s.text.startswith("He was"))
    assert pool.referents.needs[he].antecedent == he - 1
    # "The indictment", named in the sentences just before ("indicted"): a reference back.
    again = next(r for r, s in enumerate(pool.sentences) if s.text.startswith("The indictment was"))
    assert pool.referents.needs[again].heads == (("indict",),)
    first = next(r for r, s in enumerate(pool.sentences) if s.text.startswith("A federal"))
    assert "Salim" in pool.referents.names[first]


def test_a_lead_pronoun_points_ahead_at_the_person_it_names():
    leads = ["He's ranked the best skipper in the fleet, but to the people of Eden, Tom Harker is a neighbour. "
             "Harker has sailed in the race 20 times.",
             "It's a long night for Mary Collins, who runs the rescue centre. She has not slept since Sunday.",
             "He said the crew had no time to launch the life raft. The navy searched all night."]
    pool, _ = story_pool(leads)
    needs = {s.text[:8]: pool.referents.needs[r] for r, s in enumerate(pool.sentences)}
    assert needs["He's ran"] is None and needs["It's a l"] is None
    # A lead whose pronoun names nobody in the sentence points at nothing the briefing can carry.
    assert needs["He said "].antecedent == -2
    assert needs["She has "].antecedent >= 0


def test_other_languages_lean_on_nothing():
    tokenizer = Tokenizer("german")
    pool, _ = story_pool([ARTICLE])
    assert all(n is None for n in find(pool.sentences, tokenizer).needs)
