"""Titles: each source's, and the briefing's own, which must not be one outlet's loaded wording.

The briefing takes a source's own headline where the sources have one (the first line of the
text, an HTML page's title, a JSON ``title`` field): the plainly worded one closest to the story,
that is to the centroid of the pooled sentences.  A headline is cut to its main clause, what comes
before its first comma, colon, dash or "as"/"amid" ("Syrian Rebels Seize Control of Hama" of "...
as Government Troops Withdraw").  Without one, the title is a short phrase of the story's most
central plain sentence: its main clause, cut at a clause boundary, at most 12 words.  Never a
list of names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Collection, Sequence

import numpy as np
import scipy.sparse as sp

from ..ingest.verbs import verbs
from ..models import Pool, Source
from ..pool.neutrality import subjectivity
from ..wordlists import REPORTING_VERBS, alternation

_CLAUSE_END = re.compile(r"\s*(?:[,:;|]|\s[-–—]\s|\s(?:as|amid|amidst|while|after)\s)", re.IGNORECASE)
_MAX_SUBJECTIVITY = 0.2
_LEDE = 1  # sentences of each source that state the story: the first place a title is looked for
_LEAD = 5  # sentences of each source a title may come from: what a story is about is in its lead
_MAX_WORDS = 12
_MIN_WORDS = 4
_CANDIDATES = 5  # most central sentences whose main clause may be the title as it stands
# Where a sentence's main clause may stop: before a comma or dash, or before a word that opens a
# subordinate clause or an adverbial phrase ("... after three days of fighting").
_BOUNDARY_WORDS = frozenset(
    "after as amid although because before but despite during for following from in including "
    "since so that though to until when where whereas which while who whom whose with without".split())
# Words that open a subordinate clause: a title's verb comes before them.
_SUBORDINATE = frozenset("after although as because before if since that though until when where whereas "
                         "which while who whom whose".split())
_SHORT_CAPITALS = frozenset("the mr mrs ms dr its his her one two six ten new all".split())  # not initials
_RELATIVE = frozenset("that which who whom whose".split())
# A list that goes on past a comma: "food, medicine and tents", "Rome, Paris or Madrid".
_LIST_GOES_ON = re.compile(r"^(?:[\w'’.-]+\s+){1,2}?(?:and|or)\s")
# Where a clause too long for a title is cut: before a subordinate clause or an adverbial, never
# inside a complement ("to impose", "from President Reagan to ...").
_CUT_BEFORE = _BOUNDARY_WORDS - {"to", "for", "from", "so", "but"}
# The pieces of a sentence: between commas, semicolons and dashes.
_SEGMENT = re.compile(r"[,;:]\s+|\s+(?:--?|–|—|_)\s+")
# Words that open an adverbial before a sentence's clause ("Meanwhile,", "On Thursday,").
_OPENERS = frozenset("on at by in among here meanwhile however earlier later today yesterday also still now "
                     "then simply".split())
_AUXILIARIES = frozenset("is are was were be been being has have had will would can could may might must "
                         "shall should do does did".split())
_DANGLING = frozenset("and or but the a an of by on at its their his her".split())
# An attribution that opens a sentence: "Officials said Tuesday that ...".
_REPORTED_THAT = re.compile(rf"^(?:[\w'’.-]+\s+){{1,6}}?{alternation(REPORTING_VERBS)}(?:\s+\w+){{0,2}}?\s+that\s+",
                            re.IGNORECASE)
_PRONOUN_START = re.compile(r"^(?:he|she|it|they|we|i|you|this|that|these|those|his|her|their|its|my|our|your)\b",
                            re.IGNORECASE)
# Quotation marks; a closing single quote is left, it cannot be told from a possessive ("Marcos'").
_QUOTE_MARKS = re.compile(r"``|''|[\"“”‘«»„]|(?<!\w)['’]")


def source_titles(headlines: Sequence[str], sources: Sequence[Source]) -> list[str]:
    """Each source's headline; else the title its metadata gives; else its file name."""
    return [headline or (source.title or "").strip() or source.name for headline, source in zip(headlines, sources)]


def briefing_title(pool: Pool, leave_out: Collection[int] = (), disputed: Collection[str] = ()) -> str:
    """A neutral title for the briefing: the most representative plain headline, else a phrase of
    the most central plain sentence of the sources' leads (no headline of the sources left out).
    Neither states a value of ``disputed`` (as written: "18" where sources say 15 or 18): a title
    takes no side where the briefing shows sources differ, nor states a figure overtaken since."""
    centroid = _centroid(pool)
    sides = re.compile("|".join(rf"(?<![\w.,]){re.escape(v)}(?![\w]|[.,]\d)" for v in disputed), re.IGNORECASE) \
        if disputed else None
    candidates = [h or (s.title or "").strip() for i, (h, s) in enumerate(zip(pool.headlines, pool.sources))
                  if i not in leave_out]
    candidates = [c for c in candidates if sides is None or not sides.search(c)]
    return headline_title(candidates, pool, centroid) or sentence_title(pool, centroid, sides) or "Briefing"


