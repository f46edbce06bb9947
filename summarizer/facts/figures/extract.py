"""Figures of a sentence: each amount read as the kind of figure its unit allows (a registry of
one extractor a kind), plus ranks ("Syria's second-largest city"), which are read from
superlatives rather than amounts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Callable, Sequence

from ...models import Sentence
from .context import (dropped, entity_before, head_after, hedged, months_in, nearest_year,
                      noun_before, place_near, subject_before, time_of, who_back, who_fwd)
from .count import count_figure, tally_figure, thing_figure
from .figure import Figure, Scope, figure_of
from .lexicon import (COPULAS, FORECAST_WORDS, MONEY_LINKS, MONEY_VERBS,
                      MOST_ADJECTIVES, ORDINALS, OTHER_SUPERLATIVES, PERCENT_LINKS,
                      POPULATION_NOUNS, POPULATION_PLACES, PRECIPITATION_WORDS, PRONOUNS,
                      QUAKE_WORDS, RANK_SCOPES, ROLE_NOUNS, SIZE_SUPERLATIVES, STOP_WORDS,
                      UNCOUNTED_PLURALS)
from .when import date_figures, duration_figures
from .measure import (clock_figure, distance_figure, epicenter_figure, path_figure, pressure_figure,
                      quake_duration_figure, spill_figure, storey_figure, wind_figure)
from .quantity import Quantity, interval, quantities
from .tokens import (WINDOW, Tokens, adjacent, display, is_cap, is_poss, may_hold_figures,
                     name_back, name_fwd, norm, plural, position, possessive, singular, tokenize)


def population_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """ "Hama, a city of 800,000 people", "home to 1.5 million people", "Homs's population of
    800,000": the population of a place."""
    lo, hi = scope.lo, scope.hi
    low, n = s.low, len(s.low)
    p = m.start - 1
    j = m.core_end
    if j < n and low[j] == "of" and m.vague:
        j += 1
    after = low[j] if j < n else ""
    people_after = after in POPULATION_NOUNS
    # "Angeles, a city of 300,000," : the amount alone ends the phrase
    alone = m.end == j and (j >= n or low[j] in (",", ".", ";", ")", "and"))
    entity = None
    if (p - 1 >= lo and low[p] == "of" and low[p - 1] in POPULATION_PLACES
            and (people_after or alone)):
        entity = subject_before(s, p - 1, lo)
    elif people_after and j + 2 < hi and low[j + 1] == "of" and low[p] in ("the", "its", "all"):
        span = name_fwd(s, j + 2, hi)  # "the 350,000 residents of Angeles City"
        if span and not is_poss(s, span[1] - 1):
            name = display(s, *span)
            entity = (name, norm(name))
    elif people_after and ((p - 1 >= lo and low[p] == "to" and low[p - 1] == "home") or (low[p] == "with" and after in ("inhabitants", "residents"))):
        entity = subject_before(s, p - 1 if low[p] == "to" else p, lo)
    else:
        q = p
        while q >= lo and q > p - 4 and low[q] in ("of", "is", "was", "stands", "at", "has", "a"):
            q -= 1
        if q >= lo and q < p and low[q] == "population":
            if q - 1 >= lo and is_poss(s, q - 1) and is_cap(s, q - 1):
                span = name_back(s, q - 1, lo)
                if span:
                    name = display(s, *span)
                    entity = (name, norm(name))
            elif q - 1 >= lo and low[q - 1] in ("a", "the"):
                entity = subject_before(s, q - 1, lo)
                if entity is None and low[q - 1] == "the" and q + 2 < hi and low[q + 1] == "of":
                    span = name_fwd(s, q + 2, hi)
                    if span:
                        name = display(s, *span)
                        entity = (name, norm(name))
    if entity is None:
        return None
    # "Angeles City" and "Angeles" are one place
    place = entity[1].rsplit(" ", 1)[0] if entity[1].endswith(" city") else entity[1]
    return figure_of(s, m, ("population", place), f"population of {entity[0]}",
                     interval(m, measurement=False), with_unit=False, banded=True)


