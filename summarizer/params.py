"""The machinery of settings: sections that check themselves, and mappings turned into sections.

A section is a frozen dataclass deriving from ``Section``; each field is declared with ``setting``,
which holds its help text, range and choices.  A section checks every value when it is made, so a
``Config`` that exists is valid.  A field whose type is itself a section is a sub-section: YAML
profiles mirror the nesting.  This module imports nothing heavy: settings errors and ``--help``
never load numpy.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
import types
import typing
from dataclasses import dataclass, fields
from typing import Any, Iterator, Mapping

from .errors import ConfigError, shown


def setting(default: Any, help: str, *, low: float | None = None, high: float | None = None,
            above: float | None = None, choices: tuple[str, ...] | None = None) -> Any:
    """A field of a section: its default, what it means, and the values it may take.

    ``low``/``high`` bound it inclusively, ``above`` exclusively; ``choices`` are matched without
    regard to case.
    """
    return dataclasses.field(default=default, metadata={
        "help": help, "low": low, "high": high, "above": above, "choices": choices})


def section(factory: type) -> Any:
    """A sub-section field, made with its own defaults."""
    return dataclasses.field(default_factory=factory, metadata={"help": (factory.__doc__ or "").strip()})


@dataclass(frozen=True)
class Section:
    """A group of settings that belong to one stage.  Subclasses add ``check`` for rules that tie
    fields together."""

    def __post_init__(self) -> None:
        hints = _hints(type(self))
        for f in fields(self):
            value = getattr(self, f.name)
            kind = hints[f.name]
            if _is_section(kind):
                if not isinstance(value, kind):
                    raise ConfigError(f.name, f"must be a mapping of settings, not {value!r}")
                continue
            value = _checked(f.name, value, kind, f.metadata)
            object.__setattr__(self, f.name, value)
        self.check()

    def check(self) -> None:
        """Rules across fields; raise ConfigError naming the field."""

    def replace(self, **changes: Any) -> Section:
        return dataclasses.replace(self, **changes)


_NAMED = 30  # unknown keys named in one message: a file with more is hardly a settings file


def merge(section_type: type, values: Mapping[str, Any], base: Section | None = None, path: str = "") -> Section:
    """``base`` (or the defaults) with ``values`` applied; nested mappings go to sub-sections.

    Errors name the whole key path ("rank.lexrank.threshold").
    """
    if not isinstance(values, Mapping):
        raise ConfigError(path or "config", f"must be a mapping of settings (key: value), not {shown(values)}")
    if not path:  # every unknown key of the whole mapping in one message, each with where it belongs
        unknown = unknown_keys(section_type, values)
        if len(unknown) == 1:
            raise ConfigError(*unknown[0])
        if unknown:
            named = "; ".join(f"{key} ({_short(why)})" for key, why in unknown[:_NAMED])
            more = f"; and {len(unknown) - _NAMED} more" if len(unknown) > _NAMED else ""
            raise ConfigError(f"{len(unknown)} unknown settings", named + more)
    base = base if base is not None else section_type()
    hints = _hints(section_type)
    known = [f.name for f in fields(section_type)]
    changes: dict[str, Any] = {}
    for key, value in values.items():
        key_path = f"{path}.{key}" if path else str(key)
        if key not in known:
            raise ConfigError(f"`{key_path}`", f"unknown setting; known here: {', '.join(known)}")
        if _is_section(hints[key]):
            inner = fields(hints[key])
            if not isinstance(value, Mapping) and value is not None and len(inner) == 1:
                value = {inner[0].name: value}  # a section of one setting takes its value directly
            changes[key] = merge(hints[key], value if value is not None else {}, getattr(base, key), key_path)
        else:
            changes[key] = value
    try:
        return dataclasses.replace(base, **changes)
    except ConfigError as error:
        raise ConfigError(f"{path}.{error.key}" if path else error.key, error.problem) from None


def _short(why: str) -> str:
    """One key's reason in a message naming several: the suggestion, or that there is none."""
    return "no such setting" if "known here" in why else why.replace("unknown setting; ", "")


