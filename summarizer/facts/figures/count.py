"""Counts of people: killed, injured, displaced, missing, arrested ... tied to the group counted
("30 Palestinian civilians"), to the casualty word that says what happened to them, and to the
place, venue, day, month and kind of event around them; and counts of things (homes, flights
...) tied to what happened to them ("destroyed", "without power")."""

from __future__ import annotations

from .context import (dropped, entity_before, event_near, hedged, months_in, nearest_year,
                      place_near, time_of, venue_near)
from .figure import Figure, Scope, figure_of
from .lexicon import (ARMED_GROUPS, AUXILIARIES, CASUALTY_CUES, CASUALTY_NOUNS, GENERIC_PEOPLE,
                      GROUP_SYNONYMS, LIFE_VERBS, LOAD_WORDS, STATE_WORDS,
                      HOME_LINKS, HOME_OWNERS, HOMES, HOSPITAL_LINKS, HOSPITAL_WORDS,
                      INCREMENT_WORDS, KIND_LABELS, MODALS, NOT_NAMES, ORDER_CUES, ORDER_WORDS,
                      OWNED_OUTCOMES, PERSON_NOUNS, RESTORE_WORDS, STOP_WORDS, SUBSET_WORDS,
                      TALLY_LINKS, THING_NOUNS, THING_OUTCOMES, HOME_OUTCOMES)
from .quantity import Quantity, interval
from .tokens import Tokens, base, is_poss, plural, singular


def cue_at(low: list[str], k: int) -> str:
    """The kind of casualty word k names, "" if none: "killed", "fled" ...; "leave" only in an
    order ("ordered to leave"); "hospital" after "to" or "in" ("taken to (the) hospital");
    "from" opening "from their homes" (or "out of their villages")."""
    if low[k] in CASUALTY_CUES:
        return CASUALTY_CUES[low[k]]
    if low[k] in HOSPITAL_WORDS and k >= 1 and (low[k - 1] in HOSPITAL_LINKS or (
            k >= 2 and low[k - 1] == "the" and low[k - 2] in HOSPITAL_LINKS)):
        return "injured"
    if _home_frame(low, k):
        return "displaced"
    if low[k] == "toll" and k >= 1 and low[k - 1] == "death":
        return "killed"  # "the death toll in the hostel fire rose to 14"
    if low[k] in LIFE_VERBS and "lives" in (*low[k + 1:k + 4], *low[max(0, k - 3):k]):
        return "killed"  # "claimed 11 lives", "lost their lives", "1,100 lives were lost"
    if low[k] in ORDER_CUES and k >= 2 and low[k - 1] == "to" and any(
            low[q] in ORDER_WORDS for q in range(max(0, k - 6), k - 1)):
        return "ordered"  # "ordered to leave", "ordered 5,000 people to leave"
    return ""


def _home_frame(low: list[str], k: int) -> bool:
    """Whether token k opens "from their homes", "out of their villages"."""
    q = k + 1
    if low[k] == "out" and q < len(low) and low[q] == "of":
        q += 1
    elif low[k] not in HOME_LINKS or low[k] == "out":
        return False
    return q + 1 < len(low) and low[q] in HOME_OWNERS and low[q + 1] in HOMES


