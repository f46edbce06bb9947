"""The pipeline: load -> clean and segment -> pool -> deduplicate -> rank -> select -> briefing.

Each stage lives in its own module; this one only passes plain data from one to the next.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Sequence

import numpy as np

from . import editorial, neutrality
from .cite import cite
from .config import Config, seeds_dir
from .dedup import duplicate_groups
from .errors import InputError
from .features import TermMatrix, Tokenizer
from .figures import find_disagreements
from .load import load_sources
from .models import Briefing, Passage, Source
from .pool import pool_sentences
from .rank import ALGORITHMS, RankingInput
from .select import Budget, select
from .structure import parse_blocks, source_title

Progress = Callable[[str, int, int], None]  # (stage, done, total)
Warn = Callable[[str], None]


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
    # IDF over the pooled sentences: on the quality benchmark it beats IDF over whole sources.
    vectors = terms.tfidf()
    groups = duplicate_groups(sentences, vectors, config.duplicate_threshold,
                              progress=_stage(progress, "deduplicating"))
    passages = [Passage([sentences[i] for i in group]) for group in groups]
    leaders = [group[0] for group in groups]

    quotable = editorial.quotable(config)
    quotes = [[m for m in p.members if quotable(m)] for p in passages]
    prior = editorial.prior(passages, len(sources), config)
    problem = RankingInput(
        texts=[p.text for p in passages],
        terms=terms.rows(leaders),
        tfidf=vectors[leaders],
        tokenizer=tokenizer,
        max_words=config.max_words,
        max_sentences=config.max_sentences,
        sources=[p.sources for p in passages],
        quotable=np.array([bool(q) for q in quotes]),
        prior=prior,
        lexrank_threshold=config.lexrank_threshold,
        damping=config.damping,
        max_neighbors=config.max_neighbors,
        progress=_stage(progress, "ranking"),
    )
    algorithm = ALGORITHMS[config.algo]
    scores = np.asarray(algorithm(problem), dtype=float)
    if not getattr(algorithm, "selects", False):  # selecting algorithms weigh the prior themselves
        top = scores.max(initial=0.0)
        scores = (scores / top if top > 0 else np.ones_like(scores)) * prior

    budget = Budget(config.max_words, config.max_sentences)
    preference = neutrality.subjectivity if config.neutrality != "off" else (lambda s: 0.0)
    choices = select(
        passages, scores, problem.tfidf, budget,
        quotes=quotes, preference=lambda s: preference(s.text),
        diversity=config.diversity, redundancy_threshold=config.redundancy_threshold,
        max_source_share=config.max_source_share, n_sources=len(sources),
    )
    row_of = {id(s): row for row, s in enumerate(sentences)}
    briefing_sentences = [
        cite(row_of[id(c.quote)], passages[c.passage], scores[c.passage], sentences, terms.terms, vectors,
             config.citation_threshold)
        for c in choices
    ]

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
