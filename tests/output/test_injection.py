"""No injection through names: hostile file names, headlines, titles and story ids come out as text
in every format.  The Markdown is rendered by a CommonMark renderer (markdown-it-py), which must
find no raw HTML, link or image in it; the HTML page is parsed and must hold no element or
attribute the sources asked for; no terminal sequence reaches standard error."""

from __future__ import annotations

import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from summarizer.cli import app

from tests.invented_stories import ELECTION, WILDFIRE

runner = CliRunner()
HOSTILE_NAMES = [
    "a` <img src=x onerror=alert(1)> [x](javascript:alert(1)) `.txt",  # the issue's own
    "``<script>alert(1)<\\script>``` `.txt",  # no "/" in a file name
    "\x1b[31mred\x1b]8;;http:evil\x07link\x1b[0m.txt",
    "line\nbreak <b>bold<\\b>\r.txt",
    "\u202eevil\u202c ![img](data:x) <http:evil> &lt;b&gt; &#60;i&#62;.txt",
    "# heading | table | <!-- comment -->.txt",
]
HOSTILE_HEADLINE = "<script>alert(1)</script> Fire ![x](javascript:alert(2)) <b onmouseover=alert(3)>near</b> town"
HOSTILE_TITLE = "<img src=x onerror=alert(4)> [click](javascript:alert(5)) \x1b[2J"


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def hostile(in_tmp) -> Path:
    folder = in_tmp / "news"
    folder.mkdir()
    for name, text in zip(HOSTILE_NAMES, WILDFIRE * 2):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "headline.txt").write_text(f"{HOSTILE_HEADLINE}\n\n{WILDFIRE[0]}\n", encoding="utf-8")
    if os.name == "posix":  # a name that is not UTF-8: its byte shows as \xe9
        with open(os.path.join(os.fsencode(folder), b"caf\xe9 <i>x<\\i>.txt"), "wb") as stream:
            stream.write(WILDFIRE[1].encode())
    return folder


def markdown_tokens(text: str):
    def walk(tokens):
        for token in tokens:
            yield token
            yield from walk(token.children or [])

    return list(walk(MarkdownIt("commonmark").parse(text)))


def assert_markdown_safe(text: str, links_allowed: tuple[str, ...] = ()) -> str:
    tokens = markdown_tokens(text)
    kinds = {t.type for t in tokens}
    assert not kinds & {"html_inline", "html_block", "image"}, kinds
    hrefs = [t.attrs.get("href") for t in tokens if t.type == "link_open"]
    assert all(href in links_allowed for href in hrefs), hrefs  # only the index's links to its briefings
    html = MarkdownIt("commonmark").render(text)
    assert_no_element_from_the_sources(html, allowed=_MARKDOWN_TAGS)
    assert "\x1b" not in text and "\u202e" not in text
    return html


_MARKDOWN_TAGS = {"h1", "h2", "p", "ul", "ol", "li", "em", "strong", "code", "hr", "a"}


def assert_no_element_from_the_sources(html: str, allowed: set[str] | None = None) -> None:
    parser = _Tags()
    parser.feed(html)
    tags = {tag for tag, _ in parser.tags}
    assert not tags & {"img", "script", "b", "i", "iframe"}, tags
    if allowed is not None:
        assert tags <= allowed, tags - allowed
    attributes = {name for _, attrs in parser.tags for name, _ in attrs}
    assert not [a for a in attributes if a.startswith("on")], attributes
    targets = [value or "" for _, attrs in parser.tags for name, value in attrs if name in ("href", "src", "action")]
    assert not [t for t in targets if not t.startswith(("#", "http"))] or allowed is not None, targets


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def test_markdown_of_hostile_names_and_titles_renders_no_html_link_or_image(hostile):
    result = run(hostile, "--output", "out.md")
    assert result.exit_code == 0, result.output
    text = Path("out.md").read_text(encoding="utf-8")
    html = assert_markdown_safe(text)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the name is shown, as text
    assert "\\x1b[31mred" in text and "\\xe9" in text and "\\u202e" in text
    assert len([line for line in text.splitlines() if line[:2].rstrip(".").isdigit()]) == len(HOSTILE_NAMES) + 2
    assert "\x1b" not in result.stderr


def test_a_hostile_title_and_headline_in_every_format(hostile):
    for fmt in ("markdown", "json", "html"):
        result = run(hostile, "--format", fmt, "--output", f"out.{fmt}", "--title", HOSTILE_TITLE)
        assert result.exit_code == 0, result.output
    assert_markdown_safe(Path("out.markdown").read_text(encoding="utf-8"))
    page = Path("out.html").read_text(encoding="utf-8")
    assert_no_element_from_the_sources(page)
    assert "\x1b" not in page and "\u202e" not in page
    raw = Path("out.json").read_text(encoding="utf-8")
    assert "\x1b" not in raw and "\u202e" not in raw and "\r" not in raw
    document = json.loads(raw)
    assert document["title"].startswith("<img src=x onerror=alert(4)>")  # JSON keeps the text as it is
    names = {s["name"] for s in document["sources"]}
    assert HOSTILE_NAMES[0] in names


def test_stories_index_of_hostile_names_renders_no_html(in_tmp):
    pile = in_tmp / "pile"
    pile.mkdir()
    for name, text in zip(HOSTILE_NAMES, WILDFIRE + ELECTION):
        (pile / name).write_text(text, encoding="utf-8")
    result = run(pile, "--stories", "--output-dir", "out")
    assert result.exit_code == 0, result.output
    index = json.loads((in_tmp / "out" / "index.json").read_text(encoding="utf-8"))
    files = tuple(story["briefing"] for story in index["stories"])
    assert_markdown_safe((in_tmp / "out" / "index.md").read_text(encoding="utf-8"), links_allowed=files)
    for name in files:
        assert_markdown_safe((in_tmp / "out" / name).read_text(encoding="utf-8"))


def test_batch_story_ids_and_document_ids_render_no_html(in_tmp):
    stories = in_tmp / "stories.jsonl"
    evil_id = "<img src=x onerror=alert(1)>](javascript:alert(1)) ../../etc/passwd\x1b[2J"
    stories.write_text(json.dumps({"id": evil_id, "docs": [{"id": name, "text": text}
                                                            for name, text in zip(HOSTILE_NAMES, WILDFIRE)]}) + "\n",
                       encoding="utf-8")
    result = run("--batch", stories, "--output-dir", "out", "--jobs", "1")
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (in_tmp / "out").iterdir())
    assert len(written) == 3 and all("/" not in n and "<" not in n for n in written)
    index = json.loads((in_tmp / "out" / "index.json").read_text(encoding="utf-8"))
    files = tuple(story["briefing"] for story in index["stories"])
    assert_markdown_safe((in_tmp / "out" / "index.md").read_text(encoding="utf-8"), links_allowed=files)
    assert_markdown_safe((in_tmp / "out" / files[0]).read_text(encoding="utf-8"))
    assert "\x1b" not in result.stderr
