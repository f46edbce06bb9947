"""Settings, grouped by the pipeline stage they belong to: one object for the CLI, the YAML
profiles and the library.

``Config`` has one section a stage (input, stories, dedup, rank with a sub-section per
algorithm, select, neutrality, cite, output).  A stage is handed the sections or values it
reads, never ``Config``; one that reads a whole section declares it (``rank.base.SelectSettings``).
Defaults and help live in the fields (``params.setting``); ``configs/default.yaml`` is generated from them (``default_profile``, tested).  Values are
checked once, when a section is made; profiles, flags and library keywords all go through
``Config.from_mapping``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from ..errors import ConfigError
from ..ingest.formats import bundled
from ..ingest.language import AUTO
from ..ingest.language import LANGUAGES as _DETECTABLE
from ..models import Budget
from ..rank import ALGORITHMS
from ..rank.base import SelectSettings
from ..params import Section, leaves, merge, section, setting, suggestion
from ..stories import MIXED_PILE_THRESHOLD, STORY_THRESHOLD
from ..stories import DAYS as STORY_DAYS

FORMATS = ("markdown", "json", "html")
NEUTRALITY_POLICIES = ("strict", "balanced", "off")
LANGUAGES = (AUTO, *_DETECTABLE)


@dataclass(frozen=True)
class InputSettings(Section):
    """Reading the articles."""

    language: str = setting(AUTO, "language of the articles (stemmer, stopwords, sentence splitting); auto "
                                  "detects it, and the language most sources are in is used", choices=LANGUAGES)
    max_file_mb: float = setting(16.0, "larger input files are refused (MB)", above=0.0, high=1024.0)
    offline: bool = setting(False, "refuse web addresses among the inputs instead of fetching them")

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 2**20)


@dataclass(frozen=True)
class StoriesSettings(Section):
    """Telling apart the stories of a mixed pile (benchmarks/stories.py chose the defaults)."""

    threshold: float = setting(STORY_THRESHOLD, "cosine similarity (0-1) groups of articles need, on average, to "
                                                "be one story with --stories; lower joins more", low=0.0, high=1.0)
    warning_threshold: float = setting(MIXED_PILE_THRESHOLD, "the same for the warning that a pile mixes stories; "
                                                             "lower, so that one story is seldom taken for several",
                                       low=0.0, high=1.0)
    days: float = setting(STORY_DAYS, "in a JSON Lines feed (--stories), dated articles join stories "
                                      "within this many days of their dates; 0: dates are not used", low=0.0)


@dataclass(frozen=True)
class DedupSettings(Section):
    """Merging sentences that say the same thing."""

    threshold: float = setting(0.5, "similarity (0-1) at which two sentences count as the same news and are "
                                    "cited together", low=0.0, high=1.0)


def _rank_settings() -> type[Section]:
    """The rank section: the algorithm, the prior every algorithm's output is weighed by, and one
    sub-section per algorithm that has settings of its own (its ``Params``)."""
    own = [(name, cls.Params, section(cls.Params)) for name, cls in ALGORITHMS.items()
           if dataclasses.fields(cls.Params)]
    return dataclasses.make_dataclass("RankSettings", [
        ("algo", str, setting("centroid", "ranking algorithm (see `summarize --list-algos`)",
                              choices=tuple(ALGORITHMS))),
        ("position_weight", float, setting(1.0, "how much a sentence near the top of its article is preferred "
                                                "(0 = not at all)", low=0.0, high=10.0)),
        ("corroboration_weight", float, setting(0.5, "how much news carried by several sources is preferred "
                                                     "(0 = not at all)", low=0.0, high=10.0)),
        *own,
    ], bases=(Section,), frozen=True, namespace={"__doc__": "Ranking: which algorithm, and how it is weighed."})


RankSettings = _rank_settings()
RankSettings.__module__ = __name__  # picklable by name, for worker processes


@dataclass(frozen=True)
class NeutralitySettings(Section):
    """Wording: how opinion and loaded language are kept out."""

    policy: str = setting("balanced", "strict drops opinionated or loaded sentences; balanced ranks them down; "
                                      "off ignores wording", choices=NEUTRALITY_POLICIES)


@dataclass(frozen=True)
class CiteSettings(Section):
    """Citing every source that reports a quoted sentence."""

    threshold: float = setting(0.85, "confidence (0-1) of the claim model at which another source's sentence, "
                                     "with no differing figure, counts as reporting the quoted claim and is "
                                     "cited too (high: a citation is a promise; docs/labelling-citations.md)",
                               low=0.0, high=1.0)
    anchored: float = setting(1.0, "confidence (0-1) from which a sentence that carries the quoted sentence's "
                                   "whole who-did-what-where (every event, agent and name of its main clause), "
                                   "with no differing figure, day or plan, is cited below the threshold; 1.0: "
                                   "never (the default: on held-out news its one citation was wrong; "
                                   "docs/benchmarks/citations.md)",
                              low=0.0, high=1.0)


@dataclass(frozen=True)
class OutputSettings(Section):
    """The briefing as written."""

    format: str = setting("markdown", "markdown, json or html", choices=FORMATS)
    path: str | None = setting(None, "output file; '-' for standard output; null for briefing.md / .json / .html")
    title: str | None = setting(None, "title of the briefing; null to take it from the sources' headlines")
    order: str = setting("time", "order of the sentences: time (as the story happened: by the date a fact was "
                                 "first reported, then its place in the source; without dates, by first "
                                 "appearance) or importance (as the algorithm ranked them)",
                         choices=("time", "importance"))
    show_paths: bool = setting(False, "the HTML page lists each source's local path too (off: only its file "
                                      "name, title or web address, so that a mailed page shows no folder names)")

    @property
    def target(self) -> str:
        """Where the briefing goes: ``path``, else briefing.md, .json or .html by ``format``."""
        if self.path is not None:
            return self.path
        return {"json": "briefing.json", "html": "briefing.html"}.get(self.format, "briefing.md")


@dataclass(frozen=True)
class Config(Section):
    """Every setting of a run, by stage."""

    input: InputSettings = section(InputSettings)
    stories: StoriesSettings = section(StoriesSettings)
    dedup: DedupSettings = section(DedupSettings)
    rank: RankSettings = section(RankSettings)  # type: ignore[valid-type]
    select: SelectSettings = section(SelectSettings)
    neutrality: NeutralitySettings = section(NeutralitySettings)
    cite: CiteSettings = section(CiteSettings)
    output: OutputSettings = section(OutputSettings)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], origin: str = "", base: Config | None = None) -> Config:
        """Settings from a profile (nested like the sections), on top of ``base`` (the defaults if None).
        Errors name the key path and ``origin`` (a file, or "command line")."""
        try:
            return merge(cls, _yaml_off(values), base)  # type: ignore[return-value]
        except ConfigError as error:
            raise ConfigError(error.key, error.problem, origin) from None

    def replace(self, **changes: Any) -> Config:
        """These settings with some changed: a dotted path (``**{"rank.lexrank.threshold": 0.2}``),
        a setting's own name where only one section has it (``max_words=80``, ``algo="textrank"``),
        or a section with a mapping (``rank={"algo": "textrank"}``)."""
        return Config.from_mapping(nest(changes), base=self)

    @property
    def budget(self) -> Budget:
        return self.select.budget


def nest(flat: Mapping[str, Any]) -> dict[str, Any]:
    """Dotted paths and unambiguous setting names as the nested mapping sections take."""
    nested: dict[str, Any] = {}
    for key, value in flat.items():
        path = key.split(".") if "." in key or key in SECTIONS else _path_of(key)
        node = nested
        for part in path[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise ConfigError(key, "conflicts with another setting given")
        node[path[-1]] = value
    return nested


SECTIONS = tuple(f.name for f in dataclasses.fields(Config))
_PATHS = [path for path, _, _ in leaves(Config)]


def _path_of(name: str) -> list[str]:
    matches = [p for p in _PATHS if p.rsplit(".", 1)[-1] == name]
    if len(matches) == 1:
        return matches[0].split(".")
    if matches:
        raise ConfigError(name, f"ambiguous; give its section: {', '.join(matches)}")
    return [name]  # unknown: left where it stands, for the check that names every unknown key at once


def _yaml_off(values: Any) -> Any:
    """YAML 1.1 reads a bare `off` as false: ``neutrality: {policy: off}`` (or ``neutrality: off``)
    means the policy."""
    if not isinstance(values, Mapping):
        return values
    neutrality = values.get("neutrality")
    if neutrality is False:
        return {**values, "neutrality": "off"}
    if isinstance(neutrality, Mapping) and neutrality.get("policy") is False:
        return {**values, "neutrality": {**neutrality, "policy": "off"}}
    return values


# Profiles -------------------------------------------------------------------------------------

def default_profile() -> str:
    """configs/default.yaml: every setting, its default and its meaning, section by section."""
    lines = ["# default: the settings `summarize` uses when no profile is given.",
             "# Every setting is listed with its meaning, by pipeline stage; flags on the command line",
             "# override them.  Generated from summarizer/config/sections.py (tests/config/test_config.py checks it)."]
    _profile_lines(Config(), lines, 0)
    return "\n".join(lines) + "\n"


def _profile_lines(values: Section, lines: list[str], depth: int) -> None:
    indent = "  " * depth
    for f in dataclasses.fields(values):
        value = getattr(values, f.name)
        if isinstance(value, Section):
            lines += ["", f"{indent}# {f.metadata['help']}", f"{indent}{f.name}:"]
            _profile_lines(value, lines, depth + 1)
        else:
            lines += [f"{indent}# {f.metadata['help']}", f"{indent}{f.name}: {_yaml_scalar(value)}"]


def _yaml_scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value in ("off", "on", "yes", "no", "null", "true", "false"):
        return f"'{value}'"
    return str(value)


def profiles_dir() -> Path:
    """The bundled profiles: inside the installed package, else the repository's configs/."""
    return bundled("configs")


def available_profiles() -> list[str]:
    return sorted(p.stem for p in profiles_dir().glob("*.yaml"))


def load_profile(name: str, base: Config | None = None) -> Config:
    # Only the bundled profiles' bare names: "../../x" or "/abs/path" would read any file on disk.
    profiles = available_profiles()
    if name not in profiles:
        raise ConfigError("profile", f"no profile {name!r}{suggestion(name, profiles)}; "
                                     f"choose one of: {', '.join(profiles)}")
    return load_config_file(profiles_dir() / f"{name}.yaml", base)


def load_config_file(path: str | Path, base: Config | None = None) -> Config:
    from .yaml_safe import read_mapping  # only profiles need YAML

    return Config.from_mapping(read_mapping(path), str(path), base)
