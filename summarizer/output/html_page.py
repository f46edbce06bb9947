"""Render a briefing as one self-contained HTML page a reader can check at a glance.

Nothing is fetched: no script, font, image or style sheet from elsewhere, so the page works from a
file on disk and offline.  Each citation carries its passage (the paragraph around the cited
offsets in the source, the quoted sentence marked) and CSS shows it while the citation is hovered
or focused (a click or a tap), so the page needs no JavaScript either.  Every text from the
sources, the settings or the file names is escaped; a Content-Security-Policy forbids scripts and
remote content as a second guard.
"""

from __future__ import annotations

import re
from html import escape

from ..models import Briefing, Citation, Source
from .text import (WEB_ADDRESS, article_sources, cited, empty_note, footer, later_note, shown_path, summary_line,
                   visible)

_CONTEXT_CHARS = 360  # at most this much of the paragraph is shown on each side of the quote
_SPACE = re.compile(r"\s+")

_STYLE = """
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --accent: #0b57d0; --line: #d8dee4;
  --paper: #fff; --mark: #ffe08a; --note: #fffcf0; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #eef1f4; color: var(--ink);
  font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1.6rem 1.4rem 2.5rem; background: var(--paper);
  min-height: 100vh; }
h1 { font: 700 1.75rem/1.25 Georgia, "Times New Roman", serif; margin: .2rem 0 .6rem; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
.lede, .hint, footer { color: var(--muted); font-size: .88rem; margin: .2rem 0; }
ol.sentences { list-style: none; padding: 0; margin: 1.4rem 0 0; }
.sentence { position: relative; margin: 0 0 1rem; padding: .15rem 0 .15rem .9rem;
  border-left: 3px solid var(--line); overflow-wrap: anywhere; }
.cite { display: inline-block; min-width: 1.7em; margin: 0 0 0 .25em; padding: 0 .4em;
  border: 1px solid var(--accent); border-radius: .9em; color: var(--accent); background: var(--paper);
  font-size: .78em; font-weight: 600; line-height: 1.55; text-align: center; vertical-align: .12em;
  cursor: pointer; }
.cite.paraphrase { border-style: dashed; }
.cite:hover, .cite:focus { background: var(--accent); color: #fff; outline: none; }
.cite:focus-visible { box-shadow: 0 0 0 3px #a8c7fa; }
.passage { display: none; position: absolute; left: 0; right: 0; top: 100%; z-index: 2;
  margin-top: -.1rem; padding: .7rem .9rem; background: var(--note); color: var(--ink);
  border: 1px solid #e3d29a; border-radius: .45rem; box-shadow: 0 8px 22px rgba(0, 0, 0, .16);
  font-size: .9rem; font-weight: 400; line-height: 1.5; text-align: left; cursor: auto; }
.cite:hover .passage, .cite:focus .passage { display: block; }
.cite:hover .passage { z-index: 3; }
.passage .from { display: block; margin: .5rem 0 .3rem; color: var(--muted); font-size: .8rem; font-weight: 600; }
.passage .from:first-child { margin-top: 0; }
mark { background: var(--mark); color: inherit; padding: 0 .08em; border-radius: .15em; }
.reach { color: var(--muted); font-size: .8rem; white-space: nowrap; }
.later { color: var(--muted); font-size: .8rem; font-style: italic; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { padding: .4rem .55rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { color: var(--muted); font-size: .8rem; font-weight: 600; border-bottom-width: 2px; }
tbody th { font-weight: 600; }
ol.sources { padding-left: 1.6rem; font-size: .92rem; overflow-wrap: anywhere; }
ol.sources li { margin-bottom: .35rem; }
.source-name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
.source-meta { color: var(--muted); font-size: .85em; }
a { color: var(--accent); }
footer { margin-top: 2rem; padding-top: .6rem; border-top: 1px solid var(--line); }
@media (max-width: 600px) {
  body { font-size: 16px; background: var(--paper); }
  main { padding: 1rem .9rem 2rem; }
  h1 { font-size: 1.4rem; }
  .sentence { padding-left: .6rem; }
  .cite { font-size: .85em; padding: .05em .55em; margin-left: .35em; }
  th, td { padding: .35rem .4rem; }
}
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; min-height: 0; padding: 0; }
  .hint, .passage { display: none !important; }
  .cite { border: 0; padding: 0; min-width: 0; color: var(--ink); background: none; font-weight: 400; }
  .cite::before { content: "["; } .cite::after { content: "]"; }
  .sentence, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def render_html(briefing: Briefing) -> str:
    """The briefing as a complete HTML document."""
    title = escape(visible(briefing.title))
    sections = [
        _sentences(briefing),
        _table_section(
            "Where sources differ", "differences", ("What", "Figure", "Sources"),
            [(d.topic, [(c.value, _source_links(c.sources)) for c in d.claims]) for d in briefing.disagreements],
        ),
        _table_section(
            "How the figures changed", "changes", ("What", "Figure, oldest first", "Sources"),
            [(c.topic, [(f"{step.value} ({step.date})", _source_links(step.sources)) for step in c.steps])
             for c in briefing.changes],
        ),
        _sources(briefing),
    ]
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing from elsewhere and no script may run: a second guard behind the escaping.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="generator" content="summarizer">',
        f"<title>{title}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f"<h1>{title}</h1>",
        f'<p class="lede">{escape(summary_line(briefing, "where the number is dashed", local_paths=briefing.show_paths))}'
        f'{escape(_dates(briefing.source_dates))}</p>',
        '<p class="hint">Hover over or tap a source number to read the passage it is quoted from.</p>',
        "</header>",
        *[s for s in sections if s],
        f"<footer>{escape(footer(briefing))}</footer>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ])


def _dates(source_dates: list[str | None]) -> str:
    """A sentence on when the reports were published, where they say so ("" where none does)."""
    dates = sorted(d for d in source_dates if d)
    if not dates:
        return ""
    span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
    undated = len(source_dates) - len(dates)
    return f" Reports dated {span}{f' ({undated} undated)' if undated else ''}."


def _sentences(briefing: Briefing) -> str:
    if not briefing.sentences:
        return f'<p class="empty">{escape(empty_note(briefing))}</p>'
    n_sources = article_sources(briefing)
    items = []
    for row, sentence in enumerate(briefing.sentences, start=1):
        cites = "".join(
            _citation(briefing.sources[i], i + 1, sorted((c for c in sentence.citations if c.source == i),
                                                         key=lambda c: (not c.exact, c.start)),
                      f"passage-{row}-{i + 1}")
            for i, _ in cited(sentence))
        reach = (f' <span class="reach">({len(sentence.sources)} of {n_sources} sources)</span>'
                 if len(sentence.sources) > 1 else "")
        later = f' <span class="later">({escape(_fold(later_note(sentence)))})</span>' if sentence.later else ""
        items.append(f'<li class="sentence">{escape(_fold(sentence.text))} <span class="cites">{cites}</span>'
                     f"{reach}{later}</li>")
    return '<ol class="sentences">\n' + "\n".join(items) + "\n</ol>"


def _citation(source: Source, number: int, citations: list[Citation], passage_id: str) -> str:
    """A source number that reveals, on hover or focus, the passages the sentence is quoted from."""
    exact = any(c.exact for c in citations)
    how = "quoted verbatim" if exact else "reported in other words"
    passages = []
    for citation in citations:
        before, quote, after = passage(source.text, citation.start, citation.end)
        kind = "quoted verbatim" if citation.exact else "reported in other words"
        passages.append(f'<span class="from">{number} · {escape(visible(source.name))} · {kind}</span>'
                        f"{escape(before)}<mark>{escape(quote)}</mark>{escape(after)}")
    label = f"Source {number}, {visible(source.name)}: {how}"
    return (
        f'<span class="cite{"" if exact else " paraphrase"}" tabindex="0" role="button" '
        f'aria-label="{escape(label)}" aria-describedby="{passage_id}">{number}'
        f'<span class="passage" id="{passage_id}" role="note">{"".join(passages)}</span></span>'
    )


def passage(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The paragraph of ``text`` around ``text[start:end]``: (before, quoted, after), spaces folded.

    A paragraph ends at a blank line, or at a line end in sources that have no blank lines; at
    most ``_CONTEXT_CHARS`` are kept on each side, cut at a space and marked with an ellipsis.
    """
    separator = "\n\n" if "\n\n" in text else "\n"
    found = text.rfind(separator, 0, start)
    paragraph_start = 0 if found < 0 else found + len(separator)
    found = text.find(separator, end)
    paragraph_end = len(text) if found < 0 else found
    before = text[max(paragraph_start, start - _CONTEXT_CHARS):start]
    if start - paragraph_start > _CONTEXT_CHARS:
        before = "… " + before.split(None, 1)[-1]  # without the word cut in two
    after = text[end:min(paragraph_end, end + _CONTEXT_CHARS)]
    if paragraph_end - end > _CONTEXT_CHARS:
        after = after.rsplit(None, 1)[0] + " …"
    return _fold(before, keep_edges=True), _fold(text[start:end]), _fold(after, keep_edges=True)


