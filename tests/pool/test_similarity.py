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
