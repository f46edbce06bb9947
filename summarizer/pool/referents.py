"""Sentences that lean on an earlier one, and what a briefing must carry before quoting them.

A news sentence often points back at the one before it in its source: through a pronoun or a
demonstrative ("He said ...", "This recent rebellion ..."), a connective ("However, ..."), a
pronoun for its speaker ("..., he said."), a "the"-reference to something its source introduced
just before ("The yacht, which has a crew of 11, ..."), or a surname whose full name came earlier
("Salim was charged ...", after "Mamdouh Mahmud Salim").  Quoted alone it reads wrongly or not at all.  ``find`` records, per
pooled sentence, what it leans on (a ``Referent``); ``rank.standalone`` holds every briefing to it.
A first-person sentence without its speaker ("We've liberated the city.") is never quotable
(``speakerless``, read by ``editorial.quotable``).

The rules read English (word lists in ``data/referents.json``); other languages get none.
"""

from __future__ import annotations

import calendar
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from ..models import Referent, Referents
from .names import name_runs
from ..ingest.verbs import verbs
from ..wordlists import REPORTING_VERBS, alternation

if TYPE_CHECKING:
    from ..models import Sentence
    from .features import Tokenizer

_DATA = json.loads((Path(__file__).parent.parent / "data" / "referents.json").read_text(encoding="utf-8"))
# A "the"-head this long at least is carried by a compound ending in it whose first part is this long.
_COMPOUND_HEAD, _COMPOUND_FIRST = 4, 4
# Earlier sentences of its source a "the"-reference may point back to.
_THE_WINDOW = 2
_OPEN_QUOTES = "\"“‘'`«„"

_OPENER = re.compile(
    rf"[{_OPEN_QUOTES}\s]*(?:{alternation(_DATA['pronoun_openers'] + _DATA['connective_openers'])})(?![\w-])",
    re.IGNORECASE)
# "Most died ...", "Many of them fled ...": a quantifier standing for what the sentence before named.
_QUANTIFIER = re.compile(
    rf"[{_OPEN_QUOTES}\s]*{alternation(_DATA['quantifier_openers'])}(?:,\s[^,]{{1,25}},)?\s+"
    rf"(?:(?P<of>of\s+{alternation(_DATA['pronoun_openers'])}\b(?!\s+(?:who|whom|which|that)\b))|(?P<rest>[a-z]\S*))",
    re.IGNORECASE)
# "Two of them died", "Half of those ...", "Of those, 12 died", "Among them was ..." ("those who
# fled" is its own).
_COUNTED_OF = re.compile(rf"[{_OPEN_QUOTES}\s]*(?:[\w'’-]+\s+){{0,2}}?(?:of|among)\s+{alternation(_DATA['counted_of'])}\b"
                         r"(?!\s+(?:who|whom|which|that)\b)", re.IGNORECASE)
_OPINION_VERBS = frozenset(_DATA["opinion_verbs"])
# Capitalised words that name no one: "On Monday, they ..." still points back.
_CALENDAR = frozenset(_DATA["temporal_nouns"]) | {m.lower() for m in (*calendar.month_name, *calendar.month_abbr) if m}
# "A few months later, he died.": a person's pronoun after a short opening phrase of no name.
_AFTER_OPENING = re.compile(
    rf"[{_OPEN_QUOTES}\s]*(?P<opening>[A-Z][\w'’-]*(?:\s+[\w'’.-]+){{0,6}}),\s+"
    rf"{alternation(_DATA['person_pronouns'])}\b(?!\s+who\b)")
_PLACE_OPENING = re.compile(rf"{alternation(_DATA['place_openings'])}\s", re.IGNORECASE)
_PRONOUN_OPENER = re.compile(rf"[{_OPEN_QUOTES}\s]*(?:{alternation(_DATA['pronoun_speakers'] + ['it'])})(?![\w-])",
                             re.IGNORECASE)
_NOT_POINTING = re.compile(rf"[{_OPEN_QUOTES}\s]*{alternation(_DATA['not_pointing'])}", re.IGNORECASE)
# "It is not clear whether ...", "It was the first time ...": "it" stands for nothing before it.
_EXPLETIVE_IT = re.compile(
    rf"[{_OPEN_QUOTES}\s]*it\s+{alternation(_DATA['expletive_it_copulas'])}\s+(?:not\s+)?(?:yet\s+)?"
    rf"(?:immediately\s+|also\s+|still\s+|now\s+)?{alternation(_DATA['expletive_it_words'])}\b",
    re.IGNORECASE)
# "This week ...", "That night ...": a demonstrative of time points at the calendar, not back.
_DEICTIC_TIME = re.compile(rf"[{_OPEN_QUOTES}\s]*(?:this|that|these|those)\s+(?:past\s+|coming\s+)?"
                           rf"{alternation(_DATA['temporal_nouns'])}s?\b", re.IGNORECASE)
