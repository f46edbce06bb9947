"""Tests of the figure-disagreement finder ("Where sources differ")."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from summarizer.facts.figures import disagreements, extract_figures, find_disagreements, sentence_figures
from summarizer.ingest.segment import split_sentences
from summarizer.models import Disagreement, FigureClaim, Sentence

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _split(text: str) -> list[str]:
    """Sentences of a text, line by line, by the project's own splitter (no fallback: a broken
    splitter must fail these tests, not be replaced by a regex)."""
    return [piece for line in text.splitlines() if line.strip() for piece in split_sentences(line)]


def _seed_sentences() -> list[Sentence]:
    sentences = []
    for source, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        for position, sentence in enumerate(_split(text)):
            sentences.append(Sentence(sentence, source, position, 0, len(sentence)))
    return sentences


def S(source: int, text: str, position: int = 0) -> Sentence:
    return Sentence(text, source, position, 0, len(text))


def _topics(found: list[Disagreement]) -> list[str]:
    return [d.topic for d in found]


def _claims(found: list[Disagreement], topic: str) -> tuple[FigureClaim, ...]:
    matches = [d for d in found if d.topic == topic]
    assert len(matches) == 1, (topic, found)
    return matches[0].claims


# --------------------------------------------------------------------------------------------
# The sample articles
# --------------------------------------------------------------------------------------------


def test_seed_files_are_the_five_sources():
    assert len(sorted(SEEDS.glob("*.txt"))) == 5


def test_seeds_report_exactly_the_real_disagreements():
    found = find_disagreements(_seed_sentences())
    assert found == [
        Disagreement("Aleppo's rank among Syria's cities", (
            FigureClaim("largest", (3,)),
            FigureClaim("second-largest", (4,)),
        )),
        # The UN's "over 280,000" (sources 0 and 1) and "tens of thousands" (source 3, at most
        # 99,999) do not overlap: a real spread a reader should see.  Source 4's "thousands",
        # set against source 3's "tens of thousands", is the smaller order of magnitude.
        Disagreement("people displaced", (
            FigureClaim("over 280,000", (0, 1)),
            FigureClaim("tens of thousands", (3,)),
            FigureClaim("thousands", (4,)),
        )),
        # The 1982 massacre: "left tens of thousands dead" (1) against "killing thousands" (3).
        Disagreement("people killed (1982)", (
            FigureClaim("tens of thousands", (1,)),
            FigureClaim("thousands", (3,)),
        )),
    ]


def test_seeds_agreements_are_read_but_not_reported():
    sentences = _seed_sentences()
    figures = extract_figures(sentences)
    found = find_disagreements(sentences)

    def sources(key_start: tuple) -> set[int]:
        return {f.source for f in figures if f.key[:len(key_start)] == key_start}

    # Hama "110km south of Aleppo" (0) and "about 70 miles south of Aleppo" (1): read, agree.
    assert sources(("distance", "aleppo", "hama")) == {0, 1}
    # "at least 727 people ... killed" (2) and "over 700 people ... killed" (4): read, agree.
    killed = [f for f in figures if f.key[:3] == ("count", "killed", "person") and not f.key[3]]
    assert {(f.source, f.value) for f in killed} == {(2, "at least 727"), (4, "over 700")}
    # "40 km south of Hama" and "40 kilometers south of Hama" (3): the same distance.
    assert {f.value for f in figures if f.key == ("distance", "hama", "homs")} == {
        "40 km", "40 kilometers"}
    # Only source 2 ranks Hama ("fourth-largest").
    assert sources(("rank", "hama")) == {2}
    for topic in _topics(found):
        assert "distance" not in topic
        assert "killed" not in topic or "1982" in topic  # this offensive's toll agrees
        assert "Hama" not in topic
        assert "population" not in topic


def test_seed_figures_never_confuse_years_with_counts():
    figures = extract_figures(_seed_sentences())
    values = {f.value for f in figures}
    for year in ("2011", "2015", "2016", "2024", "1982"):
        assert year not in values
    # The 1982 massacre's toll is kept apart from the current offensive's.
    old = [f for f in figures if f.key[:2] == ("count", "killed") and f.key[3] == "1982"]
    assert {f.value for f in old} == {"tens of thousands", "thousands"}


# --------------------------------------------------------------------------------------------
# Hand-written cases
# --------------------------------------------------------------------------------------------


def test_unit_conversion_agreement():
    found = find_disagreements([
        S(0, "Homs, 160 km north of Damascus, fell on Saturday."),
        S(1, "Homs, about 100 miles north of Damascus, is the next target."),
        S(2, "Rebels reached Homs, some 160 kilometres north of Damascus."),
    ])
    assert found == []


def test_unit_conversion_disagreement():
    found = find_disagreements([
        S(0, "Homs, 160 km north of Damascus, fell on Saturday."),
        S(1, "Homs, 60 miles north of Damascus, fell on Saturday."),  # 96.6 km
    ])
    assert found == [Disagreement("distance from Damascus to Homs", (
        FigureClaim("160 km", (0,)), FigureClaim("60 miles", (1,))))]


def test_qualifier_intervals_agree():
    found = find_disagreements([
        S(0, "Police said more than 1,000 people were arrested during the protests."),
        S(1, "Some 1,200 people were arrested during the protests, officials said."),
        S(2, "Nearly 1,300 people were arrested during the protests."),
    ])
    assert found == []


def test_qualifier_intervals_disagree():
    found = find_disagreements([
        S(0, "Fewer than 100 people were arrested during the protests."),
        S(1, "More than 150 people were arrested during the protests."),
    ])
    assert found == [Disagreement("people arrested", (
        FigureClaim("fewer than 100", (0,)), FigureClaim("more than 150", (1,))))]


def test_death_toll_disagreement_across_three_sources():
    found = find_disagreements([
        S(0, "At least 40 people were killed in the bombing of the market, police said."),
        S(1, "The bombing killed 42 people and wounded dozens more, officials said."),
        S(2, "The bombing killed 25 people, according to the health ministry."),
    ])
    assert _topics(found) == ["people killed"]
    assert _claims(found, "people killed") == (
        FigureClaim("at least 40", (0, 1)),
        FigureClaim("25", (2,)),
    )


def test_rank_disagreement():
    found = find_disagreements([
        S(0, "The army retook Mosul, Iraq's second-largest city, in 2017."),
        S(1, "Mosul, the third-largest city in Iraq, was retaken in 2017."),
        S(2, "Baghdad is Iraq's largest city."),
    ])
    assert found == [Disagreement("Mosul's rank among Iraq's cities", (
        FigureClaim("second-largest", (0,)), FigureClaim("third-largest", (1,))))]


def test_same_number_about_different_things_is_no_disagreement():
    found = find_disagreements([
        S(0, "Thirty people were killed in Aleppo on Monday."),
        S(1, "At least 50 people were killed in Idlib on Monday."),
        S(1, "Thirty people were killed in Aleppo."),
        S(2, "About 50 people were injured in the strikes."),
        S(3, "The convoy was 30 km from Aleppo."),
        S(3, "Aleppo, Syria's largest city, has 2 million residents."),
    ])
    assert found == []


def test_different_places_keep_tolls_apart():
    found = find_disagreements([
        S(0, "The earthquake killed 3,000 people in Turkey."),
        S(1, "The earthquake killed 1,000 people in Syria."),
    ])
    assert found == []


def test_source_contradicting_itself_appears_in_both_claims():
    found = find_disagreements([
        S(0, "The shooting left 12 people dead, police said.", 0),
        S(0, "Police later said 19 people were killed in the shooting.", 5),
        S(1, "Twelve people were killed in the shooting.", 0),
    ])
    assert found == [Disagreement("people killed", (
        FigureClaim("12", (0, 1)), FigureClaim("19", (0,))))]


def test_one_source_alone_is_not_a_disagreement_between_sources():
    found = find_disagreements([
        S(0, "The shooting left 12 people dead, police said.", 0),
        S(0, "Police later said 19 people were killed in the shooting.", 5),
        S(1, "The mayor visited the school on Friday.", 0),
    ])
    assert found == []


def test_years_and_ages_are_not_counts():
    sentences = [
        S(0, "A 45-year-old teacher was among the 12 people killed in the 2019 attack."),
        S(1, "Twelve people died in the 2019 attack, including a man aged 45."),
        S(2, "The attack was the deadliest since 2011, when 30 people were killed."),
    ]
    figures = extract_figures(sentences)
    counts = [f for f in figures if f.key[0] == "count"]
    assert sorted((f.source, f.value) for f in counts) == [(0, "12"), (1, "twelve"), (2, "30")]
    assert {f.key[3] for f in counts} == {"2019", "2011"}  # each toll tied to its year
    assert find_disagreements(sentences) == []


def test_ages_of_the_same_person_disagree():
    found = find_disagreements([
        S(0, "The suspect, John Smith, 45, was arrested at the scene."),
        S(1, "Smith, 46, appeared in court on Tuesday."),
        S(2, "The 45-year-old John Smith was released on bail."),
    ])
    assert found == [Disagreement("age of John Smith", (
        FigureClaim("45", (0, 2)), FigureClaim("46", (1,))))]


def test_ages_of_different_people_with_one_surname_do_not_disagree():
    found = find_disagreements([
        S(0, "The suspect, John Smith, 45, was arrested at the scene."),
        S(1, "His wife, Mary Smith, 41, was not charged."),
        S(2, "Smith, 46, appeared in court on Tuesday."),  # which Smith? not compared
    ])
    assert found == []


def test_vague_amounts():
    base = "The fighting has displaced {} people, the UN said."
    found = find_disagreements([
        S(0, base.format("tens of thousands of")),
        S(1, base.format("hundreds of thousands of")),
        S(2, base.format("thousands of")),  # against them, the smaller order of magnitude
    ])
    assert found == [Disagreement("people displaced", (
        FigureClaim("tens of thousands", (0,)), FigureClaim("hundreds of thousands", (1,)),
        FigureClaim("thousands", (2,))))]
    assert find_disagreements([
        S(0, base.format("tens of thousands of")), S(1, base.format("45,000")),
    ]) == []


@pytest.mark.parametrize("written, inches", [
    ("5 1/2", 5.5), ("5½", 5.5), ("5 ½", 5.5), ("3 3/4", 3.75), ("6", 6.0), ("6.5", 6.5),
])
def test_mixed_fractions_are_one_amount(written, inches):
    [rain] = extract_figures([S(0, f"Storms poured {written} inches of rain on the town on Monday.")])
    assert rain.value == f"{written} inches"
    assert rain.lo <= inches * 25.4 <= rain.hi and rain.hi - rain.lo <= 25.4 * 1.001  # an inch wide at most


def test_a_date_with_a_slash_is_no_fraction():
    # "on 11/12" is a date, and "1/2" alone completes no number: neither adds to the amount.
    figures = extract_figures([S(0, "About 4 inches of rain fell on 11/12, more than 1/2 of the year's rain.")])
    assert [f.value for f in figures if f.key[0] == "precipitation"] == ["about 4 inches"]


def test_figure_inside_a_quotation_counts():
    found = find_disagreements([
        S(0, "\u201cWe have counted 52 dead so far,\u201d the governor said of the flood."),
        S(1, "The flood killed 30 people, the governor said."),
    ])
    assert [c.value for c in _claims(found, "people killed")] == ["52", "30"]


def test_dates_and_weekdays_are_not_disagreements():
    found = find_disagreements([
        S(0, "Rebels captured Hama on Thursday, December 5, 2024."),
        S(1, "Rebels captured Hama on Thursday."),
        S(2, "On December 5, rebels entered the city."),
    ])
    assert found == []


def test_increments_changes_and_parts_are_not_totals():
    found = find_disagreements([
        S(0, "Ten more people were killed on Sunday, bringing the death toll to 57."),
        S(1, "The death toll rose from 40 to 57 after rescuers found more bodies."),
        S(2, "At least 57 people were killed, and 12 of the injured were in critical condition."),
    ])
    assert found == []


def test_percentages_and_money_need_their_owner():
    found = find_disagreements([
        S(0, "Smith won 52% of the vote, while Jones took 45 percent."),
        S(1, "Smith won 56 percent of the vote."),
        S(2, "Turnout was 60%."),
        S(3, "Turnout was 48%."),
        S(0, "Boeing agreed to pay $1.2 billion to settle the case."),
        S(1, "Boeing will pay $1.5bn under the settlement."),
    ])
    assert _topics(found) == ["Boeing's payment", "Smith's share of the vote"]
    assert _claims(found, "Smith's share of the vote") == (
        FigureClaim("52%", (0,)), FigureClaim("56 percent", (1,)))
    assert _claims(found, "Boeing's payment") == (
        FigureClaim("$1.2 billion", (0,)), FigureClaim("$1.5bn", (1,)))


def test_order_is_by_topic_then_first_source():
    found = find_disagreements([
        S(2, "Mosul, Iraq's largest city, was retaken."),
        S(3, "Mosul, Iraq's second-largest city, was retaken."),
        S(0, "The bombing killed 42 people."),
        S(1, "The bombing killed 25 people."),
    ])
    assert _topics(found) == ["Mosul's rank among Iraq's cities", "people killed"]
    for d in found:
        firsts = [c.sources[0] for c in d.claims]
        assert firsts == sorted(firsts)
        for c in d.claims:
            assert list(c.sources) == sorted(set(c.sources))


def test_empty_and_figure_free_input():
    assert find_disagreements([]) == []
    assert find_disagreements([S(0, ""), S(1, "No figures here at all."), S(2, "  ")]) == []


# --------------------------------------------------------------------------------------------
# Scale
# --------------------------------------------------------------------------------------------

_TEMPLATES = [
    "At least {n} people were killed in {city} on {day}, officials said.",
    "The strike on {city} wounded {n} civilians, according to medics.",
    "{city}, {km} km south of {other}, was shelled overnight.",
    "More than {n},000 people have fled {city} since the offensive began.",
    "{city}, the country's {ord}-largest city, lost power in {year}.",
    "A {age}-year-old man was among those arrested in {city}.",
    "The talks in {city} lasted {n} hours and ended without agreement.",
    "Prices rose {n}% in {city} last month, traders said.",
    "Residents of {city} said the situation remained calm.",
]


def _generated(count: int, seed: int = 7) -> list[Sentence]:
    rng = random.Random(seed)
    cities = ["Aleppo", "Hama", "Homs", "Idlib", "Raqqa", "Deir Ezzor", "Latakia", "Tartus"]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    ordinals = ["second", "third", "fourth", "fifth"]
    out = []
    for i in range(count):
        city, other = rng.sample(cities, 2)
        text = rng.choice(_TEMPLATES).format(
            n=rng.randint(2, 900), city=city, other=other, day=rng.choice(days),
            km=rng.randint(10, 300), ord=rng.choice(ordinals), year=rng.randint(1990, 2024),
            age=rng.randint(18, 80))
        out.append(S(i % 40, text, i // 40))
    return out


def test_large_input_runs():
    sentences = _generated(13_000)
    sentences.append(S(0, "Mosul, Iraq's largest city, was quiet."))
    sentences.append(S(1, "Mosul, Iraq's second-largest city, was quiet."))
    found = find_disagreements(sentences)
    assert isinstance(found, list) and all(isinstance(d, Disagreement) for d in found)
    assert "Mosul's rank among Iraq's cities" in _topics(found)
    assert found == find_disagreements(sentences)  # deterministic
    keys = [(d.topic.casefold(), d.topic, d.claims[0].sources[0]) for d in found]
    assert keys == sorted(keys)


@pytest.mark.parametrize("text", [
    "1" * 5000,
    "1," * 5000 + "000 people were killed",
    "At least " * 3000 + "30 people were killed.",
    "Aleppo, " * 3000 + "40 km south of Hama.",
    "the largest " * 3000 + "city",
    "'" * 5000 + "s",
])
def test_hostile_sentences_do_not_break(text):
    assert isinstance(find_disagreements([S(0, text), S(1, text)]), list)


# --------------------------------------------------------------------------------------------
# The package's face: figures per sentence, compared afterwards
# --------------------------------------------------------------------------------------------


def test_sentence_figures_are_one_tuple_per_sentence_in_order():
    sentences = [
        S(0, "At least 30 people were killed in Homs on Monday."),
        S(0, "The weather was mild."),
        S(1, "Homs, 160 km north of Damascus, fell on Saturday."),
        S(1, ""),
    ]
    per_sentence = sentence_figures(sentences)
    assert len(per_sentence) == 4
    assert per_sentence[1] == () and per_sentence[3] == ()
    killed, = per_sentence[0]
    assert (killed.key[:2], killed.value, killed.source) == (("count", "killed"), "at least 30", 0)
    distance, = per_sentence[2]
    assert (distance.key, distance.source) == (("distance", "damascus", "homs"), 1)
    # order: sentence index * 100000 + the token where the figure starts
    assert distance.order == 2 * 100000 + 2
    assert [f for fs in per_sentence for f in fs] == extract_figures(sentences)


def test_disagreements_compare_figures_already_extracted():
    sentences = [
        S(0, "Homs, 160 km north of Damascus, fell on Saturday."),
        S(1, "Homs, 60 miles north of Damascus, fell on Saturday."),
        S(2, "Officials said 12 soldiers were wounded."),
    ]
    per_sentence = sentence_figures(sentences)
    assert disagreements(per_sentence) == find_disagreements(sentences) == [
        Disagreement("distance from Damascus to Homs", (
            FigureClaim("160 km", (0,)), FigureClaim("60 miles", (1,))))]
    # Leaving a sentence's figures out leaves its claim out.
    assert disagreements([per_sentence[0], (), per_sentence[2]]) == []
