"""The one reader of "does this text have a verb" (English): verb forms and the words around
them are data (``data/verbs.txt``, ``data/past_tense.txt``, ``data/clause.json``).  Read by the
caption rule and run-on lines (``structure``), quotability (``pool``), the referent check and
the briefing's title.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

from ..wordlists import REPORTING_VERBS, word_list

_CLAUSE = json.loads((Path(__file__).resolve().parent.parent / "data" / "clause.json").read_text(encoding="utf-8"))
_CLAUSE_WORDS = (word_list("verbs.txt") | word_list("past_tense.txt") | REPORTING_VERBS
                 | frozenset(_CLAUSE["auxiliaries"]))
_STRICT_WORDS = (word_list("past_tense.txt") | REPORTING_VERBS
                 | frozenset(_CLAUSE["auxiliaries"]) - frozenset(_CLAUSE["non_finite"]))
_CONTRACTION = re.compile(r"(?:n['’]t|['’](?:re|ve|ll|d|m))$", re.IGNORECASE)  # "'s" also makes a possessive
_BEFORE_NOUNS = frozenset(_CLAUSE["before_nouns"])
FUNCTION_WORDS = _BEFORE_NOUNS | frozenset(_CLAUSE["function_words"])
_ADVERBS = frozenset(_CLAUSE["adverbs"])
_PLURAL_SUBJECTS = frozenset(_CLAUSE["plural_subjects"])
_NOT_PLURAL = frozenset(_CLAUSE["not_plural"])
_SUBJECT_PREPOSITIONS = frozenset(_CLAUSE["subject_prepositions"])
WORD = re.compile(r"[\w'’]+")


def is_clause(text: str, language: str = "english") -> bool:
    """Whether an English sentence has a verb (``verbs``); a fragment has none: a listing, a table
    row ("Iran, Sept. 16, 1978, 7.7, 25,000."), a headline-style phrase.  Another language: True."""
    return language != "english" or next(verbs(text), None) is not None


def verbs(text: str, *, strict: bool = False) -> Iterator[re.Match]:
    """The words of an English text that are verbs, the one reader of "does it have a verb": an
    auxiliary or contraction ("is", "can't", "it's"), a reporting verb, a lower-case "-ed" form, a
    form of ``data/past_tense.txt``; unless ``strict`` (a caption's or a title's test: "Rebel forces
    celebrating"), also words that may be nouns: a four-letter "-ed" word ("need", "used"), a form of
    ``data/verbs.txt`` ("attack"), a present "-s" form (a lower-case "-s" word not right after an
    article, preposition, number or "-ing" form: "Smoke rises", not "of sections"), a word after a
    plural subject ("scientists eliminate"); the words around them: ``data/clause.json``."""
    words = _STRICT_WORDS if strict else _CLAUSE_WORDS
    previous, previous_word, before, plural = "", "", "", False
    for match in WORD.finditer(text):
        word = match.group()
        lower = word.lower().replace("’", "'")
        # (a capitalised one only opening the sentence or in capitals: "Assad's Last Stand" is a title)
        verb = bool(lower in words and (word.islower() or word.isupper() or not previous_word)
                    or _CONTRACTION.search(word)
                    or word.islower() and len(word) > (4 if strict else 3) and word.endswith("ed")
                    or plural and not strict and word.islower() and lower not in FUNCTION_WORDS
                    and not lower.endswith("ing"))
        ends_s = (len(word) > 3 and lower.endswith("s") and not lower.endswith(("ss", "'s"))
                  and lower not in _NOT_PLURAL)
        if not verb and not strict and word.islower() and ends_s:
            # (after an "-ing" form, a noun only where a name does it: "Bernstein playing sections")
            after_ing = previous_word.endswith("ing") and previous_word.islower() and before[:1].isupper()
            verb = not (previous in _BEFORE_NOUNS or after_ing
                        or previous[:1].isdigit() and text[match.start() - 1] == " ")
        if verb:
            yield match
        if lower not in _ADVERBS and not lower.endswith("ly"):
            plural = (lower in _PLURAL_SUBJECTS or ends_s
                      and previous not in _SUBJECT_PREPOSITIONS)
        before, previous = previous_word, lower
        previous_word = word
