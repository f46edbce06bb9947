"""Clean and classify: what each line of an article is, and what is left of its markup."""

from __future__ import annotations

import pytest

from summarizer.models import BlockKind, Source
from summarizer.ingest.structure import is_full_sentence, parse_blocks, source_title


def blocks_of(text: str):
    return parse_blocks(Source("a.txt", "a.txt", text), 0)


def kinds(text: str):
    return [(b.kind, b.text) for b in blocks_of(text)]


BODY = "The army said on Thursday that its troops had left the city to protect civilians."


@pytest.mark.parametrize("line, kind", [
    ("Rebels Seize Hama as Troops Withdraw", BlockKind.HEADLINE),
    ("# Rebels seize Hama", BlockKind.HEADLINE),
    ("**The capture of Hama, the second city overtaken by rebels, marks a shift in the war.**", BlockKind.HEADLINE),
    ("What's Next for Assad?", BlockKind.HEADLINE),
    ("By Jane Doe and John Roe, Reuters", BlockKind.BYLINE),
    ("Published: December 5, 2024", BlockKind.BYLINE),
    ("Dec. 5, 2024", BlockKind.BYLINE),
    ("Thursday, Sept. 5, 2024", BlockKind.BYLINE),
    ("Monday, March 3rd, 2025", BlockKind.BYLINE),
    ("Tags: Syria, Hama, rebels", BlockKind.KEYWORDS),
    ("Syria | Middle East | Conflict | Rebels", BlockKind.KEYWORDS),
    ("Hama falls/ Syrian insurgency/ Assad setbacks/ HTS offensive/", BlockKind.KEYWORDS),
    ("Photo: Rebels celebrate in Hama on Thursday. (AFP)", BlockKind.CAPTION),
    ("- Insurgents captured the city after three days of clashes.", BlockKind.LIST_ITEM),
    ("  • The city is a crucial link between Aleppo and Damascus.", BlockKind.LIST_ITEM),
    ("1. The army withdrew from the city on Thursday.", BlockKind.LIST_ITEM),
    (BODY, BlockKind.BODY),
])
def test_each_kind_of_line_is_recognised(line, kind):
    found = blocks_of(f"{line}\n{BODY.replace('army', 'ministry')}\n")
    assert found[0].kind is kind


def test_caption_right_under_a_headline():
    text = "Rebels Seize Hama\nRebel fighters celebrating their victory in the city of Hama.\n" + BODY
    assert [b.kind for b in blocks_of(text)] == [BlockKind.HEADLINE, BlockKind.CAPTION, BlockKind.BODY]


def test_a_short_lead_under_a_headline_in_another_language_is_body_not_a_caption():
    # The caption rule reads English verbs; a German lead has none of them and is the news itself.
    text = ("Hochwasser in Passau\n"
            "Die Donau ist am Dienstag über die Ufer getreten, wie die Feuerwehr mitteilte.\n"
            "Hunderte Bewohner der Altstadt mussten ihre Häuser verlassen und wurden untergebracht.\n")
    blocks = parse_blocks(Source("a.txt", "a.txt", text), 0, "german")
    assert [b.kind for b in blocks] == [BlockKind.HEADLINE, BlockKind.BODY, BlockKind.BODY]


@pytest.mark.parametrize("lead", ["A magnitude 6.1 earthquake struck off the coast of Chile on Sunday.",
                                  "The dollar fell against the yen in early Tokyo trading on Monday."])
def test_a_short_lead_whose_verb_is_an_irregular_past_form_is_body_not_a_caption(lead):
    blocks = blocks_of(f"Strong Quake Hits Chile\n{lead}\n{BODY}")
    assert [b.kind for b in blocks] == [BlockKind.HEADLINE, BlockKind.BODY, BlockKind.BODY]


def test_keyword_run_glued_to_the_lede_keeps_the_lede_as_body():
    text = "Hama falls/ Syrian insurgency/ Assad setbacks/ J. Mansour/ " + BODY
    [block] = blocks_of(text)
    assert block.kind is BlockKind.BODY
    assert block.text == BODY
    assert text[block.start:block.start + len(BODY)] == BODY


