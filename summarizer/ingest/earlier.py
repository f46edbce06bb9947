"""An earlier briefing, read back for an update (``--since yesterday.json``): what it told, and when."""

from __future__ import annotations

import json
import os

from ..errors import InputError
from ..models import Earlier


def read_earlier_briefing(path: str | os.PathLike, max_bytes: int) -> Earlier:
    """The sentences and sources of a JSON briefing this tool wrote; anything else is an error."""
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > max_bytes:
            raise InputError(name, f"is {size:,} bytes, over the {max_bytes:,} a briefing may have")
        with open(name, encoding="utf-8") as file:
            document = json.load(file)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(name, f"cannot be read as a JSON briefing: {getattr(error, 'strerror', None) or error}")
    if not isinstance(document, dict) or document.get("generator") != "summarize":
        raise InputError(name, "is not a JSON briefing written by summarize (write one with --format json)")
    try:
        sentences = tuple(str(s["text"]) for s in document.get("sentences", []))
        sources = tuple(str(s["name"]) for s in document.get("sources", []))
        dates = [str(s["date"]) for s in document.get("sources", []) if s.get("date")]
    except (TypeError, KeyError) as error:
        raise InputError(name, f"is a damaged JSON briefing ({error!r} missing)")
    if document.get("since"):  # an update's own earlier briefing was told too
        sentences = tuple(document["since"].get("sentences", ())) + sentences
    return Earlier(name, "briefing", sentences, sources, max(dates, default=None))


def is_json_briefing_path(path: str | os.PathLike) -> bool:
    """Whether ``--since`` names a file to read as a briefing rather than earlier articles."""
    return os.path.isfile(path) and os.fspath(path).lower().endswith(".json")

