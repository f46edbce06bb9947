"""An earlier briefing, read back for an update (``--since yesterday.json``): what it told, and when;
and how the articles it was built on are known again, so that they count as no new source."""

from __future__ import annotations

import hashlib
import json
import os
import re
from typing import Iterable, Sequence

from ..errors import InputError
from ..models import Earlier, Source

_WEB = re.compile(r"https?://", re.IGNORECASE)
_JSON_FILES = (".json", ".jsonl", ".ndjson")


def read_earlier_briefing(path: str | os.PathLike, max_bytes: int) -> Earlier:
    """The sentences and sources of a JSON briefing this tool wrote; anything else is an error."""
    name = os.fspath(path)
    document = _json_document(name, max_bytes)
    if not isinstance(document, dict) or document.get("generator") != "summarize":
        raise InputError(name, "is not a JSON briefing written by summarize (write one with --format json)")
    try:
        sentences = tuple(str(s["text"]) for s in document.get("sentences", []))
        sources = tuple(str(s["name"]) for s in document.get("sources", []))
        dates = [str(s["date"]) for s in document.get("sources", []) if s.get("date")]
        seen = frozenset(key for s in document.get("sources", [])
                         for key in _identity(str(s["name"]), str(s.get("path") or "")))
    except (TypeError, KeyError, AttributeError) as error:
        raise InputError(name, f"is a damaged JSON briefing ({error!r} missing)")
    if document.get("since"):  # an update's own earlier briefing was told too
        sentences = tuple(document["since"].get("sentences", ())) + sentences
    return Earlier(name, "briefing", sentences, sources, max(dates, default=None), seen)


def is_json_briefing_path(path: str | os.PathLike, max_bytes: int | None = None) -> bool:
    """Whether ``--since`` names a file to read as a briefing rather than earlier articles: a
    ``.json`` file that is not a JSON file of articles (one ``{"text": ...}`` object or a list of
    them, as ``ingest.load.json_articles`` reads); a ``.jsonl`` file is articles."""
    name = os.fspath(path)
    if not (os.path.isfile(name) and name.lower().endswith(".json")):
        return False
    try:
        document = _json_document(name, max_bytes)
    except InputError:
        return True  # unreadable: read_earlier_briefing names the problem
    return not _articles(document)


def seen_keys(sources: Iterable[Source]) -> frozenset[str]:
    """How each source is known again: its text (whitespace aside), its web address, the id a JSON
    article gave it."""
    return frozenset(key for s in sources for key in (*_identity(s.name, s.path), _text_key(s.text)))


def already_seen(sources: Sequence[Source], seen: frozenset[str]) -> list[bool]:
    """Per source: it is one of the articles an earlier briefing was built on (``seen_keys``)."""
    return [bool(seen) and any(k in seen for k in (*_identity(s.name, s.path), _text_key(s.text)))
            for s in sources]


def _identity(name: str, path: str) -> tuple[str, ...]:
    """A web page's address; a JSON article's own id (not the "feed.jsonl#3" it is named by without one)."""
    if _WEB.match(path):
        return (f"url:{path}",)
    numbered = re.fullmatch(r"(.*)#\d+", name)
    if path.lower().endswith(_JSON_FILES) and name and not (
            numbered and numbered[1].endswith(os.path.basename(path))):
        return (f"id:{name}",)
    return ()


def _text_key(text: str) -> str:
    return "text:" + hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()


def _articles(document: object) -> bool:
    def article(record: object) -> bool:
        return isinstance(record, dict) and isinstance(record.get("text"), str) and "generator" not in record

    return article(document) or (isinstance(document, list) and bool(document) and all(map(article, document)))


def _json_document(name: str, max_bytes: int | None) -> object:
    try:
        size = os.path.getsize(name)
        if max_bytes is not None and size > max_bytes:
            raise InputError(name, f"is {size:,} bytes, over the {max_bytes:,} a briefing may have")
        with open(name, encoding="utf-8") as file:
            text = file.read()
        return json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise InputError(name, f"cannot be read as a JSON briefing: {getattr(error, 'strerror', None) or error}")
