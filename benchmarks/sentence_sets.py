"""Gold sentence sets that nobody on this project wrote, read from where they already live.

- pySBD's English Golden Rules: the list ships inside the pysbd wheel (as the top-level module
  ``benchmarks/english_golden_rules.py`` of that distribution); it is read from the installed
  package, never copied here.
- Universal Dependencies treebanks (CoNLL-U), e.g. UD_English-EWT (CC BY-SA 4.0) or
  UD_English-GUM (CC BY-NC-SA 4.0 as a whole), used for evaluation only and kept outside the
  repository: copy ``en_ewt-ud-dev.conllu`` and ``en_ewt-ud-test.conllu`` from
  https://github.com/UniversalDependencies/UD_English-EWT to /work/labels/ud-ewt/, and the GUM
  files from .../UD_English-GUM to /work/labels/ud-gum/.  Each document's sentences are joined
  back into its paragraphs (``# newpar`` / ``# newdoc``), with one space between sentences unless
  the last token of a sentence says ``SpaceAfter=No``; the gold boundaries are where they meet.
"""

from __future__ import annotations

import runpy
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path


def golden_rules() -> list[tuple[str, list[str]]]:
    """pySBD's English Golden Rules as (text, expected sentences) pairs; needs pysbd installed."""
    dist = metadata.distribution("pysbd")  # raises PackageNotFoundError when missing
    for file in dist.files or []:
        if file.name == "english_golden_rules.py":
            rules = runpy.run_path(str(file.locate()))["GOLDEN_EN_RULES"]
            return [(text, list(sentences)) for text, sentences in rules]
    raise FileNotFoundError("the installed pysbd has no english_golden_rules.py")


@dataclass(frozen=True)
class Paragraph:
    doc: str  # the CoNLL-U document id (EWT: "weblog-...", "email-..."; GUM: "GUM_news_...")
    text: str
    spans: list[tuple[int, int]]  # the gold sentences, as offsets into text


def _space_after(token_misc: dict[int, str], range_misc: dict[int, str], last: int) -> bool:
    """Whether the sentence's last word is followed by a space (multi-word tokens carry it)."""
    misc = range_misc.get(last, token_misc.get(last, "_"))
    return "SpaceAfter=No" not in misc.split("|")


def read_conllu(path: Path) -> list[Paragraph]:
    """The paragraphs of a CoNLL-U file with their gold sentence spans."""
    paragraphs: list[Paragraph] = []
    doc = ""
    parts: list[str] = []  # text of the paragraph being built
    spans: list[tuple[int, int]] = []
    length = 0
    text = None
    token_misc: dict[int, str] = {}
    range_misc: dict[int, str] = {}
    space_after = True

    def close_paragraph() -> None:
        nonlocal parts, spans, length
        if spans:
            paragraphs.append(Paragraph(doc, "".join(parts), spans))
        parts, spans, length = [], [], 0

    with path.open(encoding="utf-8") as lines:
        for line in [*lines, "\n"]:
            line = line.rstrip("\n")
            if line.startswith("# newdoc"):
                close_paragraph()
                doc = line.partition("=")[2].strip()
            elif line.startswith("# newpar") and not line.startswith("# newpar_"):
                close_paragraph()
            elif line.startswith("# text =") or line.startswith("# text="):
                text = line.partition("=")[2].strip()
            elif line and not line.startswith("#"):
                fields = line.split("\t")
                first, dash, last = fields[0].partition("-")
                if dash:
                    range_misc[int(last)] = fields[9]
                elif "." not in first:  # skip empty nodes (8.1)
                    token_misc[int(first)] = fields[9]
            elif not line and text is not None:  # end of a sentence
                if spans and space_after:
                    parts.append(" ")
                    length += 1
                parts.append(text)
                spans.append((length, length + len(text)))
                length += len(text)
                space_after = _space_after(token_misc, range_misc, max(token_misc, default=0))
                text, token_misc, range_misc = None, {}, {}
    close_paragraph()
    return paragraphs