def age_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """ "John Smith, 45,", "Smith (45)", "aged 45", "45-year-old John Smith"."""
    lo, hi = scope.lo, scope.hi
    low, toks, n = s.low, s.toks, len(s.low)
    if m.mode or m.vague or not m.digits or m.lo != m.hi or not 0 < m.lo <= 120 or m.lo != int(m.lo):
        return None
    span = None
    prev = low[m.start - 1] if m.start >= 1 else ""
    if m.unit == "age":
        span = who_fwd(s, m.end, hi) if m.end < n else None
        if span is None:
            k = m.start - 1
            while k >= lo and low[k] in ("a", "the", "an"):
                k -= 1
            if k >= lo and low[k] == ",":
                span = who_back(s, k - 1, lo)
    else:
        nxt = toks[m.end] if m.end < n else "."
        if prev in ("aged", "age") and m.start >= 2:
            k = m.start - 2
            if low[k] == ",":
                k -= 1
            span = who_back(s, k, lo)
        elif prev == "," and nxt in (",", ".", ";") and m.start >= 2:
            span = who_back(s, m.start - 2, lo)
        elif prev == "(" and nxt == ")" and m.start >= 2:
            span = who_back(s, m.start - 2, 0)
    if span is None or is_poss(s, span[1] - 1):
        return None
    name = display(s, *span)
    parts = norm(name).split()
    loose = (parts[0] if len(parts) > 1 else "", "", "")
    if span[1] - span[0] == 1 and s.low[span[0]] in ROLE_NOUNS:  # "the gunman": of this event only
        place, (when, _) = place_near(s, m, lo, hi), time_of(s, m, lo, hi)
        loose = ("", place[1] if place else "", when)
    return figure_of(s, m, ("age", parts[-1]), f"age of {name}", (m.lo, m.hi), with_unit=False,
                     loose=loose, loose_label=("", "", ""), band_gap=3.0)


def percent_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """ "Smith won 52% of the vote": Smith's share of the vote."""
    lo, hi = scope.lo, scope.hi
    low = s.low
    if dropped(s, m, lo) or hedged(s, m, lo):
        return None
    head, share = "", False
    k = m.end
    if k < hi and low[k] == "of":
        q = k + 1
        while q < hi and low[q] in ("the", "all", "its", "their", "his", "her", "our", "a"):
            q += 1
        head = head_after(s, q, hi, 1)
        share = bool(head)
    elif k < hi:
        head = head_after(s, k, hi, 3)
    if not head:
        q, steps = m.start - 1, 0
        while q >= lo and steps < 4 and low[q] in PERCENT_LINKS:
            q -= 1
            steps += 1
        if q < m.start - 1:
            head = noun_before(s, q, lo)
    if not head:
        return None
    entity = entity_before(s, m.start, lo)
    if entity is None:
        return None  # a share of what, of whom? too vague to compare
    year = nearest_year(scope.years, m, lo, hi)
    months = months_in(s, lo, hi)
    what = f"share of the {head}" if share else head
    topic = f"{possessive(entity[0])} {what}"
    if months or year:
        topic += f" ({' '.join(x for x in (months.title(), year) if x)})"
    raw = s.toks[m.num].replace(",", "")
    step = 10.0 ** -len(raw.split(".")[1]) if "." in raw else 1.0
    exact = replace(m, ulp=step, round=False)  # 50% is 49.5-50.5, trailing zero or not
    return figure_of(s, m, ("percent", entity[1], head, share, year, months), topic,
                     interval(exact, measurement=True), with_unit=True)


