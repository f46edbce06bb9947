"""Speed and scale of the whole `summarize` process on real news, and against sumy's LexRank.

Usage:
    python benchmarks/speed.py [--sizes 1,2,4,8] [--algos lexrank,textrank,coverage] [--repeat 1] [--no-sumy]
                               [--data DIR] [--compiled]

Input: the DUC clusters in ../shared/eval/*.jsonl beside the repository (or --data), all their
documents pooled as one "story", in a fixed shuffled order (seed 0) so that every size samples all the clusters
(see ../shared/eval/README.md; that data is never copied into the repository: the article files
are written to a temporary folder that is deleted at the end).  Size 1x is 52 DUC
articles (~1,700 sentences, the issue's "80 articles"); 8x is 416 articles (~13,000 sentences,
the issue's "500 articles"): DUC articles are longer than the issue's, so sizes follow sentences.  Each larger
size contains the smaller ones.  If a size needs more articles than there are distinct documents,
documents are reused under another file name (the summarizer merges the repeated sentences, as it
does for syndicated copy) and the output says so.

For every size and algorithm the whole process `summarize DIR --algo ALGO --quiet --output FILE`
is run (the console script's own entry point, summarizer.cli:run, as installed: `pip install -e ".[bench]"`
measures the working tree): wall time
(best of --repeat runs) and peak resident memory (highest of the runs).  Figures only: nothing is
asserted and the exit status is 0.
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import os
import platform
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from summarizer import split_sentences

# ../shared/eval beside the repository (or beside the folder of worktrees it is checked out in)
EVAL = next((p for p in (ROOT.parent / "shared" / "eval", ROOT.parent.parent / "shared" / "eval") if p.is_dir()),
            ROOT.parent / "shared" / "eval")
BASE_ARTICLES = 52  # size 1x (~1,700 sentences); 8x = 416 articles (~13,000 sentences)
SUMY_TIMEOUT = 120.0  # seconds for sumy's LexRank before it is stopped
SUMY_SENTENCES = 5  # summary length asked of sumy (its cost hardly depends on it)

# Targets from the issue, printed for reference under the table.
TARGET_ARTICLES, TARGET_SECONDS, TARGET_MIB = 500, 3.0, 1024.0  # issue 24: 500 articles in <= 3 s
TARGET_SPEEDUP = 30.0  # issue 24
TARGET_PER_DOUBLING = 2.3

# How the whole process is measured.  Peak RSS: ru_maxrss from os.wait4() on the summarize
# process itself, i.e. the kernel's high-water mark of resident memory for that process and
# any descendants it waited for: exact, unlike polling, which misses short peaks.  One pitfall:
# at exec the kernel folds the RSS of the memory image being replaced into that figure, and a
# fork/vfork child starts with its parent's image, so spawning from this (large, data-holding)
# script would report at least this script's own RSS.  Hence each measurement runs in a fresh,
# tiny intermediate interpreter (python -S, only os/sys/time/json loaded, ~10 MiB, less than any
# summarize run), which spawns summarize, waits for it with wait4 and reports wall time (from
# just before the spawn to the end of the wait) and ru_maxrss (KiB on Linux).  ru_maxrss of a
# fresh process is per child, so there is no max-over-all-children mixing between runs.
_MEASURE = r"""
import json, os, sys, time
err_path, argv = sys.argv[1], sys.argv[2:]
actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
           (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
           (os.POSIX_SPAWN_OPEN, 2, err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)]
started = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - started
scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
print(json.dumps({"wall": wall, "rss": usage.ru_maxrss * scale, "rc": os.waitstatus_to_exitcode(status)}))
"""

# sumy's LexRank, in its own process so that it can be stopped.  The document is built without
# NLTK data (ObjectDocumentModel + a regex word tokenizer); "ready" is printed once it is built,
# and only the summarizer call is timed.
_SUMY = r"""
import json, re, sys, time
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

class RegexTokenizer:
    language = "english"
    _word = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
    def to_words(self, text):
        return self._word.findall(text)
    def to_sentences(self, text):
        return [text]

