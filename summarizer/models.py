"""Plain data passed between the pipeline's stages.

load -> Source; structure -> Block; segment -> Sentence; dedup -> Passage; then one ``Pool``
that every later stage reads; rank and select -> Pick; cite and render -> Briefing.
Offsets are character offsets into ``Source.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from enum import Enum
from typing import TYPE_CHECKING, Protocol, Sequence

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp



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
    title: str | None = None  # the title its metadata gives (an HTML page's), where there is one


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

    @cached_property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Passage:
    """One piece of news as the pool holds it: a sentence and its (near-)duplicates.

    ``rows[0]`` is the leader, the first in reading order; the other members are the same
    sentence or a near-duplicate of it, in the same or other sources.
    """

    rows: tuple[int, ...]  # rows of Pool.sentences, the leader first
    members: tuple[Sentence, ...]  # those sentences

    @property
    def leader(self) -> int:
        return self.rows[0]

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
class Budget:
    """The briefing's hard budget: the only shape it takes (its values are checked with the settings,
    ``rank.base.SelectSettings``); every algorithm's picks are checked against it here."""

    max_words: int | None = 120  # None: no limit
    max_sentences: int | None = None

    @property
    def word_cap(self) -> float:
        """``max_words`` as a number to compare with: infinity where there is no limit."""
        return float("inf") if self.max_words is None else self.max_words

    @property
    def sentence_cap(self) -> float:
        """``max_sentences`` likewise."""
        return float("inf") if self.max_sentences is None else self.max_sentences

    def allows(self, words: int, sentences: int) -> bool:
        """Whether a briefing of that many words and sentences fits."""
        return words <= self.word_cap and sentences <= self.sentence_cap

    def check(self, algorithm: str, word_counts: Sequence[int]) -> None:
        """Every algorithm's picks pass through here: over the budget is a bug in the algorithm."""
        if not self.allows(sum(word_counts), len(word_counts)):
            raise AssertionError(f"{algorithm} picked {len(word_counts)} sentences, {sum(word_counts)} words: "
                                 f"over the budget {self}")


@dataclass(frozen=True)
class Pick:
    """A passage chosen for the briefing and the member quoted for it."""

    passage: int  # index into Pool.passages
    row: int  # the quoted sentence: a row of Pool.sentences, one of the passage's quotable members


class Stemmer(Protocol):
    """What the pool's tokenizer (``pool.features.Tokenizer``) offers every later stage."""

    language: str
    stop_words: frozenset[str]

    def words(self, text: str) -> list[str]: ...  # the words as written

    def stem(self, word: str) -> str: ...

    def stems(self, words: Sequence[str]) -> list[str]: ...

    def terms(self, text: str) -> list[str]: ...  # the stems of the content words, in order


@dataclass
class TermMatrix:
    """Term counts of a list of texts: row i is text i, column j is ``vocabulary[j]``."""

    counts: sp.csr_matrix
    vocabulary: list[str]
    terms: list[list[str]]  # each text's stems in order, for algorithms that need sequences

    @classmethod
    def build(cls, texts: Sequence[str], tokenizer: Stemmer) -> TermMatrix:
        import numpy as np
        import scipy.sparse as sp

        terms = [tokenizer.terms(text) for text in texts]
        every = [t for row in terms for t in row]
        vocabulary = list(dict.fromkeys(every))  # in reading order
        index = {t: j for j, t in enumerate(vocabulary)}
        columns = np.fromiter(map(index.__getitem__, every), dtype=np.int64, count=len(every))
        indptr = np.zeros(len(terms) + 1, dtype=np.int64)
        np.cumsum([len(row) for row in terms], out=indptr[1:])
        counts = sp.csr_matrix((np.ones(len(columns)), columns, indptr), shape=(len(terms), len(index)))
        counts.sum_duplicates()
        return cls(counts, vocabulary, terms)

    def rows(self, rows: Sequence[int]) -> TermMatrix:
        rows = list(rows)
        return TermMatrix(self.counts[rows], self.vocabulary, [self.terms[r] for r in rows])

    @cached_property
    def lengths(self) -> np.ndarray:
        """Number of content terms of each text."""
        import numpy as np

        return np.asarray(self.counts.sum(axis=1)).ravel()

    def idf(self) -> np.ndarray:
        """Smoothed inverse document frequency, each text (sentence) a document."""
        import numpy as np

        presence = self.counts.copy()
        presence.data[:] = 1
        n = presence.shape[0]
        df = np.asarray(presence.sum(axis=0)).ravel()
        return np.log((1.0 + n) / (1.0 + df)) + 1.0

    def tfidf(self) -> sp.csr_matrix:
        """Rows of sub-linear TF times IDF, L2-normalised, ready for cosine similarity."""
        import numpy as np
        import scipy.sparse as sp

        weights = self.counts.copy().astype(np.float64)
        weights.data = 1.0 + np.log(weights.data)
        weights = weights @ sp.diags(self.idf())
        return normalize_rows(weights.tocsr())


