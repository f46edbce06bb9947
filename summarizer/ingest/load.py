"""First stage of the pipeline: turn the paths a user gives into ``Source`` objects.

All file and standard-input reading of the summarizer happens here.  Problems a user can fix are
raised as ``InputError``; problems with single files among several are reported via ``warn``.
Every read is bounded: regular files only (a FIFO or a device would block or never end), the size
checked before reading, folders walked without recursion to a limited depth, each folder entered
once (symlink loops).  Control characters and terminal escape sequences are removed from the text
here, so that every later offset refers to the text as it is quoted.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import json
from dataclasses import dataclass
from typing import BinaryIO, Callable, Sequence

from . import web
from .decoding import clean, decode, html_article, html_text
from ..errors import InputError
from ..models import Source
from .formats import SUPPORTED_SUFFIXES, file_kind, is_briefing

_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
            ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}
STDIN_NAME = "<stdin>"

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
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
    def skipped_files(folder: str) -> str:
        files = skipped.get(folder, [])
        shown = "; ".join(f"{os.path.relpath(path, folder)} ({why})" for path, why in files[:_LISTED])
        more = f"; and {len(files) - _LISTED} more" if len(files) > _LISTED else ""
        return f"skipped {len(files)} file{'s' if len(files) != 1 else ''}: {shown}{more}"

    folders = dict.fromkeys(item.folder for item in items if item.folder is not None)
    failures += [InputError(f, _NOTHING_IN_FOLDER) for f in folders if f not in usable_folders]
    order = {STDIN_NAME if p == "-" else p: i for i, p in reversed(list(enumerate(given)))}
    failures.sort(key=lambda err: order.get(err.path, len(given)))  # in the order given
    if not sources:  # one line: a folder that gave nothing says why each of its files was skipped
        first = failures[0]
        if first.problem == _NOTHING_IN_FOLDER and skipped.get(first.path):
            raise InputError(first.path, f"{_NOTHING_IN_FOLDER}; {skipped_files(first.path)}")
        raise first
    for folder, files in skipped.items():
        if files:
            warn(f"{folder}: {skipped_files(folder)}")
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
    if item.format in ("json", "jsonl") and not is_briefing(text):  # (a JSON briefing is refused below)
        articles = json_articles(text, item.path, lines=item.format == "jsonl")
        return [_source(article.name or f"{item.name}#{i}", item.path, article.text, encoding, "text",
                        date=article.date, title=article.title, where=article.where)
                for i, article in enumerate(articles, 1)]
    if item.path == "-":
        if is_briefing(text):  # (before it is split at its own "---" lines)
            raise InputError(STDIN_NAME, "a briefing written by summarize, not an article")
        articles = stdin_articles(text)
        if len(articles) > 1:
            return [_source(f"{STDIN_NAME}#{i}" if not article.name else article.name, "-", article.text,
                            encoding, "text", date=article.date, title=article.title)
                    for i, article in enumerate(articles, 1)]
        if articles:
            return [_source(articles[0].name or STDIN_NAME, "-", articles[0].text, encoding, "text",
                            date=articles[0].date, title=articles[0].title)]
    return [_source(item.name, item.path, text, encoding, item.format)]


def _source(name: str, path: str, text: str, encoding: str, fmt: str, date: str | None = None,
            title: str | None = None, where: str | None = None) -> Source:
    """A source of decoded text; errors name ``where``, else the file as given (the article's name
    on stdin)."""
    where = where or (name if path == "-" else path)
    if is_briefing(text):
        raise InputError(where, "a briefing written by summarize, not an article")
    if path == "-" and _HTML_START.match(text[:4096]):
        fmt = "html"
    page = ""
    if fmt == "html":  # as a page fetched from the web: its title and date from its markup
        found_title, found_date, article = html_article(text)
        page, (text, date, title) = text, (article or html_text(text), date or found_date, title or found_title)
    if not text.strip():  # a page with markup but no article (only navigation) is not an empty file
        empty = "empty file" if where in (path, name) else "empty text"  # (an article of a JSON file)
        raise InputError(where, "no article text found in the page" if page.strip() else empty)
    return Source(name=name, path=path, text=text, encoding=encoding, format=fmt, date=date, title=title or None)


@dataclass(frozen=True)
class _Article:
    name: str | None
    text: str
    date: str | None = None
    title: str | None = None
    where: str | None = None  # its place in a JSON file, as errors name it ("feed.jsonl line 5")


# A line holding only "---"; or "---" ending a line of text, where an article without a final
# newline ran into the separator (`cat a.txt <(echo ---) b.txt`): three dashes, no more.
_SEPARATOR = re.compile(r"(?:^|(?<=[^\s-]))---[ \t]*$", re.MULTILINE)


def stdin_articles(text: str) -> list[_Article]:
    """The articles standard input carries: JSON Lines (``{"name", "text", "date"?, "title"?}`` a line),
    plain articles separated by a line holding only ``---``, or one plain article."""
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith("{") for line in lines):
        return json_articles(text, STDIN_NAME, lines=True)
    return [_Article(None, part) for part in _SEPARATOR.split(text) if part.strip()]


def json_articles(text: str, where: str, *, lines: bool) -> list[_Article]:
    """The articles of JSON text: JSON Lines (``lines``: one object a line, blank lines skipped), or
    one JSON document holding an article object or a list of them.  An article is
    ``{"text", "name"?, "title"?, "date"?}`` (``id`` is taken for ``name``, as feeds have it);
    errors name ``where`` and the line or article."""
    if lines:
        numbered = [(f"{where} line {n}", line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        records = [(at, _parsed(line, at, one_line=True)) for at, line in numbered]
    else:
        document = _parsed(text, where)
        many = document if isinstance(document, list) else [document]
        records = [(f"{where} article {n}" if isinstance(document, list) else where, record)
                   for n, record in enumerate(many, 1)]
    if not records:
        raise InputError(where, "no article in it")
    return [_json_article(record, at) for at, record in records]


def _parsed(text: str, where: str, one_line: bool = False) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        at = "" if one_line else f" at line {err.lineno}"
        raise InputError(where, f"not valid JSON ({err.msg}{at})") from None
    except RecursionError:
        raise InputError(where, "not valid JSON (nested too deeply)") from None


def _json_article(record: object, where: str) -> _Article:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(where, 'each article must be an object with a "text" string')
    name, date, title = record.get("name", record.get("id")), record.get("date"), record.get("title")
    if any(value is not None and not isinstance(value, str) for value in (name, date, title)):
        raise InputError(where, '"name" (or "id"), "date" and "title" must be strings')
    return _Article(clean(name) if name else None, clean(record["text"]), date,
                    " ".join(clean(title).split()) or None if title else None, where)


def _too_large(size: int, max_bytes: int) -> str:
    def mb(n: int) -> str:
        return f"{n / 2**20:.1f}" if n >= 2**20 // 10 else f"{n / 2**20:.3g}"

    return f"file is {mb(size)} MB, over the {max_bytes / 2**20:.3g} MB limit (input.max_file_mb)"


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
        raise InputError(name, f"input is over the {max_bytes / 2**20:.3g} MB limit (input.max_file_mb)")
    return data
