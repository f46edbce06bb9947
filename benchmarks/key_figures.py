"""Key figures: the share of the numbers that several reference summaries state which the briefing states.

Usage:
    PYTHONPATH=. python benchmarks/key_figures.py [DATA.jsonl ...] [--algos centroid,lexrank]
                                                  [--set key=value ...] [--limit N] [--jobs 2]

DATA is JSONL as for ``quality.py`` (default: ../shared/eval/duc2002_100.jsonl and duc2001_100.jsonl).
A cluster's *key figures* are the numbers that at least two of its human reference summaries
state, compared as values ("three" = 3, "1,000" = 1000, "$1.2 billion" = 1.2e9), read by the
project's own number grammar (``facts.figures.quantity``); years, dates, times of day, identifiers
("G20") and orders of magnitude ("thousands") are no figures here.  Each cluster is summarized
in 100 words (cut to its first 100 words, as ``quality.py`` does) and the briefing's numbers read
the same way.  Printed per set and algorithm: recall over all key figures (micro), the mean of the
per-cluster recalls (clusters with a key figure), and the ceiling: the share the sources state.
The seeds line says whether the bundled sample's default briefing states its death toll.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from multiprocessing import Pool
from pathlib import Path

from summarizer import Config, Source, load_sources, seeds_dir, summarize_sources

from duc import DEV_SETS, settings_from
from summarizer.facts.figures.quantity import quantities
from summarizer.facts.figures.tokens import may_hold_figures, tokenize

BUDGET = 100
NOT_FIGURES = {"year", "date", "clock", "ident"}  # numbers that are not amounts
MIN_REFERENCES = 2


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="*", type=Path, help="JSONL files of clusters")
    parser.add_argument("--algos", default="centroid,lexrank,textrank,coverage,concepts",
                        help="comma-separated algorithms")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="a setting for every run: its path or unique name, a YAML value")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters of each file")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    return parser.parse_args()


def values(text: str) -> set[tuple[float, float]]:
    """The amounts a text states, as values: (low, high), equal for a single number."""
    found = set()
    if not may_hold_figures(text):
        return found
    tokens = tokenize(" ".join(text.split()), 0, 0)
    for amount in quantities(tokens):
        if amount.unit in NOT_FIGURES or amount.magnitude:
            continue
        found.add((round(amount.lo, 6), round(amount.hi, 6)))
    return found


def key_figures(refs: list[str]) -> set[tuple[float, float]]:
    """The values at least MIN_REFERENCES of the references state."""
    counts: dict[tuple[float, float], int] = {}
    for ref in refs:
        for value in values(ref):
            counts[value] = counts.get(value, 0) + 1
    return {value for value, n in counts.items() if n >= MIN_REFERENCES}


def run_cluster(job) -> tuple[int, int, int]:
    """(key figures, of them stated by the briefing, of them stated by some source)."""
    cluster, settings = job
    keys = key_figures(cluster["refs"])
    if not keys:
        return 0, 0, 0
    sources = [Source(doc["id"], doc["id"], doc["text"]) for doc in cluster["docs"]]
    briefing = summarize_sources(sources, Config().replace(**settings))
    summary = " ".join(" ".join(s.text for s in briefing.sentences).split()[:BUDGET])
    in_sources = set().union(*(values(doc["text"]) for doc in cluster["docs"]))
    return len(keys), len(keys & values(summary)), len(keys & in_sources)


def seeds_line(base: dict) -> str:
    briefing = summarize_sources(load_sources([str(seeds_dir())]), Config().replace(**base))
    text = " ".join(s.text for s in briefing.sentences)
    toll = sorted(v for v in values(text) if v[0] in (700.0, 727.0))
    return f"seeds/ default briefing ({briefing.words} words) states the death toll: {'yes' if toll else 'no'}"


def main() -> int:
    args = parse_args()
    files = args.data or DEV_SETS
    base = settings_from(args.set)
    algos = args.algos.split(",")
    print(f"key figures: values stated by >= {MIN_REFERENCES} references; briefing of {BUDGET} words; "
          f"settings {base or 'default'}")
    print(seeds_line(base), flush=True)
    missing = [f for f in files if not f.is_file()]
    if missing:
        print(f"No evaluation data at {', '.join(map(str, missing))}.")
        return 0
    print(f"{'data':<20} {'algorithm':<12} {'keys':>5} {'recall':>7} {'mean':>6} {'ceiling':>8}")
    with Pool(args.jobs) as pool:
        for path in files:
            clusters = [json.loads(line) for line in path.open(encoding="utf-8")][: args.limit]
            for algo in algos:
                settings = {**base, "algo": algo, "max_words": BUDGET, "max_sentences": None}
                rows = pool.map(run_cluster, [(c, settings) for c in clusters])
                keys = sum(r[0] for r in rows)
                stated = sum(r[1] for r in rows)
                ceiling = sum(r[2] for r in rows)
                mean = statistics.mean(r[1] / r[0] for r in rows if r[0]) if keys else 0.0
                print(f"{path.name:<20} {algo:<12} {keys:5d} {stated / max(keys, 1):7.3f} {mean:6.3f} "
                      f"{ceiling / max(keys, 1):8.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
