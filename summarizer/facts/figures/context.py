"""What a figure is about, read from the words around it in its clause: the entity it belongs
to, where and when it happened, the kind of event, the noun it measures; and whether it is a
claim of its own at all."""

from __future__ import annotations

from bisect import bisect_left

from .lexicon import (CASUALTY_CUES, CONSEQUENCE_EVENTS, DIRECTIONS, DROP_BEFORE, EVENT_CLASSES, GEO_NOUNS,
                      HYPOTHETICAL, MODALS, MONEY_VERBS, MONTH_NAMES, MONTH_WORDS, NOT_NAMES,
                      NUMBER_STARTS, PART_WORDS, PLACE_PREPOSITIONS, PLACE_STEM, REPORT_VERBS,
                      ROLE_NOUNS, SEAT_NOUNS, SPAN_WORDS, STOP_WORDS, SUBJECT_LINKS, TIME_UNITS,
                      VENUE_PREPOSITIONS, VENUES, WEEKDAYS)
from .quantity import Quantity
from .tokens import (WINDOW, Tokens, adjacent, base, display, is_cap, is_demonym, is_poss,
                     name_back, name_fwd, norm, singular)


def subject_before(s: Tokens, i: int, lo: int, links=SUBJECT_LINKS) -> tuple[str, str] | None:
    """The entity a figure at token i describes: the nearest preceding name, if it heads an
    appositive ("Hama, a city of ...") or a clause ("Homs lies 40 km ..."), else None."""
    j, steps = i - 1, 0
    while j >= lo and steps < 16:
        if s.toks[j][0].isalpha() and s.toks[j][0].isupper():
            if base(s.low[j]) in NOT_NAMES:
                j -= 1
                steps += 1
                continue
            if is_poss(s, j):
                return None
            span = name_back(s, j, lo)
            if span is None:
                return None
            a, b = span
            if b >= i or s.low[b] not in links:
                return None
            name = display(s, a, b)
            return name, norm(name)
        j -= 1
        steps += 1
    return None


def entity_before(s: Tokens, i: int, lo: int) -> tuple[str, str] | None:
    """Who a percentage or an amount belongs to: the nearest name before it in its clause that
    is not only the source of the statement ("according to X", "X said")."""
    j = i - 1
    while j >= lo:
        if is_cap(s, j):
            span = name_back(s, j, lo)
            if span is None:
                j -= 1
                continue
            a, b = span
            after = s.low[b] if b < len(s.low) else ""
            after2 = s.low[b + 1] if b + 1 < len(s.low) else ""
            attribution = (after in REPORT_VERBS or after2 in REPORT_VERBS
                           or (a >= 2 and s.low[a - 1] == "to" and s.low[a - 2] == "according")
                           or (a >= 1 and s.low[a - 1] in REPORT_VERBS))
            if not attribution:
                name = display(s, a, b)
                return name, norm(name)
            j = a - 1
            continue
        j -= 1
    return None


def who_back(s: Tokens, k: int, lo: int) -> tuple[int, int] | None:
    """The person whose name ends at token k, or the one a story names by role ("the gunman,
    34,"): (start, end) or None."""
    if k >= lo + 1 and s.low[k] in ROLE_NOUNS and s.low[k - 1] == "the":
        return k, k + 1
    return name_back(s, k, lo)


def who_fwd(s: Tokens, k: int, hi: int) -> tuple[int, int] | None:
    """The name starting at token k, or a role ("a 35-year-old gunman"): (start, end) or None."""
    if k < hi and s.low[k] in ROLE_NOUNS:
        return k, k + 1
    return name_fwd(s, k, hi)


def place_key(name: str) -> str:
    """A place as compared: one word by its first letters, so that "Honduras" and the
    "Honduran" of "Honduran officials" are one place; several words as written."""
    key = norm(name)
    return key[:PLACE_STEM] if " " not in key and "+" not in key else key


def place_near(s: Tokens, m: Quantity, lo: int, hi: int, *, measured: bool = False) -> tuple[str, str] | None:
    """Where a count happened, (label, key): "in/at/near <Name>" after it in its clause, else
    before it, else the country a demonym names ("Nicaraguan officials said ...").  ``measured``:
    a figure agencies measure from afar (a quake's magnitude), where "the Geological Survey in
    Golden" is where the source sits, not the event.  (Not for counts: a count stripped of such a
    place was set against other places' counts, a false disagreement on held-out news.)"""
    found = _place_named(s, m, lo, hi, measured)
    if found is not None:
        return f"in {found[0]}", place_key(found[0]) if "+" not in found[1] else found[1]
    for k in range(lo, hi - 1):
        word = s.toks[k]
        if (word[0].isupper() and is_demonym(word) and base(s.low[k]) not in NOT_NAMES
                and s.toks[k + 1][0].islower() and s.low[k + 1] not in STOP_WORDS):
            return f"({word} {s.low[k + 1]})", place_key(word)
    return None


