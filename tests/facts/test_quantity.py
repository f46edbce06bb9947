"""Tests of the number grammar of the figure reader: what amount a phrase writes, and its unit."""

from __future__ import annotations

import math

import pytest

from summarizer.facts.figures.quantity import Quantity, interval, quantities, value_text
from summarizer.facts.figures.tokens import tokenize


def only(text: str) -> tuple[Quantity, str]:
    """The one amount of a text, and how the figure reads it (qualifier and unit included)."""
    s = tokenize(text, 0, 0)
    found = quantities(s)
    assert len(found) == 1, found
    return found[0], value_text(s, found[0], with_unit=True)


def test_qualifier_opens_the_interval():
    q, written = only("At least 727 people died.")
    assert (q.lo, q.hi, q.mode, q.unit, q.digits) == (727.0, 727.0, "min", "", True)
    assert written == "at least 727"
    assert interval(q, measurement=False) == (727.0, math.inf)


def test_vague_amount_in_words():
    q, written = only("Tens of thousands fled the city.")
    assert q.vague and not q.digits
    assert q.lo == 10_000 and 99_999 < q.hi < 100_000
    assert written == "tens of thousands"


def test_number_words_add_up():
    q, _ = only("They counted two hundred and fifty bodies.")
    assert (q.lo, q.hi, q.round) == (250.0, 250.0, True)


def test_currency_and_abbreviated_scale():
    q, written = only("The firm paid $1.2bn in fines.")
    assert (q.unit, q.currency, q.round) == ("money", "USD", True)
    assert q.lo == pytest.approx(1.2e9)
    assert written == "$1.2bn"


def test_currency_word_after_the_amount():
    q, _ = only("The fine was 50 Canadian dollars.")
    assert (q.unit, q.currency) == ("money", "CANADIAN DOLLARS")


@pytest.mark.parametrize("text, lo, hi", [
    ("Between 30 and 40 people were hurt.", 30.0, 40.0),
    ("30 to 40 people were hurt.", 30.0, 40.0),
    ("3 to 4 million people were hurt.", 3e6, 4e6),  # the scale belongs to both
])
def test_ranges_are_one_vague_amount(text, lo, hi):
    q, _ = only(text)
    assert (q.lo, q.hi, q.vague) == (lo, hi, True)


def test_a_change_counts_its_later_figure():
    q, written = only("The toll rose from 300 to 500.")
    assert (q.lo, q.hi) == (500.0, 500.0)
    assert written == "500"


def test_a_score_is_not_a_range():
    q, _ = only("The Senate voted 50 to 41 for the bill.")
    assert q.unit == "other"


@pytest.mark.parametrize("text, unit, factor", [
    ("Homs lies 40 km south of Hama.", "distance", 1.0),
    ("Hama is about 70 miles away.", "distance", 1.609344),
    ("The ship was 12 nautical miles offshore.", "distance", 1.852),
    ("Winds reached 120 mph overnight.", "speed", 1.0),
    ("Prices rose 5 per cent last year.", "percent", 1.0),
    ("A 45-year-old man was arrested.", "age", 1.0),
    ("The talks lasted 14 hours.", "time", 1.0),
])
def test_units(text, unit, factor):
    q, _ = only(text)
    assert (q.unit, q.factor) == (unit, factor)


@pytest.mark.parametrize("text, unit", [
    ("The war began in 2011.", "year"),
    ("It happened on March 5 near the border.", "date"),
    ("Flight 17 was shot down.", "ident"),
    ("The MH17 wreckage was found.", "ident"),
    ("Security Council Resolution 2254 was adopted.", "ident"),
    ("Forty people were killed.", ""),
])
def test_numbers_that_are_not_amounts(text, unit):
    q, _ = only(text)
    assert q.unit == unit


def test_one_alone_is_a_pronoun():
    assert quantities(tokenize("No one was hurt, one of them said.", 0, 0)) == []


def test_rounded_figures_allow_for_rounding():
    exact, _ = only("The storm killed 727 people.")
    rounded, _ = only("The storm killed 700 people.")
    assert interval(exact, measurement=False) == (727.0, 727.0)
    # Half a unit in the last written place (50), but at most 5 % of the figure (35); up to the
    # upper end, not onto it, so that two neighbouring round values do not meet.
    lo, hi = interval(rounded, measurement=False)
    assert lo == 665.0 and 734.99 < hi < 735.0
    neighbour, _ = only("The storm killed 360,000 people.")
    assert interval(only("The storm killed 350,000 people.")[0], measurement=False)[1] < (
        interval(neighbour, measurement=False)[0])


@pytest.mark.parametrize("text", [
    "The company released 10⁶ litres of waste water into the lake, officials said.",
    "In ²⁰²⁴ the lake was closed by the mayor of the town on Monday.",
    "Number ① was closed by the mayor of the town on Monday, officials said.",
])
def test_a_superscript_or_circled_digit_is_no_amount_and_no_crash(text):
    # superscript and circled digits are digits to str.isdigit but not to int() or float():
    # an article holding one ended the run with a traceback
    import summarizer
    from summarizer.facts.figures import sentence_figures
    from summarizer.models import Sentence

    sentence_figures([Sentence(text, 0, 0, 0, len(text))])
    briefing = summarizer.summarize([summarizer.Source("a.txt", "a.txt", text + " Boats were kept ashore.")])
    assert briefing.sentences
