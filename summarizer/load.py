"""First stage of the pipeline: turn the paths a user gives into ``Source`` objects.

All file and standard-input reading of the summarizer happens here.  Problems a user can fix are
raised as ``InputError``; problems with single files among several are reported via ``warn``.
Every read is bounded: regular files only (a FIFO or a device would block or never end), the size
checked before reading, folders walked without recursion to a limited depth, each folder entered
once (symlink loops).  Control characters and terminal escape sequences are removed from the text
here, so that every later offset refers to the text as it is quoted.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import json
from dataclasses import dataclass
from typing import BinaryIO, Callable, Sequence

from . import web
from .errors import InputError
from .models import Source
from .output import SUPPORTED_SUFFIXES, file_kind, is_briefing

_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
STDIN_NAME = "<stdin>"

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAX_CONTROL_SHARE = 0.05  # more control characters than this and the data is not text
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
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
MAX_FOLDER_DEPTH = 32  # folders nested deeper are skipped with a warning
MAX_FOLDER_ENTRIES = 100_000  # directory entries examined under one folder given (a link to / ...)


@dataclass(frozen=True)
class _Item:
    """One file (or standard input) to read."""

    path: str  # shown in messages and kept as Source.path
    name: str  # Source.name
    format: str
    folder: str | None = None  # the folder given on the command line that holds the file


_NOTHING_IN_FOLDER = "no readable .txt, .md or .html files in folder"
_LISTED = 10  # skipped files named in a folder's warning


def load_sources(
    paths: Sequence[str | os.PathLike],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = 16 * 2**20,
    warn: Callable[[str], None] = lambda msg: None,
    progress: Callable[[int, int], None] | None = None,
    offline: bool = False,
) -> list[Source]:
    """Read every file, folder (recursively), web address or ``-`` (standard input) in ``paths``.

    Unusable files inside folders are skipped with a warning; a folder or a file named
    explicitly that cannot be used is skipped with a warning as long as another source is
    usable, else the first such failure is raised.  A path that does not exist, or a web address
    when ``offline``, is always an error.
    """
    failures: list[InputError] = []  # of the paths given, in order
    skipped: dict[str, list[tuple[str, str]]] = {}  # folder -> (file, why) of the files it skips
    items: list[_Item] = []
    seen: set[str] = set()
    given = [os.fspath(p) for p in paths]
    for path in given:
        if path == "-":
            found = [_Item("-", STDIN_NAME, "text")]
        elif web.is_url(path):
            if offline:
                raise InputError(path, "a web address, and fetching is off (--offline)")
            found = [_Item(path, web.source_name(path), "web")]
        elif not os.path.exists(path):
            raise InputError(path, "no such file or folder")
        elif os.path.isdir(path):
            found = _folder_items(path, failures, warn, skipped.setdefault(path, []))
        else:
            found = [_Item(path, os.path.basename(path), _format_of(path))]
        for item in found:
            key = item.path if item.path == "-" or item.format == "web" else os.path.realpath(item.path)
            if key not in seen:
                seen.add(key)
                items.append(item)

    sources: list[Source] = []
    usable_folders: set[str] = set()
    for done, item in enumerate(items, 1):
        try:
            read = _read_item(item, stdin, max_bytes, warn)
        except InputError as err:
            if item.folder is None:
                failures.append(err)
            else:
                skipped[item.folder].append((err.path, err.problem))
        else:
            sources += read
            if item.folder is not None:
                usable_folders.add(item.folder)
        if progress is not None:
            progress(done, len(items))
    for folder, files in skipped.items():
        if files:
            shown = "; ".join(f"{os.path.relpath(path, folder)} ({why})" for path, why in files[:_LISTED])
            more = f"; and {len(files) - _LISTED} more" if len(files) > _LISTED else ""
            warn(f"{folder}: skipped {len(files)} file{'s' if len(files) != 1 else ''}: {shown}{more}")

    folders = dict.fromkeys(item.folder for item in items if item.folder is not None)
    failures += [InputError(f, _NOTHING_IN_FOLDER) for f in folders if f not in usable_folders]
    order = {STDIN_NAME if p == "-" else p: i for i, p in reversed(list(enumerate(given)))}
    failures.sort(key=lambda err: order.get(err.path, len(given)))  # in the order given
    if not sources:
        raise failures[0]
    for err in failures:
        warn(f"{err.path}: {err.problem}, skipped")
    return sources


def _format_of(path: str) -> str:
    return _FORMATS.get(os.path.splitext(path)[1].lower(), "text")


def _folder_items(
    folder: str, failures: list[InputError], warn: Callable[[str], None], skipped: list[tuple[str, str]]
) -> list[_Item]:
    """The supported, non-hidden files under ``folder``, sorted by relative path; the other files
    go to ``skipped`` with the reason.

    Walked with a stack, not recursion; folders deeper than MAX_FOLDER_DEPTH are skipped, and a
    folder reached again through a symlink is skipped (a loop would never end).
    """
    found: list[tuple[str, str]] = []  # (relative path with "/", full path)
    try:
        top = os.stat(folder)
    except OSError as err:
        failures.append(InputError(folder, f"cannot read: {err.strerror or err}"))
        return []
    entered = {(top.st_dev, top.st_ino)}
    stack = [(folder, 0)]
    examined = 0
    while stack:
        directory, depth = stack.pop()
        try:
            with os.scandir(directory) as listing:
                entries = list(listing)
        except OSError as err:
            problem = f"cannot read: {err.strerror or err}"
            if directory == folder:
                failures.append(InputError(folder, problem))
                return []
            warn(f"{directory}: {problem}, skipped")
            continue
        examined += len(entries)
        if examined > MAX_FOLDER_ENTRIES:
            warn(f"{folder}: over {MAX_FOLDER_ENTRIES:,} files and folders; the rest is not read")
            break
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if _is_folder(entry):
                if depth >= MAX_FOLDER_DEPTH:
                    warn(f"{entry.path}: folders nested over {MAX_FOLDER_DEPTH} deep, skipped")
                    continue
                try:
                    info = entry.stat()
                except OSError as err:
                    warn(f"{entry.path}: cannot read: {err.strerror or err}, skipped")
                    continue
                if (info.st_dev, info.st_ino) in entered:
                    warn(f"{entry.path}: a folder already read (a symlink loop), skipped")
                    continue
                entered.add((info.st_dev, info.st_ino))
                stack.append((entry.path, depth + 1))
            elif entry.name.lower().endswith(SUPPORTED_SUFFIXES):
                found.append((os.path.relpath(entry.path, folder).replace(os.sep, "/"), entry.path))
            else:
                skipped.append((entry.path, "not .txt, .md or .html"))
    if not found:
        failures.append(InputError(folder, _NOTHING_IN_FOLDER))
    return [_Item(full, rel, _format_of(rel), folder) for rel, full in sorted(found)]


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # follows symlinks: a linked folder is read, once
    except OSError:
        return False


def _read_item(item: _Item, stdin: BinaryIO | None, max_bytes: int,
               warn: Callable[[str], None]) -> list[Source]:
    """The source a file or a web page holds; the articles standard input holds."""
    if item.format == "web":
        return [web.fetch_source(item.path, max_bytes)]
    if item.path == "-":
        stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
        if stream is None:  # standard input closed (<&-)
            raise InputError(STDIN_NAME, "standard input is closed")
        try:
            data = _read_limited(stream, STDIN_NAME, max_bytes)
        except OSError as err:
            raise InputError(STDIN_NAME, f"cannot read: {err.strerror or err}") from err
        name = STDIN_NAME
    else:
        data = _read_file(item.path, max_bytes)
        name = item.path
    text, encoding = decode(data, name, warn)
    if item.path == "-":
        articles = stdin_articles(text)
        if len(articles) > 1:
            return [_source(f"{STDIN_NAME}#{i}" if not article.name else article.name, "-", article.text,
                            encoding, "text", date=article.date) for i, article in enumerate(articles, 1)]
        if articles:
            return [_source(articles[0].name or STDIN_NAME, "-", articles[0].text, encoding, "text",
                            date=articles[0].date)]
    return [_source(item.name, item.path, text, encoding, item.format)]


def _source(name: str, path: str, text: str, encoding: str, fmt: str, date: str | None = None) -> Source:
    """A source of decoded text; errors name the file as given (the article's name on stdin)."""
    where = name if path == "-" else path
    if is_briefing(text):
        raise InputError(where, "a briefing written by summarize, not an article")
    if path == "-" and _HTML_START.match(text[:4096]):
        fmt = "html"
    if fmt == "html":
        text = html_text(text)
    if not text.strip():
        raise InputError(where, "empty file")
    return Source(name=name, path=path, text=text, encoding=encoding, format=fmt, date=date)


@dataclass(frozen=True)
class _Article:
    name: str | None
    text: str
    date: str | None = None


_SEPARATOR = re.compile(r"^---[ \t]*$", re.MULTILINE)


def stdin_articles(text: str) -> list[_Article]:
    """The articles standard input carries: JSON Lines (``{"name", "text", "date"?}`` a line),
    plain articles separated by a line holding only ``---``, or one plain article."""
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith("{") for line in lines):
        return [_json_article(line, number) for number, line in enumerate(lines, 1)]
    return [_Article(None, part) for part in _SEPARATOR.split(text) if part.strip()]


