"""The pipeline: load -> clean and segment -> pool -> deduplicate -> annotate -> rank and select
-> cite -> briefing.

Each stage lives in its own module; this one only passes plain data from one to the next.  The
``Pool`` is built once (``build_pool``) and every later stage reads it.
"""

from __future__ import annotations

import os
from dataclasses import replace
from itertools import groupby
from typing import Any, Callable, Sequence

import numpy as np

from .pool import editorial, referents
from .facts.cite import cite
from .facts.claims import build_index
from .facts.current import overtaken_rows, quote_latest, told_rows
from .config.sections import Config
from .pool.dedup import deduplicate
from .errors import InputError
from .pool.features import Tokenizer
from .facts.figures import compare, sentence_figures, superseded
from .ingest.language import choose_language
from .ingest.earlier import already_seen, is_json_briefing_path, read_earlier_briefing, seen_keys
from .ingest.load import load_sources
from .models import Briefing, Earlier, Pool, Source, TermMatrix
from .pool.sentences import pool_sentences
from .rank.choose import rank_and_select
from .rank.order import in_story_order
from .ingest.structure import drop_reason, parse_blocks, source_title
from .ingest.dates import source_dates
from .output.titles import briefing_title, source_titles

Progress = Callable[[str, int, int], None]  # (stage, done, total)
Warn = Callable[[str], None]


def summarize(
    inputs: Sequence[str | os.PathLike | Source],
    config: Config | None = None,
    *,
    since: Earlier | str | os.PathLike | Sequence[str | os.PathLike | Source] | None = None,
    progress: Progress | None = None,
    warn: Warn | None = None,
    **settings: Any,
) -> Briefing:
    """Summarize articles into one briefing.

    ``inputs``: files, folders, ``-`` for standard input, or ready ``Source`` objects, in the
    order their sources are numbered.  ``settings`` override ``config`` (or the defaults), e.g.
    ``summarize(["a.txt", "b.txt"], algo="textrank", max_words=80)`` (see ``Config.replace``).
    ``since``: an update that tells nothing an earlier briefing told: a JSON briefing this tool
    wrote, or earlier articles (paths or sources, summarized with the same settings first).
    """
    config = config or Config()
    if settings:
        config = config.replace(**settings)
    sources = load_inputs(inputs, config, progress=progress, warn=warn)
    earlier = None if since is None else read_since(since, config, warn=warn)
    return summarize_sources(sources, config, since=earlier, progress=progress, warn=warn)


def load_inputs(inputs: Sequence[str | os.PathLike | Source], config: Config, *,
                progress: Progress | None = None, warn: Warn | None = None) -> list[Source]:
    """The sources of files, folders, ``-`` and ready sources, numbered in the order given."""
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
    return sources


def read_since(since: Earlier | str | os.PathLike | Sequence[str | os.PathLike | Source], config: Config, *,
               warn: Warn | None = None) -> Earlier:
    """What an update is built on: a JSON briefing read back, or the briefing of earlier articles."""
    if isinstance(since, Earlier):
        return since
    if isinstance(since, (str, os.PathLike)) and is_json_briefing_path(since, config.input.max_file_bytes):
        return read_earlier_briefing(since, config.input.max_file_bytes)
    items = [since] if isinstance(since, (str, os.PathLike, Source)) else list(since)
    sources = load_inputs(items, config, warn=warn)
    briefing = summarize_sources(sources, config, warn=warn)
    return Earlier(", ".join(s.path if isinstance(s, Source) else os.fspath(s) for s in items), "articles",
                   tuple(s.text for s in briefing.sentences), tuple(s.name for s in sources),
                   max(filter(None, briefing.source_dates), default=None), seen_keys(sources),
                   earlier_sentences(sources, config))


def earlier_sentences(sources: Sequence[Source], config: Config) -> tuple[tuple[str, int, int], ...]:
    """The sentences of earlier articles (text, source, position), as the pool would segment them."""
    language = choose_language([s.text for s in sources], [s.name for s in sources], config.input.language)
    blocks, _ = _read_articles(sources, language)
    return tuple((s.text, s.source, s.position) for s in pool_sentences(blocks, language))


