"""The pipeline: load -> clean and segment -> pool -> deduplicate -> annotate -> rank and select
-> cite -> briefing.

Each stage lives in its own module; this one only passes plain data from one to the next.  The
``Pool`` is built once (``build_pool``) and every later stage reads it.
"""

from __future__ import annotations

import os
from itertools import groupby
from typing import Any, Callable, Sequence

import numpy as np

from .pool import editorial
from .facts.cite import cite
from .facts.claims import build_index
from .config.sections import Config
from .pool.dedup import deduplicate
from .errors import ConfigError, InputError
from .pool.features import TermMatrix, Tokenizer
from .facts.figures import compare, sentence_figures
from .ingest.language import choose_language
from .ingest.load import load_sources
from .models import Briefing, Pick, Pool, Source
from .pool.sentences import pool_sentences
from .rank import ALGORITHMS
from .rank.base import Scorer
from .rank.mmr import select
from .rank.novelty import first_news
from .ingest.structure import parse_blocks, source_title
from .ingest.dates import source_dates
from .output.titles import briefing_title, source_titles

Progress = Callable[[str, int, int], None]  # (stage, done, total)
Warn = Callable[[str], None]


def summarize(
    inputs: Sequence[str | os.PathLike | Source],
    config: Config | None = None,
    *,
    progress: Progress | None = None,
    warn: Warn | None = None,
    **settings: Any,
) -> Briefing:
    """Summarize articles into one briefing.

    ``inputs``: files, folders, ``-`` for standard input, or ready ``Source`` objects, in the
    order their sources are numbered.  ``settings`` override ``config`` (or the defaults), e.g.
    ``summarize(["a.txt", "b.txt"], algo="textrank", max_words=80)`` (see ``Config.replace``).
    """
    config = config or Config()
    if settings:
        config = config.replace(**settings)
    inputs = list(inputs)
    if not inputs:
        raise InputError("input", "no articles given")
    sources: list[Source] = []
    # In the order given: each run of paths is read where it stands among ready sources.
    for is_source, run in groupby(inputs, key=lambda item: isinstance(item, Source)):
        if is_source:
            sources += run
        else:
            sources += load_sources(list(run), max_bytes=config.input.max_file_bytes, warn=warn or _ignore,
                                    progress=_stage(progress, "reading"), offline=config.input.offline)
    return summarize_sources(sources, config, progress=progress, warn=warn)


def summarize_sources(sources: Sequence[Source], config: Config | None = None, *,
                      progress: Progress | None = None, warn: Warn | None = None) -> Briefing:
    """The pipeline on sources already loaded."""
    config = config or Config()
    pool = build_pool(sources, config, progress=progress, warn=warn or _ignore)
    picks, scores = rank_and_select(pool, config, progress=progress)
    disagreements, changes = compare(pool.figures, pool.dates)
    return Briefing(
        title=config.output.title or briefing_title(pool.headlines, pool.sentences, pool.tokenizer),
        sentences=cite(pool, picks, scores, config.cite.threshold),
        sources=pool.sources,
        source_titles=pool.titles,
        source_dates=[d.isoformat() if d else None for d in pool.dates],
        disagreements=disagreements,
        changes=changes,
        algorithm=config.rank.algo,
        language=pool.tokenizer.language,
        budget=config.budget,
        stats={"sources": len(pool.sources), "sentences": len(pool.sentences), "passages": len(pool.passages)},
    )


def build_pool(sources: Sequence[Source], config: Config, *, progress: Progress | None = None,
               warn: Warn = lambda message: None) -> Pool:
    """Clean and segment every source, pool the sentences, deduplicate and annotate them."""
    language = choose_language([s.text for s in sources], [s.name for s in sources], config.input.language, warn)
    config = config.replace(**{"input.language": language})  # the later stages read the language found
    blocks = [parse_blocks(source, i) for i, source in enumerate(sources)]
    headlines = [source_title(b) for b in blocks]
    sentences = pool_sentences(blocks, language)
    for source, source_blocks in zip(sources, blocks):
        if not any(b.kind.is_text for b in source_blocks):
            warn(f"{source.path}: no article text found (only headlines, bylines or lists)")
    if not sentences:
        raise InputError(", ".join(s.path for s in sources) or "input", "no sentences of article text found")
    tokenizer = Tokenizer(language)
    terms = TermMatrix.build([s.text for s in sentences], tokenizer)
    # IDF over the pooled sentences: on the quality benchmark it beats IDF over whole sources.
    tfidf = terms.tfidf()
    passages = deduplicate(sentences, tfidf, config.dedup.threshold, progress=_stage(progress, "deduplicating"))
    quotable, quote = editorial.quotes(passages, config)
    words = np.array([sentences[r].words if r >= 0 else 0 for r in quote], dtype=int)
    # The figure rules read English; in another language no figures are compared (the footer says so).
    figures = sentence_figures(sentences) if language == "english" else [() for _ in sentences]
    return Pool(
        sources=list(sources),
        headlines=headlines,
        titles=source_titles(headlines, sources),
        sentences=sentences,
        tokenizer=tokenizer,
        terms=terms,
        tfidf=tfidf,
        passages=passages,
        prior=editorial.prior(passages, len(sources), config),
        quotable=quotable,
        quote=quote,
        words=words,
        dates=source_dates(sources, blocks),
        figures=figures,
        claims=build_index([s.text for s in sentences], [s.source for s in sentences], tokenizer, figures),
    )


def rank_and_select(pool: Pool, config: Config, *, progress: Progress | None = None) -> tuple[list[Pick], list[float]]:
    """The briefing's picks, most important first, and a score for each.

    A scorer's salience is weighed by the editorial prior and selected with MMR; a selector's
    picks are kept as it made them (its scores fall with its order of choice).
    """
    cls = ALGORITHMS[config.rank.algo]
    algorithm = cls(getattr(config.rank, cls.name, None), progress=_stage(progress, "ranking"))
    budget = config.budget
    if isinstance(algorithm, Scorer):
        salience = np.asarray(algorithm.score(pool), dtype=float)
        top = salience.max(initial=0.0)
        scores = (salience / top if top > 0 else np.ones_like(salience)) * pool.prior
        picks = select(pool, scores, budget, config)
    else:
        picks = algorithm.select(pool, budget)
    # Each fact once, whatever the algorithm: no pick states an earlier one's claim or repeats its words.
    params = algorithm.params
    picks = first_news(pool, picks, getattr(params, "same_claim_threshold", config.select.same_claim_threshold),
                       getattr(params, "min_novelty", config.select.min_novelty))
    if isinstance(algorithm, Scorer):
        pick_scores = [float(scores[p.passage]) for p in picks]
    else:
        pick_scores = [1.0 / (1 + i) for i in range(len(picks))]
    budget.check(cls.name, [pool.sentences[p.row].words for p in picks])
    if not picks and (pool.quote >= 0).any() and budget.max_words is not None:
        shortest = int(pool.words[pool.quote >= 0].min())
        if shortest > budget.max_words:
            raise ConfigError("select.max_words", f"{budget.max_words} is too small: the shortest sentence that "
                                                  f"could be quoted has {shortest} words; give at least {shortest}")
    return picks, pick_scores


def _ignore(message: str) -> None:
    """Warnings nobody asked to see."""


def _stage(progress: Progress | None, name: str) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(name, done, total)
