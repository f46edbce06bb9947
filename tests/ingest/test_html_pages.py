"""HTML pages a user hands the tool: inline markup, dates in the markup, navigation, code pages.

The pages are small news pages written for these tests, with the boilerplate real pages carry.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

import summarizer
from summarizer.config.sections import Config
from summarizer.errors import InputError
from summarizer.ingest.dates import stated
from summarizer.ingest.decoding import html_article, html_text, visible_page
from summarizer.ingest.markup import join_pieces, split_runs
from summarizer.ingest.load import load_sources

SENTENCE = "The river burst its banks on Tuesday, officials said."
LONG = ("Hundreds of homes in the low-lying districts were flooded overnight, and the fire brigade moved "
        "families to the town hall and two schools, the mayor told reporters on Wednesday.")

HERALD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harlow River floods Alden town centre | The Valley Herald</title>
<meta property="og:title" content="Harlow River floods Alden town centre">
<meta property="article:published_time" content="2024-03-05T07:45:00+00:00">
<script>window.dataLayer = ["TRACKING_CODE"];</script></head>
<body>
<div class="cookie-banner">We use cookies to improve your experience. <a href="/privacy">Learn more</a></div>
<header><a class="logo" href="/">The Valley Herald</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article class="story">
<h1>Harlow River floods Alden town centre</h1>
<div class="share-tools"><a href="/tw">Share on Twitter</a> <a href="/fb">Share on Facebook</a></div>
<div class="story-body">
<p>The <a href="/topics/harlow">Harlow River</a> <strong>burst its banks</strong> in Alden early on Tuesday, flooding
the town centre and forcing <b>300 families</b> from their homes, the county council said.</p>
<p>Rescue teams worked <em>through the night</em> to reach residents trapped on upper floors, and
<span class="highlight">two people</span> were taken to hospital, according to the fire service.
<span class="share-inline"><a href="/share">Share this quote</a></span></p>
<h2>Roads and schools closed</h2>
<p>The <abbr title="Environment Agency">EA</abbr> issued <i>severe</i> flood warnings for the lower valley, and
police closed the <a href="/roads">A614</a> between Alden and Marford.</p>
<ul><li>Twelve schools will stay shut until Friday.</li><li>Bus services to the town centre are suspended.</li></ul>
<p>Forecasters expect a further <b>40mm</b> of rain on Thursday, the <a href="https://metoffice.example">Met
Office</a> said.</p>
</div>
<div class="related"><h3>Related stories</h3><ul><li><a href="/a">Flood defences delayed by funding row</a></li>
<li><a href="/b">Wettest February on record for the valley</a></li></ul></div>
</article></main>
<footer><p>&copy; 2024 The Valley Herald. All rights reserved.</p><a href="/terms">Terms</a> <a href="/p">Privacy</a></footer>
</body></html>
"""
HERALD_LINES = [
    "Harlow River floods Alden town centre",
    "The Harlow River burst its banks in Alden early on Tuesday, flooding the town centre and forcing 300 "
    "families from their homes, the county council said.",
    "Rescue teams worked through the night to reach residents trapped on upper floors, and two people were "
    "taken to hospital, according to the fire service.",
    "Roads and schools closed",
    "The EA issued severe flood warnings for the lower valley, and police closed the A614 between Alden and Marford.",
    "- Twelve schools will stay shut until Friday.",
    "- Bus services to the town centre are suspended.",
    "Forecasters expect a further 40mm of rain on Thursday, the Met Office said.",
]
# An old table layout: a menu of links beside the story, paragraphs apart by <br><br>, bold in them.
TABLE_LAYOUT = """<html><head><title>Council approves budget</title><meta name="date" content="2024-11-20"></head>
<body><table><tr><td class="menu"><a href="/">Home</a><br><a href="/archive">Archive</a><br><a href="/c">Contact</a></td>
<td><font size="4"><b>Council approves budget after late-night vote</b></font><br><br>
The city council approved its <b>2025 budget</b> late on Tuesday by <i>seven votes to four</i>, after a debate
that ran for more than five hours.<br><br>
The budget raises spending on road repairs by <b>12 percent</b>, the finance chair, <a href="/lee">Dana Lee</a>,
told reporters.<br><br>The mayor is expected to sign the budget on Friday.
</td></tr></table></body></html>
"""
# The story in <div>s, no <p>; the date in a <time> element only.
DIVS = f"""<html><head><title>Quake strikes off coast</title></head><body>
<div id="top"><a href="/">World Wire</a> | <a href="/world">World</a> | <a href="/login">Log in</a></div>
<div class="story"><div class="dateline">Monday, <time datetime="2024-07-15T09:12:00Z">15 July 2024</time></div>
<div>A magnitude <b>6.8</b> earthquake struck off the northern coast on Monday, the survey said. {LONG}</div>
<div>There was <em>no immediate report</em> of damage, and the warning centre said there was <strong>no threat
of a tsunami</strong>.</div></div>
<div class="more">More: <a href="/x1">Quake map</a> <a href="/x2">Earlier quakes</a></div>
</body></html>
"""


