"""Articles from web addresses, against a local HTTP server on 127.0.0.1 that the tests start."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from summarizer import summarize

from summarizer.ingest import web
from summarizer.cli import app
from summarizer.errors import InputError
from summarizer.ingest.load import load_sources

ARTICLE = """<!DOCTYPE html>
<html><head><title>Ferry Runs Aground Near Skerry Point | The Coast Herald</title>
<meta property="og:title" content="Ferry Runs Aground Near Skerry Point">
<meta property="article:published_time" content="2025-09-14T08:30:00Z">
<script>var tracking = "SCRIPT_SECRET";</script></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Ferry Runs Aground Near Skerry Point</h1>
<p>A passenger ferry ran aground near Skerry Point on Sunday evening with 212 people on board, the coastguard said.</p>
<p>All passengers were taken ashore by lifeboats within three hours, and nobody was seriously hurt.</p>
<p>The operator said the vessel lost steering in strong winds shortly after leaving the harbour.</p>
</article></body></html>
"""
SECOND = """<!DOCTYPE html>
<html><head><title>Ferry aground at Skerry Point</title></head><body><article>
<p>A passenger ferry ran aground near Skerry Point on Sunday evening with 212 people on board, the coastguard said.</p>
<p>Investigators will examine the steering system of the vessel, which was built in 2009.</p>
</article></body></html>
"""
PLAIN = "Harbour notice\n\nThe harbour will reopen on Tuesday after the ferry is towed to the dry dock for repairs.\n"
LATIN = "Café notice\n\nThe café by the harbour will reopen on Tuesday, its owner said.\n"
# A page in the code page its <meta> names, the answer naming none; a sentence in bold and a link;
# an impossible date.
CENTRAL = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250">
<meta property="article:published_time" content="2025-02-30"><title>Transfer</title></head><body><article>
<p>The striker <b>Łukasz Nowak</b> signed a three-year contract with the <a href="/club">club</a> on Monday.</p>
<p>Nowak, 24, scored eighteen goals in the league last season and was named player of the year.</p>
</article></body></html>"""
LIMIT = 4096  # bytes: the tests' max_file_mb


