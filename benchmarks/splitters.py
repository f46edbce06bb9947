"""Compare sentence splitters on gold sets we did not write, on our own cases, and for speed.

    python benchmarks/splitters.py [--ud DIR_OR_FILE ...] [--news-ud DIR_OR_FILE ...]
                                   [--mb 1.0] [--rounds 3] [--show-errors CANDIDATE --set NAME]

Candidates: ours (``summarizer.split_sentences``), pysbd, syntok, NLTK Punkt built from our own
abbreviation lists (no training data, no download) and blingfire.  Missing packages are reported
as "not installed".

Sets:
- pySBD's English Golden Rules (48 cases, read from the installed pysbd wheel): cases split
  exactly right.
- Universal Dependencies treebanks (default /work/labels/ud-ewt: EWT web text, and
  /work/labels/ud-gum: GUM, whose news documents are also scored on their own), each document's
  sentences joined back into paragraphs: boundary precision / recall / F1 (a boundary is the end of
  every sentence but the last of a paragraph) and paragraphs split exactly right.  Each split
  (dev, test) is its own row group: the rules were tuned looking at dev errors (test errors were
  looked at only for GUM's news documents).
- tests/data/sentence_cases.json: our own 157 hand-written news cases, same scores.
Speed is sentences per second over the EWT dev paragraphs and over our cases, each repeated to
about --mb megabytes, each paragraph split on its own as the pipeline does; best of --rounds.

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

import summarizer
from sentence_sets import Paragraph, golden_rules, read_conllu

CASES_PATH = ROOT / "tests" / "data" / "sentence_cases.json"
DEFAULT_UD = [Path("/work/labels/ud-ewt")]
DEFAULT_NEWS_UD = [Path("/work/labels/ud-gum")]
Spans = list[tuple[int, int]]
Splitter = Callable[[str], Spans]
Case = tuple[str, Spans]  # a text and its gold sentence spans

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
    return lambda text: _align(text, summarizer.split_sentences(text))


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

    from summarizer.ingest import segment  # its word lists; Punkt has no public way to take ours

    params = PunktParameters()
    # Punkt keeps abbreviations lowercase without the final period: our lists, plus the dotted
    # acronyms that our rules recognise by shape rather than by list.
    acronyms = {"u.s", "u.n", "u.k", "e.u", "d.c", "n.y", "n.j", "n.m", "h.r", "u.s.a"}
    params.abbrev_types = {w.lower() for w in segment.ABBREVIATIONS} | acronyms
    tokenizer = PunktSentenceTokenizer(params)
    return _per_block(lambda block: list(tokenizer.span_tokenize(block)))


def _blingfire() -> Splitter:
    import blingfire

    return _per_block(lambda block: blingfire.text_to_sentences_and_offsets(block)[1])


CANDIDATES: list[tuple[str, Callable[[], Splitter]]] = [
    ("ours (summarizer)", _ours),
    ("pysbd", _pysbd),
    ("syntok", _syntok),
    ("nltk punkt (own params)", _punkt),
    ("blingfire", _blingfire),
]


def score(split: Splitter, cases: list[Case]) -> tuple[int, float, float, float, list[int]]:
    """Cases right, boundary P / R / F1, and the indexes of the cases split wrongly."""
    right = tp = n_pred = n_gold = 0
    wrong = []
    for index, (text, gold) in enumerate(cases):
        pred = _trim(text, split(text))
        if pred == gold:
            right += 1
        else:
            wrong.append(index)
        gold_b = {e for _, e in gold[:-1]}
        pred_b = {e for _, e in pred[:-1]}
        tp += len(gold_b & pred_b)
        n_pred += len(pred_b)
        n_gold += len(gold_b)
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return right, p, r, f, wrong


def speed(split: Splitter, texts: list[str], rounds: int) -> float:
    best = float("inf")
    count = 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        count = sum(len(split(t)) for t in texts)
        best = min(best, time.perf_counter() - t0)
    return count / best if best > 0 else float("inf")


def _conllu_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.conllu")) if path.is_dir() else [path])
    return [f for f in files if f.is_file()]


def _cases_of(paragraphs: list[Paragraph]) -> list[Case]:
    return [(p.text, p.spans) for p in paragraphs]


def _load_sets(args: argparse.Namespace) -> dict[str, list[Case]]:
    """Every gold set that is available, by name; missing ones are reported and skipped."""
    sets: dict[str, list[Case]] = {}
    try:
        sets["golden rules"] = [(t, _align(t, s)) for t, s in golden_rules()]
    except (ImportError, FileNotFoundError) as err:
        print(f"pySBD Golden Rules: not available ({err}); pip install pysbd")
    for paths, news_only in ((args.ud, False), (args.news_ud, True)):
        if not paths:  # --news-ud with no value: not wanted
            continue
        files = _conllu_files(paths)
        if not files:
            where = ", ".join(map(str, paths))
            print(f"no CoNLL-U files under {where}: that treebank is skipped "
                  "(see benchmarks/sentence_sets.py for where to get it)")
        for file in files:
            try:
                paragraphs = read_conllu(file)
            except (OSError, UnicodeDecodeError, ValueError, IndexError) as err:
                raise SystemExit(f"error: {file} is not a readable CoNLL-U file ({err})") from None
            name = file.stem.replace("-ud", "")
            sets[name] = _cases_of(paragraphs)
            if news_only:
                news = [p for p in paragraphs if "_news_" in p.doc]
                if news:
                    sets[f"{name} news"] = _cases_of(news)
    cases = json.loads(CASES_PATH.read_text("utf-8"))
    sets["own cases"] = [(c["text"], _align(c["text"], c["sentences"])) for c in cases]
    return sets


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ud", type=Path, nargs="*", default=DEFAULT_UD,
                    help="UD treebank folders or .conllu files (default: %(default)s)")
    ap.add_argument("--news-ud", type=Path, nargs="*", default=DEFAULT_NEWS_UD,
                    help="treebanks whose '_news_' documents are also scored on their own")
    ap.add_argument("--mb", type=float, default=1.0, help="size of the speed corpus in MB")
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds; the best is kept")
    ap.add_argument("--show-errors", metavar="CANDIDATE",
                    help="print the cases this candidate (name prefix) splits wrongly")
    ap.add_argument("--set", default="golden rules", help="the set for --show-errors")
    args = ap.parse_args(argv)

    sets = _load_sets(args)
    splitters = {}
    for name, make in CANDIDATES:
        try:
            splitters[name] = make()
        except ImportError:
            print(f"{name}: not installed")

    if args.show_errors:
        name = next((n for n in splitters if n.startswith(args.show_errors)), None)
        if name is None or args.set not in sets:
            print(f"error: --show-errors takes one of {list(splitters)} and --set one of "
                  f"{list(sets)}", file=sys.stderr)
            return 2
        cases = sets[args.set]
        for index in score(splitters[name], cases)[4]:
            text, gold = cases[index]
            pred = _trim(text, splitters[name](text))
            print(f"--- {index}\n gold: {[text[s:e] for s, e in gold]}\n got:  "
                  f"{[text[s:e] for s, e in pred]}")
        return 0

    head = f"{'candidate':<26} {'right':>15} {'P':>6} {'R':>6} {'F1':>6}"
    for set_name, cases in sets.items():
        n_sent = sum(len(spans) for _, spans in cases)
        print(f"\n{set_name}: {len(cases)} texts, {n_sent} sentences")
        print(head)
        print("-" * len(head))
        for name, split in splitters.items():
            right, p, r, f, _ = score(split, cases)
            print(f"{name:<26} {right:>5}/{len(cases):<4} {100 * right / len(cases):5.1f}% "
                  f"{p:6.3f} {r:6.3f} {f:6.3f}")

    corpora = {name: [text for text, _ in sets[name]] for name in sets if name.endswith("ewt-dev")}
    corpora["own cases"] = [text for text, _ in sets["own cases"]]
    for corpus, base in corpora.items():
        texts = base * max(1, round(args.mb * 1_000_000 / sum(map(len, base))))
        print(f"\nspeed on {corpus}: {sum(map(len, texts)) / 1e6:.2f} MB in {len(texts)} "
              f"paragraphs, best of {args.rounds}")
        for name, split in splitters.items():
            print(f"{name:<26} {speed(split, texts, args.rounds):10,.0f} sentences/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