def _json_article(line: str, number: int) -> _Article:
    where = f"{STDIN_NAME} line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(where, f"not valid JSON ({err.msg})") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(where, 'each line must be an object with a "text" string')
    name, date = record.get("name"), record.get("date")
    if name is not None and not isinstance(name, str) or date is not None and not isinstance(date, str):
        raise InputError(where, '"name" and "date" must be strings')
    return _Article(_clean(name) if name else None, _clean(record["text"]), date)


def _too_large(size: int, max_bytes: int) -> str:
    def mb(n: int) -> str:
        return f"{n / 2**20:.1f}" if n >= 2**20 // 10 else f"{n / 2**20:.3g}"

    return f"file is {mb(size)} MB, over the {max_bytes / 2**20:.3g} MB limit (max_file_mb)"


def _read_file(path: str, max_bytes: int) -> bytes:
    """A regular file's bytes, its size checked before reading (a FIFO or device is refused unread)."""
    try:
        _check_regular(path, os.stat(path), max_bytes)
        # Non-blocking, no controlling terminal: should the path be swapped for a FIFO or a
        # terminal after the check above, opening it cannot hang; the descriptor is checked again.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with open(descriptor, "rb") as stream:
            _check_regular(path, os.fstat(descriptor), max_bytes)
            return _read_limited(stream, path, max_bytes)
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from err


