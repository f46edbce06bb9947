"""Claims: what each pooled sentence states, as anchors that other sources can be matched on.

A sentence's *anchors* are its content words put in a form the sources share:

* **names** normalised across the pool: spelling and transliteration variants that different
  sources use for one name (al-Jawlani / al-Golani, Zain / Zayn) become one anchor, an acronym and
  its expansion (HTS / Hayat Tahrir al-Sham, U.N. / United Nations) become one anchor, and the
  parts of a name stand for themselves (Bashar al-Assad carries "bashar" and "assad", so a source
  that writes only "Assad" still shares the surname); a people is its place (Indian / India).
  Which variants co-refer is learned from the pool: two spellings merge when their consonant
  skeletons agree and no source uses both;
* **events** and **agents** mapped to classes from word lists (``data/events.txt``,
  ``data/agents.txt``): captured / seized / took control of / fell to / overran are one event;
  rebels / insurgents / opposition forces / fighters are one agent;
* **figures** (digits and number words, with "at least" / "about" / "more than" read as intervals);
* the remaining content stems (places and times are names or words and need no class of their own;
  a compound ending in a lower-case word is its words: "Moslem-majority", "week-long").
  Words that only attribute a claim ("said", "according to") are left out (``data/attribution.txt``).

Whether a sentence reports another one's claim is decided on these anchors in ``claim_match``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ..wordlists import WEEKDAYS

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

    from ..pool.features import Tokenizer

_DATA = Path(__file__).parent.parent / "data"

# Words with an inner apostrophe or hyphen stay whole ("al-Jawlani", "Hay'at"); numbers keep
# their separators ("280,000", "9:49", "2.5").
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’\-][^\W\d_]+)*|[$%]")
_ARTICLE = re.compile(r"^(?:al|el|ad|an|as|ash|at|az|ar)[-‐]", re.IGNORECASE)
_HYPHEN = re.compile(r"[-‐]")
_CONNECTORS = frozenset({"of", "for", "the", "and", "al", "el", "de", "du", "la", "le", "&"})

# Consonant skeleton of a name: vowels and the glides w/y/h carry most transliteration noise
# (Jawlani / Golani, Zain / Zayn, Abadin / Abidin); j/g, q/k/c, z/s are the usual swaps.
_SKELETON_SWAPS = str.maketrans({"j": "g", "q": "k", "c": "k", "z": "s"})
_DEMONYM_ENDINGS = ("ian", "ese", "an", "n", "i")
_MERGE_SIMILARITY = 0.5  # difflib ratio two spellings need besides an equal skeleton
# Where a sentence's main clause ends and a side remark begins.
_SIDE_REMARK = re.compile(
    r",\s+(?:which|who|whose|where|while|whereas|marking|signaling|signalling|dealing|adding|raising|highlighting|"
    r"indicating|threatening|leaving|including|making|bringing|sending|citing|according)\b|\s\(|\s--\s|\s—\s")
_CLAUSE_BREAK = re.compile(r";\s|,\s+(?:and|but|while|whereas|with)\s|,\s+(?:\w+ing)\s|\s(?:--|—)\s")
MIN_CLAUSE_ANCHORS = 3  # a shorter clause is a detail of its neighbour, not a claim of its own
LINK_WINDOW = 6  # tokens between an event and a name it is linked to
# Learning stand-ins: sentences this alike (anchor cosine) say much the same; a pair of words must be
# crossed in this many such sentence pairs, and in this share of the rarer word's sentences.
ALIGNED = 0.3
MIN_ALIGNED = 3
STAND_IN_SHARE = 0.5

_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                      "ninety": 90, "hundred": 100, "dozen": 12})
_SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_DISTANCE_KM = {"km": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0,
                "miles": 1.609, "mile": 1.609, "mi": 1.609}
_VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
          "tens of thousands": (10000, 100000), "hundreds of thousands": (100000, 1000000),
          "millions": (2e6, 1e7)}
# A vague amount on its own: "thousands", not the "thousands" of "tens of thousands" nor "hundreds of".
_VAGUE_AMOUNT = re.compile(
    r"(?<![\w-])(?<!of )(" + "|".join(sorted(_VAGUE, key=len, reverse=True)) + r")(?! of)(?![\w-])")
# (The look-ahead on the words' first letters only saves time: re tries every word otherwise.)
_MAY_HOLD_FIGURES = re.compile(r"\d|\b(?=[" + "".join({w[0] for w in [*_NUMBER_WORDS, *_VAGUE]}) + "])(?:"
                               + "|".join(list(_NUMBER_WORDS) + list(_VAGUE)) + r")\b", re.IGNORECASE)
# Bounds written just before a number: one word ("over 700") or two ("at least 727").
_AT_LEAST = frozenset({"over", "above", "exceeding", "beyond", "at least", "more than", "greater than",
                       "no fewer", "no less", "upwards of"})
_AT_MOST = frozenset({"under", "below", "up to", "less than", "fewer than", "at most", "no more"})
# Bounds span this factor: "at least 727" and "over 700" agree, "at least 233" and "at least 171" do not;
# "up to 1,000" is not "17".
AT_LEAST_SPAN = 1.15
_TIME_ZONES = {"GMT": 0, "UTC": 0, "EDT": -4, "EST": -5, "CDT": -5, "CST": -6, "MDT": -6, "MST": -7, "PDT": -7,
               "PST": -8}
_ABOUT = frozenset({"about", "around", "some", "approximately", "roughly", "estimated", "nearly", "almost",
                    "close to", "an estimated"})

# How much each kind of anchor weighs against a plain content word.
KIND_WEIGHT = {"name": 1.5, "event": 1.5, "agent": 1.0, "word": 1.0}


@dataclass(frozen=True)
class Figure:
    """A number in a sentence as an interval, and the kind of thing it measures."""

    kind: str  # "count", "year", "time", "money", "percent" or "distance" (km)
    lo: float
    hi: float

    def agrees(self, other: Figure) -> bool:
        return self.kind == other.kind and self.lo <= other.hi * 1.0001 and other.lo <= self.hi * 1.0001


@dataclass
class ClaimIndex:
    """The anchors of every pooled sentence: row i of ``anchors`` is sentence i."""

    anchors: sp.csr_matrix  # n x vocabulary, 1 where the sentence carries the anchor
    core: sp.csr_matrix  # the same for the anchors of each sentence's main clause
    clauses: sp.csr_matrix  # the main clause's anchors again, valued by the number of the clause each is in
    links: sp.csr_matrix  # n x links: events tied to the names written near them ("event:capture|name:hama")
    weights: np.ndarray  # per anchor: IDF times its kind's weight
    vocabulary: list[str]  # "name:assad", "event:capture", "agent:rebels", "word:citi"
    kinds: np.ndarray  # per anchor: index into KINDS
    figures: list[tuple[Figure, ...]]  # per sentence: the figure cues the match reads
    sources: np.ndarray  # per sentence: its source index
    modal: np.ndarray  # per sentence: whether its main clause says a plan or a possibility (will, could, ...)
    days: np.ndarray  # per anchor: whether it is a day of the week
    # per sentence: its figures as "Where sources differ" reads them (figures package): a sentence
    # whose figure differs never reports the claim, by the same test that lists the difference
    stated: list[tuple] = field(default_factory=list)
    # The rows stating a figure about each thing (``figures.rows_by_thing``), made on first use by
    # ``claim_match.same_claim``: only those rows can give another value for it.
    stated_rows: dict[tuple, list[int]] | None = None

    KINDS = ("name", "event", "agent", "word")

    def anchors_of(self, row: int) -> list[str]:
        start, end = self.anchors.indptr[row], self.anchors.indptr[row + 1]
        return [self.vocabulary[j] for j in self.anchors.indices[start:end]]


# --------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _read_classes(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(class, phrases) pairs of a word-list file: "class: word, multi word phrase, ..."."""
    classes = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            label, _, phrases = line.partition(":")
            classes.append((label.strip(), tuple(p.strip().lower() for p in phrases.split(",") if p.strip())))
    return tuple(classes)


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The words of a one-word-a-line list ("#" comments)."""
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


class _PhraseTable:
    """Stem sequences of the word lists, for longest-first matching in a sentence."""

    def __init__(self, tokenizer: Tokenizer):
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for kind, file in (("event", "events.txt"), ("agent", "agents.txt")):
            for label, phrases in _read_classes(file):
                for phrase in phrases:
                    stems = tuple(tokenizer.stem(w) for w in phrase.split())
                    self.by_first[stems[0]].append((stems, f"{kind}:{label}"))
        for options in self.by_first.values():
            options.sort(key=lambda option: -len(option[0]))

    def match(self, stems: list[str], i: int) -> tuple[int, str] | None:
        """(length, anchor) of the longest phrase starting at stems[i]."""
        for phrase, anchor in self.by_first.get(stems[i], ()):
            if tuple(stems[i:i + len(phrase)]) == phrase:
                return len(phrase), anchor
        return None


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------

@lru_cache(maxsize=65536)
def _plain_name(word: str) -> str:
    """A name token without article, possessive, apostrophes or dots: "al-Jawlani's" -> "jawlani"."""
    word = re.sub(r"['’]s$", "", word)
    word = _ARTICLE.sub("", word)
    return re.sub(r"['’.\-]", "", word).lower()


def skeleton(name: str) -> str:
    """Consonant skeleton of a plain name: first letter kept, later vowels and glides dropped."""
    name = name.translate(_SKELETON_SWAPS)
    if not name:
        return ""
    rest = re.sub(r"[aeiouwyh]", "", name[1:])
    return re.sub(r"(.)\1+", r"\1", name[0] + rest)


@lru_cache(maxsize=65536)
def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _name_runs(tokens: list[str], is_name: list[bool]) -> list[tuple[int, int]]:
    """Spans of consecutive name tokens, joined across connectors ("Bank of England")."""
    runs, end, n = [], 0, len(tokens)
    for i in [k for k, name in enumerate(is_name) if name]:
        if i < end:
            continue
        end = i + 1
        while end < n and (is_name[end] or (tokens[end].lower() in _CONNECTORS and end + 1 < n and is_name[end + 1])):
            end += 1
        runs.append((i, end))
    return runs


class _Names:
    """Which name tokens of the pool co-refer: learned once per pool."""

    def __init__(self, tokenized: list[list[str]], sources: Sequence[int], stop_words: frozenset[str]):
        self.stop_words = stop_words
        # Each spelling is looked at once: per source (for the variants), in reading order.
        by_source: Counter[tuple[str, int]] = Counter()
        for tokens, source in zip(tokenized, sources):
            by_source.update(zip(tokens, repeat(source)))
        counts: Counter[str] = Counter()
        for (token, _), n in by_source.items():
            counts[token] += n
        openings = Counter(tokens[0] for tokens in tokenized if tokens)
        lower_count: Counter[str] = Counter()
        upper_count: Counter[str] = Counter()
        for token, n in counts.items():
            bare = _ARTICLE.sub("", token) if "-" in token[:4] else token
            if bare[:1].islower():
                lower_count[bare] += n
            elif n > openings[token] and bare[:1].isupper():
                upper_count[bare.lower()] += n - openings[token]
        # A capitalised word is a name when the pool writes it capitalised (after a sentence's first
        # word) at least as often as in lower case: "Nations" in "United Nations", not "Rebels".
        self.names = {w for w, n in upper_count.items() if n >= lower_count[w]}
        self.spellings = frozenset(t for t in counts if self._spelt_as_name(t))  # the pool's name tokens
        self.canonical = self._merge_variants(by_source)
        self.expansions = self._acronyms(tokenized, counts)

    def is_name(self, token: str) -> bool:
        """Whether a token of the pool is a name."""
        return token in self.spellings

    def _spelt_as_name(self, token: str) -> bool:
        if _is_acronym(token):
            return token.lower() not in self.stop_words
        bare = _ARTICLE.sub("", token)
        return bare[:1].isupper() and bare.lower() in self.names

    def anchor(self, token: str) -> str:
        if _is_acronym(token):
            return "name:" + token.replace(".", "").lower()
        plain = _plain_name(token)
        return "name:" + self.canonical.get(plain, plain)

    def _merge_variants(self, by_source: Counter[tuple[str, int]]) -> dict[str, str]:
        """Spellings of one name by different sources -> the most frequent spelling (``by_source``:
        (token, source) -> uses, in reading order)."""
        plain_of = {t: _plain_name(t) for t in self.spellings if not _is_acronym(t)}
        counts: Counter[str] = Counter()
        used_by: dict[str, set[int]] = defaultdict(set)
        for (t, source), n in by_source.items():
            plain = plain_of.get(t, "")
            if len(plain) >= 4:
                counts[plain] += n
                used_by[plain].add(source)
        by_skeleton: dict[str, list[str]] = defaultdict(list)
        for plain in counts:
            by_skeleton[skeleton(plain)].append(plain)
        canonical = {}
        for spellings in by_skeleton.values():
            spellings.sort(key=lambda s: (-counts[s], s))
            groups: list[list[str]] = []
            for s in spellings:
                for group in groups:
                    if all(not (used_by[s] & used_by[g]) and SequenceMatcher(None, s, g).ratio() >= _MERGE_SIMILARITY
                           for g in group):
                        group.append(s)
                        break
                else:
                    groups.append([s])
            for group in groups:
                for s in group[1:]:
                    canonical[s] = group[0]
        # The people of a place are the place: "Indian" / "India", "Kuwaiti" / "Kuwait", "Syrian" / "Syria".
        for plain in counts:
            base = next((plain[:-len(end)] for end in _DEMONYM_ENDINGS
                         if plain.endswith(end) and len(plain) - len(end) >= 4 and plain[:-len(end)] in counts), None)
            if base:
                canonical[plain] = canonical.get(base, base)
        return canonical

    def _acronyms(self, tokenized, spellings) -> dict[tuple[str, ...], str]:
        """Name runs whose initials spell an acronym the pool uses: ("hayat", "tahrir", "sham") -> "hts"
        (``spellings``: the pool's distinct tokens)."""
        acronyms = {t.replace(".", "").lower() for t in spellings if _is_acronym(t) and self.is_name(t)}
        expansions: dict[tuple[str, ...], str] = {}
        if not acronyms:
            return expansions
        for tokens in tokenized:
            is_name = [t in self.spellings for t in tokens]
            for start, end in _name_runs(tokens, is_name):
                parts = [_plain_name(w) for w in tokens[start:end] if w.lower() not in _CONNECTORS]
                for first in range(len(parts)):  # "Islamist group Hayat Tahrir al-Sham (HTS)": any span
                    for last in range(first + 2, len(parts) + 1):
                        initials = "".join(p[:1] for p in parts[first:last])
                        if initials in acronyms:
                            expansions[tuple(parts[first:last])] = initials
        return expansions


# --------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------

def _number(token: str) -> float | None:
    if token[:1].isdigit():
        if ":" in token:  # a clock time, in minutes after midnight
            hours, _, minutes = token.partition(":")
            return float(int(hours) * 60 + int(minutes[:2])) if minutes[:2].isdigit() else None
        try:
            return float(token.replace(",", ""))
        except ValueError:
            return None
    return _NUMBER_WORDS.get(token.lower())


def _clock(value: float, following: list[str]) -> float:
    """Minutes of a clock time after midnight UTC where a zone follows ("6:49 a.m. PDT"), else local."""
    if following[:1] == ["p.m"] and value < 12 * 60:
        value += 12 * 60
    zone = next((w for w in following[:2] if w.upper() in _TIME_ZONES), None)
    return (value - 60 * _TIME_ZONES[zone.upper()]) % (24 * 60) if zone else value


def extract_figures(text: str) -> tuple[Figure, ...]:
    """The figures of a sentence: counts, years, clock times, money and percentages, as intervals."""
    if not _MAY_HOLD_FIGURES.search(text):
        return ()
    tokens = _TOKEN.findall(text)
    lower = [t.lower().rstrip(".") for t in tokens]
    figures = [Figure("count", *_VAGUE[m.group(1)]) for m in _VAGUE_AMOUNT.finditer(" ".join(lower))]
    for i, token in enumerate(tokens):
        value = _number(token)
        if value is None or (i > 0 and not token[:1].isdigit() and _number(tokens[i - 1]) is not None):
            continue  # not a number, or the second word of "twenty five" / "one hundred"
        kind = "count"
        nxt = lower[i + 1] if i + 1 < len(lower) else ""
        prev = lower[i - 1] if i > 0 else ""
        if ":" in token:
            kind, value = "time", _clock(value, lower[i + 1:i + 3])
        elif nxt in _SCALES:
            value *= _SCALES[nxt]
        if prev in ("$", "dollars", "pounds", "£", "€") or nxt in ("dollars",) or (i > 1 and lower[i - 2] == "$"):
            kind = "money"
        elif nxt in ("percent", "per", "%"):
            kind = "percent"
        elif nxt in _DISTANCE_KM:
            kind, value = "distance", value * _DISTANCE_KM[nxt]
        elif kind == "count" and token.isdigit() and len(token) == 4 and 1800 <= value <= 2100:
            kind = "year"
        lo = hi = value
        before = {prev, " ".join(lower[max(0, i - 2):i])}
        if before & _AT_LEAST:  # news gives the count it has: "at least 233" is not "at least 171"
            hi = value * AT_LEAST_SPAN
        elif before & _AT_MOST:
            lo = value / AT_LEAST_SPAN
        elif before & _ABOUT:  # "about 12,000" and "about 15,000" must still differ
            lo, hi = value * 0.9, value * 1.1
        figures.append(Figure(kind, lo, hi))
    return tuple(figures)


# --------------------------------------------------------------------------------------------
# Anchors
# --------------------------------------------------------------------------------------------

def tokenize(text: str) -> tuple[list[str], list[int]]:
    """Words, names and numbers of a sentence, and the character offset each starts at.  A compound
    ending in a lower-case word is its words ("Moslem-majority" is "Moslem" and "majority",
    "week-long" is "week" and "long"), so that another source writing them apart shares them;
    "al-Sham", "Cedars-Sinai" stay whole."""
    tokens, offsets = [], []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "$%":
            continue
        parts = _HYPHEN.split(token) if "-" in token or "‐" in token else ()
        if len(parts) > 1 and parts[-1][:1].islower() and not _ARTICLE.match(token):
            parts = [part for part in parts if part]
            tokens += parts
            offsets += [match.start()] * len(parts)
        else:
            tokens.append(token)
            offsets.append(match.start())
    return tokens, offsets


def _clause_starts(text: str, offsets: list[int]) -> tuple[int, list[int]]:
    """(tokens the main clause spans, the token index where each later clause begins), for a
    sentence whose tokens start at ``offsets``.

    The main clause ends at a trailing side remark (", marking ...", ", which ...", "(...)",
    " -- ..."), which adds to the claim but is not it.  Clauses are cut at "; ", ", and", ", but",
    ", while" and participles (", killing ..."): a sentence joining two claims is reported by a
    source that reports either one."""
    cut = _SIDE_REMARK.search(text)
    core = bisect_left(offsets, cut.start()) if cut else len(offsets)
    return core, [bisect_left(offsets, m.start()) for m in _CLAUSE_BREAK.finditer(text)]


def _sentence_anchors(tokens: list[str], stems: list[str], names: _Names, phrases: _PhraseTable,
                      skip: frozenset[str]) -> tuple[list[str], list[int], list[str]]:
    """The anchors of one tokenized sentence, the token index each starts at, and its links.

    A link ties an event to a name written near it ("captured the city of Hama", "Hama's capture",
    "the fall of Hama"): "event:capture|name:hama".  It says what happened to whom more closely
    than the two anchors apart do.
    """
    anchors, positions, i = [], [], 0
    spellings, starts_phrase = names.spellings, phrases.by_first  # (looked up per token)
    while i < len(tokens):
        positions += [i] * (len(anchors) - len(positions))
        token = tokens[i]
        matched = phrases.match(stems, i) if stems[i] in starts_phrase else None
        if matched:
            length, anchor = matched
            anchors.append(anchor)
            i += length
        elif token in spellings:
            end = i + 1
            while end < len(tokens) and (tokens[end] in spellings or (
                    tokens[end].lower() in _CONNECTORS and end + 1 < len(tokens)
                    and tokens[end + 1] in spellings)):
                end += 1
            anchors += _run_anchors(tokens[i:end], names)
            i = end
        else:
            lower = token.lower()
            if lower not in skip and token[:1].isalpha() and len(lower) > 1:
                anchors.append("word:" + stems[i])
            i += 1
    positions += [len(tokens)] * (len(anchors) - len(positions))
    links = {f"{event}|{name}" for event, at in zip(anchors, positions) if event.startswith("event:")
             for name, near in zip(anchors, positions) if name.startswith("name:") and abs(near - at) <= LINK_WINDOW}
    return anchors, positions, sorted(links)


def _clauses(positions: list[int], core_end: int, starts: list[int]) -> list[int]:
    """Per anchor: 0 past the main clause, else the number (1, 2, ...) of the clause it is in; a
    clause with fewer than MIN_CLAUSE_ANCHORS anchors joins the one before it."""
    starts = [0] + [s for s in starts if 0 < s < core_end]
    raw = [0 if at >= core_end else bisect_right(starts, at) for at in positions]  # (starts are in order)
    sizes = Counter(raw)
    renumber, number = {}, 0
    for clause in sorted(c for c in sizes if c):
        if number == 0 or sizes[clause] >= MIN_CLAUSE_ANCHORS:
            number += 1
        renumber[clause] = number
    return [renumber.get(c, 0) for c in raw]


def _run_anchors(run: list[str], names: _Names) -> list[str]:
    """Anchors of a run of name tokens; a span that expands an acronym becomes the acronym."""
    words = [w for w in run if w.lower() not in _CONNECTORS and _plain_name(w)]
    parts = [_plain_name(w) for w in words]
    anchors, i = [], 0
    while i < len(words):
        for end in range(len(words), i + 1, -1):  # longest expansion first
            acronym = names.expansions.get(tuple(parts[i:end]))
            if acronym:
                anchors.append("name:" + acronym)
                i = end
                break
        else:
            anchors.append(names.anchor(words[i]))
            i += 1
    return anchors


def build_index(texts: Sequence[str], sources: Sequence[int], tokenizer: Tokenizer,
                stated: Sequence[tuple]) -> ClaimIndex:
    """Anchors and figures of every pooled sentence (``texts[i]`` from source ``sources[i]``);
    ``stated``: their figures as the figures package reads them (``Pool.figures``)."""
    import numpy as np
    import scipy.sparse as sp

    tokenized, offsets = zip(*map(tokenize, texts)) if texts else ((), ())
    names = _Names(tokenized, sources, tokenizer.stop_words)
    phrases = _PhraseTable(tokenizer)
    skip = tokenizer.stop_words | word_list("attribution.txt")
    modal_words = word_list("modality.txt")
    index: dict[str, int] = {}
    rows, cols, clause_of = [], [], []
    link_index: dict[str, int] = {}
    link_rows, link_cols = [], []
    read: dict[str, tuple] = {}  # a text's anchors, read once however many sources copy it
    modal = np.zeros(len(texts), bool)
    for row, (text, tokens, starts_at) in enumerate(zip(texts, tokenized, offsets)):
        if text not in read:
            stems = tokenizer.stems(tokens)
            every, positions, links = _sentence_anchors(tokens, stems, names, phrases, skip)
            core_end, starts = _clause_starts(text, starts_at)
            clause: dict[str, int] = {}  # an anchor's first clause in the main clause; 0: only past it
            for anchor, number in zip(every, _clauses(positions, core_end, starts)):
                if not clause.get(anchor):
                    clause[anchor] = number
            read[text] = clause, links, bool({t.lower() for t in tokens[:core_end]} & modal_words)
        clause, links, modal[row] = read[text]
        for link in links:
            link_rows.append(row)
            link_cols.append(link_index.setdefault(link, len(link_index)))
        for anchor, number in clause.items():  # in reading order: the same columns whatever the hash seed
            rows.append(row)
            cols.append(index.setdefault(anchor, len(index)))
            clause_of.append(number)
    n = len(texts)
    anchors = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(index)))
    clauses = sp.csr_matrix((np.asarray(clause_of, dtype=float), (rows, cols)), shape=(n, len(index)))
    clauses.eliminate_zeros()
    vocabulary = list(index)
    kinds = np.array([ClaimIndex.KINDS.index(a.split(":", 1)[0]) for a in vocabulary], dtype=np.int8)
    first_copy = np.zeros(n, bool)  # a sentence copied by several sources is one piece of evidence
    first_copy[sorted({text: row for row, text in reversed(list(enumerate(texts)))}.values())] = True
    merge = _stand_ins(anchors, kinds, np.asarray(sources), first_copy)
    # A word and its stand-in never share a sentence, but two stand-ins of one word may: the anchors
    # are signed again, and such a sentence's clause number is off (a sum), which only the clause
    # coverage reads.
    anchors, clauses = (anchors @ merge).sign(), clauses @ merge
    df = np.asarray(anchors.sum(axis=0)).ravel()
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    kind_weight = np.array([KIND_WEIGHT[k] for k in ClaimIndex.KINDS])[kinds] if len(kinds) else np.zeros(0)
    links = sp.csr_matrix((np.ones(len(link_rows)), (link_rows, link_cols)), shape=(n, len(link_index)))
    cues = {t: extract_figures(t) for t in read}
    return ClaimIndex(anchors.tocsr(), clauses.sign().tocsr(), clauses.tocsr(), links, idf * kind_weight, vocabulary,
                      kinds, [cues[t] for t in texts], np.asarray(sources), modal,
                      np.isin(vocabulary, [f"name:{day}" for day in WEEKDAYS]), list(stated))