def lines(text: str) -> list[str]:
    return text.splitlines()


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><title>Flood</title>{head}</head><body>{body}</body></html>"


def load_html(tmp_path, html: str | bytes, name: str = "page.html"):
    path = tmp_path / name
    path.write_bytes(html if isinstance(html, bytes) else html.encode("utf-8"))
    (source,) = load_sources([str(path)])
    return source


# --- inline markup --------------------------------------------------------------------------

@pytest.mark.parametrize("markup", [
    "The river <b>burst its banks</b> on Tuesday, officials said.",
    "The river <strong>burst its banks</strong> on Tuesday, officials said.",
    "The river <i>burst</i> its <em>banks</em> on Tuesday, officials said.",
    "The river burst its banks on Tuesday, <a href='/officials'>officials</a> said.",
    "<span>The</span> river <span class='x'>burst its banks</span> on Tuesday, officials <u>said</u>.",
    "<span class='dropcap'>T</span>he river burst its banks on <time datetime='2024-03-05'>Tuesday</time>, "
    "officials said.",
])
def test_a_paragraph_with_inline_markup_is_one_paragraph(tmp_path, markup):
    # A short page, where trafilatura falls back on the text of the whole page.
    html = page(f"<h2>Storm warning</h2><div>Updated hourly</div><p>First <b>paragraph</b>.</p><p>{markup}</p>")
    source = load_html(tmp_path, html)
    assert lines(source.text) == ["Storm warning", "Updated hourly", "First paragraph.", SENTENCE]
    assert lines(html_text(html)) == lines(source.text)


def test_the_pool_holds_the_sentence_not_its_fragments(tmp_path):
    source = load_html(tmp_path, page(f"<p>The river <b>burst its banks</b> on Tuesday, officials said. {LONG}</p>"))
    pool = summarizer.build_pool([source], Config())
    assert SENTENCE in [sentence.text for sentence in pool.sentences]


def test_headings_list_items_and_paragraphs_stay_apart_and_boilerplate_stays_out(tmp_path):
    source = load_html(tmp_path, HERALD)
    assert lines(source.text) == HERALD_LINES
    for boilerplate in ("cookies", "Share", "News", "Related", "Wettest", "reserved", "TRACKING"):
        assert boilerplate not in source.text
    assert source.date == "2024-03-05" and source.title == "Harlow River floods Alden town centre"


def test_a_table_layout_with_br_paragraphs_and_a_menu(tmp_path):
    source = load_html(tmp_path, TABLE_LAYOUT)
    assert lines(source.text) == [
        "Council approves budget after late-night vote",
        "The city council approved its 2025 budget late on Tuesday by seven votes to four, after a debate that "
        "ran for more than five hours.",
        "The budget raises spending on road repairs by 12 percent, the finance chair, Dana Lee, told reporters.",
        "The mayor is expected to sign the budget on Friday.",
    ]
    assert source.date == "2024-11-20"


