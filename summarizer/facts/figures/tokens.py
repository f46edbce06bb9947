"""A sentence cut once into tokens, its clauses, and the capitalised names in it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...wordlists import WORD
from .lexicon import (CLAUSE_BREAKS, DEMONYM_ENDINGS, IRREGULAR_PLURALS, NAME_PARTICLES, NOT_NAMES,
                      PREFILTER, UNCOUNTED_PLURALS)

_TOKEN_RE = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 280,000  1,234.5
    r"|\d+(?:\.\d+)?"  # 727  1.5
    rf"|{WORD.pattern}"  # words, with Syria's / Syria’s
    r"|\S"  # any other single character
)
_DIGIT = re.compile(r"[0-9]")

_BREAK_CANDIDATES = CLAUSE_BREAKS | {"-", "–", "_"}  # a dash or underscore breaks when spaced apart
WINDOW = 40  # tokens either side of a figure that are read for its context
_MAX_NAME = 8  # tokens in a name


def may_hold_figures(text: str) -> bool:
    """Cheap test: a sentence without a digit or a number word holds no figure we read."""
    return bool(_DIGIT.search(text) or PREFILTER.search(text.lower()))


@dataclass
class Tokens:
    """One sentence cut into tokens; the lists are parallel, one entry a token."""

    text: str
    toks: list[str]  # as written
    low: list[str]  # lower case, typographic apostrophe made plain
    st: list[int]  # start and end offsets in text
    en: list[int]
    clo: list[int]  # first token of each token's clause
    chi: list[int]  # token after each token's clause
    source: int
    index: int  # the sentence's index in the input
    # The words of the same source's sentence just before, when this one opens with a pronoun
    # ("It was measured at 26.31 inches"): what "it" may be.
    lead: frozenset[str] = frozenset()


def tokenize(text: str, source: int, index: int) -> Tokens:
    """Numbers (with thousands separators and decimals), words, and single other characters;
    clauses end at semicolons, brackets, dashes set off by spaces ..."""
    found = list(_TOKEN_RE.finditer(text))
    toks = [m.group() for m in found]
    st = [m.start() for m in found]
    en = [m.end() for m in found]
    low = [t.lower() for t in toks]
    if "\u2019" in text:
        low = [t.replace("\u2019", "'") for t in low]
    n = len(toks)
    breaks = [i for i, t in enumerate(toks) if t in _BREAK_CANDIDATES]
    if breaks:
        breaks = [i for i in breaks if toks[i] in CLAUSE_BREAKS or (
            0 < i < n - 1 and st[i] > en[i - 1] and st[i + 1] > en[i]
            and not (toks[i - 1][0].isdecimal() and toks[i + 1][0].isdecimal()))]
    clo, chi = [0] * n, [n] * n
    start = 0
    for b in breaks:  # (the tokens after the last break keep 0 and n when there is none)
        clo[start:b], chi[start:b] = [start] * (b - start), [b] * (b - start)
        clo[b], chi[b] = b, b + 1
        start = b + 1
    clo[start:n] = [start] * (n - start)
    return Tokens(text, toks, low, st, en, clo, chi, source, index)


def position(s: Tokens, k: int) -> int:
    """Where token k stands in the input (sentence index * 100000 + token), for stable order."""
    return s.index * 100000 + k


def adjacent(s: Tokens, a: int, b: int) -> bool:
    return s.en[a] == s.st[b]


def is_poss(s: Tokens, k: int) -> bool:
    return s.low[k].endswith("'s") and len(s.low[k]) > 2


def base(word: str) -> str:
    """A word without its possessive ending."""
    return word[:-2] if word.endswith("'s") else word


def is_cap(s: Tokens, k: int) -> bool:
    t = s.toks[k]
    return t[0].isalpha() and t[0].isupper() and base(s.low[k]) not in NOT_NAMES


def name_back(s: Tokens, k: int, lo: int) -> tuple[int, int] | None:
    """The capitalised name whose last token is ``k``: (start, end) or None."""
    if k < lo or not is_cap(s, k):
        return None
    a = k
    lo = max(lo, k - _MAX_NAME)
    while a - 1 >= lo:
        p = a - 1
        if is_cap(s, p) and not is_poss(s, p):
            a = p
        elif (s.toks[p] == "-" and p - 1 >= lo and adjacent(s, p, a) and adjacent(s, p - 1, p)
              and (s.low[p - 1] in NAME_PARTICLES or is_cap(s, p - 1))):
            a = p - 1
        elif s.low[p] in NAME_PARTICLES and p - 1 >= lo and is_cap(s, p - 1):
            a = p
        else:
            break
    while a < k and not is_cap(s, a):  # never start on a particle
        a += 1
    return a, k + 1


def name_fwd(s: Tokens, k: int, hi: int) -> tuple[int, int] | None:
    """The capitalised name whose first token is ``k``: (start, end) or None."""
    if k >= hi or not is_cap(s, k):
        return None
    b = k + 1
    if is_poss(s, k):
        return k, b
    hi = min(hi, k + _MAX_NAME)
    while b < hi:
        if is_cap(s, b):
            b += 1
            if is_poss(s, b - 1):
                break
        elif (s.toks[b] == "-" and b + 1 < hi and adjacent(s, b - 1, b) and adjacent(s, b, b + 1)
              and is_cap(s, b + 1)):
            b += 2
        elif s.low[b] in NAME_PARTICLES and b + 1 < hi and (
                is_cap(s, b + 1) or (s.toks[b + 1] == "-" and b + 2 < hi and is_cap(s, b + 2))):
            b += 1
        else:
            break
    return k, b


def display(s: Tokens, a: int, b: int) -> str:
    text = s.text[s.st[a]:s.en[b - 1]].replace("\u2019", "'")
    if text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.split())


def norm(name: str) -> str:
    name = name.lower().replace("\u2019", "'")
    if name.endswith("'s"):
        name = name[:-2]
    if name.startswith("the "):
        name = name[4:]
    return " ".join(name.replace(" - ", "-").split())


def possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def plural(noun: str) -> str:
    if noun in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[noun]
    if noun in IRREGULAR_PLURALS.values() or noun in UNCOUNTED_PLURALS:
        return noun
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    return noun + "s"


def singular(noun: str) -> str:
    for sing, plur in IRREGULAR_PLURALS.items():
        if noun == plur:
            return sing
    if noun in UNCOUNTED_PLURALS:
        return noun
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("sses", "shes", "ches", "xes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and len(noun) > 3:
        return noun[:-1]
    return noun


def is_demonym(word: str) -> bool:
    return word.lower().endswith(DEMONYM_ENDINGS)
