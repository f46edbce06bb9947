"""The claim model's word lists as phrase tables: events and agents mapped to classes
(``data/events.txt``, ``data/agents.txt``), event nouns after a name's possessive
(``data/event_nouns.json``), and a state's government and army as one agent where the story's
other side is an insurgent one (``data/state_agents.json``).  Read by ``claims.build_index``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    import numpy as np

    from ..pool.features import Tokenizer

_DATA = Path(__file__).parent.parent / "data"


@lru_cache(maxsize=None)
def read_classes(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(class, phrases) pairs of a word-list file: "class: word, multi word phrase, ..."."""
    classes = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            label, _, phrases = line.partition(":")
            classes.append((label.strip(), tuple(p.strip().lower() for p in phrases.split(",") if p.strip())))
    return tuple(classes)


@lru_cache(maxsize=None)
def _data_json(name: str) -> dict:
    return json.loads((_DATA / name).read_text(encoding="utf-8"))


def insurgency(stems: Sequence[str], ids: np.ndarray, bounds: np.ndarray, row_text: np.ndarray, sources, tokenizer) -> bool:
    """Whether the pool's other side is an insurgent one (``data/state_agents.json``): a one-word
    phrase of that agent class ("rebels", "insurgents") in at least ``min_sources`` sources."""
    import numpy as np

    rule = _data_json("state_agents.json")
    words = {tokenizer.stem(p) for label, phrases in read_classes("agents.txt") if label == rule["when"]
             for p in phrases if " " not in p}
    hit = np.fromiter((stem in words for stem in stems), dtype=np.int64, count=len(stems))[ids]
    per_text = np.diff(np.r_[0, np.cumsum(hit)][bounds]) > 0  # a text holding one of the words
    return len(set(np.asarray(sources)[per_text[row_text]].tolist())) >= rule["min_sources"]


class PhraseTable:
    """Stem sequences of the word lists, for longest-first matching (``insurgency``: data/state_agents.json)."""

    def __init__(self, tokenizer: Tokenizer, insurgency: bool = False):
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        rule = _data_json("state_agents.json")
        state = {tokenizer.stem(w) for w in rule["words"]} if insurgency else set()
        for kind, file in (("event", "events.txt"), ("agent", "agents.txt")):
            for label, phrases in read_classes(file):
                for phrase in phrases:
                    stems = tuple(tokenizer.stem(w) for w in phrase.split())
                    own = rule["as"] if kind == "agent" and len(stems) == 1 and stems[0] in state else label
                    self.by_first[stems[0]].append((stems, f"{kind}:{own}"))
        for options in self.by_first.values():
            options.sort(key=lambda option: -len(option[0]))
        # Nouns of an event after a name's possessive ("Hama's fall"): ``data/event_nouns.json``.
        nouns = _data_json("event_nouns.json")
        self.possessives = frozenset(nouns["possessives"])
        self.nouns = {tokenizer.stem(noun): f"event:{label}" for label, words in nouns["nouns"].items() for noun in words}

    def noun(self, tokens: list[str], stems: list[str], i: int) -> str | None:
        """The event anchor of token i when it is an event noun right after a name's possessive."""
        anchor = self.nouns.get(stems[i])
        if anchor is None or i == 0:
            return None
        before = tokens[i - 1].replace("’", "'")
        named = before[:1].isupper() and before.endswith("'s")
        return anchor if named or before.lower() in self.possessives else None

    def match(self, stems: list[str], i: int) -> tuple[int, str] | None:
        """(length, anchor) of the longest phrase starting at stems[i]."""
        for phrase, anchor in self.by_first.get(stems[i], ()):
            if tuple(stems[i:i + len(phrase)]) == phrase:
                return len(phrase), anchor
        return None
