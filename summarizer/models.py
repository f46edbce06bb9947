"""Plain data passed between the pipeline's stages.

load -> Source; structure -> Block; segment -> Sentence; dedup -> Passage;
select + render -> Briefing.  Offsets are character offsets into ``Source.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class BlockKind(str, Enum):
    """What a line or paragraph of an article is."""

    HEADLINE = "headline"  # title, sub-heading, standfirst set in bold
    BYLINE = "byline"  # author, agency, date or dateline line
    KEYWORDS = "keywords"  # tag or keyword line
    CAPTION = "caption"  # image or video caption
    LIST_ITEM = "list_item"  # bullet or numbered item
    BODY = "body"  # running text

    @property
    def is_text(self) -> bool:
        """Whether sentences of this kind may enter a briefing."""
        return self in (BlockKind.BODY, BlockKind.LIST_ITEM)


@dataclass(frozen=True)
class Source:
    """One article as read from a file or standard input."""

    name: str  # file name shown in citations ("<stdin>" for standard input)
    path: str  # path as the user gave it, or resolved inside a folder
    text: str  # decoded text; for HTML, the extracted article text
    encoding: str = "utf-8"
    format: str = "text"  # "text", "markdown" or "html"
    date: str | None = None  # when it was published (ISO 8601), where the input says so


@dataclass(frozen=True)
class Block:
    """A classified line or paragraph of one source, markup removed."""

    source: int  # index into the list of sources
    kind: BlockKind
    text: str  # the words of the block without markup
    start: int  # offset of the block's text in Source.text
    # Pieces of ``text`` and where they stand in Source.text: (text_offset, source_offset, length).
    # Removing markup (``**``, link syntax, bullets) cuts the block into such pieces.
    pieces: tuple[tuple[int, int, int], ...] = ()

    def source_offset(self, offset: int) -> int:
        """Map an offset in ``text`` to an offset in Source.text."""
        for text_at, source_at, length in reversed(self.pieces):
            if offset >= text_at:
                return source_at + min(offset - text_at, length)
        return self.start


@dataclass(frozen=True)
class Sentence:
    """A sentence of one source: its verbatim text and where it stands."""

    text: str
    source: int  # index into the list of sources
    position: int  # 0-based index of the sentence among its source's text sentences
    start: int  # offsets in Source.text
    end: int

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Passage:
    """One piece of news as the pool holds it: a sentence and its (near-)duplicates.

    ``members[0]`` is the representative whose text may be quoted; the other members are the
    same sentence or a near-duplicate of it, in the same or other sources.
    """

    members: list[Sentence]

    @property
    def sentence(self) -> Sentence:
        return self.members[0]

    @property
    def text(self) -> str:
        return self.members[0].text

    @property
    def sources(self) -> tuple[int, ...]:
        return tuple(sorted({m.source for m in self.members}))


@dataclass(frozen=True)
class Citation:
    """Where a briefing sentence, or a paraphrase of it, stands in one source."""

    source: int
    start: int
    end: int
    text: str
    exact: bool  # the source carries this very text (not only a paraphrase)


@dataclass(frozen=True)
class BriefingSentence:
    text: str
    citations: tuple[Citation, ...]
    score: float

    @property
    def sources(self) -> tuple[int, ...]:
        return tuple(sorted({c.source for c in self.citations}))


@dataclass(frozen=True)
class FigureClaim:
    """One value that some sources give for a quantity."""

    value: str  # the figure as written in the first source that gives it
    sources: tuple[int, ...]


@dataclass(frozen=True)
class Disagreement:
    """Sources that give different figures for the same thing."""

    topic: str  # what the figures are about, e.g. "people killed"
    claims: tuple[FigureClaim, ...]


@dataclass
class Briefing:
    """The result of a run: what the renderers turn into Markdown or JSON."""

    title: str
    sentences: list[BriefingSentence]
    sources: list[Source]
    source_titles: list[str]  # each source's first headline ("" where none is found)
    disagreements: list[Disagreement]
    algorithm: str
    max_words: int | None
    max_sentences: int | None
    stats: dict[str, float] = field(default_factory=dict)

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)