def summarize_sources(sources: Sequence[Source], config: Config | None = None, *, since: Earlier | None = None,
                      progress: Progress | None = None, warn: Warn | None = None) -> Briefing:
    """The pipeline on sources already loaded; with ``since``, an update on that earlier briefing.

    The earlier briefing is pooled as one more source, the last, so that its figures are compared
    with the new ones ("How the figures changed"); what it told is never quoted again and it is
    never cited.
    """
    config = config or Config()
    earlier = None
    if since is not None and since.seen:
        # An article the earlier briefing was built on (the same text, web address or JSON id) is
        # no new source: an update of a folder that still holds yesterday's articles.
        seen = already_seen(sources, since.seen)
        if any(seen) and warn is not None:
            warn(f"{sum(seen)} of the articles {'were' if sum(seen) > 1 else 'was'} read for the earlier "
                 "briefing already; left out of the update")
        sources = [s for s, old in zip(sources, seen) if not old]
    if since is not None and since.sentences:
        earlier = Source(os.path.basename(since.path) or since.path, since.path, " ".join(since.sentences),
                         date=since.date, title="the earlier briefing this update leaves out")
        sources = [*sources, earlier]
    pool = build_pool(sources, config, progress=progress, warn=warn or _ignore)
    # (numbered after build_pool: a source without article text is left out, the others renumbered)
    told = next((i for i, source in enumerate(pool.sources) if source is earlier), None)
    pool = editorial.without_quotes(pool, overtaken_rows(pool))
    if told is not None:
        pool = editorial.without_quotes(pool, told_rows(pool, told, config.select.same_claim_threshold))
        pool = replace(pool, told=told, background=since.background)
    picks, scores = rank_and_select(pool, config.rank, config.select, progress=_stage(progress, "ranking"))
    if not (pool.quote >= 0).any() and warn is not None:
        select_ = config.select
        warn(f"no sentence of the sources can be quoted: each has under {select_.min_sentence_words} or over "
             f"{select_.max_sentence_words} words (select.min_sentence_words, select.max_sentence_words), is no "
             "full sentence or points back at another")
    disagreements, changes = compare(pool.figures, pool.dates)
    # No superseded figure reads as current: quote the latest report of it where the passage
    # holds one, else mark the sentence with the latest value.
    later = superseded(pool.figures, pool.dates) if changes else {}
    picks = quote_latest(pool, picks, later, config.budget)
    sentences = [replace(s, later=later.get(p.row, ()), citations=tuple(c for c in s.citations if c.source != told))
                 for s, p in zip(cite(pool, picks, scores, config.cite.threshold, config.cite.anchored, disagreements),
                                  picks)]
    if config.output.order == "time":
        sentences = [sentences[i] for i in in_story_order(pool, picks, sentences)]
    return Briefing(
        # (not from the earlier briefing an update is built on: it is no headline of this story)
        title=config.output.title or briefing_title(
            pool, leave_out=() if told is None else (told,),
            disputed={c.value for d in disagreements for c in d.claims} | {s.value for c in changes for s in c.steps[:-1]}),
        sentences=sentences,
        sources=pool.sources,
        source_titles=pool.titles,
        source_dates=[d.isoformat() if d else None for d in pool.dates],
        disagreements=disagreements,
        changes=changes,
        algorithm=config.rank.algo,
        language=pool.tokenizer.language,
        budget=config.budget,
        stats={"sources": len(pool.sources), "sentences": len(pool.sentences), "passages": len(pool.passages)},
        since=since,
        show_paths=config.output.show_paths,
    )


