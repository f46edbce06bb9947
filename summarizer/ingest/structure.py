"""Clean and classify: cut a source into lines or paragraphs, strip markup, say what each one is.

Only body text and full-sentence list items go on to sentence splitting; headlines give a source
its title; bylines, keyword lines and captions are dropped.  A paragraph repeated inside one source
is kept once.  Wire slugs and trailers (``data/slugs.txt``, ``data/trailers.txt``) are cut from the
paragraph they open or close; one that stands alone is a byline.  A paragraph of three full
sentences (or two in 25 words) is body text even when it does not end like a sentence (a run-on
article with a trailer).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..wordlists import MONTHS, WEEKDAYS, alternation
from ..models import Block, BlockKind, Source
from .segment import sentence_spans
from .verbs import FUNCTION_WORDS, WORD, verbs

_TERMINAL = re.compile(r"""[.!?…؟।]["'”’»«“›‹)\]]*$|[.!?]''$""")

# Markup removed from a block, as (pattern, group kept); the rest of a block stays verbatim.
_HEADING_MARK = re.compile(r"\s{0,3}#{1,6}\s+")
_BULLET_MARK = re.compile(r"\s*(?:[-*+•·▪◦‣●■□–—]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")
_QUOTE_MARK = re.compile(r"\s*>\s?")
_INLINE_MARKUP = re.compile(
    r"\*\*|__|~~"  # bold, strike-through
    r"|(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])"  # *emphasis*
    r"|!?\[(?=[^\]\n]*\]\()|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"  # [link text](url) keeps the text
)
_MARKUP_CHARACTER = re.compile(r"[*_~\[\]]")  # each piece of inline markup has one
# A code span is a run of backticks closed by an equal run; its text stays, its backticks go.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)[^\n]+?(?<!`)\1(?!`)")
# News corpora (AP, LDC) write quotations ``like this'': there a backtick is a quotation mark.
_TEX_QUOTE = re.compile(r"``[^`\n]*?''|`[^`'\n]+'(?!\w)")
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3},?\s*)"  # BEIRUT / WASHINGTON, D.C.
    # and its day: "LONDON, March 6 (Reuters) -", "VARNA, Bulgaria, March 6, 2024 (AP) —", "PARIS, 6 March -"
    rf"(?:(?i:{alternation(m[:3] for m in MONTHS)})[a-z]*\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?,?\s*"
    rf"|\d{{1,2}}\s+(?i:{alternation(m[:3] for m in MONTHS)})[a-z]*\.?(?:\s+\d{{4}})?,?\s*)?"
    r"(?:\((?:AP|AFP|Reuters|UPI|dpa|Xinhua|CNN|Bloomberg|[A-Z][A-Za-z ]{0,20})\)\s*)?"  # (Reuters)
    r"(?:[-—–_]{1,2}|:)\s+(?=[A-Z\"“`'‘])"
)

_BYLINE = re.compile(
    r"^(?:by|written by|reporting by|reported by|posted by|edited by|story by|words by|with reporting by)\s+\S"
    r"|^(?:published|updated|posted|last updated|first published)\b"
    r"|^(?:copyright|©|\(c\)\s)|all rights reserved",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^(?:photo|image|picture|caption|video|file photo|credit|source|graphic|illustration)s?\s*(?:credit)?\s*[:|/-]"
    r"|\((?:photo|image|picture)\b|\b(?:getty images|ap photo|afp photo|reuters/|epa/|shutterstock)\b",
    re.IGNORECASE,
)
_KEYWORD_LABEL = re.compile(r"^(?:tags?|keywords?|topics?|related|categories|filed under|more on)\s*:", re.IGNORECASE)
# A date line: "Monday, 3 March 2024", "Sept. 11, 2001", "2024-03-03" (names by their first
# three letters, abbreviated or not).
_DATE_ONLY = re.compile(
    rf"^(?:{alternation(d[:3] for d in WEEKDAYS)}[a-z]*,?\s+)?(?:\d{{1,2}}\s+)?"
    rf"{alternation(m[:3] for m in MONTHS)}[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|^\d{4}-\d{2}-\d{2}",
    re.IGNORECASE,
)
# One phrase of a keyword run: up to six words, then a slash.
_KEYWORD = re.compile(r"([^/\n]{1,60}?)\s*/\s*")
_LABEL_PREFIX = re.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}:\s")
# Where a sentence may end inside a paragraph: terminal punctuation, closers, then a space.
_SENTENCE_END = re.compile(r"""[.!?…؟।]["'”’»«“›‹)\]]*\s+""")
_MAX_TITLE_WORDS = 30  # a longer "heading" is a paragraph that lost its punctuation, never a title
_RUN_ON_SENTENCES = 2  # full sentences that make an unterminated paragraph prose
_RUN_ON_WORDS = 25
_LEADERS = re.compile(r"\.{5,}|_{4,}")  # "EXPOSURE ........ 5.02%" (not an ellipsis "....")


