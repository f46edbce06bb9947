"""The command line's plain values read without pydantic: a start-up cost, not a second parser.

Typer (0.29) checks every option's value through a pydantic TypeAdapter it builds when the command
line is parsed, for options left out too: importing pydantic and building the adapters costs 0.07
to 0.09 s CPU a run, as much as a briefing of a few articles.  Here each option whose value is
plain (left out; a string for a text option; decimal digits for a number; strings for a
repeatable one) gets it as Typer's adapter would give it, and any other value (a path, a bad
number, a version of Typer without these internals) goes to Typer's own check, built only then:
its messages are unchanged.
"""

from __future__ import annotations

import re
from typing import Any, List

_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
_NOT_PLAIN = object()


def read_plain_values(command: Any) -> None:
    """Give each parameter of Typer's click ``command`` the plain-value reader (where Typer
    builds its checks lazily, as 0.29 does; otherwise nothing changes)."""
    from importlib.util import find_spec

    if find_spec("typer._coercion") is None:  # (another Typer: its own checks, as they are)
        return
    for param in getattr(command, "params", ()):
        _give(param)
    help_option = getattr(command, "get_help_option", None)
    if help_option is not None:  # (--help is made anew when the command line is parsed)
        command.get_help_option = lambda ctx: _give(help_option(ctx))


def _give(param: Any) -> Any:
    if hasattr(param, "type_descriptor") and getattr(param, "_runtime_param", False) is None:
        param._runtime_param = _PlainValues(param)
    return param


class _PlainValues:
    """Typer's runtime check of one parameter (``coerce``), pydantic only for values that are not plain."""

    def __init__(self, param: Any):
        self.param, self.full = param, None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        many = param.multiple or param.nargs == -1
        if value is None:  # (as Typer's RuntimeParam.coerce)
            return () if many else None
        plain = _plain(self.param.type_descriptor, value, many)
        if plain is not _NOT_PLAIN:
            return plain
        if self.full is None:
            from typer._coercion import build_runtime_param

            self.full = build_runtime_param(self.param.type_descriptor)
        return self.full.coerce(value, param=param, ctx=ctx)


def _plain(descriptor: Any, value: Any, many: bool) -> Any:
    """The value as Typer's adapter gives it, or _NOT_PLAIN."""
    info = descriptor.parameter_info
    if (descriptor.file_annotation is not None or getattr(info, "parser", None) is not None
            or getattr(info, "min", None) is not None or getattr(info, "max", None) is not None):
        return _NOT_PLAIN
    annotation = descriptor.annotation
    if many:
        if annotation == List[str] and isinstance(value, (list, tuple)) and all(type(v) is str for v in value):
            return list(value)
        return _NOT_PLAIN
    if annotation is str and type(value) is str:
        return value
    if annotation is int and type(value) is str and _INTEGER.fullmatch(value):
        return int(value)
    return _NOT_PLAIN