def unknown_keys(root: type, values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Each key of ``values`` (nested like ``root``'s sections) that is no setting, as
    ("`key.path`", "unknown setting; did you mean `its.place`?"), in the order written."""
    places = [path for path, _, _ in leaves(root)] + list(_section_paths(root))
    found: list[tuple[str, str]] = []

    def walk(section_type: type, mapping: Mapping[str, Any], path: str) -> None:
        hints = _hints(section_type)
        known = [f.name for f in fields(section_type)]
        for key, value in mapping.items():
            key_path = f"{path}.{key}" if path else str(key)
            if key not in known:
                found.append((f"`{key_path}`", unknown_setting(str(key), path, places, known)))
            elif _is_section(hints[key]) and isinstance(value, Mapping):
                walk(hints[key], value, key_path)

    walk(root, values, "")
    return found


def unknown_setting(key: str, path: str, places: list[str], known: list[str]) -> str:
    """Why ``key`` under section ``path`` is refused: where a setting of that name (or one close
    to it) lives, those under ``path`` first; else the settings known there."""
    prefix = f"{path}." if path else ""
    if "." in key and f"{prefix}{key}" in places:
        return f"a dotted key; in a file, nest it under its section ({key.split('.')[0]}: ...)"
    last = {place: place.rsplit(".", 1)[-1] for place in places}
    names = [key] if key in last.values() else difflib.get_close_matches(key, sorted(set(last.values())), n=1,
                                                                          cutoff=0.6)
    matches = [place for place in places if names and last[place] == names[0]]
    matches = [m for m in matches if m.startswith(prefix)] or matches  # the section it was written in first
    if matches:
        return f"unknown setting; did you mean {' or '.join(f'`{m}`' for m in matches[:3])}?"
    return f"unknown setting; known here: {', '.join(known)}"


def _section_paths(section_type: type, path: str = "") -> Iterator[str]:
    hints = _hints(section_type)
    for f in fields(section_type):
        if _is_section(hints[f.name]):
            key_path = f"{path}.{f.name}" if path else f.name
            yield key_path
            yield from _section_paths(hints[f.name], key_path)


def leaves(section_type: type, path: str = "") -> Iterator[tuple[str, dataclasses.Field, Any]]:
    """Every setting under a section type: (dotted path, field, its type), in declaration order."""
    hints = _hints(section_type)
    for f in fields(section_type):
        key_path = f"{path}.{f.name}" if path else f.name
        if _is_section(hints[f.name]):
            yield from leaves(hints[f.name], key_path)
        else:
            yield key_path, f, hints[f.name]


def suggestion(word: str, candidates: list[str]) -> str:
    """' (did you mean X?)' for a close match, else ''."""
    return _suggestion(word, candidates)


def _suggestion(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _hints(section_type: type) -> dict[str, Any]:
    return typing.get_type_hints(section_type)


def _is_section(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, Section)


def _allowed(kind: Any) -> tuple[type, ...]:
    args = typing.get_args(kind) if isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union \
        else (kind,)
    allowed: tuple[type, ...] = ()
    for arg in args:
        allowed += (float, int) if arg is float else (type(None),) if arg is None or arg is type(None) else (arg,)
    return allowed


def _type_name(allowed: tuple[type, ...]) -> str:
    names = {int: "a whole number", float: "a number", str: "a string", bool: "true or false", type(None): "null"}
    return " or ".join(dict.fromkeys(names[t] for t in allowed if not (t is int and float in allowed)))


# The ceiling of a whole-number setting that names none (a count of sentences, words, neighbours):
# far beyond any story, and a 300-digit number is a mistake, not "no limit".
MAX_COUNT = 1_000_000
# A number as Python writes it but YAML 1.1 reads as a string: "1e308", "1e-3", "inf", "nan".
_NUMBER = re.compile(r"[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|inf(?:inity)?|nan)", re.IGNORECASE)


def _checked(name: str, value: Any, kind: Any, meta: Mapping[str, Any]) -> Any:
    allowed = _allowed(kind)
    low, high, above = meta.get("low"), meta.get("high"), meta.get("above")
    if high is None and int in allowed and float not in allowed:
        high = MAX_COUNT
    # A number YAML reads as a string (`--set x=1e-3`, `x: 1e308`, `inf`) is that number here: its
    # range is checked; a whole one ("1e3") is a whole number.
    written = isinstance(value, str) and str not in allowed and (int in allowed or float in allowed) \
        and bool(_NUMBER.fullmatch(value.strip()))
    if written:
        value = float(value)
    numeric = (int in allowed or float in allowed) and isinstance(value, (int, float)) and not isinstance(value, bool)
    bounds = _range(low, high, above) + (" (or null for no limit)" if type(None) in allowed else "")
    if numeric and not (isinstance(value, float) and math.isnan(value)) and _out_of_range(value, low, high, above):
        raise ConfigError(name, f"must be {bounds}, not {shown(value)}")
    if numeric and not math.isfinite(value):  # nan, or infinity where no bound refuses it
        raise ConfigError(name, f"must be a finite number{' ' + bounds if bounds.strip() else ''}, not {shown(value)}")
    # (a whole number written with a point, 1000.0 or "1e3", is that whole number, in every way in)
    if numeric and isinstance(value, float) and float not in allowed and int in allowed and value.is_integer():
        value = int(value)
    # bool is an int in Python, but `max_words: true` in a profile is a mistake.
    if isinstance(value, bool) and bool not in allowed or not isinstance(value, allowed):
        raise ConfigError(name, f"must be {_type_name(allowed)}, not {shown(value)}")
    if value is None:
        return value
    choices = meta.get("choices")
    if choices:
        folded = value.casefold()
        if folded not in choices:
            raise ConfigError(name, f"must be one of {', '.join(choices)}, not {value!r}"
                                    f"{_suggestion(folded, list(choices))}")
        return folded
    return value


def _out_of_range(value: float, low: float | None, high: float | None, above: float | None) -> bool:
    return (low is not None and value < low) or (high is not None and value > high) or \
        (above is not None and value <= above)


def _range(low: float | None, high: float | None, above: float | None) -> str:
    def n(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else f"{x:g}"

    lower = f"above {n(above)}" if above is not None else f"at least {n(low)}" if low is not None else ""
    if high is None:
        return lower
    if low is not None and above is None:
        return f"between {n(low)} and {n(high)}"
    return f"{lower} and at most {n(high)}" if lower else f"at most {n(high)}"
