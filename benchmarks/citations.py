"""Citation quality: precision and recall of "source B reports sentence A's main claim" on labelled pairs.

Usage:
    python benchmarks/citations.py [PAIRS.jsonl] [--eval-dir DIR] [--fit] [--errors]

PAIRS is JSONL, one labelled pair a line: {"set", "cluster", "a", "b", "a_source", "b_source", "label"};
"set" is "seeds" (the bundled sample articles) or the name of a DUC file in DIR ("duc2002" reads
duc2002_100.jsonl), "cluster" its cluster id.  The labels hold DUC text, so they live outside the
repository (default: /work/labels/claims/pairs.jsonl; see its GUIDELINE.md).  Each cluster is pooled
as the pipeline pools it, and two rules decide every pair:

* the rule cite.py had before the claim model ("before"): passage members (cosine >= dedup.threshold)
  and paraphrases (cosine >= 0.3 and two shared phrases), either one without a number the other lacks;
* claim_match.py: the claim model (anchors, events, figures) scored by its fitted weights; cite.py
  cites a copy of the quote whatever it says, and any other sentence (a near-duplicate too) by it.

Figures are printed for the part the model was fitted on (seeds + DUC 2002) and for the held-out part
(DUC 2001), separately; per pair, and per (quote, source) as a briefing cites: a source counts as
reporting the quote when any of its labelled sentences does, and the rule is right when it cites
the source with a sentence labelled as reporting it.  ``--fit`` fits the model's weights on the
tuning part only and writes them to summarizer/data/claim_weights.txt.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer import Config, Source  # noqa: E402
from summarizer.facts.claim_match import FEATURES, WEIGHTS_FILE, features, scores  # noqa: E402
from summarizer.facts.claims import build_index  # noqa: E402
from summarizer.facts.figures import differ, sentence_figures  # noqa: E402
from summarizer.config.sections import seeds_dir  # noqa: E402
from summarizer.pool.features import TermMatrix, Tokenizer  # noqa: E402
from summarizer.ingest.language import choose_language  # noqa: E402
from summarizer.ingest.load import load_sources  # noqa: E402
from summarizer.pool.sentences import pool_sentences  # noqa: E402
from summarizer.ingest.structure import parse_blocks  # noqa: E402

DEFAULT_PAIRS = Path("/work/labels/claims/pairs.jsonl")
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
TUNING = ("seeds", "duc2002")
OLD_CITATION_THRESHOLD = 0.3  # the rule before the claim model
_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")
FOLDS = 6
PENALTIES = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2)
PARTS = {"tuned (seeds + DUC 2002)": TUNING, "  seeds alone": ("seeds",), "held out (DUC 2001)": ("duc2001",)}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pairs", nargs="?", type=Path, default=DEFAULT_PAIRS, help="labelled pairs (JSONL)")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL,
                        help="folder of the DUC files the pairs come from (duc2001_100.jsonl, ...)")
    parser.add_argument("--errors", action="store_true", help="print the pairs the claim model gets wrong")
    parser.add_argument("--fit", action="store_true", help="fit the claim model on the tuning part and save it")
    return parser.parse_args()


def cluster_sources(set_name: str, cluster: str, eval_dir: Path, cache: dict) -> list[Source]:
    if set_name == "seeds":
        return load_sources([str(seeds_dir())])
    if set_name not in cache:
        path = eval_dir / f"{set_name}_100.jsonl"
        if not path.exists():
            sys.exit(f"{path}: not found (the DUC clusters the pairs come from; pass --eval-dir)")
        cache[set_name] = {c["id"]: c for c in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    docs = cache[set_name][cluster]["docs"]
    return [Source(d["id"], d["id"], d["text"]) for d in docs]


def judge_cluster(sources: list[Source], pairs: list[dict], config: Config) -> list[dict]:
    """Per pair: the old rule's verdict, the claim model's probability and feature row (None: not a
    candidate); None for a pair whose sentences the pool no longer holds as labelled."""
    language = choose_language([s.text for s in sources], [s.name for s in sources], config.input.language)
    sentences = pool_sentences([parse_blocks(s, i) for i, s in enumerate(sources)], language)
    tokenizer = Tokenizer(language)
    terms = TermMatrix.build([s.text for s in sentences], tokenizer)
    vectors = terms.tfidf()
    index = build_index([s.text for s in sentences], [s.source for s in sentences], tokenizer,
                        sentence_figures(sentences))
    row_of = {(s.source, s.text): r for r, s in reversed(list(enumerate(sentences)))}
    judged, by_quote = [], {}
    for pair in pairs:
        a, b = row_of.get((pair["a_source"], pair["a"])), row_of.get((pair["b_source"], pair["b"]))
        if a is None or b is None:  # the segmenter now cuts these sentences otherwise
            judged.append(None)
            continue
        cosine = float(vectors[a].multiply(vectors[b]).sum())
        phrases_a, phrases_b = (set(zip(terms.terms[r], terms.terms[r][1:])) for r in (a, b))
        before = (cosine >= config.dedup.threshold
                  or (cosine >= OLD_CITATION_THRESHOLD and len(phrases_a & phrases_b) >= 2))
        if a not in by_quote:
            candidates, probability = scores(index, a)
            _, matrix = features(index, a)
            by_quote[a] = {int(j): (float(p), matrix[k]) for k, (j, p) in enumerate(zip(candidates, probability))}
        probability, row = by_quote[a].get(b, (0.0, None))
        # The pipeline cites a copy of the quote whatever the model says.
        judged.append({"before": before and not numbers_differ(pair["a"], pair["b"]), "probability": probability,
                       "copy": pair["a"] == pair["b"], "features": row,
                       "vetoed": differ(index.stated[a], index.stated[b])})
    return judged


def numbers_differ(a: str, b: str) -> bool:
    """The old figures test: each sentence has a number (digit string) the other lacks."""
    numbers_a, numbers_b = ({n.replace(",", "") for n in _NUMBER.findall(text)} for text in (a, b))
    return bool(numbers_a - numbers_b) and bool(numbers_b - numbers_a)


def fit(judged: list[tuple[dict, dict]], threshold: float) -> None:
    """Fit the logistic model on the tuning part's candidate pairs and write the weights file.

    The L2 penalty is chosen by cross-validation grouped by cluster (a cluster's pairs share their
    sentences, so they are never split between fitting and checking); the figures of that
    cross-validation are printed, then the model is fitted on the whole tuning part."""
    import numpy as np

    tuning = [(p, v) for p, v in judged if p["set"] in TUNING]
    chosen = [(p, v) for p, v in tuning if v["features"] is not None]
    x = np.array([v["features"] for _, v in chosen])
    y = np.array([p["label"] for p, _ in chosen], dtype=float)
    clusters = sorted({(p["set"], p["cluster"]) for p, _ in chosen})
    fold_of = {cluster: k % FOLDS for k, cluster in enumerate(clusters)}
    folds = np.array([fold_of[(p["set"], p["cluster"])] for p, _ in chosen])
    best = None
    for penalty in PENALTIES:
        probability = np.zeros(len(y))
        for fold in range(FOLDS):
            held = folds == fold
            probability[held] = logistic(x[held], logistic_fit(x[~held], y[~held], penalty))
        loss = -np.mean(y * np.log(probability + 1e-12) + (1 - y) * np.log(1 - probability + 1e-12))
        print(f"L2 penalty {penalty:g}: cross-validated log loss {loss:.3f}")
        if best is None or loss < best[0]:
            best = (loss, penalty, probability)
    _, penalty, probability = best
    crossed = {id(p): 0.0 if v["vetoed"] else float(q) for (p, v), q in zip(chosen, probability)}
    verdicts = [(p, (crossed.get(id(p), 0.0), v["copy"] or crossed.get(id(p), 0.0) >= threshold)) for p, v in tuning]
    print(f"cross-validated ({FOLDS} folds by cluster, penalty {penalty:g}), tuning part: "
          f"pairs {precision_recall([(said, p['label']) for p, (_, said) in verdicts])}, "
          f"sources {precision_recall(by_source(verdicts))}")
    weights = logistic_fit(x, y, penalty)
    lines = [f"# Fitted by benchmarks/citations.py --fit on {len(y)} candidate pairs of seeds + DUC 2002",
             f"# (logistic regression, L2 penalty {penalty:g} chosen by cross-validation grouped by cluster;",
             "# a sentence reports the quote at the odds set by cite.threshold)."]
    lines += [f"{name} {value:.4f}" for name, value in zip(FEATURES, weights)]
    WEIGHTS_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS_FILE}; run again without --fit to measure")


def logistic(x, weights):
    import numpy as np

    return 1.0 / (1.0 + np.exp(-(x @ weights)))


def logistic_fit(x, y, penalty: float):
    """Logistic regression weights by Newton's method, L2 ``penalty`` per pair on all but the bias."""
    import numpy as np

    ridge = np.diag(np.r_[0.0, np.full(x.shape[1] - 1, penalty * len(y))]) + 1e-9 * np.eye(x.shape[1])
    weights = np.zeros(x.shape[1])
    for _ in range(100):
        probability = logistic(x, weights)
        gradient = x.T @ (probability - y) + ridge @ weights
        step = np.linalg.solve((x.T * (probability * (1 - probability))) @ x + ridge, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return weights


def precision_recall(rows: list[tuple[bool, int]]) -> str:
    tp = sum(1 for said, label in rows if said and label)
    fp = sum(1 for said, label in rows if said and not label)
    fn = sum(1 for said, label in rows if not said and label)
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    return f"P {precision:.2f} R {recall:.2f} (tp {tp:3d} fp {fp:3d} fn {fn:3d})"


def by_source(judged: list[tuple[dict, bool]]) -> list[tuple[bool, int]]:
    """(cited correctly or wrongly, source reports it) per (quote, source): the best-scored pair decides."""
    groups = defaultdict(list)
    for pair, (score, said) in judged:
        groups[(pair["set"], pair["cluster"], pair["a"], pair["b_source"])].append((score, said, pair["label"]))
    rows = []
    for members in groups.values():
        reported = int(any(label for _, _, label in members))
        score, said, label = max(members, key=lambda m: (m[1], m[0]))
        if said and not label and reported:
            rows += [(True, 0), (False, 1)]  # cited, but for a sentence that does not say it
        else:
            rows.append((said, reported))
    return rows


def main() -> None:
    args = parse_args()
    if not args.pairs.exists():
        sys.exit(f"{args.pairs}: not found (labelled pairs; see the module docstring)")
    try:
        pairs = [json.loads(line) for line in args.pairs.read_text(encoding="utf-8").splitlines() if line.strip()]
    except json.JSONDecodeError as error:
        sys.exit(f"{args.pairs}: not JSONL ({error})")
    by_cluster = defaultdict(list)
    for pair in pairs:
        by_cluster[(pair["set"], pair["cluster"])].append(pair)
    config, cache, judged = Config(), {}, []
    for (set_name, cluster), cluster_pairs in by_cluster.items():
        sources = cluster_sources(set_name, cluster, args.eval_dir, cache)
        judged += zip(cluster_pairs, judge_cluster(sources, cluster_pairs, config))
    lost = sum(1 for _, verdict in judged if verdict is None)
    judged = [(pair, verdict) for pair, verdict in judged if verdict is not None]
    threshold = config.cite.threshold
    if args.fit:
        fit(judged, threshold)
        return
    positives = sum(p["label"] for p, _ in judged)
    print(f"{len(judged)} pairs, {positives} report the claim, from {len(by_cluster)} clusters"
          + (f" ({lost} more no longer found: the segmenter cuts them otherwise)" if lost else ""))
    for part, sets in PARTS.items():
        chosen = [(p, v) for p, v in judged if p["set"] in sets]
        before = [(p, (float(v["before"]), v["before"])) for p, v in chosen]
        model = [(p, (max(v["probability"], float(v["copy"])), v["copy"] or v["probability"] >= threshold))
                 for p, v in chosen]
        print(f"{part:26s} {len(chosen):4d} pairs")
        for name, verdicts in (("rule before", before), ("claim model", model)):
            print(f"    {name:18s} pairs   {precision_recall([(s, p['label']) for p, (_, s) in verdicts])}")
            print(f"    {'':18s} sources {precision_recall(by_source(verdicts))}")
    if args.errors:
        for pair, verdict in judged:
            said = verdict["copy"] or verdict["probability"] >= threshold
            if said != bool(pair["label"]):
                print(f"\n[{pair['set']} {'FP' if said else 'FN'} {verdict['probability']:.2f}] A: {pair['a']}\n"
                      f"    B: {pair['b']}\n    {pair.get('note', '')}")


if __name__ == "__main__":
    main()
