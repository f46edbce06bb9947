"""Titles: each source's, and the briefing's own, which must not be one outlet's loaded wording.

A headline's main clause is what comes before its first comma, colon, dash or "as"/"amid"
("Syrian Rebels Seize Control of Hama" of "... as Government Troops Withdraw"); the briefing takes
the plainly worded main clause whose words the other sources' headlines share most.  With no
such clause it is "Briefing: " and the names most sources mention.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from ..pool.features import Tokenizer
from ..wordlists import MONTHS, WEEKDAYS
from ..models import Sentence, Source
from ..pool.neutrality import subjectivity

_CLAUSE_END = re.compile(r"\s*(?:[,:;|]|\s[-–—]\s|\s(?:as|amid|amidst|while|after)\s)", re.IGNORECASE)
# A name: capitalised words of two letters or more, or initials with full stops ("U.S.", not "U"
# and "S").
_NAME = re.compile(r"(?<![\w'’.])(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w'’-]+)(?:\s+(?:al-|bin\s|de\s|van\s)?[A-Z][\w'’-]+)*")
_NOT_NAMES = frozenset(WEEKDAYS + MONTHS)
_MAX_SUBJECTIVITY = 0.2
_LEAD = 5  # sentences of each source read for names: what a story is about is in its lead
_NAMES_SHOWN = 3


def source_titles(headlines: Sequence[str], sources: Sequence[Source]) -> list[str]:
    """Each source's headline; else the title its metadata gives; else its file name."""
    return [headline or (source.title or "").strip() or source.name for headline, source in zip(headlines, sources)]


def briefing_title(headlines: Sequence[str], sentences: Sequence[Sentence], tokenizer: Tokenizer) -> str:
    """A neutral title for the briefing, from what the sources' headlines share."""
    clauses = [_main_clause(h) for h in headlines if h]
    bags = [set(tokenizer.terms(c)) for c in clauses]
    best, best_share = "", 0.0
    for i, (clause, bag) in enumerate(zip(clauses, bags)):
        others = bags[:i] + bags[i + 1:]
        if (not bag or not others or len(clause.split()) < 3
                or subjectivity(clause, tokenizer.language) > _MAX_SUBJECTIVITY):
            continue
        share = sum(sum(stem in other for other in others) / len(others) for stem in bag) / len(bag)
        if share > best_share or (share == best_share and best and len(clause) < len(best)):
            best, best_share = clause, share
    return best if best_share >= 0.3 else _names_title(sentences)


def _main_clause(headline: str) -> str:
    return _CLAUSE_END.split(headline.strip(), maxsplit=1)[0].strip()


def _names_title(sentences: Sequence[Sentence]) -> str:
    """ "Briefing: " and the names the most sources mention (a name is capitalised mid-sentence)."""
    sources_of: dict[str, set[int]] = {}
    mentions: Counter[str] = Counter()
    for sentence in sentences:
        if sentence.position >= _LEAD:
            continue
        for match in _NAME.finditer(sentence.text):
            if match.start() == 0:  # a capital that only opens the sentence says nothing
                continue
            name = re.sub(r"['’]s?$", "", match.group())
            if name.casefold() in _NOT_NAMES:
                continue
            sources_of.setdefault(name, set()).add(sentence.source)
            mentions[name] += 1
    ranked = sorted(sources_of, key=lambda n: (-len(sources_of[n]), -mentions[n], n))
    return "Briefing: " + ", ".join(ranked[:_NAMES_SHOWN]) if ranked else "Briefing"