class Handler(BaseHTTPRequestHandler):
    requests: list[str] = []
    release = threading.Event()  # ends the slow answers when a test is over

    def do_GET(self):  # noqa: N802 (the standard library's name)
        Handler.requests.append(self.path)
        route = {
            "/ferry": (200, "text/html; charset=utf-8", ARTICLE.encode()),
            "/ferry-2": (200, "text/html", SECOND.encode()),
            "/notice.txt": (200, "text/plain; charset=utf-8", PLAIN.encode()),
            "/notice.md": (200, "text/markdown", PLAIN.encode()),
            "/latin-1": (200, "text/plain; charset=ISO-8859-1", LATIN.encode("latin-1")),
            "/wrong-charset": (200, "text/plain; charset=us-ascii", LATIN.encode("utf-8")),
            "/transfer": (200, "text/html", CENTRAL.encode("cp1250")),
            "/empty": (200, "text/html", b"<html><head><title>Only a title</title></head><body></body></html>"),
            "/photo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
            "/huge": (200, "text/html", b"<p>" + b"x" * (LIMIT * 2) + b"</p>"),
        }.get(self.path)
        if self.path == "/slow":
            self.release.wait(10)
            route = (200, "text/html", ARTICLE.encode())
        if self.path in ("/huge-unannounced", "/trickle"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the body runs until the connection closes
            try:
                for _ in range(LIMIT * 2 // 64):
                    if self.path == "/trickle" and self.release.wait(0.1):
                        break
                    self.wfile.write(b"<p>" + b"y" * 57 + b"</p>\n")
                    self.wfile.flush()
            except ConnectionError:  # the client gave up, as it should
                pass
            return
        if route is None:
            route = (404, "text/html", b"<h1>Not found</h1>")
        status, content_type, body = route
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    Handler.release.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    Handler.requests.clear()


def test_article_title_date_and_text(server):
    source = web.fetch_source(f"{server}/ferry", LIMIT)
    assert source.path == f"{server}/ferry" and source.name == f"127.0.0.1:{server.rsplit(':', 1)[1]}/ferry"
    assert source.format == "html" and source.date == "2025-09-14"
    assert source.title == "Ferry Runs Aground Near Skerry Point"  # og:title, without the site's name
    assert source.text.splitlines()[0] == "Ferry Runs Aground Near Skerry Point"  # the article's <h1>
    assert "212 people on board" in source.text and "lost steering" in source.text
    assert "SCRIPT_SECRET" not in source.text and "Sport" not in source.text
    assert Handler.requests == ["/ferry"]


def test_a_page_in_its_declared_code_page_with_inline_markup_and_an_impossible_date(server):
    source = web.fetch_source(f"{server}/transfer", LIMIT)
    assert source.text.splitlines() == [
        "The striker Łukasz Nowak signed a three-year contract with the club on Monday.",
        "Nowak, 24, scored eighteen goals in the league last season and was named player of the year."]
    assert source.encoding == "cp1250" and source.date is None


@pytest.mark.parametrize("path, fmt", [("/notice.txt", "text"), ("/notice.md", "markdown")])
def test_text_pages_are_read_as_text_files(server, path, fmt):
    source = web.fetch_source(f"{server}{path}", LIMIT)
    assert source.format == fmt and source.text == PLAIN and source.date is None and source.title is None


@pytest.mark.parametrize("path, encoding", [
    ("/latin-1", "iso-8859-1"),  # as the answer names it
    ("/wrong-charset", "utf-8"),  # the named charset cannot read it: detected instead
])
def test_the_charset_the_answer_names_where_it_fits(server, path, encoding):
    source = web.fetch_source(f"{server}{path}", LIMIT)
    assert source.text == LATIN and source.encoding == encoding


@pytest.mark.parametrize("path, problem", [
    ("/gone", "cannot fetch: HTTP 404 Not Found"),
    ("/photo.png", "not a web page or text but image/png"),
    ("/empty", "no article text found on the page"),
    ("/huge", "page is over the 0.00391 MB limit (input.max_file_mb)"),
    ("/huge-unannounced", "page is over the 0.00391 MB limit (input.max_file_mb)"),
])
def test_refused_pages_name_the_address(server, path, problem):
    with pytest.raises(InputError) as error:
        web.fetch_source(f"{server}{path}", LIMIT)
    assert str(error.value) == f"{server}{path}: {problem}"


@pytest.mark.parametrize("path", ["/slow", "/trickle"])  # no answer; an answer that never ends
def test_a_slow_server_is_given_up_on_after_the_timeout(server, path):
    started = time.monotonic()
    with pytest.raises(InputError) as error:
        web.fetch_source(f"{server}{path}", LIMIT * 100, timeout=0.5)
    assert str(error.value) == f"{server}{path}: cannot fetch: no answer within 0.5 s"
    assert time.monotonic() - started < 5


def test_nothing_listening_is_an_error_naming_the_address():
    with pytest.raises(InputError, match=r"^http://127\.0\.0\.1:9/x: cannot fetch: "):
        web.fetch_source("http://127.0.0.1:9/x", LIMIT)


def test_a_failed_address_among_other_inputs_is_a_warning(server, tmp_path):
    article = tmp_path / "local.txt"
    article.write_text(PLAIN, encoding="utf-8")
    warnings = []
    sources = load_sources([f"{server}/gone", str(article), f"{server}/ferry"], max_bytes=LIMIT,
                           warn=warnings.append)
    assert [s.name for s in sources] == ["local.txt", web.source_name(f"{server}/ferry")]
    assert warnings == [f"{server}/gone: cannot fetch: HTTP 404 Not Found, skipped"]
    with pytest.raises(InputError, match="HTTP 404"):
        load_sources([f"{server}/gone"], max_bytes=LIMIT)


def test_the_same_address_twice_is_read_once(server):
    assert len(load_sources([f"{server}/ferry", f"{server}/ferry"], max_bytes=LIMIT)) == 1
    assert Handler.requests == ["/ferry"]


def test_cli_summarizes_web_pages(server, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [f"{server}/ferry", f"{server}/ferry-2", "--format", "json", "-o", "-"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [s["path"] for s in document["sources"]] == [f"{server}/ferry", f"{server}/ferry-2"]
    assert [s["date"] for s in document["sources"]] == ["2025-09-14", None]
    # The headline: the article's <h1>, or the page's title when the article has no heading.
    assert [s["title"] for s in document["sources"]] == ["Ferry Runs Aground Near Skerry Point",
                                                         "Ferry aground at Skerry Point"]
    cited = {c["source"] for s in document["sentences"] for c in s["citations"]}
    assert cited == {s["name"] for s in document["sources"]}  # the shared sentence is cited to both


def test_offline_setting_refuses_addresses_in_the_library(server, tmp_path):
    (tmp_path / "local.txt").write_text(PLAIN, encoding="utf-8")
    with pytest.raises(InputError, match=r"ferry: a web address, and fetching is off"):
        summarize([str(tmp_path / "local.txt"), f"{server}/ferry"], offline=True)
    assert Handler.requests == []


def test_cli_offline_refuses_addresses_without_fetching(server, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "local.txt").write_text(PLAIN, encoding="utf-8")
    result = CliRunner().invoke(app, ["local.txt", f"{server}/ferry", "--offline"])
    assert result.exit_code == 1
    assert result.stderr == f"summarize: error: {server}/ferry: a web address, and fetching is off (--offline)\n"
    assert Handler.requests == [] and not (tmp_path / "briefing.md").exists()


def test_a_local_html_file_gets_the_same_title_date_and_text_as_the_page_fetched(server, tmp_path):
    fetched = web.fetch_source(f"{server}/ferry", LIMIT)
    (tmp_path / "ferry.html").write_text(ARTICLE, encoding="utf-8")
    (local,) = load_sources([str(tmp_path / "ferry.html")])
    assert local.date == fetched.date == "2025-09-14"
    assert local.title == fetched.title == "Ferry Runs Aground Near Skerry Point"
    assert local.text == fetched.text and local.format == "html"


def test_a_local_html_files_date_reaches_the_briefing(tmp_path):
    (tmp_path / "ferry.html").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "second.html").write_text(SECOND, encoding="utf-8")
    briefing = summarize([str(tmp_path / "ferry.html"), str(tmp_path / "second.html")])
    assert briefing.source_dates == ["2025-09-14", None]  # "built in 2009" in the text is no date
