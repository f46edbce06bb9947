"""Shared test helpers (pytest puts this folder on sys.path)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVAL = ROOT.parent / "shared" / "eval"

_MARKUP = re.compile(r"\*\*|__|`|^\s*(?:[-*•]|#+)\s", re.MULTILINE)


def clean_text(text: str) -> str:
    """A source's words without markup and with whitespace folded, to check quotes against."""
    return " ".join(_MARKUP.sub(" ", text).split())
