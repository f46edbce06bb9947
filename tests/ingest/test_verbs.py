"""One reader of "does this text have a verb" (``ingest.verbs``): lenient for quoting a sentence,
strict for the caption rule and the briefing's title."""

from __future__ import annotations

from summarizer.ingest.structure import parse_blocks
from summarizer.ingest.verbs import is_clause, verbs
from summarizer.models import BlockKind, Source
from summarizer.output.titles import _is_clause as reads_as_title


def found(text: str, strict: bool = False) -> list[str]:
    return [m.group() for m in verbs(text, strict=strict)]


def test_the_strict_reading_takes_no_word_that_may_be_a_noun():
    text = "Syrian rebel forces celebrating their victory in the city of Hama."
    assert found(text) == ["forces"] and is_clause(text)  # quotable, were it a sentence of the text
    assert found(text, strict=True) == []  # but no verb for a caption or a title
    assert found("Residents in need of shelter", strict=True) == []  # a four-letter "-ed" word
    assert found("Friday nights used to be slow", strict=True) == []  # "be" is no finite verb
    assert found("The storm raged into Charleston, and the mayor said it struck hard", strict=True) == [
        "raged", "said", "struck"]
    assert found("Associated Press and United Nations staff", strict=True) == []  # names


def kinds(text: str) -> list[BlockKind]:
    return [block.kind for block in parse_blocks(Source("a.txt", "a.txt", text), 0)]


def test_a_caption_under_a_headline_has_no_verb_read_strictly():
    body = ("Syrian insurgents captured the central city of Hama on Thursday, marking another major setback "
            "for the government.")
    assert kinds(f"Rebels seize Hama\n\nSyrian rebel forces celebrating their victory in the city of Hama.\n\n{body}") \
        == [BlockKind.HEADLINE, BlockKind.CAPTION, BlockKind.BODY]
    # a short lead with an irregular past form is body
    assert kinds(f"Quake hits coast\n\nA magnitude 6.1 earthquake struck the coast.\n\n{body}")[1] is BlockKind.BODY


def test_a_title_needs_a_finite_verb_after_its_first_word():
    assert reads_as_title("The San Francisco quake measuring 7.1 was comparable to the earthquake")
    assert not reads_as_title("Friday nights used to be slow at The Fault Line")
    assert not reads_as_title("Thousands of Lucille Ball's fans shed tears for the woman")  # "shed": a noun too