def count_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """People killed, injured, displaced ... : a count tied to a casualty word."""
    lo, hi = scope.lo, scope.hi
    low, toks, n = s.low, s.toks, len(s.low)
    if dropped(s, m, lo) or ("." in toks[m.num] and m.lo < 1000):
        return None  # "measuring 7.3 on the scale claimed 730 lives": 7.3 is no count
    prev = low[m.start - 1] if m.start >= 1 else ""
    if prev in ("no", "not", "another", "only", "all") and not m.digits:
        return None
    if prev in LOAD_WORDS:
        return None  # "a bus carrying 40 pilgrims": a load, not a toll
    if prev in ("age", "aged", "ages") or (prev == "at" and m.start >= 2 and low[m.start - 2] in (
            "died", "dead", "death", "dies", "die")):
        return None  # an age
    j = m.core_end
    if j < n and low[j] == "of":
        if j + 1 < n and low[j + 1] in ("the", "them", "whom", "those", "these", "which", "its",
                                        "their", "his", "her", "our"):
            return None  # "44 of the injured", "a dozen of the 47 sailors": part of a total
        if not m.vague:
            return None
        j += 1
    if (j + 3 < n and low[j][:1].isdecimal() and low[j + 1] == "-" and low[j + 2] == "year"):
        j += 5 if low[j + 3] == "-" else 4  # "two 8-year-old girls"
    group, explicit, kind_from_noun = "people", False, ""
    j_after = j
    w = low[j] if j < n else ""
    w2 = low[j + 1] if j + 1 < n else ""
    if w in INCREMENT_WORDS:
        return None  # "ten more people": an increment, not a total
    if m.start == 0 and w in ("-", "–", "—", ":", ")", "."):
        return None  # "6 -- Candlestick Park evacuated": the number of an item in a list
    if prev == "," and w == "," and m.start >= 2 and s.toks[m.start - 2][0].isupper():
        return None  # "Rathanan Or, 9,": an age
    if j < n and toks[j][0].isalpha() and toks[j][0].isupper() and base(w) not in NOT_NAMES:
        # "30 Palestinian civilians", "30 Palestinians", "12 Hamas fighters"
        if w2 in PERSON_NOUNS and w2 not in GENERIC_PEOPLE:
            group = f"{toks[j]} {plural(w2)}"
        elif w2 in GENERIC_PEOPLE or w2 in CASUALTY_NOUNS:
            group = toks[j] if toks[j].endswith("s") else f"{toks[j]} people"
        elif w.endswith("s") and not is_poss(s, j):
            group = toks[j]
        else:
            return None
        explicit, j_after = True, j + (2 if w2 in PERSON_NOUNS else 1)
    elif w in CASUALTY_NOUNS:
        kind_from_noun = CASUALTY_NOUNS[w]
        explicit = True
    elif w == "civilian" and w2 in CASUALTY_NOUNS:
        group, kind_from_noun, explicit = "civilians", CASUALTY_NOUNS[w2], True
    elif w in GENERIC_PEOPLE:
        explicit, j_after = w not in ("others", "other"), j + 1
        if w in ("others", "other") and w2 in PERSON_NOUNS and w2 not in GENERIC_PEOPLE:
            group, explicit, j_after = plural(w2), True, j + 2
    elif w in PERSON_NOUNS:
        group, explicit, j_after = plural(w), True, j + 1
        if w in ("crew", "staff") and w2 == "members":
            j_after += 1
    elif (w and toks[j][0].isalpha() and toks[j][0].islower() and w not in STOP_WORDS
          and w not in CASUALTY_CUES):
        if w2 in GENERIC_PEOPLE:
            explicit, j_after = True, j + 2
        elif w2 in PERSON_NOUNS or w2 in CASUALTY_NOUNS:
            if w2 in CASUALTY_NOUNS:
                kind_from_noun = CASUALTY_NOUNS[w2]
            else:
                group, j_after = plural(w2), j + 2
            explicit = True
        else:
            return None  # "50 homes", "three days": not people
    if explicit and j_after + 1 < n and low[j_after] in ("and", "or") and (
            low[j_after + 1] in PERSON_NOUNS
            or (j_after + 2 < n and low[j_after + 2] in PERSON_NOUNS)):
        return None  # "eleven bandsmen and mounted guards": a count of two groups
    inherited = scope.groups.get(s.clo[m.num], "")
    if not explicit and inherited:
        group = inherited  # "killed two policemen and wounded three"
    if not explicit and prev in SUBSET_WORDS:
        return None  # "killed 50, including 20": part of the total
    kind = kind_from_noun
    if not kind:
        # The nearest casualty word: before the figure ("killing 30"), or after it and its
        # noun ("30 people were killed"); a word behind an "and" or a comma belongs to the
        # previous figure more than to this one, and another figure on the way takes it.
        best, best_d, best_k = "", 99, -1
        d = 0
        for k in range(m.start - 1, max(lo, m.start - 7) - 1, -1):
            d += 3 if low[k] in ("and", ",", "while", "but") else 1
            if cue_at(low, k):
                best, best_d, best_k = cue_at(low, k), d, k
                break
        d = 0
        for k in range(j_after, min(hi, j_after + 12)):
            if k in scope.numbers and not (k >= 1 and low[k - 1] in SUBSET_WORDS):
                break
            if cue_at(low, k):
                if d + 1 < best_d:
                    best, best_d, best_k = cue_at(low, k), d + 1, k
                break
            if low[k] in MODALS:
                return None  # "could have killed 30": not a claim
            if low[k] not in AUXILIARIES:
                d += 1
        if not best:
            return None
        # "killed or injured", "dead and wounded": a combined figure, not one kind.
        for k in range(max(lo, best_k - 2), min(hi, best_k + 3)):
            if k != best_k and low[k] in CASUALTY_CUES and CASUALTY_CUES[low[k]] != best:
                return None
        kind = best
        if kind == "displaced" and not _home_frame(low, best_k) and any(
                low[k] in ORDER_WORDS for k in (*range(max(lo, best_k - 3), best_k),
                                                *range(max(lo, m.start - 2), m.start))):
            # "a million people were ordered to flee", "told 12,000 residents to evacuate":
            # an order, not a count of people who left
            kind = "ordered"
    if kind == "protested" and singular(group.lower()) in ARMED_GROUPS:
        return None  # "thousands of troops marched": a deployment, not a protest
    if kind == "injured" and STATE_WORDS.intersection(low[max(lo, m.start - 3):min(hi, m.end + 6)]):
        return None  # "45 people remained hospitalized": those still in hospital, not the injured
    if explicit:
        scope.groups[s.clo[m.num]] = group
    # A count that names no group ("the guards killed six") has "" for one: see compare.
    named = explicit or inherited
    head = singular(group.lower())
    head = GROUP_SYNONYMS.get(head, head)
    return _counted(s, m, scope, ("count", kind, head if named else ""),
                    f"{group} {KIND_LABELS[kind]}")


