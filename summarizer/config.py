"""One settings object for the CLI, the YAML profiles and the library.

Every setting is a field of ``Config``, documented once in ``FIELD_HELP``; values are checked once,
in ``Config.__post_init__``; profiles and flags are merged with ``Config.from_mapping``.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError
from .yaml_safe import read_mapping

FORMATS = ("markdown", "json")
NEUTRALITY_POLICIES = ("strict", "balanced", "off")
LANGUAGES = ("english",)


@dataclass(frozen=True)
class Config:
    algo: str = "lexrank"
    max_words: int | None = 120
    max_sentences: int | None = None
    format: str = "markdown"
    output: str | None = None
    title: str | None = None
    language: str = "english"
    neutrality: str = "balanced"
    max_source_share: float = 0.5
    duplicate_threshold: float = 0.5
    citation_threshold: float = 0.3
    redundancy_threshold: float = 0.35
    diversity: float = 0.3
    position_weight: float = 1.0
    corroboration_weight: float = 0.5
    min_sentence_words: int = 6
    max_sentence_words: int = 60
    lexrank_threshold: float = 0.1
    damping: float = 0.85
    max_neighbors: int = 100
    max_file_mb: float = 16.0

    def __post_init__(self) -> None:
        for f in fields(self):
            _check_type(f.name, getattr(self, f.name), _FIELD_TYPES[f.name])
        from .rank import ALGORITHMS  # the registry imports this module

        if self.algo not in ALGORITHMS:
            raise ConfigError("algo", f"unknown algorithm {self.algo!r}; choose one of: {', '.join(ALGORITHMS)}")
        _check_choice("format", self.format, FORMATS)
        _check_choice("neutrality", self.neutrality, NEUTRALITY_POLICIES)
        _check_choice("language", self.language, LANGUAGES)
        for name in ("max_words", "max_sentences"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise ConfigError(name, f"must be at least 1 (or null for no limit), not {value}")
        if self.max_words is None and self.max_sentences is None:
            raise ConfigError("max_words", "max_words and max_sentences cannot both be null: set a budget")
        for name in ("max_source_share", "duplicate_threshold", "citation_threshold", "redundancy_threshold", "diversity",
                     "lexrank_threshold", "damping"):
            _check_range(name, getattr(self, name), 0.0, 1.0)
        for name in ("position_weight", "corroboration_weight"):
            _check_range(name, getattr(self, name), 0.0, 10.0)
        if self.min_sentence_words < 1:
            raise ConfigError("min_sentence_words", "must be at least 1")
        if self.max_sentence_words < self.min_sentence_words:
            raise ConfigError("max_sentence_words", "must not be below min_sentence_words")
        if self.max_neighbors < 1:
            raise ConfigError("max_neighbors", "must be at least 1")
        if not 0 < self.max_file_mb <= 1024:
            raise ConfigError("max_file_mb", "must be above 0 and at most 1024")

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], origin: str = "", base: Config | None = None) -> Config:
        """Settings from a profile or from flags, on top of ``base`` (the defaults if None)."""
        known = {f.name for f in fields(cls)}
        for key in values:
            if key not in known:
                raise ConfigError(str(key), f"unknown setting; known settings: {', '.join(sorted(known))}", origin)
        if values.get("neutrality") is False:  # YAML 1.1 reads a bare `off` as false
            values = {**values, "neutrality": "off"}
        try:
            return dataclasses.replace(base or cls(), **values)
        except ConfigError as error:
            raise ConfigError(error.key, error.problem, origin) from None

    def replace(self, **changes: Any) -> Config:
        return Config.from_mapping(changes, base=self)

    @property
    def output_path(self) -> str:
        """Where the briefing goes: ``output``, else briefing.md / briefing.json."""
        if self.output is not None:
            return self.output
        return "briefing.json" if self.format == "json" else "briefing.md"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 2**20)


# What each setting means, for --help and the documented profiles.
FIELD_HELP = {
    "algo": "ranking algorithm (see `summarize --list-algos`)",
    "max_words": "hard word budget of the briefing; null for none",
    "max_sentences": "hard sentence budget of the briefing; null for none",
    "format": "markdown or json",
    "output": "output file; '-' for standard output; null for briefing.md / briefing.json",
    "title": "title of the briefing; null to take it from the sources' headlines",
    "language": "language of stopwords and stemmer (english)",
    "neutrality": "strict drops opinionated or loaded sentences; balanced ranks them down; off ignores wording",
    "max_source_share": "most of the briefing one source may supply when others carry the same news (0-1)",
    "duplicate_threshold": "similarity (0-1) at which two sentences count as the same news and are cited together",
    "citation_threshold": "similarity (0-1) at which another source's sentence, sharing two phrases and no differing figure, counts as a paraphrase and is cited too",
    "redundancy_threshold": "similarity (0-1) above which a sentence repeats one already selected and is skipped",
    "diversity": "weight (0-1) of novelty against salience when selecting sentences (MMR)",
    "position_weight": "how much a sentence near the top of its article is preferred (0 = not at all)",
    "corroboration_weight": "how much news carried by several sources is preferred (0 = not at all)",
    "min_sentence_words": "shorter sentences are never selected",
    "max_sentence_words": "longer sentences are never selected",
    "lexrank_threshold": "LexRank edge threshold on cosine similarity (0 = continuous LexRank)",
    "damping": "PageRank damping factor for LexRank and TextRank",
    "max_neighbors": "most neighbours kept per sentence in the similarity graph (bounds memory on large inputs)",
    "max_file_mb": "larger input files are refused",
}

_FIELD_TYPES: dict[str, tuple[type, ...]] = {}
for _field in fields(Config):
    _types: tuple[type, ...] = {"int": (int,), "float": (float, int), "str": (str,), "bool": (bool,)}[
        _field.type.split(" | ")[0]
    ]
    if "None" in _field.type:
        _types = _types + (type(None),)
    _FIELD_TYPES[_field.name] = _types


def _type_name(types: tuple[type, ...]) -> str:
    names = {int: "a whole number", float: "a number", str: "a string", bool: "true or false", type(None): "null"}
    return " or ".join(dict.fromkeys(names[t] for t in types if not (t is int and float in types)))


def _check_type(name: str, value: Any, types: tuple[type, ...]) -> None:
    # bool is an int in Python, but `max_words: true` in a profile is a mistake.
    if isinstance(value, bool) and bool not in types or not isinstance(value, types):
        raise ConfigError(name, f"must be {_type_name(types)}, not {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(name, f"must be a finite number, not {value!r}")


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ConfigError(name, f"must be one of {', '.join(choices)}, not {value!r}")


def _check_range(name: str, value: float, low: float, high: float) -> None:
    if not low <= value <= high:
        raise ConfigError(name, f"must be between {low:g} and {high:g}, not {value!r}")


# Profiles -------------------------------------------------------------------------------------

def profiles_dir() -> Path:
    """The bundled profiles: inside the installed package, else the repository's configs/."""
    return _bundled("configs")


def seeds_dir() -> Path:
    """The bundled sample articles."""
    return _bundled("seeds")


def _bundled(name: str) -> Path:
    package = Path(__file__).resolve().parent
    for candidate in (package / "_bundled" / name, package.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled {name}/ folder not found next to {package}")


def available_profiles() -> list[str]:
    return sorted(p.stem for p in profiles_dir().glob("*.yaml"))


def load_profile(name: str, base: Config | None = None) -> Config:
    # Only the bundled profiles' bare names: "../../x" or "/abs/path" would read any file on disk.
    if name not in available_profiles():
        raise ConfigError("profile", f"no profile {name!r}; choose one of: {', '.join(available_profiles())}")
    return load_config_file(profiles_dir() / f"{name}.yaml", base)


def load_config_file(path: str | Path, base: Config | None = None) -> Config:
    return Config.from_mapping(read_mapping(path), str(path), base)
