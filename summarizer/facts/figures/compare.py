"""Comparing figures: grouping by what they are about, the claims each group makes, and the
disagreements between sources."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from dataclasses import replace
from datetime import date
from typing import Sequence

from ...models import Disagreement, FigureChange, FigureClaim, FigureStep
from .figure import Figure
from .lexicon import INF, NEVER_FALLING, SERIAL_EVENTS
from .when import resolve, same_event


def _overlap(a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
    eps = 1e-9 * max(1.0, abs(a_lo), abs(b_lo))
    return a_lo <= b_hi + eps and b_lo <= a_hi + eps


def _partition(figs: list[Figure]) -> list[tuple[list[Figure], set[int]]]:
    """Split the figures of one key by their loose attributes.  In each dimension a single
    named value (or none) keeps them together, the unnamed figures included; several named
    values make one part per value, and the unnamed figures are left out (they could be about
    any of them)."""
    parts: list[tuple[list[Figure], set[int]]] = [(figs, set())]
    for dim in range(len(figs[0].loose)):
        new = []
        for part, split in parts:
            named = sorted({f.loose[dim] for f in part if f.loose[dim]})
            if len(named) <= 1:
                new.append((part, split))
            else:
                new.extend(([f for f in part if f.loose[dim] == name], split | {dim})
                           for name in named)
        parts = new
    return parts


def _own_consistency(figs: list[Figure]) -> list[Figure]:
    """Per source: a count far below a sure count of the same source is a partial count
    ("two of them died in a car"), and a source listing three or more incompatible values is
    giving a list of incidents, not a claim; both are left out."""
    by_source: dict[int, list[Figure]] = defaultdict(list)
    for f in figs:
        by_source[f.source].append(f)
    kept = []
    for own in by_source.values():
        if len(own) > 1:
            floor = max(f.lo for f in own)
            own = [f for f in own if f.hi == INF or floor < 2 * f.hi]
            if len(_stab(own)) >= 3:
                continue
        kept.extend(own)
    return kept


def _orders_of_magnitude(figs: list[Figure]) -> list[Figure]:
    """ "Thousands" alone is any number from a thousand up (12,000 people are thousands of
    people), but set against another source's "tens of thousands" it is the smaller order of
    magnitude: "killing thousands" and "tens of thousands dead" are different tolls."""
    contrasts = [f for f in figs if f.magnitude_hi]
    if len({f.source for f in contrasts}) < 2:
        return figs
    out = []
    for f in figs:
        if f.magnitude_hi and f.hi == INF and any(
                g.source != f.source and g.lo >= f.magnitude_hi for g in contrasts):
            f = replace(f, hi=f.magnitude_hi)
        out.append(f)
    return out


_BAND_RATIO = 12.0  # "tens of thousands" and "hundreds of thousands" are still compared


def _bands(figs: list[Figure]) -> list[list[Figure]]:
    """Counts an order of magnitude apart are not about the same thing (a war's toll and one
    day's); ages years apart are about different moments."""

    def typical(f: Figure) -> float:
        if f.hi == INF:
            return max(f.lo, 1e-9)
        if f.lo <= 0:
            return max(f.hi / 2, 1e-9)
        return math.sqrt(f.lo * f.hi)

    gap = figs[0].band_gap
    ordered = sorted(figs, key=lambda f: (typical(f), f.source, f.order))
    bands: list[list[Figure]] = []
    last = 0.0
    for f in ordered:
        t = typical(f)
        if not bands or (t - last > gap if gap else t > _BAND_RATIO * last):
            bands.append([])
        bands[-1].append(f)
        last = t
    return bands


def _stab(figs: list[Figure]) -> list[list[Figure]]:
    """Group intervals that share a point (fewest groups, greedy on upper bounds)."""
    groups: list[list[Figure]] = []
    point = 0.0
    for f in sorted(figs, key=lambda f: (f.hi, f.lo, f.source, f.order)):
        if groups and f.lo <= point + 1e-9 * max(1.0, abs(point) if point != INF else 1.0):
            groups[-1].append(f)
        else:
            point = f.hi
            groups.append([f])
    return groups


def _claims(figs: list[Figure]) -> list[list[Figure]]:
    """Claims: figures that agree with one another.  A figure compatible with two claims
    (a vague "thousands" between "tens of thousands" and "over 280,000") takes no side."""
    items = list(figs)
    for _ in range(6):
        groups = _stab(items)
        if len(groups) < 2:
            return groups
        cores = [(max(f.lo for f in g), min(f.hi for f in g)) for g in groups]
        c_los = [c[0] for c in cores]
        c_his = [c[1] for c in cores]
        neutral = set()
        for f in items:
            # cores are disjoint and sorted: the ones f overlaps form a run
            first = bisect_left(c_his, f.lo - 1e-9 * max(1.0, abs(f.lo)))
            hits = 0
            for c in range(first, len(cores)):
                if c_los[c] > f.hi + 1e-9 * max(1.0, abs(f.hi) if f.hi != INF else 1.0):
                    break
                if _overlap(f.lo, f.hi, c_los[c], c_his[c]):
                    hits += 1
                    if hits > 1:
                        neutral.add(id(f))
                        break
        if not neutral:
            return groups
        items = [f for f in items if id(f) not in neutral]
    return _stab(items)


_TINY = 10.0  # counts this small are often of one incident among several
_SPECIFIC_DIMS = (0, 1, 2, 3)  # a count's place, venue, day and month
_EVENT_DIM = 4  # and the kind of event, unless events of that kind come in series


def _specific_match(a: Figure, b: Figure) -> bool:
    return any(a.loose[d] and a.loose[d] == b.loose[d] for d in _SPECIFIC_DIMS) or (
        a.loose[_EVENT_DIM] not in SERIAL_EVENTS and a.loose[_EVENT_DIM] == b.loose[_EVENT_DIM]
        and bool(a.loose[_EVENT_DIM]))


def _really_differ(figs: list[Figure]) -> bool:
    """Whether two different sources give intervals that do not overlap.  Two tiny counts
    ("one pilot killed" / "two pilots killed") must also name the same place, venue or day, or
    the same kind of event where events of that kind seldom come in series (a fire, a storm;
    not an attack): in a story of several incidents they are too easily about different ones."""
    if len({f.source for f in figs}) < 2:
        return False
    if figs[0].key[0] == "count" and any(f.lo <= _TINY for f in figs) and len(figs) <= 400:
        for i, a in enumerate(figs):
            for b in figs[i + 1:]:
                if a.source != b.source and not _overlap(a.lo, a.hi, b.lo, b.hi) and (
                        max(a.lo, b.lo) > _TINY or _specific_match(a, b)):
                    return True
        return False
    low_end = min(figs, key=lambda f: f.hi)
    high_end = max(figs, key=lambda f: f.lo)
    for anchor in (low_end, high_end):
        for f in figs:
            if f.source != anchor.source and not _overlap(anchor.lo, anchor.hi, f.lo, f.hi):
                return True
    return False


def _disagreement(figs: list[Figure], topic: str) -> Disagreement | None:
    groups = _claims(figs)
    if len(groups) < 2 or not _really_differ([f for g in groups for f in g]):
        return None
    claims = []
    for g in groups:
        first = min(g, key=lambda f: (f.source, f.order))
        claims.append(((first.source, first.order),
                       FigureClaim(first.value, tuple(sorted({f.source for f in g})),
                                   tuple(sorted({f.row for f in g})))))
    claims.sort(key=lambda c: c[0])  # by first source, then where that source first says it
    return Disagreement(topic, tuple(c for _, c in claims))


def disagreements(figures_per_sentence: Sequence[Sequence[Figure]]) -> list[Disagreement]:
    """One :class:`Disagreement` per thing on which two sources give figures that differ,
    ordered by topic, then by first source; from the figures of each sentence, in input order."""
    return compare(figures_per_sentence)[0]


def differ(figures_a: Sequence[Figure], figures_b: Sequence[Figure]) -> bool:
    """Whether two sentences give different values for the same thing ("Fifteen people were
    killed" against "14 people were killed"): exactly when :func:`compare` would list a
    disagreement between them, were they the only sentences, from two sources, undated."""
    both = _name_groups([*figures_a, *figures_b])
    named_a, named_b = both[:len(figures_a)], both[len(figures_a):]
    keys = {f.key for f in named_a}
    if not any(f.key in keys for f in named_b):
        return False  # nothing in common: the usual case, answered without grouping
    own = [replace(f, source=0) for f in named_a], [replace(f, source=1) for f in named_b]
    return bool(compare(own)[0])


def same_figure(a: Figure, b: Figure) -> bool:
    """Whether two figures state one value of one count: the same kind and frame ("homes
    destroyed": "destroyed 42 homes", "burned 42 houses to the ground", "42 homes were lost"), the
    same group where both name one, no place, venue, day, month or event named differently, and
    the same value, larger than a count of one incident among several (_TINY) and not open-ended."""
    if a.key[0] not in ("count", "things") or a.key[0] != b.key[0] or len(a.key) != len(b.key):
        return False
    if a.key[1] != b.key[1] or a.key[3:] != b.key[3:] or (a.key[2] != b.key[2] and a.key[2] and b.key[2]):
        return False
    return (a.lo == b.lo and a.hi == b.hi and a.lo > _TINY and a.hi < INF
            and all(x == y or not x or not y for x, y in zip(a.loose, b.loose)))


def counts_otherwise(a: Figure, b: Figure) -> bool:
    """Whether ``b`` gives ``a``'s value for another outcome of the same people or things ("arrested
    15 people" / "15 people were injured"): the same number, something else counted."""
    return (a.key[0] in ("count", "things") and a.key[0] == b.key[0] and a.key[1] != b.key[1]
            and a.key[2:] == b.key[2:] and a.lo == b.lo and a.hi == b.hi)


def comparable_key(fig: Figure) -> tuple:
    """What two sentences' figures must share for :func:`differ` to compare them: the key, a
    count's without its group (which :func:`_name_groups` fills in from the other sentence); a
    date's or a duration's, with the word of its event ("entered", "strike")."""
    if fig.terms:
        return (fig.key[0], *sorted(fig.heads))
    return (fig.key[0], fig.key[1], *fig.key[3:]) if fig.key[0] == "count" else fig.key


def rows_by_thing(figures_per_sentence: Sequence[Sequence[Figure]]) -> dict[tuple, list[int]]:
    """The sentences (rows) stating a figure about each thing (:func:`comparable_key`): only those
    can give another value for it."""
    rows: dict[tuple, list[int]] = defaultdict(list)
    for row, figures in enumerate(figures_per_sentence):
        for key in {comparable_key(f) for f in figures}:
            rows[key].append(row)
    return rows


def compare(figures_per_sentence: Sequence[Sequence[Figure]],
            dates: Sequence[date | None] = ()) -> tuple[list[Disagreement], list[FigureChange]]:
    """Disagreements, and, where every source of a thing is dated (``dates`` by source), the
    figures that moved from earlier to later reports: updates, not disagreements."""
    found, changes, _ = _compare(figures_per_sentence, dates)
    return found, changes


def superseded(figures_per_sentence: Sequence[Sequence[Figure]],
               dates: Sequence[date | None] = ()) -> dict[int, tuple[str, ...]]:
    """The sentences (rows) that state a figure later reports changed, each with the latest value
    of that figure as :func:`compare`'s changes give it: "Two people were killed" (Monday)
    -> ("three",) where Tuesday's reports say three.  A value the latest reports still allow
    ("at least 2" against "three") is not superseded."""
    out: dict[int, list[str]] = defaultdict(list)
    for figs, change in _compare(figures_per_sentence, dates)[2]:
        last_day = max(dates[f.source] for f in figs)
        latest = [f for f in figs if dates[f.source] == last_day]
        for f in figs:
            if dates[f.source] < last_day and not any(_overlap(f.lo, f.hi, g.lo, g.hi) for g in latest):
                if change.steps[-1].value not in out[f.row]:
                    out[f.row].append(change.steps[-1].value)
    return {row: tuple(values) for row, values in out.items()}


def _compare(figures_per_sentence: Sequence[Sequence[Figure]], dates: Sequence[date | None]
             ) -> tuple[list[Disagreement], list[FigureChange], list[tuple[list[Figure], FigureChange]]]:
    """compare(), and the figures of each change with it."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for fig in _name_groups([fig for figures in figures_per_sentence for fig in figures]):
        if fig.when:
            fig = resolve(fig, dates[fig.source] if dates else None)
            if fig is None:
                continue
        groups[fig.key].append(fig)
    found: list[Disagreement] = []
    changes: list[FigureChange] = []
    moved: list[tuple[list[Figure], FigureChange]] = []
    for figs in groups.values():
        if len({f.source for f in figs}) < 2:
            continue
        parts = _events(figs) if figs[0].terms else _partition(figs)
        for part, split in parts:
            part = _orders_of_magnitude(part)
            part = _own_consistency(part) if part[0].banded else part
            if len({f.source for f in part}) < 2:
                continue
            if part[0].hourly:
                bands = _days(part, dates)
            else:
                change = None if part[0].fixed else _change(part, split, dates)
                if change is not None:
                    changes.append(change)
                    moved.append((part, change))
                    continue
                bands = _bands(part) if part[0].banded or part[0].band_gap else [part]
            for band in bands:
                d = _disagreement(band, _topic(band, split))
                if d is not None:
                    found.append(d)
    found.sort(key=lambda d: (d.topic.casefold(), d.topic, min(min(c.sources) for c in d.claims)))
    changes.sort(key=lambda c: (c.topic.casefold(), c.steps[0].date))
    return found, changes, moved


_BUCKET = 200  # a word next to more dates or durations than this tells no event from another


def _events(figs: list[Figure]) -> list[tuple[list[Figure], set[int]]]:
    """Dates or durations grouped by the event they are about (:func:`when.same_event`).  Each
    figure is linked to the figures of each other source that share most with it (over an index
    of the words of their clauses, looked up by the word of each figure's event: not every
    pair); a group is a figure with those it is linked to that are all about one event with one
    another, so that two events told in like words ("banned sheep offal in cattle feed in June
    1988", "a further ban on cattle offal in 1989") are not chained into one."""
    by_term: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(figs):
        for term in f.terms:
            by_term[term].append(i)
    best: dict[tuple[int, int], tuple[int, list[int]]] = {}  # (figure, other source) -> links
    for i, a in enumerate(figs):
        for head in a.heads:  # the others whose clause holds the word of a's event
            members = by_term[head]
            if len(members) > _BUCKET:
                continue
            for j in members:
                b = figs[j]
                if a.source == b.source or not same_event(a, b):
                    continue
                score = len(a.terms & b.terms)
                for me, other in ((i, j), (j, i)):
                    slot = (me, figs[other].source)
                    top, links = best.get(slot, (0, []))
                    if score > top:
                        best[slot] = (score, [other])
                    elif score == top and other not in links:
                        links.append(other)
    near: dict[int, set[int]] = defaultdict(set)
    for (i, _), (_, links) in best.items():
        near[i].update(links)
        for j in links:
            near[j].add(i)
    groups = {_clique(figs, i, near[i]) for i in near}
    kept = [g for g in groups if not any(g < h for h in groups)]
    return [([figs[i] for i in sorted(g)], set()) for g in sorted(kept, key=min)
            if len({figs[i].source for i in g}) > 1]


def _clique(figs: list[Figure], i: int, near: set[int]) -> frozenset[int]:
    """Figure i and those of ``near`` that are about one event with i and with one another (of
    another source), the ones sharing most with i first."""
    kept = [i]
    for j in sorted(near, key=lambda j: (-len(figs[i].terms & figs[j].terms), j)):
        if all(figs[k].source == figs[j].source or same_event(figs[k], figs[j]) for k in kept[1:]):
            kept.append(j)
    return frozenset(kept)


def _days(figs: list[Figure], dates: Sequence[date | None]) -> list[list[Figure]]:
    """Figures by the day of their source, when every source is dated; else all together."""
    if not dates or any(dates[f.source] is None for f in figs):
        return [figs]
    by_day: dict[date, list[Figure]] = defaultdict(list)
    for f in figs:
        by_day[dates[f.source]].append(f)
    return list(by_day.values())


def _name_groups(figs: list[Figure]) -> list[Figure]:
    """A count that names no group ("the guards killed as many as six") counts people, unless
    the input counts that kind (of that year, in or out of a war) of a single group and that
    group is not people ("killed 20 militants"): then it is that group's count."""
    named: dict[tuple, dict[str, str]] = defaultdict(dict)  # what but the group -> group -> topic
    for f in figs:
        if f.key[0] == "count" and f.key[2]:
            named[(f.key[1], *f.key[3:])].setdefault(f.key[2], f.topic)
    out = []
    for f in figs:
        if f.key[0] == "count" and not f.key[2]:
            groups = named.get((f.key[1], *f.key[3:]), {})
            group = next(iter(groups)) if len(groups) == 1 else "person"
            f = replace(f, key=(f.key[0], f.key[1], group, *f.key[3:]),
                        topic=groups.get(group, f.topic))
        out.append(f)
    return out


def _topic(figs: list[Figure], split: set[int]) -> str:
    """What the figures are about, with the dimensions that set them apart from others."""
    ordered = sorted(figs, key=lambda f: (f.source, f.order))
    topic = ordered[0].topic
    for dim in sorted(split):
        label = next((f.loose_label[dim] for f in ordered if f.loose[dim]), "")
        if label:
            topic = f"{topic} {label}"
    return topic


def _change(figs: list[Figure], split: set[int], dates: Sequence[date | None]) -> FigureChange | None:
    """The figure as it moved over time, when every source is dated, the reports of one day
    agree, and the value differs from one day to a later one ("at least 32" then "at least 1,200"
    is an update even though the two intervals overlap)."""
    if not dates or any(dates[f.source] is None for f in figs):
        return None
    year = next((int(k) for k in figs[0].key if isinstance(k, str) and len(k) == 4 and k.isdecimal()), None)
    if year is not None and all(dates[f.source].year > year for f in figs):
        return None  # a figure of a past year ("in 1985, 229,000"): a fixed fact, not an update
    by_day: dict[date, list[Figure]] = defaultdict(list)
    for f in figs:
        by_day[dates[f.source]].append(f)
    if len(by_day) < 2:
        return None
    steps: list[FigureStep] = []
    last: tuple[float, float] | None = None
    for day in sorted(by_day):
        same_day = by_day[day]
        if len(_claims(same_day)) > 1:
            return None  # reports of one day disagree: that is a disagreement, not an update
        first = min(same_day, key=lambda f: (f.source, f.order))
        bounds = (first.lo, first.hi)
        sources = tuple(sorted({f.source for f in same_day}))
        if last is not None and (bounds == last or (max(bounds[1], last[1]) < INF
                                                    and _overlap(*last, *bounds))):
            # the same figure again ("400,000", then "about 400,000"): one step, more sources
            steps[-1] = FigureStep(steps[-1].value, tuple(sorted({*steps[-1].sources, *sources})), steps[-1].date)
            continue
        if (last is not None and first.key[0] == "count" and first.key[1] in NEVER_FALLING
                and last[1] < INF and bounds[1] < last[0] and not first.magnitude_hi):
            return None  # a toll never falls below a count it gave: a disagreement, not an update
        steps.append(FigureStep(first.value, sources, day.isoformat()))
        last = bounds
    return FigureChange(_topic(figs, split), tuple(steps)) if len(steps) > 1 else None
