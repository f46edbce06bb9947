"""Titles: every source has one, never a section label; the briefing's is neutral."""

from __future__ import annotations

import summarizer
from summarizer.pool.features import Tokenizer
from summarizer.models import Sentence, Source
from summarizer.ingest.structure import parse_blocks, source_title
from summarizer.output.titles import briefing_title, source_titles

BODY = ("Firefighters contained most of the blaze near the town of Alder on Tuesday, officials said.\n"
        "About 3,000 residents were allowed to return home by the evening.\n")


def headline_of(text: str) -> str:
    return source_title(parse_blocks(Source("a.txt", "a.txt", text), 0))


def test_a_heading_over_a_list_is_a_section_label_not_the_headline():
    text = ("Wildfire Update: Key Points\n- Blaze contained near Alder.\n- Residents return home.\n"
            "Crews Contain Alder Wildfire After Three Days\n" + BODY)
    assert headline_of(text) == "Crews Contain Alder Wildfire After Three Days"


def test_a_source_without_a_headline_takes_its_metadata_title_then_its_file_name():
    sources = [Source("a.txt", "a.txt", BODY, title="Alder fire contained"), Source("b.txt", "b.txt", BODY)]
    assert source_titles(["", ""], sources) == ["Alder fire contained", "b.txt"]
    assert source_titles(["Crews Contain Fire", ""], sources)[0] == "Crews Contain Fire"


def test_briefing_title_is_the_shared_plain_main_clause_not_one_outlets_loaded_headline():
    headlines = ["Crews Contain Alder Wildfire, Ending Nightmare for Terrified Town",
                 "Firefighters Contain Alder Wildfire as Residents Return",
                 "Alder Wildfire Contained in Stunning Victory for Heroic Crews"]
    title = briefing_title(headlines, [], Tokenizer())
    assert title in ("Crews Contain Alder Wildfire", "Firefighters Contain Alder Wildfire")
    assert "Stunning" not in title and "Nightmare" not in title


def test_without_shared_headlines_the_title_names_what_most_sources_mention():
    sentences = [Sentence("Crews fought the fire near Alder on Monday.", 0, 0, 0, 40),
                 Sentence("Residents of Alder returned as Governor Ruiz visited.", 1, 0, 0, 50),
                 Sentence("The fire near Alder was contained, Governor Ruiz said.", 2, 0, 0, 50)]
    assert briefing_title([], sentences, Tokenizer()) == "Briefing: Alder, Governor Ruiz"


def test_initials_are_one_name_and_a_lone_capital_letter_is_none():
    sentences = [Sentence("Talks between the U.S. and Mexico resumed, and plan B was dropped.", 0, 0, 0, 60),
                 Sentence("Officials of the U.S. said Mexico would reply.", 1, 0, 0, 45)]
    assert briefing_title([], sentences, Tokenizer()) == "Briefing: Mexico, U.S."


def test_the_markdown_says_what_is_true_of_its_citations():
    quoted = "The regional council closed the Alder bridge to traffic on Monday after the flood."
    paraphrase = "After the flood on Monday, the regional council closed the bridge at Alder to all traffic."
    filler = "Volunteers handed out sandbags in the old town square throughout the weekend."
    sources = [Source("a.txt", "a.txt", f"{quoted} {filler}"), Source("b.txt", "b.txt", paraphrase)]
    briefing = summarizer.summarize(sources, max_words=15, **{"cite.threshold": 0.1})
    text = summarizer.render(briefing, "markdown")
    assert "quoted verbatim from the first source cited" in text
    line = next(l for l in text.splitlines() if l.startswith("- The regional council"))
    assert "[1, ~2]" in line
    assert "<sub>" not in text and "</" not in text


def test_a_source_titled_by_its_file_name_is_listed_once_by_name(tmp_path):
    from summarizer.output.render import render

    (tmp_path / "a.txt").write_text("Crews Contain Alder Wildfire\n" + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY.replace("Tuesday", "Tuesday evening"), encoding="utf-8")
    briefing = summarizer.summarize([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    for fmt, line_of_b in (("markdown", "2. `b.txt`"), ("html", '<li id="source-2">')):
        text = render(briefing, fmt)
        line = next(line for line in text.splitlines() if line.startswith(line_of_b))
        assert "— b.txt" not in line, line
        assert "Crews Contain Alder Wildfire" in text
