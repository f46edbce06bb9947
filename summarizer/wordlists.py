"""Words every stage shares: calendar words, reporting verbs, what a word token is.

The lists are data (``data/wordlists.json``), read once on import; ``word_list`` reads any other
one-a-line list of ``data/`` (attribution, modality, loaded words ...), once.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_DATA = json.loads((Path(__file__).parent / "data" / "wordlists.json").read_text(encoding="utf-8"))

MONTHS: tuple[str, ...] = tuple(_DATA["months"])  # full names, lower case, January first
MONTH_ABBREVIATIONS: tuple[str, ...] = tuple(_DATA["month_abbreviations"])  # "jan", "sept" ...
WEEKDAYS: tuple[str, ...] = tuple(_DATA["weekdays"])  # lower case, Monday first
# Verbs that attribute a statement to someone ("X said", "X told"): what follows is a report.
REPORTING_VERBS: frozenset[str] = frozenset(_DATA["reporting_verbs"])

# A word: letters, with inner apostrophes ("Syria's", "Syria’s", "rock'n'roll"); digits and
# underscores are not part of it.
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The words (or phrases) of a one-a-line list in ``data/`` ("#" starts a comment line), lower case."""
    lines = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def alternation(words) -> str:
    """A regex group matching any of the words (longest first, so a longer one is never cut)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"