def parse_blocks(source: Source, index: int, language: str = "english") -> list[Block]:
    """Classified blocks of one source, in order, each repeated paragraph once."""
    blocks: list[Block] = []
    seen: set[str] = set()
    previous = None
    for start, end in _paragraph_spans(source.text):
        block = _classify(source.text, start, end, index, previous, language)
        if block is None:
            continue
        previous = block.kind
        key = " ".join(block.text.casefold().split())
        if key not in seen:
            seen.add(key)
            blocks.append(block)
    return blocks


def source_title(blocks: list[Block]) -> str:
    """The source's headline: its first heading that reads like a title, else its first heading.

    Only headings above the second paragraph of body text count: later ones head sections; so
    does a heading over a list ("Quick Looks", "Key points:"), which labels the list.
    """
    body = [i for i, b in enumerate(blocks) if b.kind is BlockKind.BODY]
    top = range(body[1] if len(body) > 1 else len(blocks))
    headings = [blocks[i].text.strip() for i in top if blocks[i].kind is BlockKind.HEADLINE
                and not (i + 1 < len(blocks) and blocks[i + 1].kind is BlockKind.LIST_ITEM)
                and not blocks[i].text.rstrip().endswith(":")]
    titles = [h for h in headings if not h.endswith(".") and len(h.split()) <= 20]
    headings = [h for h in headings if len(h.split()) <= _MAX_TITLE_WORDS]
    return (titles or headings or [""])[0]


def drop_reason(blocks: list[Block]) -> str | None:
    """Why a source gives no sentence of article text (None when it gives some): what it holds."""
    if any(b.kind is BlockKind.BODY for b in blocks):
        return None
    if any(b.kind is BlockKind.LIST_ITEM and _has_full_sentence(b.text) for b in blocks):
        return None
    if not blocks:
        return "no sentences of article text found (the text is empty)"
    counts: dict[str, int] = {}
    for block in blocks:
        name = _KIND_NAMES[block.kind]
        counts[name] = counts.get(name, 0) + 1
    held = ", ".join(f"{n} {name}{'s' if n > 1 else ''}" for name, n in counts.items())
    return f"no sentences of article text found (only {held})"


def is_full_sentence(text: str) -> bool:
    """A sentence that can stand alone in a briefing: capitalised, complete, no label prefix."""
    text = text.strip()
    return bool(
        text
        # Scripts without case (Arabic, Hindi) start sentences with any letter.
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'`„‚«»‹›¿¡"
             or text[0].isalpha() and not text[0].islower())
        and _TERMINAL.search(text)
        and not text.endswith(":")
        and not _LABEL_PREFIX.match(text)
    )


_KIND_NAMES = {BlockKind.HEADLINE: "headline", BlockKind.BYLINE: "byline or sign-off",
               BlockKind.KEYWORDS: "keyword line", BlockKind.CAPTION: "caption",
               BlockKind.LIST_ITEM: "list item", BlockKind.BODY: "paragraph"}
_AFTER_A_SENTENCE = "after a sentence: "


@lru_cache(maxsize=None)
def _patterns(name: str, alone: bool = True) -> tuple[re.Pattern[str], ...]:
    """The regular expressions of a data file, one a line ("#" comments); with ``alone`` false,
    also those marked "after a sentence: " (they match only after a sentence of the paragraph)."""
    lines = (Path(__file__).resolve().parent.parent / "data" / name).read_text(encoding="utf-8").splitlines()
    patterns = []
    for line in (line.strip() for line in lines):
        if line and not line.startswith("#"):
            after = line.startswith(_AFTER_A_SENTENCE)
            if not (after and alone):
                patterns.append(re.compile(line.removeprefix(_AFTER_A_SENTENCE)))
    return tuple(patterns)


def _slug_end(text: str) -> int:
    """Length of the wire slugs and editors' notes that open ``text`` (and the space after them)."""
    at = 0
    while True:
        for pattern in _patterns("slugs.txt"):
            m = pattern.match(text, at)
            if m and m.end() > at:
                at = m.end() + len(text[m.end():]) - len(text[m.end():].lstrip())
                break
        else:
            return at


def _trailer_start(text: str) -> int | None:
    """Where a trailer closing ``text`` starts: the part after its last sentence end, if a
    pattern of data/trailers.txt finds one there (0: the whole text is one)."""
    if _TERMINAL.search(text):  # ends like a sentence: no trailer after it
        return None
    ends = list(_SENTENCE_END.finditer(text))
    start = ends[-1].end() if ends else 0
    tail = text[start:]
    if tail and any(p.search(tail) for p in _patterns("trailers.txt", alone=start == 0)):
        return start
    return None


