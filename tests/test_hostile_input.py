"""Careless and hostile input: bounded reads, escaped output, lenient UTF-8, hidden HTML."""

from __future__ import annotations

import json
import os
import re
import signal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.ingest import decoding

from summarizer.ingest import load
from summarizer.cli import app
from summarizer.errors import InputError
from summarizer.ingest.decoding import decode
from summarizer.ingest.load import load_sources
from summarizer.models import Briefing, BriefingSentence, Budget, Citation, Disagreement, FigureClaim, Source
from summarizer.pipeline import summarize
from summarizer.output.text import visible
from summarizer.output.render import render

STORY = (
    "The city council approved a new budget for public libraries on Tuesday evening after a long debate. "
    "The plan adds weekend opening hours at five branches and hires twelve more librarians, officials said. "
    "Opponents argued that the money should have gone to road repairs instead.\n"
)
OTHER = (
    "Public libraries will open on weekends at five branches under the budget the council approved on Tuesday. "
    "Twelve librarians will be hired, according to officials who presented the plan. "
    "Some council members said road repairs deserved the money more.\n"
)
runner = CliRunner()


@pytest.fixture
def alarm():
    """Fail a test that would hang (a blocking open or read) instead of hanging the suite."""

    def timeout(signum, frame):
        raise TimeoutError("hung")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def folder_with_stories(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "a.txt").write_text(STORY, encoding="utf-8")
    (root / "b.txt").write_text(OTHER, encoding="utf-8")
    return root


def collect():
    messages: list[str] = []
    return messages, messages.append


# --- bounds ------------------------------------------------------------------------------------


def test_fifo_inside_a_folder_is_skipped_with_a_warning(tmp_path, alarm):
    folder = folder_with_stories(tmp_path / "news")
    os.mkfifo(folder / "pipe.txt")
    messages, warn = collect()
    sources = load_sources([str(folder)], warn=warn)
    assert [s.name for s in sources] == ["a.txt", "b.txt"]
    assert any("pipe.txt" in m and "FIFO" in m for m in messages)


def test_fifo_given_by_name_is_refused(tmp_path, alarm):
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(InputError, match="FIFO") as info:
        load_sources([str(tmp_path / "pipe.txt")])
    assert info.value.path == str(tmp_path / "pipe.txt")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_device_given_by_name_is_refused_unread(device, alarm):
    with pytest.raises(InputError, match="device"):
        load_sources([device])


def test_size_is_checked_before_reading(tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as stream:
        stream.truncate(2**30)  # sparse: 1 GB that is never read
    monkeypatch.setattr(os, "open", lambda *args, **kwargs: pytest.fail("opened a file over the limit"))
    with pytest.raises(InputError, match="over the 16 MB limit"):
        load_sources([str(huge)])


def test_folders_nested_too_deep_are_skipped_with_one_warning(tmp_path):
    root = folder_with_stories(tmp_path / "news")
    deepest = root.joinpath(*["d"] * (load.MAX_FOLDER_DEPTH + 8))
    deepest.mkdir(parents=True)
    (deepest / "deep.txt").write_text(STORY, encoding="utf-8")
    (root / "d" / "d" / "d" / "shallow.txt").write_text(OTHER.replace("Some", "Several"), encoding="utf-8")
    messages, warn = collect()
    names = [s.name for s in load_sources([str(root)], warn=warn)]
    assert names == ["a.txt", "b.txt", "d/d/d/shallow.txt"]
    assert sum("deep, skipped" in m for m in messages) == 1


def test_the_folder_walk_does_not_recurse(tmp_path, monkeypatch):
    """1,100 nested folders ended in RecursionError (os.walk recurses): the walk uses a stack."""
    import inspect
    import sys

    root = folder_with_stories(tmp_path / "news")
    deepest = root.joinpath(*["d"] * 300)
    deepest.mkdir(parents=True)
    (deepest / "deep.txt").write_text(OTHER, encoding="utf-8")
    monkeypatch.setattr(load, "MAX_FOLDER_DEPTH", 400)
    load_sources([str(root / "a.txt")])  # imports done before the limit is lowered
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 150)  # room for the loader's calls, not one per folder
    try:
        names = [s.name for s in load_sources([str(root)])]
    finally:
        sys.setrecursionlimit(limit)
    assert names[-1] == "/".join(["d"] * 300) + "/deep.txt"


