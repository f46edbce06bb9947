"""Rule-based English sentence splitter tuned for news text.

Offline and dependency-free: no models, no downloads.  It runs in linear time: the only
regexes are anchored on runs of terminal punctuation, blank lines or whitespace, and every
look at a neighbouring word is capped at ``_WINDOW`` characters.

A boundary is considered only where ``.``, ``!``, ``?`` or ``…`` (possibly followed by closing
quotes or brackets) is followed by whitespace or the end of the text; a blank line is always a
boundary.  Whether a candidate splits depends on the word before it and the word after it.
"""

from __future__ import annotations

import re

# Closing quotes and brackets that belong to the sentence they follow: `."`, `.)`, `?''`, `.’`;
# also Markdown emphasis left in raw text (`.**`).
_CLOSERS = "\"'”’»)]}*"
# Opening quotes and brackets that may precede the first word of a sentence: "`` '‘“(**".
_OPENERS = "\"'`“‘«([{*"
_TERMINALS = ".!?…"

# A run of terminal punctuation plus closers that is followed by whitespace or the end.  The
# lookahead + backreference makes the run atomic (no backtracking into it) and the lookbehind
# starts it only at the beginning of a run, so 1 MB of dots is one cheap match, not O(n^2).
_CANDIDATE = re.compile(rf"(?<![.!?…])(?=([.!?…]+[{re.escape(_CLOSERS)}]*))\1(?!\S)")
# A blank line (two line breaks, maybe with spaces between) and the space after it: a
# paragraph break, always a boundary.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_SPACE = re.compile(r"\s*")
# Dotted acronyms and initialisms: U.S, U.N, E.U, a.m, p.m, N.Y (the last dot is the candidate).
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# Camel-case words that are written in lower case even at the start of a sentence: iPhone, eBay.
_CAMEL = re.compile(r"[a-z]+[A-Z]")
_WORD = re.compile(r"\w+")
# Neighbouring words longer than this are not abbreviations; the cap keeps the scan linear.
_WINDOW = 48

