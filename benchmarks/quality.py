"""Summary quality on news clusters with human reference summaries (ROUGE recall).

Usage:
    python benchmarks/quality.py [DATA.jsonl ...] [--algos lexrank,textrank] [--set key=value ...]

DATA is JSONL, one cluster a line: {"id", "docs": [{"id", "text"}], "refs": [str, ...]}.  Without
DATA it reads ../shared/eval/duc2002_100.jsonl and duc2001_100.jsonl beside the repository.
Protocol (the field's usual one): a 100-word budget, each summary cut to its first 100 words,
ROUGE-1 and ROUGE-2 recall with Porter stemming (rouge-score, use_stemmer=True), averaged over
the references, then over clusters.  Needs the bench extra: pip install ".[bench]".

Each row also gives the mean per-cluster difference in ROUGE-1 and ROUGE-2 against the reference
algorithm (--reference, default lexrank) with its 95% t-interval.  --cut adds, for each algorithm,
a comparison row without the hard budget: sentences are taken as the algorithm orders them and
the summary is cut at 100 words, the last sentence mid-way (what the hard budget costs).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from multiprocessing import Pool
from pathlib import Path

from summarizer import (Config, Source, build_pool, load_sources, seeds_dir, subjectivity,
                        summarize_sources)

from duc import DEV_SETS, settings_from

BUDGET = 100


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="*", type=Path, help="JSONL files of clusters")
    parser.add_argument("--algos", default="centroid,lexrank,textrank,coverage,concepts,lsa,luhn,sumbasic",
                        help="comma-separated algorithms")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="a setting for every run: its path (rank.lexrank.threshold) or unique name, "
                             "a YAML value")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters of each file")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--reference", default="lexrank", help="algorithm the per-cluster differences are against")
    parser.add_argument("--cut", action="store_true",
                        help="also a row per algorithm with no hard budget, its summary cut at 100 words")
    return parser.parse_args()


def run_cluster(job):
    cluster, settings = job
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    sources = [Source(doc["id"], doc["id"], doc["text"]) for doc in cluster["docs"]]
    config = Config().replace(**settings)
    started = time.perf_counter()
    briefing = summarize_sources(sources, config)
    elapsed = time.perf_counter() - started
    summary = " ".join(" ".join(s.text for s in briefing.sentences).split()[:BUDGET])
    scores = [scorer.score(ref, summary) for ref in cluster["refs"]]
    r1 = statistics.mean(s["rouge1"].recall for s in scores)
    r2 = statistics.mean(s["rouge2"].recall for s in scores)
    # The sentences that reach the summary: all of them under the hard budget, up to the cut otherwise.
    read, words = [], 0
    for sentence in briefing.sentences:
        if words >= BUDGET:
            break
        read.append(sentence.text)
        words += len(sentence.text.split())
    return (r1, r2, elapsed, len(summary.split())) + mean_subjectivity(sources, read)


def mean_subjectivity(sources, texts: list[str]) -> tuple[float, float]:
    """Mean subjectivity of the briefing's sentences and of all the sources' sentences."""
    chosen = [subjectivity(text) for text in texts]
    pooled = [subjectivity(s.text) for s in build_pool(sources, Config()).sentences]
    return statistics.mean(chosen) if chosen else 0.0, statistics.mean(pooled)


def print_seeds_neutrality(algos: list[str], base: dict) -> None:
    """The bundled sample articles have no reference summaries: their wording only."""
    sources = load_sources([str(seeds_dir())])
    for algo in algos:
        started = time.perf_counter()
        briefing = summarize_sources(sources, Config().replace(**{**base, "algo": algo}))
        elapsed = time.perf_counter() - started
        subj, pooled = mean_subjectivity(sources, [s.text for s in briefing.sentences])
        print(f"{'seeds/':<20} {algo:<16} {'-':>6} {'-':>6} {briefing.words:6.1f} {subj:5.3f} {pooled:5.3f} "
              f"{elapsed:9.3f}", flush=True)


def main() -> int:
    args = parse_args()
    files = args.data or DEV_SETS
    base = settings_from(args.set)
    algos = args.algos.split(",")
    print(f"budget {BUDGET} words; ROUGE recall x100, Porter stemming; settings {base or 'default'}")
    print("subj: the briefing's mean subjectivity; pool: that of all the source sentences")
    print(f"dR-1, dR-2: mean per-cluster difference against {args.reference} [95% t-interval]")
    print(f"{'data':<20} {'algorithm':<16} {'R-1':>6} {'R-2':>6} {'words':>6} {'subj':>5} {'pool':>5} "
          f"{'s/cluster':>9}  {'dR-1 [95%]':<21} {'dR-2 [95%]':<21}")
    print_seeds_neutrality(algos, base)
    missing = [f for f in files if not f.is_file()]
    if missing:
        print(f"No evaluation data at {', '.join(map(str, missing))}.\n"
              "Put DUC-style JSONL clusters there (see this script's docstring), or name files to read.")
        return 0
    hard = {"max_words": BUDGET, "max_sentences": None}
    # Without the hard budget: more sentences than 100 words need, the summary cut in run_cluster.
    open_budget = {"max_words": None, "max_sentences": 15}
    runs = [(algo, algo, hard) for algo in dict.fromkeys([args.reference] + algos)]
    if args.cut:
        runs += [(f"{algo} (cut)", algo, open_budget) for algo in algos]
    with Pool(args.jobs) as pool:
        for path in files:
            clusters = [json.loads(line) for line in path.open(encoding="utf-8")][: args.limit]
            reference = None
            for label, algo, budget in runs:
                rows = pool.map(run_cluster, [(c, {**base, "algo": algo, **budget}) for c in clusters])
                if reference is None:
                    reference = rows
                    if args.reference not in algos:
                        continue
                r1, r2, secs, words, subj, pooled = (statistics.mean(col) for col in zip(*rows))
                print(f"{path.name:<20} {label:<16} {100 * r1:6.2f} {100 * r2:6.2f} {words:6.1f} {subj:5.3f} "
                      f"{pooled:5.3f} {secs:9.3f}  {paired_interval(rows, reference, 0)} "
                      f"{paired_interval(rows, reference, 1)}", flush=True)
    return 0


def paired_interval(rows, reference, column: int) -> str:
    """Mean per-cluster difference x100 and its 95% t-interval."""
    differences = [100 * (row[column] - ref[column]) for row, ref in zip(rows, reference)]
    mean = statistics.mean(differences)
    if len(differences) < 2:
        return f"{mean:+5.2f}"
    from scipy.stats import t

    half = t.ppf(0.975, len(differences) - 1) * statistics.stdev(differences) / len(differences) ** 0.5
    return f"{mean:+5.2f} [{mean - half:+5.2f},{mean + half:+5.2f}]"


if __name__ == "__main__":
    sys.exit(main())
