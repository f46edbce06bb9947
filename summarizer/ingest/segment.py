"""Rule-based sentence splitter tuned for news text: English, and other languages by their
abbreviations.

Offline and dependency-free: no models, no downloads.  It runs in linear time: the only
regexes are anchored on runs of terminal punctuation, blank lines, list markers or whitespace,
and every look at a neighbouring word is capped at ``_WINDOW`` characters.

A boundary is considered only where ``.``, ``!``, ``?`` or ``…`` (possibly followed by closing
quotes or brackets) is followed by whitespace or the end of the text; a blank line is always a
boundary, and so is the next marker of an inline list ("1) Eggs 2) Milk").  Whether a candidate
splits depends on the word before it and the word after it.  The rules were checked against
text nobody here wrote (pySBD's Golden Rules, Universal Dependencies treebanks): see
benchmarks/splitters.py.  Other languages read their abbreviations from
summarizer/data/abbreviations/<language>.txt (see the README there), and take their stopwords for
the words that open a sentence; quotation marks of every language („…“ »…« «…» ‹…›) are known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

# Closing quotes and brackets that belong to the sentence they follow: `."`, `.)`, `?''`, `.’`;
# also Markdown emphasis left in raw text (`.**`) and opening quotes typed as closing ones
# (`decision.“ However`): after a period and before a space they can only close.
# Guillemets close in one language and open in another (»Zitat« / « citation »), so both count
# as both.
_CLOSERS = "\"'”’»)]}*“‘«›‹"
# Opening quotes and brackets that may precede the first word of a sentence: "`` '‘“(**",
# „ ‚ « » ‹ ›, and Spanish ¿ ¡.
_OPENERS = "\"'`“‘«([{*„‚»‹›¿¡"
_QUOTES = "\"'`“‘„‚«»‹›"
# Bullets that may precede a numbered or lettered list item: "• 9. Bread", "⁃10. Rice".
_BULLETS = "•⁃‣◦▪"

# A run of terminal punctuation (with Arabic ؟ and the Devanagari danda ।) plus closers (French
# sets a space before its closing guillemet: "« C'est fini. » Puis") that is followed by
# whitespace or the end, with
# any reference marks that belong to the sentence ("...in 1805.[6]", "...in 1805. [6] [7]").
# The lookahead + backreference makes the run atomic (no backtracking into it) and the
# lookbehind starts it only at the beginning of a run, so 1 MB of dots is one cheap match; the
# reference marks after a run belong to it alone, so trying them is linear too.
_CANDIDATE = re.compile(
    rf"(?<![.!?…؟।])(?=([.!?…؟।]+[{re.escape(_CLOSERS)}]*(?:[^\S\n][»›](?!\S))?))\1"
    rf"(?:[^\S\n]?\[\d{{1,3}}\])*(?!\S)"
)
# A blank line (two line breaks, maybe with spaces between) and the space after it: a
# paragraph break, always a boundary.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_SPACE = re.compile(r"\s*")
# The marker of a list item at the start of a block: optional bullet, a number or a lowercase
# letter, then ".", ")" or ".)" — "1. ", "2) ", "a. ", "• 9. ", "⁃10. ".
_ITEM = re.compile(rf"([{_BULLETS}]\s?)?(\d{{1,3}}|[a-z])(\.\)|\)|\.)(?=\s)")
# The pronoun "I" (I'm, I'd, I've, I'll): capitalized inside a sentence, so after an ellipsis
# it does not show that a new sentence began ("the thing is . . . I didn't mean it").
_PRONOUN_I = re.compile(r"I(?:['’][a-z]{1,2})?\b")
# Dotted acronyms and initialisms: U.S, U.N, E.U, a.m, p.m, N.Y (the last dot is the candidate).
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# Camel-case words that are written in lower case even at the start of a sentence: iPhone, eBay.
_CAMEL = re.compile(r"[a-z]+[A-Z]")
# Lowercase letters without a vowel are no word, so before a lowercase word they are taken as an
# abbreviation ("bldg. and"); before a capital they end like a word ("90 mph. Roofs").
_NO_VOWEL = re.compile(r"[b-df-hj-np-tv-xz]+")
_WORD = re.compile(r"\w+")
_INITIAL = re.compile(r"[^\W\d_]\.")
_ELIDED = re.compile(r"^[^\W\d_]{1,5}['’](?=[^\W\d_])")  # l', dell', d’, qu
# Neighbouring words longer than this are not abbreviations; the cap keeps the scan linear.
_WINDOW = 48

# Abbreviations that are never the end of a sentence in news copy: titles before a name and
# Latin forms that always continue (e.g., i.e., vs., v. in "Roe v. Wade", c. 1230).
_NEVER_FINAL = frozenset(
    """Mr Mrs Ms Messrs Mmes Mme Mlle Dr Drs Prof Gen Gens Lt Col Maj Capt Cpt Sgt Cpl Pvt Pfc
    Adm Cmdr Cdr Brig Gov Govs Sen Sens Rep Reps Atty Supt Det Insp Rev Msgr Hon Rt Pres Sec
    Amb Fr Sra Srta Ald e.g i.e vs v cf approx viz ca c""".split()
)
# Abbreviations that usually continue but can end a sentence ("...bought Acme Corp. The deal"):
# company and name suffixes, street words, AP state abbreviations, and lowercase forms that are
# no English word (co., st., est., incl.).  They split only when the next word is a typical
# sentence opener (see _OPENER_WORDS).  Dotted acronyms (U.S.) and single capital initials
# (George W. Bush) are treated the same way.
_MAYBE_FINAL = frozenset(
    """Inc Corp Co Cos Ltd Plc Bros Jr Sr Esq Ph.D etc al St Ste Ave Blvd Rd Hwy Mt Ft Sq
    Dept Univ Assn Assoc Asst Natl Intl Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans
    Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo
    co cos corp inc ltd jr sr ave blvd dept est incl approx govt misc yr yrs hr hrs mos wk wks
    lb lbs oz sq mt ft tel""".split()
)
# Abbreviations that continue when a number follows (No. 3, Vol. 2, p. 12, Jan. 5, Sept. 11,
# ext. 37625, N°. 12) and otherwise end like a plain word ("he said no.", "...fell in Nov.").
_BEFORE_NUMBER = frozenset(
    """No Nos N° Nº Art Vol Vols p pp Fig Ch Para Pt Ex no nos vol fig ext
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()
)
# After "a.m."/"p.m." a capitalized word inside the sentence is a day, month or time zone
# ("2 a.m. Sunday", "9 p.m. EDT", "8 p.m. Eastern"); any other capital opens a new sentence.
_TIMES = frozenset("a.m p.m A.M P.M".split())
_AFTER_TIME = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep
    Sept Oct Nov Dec Eastern Central Mountain Pacific Atlantic Greenwich""".split()
)
# A sentence cannot be just a time phrase: "At 5 a.m. Mr. Smith went" goes on.
_TIME_PREPOSITIONS = frozenset("at by until till before after around about from since".split())

# Words that typically open a sentence and are unlikely to follow "U.S." or "Inc." inside one
# (where a capitalized noun or name would: "U.S. Embassy", "Acme Inc. Chief Executive").
_OPENER_WORDS = frozenset(
    """the a an this that these those there here it its he she his her they their them we our
    i you your my but and or so yet nor if when while where what why how who whom which whose
    after before since as at in on for from with without by during under over among despite
    although though because however meanwhile moreover still also instead then now later
    earlier last next some many most several both each every all no not one two three such
    other another according asked until unless once even only more
    did does do is are was were has have had would could should""".split()
)

# Every listed abbreviation (without its final period), for tools that take one list.
ABBREVIATIONS = _NEVER_FINAL | _MAYBE_FINAL | _BEFORE_NUMBER | _TIMES

_ABBREVIATION_FILES = Path(__file__).resolve().parent.parent / "data" / "abbreviations"
_KINDS = ("never", "maybe", "number")  # the sections of a file that list abbreviations


@dataclass(frozen=True)
class _Rules:
    """A language's abbreviations by kind (without their final period) and its sentence openers."""

    never: frozenset[str] = _NEVER_FINAL
    maybe: frozenset[str] = _MAYBE_FINAL
    number: frozenset[str] = _BEFORE_NUMBER
    openers: frozenset[str] = _OPENER_WORDS
    # Abbreviations of several words ("z. B", "EE. UU") -> kind, and the first words of each
    # ("z.", "i. d."): no sentence ends inside one.
    spaced: dict[str, str] = field(default_factory=dict)
    spaced_starts: frozenset[str] = frozenset()
    ordinal_dot: bool = False  # "am 3. März": a short number with a period may be an ordinal
    elision: bool = False  # an article may be written onto the word before the period ("dell'art.")