def normalize_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """Scale each row to unit L2 norm; empty rows stay empty."""
    import numpy as np
    import scipy.sparse as sp

    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return (sp.diags(1.0 / norms) @ matrix).tocsr()


@dataclass(frozen=True)
class Referent:
    """What a sentence leans on: the briefing must carry it before the sentence is quoted."""

    antecedent: int  # its source's preceding sentence (a row), when it opens by pointing back; else -1
    heads: tuple[tuple[str, ...], ...] = ()  # per "the X" its source introduced just before: X's stems
    surnames: tuple[str, ...] = ()  # names it gives by surname alone, whose full name its source gave


@dataclass(frozen=True)
class Referents:
    """The pool's reading of what each sentence leans on and what it introduces."""

    needs: list[Referent | None]  # per row: what it leans on; None if it stands alone
    names: list[frozenset[str]]  # per row: the surnames it gives with a first name ("Mamdouh Salim")


@dataclass
class ClaimIndex:
    """The anchors of every pooled sentence: row i of ``anchors`` is sentence i."""

    anchors: sp.csr_matrix  # n x vocabulary, 1 where the sentence carries the anchor
    core: sp.csr_matrix  # the same for the anchors of each sentence's main clause
    clauses: sp.csr_matrix  # the main clause's anchors again, valued by the number of the clause each is in
    links: sp.csr_matrix  # n x links: events tied to the names written near them ("event:capture|name:hama")
    weights: np.ndarray  # per anchor: IDF times its kind's weight
    vocabulary: list[str]  # "name:assad", "event:capture", "agent:rebels", "word:citi"
    kinds: np.ndarray  # per anchor: index into KINDS
    figures: list[tuple]  # per sentence: its amounts (figures.quantity), which the match reads
    sources: np.ndarray  # per sentence: its source index
    modal: np.ndarray  # per sentence: whether its main clause says a plan or a possibility (will, could, ...)
    days: np.ndarray  # per anchor: whether it is a day of the week
    # per sentence: its figures as "Where sources differ" reads them (figures package): a sentence
    # whose figure differs never reports the claim, by the same test that lists the difference
    stated: list[tuple] = field(default_factory=list)
    # The rows stating a figure about each thing (``figures.rows_by_thing``), made on first use by
    # ``claim_match.same_claim``: only those rows can give another value for it.
    stated_rows: dict[tuple, list[int]] | None = None
    # ``claim_match.same_claim``'s answers, (row, threshold, own_source) -> a bool per sentence:
    # selection asks the same rows again in each of the referent check's rounds and novelty checks
    said: dict[tuple, np.ndarray] = field(default_factory=dict, repr=False, compare=False)
    # per sentence: where its main clause ends in its text (a character offset): ", where 42 homes
    # were destroyed," is a side remark, not the claim (claims.main_clause_end)
    main_end: np.ndarray | None = None
    # per sentence: whether its main clause denies what it tells ("did not destroy", "never
    # reached"): a denial never reports the claim it denies, nor the reverse (data/negation.txt)
    negated: np.ndarray | None = None

    KINDS = ("name", "event", "agent", "word")

    def anchors_of(self, row: int) -> list[str]:
        start, end = self.anchors.indptr[row], self.anchors.indptr[row + 1]
        return [self.vocabulary[j] for j in self.anchors.indices[start:end]]


