"""Claims: what each pooled sentence states, as anchors that other sources can be matched on.

A sentence's *anchors* are its content words put in a form the sources share:

* **names** normalised across the pool: spelling and transliteration variants that different
  sources use for one name (al-Jawlani / al-Golani, Zain / Zayn) become one anchor, an acronym and
  its expansion (HTS / Hayat Tahrir al-Sham, U.N. / United Nations) become one anchor, and the
  parts of a name stand for themselves (Bashar al-Assad carries "bashar" and "assad", so a source
  that writes only "Assad" still shares the surname); a people is its place (Indian / India).
  Which variants co-refer is learned from the pool (``names``);
* **events** and **agents** mapped to classes from word lists (``data/events.txt``,
  ``data/agents.txt``): captured / seized / took control of / fell to / overran are one event;
  rebels / insurgents / opposition forces / fighters are one agent;
* **amounts** (digits and number words, "at least" / "about" / "more than" read as intervals), read by
  the figures package's number grammar, the one reader of figures;
* the remaining content stems (places and times are names or words and need no class of their own;
  a compound ending in a lower-case word is its words: "Moslem-majority", "week-long").
  Words that only attribute a claim ("said", "according to") are left out (``data/attribution.txt``).

Whether a sentence reports another one's claim is decided on these anchors in ``claim_match``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Sequence

from ..models import ClaimIndex
from ..wordlists import WEEKDAYS, word_list
from .figures.quantity import interval, quantities
from .figures.tokens import may_hold_figures, tokenize as figure_tokens
from ..pool.names import ARTICLE, CONNECTORS, PoolNames, plain_name

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

    from ..pool.features import Tokenizer

_DATA = Path(__file__).parent.parent / "data"

# Words with an inner apostrophe or hyphen stay whole ("al-Jawlani", "Hay'at"); numbers keep
# their separators ("280,000", "9:49", "2.5").
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’\-][^\W\d_]+)*|[$%]")
_HYPHEN = re.compile(r"[-‐]")
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

# How much each kind of anchor weighs against a plain content word.
KIND_WEIGHT = {"name": 1.5, "event": 1.5, "agent": 1.0, "word": 1.0}


class Amount(NamedTuple):
    """A number of a sentence as the figures package reads it ("at least 727", "two", "$1.2bn"): the kind
    of amount (its unit, "count" for none) and the interval of values it allows."""

    kind: str
    lo: float
    hi: float

    def agrees(self, other: Amount) -> bool:
        return self.kind == other.kind and self.lo <= other.hi * 1.0001 and other.lo <= self.hi * 1.0001


def amounts(text: str, read: Sequence | None = None) -> tuple[Amount, ...]:
    """Every amount a sentence writes (digits or words), by the figures package's number grammar;
    what each counts is left to ``figures`` (the veto), the claim model only asks whether they agree.
    ``read``: the sentence's quantities where ``sentence_figures`` has read them already."""
    if read is None:
        read = quantities(figure_tokens(text, 0, 0)) if may_hold_figures(text) else ()
    found = []
    for m in read:
        if m.unit not in ("ident", "date"):
            lo, hi = interval(m, bool(m.unit), m.factor)
            found.append(Amount(m.unit or "count", lo, hi))
    return tuple(found)


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
# Anchors
# --------------------------------------------------------------------------------------------

def claim_tokens(text: str) -> tuple[list[str], list[int]]:
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
        if len(parts) > 1 and parts[-1][:1].islower() and not ARTICLE.match(token):
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


def _sentence_anchors(tokens: list[str], stems: list[str], names: PoolNames, phrases: _PhraseTable,
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
                    tokens[end].lower() in CONNECTORS and end + 1 < len(tokens)
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


def _run_anchors(run: list[str], names: PoolNames) -> list[str]:
    """Anchors of a run of name tokens; a span that expands an acronym becomes the acronym."""
    words = [w for w in run if w.lower() not in CONNECTORS and plain_name(w)]
    parts = [plain_name(w) for w in words]
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
                stated: Sequence[tuple], written: Sequence[tuple] | None = None) -> ClaimIndex:
    """Anchors and figures of every pooled sentence (``texts[i]`` from source ``sources[i]``);
    ``stated``: their figures as the figures package reads them (``Pool.figures``); ``written``: their
    amounts as it read them (``sentence_figures(..., amounts)``), else they are read here."""
    import numpy as np
    import scipy.sparse as sp

    tokenized, offsets = zip(*map(claim_tokens, texts)) if texts else ((), ())
    names = PoolNames(tokenized, sources, tokenizer.stop_words)
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
    cues = ({t: amounts(t) for t in read} if written is None
            else {t: amounts(t, found) for t, found in zip(texts, written)})
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

    from ..models import normalize_rows
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