@lru_cache(maxsize=None)
def _rules(language: str) -> _Rules:
    """English's tuned lists above; another language's from its data file, with its stopwords as
    the words that open a sentence."""
    if language == "english":
        return _Rules()
    from .language import stop_words  # the lists of the package that ships them

    kinds: dict[str, set[str]] = {kind: set() for kind in _KINDS}
    spaced: dict[str, str] = {}
    options: set[str] = set()
    path = _ABBREVIATION_FILES / f"{language}.txt"
    section = None
    for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else ():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            if section not in (*_KINDS, "options"):
                raise ValueError(f"{path}: unknown section [{section}]")
        elif section == "options":
            options.add(line)
        else:
            entry = line.removesuffix(".")
            if " " in entry:
                spaced[entry] = section
            kinds[section].add(entry.replace(" ", ""))  # also written together: "z.B."
    starts = {" ".join(words[:n]) for words in map(str.split, spaced) for n in range(1, len(words))}
    # English abbreviations come along where the language's file does not list them otherwise:
    # news in any language writes English names (Mr. Frost, Warner Bros., St. John).
    listed = set().union(*kinds.values())
    return _Rules(never=frozenset(kinds["never"] | (_NEVER_FINAL - listed)),
                  maybe=frozenset(kinds["maybe"] | (_MAYBE_FINAL - listed)),
                  number=frozenset(kinds["number"] | (_BEFORE_NUMBER - listed)),
                  openers=stop_words(language), spaced=spaced, spaced_starts=frozenset(starts),
                  ordinal_dot="ordinal-dot" in options, elision=True)