def headline_title(headlines: Sequence[str], pool: Pool, centroid: np.ndarray | None = None) -> str:
    """The plain headline (its main clause) most similar to the pool's centroid; "" if there is none."""
    centroid = _centroid(pool) if centroid is None else centroid
    clauses = []
    for headline in dict.fromkeys(h.strip() for h in headlines if h and h.strip()):
        clause = main_clause(headline)
        # Not a headline: a kicker or section label in capitals ("ROUGH DIAMOND PRODUCTION"), an
        # agency's note in brackets ("[Report from Beirut]"), two words ("SPEED TRAP; By ...").
        if (len(clause.split()) >= 3 and not clause.isupper() and clause[:1] not in "[(<"
                and subjectivity(clause, pool.tokenizer.language) <= _MAX_SUBJECTIVITY):
            clauses.append(clause)
    if not clauses:
        return ""
    closeness = _vectors(clauses, pool) @ centroid
    # (A headline that shares no word with the articles is still the outlet's own: "Hochwasser in
    # Passau" over a text that says "Donau" and "Altstadt"; the first one then, as argmax gives.)
    return clauses[int(np.argmax(closeness))]


def sentence_title(pool: Pool, centroid: np.ndarray | None = None, sides: re.Pattern[str] | None = None) -> str:
    """A short phrase of the most central plain sentence of the sources' leads ("" if none); none
    in which ``sides`` finds a disputed value (in the phrase: the rest of its sentence is cut)."""
    centroid = _centroid(pool) if centroid is None else centroid
    rows = [int(r) for r in pool.quote if r >= 0 and pool.sentences[r].position < _LEAD
            and not _PRONOUN_START.match(pool.sentences[r].text)
            and pool.sentences[r].text[:1] not in "\"“‘'`«„"  # a quotation is someone's words
            and subjectivity(pool.sentences[r].text, pool.tokenizer.language) <= _MAX_SUBJECTIVITY]
    if not rows:
        return ""
    # Closeness to the centroid, more for a sentence several sources report.
    support = {r: len(p.sources) for p in pool.passages for r in p.rows}
    closeness = (pool.tfidf[rows] @ centroid) * (1 + np.log([support.get(r, 1) for r in rows]))
    central = [pool.sentences[rows[i]] for i in np.argsort(-closeness, kind="stable")]
    ledes = [s for s in central if s.position < _LEDE]
    # The most central lede whose main clause, cut at a clause boundary if need be, is a title;
    # then the same among the lead sentences; then cut where it must be.
    for group, anywhere in ((ledes[:_CANDIDATES], False), (central[:_CANDIDATES], False), (central, True)):
        for sentence in group:
            clause = phrase(sentence.text, cut_anywhere=anywhere)
            if (_MIN_WORDS <= len(clause.split()) <= _MAX_WORDS and _is_clause(clause)
                    and (sides is None or not sides.search(clause))):
                return clause
    clause = phrase(central[0].text)
    return clause if len(clause.split()) >= _MIN_WORDS and (sides is None or not sides.search(clause)) else ""


def _is_clause(text: str) -> bool:
    """A title that reads as a statement: a verb other than a reporting one after its first word
    and before any subordinate clause ("Drug abusers who are infected" is none), no pronoun,
    conjunction or adverb to open it."""
    words = text.split()
    verb_at = _verbs(words)
    main = len(words)
    for at, word in enumerate(words[1:], 1):
        if word.lower() in _SUBORDINATE:
            # a "that" or "who" clause left without its verb: "signs that Hurricane Andrew"
            if word.lower() in _RELATIVE and not any(i > at for i in verb_at):
                return False
            main = at
            break
    return (any(0 < i < main and v not in REPORTING_VERBS for i, v in verb_at.items())
            and not _PRONOUN_START.match(text)
            and words[0].lower() not in _BOUNDARY_WORDS | _OPENERS | {"and", "or", "but"}
            and words[-1].lower() not in _AUXILIARIES)  # "... Thapar was" is cut mid-clause


