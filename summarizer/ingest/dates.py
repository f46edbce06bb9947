"""When each source was published: what tells an update from a disagreement.

When sources carry dates, a figure that moves from earlier to later reports is an update ("How the
figures changed", ``figures.compare``), not a disagreement.  A source's date is the one its input
gives (``Source.date``: JSON input, HTML metadata), else the first date line among its bylines
(``Published Dec. 5, 2024``).  A file's modification time is
never used: it says when the file was copied, not when the news was written.  Without a date for
every source of a disagreement, nothing is said about order.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Sequence

from ..wordlists import MONTHS
from ..models import Block, BlockKind, Source

_MONTHS = {m[:3]: i for i, m in enumerate(MONTHS, start=1)}
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MONTH_FIRST = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DAY_FIRST = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_BYLINES_READ = 6  # blocks at the top of a source where its date line stands


def parse_date(text: str) -> date | None:
    """The first calendar date written in a text: 2024-12-05, Dec. 5, 2024 or 5 December 2024."""
    found = []
    if m := _ISO.search(text):
        found.append((m.start(), int(m[1]), int(m[2]), int(m[3])))
    if (m := _MONTH_FIRST.search(text)) and m[1][:3].lower() in _MONTHS:
        found.append((m.start(), int(m[3]), _MONTHS[m[1][:3].lower()], int(m[2])))
    if (m := _DAY_FIRST.search(text)) and m[2][:3].lower() in _MONTHS:
        found.append((m.start(), int(m[3]), _MONTHS[m[2][:3].lower()], int(m[1])))
    for _, year, month, day in sorted(found):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def stated(day: date, text: str) -> bool:
    """Whether ``text`` writes the calendar date ``day`` out in full: 2024-03-05 (also with / or .,
    unpadded, or 20240305), 05.03.2024, 3/5/2024, March 5, 2024 or 5 Mar 2024.

    A date reader that completes a partial or impossible date ("2024-02-30" read as 2024-02-01,
    "2024-03" as the 3rd of March with today's day) gives a day that no such form states.
    """
    y, m, d = day.year, f"0?{day.month}", f"0?{day.day}"
    names = "|".join({MONTHS[day.month - 1], MONTHS[day.month - 1][:3], MONTHS[day.month - 1][:4]})
    forms = (
        rf"{y}(?P<a>[-/.]){m}(?P=a){d}", rf"{day:%Y%m%d}", rf"{d}(?P<b>[-/.]){m}(?P=b){y}", rf"{m}/{d}/{y}",
        rf"\b(?:{names})\.?\s+{d}(?:st|nd|rd|th)?,?\s+{y}", rf"\b{d}(?:st|nd|rd|th)?\.?\s+(?:{names})\b\.?,?\s+{y}",
    )
    return re.search(rf"(?<![\d.])(?:{'|'.join(forms)})(?!\d)", text, re.IGNORECASE) is not None


def source_dates(sources: Sequence[Source], blocks: Sequence[Sequence[Block]]) -> list[date | None]:
    """Each source's publication date, or None."""
    dates = []
    for source, source_blocks in zip(sources, blocks):
        found = parse_date(source.date) if source.date else None
        if found is None:
            lines = (b.text for b in source_blocks[:_BYLINES_READ] if b.kind is BlockKind.BYLINE)
            found = next((d for d in map(parse_date, lines) if d is not None), None)
        dates.append(found)
    return dates
