"""Deduplication: the same leader clustering as pair-by-pair, exact copies collapsed first."""

from __future__ import annotations

import tracemalloc

import pytest

from summarizer.ingest.formats import seeds_dir
from summarizer.pool.dedup import deduplicate
from summarizer.models import TermMatrix
from summarizer.pool.features import Tokenizer
from summarizer.ingest.load import load_sources
from summarizer.models import Sentence
from summarizer.pool.sentences import pool_sentences
from summarizer.ingest.structure import parse_blocks


@pytest.fixture(scope="module")
def seed_sentences():
    sources = load_sources([str(seeds_dir())])
    return pool_sentences([parse_blocks(s, i) for i, s in enumerate(sources)])


def test_sparse_deduplication_matches_brute_force(seed_sentences):
    terms = TermMatrix.build([s.text for s in seed_sentences], Tokenizer())
    vectors = terms.tfidf()
    threshold = 0.5
    groups = [list(p.rows) for p in deduplicate(seed_sentences, vectors, threshold)]
    dense = (vectors @ vectors.T).toarray()
    # The same leader clustering, pair by pair on the dense matrix.
    leader = [-1] * len(seed_sentences)
    expected = []
    for i in range(len(seed_sentences)):
        if leader[i] >= 0:
            continue
        leader[i] = i
        group = [i]
        for j in range(len(seed_sentences)):
            if j != i and leader[j] < 0 and dense[i, j] >= threshold - 1e-12:
                leader[j] = i
                group.append(j)
        expected.append(sorted(group))
    assert groups == expected
    assert any(len(g) > 1 for g in groups)  # the seeds do repeat themselves


def test_exact_copies_join_one_passage_whatever_their_case_and_spacing():
    texts = ["Floods closed the valley road on Monday.", "Schools stayed shut in the town.",
             "FLOODS closed  the valley road on Monday.", "Floods closed the valley road on Monday."]
    sentences = [Sentence(t, i, 0, 0, len(t)) for i, t in enumerate(texts)]
    vectors = TermMatrix.build(texts, Tokenizer()).tfidf()
    passages = deduplicate(sentences, vectors, 1.0)
    assert [p.rows for p in passages] == [(0, 2, 3), (1,)]
    assert passages[0].sources == (0, 2, 3)


def test_a_wire_story_carried_by_thousands_of_outlets_costs_what_one_copy_costs():
    # 20,000 copies of a few sentences: the pairwise graph over all copies would need gigabytes.
    story = ["The storm cut power to the northern coast on Sunday.",
             "Officials said repairs would take at least three days.",
             "Ferries to the islands were cancelled until further notice."]
    texts = story * 7000
    sentences = [Sentence(t, i // 3, i % 3, 0, len(t)) for i, t in enumerate(texts)]
    vectors = TermMatrix.build(texts, Tokenizer()).tfidf()
    tracemalloc.start()
    passages = deduplicate(sentences, vectors, 0.5)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(passages) == 3
    assert sorted(len(p.rows) for p in passages) == [7000] * 3
    assert peak < 64 * 2**20


def test_a_sentence_close_to_two_leaders_stays_with_the_first():
    texts = ["The river flooded the valley road near Alden on Monday.",  # A
             "The river flooded the valley road near the old mill on Monday.",  # B: close to A and to C
             "Crews cleared the valley road near the old mill on Monday."]  # C: close to B, not to A
    sentences = [Sentence(t, i, 0, 0, len(t)) for i, t in enumerate(texts)]
    vectors = TermMatrix.build(texts, Tokenizer()).tfidf()
    similarity = (vectors @ vectors.T).toarray()
    threshold = 0.5
    assert similarity[0, 1] >= threshold and similarity[1, 2] >= threshold and similarity[0, 2] < threshold
    passages = deduplicate(sentences, vectors, threshold)
    assert [p.rows for p in passages] == [(0, 1), (2,)]  # never chained A~B~C, never B twice


def test_thousands_of_near_identical_sentences_take_bounded_memory():
    # 4,000 distinct sentences with the same content words (they differ in small words only), each
    # as close to every other as can be: as a graph of every close pair (16 million) they took
    # gigabytes; leader clustering streams them, and the first takes every other.
    small = ("we", "it", "so", "as", "an", "or", "if", "at", "by", "to", "up", "on")
    texts = [" ".join(["The river rose"] + [w for b, w in enumerate(small) if i >> b & 1] + ["at Alden on Tuesday."])
             for i in range(4000)]
    sentences = [Sentence(t, 0, i, 0, len(t)) for i, t in enumerate(texts)]
    vectors = TermMatrix.build(texts, Tokenizer()).tfidf()
    tracemalloc.start()
    passages = deduplicate(sentences, vectors, 0.5)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [p.rows for p in passages] == [tuple(range(4000))]
    assert peak < 96 * 2**20


def test_the_claim_index_of_a_templated_page_takes_bounded_memory():
    # 3,000 sentences of one template: their claim anchors are alike, and learning stand-ins once
    # kept every aligned pair (9 million).
    from summarizer.facts.claims import build_index

    texts = [f"Reading {i} from the Alden gauge showed the Harlow river rising on Tuesday, the agency said."
             for i in range(3000)]
    tokenizer = Tokenizer()
    tracemalloc.start()
    index = build_index(texts, [i % 3 for i in range(3000)], tokenizer, [() for _ in texts])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert index.anchors.shape[0] == 3000
    assert peak < 400 * 2**20  # (every aligned pair kept: 676 MB here, and quadratic)
