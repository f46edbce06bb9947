"""What every format of a briefing says the same way: its summary line and footer, which sources a
sentence cites (verbatim ones first), and text made safe to show on a terminal or in a file name.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from ..models import Briefing, BriefingSentence, Source

# Characters a terminal or a viewer would act on rather than show: C0 and C1 controls, DEL, the
# bidirectional overrides and isolates ("Trojan Source"), and the lone surrogates by which Python
# carries the bytes of a file name that is not UTF-8.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)


def cited(sentence: BriefingSentence) -> list[tuple[int, bool]]:
    """(source, carries the very text) for each cited source: verbatim ones first."""
    exact = sorted({c.source for c in sentence.citations if c.exact})
    paraphrased = sorted({c.source for c in sentence.citations} - set(exact))
    return [(s, True) for s in exact] + [(s, False) for s in paraphrased]


def later_note(sentence: BriefingSentence) -> str:
    """What a sentence stating a superseded figure is marked with: "later reports: three"."""
    return f"later reports: {'; '.join(sentence.later)}"


def article_sources(briefing: Briefing) -> int:
    """How many of the sources are articles: an update's last source is the earlier briefing."""
    return len(briefing.sources) - (1 if briefing.since is not None and briefing.since.sentences else 0)


def shown_path(source: Source) -> str:
    """A source's path as a briefing shows it: as given, except a bundled sample article, which is
    ``seeds/<name>`` wherever the package is installed; "" when it says no more than the name
    (standard input, a web address, a file named as it is).  Unshowable characters as escapes."""
    if source.path in ("-", source.name) or WEB_ADDRESS.match(source.path):
        return ""
    seeds = _seeds_folder()
    try:
        real = os.path.realpath(source.path)
    except (OSError, ValueError):
        real = ""
    if real.startswith(seeds + os.sep):
        return visible("seeds/" + os.path.relpath(real, seeds).replace(os.sep, "/"))
    return visible(source.path)


@lru_cache(maxsize=1)
def _seeds_folder() -> str:
    from ..ingest.formats import seeds_dir

    return os.path.realpath(seeds_dir())


def summary_line(briefing: Briefing, paraphrase_mark: str, *, local_paths: bool = True) -> str:
    """What the briefing is, for its header; ``paraphrase_mark`` says how paraphrases are shown;
    without ``local_paths`` an earlier briefing is named by its file name only (no folder)."""
    n = article_sources(briefing)
    sources = f"{n} source{'s' if n != 1 else ''}"
    if briefing.since is None:
        what = f"A briefing from {sources}"
    else:
        of = f" of {briefing.since.date}" if briefing.since.date else ""
        earlier = briefing.since.path if local_paths else os.path.basename(briefing.since.path.rstrip("/" + os.sep))
        what = (f"An update on the earlier briefing ({visible(earlier)}{of}): what {n} new "
                f"{'source adds' if n == 1 else 'sources add'}, nothing it told again")
    return (f"{what}, {briefing.words} words. "
            "Each sentence is quoted verbatim from the first source cited after it; the other sources "
            f"cited report the same fact, word for word or, {paraphrase_mark}, in their own words.")


def empty_note(briefing: Briefing) -> str:
    """What an empty briefing says instead of sentences."""
    if briefing.since is not None:
        return "Nothing new since the earlier briefing: what the sources report, it told already."
    return "No sentence in the sources could be quoted within the budget."


def footer(briefing: Briefing) -> str:
    budget = []
    if briefing.budget.max_words is not None:
        budget.append(f"{briefing.budget.max_words} words")
    if briefing.budget.max_sentences is not None:
        budget.append(f"{briefing.budget.max_sentences} sentences")
    stats = briefing.stats
    pooled = f"; {int(stats['sentences'])} sentences pooled, {int(stats['passages'])} after deduplication" \
        if "sentences" in stats else ""
    return (f"Algorithm: {briefing.algorithm}. Budget: {' and '.join(budget)} "
            f"(used {briefing.words} words, {len(briefing.sentences)} sentences){pooled}.{language_note(briefing)}")


def language_note(briefing: Briefing) -> str:
    """What a briefing in another language than English leaves out: the figure rules read English."""
    if briefing.language == "english":
        return ""
    return (f" Language: {briefing.language}. Figures are compared in English only, so this briefing "
            "has no \"where sources differ\" or \"how the figures changed\" section.")


def visible(text: str) -> str:
    """``text`` with unshowable characters written as escapes (``\\x1b``, ``\\n``, a file name's
    undecodable byte as ``\\xe9``): for terminal messages and file names, shown, never acted on."""
    return _UNSHOWABLE.sub(_escape_character, text)


def _escape_character(match: re.Match) -> str:
    character = match.group()
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the byte code - 0xDC00 of a file name
        return f"\\x{code - 0xDC00:02x}"
    return _NAMED_ESCAPES.get(character) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
