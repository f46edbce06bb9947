"""The progress bar: drawn on a terminal for long work, silent otherwise."""

from __future__ import annotations

import io

from summarizer.progress import ProgressBar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_draws_on_a_terminal_and_clears_at_the_end():
    stream = Terminal()
    bar = ProgressBar(stream, delay=0.0)
    bar("ranking", 5, 10)
    bar("ranking", 10, 10)
    assert "ranking" in stream.getvalue() and "10/10" in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r\033[K")


def test_silent_when_not_a_terminal_or_disabled():
    piped = io.StringIO()
    ProgressBar(piped, delay=0.0)("reading", 1, 2)
    assert piped.getvalue() == ""
    quiet = Terminal()
    ProgressBar(quiet, enabled=False, delay=0.0)("reading", 1, 2)
    assert quiet.getvalue() == ""


def test_short_work_draws_nothing():
    stream = Terminal()
    ProgressBar(stream, delay=60.0)("reading", 1, 2)
    assert stream.getvalue() == ""
