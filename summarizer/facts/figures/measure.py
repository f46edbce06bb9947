"""Measurements read from their unit and the event or thing they belong to: the time of day of
an event ("landed at 9:49 a.m. EDT"), the length or width of a storm's path, a storm's record
low pressure and its sustained winds.  An event's time (not a schedule), a path and a record are
fixed facts: reports on different days that differ disagree.  Winds change by the hour: only
reports of one day are compared."""

from __future__ import annotations

from dataclasses import replace

from .context import (dropped, event_near, hedged, months_in, nearest_year, place_near, subject_before,
                      time_of)
from .figure import Figure, Scope, figure_of
from .lexicon import (BUILDING_KINDS, BUILDING_NOUNS, CLOCK_REACH, DIRECTIONS, DURATION_FRAMES, DURATION_SECONDS, EPICENTER_WORDS, EVENT_CLASSES, QUAKE_WORDS,
                      STOREY_WORDS, EVENT_COMPOUNDS, FORECAST_WORDS, GENERIC_WORDS,
                      NOT_CLOCK_LINKS, OTHER_EVENT_WORDS, PATH_LINKS, PATH_NOUNS, PLAN_WORDS,
                      PRESSURE_RANGE, PRESSURE_UNITS, PRESSURE_WORDS, RECORD_BROKEN_WORDS,
                      RECORD_WORDS, SPEED_TO_KMH, SPILL_SUBSTANCES, SPILL_UNITS, SPILL_VETOES,
                      SPILL_WORDS, SUSTAINED_WORDS, TIME_ZONES, TIMED_EVENTS, VESSEL_NOUNS,
                      WIND_LINKS)
from .quantity import Quantity, interval
from .tokens import WINDOW, Tokens, base, display, is_cap, is_poss, name_back, name_fwd, norm

_DAY = 24 * 60.0
_EVENT_REACH = 8  # tokens before a time of day that may name the event it times


def clock_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """ "Discovery will land at 6:49 a.m. PDT", "the explosion occurred at 8:26 a.m.": the time
    of an event, in minutes after midnight UTC where a zone is written (so that 9:49 a.m. EDT and
    6:49 a.m. PDT agree), else local time, compared only with local times of the same place."""
    low, toks = s.low, s.toks
    # The ":" of "6:49" ends a clause for the tokenizer: the time's clause runs on past it.
    lo, hi = scope.lo, min(s.chi[m.end - 1], m.end + WINDOW)
    if m.vague or not toks[m.num].isdecimal() or m.mode not in ("", "about"):
        return None
    hour, minute, written = int(toks[m.num]), 0, "hour"
    k = m.num + 1
    if k + 1 < m.end and low[k] == ":":
        minute = int(low[k + 1])
        written = "five" if minute % 5 == 0 else "exact"
    half = next((low[q] for q in range(k, m.end) if low[q] in ("a", "p", "am", "pm")), "")
    zone = next((low[q] for q in range(k, m.end) if low[q] in TIME_ZONES), "")
    if hour > 24 or minute > 59 or (half and not 1 <= hour <= 12) or (not half and hour <= 12):
        return None  # not a time, or "8:26" without its half of the day
    if half:
        hour = hour % 12 + (12 if half[0] == "p" else 0)
    value = hour * 60.0 + minute - 60.0 * TIME_ZONES.get(zone, 0)
    value %= _DAY
    reach = CLOCK_REACH[written] + (CLOCK_REACH["about"] if m.mode == "about" else 0.0)
    if not CLOCK_REACH["midnight"] + reach <= value <= _DAY - CLOCK_REACH["midnight"] - reach:
        return None  # near midnight the day may have turned: not compared
    if m.start >= 1 and low[m.start - 1] in NOT_CLOCK_LINKS:
        return None  # "until 4:39 p.m.", "shortly after 4:30 p.m."
    event, planned = "", False
    for q in range(m.start - 1, max(lo, m.start - _EVENT_REACH) - 1, -1):
        if not event and low[q] in TIMED_EVENTS:
            if (q + 1 < len(low) and low[q + 1] in EVENT_COMPOUNDS) or any(
                    low[r] in OTHER_EVENT_WORDS for r in range(max(lo, q - 2), q)):
                return None  # "a tornado warning", "another tornado": not the story's event
            event = TIMED_EVENTS[low[q]]
        planned = planned or low[q] in PLAN_WORDS or (  # "Discovery is to land at ..."
            low[q] == "to" and q >= 1 and low[q - 1] in ("is", "are", "was", "were"))
    if not event:
        return None
    place = place_near(s, m, lo, hi)
    if not zone and place is None:
        return None  # a local time of nowhere: sources in two time zones would seem to differ
    topic = f"scheduled time of the {event}" if planned else f"time of the {event}"
    # A local time is compared only with local times of the same place.
    frame = "UTC" if zone else place[1]
    return figure_of(s, m, ("clock", event, planned, frame), topic,
                     (value - reach, value + reach), with_unit=True, fixed=not planned,
                     **_where_and_when(s, m, lo, hi))


