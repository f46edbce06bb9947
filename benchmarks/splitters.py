"""Compare sentence splitters on tests/data/sentence_cases.json.

    python benchmarks/splitters.py [--mb 1.0] [--rounds 3]

Candidates: our rules (summarizer.segment), pysbd, syntok, NLTK Punkt built from our own
PunktParameters (our abbreviation list, no training data, no download) and blingfire.  Missing
packages are reported as "not installed".  Columns: cases split exactly right, boundary
precision / recall / F1 (a boundary is the end offset of every sentence but the last of a
case), and sentences per second over the case texts repeated to about --mb megabytes (each
text split on its own, as the pipeline does with paragraphs; best of --rounds).

Every third-party candidate gets the blank-line rule for free (each block between blank lines is
split on its own), so the comparison is about decisions inside a paragraph.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer import segment  # noqa: E402

CASES_PATH = ROOT / "tests" / "data" / "sentence_cases.json"
Spans = list[tuple[int, int]]
Splitter = Callable[[str], Spans]

_BLANK = re.compile(r"\n[^\S\n]*\n\s*")


def _per_block(spans_of_block: Splitter) -> Splitter:
    """Apply a splitter to each blank-line-separated block, with offsets into the whole text."""

    def run(text: str) -> Spans:
        spans: Spans = []
        start = 0
        for m in [*_BLANK.finditer(text), None]:
            end = m.start() if m else len(text)
            block = text[start:end]
            if block.strip():
                spans.extend((start + s, start + e) for s, e in spans_of_block(block))
            if m:
                start = m.end()
        return spans

    return run


def _trim(text: str, spans: Spans) -> Spans:
    """Drop surrounding whitespace from each span, and spans that hold nothing."""
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _align(text: str, sentences: list[str]) -> Spans:
    """Spans of ``sentences`` found in order in ``text`` (for splitters that return strings)."""
    spans, pos = [], 0
    for sentence in sentences:
        sentence = sentence.strip()
        if not sentence:
            continue
        at = text.find(sentence, pos)
        if at < 0:  # the splitter changed the text; count it as a miss, keep going
            continue
        spans.append((at, at + len(sentence)))
        pos = at + len(sentence)
    return spans


def _ours() -> Splitter:
    return segment.sentence_spans


def _pysbd() -> Splitter:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    return _per_block(lambda block: _align(block, seg.segment(block)))


def _syntok() -> Splitter:
    from syntok import segmenter

    def run(block: str) -> Spans:
        spans = []
        for paragraph in segmenter.analyze(block):
            for sentence in paragraph:
                first, last = sentence[0], sentence[-1]
                spans.append((first.offset, last.offset + len(last.value)))
        return spans

    return _per_block(run)


def _punkt() -> Splitter:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    # Punkt keeps abbreviations lowercase without the final period.  Our lists, plus the dotted
    # acronyms that our rules recognise by shape rather than by list.
    words = (
        segment._NEVER_FINAL | segment._MAYBE_FINAL | segment._BEFORE_NUMBER | segment._TIMES
    )
    acronyms = {"u.s", "u.n", "u.k", "e.u", "d.c", "n.y", "n.j", "n.m", "h.r", "u.s.a"}
    params.abbrev_types = {w.lower() for w in words} | acronyms
    tokenizer = PunktSentenceTokenizer(params)
    return _per_block(lambda block: list(tokenizer.span_tokenize(block)))


def _blingfire() -> Splitter:
    import blingfire

    return _per_block(lambda block: blingfire.text_to_sentences_and_offsets(block)[1])


CANDIDATES: list[tuple[str, Callable[[], Splitter]]] = [
    ("rules (summarizer.segment)", _ours),
    ("pysbd", _pysbd),
    ("syntok", _syntok),
    ("nltk punkt (own params)", _punkt),
    ("blingfire", _blingfire),
]


def _gold(case: dict) -> Spans:
    spans = _align(case["text"], case["sentences"])
    assert len(spans) == len(case["sentences"]), case
    return spans


def score(split: Splitter, cases: list[dict]) -> tuple[int, float, float, float]:
    right = tp = n_pred = n_gold = 0
    for case in cases:
        text = case["text"]
        gold = _gold(case)
        pred = _trim(text, split(text))
        right += [text[s:e] for s, e in pred] == case["sentences"]
        gold_b = {e for _, e in gold[:-1]}
        pred_b = {e for _, e in pred[:-1]}
        tp += len(gold_b & pred_b)
        n_pred += len(pred_b)
        n_gold += len(gold_b)
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return right, p, r, f


def speed(split: Splitter, texts: list[str], rounds: int) -> float:
    best = float("inf")
    count = 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        count = sum(len(split(t)) for t in texts)
        best = min(best, time.perf_counter() - t0)
    return count / best if best > 0 else float("inf")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="size of the speed corpus in MB")
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds; the best is kept")
    args = ap.parse_args(argv)

    cases = json.loads(CASES_PATH.read_text("utf-8"))
    base = [c["text"] for c in cases]
    size = sum(len(t) for t in base)
    texts = base * max(1, round(args.mb * 1_000_000 / size))

    head = f"{'candidate':<28} {'cases right':>15} {'P':>6} {'R':>6} {'F1':>6} {'sent/s':>10}"
    print(f"{len(cases)} cases, speed corpus {sum(map(len, texts)) / 1e6:.2f} MB "
          f"in {len(texts)} paragraphs, best of {args.rounds}")
    print(head)
    print("-" * len(head))
    for name, make in CANDIDATES:
        try:
            split = make()
        except ImportError:
            print(f"{name:<28} {'not installed':>15}")
            continue
        right, p, r, f = score(split, cases)
        rate = speed(split, texts, args.rounds)
        pct = 100 * right / len(cases)
        print(f"{name:<28} {right:>5}/{len(cases):<3} {pct:5.1f}% {p:6.3f} {r:6.3f} {f:6.3f} "
              f"{rate:10,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
