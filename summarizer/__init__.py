"""summarizer: many news articles in, one neutral, cited briefing out.

>>> import summarizer
>>> briefing = summarizer.summarize(["reports/"], algo="lexrank", max_words=120)
>>> print(summarizer.render(briefing, "markdown"))

Names are imported on first use, so ``import summarizer`` (and the CLI's ``--help``) stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

# name -> the module that defines it
_EXPORTS = {
    "ALGORITHMS": "rank",
    "Briefing": "models",
    "BriefingSentence": "models",
    "Budget": "models",
    "Citation": "models",
    "Config": "config.sections",
    "ConfigError": "errors",
    "Disagreement": "models",
    "InputError": "errors",
    "Pool": "models",
    "Sentence": "models",
    "Source": "models",
    "SummarizerError": "errors",
    "available_profiles": "config.sections",
    "build_pool": "pipeline",
    "load_config_file": "config.sections",
    "load_profile": "config.sections",
    "load_sources": "ingest.load",
    "seeds_dir": "ingest.formats",
    "subjectivity": "pool.neutrality",
    "split_sentences": "ingest.segment",
    "render": "output.render",
    "summarize": "pipeline",
    "summarize_many": "batch",
    "summarize_sources": "pipeline",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
