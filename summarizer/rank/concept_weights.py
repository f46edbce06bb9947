"""Concepts in the manner of Gillick & Favre's ICSI summarizer: stemmed bigrams (or content
stems) that several sources carry, weighted by how many carry them and how early.

A bigram concept is a pair of adjacent words, stemmed, with nothing but space between them and
not both stopwords.  News that several outlets report near their tops is what a summary must
cover, so a concept weighs, over the sources carrying it, 1 + 2 / (1 + position of its first
sentence there).  Shared by the selectors that reward covering concepts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

# Numbers the number grammar reads that are no amounts of anything.
_NOT_AMOUNTS = frozenset({"year", "date", "clock", "ident"})

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

    from ..pool.features import Tokenizer
    from ..models import Pool


# The last pool's bigram concepts: the referent check chooses again (up to three rounds) on the
# same sentences with other quotes left out, and the bigrams are the same (held with the sentence
# list they were read from, compared by identity).  One (key, value) pair, read and replaced
# whole, so that two pools summarized on threads of one process never mix theirs.
_LAST_BIGRAMS: dict[str, tuple] = {}


def bigram_concepts(pool: Pool, min_sources: int) -> tuple[sp.csr_matrix, np.ndarray]:
    """Sentence-by-bigram presence over the pooled sentences, and each bigram's weight."""
    key = (pool.sentences, pool.tokenizer, len(pool.sources), min_sources)
    last = _LAST_BIGRAMS.get("last")
    if last is not None and last[0][0] is key[0] and last[0][1] is key[1] and last[0][2:] == key[2:]:
        presence, weights = last[1]
    else:
        presence, weights = _bigram_concepts(pool, min_sources)
        _LAST_BIGRAMS["last"] = (key, (presence, weights))
    return presence.copy(), weights.copy()  # (the callers' own to change)


def _bigram_concepts(pool: Pool, min_sources: int) -> tuple[sp.csr_matrix, np.ndarray]:
    import numpy as np
    import scipy.sparse as sp

    tokenizer = pool.tokenizer
    stop = tokenizer.stop_words
    index: dict[tuple[str, str], int] = {}
    sentence_of, concept_of = [], []
    for row, sentence in enumerate(pool.sentences):
        for bigram in bigrams(sentence.text, tokenizer, stop):
            sentence_of.append(row)
            concept_of.append(index.setdefault(bigram, len(index)))
    presence = sp.csr_matrix((np.ones(len(sentence_of)), (sentence_of, concept_of)),
                             shape=(len(pool.sentences), len(index)))
    presence.data[:] = 1.0
    return presence, _weights(pool, presence, min_sources)


def unigram_concepts(pool: Pool, min_sources: int) -> tuple[sp.csr_matrix, np.ndarray]:
    """Sentence-by-stem presence (content words, as in ``pool.terms``), and each stem's weight."""
    presence = pool.terms.counts.tocsr(copy=True)
    presence.data[:] = 1.0
    return presence, _weights(pool, presence, min_sources)


def _weights(pool: Pool, presence: sp.csr_matrix, min_sources: int) -> np.ndarray:
    """Over the sources carrying a concept, 1 + 2 / (1 + position of the first sentence carrying it);
    0 unless ``min_sources`` sources (or all, if fewer) carry it."""
    import numpy as np

    k = presence.shape[1]
    if presence.nnz == 0:
        return np.zeros(k)
    occurrences = presence.tocoo()
    source = np.array([s.source for s in pool.sentences])[occurrences.row]
    position = np.array([s.position for s in pool.sentences])[occurrences.row]
    # Per (source, concept) pair: the position of the first sentence carrying it (sparse: pairs are few).
    pair = source.astype(np.int64) * k + occurrences.col
    order = np.lexsort((position, pair))
    pairs, first_at = np.unique(pair[order], return_index=True)
    first = position[order][first_at]
    concept = pairs % k
    weights = np.bincount(concept, 1.0 + 2.0 / (1.0 + first), minlength=k)
    weights[np.bincount(concept, minlength=k) < min(min_sources, len(pool.sources))] = 0.0
    return weights


