"""Story detection: which articles of a mixed pile or a feed report the same story.

``find_stories`` takes a pile (``Source`` objects); ``StoryStream`` takes articles one at a time
(a feed, ``feed.py``).  A pile of at most ``stream.WINDOW`` articles is clustered exactly
(``exact.py``: average linkage over every pair, the method chosen on the DUC clusters); a larger
one goes through the single pass (``stream.py``: exact windows joined to stories through their
centroids, then a merge pass), whose memory grows linearly with the articles.  The switch was
measured: benchmarks/stories_scale.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from .exact import MIXED_PILE_THRESHOLD, STORY_THRESHOLD, find_exact

if TYPE_CHECKING:
    from ..models import Source
    from .stream import StoryStream

# Articles clustered exactly at a time: piles up to this size are the exact method's; above, a
# window costs a fixed 1,000 x 1,000 similarity matrix (8 MB); see benchmarks/stories_scale.py.
WINDOW = 1000
DAYS = 7.0  # dated articles join stories within this many days of their dates (None: no window)
# The warning that a pile mixes stories checks piles up to this size (a pile mixed up by hand);
# --stories itself takes any number.
MAX_ARTICLES = 5000


def __getattr__(name: str):
    if name == "StoryStream":  # numpy loads with it, not with the settings that import this package
        from .stream import StoryStream

        return StoryStream
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["MIXED_PILE_THRESHOLD", "STORY_THRESHOLD", "DAYS", "MAX_ARTICLES", "WINDOW", "StoryStream", "find_stories",
           "split_stories", "story_ids"]


def find_stories(sources: Sequence[Source], threshold: float = STORY_THRESHOLD, language: str = "english",
                 *, days: float | None = DAYS) -> list[list[int]]:
    """Group ``sources`` into stories: lists of source indices, in order of each story's first source.

    Up to ``WINDOW`` sources, the exact method; more, the single pass (dates from ``Source.date``
    where they can be read, stories kept within ``days`` of them).
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
    if len(sources) <= WINDOW:
        return find_exact(sources, threshold, language)
    from ..ingest.dates import parse_date

    from .stream import StoryStream

    stream = StoryStream(threshold, language, days=days)
    for source in sources:
        stream.add(source.text, parse_date(source.date) if source.date else None)
    return stream.finish()


def story_ids(count: int) -> list[str]:
    """``story-1``, ``story-2``, ... zero-padded to the width of ``count``."""
    width = len(str(count))
    return [f"story-{number:0{width}d}" for number in range(1, count + 1)]


def split_stories(sources: Sequence[Source], threshold: float = STORY_THRESHOLD,
                  language: str = "english", *, days: float | None = DAYS) -> list[tuple[str, list[Source]]]:
    """The stories of a pile as ``(id, sources)``, ids ``story-1``, ``story-2``, ... (zero-padded)."""
    groups = find_stories(sources, threshold, language, days=days)
    return [(story_id, [sources[i] for i in group]) for story_id, group in zip(story_ids(len(groups)), groups)]
