"""How opinionated a sentence reads: a lexicon score plus rules for what lexicons miss.

The lexicon is Pattern's English adjective lexicon as TextBlob ships it (nothing is downloaded).
Quoted speech is attributed, so its words do not count against the sentence: a
briefing may report what a spokesman called "a stunning defeat".

Other languages: no dependency ships a subjectivity lexicon for them (TextBlob has English only),
and the word rules below (loaded words, predictions, interpretation, attribution, first person)
are English word lists, so they apply to English alone.  What does not depend on words applies
to every language: a question in the sentence's own voice (outside quotation marks, of every
language's kind: „…“ »…« «…» ‹…›) reads as opinion.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree

from ..ingest.language import AUTO
from ..wordlists import REPORTING_VERBS, alternation, word_list

# Hype and loaded wording a neutral briefing does not use in its own voice (a word list).
LOADED = re.compile(r"\b" + alternation(word_list("loaded.txt")) + r"\b")
# Predictions stated as fact, not attributed to anyone.
_PREDICTION = re.compile(
    r"\b(?:will (?:be|prove|likely|certainly|undoubtedly)|is (?:bound|certain|sure|set) to|"
    r"could (?:escalate|galvanize|disrupt|reshape|prove)|may prove)\b",
)
# Interpretation in the writer's own voice: what an event "underscores" or "signals" is analysis.
_INTERPRETATION = re.compile(
    r"\b(?:underscor(?:e|es|ed|ing)|highlight(?:s|ed|ing)? (?:the|a|an|its|his|her|their) |"
    r"(?:represent|signal)(?:s|ed|ing|ling)? (?:both )?(?:a|an) (?:new|major|significant|crucial|critical|pivotal|"
    r"historic|fundamental|dramatic|decisive|serious|turning|shift|change|setback|strategic|symbolic|renewed|broader|"
    r"victory|blow) |"
    r"epitomi[sz](?:e|es|ed)|exemplif(?:y|ies)|(?:is|are|was|were|being) (?:widely )?(?:seen|viewed|regarded) as|"
    r"rais(?:e|es|ed|ing) (?:questions|doubts)|cast(?:s|ing)? (?:doubt|a shadow)|call(?:s|ed|ing)? into question|"
    r"turning point|pivotal|implications?)\b",
)
# Attributed: a reporting verb, or a phrase that also puts the words in someone's mouth.
_ATTRIBUTION = re.compile(
    r"\b" + alternation(REPORTING_VERBS | {"according to", "reports", "warned", "argued", "believe",
                                          "believes", "expect", "expects"}) + r"\b",
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me)\b")
# Words the lexicon scores as subjective that news uses for plain quantities, order and facts.
_FACTUAL = frozenset(
    "more most less least many much few fewer several only other same first second third last next "
    "former latest recent early earlier late later full whole entire own confirmed base further "
    "various due heavy past following near single".split()
)
# Lexicon entries below this are descriptive ("military", "political"), not opinion.
_OPINION_MIN = 0.4
_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|``.*?''|‘[^’]*’(?!\w)"
                     r"|„[^“”]*[“”]|«[^»]*»|»[^«]*«|‹[^›]*›|‚[^‘]*‘")  # German, French, Russian... quotes
_QUESTION_MARKS = ("?", "؟")
# Languages the lexicon and the word rules read ("auto" before detection: as they always did).
_WORD_RULE_LANGUAGES = ("english", AUTO)


def unquoted(text: str) -> str:
    """The sentence in its own voice: quotations removed."""
    return _QUOTED.sub(" ", text)


def subjectivity(text: str, language: str = "english") -> float:
    """0 for a plain factual sentence, up to 1 for pure opinion or hype."""
    if language not in _WORD_RULE_LANGUAGES:
        return 0.9 if is_rhetorical_question(text) else 0.0
    return _subjectivity(text)


@lru_cache(maxsize=65536)
def _own_voice(text: str) -> tuple[str, str]:
    """The sentence without its quotations, as written and lower-cased: read once a sentence, however
    many rules ask (subjectivity, loaded words, a question)."""
    own = unquoted(text)
    return own, own.lower()


@lru_cache(maxsize=65536)
def _loaded(text: str) -> bool:
    return LOADED.search(_own_voice(text)[1]) is not None


@lru_cache(maxsize=65536)
def _subjectivity(text: str) -> float:
    # The word patterns are lower case and matched against lower-cased text: several times
    # faster than case-insensitive matching, and this runs on every pooled sentence.
    own, own_lower = _own_voice(text)
    score = _lexicon_subjectivity(own_lower)
    if _loaded(text):
        score = max(score, 0.8)
    if own.rstrip().endswith("?") or _FIRST_PERSON.search(own):
        score = max(score, 0.9)
    if (_PREDICTION.search(own_lower) or _INTERPRETATION.search(own_lower)) and not _ATTRIBUTION.search(text.lower()):
        score = max(score, 0.6)
    return score


def is_loaded(text: str, language: str = "english") -> bool:
    """Whether the sentence uses a loaded word (``data/loaded.txt``) in its own voice, not in a quotation."""
    return language in _WORD_RULE_LANGUAGES and _loaded(text)


def is_rhetorical_question(text: str) -> bool:
    return _own_voice(text)[0].rstrip().endswith(_QUESTION_MARKS)


def _lexicon_subjectivity(text: str) -> float:
    """Mean subjectivity of the (lower-cased) sentence's opinion words, damped when there is only one."""
    lexicon = _lexicon()
    scores = [lexicon[w] for w in _WORD.findall(text) if w in lexicon]
    if not scores:
        return 0.0
    return sum(scores) / len(scores) * min(1.0, len(scores) / 2)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    """Word -> subjectivity, averaged over its senses, from the lexicon TextBlob ships.

    The file is read directly: importing TextBlob would import NLTK, which takes most of a second.
    """
    package = importlib.util.find_spec("textblob")
    path = Path(package.submodule_search_locations[0]) / "en" / "en-sentiment.xml"
    senses: dict[str, list[float]] = {}
    for element in ElementTree.parse(path).getroot().iter("word"):
        senses.setdefault(element.get("form").lower(), []).append(float(element.get("subjectivity", 0)))
    return {
        word: sum(values) / len(values)
        for word, values in senses.items()
        if word not in _FACTUAL and " " not in word and sum(values) / len(values) >= _OPINION_MIN
    }