def money_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """ "Boeing agreed to pay $1.2 billion": Boeing's payment."""
    lo, hi = scope.lo, scope.hi
    low = s.low
    if dropped(s, m, lo) or hedged(s, m, lo):
        return None
    head = ""
    k = m.end
    if k < hi and (low[k] in ("in", "of", "for") or (k + 1 < hi and low[k] == "worth"
                                                       and low[k + 1] == "of")):
        q = k + (2 if low[k] == "worth" else 1)
        while q < hi and low[q] in ("the", "a", "an", "its", "their"):
            q += 1
        if q < hi and s.toks[q][0].islower():
            head = head_after(s, q, hi, 2)
    elif k < hi and s.toks[k][0].isalpha() and s.toks[k][0].islower():
        head = head_after(s, k, hi, 2)
    if not head:
        q = m.start - 1
        while q >= lo and low[q] in ("a", "an", "the", "some"):
            q -= 1
        if q >= lo and low[q] in MONEY_VERBS:
            head = MONEY_VERBS[low[q]]
            if head == "cost":
                noun = noun_before(s, q - 1, lo)
                head = f"{noun} cost" if noun else "cost"
        elif q >= lo and low[q] in MONEY_LINKS:
            r = q - 1
            if r >= lo and low[r] in ("estimated", "valued", "put", "totaling", "totalling"):
                r -= 1
            head = noun_before(s, r, lo) if r >= lo else ""
    if not head:
        return None
    entity = entity_before(s, m.start, lo)
    if entity is None:
        return None  # whose money? too vague to compare
    year = nearest_year(scope.years, m, lo, hi)
    topic = f"{possessive(entity[0])} {head}"
    if year:
        topic += f" ({year})"
    return figure_of(s, m, ("money", entity[1], m.currency, head, year), topic,
                     interval(m, measurement=False), with_unit=True, banded=True)


def magnitude_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """ "measured 6.9 on the Richter scale", "a 6.9-magnitude quake", "a magnitude 7.1
    earthquake": the magnitude of a quake (of the year written beside it, if any)."""
    lo, hi = scope.lo, scope.hi
    low, n = s.low, len(s.low)
    if not m.digits or m.vague or m.mode in ("min", "max") or not 1 <= m.lo <= 10:
        return None
    after = [low[k] for k in range(m.core_end, min(n, m.core_end + 4))]
    before = [low[k] for k in range(max(0, m.start - 3), m.start)]
    richter = after[:1] == ["on"] and ("richter" in after or "scale" in after)
    named = (after[:1] == ["magnitude"] or after[:2] == ["-", "magnitude"]
             or before[-1:] == ["magnitude"] or before[-2:] in (["magnitude", "of"], ["magnitude", "at"]))
    if not (richter or named):
        return None
    if (not QUAKE_WORDS.intersection(low) or FORECAST_WORDS.intersection(low[lo:hi])
            or hedged(s, m, lo) or dropped(s, m, lo)):
        return None  # an aftershock, a forecast or a comparison: not the quake's magnitude
    near = low[max(lo, m.start - 3):min(hi, m.end + 4)]
    if any(w in QUAKE_WORDS and w.endswith("s") for w in near):
        return None  # "5-magnitude quakes": several quakes, not one
    year = nearest_year(scope.years, m, lo, hi)
    topic = f"the quake's magnitude ({year})" if year else "the quake's magnitude"
    exact = replace(m, round=False)  # "7" is 6.95 to 7.05, like "7.0"
    # Which quake: where and when ("Sunday's quake", "on Aug. 6 a quake"), as for a toll.
    place = place_near(s, m, lo, hi, measured=True)
    when, when_label = time_of(s, m, lo, hi)
    months = months_in(s, lo, hi)
    return figure_of(s, m, ("magnitude", year), topic, interval(exact, measurement=True),
                     with_unit=False, loose=(place[1] if place else "", when, months),
                     loose_label=(place[0] if place else "", when_label,
                                  f"in {months.title()}" if months else ""))


def precipitation_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """ "about 4 inches of rain fell", "dumped 30 cm of snow": how much rain or snow fell (where
    and when, as for a toll); not a forecast ("up to 6 inches of snow are expected")."""
    lo, hi = scope.lo, scope.hi
    low = s.low
    if m.vague or FORECAST_WORDS.intersection(low[lo:hi]) or hedged(s, m, lo) or dropped(s, m, lo):
        return None
    what = next(PRECIPITATION_WORDS[w] for w in low[m.end + 1:m.end + 3] if w in PRECIPITATION_WORDS)
    year = nearest_year(scope.years, m, lo, hi)
    topic = f"{what}fall ({year})" if year else f"{what}fall"
    place = place_near(s, m, lo, hi)
    when, when_label = time_of(s, m, lo, hi)
    months = months_in(s, lo, hi)
    return figure_of(s, m, ("precipitation", what, year), topic,
                     interval(m, measurement=True, factor=m.factor), with_unit=True,
                     loose=(place[1] if place else "", when, months),
                     loose_label=(place[0] if place else "", when_label,
                                  f"in {months.title()}" if months else ""))