def bigrams(text: str, tokenizer: Tokenizer, stop: frozenset[str]) -> set[tuple[str, str]]:
    """Stemmed bigrams of adjacent words with nothing but space between them, not two stopwords."""
    words = tokenizer.words(text)
    found = set()
    at = 0
    previous, previous_end = None, 0
    for word in words:
        start = text.find(word, at)
        at = start + len(word)
        lower = word.lower().replace("’", "'")
        if previous is not None and not text[previous_end:start].strip() and not (previous in stop and lower in stop):
            found.add((tokenizer.stem(previous), tokenizer.stem(lower)))
        previous, previous_end = lower, at
    return found



def figure_concepts(pool: Pool, min_sources: int, min_lead: float = 0.0) -> tuple[sp.csr_matrix, np.ndarray]:
    """Sentence-by-figure presence, and each figure's weight: the square root of the share of
    sources stating it, 0 unless ``min_sources`` sources do (never fewer than two): a figure counts
    when sources corroborate it, the more of them the more.

    A figure is a value (the lower end of its interval to 3 significant digits, so "at least 109"
    and "109" are one) that the figure reader ties to something counted or measured
    (``pool.figures``); or, with ``min_lead`` > 0, any amount the number grammar reads (not a year,
    date, time of day, identifier or order of magnitude: "six novels", "the 72-year-old maestro",
    "$2 billion") that the sources give near their tops: summed over the sources stating it,
    1 / (1 + position of its first sentence there) reaches ``min_lead`` (1.5: the leads of two
    sources, or the lead of one and the second sentence of two others)."""
    import numpy as np
    import scipy.sparse as sp

    index: dict[float, int] = {}
    sentence_of, concept_of = [], []
    read: set[int] = set()  # figures the figure reader ties to a thing
    for row, figures in enumerate(pool.figures):
        # (dates and durations the figure reader reads, whose values are days and seconds, tell no
        # fact apart: left out)
        values = {_value(f.lo) for f in figures if not f.terms}
        read |= {index.setdefault(value, len(index)) for value in values}
        if min_lead > 0 and pool.amounts:  # (read in English only, as the figures are)
            values |= amounts(pool.sentences[row].text, pool.amounts[row])
        for value in values:
            sentence_of.append(row)
            concept_of.append(index.setdefault(value, len(index)))
    k = len(index)
    presence = sp.csr_matrix((np.ones(len(sentence_of)), (sentence_of, concept_of)), shape=(len(pool.sentences), k))
    presence.data[:] = 1.0
    if not k:
        return presence, np.zeros(0)
    rows = np.array(sentence_of, dtype=np.int64)
    sources = np.array([s.source for s in pool.sentences], dtype=np.int64)[rows]
    positions = np.array([s.position for s in pool.sentences], dtype=np.int64)[rows]
    # One entry per (source, figure): the position of its first sentence stating it.
    pair = sources * k + np.array(concept_of)
    order = np.lexsort((positions, pair))
    pairs, first_at = np.unique(pair[order], return_index=True)
    carriers, first = pairs % k, positions[order][first_at]
    count = np.bincount(carriers, minlength=k).astype(float)
    weights = np.sqrt(count / len(pool.sources))
    weights[count < max(2, min(min_sources, len(pool.sources)))] = 0.0
    lead = np.bincount(carriers, 1.0 / (1.0 + first), minlength=k)
    amount_only = np.ones(k, dtype=bool)
    amount_only[list(read)] = False
    weights[amount_only & (lead < min_lead)] = 0.0
    return presence, weights


def amounts(text: str, read: Sequence | None = None) -> set[float]:
    """The values of the amounts a sentence writes, by the figures package's number grammar:
    not years, dates, times of day, identifiers or orders of magnitude ("thousands").  ``read``:
    the sentence's quantities where the pool has read them already (``Pool.amounts``)."""
    from ..facts.figures.quantity import quantities
    from ..facts.figures.tokens import may_hold_figures, tokenize

    if read is None:
        read = quantities(tokenize(text, 0, 0)) if may_hold_figures(text) else ()
    return {_value(q.lo) for q in read if q.unit not in _NOT_AMOUNTS and not q.magnitude}


def _value(lo: float) -> float:
    """A figure's value to 3 significant digits."""
    return float(f"{lo:.3g}")
