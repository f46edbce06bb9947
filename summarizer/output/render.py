"""Render a briefing as Markdown, JSON or HTML (strings only; writing files is output.py's job).

Everything taken from the input (file names, titles, quoted text) is escaped for the format, so
that no heading, list, link, HTML or control character can be injected into the briefing, nor
through it into a terminal.
"""

from __future__ import annotations

import dataclasses
import json
import re

from .text import (article_sources, cited, empty_note, footer, language_note, later_note, shown_path, summary_line,
                   visible)
from ..models import Briefing
from ..ingest.formats import BRIEFING_MARKER
from .html_page import render_html

# Characters that Markdown would read as markup inside a line of text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
# "&" only where it would start an entity (&lt; &#60;): elsewhere it is plain text.
_ENTITY_START = re.compile(r"&(?=#?\w+;)")
# At the start of a line: a list marker, a setext underline or an ordered-list number.
_BLOCK_START = re.compile(r"^(?:([-+=])|(\d{1,9})([.)]))(?=\s|$)")
# The same but C0 controls, which json.dumps escapes itself (and "\n" lays out the JSON).
_UNSHOWABLE_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def render(briefing: Briefing, fmt: str) -> str:
    return RENDERERS[fmt](briefing)


def render_markdown(briefing: Briefing) -> str:
    n_sources = article_sources(briefing)
    lines = [f"# {escape_markdown(briefing.title)}", ""]
    lines.append(f"*{summary_line(briefing, 'where marked ~')}*")
    lines.append("")
    if not briefing.sentences:
        lines += [f"*{empty_note(briefing)}*", ""]
    for sentence in briefing.sentences:
        numbers = ", ".join(f"{'' if exact else '~'}{source + 1}" for source, exact in cited(sentence))
        reach = f" *({len(sentence.sources)} of {n_sources} sources)*" if len(sentence.sources) > 1 else ""
        later = f" *({escape_markdown(later_note(sentence))})*" if sentence.later else ""
        lines += [f"- {escape_markdown(sentence.text)} [{numbers}]{reach}{later}", ""]
    if briefing.disagreements:
        lines += ["## Where sources differ", ""]
        for disagreement in briefing.disagreements:
            claims = "; ".join(
                f"{escape_markdown(c.value)} [{', '.join(str(s + 1) for s in c.sources)}]" for c in disagreement.claims
            )
            lines.append(f"- {escape_markdown(disagreement.topic)}: {claims}")
        lines.append("")
    if briefing.changes:
        lines += ["## How the figures changed", ""]
        for change in briefing.changes:
            steps = "; ".join(f"{escape_markdown(step.value)} ({step.date}) "
                              f"[{', '.join(str(s + 1) for s in step.sources)}]"
                              for step in change.steps)
            lines.append(f"- {escape_markdown(change.topic)}: {steps}")
        lines.append("")
    lines += ["## Sources", ""]
    for number, (source, title) in enumerate(zip(briefing.sources, briefing.source_titles), start=1):
        headline = f" — {escape_markdown(title)}" if title and title != source.name else ""  # no name twice
        # The path, for the user: in place of the name where it ends with it (a file in a folder),
        # after the title where it does not (a line of a JSON Lines feed: "feed.jsonl:3").
        path = shown_path(source)
        if path and path.rsplit("/", 1)[-1] == visible(source.name):
            lines.append(f"{number}. {code_span(path)}{headline}")
        else:
            lines.append(f"{number}. {code_span(source.name)}{headline}" + (f" ({code_span(path)})" if path else ""))
    lines += ["", "---", "", f"*{footer(briefing)}*", "", BRIEFING_MARKER, ""]
    return "\n".join(lines)


def render_json(briefing: Briefing) -> str:
    names = [s.name for s in briefing.sources]
    document = {
        "generator": "summarize",  # first: how the loader recognises a briefing (ingest.formats.JSON_MARKER)
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
                **({"later_reports": list(s.later)} if s.later else {}),
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
        **({"since": {k: v for k, v in dataclasses.asdict(briefing.since).items() if k not in ("seen", "background")}}
           if briefing.since is not None else {}),
        "stats": briefing.stats,
        "language": briefing.language,
        "language_note": language_note(briefing).strip(),
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return _UNSHOWABLE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


RENDERERS = {"markdown": render_markdown, "json": render_json, "html": render_html}


def escape_markdown(text: str) -> str:
    """One line of Markdown text showing ``text`` as it is: no markup, HTML or line break in it acts."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", visible(" ".join(text.split())))
    text = _ENTITY_START.sub(r"\\&", text)
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def code_span(name: str) -> str:
    """A file name as a Markdown code span, fenced by more backticks than it holds."""
    name = visible(name)
    fence = "`" * (max(map(len, re.findall("`+", name)), default=0) + 1)
    pad = " " if name[:1] in ("`", " ") or name[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{name}{pad}{fence}"
