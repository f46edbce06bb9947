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
from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple, Sequence

from ..models import ClaimIndex
from ..wordlists import WEEKDAYS, word_list
from .denial import denies
from .phrases import PhraseTable, insurgency
from .figures.quantity import interval, quantities
from .figures.tokens import may_hold_figures, tokenize as figure_tokens
from ..pool.names import ARTICLE, CONNECTORS, PoolNames, plain_name

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

    from ..pool.features import Tokenizer

# Words with an inner apostrophe or hyphen stay whole ("al-Jawlani", "Hay'at"); numbers keep
# their separators ("280,000", "9:49", "2.5").
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’\-][^\W\d_]+)*|[$%]")
_HYPHEN = re.compile(r"[-‐]")
# Where a sentence's main clause ends and a side remark begins.  A parenthesis the sentence goes on
# after ("rebel groups led by Hayat Tahrir al-Sham (HTS) took control of Hama") is inside the clause.
_SIDE_REMARK = re.compile(
    r",\s+(?:which|who|whose|where|while|whereas|marking|signaling|signalling|dealing|adding|raising|highlighting|"
    r"indicating|threatening|leaving|including|making|bringing|sending|citing|according)\b"
    r"|\s\((?![^()]*\)[^\w]*\w)|\s--\s|\s—\s")
_CLAUSE_BREAK = re.compile(r";\s|,\s+(?:and|but|while|whereas|with)\s|,\s+(?:\w+ing)\s|\s(?:--|—)\s")
MIN_CLAUSE_ANCHORS = 3  # a shorter clause is a detail of its neighbour, not a claim of its own
LINK_WINDOW = 6  # tokens between an event and a name it is linked to
# Learning stand-ins: sentences this alike (anchor cosine) say much the same; a pair of words must be
# crossed in this many such sentence pairs, and in this share of the rarer word's sentences.
ALIGNED = 0.3
MIN_ALIGNED = 3
ALIGNED_NEIGHBORS = 100  # aligned sentences kept a sentence: bounds memory on templated piles
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
# Anchors
# --------------------------------------------------------------------------------------------

def _parts(token: str) -> list[str] | None:
    """A compound ending in a lower-case word as its words, else None (the token stays whole)."""
    if "-" in token or "‐" in token:
        parts = _HYPHEN.split(token)
        if len(parts) > 1 and parts[-1][:1].islower() and not ARTICLE.match(token):
            return [part for part in parts if part]
    return None


def claim_tokens(text: str) -> list[str]:
    """Words, names and numbers of a sentence.  A compound ending in a lower-case word is its words
    ("Moslem-majority" is "Moslem" and "majority", "week-long" is "week" and "long"), so that
    another source writing them apart shares them; "al-Sham", "Cedars-Sinai" stay whole."""
    tokens = _TOKEN.findall(text)
    if "$" in text or "%" in text:
        tokens = [token for token in tokens if token not in "$%"]
    if "-" not in text and "‐" not in text:
        return tokens
    out: list[str] = []
    for token in tokens:
        parts = _parts(token)
        if parts is None:
            out.append(token)
        else:
            out += parts
    return out


def main_clause_end(text: str) -> int:
    """Where the main clause of a sentence ends (a character offset): at its first side remark
    (", which ...", ", where ...", "(...)", " -- ..."), else at its end."""
    cut = _SIDE_REMARK.search(text)
    return cut.start() if cut else len(text)


def _clause_starts(text: str, count: int) -> tuple[int, list[int]]:
    """(tokens the main clause spans, the token index where each later clause begins), for a
    sentence of ``count`` tokens.

    The main clause ends at a trailing side remark (", marking ...", ", which ...", "(...)",
    " -- ..."), which adds to the claim but is not it.  Clauses are cut at "; ", ", and", ", but",
    ", while" and participles (", killing ..."): a sentence joining two claims is reported by a
    source that reports either one."""
    cut = _SIDE_REMARK.search(text)
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    if cut is None and not breaks:
        return count, []
    # Tokens before each place: a cut or break starts at a space, comma or semicolon, inside no
    # token, so the text between two places is tokenized alone.
    before, done, at = {}, 0, 0
    for place in sorted({*breaks, *([cut.start()] if cut else [])}):
        done += len(claim_tokens(text[at:place]))
        before[place], at = done, place
    return before[cut.start()] if cut else count, [before[place] for place in breaks]


class _Tokens(NamedTuple):
    """Per token of one sentence: as written, its stem, its anchor as a plain word (None: a stop or
    attribution word, a number, one letter), whether it is a name spelling of the pool, a
    connector of names ("of", "al"), a modal word."""

    tokens: list[str]
    stems: list[str]
    words: list[str | None]
    spelt: list[bool]
    connector: list[bool]
    modal: list[bool]


