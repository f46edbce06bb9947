"""Bytes to article text: decoding (BOMs, UTF-8, a detector's guess when UTF-8 fails badly) and the
text of an HTML page as a browser shows it.

Both the file loader (``load.py``) and the web fetcher (``web.py``) read through here.  Control
characters and terminal escape sequences are removed, so that every later offset refers to the
text as it is quoted.
"""

from __future__ import annotations

import codecs
import re
from datetime import date
from typing import Callable

from ..errors import InputError
from .dates import stated
from .markup import (as_shown, drop_footnote_marks, drop_link_lists, join_broken_sentences, page_lines, readable,
                     remove)

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAX_CONTROL_SHARE = 0.05  # more control characters than this and the data is not text
_LINE_ENDS = re.compile(r"\r\n?")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # control characters but \t\n\v\f\r
# Terminal escape sequences (CSI, OSC and other string commands, two-character escapes, 8-bit
# CSI): removed whole, so that no "[31m" is left behind.  String commands end at a newline at the
# latest, so an unterminated one cannot swallow an article.
_TERMINAL_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)?|[ -/]*[0-~]?)"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
)
# Control characters a briefing must not carry, and the bidirectional overrides and isolates
# that make a terminal or viewer show text in another order than it is ("Trojan Source").
_STRIPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_PAGE_BREAKS = re.compile("[\x0b\x0c]")
# Inline styles that hide an element: a browser never shows its text, so it is never quoted.
_HIDING = {"display": ("none",), "visibility": ("hidden", "collapse")}
_FEW_HIGH_BYTES = 16  # up to this many non-ASCII bytes in a file that is not UTF-8: Windows-1252
_META_CHARSET = re.compile(rb"<meta\s[^>]*?charset\s*=\s*[\"']?\s*([a-z0-9_.:-]{1,40})", re.IGNORECASE)
_FEW_INVALID = 16  # up to this many invalid sequences beside valid UTF-8 characters: still UTF-8


def decode(data: bytes, name: str, warn: Callable[[str], None] | None = None) -> tuple[str, str]:
    """Decode ``data`` to text: BOM-marked Unicode, UTF-8, the code page an HTML page declares,
    else charset-normalizer's guess.

    The BOM is removed, CRLF / CR line ends become ``"\\n"``, form feeds and vertical tabs a
    line end; other control characters, terminal escape sequences and bidirectional overrides
    are removed.  Returns (text, encoding).  Raises InputError when the data looks binary.
    """
    text, encoding = _decode_bom(data) or _decode_plain(data, name, warn or (lambda message: None))
    if "\x00" in text or len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise InputError(name, "binary file, not text")
    return clean(text), encoding


def clean(text: str) -> str:
    """Line ends as ``\n``; no terminal escape sequence, control character or bidi override."""
    text = _LINE_ENDS.sub("\n", text)
    text = _PAGE_BREAKS.sub("\n", _TERMINAL_SEQUENCE.sub("", text))
    return _STRIPPED.sub("", text)


def _decode_bom(data: bytes) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.replace("-sig", "")), encoding
            except UnicodeDecodeError:
                return None  # a BOM-like start of binary data: judged below
    return None


# UTF-32 and UTF-16 without a byte-order mark, as text in Latin letters writes them: the bytes of
# the other places of each character zero (a Windows tool saves "Unicode" so): (encoding, width,
# the places that are zero).
_UNMARKED = (("utf-32-le", 4, (1, 2, 3)), ("utf-32-be", 4, (0, 1, 2)), ("utf-16-le", 2, (1,)), ("utf-16-be", 2, (0,)))


def _decode_unmarked(data: bytes) -> tuple[str, str] | None:
    for encoding, width, zeros in _UNMARKED:
        count = len(data) // width
        if count < 2 or len(data) % width:
            continue
        places = [data[i::width].count(0) for i in range(width)]
        if all(places[i] >= 0.9 * count if i in zeros else places[i] <= 0.01 * count for i in range(width)):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def _decode_plain(data: bytes, name: str, warn: Callable[[str], None]) -> tuple[str, str]:
    if b"\x00" in data:
        unmarked = _decode_unmarked(data)
        if unmarked is not None:
            return unmarked
        raise InputError(name, "binary file, not text")
    body, encoding = (data[3:], "utf-8-sig") if data.startswith(codecs.BOM_UTF8) else (data, "utf-8")
    try:
        return body.decode("utf-8"), encoding
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few stray bytes (a Windows-1252 quote pasted in) stays UTF-8, the strays
    # replaced: guessing a code page for the whole file would corrupt every other character.  A
    # legacy encoding seldom spells a valid multi-byte UTF-8 character by chance ("â€™"), so a
    # single one, with a few invalid sequences, is UTF-8; past a few, only when invalid sequences
    # outnumber valid multi-byte characters is it a legacy encoding.
    text = body.decode("utf-8", "replace")
    invalid = text.count("\ufffd") - body.count("\ufffd".encode("utf-8"))
    valid = len(text) - len(text.encode("ascii", "ignore")) - invalid
    if invalid <= valid or valid > 0 and invalid <= _FEW_INVALID:
        warn(f"{name}: {invalid} invalid UTF-8 byte sequence{'s' if invalid != 1 else ''} replaced by \ufffd")
        return text, encoding
    # An HTML page that names its code page (<meta charset="windows-1250">) is in it: a guess from
    # a few high bytes took "Łukasz" in a Windows-1250 page for Windows-1252's "£ukasz".
    declared = declared_charset(body)
    if declared:
        try:
            return body.decode(declared), declared
        except UnicodeDecodeError:
            pass
    # A few high bytes in ASCII text are too little for a detector to tell code pages apart
    # (it picked mac_iceland for one curly quote): take the most common one for news.
    if len(body.translate(None, bytes(range(128)))) <= _FEW_HIGH_BYTES:
        try:
            return body.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(name, "binary file, not text")
    # On short text many single-byte code pages read about equally well to charset-normalizer
    # and its pick among them is close to arbitrary: prefer Windows-1252 (a superset of
    # Latin-1), by far the most common legacy encoding of news text, when it reads about as
    # well as the best guess.  When no language was recognised (coherence 0), small
    # differences in "chaos" are noise, so the margin is wider.
    margin = 0.1 if best.coherence < 0.01 else 0.01
    for match in matches:
        if (
            "cp1252" in match.could_be_from_charset
            and match.chaos <= best.chaos + margin
            and match.coherence >= best.coherence - 0.01
        ):
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                break
    return str(best), best.encoding