def rank_figures(s: Tokens) -> list[Figure]:
    """ "Aleppo, Syria's second-largest city": Aleppo is 2nd among Syria's cities."""
    low, toks, n = s.low, s.toks, len(s.low)
    out = []
    for i in range(n):
        w = low[i]
        if w in SIZE_SUPERLATIVES:
            sup_end, dim = i + 1, "size"
        elif w == "most" and i + 1 < n and low[i + 1] in MOST_ADJECTIVES:
            sup_end = i + 2
            dim = "size" if low[i + 1] in ("populous", "populated") else f"most {low[i + 1]}"
        elif w == "most" and i + 2 < n and low[i + 1] == "-" and low[i + 2] in ("populous",
                                                                                "populated"):
            sup_end, dim = i + 3, "size"
        elif w in OTHER_SUPERLATIVES:
            sup_end, dim = i + 1, w
        else:
            continue
        lo_c, hi_c = max(s.clo[i], i - WINDOW), min(s.chi[i], i + WINDOW)
        a, rank = i, 1
        q = i - 1
        if q >= 0 and low[q] == "-" and adjacent(s, q, i):
            q -= 1
        if q >= 0 and low[q] in ORDINALS:
            a, rank = q, ORDINALS[low[q]]
        elif (q >= 1 and low[q] in ("st", "nd", "rd", "th") and low[q - 1].isdecimal()
              and adjacent(s, q - 1, q)):
            a, rank = q - 1, int(low[q - 1])
        d = a - 1
        place = None
        if d >= lo_c and is_poss(s, d) and toks[d][0].isupper():
            span = name_back(s, d, lo_c)
            if span is None:
                continue
            det = span[0]
            name = display(s, *span)
            place = (name, norm(name))
        elif d - 1 >= lo_c and low[d] in RANK_SCOPES and low[d - 1] == "the":
            det = d - 1
            word = low[d][:-2]
            word = "country" if word == "nation" else word
            place = (f"the {word}", f"the {word}")
        elif d >= lo_c and low[d] == "the":
            det = d
        else:
            continue
        if det >= 1 and (low[det - 1] == "among" or (
                det >= 2 and low[det - 1] == "of" and low[det - 2] in ("one", "some", "two",
                                                                       "three", "many"))):
            continue  # "one of the largest": not a rank
        k = sup_end
        if (k >= hi_c or not toks[k][0].isalpha() or not toks[k][0].islower()
                or low[k] in STOP_WORDS):
            continue
        noun = low[k]
        if singular(noun) != noun or noun in UNCOUNTED_PLURALS or noun in (
                "men", "women", "children"):
            continue  # plural: a group, not the rank of one entity
        k += 1
        if k < hi_c and low[k] in ("ever", "since", "yet", "so", "on", "in") and not (
                low[k] == "in" and k + 1 < hi_c and is_cap(s, k + 1)):
            if low[k] != "in":
                continue  # "the largest ever", "the deadliest since 2016": records, not ranks
        if place is None and k + 1 < hi_c and low[k] in ("in", "of"):
            span = name_fwd(s, k + 1, hi_c)
            if span:
                name = display(s, *span)
                place = (name, norm(name))
                k = span[1]
        entity = None
        b, skipped = det - 1, 0
        while b >= lo_c and skipped < 4 and low[b] in COPULAS:
            b -= 1
            skipped += 1
        if skipped and b >= lo_c and not is_poss(s, b):
            span = name_back(s, b, lo_c)
            if span:
                name = display(s, *span)
                entity = (name, norm(name))
        if entity is None and k < hi_c:
            q = k + 1 if low[k] in (",", "of") else k
            span = name_fwd(s, q, hi_c)
            if span and not is_poss(s, span[1] - 1):
                name = display(s, *span)
                entity = (name, norm(name))
        if entity is None or (place and entity[1] == place[1]):
            continue
        value = " ".join(s.text[s.st[a]:s.en[sup_end - 1]].lower().split())
        nouns = plural(noun)
        cls = nouns if dim == "size" else f"{dim} {nouns}"
        among = f"{possessive(place[0])} {cls}" if place else cls
        out.append(Figure(
            key=("rank", entity[1], place[1] if place else "", noun, dim),
            topic=f"{possessive(entity[0])} rank among {among}", lo=float(rank), hi=float(rank),
            value=value, source=s.source, order=position(s, a),
        ))
    return out


