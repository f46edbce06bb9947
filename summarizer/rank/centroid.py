"""Summary-level objective: the summary as close as it can get to the cluster's centroid, plus the
weighted concepts it covers (Ghalandari 2017, "Revisiting the centroid-based method"; concepts in
the spirit of Gillick & Favre's ICSI system, see ``concept_weights``).

objective(S) = cos(sum of S's vectors, centroid)
               + bigram_weight * (weight of the bigram concepts S covers) / (weight of them all)
               + unigram_weight * (weight of the stem concepts S covers) / (weight of them all)
               + figure_weight * sum over the figures S states of sqrt(share of sources stating it)
               + prior_weight * sum over S of prior * words / max_words

Vectors are IDF-weighted stem frequencies (1 + log count; IDF over the pooled sentences); the
centroid is the sum of every pooled sentence's vector, its entries at or below ``centroid_cut``
of its largest set to 0 so that only the cluster's topic words count.  A figure is a value the
figure reader ties to something counted or measured (``facts.figures``), or an amount the
sources give near their tops (``min_figure_lead``), stated by two or more sources ("at least
727" and "727" are one): the numbers a reader looks for first (``concept_weights.figure_concepts``).  The last term is the
editorial prior (relative to the best candidate's), counted per word: it keeps the briefing
plainly worded and lead-heavy, and rewards filling the budget.  Passages whose prior is below
``min_prior`` of the best passage's are no candidates at all: loaded or interpretive sentences
("represents a pivotal moment") sit close to the centroid of opinionated sources, and no weight
on the prior short of one that costs ROUGE keeps them out.

Candidates are the passages that reach one of the first ``candidates_per_source`` sentences of a
source (``update_candidates_per_source`` in an update; ``figure_candidates_per_source`` for a death or injury toll several sources word alike),
each quoted by its default row.  Greedy selection adds the candidate that leaves the
objective highest and still fits, skipping anything too close to a pick; then ``fill.refill``
searches the last picks and the best remaining candidates for the ending that fills the word
budget best by the same objective.  In an update, the earlier briefing's sentences stand in the
summary before the first pick (never quoted; ``novelty.already_read``): the cosine is that of
them plus the picks, and the concepts they cover are covered; in an update on earlier articles,
their sentences may count in the centroid (``update_earlier_centroid``; 0 by default: it helps
ROUGE on DUC 2001 only and lets the update retell the earlier story in other words, see
docs/follow-a-story.md).  Defaults chosen on DUC 2001 and
2002 together (README, Quality).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Pick
from ..params import setting
from .base import LeadParams, Selector
from .concept_weights import bigram_concepts, figure_concepts, unigram_concepts
from .fill import refill
from .novelty import Said, already_read, claim_rows

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

    from ..models import Budget, Pool


# Candidates kept at most (those worth most alone): the objective holds candidate-by-candidate
# matrices, so this bounds memory and time on hundreds of sources; DUC clusters have ~100.
_MAX_CANDIDATES = 400
# Figures (facts.figures keys) that make a passage a candidate further down its sources.
_TOLLS = (("count", "killed"), ("count", "injured"))


class Centroid(Selector):
    name = "centroid"
    description = ("summary-level objective: closest to the cluster's centroid, covering the concepts "
                   "its sources share, filling the budget")

    @dataclass(frozen=True)
    class Params(LeadParams):
        """The summary-level objective's weights, its candidates and the budget filling."""

        bigram_weight: float = setting(0.5, "weight of the share of bigram concepts (weighted) the briefing "
                                            "covers, beside its cosine to the centroid", low=0.0, high=10.0)
        unigram_weight: float = setting(0.3, "weight of the share of stem concepts (weighted) it covers",
                                        low=0.0, high=10.0)
        redundancy_threshold: float = setting(0.95, "similarity (0-1) to a pick above which a candidate is "
                                                    "skipped", low=0.0, high=1.0)
        same_claim_threshold: float = setting(0.4, "confidence (0-1) of the claim model at which a candidate "
                                                   "states a pick's main claim in other words and is skipped "
                                                   "(as citations decide; 1 = never)", low=0.0, high=1.0)
        centroid_cut: float = setting(0.1, "centroid entries at or below this share of its largest count as 0",
                                      low=0.0, high=1.0)
        min_concept_sources: int = setting(3, "a concept is carried by this many sources (or all, if fewer)",
                                           low=1)
        figure_weight: float = setting(0.08, "weight of each figure (a value) the briefing states, times the "
                                             "square root of the share of sources stating it", low=0.0, high=10.0)
        update_candidates_per_source: int = setting(20, "in an update (--since), candidates are passages within the "
                                                        "first N sentences of a report (later reports open by "
                                                        "restating what the reader was told)", low=1)
        update_earlier_centroid: float = setting(0.0, "in an update on earlier articles (--since earlier/), their "
                                                     "sentences count this much in the centroid beside the new "
                                                     "ones' (the story they told; negative: what they said "
                                                     "counts against)", low=-5.0, high=5.0)
        figure_candidates_per_source: int = setting(30, "a passage several sources word alike, giving a death or "
                                                        "injury toll that counts, is a candidate within the first "
                                                        "N sentences of a source", low=1)
        min_figure_sources: int = setting(2, "a figure counts when this many sources state it (at least 2)",
                                          low=2)
        min_figure_lead: float = setting(1.5, "an amount the figure reader ties to nothing counts as a figure when "
                                              "the sources give it near their tops: 1 / (1 + position of its first "
                                              "sentence) summed over the sources stating it reaches this (0: never)",
                                         low=0.0, high=100.0)
        fill_depth: int = setting(3, "last greedy picks the budget filling may replace (0: no filling)",
                                  low=0, high=6)
        fill_width: int = setting(12, "best remaining candidates the budget filling may use", low=0, high=30)

    def select(self, pool: Pool, budget: Budget) -> list[Pick]:
        import numpy as np

        params = self.params
        max_words, max_sentences = budget.word_cap, budget.sentence_cap
        figures = figure_concepts(pool, params.min_figure_sources, params.min_figure_lead)
        deeper = _corroborated_tolls(pool, figures[0] @ figures[1]) if params.figure_weight > 0 else None
        per_source = params.candidates_per_source if pool.told is None else params.update_candidates_per_source
        candidates, rows = lead_candidates(pool, max_words, per_source, params.min_prior,
                                           deeper, params.figure_candidates_per_source)
        if len(candidates) == 0 or max_sentences < 1:
            return []
        words = np.array([pool.sentences[r].words for r in rows], dtype=float)
        objective = _Objective(pool, candidates, rows, words, params, max_words, figures)
        chosen = objective.greedy(max_words, max_sentences)
        if params.fill_depth > 0 and chosen and math.isfinite(max_words):
            remaining = objective.best_remaining(chosen, params.fill_width)
            objective.note_claims(remaining)  # the picks' claims are noted already
            chosen = refill(chosen, remaining, objective.words, objective.values, max_words, max_sentences,
                            params.fill_depth)
        return [Pick(int(objective.passages[c]), int(objective.rows[c])) for c in chosen]


