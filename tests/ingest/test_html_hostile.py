"""HTML a hostile reviewer handed the tool: a <br> or a footnote mark inside a sentence, an article
in a hard-wrapped <pre>, a table above the story.  Small pages written for these tests."""

from __future__ import annotations

import summarizer
from summarizer.ingest.decoding import html_article, html_text
from summarizer.ingest.load import load_sources

STORY = ("<p>Officials said the water rose faster than expected in the city centre on Tuesday night.</p>"
         "<p>The mayor said the town would need weeks to recover from the damage to its roads.</p>")


def page(body: str, title: str = "") -> str:
    head = f"<title>{title}</title>" if title else ""
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def read(tmp_path, html: str):
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (source,) = load_sources([str(path)])
    return source


def quoted(tmp_path, html: str) -> list[str]:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return [s.text for s in summarizer.summarize([str(path)], max_words=400).sentences]


BROKEN = ("The dam burst on<br>Tuesday, flooding the lower town and forcing hundreds of families from their "
          "homes.")
JOINED = BROKEN.replace("<br>", " ")


def test_a_br_inside_a_sentence_is_a_space_and_the_sentence_is_quoted(tmp_path):
    html = page(f"<article><h1>Dam bursts in Alden</h1><p>{BROKEN}</p>{STORY}</article>", "Dam bursts in Alden")
    assert JOINED in read(tmp_path, html).text.splitlines()
    assert JOINED in quoted(tmp_path, html)
    # a lower-case line after a comma, and the fallback reader too
    assert "Roads were closed, the police said." in html_text(page("<p>Roads were closed,<br>the police said.</p>"))


def test_a_br_after_a_sentence_or_a_heading_still_ends_the_line(tmp_path):
    html = page("<article><p>Dam bursts in Alden<br>The dam burst on Tuesday, flooding the lower town and forcing "
                "hundreds of families from their homes.<br>Rescue teams worked through the night to reach people "
                f"trapped on roofs.</p>{STORY}</article>")
    text = read(tmp_path, html).text.splitlines()
    assert text[:3] == ["Dam bursts in Alden", JOINED,
                        "Rescue teams worked through the night to reach people trapped on roofs."]


def test_a_footnote_mark_is_dropped_and_both_sentences_are_kept(tmp_path):
    html = page("<article><p>The flood wall gave way shortly after midnight near the old bridge.<sup>1</sup> Rescue teams "
                "worked through the night to reach people trapped on roofs.<sup><a href='#n2'>[2]</a></sup></p>"
                f"<p>The flooded area covers 12 km<sup>2</sup> of farmland near the river, officials said.</p>"
                f"{STORY}</article>")
    lines = read(tmp_path, html).text.splitlines()
    assert lines[0] == ("The flood wall gave way shortly after midnight near the old bridge. Rescue teams worked through the "
                        "night to reach people trapped on roofs.")
    assert lines[1] == "The flooded area covers 12 km2 of farmland near the river, officials said."  # a power stays
    sentences = quoted(tmp_path, html)
    assert "The flood wall gave way shortly after midnight near the old bridge." in sentences
    assert "Rescue teams worked through the night to reach people trapped on roofs." in sentences


def test_a_power_of_a_number_is_not_run_into_it(tmp_path):
    # "10<sup>6</sup> litres" is a million litres: read as "106 litres" it was a wrong figure, quoted
    html = page("<article><p>The company released 10<sup>6</sup> litres of waste water into the lake, officials said.</p>"
                f"{STORY}</article>")
    assert read(tmp_path, html).text.splitlines()[0] == (
        "The company released 10⁶ litres of waste water into the lake, officials said.")
    assert "106" not in html_text(html)


PRE = """<pre>
The river Alden burst its banks on Tuesday, flooding the
lower town and forcing hundreds of families to leave their
homes, officials said.

Rescue teams worked through the night to reach people who
were trapped on the roofs of their houses, the fire service
said on Wednesday.

The mayor said the town would need weeks to recover from the
damage, and asked the government for help with the repairs.
</pre>"""


def test_a_hard_wrapped_pre_is_read_in_paragraphs_and_quoted(tmp_path):
    html = page(PRE, "Flood report")
    lines = read(tmp_path, html).text.splitlines()
    assert lines[0] == ("The river Alden burst its banks on Tuesday, flooding the lower town and forcing hundreds "
                        "of families to leave their homes, officials said.")
    assert len(lines) == 3
    assert len(quoted(tmp_path, html)) == 3


def test_a_pre_of_code_keeps_its_lines():
    code = "<pre>def flood(level):\n    if level > 3:\n        return True\n\n    return False\n</pre>"
    _, _, text = html_article(page(f"{STORY}{code}"))
    assert "    if level > 3:" in text.splitlines() and "def flood(level):" in text.splitlines()


TABLE = ("<table><tr><th>Town</th><th>Homes flooded</th></tr><tr><td>Alden</td><td>300</td></tr>"
         "<tr><td>Bexley</td><td>120</td></tr></table>")


def test_a_table_cell_is_never_the_title(tmp_path):
    body = (f"{TABLE}<div>The river Alden burst its banks on Tuesday, flooding the lower town.</div>"
            "<div>Rescue teams worked through the night.</div>")
    source = read(tmp_path, page(body))
    assert "Town" not in source.text.splitlines() and "300" not in source.text
    briefing = summarizer.summarize([str(tmp_path / "page.html")])
    assert briefing.source_titles == ["page.html"]
    source = read(tmp_path, page(body, "Alden flood"))
    assert summarizer.summarize([str(tmp_path / "page.html")]).source_titles == ["Alden flood"]


def test_a_layout_table_still_gives_its_story(tmp_path):
    body = ("<table><tr><th>Menu</th><td>The river Alden burst its banks on Tuesday, flooding the lower town, "
            "officials said.<br><br>Rescue teams worked through the night to reach people on roofs.</td></tr></table>")
    lines = read(tmp_path, page(body, "Alden flood")).text.splitlines()
    assert "Menu" not in lines
    assert "Rescue teams worked through the night to reach people on roofs." in lines


def test_remove_takes_elements_out_as_lxml_would_nested_ones_too():
    from lxml import html as lxml_html

    from summarizer.ingest.markup import remove

    source = ("<div><p>A <b>bold <i>and</i> italic</b> run<br>on<sup>1</sup> two. <span><b>x</b></span>"
              "<em></em>end</p></div>")
    ours, theirs = lxml_html.fromstring(source), lxml_html.fromstring(source)
    remove([e for e in ours.iter("b", "i", "span", "em")], keep_content=True)
    remove([e for e in ours.iter("br", "sup")], keep_content=False)
    for element in [e for e in theirs.iter("b", "i", "span", "em")]:
        element.drop_tag()
    for element in [e for e in theirs.iter("br", "sup")]:
        element.drop_tree()
    assert lxml_html.tostring(ours) == lxml_html.tostring(theirs) == b"<div><p>A bold and italic runon two. xend</p></div>"
