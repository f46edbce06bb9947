"""`python -m summarizer` and the `summarize` console script: the same command.

Signals are handled before anything heavy is imported: Ctrl-C or SIGTERM while the command is
still loading ends it as quietly as later on (exit status 130 or 143, nothing written).
"""

import os
import signal
import sys


def main() -> None:
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, _stopped_while_loading)
    from .cli import run as command

    signal.signal(signal.SIGINT, signal.default_int_handler)  # from here on the command handles both
    command()


def _stopped_while_loading(signum: int, frame: object) -> None:
    word = "interrupted" if signum == signal.SIGINT else "terminated"
    sys.stderr.write(f"summarize: error: {word}; no briefing written\n")
    os._exit(130 if signum == signal.SIGINT else 143)


if __name__ == "__main__":
    main()