def _has_full_sentence(text: str, language: str = "english") -> bool:
    return any(is_full_sentence(text[s:e]) for s, e in sentence_spans(text, language))


def _run_on(text: str, language: str) -> bool:
    """Prose without a sentence end at its end: three full sentences (of four words or more), or
    two in 25 words or more."""
    if len(text.split()) < 12 or _LEADERS.search(text):  # (a table set with leaders is none)
        return False
    needed = _RUN_ON_SENTENCES if len(text.split()) >= _RUN_ON_WORDS else _RUN_ON_SENTENCES + 1
    full = 0
    for start, end in sentence_spans(text, language):
        sentence = text[start:end]
        full += len(sentence.split()) >= 4 and is_full_sentence(sentence)
        if full >= needed:
            return True
    return False


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the source's paragraphs: one a line, or blank-line groups in hard-wrapped text."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if text[m.start():m.end()].strip()]
    if _hard_wrapped(text, lines):
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text)]
        return spans
    return lines


def paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text`` as read (``_paragraph_spans``), a hard-wrapped one's lines joined."""
    return [" ".join(text[start:end].split()) for start, end in _paragraph_spans(text)]


def runs_on(before: str, after: str) -> bool:
    """Whether a line break between ``before`` and ``after`` falls inside a sentence: ``before``
    does not end like one and ends in a comma or a word no sentence ends in ("on", "the", "and":
    ``data/clause.json``), or ``after`` goes on in lower case ("closed,<br>the police said")."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after or _TERMINAL.search(before) or before.endswith(":"):
        return False
    last = WORD.findall(before[-40:])
    return (before[-1] in ",;(–—-" or after[0].islower()
            or bool(last) and last[-1] in FUNCTION_WORDS)


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    # Wrapped text has short lines that mostly stop mid-sentence, and blank lines between its
    # paragraphs; one-line paragraphs end in punctuation.
    if len(lines) < 4 or "\n\n" not in text:
        return False
    lengths = [end - start for start, end in lines]
    if max(lengths) > 100:
        return False
    mid_sentence = sum(not _TERMINAL.search(text[s:e].rstrip()) for s, e in lines)
    return mid_sentence >= 0.5 * len(lines)


def _classify(raw: str, start: int, end: int, index: int, previous: BlockKind | None,
              language: str = "english") -> Block | None:
    """Strip a paragraph's markup and say what it is."""
    cuts: list[tuple[int, int]] = []  # spans of raw to drop
    at = start
    kind = None
    marks = ((_QUOTE_MARK, None), (_HEADING_MARK, BlockKind.HEADLINE), (_BULLET_MARK, BlockKind.LIST_ITEM))
    for mark, mark_kind in marks:
        m = mark.match(raw, at, end)
        if m and m.end() > at:
            cuts.append((at, m.end()))
            at = m.end()
            kind = kind or mark_kind
    whole = raw[at:end].strip()
    emphasised = len(whole) > 4 and (
        (whole.startswith("**") and whole.endswith("**") and "**" not in whole[2:-2])
        or (whole.startswith("__") and whole.endswith("__") and "__" not in whole[2:-2])
    )
    if _MARKUP_CHARACTER.search(raw, at, end):  # (most paragraphs have none: a quick look first)
        cuts.extend((at + m.start(), at + m.end()) for m in _INLINE_MARKUP.finditer(raw[at:end]))
    if raw.find("`", at, end) >= 0 and not _TEX_QUOTE.search(raw, at, end):
        for m in _CODE_SPAN.finditer(raw, at, end):
            cuts.extend([(m.start(), m.end(1)), (m.end() - len(m.group(1)), m.end())])
    text, pieces = _cut(raw, start, end, cuts)
    if not text.strip():
        return None
    lead = len(text) - len(text.lstrip())
    text_start = start

    if kind is None:
        if emphasised:
            kind = BlockKind.HEADLINE
        else:
            plain = text.strip()
            slug = _slug_end(plain)
            trailer = _trailer_start(plain[slug:])
            if slug == len(plain) or trailer == 0:  # nothing but a slug or a sign-off
                return Block(index, BlockKind.BYLINE, plain, _source_at(pieces, lead, start),
                             _drop_prefix(pieces, lead))
            if trailer is not None:
                text = text[:lead + slug + len(plain[slug:slug + trailer].rstrip())]
                pieces = _drop_suffix(pieces, len(text))
            kind, skip = _kind_of_plain(plain[slug:len(text) - lead], previous, language)
            lead += slug + skip  # a slug, or a keyword run glued to the lede: body text starts after
    if kind is BlockKind.BODY:
        dateline = _DATELINE.match(text[lead:])  # (a pattern's "^" matches at 0 only, never at lead)
        if dateline:
            lead += dateline.end()
    if lead:
        pieces = _drop_prefix(pieces, lead)
        text = text[lead:]
        text_start = pieces[0][1] if pieces else start
    text = text.rstrip()
    return Block(index, kind, text, text_start, pieces)


