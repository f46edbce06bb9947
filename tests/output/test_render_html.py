"""The HTML briefing: one self-contained, escaped page whose citations reveal their passages."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer import summarize
from summarizer.cli import app
from summarizer.models import Briefing, BriefingSentence, Budget, Citation, Disagreement, FigureClaim, Source
from summarizer.output.text import cited
from summarizer.output.render import render
from summarizer.output.html_page import passage

from tests.browser import Browser, find_chromium

# A story of our own in three reports that differ on one figure.
STORY = {
    "harbour-gazette.txt": """Footbridge Collapses Over Millbrook Canal

By Dana Whitfield

A pedestrian footbridge over the Millbrook canal collapsed on Saturday morning, injuring 12 people who were crossing it during the weekend market. Stallholders said the bridge had been unusually crowded.

The steel bridge, built in 1974, had been closed for repairs twice in the past five years, according to city records. Emergency crews pulled several people from the water within minutes, and all of the injured were taken to St. Agnes Hospital.

City engineer Paul Ostrander said inspectors had found corrosion on the bridge's supports in March but judged it safe for foot traffic.
""",
    "valley-times.txt": """Millbrook Bridge Falls Into Canal During Market

A pedestrian footbridge over the Millbrook canal collapsed on Saturday morning, injuring 15 people who were crossing it during the weekend market.

Emergency crews pulled several people from the water within minutes and took the injured to St. Agnes Hospital, where two remain in serious condition. Divers searched the canal until the afternoon to make sure nobody was missing.

Mayor Linda Cho ordered an inspection of the city's other canal bridges, which will be closed to the public on Monday and Tuesday.
""",
    "river-post.txt": """Canal Footbridge Collapse Injures Market Visitors

The footbridge over the Millbrook canal gave way on Saturday morning while it was crowded with people heading to the weekend market. Witnesses said the middle section of the bridge sagged for several seconds before it fell into the water.

Mayor Linda Cho ordered an inspection of all the city's canal bridges, which will be closed on Monday and Tuesday. The steel bridge was built in 1974 and had been closed for repairs twice in the past five years, city records show.
""",
}
HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" \'apos\''


class Page(HTMLParser):
    """The tags, attributes and text of a page, and the text inside each <mark>."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.marks: list[str] = []
        self._in_mark = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += attrs
        self._in_mark = self._in_mark or tag == "mark"
        if tag == "mark":
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_mark:
            self.marks[-1] += data


def story_briefing(tmp_path: Path) -> Briefing:
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in STORY.items():
        (folder / name).write_text(text, encoding="utf-8")
    return summarize([str(folder)])


def hostile_briefing() -> Briefing:
    text = f"Intro line.\n\nThe council met on Monday {HOSTILE} to vote on the budget.\n\nLater."
    start = text.index("The council")
    end = text.index("budget.") + len("budget.")
    source = Source(name=f'a"b{HOSTILE}.txt', path="folder/a.txt", text=text, date="2024-05-01")
    sentence = BriefingSentence(text[start:end], (Citation(0, start, end, text[start:end], True),), 1.0)
    return Briefing(
        title=f"Budget {HOSTILE}", sentences=[sentence], sources=[source], source_titles=[f"Title {HOSTILE}"],
        disagreements=[Disagreement(f"votes {HOSTILE}", (FigureClaim(f"12 {HOSTILE}", (0,)),))],
        algorithm="lexrank", budget=Budget(120, None), source_dates=["2024-05-01"], changes=[],
    )


def test_every_text_is_escaped_and_nothing_is_fetched():
    html = render(hostile_briefing(), "html")
    page = Page(html)
    assert "script" not in page.tags and "img" not in page.tags
    assert not [name for name, _ in page.attributes if name.startswith("on")]
    text = "".join(page.text)
    # Title, sentence, source name, source title, topic and figure all arrive as text, unchanged.
    assert text.count(HOSTILE) >= 6
    assert page.marks == [hostile_briefing().sentences[0].text]
    # Self-contained: no address to fetch from, and a policy that forbids scripts and remote content.
    assert not re.search(r"\ssrc=|@import|url\(", html.replace(escape(HOSTILE), ""))
    assert [v for n, v in page.attributes if n == "href" and not v.startswith("#")] == []
    assert "default-src 'none'" in html


def test_web_sources_link_to_their_address_and_nothing_else_is_a_link():
    briefing = hostile_briefing()
    web_page = dataclasses.replace(briefing.sources[0], path='https://example.com/a?x=1&y="2"><script>')
    script_url = dataclasses.replace(briefing.sources[0], path="javascript:alert(1)")
    page = Page(render(dataclasses.replace(briefing, sources=[web_page, script_url], source_titles=["", ""]), "html"))
    assert [v for n, v in page.attributes if n == "href" and not v.startswith("#")] == [web_page.path]
    assert "script" not in page.tags


