"""Read a settings file (a YAML mapping) with limits, so that no file can hang or exhaust the tool.

PyYAML's safe loader refuses arbitrary objects but not size: it reads /dev/zero until memory runs
out, recurses once per nesting level, and an alias bomb ("billion laughs") is a few lines that
expand to billions of values in any code that walks them.  Here the file must be a regular file
under MAX_BYTES; the event stream is checked (nesting depth, nodes after alias expansion, the
length of numbers) before anything is built; and a key given twice is an error naming it, where
PyYAML silently keeps the last.
"""

from __future__ import annotations

import os
import stat
from typing import Any

import yaml

from ..errors import ConfigError

MAX_BYTES = 1 << 20  # a settings file is a few hundred bytes
MAX_DEPTH = 20  # nesting of mappings and sequences
MAX_NODES = 10_000  # values, counting every alias as the whole node it repeats
MAX_NUMBER_CHARS = 100  # a plain scalar that reads as a number (Python refuses ints over 4,300 digits)

# Which plain scalars are numbers: as the safe loader itself decides (its patterns run in linear time).
_RESOLVER = yaml.resolver.Resolver()
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


def read_mapping(path: str | os.PathLike) -> dict[str, Any]:
    """The mapping in the YAML file at ``path`` ({} for an empty file); ConfigError naming it otherwise."""
    origin = os.fspath(path)
    values = _parse(_read_text(origin), "config", origin)
    if values is None:
        return {}
    if not isinstance(values, dict):
        raise ConfigError("config", "must be a mapping of settings (key: value)", origin)
    return values


def read_value(text: str, key: str) -> Any:
    """One setting's value written in YAML (``--set key=value``), with the same limits."""
    if len(text) > MAX_BYTES:
        raise ConfigError(key, f"a value over {MAX_BYTES >> 10} KB")
    return _parse(text, key, "")


def _parse(text: str, key: str, origin: str) -> Any:
    """``text`` as YAML; errors name ``key`` (or the key inside the text they are at)."""
    try:
        _check_events(text, key, origin)
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ConfigError(key, f"not valid YAML{where}", origin) from None
    except _DuplicateKey as duplicate:
        raise ConfigError(duplicate.key, f"given twice (lines {duplicate.first} and {duplicate.second})",
                          origin) from None
    except (ValueError, OverflowError, RecursionError) as error:  # a number or value PyYAML cannot build
        raise ConfigError(key, f"a value cannot be read ({type(error).__name__})", origin) from None


def _read_text(origin: str) -> str:
    try:
        info = os.stat(origin)
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError("config", "not a regular file", origin)
        if info.st_size > MAX_BYTES:
            raise ConfigError("config", f"over {MAX_BYTES >> 10} KB; not a settings file", origin)
        # Non-blocking: a path swapped for a FIFO after the check cannot hang the open.
        descriptor = os.open(origin, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with open(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise ConfigError("config", "not a regular file", origin)
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise ConfigError("config", f"cannot read: {error.strerror or error}", origin) from None
    if len(data) > MAX_BYTES:
        raise ConfigError("config", f"over {MAX_BYTES >> 10} KB; not a settings file", origin)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError("config", "cannot read: not UTF-8 text", origin) from None


def _check_events(text: str, key: str, origin: str) -> None:
    """Depth, expanded size and number length, from the parser's events (iterative, no objects built)."""
    depth = 0
    nodes = 0
    anchored: dict[str, int] = {}  # anchor -> nodes it stands for
    open_anchors: list[tuple[str | None, int]] = []  # per open collection: its anchor, nodes before it
    key_path: list[str | None] = []  # the key each open mapping is at, for messages
    expect_key: list[bool | None] = []  # per open mapping: whether its next node is a key (None: a sequence)

    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise ConfigError(key, f"nested over {MAX_DEPTH} levels deep", origin)
            _advance(expect_key)
            open_anchors.append((event.anchor, nodes))
            nodes += 1
            expect_key.append(True if isinstance(event, yaml.MappingStartEvent) else None)
            key_path.append(None)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
            anchor, before = open_anchors.pop()
            if anchor is not None:
                anchored[anchor] = nodes - before
            expect_key.pop()
            key_path.pop()
        elif isinstance(event, yaml.ScalarEvent):
            is_key = bool(expect_key) and expect_key[-1]
            _advance(expect_key)
            nodes += 1
            if event.anchor is not None:
                anchored[event.anchor] = 1
            if is_key:
                key_path[-1] = event.value
            elif len(event.value) > MAX_NUMBER_CHARS and _is_number(event):
                at = ".".join(k for k in key_path if k is not None) or key
                raise ConfigError(at, f"a number of {len(event.value):,} characters; not a setting", origin)
        elif isinstance(event, yaml.AliasEvent):
            _advance(expect_key)
            nodes += anchored.get(event.anchor, 1)
        if nodes > MAX_NODES:
            raise ConfigError(key, f"over {MAX_NODES:,} values, counting each alias as all it repeats; "
                                   "not a settings file", origin)


def _is_number(event: yaml.ScalarEvent) -> bool:
    if event.tag is not None:  # "!!int 999...": the constructor's own error follows
        return event.tag in _NUMBER_TAGS
    return _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit) in _NUMBER_TAGS


def _advance(expect_key: list[bool | None]) -> None:
    """A node was read in the open collection: in a mapping, keys and values alternate."""
    if expect_key and expect_key[-1] is not None:
        expect_key[-1] = not expect_key[-1]


class _DuplicateKey(Exception):
    def __init__(self, key: str, first: int, second: int):
        super().__init__(key)
        self.key, self.first, self.second = key, first, second


class _StrictLoader(yaml.SafeLoader):
    """The safe loader, refusing a mapping that gives one key twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue  # "<<: *defaults" may be overridden by the keys beside it
            key = self.construct_object(key_node, deep=False)
            line = key_node.start_mark.line + 1
            try:
                if key in seen:
                    raise _DuplicateKey(str(key), seen[key], line)
                seen[key] = line
            except TypeError:
                continue  # an unhashable key: the safe loader's own error follows
        return super().construct_mapping(node, deep=deep)