def _counted(s: Tokens, m: Quantity, scope: Scope, what: tuple, topic: str) -> Figure:
    """A count of what ``what`` names, with the circumstances that tell one toll from another:
    the war or the year (strict), the place, venue, day, month and kind of event (loose)."""
    lo, hi = scope.lo, scope.hi
    war = any(s.low[k] in ("war", "wars", "conflict") for k in range(lo, hi))
    year = nearest_year(scope.years, m, lo, hi)
    place = place_near(s, m, lo, hi)
    venue = venue_near(s, m, hi)
    when, when_label = time_of(s, m, lo, hi)
    months = months_in(s, lo, hi)
    event = event_near(s, m)
    if war:
        topic += " in the war"
    if year:
        topic += f" ({year})"
    return figure_of(
        s, m, (*what, year, war), topic, interval(m, measurement=False), with_unit=False,
        loose=(place[1] if place else "", venue, when, months, event),
        loose_label=(place[0] if place else "", f"({venue})" if venue else "",
                     when_label, f"in {months.title()}" if months else "",
                     f"({event})" if event else ""),
        banded=True,
    )


_OF_HOMES = {**HOME_OUTCOMES, **THING_OUTCOMES}  # what may happen to homes


def thing_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """Homes, buildings, customers, flights ... counted with what happened to them: "cutting
    power to 3,000 homes", "destroyed 500 houses", "1,200 flights were cancelled"."""
    lo, hi = scope.lo, scope.hi
    low, n = s.low, len(s.low)
    if dropped(s, m, lo) or hedged(s, m, lo):
        return None
    prev = low[m.start - 1] if m.start >= 1 else ""
    if prev in ("no", "not", "another", "only", "all") or prev in SUBSET_WORDS:
        return None
    j = m.core_end
    if j < n and low[j] == "of" and m.vague:
        j += 1
    if j < n and low[j] not in THING_NOUNS and low[j] not in INCREMENT_WORDS and (
            s.toks[j][0].islower() and low[j] not in STOP_WORDS):
        j += 1  # "3,000 wooden homes"
    if j >= n or low[j] not in THING_NOUNS:
        return None
    thing = THING_NOUNS[low[j]]
    # The nearest word saying what happened to them, before the amount or after the noun,
    # and not past another amount.
    outcomes = _OF_HOMES if thing == "home" else THING_OUTCOMES

    def said(k: int) -> str:  # what token k says happened to them, "" if nothing
        if low[k] in HOME_OUTCOMES and k + 1 < hi and low[k + 1] in THING_OUTCOMES:
            return ""  # "lost power"
        return outcomes.get(low[k], "")

    found: list[tuple[int, int]] = []  # (distance, token)
    for k in range(m.start - 1, max(lo, m.start - 6) - 1, -1):
        if k in scope.numbers:
            break
        if said(k):
            found.append((m.start - k, k))
            break
    for k in range(j + 1, min(hi, j + 9)):
        if k in scope.numbers:
            break
        if said(k):
            found.append((k - j, k))
            break
    if not found:
        return None
    k = min(found)[1]
    outcome = said(k)
    near = range(max(lo, k - 2), min(hi, k + 3))
    if any(low[q] in THING_OUTCOMES and THING_OUTCOMES[low[q]] != outcome
           and low[(q + k) // 2] in ("or", "and") for q in (k - 2, k + 2) if lo <= q < hi):
        return None  # "damaged or destroyed": a combined figure
    if outcome == "without power" and any(low[q] in RESTORE_WORDS for q in near):
        outcome = "with power restored"
    if outcome in OWNED_OUTCOMES:
        owner = entity_before(s, m.start, lo)
        if owner is None:
            return None  # copies of what? too vague to compare
        return _counted(s, m, scope, ("things", outcome, thing, owner[1]),
                        f"{plural(thing)} of {owner[0]} {outcome}")
    return _counted(s, m, scope, ("things", outcome, thing), f"{plural(thing)} {outcome}")


def tally_figure(s: Tokens, m: Quantity, scope: Scope) -> Figure | None:
    """ "the number of illegal aliens in Orange County was estimated at 229,000", "estimated the
    number of refugees at 2 million": a count of a group named after "the number of"."""
    lo = scope.lo
    low, toks, n = s.low, s.toks, len(s.low)
    if dropped(s, m, lo) or hedged(s, m, lo) or m.end < n and toks[m.end][0].isalpha():
        return None  # "... at 2 million people": read as a count, if at all
    k = m.start - 1
    while k >= lo and low[k] in TALLY_LINKS and k > m.start - 6:
        k -= 1
    if k < lo or k == m.start - 1 and low[k] != "at":
        return None
    # "the number of <group> [in <place>] <links> N" or "estimated the number of <group> at N"
    for a in range(max(lo, k - 10), k + 1):
        if low[a] == "number" and a + 2 <= k and low[a + 1] == "of" and (
                a == 0 or low[a - 1] in ("the", "a", "total")):
            b = a + 2
            words = []
            while b <= k and toks[b][0].isalpha() and toks[b][0].islower() and low[b] not in STOP_WORDS:
                words.append(low[b])
                b += 1
            if not words or not words[-1].endswith("s") or len(words) > 3:
                return None
            group = " ".join(words)
            return _counted(s, m, scope, ("count", "tally", singular(words[-1])), f"number of {group}")
    return None
