"""When an event happened, and how long it lasted: "entered the hospital on April 9", "banned
in June 1988", "testified Monday", "In 1989 a further ban was introduced"; "the eclipse will last
the longest -- six minutes and 58 seconds", "the medal he had for only three days".

A date or a duration has no unit that says what it is about, so it is tied to the *event* its
clause tells: the content stems of the clause (``Figure.terms``), the word of the event itself,
the verb or event noun the figure belongs to (``Figure.heads``: "entered", "strike"), and the
names in it (``Figure.names``).  Two figures are about the same event only when their clauses
share enough stems, each one's event word stands in the other's clause, and neither names
something the other does not (:func:`same_event`).  Left out as no date of an event: when
something was said ("officials said Monday"), the ends of a span ("since April 9"), plans ("will
land Sunday"), and a day beside a count (the count's own day: "30 killed on Monday").

A date is kept as written (``Figure.when``: year, month, day, weekday, tense) and made a day
interval only when compared (:func:`resolve`), with the source's date where it has one: "on
Monday" in a report of Tuesday 24 April 1990 is 23 April; "April 9" in it is 9 April 1990;
"yesterday" and "ten years ago" likewise.  A source without a date compares a day without its
year only with such days, and its weekdays not at all (reports of several weeks each have a
Monday).
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import replace
from datetime import date, timedelta

from ...pool.features import Tokenizer
from .figure import Figure
from ... import wordlists
from .lexicon import (DATE_LEADS, DATE_PREFIXES, DETERMINERS, DURATION_AFTER, DURATION_FRAMES,
                      DURATION_NOT_EVENTS, DURATION_SECONDS, DURATION_SKIPS, EVENT_NOUNS,
                      EVENT_STOP_WORDS, EVENT_VERBS, FUTURE_WORDS, LASTING_VERBS, MONTH_NAMES, MONTH_WORDS,
                      NOT_DATE_LINKS, NOT_DURATION_AFTER, NOT_VERBS, OTHER_EVENT_WORDS,
                      RANGE_WORDS, REPORT_VERBS, SEQUENCE_WORDS, SPEECH_WORDS, STOP_WORDS, WEEKDAYS)
from .quantity import Quantity, interval, is_year_token
from .tokens import Tokens, adjacent, base, display, is_cap, position

_STEM = Tokenizer("english").stem
_MONTHS = {name: i for i, name in enumerate(wordlists.MONTHS, start=1)}
_WEEKDAY_INDEX = {name: i for i, name in enumerate(wordlists.WEEKDAYS)}  # Monday first, as date.weekday
# "today" and "yesterday" as weekday-like codes (a day of the report's week): days before it + 7
_RELATIVE = {"today": 7, "yesterday": 8}
_DATE_STARTS = frozenset((*MONTH_WORDS, *_WEEKDAY_INDEX, *_RELATIVE))  # and numbers (see _date_at)
_MAX_AGO = 200 * 31557600  # seconds: "a million years ago" is no date of news
_REACH = 16  # tokens either side of a figure read for the event it is about
_YEARLESS_WINDOW = 60  # days: "April 9" in a report of 24 April is this year's
_NOT_AMOUNTS = ("year", "date", "clock", "time", "ident", "age")
_WEEK = 6  # days: a weekday is of the week of its report
MIN_SHARED = 3  # content stems two clauses share to be about one event (one more for two weekdays:
# a story told over several days repeats its events, "crossed the border Thursday" and "crossed
# back on Sunday")
# Names each clause holds and the other does not set two events apart ("hit Jamaica on Monday",
# "hit Mexico on Wednesday"), unless they share this many names ("Taylor entered Daniel Freeman
# Marina Hospital", "The star of Butterfield 8 entered Daniel Freeman Marina Hospital").
MIN_SHARED_NAMES = 3
# A date's clause is short (a duration's is its sentence): of the stems the two clauses hold
# together, this share is common to both ("banned sheep offal in cattle feed in June 1988" and "a
# further ban on cattle offal sold for human consumption in 1989" share ban, cattle, offal of 11).
MIN_UNION_SHARE = 0.3
MIN_SHARE = 0.4  # and this share of the shorter clause's stems


def _month(s: Tokens, k: int) -> int:
    """The month token k names (capitalised), 0 if none."""
    if k >= len(s.low) or not s.toks[k][:1].isupper() or s.low[k] not in MONTH_WORDS:
        return 0
    return _MONTHS[MONTH_NAMES.get(s.low[k][:3], s.low[k])]


def _day(s: Tokens, k: int) -> int:
    t = s.low[k] if k < len(s.low) else ""
    return int(t) if t.isdecimal() and len(t) <= 2 and 1 <= int(t) <= 31 else 0


def _year(s: Tokens, k: int) -> int:
    t = s.low[k] if k < len(s.low) else ""
    return int(t) if is_year_token(t) else 0


def _date_at(s: Tokens, i: int) -> tuple[tuple[int, int, int, int], int] | None:
    """The date starting at token i: ((year, month, day, weekday), token after it), or None.
    Unknown parts are 0 (the weekday: -1)."""
    low, n = s.low, len(s.low)
    month = _month(s, i)
    if month:
        k = i + 1
        if k < n and low[k] == ".":
            k += 1
        day = _day(s, k)
        if day and not (k + 1 < n and low[k + 1] in (":", "/")):
            k += 1
            if k + 1 < n and low[k] == "," and _year(s, k + 1):
                return (_year(s, k + 1), month, day, -1), k + 2
            if _year(s, k):
                return (_year(s, k), month, day, -1), k + 1
            return (0, month, day, -1), k
        if k + 1 < n and low[k] == "," and _year(s, k + 1):
            return (_year(s, k + 1), month, 0, -1), k + 2
        if _year(s, k):
            return (_year(s, k), month, 0, -1), k + 1
        if i >= 1 and low[i - 1] == "in" and low[i] != "may":
            return (0, month, 0, -1), i + 1  # "in June"
        return None
    day = _day(s, i)
    if day and _month(s, i + 1):  # "9 April 1990"
        month, k = _month(s, i + 1), i + 2
        if _year(s, k):
            return (_year(s, k), month, day, -1), k + 1
        return (0, month, day, -1), k
    if low[i] in _WEEKDAY_INDEX and s.toks[i][:1].isupper():
        return (0, 0, 0, _WEEKDAY_INDEX[low[i]]), i + 1
    if low[i] in _RELATIVE and not (i + 1 < n and low[i + 1] in ("'s", "-")):
        return (0, 0, 0, _RELATIVE[low[i]]), i + 1  # "today" (the day of the report), "yesterday"
    year = _year(s, i)
    if year and i >= 1 and low[i - 1] == "in" and not (
            i + 1 < n and (low[i + 1] in RANGE_WORDS or low[i + 1] in ("s", "'s") or (
                s.toks[i + 1][:1].isalpha() and s.toks[i + 1][:1].islower()
                and low[i + 1] not in STOP_WORDS))):
        return (year, 0, 0, -1), i + 1  # "in 1989", not "in 1980 census"
    return None


def _window(s: Tokens, start: int, end: int, wide: bool) -> tuple[int, int]:
    """The tokens read for the event of a figure at [start, end): its clause (for a duration, its
    sentence: "the eclipse will last the longest -- six minutes"), at most _REACH either side, and
    not past a word of sequence ("banned it in June 1988, and later banned ...") or, for a date,
    another date ("Discovery, which blasted off Tuesday, will land Sunday"): those start another
    event (a duration's event may hold a date: "freed on March 3 after 40 days in captivity")."""
    lo, hi = (0, len(s.low)) if wide else (s.clo[start], s.chi[start])
    lo, hi = max(lo, start - _REACH), min(hi, end + _REACH)
    for k in range(end, hi):
        if s.low[k] in SEQUENCE_WORDS or (_dated(s, k) and not wide):
            hi = k
            break
    for k in range(start - 1, lo - 1, -1):
        if (s.low[k] in SEQUENCE_WORDS and k < start - 2) or (_dated(s, k) and not wide):
            lo = k + 1  # (not the word framing the figure itself: "after 27 years")
            break
    return lo, hi


def _dated(s: Tokens, k: int) -> bool:
    """Whether token k names a day, a month or a year ("Thursday's", "1988")."""
    w = base(s.low[k])
    return ((s.toks[k][:1].isupper() and (w in WEEKDAYS or bool(_month(s, k)))) or bool(_year(s, k))
            or w in _RELATIVE)


def _amount_in(s: Tokens, found: list[Quantity], lo: int, hi: int) -> bool:
    """Whether tokens [lo, hi) hold a count or a measure (no year, date, time of day, duration,
    identifier, nor an age: "Taylor, 58, entered ...")."""
    low = s.low
    for m in found:
        if not lo <= m.num < hi or m.unit in _NOT_AMOUNTS:
            continue
        k = m.num
        if m.end == k + 1 and 1 <= k < len(low) - 1 and low[k - 1] == "," and low[k + 1] == ",":
            continue
        return True
    return False


def _head(s: Tokens, lo: int, hi: int, start: int, end: int) -> str:
    """The word of the event a figure is tied to: the verb or event noun nearest to it ("entered
    ... on April 9", "the crash Tuesday"), as a stem; "" if none."""
    # a date follows its verb ("entered the hospital on April 9 suffering ..."), unless it opens
    # the clause ("In 1989 a further ban was introduced")
    # ("Cowper on Thursday threatened ...": a verb in the past right after it)
    if end < hi and s.toks[end][:1].islower() and (s.low[end] in EVENT_VERBS or (
            s.low[end].endswith("ed") and s.low[end] not in NOT_VERBS)):
        return _STEM(s.low[end])
    for k in (*range(start - 1, lo - 1, -1), *range(end, hi)):
        w = s.low[k]
        if (s.toks[k][:1].islower() and w not in EVENT_STOP_WORDS and w not in SPEECH_WORDS
                and (w in EVENT_VERBS or w in EVENT_NOUNS
                     or (len(w) > 4 and w.endswith(("ed", "ing")) and w not in STOP_WORDS
                         and w not in NOT_VERBS))):
            return _STEM(w)
    return ""


def _event(s: Tokens, start: int, end: int, wide: bool = False, head: str = "") -> dict | None:
    """What a date or a duration at tokens [start, end) is about (the Figure fields ``terms``,
    ``heads``, ``names``), or None when its clause says too little to tell one event from
    another, or tells another one ("another crash on April 9", "the next Monday")."""
    lo, hi = _window(s, start, end, wide)
    if any(s.low[k] in OTHER_EVENT_WORDS for k in range(lo, hi)):
        return None  # "the opening of the second Wal-Mart in 1964", "another crash on April 9"
    head = head or _head(s, lo, hi, start, end)
    if not head:
        return None
    terms, names = {head}, set()
    for k in range(lo, hi):
        if start <= k < end:
            continue
        w = base(s.low[k])
        if (not w[:1].isalpha() or len(w) < 3 or w in STOP_WORDS or w in EVENT_STOP_WORDS
                or w in MONTH_WORDS or w in WEEKDAYS or w in REPORT_VERBS):
            continue
        stem = _STEM(w)
        terms.add(stem)
        if k > 0 and is_cap(s, k):
            names.add(stem)
    if len(terms) < MIN_SHARED:
        return None
    return {"terms": frozenset(terms), "heads": frozenset((head,)), "names": frozenset(names)}


def _topic(s: Tokens, start: int, end: int, wide: bool, what: str) -> str:
    """A readable name for the event: the words of its clause before the figure (or after it
    when the figure opens the clause), at most ten."""
    lo, hi = _window(s, start, end, wide)
    if not wide:
        lo, hi = max(lo, s.clo[start]), min(hi, s.chi[start])
    a, b = (max(lo, start - 10), start) if start - lo >= 3 else (end, min(hi, end + 10))
    while a < b and s.low[a] in DATE_LEADS:
        a += 1
    while b > a and s.low[b - 1] in DATE_LEADS:
        b -= 1
    return f"{what} {display(s, a, b)}" if b > a else what


def date_figures(s: Tokens, found: list[Quantity]) -> list[Figure]:
    """The dates of events in a sentence (not when something was said, "officials said Monday",
    nor the ends of a span, "since April 9", "until 2132"), its amounts being ``found``."""
    low, n = s.low, len(s.low)
    written: list[tuple[tuple, int, int]] = []  # (date as written, first token, token after it)
    i = 0
    # (a date starts at a month, a weekday, "today" or "yesterday", or a number: no other token is tried)
    for start in [k for k, w in enumerate(low) if w in _DATE_STARTS or w[:1].isdecimal()]:
        if start < i:
            continue  # inside the date before
        at = _date_at(s, start)
        if at is not None:
            written.append(((*at[0], -1), start, at[1]))  # (a past date: plans are left out below)
            i = at[1]
    for m in found:  # "ten years ago", "three days ago"
        unit = low[m.core_end] if m.core_end < n else ""
        if (m.unit == "time" and unit in DURATION_SECONDS and m.core_end + 1 < n
                and low[m.core_end + 1] == "ago" and not m.vague and m.mode in ("", "about")
                and m.lo * DURATION_SECONDS[unit] <= _MAX_AGO):
            written.append((_ago(m, unit), m.start, m.core_end + 2))
    out = []
    for when, start, end in written:
        p = start - 1
        while p >= 0 and low[p] in DATE_PREFIXES:
            p -= 1
        if ((start >= 1 and low[start - 1] in NOT_DATE_LINKS) or (p >= 0 and low[p] in NOT_DATE_LINKS)
                or any(low[q] in REPORT_VERBS or low[q] in SPEECH_WORDS for q in range(max(0, p - 3), p + 1))
                or (end + 1 < n and (low[end] in RANGE_WORDS or low[end] == ",") and (
                    low[end + 1][:1].isdecimal() or _dated(s, end + 1)))
                or (start >= 2 and low[start - 1] in (",", "and") and _dated(s, start - 2))):
            continue  # when it was said, a bound, a range or a list: not the date of one event
        event = _event(s, start, end)
        if event is None:
            continue
        lo, hi = _window(s, start, end, False)
        if _amount_in(s, found, lo, hi):
            continue  # "the storm killed 15 people in 2024", "30 killed on Monday": the day tells
            # which toll (a count's own day, .count), not when one event happened
        if (start >= 1 and low[start - 1] == "next") or (low[start - 1] != "last" and any(
                low[k] in FUTURE_WORDS or (low[k] == "to" and k >= 1 and low[k - 1] in (
                    "is", "are", "was", "were")) for k in range(lo, hi))):
            continue  # a plan or a forecast: plans move, and a moved plan is news, not a conflict
        value = " ".join(s.text[s.st[start]:s.en[end - 1]].split())
        out.append(Figure(("when", ""), _topic(s, start, end, False, "when"), 0.0, 0.0, value,
                          s.source, position(s, start), fixed=True, when=when, **event))
    return out


def _ago(m: Quantity, unit: str) -> tuple:
    """ "ten years ago" as a date: (0, 0, 0, class, -1, most days back, fewest days back), the
    reach of its unit either side (a day for days, half a year for years); days and weeks are of
    the report's week, as a weekday is (class 50), longer spans not (-1)."""
    days = m.lo * DURATION_SECONDS[unit] / 86400
    reach = max(1.0, DURATION_SECONDS[unit] / 86400 / 2) * (3 if m.mode == "about" else 1)
    weekly = DURATION_SECONDS[unit] <= 7 * 86400
    return (0, 0, 0, 50 if weekly else -1, -1, days + reach, max(0.0, days - reach))


def duration_figures(s: Tokens, found: list[Quantity]) -> list[Figure]:
    """How long something lasted or took: "lasted six minutes and 58 seconds", "for only three
    days", "72 hours later", "two days after the race", "-- six minutes, 53 seconds" (in
    seconds); not a window of time ("in the past three years"), an age or a time ago."""
    low, n = s.low, len(s.low)
    out = []
    joined: set[int] = set()
    for x, m in enumerate(found):
        unit = low[m.core_end] if m.core_end < n else ""
        noun = _adjectival(s, m)
        if noun:
            unit = low[m.core_end + 1]
        if (m.num in joined or m.unit != "time" or unit not in DURATION_SECONDS or m.vague
                or m.mode in ("min", "max")):
            continue
        lo_v, hi_v = interval(m, measurement=False)
        lo_v, hi_v = lo_v * DURATION_SECONDS[unit], hi_v * DURATION_SECONDS[unit]
        end = m.core_end + 1
        if noun:  # "the three-day strike": the strike lasted three days
            event = _event(s, m.start, m.core_end + 2, wide=True, head=noun)
            if event is not None:
                value = " ".join(s.text[s.st[m.start]:s.en[m.core_end + 1]].split())
                out.append(Figure(("duration", ""), f"how long: the {s.low[m.core_end + 2]}", lo_v,
                                  hi_v, value, s.source, position(s, m.num), fixed=True,
                                  banded=True, **event))
            continue
        if x + 1 < len(found):  # "six minutes and 58 seconds", "six minutes, 53 seconds"
            m2 = found[x + 1]
            unit2 = low[m2.core_end] if m2.core_end < n else ""
            if (m2.unit == "time" and unit2 in DURATION_SECONDS and not m2.vague and not m2.mode
                    and (m2.start == end or (m2.start == end + 1 and low[end] in (",", "and")))
                    and DURATION_SECONDS[unit2] < DURATION_SECONDS[unit]):
                lo_v += m2.lo * DURATION_SECONDS[unit2]
                hi_v += m2.hi * DURATION_SECONDS[unit2]
                end = m2.core_end + 1
                joined.add(m2.num)
        if end < n and (low[end] in NOT_DURATION_AFTER or (low[end] == "-" and adjacent(s, end - 1, end))):
            continue  # "a three-day visit" (read above), "three years ago", "two weeks old"
        k = m.start - 1
        while k >= 0 and low[k] in DURATION_SKIPS:
            k -= 1
        before = low[k] if k >= 0 else ""
        after = low[end] if end < n else ""
        dash = before == "-" and k >= 1 and low[k - 1] == "-"  # "the longest -- six minutes"
        if not (before in DURATION_FRAMES or dash or after in DURATION_AFTER):
            continue
        noun = _lasted(s, k) if before in LASTING_VERBS else -1
        event = _event(s, m.start, end, wide=True, head=_STEM(low[noun]) if noun >= 0 else "")
        if event is None:
            continue
        value = " ".join(s.text[s.st[m.start]:s.en[end - 1]].split())
        topic = f"how long: the {low[noun]}" if noun >= 0 else _topic(s, m.start, end, True, "how long:")
        out.append(Figure(("duration", ""), topic, lo_v, hi_v,
                          value, s.source, position(s, m.num), fixed=True, banded=True, **event))
    return out


def _lasted(s: Tokens, k: int) -> int:
    """The token of the event a verb of lasting at token k tells the length of ("the strike over
    a pay offer lasted four days", "a walkout lasting four days"), -1 if none: the nearest event
    noun before it in its clause, else the noun right before it after an article.  So "the strike
    lasted four days" is about the event "the three-day strike" is."""
    low = s.low
    for j in range(k - 1, max(s.clo[k], k - _REACH) - 1, -1):
        if s.toks[j][:1].islower() and low[j] in EVENT_NOUNS:
            return j
    j = k - 1
    if (j >= 1 and s.toks[j][:1].isalpha() and s.toks[j][:1].islower() and low[j] not in STOP_WORDS
            and low[j] not in DURATION_NOT_EVENTS and low[j - 1] in DETERMINERS):
        return j
    return -1


def _adjectival(s: Tokens, m: Quantity) -> str:
    """ "a three-day visit", "the 45-minute speech", "its eight-year war": the stem of the noun
    a duration describes, after an article or a possessive; "" for anything else (ages: "a
    10-year-old", plans and instruments: "a five-year plan", "30-year bonds")."""
    low, n, k = s.low, len(s.low), m.core_end
    if not (k + 2 < n and low[k] == "-" and adjacent(s, k - 1, k) and adjacent(s, k, k + 1)
            and low[k + 1] in DURATION_SECONDS and not m.vague and not m.mode):
        return ""
    noun = low[k + 2]
    before = low[m.start - 1] if m.start >= 1 else ""
    if (not s.toks[k + 2][:1].isalpha() or not s.toks[k + 2][:1].islower() or noun in STOP_WORDS
            or noun in DURATION_NOT_EVENTS or not (before in DETERMINERS or before.endswith("'s"))):
        return ""
    return _STEM(noun)


def same_event(a: Figure, b: Figure) -> bool:
    """Whether two dates or durations are about one event: their clauses share MIN_SHARED stems,
    one of them a lowercase word next to both figures, and neither names what the other does not
    ("hit Jamaica on Monday" and "hit Mexico on Wednesday" are two landfalls)."""
    if a.when and b.when and a.when[3] >= 0 and b.when[3] >= 0 and abs(a.lo - b.lo) > _WEEK:
        return False  # "on Monday" in reports weeks apart: each week's news, two events
    shared = len(a.terms & b.terms)
    if a.when and shared < MIN_UNION_SHARE * len(a.terms | b.terms):
        return False  # two dates' clauses, each telling much the other does not
    weekdays = bool(a.when and b.when and a.when[3] >= 0 and b.when[3] >= 0)
    return (shared >= MIN_SHARED + weekdays and shared >= MIN_SHARE * min(len(a.terms), len(b.terms))
            and a.heads <= b.terms and b.heads <= a.terms
            and (a.names <= b.terms or b.names <= a.terms
                 or len(a.names & b.names) >= MIN_SHARED_NAMES))


def resolve(f: Figure, day: date | None) -> Figure | None:
    """A date figure as a day interval, read with its source's date (None: undated); None when
    it cannot be compared with anything ("in June" of an undated source)."""
    if len(f.when) > 5:  # "ten years ago"
        if day is None:
            return None
        middle = day - timedelta(days=(f.when[5] + f.when[6]) / 2)
        # "three days ago (March 3, 2024)", "ten years ago (2014)"
        shown = f"{middle.strftime('%B')} {middle.day}, {middle.year}" if f.when[3] == 50 else middle.year
        value = f"{f.value} ({shown})"
        return _as(replace(f, value=value), "date", day.toordinal() - f.when[5],
                   day.toordinal() - f.when[6])
    year, month, dom, weekday, tense = f.when
    if weekday >= 7:
        if day is None:
            return None  # "yesterday" of an undated report
        d = day - timedelta(days=weekday - 7)
        named = replace(f, value=f"{f.value} ({d.strftime('%B')} {d.day}, {d.year})")
        return _as(named, "date", d.toordinal(), d.toordinal())
    if weekday >= 0:
        if day is None:
            return None  # "on Monday" of an undated report: of which week?
        delta = (weekday - day.weekday()) % 7
        if tense < 0 and delta:
            delta -= 7
        d = day + timedelta(days=delta)
        # the day it names, for a reader of reports of several days: "Monday (March 6, 1989)"
        named = replace(f, value=f"{f.value} ({d.strftime('%B')} {d.day}, {d.year})")
        return _as(named, "date", d.toordinal(), d.toordinal())
    if not year:
        if day is None:
            if not dom or not _valid(2000, month, dom):
                return None
            d = date(2000, month, dom).toordinal()
            return _as(f, "yearless", d, d)
        year = day.year
        if dom and _valid(year, month, dom):
            written = date(year, month, dom)
            if tense < 0 and written > day + timedelta(days=_YEARLESS_WINDOW):
                year -= 1
            elif tense > 0 and written < day - timedelta(days=_YEARLESS_WINDOW):
                year += 1
        elif not dom and tense < 0 and month > day.month + 1:
            year -= 1
    if dom:
        if not _valid(year, month, dom):
            return None
        d = date(year, month, dom).toordinal()
        return _as(f, "date", d, d)
    if month:
        first = date(year, month, 1)
        last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        return _as(f, "date", first.toordinal(), last.toordinal())
    return _as(f, "date", date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal())


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= monthrange(year, month)[1]


def _as(f: Figure, frame: str, lo: float, hi: float) -> Figure:
    return replace(f, key=("when", frame), lo=float(lo), hi=float(hi))