def test_symlink_loops_are_walked_once(tmp_path, alarm):
    root = folder_with_stories(tmp_path / "news")
    (root / "sub").mkdir()
    (root / "sub" / "c.txt").write_text(OTHER.replace("Some", "Many"), encoding="utf-8")
    (root / "sub" / "back").symlink_to(root)
    (root / "self").symlink_to(".")
    messages, warn = collect()
    names = [s.name for s in load_sources([str(root)], warn=warn)]
    assert names == ["a.txt", "b.txt", "sub/c.txt"]
    assert any("loop" in m for m in messages)


def test_a_linked_folder_is_read(tmp_path):
    elsewhere = folder_with_stories(tmp_path / "elsewhere")
    root = tmp_path / "news"
    root.mkdir()
    (root / "linked").symlink_to(elsewhere)
    assert [s.name for s in load_sources([str(root)])] == ["linked/a.txt", "linked/b.txt"]


# --- encodings ---------------------------------------------------------------------------------


def test_utf8_with_one_windows_1252_byte_stays_utf8_with_a_warning():
    data = "“Quoted” – the mayor’s words, café.".encode("utf-8") + b" It\x92s late."
    messages, warn = collect()
    text, encoding = decode(data, "mixed.txt", warn)
    assert encoding == "utf-8"
    assert text == "“Quoted” – the mayor’s words, café. It\ufffds late."
    assert messages == ["mixed.txt: 1 invalid UTF-8 byte sequence replaced by \ufffd"]


def test_utf8_with_three_invalid_sequences_names_the_count(tmp_path):
    body = ("Le café “noir” coûte 3 € à Zürich, dit-il. " * 3).encode("utf-8")
    data = body + b"\xc3(" + b" and \xff then \xe2\x82 end.\n"
    path = tmp_path / "three.txt"
    path.write_bytes(data)
    messages, warn = collect()
    (source,) = load_sources([str(path)], warn=warn)
    assert source.encoding == "utf-8"
    assert source.text.count("\ufffd") == 3
    assert "Le café “noir” coûte 3 €" in source.text
    assert len(messages) == 1 and str(path) in messages[0] and "3 invalid UTF-8 byte sequences" in messages[0]


def test_a_literal_replacement_character_is_not_counted():
    text, encoding = decode("Bad \ufffd already here, “fine”.".encode() + b" \x93x", "x.txt", None)
    assert encoding == "utf-8" and text.count("\ufffd") == 2


@pytest.mark.parametrize("data, text", [
    (b"It\x92s late.", "It’s late."),  # charset-normalizer alone: big5hkscs
    (b"The council met on Tuesday. \xc3( \xff and \xe2\x82 end.", "The council met on Tuesday. Ã( ÿ and â‚ end."),
])
def test_ascii_with_a_few_high_bytes_is_windows_1252_not_a_guess(data, text):
    messages, warn = collect()
    assert decode(data, "x.txt", warn) == (text, "cp1252")
    assert messages == []


def test_a_legacy_file_is_still_detected_when_utf8_fails_badly():
    data = "Le café est très «bon», dit-il. Über Öl, à côté.".encode("cp1252")
    messages, warn = collect()
    assert decode(data, "x.txt", warn) == ("Le café est très «bon», dit-il. Über Öl, à côté.", "cp1252")
    assert messages == []


# --- control characters and terminal escapes ---------------------------------------------------


def test_control_characters_and_escape_sequences_are_removed_at_load(tmp_path):
    hostile = ("\x1bcThe city council \x1b[31mapproved\x1b[0m a new budget\x07 for public libraries "
               "on\x00 Tuesday evening\x1b]0;pwned\x07 after a long\u202e debate.\x0cNext page.\n")
    text, _ = decode(hostile.replace("\x00", "").encode("utf-8"), "x.txt")
    assert text == ("The city council approved a new budget for public libraries on Tuesday evening after "
                    "a long debate.\nNext page.\n")