def _sentence_anchors(s: _Tokens, names: PoolNames, phrases: PhraseTable) -> tuple[list[str], list[int], list[str]]:
    """The anchors of one tokenized sentence, the token index after each, and its links.

    A link ties an event to a name written near it ("captured the city of Hama", "Hama's capture",
    "the fall of Hama"): "event:capture|name:hama".  It says what happened to whom more closely
    than the two anchors apart do.
    """
    anchors, positions, i, n, events = [], [], 0, len(s.tokens), False
    stems, words, spelt, connector = s.stems, s.words, s.spelt, s.connector
    starts_phrase = phrases.by_first
    # Tokens that may start a phrase or a name; the plain words between them are taken at once.
    for k in [k for k in range(n) if spelt[k] or stems[k] in starts_phrase] + [n]:
        if k < i:
            continue  # inside the phrase or name before
        plain = [j for j in range(i, k) if words[j] is not None]
        anchors += [words[j] for j in plain]
        positions += [j + 1 for j in plain]
        if k == n:
            break
        i = k
        matched = phrases.match(stems, i) if stems[i] in starts_phrase else None
        if matched:
            length, anchor = matched
            i += length
            anchors.append(anchor)
            positions.append(i)
            events = events or anchor.startswith("event:")
        elif spelt[i]:
            end = i + 1
            while end < n and (spelt[end] or (connector[end] and end + 1 < n and spelt[end + 1])):
                end += 1
            run = _run_anchors(s.tokens[i:end], names)
            anchors += run
            positions += [end] * len(run)
            i = end
        else:
            noun = phrases.noun(s.tokens, stems, i) if stems[i] in phrases.nouns else None
            if noun is not None:
                anchors.append(noun)
                events = True
            elif words[i] is not None:
                anchors.append(words[i])
            if noun is not None or words[i] is not None:
                positions.append(i + 1)
            i += 1
    if not events:
        return anchors, positions, []
    links = {f"{event}|{name}" for event, at in zip(anchors, positions) if event.startswith("event:")
             for name, near in zip(anchors, positions) if name.startswith("name:") and abs(near - at) <= LINK_WINDOW}
    return anchors, positions, sorted(links)


def _clauses(positions: list[int], core_end: int, starts: list[int]) -> list[int]:
    """Per anchor: 0 past the main clause, else the number (1, 2, ...) of the clause it is in; a
    clause with fewer than MIN_CLAUSE_ANCHORS anchors joins the one before it."""
    starts = [0] + [s for s in starts if 0 < s < core_end]
    if len(starts) == 1:  # one clause (most sentences)
        return [0 if at >= core_end else 1 for at in positions]
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