def _is_listed(word: str, names: frozenset[str]) -> bool:
    """Whether ``word`` is in ``names`` as written, or as a title-case form of all-caps (INC)."""
    return word in names or (word.isupper() and word.title() in names)


def _kind(word: str, rules: _Rules) -> str:
    """Classify the word before a period: 'never', 'time', 'maybe', 'number' or 'word'."""
    if _is_listed(word, rules.never):
        return "never"
    if word in _TIMES:
        return "time"
    if _is_listed(word, rules.maybe) or _ACRONYM.fullmatch(word):
        return "maybe"
    if len(word) == 1 and word.isupper():  # an initial: J. Mansour, George W. Bush
        return "maybe"
    if _is_listed(word, rules.number):
        return "number"
    if "-" in word:  # the last part decides: "R-Wis.", "then-U.S.", "U.S.-U.K."
        return _kind(word.rsplit("-", 1)[1], rules)
    return "word"


def _spaced_kind(pieces: list[str], nxt: str, rules: _Rules) -> str | None:
    """The kind of a candidate inside an abbreviation of several words ('never': "z." before
    "B."), or at the end of one (its kind: "z. B"); None elsewhere."""
    for n in range(1, min(len(pieces), 3) + 1):
        words = " ".join(pieces[-n:]).lstrip(_OPENERS)
        if f"{words}. {nxt.removesuffix('.')}" in rules.spaced or f"{words}. {nxt}" in rules.spaced_starts:
            return "never"
        if words in rules.spaced:
            return rules.spaced[words]
    return None


