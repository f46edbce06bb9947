"""Story detection in one pass, for piles and feeds of any size (``StoryStream``).

Articles come in one at a time and are kept only as long as it takes to fill a window of
``WINDOW`` articles.  Each window is clustered exactly (average linkage, ``exact.cluster_vectors``);
then each of its groups joins the open story whose centroid is most like it, if their similarity
reaches the threshold, or opens a story of its own.  A story's centroid is the mean of its
articles' vectors, updated as groups join, so a group's cosine with it is the mean cosine of the
group's and the story's articles: average linkage's own criterion, without the pairs.  The
centroids are one sparse matrix, so the group means meet only the stories that share a term with
them (the product goes through its inverted index, term to stories); each keeps its
``CENTROID_TERMS`` heaviest terms.  Where articles have dates, a story takes articles within
``days`` of its own dates, and a story whose last article is older than that leaves the matrix.
A final merge pass joins stories whose centroids reach the threshold (a story split because its
first articles opened a story before its later ones came), best pair first, rechecking each
merged pair.

Memory: the vocabulary, the document frequencies, one story number an article and the stories'
centroids, so it grows linearly with the articles; time is linear times the open stories a
group meets.  The IDF is the running one (articles seen so far plus ``BACKGROUND_ARTICLES``),
as topic detection and tracking systems do it: a pile no larger than a window is clustered
exactly as ``exact.find_exact`` does.
"""

from __future__ import annotations

import math
from array import array
from datetime import date
from typing import Sequence

import numpy as np
import scipy.sparse as sp

from ..pool.names import capitalised_names, not_names_of
from .exact import BACKGROUND_ARTICLES, LEAD_CHARACTERS, NAME_WEIGHT, STORY_THRESHOLD, cluster_vectors

from . import DAYS, WINDOW

CENTROID_TERMS = 300  # a story's centroid keeps its heaviest terms (an article has ~100)
# A story that has taken no article among the last this many leaves the matrix, dated or not:
# within one day (a million articles, all within the date window) the open stories stay bounded.
RECENT_ARTICLES = 100_000
# The merge pass compares a block of stories with all at once: at most this many similarities
# (sparse, ~16 bytes each) are held, whatever the count of stories.
_MERGE_PAIRS = 1_000_000


