"""Errors a user can cause and fix: the CLI prints them in one line, never as a traceback."""

from __future__ import annotations


class SummarizerError(Exception):
    """Base class of every error caused by input or settings."""


class InputError(SummarizerError):
    """A source cannot be used: missing, empty, binary, too large, unreadable."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self):  # picklable, for worker processes
        return InputError, (self.path, self.problem)


class ConfigError(SummarizerError):
    """A setting is unknown, of the wrong type or out of range."""

    def __init__(self, key: str, problem: str, origin: str = ""):
        where = f"{origin}: " if origin else ""
        super().__init__(f"{where}{key}: {problem}")
        self.key = key
        self.problem = problem
        self.origin = origin

    def __reduce__(self):
        return ConfigError, (self.key, self.problem, self.origin)


def shown(value: object) -> str:
    """A value as an error message shows it: short, and never thousands of digits."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() >= 200:
        return "a number that long"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
