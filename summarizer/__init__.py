"""summarizer: many news articles in, one neutral, cited briefing out.

>>> import summarizer
>>> briefing = summarizer.summarize(["reports/"], algo="lexrank", max_words=120)
>>> print(summarizer.render(briefing, "markdown"))
"""

from .config import Config, available_profiles, load_config_file, load_profile
from .errors import ConfigError, InputError, SummarizerError
from .models import Briefing, BriefingSentence, Citation, Disagreement, Sentence, Source
from .pipeline import summarize, summarize_sources
from .rank import ALGORITHMS
from .render import render
from .segment import split_sentences

__all__ = [
    "ALGORITHMS",
    "Briefing",
    "BriefingSentence",
    "Citation",
    "Config",
    "ConfigError",
    "Disagreement",
    "InputError",
    "Sentence",
    "Source",
    "SummarizerError",
    "available_profiles",
    "load_config_file",
    "load_profile",
    "render",
    "split_sentences",
    "summarize",
    "summarize_sources",
]