def test_a_story_in_divs_without_paragraphs(tmp_path):
    source = load_html(tmp_path, DIVS)
    assert lines(source.text) == [
        "Monday, 15 July 2024",
        f"A magnitude 6.8 earthquake struck off the northern coast on Monday, the survey said. {LONG}",
        "There was no immediate report of damage, and the warning centre said there was no threat of a tsunami.",
    ]
    assert source.date == "2024-07-15"


def test_paragraphs_trafilatura_runs_together_come_apart_again():
    # Its fallback reads a short <article> as one paragraph ("... on Wednesday. Tags: Floods, ...").
    html = page(f"<article><p>{SENTENCE} {LONG}</p><p>Tags: <a href='/1'>Floods</a>, <a href='/2'>Weather</a>, "
                "<a href='/3'>Alden</a></p></article>")
    assert lines(html_article(html)[2]) == [f"{SENTENCE} {LONG}", "Tags: Floods, Weather, Alden"]


def test_links_stay_links_where_a_block_is_mostly_links():
    # trafilatura tells a paragraph of links from prose by its links: it still can.
    html = page(f"<p>{SENTENCE} <a href='/x'>Flood map</a></p><p>Tags: <a href='/1'>Floods</a>, <a href='/2'>Rain</a></p>")
    prose, tags = visible_page(html).iter("p")
    assert prose.find("a") is None and len(tags.findall("a")) == 2


def test_an_image_or_a_comment_inside_a_sentence_does_not_cut_it(tmp_path):
    html = page("<p>The river <img class='emoji' alt='' src='wave.png'> burst its <!-- ad --> banks on Tuesday, "
                "officials <b>said</b>.</p><p>Roads were closed,<br>the police said.</p>")
    # (a <br> inside a sentence is a space: the sentence was cut in two and lost)
    assert lines(load_html(tmp_path, html).text) == [SENTENCE, "Roads were closed, the police said."]


def test_join_pieces_joins_only_pieces_that_spell_a_whole_line_of_the_page():
    page_lines = ["The river burst its banks, officials said.", "Roads closed."]
    assert join_pieces("The river\nburst its banks\n, officials said.\nRoads closed.", page_lines) == (
        "The river burst its banks, officials said.\nRoads closed.")
    assert join_pieces("The river\nburst its banks", page_lines) == "The river\nburst its banks"
    assert join_pieces("officials said.\nRoads closed.", page_lines) == "officials said.\nRoads closed."


def test_split_runs_splits_only_whole_consecutive_lines_of_the_page():
    page_lines = ["Flood", "The river rose.", "Roads closed.", "Schools shut."]
    assert split_runs("Flood The river rose.\nRoads closed. Schools shut.", page_lines) == (
        "Flood\nThe river rose.\nRoads closed.\nSchools shut.")
    assert split_runs("The river rose. Roads", page_lines) == "The river rose. Roads"
    assert split_runs("The river rose. Schools shut.", page_lines) == "The river rose. Schools shut."


# --- navigation -----------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav><footer>(c) 2024</footer>",
    "<ul><li><a href='/'>Home</a></li><li><a href='/w'>World news</a></li></ul>"
    "<div><a href='/a'>About us</a> | <a href='/c'>Contact</a></div>",
    "<div role='navigation'><a href='/'>Home</a></div><div><a href='/a'>About</a><br><a href='/c'>Contact</a></div>",
])
def test_a_page_that_is_only_navigation_has_no_article(tmp_path, body):
    with pytest.raises(InputError, match="no article text found in the page"):
        load_html(tmp_path, page(body))
    assert html_text(page(body)) == ""


