"""The number grammar: every amount a sentence writes, as the interval of values it allows.

"at least 727", "about 70 miles", "tens of thousands", "$1.2bn", "30 to 40", "45-year-old": a
number (digits or words, vague or exact), the qualifier before it, a currency, and the unit
after it.  What the amount is *about* is read elsewhere (:mod:`.context`, :mod:`.extract`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple

from .lexicon import (ABOUT, BELOW, CASUALTY_CUES, CURRENCY_PREFIXES, CURRENCY_SYMBOLS,
                      CURRENCY_WORDS, DISTANCE_UNITS, IDENTIFIER_WORDS, INF, MONEY_ABBREVIATIONS,
                      MONTH_WORDS, NEAR, NOT_NAMES, NUMBER_STARTS, OTHER_UNITS, PERSON_NOUNS,
                      PRECIPITATION_UNITS, PRECIPITATION_WORDS, QUALIFIER_FIRST_WORDS, QUALIFIERS,
                      SCALES, SMALL_NUMBERS, SPEED_UNITS, STRICT_QUALIFIERS, TENS, TIME_UNITS,
                      TIME_ZONES, VAGUE_AMOUNTS, VAGUE_SCALES, VAGUE_UNITS, VULGAR_FRACTIONS)
from .tokens import Tokens, adjacent, base


@dataclass(frozen=True)
class Quantity:
    """An amount written in a sentence, before anything is known of what it counts."""

    start: int  # first token, qualifier and currency included
    num: int  # first token of the number itself
    end: int  # token after the number and its unit
    core_end: int  # token after the number (before any unit)
    lo: float  # the values written ("30 to 40": 30 and 40; "tens of thousands": 10,000 ...)
    hi: float
    center: float  # a typical value
    ulp: float  # one unit in the last place written ("280,000": 10,000)
    round: bool  # trailing zeros or a scale word: the writer rounded
    vague: bool  # "dozens", "thousands", a range
    digits: bool  # written with digits
    mode: str = ""  # qualifier: "", "min", "max", "about", "nearly", "just_over"
    # "", "distance", "speed", "percent", "money", "age", "time", "other", "year", "date", "ident",
    # "precipitation", "clock" (a time of day)
    unit: str = ""
    factor: float = 1.0  # to the unit's canonical one (distances: km)
    currency: str = ""
    # Written as an order of magnitude ("thousands", "tens of thousands", "several hundred"):
    # read against another such amount, "thousands" means fewer than ten thousand.
    magnitude: bool = False
    # The qualifier leaves the number itself out ("more than 300", "nearly 300"): the two do not
    # overlap, while "at least 300" and "up to 300" meet at 300.
    strict: bool = False


def _trailing_zeros(n: float) -> int:
    n = int(round(n))
    if n == 0:
        return 0
    z = 0
    while n % 10 == 0:
        n //= 10
        z += 1
    return z


def _number(s: Tokens, i: int) -> Quantity | None:
    """The bare number starting at token i (no qualifier, currency or unit), or None."""
    low, n = s.low, len(s.low)
    t = low[i]
    nxt = low[i + 1] if i + 1 < n else ""
    nxt2 = low[i + 2] if i + 2 < n else ""

    def vague(lo: float, hi: float, center: float, ulp: float, end: int) -> Quantity:
        return Quantity(i, i, end, end, lo, hi, center, ulp, True, True, False, magnitude=True)

    if t[0].isdecimal():
        raw = t.replace(",", "")
        whole, _, fraction = raw.partition(".")
        if len(whole) > 15:
            return None  # not a figure anyone reads as an amount
        value = float(raw)
        decimals = len(fraction)
        j, scale = i + 1, 1.0
        fraction = _fraction_after(s, i)
        if fraction is not None:  # "5 1/2 inches", "5½": the fraction is the last place written
            end, numerator, denominator = fraction
            value += numerator / denominator
            return Quantity(i, i, end, end, value, value, value, 1 / denominator, False, False, True)
        if nxt in SCALES:
            scale, j = SCALES[nxt], i + 2
        elif nxt == "-" and nxt2 in SCALES and adjacent(s, i, i + 1) and adjacent(s, i + 1, i + 2):
            scale, j = SCALES[nxt2], i + 3  # "$17.4-billion", "a 2-million-strong crowd"
        center = value * scale
        zeros = 0 if decimals or value == 0 else len(whole) - len(whole.rstrip("0"))
        ulp = (10.0 ** -decimals if decimals else 10.0 ** zeros) * scale
        rounded = scale > 1 or zeros > 0
        return Quantity(i, i, j, j, center, center, center, ulp, rounded, False, True)
    # Vague amounts.
    if t == "tens" and nxt == "of" and nxt2 in VAGUE_SCALES:
        unit = VAGUE_SCALES[nxt2]
        return vague(10 * unit, 100 * unit * BELOW, 30 * unit, unit, i + 3)
    if t == "hundreds" and nxt == "of" and nxt2 in VAGUE_SCALES:
        unit = VAGUE_SCALES[nxt2]
        return vague(100 * unit, 1000 * unit * BELOW, 300 * unit, unit, i + 3)
    if t in VAGUE_AMOUNTS:
        lo, hi = VAGUE_AMOUNTS[t]
        return vague(lo, hi, lo, lo, i + 1)
    if t == "several" and nxt in VAGUE_UNITS:
        unit = VAGUE_UNITS[nxt]
        return vague(2 * unit, 10 * unit * BELOW, 4 * unit, unit, i + 2)
    if t == "a" and nxt == "few" and nxt2 in VAGUE_UNITS:
        unit = VAGUE_UNITS[nxt2]
        return vague(2 * unit, 5 * unit, 3 * unit, unit, i + 3)
    if t in ("a", "one") and nxt == "dozen":
        return vague(10.0, 14.0, 12.0, 1.0, i + 2)
    if t == "half" and nxt == "a" and nxt2 in VAGUE_UNITS:
        v = 0.5 * VAGUE_UNITS[nxt2]
        return Quantity(i, i, i + 3, i + 3, v, v, v, v, True, False, False)
    # Number words: "one million", "twenty-five", "a hundred", "two hundred and fifty".
    total, cur, last, j = 0.0, 0.0, "", i
    while j < n:
        w = low[j]
        if (w in SMALL_NUMBERS or w in TENS) and last != "num":
            v = float(SMALL_NUMBERS.get(w, TENS.get(w, 0)))
            if (w in TENS and j + 2 < n and low[j + 1] == "-" and low[j + 2] in SMALL_NUMBERS
                    and SMALL_NUMBERS[low[j + 2]] < 10):
                v += SMALL_NUMBERS[low[j + 2]]
                j += 2
            elif (w in TENS and j + 1 < n and low[j + 1] in SMALL_NUMBERS
                  and 0 < SMALL_NUMBERS[low[j + 1]] < 10):
                v += SMALL_NUMBERS[low[j + 1]]  # "twenty two"
                j += 1
            cur += v
            last = "num"
            j += 1
        elif w == "hundred" and last in ("num", "a"):
            cur = (cur or 1.0) * 100
            last = "hundred"
            j += 1
        elif w in SCALES and last in ("num", "hundred", "a"):
            total += (cur or 1.0) * SCALES[w]
            cur = 0.0
            last = "scale"
            j += 1
        elif (w == "and" and last in ("hundred", "scale") and j + 1 < n
              and (low[j + 1] in SMALL_NUMBERS or low[j + 1] in TENS)):
            last = "and"
            j += 1
        elif w in ("a", "an") and j == i and nxt in ("hundred", "thousand", "million", "billion"):
            cur, last = 1.0, "a"
            j += 1
        else:
            break
    if j == i or last in ("a", "and", ""):
        return None
    if last == "and":
        j -= 1
    value = total + cur
    if last == "num" and j < n and low[j] == "dozen" and not total and 1 < value < 20:
        # "two dozen": about 24, as "a dozen" is about 12
        return vague(10 * value, 14 * value, 12 * value, 1.0, j + 1)
    if t == "one" and j == i + 1 and nxt not in PERSON_NOUNS:
        return None  # "one" alone is mostly a pronoun ("one of", "no one")
    ulp = 10.0 ** _trailing_zeros(value)
    return Quantity(i, i, j, j, value, value, value, ulp, ulp > 1, False, False)


def _fraction_after(s: Tokens, i: int) -> tuple[int, int, int] | None:
    """A fraction completing the whole number at token i ("5 1/2", "5½", "5 ½"): (token after
    it, numerator, denominator), or None."""
    low, n = s.low, len(s.low)
    if "." in low[i]:
        return None
    if i + 1 < n and low[i + 1] in VULGAR_FRACTIONS:
        numerator, denominator = VULGAR_FRACTIONS[low[i + 1]]
        return i + 2, numerator, denominator
    if (i + 3 < n and low[i + 1].isdecimal() and low[i + 2] == "/" and low[i + 3].isdecimal()
            and not adjacent(s, i, i + 1) and adjacent(s, i + 1, i + 2) and adjacent(s, i + 2, i + 3)
            and 0 < int(low[i + 1]) < int(low[i + 3]) <= 16):
        return i + 4, int(low[i + 1]), int(low[i + 3])
    return None


def _qualifier_before(s: Tokens, i: int) -> tuple[str, int, bool]:
    """The qualifier ending just before token i: (mode, first token, whether it leaves the number
    out) or ("", i, False)."""
    if i == 0:
        return "", i, False
    for phrase, mode in QUALIFIERS.get(s.low[i - 1], ()):
        k = len(phrase)
        if i - k >= 0 and tuple(s.low[i - k:i]) == phrase:
            if phrase == ("some",) and i - 2 >= 0 and s.low[i - 2] in ("for", "of"):
                continue
            return mode, i - k, phrase in STRICT_QUALIFIERS
    return "", i, False


def is_year_token(t: str) -> bool:
    return len(t) == 4 and t.isdecimal() and 1800 <= int(t) <= 2100


def _quantity_at(s: Tokens, i: int) -> Quantity | None:
    q = _number(s, i)
    if q is None:
        return None
    j = q.end
    low, n = s.low, len(s.low)
    # Ranges ("30 to 40", "30-40", "between 30 and 40", "30 or 40"), changes ("from 300 to
    # 500": the later figure counts) and scores ("voted 50 to 41": no figure).
    if j + 1 < n and low[j] in ("to", "-", "–", "and", "or") and (
            low[j + 1][0].isdecimal() or low[j + 1] in NUMBER_STARTS):
        between = i - 1 >= 0 and low[i - 1] == "between"
        if low[j] != "and" or between:
            q2 = _number(s, j + 1)
            # one style for both ends, or the newswire's: words below ten ("eight to 10")
            newswire = (q2 is not None and q2.digits and not q.digits and not q.vague
                        and q.hi < 10 <= q2.lo)
            if q2 is not None and (q2.digits == q.digits or newswire):
                j2 = q2.end
                if q.digits and is_year_token(s.toks[i]) and is_year_token(s.toks[j + 1]):
                    years = replace(q, end=j2, core_end=j2, hi=q2.hi, round=False, vague=True)
                    return replace(_in_context(s, years), unit="year")
                if j2 - 1 > j + 1 and low[j2 - 1] in SCALES and j == i + 1:
                    scale2 = SCALES[low[j2 - 1]]
                    if q.lo * scale2 <= q2.hi:  # "3 to 4 million": the scale is the pair's
                        q = replace(q, lo=q.lo * scale2, hi=q.hi * scale2,
                                    center=q.center * scale2)
                if i - 1 >= 0 and low[i - 1] == "from":
                    return _in_context(s, q2)
                pair = replace(q, end=j2, core_end=j2, hi=q2.hi)  # the first's lo, the second's hi
                if q.hi > q2.lo and not (q.vague or q2.vague):
                    # "50 to 41": a score or a vote, not a range
                    return replace(_in_context(s, replace(pair, round=False)), unit="other")
                return _in_context(s, replace(
                    pair, lo=min(q.lo, q2.lo), hi=max(q.hi, q2.hi),
                    center=(q.center + q2.center) / 2, ulp=max(q.ulp, q2.ulp), round=True,
                    vague=True))
    return _in_context(s, q)


class _Unit(NamedTuple):
    """The unit written after a number."""

    name: str  # Quantity.unit
    end: int  # token after the unit (the number's end when the unit is not part of its text)
    factor: float = 1.0  # to the canonical unit
    currency: str = ""  # a currency word names one ("50 euros")
    scale: float = 1.0  # "$5bn": the abbreviation scales the amount


def _in_context(s: Tokens, q: Quantity) -> Quantity:
    """The number spanning tokens [q.start, q.end) with its currency, qualifier and unit."""
    low, toks = s.low, s.toks
    first = q.start
    currency, k = "", first
    if k - 1 >= 0 and toks[k - 1] in CURRENCY_SYMBOLS:
        currency = CURRENCY_SYMBOLS[toks[k - 1]]
        k -= 1
        if k - 1 >= 0 and adjacent(s, k - 1, k) and low[k - 1] in CURRENCY_PREFIXES:
            if toks[k] == "$":
                currency = CURRENCY_PREFIXES[low[k - 1]]
            k -= 1
    mode, start, strict = _qualifier_before(s, k)
    if first > 0 and low[first - 1] == "between":
        start = min(start, first - 1)
    unit = _unit_after(s, q, currency)
    if start == first and not mode and not currency and unit == _Unit("", q.end):
        m = q  # a bare number: nothing to attach
    else:
        scale = unit.scale
        m = Quantity(start, q.num, unit.end, q.end, q.lo * scale, q.hi * scale, q.center * scale,
                     q.ulp * scale, q.round or scale != 1.0, q.vague, q.digits, mode, unit.name,
                     unit.factor, unit.currency or currency, q.magnitude, strict)
    if not unit.name:
        plain = _plain_unit(s, m)
        if plain:
            m = replace(m, unit=plain)
    return m


def _unit_after(s: Tokens, q: Quantity, currency: str) -> _Unit:
    """The unit after the number; a currency before it makes it money."""
    low, toks, n = s.low, s.toks, len(s.low)
    j = u = q.end
    if u < n and toks[u] == "-" and u + 1 < n and adjacent(s, u - 1, u):
        u += 1  # "40-km", "45-year-old"
    w = low[u] if u < n else ""
    w2 = low[u + 1] if u + 1 < n else ""
    w3 = low[u + 2] if u + 2 < n else ""
    if currency:
        if w in MONEY_ABBREVIATIONS and adjacent(s, u - 1, u) and not q.vague:
            return _Unit("money", max(u + 1, j), scale=MONEY_ABBREVIATIONS[w])
        return _Unit("money", max(u, j))
    if (w in SPEED_UNITS or (w in ("km", "kilometres", "kilometers", "miles", "mile")
                             and (w2 == "/" or (w2 in ("per", "an") and w3 == "hour")))):
        return _Unit("speed", j)
    if w in PRECIPITATION_UNITS and w2 == "of" and (
            w3 in PRECIPITATION_WORDS or (u + 3 < n and low[u + 3] in PRECIPITATION_WORDS)):
        return _Unit("precipitation", u + 1, PRECIPITATION_UNITS[w])  # "5 inches of (heavy) rain"
    if w == "nautical" and w2 in ("miles", "mile"):
        return _Unit("distance", u + 2, 1.852)
    if w in DISTANCE_UNITS:
        return _Unit("distance", u + 1, DISTANCE_UNITS[w])
    if w == "m" and adjacent(s, u - 1, u):
        return _Unit("distance", u + 1, 0.001)
    if w in ("%", "percent", "pct") or (w == "per" and w2 == "cent"):
        after = w3 if w == "per" else w2
        return _Unit("other" if after in ("point", "points") else "percent",
                     u + (2 if w == "per" else 1))
    if w == "percentage":
        return _Unit("other", j)
    if w in ("year", "years", "yr", "yrs") and ((w2 == "-" and w3 == "old") or w2 == "old"):
        return _Unit("age", u + (3 if w2 == "-" else 2))
    if w in CURRENCY_WORDS:
        return _Unit("money", u + 1, currency=CURRENCY_WORDS[w])
    if w and toks[u][0].isupper() and w2 in CURRENCY_WORDS:
        return _Unit("money", u + 2, currency=f"{w} {w2}".upper())  # "50 Hong Kong dollars"
    if w == "pounds" and w2 == "sterling":
        return _Unit("money", u + 2, currency="GBP")
    if w in TIME_UNITS:
        return _Unit("time", j)
    if w in ("st", "nd", "rd", "th", "s") and adjacent(s, u - 1, u):
        # 5th; the 1980s
        return _Unit("year" if w == "s" and q.digits and is_year_token(toks[q.num]) else "other", j)
    if w in OTHER_UNITS:
        return _Unit("other", j)
    if (w == ":" and u + 1 < n and low[u + 1][:1].isdecimal()) or (
            w in ("a", "p") and w2 == "." and w3 == "m") or w in ("am", "pm"):
        return _Unit("clock", _clock_end(s, u))  # a time of day
    return _Unit("", j)


def _clock_end(s: Tokens, u: int) -> int:
    """The token after a time of day whose hour ends at token u: its minutes ("6:49"), its half
    of the day ("a.m.", "pm") and its time zone ("PDT")."""
    low, toks, n = s.low, s.toks, len(s.low)
    k = u
    if k + 1 < n and low[k] == ":" and low[k + 1].isdecimal() and len(low[k + 1]) == 2:
        k += 2
    if k + 2 < n and low[k] in ("a", "p") and low[k + 1] == "." and low[k + 2] == "m":
        k += 3
        if k < n and low[k] == "." and adjacent(s, k - 1, k) and k + 1 < n:
            k += 1  # the full stop of "a.m." when the sentence goes on
    elif k < n and low[k] in ("am", "pm"):
        k += 1
    if k < n and toks[k].isupper() and low[k] in TIME_ZONES:
        k += 1
    return k


def _plain_unit(s: Tokens, m: Quantity) -> str:
    """Years, dates and identifiers among numbers without a unit: the unit they have, or ""."""
    low, toks, n = s.low, s.toks, len(s.low)
    i = m.num
    if m.digits and is_year_token(toks[i]) and not m.mode and m.end == i + 1:
        nxt = low[i + 1] if i + 1 < n else ""
        if nxt not in PERSON_NOUNS and nxt not in CASUALTY_CUES:
            return "year"
    prev = low[m.start - 1] if m.start >= 1 else ""
    prev2 = low[m.start - 2] if m.start >= 2 else ""
    nxt = low[m.end] if m.end < n else ""
    if (prev in MONTH_WORDS and toks[m.start - 1][0].isupper()) or (
            prev == "." and prev2 in MONTH_WORDS) or (
            nxt in MONTH_WORDS and toks[m.end][0].isupper()):
        return "date"
    if prev in IDENTIFIER_WORDS:
        return "ident"
    if prev == "." and prev2 in ("no", "nos", "vol", "art"):
        return "ident"
    if m.digits and m.num == m.start and i >= 1:
        p = i - 1
        if toks[p][0].isalpha() and adjacent(s, p, i):
            return "ident"  # G20, MH17
        if toks[p] in ("-", "/") and p >= 1 and adjacent(s, p, i) and toks[p - 1][0].isupper():
            return "ident"  # COVID-19, F-16
        if toks[p][0].isupper() and toks[p][0].isalpha() and base(low[p]) not in NOT_NAMES:
            return "ident"  # Resolution 2254, Route 66
    return ""


def quantities(s: Tokens) -> list[Quantity]:
    """Every amount of the sentence, in order."""
    out, i, n = [], 0, len(s.low)
    while i < n:
        t = s.low[i]
        if t[0].isdecimal() or t in NUMBER_STARTS:
            m = _quantity_at(s, i)
            if m is not None:
                out.append(m)
                i = max(m.end, m.core_end, i + 1)
                continue
        i += 1
    return out


def interval(m: Quantity, measurement: bool, factor: float = 1.0) -> tuple[float, float]:
    """The values a figure allows: rounding (half a unit in the last written place, at most
    5 %, none for an exact count), then its qualifier."""
    if m.vague:
        tol = 0.0
    elif m.round:
        tol = min(m.ulp / 2, 0.05 * abs(m.center))
    else:
        tol = m.ulp / 2 if measurement else 0.0
    lo, hi = m.lo - tol, m.hi + tol
    if m.round and tol > 0:
        hi *= BELOW  # up to the next round value, not onto it: 350,000 is not 360,000
    if m.mode == "about":
        lo, hi = min(lo, (1 - ABOUT) * m.lo), max(hi, (1 + ABOUT) * m.hi)
    elif m.mode == "min":
        lo, hi = m.lo, INF
    elif m.mode == "just_over":
        lo, hi = m.lo, max(hi, (1 + NEAR) * m.hi)
    elif m.mode == "nearly":
        lo = min((1 - NEAR) * m.lo, lo)
        hi = m.hi
    elif m.mode == "max":
        lo = 0.0
    if m.strict and m.mode in ("min", "just_over"):
        lo = m.lo * (2 - BELOW)
    elif m.strict and m.mode in ("max", "nearly"):
        hi = m.hi * BELOW
    return lo * factor, hi * factor


def value_text(s: Tokens, m: Quantity, with_unit: bool) -> str:
    """The figure as written ("at least 727", "about 70 miles"), its unit included or not."""
    end = m.end if with_unit else m.core_end
    text = s.text[s.st[m.start]:s.en[end - 1]]
    first = s.low[m.start]
    if first in NUMBER_STARTS or first in QUALIFIER_FIRST_WORDS or first == "between":
        text = text[:1].lower() + text[1:]
    return " ".join(text.replace("\u2019", "'").split())