def _table_section(heading: str, css_class: str, columns: tuple[str, ...],
                   groups: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """A table of (row heading, rows of plain text and HTML cells); "" when there is nothing to show.

    Each row heading spans its group's rows; the first cell of a row is text (escaped here), the
    second is HTML built by this module.
    """
    if not groups:
        return ""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
    rows = []
    for row_heading, cells in groups:
        for index, (text, html_cell) in enumerate(cells):
            lead = (f'<th scope="row" rowspan="{len(cells)}">{escape(row_heading)}</th>' if index == 0 else "")
            rows.append(f"<tr>{lead}<td>{escape(text)}</td><td>{html_cell}</td></tr>")
    return (f'<section class="{css_class}">\n<h2>{escape(heading)}</h2>\n<div class="table"><table>\n'
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table></div>\n</section>")


def _source_links(sources: tuple[int, ...]) -> str:
    return ", ".join(f'<a href="#source-{i + 1}">{i + 1}</a>' for i in sources)


def _sources(briefing: Briefing) -> str:
    items = []
    for number, (source, title) in enumerate(zip(briefing.sources, briefing.source_titles), start=1):
        headline = f" — {escape(visible(title))}" if title and title != source.name else ""  # no name twice
        # A page travels: local paths (folder and user names) only when output.show_paths asks for them.
        meta = [m for m in (source.date, shown_path(source) if briefing.show_paths else "") if m]
        details = f' <span class="source-meta">({escape(", ".join(meta))})</span>' if meta else ""
        name = f'<span class="source-name">{escape(visible(source.name))}</span>'
        if WEB_ADDRESS.match(source.path):
            name = f'<a href="{escape(source.path)}" rel="noreferrer">{name}</a>'
        items.append(f'<li id="source-{number}">{name}{headline}{details}</li>')
    return ('<section class="sources">\n<h2>Sources</h2>\n<ol class="sources">\n' + "\n".join(items)
            + "\n</ol>\n</section>")


def _fold(text: str, keep_edges: bool = False) -> str:
    """Runs of white space as one space; with ``keep_edges``, a space at either end stays one space."""
    folded = _SPACE.sub(" ", text)
    return folded if keep_edges else folded.strip()