def test_escape_sequences_never_reach_the_briefing_and_offsets_hold(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(STORY.replace("approved", "\x1b[2J\x1b[31mapproved\x1b[0m"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    briefing = summarize([str(path), str(tmp_path / "b.txt")], max_words=200)
    for fmt in ("markdown", "json"):
        assert "\x1b" not in render(briefing, fmt) and "[31m" not in render(briefing, fmt)
    for sentence in briefing.sentences:
        for citation in sentence.citations:
            source_text = briefing.sources[citation.source].text
            assert source_text[citation.start:citation.end] == citation.text


def test_terminal_escapes_in_file_names_are_shown_not_acted_on(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = folder_with_stories(tmp_path / "news")
    (folder / "\x1bc\x1b[31mevil.txt").write_bytes(b"\x00\x01binary")
    result = runner.invoke(app, [str(folder), "--output", "-"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stderr and "\x1b" not in result.stdout
    assert "\\x1bc\\x1b[31mevil.txt" in result.stderr


def test_visible_escapes_controls_bidi_and_undecodable_bytes():
    assert visible("a\x1b[31m\n\u202eb\udce9") == "a\\x1b[31m\\n\\u202eb\\xe9"


# --- escaping in the briefing ------------------------------------------------------------------


HOSTILE_NAMES = [
    "x\n# Injected heading\n.txt",
    "`<img src=x onerror=alert(1)>`.txt",
    "``two`` [link](http://evil.example) <b>bold</b>.txt",
    "caf\udce9.txt",  # a byte that is not UTF-8 in the file name
]


def hostile_briefing(name: str, title: str = "Budget") -> str:
    sources = [Source(name, name, STORY), Source("b.txt", "b.txt", OTHER)]
    return summarize(sources, max_words=200, title=title)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_file_names_stay_text_in_markdown(name):
    markdown_it = pytest.importorskip("markdown_it")
    briefing = hostile_briefing(name)
    html = markdown_it.MarkdownIt("commonmark").render(render(briefing, "markdown"))
    assert html.count("<h1>") == 1 and "<h2>Injected" not in html and "<h1>Injected" not in html
    assert "<img" not in html and "<b>" not in html and "<a " not in html
    assert "\x1b" not in html


@pytest.mark.parametrize("name", HOSTILE_NAMES + ["news/\x1bc\x1b[31mevil.txt"])
def test_hostile_file_names_stay_text_in_html(name):
    page = render(hostile_briefing(name), "html")
    page.encode("utf-8")  # no undecodable byte of a file name left in the page
    assert "\x1b" not in page and "<img" not in page and "<b>" not in page


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_file_names_round_trip_in_json(name):
    document = json.loads(render(hostile_briefing(name), "json"))
    assert document["sources"][0]["name"] == name
    assert document["generator"] == "summarize"


HOSTILE_TEXTS = [
    "1990. The year the council first approved a budget for the libraries.",
    "- A dash first, then [click](http://evil.example) and ![img](x.png) in the middle.",
    "Raw <script>alert(1)</script> and <img src=x onerror=alert(1)> tags, &lt;b&gt; and &#60;i&#62;.",
    "# Not a heading, > not a quote, === not an underline, | not | a table |.",
    "`code`, **bold**, _emphasis_, ~~strike~~ and a trailing backslash \\",
    "+ Plus first",
]


def briefing_of(texts: list[str], names: list[str], title: str) -> Briefing:
    sentences = [BriefingSentence(t, (Citation(0, 0, len(t), t, True),), 1.0) for t in texts]
    sources = [Source(n, n, " ".join(texts)) for n in names]
    claims = (FigureClaim("1990. <b>12</b>", (0,)), FigureClaim("[13](x)", (0,)))
    return Briefing(title=title, sentences=sentences, sources=sources, source_titles=[title] * len(names),
                    source_dates=[None] * len(names), disagreements=[Disagreement("- <i>people</i> # hurt", claims)],
                    changes=[], algorithm="lexrank", budget=Budget(100))


ALLOWED_TAGS = {"h1", "h2", "p", "em", "ul", "ol", "li", "code", "hr", "sub"}


def test_quoted_text_titles_and_figures_render_as_text_only():
    markdown_it = pytest.importorskip("markdown_it")
    from lxml import html as lxml_html

    title = "# Budget <i>x</i>\n=== [y](z)"
    markdown = render(briefing_of(HOSTILE_TEXTS, ["a.txt", "b.txt"], title), "markdown")
    html = markdown_it.MarkdownIt("commonmark").render(markdown)
    assert set(re.findall(r"<(\w+)", html)) <= ALLOWED_TAGS
    assert html.count("<h1>") == 1 and html.count("<li>") == len(HOSTILE_TEXTS) + 1 + 2
    shown = " ".join(lxml_html.fromstring(f"<div>{html}</div>").text_content().split())
    for text in HOSTILE_TEXTS + ["# Budget <i>x</i> === [y](z)", "- <i>people</i> # hurt: 1990. <b>12</b> [1]"]:
        assert text in shown  # verbatim: every character shown as it is, none acting


def test_non_utf8_file_names_on_the_command_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = folder_with_stories(tmp_path / "news")
    os.rename(folder / "a.txt", os.path.join(os.fsencode(folder), b"caf\xe9.txt"))
    result = runner.invoke(app, [str(folder), "--output", "-", "--max-words", "200"])
    assert result.exit_code == 0, result.output
    assert f"`{folder}/caf\\xe9.txt`" in result.stdout  # the path as given, its byte shown as an escape
    json_result = runner.invoke(app, [str(folder), "--format", "json", "--output", "out.json"])
    assert json_result.exit_code == 0, json_result.output
    names = {s["name"] for s in json.loads(Path("out.json").read_text(encoding="utf-8"))["sources"]}
    assert "caf\udce9.txt" in names


# --- hidden HTML -------------------------------------------------------------------------------


HIDDEN_PAGE = """<!DOCTYPE html><html><head><title>Budget</title></head><body><article>
<h1>Council approves library budget</h1>
<p>The city council approved a new budget for public libraries on Tuesday evening after a long debate.</p>
<template><p>TEMPLATE_TEXT says the budget was rejected by every member of the council.</p></template>
<p hidden>HIDDEN_ATTRIBUTE text claims the libraries will all close next month for good.</p>
<div style="color: red; display : none"><p>DISPLAY_NONE text claims the mayor resigned over the budget.</p></div>
<p style="visibility:hidden">VISIBILITY_HIDDEN text claims the vote was secretly annulled.</p>
<p>The plan adds weekend opening hours at five branches and hires twelve more librarians, officials said.</p>
<p aria-hidden="true">Shown to sighted readers: opponents argued that the money should have gone to roads.</p>
</article></body></html>
"""


@pytest.mark.parametrize("fallback", [False, True])
def test_text_a_browser_never_shows_is_never_quoted(tmp_path, monkeypatch, fallback):
    if fallback:
        import trafilatura

        monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    path = tmp_path / "page.html"
    path.write_text(HIDDEN_PAGE, encoding="utf-8")
    (source,) = load_sources([str(path)])
    for marker in ("TEMPLATE_TEXT", "HIDDEN_ATTRIBUTE", "DISPLAY_NONE", "VISIBILITY_HIDDEN"):
        assert marker not in source.text
    assert "approved a new budget" in source.text and "twelve more librarians" in source.text
    assert "Shown to sighted readers" in source.text  # aria-hidden text is on the screen


def test_hidden_text_of_a_web_page_is_never_quoted():
    from summarizer.ingest.decoding import html_article

    title, _, text = html_article(HIDDEN_PAGE)
    for marker in ("TEMPLATE_TEXT", "HIDDEN_ATTRIBUTE", "DISPLAY_NONE", "VISIBILITY_HIDDEN"):
        assert marker not in text
    assert "approved a new budget" in text and title


@pytest.mark.parametrize("style, hides", [
    ("display:none", True), ("color: red; DISPLAY : None !important", True), ("visibility: collapse", True),
    ("opacity: 0", True), ("opacity:.0", True), ("font-size: 0px", True), ("font-size:0", True),
    ("display: block", False), ("opacity: 0.5", False), ("font-size: 10px", False), ("", False),
    ("opacity:0" + " " * 100_000 + "x", False), ("font-size: " + "0" * 100_000 + "5", False),  # no backtracking
])
def test_inline_styles_that_hide(style, hides):
    assert decoding._hides(style) is hides


def test_hidden_html_helper_keeps_the_text_after_a_hidden_element():
    from lxml import html as lxml_html

    root = lxml_html.fromstring("<div><p>Before <span hidden>secret</span>after.</p></div>")
    decoding._drop_hidden(root)
    assert root.text_content() == "Before after."


def test_closed_or_failing_standard_input_is_an_error(monkeypatch):
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(InputError, match="standard input is closed"):
        load_sources(["-"])

    class Failing:
        def read(self, size):
            raise OSError(5, "Input/output error")

    with pytest.raises(InputError, match="cannot read: Input/output error"):
        load_sources(["-"], stdin=Failing())