def _spaced_dots_before(pieces: list[str]) -> int:
    """How many dots end ``pieces`` as a spaced ellipsis (". . ."), counting an attached one."""
    count = 0
    for piece in reversed(pieces):
        if piece != ".":
            return count + piece.endswith(".")
        count += 1
    return count


def _splits_before_lowercase(run: str, word: str, kind: str, nxt: str) -> bool:
    """Whether a candidate ends its sentence although the next word is lowercase.

    News keeps going after a closing quote (`?" he asked`), an ellipsis, an abbreviation
    ("a.m. on", "etc. were", "bldg. and") or before a quoted or bracketed fragment
    (`. "but I find`, ". [end recording]"); web text often starts sentences in lowercase, so
    after a plain word a period or question mark ends it.
    """
    dots = run.rstrip(_CLOSERS)
    if (len(dots) < len(run) or len(dots.strip("!?")) > 1 or "…" in dots
            or nxt[0] in _OPENERS):
        return False
    if "!" in dots:  # "Yahoo! in the accounting department", but "It was fab! so go"
        return not word[:1].isupper()
    if "?" in dots:
        return True
    # Not the end of ". . . and"; lowercase without a vowel is no word ("bldg.", "pls.").
    return kind == "word" and bool(word) and not _NO_VOWEL.fullmatch(word)


def _splits(text: str, start: int, m: re.Match[str], nxt: str, rules: _Rules) -> bool:
    """Decide whether candidate ``m`` (inside the sentence that began at ``start``) ends it.

    ``nxt`` is the beginning of the next whitespace-separated token (never empty).
    """
    run = "".join(m.group(1).split())  # ". »" as ".»"
    i = m.start()
    # A next token that starts with continuing punctuation keeps the sentence going: a dash in a
    # dateline ("Calif. — Police"), a comma, the rest of a spaced ellipsis (". . ."), a closer.
    # A spaced French guillemet closes ("« Oui. », dit-il"); a German one opens a word ("»Das").
    if (nxt[0] in ",;:)]}-–—.…%/&!?”’" or nxt.startswith("''")
            or nxt[0] in "»›" and not nxt[1:2].isalnum()):
        return False
    # An omission mark inside brackets is not an ending: "Bohr [...] used".
    if run.startswith("...]") and text[i - 1 : i] == "[":
        return False

    # The word before the candidate (bounded window, no quotes, brackets or bullets around it).
    bare_next = nxt.lstrip(_OPENERS)
    first = bare_next[:1] or nxt[0]
    lo = max(start, i - _WINDOW)
    window = text[lo:i]
    pieces = window.split()
    token = pieces[-1] if pieces and not window[-1].isspace() else ""
    if lo > start and len(token) == len(window):  # longer than the window: not an abbreviation
        return True
    word = token.strip(_OPENERS + _CLOSERS + _BULLETS)
    if rules.elision:  # "dell'art. 941", "l’av. J.-C.": the abbreviation follows the article
        word = _ELIDED.sub("", word)
    kind = ((rules.spaced and _spaced_kind(pieces, nxt, rules)) or _kind(word, rules)) if word else "word"
    # "am 3. März", "den 3. marts": an ordinal, unless a sentence opener follows ("auf 12. Die").
    if rules.ordinal_dot and run == "." and word.isdigit() and len(word) <= 2:
        following = _WORD.match(bare_next)
        if following is not None and following.group().lower() not in rules.openers:
            return False
    # A lowercase word usually continues the sentence, except camel-case names that are
    # lowercase even at the start of a sentence (iPhone).
    if first.islower() and not _CAMEL.match(bare_next):
        return _splits_before_lowercase(run, word, kind, nxt)
    # ! and ? are unambiguous otherwise.
    if "!" in run or "?" in run:
        return True
    # An ellipsis before a capital (or digit) is taken as the end of a sentence, except before
    # a bare "I"; four dots (a period and an ellipsis: "complex. . . .", "that....") always end
    # one.
    dots = len(run.rstrip(_CLOSERS)) + (_spaced_dots_before(pieces) if not word else 0)
    if dots > 1 or "…" in run:
        return dots > 3 or nxt[0] in _QUOTES or not _PRONOUN_I.match(bare_next)
    if not word:  # a lone detached period: "It ended . The next"
        return True

    if kind == "never":
        return False
    if first.isdigit():
        # Digits rarely open a sentence in news (AP spells them out), but do after a plain
        # word ("in 1950. 20 years later"); after an abbreviation they are a date or number.
        return kind == "word"
    # A numbered or lettered item at the start of a sentence: "1. Prices rose", "Q. Why?",
    # "• 9. The first item".
    if lo == start and (len(pieces) == 1 or len(pieces) == 2 and pieces[0] in _BULLETS) and (
        word.isdigit() and len(word) <= 3 or len(word) == 1
    ):
        return False
    w = _WORD.match(bare_next)
    if kind == "time":
        if lo == start and len(pieces) <= 3 and pieces[0].lower() in _TIME_PREPOSITIONS:
            return False
        zone = w is not None and len(w.group()) > 1 and w.group().isupper()  # EDT, GMT, ET
        return not (zone or (w is not None and w.group() in _AFTER_TIME))
    if kind == "maybe":
        # "...in the U.S. The president said" splits, "U.S. Embassy" and "Inc. Chief" don't;
        # an opening quote after the abbreviation also marks a new sentence.
        # An initial before another initial goes on: "V. V. Petrov", "J. A. Smith".
        if _INITIAL.fullmatch(nxt):
            return False
        return (w is not None and w.group().lower() in rules.openers) or nxt[0] in _QUOTES
    return True


