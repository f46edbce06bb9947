"""Shared test helpers (pytest puts this folder on sys.path)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVAL = ROOT.parent / "shared" / "eval"

_MARKUP = re.compile(r"\*\*|__|`|^\s*(?:[-*•]|#+)\s", re.MULTILINE)


def clean_text(text: str) -> str:
    """A source's words without markup and with whitespace folded, to check quotes against."""
    return " ".join(_MARKUP.sub(" ", text).split())


def seeds_pool(**settings):
    """The pool of the bundled sample articles under these settings."""
    import summarizer
    from summarizer.config.sections import Config
    from summarizer.ingest.load import load_sources

    config = Config().replace(**settings) if settings else Config()
    return summarizer.build_pool(load_sources([str(SEEDS)]), config), config


def story_pool(texts, **settings):
    """A pool of made-up articles, one text each."""
    import summarizer
    from summarizer.config.sections import Config

    config = Config().replace(**settings) if settings else Config()
    sources = [summarizer.Source(f"s{i}.txt", f"s{i}.txt", text) for i, text in enumerate(texts)]
    return summarizer.build_pool(sources, config), config
