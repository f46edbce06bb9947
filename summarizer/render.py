"""Render a briefing as Markdown, JSON or HTML (strings only; writing files is output.py's job).

Everything taken from the input (file names, titles, quoted text) is escaped for the format, so
that no heading, list, link, HTML or control character can be injected into the briefing, nor
through it into a terminal.
"""

from __future__ import annotations

import json
import re

from .models import Briefing, BriefingSentence
from .output import BRIEFING_MARKER

# Characters that Markdown would read as markup inside a line of text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
# "&" only where it would start an entity (&lt; &#60;): elsewhere it is plain text.
_ENTITY_START = re.compile(r"&(?=#?\w+;)")
# At the start of a line: a list marker, a setext underline or an ordered-list number.
_BLOCK_START = re.compile(r"^(?:([-+=])|(\d{1,9})([.)]))(?=\s|$)")
# Characters a terminal or a viewer would act on rather than show: C0 and C1 controls, DEL, the
# bidirectional overrides and isolates ("Trojan Source"), and the lone surrogates by which Python
# carries the bytes of a file name that is not UTF-8.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# The same but C0 controls, which json.dumps escapes itself (and "\n" lays out the JSON).
_UNSHOWABLE_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def render(briefing: Briefing, fmt: str) -> str:
    return RENDERERS[fmt](briefing)


def render_markdown(briefing: Briefing) -> str:
    n_sources = len(briefing.sources)
    lines = [f"# {_escape(briefing.title)}", ""]
    lines.append(f"*{summary_line(briefing, 'where marked ~')}*")
    lines.append("")
    if not briefing.sentences:
        lines += ["*No sentence in the sources could be quoted within the budget.*", ""]
    for sentence in briefing.sentences:
        numbers = ", ".join(f"{'' if exact else '~'}{source + 1}" for source, exact in cited(sentence))
        reach = f" *({len(sentence.sources)} of {n_sources} sources)*" if len(sentence.sources) > 1 else ""
        lines += [f"- {_escape(sentence.text)} [{numbers}]{reach}", ""]
    if briefing.disagreements:
        lines += ["## Where sources differ", ""]
        for disagreement in briefing.disagreements:
            claims = "; ".join(
                f"{_escape(c.value)} [{', '.join(str(s + 1) for s in c.sources)}]" for c in disagreement.claims
            )
            lines.append(f"- {_escape(disagreement.topic)}: {claims}")
        lines.append("")
    if briefing.changes:
        lines += ["## How the figures changed", ""]
        for change in briefing.changes:
            steps = "; ".join(f"{_escape(step.value)} ({step.date}) [{', '.join(str(s + 1) for s in step.sources)}]"
                              for step in change.steps)
            lines.append(f"- {_escape(change.topic)}: {steps}")
        lines.append("")
    lines += ["## Sources", ""]
    for number, (source, title) in enumerate(zip(briefing.sources, briefing.source_titles), start=1):
        headline = f" — {_escape(title)}" if title else ""
        lines.append(f"{number}. {_code(source.name)}{headline}")
    lines += ["", "---", "", f"*{footer(briefing)}*", "", BRIEFING_MARKER, ""]
    return "\n".join(lines)


def cited(sentence: BriefingSentence) -> list[tuple[int, bool]]:
    """(source, carries the very text) for each cited source: verbatim ones first."""
    exact = sorted({c.source for c in sentence.citations if c.exact})
    paraphrased = sorted({c.source for c in sentence.citations} - set(exact))
    return [(s, True) for s in exact] + [(s, False) for s in paraphrased]


def render_json(briefing: Briefing) -> str:
    names = [s.name for s in briefing.sources]
    document = {
        "generator": "summarize",  # first: how the loader recognises a briefing (output.JSON_MARKER)
        "title": briefing.title,
        "algorithm": briefing.algorithm,
        "max_words": briefing.budget.max_words,
        "max_sentences": briefing.budget.max_sentences,
        "words": briefing.words,
        "sentences": [
            {
                "text": s.text,
                "sources": [names[i] for i in s.sources],
                "source_numbers": [i + 1 for i in s.sources],
                "reported_by": len(s.sources),
                "score": round(float(s.score), 6),
                "citations": [
                    {"source": names[c.source], "start": c.start, "end": c.end, "text": c.text, "exact": c.exact}
                    for c in s.citations
                ],
            }
            for s in briefing.sentences
        ],
        "disagreements": [
            {"topic": d.topic, "claims": [{"value": c.value, "sources": [names[i] for i in c.sources]}
                                          for c in d.claims]}
            for d in briefing.disagreements
        ],
        "changes": [
            {"topic": c.topic, "steps": [{"value": step.value, "date": step.date,
                                          "sources": [names[i] for i in step.sources]} for step in c.steps]}
            for c in briefing.changes
        ],
        "sources": [
            {"number": i + 1, "name": s.name, "path": s.path, "title": t, "format": s.format, "encoding": s.encoding,
             "date": d}
            for i, (s, t, d) in enumerate(zip(briefing.sources, briefing.source_titles, briefing.source_dates))
        ],
        "stats": briefing.stats,
        "language": briefing.language,
        "language_note": language_note(briefing).strip(),
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return _UNSHOWABLE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render_html(briefing: Briefing) -> str:
    from .render_html import render_html as html  # imported when used: it builds on this module

    return html(briefing)


RENDERERS = {"markdown": render_markdown, "json": render_json, "html": render_html}


def summary_line(briefing: Briefing, paraphrase_mark: str) -> str:
    """What the briefing is, for its header; ``paraphrase_mark`` says how paraphrases are shown."""
    n_sources = len(briefing.sources)
    return (f"A briefing from {n_sources} source{'s' if n_sources != 1 else ''}, {briefing.words} words. "
            "Each sentence is quoted verbatim from the first source cited after it; the other sources "
            f"cited report the same fact, word for word or, {paraphrase_mark}, in their own words.")


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


def _escape(text: str) -> str:
    """One line of Markdown text showing ``text`` as it is: no markup, HTML or line break in it acts."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", visible(" ".join(text.split())))
    text = _ENTITY_START.sub(r"\\&", text)
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def _code(name: str) -> str:
    """A file name as a Markdown code span, fenced by more backticks than it holds."""
    name = visible(name)
    fence = "`" * (max(map(len, re.findall("`+", name)), default=0) + 1)
    pad = " " if name[:1] in ("`", " ") or name[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{name}{pad}{fence}"