@lru_cache(maxsize=64)
def _next_item(bullet: str, label: str, delimiter: str) -> re.Pattern[str]:
    """The marker of the item after ``label`` in an inline list, in the same style."""
    following = str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
    return re.compile(rf"(?<=\s){re.escape(bullet)}{following}{re.escape(delimiter)}(?=\s)")


def _item_starts(text: str, start: int, end: int) -> list[int]:
    """Where the items of an inline list begin, when the block opens with a list marker.

    "1) The first item 2) The second item" is two sentences although nothing ends the first.
    Only the next number or letter in the same style counts, so "1. Prices rose 2 percent"
    stays whole.  Each search starts where the last one ended: linear.
    """
    m = _ITEM.match(text, start, end)
    if m is None:
        return []
    bullet, label, delimiter = m.group(1) or "", m.group(2), m.group(3)
    starts = []
    pos = m.end()
    while (m := _next_item(bullet, label, delimiter).search(text, pos, end)) is not None:
        starts.append(m.start())
        pos = m.end()
        label = m.group()[len(bullet) : -len(delimiter)]
    return starts


def _spans_of_piece(text: str, start: int, end: int, spans: list[tuple[int, int]], rules: _Rules) -> None:
    """Append the sentences of ``text[start:end]``, a piece no blank line or list item cuts."""
    start = _SPACE.match(text, start, end).end()
    for m in _CANDIDATE.finditer(text, start, end):
        j = _SPACE.match(text, m.end(), end).end()
        if j >= end:
            break  # the candidate ends the piece; handled below
        nxt = text[j : j + _WINDOW].split(None, 1)[0]
        if _splits(text, start, m, nxt, rules):
            spans.append((start, m.end()))
            start = j
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_spans(text: str, language: str = "english") -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``; whitespace around them is excluded."""
    rules = _rules(language)
    spans: list[tuple[int, int]] = []
    block_start = 0
    blocks = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)] + [(len(text), len(text))]
    for block_end, next_block in blocks:
        start = _SPACE.match(text, block_start, block_end).end()
        for item_start in _item_starts(text, start, block_end):
            _spans_of_piece(text, start, item_start, spans, rules)
            start = item_start
        _spans_of_piece(text, start, block_end, spans, rules)
        block_start = next_block
    return spans


def split_sentences(text: str, language: str = "english") -> list[str]:
    """The sentences of ``text``, verbatim, in order."""
    return [text[s:e] for s, e in sentence_spans(text, language)]