def test_the_fallback_reader_leaves_navigation_out_too(monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    html = page(f"<ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul><p>{SENTENCE}</p>")
    assert html_text(html) == SENTENCE


# --- dates ----------------------------------------------------------------------------------

@pytest.mark.parametrize("head", [
    '<meta property="article:published_time" content="2024-02-30">',
    '<meta property="article:published_time" content="2024-02-30T10:00:00Z">',
    '<meta property="article:published_time" content="2023-02-29">',
    '<meta name="date" content="2024-04-31">',
    '<meta property="article:published_time" content="2024-03">',  # read as today's day of March
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-02-30T08:00:00Z"}</script>',
])
def test_an_impossible_or_partial_date_is_no_date(tmp_path, head):
    source = load_html(tmp_path, page(f"<article><p>{SENTENCE} {LONG}</p></article>", head))
    assert source.date is None


@pytest.mark.parametrize("head, body, expected", [
    ('<meta property="article:published_time" content="2024-02-29">', "", "2024-02-29"),
    ('<meta property="article:published_time" content="2024-03-05T23:30:00-05:00">', "", "2024-03-05"),
    ('<meta property="article:published_time" content="2024-03-05T01:30:00+09:00">', "", "2024-03-05"),
    ('<script type="application/ld+json">' + json.dumps({"@type": "NewsArticle", "headline": "Flood",
     "datePublished": "2024-03-05T10:00:00Z"}) + "</script>", "", "2024-03-05"),
    ('<meta name="date" content="Tue, 05 Mar 2024 10:00:00 GMT">', "", "2024-03-05"),
    ('<meta name="date" content="20240305">', "", "2024-03-05"),
    ("", '<time datetime="2024-03-05">5 March 2024</time>', "2024-03-05"),
    ("", "<p>The embankment, built in 2009, gave way in March 2024.</p>", None),  # a year in the text is no date
])
def test_a_valid_date_in_the_markup_is_read(tmp_path, head, body, expected):
    source = load_html(tmp_path, page(f"<article><p>{SENTENCE} {LONG}</p>{body}</article>", head))
    assert source.date == expected


def test_a_day_is_stated_only_when_written_out_whole():
    day = date(2024, 3, 5)
    for text in ("2024-03-05T10:00", "2024/3/5", "20240305", "05.03.2024", "3/5/2024", "March 5, 2024",
                 "Tue, 05 Mar 2024", "5th March 2024"):
        assert stated(day, text), text
    for text in ("2024-03", "2024-03-15", "12024-03-05", "2024-03-051", "15 Mar 2024", "2024-03/05", "March 2024"):
        assert not stated(day, text), text
    assert not stated(date(2024, 2, 1), '<meta content="2024-02-30">')


# --- code pages -----------------------------------------------------------------------------

@pytest.mark.parametrize("charset, words", [
    ("windows-1252", "Grève à l’usine : « Nous ne reprendrons pas », a déclaré Hélène Léger, 200 000 €."),
    ("windows-1250", "The striker Łukasz Nowak signed on Monday."),  # one high byte: not Windows-1252's "£"
    ("koi8-r", "Спасатели работали всю ночь, заявил мэр."),
    ("iso-8859-1", "The Café Rouge reopened on Monday, its owner said."),
])
def test_a_page_in_the_code_page_its_meta_charset_names(tmp_path, charset, words):
    html = f'<html><head><meta charset="{charset}"><title>T</title></head><body><article><p>{words} {LONG}</p>'
    source = load_html(tmp_path, (html + "</article></body></html>").encode(charset))
    assert source.text == f"{words} {LONG}"


def test_a_declared_code_page_does_not_override_valid_utf8(tmp_path):
    html = page(f"<p>The Café Rouge reopened on Monday. {LONG}</p>", '<meta charset="windows-1252">')
    assert load_html(tmp_path, html).text.startswith("The Café Rouge reopened")


def test_a_time_element_inside_a_sentence_keeps_the_sentence_whole_and_the_date(tmp_path):
    html = page(f"<p>The river burst its banks on <time datetime='2024-03-05T06:00:00Z'>Tuesday</time>, "
                f"officials said.</p><p>{LONG}</p>")
    source = load_html(tmp_path, html)
    assert lines(source.text) == [SENTENCE, LONG] and source.date == "2024-03-05"