def _place_named(s: Tokens, m: Quantity, lo: int, hi: int, measured: bool) -> tuple[str, str] | None:
    low = s.low

    def place_at(k: int) -> tuple[str, str] | None:
        if low[k] not in PLACE_PREPOSITIONS or (measured and k > lo and low[k - 1] in SEAT_NOUNS):
            return None  # "the Geological Survey in Golden": where a source sits
        q = k + 1
        if q < hi and low[q] == "the":
            q += 1
        r = q
        while q < hi and low[q] in DIRECTIONS:
            q += 1
        if q > r and (q >= hi or not s.toks[q][0].isupper()) and low[q - 1] in (
                "north", "south", "east", "west", "northeast", "northwest", "southeast",
                "southwest"):
            region = " ".join(low[r:q])
            return f"the {region}", f"the {region}"  # "in the northeast": a region
        span = name_fwd(s, q, hi)
        if span is None:
            return None
        a, b = span
        if is_poss(s, b - 1):
            # "in Libya's eastern city of Derna": the place is Derna
            for t in range(b, min(hi, b + 4)):
                if low[t] == "of" and t + 1 < hi:
                    inner = name_fwd(s, t + 1, hi)
                    if inner and not is_poss(s, inner[1] - 1):
                        a, b = inner
                    break
        elif (b < hi and s.toks[b][0].islower() and low[b] not in STOP_WORDS
              and low[b] not in GEO_NOUNS and is_demonym(s.toks[b - 1])):
            return None  # "in Israeli strikes": an adjective, not a place
        name = display(s, a, b)
        key = norm(name)
        # "across Turkey and Syria": both together, neither alone; "at Edwards Air Force
        # Base, Calif.": a place and the state it is in, the place alone
        first, listed = (name, key), False
        c = b
        while c + 1 < hi and low[c] in ("and", ",", "or") and not is_poss(s, b - 1):
            more = name_fwd(s, c + 1, hi)
            if more is None or base(low[more[0]]) in EVENT_CLASSES:
                break  # "in Florida and Hurricane Camille": a place, then an event
            listed = listed or low[c] != ","
            other = display(s, *more)
            name, key = f"{name} and {other}", f"{key}+{norm(other)}"
            c = more[1]
        return (name, key) if listed else first

    for k in range(m.end, hi):
        found = place_at(k)
        if found:
            return found
    for k in range(m.start - 1, lo - 1, -1):
        found = place_at(k)
        if found:
            return found
        if (is_poss(s, k) and is_cap(s, k) and k + 2 < m.start
                and "toll" in low[k + 1:k + 3]):  # "Turkey's death toll rose to 2,921"
            span = name_back(s, k, lo)
            if span:
                name = display(s, *span)
                return name, norm(name)
    return None


def venue_near(s: Tokens, m: Quantity, hi: int) -> str:
    """A venue after a count: "killed in a car", "at the school", "on the bridge"."""
    low = s.low
    for k in range(m.end, hi - 1):
        if low[k] in VENUE_PREPOSITIONS:
            q = k + 1
            if q < hi and low[q] in ("a", "an", "the", "their", "his", "her", "its", "two",
                                     "three", "several"):
                q += 1
            for r in range(q, min(hi, q + 3)):
                if low[r] in VENUES:
                    return singular(low[r])
                if not s.toks[r][0].isalpha() or s.toks[r][0].isupper() or low[r] in STOP_WORDS:
                    break
    return ""


def time_of(s: Tokens, m: Quantity, lo: int, hi: int) -> tuple[str, str]:
    """The time a count is tied to: a weekday ("on Monday"), a period ("this month"), or a
    running total ("since", "so far", "the toll"); (normalised, label)."""
    low, toks = s.low, s.toks
    for k in list(range(m.end, hi)) + list(range(m.start - 1, lo - 1, -1)):
        word = base(low[k])
        if word in WEEKDAYS and toks[k][0].isupper():
            p = k - 1
            while p >= lo and low[p] in ("on", "late", "early", "last", "this"):
                p -= 1
            if p >= lo and low[p] in REPORT_VERBS:
                continue  # "officials said Wednesday": when it was said, not when it happened
            if p >= lo and low[p] in ("since", "from"):
                return "span", "in total"
            return word, f"on {word.capitalize()}"
    for k in range(lo, hi - 1):
        if low[k] in ("this", "last", "past", "previous") and low[k + 1] in (
                "week", "month", "year", "weekend"):
            return f"{low[k]} {low[k + 1]}", f"{low[k]} {low[k + 1]}"
    for k in range(lo, hi):
        w = low[k]
        if w in SPAN_WORDS or (w == "so" and k + 1 < hi and low[k + 1] == "far") or (
                w in ("past", "last") and k + 2 < hi and low[k + 2] in TIME_UNITS
                and low[k + 1] not in ("year", "week", "month")):
            return "span", "in total"
    return "", ""


