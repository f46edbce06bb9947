"""Citation quality: does the briefing cite a source exactly when it reports the quoted sentence's claim?

Usage:
    python benchmarks/citations.py [--eval-dir DIR] [--algos a,b] [--no-algos] [--sweep] [--errors] [--fit]

The labels (benchmarks/labels/*.jsonl, references only; docs/labelling-citations.md) say, for the
first two sentences of each document of 20 DUC clusters and every other document of the cluster,
whether that document reports the sentence's main claim ("reports"), states it with a different
figure ("differs") or not ("no").  Both "differs" and "no" mean: must not be cited.  The text comes
from ../shared/eval (benchmarks/labels/rebuild.py).

Each cluster is pooled as the pipeline pools it (``build_pool``); each labelled quote is mapped to
the pooled sentence that holds its offsets, and the sources the tool would cite for it are those
``cite.citing_rows`` gives (with the cluster's "Where sources differ"), the code path of every briefing.  Per (quoted sentence, source):
precision and recall, with 95 % bootstrap intervals (clusters resampled), for the tuning part
(DUC 2002, 8 clusters: settings and weights were chosen on it) and the held-out part (DUC 2001, 12
clusters, never tuned on), printed apart.  Then per algorithm: the labelled quotes that its
100-word briefing actually quotes, and the citations the briefing gives them (few pairs).

``--tune-only`` leaves the held-out part unread; ``--sweep`` prints the tuning part at other thresholds; ``--errors`` prints the tuning part's
wrong citations; ``--fit`` refits the claim model's weights on the tuning part
(summarizer/data/claim_weights.txt).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from summarizer import ALGORITHMS, Config, Source, build_pool, summarize
from summarizer.facts.cite import citing_rows
from summarizer.facts.claim_match import FEATURES, WEIGHTS_FILE, features, scores
from summarizer.facts.figures import compare

from labels.rebuild import LABEL_FILES, DataMissing, default_eval_dir, read_clusters, read_labels

BOOTSTRAP = 2000
MAX_WORDS = 100
SWEEP = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=default_eval_dir(), help="folder of duc200?_100.jsonl")
    parser.add_argument("--algos", help="comma-separated algorithms for the briefing part (default: all)")
    parser.add_argument("--no-algos", action="store_true", help="skip the per-algorithm briefings")
    parser.add_argument("--sweep", action="store_true", help="tuning part at other cite thresholds")
    parser.add_argument("--errors", action="store_true", help="print the tuning part's wrong citations")
    parser.add_argument("--fit", action="store_true", help="refit the claim model on the tuning part")
    parser.add_argument("--fit-without", default="", help="comma-separated features --fit leaves out")
    parser.add_argument("--threshold", type=float, help="cite.threshold (default: the setting's)")
    parser.add_argument("--anchored", type=float, help="cite.anchored (default: the setting's, 1.0: off)")
    parser.add_argument("--tune-only", action="store_true", help="the tuning part only (the held-out part is left unread)")
    return parser.parse_args()


class Cluster:
    """One labelled cluster pooled as the pipeline pools it, its quotes mapped to pooled rows."""

    def __init__(self, data: dict, labels: list[dict], config: Config):
        self.labels = labels
        self.anchored = config.cite.anchored
        self.sources = [Source(d["id"], d["id"], d["text"]) for d in data["docs"]]
        self.pool = build_pool(self.sources, config)
        self.disagreements = compare(self.pool.figures, self.pool.dates)[0]  # as the briefing lists them
        self.passage_of = {r: p for p, passage in enumerate(self.pool.passages) for r in passage.rows}
        self.row_of = {}  # (quote doc, start, end) -> the pooled row holding most of it (None: not pooled)
        for label in labels:
            key = quote_key(label)
            if key not in self.row_of:
                self.row_of[key] = self._row(*key)

    def _row(self, doc: int, start: int, end: int) -> int | None:
        best, overlap = None, 0
        for r, s in enumerate(self.pool.sentences):
            if s.source == doc:
                shared = min(end, s.end) - max(start, s.start)
                if shared > overlap:
                    best, overlap = r, shared
        return best if overlap >= 0.5 * (end - start) else None

    def citing(self, row: int, threshold: float) -> list[int]:
        """The rows the briefing cites for quoting ``row`` (``cite.citing_rows``: its passage's copies, the
        claim model's sentences, no source "Where sources differ" lists against it)."""
        passage = self.pool.passages[self.passage_of[row]].rows
        return citing_rows(self.pool, row, threshold, passage, self.anchored, self.disagreements)

    def cited(self, row: int, threshold: float) -> set[int]:
        return {self.pool.sentences[r].source for r in self.citing(row, threshold)}


def quote_key(label: dict) -> tuple[int, int, int]:
    return label["quote_doc"], label["quote_start"], label["quote_end"]


def judge(clusters: list[Cluster], threshold: float, cite=None) -> list[tuple[str, bool, bool]]:
    """(cluster, cited, reports) per labelled (quote, source) whose quote the pool holds; ``cite``:
    another citer, ``cite(k, cluster, row)`` -> the sources cited (k: the cluster's index)."""
    rows = []
    for k, cluster in enumerate(clusters):
        cited_by_quote = {}
        for label in cluster.labels:
            row = cluster.row_of[quote_key(label)]
            if row is None:
                continue
            if row not in cited_by_quote:
                cited_by_quote[row] = cluster.cited(row, threshold) if cite is None else cite(k, cluster, row)
            rows.append((label["cluster"], label["source_doc"] in cited_by_quote[row], label["label"] == "reports"))
    return rows


def precision_recall(rows: list[tuple[str, bool, bool]]) -> tuple[float, float, int, int, int]:
    tp = sum(1 for _, said, gold in rows if said and gold)
    fp = sum(1 for _, said, gold in rows if said and not gold)
    fn = sum(1 for _, said, gold in rows if not said and gold)
    return (tp / (tp + fp) if tp + fp else float("nan"), tp / (tp + fn) if tp + fn else float("nan"), tp, fp, fn)


def with_intervals(rows: list[tuple[str, bool, bool]], seed: int = 0) -> str:
    """P and R with 95 % percentile intervals from resampling whole clusters."""
    precision, recall, tp, fp, fn = precision_recall(rows)
    by_cluster = defaultdict(lambda: np.zeros(3))
    for cluster, said, gold in rows:
        by_cluster[cluster] += (said and gold, said and not gold, not said and gold)
    counts = np.array(list(by_cluster.values()))
    rng = np.random.default_rng(seed)
    drawn = counts[rng.integers(0, len(counts), (BOOTSTRAP, len(counts)))].sum(axis=1)  # (draws, 3)
    with np.errstate(invalid="ignore", divide="ignore"):
        ps = drawn[:, 0] / (drawn[:, 0] + drawn[:, 1])
        rs = drawn[:, 0] / (drawn[:, 0] + drawn[:, 2])

    def interval(values):
        values = values[~np.isnan(values)]
        return f"[{np.percentile(values, 2.5):.2f}, {np.percentile(values, 97.5):.2f}]" if len(values) else "[-]"

    return (f"P {precision:.2f} {interval(ps)}  R {recall:.2f} {interval(rs)}  "
            f"(tp {tp} fp {fp} fn {fn}; {len(by_cluster)} clusters)")


def load(part: str, eval_dir: Path, config: Config) -> tuple[list[Cluster], int]:
    labels = read_labels(part)
    data = read_clusters(eval_dir, {label["set"] for label in labels})
    by_cluster = defaultdict(list)
    for label in labels:
        by_cluster[(label["set"], label["cluster"])].append(label)
    clusters = [Cluster(data[key], chosen, config) for key, chosen in by_cluster.items()]
    lost = sum(1 for c in clusters for key, row in c.row_of.items() if row is None)
    return clusters, lost


def briefing_rows(clusters: list[Cluster], algo: str, config: Config) -> list[tuple[str, bool, bool]]:
    """(cluster, cited, reports) per labelled (quote, source) whose quote the algorithm's briefing quotes."""
    rows = []
    settings = config.replace(**{"rank.algo": algo, "select.max_words": MAX_WORDS})
    for cluster in clusters:
        briefing = summarize(cluster.sources, settings)
        for sentence in briefing.sentences:
            cited = {c.source for c in sentence.citations}
            quoted = [c for c in sentence.citations if c.exact]
            for label in cluster.labels:
                doc, start, end = quote_key(label)
                if any(c.source == doc and min(end, c.end) - max(start, c.start) >= 0.5 * (end - start)
                       for c in quoted):
                    rows.append((label["cluster"], label["source_doc"] in cited, label["label"] == "reports"))
    return rows


def sweep(clusters: list[Cluster]) -> None:
    """The tuning part at other thresholds."""
    for threshold in SWEEP:
        print(f"  threshold {threshold:.2f}: " + with_intervals(judge(clusters, threshold)))


def errors(clusters: list[Cluster], threshold: float) -> None:
    for cluster in clusters:
        sentences = cluster.pool.sentences
        for label in cluster.labels:
            row = cluster.row_of[quote_key(label)]
            if row is None:
                continue
            said, gold = label["source_doc"] in cluster.cited(row, threshold), label["label"] == "reports"
            if said != gold:
                print(f"\n[{label['cluster']} {'FP' if said else 'FN'} {label['label']}] "
                      f"Q ({label['quote_doc']}): {sentences[row].text}")
                for start, end in label["evidence"]:
                    print(f"    evidence ({label['source_doc']}): {cluster.sources[label['source_doc']].text[start:end]}")
                candidates, probability = scores(cluster.pool.claims, row)
                for k in np.argsort(-probability)[:8]:
                    if cluster.pool.claims.sources[candidates[k]] == label["source_doc"]:
                        print(f"    {probability[k]:.2f} ({label['source_doc']}): {sentences[candidates[k]].text}")
                        break


def fit(clusters: list[Cluster], without: set[str]) -> None:
    """Logistic weights on the tuning part's candidate sentences: a sentence is positive when it holds
    evidence of a "reports" label (a sentence of a source labelled "differs" is a negative)."""
    x, y = [], []
    for cluster in clusters:
        evidence = defaultdict(list)
        for label in cluster.labels:
            if label["label"] == "reports":
                evidence[(quote_key(label), label["source_doc"])] += label["evidence"]
        for key, row in cluster.row_of.items():
            if row is None:
                continue
            candidates, matrix = features(cluster.pool.claims, row)
            for j, vector in zip(candidates, matrix):
                s = cluster.pool.sentences[j]
                spans = evidence.get((key, s.source), ())
                x.append(vector)
                y.append(any(min(end, s.end) - max(start, s.start) > 0 for start, end in spans))
    kept = [k for k, name in enumerate(FEATURES) if name not in without]
    x, y = np.array(x)[:, kept], np.array(y, dtype=float)
    penalty = 1e-3
    weights = np.zeros(x.shape[1])
    ridge = np.diag(np.r_[0.0, np.full(x.shape[1] - 1, penalty * len(y))]) + 1e-9 * np.eye(x.shape[1])
    for _ in range(100):  # Newton's method
        p = 1.0 / (1.0 + np.exp(-(x @ weights)))
        step = np.linalg.solve((x.T * (p * (1 - p))) @ x + ridge, x.T @ (p - y) + ridge @ weights)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    lines = [f"# Fitted by benchmarks/citations.py --fit on {len(y)} candidate sentences ({int(y.sum())} positive)",
             "# of the DUC 2002 tuning labels (logistic regression, L2 penalty 0.001 per sentence)."]
    WEIGHTS_FILE.write_text("\n".join(lines + [f"{FEATURES[k]} {w:.4f}" for k, w in zip(kept, weights)]) + "\n",
                            encoding="utf-8")
    print(f"wrote {WEIGHTS_FILE}")


def main() -> None:
    args = parse_args()
    config = Config() if args.anchored is None else Config().replace(**{"cite.anchored": args.anchored})
    threshold = config.cite.threshold if args.threshold is None else args.threshold
    try:
        parts = {part: load(part, args.eval_dir, config)
                 for part in (["tune"] if args.fit or args.tune_only else LABEL_FILES)}
    except DataMissing as error:
        sys.exit(str(error))
    if args.fit:
        fit(parts["tune"][0], set(filter(None, args.fit_without.split(","))))
        return
    print(f"cite.threshold {threshold}, cite.anchored {config.cite.anchored}; per (quoted sentence, source); 'differs' counts as must-not-cite")
    for part, (clusters, lost) in parts.items():
        print(f"{part:9s} all labelled quotes: " + with_intervals(judge(clusters, threshold))
              + (f" ({lost} quotes not pooled as labelled)" if lost else ""))
    if args.sweep:
        print("tune, other thresholds:")
        sweep(parts["tune"][0])
    if args.errors:
        errors(parts["tune"][0], threshold)
    if args.no_algos:
        return
    algos = args.algos.split(",") if args.algos else list(ALGORITHMS)
    print(f"\nper algorithm: the labelled quotes its {MAX_WORDS}-word briefing quotes (few pairs: wide intervals)")
    for algo in algos:
        for part, (clusters, _) in parts.items():
            rows = briefing_rows(clusters, algo, config)
            print(f"  {algo:10s} {part:9s} {len(rows):4d} pairs: " + (with_intervals(rows) if rows else "none quoted"))


if __name__ == "__main__":
    main()
