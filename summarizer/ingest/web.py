"""Articles from the web: fetch a page over HTTP(S) and extract its article (title, date, text).

Every network access of the summarizer happens here, and only for inputs that are web addresses.
Problems are raised as ``InputError`` naming the address, like unreadable files.
"""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

from .decoding import decode, html_article, html_text
from ..errors import InputError
from ..models import Source

TIMEOUT_SECONDS = 20.0  # for the whole download, not only for each read
USER_AGENT = "Mozilla/5.0 (compatible; summarizer; news briefing)"
_URL = re.compile(r"https?://", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = {"text/plain": "text", "text/markdown": "markdown"}  # read as the files of that format
_CHUNK = 1 << 16


def is_url(path: str) -> bool:
    return bool(_URL.match(path))


def source_name(url: str) -> str:
    """How a page is named in citations: its host and path, without scheme, query or fragment."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path.rstrip("/")) or url


def fetch_source(url: str, max_bytes: int, timeout: float = TIMEOUT_SECONDS) -> Source:
    """The article at ``url``: its text, title and publication date as the page's markup gives them."""
    data, content_type, charset = _download(url, max_bytes, timeout)
    page, encoding = _decode(data, charset, url)
    if content_type in _HTML_TYPES:
        title, date, text = html_article(page)
        text, fmt = text or html_text(page), "html"  # without an article: the page's paragraphs
    else:
        title, date, text, fmt = "", None, page, _TEXT_TYPES[content_type]
    if not text.strip():
        raise InputError(url, "no article text found on the page")
    return Source(name=source_name(url), path=url, text=text, encoding=encoding, format=fmt, date=date,
                  title=title or None)


def _decode(data: bytes, charset: str | None, url: str) -> tuple[str, str]:
    """The page as text, in the charset its answer names where that decodes it, else as detected."""
    if charset:
        try:
            # Through the loader as UTF-8: its checks for binary data and its line ends still apply.
            return decode(data.decode(charset).encode("utf-8"), url)[0], charset
        except (LookupError, UnicodeError):  # an unknown charset, or one the page is not in
            pass
    return decode(data, url)


def _download(url: str, max_bytes: int, timeout: float) -> tuple[bytes, str, str | None]:
    """The body of the answer, its content type and charset; refused when too large, too slow or
    not text."""
    import http.client
    import urllib.error
    import urllib.request  # imported here: most runs read files only, and this costs start-up time

    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8,text/markdown;q=0.8"})
    deadline = time.monotonic() + timeout
    too_large = f"page is over the {max_bytes / 2**20:.3g} MB limit (input.max_file_mb)"
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if content_type not in (*_HTML_TYPES, *_TEXT_TYPES):
                raise InputError(url, f"not a web page or text but {content_type}")
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise InputError(url, too_large)
            body = bytearray()
            while chunk := response.read1(_CHUNK):  # read1: a slow server cannot stall a full read
                body += chunk
                if len(body) > max_bytes:
                    raise InputError(url, too_large)
                if time.monotonic() > deadline:
                    raise TimeoutError
            return bytes(body), content_type, response.headers.get_content_charset()
    except urllib.error.HTTPError as error:
        raise InputError(url, f"cannot fetch: HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise InputError(url, f"cannot fetch: no answer within {timeout:g} s") from None
        reason = getattr(error.reason, "strerror", None) or error.reason
        raise InputError(url, f"cannot fetch: {reason}") from None
    except TimeoutError:
        raise InputError(url, f"cannot fetch: no answer within {timeout:g} s") from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise InputError(url, f"cannot fetch: {error or type(error).__name__}") from None