def _token_table(texts: Sequence[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(the distinct tokens of ``texts`` in reading order, the type of each token of the texts one
    after another, where each text's tokens begin and end: text d's are ``ids[bounds[d]:bounds[d + 1]]``)."""
    import numpy as np

    tokenized = [claim_tokens(text) for text in texts]
    every = [token for tokens in tokenized for token in tokens]
    types = list(dict.fromkeys(every))
    number = {token: t for t, token in enumerate(types)}
    ids = np.fromiter(map(number.__getitem__, every), dtype=np.int64, count=len(every))
    bounds = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum([len(tokens) for tokens in tokenized], out=bounds[1:])
    return types, ids, bounds


def build_index(texts: Sequence[str], sources: Sequence[int], tokenizer: Tokenizer,
                stated: Sequence[tuple], written: Sequence[tuple] | None = None) -> ClaimIndex:
    """Anchors and figures of every pooled sentence (``texts[i]`` from source ``sources[i]``);
    ``stated``: their figures as the figures package reads them (``Pool.figures``); ``written``: their
    amounts as it read them (``sentence_figures(..., amounts)``), else they are read here.

    A text is read once however many sources copy it, and each distinct token once however often
    the pool writes it (its stem, whether it is a name ...): the sentences only look those up."""
    import numpy as np
    import scipy.sparse as sp

    n = len(texts)
    number: dict[str, int] = {}  # each distinct text, in reading order
    row_text = np.fromiter((number.setdefault(text, len(number)) for text in texts), dtype=np.int64, count=n)
    distinct = list(number)
    types, ids, bounds = _token_table(distinct)
    names = PoolNames(types, ids, bounds, row_text, sources, tokenizer.stop_words)
    skip = tokenizer.stop_words | word_list("attribution.txt")
    modal_words = word_list("modality.txt")
    # Per distinct token, then per token of the texts, one after another.
    stems = tokenizer.stems(types)
    phrases = PhraseTable(tokenizer, insurgency(stems, ids, bounds, row_text, sources, tokenizer))
    lowers = [token.lower() for token in types]
    per_type = (types, stems,
                [None if lower in skip or not token[:1].isalpha() or len(lower) < 2 else "word:" + stem
                 for token, lower, stem in zip(types, lowers, stems)],
                [token in names.spellings for token in types],
                [lower in CONNECTORS for lower in lowers],
                [lower in modal_words for lower in lowers])
    every = ids.tolist()
    flat = [list(map(column.__getitem__, every)) for column in per_type]
    index: dict[str, int] = {}
    rows, cols, clause_of = [], [], []
    link_index: dict[str, int] = {}
    link_rows, link_cols = [], []
    modal, negated = np.zeros(len(distinct), bool), np.zeros(len(distinct), bool)  # (denied: .denial)
    for d, text in enumerate(distinct):
        start, end = int(bounds[d]), int(bounds[d + 1])
        sentence = _Tokens(*(column[start:end] for column in flat))
        anchors, positions, links = _sentence_anchors(sentence, names, phrases)
        core_end, starts = _clause_starts(text, end - start)
        clause: dict[str, int] = {}  # an anchor's first clause in the main clause; 0: only past it
        for anchor, clause_number in zip(anchors, _clauses(positions, core_end, starts)):
            if not clause.get(anchor):
                clause[anchor] = clause_number
        modal[d] = any(sentence.modal[:core_end])
        negated[d] = denies(sentence.tokens[:core_end])
        for link in links:
            link_rows.append(d)
            link_cols.append(link_index.setdefault(link, len(link_index)))
        # in reading order: the same columns whatever the hash seed
        cols += [index.setdefault(anchor, len(index)) for anchor in clause]
        clause_of += clause.values()
        rows += [d] * len(clause)
    # Each sentence is the row of its text.
    shape = (len(distinct), len(index))
    anchors = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)[row_text]
    clauses = sp.csr_matrix((np.asarray(clause_of, dtype=float), (rows, cols)), shape=shape)[row_text]
    clauses.eliminate_zeros()
    links = sp.csr_matrix((np.ones(len(link_rows)), (link_rows, link_cols)),
                          shape=(len(distinct), len(link_index)))[row_text]
    vocabulary = list(index)
    kinds = np.array([ClaimIndex.KINDS.index(a.split(":", 1)[0]) for a in vocabulary], dtype=np.int8)
    first_row = np.unique(row_text, return_index=True)[1]  # each text's first sentence
    first_copy = np.zeros(n, bool)  # a sentence copied by several sources is one piece of evidence
    first_copy[first_row] = True
    merge = _stand_ins(anchors, kinds, np.asarray(sources), first_copy)
    # A word and its stand-in never share a sentence, but two stand-ins of one word may: the anchors
    # are signed again, and such a sentence's clause number is off (a sum), which only the clause
    # coverage reads.
    anchors, clauses = (anchors @ merge).sign(), clauses @ merge
    df = np.asarray(anchors.sum(axis=0)).ravel()
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    kind_weight = np.array([KIND_WEIGHT[k] for k in ClaimIndex.KINDS])[kinds] if len(kinds) else np.zeros(0)
    cues = [amounts(text) if written is None else amounts(text, written[row])
            for text, row in zip(distinct, first_row.tolist())]
    return ClaimIndex(anchors.tocsr(), clauses.sign().tocsr(), clauses.tocsr(), links, idf * kind_weight, vocabulary,
                      kinds, [cues[d] for d in row_text.tolist()], np.asarray(sources), modal[row_text],
                      np.isin(vocabulary, [f"name:{day}" for day in WEEKDAYS]), list(stated),
                      main_end=np.array([main_clause_end(text) for text in distinct], dtype=np.int64)[row_text],
                      negated=negated[row_text])


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
    # At most ALIGNED_NEIGHBORS a sentence: a pile of templated sentences would make it quadratic too.
    graph = similarity_graph(normalize_rows(anchors[firsts] @ sp.diags(idf)), threshold=ALIGNED,
                             max_neighbors=ALIGNED_NEIGHBORS).tocoo()
    rows, cols = firsts[graph.row], firsts[graph.col]
    across = sources[rows] != sources[cols]
    aligned = sp.csr_matrix((np.ones(across.sum()), (rows[across], cols[across])), shape=(n, n))
    crossed = (anchors.T @ aligned @ anchors).tocoo()  # [u, v]: aligned pairs with u on one side, v on the other
    words = kinds == ClaimIndex.KINDS.index("word")
    keep = ((crossed.row < crossed.col) & words[crossed.row] & words[crossed.col] & (crossed.data >= MIN_ALIGNED)
            & (crossed.data >= STAND_IN_SHARE * np.minimum(df[crossed.row], df[crossed.col])))
    us, vs = crossed.row[keep], crossed.col[keep]
    by_column = anchors.tocsc()  # sentences holding both words of each pair (those pairs only)
    together = np.asarray(by_column[:, us].multiply(by_column[:, vs]).sum(axis=0)).ravel()
    parent = np.arange(size)
    for u, v, both in zip(us, vs, together):
        if both == 0 and parent[v] == v and parent[u] == u:  # one merge a word, no chains
            parent[v] = u
    return sp.csr_matrix((np.ones(size), (np.arange(size), parent)), shape=(size, size))
