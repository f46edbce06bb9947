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

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from ..models import Referent, Referents
from .names import name_runs
from ..wordlists import REPORTING_VERBS, alternation

if TYPE_CHECKING:
    from ..models import Sentence
    from .features import Tokenizer

_DATA = json.loads((Path(__file__).parent.parent / "data" / "referents.json").read_text(encoding="utf-8"))
# Earlier sentences of its source a "the"-reference may point back to.
_THE_WINDOW = 2
_OPEN_QUOTES = "\"“‘'`«„"

_OPENER = re.compile(
    rf"[{_OPEN_QUOTES}\s]*(?:{alternation(_DATA['pronoun_openers'] + _DATA['connective_openers'])})(?![\w-])",
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
_FIRST_PERSON = re.compile(rf"(?<![\w'’-])(?<!War ){alternation(_DATA['first_person'])}(?![\w'’-])", re.IGNORECASE)
_FIRST_PERSON_CASE = re.compile(r"I(?:['’]\w+)?|[a-z][\w'’]*|[A-Z][a-z'’]+")  # "us", "Our", "I"; not "US" or "MY"
_ATTRIBUTION = re.compile(
    rf"\b(?:{alternation(REPORTING_VERBS | {'added', 'wrote', 'asked', 'says', 'say', 'tells', 'insisted', 'argued', 'warned', 'declared', 'recalled'})}|according to)\b",
    re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|``.*?''|‘[^’]*’(?!\w)")
_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*[\w]|[A-Za-z]|\d[\w,.-]*|[^\w\s]")


def points_back(text: str) -> bool:
    """Whether a sentence opens by pointing at the one before it, or has a pronoun for its speaker."""
    if _OPENER.match(text) and not (_NOT_POINTING.match(text) or _EXPLETIVE_IT.match(text)
                                    or _DEICTIC_TIME.match(text)):
        return True
    return bool(_PRONOUN_SPEAKER.search(_QUOTED.sub("", text).strip()))


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
    return (all(any(s in stems for s in head) for head in referent.heads)
            and all(name in names for name in referent.surnames))
