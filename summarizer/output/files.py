"""Last stage: put a rendered briefing where the user asked, never losing a file on the way.

A briefing file is written to a temporary file next to its target and renamed over it, so a run
that fails or is stopped leaves no half-written file and an older briefing untouched.  Only a
regular file or a new path is ever written: never an input, a device, a FIFO or a folder; a
symlink is written through to the file it points to; a read-only file is refused (by its mode
bits, like ``cp -i``, so also when running as root).  Every briefing carries a marker
(``BRIEFING_MARKER``) by which the loader recognises it and never reads it back as a source, and
by which this module knows what it may replace: an existing file that is not empty and holds no
briefing (an article, notes, a file of the user's) is replaced only when ``force`` is given.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import tempfile
from typing import BinaryIO, Iterable

from ..errors import InputError
from ..ingest.formats import MARKER_REACH, SUPPORTED_SUFFIXES, file_kind, is_briefing

# The JSON Lines file of --batch --output: every line a story's briefing or its error.
_JSONL_LINE = re.compile(r'\{"id": "(?:[^"\\\n]|\\.)*", "(?:briefing": \{"generator": "summarize"|error": ")')
# index.json of --stories / --batch before it carried the generator key.
_OLD_INDEX = re.compile(r'\{\n  "stories": \[(?:\]|\n    \{\n      "id": )')
NOT_A_BRIEFING = "exists and is not a briefing written by summarize; not replaced (--force replaces it)"


def write_output(path: str, text: str, *, inputs: Iterable[str] = (), stdout: BinaryIO | None = None,
                 force: bool = False) -> None:
    """Write ``text`` (UTF-8) to ``path``, or to standard output when ``path`` is ``"-"``.

    ``inputs`` are the files and folders the briefing was made from: a target among them (or a
    readable article inside one of the folders) is refused.  An existing file that holds no
    briefing is refused unless ``force``.  Raises InputError, one line naming the path, for every
    problem.
    """
    data = text.encode("utf-8", "surrogateescape")
    if path == "-":
        _write_stdout(data, stdout)
        return
    target = check_output(path, inputs, force=force)
    try:
        temporary = None
        handle, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp",
                                             dir=os.path.dirname(target) or ".")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())  # renamed only once the bytes are on disk
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise InputError(path, f"cannot write: {error.strerror or error}") from None
    finally:  # also on SIGINT / SIGTERM (raised as exceptions by the CLI): no temporary file left
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def check_output(path: str, inputs: Iterable[str] = (), *, force: bool = False) -> str:
    """The file to write for ``--output path`` (a symlink resolved), or InputError saying why not.

    An existing file is replaced when it is empty or holds a briefing (or the index or JSON Lines
    output of many), or when ``force`` is given; never when it is one of ``inputs``.
    """
    if path.endswith(("/", os.sep)):
        raise InputError(path, "names a folder (it ends in /); give a file name, e.g. "
                               f"{path.rstrip('/' + os.sep) or '.'}/briefing.md")
    target = os.path.realpath(path) if os.path.islink(path) else path
    try:
        info = os.stat(target)
    except FileNotFoundError:
        if target != path:
            raise InputError(path, "is a symlink to a missing file; not written through") from None
        if not os.path.isdir(os.path.dirname(path) or "."):
            raise InputError(path, "cannot write: no such folder") from None
        return target
    except OSError as error:
        raise InputError(path, f"cannot write: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a folder; give a file name for --output")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, f"is {file_kind(info.st_mode)}, not a regular file; use --output - for standard output")
    if not info.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise InputError(path, "is read-only; not replaced")
    # An input named as such is never written, even a briefing (``--since`` reads one).
    if _is_input(target, info, inputs, named_only=True):
        raise InputError(path, "is one of the input files; choose another --output")
    if info.st_size == 0 or _holds_briefing(target):
        return target  # nothing to lose, or this tool's own output (never read back from a folder)
    if _is_input(target, info, inputs):
        raise InputError(path, "is one of the input files; choose another --output")
    if not force:
        raise InputError(path, NOT_A_BRIEFING)
    return target


def _is_input(target: str, info: os.stat_result, inputs: Iterable[str], *, named_only: bool = False) -> bool:
    """Whether ``target`` is an input file, or (unless ``named_only``) a file the loader would read
    inside an input folder."""
    real = os.path.realpath(target)
    for given in inputs:
        if given == "-":
            continue
        try:
            given_info = os.stat(given)
        except OSError:
            continue
        if (given_info.st_dev, given_info.st_ino) == (info.st_dev, info.st_ino):
            return True
        if not named_only and stat.S_ISDIR(given_info.st_mode) and real.lower().endswith(SUPPORTED_SUFFIXES):
            folder = os.path.join(os.path.realpath(given), "")
            if real.startswith(folder):
                return True
    return False


def _holds_briefing(path: str) -> bool:
    try:
        with open(path, "rb") as stream:
            head = stream.read(MARKER_REACH)
            stream.seek(0, os.SEEK_END)
            stream.seek(max(0, stream.tell() - MARKER_REACH))  # the Markdown marker is the last line
            tail = stream.read()
    except OSError:
        return False
    head_text = head.decode("utf-8", "replace")
    return (is_briefing(head_text) or is_briefing(tail.decode("utf-8", "replace"))
            or bool(_JSONL_LINE.match(head_text) or _OLD_INDEX.match(head_text)))


def _mode_for(target: str) -> int:
    """The permissions of the file replaced, else those of a new file (mkstemp's are private)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _write_stdout(data: bytes, stream: BinaryIO | None) -> None:
    """Standard output, where a closed, full or broken stream is an error, not a truncated success."""
    own = stream is None
    if own:
        if sys.stdout is None:
            raise InputError("standard output", "is closed")
        stream = sys.stdout.buffer
    try:
        stream.write(data)
        stream.flush()
    except BrokenPipeError:
        if own:
            _silence_stdout()
        raise InputError("standard output", "closed before the briefing was written (broken pipe)") from None
    except (OSError, ValueError) as error:  # ValueError: a stream closed in this process
        if own:
            _silence_stdout()
        problem = getattr(error, "strerror", None) or str(error)
        raise InputError("standard output", f"cannot write: {problem}") from None


def _silence_stdout() -> None:
    """Point standard output at /dev/null so Python's exit-time flush does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