def _check_regular(path: str, info: os.stat_result, max_bytes: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, f"is {file_kind(info.st_mode)}, not a regular file")
    if info.st_size > max_bytes:
        raise InputError(path, _too_large(info.st_size, max_bytes))


def _read_limited(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes``; refuse the stream if it holds more (pipes, devices)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(name, f"input is over the {max_bytes / 2**20:.3g} MB limit (max_file_mb)")
    return data


def decode(data: bytes, name: str, warn: Callable[[str], None] | None = None) -> tuple[str, str]:
    """Decode ``data`` to text: BOM-marked Unicode, UTF-8, else charset-normalizer's guess.

    The BOM is removed, CRLF / CR line ends become ``"\\n"``, form feeds and vertical tabs a
    line end; other control characters, terminal escape sequences and bidirectional overrides
    are removed.  Returns (text, encoding).  Raises InputError when the data looks binary.
    """
    text, encoding = _decode_bom(data) or _decode_plain(data, name, warn or (lambda message: None))
    if "\x00" in text or len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise InputError(name, "binary file, not text")
    return _clean(text), encoding


def _clean(text: str) -> str:
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


def _decode_plain(data: bytes, name: str, warn: Callable[[str], None]) -> tuple[str, str]:
    if b"\x00" in data:
        raise InputError(name, "binary file, not text")
    body, encoding = (data[3:], "utf-8-sig") if data.startswith(codecs.BOM_UTF8) else (data, "utf-8")
    try:
        return body.decode("utf-8"), encoding
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few stray bytes (a Windows-1252 quote pasted in) stays UTF-8, the strays
    # replaced: guessing a code page for the whole file would corrupt every other character.
    # Only when invalid sequences outnumber valid multi-byte characters is it a legacy encoding.
    text = body.decode("utf-8", "replace")
    invalid = text.count("\ufffd") - body.count("\ufffd".encode("utf-8"))
    valid = len(text) - len(text.encode("ascii", "ignore")) - invalid
    if invalid <= valid:
        warn(f"{name}: {invalid} invalid UTF-8 byte sequence{'s' if invalid != 1 else ''} replaced by \ufffd")
        return text, encoding
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


def html_text(html: str) -> str:
    """The article text of an HTML page, one paragraph a line ("" when there is none).

    Text a browser never shows (``<template>``, the ``hidden`` attribute, inline styles
    ``display: none``, ``visibility: hidden``, ``opacity: 0``, ``font-size: 0``) is removed first.
    """
    import trafilatura

    tree = visible_page(html)
    if tree is not None:
        text = trafilatura.extract(
            tree, include_comments=False, include_tables=False, include_images=False
        )
        if text and text.strip():
            return text.strip()
    return _visible_text(html)


def visible_page(html: str):
    """The page as trafilatura parses it, without what a browser never shows; None if not HTML."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is not None:
        _drop_hidden(tree)
    return tree


def _drop_hidden(root) -> None:
    hidden = [
        element
        for element in root.xpath("//template | //*[@hidden] | //*[@style]")
        if element.tag == "template" or element.get("hidden") is not None or _hides(element.get("style") or "")
    ]
    for element in hidden:
        element.drop_tree()  # keeps the element's tail: the text after it is visible


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