def test_header_gives_the_reports_dates_where_known():
    briefing = hostile_briefing()
    source = briefing.sources[0]
    dated = [source, source, source]
    html = render(dataclasses.replace(briefing, sources=dated, source_titles=["", "", ""],
                                      source_dates=["2024-05-01", "2024-04-28", None]), "html")
    assert "Reports dated 2024-04-28 to 2024-05-01 (1 undated).</p>" in html
    assert "Reports dated" not in render(dataclasses.replace(briefing, source_dates=[None]), "html")


def test_sections_tables_and_sources(tmp_path):
    briefing = story_briefing(tmp_path)
    assert briefing.disagreements, "the story's reports differ on the number injured"
    html = render(briefing, "html")
    differ = html[html.index("Where sources differ"):html.index("<h2>Sources</h2>")]
    assert "<table>" in differ and 'rowspan="2"' in differ and "people injured" in differ
    assert re.search(r"<td>12</td><td><a href=\"#source-\d\">\d</a></td>", differ)
    for number, source in enumerate(briefing.sources, start=1):
        assert re.search(rf'<li id="source-{number}">.*{re.escape(source.name)}', html)
    assert '<meta name="viewport" content="width=device-width' in html and "@media print" in html

    without = render(dataclasses.replace(briefing, disagreements=[]), "html")
    assert "Where sources differ" not in without and "<table>" not in without


def test_each_citation_marks_its_sentence_in_the_source(tmp_path):
    briefing = story_briefing(tmp_path)
    page = Page(render(briefing, "html"))
    # Sources in the order cited (the quoted one first), each source's verbatim passage first.
    expected = [" ".join(briefing.sources[c.source].text[c.start:c.end].split())
                for s in briefing.sentences for source, _ in cited(s)
                for c in sorted((c for c in s.citations if c.source == source), key=lambda c: (not c.exact, c.start))]
    assert page.marks == expected
    described = [v for n, v in page.attributes if n == "aria-describedby"]
    ids = [v for n, v in page.attributes if n == "id" and v.startswith("passage-")]
    assert described == ids and len(set(ids)) == len(ids) >= len(briefing.sentences)
    assert sum(len(s.citations) for s in briefing.sentences) > len(briefing.sentences)  # some cited twice


def test_passage_is_the_paragraph_around_the_quote_cut_in_long_paragraphs():
    text = "Headline\n\nFirst line of a paragraph\ncontinues here. The quoted sentence. After it.\n\nNext paragraph."
    start = text.index("The quoted")
    assert passage(text, start, start + len("The quoted sentence.")) == (
        "First line of a paragraph continues here. ", "The quoted sentence.", " After it.")
    one_line_paragraphs = "Headline\nBefore. The quoted sentence. After.\nNext paragraph."
    start = one_line_paragraphs.index("The quoted")
    assert passage(one_line_paragraphs, start, start + 20) == ("Before. ", "The quoted sentence.", " After.")
    words = " ".join(f"word{i}" for i in range(2000))
    huge = f"{words} The quoted sentence. {words}"
    start = huge.index("The quoted")
    before, quote, after = passage(huge, start, start + 20)
    assert quote == "The quoted sentence."
    assert 200 < len(before) <= 400 and 200 < len(after) <= 400
    assert re.fullmatch(r"… (word\d+ )+", before) and re.fullmatch(r"( word\d+)+ …", after)  # whole words


def test_cli_writes_briefing_html_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name, text in STORY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, [*STORY, "--format", "html"])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "briefing.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "</html>" in html


# In a real browser ----------------------------------------------------------------------------

CHROMIUM = find_chromium()
MISSING = "Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)"


def in_ci() -> bool:
    """Whether this run is CI's (CI=true, as CI services and .ci/run set it)."""
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


@pytest.fixture(scope="module")
def chromium():
    if CHROMIUM is None:
        if in_ci():  # CI must check the page in a browser before it lands, never pass without it
            pytest.fail(f"{MISSING}: in CI the browser tests must run, not skip", pytrace=False)
        pytest.skip(MISSING)
    with Browser(CHROMIUM) as opened:
        yield opened


@pytest.fixture
def browser(chromium):
    """The one Chromium of this module, as a desktop window on the screen."""
    chromium.call("Emulation.setDeviceMetricsOverride", width=900, height=900, deviceScaleFactor=1, mobile=False)
    chromium.call("Emulation.setEmulatedMedia", media="screen")
    return chromium


