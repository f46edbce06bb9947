"""The pipeline: load -> clean and segment -> pool -> deduplicate -> rank -> select -> briefing.

Each stage lives in its own module; this one only passes plain data from one to the next.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any, Callable, Sequence

import numpy as np

from . import neutrality
from .config import Config, seeds_dir
from .dedup import duplicate_groups
from .errors import InputError
from .features import TermMatrix, Tokenizer
from .figures import find_disagreements
from .load import load_sources
from .models import Briefing, BriefingSentence, Citation, Passage, Sentence, Source
from .pool import pool_sentences
from .rank import ALGORITHMS, RankingInput
from .select import Budget, Choice, reading_order, select
from .structure import is_full_sentence, parse_blocks, source_title

Progress = Callable[[str, int, int], None]  # (stage, done, total)
Warn = Callable[[str], None]

# Subjectivity is scored for this many of the best passages per briefing sentence (the lexicon
# is slow; passages further down the ranking are never selected).
_NEUTRALITY_POOL_PER_SENTENCE = 25


def summarize(
    paths: Sequence[str | os.PathLike | Source] | None = None,
    config: Config | None = None,
    *,
    progress: Progress | None = None,
    warn: Warn | None = None,
    **settings: Any,
) -> Briefing:
    """Summarize articles into one briefing.

    ``paths``: files, folders, ``-`` for standard input, or ready ``Source`` objects; None or
    empty for the bundled sample articles.  ``settings`` override ``config`` (or the defaults),
    e.g. ``summarize(["a.txt", "b.txt"], algo="textrank", max_words=80)``.
    """
    config = (config or Config()).replace(**settings) if settings else (config or Config())
    warn = warn or (lambda message: None)
    paths = list(paths) if paths else [str(seeds_dir())]
    given = [p for p in paths if isinstance(p, Source)]
    to_load = [p for p in paths if not isinstance(p, Source)]
    loaded = load_sources(to_load, max_bytes=config.max_file_bytes, warn=warn,
                          progress=_stage(progress, "reading")) if to_load else []
    return summarize_sources(given + loaded, config, progress=progress, warn=warn)


def summarize_sources(sources: Sequence[Source], config: Config, *, progress: Progress | None = None,
                      warn: Warn | None = None) -> Briefing:
    """The pipeline on sources already loaded."""
    warn = warn or (lambda message: None)
    blocks = [parse_blocks(source, i) for i, source in enumerate(sources)]
    titles = [source_title(b) for b in blocks]
    sentences = pool_sentences(blocks)
    for source, source_blocks in zip(sources, blocks):
        if not any(b.kind.is_text for b in source_blocks):
            warn(f"{source.path}: no article text found (only headlines, bylines or lists)")
    if not sentences:
        raise InputError(", ".join(s.path for s in sources) or "input", "no sentences of article text found")

    tokenizer = Tokenizer(config.language)
    terms = TermMatrix.build([s.text for s in sentences], tokenizer)
    # IDF over sources: a word every outlet uses says little, a word one outlet repeats still does.
    idf = terms.idf(groups=np.array([s.source for s in sentences]))
    vectors = terms.tfidf(idf)
    groups = duplicate_groups(sentences, vectors, config.duplicate_threshold,
                              progress=_stage(progress, "deduplicating"))
    passages = [Passage([sentences[i] for i in group]) for group in groups]
    leaders = [group[0] for group in groups]

    well_formed = _well_formed(config)
    problem = RankingInput(
        texts=[p.text for p in passages],
        terms=terms.rows(leaders),
        tfidf=vectors[leaders],
        tokenizer=tokenizer,
        max_words=config.max_words,
        max_sentences=config.max_sentences,
        sources=[p.sources for p in passages],
        quotable=np.array([any(well_formed(m) for m in p.members) for p in passages]),
        lexrank_threshold=config.lexrank_threshold,
        damping=config.damping,
        max_neighbors=config.max_neighbors,
        progress=_stage(progress, "ranking"),
    )
    salience = np.asarray(ALGORITHMS[config.algo](problem), dtype=float)
    scores = _with_priors(salience, passages, len(sources), config)

    quotable = _quotable(config, well_formed)
    budget = Budget(config.max_words, config.max_sentences)
    preference = neutrality.subjectivity if config.neutrality != "off" else (lambda s: 0.0)
    choices = select(
        passages, scores, problem.tfidf, budget,
        quotable=quotable, preference=lambda s: preference(s.text),
        diversity=config.diversity, redundancy_threshold=config.redundancy_threshold,
        max_source_share=config.max_source_share, n_sources=len(sources),
    )
    source_lengths = Counter(s.source for s in sentences)
    choices = reading_order(choices, [source_lengths[i] for i in range(len(sources))])
    briefing_sentences = [_cite(passages[c.passage], c, scores[c.passage]) for c in choices]

    return Briefing(
        title=config.title or _briefing_title(titles, tokenizer),
        sentences=briefing_sentences,
        sources=list(sources),
        source_titles=titles,
        disagreements=find_disagreements(sentences),
        algorithm=config.algo,
        max_words=config.max_words,
        max_sentences=config.max_sentences,
        stats={"sources": len(sources), "sentences": len(sentences), "passages": len(passages)},
    )


def _with_priors(salience: np.ndarray, passages: list[Passage], n_sources: int, config: Config) -> np.ndarray:
    """Salience times what editors prefer: lead material, corroborated news, plain wording."""
    top = salience.max(initial=0.0)
    scores = salience / top if top > 0 else np.ones_like(salience)
    positions = np.array([min(m.position for m in p.members) for p in passages])
    scores = scores * (1.0 + config.position_weight / (1.0 + positions))
    if n_sources > 1:
        reach = np.array([len(p.sources) for p in passages])
        scores = scores * (1.0 + config.corroboration_weight * (reach - 1) / (n_sources - 1))
    if config.neutrality != "off":
        # Score the wording of the passages that could make it into the briefing.
        expected = config.max_sentences or max(1, (config.max_words or 100) // 20)
        candidates = np.argsort(-scores)[: _NEUTRALITY_POOL_PER_SENTENCE * expected]
        power = 1.0 if config.neutrality == "balanced" else 2.0
        plainness = np.array([1.0 - min(neutrality.subjectivity(m.text) for m in passages[i].members)
                              for i in candidates]) ** power
        scores[candidates] *= plainness
        not_scored = np.ones(len(scores), bool)
        not_scored[candidates] = False
        scores[not_scored] *= plainness.min(initial=1.0)  # unscored: assume the worst
    return scores


def _well_formed(config: Config) -> Callable[[Sentence], bool]:
    """Sentences a briefing can quote: complete, of a sensible length, not a question to the reader."""
    def well_formed(sentence: Sentence) -> bool:
        return (
            config.min_sentence_words <= sentence.words <= config.max_sentence_words
            and is_full_sentence(sentence.text)
            and (config.neutrality == "off" or not neutrality.is_rhetorical_question(sentence.text))
        )

    return well_formed


def _quotable(config: Config, well_formed: Callable[[Sentence], bool]) -> Callable[[Sentence], bool]:
    """Well-formed, and under the strict policy also plainly worded."""
    if config.neutrality != "strict":
        return well_formed
    return lambda s: well_formed(s) and neutrality.subjectivity(s.text) < 0.5


def _cite(passage: Passage, choice: Choice, score: float) -> BriefingSentence:
    quote = choice.quote
    citations = [Citation(quote.source, quote.start, quote.end, quote.text, True)]
    citations += [Citation(m.source, m.start, m.end, m.text, m.text == quote.text)
                  for m in passage.members if m is not quote]
    citations.sort(key=lambda c: (c.source, c.start))
    return BriefingSentence(quote.text, tuple(citations), float(score))


def _briefing_title(titles: list[str], tokenizer: Tokenizer) -> str:
    """The headline that shares most words with the other headlines; a plain title if none."""
    found = [t for t in titles if t]
    if not found:
        return "Briefing"
    bags = [set(tokenizer.terms(t)) for t in found]
    overlap = [sum(len(b & other) for other in bags) - len(b) for b in bags]
    return found[int(np.argmax(overlap))]


def _stage(progress: Progress | None, name: str) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(name, done, total)