def path_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """ "a 25-mile path", "the 10-mile-long path of destruction", "the tornado's path had covered
    between eight and 10 miles": the length (or width) of the path of the story's storm, quake,
    fire ..."""
    lo, hi = scope.lo, scope.hi
    low = s.low
    if dropped(s, m, lo) or hedged(s, m, lo):
        return None
    k = m.end
    if k + 1 < hi and low[k] == "-" and low[k + 1] in ("long", "wide"):
        k += 1
    dimension = "width" if k < hi and low[k] == "wide" else "length"
    if k < hi and low[k] in ("long", "wide"):
        k += 1
    if not (k < hi and low[k] in PATH_NOUNS):
        q = m.start - 1
        while q >= lo and q > m.start - 5 and low[q] in PATH_LINKS:
            q -= 1
        if q == m.start - 1 or q < lo or low[q] not in PATH_NOUNS:
            return None
    event = event_near(s, m)
    if not event:
        return None  # the path of what? too vague to compare
    return figure_of(s, m, ("path", dimension, event), f"{dimension} of the {event}'s path",
                     interval(m, measurement=True, factor=m.factor), with_unit=True, fixed=True,
                     **_where_and_when(s, m, lo, hi))


def pressure_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """ "the most intense storm on record in terms of barometric pressure, measured at 26.13
    inches", "a record low of 888 millibars": a storm's lowest pressure, in millibars.  Only a
    record: ordinary readings change by the hour.  A sentence opening with "It" is read with the
    one before ("... on record in terms of barometric pressure. It was measured at 26.31
    inches")."""
    lo, hi = scope.lo, scope.hi
    low = s.low
    k = m.core_end + (1 if m.core_end < hi and low[m.core_end] == "-" else 0)
    if k >= hi or low[k] not in PRESSURE_UNITS or m.vague or m.mode in ("min", "max"):
        return None
    near = set(low[lo:hi]) | s.lead
    if not (PRESSURE_WORDS & near and RECORD_WORDS & near):
        return None
    if dropped(s, m, lo) or hedged(s, m, lo) or any(
            low[q] in RECORD_BROKEN_WORDS for q in range(max(lo, m.start - 3), m.start)):
        return None  # "breaking the 26.35 inches of 1935": the old record
    bounds = interval(m, measurement=True, factor=PRESSURE_UNITS[low[k]])
    if not PRESSURE_RANGE[0] <= bounds[0] <= bounds[1] <= PRESSURE_RANGE[1]:
        return None  # not a storm's pressure
    year = nearest_year(scope.years, m, lo, hi, scope.amounts)
    topic = f"record low pressure ({year})" if year else "record low pressure"
    return figure_of(s, replace(m, end=k + 1), ("pressure", year), topic, bounds, with_unit=True,
                     fixed=True, **_where_and_when(s, m, lo, hi))


def wind_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """ "maximum sustained winds of 115 mph", "110 mph sustained winds": a storm's sustained
    winds, in km/h; not gusts, forecasts or storms in general ("when sustained winds reach 74
    mph").  They change by the hour, so only reports of one day are compared."""
    lo, hi = scope.lo, scope.hi
    low = s.low
    k = m.core_end + (1 if m.core_end + 1 < hi and low[m.core_end] == "-" else 0)
    unit = low[k] if k < hi else ""
    if unit not in SPEED_TO_KMH or m.vague or m.mode in ("min", "max"):
        return None
    after = low[k + 1:min(hi, k + 3)]
    q = m.start - 1
    while q >= lo and q > m.start - 5 and low[q] in WIND_LINKS:
        q -= 1
    sustained = (q >= lo and low[q] in SUSTAINED_WORDS and "winds" in low[q:m.start]) or (
        after[:2] == ["sustained", "winds"])
    clause = set(low[lo:hi])
    if (not sustained or GENERIC_WORDS & clause or FORECAST_WORDS & clause
            or dropped(s, m, lo) or hedged(s, m, lo)):
        return None
    year = nearest_year(scope.years, m, lo, hi, scope.amounts)
    topic = f"the storm's sustained winds ({year})" if year else "the storm's sustained winds"
    # Weather services give winds in steps of 5 mph: "110 mph" is not a rounded 105-115.
    exact = replace(m, round=False, ulp=min(m.ulp, 1.0), end=k + 1)
    return figure_of(s, exact, ("wind", year), topic,
                     interval(exact, measurement=True, factor=SPEED_TO_KMH[unit]), with_unit=True,
                     hourly=True, **_where_and_when(s, m, lo, hi))


