"""First stage of the pipeline: turn the paths a user gives into ``Source`` objects.

All file and standard-input I/O of the summarizer happens here.  Problems a user can fix are
raised as ``InputError``; problems with single files among several are reported via ``warn``.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from dataclasses import dataclass
from typing import BinaryIO, Callable, Sequence

from . import features, web
from .errors import InputError
from .models import Source

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
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
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass(frozen=True)
class _Item:
    """One file (or standard input) to read."""

    path: str  # shown in messages and kept as Source.path
    name: str  # Source.name
    format: str
    folder: str | None = None  # the folder given on the command line that holds the file


_NOTHING_IN_FOLDER = "no readable .txt, .md or .html files in folder"


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
            found = _folder_items(path, failures, warn)
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
            source = _read_item(item, stdin, max_bytes)
        except InputError as err:
            if item.folder is None:
                failures.append(err)
            else:
                warn(f"{err.path}: {err.problem}, skipped")
        else:
            sources.append(source)
            if item.folder is not None:
                usable_folders.add(item.folder)
            if not looks_english(source.text):
                warn(f"{source.name}: text does not look like English; results may be poor")
        if progress is not None:
            progress(done, len(items))

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
    folder: str, failures: list[InputError], warn: Callable[[str], None]
) -> list[_Item]:
    """The supported, non-hidden files under ``folder``, sorted by relative path."""

    def unreadable(err: OSError) -> None:
        problem = f"cannot read: {err.strerror or err}"
        if err.filename in (None, folder):
            failures.append(InputError(folder, problem))
        else:
            warn(f"{err.filename}: {problem}, skipped")

    found: list[tuple[str, str]] = []  # (relative path with "/", full path)
    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for file in files:
            if file.startswith(".") or not file.lower().endswith(SUPPORTED_SUFFIXES):
                continue
            full = os.path.join(root, file)
            found.append((os.path.relpath(full, folder).replace(os.sep, "/"), full))
    if not found and not (failures and failures[-1].path == folder):
        failures.append(InputError(folder, _NOTHING_IN_FOLDER))
    return [_Item(full, rel, _format_of(rel), folder) for rel, full in sorted(found)]


def _read_item(item: _Item, stdin: BinaryIO | None, max_bytes: int) -> Source:
    if item.format == "web":
        return web.fetch_source(item.path, max_bytes)
    if item.path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = _read_limited(stream, STDIN_NAME, max_bytes)
        name = STDIN_NAME
    else:
        data = _read_file(item.path, max_bytes)
        name = item.path
    text, encoding = decode(data, name)
    fmt = item.format
    if item.path == "-" and _HTML_START.match(text[:4096]):
        fmt = "html"
    if fmt == "html":
        text = html_text(text)
    if not text.strip():
        raise InputError(name, "empty file")
    return Source(name=item.name, path=item.path, text=text, encoding=encoding, format=fmt)


def _too_large(size: int, max_bytes: int) -> str:
    def mb(n: int) -> str:
        return f"{n / 2**20:.1f}" if n >= 2**20 // 10 else f"{n / 2**20:.3g}"

    return f"file is {mb(size)} MB, over the {max_bytes / 2**20:.3g} MB limit (max_file_mb)"


def _read_file(path: str, max_bytes: int) -> bytes:
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise InputError(path, _too_large(size, max_bytes))
        with open(path, "rb") as stream:
            return _read_limited(stream, path, max_bytes)
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from err


def _read_limited(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes``; refuse the stream if it holds more (pipes, devices)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(name, f"input is over the {max_bytes / 2**20:.3g} MB limit (max_file_mb)")
    return data


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` to text: BOM-marked Unicode, UTF-8, else charset-normalizer's guess.

    The BOM is removed and CRLF / CR line ends become ``"\\n"``.  Returns (text, encoding).
    Raises InputError when the data looks binary.
    """
    text, encoding = _decode_bom(data) or _decode_plain(data, name)
    if "\x00" in text or len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise InputError(name, "binary file, not text")
    return _LINE_ENDS.sub("\n", text), encoding


def _decode_bom(data: bytes) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.replace("-sig", "")), encoding
            except UnicodeDecodeError:
                return None  # a BOM-like start of binary data: judged below
    return None


def _decode_plain(data: bytes, name: str) -> tuple[str, str]:
    if b"\x00" in data:
        raise InputError(name, "binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
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
    """The article text of an HTML page, one paragraph a line ("" when there is none)."""
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, include_images=False
    )
    if text and text.strip():
        return text.strip()
    return _visible_text(html)


def _visible_text(html: str) -> str:
    """Fallback: the text of the page's <p>, <h1>-<h6> and <li> elements."""
    from lxml import etree, html as lxml_html

    try:
        root = lxml_html.document_fromstring(
            html.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8")
        )
    except (etree.ParserError, ValueError):
        return ""
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


def looks_english(text: str) -> bool:
    """False for text long enough to judge in which few words are English stopwords."""
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    if len(words) < 30:
        return True
    stop_words = features.stop_words("english")
    return sum(w in stop_words for w in words) >= 0.2 * len(words)
