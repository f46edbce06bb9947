"""Redundancy: how often a briefing quotes two sentences with the same main claim.

Usage:
    python benchmarks/redundancy.py LABELS.jsonl [--eval-dir DIR] [--thresholds 0.5,0.4,0.3]
                                   [--algos centroid,lexrank] [--unlabelled OUT.jsonl] [--jobs 2]

LABELS is JSONL, one labelled pair of sentences of one briefing a line: {"set", "cluster", "a", "b",
"label"}; "set" names a DUC file in DIR ("duc2002" reads duc2002_100.jsonl), "label" is 1 when a
reader would say the briefing says the same main claim twice.  The labels hold DUC text, so they live
outside the repository (default: /work/labels/redundancy/pairs.jsonl; see its GUIDELINE.md).

For each set, algorithm and threshold of the claim model at which selection skips a second wording
of a pick's claim (``rank.centroid.same_claim_threshold`` for centroid, ``select.same_claim_threshold``
for the scorers MMR selects for), every cluster is summarized in 100 words and every pair of its
briefing's sentences looked up in the labels: the repeats a briefing holds, and the pairs no label
covers (``--unlabelled`` writes them out, to be labelled).  Then the claim model as a redundancy
detector on the labelled pairs: precision and recall of "one sentence states the other's claim"
(probability >= threshold either way, or a figure given two ways, as ``claim_match.same_claim``
decides).  ROUGE is ``benchmarks/quality.py``'s job.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer import Config, Source, build_pool  # noqa: E402
from summarizer.facts.claim_match import same_claim, scores  # noqa: E402
from summarizer.pipeline import rank_and_select  # noqa: E402

DEFAULT_LABELS = Path("/work/labels/redundancy/pairs.jsonl")
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
BUDGET = 100
THRESHOLD_SETTING = {"centroid": "rank.centroid.same_claim_threshold"}  # the scorers: MMR's setting
MMR_THRESHOLD = "select.same_claim_threshold"
DETECTOR_THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("labels", nargs="?", type=Path, default=DEFAULT_LABELS, help="labelled pairs (JSONL)")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL, help="folder of the DUC files")
    parser.add_argument("--sets", default="duc2002,duc2001", help="comma-separated DUC sets")
    parser.add_argument("--algos", default="centroid,lexrank", help="comma-separated algorithms")
    parser.add_argument("--thresholds", default="1.0,0.5,0.4,0.3,0.2", type=thresholds,
                        help="comma-separated claim-model thresholds (0-1; 1: no claim check)")
    parser.add_argument("--unlabelled", type=Path, help="write the briefings' pairs no label covers here")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    return parser.parse_args()


def thresholds(text: str) -> list[float]:
    try:
        values = [float(t) for t in text.split(",")]
    except ValueError:
        values = []
    if not values or not all(0.0 <= v <= 1.0 for v in values):
        raise argparse.ArgumentTypeError(f"{text!r}: not comma-separated numbers from 0 to 1")
    return values


def text_key(text: str) -> str:
    return " ".join(text.split())


def pair_key(set_name: str, cluster: str, a: str, b: str) -> tuple:
    return set_name, cluster, frozenset((text_key(a), text_key(b)))


def run_cluster(job) -> list[dict]:
    """Every pair of sentences of each briefing (per algorithm and threshold) of one cluster, with the
    claim model's probability each way and whether a figure is given two ways."""
    set_name, cluster, algos, thresholds = job
    sources = [Source(d["id"], d["id"], d["text"]) for d in cluster["docs"]]
    base = Config().replace(max_words=BUDGET, max_sentences=None)
    pool = build_pool(sources, base)
    pairs = []
    for algo, threshold in itertools.product(algos, thresholds):
        config = base.replace(**{"algo": algo, THRESHOLD_SETTING.get(algo, MMR_THRESHOLD): threshold})
        picks, _ = rank_and_select(pool, config)
        rows = [p.row for p in picks]
        for a, b in itertools.combinations(rows, 2):
            pairs.append({"set": set_name, "cluster": cluster["id"], "algo": algo, "threshold": threshold,
                          "a": pool.sentences[a].text, "b": pool.sentences[b].text,
                          "same_source": pool.sentences[a].source == pool.sentences[b].source,
                          "probability": max(_probability(pool, a, b), _probability(pool, b, a)),
                          # same_claim above any probability: only its rule on a figure given two ways
                          "figure_twice": bool(same_claim(pool.claims, a, 1.01)[b])})
        if not rows:
            pairs.append({"set": set_name, "cluster": cluster["id"], "algo": algo, "threshold": threshold})
    return pairs


