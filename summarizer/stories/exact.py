"""Story detection, the exact method: average linkage over every pair of articles.

Each article becomes one sparse vector, the TF-IDF of its content words (stems; the IDF over the
pile's articles and a background, see ``_article_vectors``) joined with a lighter TF-IDF of the
names in its lead (``_lead_names``): two hurricanes or two earthquakes share their words, not the
names their first paragraphs give (Gilbert and Jamaica, Hugo and Charleston).  Articles are
grouped by agglomerative clustering with average linkage: two groups merge while the mean cosine similarity
between their articles is at least ``threshold``.  Threshold, linkage and features were chosen on
the DUC 2001 and 2002 clusters pooled into one pile (``benchmarks/stories.py``): complete and Ward
linkage, TF-IDF of the top terms or of the lead only and LSA did no better across both sets;
names from the whole text as extra features did no better at weight 0.5 and worse at 1; the
publication date pulls DUC's clusters apart (most span months or years of one topic).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..pool.names import capitalised_names, not_names_of

if TYPE_CHECKING:
    from ..models import Source

# Mean cosine similarity two groups of articles need to be one story; see benchmarks/stories.py.
# The defaults of the settings stories.threshold and stories.warning_threshold.
STORY_THRESHOLD = 0.115
# The warning that a pile mixes stories uses a lower one: a false alarm on a one-story pile costs
# more than a missed split of two close stories (DUC clusters given alone: 87 of 89 are one story
# at 0.08, 79 at 0.115).
MIXED_PILE_THRESHOLD = 0.08
BACKGROUND_ARTICLES = 1000  # see _article_vectors
# Names count in an article's first characters only (about its first 150 words: the lead says
# who and where); their vector weighs this much beside the words' (0.35 to 0.4 and a lead of 800
# to 1,000 characters do alike on DUC; the whole text's names blur two events of one kind).
LEAD_CHARACTERS = 1000
NAME_WEIGHT = 0.4
# A word that opens the text or follows the end of a sentence, a line break or a quotation mark
# is capitalised for its place, not because it is a name.


def find_exact(sources: Sequence[Source], threshold: float = STORY_THRESHOLD,
               language: str = "english") -> list[list[int]]:
    """Group ``sources`` into stories by average linkage over every pair: lists of source indices,
    in order of each story's first source.  Memory grows with the square of the count."""
    if len(sources) < 2:
        return [list(range(len(sources)))] if sources else []
    from ..ingest.language import choose_language
    from ..pool.features import Tokenizer

    texts = [s.text for s in sources]
    language = choose_language(texts, [s.name for s in sources], language)  # "auto": the most common
    return cluster_vectors(pile_vectors(texts, Tokenizer(language)), threshold)


def pile_vectors(texts: Sequence[str], tokenizer):
    """Each text's vector, a row: its words' TF-IDF joined with its lead's names' at ``NAME_WEIGHT``."""
    import scipy.sparse as sp

    from ..models import TermMatrix, normalize_rows

    words = _article_vectors(TermMatrix.build(texts, tokenizer).counts)
    names = _article_vectors(_lead_names(texts, tokenizer.stop_words))
    return normalize_rows(sp.hstack([words, NAME_WEIGHT * names]).tocsr())


def cluster_vectors(vectors, threshold: float) -> list[list[int]]:
    """Average linkage over the rows of ``vectors`` (unit length): groups of row indices, in order of
    each group's first row, joined while their mean cosine is at least ``threshold``."""
    import numpy as np

    if vectors.shape[0] < 2:
        return [list(range(vectors.shape[0]))] if vectors.shape[0] else []
    similarity = (vectors @ vectors.T).toarray()
    if similarity.min() >= threshold:  # every average is at least the least pair: one story
        return [list(range(vectors.shape[0]))]
    distances = np.maximum(np.subtract(1.0, similarity, out=similarity), 0.0, out=similarity)
    labels = _average_linkage(distances, 1.0 - threshold)
    stories: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        stories.setdefault(int(label), []).append(index)
    return list(stories.values())  # dicts keep insertion order: by each story's first source


def _average_linkage(distances, cutoff: float):
    """A group label per article: average-linkage agglomerative clustering of the dense, symmetric
    ``distances`` (overwritten) cut at ``cutoff``, the groups of scipy's
    ``fcluster(linkage(..., "average"), cutoff, "distance")`` (tested, ties included) without
    importing scipy.cluster, which takes 0.1 s.

    scipy's nearest-neighbour chain: follow nearest groups (ties to the lower index, or back down
    the chain) until two are each other's nearest, and merge them into the higher index of the two,
    its distances its parts' averaged by size.  Articles share a label when every merge that joins
    them is within ``cutoff``.
    """
    import numpy as np

    n = len(distances)
    np.fill_diagonal(distances, np.inf)  # merged-away groups get rows and columns of inf too
    labels, sizes, heights = np.arange(n), np.ones(n), np.zeros(n)  # heights: a group's highest merge
    chain: list[int] = []
    for _ in range(n - 1):
        if not chain:
            chain.append(int((sizes > 0).argmax()))
        while True:
            group = chain[-1]
            nearest = int(distances[group].argmin())
            if len(chain) > 1 and distances[group, chain[-2]] <= distances[group, nearest]:
                nearest = chain[-2]
                break
            chain.append(nearest)
        del chain[-2:]
        dropped, kept = sorted((group, nearest))
        merged = (sizes[dropped] * distances[dropped] + sizes[kept] * distances[kept]) / (sizes[dropped] + sizes[kept])
        heights[kept] = max(distances[dropped, kept], heights[dropped], heights[kept])
        distances[kept], distances[:, kept] = merged, merged
        distances[dropped], distances[:, dropped] = np.inf, np.inf
        sizes[kept] += sizes[dropped]
        sizes[dropped] = 0
        if heights[kept] <= cutoff:
            labels[labels == dropped] = kept
    return labels


def _lead_names(texts: Sequence[str], stop_words: frozenset[str]):
    """Which names each text's lead holds: a 0/1 sparse matrix, a row a text, a column a name."""
    import numpy as np
    import scipy.sparse as sp

    not_names = not_names_of(stop_words)
    index: dict[str, int] = {}
    rows, columns = [], []
    for row, text in enumerate(texts):
        for name in capitalised_names(text[:LEAD_CHARACTERS], not_names):
            rows.append(row)
            columns.append(index.setdefault(name, len(index)))
    return sp.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(texts), len(index)))


def _article_vectors(counts):
    """Sub-linear TF times IDF of a sparse count matrix (a row an article), rows L2-normalised,
    the IDF as if the pile were part of a corpus of ``BACKGROUND_ARTICLES`` more articles that use
    none of its words (or names).

    With the pile's own IDF, the words every article of a one-story pile shares weigh least, and
    the story falls apart: 10 of the 89 DUC clusters given alone came back as one story; with the
    background, 73 (and no worse on the pooled pile).
    """
    import numpy as np
    import scipy.sparse as sp

    from ..models import normalize_rows

    weights = counts.astype(np.float64)  # a copy
    weights.data = 1.0 + np.log(weights.data)
    document_frequency = np.diff(counts.tocsc().indptr)
    idf = np.log((counts.shape[0] + BACKGROUND_ARTICLES) / (document_frequency + 1.0))
    return normalize_rows((weights @ sp.diags(idf)).tocsr())