def _box(browser: Browser, selector: str, index: int = 0) -> dict:
    return json.loads(browser.evaluate(
        f"JSON.stringify(document.querySelectorAll({json.dumps(selector)})[{index}].getBoundingClientRect())"))


def _shown(browser: Browser, index: int) -> bool:
    return browser.evaluate(
        f"getComputedStyle(document.querySelectorAll('.passage')[{index}]).display") != "none"


def test_in_chromium_a_citation_reveals_its_passage(browser, tmp_path):
    briefing = story_briefing(tmp_path)
    page = tmp_path / "briefing.html"
    page.write_text(render(briefing, "html"), encoding="utf-8")
    browser.open(page)
    n_cites = browser.evaluate("document.querySelectorAll('.cite').length")
    assert n_cites >= len(briefing.sentences)
    assert not any(_shown(browser, i) for i in range(n_cites))

    first_of_each_cite = [
        min((c for c in s.citations if c.source == source), key=lambda c: (not c.exact, c.start))
        for s in briefing.sentences for source, _ in cited(s)
    ]
    # The first citation whose passage shows more of its paragraph than the quote.
    index, citation = next((i, c) for i, c in enumerate(first_of_each_cite)
                           if "".join(passage(briefing.sources[c.source].text, c.start, c.end)[::2]).strip())
    before, quote, after = passage(briefing.sources[citation.source].text, citation.start, citation.end)

    # Hovering shows the passage; moving away hides it again.
    cite = _box(browser, ".cite", index)
    browser.mouse("mouseMoved", cite["x"] + cite["width"] / 2, cite["y"] + cite["height"] / 2)
    assert _shown(browser, index) and not any(_shown(browser, i) for i in range(n_cites) if i != index)
    browser.mouse("mouseMoved", 1, 1)
    assert not _shown(browser, index)

    # A click keeps it open after the pointer leaves, on top of the page, the quote highlighted.
    browser.click(cite["x"] + cite["width"] / 2, cite["y"] + cite["height"] / 2)
    browser.mouse("mouseMoved", 1, 1)
    assert _shown(browser, index)
    assert browser.evaluate("document.querySelector('.cite:focus .passage mark').textContent") == \
        " ".join(briefing.sources[citation.source].text[citation.start:citation.end].split()) == quote
    shown = browser.evaluate("document.querySelector('.cite:focus .passage').textContent")
    assert f"{before}{quote}{after}" in shown
    assert browser.evaluate("getComputedStyle(document.querySelector('.cite:focus mark')).backgroundColor") \
        not in ("rgba(0, 0, 0, 0)", "transparent")
    on_top = browser.evaluate(  # the middle of the mark's first line shows the mark itself
        "(() => { const line = document.querySelector('.cite:focus mark').getClientRects()[0];"
        " return document.elementFromPoint(line.x + line.width / 2, line.y + line.height / 2)"
        ".closest('.cite:focus mark') !== null; })()")
    assert on_top, "the passage is hidden behind other content"

    screenshot = tmp_path / "briefing-html.png"
    browser.screenshot(screenshot, clip={"x": 0, "y": 0, "width": 900, "height": 780})
    assert screenshot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    if os.environ.get("SUMMARIZER_SCREENSHOT"):  # how the README's screenshot is made
        shutil.copyfile(screenshot, os.environ["SUMMARIZER_SCREENSHOT"])


def test_in_chromium_fits_a_phone_and_prints_without_popups(browser, tmp_path):
    page = tmp_path / "briefing.html"
    page.write_text(render(story_briefing(tmp_path), "html"), encoding="utf-8")
    browser.call("Emulation.setDeviceMetricsOverride", width=390, height=800, deviceScaleFactor=1, mobile=True)
    browser.open(page)
    assert browser.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    cite = _box(browser, ".cite")
    browser.click(cite["x"] + cite["width"] / 2, cite["y"] + cite["height"] / 2)
    shown = _box(browser, ".cite:focus .passage")
    assert shown["x"] >= 0 and shown["x"] + shown["width"] <= 390
    assert browser.evaluate("document.documentElement.scrollWidth") <= 390

    browser.call("Emulation.setEmulatedMedia", media="print")
    assert not _shown(browser, 0)  # focused, but print leaves the popups out
    assert browser.evaluate("getComputedStyle(document.querySelector('.hint')).display") == "none"
    assert browser.evaluate("getComputedStyle(document.querySelector('.cite'), '::before').content") == '"["'