@dataclass(frozen=True)
class Pool:
    """Everything the stages after deduplication read, built once.

    Sentence-level data is indexed by row (``sentences``, ``terms``, ``tfidf``, ``figures``);
    passage-level data by passage (``passages``, ``prior``, ``quotable``, ``quote``).
    """

    sources: list[Source]
    headlines: list[str]  # each source's headline ("" where it has none)
    titles: list[str]  # each source's headline, else its metadata title, else its file name
    sentences: list[Sentence]  # every pooled sentence, source by source, in reading order
    tokenizer: Stemmer
    terms: TermMatrix  # row i: the content stems of sentences[i]
    tfidf: sp.csr_matrix  # row i: L2-normalised TF-IDF of sentences[i] (IDF over the pooled sentences)
    passages: list[Passage]
    prior: np.ndarray  # per passage: what editors prefer, all else equal (editorial.prior)
    quotable: list[tuple[int, ...]]  # per passage: the member rows a briefing may quote
    quote: np.ndarray  # per passage: the row quoted by default (the plainest quotable member), -1 if none
    words: np.ndarray  # per passage: words of the default quote (0 if none)
    wording: np.ndarray  # per sentence: how much its wording counts against quoting it (editorial.wording)
    dates: list[date | None] = field(default_factory=list)  # per source: when it was published, if known
    figures: list[tuple] = field(default_factory=list)  # per sentence: its figures (figures.Figure)
    amounts: list[tuple] = field(default_factory=list)  # per sentence: its amounts (figures.quantity)
    claims: ClaimIndex | None = None  # per sentence: the anchors of what it claims (claims.py)
    # per sentence: what it leans on (the sentence before it, a noun, a full name) and the full
    # names it gives (pool/referents.py); every briefing carries the one before quoting it
    referents: Referents | None = None
    # an update's earlier briefing, pooled as one more source (never quoted): its sentences are
    # what the reader has read already (pipeline.summarize_sources, ``since``)
    told: int | None = None
    # an update's earlier articles, where given: their sentences (text, source, position), never pooled
    background: tuple[tuple[str, int, int], ...] = ()

    @property
    def leaders(self) -> list[int]:
        return [p.leader for p in self.passages]

    def __len__(self) -> int:
        return len(self.passages)


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
    # The latest value of each figure the sentence states that later (dated) reports changed:
    # shown after it as "(later reports: three)", so no superseded figure reads as current.
    later: tuple[str, ...] = ()

    @property
    def sources(self) -> tuple[int, ...]:
        return tuple(sorted({c.source for c in self.citations}))


@dataclass(frozen=True)
class FigureClaim:
    """One value that some sources give for a quantity."""

    value: str  # the figure as written in the first source that gives it
    sources: tuple[int, ...]
    # the pooled sentences (rows) that state it: a source listed against a value a quoted sentence
    # states is never cited for that sentence (facts/cite.py); not part of the value's identity
    rows: tuple[int, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Disagreement:
    """Sources that give different figures for the same thing."""

    topic: str  # what the figures are about, e.g. "people killed"
    claims: tuple[FigureClaim, ...]


@dataclass(frozen=True)
class FigureStep:
    """One value of a figure that changed over time, as the earliest of its sources dates it."""

    value: str
    sources: tuple[int, ...]
    date: str  # ISO date of the earliest source giving this value


@dataclass(frozen=True)
class FigureChange:
    """A figure that dated sources report moving over time (oldest first): an update, not a dispute."""

    topic: str
    steps: tuple[FigureStep, ...]


@dataclass(frozen=True)
class Earlier:
    """What an update briefing is built on (``--since``): an earlier briefing this tool wrote, or the
    briefing of earlier articles.  The update tells nothing it told."""

    path: str  # the JSON briefing or the earlier articles, as given
    kind: str  # "briefing" or "articles"
    sentences: tuple[str, ...]  # what the reader was told
    sources: tuple[str, ...]  # the names of the sources it was built on
    date: str | None = None  # its latest source's date (ISO), where known
    # How its sources are known again (``ingest.earlier.seen_keys``: their text, a web address, a
    # JSON article's id): an article of the update that is one of them is no new source.
    seen: frozenset[str] = field(default=frozenset(), compare=False)
    # The earlier articles' sentences (text, source, position in it), where they were given
    # (``--since earlier/``): what the story said before, against which the update weighs what is new.
    background: tuple[tuple[str, int, int], ...] = field(default=(), compare=False, repr=False)


@dataclass
class Briefing:
    """The result of a run: what the renderers turn into Markdown or JSON."""

    title: str
    sentences: list[BriefingSentence]
    sources: list[Source]
    source_titles: list[str]  # each source's headline, else its metadata title, else its file name
    source_dates: list[str | None]  # each source's publication date (ISO), where it is known
    disagreements: list[Disagreement]
    changes: list[FigureChange]  # figures that moved over time, where sources are dated
    algorithm: str
    budget: Budget
    stats: dict[str, float] = field(default_factory=dict)
    language: str = "english"  # the sources' language, as set or detected
    since: Earlier | None = None  # an update: the earlier briefing it was built on (its last source)
    show_paths: bool = False  # the HTML page lists local paths (setting output.show_paths)

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)
