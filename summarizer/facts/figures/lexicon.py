"""The word tables of the figure reader, read once from ``words.json`` beside this module.

Each name below is one table of that file (sets of words, or mappings to numbers and labels);
the few tables built from others (indexes, inversions) are built here.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from pathlib import Path

from ... import wordlists as shared

INF = math.inf

_DATA = json.loads((Path(__file__).parent / "words.json").read_text(encoding="utf-8"))


def _set(name: str) -> frozenset[str]:
    return frozenset(_DATA[name])


def _inverted(name: str) -> dict[str, str]:
    """word -> group, from a table of groups of words."""
    return {word: group for group, words in _DATA[name].items() for word in words}


# Cheap test: a sentence without a digit or one of these words holds no figure we read.
PREFILTER = re.compile(r"\b(?:" + "|".join(_DATA["prefilter_words"]) + ")")

# Numbers in words, scale words ("million") and their abbreviations after an amount ("$5bn").
SMALL_NUMBERS: dict[str, int] = _DATA["small_numbers"]
TENS: dict[str, int] = _DATA["tens"]
SCALES: dict[str, float] = _DATA["scales"]
MONEY_ABBREVIATIONS: dict[str, float] = _DATA["money_abbreviations"]

# Vague amounts: (lo, hi); an excluded upper end loses a hair (more than the overlap test's
# tolerance, so "tens of thousands" and "hundreds of thousands" do not touch); no upper end
# ("thousands") is compatible with any larger count.
BELOW = 1 - 1e-6
VAGUE_AMOUNTS: dict[str, tuple[float, float]] = {
    word: (lo, INF if hi is None else hi * BELOW)
    for word, (lo, hi) in _DATA["vague_amounts"].items()}
VAGUE_SCALES: dict[str, float] = _DATA["vague_scales"]  # "tens of thousands"
VAGUE_UNITS: dict[str, float] = _DATA["vague_units"]  # "several hundred", "a few thousand"
NUMBER_STARTS = frozenset(SMALL_NUMBERS) | set(TENS) | set(VAGUE_AMOUNTS) | _set("number_starts")

# Qualifiers ("at least", "nearly") -> how they widen a figure, indexed by last word, longest
# phrases first.
QUALIFIERS: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
for _phrase, _mode in sorted(_DATA["qualifiers"].items(), key=lambda kv: -len(kv[0].split())):
    QUALIFIERS[_phrase.split()[-1]].append((tuple(_phrase.split()), _mode))
QUALIFIER_FIRST_WORDS = frozenset(p.split()[0] for p in _DATA["qualifiers"])
# Those that leave the number itself out: "more than 300" and "nearly 300" do not meet.
STRICT_QUALIFIERS = frozenset(tuple(p.split()) for p in _DATA["strict_qualifiers"])
# How far "about 3,500" reaches either side (a fraction of the value), and "nearly 500" below or
# "just over 500" above: "about 3,500" and a rounded "3,000" are different figures.
ABOUT: float = _DATA["qualifier_reach"]["about"]
NEAR: float = _DATA["qualifier_reach"]["nearly"]

# Units.
DISTANCE_UNITS: dict[str, float] = _DATA["distance_units"]  # -> km
# "5 inches of rain": an amount of rain or snow, in mm, when "of" and a precipitation word follow.
PRECIPITATION_UNITS: dict[str, float] = _DATA["precipitation_units"]  # -> mm
PRECIPITATION_WORDS = _inverted("precipitation_words")  # word -> "rain" or "snow"
# "½": [1, 2]; "{" is how 1980s-90s newswire text (AP, in the DUC collections) writes ½
# ("5{ inches").
VULGAR_FRACTIONS: dict[str, list[int]] = _DATA["vulgar_fractions"]
SPEED_UNITS = _set("speed_units")
CURRENCY_SYMBOLS: dict[str, str] = _DATA["currency_symbols"]
CURRENCY_PREFIXES: dict[str, str] = _DATA["currency_prefixes"]  # "US$", "A$"
CURRENCY_WORDS: dict[str, str] = _DATA["currency_words"]
TIME_UNITS = _set("time_units")
# Times of day: the zones that place them (hours from UTC), the events they time ("landed at
# 9:49 a.m. EDT"), the words that make a time a plan, and how far a written time reaches.
TIME_ZONES: dict[str, float] = _DATA["time_zones"]
TIMED_EVENTS = _inverted("timed_events")
PLAN_WORDS = _set("plan_words")
# The record low pressure of a storm, in millibars.
PRESSURE_UNITS: dict[str, float] = _DATA["pressure_units"]
PRESSURE_RANGE: tuple[float, float] = tuple(_DATA["pressure_range_mb"])
PRESSURE_WORDS = _set("pressure_words")
RECORD_WORDS = _set("record_words")
RECORD_BROKEN_WORDS = _set("record_broken_words")  # "breaking the 26.35 inches of 1935"
PRONOUNS = _set("pronouns")  # "It was measured at ...": read with the sentence before
# A storm's sustained winds: "maximum sustained winds of 115 mph" (in km/h); sentences about
# storms in general ("when sustained winds reach 74 mph") are not read.
SPEED_TO_KMH: dict[str, float] = _DATA["speed_to_kmh"]
SUSTAINED_WORDS = _set("sustained_words")
WIND_LINKS = _set("wind_links")
GENERIC_WORDS = _set("generic_words")
# The path of a storm: "a 25-mile path", "the path had covered eight to 10 miles".
PATH_NOUNS = _set("path_nouns")
PATH_LINKS = _set("path_links")
OTHER_EVENT_WORDS = _set("other_event_words")  # "another tornado": not the one of the story
EVENT_COMPOUNDS = _set("event_compounds")  # "tornado warning": not the tornado itself
NOT_CLOCK_LINKS = _set("not_clock_links")  # "until 4:39 p.m.": a bound, not the time
CLOCK_REACH: dict[str, float] = _DATA["clock_reach_minutes"]
OTHER_UNITS = _set("other_units")
IDENTIFIER_WORDS = _set("identifier_words")  # "Flight 17", "Resolution 2254": not amounts

# Calendar words.
MONTH_WORDS = frozenset(shared.MONTHS) | set(shared.MONTH_ABBREVIATIONS)
MONTH_NAMES = {month[:3]: month for month in shared.MONTHS}
WEEKDAYS = frozenset(shared.WEEKDAYS)

# Capitalised words that are not names (sentence starters, titles, calendar words, common
# nouns that open sentences).
NOT_NAMES = _set("not_names") | MONTH_WORDS | WEEKDAYS | set(TIME_ZONES)  # "EDT" is no place
NAME_PARTICLES = _set("name_particles")  # "bin", "al", "van"
DIRECTIONS = _set("directions")
GEO_NOUNS = _set("geo_nouns")
DEMONYM_ENDINGS = tuple(_DATA["demonym_endings"])

# Function words: never a head noun, never a group noun.
STOP_WORDS = _set("stop_words")

# People counted in casualty figures.
PERSON_NOUNS = _set("person_nouns")
IRREGULAR_PLURALS: dict[str, str] = _DATA["irregular_plurals"]
UNCOUNTED_PLURALS = _set("uncounted_plurals")
GENERIC_PEOPLE = _set("generic_people")

# Words that tie a count to what happened to the people counted, and the kinds they name.
CASUALTY_CUES = _inverted("casualty_cues")
# A count followed directly by one of these nouns is of that kind whatever the verb.
CASUALTY_NOUNS: dict[str, str] = _DATA["casualty_nouns"]
KIND_LABELS: dict[str, str] = _DATA["kind_labels"]
ARMED_GROUPS = _set("armed_groups")  # they march, but do not protest
ORDER_WORDS = _set("order_words")  # "ordered to flee": an order, not a count
# Things counted by what happened to them: "500 houses destroyed", "3,000 homes without power".
THING_NOUNS = _inverted("thing_nouns")  # word -> the thing ("houses" -> "home")
THING_OUTCOMES = _inverted("thing_outcomes")  # word -> what happened ("razed" -> "destroyed")
# What the words say that only homes have happen to them: "42 homes were lost", "left 42 homes in
# ruins" (and not "3,000 homes lost power": another outcome word right after is that one).
HOME_OUTCOMES = _inverted("home_outcomes")
# What happened to things that are some named thing's ("Paddy Clarke Ha Ha Ha sold 360,000
# copies"): counted only with the thing they belong to.
OWNED_OUTCOMES = _set("owned_outcomes")
RESTORE_WORDS = _set("restore_words")  # "power restored to 3,000 homes"
ORDER_CUES = _set("order_cues")  # "ordered to leave": a casualty word only after an order
# "the number of illegal aliens ... was estimated at 229,000": the words between the tally and
# its amount.
TALLY_LINKS = _set("tally_links")
# "taken to hospital", "in hospital": people injured.
HOSPITAL_WORDS = _set("hospital_words")
HOSPITAL_LINKS = _set("hospital_links")
# "forced 2,500 people from their homes", "drove them out of their villages": people displaced.
HOME_LINKS = frozenset(_DATA["home_frame"]["links"])
HOME_OWNERS = frozenset(_DATA["home_frame"]["owners"])
HOMES = frozenset(_DATA["home_frame"]["homes"])

AUXILIARIES = _set("auxiliaries")
SUBSET_WORDS = _set("subset_words")
PART_WORDS = _set("part_words")  # "most of the 16,000": a part, not the count
INCREMENT_WORDS = _set("increment_words")
DROP_BEFORE = _set("drop_before")  # "initially", "another": not a claim of its own
HYPOTHETICAL = _set("hypothetical")
MODALS = _set("modals")
# Words that make the name next to them the source of a statement, not the owner of a figure.
REPORT_VERBS = shared.REPORTING_VERBS | _set("more_reporting_words")
SPAN_WORDS = _set("span_words")  # a running total, not one day's

# Kinds of events: a toll of the storm and a toll of the riots are different tolls.
EVENT_CLASSES = _inverted("event_classes")
# Kinds of events that come in series (attacks, protests): two small tolls of one such kind may
# be of two incidents; a storm, a fire, a crash is mostly one event in a story.
SERIAL_EVENTS = _set("serial_events")
VENUES = _set("venues")
VENUE_PREPOSITIONS = _set("venue_prepositions")

# Ranks: "Syria's second-largest city".
SIZE_SUPERLATIVES = _set("size_superlatives")
OTHER_SUPERLATIVES = _set("other_superlatives")
MOST_ADJECTIVES = _set("most_adjectives")
ORDINALS: dict[str, int] = _DATA["ordinals"]
COPULAS = _set("copulas")
RANK_SCOPES = _set("rank_scopes")  # "the country's largest city"

# Quake magnitudes: the words that name a quake, and those of forecasts, aftershocks and risks.
QUAKE_WORDS = _set("quake_words")
FORECAST_WORDS = _set("forecast_words")

CLAUSE_BREAKS = _set("clause_breaks")
POPULATION_PLACES = _set("population_places")  # "a city of 800,000 people"
POPULATION_NOUNS = _set("population_nouns")  # ... "people", "inhabitants"
PLACE_PREPOSITIONS = _set("place_prepositions")  # "killed in Homs", "near Hama"
PLACE_STEM: int = _DATA["place_stem"]  # letters that name a one-word place: "Hond" uras / an
SUBJECT_LINKS = _set("subject_links")  # "Hama, a city of", "Homs lies 40 km"
MONEY_VERBS: dict[str, str] = _DATA["money_verbs"]  # verb -> what the amount is
MONEY_LINKS = _set("money_links")
PERCENT_LINKS = _set("percent_links")

# Dates of events and durations (when.py): the words that make a date no event's date ("since
# April 9", "said Monday"), a range, the words that set a topic's edges, the future, words that
# say nothing of which event it was, units of time in seconds and the frames of a duration.
_WHEN = _DATA["when"]
NOT_DATE_LINKS = frozenset(_WHEN["not_date_links"])
RANGE_WORDS = frozenset(_WHEN["range_words"])
DATE_LEADS = frozenset(_WHEN["date_leads"])
FUTURE_WORDS = frozenset(_WHEN["future_words"])
EVENT_STOP_WORDS = frozenset(_WHEN["event_stop_words"])
DURATION_SECONDS: dict[str, float] = _WHEN["duration_seconds"]
DURATION_FRAMES = frozenset(_WHEN["duration_frames"])
DURATION_SKIPS = frozenset(_WHEN["duration_skips"])
LASTING_VERBS = frozenset(_WHEN["lasting_verbs"])  # "the strike lasted four days": the strike's length
DURATION_AFTER = frozenset(_WHEN["duration_after"])
NOT_DURATION_AFTER = frozenset(_WHEN["not_duration_after"])  # "three years ago", "two weeks old"
DATE_PREFIXES = frozenset(_WHEN["date_prefixes"])  # "on", "early", "last" ... before a date
DETERMINERS = frozenset(_WHEN["determiners"])  # "a three-day strike", "its eight-year war"
SPEECH_WORDS = frozenset(_WHEN["speech_words"])  # "said in a statement Monday": when it was said
SEQUENCE_WORDS = frozenset(_WHEN["sequence_words"])  # "..., and later banned ...": another event
NOT_VERBS = frozenset(_WHEN["not_verbs"])  # "herring", "morning": no verb for all their ending
EVENT_VERBS = frozenset(_WHEN["event_verbs"])  # irregular past forms: "won", "struck" ...
# "the crash Tuesday": the event a date dates (and every word of a kind of event)
EVENT_NOUNS = frozenset(_WHEN["event_nouns"]) | frozenset(EVENT_CLASSES)
DURATION_NOT_EVENTS = frozenset(_WHEN["duration_not_events"])  # "a five-year plan": no event's length

# An amount spilled ("11.3 million gallons of crude oil spilled"): units to a canonical one of
# their measure, the words of a spill and of what spilled, the words of another quantity (a cargo,
# oil recovered, a rate, an earlier spill) and the nouns before a vessel's name.
SPILL_UNITS: dict[str, tuple[str, float]] = {w: (kind, f) for w, (kind, f) in _DATA["spill_units"].items()}
SPILL_WORDS = _set("spill_words")
SPILL_SUBSTANCES = _set("spill_substances")
SPILL_VETOES = _set("spill_vetoes")
VESSEL_NOUNS = _set("vessel_nouns")
SEAT_NOUNS = _set("seat_nouns")  # "the Geological Survey in Golden": where a source sits
ROLE_NOUNS = _set("role_nouns")  # "the gunman, 34,": one person a story names by role
NEVER_FALLING = _set("never_falling_counts")  # a toll below an earlier exact count: a disagreement
LIFE_VERBS = _set("life_verbs")  # "claimed 11 lives", "11 people lost their lives": killed
STOREY_WORDS = _set("storey_words")  # "a 29-storey tower", "a building of 12 floors"
BUILDING_NOUNS = _set("building_nouns")
BUILDING_KINDS = _set("building_kinds")  # "office", "hotel": which unnamed building
EPICENTER_WORDS = _set("epicenter_words")  # "the quake was centered 60 miles southeast of Tolsk"
LOAD_WORDS = _set("load_words")  # "a bus carrying 40 pilgrims": a load, not a toll
# "17 pupils" and "14 children" killed in a school fire count one group
GROUP_SYNONYMS: dict[str, str] = {w: group for group, words in _DATA["group_synonyms"].items() for w in words}
# Events that are what another event did ("burned down or collapsed in the fire"): the other one
# named near a figure is its event
CONSEQUENCE_EVENTS = _set("consequence_events")
STATE_WORDS = _set("state_words")  # "45 remained hospitalized": a state, not a count of injured