_SPILL_REACH = 6  # tokens either side of an amount spilled that may say it is another quantity


def spill_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """ "11.3 million gallons of crude oil spilled", "the spill of some 270,000 barrels": how
    much a tanker, a well or a pipeline spilled, in gallons (or tons), tied to the vessel named
    in the sentence.  Not a cargo, oil recovered or burned, a rate ("84,000 gallons an hour") or
    an earlier spill it is compared with.  "240,000 barrels, or 10.1 million gallons" is one
    figure: the second, which restates the first."""
    lo, hi = scope.lo, scope.hi
    low = s.low
    k = m.core_end + (1 if m.core_end + 1 < hi and low[m.core_end] == "-" else 0)
    if k >= len(low) or low[k] not in SPILL_UNITS or m.vague:
        return None
    measure, factor = SPILL_UNITS[low[k]]
    # "Some 240,000 barrels _ about 10,080,000 gallons _ of crude oil ... spilled": read past
    # the clause breaks of a restatement, within the sentence
    n = len(low)
    region = set(low[max(0, m.start - WINDOW):min(n, k + 1 + WINDOW)])
    near = low[max(0, m.start - _SPILL_REACH):min(n, k + 1 + _SPILL_REACH)]
    if (not SPILL_WORDS & region or SPILL_VETOES.intersection(near)
            or not (SPILL_SUBSTANCES | VESSEL_NOUNS) & set(low)
            or dropped(s, m, lo) or hedged(s, m, lo)):
        return None
    after = low[k + 1:min(n, k + 8)]
    if any(w in SPILL_UNITS for w in after) and any(w[:1].isdecimal() for w in after):
        return None  # restated in another unit just after: that one is the figure
    vessel, label = _vessel(s)
    year = nearest_year(scope.years, m, lo, hi, scope.amounts)
    what = "oil" if SPILL_SUBSTANCES & set(low) else "amount"
    topic = f"{what} spilled" + (f" ({year})" if year else "")
    return figure_of(s, replace(m, end=k + 1), ("spill", measure, year), topic,
                     interval(m, measurement=True, factor=factor), with_unit=True, banded=True,
                     loose=(vessel,), loose_label=(label,))


def _vessel(s: Tokens) -> tuple[str, str]:
    """The vessel a sentence names ("the tanker Exxon Valdez", "the Argo Merchant tanker"):
    (key, label), or ("", "")."""
    low = s.low
    for q, word in enumerate(low):
        if word in VESSEL_NOUNS:
            span = name_fwd(s, q + 1, len(low)) if q + 1 < len(low) else None
            b = q - 1 if q >= 1 and low[q - 1] not in SPILL_SUBSTANCES else q - 2  # "Exxon oil tanker"
            if span is None and b >= 0 and is_cap(s, b):
                span = name_back(s, b, 0)
            if span is not None:
                name = display(s, *span)
                # "the tanker Exxon Valdez" and "an Exxon tanker" are one ship: its first word
                return norm(name).split()[0], f"by the {name}"
    return "", ""


def storey_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """ "the 29-storey Jijobhoy Towers", "a 28-story building", "a hotel of 12 floors": how tall
    a building of the story's event is (a fixed fact).  Only a building named by its name, or
    the one unnamed building the input describes: buildings one storey apart at most are
    compared (a quake's 10-storey hotel and 12-storey block are two buildings)."""
    low, n = s.low, len(s.low)
    k = m.core_end + (1 if m.core_end + 1 < n and low[m.core_end] == "-" else 0)
    if (k >= n or low[k] not in STOREY_WORDS or m.vague or m.mode
            or not 2 <= m.lo <= 200 or m.lo != m.hi):
        return None
    if not any(base(w) in EVENT_CLASSES for w in low) or dropped(s, m, scope.lo) or hedged(s, m, scope.lo):
        return None  # a building of no event of the story
    q = k + 1
    while q < n and q < k + 5 and not (is_cap(s, q) or low[q] in BUILDING_NOUNS):
        q += 1  # "the 29-storey Jijobhoy Towers", "a 28-story stock exchange building"
    if q >= n or q >= k + 5:
        return None
    span = name_fwd(s, q, n) if is_cap(s, q) else None
    if span is not None and is_poss(s, span[1] - 1):
        return None
    name = display(s, *span) if span else ""
    if not name and low[q] not in BUILDING_NOUNS:
        return None
    topic = f"storeys of {name}" if name else "storeys of the building"
    # an unnamed building of a kind ("office", "hotel") is another than one of another kind
    which = norm(name) if name else (low[q] if low[q] in BUILDING_KINDS else "")
    return figure_of(s, m, ("storeys",), topic, (m.lo, m.hi), with_unit=False, fixed=True,
                     band_gap=1.0, loose=(which,), loose_label=("",))