def months_in(s: Tokens, lo: int, hi: int) -> str:
    found = set()
    for k in range(lo, hi):
        w = low_k = s.low[k]
        if low_k in MONTH_WORDS and s.toks[k][0].isupper():
            if w == "may" and not (k + 1 < hi and s.low[k + 1][:1].isdecimal()
                                   or k >= 1 and s.low[k - 1] in ("in", "of", "since", "early",
                                                                  "late", "mid")):
                continue
            found.add(MONTH_NAMES.get(w[:3], w))
    return " ".join(sorted(found))


def event_near(s: Tokens, m: Quantity) -> str:
    """The kind of event nearest to a count in its sentence (storm, violence, crash ...)."""
    best, best_d = "", 10 ** 6
    for k in range(max(0, m.start - WINDOW), min(len(s.low), m.end + WINDOW)):
        cls = EVENT_CLASSES.get(base(s.low[k]))  # "the tornado's path"
        if cls:
            d = m.start - k if k < m.start else k - m.end + 1
            if cls in CONSEQUENCE_EVENTS:
                d += WINDOW * 4  # "collapsed in the fire": the fire, when one is named
            if d < best_d:
                best, best_d = cls, d
    return best


def nearest_year(years: list[tuple[int, str]], m: Quantity, lo: int, hi: int,
                 amounts: list[int] = ()) -> str:
    """The year written nearest to a figure in its clause ("the 1935 storm killed 408"); with
    the sentence's ``amounts``, not a year after another amount ("measured at 26.31 inches,
    breaking the 26.35 inches of the 1935 hurricane": 1935 is the other amount's)."""
    at = bisect_left(years, (m.num, ""))
    best, best_d = "", 10 ** 6
    for k, year in years[max(0, at - 1):at + 1]:
        if k > m.num and bisect_left(amounts, k) > bisect_left(amounts, m.num + 1):
            continue
        if lo <= k < hi and abs(k - m.num) < best_d:
            best, best_d = year, abs(k - m.num)
    return best


def head_after(s: Tokens, k: int, hi: int, max_words: int = 3) -> str:
    """A run of lowercase content words starting at k ("pay increase", "re-election rate")."""
    words = []
    while k < hi and len(words) < max_words:
        t = s.toks[k]
        if (not t[0].isalpha() or not t[0].islower() or s.low[k] in STOP_WORDS
                or s.low[k] in CASUALTY_CUES):
            break
        word = s.low[k]
        if (k + 2 < hi and s.toks[k + 1] == "-" and adjacent(s, k, k + 1)
                and adjacent(s, k + 1, k + 2) and s.toks[k + 2][0].isalpha()):
            word = f"{word}-{s.low[k + 2]}"
            k += 2
        words.append(word)
        k += 1
    if not words:
        return ""
    words[-1] = singular(words[-1])
    return " ".join(words)


def noun_before(s: Tokens, k: int, lo: int) -> str:
    """The lowercase content word ending at k, with one modifier ("unemployment rate")."""
    if k < lo or not s.toks[k][0].isalpha() or not s.toks[k][0].islower() or s.low[k] in STOP_WORDS:
        return ""
    words = [singular(s.low[k])]
    if (k - 1 >= lo and s.toks[k - 1][0].isalpha() and s.toks[k - 1][0].islower()
            and s.low[k - 1] not in STOP_WORDS and s.low[k - 1] not in MONEY_VERBS):
        words.insert(0, s.low[k - 1])
    return " ".join(words)


def dropped(s: Tokens, m: Quantity, lo: int) -> bool:
    """Figures that are not a claim of their own: earlier tolls, increments, changes,
    comparisons, conditions."""
    low = s.low
    for k in range(max(lo, m.start - 4), m.start):
        if low[k] in DROP_BEFORE:
            return True
    for k in range(max(lo, m.start - 8), m.start):
        if low[k] in HYPOTHETICAL:
            return True
    prev = low[m.start - 1] if m.start >= 1 else ""
    if prev in ("from", "than", "versus", "vs", "by", "but", "except") and m.mode == "":
        return True
    if prev == "of" and m.start >= 2 and (low[m.start - 2][0].isdecimal()
                                          or low[m.start - 2] in NUMBER_STARTS):
        return True  # "five of about 30 children": 30 is the whole, not the count
    if prev in ("the", "its", "their") and m.start >= 3 and low[m.start - 2] == "of" and (
            low[m.start - 3] in PART_WORDS):
        return True  # "most of the 16,000 Americans were evacuated": a part of them was
    if m.start >= 2 and low[m.start - 2] in ("compared", "up", "down") and prev in (
            "with", "to", "from"):
        return True
    return False


def hedged(s: Tokens, m: Quantity, lo: int) -> bool:
    """ "could pay $1 billion": a possibility, not a figure anyone reports."""
    return any(s.low[k] in MODALS for k in range(max(lo, m.start - 3), m.start))
