"""Titles: every source has one, never a section label; the briefing's is neutral."""

from __future__ import annotations

import summarizer
import pytest

from summarizer import Config
from summarizer.models import Source
from summarizer.ingest.structure import parse_blocks, source_title
from summarizer.output.titles import briefing_title, phrase, source_titles

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


def pool_of(texts, titles=None):
    titles = titles or [None] * len(texts)
    sources = [Source(f"s{i}.txt", f"s{i}.txt", text, title=title) for i, (text, title) in enumerate(zip(texts, titles))]
    return summarizer.build_pool(sources, Config())


FIRE = ["Firefighters contained the wildfire near the town of Alder on Tuesday after three days of burning.",
        "About 3,000 residents of Alder were allowed to return home by the evening, officials said.",
        "The fire destroyed 40 homes and burned 12,000 acres of forest around the town."]


def test_briefing_title_is_a_plain_headline_main_clause_not_one_outlets_loaded_headline():
    headlines = ["Crews Contain Alder Wildfire, Ending Nightmare for Terrified Town",
                 "Firefighters Contain Alder Wildfire as Residents Return",
                 "Alder Wildfire Contained in Stunning Victory for Heroic Crews"]
    pool = pool_of([f"{h}\n\n" + " ".join(FIRE[i:] + FIRE[:i]) for i, h in enumerate(headlines)])
    title = briefing_title(pool)
    assert title in ("Crews Contain Alder Wildfire", "Firefighters Contain Alder Wildfire")
    assert "Stunning" not in title and "Nightmare" not in title


def test_the_headline_most_like_the_story_is_chosen_not_an_unrelated_one():
    body = " ".join(FIRE)
    pool = pool_of([f"Council Approves New Parking Rules\n\n{body}", f"Wildfire Near Alder Contained\n\n{body}"])
    assert briefing_title(pool) == "Wildfire Near Alder Contained"


def test_an_outlets_own_headline_is_the_title_even_when_it_shares_no_word_with_the_text():
    pool = pool_of([f"Blaze Tamed at Last\n\n{' '.join(FIRE)}"])
    assert briefing_title(pool) == "Blaze Tamed at Last"
    assert briefing_title(pool_of([" ".join(FIRE)])) != "Blaze Tamed at Last"  # (no headline: a phrase of the lede)


def test_a_metadata_title_counts_as_a_headline():
    pool = pool_of([" ".join(FIRE), " ".join(reversed(FIRE))], titles=[None, "Alder Wildfire Contained After Three Days"])
    assert briefing_title(pool) == "Alder Wildfire Contained"  # (its main clause)


def test_without_headlines_the_title_is_the_main_clause_of_the_most_central_lede_never_names():
    texts = [" ".join(FIRE), " ".join([FIRE[0].replace("Tuesday", "Tuesday evening")] + FIRE[1:]),
             "Governor Ruiz visited Alder on Wednesday. " + " ".join(FIRE[1:])]
    title = briefing_title(pool_of(texts))
    assert title == "Firefighters contained the wildfire near the town of Alder on Tuesday"
    assert not title.startswith("Briefing") and len(title.split()) <= 12


@pytest.mark.parametrize("sentence, title", [
    ("On Monday, the regional council closed the Alder bridge to all traffic after the flood.",
     "The regional council closed the Alder bridge to all traffic"),
    ("Hurricane Gilbert, the strongest storm on record, slammed into Jamaica on Monday.",
     "Hurricane Gilbert slammed into Jamaica on Monday"),
    ("Officials said on Tuesday that the storm killed 17 people in South Carolina.",
     "The storm killed 17 people in South Carolina"),
    ("``The Quake Shook Everything,'' the Mayor's spokesman said.", "The Quake Shook Everything"),
    ("THERE are growing signs that the hurricane may in the end do no harm to the campaign.",
     "There are growing signs"),
    ("THE Indian government flew federal troops into Bombay last night.", "The Indian government flew federal troops into Bombay last night"),
    ("Planes loaded with food, medicine and tents flew into Iran on Saturday.",
     "Planes loaded with food, medicine and tents flew into Iran on Saturday"),
    ("The council voted on Friday to impose a lockout of all players while the talks continue.",
     "The council voted on Friday to impose a lockout of all players"),
])
def test_a_title_phrase_is_a_main_clause_cut_at_a_clause_boundary(sentence, title):
    assert phrase(sentence) == title
    assert len(phrase(sentence).split()) <= 12


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
    for fmt, line_of_b in (("markdown", f"2. `{tmp_path / 'b.txt'}`"), ("html", '<li id="source-2">')):
        text = render(briefing, fmt)
        line = next(line for line in text.splitlines() if line.startswith(line_of_b))
        assert "— b.txt" not in line, line
        assert "Crews Contain Alder Wildfire" in text


def test_a_json_title_field_and_an_html_title_are_the_sources_titles(tmp_path):
    import io
    import json

    from summarizer.batch import _json_documents
    from summarizer.ingest.load import load_sources

    body = " ".join(FIRE)
    lines = [json.dumps({"name": "a", "text": body, "title": "Alder  Wildfire Contained"}),
             json.dumps({"name": "b", "text": body})]
    sources = load_sources(["-"], stdin=io.BytesIO("\n".join(lines).encode("utf-8")))
    assert [s.title for s in sources] == ["Alder Wildfire Contained", None]
    assert summarizer.summarize(sources).source_titles == ["Alder Wildfire Contained", "b"]
    assert _json_documents([{"id": "a", "text": body, "title": "Fire Out"}])[0].title == "Fire Out"
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>Crews Contain Alder Wildfire</title></head><body><article>"
                    f"<p>{FIRE[0]} {FIRE[1]}</p><p>{FIRE[2]}</p></article></body></html>", encoding="utf-8")
    source = load_sources([str(page)])[0]
    assert source.title == "Crews Contain Alder Wildfire"
    assert summarizer.summarize([source, sources[1]]).title == "Crews Contain Alder Wildfire"


def test_a_json_title_that_is_not_a_string_is_a_one_line_error():
    import io

    from summarizer.errors import InputError
    from summarizer.ingest.load import load_sources

    with pytest.raises(InputError, match='"title" must be strings'):
        load_sources(["-"], stdin=io.BytesIO(b'{"text": "Crews contained the fire.", "title": 3}\n'))


PROTEST = [
    "Police Arrest 18 After Halden Protest\n\nPolice arrested 18 people in Halden after a protest against the "
    "new port tax on Saturday, officials said. The protest began at the harbour.",
    "Police Arrest 15 in Halden\n\nPolice arrested 15 people in Halden after a protest against the new port tax "
    "on Saturday, the police chief said. Shops stayed closed.",
    "Halden Harbour Reopens After Protest\n\nA protest against the new port tax in Halden turned violent on "
    "Saturday as demonstrators threw stones at police. The mayor called for calm.",
]


def test_the_title_takes_no_side_where_sources_differ():
    briefing = summarizer.summarize([Source(f"s{i}.txt", f"s{i}.txt", t) for i, t in enumerate(PROTEST)])
    assert [[c.value for c in d.claims] for d in briefing.disagreements] == [["18", "15"]]
    assert "18" not in briefing.title and "15" not in briefing.title
    assert briefing.title == "Halden Harbour Reopens"
    # without the disagreement (both say 18) the headline stating the count is the title again
    agreeing = [PROTEST[0], PROTEST[1].replace("15", "18"), PROTEST[2]]
    assert summarizer.summarize([Source(f"s{i}.txt", f"s{i}.txt", t) for i, t in enumerate(agreeing)]).title \
        == "Police Arrest 18 in Halden"
