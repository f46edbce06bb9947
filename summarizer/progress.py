"""A progress bar on standard error, for the CLI; silent unless stderr is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """Call with (stage, done, total). Draws nothing for work that ends within ``delay`` seconds."""

    def __init__(self, stream: TextIO | None = None, *, enabled: bool | None = None, delay: float = 0.5,
                 width: int = 30):
        self.stream = stream or sys.stderr
        if self.stream is None:  # standard error closed (2>&-): nothing to draw on
            enabled = False
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.delay = delay
        self.width = width
        self._started = time.monotonic()
        self._drawn = False
        self._last_draw = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        now = time.monotonic()
        if now - self._started < self.delay or (now - self._last_draw < 0.1 and done < total):
            return
        filled = int(self.width * done / total)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r{stage:<14} [{bar}] {done}/{total}\033[K")
        self.stream.flush()
        self._drawn = True
        self._last_draw = now

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._drawn = False