def _verbs(words: list[str]) -> dict[int, str]:
    """The words (of a text split at spaces) that are finite verbs, by index, in lower case: the
    strict reading of ``ingest.verbs`` (auxiliaries, reporting verbs, "-ed" and past forms:
    "Associated Press" and "United" are names)."""
    starts = list(accumulate((len(word) + 1 for word in words[:-1]), initial=0))
    return {bisect_right(starts, m.start()) - 1: m.group().lower() for m in verbs(" ".join(words), strict=True)}


def phrase(sentence: str, max_words: int | None = _MAX_WORDS, *, cut_anywhere: bool = True) -> str:
    """A sentence's main clause as a title: without an opening phrase, an appositive, an
    attribution, quotation marks or a final full stop; cut at a clause boundary to at most
    ``max_words`` words (None: not cut; "" if no boundary is near enough and not ``cut_anywhere``)."""
    text = _QUOTE_MARKS.sub("", sentence).strip().rstrip(".!?…;:").strip()
    reported = _REPORTED_THAT.match(text)
    if reported and len(text[reported.end():].split()) >= _MIN_WORDS:
        text = text[reported.end():]
    segments = [part.strip() for part in _SEGMENT.split(text) if part.strip()]
    if len(segments) > 1 and _is_opening(segments[0]):
        segments = segments[1:]
    kept = segments[0].split() if segments else []
    if len(segments) > 1 and _LIST_GOES_ON.match(segments[1]):  # "food, medicine and tents flew ..."
        kept[-1] += ","
        kept += segments[1].split()
    elif len(kept) < _MIN_WORDS and len(segments) > 2:  # "Hurricane Gilbert, the strongest storm, hit ..."
        kept += segments[2].split()
    if max_words is not None and len(kept) > max_words:
        # (never right after an auxiliary or a verb: "the hurricane may | in the end do no harm",
        # "scientists have discovered | that ...")
        verb_at = _verbs(kept)
        boundaries = [i for i in range(_MIN_WORDS, max_words + 1)
                      if kept[i].lower() in _CUT_BEFORE and kept[i - 1].lower() not in _AUXILIARIES
                      and kept[i - 2].lower() not in _AUXILIARIES  # "will remain | in hospital"
                      and (kept[i].lower() in _SUBORDINATE - {"that"} or i - 1 not in verb_at)]
        if not boundaries and not cut_anywhere:
            return ""
        kept = kept[:boundaries[-1] if boundaries else max_words]
    while len(kept) > _MIN_WORDS and kept[-1].lower() in _BOUNDARY_WORDS | _DANGLING:
        kept.pop()
    # Capitals for emphasis that open a sentence ("THERE are", "US CITIES along the Gulf"): words
    # of four letters or more, and a few short words, set with one capital ("There are", "The
    # Indian government", "US Cities along": "US" may be initials).
    run = next((i for i, w in enumerate(kept) if not w.isupper()), len(kept))
    if 0 < run < len(kept):
        kept[:run] = [w.capitalize() if w.isalpha() and (len(w) > 3 or w.lower() in _SHORT_CAPITALS) else w
                      for w in kept[:run]]
    title = " ".join(kept)
    return title[:1].upper() + title[1:]


def _is_opening(segment: str) -> bool:
    """An adverbial that opens a sentence before its clause: "On Thursday", "After three days"."""
    words = segment.split()
    return len(words) <= 8 and words[0].lower() in _BOUNDARY_WORDS | _OPENERS


def main_clause(headline: str) -> str:
    return _CLAUSE_END.split(headline.strip(), maxsplit=1)[0].strip()


def _centroid(pool: Pool) -> np.ndarray:
    """The unit centroid of the pooled sentences' TF-IDF vectors."""
    centroid = np.asarray(pool.tfidf.sum(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    return centroid / norm if norm > 0 else centroid


def _vectors(texts: Sequence[str], pool: Pool) -> sp.csr_matrix:
    """TF-IDF rows of texts over the pool's vocabulary and IDF, each of unit length counting the
    words the pool lacks too (at the highest IDF): a headline of words the story never uses is far."""
    index = {term: j for j, term in enumerate(pool.terms.vocabulary)}
    idf = pool.terms.idf()
    rows, columns = [], []
    unknown = np.zeros(len(texts))
    for i, text in enumerate(texts):
        for term in pool.tokenizer.terms(text):
            if term in index:
                rows.append(i)
                columns.append(index[term])
            else:
                unknown[i] += 1
    counts = sp.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(texts), len(index)))
    counts.sum_duplicates()
    counts.data = 1.0 + np.log(counts.data)
    weights = (counts @ sp.diags(idf)).tocsr()
    norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel()
                    + unknown * idf.max(initial=1.0) ** 2)
    norms[norms == 0] = 1.0
    return (sp.diags(1.0 / norms) @ weights).tocsr()