def declared_charset(data: bytes) -> str | None:
    """The code page an HTML page declares in its first 1024 bytes (``<meta charset>`` or
    ``http-equiv="Content-Type"``), as Python names it; None when none, UTF-8 or an unknown one.
    Latin-1 and ASCII are read as Windows-1252, as browsers do."""
    found = _META_CHARSET.search(data[:1024])
    if not found:
        return None
    try:
        name = codecs.lookup(found[1].decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name.startswith("utf"):  # UTF-8 did not decode it; a page in UTF-16 cannot name itself in ASCII
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def html_text(html: str) -> str:
    """The article text of an HTML page, one paragraph a line ("" when there is none).

    Text a browser never shows (``<template>``, the ``hidden`` attribute, inline styles
    ``display: none``, ``visibility: hidden``, ``opacity: 0``, ``font-size: 0``) is removed first.
    """
    import trafilatura

    tree = visible_page(html)
    if tree is not None:
        lines = page_lines(tree)  # (before trafilatura changes the tree)
        text = trafilatura.extract(
            tree, include_comments=False, include_tables=False, include_images=False
        )
        if text and text.strip():
            return as_shown(text.strip(), lines)
    return _visible_text(html)


def html_article(html: str) -> tuple[str, str | None, str]:
    """(title, date, text) of the article on a page, by trafilatura; "" where it finds none.

    The date comes from the page's markup only; a file on disk and a page fetched are read alike.
    """
    import trafilatura
    from trafilatura.settings import set_date_params

    tree = visible_page(html)  # text a browser never shows is never quoted
    lines = page_lines(tree) if tree is not None else []  # (before trafilatura changes the tree)
    document = trafilatura.bare_extraction(
        tree if tree is not None else html, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False,
        # The date from the page's markup only: a year in the text ("built in 2009") is no date.
        date_extraction_params=set_date_params(False))
    if document is None:
        return "", None, ""
    text = as_shown((document.text or "").strip(), lines)
    return (document.title or "").strip(), _stated_date(document.date, html), text


def _stated_date(found: str | None, html: str) -> str | None:
    """The date the page's markup gives, only when the markup writes that day out: htmldate
    completes a date it cannot read whole ("2024-02-30" became 2024-02-01, "2024-03" today's day
    of March), and a wrong day is worse than none."""
    try:
        day = date.fromisoformat(found or "")
    except ValueError:
        return None
    return found if stated(day, html) else None


def visible_page(html: str):
    """The page as trafilatura parses it, without what a browser never shows, navigation and link
    lists; inline markup in a paragraph unwrapped.  None if not HTML."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is not None:
        _drop_hidden(tree)
        readable(tree)
    return tree


def _drop_hidden(root) -> None:
    hidden = [
        element
        for element in root.xpath("//template | //*[@hidden] | //*[@style]")
        if element.tag == "template" or element.get("hidden") is not None or _hides(element.get("style") or "")
    ]
    remove(hidden, keep_content=False)  # keeps the element's tail: the text after it is visible


def _hides(style: str) -> bool:
    """Whether an inline style hides its element: display: none, visibility: hidden, opacity or
    font-size 0.  Read declaration by declaration (a pattern over the whole attribute could
    backtrack on a hostile one)."""
    for declaration in style.lower().split(";"):
        name, _, value = declaration.partition(":")
        name, value = name.strip(), value.replace("!important", "").strip()
        if value in _HIDING.get(name, ()) or name in ("opacity", "font-size") and _is_zero(value):
            return True
    return False


def _is_zero(value: str) -> bool:
    """0, 0.0, 0px, .0em: a length or opacity of nothing."""
    number = value.rstrip("abcdefghijklmnopqrstuvwxyz%")
    if not number or number != number.strip():  # "0 x" is no CSS value: the browser ignores it
        return False
    try:
        return float(number) == 0
    except ValueError:
        return False


def _visible_text(html: str) -> str:
    """Fallback: the text of the page's <p>, <h1>-<h6> and <li> elements."""
    from lxml import etree, html as lxml_html

    try:
        root = lxml_html.document_fromstring(
            html.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8")
        )
    except (etree.ParserError, ValueError):
        return ""
    _drop_hidden(root)
    drop_link_lists(root)
    drop_footnote_marks(root)
    join_broken_sentences(root)
    for br in root.iter("br"):  # (text_content() ran "closed<br>The police" together)
        br.tail = " " + (br.tail or "")
    blocks = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6"}
    hidden = {"script", "style", "noscript", "template", "nav"}
    lines = []
    for element in root.iter(*blocks):
        ancestors = {a.tag for a in element.iterancestors()}
        if ancestors & (blocks | hidden):  # hidden, or already in an enclosing block
            continue
        line = " ".join(element.text_content().split())
        if line:
            lines.append(line)
    return "\n".join(lines)