def build_pool(sources: Sequence[Source], config: Config, *, progress: Progress | None = None,
               warn: Warn = lambda message: None) -> Pool:
    """Clean and segment every source, pool the sentences, deduplicate and annotate them."""
    language = choose_language([s.text for s in sources], [s.name for s in sources], config.input.language, warn)
    # A source without a sentence of article text is named with its reason and left out: not
    # counted, not listed, its text never shown as a title.  The others are numbered anew.
    blocks, reasons = _read_articles(sources, language)
    for source, reason in zip(sources, reasons):
        if reason:
            warn(f"{_where(source)}: {reason}; left out")
    if any(reasons):
        sources = [s for s, reason in zip(sources, reasons) if not reason]
        blocks = [parse_blocks(source, i, language) for i, source in enumerate(sources)]
    headlines = [source_title(b) for b in blocks]
    sentences = pool_sentences(blocks, language)
    tokenizer = Tokenizer(language)
    terms = TermMatrix.build([s.text for s in sentences], tokenizer)
    # IDF over the pooled sentences: on the quality benchmark it beats IDF over whole sources.
    tfidf = terms.tfidf()
    passages = deduplicate(sentences, tfidf, config.dedup.threshold, progress=_stage(progress, "deduplicating"))
    leans = referents.find(sentences, tokenizer, config.select.surname_needs_full_name, terms.terms)
    policy, select = config.neutrality.policy, config.select
    wording = editorial.wording(sentences, policy, language)
    check = editorial.quotable(select.min_sentence_words, select.max_sentence_words, policy, language)
    quotable, quote = editorial.quotes(passages, check, wording, leans.needs)
    words = np.array([sentences[r].words if r >= 0 else 0 for r in quote], dtype=int)
    # The figure rules read English; in another language no figures are compared (the footer says so).
    written: list[tuple] = []  # each sentence's amounts, read with its figures, for the claim model
    figures = sentence_figures(sentences, written) if language == "english" else [() for _ in sentences]
    dates = source_dates(sources, blocks)
    for source, found in zip(sources, dates):
        if source.date and found is None:  # (a date line in the text is read, never guessed)
            where = _where(source)
            if source.path != "-" and source.name != os.path.basename(source.path):  # an article of a JSON file
                where += f" ({source.name})"
            warn(f"{where}: its date {source.date!r} cannot be read (a calendar date such as 2024-03-05); "
                 "taken as undated")
    return Pool(
        sources=list(sources),
        headlines=headlines,
        titles=source_titles(headlines, sources),
        sentences=sentences,
        tokenizer=tokenizer,
        terms=terms,
        tfidf=tfidf,
        passages=passages,
        prior=editorial.prior(passages, len(sources), wording, position_weight=config.rank.position_weight,
                              corroboration_weight=config.rank.corroboration_weight),
        quotable=quotable,
        quote=quote,
        words=words,
        wording=wording,
        dates=dates,
        figures=figures,
        amounts=written,
        claims=build_index([s.text for s in sentences], [s.source for s in sentences], tokenizer, figures,
                           written or None),
        referents=leans,
    )


def with_article_text(sources: Sequence[Source], language: str, warn: Warn = lambda message: None) -> list[Source]:
    """The sources that hold at least one sentence of article text; each other one is named in a
    warning and left out (a pile split into stories: an empty article must not fail a story).
    InputError when none does."""
    language = choose_language([s.text for s in sources], [s.name for s in sources], language)
    _, reasons = _read_articles(sources, language)
    for source, reason in zip(sources, reasons):
        if reason:
            warn(f"{_where(source)}: {reason}; skipped")
    return [source for source, reason in zip(sources, reasons) if not reason]


def _read_articles(sources: Sequence[Source], language: str) -> tuple[list, list[str | None]]:
    """Each source's classified blocks, and why it holds no sentence of article text (None if it
    holds one); InputError when no source holds one."""
    blocks = [parse_blocks(source, i, language) for i, source in enumerate(sources)]
    reasons = [drop_reason(b) for b in blocks]
    if all(reasons):
        raise InputError(", ".join(map(_where, sources)) or "input", "no sentences of article text found")
    return blocks, reasons


def _where(source: Source) -> str:
    """A source as messages name it: its path, or its name for an article of standard input."""
    return source.name if source.path == "-" else source.path


def _ignore(message: str) -> None:
    """Warnings nobody asked to see."""


def _stage(progress: Progress | None, name: str) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(name, done, total)
