"""Render a briefing as Markdown, JSON or HTML (strings only; writing files is the CLI's job)."""

from __future__ import annotations

import json
import re

from .models import Briefing, BriefingSentence

# Characters that Markdown would read as markup inside a quoted sentence.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


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
        lines.append(f"{number}. `{source.name}`{headline}")
    lines += ["", "---", "", f"*{footer(briefing)}*", ""]
    return "\n".join(lines)


def cited(sentence: BriefingSentence) -> list[tuple[int, bool]]:
    """(source, carries the very text) for each cited source: verbatim ones first."""
    exact = sorted({c.source for c in sentence.citations if c.exact})
    paraphrased = sorted({c.source for c in sentence.citations} - set(exact))
    return [(s, True) for s in exact] + [(s, False) for s in paraphrased]


def render_json(briefing: Briefing) -> str:
    names = [s.name for s in briefing.sources]
    document = {
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
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


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
            f"(used {briefing.words} words, {len(briefing.sentences)} sentences){pooled}.")


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
