"""Tests of the rule-based sentence splitter on hand-written news cases and hostile inputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from summarizer.ingest.segment import sentence_spans, split_sentences

CASES = json.loads((Path(__file__).parents[1] / "data" / "sentence_cases.json").read_text("utf-8"))


def _slug(index: int, text: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", text)[:5]
    return f"{index:03d}-" + "-".join(w.lower() for w in words)


def test_case_set_is_well_formed():
    assert len(CASES) >= 70
    for case in CASES:
        text, sentences = case["text"], case["sentences"]
        assert sentences, text
        pos = 0
        for sentence in sentences:
            at = text.find(sentence, pos)
            assert at >= 0 and not text[pos:at].strip(), (text, sentence)
            assert sentence == sentence.strip()
            pos = at + len(sentence)
        assert not text[pos:].strip()
    assert any(len(case["sentences"]) >= 3 for case in CASES)
    assert any(len(case["sentences"]) == 1 for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[_slug(i, c["text"]) for i, c in enumerate(CASES)])
def test_case_splits_as_expected(case):
    assert split_sentences(case["text"]) == case["sentences"]


@pytest.mark.parametrize("case", CASES, ids=[_slug(i, c["text"]) for i, c in enumerate(CASES)])
def test_spans_are_verbatim_ordered_and_trimmed(case):
    text = case["text"]
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == split_sentences(text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        assert not text[last:start].strip()  # only whitespace between sentences
        last = end
    assert not text[last:].strip()


def test_spans_keep_offsets_into_the_original_text():
    text = "  Police said the blast occurred at 9 a.m. Sunday.   The mayor was not hurt.  "
    assert sentence_spans(text) == [(2, 50), (53, 76)]
    assert text[53:76] == "The mayor was not hurt."


@pytest.mark.parametrize("text", ["", " ", "\n", "\n\n\n", " \t \n \r\n  "])
def test_empty_or_whitespace_gives_nothing(text):
    assert sentence_spans(text) == []
    assert split_sentences(text) == []


def test_blank_line_always_ends_a_sentence():
    # Even after an abbreviation and before a lowercase word.
    assert split_sentences("He met Gen.\n\nlater that day") == ["He met Gen.", "later that day"]
    assert split_sentences("Headline Without Stop\n  \n\nBody starts here.") == [
        "Headline Without Stop",
        "Body starts here.",
    ]


def test_single_newline_is_not_a_boundary_by_itself():
    assert split_sentences("Talks resume\nin Geneva on Monday.") == [
        "Talks resume\nin Geneva on Monday."
    ]


def test_no_empty_spans_on_punctuation_only_input():
    for text in ["...", ". . .", "?!", '."', "!\n\n?", "“”"]:
        spans = sentence_spans(text)
        assert all(e > s for s, e in spans)
        assert "".join("".join(split_sentences(text)).split()) == "".join(text.split())


MB = 1_000_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("word " * (MB // 5), 1),  # 1 MB line with no punctuation: one sentence
        ("." * MB, 1),  # 1 MB of dots: one "sentence" of dots
        ("." * MB + "a", 1),  # dots not followed by space: no candidate at all
        (". " * (MB // 2), 1),  # a spaced ellipsis that never ends
        ("a." * (MB // 2), 1),  # dots inside one huge token
        ("!" * MB + " X", 2),
        ("x" * MB + ". The end.", 2),  # a token longer than any abbreviation
        ("\n" * MB, 0),
        ("Mr. " * (MB // 4), 1),
        ("It ended. " * (MB // 10), MB // 10),
        ("1) " + "item " * (MB // 5), 1),  # a list marker and no next item
        ("a. b. " + "x " * (MB // 2), 2),  # a list whose third marker never comes
        ("Done. [1] " * (MB // 10), MB // 10),  # reference marks after every sentence
        ("x. [1]" * (MB // 6) + "x", MB // 6 + 1),
    ],
    ids=["words", "dots", "dots-then-letter", "spaced-dots", "dotted-token", "bangs",
         "long-token", "newlines", "titles", "many-sentences", "list-marker", "list-letters",
         "references", "references-no-space"],
)
def test_pathological_inputs_finish(text, expected):
    spans = sentence_spans(text)
    assert len(spans) == expected
    if spans:
        assert spans[0][0] == len(text) - len(text.lstrip())
        assert spans[-1][1] == len(text.rstrip())


# Rules checked against text nobody here wrote (pySBD's Golden Rules, UD treebanks); the cases
# below are our own sentences in the same situations.  " | " marks where a sentence ends.
@pytest.mark.parametrize(
    "case",
    [
        # A time phrase cannot be a sentence on its own; a time at the end of one can end it.
        "By 6 a.m. Sgt. Lopez had reached the dam.",
        "The polls closed at 8 P.M. | Mr. Diaz conceded.",
        # Inline lists: a block that opens with a marker is cut before the next marker.
        "1) Boil the water | 2) Add the rice",
        "1.) Tents | 2.) Blankets.",
        "a. Tea | b. Coffee | c. Juice",
        "• 4. Hats | • 5. Gloves",
        "1. Prices rose 2 percent, and 2) rents fell.",
        "He listed 1) cost 2) time.",
        # Web text starts sentences in lowercase; abbreviations before lowercase still continue.
        "the vote was close. | we expected it.",
        "is it safe? | what about the kids?",
        "it was great! | we loved it",
        "She works at Bingo! in the city.",
        '"Is it safe?" she asked.',
        "Were Ana and co. at the meeting?",
        "He lives on 5th st. near the port.",
        "The admin bldg. and the gym burned.",
        "Sen. Ann Ruiz, R-Wis. and two aides left.",
        "He met then-U.S. envoy Tom Baker.",
        "The wind hit 90 mph. | Roofs were torn off.",
        # "I" is capitalized anywhere; an auxiliary after it opens a question.
        "It was you and I. | Did anyone see us?",
        # Ellipses: an omission inside a sentence, or the end of one.
        "We were tired . . . I wanted to sleep.",
        "We were tired . . . | The bus never came.",
        "I never said that.... | He left.",
        '"Markets [...] fell sharply [...]" (Lee 12).',
        "It was over. . . . | They went home.",
        # Numbers after number abbreviations; "c." before a year.
        "Call ext. 4417 today.",
        "It is at N°. 12 on the list.",
        "The fort (c. 1230 BC) was found in 1950.",
        # Reference marks stay with their sentence; an opening quote typed as a closing one.
        "He was born in 1805.[3] | He died in 1860. [4] [5] | Both dates are disputed.",
        'He said "we lost.“ | Then he left.',
    ],
)
def test_rules_from_independent_sets(case):
    assert split_sentences(case.replace(" | ", " ")) == case.split(" | ")