tokenizer = RegexTokenizer()
sentences = json.load(open(sys.argv[1], encoding="utf-8"))
document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])
summarizer = LexRankSummarizer(Stemmer("english"))
summarizer.stop_words = get_stop_words("english")
print("ready", flush=True)
started = time.perf_counter()
summary = summarizer(document, int(sys.argv[2]))
print(json.dumps({"seconds": time.perf_counter() - started, "sentences": len(summary)}), flush=True)
"""

_FOOTER = re.compile(r"(\d+) sentences pooled, (\d+) after deduplication")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="multiples of the 1x input (52 articles)")
    parser.add_argument("--algos", default="centroid,lexrank,textrank,coverage", help="comma-separated algorithms")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the best time is kept")
    parser.add_argument("--no-sumy", action="store_true", help="skip the comparison with sumy's LexRank")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before a summarize run is stopped")
    parser.add_argument("--data", type=Path, default=EVAL, help="folder of the DUC-style JSONL clusters")
    parser.add_argument("--compiled", action="store_true",
                        help="byte-compile the package first, as installing it does (the runs then read its "
                             "__pycache__ even where PYTHONDONTWRITEBYTECODE is set); default: as the tree is")
    return parser.parse_args()


def load_documents(data: Path = EVAL) -> list[tuple[str, str]]:
    """(id, text) of every distinct document in the evaluation clusters, in a fixed shuffled order."""
    seen: dict[str, str] = {}
    for path in sorted(glob.glob(str(data / "*.jsonl"))):
        with open(path, encoding="utf-8") as stream:
            for line in stream:
                if line.strip():
                    for doc in json.loads(line)["docs"]:
                        seen.setdefault(doc["text"], str(doc["id"]))
    documents = [(doc_id, text) for text, doc_id in seen.items()]
    random.Random(0).shuffle(documents)
    return documents


def sentences_of(text: str) -> list[str]:
    """The sentences of an article, split paragraph by paragraph (roughly as the pipeline does)."""
    return [s for para in re.split(r"\n[^\S\n]*\n", text) if para.strip() for s in split_sentences(para)]


def write_input(folder: Path, documents: list[tuple[str, str]], n: int) -> dict:
    """n article files in folder; documents reused under new names when n exceeds them."""
    folder.mkdir()
    sentences = words = 0
    for i in range(n):
        doc_id, text = documents[i % len(documents)]
        copy = i // len(documents)
        safe = re.sub(r"[^\w.-]", "_", doc_id)
        name = f"{i:04d}_{safe}" + (f"_copy{copy}" if copy else "") + ".txt"
        (folder / name).write_text(text, encoding="utf-8")
        sentences += len(sentences_of(text))
        words += len(text.split())
    return {"dir": folder, "articles": n, "sentences": sentences, "words": words,
            "reused": max(0, n - len(documents))}


def measure(folder: Path, algo: str, work: Path, timeout: float) -> dict:
    """One whole `summarize` run: wall seconds, peak RSS bytes, exit code, and the pooled counts."""
    out, err = work / f"briefing-{algo}.md", work / "stderr.txt"
    command = [sys.executable, "-c", "from summarizer.cli import run; run()",
               str(folder), "--algo", algo, "--quiet", "--output", str(out)]
    runner = subprocess.Popen([sys.executable, "-S", "-c", _MEASURE, str(err), *command],
                              stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        stdout, _ = runner.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(runner.pid, signal.SIGKILL)  # the intermediate process and summarize with it
        runner.communicate()
        return {"wall": None, "rss": None, "rc": None, "error": f"stopped after {timeout:g} s"}
    result = json.loads(stdout)
    if result["rc"] != 0:
        lines = err.read_text(errors="replace").strip().splitlines()
        result["error"] = f"exit {result['rc']}: {lines[-1] if lines else 'no message'}"
    else:
        found = _FOOTER.search(out.read_text(encoding="utf-8")) if out.exists() else None
        result["pooled"] = (int(found[1]), int(found[2])) if found else None
    return result


def best_of(folder: Path, algo: str, work: Path, repeat: int, timeout: float) -> dict:
    runs = [measure(folder, algo, work, timeout) for _ in range(max(1, repeat))]
    good = [r for r in runs if r["rc"] == 0]
    if not good:
        return runs[-1]
    best = min(good, key=lambda r: r["wall"])
    return {**best, "rss": max(r["rss"] for r in good)}


def run_sumy(sentences: list[str], work: Path) -> tuple[float | None, str]:
    """Seconds of sumy's LexRankSummarizer on sentences, or None and why."""
    data = work / "sumy-sentences.json"
    data.write_text(json.dumps(sentences), encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", _SUMY, str(data), str(SUMY_SENTENCES)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        first = child.stdout.readline()  # the document is built
        if first.strip() != "ready":
            _, errors = child.communicate(timeout=60)
            lines = errors.strip().splitlines()
            return None, f"failed: {lines[-1] if lines else 'no message'}"
        stdout, _ = child.communicate(timeout=SUMY_TIMEOUT + 5)
        return json.loads(stdout)["seconds"], ""
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        return None, f"> {SUMY_TIMEOUT:g} s"
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()


def main() -> int:
    args = parse_args()
    files = sorted(glob.glob(str(args.data / "*.jsonl")))
    if not files:
        print(f"No evaluation data: expected DUC-style JSONL clusters in {args.data} "
              "(see ../shared/eval/README.md; or pass --data). Nothing measured.")
        return 0
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    algos = [a.strip() for a in args.algos.split(",") if a.strip()]
    documents = load_documents(args.data)
    print(f"Input: {len(documents)} distinct documents pooled from {', '.join(Path(f).name for f in files)}; "
          f"size 1x = {BASE_ARTICLES} articles (fixed shuffle, seed 0).")
    print(f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
          f"{os.cpu_count()} CPUs; whole process `summarize DIR --algo A --quiet --output FILE`, "
          f"best of {args.repeat} run(s); peak RSS = ru_maxrss of the process (wait4).")

    if args.compiled:
        import summarizer

        subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(summarizer.__file__).parent)], check=True)
        print("The package was byte-compiled first (compileall), as installing it does.")
    elif os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("PYTHONDONTWRITEBYTECODE is set: a run compiles the modules it reads that have no __pycache__ "
              "(--compiled measures the package as installed).")
    work = Path(tempfile.mkdtemp(prefix="summarizer-speed-"))
    try:
        inputs = {}
        for size in sizes:
            inputs[size] = write_input(work / f"x{size}", documents, BASE_ARTICLES * size)
            if inputs[size]["reused"]:
                print(f"Note: size {size}x needs {BASE_ARTICLES * size} articles but there are only "
                      f"{len(documents)} distinct documents; {inputs[size]['reused']} are repeated copies "
                      "under other file names (their sentences are merged as duplicates).")

        print()
        header = (f"{'size':>4} {'articles':>8} {'sentences':>9} {'passages':>8} {'words':>8} {'algorithm':<10} "
                  f"{'wall s':>7} {'peak MiB':>8} {'x prev':>6} {'per 2x':>6}")
        print(header)
        print("-" * len(header))
        results: dict[tuple[str, int], dict] = {}
        for algo in algos:
            previous = None
            for size in sizes:
                info = inputs[size]
                r = results[algo, size] = best_of(info["dir"], algo, work, args.repeat, args.timeout)
                row = f"{size:>3}x {info['articles']:>8} {info['sentences']:>9,}"
                pooled = r.get("pooled")
                row += f" {pooled[1] if pooled else '?':>8} {info['words']:>8,} {algo:<10}"
                if r["rc"] != 0:
                    print(f"{row} {r['error']}", flush=True)
                    previous = None
                    continue
                row += f" {r['wall']:>7.2f} {r['rss'] / 2**20:>8.0f}"
                if previous is not None:
                    ratio = r["wall"] / previous[1]["wall"]
                    doublings = math.log2(size / previous[0])
                    r["per_doubling"] = ratio ** (1 / doublings)
                    row += f" {ratio:>6.2f} {r['per_doubling']:>6.2f}"
                print(row, flush=True)
                previous = (size, r)
        print("(sentences: split_sentences over paragraphs; passages: after deduplication, from the "
              "briefing footer; x prev: time vs the previous size; per 2x: that ratio per doubling)")

        sumy_line = None
        if not args.no_sumy:
            base = write_input(work / "sumy-1x", documents, BASE_ARTICLES) if 1 not in inputs else inputs[1]
            sentences = [s for _, text in
                         (documents[i % len(documents)] for i in range(BASE_ARTICLES)) for s in sentences_of(text)]
            ours = results.get(("lexrank", 1)) or best_of(base["dir"], "lexrank", work, args.repeat, args.timeout)
            sumy_seconds, why = run_sumy(sentences, work)
            print()
            print(f"1x input, {len(sentences):,} sentences ({base['articles']} articles), LexRank:")
            print(f"  sumy LexRankSummarizer, in-process (summarizer call only): "
                  f"{why or f'{sumy_seconds:.2f} s'}")
            if ours["rc"] == 0:
                print(f"  summarize --algo lexrank, whole process:                   {ours['wall']:.2f} s")
                if sumy_seconds is not None:
                    sumy_line = sumy_seconds / ours["wall"]
                    print(f"  speed-up: {sumy_line:.1f}x")
                else:
                    sumy_line = SUMY_TIMEOUT / ours["wall"]
                    print(f"  speed-up: > {sumy_line:.1f}x")
            else:
                print(f"  summarize --algo lexrank, whole process: {ours['error']}")

        print()
        print("Targets (from the issue; for reference, not checked):")
        print(f"  ~{TARGET_ARTICLES} articles (~13,000 sentences): whole process <= {TARGET_SECONDS:g} s wall "
              f"and <= {TARGET_MIB / 1024:g} GiB peak RSS")
        largest = max(sizes)
        for algo in algos:
            r = results[algo, largest]
            if r["rc"] == 0:
                print(f"    {algo:<10} at {largest}x ({inputs[largest]['articles']} articles): "
                      f"{r['wall']:.2f} s, {r['rss'] / 2**20:.0f} MiB")
        print(f"  ~1,700 sentences: whole process >= {TARGET_SPEEDUP:g}x faster than sumy's LexRank in-process")
        if sumy_line is not None:
            print(f"    measured: {sumy_line:.1f}x")
        print(f"  each doubling of the input: <= {TARGET_PER_DOUBLING}x the time")
        for algo in algos:
            factors = [results[algo, s]["per_doubling"] for s in sizes if "per_doubling" in results[algo, s]]
            if factors:
                print(f"    {algo:<10} worst {max(factors):.2f}x per doubling")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