def _corroborated_tolls(pool: Pool, figure_weight: np.ndarray) -> np.ndarray:
    """Per passage: two or more sources word it alike and it states a count of dead or injured
    whose value counts as a figure (``figure_weight`` per sentence > 0): the toll a reader looks
    for first, which news often gives far down the story."""
    import numpy as np

    toll = np.array([any(f.key[:2] in _TOLLS for f in figures) for figures in pool.figures], dtype=bool)
    toll &= np.asarray(figure_weight).ravel() > 0
    return np.array([toll[list(p.rows)].any() and len({m.source for m in p.members}) >= 2
                     for p in pool.passages], dtype=bool)


def background_terms(pool: Pool) -> sp.csr_matrix:
    """Stem counts of an update's earlier articles' sentences (``pool.background``) over the pool's
    vocabulary (stems the pool does not hold left out)."""
    import numpy as np
    import scipy.sparse as sp

    stems = {stem: j for j, stem in enumerate(pool.terms.vocabulary)}
    rows, cols = [], []
    for row, (text, _, _) in enumerate(pool.background):
        for stem in pool.tokenizer.terms(text):
            if stem in stems:
                rows.append(row)
                cols.append(stems[stem])
    counts = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(pool.background), len(stems)))
    counts.sum_duplicates()
    return counts