def _probability(pool, quote: int, other: int) -> float:
    candidates, probability = scores(pool.claims, quote, figures_must_agree=False)
    found = probability[candidates == other]
    return float(found[0]) if len(found) else 0.0


def main() -> int:
    args = parse_args()
    if not args.labels.is_file():
        sys.exit(f"{args.labels}: not found (the labelled pairs; see this script's docstring)")
    labels = {}
    for number, line in enumerate(args.labels.read_text(encoding="utf-8").splitlines(), 1):
        try:
            row = json.loads(line)
            labels[pair_key(row["set"], row["cluster"], row["a"], row["b"])] = int(row["label"])
        except (ValueError, KeyError) as error:
            sys.exit(f"{args.labels}:{number}: not a labelled pair ({error})")
    algos, sets = args.algos.split(","), args.sets.split(",")
    thresholds = args.thresholds
    jobs = []
    for set_name in sets:
        path = args.eval_dir / f"{set_name}_100.jsonl"
        if not path.is_file():
            sys.exit(f"{path}: not found (the DUC clusters; pass --eval-dir)")
        jobs += [(set_name, c, algos, thresholds) for c in map(json.loads, path.open(encoding="utf-8"))]
    with Pool(args.jobs) as workers:
        pairs = [p for found in workers.imap(run_cluster, jobs) for p in found]
    for pair in pairs:
        if "a" in pair:
            pair["label"] = labels.get(pair_key(pair["set"], pair["cluster"], pair["a"], pair["b"]))
    print_repeats(pairs, sets, algos, thresholds)
    print_detector(pairs, sets, labels)
    if args.unlabelled:
        missing = {pair_key(p["set"], p["cluster"], p["a"], p["b"]): p for p in pairs
                   if "a" in p and p["label"] is None}
        with args.unlabelled.open("w", encoding="utf-8") as out:
            for p in missing.values():
                out.write(json.dumps({k: p[k] for k in ("set", "cluster", "a", "b")}) + "\n")
        print(f"{len(missing)} unlabelled pairs written to {args.unlabelled}")
    return 0


def print_repeats(pairs: list[dict], sets: list[str], algos: list[str], thresholds: list[float]) -> None:
    print("Repeats in the briefings (100 words): labelled pairs with the same main claim")
    print(f"{'set':<9} {'algorithm':<10} {'threshold':>9} {'briefings':>9} {'pairs':>6} {'repeats':>7} "
          f"{'a briefing':>10} {'briefings with one':>18} {'unlabelled':>10}")
    for set_name, algo, threshold in itertools.product(sets, algos, thresholds):
        mine = [p for p in pairs if (p["set"], p["algo"], p["threshold"]) == (set_name, algo, threshold)]
        briefings = {p["cluster"] for p in mine}
        labelled = [p for p in mine if "a" in p]
        repeats = [p for p in labelled if p["label"] == 1]
        unlabelled = sum(p["label"] is None for p in labelled)
        print(f"{set_name:<9} {algo:<10} {threshold:>9.2f} {len(briefings):>9} {len(labelled):>6} {len(repeats):>7} "
              f"{len(repeats) / max(len(briefings), 1):>10.2f} {len({p['cluster'] for p in repeats}):>18} "
              f"{unlabelled:>10}")


def print_detector(pairs: list[dict], sets: list[str], labels: dict) -> None:
    """The claim model on the labelled pairs, each pair once (the briefings at every threshold)."""
    print("\nThe claim model as a redundancy detector on the labelled pairs (probability >= t either way, "
          "or a figure given two ways)")
    print(f"{'set':<9} {'t':>5} {'pairs':>6} {'same':>5} {'found':>6} {'right':>6} {'P':>5} {'R':>5}")
    for set_name in sets:
        seen = {}
        for p in pairs:
            if "a" in p and p["set"] == set_name and p["label"] is not None:
                seen[pair_key(set_name, p["cluster"], p["a"], p["b"])] = p
        positives = sum(p["label"] for p in seen.values())
        for t in DETECTOR_THRESHOLDS:
            found = [p for p in seen.values() if p["probability"] >= t or p["figure_twice"]]
            right = sum(p["label"] for p in found)
            print(f"{set_name:<9} {t:>5.2f} {len(seen):>6} {positives:>5} {len(found):>6} {right:>6} "
                  f"{right / max(len(found), 1):>5.2f} {right / max(positives, 1):>5.2f}")


if __name__ == "__main__":
    sys.exit(main())