def _source_at(pieces: tuple[tuple[int, int, int], ...], offset: int, default: int) -> int:
    for text_at, raw_at, length in pieces:
        if offset < text_at + length:
            return raw_at + max(0, offset - text_at)
    return default


def _kind_of_plain(text: str, previous: BlockKind | None, language: str = "english") -> tuple[BlockKind, int]:
    """Kind of a paragraph without block markup, and where body text starts inside it."""
    words = text.split()
    if _KEYWORD_LABEL.match(text):
        return BlockKind.KEYWORDS, 0
    keywords_end = _keyword_run_end(text)
    if keywords_end is not None:
        rest = text[keywords_end:]
        if len(rest.split()) >= 8 and _TERMINAL.search(rest):
            return BlockKind.BODY, keywords_end
        return BlockKind.KEYWORDS, 0
    if _is_list_of_tags(text):
        return BlockKind.KEYWORDS, 0
    if len(words) <= 16 and (_BYLINE.search(text) or _DATE_ONLY.match(text)):
        return BlockKind.BYLINE, 0
    if len(words) <= 40 and _CAPTION.search(text):
        return BlockKind.CAPTION, 0
    if text.endswith(":"):  # a short label is a heading; a longer one leads into a list
        return (BlockKind.HEADLINE if len(words) <= 8 else BlockKind.BODY), 0
    if not _TERMINAL.search(text):
        return (BlockKind.BODY if _run_on(text, language) else BlockKind.HEADLINE), 0
    if text.endswith("?") and len(words) <= 12 and _title_case_share(words) >= 0.6:
        return BlockKind.HEADLINE, 0
    # No verb read strictly ("Rebel forces celebrating in Hama"; "A magnitude 6.1 earthquake struck
    # ..." is the lead); the words are English: in another language a short lead is no caption.
    if (previous is BlockKind.HEADLINE and len(words) <= 16 and language == "english"
            and next(verbs(text, strict=True), None) is None):
        return BlockKind.CAPTION, 0
    return BlockKind.BODY, 0


def _keyword_run_end(text: str) -> int | None:
    """End of a leading run of three or more short slash-separated phrases ("a/ b/ c/ Lede...")."""
    end = 0
    count = 0
    while (m := _KEYWORD.match(text, end)) and len(m.group(1).split()) <= 6 and not _TERMINAL.search(m.group(1)):
        count += 1
        end = m.end()
    return end if count >= 3 else None


def _is_list_of_tags(text: str) -> bool:
    # "Syria, Hama, Assad, rebels, HTS" or "Syria | Middle East | Conflict": short items, no sentence.
    parts = [p for p in re.split(r"\s*[,|;#]\s*", text) if p]
    return (
        len(parts) >= 4
        and all(len(p.split()) <= 4 for p in parts)
        and not _TERMINAL.search(text)
    )


def _title_case_share(words: list[str]) -> float:
    content = [w for w in words if len(w) > 3]
    return sum(w[0].isupper() for w in content) / len(content) if content else 0.0


def _cut(raw: str, start: int, end: int, cuts: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """The text of raw[start:end] without the cut spans, and its pieces (text_at, raw_at, length)."""
    pieces = []
    parts = []
    at = start
    length = 0
    for cut_start, cut_end in sorted(cuts):
        if cut_start > at:
            pieces.append((length, at, cut_start - at))
            parts.append(raw[at:cut_start])
            length += cut_start - at
        at = max(at, cut_end)
    if end > at:
        pieces.append((length, at, end - at))
        parts.append(raw[at:end])
    return "".join(parts), tuple(pieces)


def _drop_suffix(pieces: tuple[tuple[int, int, int], ...], keep: int) -> tuple[tuple[int, int, int], ...]:
    """Pieces of the text's first ``keep`` characters."""
    return tuple((text_at, raw_at, min(length, keep - text_at)) for text_at, raw_at, length in pieces
                 if text_at < keep)


def _drop_prefix(pieces: tuple[tuple[int, int, int], ...], drop: int) -> tuple[tuple[int, int, int], ...]:
    """Pieces of the text after its first ``drop`` characters, re-based to start at 0."""
    kept = []
    for text_at, raw_at, length in pieces:
        if text_at + length <= drop:
            continue
        skip = max(0, drop - text_at)
        kept.append((text_at + skip - drop, raw_at + skip, length - skip))
    return tuple(kept)
