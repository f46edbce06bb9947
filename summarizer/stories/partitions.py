"""Story detection over several feed files at once: each file a partition (an hour, a day of a
larger feed), detected apart, locally or on Dask workers, and merged.

Each partition is read into a ``StoryStream`` of its own, on a worker where a Dask client is
given (the workers read the files themselves: they must see the same paths).  The partitions'
streams come back (their stories' centroids, not the texts) and are joined in the order given;
``finish``'s merge pass joins the stories that cross a partition's edge.  ``Partitions`` reads the
articles again for the briefings, as ``Feed`` does for one file.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Callable, Sequence

from ..errors import InputError
from ..models import Source
from .exact import STORY_THRESHOLD
from .feed import Feed, open_feed
from .stream import DAYS, StoryStream


def detect_partition(path: str, threshold: float, language: str, days: float | None):
    """One partition read into a stream of its own (a Dask task): the stream and the file's index."""
    warnings: list[str] = []
    with open_feed(path) as feed:
        stream = feed.read(StoryStream(threshold, language, days=days), warn=warnings.append)
        stream.flush()
        return stream, feed.index(), warnings


class Partitions:
    """Several feed files, read as one feed in the order given."""

    def __init__(self, paths: Sequence[str]):
        self.feeds: list[Feed] = []
        try:
            for path in paths:
                self.feeds.append(open_feed(path))
        except InputError:
            self.close()
            raise
        self._starts: list[int] = []

    def __enter__(self) -> Partitions:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for feed in self.feeds:
            feed.close()

    def detect(self, threshold: float = STORY_THRESHOLD, language: str = "english", *, days: float | None = DAYS,
               client: Any = None, warn: Callable[[str], None] = lambda message: None) -> list[list[int]]:
        """The stories of all the partitions, as lists of article numbers across them (the first
        file's articles first); each partition detected on a Dask worker where ``client`` is given."""
        arguments = (threshold, language, days)
        paths = [feed.name for feed in self.feeds]
        if client is not None:
            futures = client.map(detect_partition, paths, *[[a] * len(paths) for a in arguments], pure=False)
            parts = client.gather(futures)
        else:
            parts = (detect_partition(path, *arguments) for path in paths)
        merged, self._starts = None, []
        for feed, (stream, index, warnings) in zip(self.feeds, parts):
            for message in warnings:
                warn(message)
            feed.adopt(index)
            self._starts.append(len(merged) if merged is not None else 0)
            if merged is None:
                merged = stream
            else:
                merged.extend(stream)
        if merged is None or not len(merged):
            raise InputError(paths[0] if paths else "--stories", "no articles (one JSON object a line, with a \"text\")")
        return merged.finish()

    def _split(self, articles: Sequence[int]) -> list[tuple[Feed, list[int]]]:
        parts: dict[int, list[int]] = {}
        for article in articles:
            part = bisect_right(self._starts, article) - 1
            parts.setdefault(part, []).append(article - self._starts[part])
        return [(self.feeds[part], local) for part, local in parts.items()]

    def sources(self, articles: Sequence[int]) -> list[Source]:
        return [source for feed, local in self._split(articles) for source in feed.sources(local)]

    def dates(self, articles: Sequence[int]) -> tuple[str | None, str | None]:
        known = [d for feed, local in self._split(articles) for d in feed.dates(local) if d]
        return (min(known), max(known)) if known else (None, None)