def lead_candidates(pool: Pool, max_words: float, per_source: int, min_prior: float,
                    deeper: np.ndarray | None = None, deeper_per_source: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Passages that reach one of the first ``per_source`` sentences of a source (or, where
    ``deeper[row]`` holds for the row quoted, one of the first ``deeper_per_source``), can be
    quoted, fit the budget alone and whose prior is at least ``min_prior`` of the best passage's;
    and the row each quotes (its default quote)."""
    import numpy as np

    # The best passage that can be quoted sets the floor: one that cannot (a 2,000-word sentence
    # has a high prior for its length) must not push every other below it.
    floor = min_prior * pool.prior[pool.quote >= 0].max(initial=0.0)

    def reach(p: int) -> int:
        return max(per_source, deeper_per_source) if deeper is not None and deeper[p] else per_source

    found = [(p, int(q)) for p, (passage, q) in enumerate(zip(pool.passages, pool.quote))
             if q >= 0 and pool.words[p] <= max_words and pool.prior[p] >= floor
             and min(m.position for m in passage.members) < reach(p)]
    pairs = np.array(found, dtype=int).reshape(-1, 2)
    return pairs[:, 0], pairs[:, 1]


class _Objective:
    """The objective over the candidates (numbered 0..m-1), evaluated in bulk."""

    def __init__(self, pool: Pool, passages: np.ndarray, rows: np.ndarray, words: np.ndarray,
                 params: Centroid.Params, max_words: float, figures: tuple):
        import numpy as np
        import scipy.sparse as sp

        self.params = params
        # Sub-linear term frequency, as in the pool's TF-IDF (raw counts did no better on either set).
        weighted = pool.terms.counts.astype(float)
        weighted.data = 1.0 + np.log(weighted.data)
        weighted = (weighted @ sp.diags(pool.terms.idf())).tocsr()
        centroid = np.asarray(weighted.sum(axis=0)).ravel()
        earlier = pool.told is not None and bool(pool.background)
        if earlier and params.update_earlier_centroid:
            before = background_terms(pool).astype(float)
            before.data = 1.0 + np.log(before.data)
            before = np.asarray((before @ sp.diags(pool.terms.idf())).sum(axis=0)).ravel()
            centroid = np.maximum(centroid + params.update_earlier_centroid * before, 0.0)
        centroid[centroid <= params.centroid_cut * centroid.max(initial=0.0)] = 0.0
        norm = np.linalg.norm(centroid)
        vectors = weighted[rows]
        toward = vectors @ (centroid / norm if norm > 0 else centroid)  # dot with the centroid
        # One concept matrix: bigrams, then stems, each block's weights summing to its parameter.
        blocks = [(bigram_concepts(pool, params.min_concept_sources), params.bigram_weight),
                  (unigram_concepts(pool, params.min_concept_sources), params.unigram_weight),
                  (figures, params.figure_weight)]
        occurrences = sp.hstack([presence for (presence, _), _ in blocks]).tocsr()
        # Figures weigh as they are (the square root of the share of sources stating each): a story
        # with no corroborated figure loses nothing to the term.
        self.concept_weights = np.concatenate(
            [weight * found / found.sum() if found.sum() > 0 else found for (_, found), weight in blocks[:2]]
            + [params.figure_weight * blocks[2][0][1]])
        concepts = occurrences[rows].tocsr()
        prior = pool.prior[passages]
        top = prior.max(initial=0.0)
        relative = prior / top if top > 0 else np.ones_like(prior)
        # The prior counts per word chosen, so it also rewards filling the budget; an unlimited
        # budget is scaled as a 100-word one.
        own = params.prior_weight * relative * words / (max_words if math.isfinite(max_words) else 100.0)
        # Hundreds of sources: keep the candidates worth most alone, so the dense matrices stay small.
        keep = np.arange(len(rows))
        if len(rows) > _MAX_CANDIDATES:
            lengths = np.sqrt(np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel())
            alone = (np.divide(toward, lengths, out=np.zeros(len(rows)), where=lengths > 0)
                     + concepts @ self.concept_weights + own)
            keep = np.sort(np.argsort(-alone, kind="stable")[:_MAX_CANDIDATES])
        self.passages, self.rows, self.words = passages[keep], rows[keep], words[keep]
        self.toward, self.concepts, self.own = toward[keep], concepts[keep], own[keep]
        vectors = vectors[keep]
        self.gram = (vectors @ vectors.T).toarray()  # candidates are few: dense is fine
        self.close = (pool.tfidf[self.rows] @ pool.tfidf[self.rows].T).toarray() > params.redundancy_threshold
        # What the reader of an update has read (the earlier briefing) is in the summary already:
        # a pick that says it again adds little to the cosine and no concept.
        read = already_read(pool)
        given = np.asarray(weighted[read].sum(axis=0)).ravel()
        self.read_toward = float(given @ (centroid / norm if norm > 0 else centroid))
        self.read_dot = float(given @ given)
        self.with_read = np.asarray(vectors @ given).ravel()  # each candidate's dot product with it
        self.concept_weights[np.asarray(occurrences[read].sum(axis=0)).ravel() > 0] = 0.0
        self.pool = pool
        self.candidate_of_row = np.full(len(pool.sentences), -1)
        self.candidate_of_row[self.rows] = np.arange(len(self.rows))
        self.claims_noted: set[int] = set()
        self.said = Said(pool)

    def note_claims(self, candidates: list[int]) -> None:
        """Count as too close to each of ``candidates`` the candidates that state its main claim in
        other words, by the claim model citations use (paraphrases the TF-IDF cosine misses)."""
        for c in candidates:
            if c in self.claims_noted:
                continue
            self.claims_noted.add(c)
            same = self.candidate_of_row[claim_rows(self.pool, int(self.rows[c]), self.params.same_claim_threshold)]
            same = same[same >= 0]
            self.close[c, same] = self.close[same, c] = True

    def greedy(self, max_words: float, max_sentences: float) -> list[int]:
        """Repeatedly add the candidate that leaves the objective highest, while one fits."""
        import numpy as np

        m = len(self.words)
        open_ = np.ones(m, dtype=bool)
        chosen: list[int] = []
        toward = self.read_toward  # the summary's dot product with the centroid
        self_dot = self.read_dot  # the summary vector's squared norm
        with_summary = self.with_read.copy()  # each candidate's dot product with the summary vector
        uncovered = self.concept_weights.copy()
        concepts = self.concepts
        words_left = max_words
        while len(chosen) < max_sentences:
            open_ &= self.words <= words_left
            if not open_.any():
                break
            norms = np.sqrt(self_dot + 2 * with_summary + np.diag(self.gram))
            cosine = np.divide(toward + self.toward, norms, out=np.zeros(m), where=norms > 0)
            gains = cosine + concepts @ uncovered + self.own
            best = int(np.argmax(np.where(open_, gains, -np.inf)))
            chosen.append(best)
            self.note_claims([best])
            toward += self.toward[best]
            self_dot += 2 * with_summary[best] + self.gram[best, best]
            with_summary += self.gram[:, best]
            uncovered[concepts[best].indices] = 0.0
            words_left -= self.words[best]
            open_[best] = False
            open_ &= ~self.close[:, best]
            self.said.add(int(self.rows[best]))
            open_ &= self.said.novelty(self.rows) >= self.params.min_novelty
        return chosen

    def best_remaining(self, chosen: list[int], width: int) -> list[int]:
        """The ``width`` candidates not chosen that raise the objective most when added alone."""
        import numpy as np

        others = np.setdiff1d(np.arange(len(self.words)), chosen)
        value = self.values(chosen, others[:, None])
        order = np.argsort(-value, kind="stable")
        return [int(c) for c in others[order[np.isfinite(value[order])]][:width]]

    def values(self, kept: list[int], endings: np.ndarray) -> np.ndarray:
        """The objective of ``kept`` plus each row of ``endings`` (candidate indices, -1 = none);
        -inf where two picks are too close to each other."""
        import numpy as np

        kept = np.asarray(kept, dtype=int)
        present = endings >= 0
        ending = np.where(present, endings, 0)
        on = present.astype(float)
        pairwise = on[:, :, None] * on[:, None, :]
        # Dot product with the centroid and squared norm of each summary vector, from the parts.
        toward = self.read_toward + self.toward[kept].sum() + (on * self.toward[ending]).sum(axis=1)
        kept_gram = self.gram[kept]
        self_dot = (self.read_dot + 2 * (self.with_read[kept].sum() + (on * self.with_read[ending]).sum(axis=1))
                    + kept_gram[:, kept].sum() + 2 * (on * kept_gram.sum(axis=0)[ending]).sum(axis=1)
                    + (pairwise * self.gram[ending[:, :, None], ending[:, None, :]]).sum(axis=(1, 2)))
        norms = np.sqrt(np.maximum(self_dot, 0.0))
        cosine = np.divide(toward, norms, out=np.zeros(len(endings)), where=norms > 0)
        # Concepts the kept picks leave uncovered, among those the free candidates carry.
        free = np.unique(ending[present])
        local = self.concepts[free]
        open_concepts = np.setdiff1d(np.unique(local.indices), self.concepts[kept].indices)
        weights = self.concept_weights[open_concepts]
        carries = np.zeros((len(self.words), len(open_concepts)), dtype=bool)
        carries[free] = local[:, open_concepts].toarray() > 0
        newly = (carries[ending] & present[:, :, None]).any(axis=1) @ weights
        concept_share = self.concept_weights[np.unique(self.concepts[kept].indices)].sum() + newly
        value = cosine + concept_share + self.own[kept].sum() \
            + (on * self.own[ending]).sum(axis=1)
        clash = (pairwise * np.triu(self.close[ending[:, :, None], ending[:, None, :]], k=1)).any(axis=(1, 2))
        clash |= (present & self.close[kept][:, ending].any(axis=0)).any(axis=1)
        return np.where(clash, -np.inf, value)
