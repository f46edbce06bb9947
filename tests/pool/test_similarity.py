"""Sparse similarity graphs: equal to the dense products, top-k cut, bounded blocks."""

from __future__ import annotations

import numpy as np

from summarizer.pool.similarity import similarity_graph



def test_sparse_graph_equals_dense_products(seed_pool):
    vectors = seed_pool.tfidf
    dense = (vectors @ vectors.T).toarray()
    np.fill_diagonal(dense, 0)
    dense[dense <= 0.1] = 0
    graph = similarity_graph(vectors, threshold=0.1).toarray()
    np.testing.assert_allclose(graph, dense, atol=1e-12)




def test_neighbour_cap_keeps_the_strongest_links(seed_pool):
    vectors = seed_pool.tfidf
    full = similarity_graph(vectors, threshold=0.0).toarray()
    capped = similarity_graph(vectors, threshold=0.0, max_neighbors=3).toarray()
    for row in range(full.shape[0]):
        strongest = np.sort(full[row])[-3:]
        kept = capped[row][capped[row] > 0]
        # Each row keeps its three strongest links (more only through symmetry).
        assert set(np.round(strongest[strongest > 0], 12)) <= set(np.round(kept, 12))


def test_the_process_wide_stem_cache_is_bounded(monkeypatch):
    from summarizer.pool import features

    monkeypatch.setattr(features, "_MAX_CACHED_STEMS", 3)
    tokenizer = features.Tokenizer()
    tokenizer.terms("rebels captured cities towns villages")
    assert len(features._STEMS["english"]) > 3
    features.Tokenizer()  # a new run starts the cache again
    assert features._STEMS["english"] == {}
    assert features.Tokenizer().terms("rebels captured") == ["rebel", "captur"]


def test_neighbour_cap_breaks_ties_to_the_lower_column():
    import scipy.sparse as sp

    from summarizer.pool.similarity import _top_k

    rng = np.random.default_rng(3)
    presence = (rng.random((40, 12)) < 0.4).astype(float)  # binary rows: equal products abound
    products = presence @ presence.T
    np.fill_diagonal(products, 0)
    row, col = np.nonzero(products)
    order = np.lexsort((rng.random(len(row)), row))  # columns unsorted within a row, as products come
    row, col = row[order], col[order]
    kept_row, kept_col, _ = _top_k(row, col, products[row, col], 4, 40)
    for r in range(40):
        # the reference: by value, highest first, then by column
        expected = sorted(np.flatnonzero(products[r]), key=lambda c: (-products[r, c], c))[:4]
        assert sorted(kept_col[kept_row == r]) == sorted(expected)
    capped = similarity_graph(sp.csr_matrix(presence), max_neighbors=4)
    assert capped.shape == (40, 40) and (capped != capped.T).nnz == 0


def test_a_block_of_near_identical_rows_keeps_k_a_row():
    import scipy.sparse as sp

    vectors = sp.csr_matrix(np.ones((300, 5)) + np.arange(300)[:, None] * 1e-3)
    graph = similarity_graph(vectors, max_neighbors=7)
    # every pair is close; each row keeps its 7 most similar (more only through symmetry)
    assert graph.getnnz(axis=1).min() >= 7 and graph.nnz <= 2 * 7 * 300