def epicenter_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """ "The quake was centered 60 miles southeast of Tolsk", "its epicenter, 40 km from
    Tolsk": how far from a place a quake struck (a fixed fact); not how far it was felt, nor an
    aftershock's."""
    lo, hi = scope.lo, scope.hi
    low = s.low
    if not EPICENTER_WORDS.intersection(low[lo:m.start]) or not QUAKE_WORDS.intersection(low):
        return None
    if FORECAST_WORDS.intersection(low[lo:hi]) or dropped(s, m, lo) or hedged(s, m, lo):
        return None
    k = m.end
    while k < hi and (low[k] in DIRECTIONS or low[k] in ("to", "the", "away")):
        k += 1
    if k >= hi or low[k] not in ("of", "from"):
        return None
    k += 1 + (k + 1 < hi and low[k + 1] == "the")
    span = name_fwd(s, k, hi)
    if span is None or is_poss(s, span[1] - 1):
        return None
    ref = display(s, *span)
    return figure_of(s, m, ("distance", "epicenter", norm(ref)), f"distance of the epicenter from {ref}",
                     interval(m, measurement=True, factor=m.factor), with_unit=True, fixed=True)


def quake_duration_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """How long a quake shook: "the quake lasted 45 seconds", "a 30-second quake"; not an
    aftershock's, nor a forecast.  No event test (when.py's, for other durations): a quake is its
    own event, told from another by its place and month."""
    low, n = s.low, len(s.low)
    k = m.core_end
    adjectival = k + 2 < n and low[k] == "-" and low[k + 2] in QUAKE_WORDS
    unit = low[k + 1] if adjectival else (low[k] if k < n else "")
    if (unit not in DURATION_SECONDS or m.vague or m.mode in ("min", "max") or FORECAST_WORDS.intersection(low)
            or not (adjectival or (m.start >= 1 and low[m.start - 1] in DURATION_FRAMES
                                   and QUAKE_WORDS.intersection(low[max(0, m.start - 6):m.start])))):
        return None
    lo, hi = interval(m, measurement=False)
    end = k + (3 if adjectival else 1)
    return figure_of(s, replace(m, end=end - (1 if adjectival else 0)), ("duration", "quake"),
                     "how long the quake lasted", (lo * DURATION_SECONDS[unit], hi * DURATION_SECONDS[unit]),
                     with_unit=True, fixed=True, banded=True, **_where(s, m, scope.lo, scope.hi))


def _where(s: Tokens, m: Quantity, lo: int, hi: int) -> dict:
    """Where and in which month (the loose attributes of a quake's figure)."""
    place = place_near(s, m, lo, hi)
    months = months_in(s, lo, hi)
    return {"loose": (place[1] if place else "", months),
            "loose_label": (place[0] if place else "", f"in {months.title()}" if months else "")}


def _where_and_when(s: Tokens, m: Quantity, lo: int, hi: int) -> dict:
    """The loose attributes of a measurement: where, on which day, in which month."""
    place = place_near(s, m, lo, hi)
    when, when_label = time_of(s, m, lo, hi)
    months = months_in(s, lo, hi)
    return {"loose": (place[1] if place else "", when, months),
            "loose_label": (place[0] if place else "", when_label,
                            f"in {months.title()}" if months else "")}


def distance_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """ "Homs, 40 km south of Hama": the distance between Homs and Hama."""
    lo, hi = scope.lo, scope.hi
    low = s.low
    k = m.end
    if k < hi and low[k] == "away":
        k += 1
    while k < hi and (low[k] in DIRECTIONS or low[k] in ("to", "the")):
        k += 1
    if k >= hi or low[k] not in ("of", "from", "outside"):
        return None
    k += 1
    if k < hi and low[k] == "the":
        k += 1
    span = name_fwd(s, k, hi)
    if span is None or is_poss(s, span[1] - 1):
        return None
    ref = display(s, *span)
    subject = subject_before(s, m.start, lo)
    if subject is None or subject[1] == norm(ref):
        return None
    (a_norm, a), (b_norm, b) = sorted([(subject[1], subject[0]), (norm(ref), ref)])
    return figure_of(s, m, ("distance", a_norm, b_norm), f"distance from {a} to {b}",
                     interval(m, measurement=True, factor=m.factor), with_unit=True)
