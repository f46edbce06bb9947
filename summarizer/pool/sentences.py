"""Segment and pool: the sentences of every source, in one list, each knowing where it stands."""

from __future__ import annotations

from typing import Sequence

from ..models import Block, BlockKind, Sentence
from ..ingest.segment import sentence_spans
from ..ingest.structure import is_full_sentence
from ..ingest.verbs import is_clause


def pool_sentences(blocks_by_source: Sequence[Sequence[Block]], language: str = "english") -> list[Sentence]:
    """Sentences of the text blocks of all sources, source by source, in reading order.

    List items enter only when they are full sentences with a verb ("- Key target: Homs" and
    "- ``Bernstein on Beethoven: Fidelio,'' with concert footage." do not).
    """
    pooled: list[Sentence] = []
    for blocks in blocks_by_source:
        position = 0
        for block in blocks:
            if not block.kind.is_text:
                continue
            for start, end in sentence_spans(block.text, language):
                text = block.text[start:end]
                if block.kind is BlockKind.LIST_ITEM and not (is_full_sentence(text) and is_clause(text, language)):
                    continue
                pooled.append(Sentence(
                    text=text,
                    source=block.source,
                    position=position,
                    start=block.source_offset(start),
                    end=block.source_offset(end - 1) + 1,
                ))
                position += 1
    return pooled