# "..., he said." / "..., said she.": the speaker is a pronoun.
_PRONOUN_SPEAKER = re.compile(
    rf"(?:^|[,;:”\"'’]\s*)(?:{alternation(_DATA['pronoun_speakers'])})\s+(?:also\s+)?"
    rf"{alternation(REPORTING_VERBS | {'added', 'wrote', 'asked', 'explained'})}\b"
    rf"|\b{alternation(REPORTING_VERBS | {'added', 'wrote', 'asked'})}\s+(?:{alternation(_DATA['pronoun_speakers'])})"
    rf"\s*(?:[.,;]|$)",
    re.IGNORECASE)
_SINGULAR_AUXILIARIES = frozenset({"is", "was", "has", "does"})  # "None was found", "Each has"
_FIRST_PERSON = re.compile(rf"(?<![\w'’-])(?<!War ){alternation(_DATA['first_person'])}(?![\w'’-])", re.IGNORECASE)
_FIRST_PERSON_CASE = re.compile(r"I(?:['’]\w+)?|[a-z][\w'’]*|[A-Z][a-z'’]+")  # "us", "Our", "I"; not "US" or "MY"
_ATTRIBUTION = re.compile(
    rf"\b(?:{alternation(REPORTING_VERBS | {'added', 'wrote', 'asked', 'says', 'say', 'tells', 'insisted', 'argued', 'warned', 'declared', 'recalled'})}|according to)\b",
    re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|``.*?''|‘[^’]*’(?!\w)")
# A lower-case past form ("backed", "peaked"): after a noun, the verb its phrase is the subject of.
_VERB_FORM = re.compile(r"[a-z]+ed")
_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*[\w]|[A-Za-z]|\d[\w,.-]*|[^\w\s]")


def points_back(text: str) -> bool:
    """Whether a sentence opens by pointing at the one before it, or has a pronoun for its speaker."""
    if _OPENER.match(text) and not (_NOT_POINTING.match(text) or _EXPLETIVE_IT.match(text)
                                    or _DEICTIC_TIME.match(text)):
        return True
    if _quantifier_alone(text):
        return True
    opening = _AFTER_OPENING.match(text)
    if opening and (_PLACE_OPENING.match(opening.group("opening")) or not any(
            word[:1].isupper() and word.lower().rstrip(".") not in _CALENDAR
            for word in opening.group("opening").split()[1:])):
        return True  # ("In Eden, he ...": a place's name is no person's)
    return bool(_PRONOUN_SPEAKER.search(_QUOTED.sub("", text).strip()))


def _quantifier_alone(text: str) -> bool:
    """A quantifier that opens a sentence with no noun of its own: "of" and a pronoun ("Two of
    them"), or a verb right after it (a plural verb, or a singular auxiliary: "None was found";
    "Most residents" and "All houses" name their own; "Some say ..." is people in general)."""
    if _COUNTED_OF.match(text):
        return True
    match = _QUANTIFIER.match(text)
    if match is None:
        return False
    if match.group("of"):
        return True
    rest = text[match.start("rest"):]
    verb = next(verbs(rest), None)
    return (verb is not None and verb.start() == 0 and verb.group().lower() not in _OPINION_VERBS
            and (not verb.group().endswith("s") or verb.group().lower() in _SINGULAR_AUXILIARIES))


def speakerless(text: str) -> bool:
    """A first-person sentence ("we", "our", "I") that does not name its speaker: whose words?"""
    if not any(_FIRST_PERSON_CASE.fullmatch(m.group()) for m in _FIRST_PERSON.finditer(text.replace("’", "'"))):
        return False
    own = _QUOTED.sub(" ", text)
    return not (_ATTRIBUTION.search(own) and not _PRONOUN_SPEAKER.search(own.strip()))


def find(sentences: Sequence[Sentence], tokenizer: Tokenizer, surnames: bool = True,
         terms: Sequence[Sequence[str]] | None = None) -> Referents:
    """What each pooled sentence leans on (English; other languages: nothing); with ``surnames``
    false, a surname alone leans on nothing.  ``terms``: each sentence's content stems, where the
    caller has them (``TermMatrix.terms``)."""
    if tokenizer.language != "english":
        return Referents([None] * len(sentences), [frozenset()] * len(sentences))
    needs: list[Referent | None] = []
    runs_of = [name_runs(s.text) for s in sentences]
    names = [frozenset(run[-1] for run in runs if len(run) > 1) for runs in runs_of]
    leading = {word for runs in runs_of for run in runs for word in run[:-1]}  # "Syrian Observatory"
    known: set[str] = set()  # surnames its source has given in full so far (no word that opens a name)
    recent: list[set[str]] = []  # stems of the source's last few sentences
    for row, sentence in enumerate(sentences):
        if row == 0 or sentences[row - 1].source != sentence.source:
            known, recent = set(), []
        runs, full = runs_of[row], names[row]
        alone = () if not surnames else tuple(dict.fromkeys(run[0] for run in runs if len(run) == 1 and run[0] in known
                                    and run[0] not in full and not _after_the(sentence.text, run[0])))
        every_head = the_references(sentence.text, tokenizer) if "the" in sentence.text.lower() else ()
        context = set().union(*recent) if recent else set()
        heads = tuple(h for h in (tuple(s for s in head if s in context) for head in every_head) if h)
        leans = points_back(sentence.text)
        if leans and sentence.position == 0 and full and _PRONOUN_OPENER.match(sentence.text):
            # A lead has nothing before it: its pronoun points ahead, at the person it names ("He's
            # ranked as the richest man in the nation ..., Sam Walton is just another neighbor.").
            leans = False
        antecedent = row - 1 if leans and sentence.position > 0 and row > 0 else -1
        if leans and antecedent < 0:
            antecedent = -2  # leans on a sentence that is not there (the first of its source)
        needs.append(Referent(antecedent, heads, alone) if leans or heads or alone else None)
        known |= full - leading
        # What it introduces: its words, but not those it only names as "the X" itself (a city
        # every report calls "the city" is common ground, not something one sentence introduced).
        definite = {stem for head in every_head for stem in head}
        stems = terms[row] if terms is not None else tokenizer.terms(sentence.text)
        recent = (recent + [set(stems) - definite])[-_THE_WINDOW:]
    return Referents(needs, names)


def the_references(text: str, tokenizer: Tokenizer, context: set[str] | None = None) -> tuple[tuple[str, ...], ...]:
    """Per "the X" whose X the source named in ``context`` (and this sentence not before it): X's
    stems; with no ``context``, of every "the X" not named right there ("the city of Hama")."""
    tokens = _TOKEN.findall(text)
    stop = tokenizer.stop_words
    seen: set[str] = set()  # stems of the content words before "the" (stemmed when a head asks)
    earlier: list[str] = []
    found = []
    for i, token in enumerate(tokens):
        lower = token.lower()
        if lower == "the":
            head, end = [], i + 1  # the head noun's stems; the token after the noun phrase
            named = False
            for follower in tokens[i + 1:i + 4]:
                if follower[0].isupper() or follower[0].isdigit():
                    if head:
                        break
                    named = named or follower[0].isupper()
                    end += 1
                    continue  # "the Syrian army", "the 11-member crew"
                if not follower[0].isalpha() or follower.lower() in stop:
                    break
                if head and _VERB_FORM.fullmatch(follower):
                    break  # "the public backed the idea": the noun ends where its verb begins
                head.append(tokenizer.stem(follower))
                end += 1
                if len(head) == 2:
                    break
            after = tokens[end:end + 2]
            if named or after and (after[0][0].isupper() or after[0] == "of" and len(after) > 1 and after[1][0].isupper()):
                continue  # named right there: "the Syrian army", "the city of Hama", "the yacht Sayonara"
            if head and earlier:
                seen.update(tokenizer.stems(earlier))
                earlier = []
            anaphoric = tuple(s for s in head if (context is None or s in context) and s not in seen)
            if anaphoric:
                found.append(anaphoric)
        elif lower not in stop and token[0].isalpha():
            earlier.append(token)
    return tuple(found)


def _after_the(text: str, word: str) -> bool:
    """"the Council": a name after "the" is an institution's, not a person's surname."""
    return re.search(rf"\bthe\s+{re.escape(word)}\b", text, re.IGNORECASE) is not None


def carried(referent: Referent | None, before: Iterable[int], stems: set[str], names: set[str],
            passage_of: Sequence[int]) -> bool:
    """Whether a briefing whose earlier sentences are the rows ``before`` (with their ``stems`` and
    full ``names``) carries what ``referent`` leans on."""
    if referent is None:
        return True
    if referent.antecedent == -2:
        return False
    if referent.antecedent >= 0 and passage_of[referent.antecedent] not in {passage_of[r] for r in before}:
        return False
    return (all(any(s in stems or _compound_of(s, stems) for s in head) for head in referent.heads)
            and all(name in names for name in referent.surnames))


def _compound_of(stem: str, stems: set[str]) -> bool:
    """Whether a compound the briefing has ends in ``stem``: "the quake" after "earthquake", "the
    storm" after "snowstorm" (the compound's first part a word of its own: not "report" for "port")."""
    return len(stem) >= _COMPOUND_HEAD and any(
        len(other) - len(stem) >= _COMPOUND_FIRST and other.endswith(stem) for other in stems)