def _stand_ins(anchors: sp.csr_matrix, kinds: np.ndarray, sources: np.ndarray, first_copy: np.ndarray) -> sp.csr_matrix:
    """Column merge (vocabulary x vocabulary) of words that stand in for each other across sources.

    Two word anchors stand in for each other when, in sentences of different sources that say much
    the same (anchor cosine >= ALIGNED), one sentence has the one and the other the other, at least
    MIN_ALIGNED times and for most of their uses, and no sentence has both ("redeployed" / "withdrew").
    Merged anchors keep the column of the first; the others' columns are left empty.
    """
    import numpy as np
    import scipy.sparse as sp

    from ..pool.features import normalize_rows
    from ..pool.similarity import similarity_graph

    n, size = anchors.shape
    df = np.asarray(anchors.sum(axis=0)).ravel()
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    # First copies only: a sentence copied by thousands of outlets would make the graph quadratic.
    firsts = np.flatnonzero(first_copy)
    graph = similarity_graph(normalize_rows(anchors[firsts] @ sp.diags(idf)), threshold=ALIGNED).tocoo()
    rows, cols = firsts[graph.row], firsts[graph.col]
    across = sources[rows] != sources[cols]
    aligned = sp.csr_matrix((np.ones(across.sum()), (rows[across], cols[across])), shape=(n, n))
    crossed = (anchors.T @ aligned @ anchors).tocoo()  # [u, v]: aligned pairs with u on one side, v on the other
    together = anchors.T @ anchors
    words = kinds == ClaimIndex.KINDS.index("word")
    keep = ((crossed.row < crossed.col) & words[crossed.row] & words[crossed.col] & (crossed.data >= MIN_ALIGNED)
            & (crossed.data >= STAND_IN_SHARE * np.minimum(df[crossed.row], df[crossed.col])))
    parent = np.arange(size)
    for u, v in zip(crossed.row[keep], crossed.col[keep]):
        if together[u, v] == 0 and parent[v] == v and parent[u] == u:  # one merge a word, no chains
            parent[v] = u
    return sp.csr_matrix((np.ones(size), (np.arange(size), parent)), shape=(size, size))