# Abbreviations that are never the end of a sentence in news copy: titles before a name and
# Latin forms that always continue (e.g., i.e., vs., v. in "Roe v. Wade").
_NEVER_FINAL = frozenset(
    """Mr Mrs Ms Messrs Mmes Mme Mlle Dr Drs Prof Gen Gens Lt Col Maj Capt Cpt Sgt Cpl Pvt Pfc
    Adm Cmdr Cdr Brig Gov Govs Sen Sens Rep Reps Atty Supt Det Insp Rev Msgr Hon Rt Pres Sec
    Amb Fr Sra Srta Ald e.g i.e vs v cf approx viz ca""".split()
)
# Abbreviations that usually continue but can end a sentence ("...bought Acme Corp. The deal"):
# company and name suffixes, street words, AP state abbreviations, etc.  They split only when
# the next word is a typical sentence opener (see _OPENER_WORDS).  Dotted acronyms (U.S.) and
# single capital initials (George W. Bush) are treated the same way.
_MAYBE_FINAL = frozenset(
    """Inc Corp Co Cos Ltd Plc Bros Jr Sr Esq Ph.D etc al St Ste Ave Blvd Rd Hwy Mt Ft Sq
    Dept Univ Assn Natl Intl Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md
    Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo""".split()
)
# Abbreviations that continue when a number follows (No. 3, Vol. 2, p. 12, Jan. 5, Sept. 11)
# and otherwise end like a plain word ("he said no.", "...fell in Nov. Economists said").
_BEFORE_NUMBER = frozenset(
    """No Nos Art Vol Vols p pp Fig Ch Para Pt Ex
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

# Words that typically open a sentence and are unlikely to follow "U.S." or "Inc." inside one
# (where a capitalized noun or name would: "U.S. Embassy", "Acme Inc. Chief Executive").
_OPENER_WORDS = frozenset(
    """the a an this that these those there here it its he she his her they their them we our
    i you your my but and or so yet nor if when while where what why how who whom which whose
    after before since as at in on for from with without by during under over among despite
    although though because however meanwhile moreover still also instead then now later
    earlier last next some many most several both each every all no not one two three such
    other another according asked until unless once even only more""".split()
)


def _is_listed(word: str, names: frozenset[str]) -> bool:
    """Whether ``word`` is in ``names`` as written, or as a title-case form of all-caps (INC)."""
    return word in names or (word.isupper() and word.title() in names)


def _kind(word: str) -> str:
    """Classify the word before a period: 'never', 'time', 'maybe', 'number' or 'word'."""
    if _is_listed(word, _NEVER_FINAL):
        return "never"
    if word in _TIMES:
        return "time"
    if _is_listed(word, _MAYBE_FINAL) or _ACRONYM.fullmatch(word):
        return "maybe"
    if len(word) == 1 and word.isupper():  # an initial: J. Mansour, George W. Bush
        return "maybe"
    if _is_listed(word, _BEFORE_NUMBER):
        return "number"
    return "word"


def _splits(text: str, start: int, m: re.Match[str], nxt: str) -> bool:
    """Decide whether candidate ``m`` (inside the sentence that began at ``start``) ends it.

    ``nxt`` is the beginning of the next whitespace-separated token (never empty).
    """
    run = m.group(1)
    bare_next = nxt.lstrip(_OPENERS)
    first = bare_next[:1] or nxt[0]

    # A next token that starts with continuing punctuation keeps the sentence going: a dash in a
    # dateline ("Calif. — Police"), a comma, the rest of a spaced ellipsis (". . ."), a closer.
    if nxt[0] in ",;:)]}-–—.…%/&!?”’" or nxt.startswith("''"):
        return False
    # A lowercase word continues the sentence (`?" he asked.`, `..." she said.`, "a.m. on"),
    # except camel-case names that are lowercase even at the start of a sentence (iPhone).
    if first.islower() and not _CAMEL.match(bare_next):
        return False
    # ! and ? are unambiguous otherwise.
    if "!" in run or "?" in run:
        return True
    # An ellipsis before a capital (or digit) is taken as the end of a sentence.
    if len(run.rstrip(_CLOSERS)) > 1 or "…" in run:
        return True

    # A single period: look at the word before it (bounded window, no leading quotes/brackets).
    i = m.start()
    lo = max(start, i - _WINDOW)
    window = text[lo:i]
    pieces = window.split()
    if not pieces:  # " . The": a detached period, as in a spaced ellipsis; split.
        return True
    token = pieces[-1]
    if lo > start and len(token) == len(window):  # longer than the window: not an abbreviation
        return True
    word = token.strip(_OPENERS + _CLOSERS)
    kind = _kind(word)

    if kind == "never":
        return False
    if first.isdigit():
        # Digits rarely open a sentence in news (AP spells them out), but do after a plain
        # word ("in 1950. 20 years later"); after an abbreviation they are a date or number.
        return kind == "word"
    # A numbered or lettered item at the start of a sentence: "1. Prices rose", "Q. Why?".
    if len(pieces) == 1 and lo == start and (word.isdigit() and len(word) <= 3 or len(word) == 1):
        return False
    w = _WORD.match(bare_next)
    if kind == "time":
        zone = w is not None and len(w.group()) > 1 and w.group().isupper()  # EDT, GMT, ET
        return not (zone or (w is not None and w.group() in _AFTER_TIME))
    if kind == "maybe":
        # "...in the U.S. The president said" splits, "U.S. Embassy" and "Inc. Chief" don't;
        # an opening quote after the abbreviation also marks a new sentence.
        return (w is not None and w.group().lower() in _OPENER_WORDS) or nxt[0] in "\"'`“‘"
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``; whitespace around them is excluded."""
    spans: list[tuple[int, int]] = []
    block_start = 0
    blocks = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)] + [(len(text), len(text))]
    for block_end, next_block in blocks:
        start = _SPACE.match(text, block_start, block_end).end()
        for m in _CANDIDATE.finditer(text, start, block_end):
            j = _SPACE.match(text, m.end(), block_end).end()
            if j >= block_end:
                break  # the candidate ends the block; handled below
            nxt = text[j : j + _WINDOW].split(None, 1)[0]
            if _splits(text, start, m, nxt):
                spans.append((start, m.end()))
                start = j
        end = block_end
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
        block_start = next_block
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, verbatim, in order."""
    return [text[s:e] for s, e in sentence_spans(text)]
