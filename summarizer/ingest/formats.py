"""The files the tool reads, and how it knows a briefing of its own: every briefing carries a marker
(Markdown, JSON, HTML) by which the loader never reads it back as a source and ``output.files``
knows what it may replace."""

from __future__ import annotations

import re
import stat
from pathlib import Path

# The last line of a Markdown briefing: a link reference definition, which Markdown shows as
# nothing.  Every line of a briefing that holds quoted text starts with the briefing's own markup
# and "[" is escaped in quoted text, so a briefing quoting a briefing cannot hold this line.
BRIEFING_MARKER = "[//]: # (written by summarize: a briefing, not an article; never read back as a source)"
# The first key of a JSON briefing, and the generator of an HTML one (as render_html writes it),
# for the same purpose.
JSON_MARKER = '{\n  "generator": "summarize"'
HTML_MARKER = '<meta name="generator" content="summarizer">'
MARKER_REACH = 4096  # where the JSON and HTML markers stand, and the Markdown marker from the end
_MARKER_LINE = re.compile(f"^{re.escape(BRIEFING_MARKER)}$", re.MULTILINE)
# A Markdown briefing from a version before the marker: its sources list, then its footer line.
_SOURCES_HEADING = re.compile(r"^## Sources$", re.MULTILINE)
_OLD_FOOTER = re.compile(r"^(?:<sub>|\*)Algorithm: [\w-]+\. Budget: ", re.MULTILINE)
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
def is_briefing(text: str) -> bool:
    """Whether ``text`` is a briefing this tool wrote (Markdown or JSON), not an article."""
    if text.startswith(JSON_MARKER) or HTML_MARKER in text[:MARKER_REACH] or _MARKER_LINE.search(text):
        return True
    sources = _SOURCES_HEADING.search(text)  # two linear searches, the footer after the heading
    return sources is not None and _OLD_FOOTER.search(text, sources.end()) is not None


def file_kind(mode: int) -> str:
    """What a file is, for messages about files that are not regular files."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"


def seeds_dir() -> Path:
    """The bundled sample articles (what ``summarize`` reads when given no inputs)."""
    return bundled("seeds")


def bundled(name: str) -> Path:
    """A folder bundled with the tool: inside the installed package, else the repository's own."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_bundled" / name, package.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled {name}/ folder not found next to {package}")