@pytest.mark.parametrize("text, cleaned", [
    ("Rebels **captured** the [city of Hama](https://example.com/hama) on *Thursday*, officials said.",
     "Rebels captured the city of Hama on Thursday, officials said."),
    ("Officials told residents to run `evacuate --now` before ``noon`` on Thursday.",
     "Officials told residents to run evacuate --now before noon on Thursday."),
])
def test_markup_is_removed_and_offsets_point_into_the_source(text, cleaned):
    [block] = blocks_of(text)
    assert block.text == cleaned
    for offset, char in enumerate(block.text):
        assert text[block.source_offset(offset)] == char


@pytest.mark.parametrize("text", [
    # News corpora (AP, LDC) quote with backticks: the quotation is the source's words, kept verbatim.
    "Thatcher said the ``monsters'' would be found, and called it ``an act of war.''",
    "``He was up there saying, `Give me a W,' and they went along,'' Sively said.",
])
def test_backtick_quotation_marks_stay_verbatim(text):
    [block] = blocks_of(text)
    assert block.text == text



def test_bullet_marker_is_not_part_of_the_text():
    [block] = blocks_of("- The army withdrew from the city on Thursday.")
    assert block.text == "The army withdrew from the city on Thursday."


def test_dateline_is_dropped_from_the_first_sentence():
    [block] = blocks_of("BEIRUT (Reuters) - " + BODY)
    assert block.text == BODY
    [block] = blocks_of("WASHINGTON _ " + BODY)
    assert block.text == BODY


def test_a_dateline_with_its_day_is_dropped_too():
    # wire copy's own form: the place, the day, the agency ("LONDON, March 6 (Reuters) - ")
    for line in ("LONDON, March 6 (Reuters) - ", "VARNA, Bulgaria, March 6, 2024 (AP) — ",
                 "WASHINGTON, Dec. 5 — ", "PARIS, 6 March (AFP) - ", "BERLIN, 6 March 2024 - "):
        [block] = blocks_of(line + BODY)
        assert block.text == BODY, line
    # a sentence that opens with a place and a day is no dateline
    [block] = blocks_of("PARIS, March 6 was the day the strike began, the union said.")
    assert block.text.startswith("PARIS, March 6")


def test_paragraph_repeated_in_one_source_counts_once():
    text = f"{BODY}\nAnother paragraph follows here, with more news in it.\n{BODY}\n"
    assert [b.text for b in blocks_of(text)].count(BODY) == 1


def test_hard_wrapped_paragraphs_are_joined():
    text = ("The storm moved west on Sunday with winds of 75 mph, and forecasters\n"
            "said it could strengthen into a hurricane before it reaches the\n"
            "coast of the island on Monday night.\n\n"
            "Officials urged residents of low-lying areas to leave their homes\n"
            "and to follow the instructions of the civil defence on the radio.\n")
    found = blocks_of(text)
    assert len(found) == 2 and all(b.kind is BlockKind.BODY for b in found)
    assert found[0].text.startswith("The storm") and found[0].text.endswith("Monday night.")


def test_title_is_the_first_headline_above_the_text():
    text = "**A long standfirst that summarises the whole article in one sentence.**\nRebels Seize Hama\n" + BODY
    assert source_title(blocks_of(text)) == "Rebels Seize Hama"
    # A heading after the text has started is a section heading, not the title.
    later = f"{BODY}\n{BODY.replace('army', 'ministry')}\nA Tactical Retreat\n{BODY.replace('army', 'navy')}"
    assert source_title(blocks_of(later)) == ""


@pytest.mark.parametrize("text, full", [
    ("The army withdrew from the city.", True),
    ("“We will return,” the commander said.", True),
    ("Major Victory: Insurgents capture Hama after intense clashes.", False),
    ("the army withdrew from the city.", False),
    ("Hama's capture represents a major strategic victory for the opposition:", False),
    ("Rebels aim to take Homs", False),
])
def test_full_sentences(text, full):
    assert is_full_sentence(text) is full