Extractor = Callable[[Tokens, Quantity, Scope], Figure | None]

# The kinds of figure an amount may be, by its unit, in the order they are tried: the first
# that reads the amount takes it.  Amounts of other units (years, dates, times ...) are none.
EXTRACTORS: dict[str, tuple[Extractor, ...]] = {
    "distance": (distance_figure, path_figure, epicenter_figure),
    "percent": (percent_figure,),
    "money": (money_figure,),
    "age": (age_figure,),
    "precipitation": (precipitation_figure,),
    "clock": (clock_figure,),
    "speed": (wind_figure,),
    "time": (quake_duration_figure,),  # (the others of a duration: when.py)
    "": (storey_figure, magnitude_figure, age_figure, population_figure, count_figure, thing_figure, tally_figure),
    "other": (magnitude_figure, pressure_figure, spill_figure, storey_figure),
}


def _figures_of(s: Tokens, found: list[Quantity]) -> list[Figure]:
    """The figures of one sentence: its ranks and dates, then one for each amount ``found`` read."""
    figures: list[Figure] = rank_figures(s) + date_figures(s, found)
    if not found:
        return figures
    figures.extend(duration_figures(s, found))
    years = [(m.num, s.toks[m.num][:4]) for m in found if m.unit == "year"]  # sorted
    numbers = {m.num for m in found if m.unit in ("", "money", "percent", "distance", "age")}
    groups: dict[int, str] = {}
    amounts = [m.num for m in found if m.unit != "year"]
    counts: list[tuple[Quantity, Figure]] = []
    for m in found:
        # The clause of the figure, at most WINDOW tokens either side: enough for any
        # sentence, and a giant "sentence" (a table without full stops) stays linear.
        scope = Scope(max(s.clo[m.num], m.start - WINDOW), min(s.chi[m.num], m.end + WINDOW),
                      years, numbers, groups, amounts)
        for extractor in EXTRACTORS.get(m.unit, ()):
            fig = extractor(s, m, scope)
            if fig is not None:
                if fig.key[0] == "count":
                    counts.append((m, fig))  # kept aside until the sentence's totals are known
                else:
                    figures.append(fig)
                break

    # "..., bringing the death toll to 757": the other figures of that kind are increments.
    def is_total(m: Quantity) -> bool:
        return (m.start >= 2 and s.low[m.start - 1] == "to"
                and "toll" in s.low[max(0, m.start - 4):m.start])

    totals = {f.key for m, f in counts if is_total(m)}
    figures.extend(f for m, f in counts if f.key not in totals or is_total(m))
    # Several different figures for the same thing in one sentence are a contrast or a list
    # ("seven deaths on the British side and two on the French"), not one claim each.
    # (Dates and durations are about the event their clause tells: "freed on March 3 after 40
    # days" holds two.)
    by_thing: dict[tuple, set] = defaultdict(set)
    for f in figures:
        by_thing[(f.key, f.loose, f.heads)].add((f.lo, f.hi))
    return [f for f in figures if len(by_thing[(f.key, f.loose, f.heads)]) == 1]


def sentence_figures(sentences: Sequence[Sentence], amounts: list | None = None) -> list[tuple[Figure, ...]]:
    """The figures of each sentence, tied to what they quantify: one tuple a sentence, in the
    order of the input; each sentence's amounts (``quantities``, one tuple a sentence) are added
    to ``amounts`` when given, read from the same tokens (the claim model reads them too)."""
    out: list[tuple[Figure, ...]] = []
    for index, sentence in enumerate(sentences):
        s = tokenize(sentence.text, sentence.source, index) if may_hold_figures(sentence.text) else None
        if s is not None and s.toks and s.low[0] in PRONOUNS and index > 0:
            before = sentences[index - 1]
            if before.source == sentence.source and before.position == sentence.position - 1:
                s = replace(s, lead=frozenset(before.text.lower().split()))
        found = quantities(s) if s is not None and s.toks else []
        out.append(tuple(_figures_of(s, found)) if s is not None and s.toks else ())
        if amounts is not None:
            amounts.append(tuple(found))
    return out
