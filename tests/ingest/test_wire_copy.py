"""Every article read: wire copy with trailers, slugs and run-on paragraphs gives its sentences;
an article that really holds none is named, left out and never shown as a title."""

from __future__ import annotations

import pytest

import summarizer
from summarizer import Config, Source, build_pool
from summarizer.models import BlockKind
from summarizer.ingest.structure import parse_blocks, source_title

# One run-on paragraph, as old AP wire copy comes: no line breaks, an editor's trailer at the end.
LEDE = ("The harbour authority closed the northern pier on Monday after a storm damaged its supports. "
        "Engineers said repairs would take at least three weeks. "
        "Ferries to the islands will leave from the southern terminal until then. "
        "The mayor asked residents to avoid the waterfront during the works.")


def pooled(text: str) -> list[str]:
    pool = build_pool([Source("a.txt", "a.txt", text)], Config())
    return [s.text for s in pool.sentences]


@pytest.mark.parametrize("trailer", [
    "The Communist, 6th graf prv", "Jamal Fawz, graf 19 pvs", "Mitch _ once, 2nd graf pvs", "MORE", "(djp)",
    "Picture, Page 14", "Ferry timetable, Page 8 Storm damage, Page 9", "End Adv PM Thurs July 20",
    "TIMES NEWSPAPERS LIMITED, 1993", "The author is the harbour master", "GEORGE FRANK",
    "(Hamburg DPA in Spanish 1636 GMT 24 Mar 94)", "-" * 40,
])
def test_a_run_on_article_with_a_wire_trailer_gives_every_sentence_and_not_the_trailer(trailer):
    text = f"{LEDE} {trailer}"
    sentences = pooled(text)
    assert len(sentences) == 4
    assert sentences[-1] == "The mayor asked residents to avoid the waterfront during the works."
    assert not any(trailer in s for s in sentences)
    assert source_title(parse_blocks(Source("a.txt", "a.txt", text), 0)) == ""


def test_a_run_on_paragraph_ending_in_an_unknown_fragment_is_prose_not_a_headline():
    blocks = parse_blocks(Source("a.txt", "a.txt", f"{LEDE} Harbour Office, Quay Street, Portsea"), 0)
    assert [b.kind for b in blocks] == [BlockKind.BODY]
    assert source_title(blocks) == ""


def test_three_short_sentences_before_an_unknown_tail_are_prose():
    text = "The storm hit the coast. Ferries were cancelled on Monday. The harbour closed early. Harbour Office Portsea"
    blocks = parse_blocks(Source("a.txt", "a.txt", text), 0)
    assert [b.kind for b in blocks] == [BlockKind.BODY]


@pytest.mark.parametrize("headline", ["Storm Closes Northern Pier", "STORM CLOSES PIER"])
def test_a_short_unterminated_line_is_still_a_headline(headline):
    blocks = parse_blocks(Source("a.txt", "a.txt", f"{headline}\n{LEDE}"), 0)
    assert [b.kind for b in blocks] == [BlockKind.HEADLINE, BlockKind.BODY]
    assert source_title(blocks) == headline


def test_a_table_set_with_leaders_is_not_prose():
    table = ("Harbour dues ............ 4.2% (As of 3/31/87). Pier fees ............ 3.1%. "
             "Ferry fares ............ 2.0%. Total revenue ............ 9.3% of assets in 1987")
    assert parse_blocks(Source("a.txt", "a.txt", table), 0)[0].kind is not BlockKind.BODY


def test_a_trailer_paragraph_of_its_own_is_a_sign_off_and_offsets_stay_true():
    text = f"Storm Closes Northern Pier\n\n{LEDE} (djp)\n\nMORE\n"
    blocks = parse_blocks(Source("a.txt", "a.txt", text), 0)
    assert [b.kind for b in blocks] == [BlockKind.HEADLINE, BlockKind.BODY, BlockKind.BYLINE]
    pool = build_pool([Source("a.txt", "a.txt", text)], Config())
    for sentence in pool.sentences:
        assert text[sentence.start:sentence.end] == sentence.text
    assert pool.sentences[-1].text.endswith("during the works.")


@pytest.mark.parametrize("slug", ["BC-Harbour-Storm,0420", "AM-Harbour-Storm, 1st Ld-Writethru,a0412,0500"])
def test_a_wire_slug_is_never_the_headline_nor_part_of_the_lede(slug):
    on_its_own = parse_blocks(Source("a.txt", "a.txt", f"{slug}\nStorm Closes Northern Pier\n{LEDE}"), 0)
    assert source_title(on_its_own) == "Storm Closes Northern Pier"
    glued = f"{slug} PORTSEA, England (AP) _ {LEDE}"
    sentences = pooled(glued)
    assert sentences[0].startswith("The harbour authority closed")
    pool = build_pool([Source("a.txt", "a.txt", glued)], Config())
    assert glued[pool.sentences[0].start:pool.sentences[0].end] == sentences[0]


def test_an_article_without_text_is_named_with_its_reason_left_out_and_not_counted(tmp_path):
    (tmp_path / "a.txt").write_text(f"Storm Closes Northern Pier\n\n{LEDE}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Pier closed\n\n{LEDE.replace('Monday', 'Monday night')}\n", encoding="utf-8")
    listing = "Harbour news roundup\n- Pier closed\n- Ferries moved\n- Works for three weeks\n"
    (tmp_path / "c.txt").write_text(listing, encoding="utf-8")
    warnings: list[str] = []
    briefing = summarizer.summarize([str(tmp_path)], warn=warnings.append)
    assert [s.name for s in briefing.sources] == ["a.txt", "b.txt"]
    assert any("c.txt" in w and "no sentences of article text found" in w and "list item" in w for w in warnings)
    text = summarizer.render(briefing, "markdown")
    assert "from 2 sources" in text
    assert "c.txt" not in text and "Harbour news roundup" not in text


def test_an_article_that_is_one_long_unpunctuated_line_never_shows_as_its_title():
    ramble = " ".join(["harbour works continue along the quay"] * 8)
    blocks = parse_blocks(Source("a.txt", "a.txt", ramble), 0)
    assert source_title(blocks) == ""


def test_an_update_with_an_article_left_out_still_never_cites_the_earlier_briefing():
    from summarizer.models import Earlier

    told = ("The harbour authority closed the northern pier on Monday after a storm damaged its supports.",)
    listing = Source("list.txt", "list.txt", "Harbour roundup\n- Pier closed\n- Ferries moved\n")
    news = Source("b.txt", "b.txt", "Engineers said repairs to the northern pier would take at least three weeks. "
                                    "Ferries to the islands will leave from the southern terminal until then. "
                                    "The mayor asked residents to avoid the waterfront during the works.")
    warnings: list[str] = []
    update = summarizer.summarize([listing, news], max_words=200, warn=warnings.append,
                                  since=Earlier("monday.json", "briefing", told, ("a.txt",), "2024-03-04"))
    assert any(w.startswith("list.txt: no sentences of article text found") for w in warnings)
    assert [s.name for s in update.sources] == ["b.txt", "monday.json"]
    assert update.sentences and all(c.source == 0 for s in update.sentences for c in s.citations)
    assert "earlier briefing" not in update.title
