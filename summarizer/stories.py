"""Story detection: which articles of a mixed pile report the same story.

Each article becomes one sparse vector, the TF-IDF of its content words (stems; the IDF over the
pile's articles and a background, see ``_article_vectors``).  Articles are grouped by
agglomerative clustering with average linkage: two groups merge while the mean cosine similarity
between their articles is at least ``threshold``.  Threshold, linkage and features were chosen on
the DUC 2001 and 2002 clusters pooled into one pile (``benchmarks/stories.py``): complete and Ward
linkage, TF-IDF of the top terms or of the lead only and LSA did no better across both sets;
capitalised word sequences (names) as extra features did no better at weight 0.5 and worse at 1.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from .features import TermMatrix
    from .models import Source

# Mean cosine similarity two groups of articles need to be one story; see benchmarks/stories.py.
STORY_THRESHOLD = 0.13
# The warning that a pile mixes stories uses a lower one: a false alarm on a one-story pile costs
# more than a missed split of two close stories (DUC clusters given alone: 85 of 89 are one story
# at 0.10, 73 at 0.13).
MIXED_PILE_THRESHOLD = 0.10
BACKGROUND_ARTICLES = 1000  # see _article_vectors


def find_stories(sources: Sequence[Source], threshold: float = STORY_THRESHOLD,
                 language: str = "english") -> list[list[int]]:
    """Group ``sources`` into stories: lists of source indices, in order of each story's first source."""
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
    if len(sources) < 2:
        return [list(range(len(sources)))] if sources else []
    import numpy as np

    from .features import TermMatrix, Tokenizer
    from .language import choose_language

    texts = [s.text for s in sources]
    language = choose_language(texts, [s.name for s in sources], language)  # "auto": the most common
    vectors = _article_vectors(TermMatrix.build(texts, Tokenizer(language)))
    similarity = (vectors @ vectors.T).toarray()
    if similarity.min() >= threshold:  # every average is at least the least pair: one story
        return [list(range(len(sources)))]  # (and scipy.cluster, 0.1 s to import, is not needed)
    from scipy.cluster.hierarchy import fcluster, linkage

    # Condensed distances (the upper triangle, row by row), as scipy's linkage takes them.
    distances = np.clip(1.0 - similarity[np.triu_indices(len(sources), k=1)], 0.0, None)
    labels = fcluster(linkage(distances, method="average"), t=1.0 - threshold, criterion="distance")
    stories: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        stories.setdefault(int(label), []).append(index)
    return list(stories.values())  # dicts keep insertion order: by each story's first source


def _article_vectors(terms: TermMatrix):
    """Sub-linear TF times IDF, rows L2-normalised, the IDF as if the pile were part of a corpus of
    ``BACKGROUND_ARTICLES`` more articles that use none of its words.

    With the pile's own IDF, the words every article of a one-story pile shares weigh least, and
    the story falls apart: 10 of the 89 DUC clusters given alone came back as one story; with the
    background, 73 (and no worse on the pooled pile).
    """
    import numpy as np
    import scipy.sparse as sp

    from .features import normalize_rows

    weights = terms.counts.astype(np.float64)  # a copy
    weights.data = 1.0 + np.log(weights.data)
    document_frequency = np.diff(terms.counts.tocsc().indptr)
    idf = np.log((terms.counts.shape[0] + BACKGROUND_ARTICLES) / (document_frequency + 1.0))
    return normalize_rows((weights @ sp.diags(idf)).tocsr())


def split_stories(sources: Sequence[Source], threshold: float = STORY_THRESHOLD,
                  language: str = "english") -> list[tuple[str, list[Source]]]:
    """The stories of a pile as ``(id, sources)``, ids ``story-1``, ``story-2``, ... (zero-padded)."""
    groups = find_stories(sources, threshold, language)
    width = len(str(len(groups)))
    return [(f"story-{number:0{width}d}", [sources[i] for i in group]) for number, group in enumerate(groups, 1)]