class StoryStream:
    """Feed articles with ``add(text, date)``; ``finish()`` returns the stories as lists of article
    numbers (in the order added), in order of each story's first article."""

    def __init__(self, threshold: float = STORY_THRESHOLD, language: str = "english", *,
                 window: int = WINDOW, days: float | None = DAYS):
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
        if window < 1:
            raise ValueError(f"window must be at least 1, not {window}")
        self.threshold, self.language, self.window, self.days = threshold, language, window, days
        self._tokenizer = None
        self._not_names: frozenset[str] = frozenset()
        self._vocabulary: dict[str, int] = {}
        self._df = np.zeros(1 << 14, dtype=np.int64)
        self._seen = 0
        self._texts: list[str] = []  # the window being filled
        self._days: list[float] = []  # its articles' days (nan: undated)
        self._label = array("l")  # each article's story
        # The stories: centroid (term columns, weights), article count, first and last day (nan: undated).
        self._terms: list[np.ndarray] = []
        self._weights: list[np.ndarray] = []
        self._size: list[int] = []
        self._first: list[float] = []
        self._last: list[float] = []
        self._opened = array("q")  # the article number that opened it (rising with the story number)
        self._latest: list[int] = []  # the last article number it took

    def add(self, text: str, published: date | None = None) -> None:
        self._texts.append(text)
        self._days.append(float(published.toordinal()) if published is not None else math.nan)
        if len(self._texts) >= self.window:
            self._flush()

    def __len__(self) -> int:
        return len(self._label) + len(self._texts)

    def extend(self, other: StoryStream) -> None:
        """Take in the stories of ``other``, a later part of the same feed detected apart (on a Dask
        worker, say): its articles are numbered after this one's, and ``finish``'s merge pass joins
        its stories with this one's where their centroids reach the threshold."""
        self._flush()
        other._flush()
        if not self._seen:  # nothing read here yet: the language is the other's ("auto" decided there)
            self.language = other.language
        remap = np.fromiter((self._vocabulary.setdefault(key, len(self._vocabulary)) for key in other._vocabulary),
                            dtype=np.int64, count=len(other._vocabulary))
        self._grow(len(self._vocabulary))
        np.add.at(self._df, remap, other._df[:len(remap)])
        self._seen += other._seen
        offset = len(self._size)
        for terms, weights in zip(other._terms, other._weights):
            mapped = remap[terms]
            order = np.argsort(mapped)
            self._terms.append(mapped[order])
            self._weights.append(weights[order])
        self._size += other._size
        self._first += other._first
        self._last += other._last
        articles = len(self._label)
        self._opened.extend(number + articles for number in other._opened)
        self._latest += [number + articles for number in other._latest]
        self._label.extend(label + offset for label in other._label)

    def flush(self) -> None:
        """Cluster the articles waiting in the window now (before sending the stream elsewhere)."""
        self._flush()

    def __getstate__(self) -> dict:  # the tokenizer is made again where the stream goes (a Dask worker)
        return {**self.__dict__, "_tokenizer": None}

    def finish(self) -> list[list[int]]:
        self._flush()
        root = self._merge_pass()
        labels = root[np.array(self._label, dtype=np.int64)]
        order = np.argsort(labels, kind="stable")
        bounds = np.flatnonzero(np.diff(labels[order])) + 1
        groups = [g.tolist() for g in np.split(order, bounds)] if len(order) else []
        groups.sort(key=lambda g: g[0])
        return groups

    # One window: vectors, exact clustering, groups joined to stories.

    def _flush(self) -> None:
        if not self._texts:
            return
        if self._tokenizer is None and self._seen:  # sent here from another process
            from ..pool.features import Tokenizer

            self._tokenizer = Tokenizer(self.language)
        if self._tokenizer is None:
            from ..ingest.language import choose_language
            from ..pool.features import Tokenizer

            self.language = choose_language(self._texts, [""] * len(self._texts), self.language)
            self._tokenizer = Tokenizer(self.language)
            self._not_names = not_names_of(self._tokenizer.stop_words)
        vectors = self._vectors(self._texts)
        days = np.asarray(self._days)
        groups = cluster_vectors(vectors, self.threshold)
        self._label.extend(self._join(groups, vectors, days).tolist())
        self._texts, self._days = [], []

    def _vectors(self, texts: Sequence[str]) -> sp.csr_matrix:
        """The window's article vectors, as ``exact.pile_vectors`` makes them, over the running IDF."""
        from ..models import normalize_rows

        vocabulary, tokenizer, not_names = self._vocabulary, self._tokenizer, self._not_names
        words: list[int] = []
        names: list[int] = []
        word_rows, name_rows = [0], [0]
        for text in texts:
            words += [vocabulary.setdefault(term, len(vocabulary)) for term in tokenizer.terms(text)]
            names += [vocabulary.setdefault("\0" + name, len(vocabulary)) for name in capitalised_names(text[:LEAD_CHARACTERS], not_names)]
            word_rows.append(len(words))
            name_rows.append(len(names))
        size = len(vocabulary)
        self._grow(size)
        parts = []
        for columns, rows in ((words, word_rows), (names, name_rows)):
            counts = sp.csr_matrix((np.ones(len(columns)), np.asarray(columns, dtype=np.int64), np.asarray(rows)),
                                   shape=(len(texts), size))
            counts.sum_duplicates()
            self._df[:size] += np.bincount(counts.indices, minlength=size)
            parts.append(counts)
        self._seen += len(texts)
        idf = np.log((self._seen + BACKGROUND_ARTICLES) / (self._df[:size] + 1.0))
        weighted = []
        for counts in parts:
            counts.data = (1.0 + np.log(counts.data)) * idf[counts.indices]
            weighted.append(normalize_rows(counts))
        return normalize_rows((weighted[0] + NAME_WEIGHT * weighted[1]).tocsr())

    def _grow(self, size: int) -> None:
        if size > len(self._df):
            self._df = np.concatenate([self._df, np.zeros(max(size, 2 * len(self._df)) - len(self._df), np.int64)])

    def _join(self, groups: list[list[int]], vectors: sp.csr_matrix, days: np.ndarray) -> np.ndarray:
        """Each group into its best open story or a new one; each article's story."""
        sizes = np.array([len(g) for g in groups], dtype=np.float64)
        members = np.concatenate([np.asarray(g) for g in groups])
        rows = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
        means = (sp.csr_matrix((1.0 / sizes[rows], (rows, members)), shape=(len(groups), vectors.shape[0]))
                 @ vectors).tocsr()
        with np.errstate(all="ignore"):  # an undated group: nan
            first = np.array([np.nanmin(days[g]) if not np.isnan(days[g]).all() else math.nan for g in groups])
            last = np.array([np.nanmax(days[g]) if not np.isnan(days[g]).all() else math.nan for g in groups])
        best = self._best_stories(means, first, last)
        label = np.empty(len(days), dtype=np.int64)
        base = len(self._label)  # the window's first article number
        for number, group in enumerate(groups):
            row = means[number]
            terms, weights = row.indices, row.data
            story = best[number]
            if story < 0:
                story = len(self._size)
                self._terms.append(np.empty(0, np.int64))
                self._weights.append(np.empty(0))
                self._size.append(0)
                self._first.append(math.nan)
                self._last.append(math.nan)
                self._opened.append(base + group[0])
                self._latest.append(0)
            self._absorb(story, terms, weights, len(group), first[number], last[number], base + group[-1])
            label[group] = story
        return label

    def _best_stories(self, means: sp.csr_matrix, first: np.ndarray, last: np.ndarray) -> np.ndarray:
        """For each group, the open story most like it at the threshold or above, or -1."""
        best = np.full(means.shape[0], -1, dtype=np.int64)
        if not self._size:
            return best
        story_first, story_last = np.asarray(self._first), np.asarray(self._last)
        open_ = np.flatnonzero(np.asarray(self._latest) >= len(self._label) - RECENT_ARTICLES)
        if self.days is not None and not np.isnan(first).all():
            oldest = np.nanmin(first) - self.days
            open_ = open_[~(story_last < oldest)]  # undated stories (nan) stay open
        if not len(open_):
            return best
        similarity = (means @ self._centroids(open_, means.shape[1]).T).tocoo()
        keep = similarity.data >= self.threshold
        group, column, value = similarity.row[keep], similarity.col[keep], similarity.data[keep]
        story = open_[column]
        if self.days is not None:
            gap = np.fmax(first[group] - story_last[story], story_first[story] - last[group])
            keep = ~(gap > self.days)  # nan (either undated): no date to go by
            group, story, value = group[keep], story[keep], value[keep]
        order = np.lexsort((-value, group))
        group, story = group[order], story[order]
        top = np.flatnonzero(np.r_[True, group[1:] != group[:-1]]) if len(group) else np.empty(0, np.int64)
        best[group[top]] = story[top]
        return best

    def _centroids(self, stories: np.ndarray, width: int) -> sp.csr_matrix:
        terms = [self._terms[s] for s in stories]
        lengths = np.fromiter((len(t) for t in terms), dtype=np.int64, count=len(terms))
        indptr = np.zeros(len(terms) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        return sp.csr_matrix((np.concatenate([self._weights[s] for s in stories]), np.concatenate(terms), indptr),
                             shape=(len(stories), width))

    def _absorb(self, story: int, terms: np.ndarray, weights: np.ndarray, size: int, first: float,
                last: float, latest: int) -> None:
        """Add ``size`` articles whose mean vector is (terms, weights) to ``story``: its centroid is
        the mean over both, cut to its ``CENTROID_TERMS`` heaviest terms."""
        had = self._size[story]
        total = had + size
        all_terms = np.concatenate([self._terms[story], terms])
        all_weights = np.concatenate([self._weights[story] * (had / total), weights * (size / total)])
        merged, inverse = np.unique(all_terms, return_inverse=True)
        summed = np.bincount(inverse, weights=all_weights)
        if len(merged) > CENTROID_TERMS:
            heaviest = np.sort(np.argpartition(summed, -CENTROID_TERMS)[-CENTROID_TERMS:])
            merged, summed = merged[heaviest], summed[heaviest]
        self._terms[story], self._weights[story], self._size[story] = merged, summed, total
        self._first[story] = float(np.fmin(self._first[story], first))
        self._last[story] = float(np.fmax(self._last[story], last))
        self._latest[story] = max(self._latest[story], latest)

    # The merge pass: stories whose centroids reach the threshold, best pair first.

    def _merge_pass(self) -> np.ndarray:
        """Each story's story after the merges (a root per merged set)."""
        count = len(self._size)
        root = np.arange(count)
        if count < 2:
            return root
        a, b, value = self._close_pairs()
        for index in np.argsort(-value, kind="stable"):
            x, y = _find(root, int(a[index])), _find(root, int(b[index]))
            if x == y or self._too_far(x, y):
                continue
            if (x, y) != (a[index], b[index]) and self._similarity(x, y) < self.threshold:
                continue  # one of the two has grown since: their mean similarity fell
            keep, gone = min(x, y), max(x, y)
            self._absorb(keep, self._terms[gone], self._weights[gone], self._size[gone], self._first[gone],
                         self._last[gone], self._latest[gone])
            root[gone] = keep
        return np.array([_find(root, s) for s in range(count)], dtype=np.int64)

    def _close_pairs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Pairs of stories (a < b) whose centroids' cosine reaches the threshold.  Blocks of stories
        (in the order they opened) meet only the stories that took articles within
        ``RECENT_ARTICLES`` of theirs and, where the block is dated, within ``days`` of its dates
        (or are undated): a superset of the pairs the merges may join, never every pair."""
        count = len(self._size)
        centroids = self._centroids(np.arange(count), len(self._vocabulary))
        first, last = np.asarray(self._first), np.asarray(self._last)
        opened, latest = np.asarray(self._opened), np.asarray(self._latest)
        dated = ~np.isnan(first)
        # Rows a block: its similarities (rows x columns, sparse) stay near _MERGE_PAIRS.
        span = min(count, 1 + int(count * 2 * RECENT_ARTICLES / max(1, len(self._label))))
        step = max(1, _MERGE_PAIRS // span)
        pairs = []
        for start in range(0, count, step):
            rows = np.arange(start, min(start + step, count))
            columns = np.arange(np.searchsorted(opened, latest[rows].max() + RECENT_ARTICLES, side="right"))
            columns = columns[latest[columns] >= opened[rows].min() - RECENT_ARTICLES]
            if self.days is not None and dated[rows].all():
                far = (first[columns] > last[rows].max() + self.days) | (last[columns] < first[rows].min() - self.days)
                columns = columns[~far]  # nan (undated): not far
            block = (centroids[rows] @ centroids[columns].T).tocoo()
            a, b = rows[block.row], columns[block.col]
            keep = (a < b) & (block.data >= self.threshold)
            pairs.append((a[keep], b[keep], block.data[keep]))
        return tuple(np.concatenate(part) for part in zip(*pairs))

    def _similarity(self, x: int, y: int) -> float:
        common, i, j = np.intersect1d(self._terms[x], self._terms[y], assume_unique=True, return_indices=True)
        return float(self._weights[x][i] @ self._weights[y][j]) if len(common) else 0.0

    def _too_far(self, x: int, y: int) -> bool:
        """Whether two stories are too far apart to merge: in articles, or in days where both are dated."""
        if max(self._opened[x] - self._latest[y], self._opened[y] - self._latest[x]) > RECENT_ARTICLES:
            return True
        if self.days is None:
            return False
        gap = max(self._first[x] - self._last[y], self._first[y] - self._last[x])
        return gap > self.days  # False where either is undated (nan)


def _find(root: np.ndarray, story: int) -> int:
    while root[story] != story:
        root[story] = root[root[story]]
        story = int(root[story])
    return story
