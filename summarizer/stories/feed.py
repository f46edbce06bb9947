"""A JSON Lines feed of articles for ``--stories``: read once, one article at a time.

One article a line, ``{"id", "text", "title"?, "date"?, "url"?}`` (``name`` is taken for ``id``,
as standard input's JSON Lines have it).  ``detect`` reads the feed line by line and hands each
article to a ``StoryStream``; of each article only its line's place in the file is kept, so the
texts are never all in memory.  ``stories`` then yields each story's articles as ``Source``
objects, read again from the file one story at a time.  Standard input is copied to a temporary
file as it is read (a pipe cannot be read twice).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from array import array
from typing import IO, Callable, Iterator, Sequence

from ..errors import InputError
from ..models import Source
from .exact import STORY_THRESHOLD
from .stream import DAYS, StoryStream

FEED_SUFFIXES = (".jsonl", ".ndjson")


def is_feed(path: str) -> bool:
    return path.lower().endswith(FEED_SUFFIXES)


class Feed:
    """The articles of a JSON Lines file (or of a spooled standard input)."""

    def __init__(self, path: str, stream: IO[bytes] | None = None, name: str | None = None):
        """``path`` names the file in messages; ``stream`` (standard input) is copied to a temporary
        file first, else ``path`` is opened."""
        self.name = name or path
        self._spool = None
        if stream is not None:
            self._spool = tempfile.TemporaryFile()
            shutil.copyfileobj(stream, self._spool, 1 << 20)
            self._spool.seek(0)
            self._file = self._spool
        else:
            try:
                self._file = open(path, "rb")  # noqa: SIM115 (closed by close())
            except OSError as error:
                raise InputError(path, f"cannot read: {error.strerror or error}") from None
        self._offsets = array("q")  # each article's line
        self._lines = array("q")  # its line number, for messages
        self._dates: list[str | None] = []

    def __enter__(self) -> Feed:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._file.close()

    def __len__(self) -> int:
        return len(self._offsets)

    def detect(self, threshold: float = STORY_THRESHOLD, language: str = "english", *, days: float | None = DAYS,
               warn: Callable[[str], None] = lambda message: None,
               progress: Callable[[int, int], None] | None = None) -> list[list[int]]:
        """Read the feed through, each article into the story detector; the stories as lists of
        article numbers (0 is the feed's first usable article).  A bad line is an error naming it."""
        stream = StoryStream(threshold, language, days=days)
        self.read(stream, warn=warn, progress=progress)
        if not self._offsets:
            raise InputError(self.name, "no articles (one JSON object a line, with a \"text\")")
        return stream.finish()

    def read(self, stream: StoryStream, *, warn: Callable[[str], None] = lambda message: None,
             progress: Callable[[int, int], None] | None = None) -> StoryStream:
        """Read the feed through, each article into ``stream`` (not finished)."""
        from ..ingest.dates import parse_date

        size = os.fstat(self._file.fileno()).st_size
        self._file.seek(0)
        offset, empty = 0, 0
        for number, line in enumerate(self._file, 1):
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            record = self._record(line, number)
            if not record["text"].strip():
                empty += 1
                continue
            self._offsets.append(start)
            self._lines.append(number)
            date = str(record["date"]) if record.get("date") is not None else None
            self._dates.append(date)
            stream.add(record["text"], parse_date(date) if date else None)
            if progress is not None and len(self._offsets) % 1000 == 0:
                progress(offset, size)  # bytes read of the feed
        if empty:
            warn(f"{self.name}: {empty} article{'s' if empty != 1 else ''} without text skipped")
        return stream

    def index(self) -> tuple[array, array, list[str | None]]:
        """Where each article read stands (offsets, line numbers, dates): for a feed read elsewhere."""
        return self._offsets, self._lines, self._dates

    def adopt(self, index: tuple[array, array, list[str | None]]) -> None:
        """Take the ``index()`` of this same file read in another process."""
        self._offsets, self._lines, self._dates = index

    def _record(self, line: bytes, number: int) -> dict:
        from ..ingest.decoding import clean

        where = f"{self.name}:{number}"
        try:
            record = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError:
            raise InputError(where, "not UTF-8 text") from None
        except json.JSONDecodeError as error:
            raise InputError(where, f"not JSON ({error.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(where, 'each line must be an object with a "text" string')
        for key in ("id", "name", "title", "date", "url"):
            if record.get(key) is not None and not isinstance(record[key], (str, int)):
                raise InputError(where, f'"{key}" must be a string')
        record["text"] = clean(record["text"])
        return record

    def sources(self, articles: Sequence[int]) -> list[Source]:
        """The articles (numbers as ``detect`` gives them) read again from the feed."""
        from ..ingest.decoding import clean

        sources = []
        for article in articles:
            self._file.seek(self._offsets[article])
            record = self._record(self._file.readline(), self._lines[article])
            name = clean(str(record.get("id", record.get("name", f"article {self._lines[article]}"))))
            title, date, url = record.get("title"), record.get("date"), record.get("url")
            sources.append(Source(name=name, path=clean(str(url)) if url else f"{self.name}:{self._lines[article]}",
                                  text=record["text"], date=str(date) if date is not None else None,
                                  title=clean(str(title)) if title else None))
        return sources

    def dates(self, articles: Sequence[int]) -> tuple[str | None, str | None]:
        """The first and last date of the articles, as the feed gives them (ISO dates sort as text)."""
        from ..ingest.dates import parse_date

        known = sorted(d for d in (parse_date(self._dates[a]) if self._dates[a] else None for a in articles) if d)
        return (known[0].isoformat(), known[-1].isoformat()) if known else (None, None)


class FeedStories(Sequence):
    """The stories found in a feed, as ``(id, [Source, ...])`` read from the feed when asked for:
    a sequence that ``summarize_many`` and the index go through one story at a time."""

    def __init__(self, feed: Feed, groups: list[list[int]]):
        from . import story_ids

        self.feed, self.groups, self.ids = feed, groups, story_ids(len(groups))

    def __len__(self) -> int:
        return len(self.groups)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self.ids[index], self.feed.sources(self.groups[index])

    def __iter__(self) -> Iterator[tuple[str, list[Source]]]:
        for index in range(len(self)):
            yield self[index]


def open_feed(path: str, stdin: IO[bytes] | None = None) -> Feed:
    """A feed from a file, or from standard input (``-``) copied as it is read."""
    from ..ingest.load import STDIN_NAME

    if path == "-":
        if stdin is None:
            raise InputError(STDIN_NAME, "standard input is closed")
        return Feed(path, stdin, STDIN_NAME)
    if not os.path.isfile(path):
        raise InputError(path, "no such file" if not os.path.exists(path) else "not a file")
    return Feed(path)
