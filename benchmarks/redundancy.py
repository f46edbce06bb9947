"""Redundancy: how often a briefing says the same thing twice, per algorithm, at 250 words.

Usage:
    PYTHONPATH=. python benchmarks/redundancy.py [DATA.jsonl ...] [--algos centroid,lexrank]
                 [--words 250] [--limit N] [--set key=value ...] [--sample OUT.jsonl] [--jobs 2]

DATA is JSONL as for ``quality.py`` (default: ../shared/eval/duc2002_100.jsonl and duc2001_100.jsonl).
There are no labelled pairs: every pair of sentences of each briefing is flagged by two tests, and
a pair either flags counts as a repeat:

* claim: the claim model (``facts.claim_match.same_claim``, at ``--claim`` 0.5, the citations'
  threshold) says one states the other's main claim, either way, or gives another value for one
  of its figures;
* lexical: at least ``--overlap`` 0.6 of the shorter sentence's content stems (IDF-weighted) are
  in the other (a strict test: wire rewrites of one paragraph);
* sequence: their main clauses share two or more event classes (``rank.novelty.same_events``:
  "The capture of Hama followed days of fierce clashes ..." / "The fall of Hama follows heavy
  fighting ...") and the claim model gives the pair at least ``--sequence`` 0.3, either way:
  one sequence of events told in other words.

``--labels`` reads the citation labels instead (``benchmarks/labels``: does another source's
sentence report the quoted sentence's claim, "reports" / "differs" / "no", 3,400 cross-source
pairs): the selectors' own test of a repeat (``rank.novelty.claim_rows``, at 0.4 as centroid asks
and 0.5 as MMR does) flags a (quote, source) pair when it flags a sentence of that source.  A
flagged "no" pair is a false "same claim": two claims the selectors would never quote together.

``--seeds`` reads hand labels on the bundled sample articles instead
(``benchmarks/labels/repeats-seeds.jsonl``: pairs of their sentences, by the opening words, that
state one main claim, "same", or two, "other") and prints, per algorithm, how many "same" pairs
its briefings of 100, 250 and 400 words and of the ``long`` profile quote together (and "other"
pairs, which may be).

Printed per set and algorithm: briefings, their mean words, pairs, pairs flagged by each test
and by any, and the share of briefings with a repeat.  ``--sample`` writes flagged pairs and
as many unflagged ones (DUC text: keep it outside the repository) for reading by hand.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from multiprocessing import Pool
from pathlib import Path

from summarizer import Config, Source, build_pool

from duc import DEV_SETS, settings_from
from summarizer.rank.choose import rank_and_select
from summarizer.facts.claim_match import same_claim
from summarizer.rank.novelty import Said, same_events



def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="*", type=Path, help="JSONL files of clusters")
    parser.add_argument("--algos", default="centroid,lexrank,textrank,coverage,concepts,lsa,luhn,sumbasic",
                        help="comma-separated algorithms")
    parser.add_argument("--words", type=int, default=250, help="the briefing's word budget")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters of each file")
    parser.add_argument("--claim", type=unit, default=0.5, help="claim-model threshold of the detector (0-1)")
    parser.add_argument("--overlap", type=unit, default=0.6, help="lexical test: share of content stems (0-1)")
    parser.add_argument("--sequence", type=unit, default=0.3,
                        help="sequence test: claim-model threshold for two tellings of the same events (0-1)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="a setting for every run: its path or unique name, a YAML value")
    parser.add_argument("--sample", type=Path, help="write flagged and unflagged pairs here (JSONL)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--seeds", action="store_true",
                        help="hand-labelled repeats of the bundled sample articles instead")
    parser.add_argument("--labels", action="store_true",
                        help="the selectors' repeat test on the labelled citation pairs instead")
    return parser.parse_args()


def labelled(thresholds: tuple[float, ...] = (0.4, 0.5)) -> None:
    """The selectors' repeat test (``novelty.claim_rows``) on the labelled cross-source pairs."""
    from collections import defaultdict

    from labels.rebuild import LABEL_FILES, default_eval_dir, read_clusters, read_labels
    from summarizer.rank.novelty import claim_rows

    print("labelled pairs (quote, other source): same claim = 'reports' or 'differs'; "
          "flagged = the selectors' test flags a sentence of that source")
    print(f"{'part':<9} {'threshold':>9} {'same':>5} {'flagged':>7} {'other':>6} {'flagged':>7}")
    for part in LABEL_FILES:
        labels = read_labels(part)
        data = read_clusters(default_eval_dir(), {label["set"] for label in labels})
        by_cluster = defaultdict(list)
        for label in labels:
            by_cluster[(label["set"], label["cluster"])].append(label)
        counts = {t: [0, 0, 0, 0] for t in thresholds}  # same, same flagged, other, other flagged
        for key, chosen in by_cluster.items():
            pool = build_pool([Source(d["id"], d["id"], d["text"]) for d in data[key]["docs"]], Config())
            sources = [s.source for s in pool.sentences]
            for threshold in thresholds:
                flagged_by_quote = {}
                for label in chosen:
                    row = quoted_row(pool, label)
                    if row is None:
                        continue
                    if row not in flagged_by_quote:
                        flagged_by_quote[row] = {sources[r] for r in claim_rows(pool, row, threshold).nonzero()[0]}
                    same = label["label"] != "no"
                    hit = label["source_doc"] in flagged_by_quote[row]
                    counts[threshold][0 if same else 2] += 1
                    counts[threshold][1 if same else 3] += hit
        for threshold, (same, same_hit, other, other_hit) in counts.items():
            print(f"{part:<9} {threshold:9.2f} {same:5d} {same_hit:7d} {other:6d} {other_hit:7d}", flush=True)


def seeds(algos: list[str]) -> None:
    """Per algorithm and budget: the labelled pairs of seed sentences its briefing quotes together."""
    from summarizer import load_sources, seeds_dir
    from summarizer.config.sections import load_profile

    labels = [json.loads(line) for line in (Path(__file__).parent / "labels" / "repeats-seeds.jsonl")
              .read_text(encoding="utf-8").splitlines() if line.strip()]
    pool = build_pool(load_sources([str(seeds_dir())]), Config())

    def row(start: str) -> int:
        return next(r for r, s in enumerate(pool.sentences) if s.text.startswith(start))

    pairs = [(row(label["a"]), row(label["b"]), label["label"]) for label in labels]
    runs = [(f"{words} words", Config().replace(max_words=words, max_sentences=None)) for words in (100, 250, 400)]
    runs.append(("profile long", load_profile("long")))
    print(f"seeds: {sum(p[2] == 'same' for p in pairs)} labelled repeats, {sum(p[2] != 'same' for p in pairs)} "
          "labelled pairs of two claims; quoted together in each briefing")
    print(f"{'algorithm':<10} " + " ".join(f"{name:>14}" for name, _ in runs) + "   (same / other)")
    for algo in algos:
        cells = []
        for _, config in runs:
            config = config.replace(algo=algo)
            chosen = {p.row for p in rank_and_select(pool, config.rank, config.select)[0]}
            both = [kind for a, b, kind in pairs if a in chosen and b in chosen]
            cells.append(f"{both.count('same'):>8} / {len(both) - both.count('same'):<3}")
        print(f"{algo:<10} " + " ".join(f"{cell:>14}" for cell in cells), flush=True)


def quoted_row(pool, label: dict) -> int | None:
    """The pooled row holding most of a label's quote (None: not pooled)."""
    best, overlap = None, 0
    start, end = label["quote_start"], label["quote_end"]
    for r, s in enumerate(pool.sentences):
        if s.source == label["quote_doc"]:
            shared = min(end, s.end) - max(start, s.start)
            if shared > overlap:
                best, overlap = r, shared
    return best if overlap >= 0.5 * (end - start) else None


def unit(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text!r}: not a number from 0 to 1")
    return value


def flagged_pairs(pool, rows: list[int], claim: float, overlap: float,
                  sequence: float) -> list[tuple[int, int, bool, bool, bool]]:
    """Every pair of the briefing's rows: (a, b, claim test, lexical test, sequence test)."""
    said = {row: same_claim(pool.claims, row, claim) for row in rows}
    told = {row: same_claim(pool.claims, row, sequence) & same_events(pool, row) for row in rows}
    out = []
    for a, b in itertools.combinations(rows, 2):
        by_claim = bool(said[a][b] or said[b][a])
        shorter, longer = sorted((a, b), key=lambda r: pool.sentences[r].words)
        only = Said(pool)
        only.add(longer)
        by_words = 1.0 - float(only.novelty([shorter])[0]) >= overlap
        out.append((a, b, by_claim, by_words, bool(told[a][b] or told[b][a])))
    return out


def run_cluster(job) -> dict:
    cluster, algos, settings, claim, overlap, sequence = job
    sources = [Source(doc["id"], doc["id"], doc["text"]) for doc in cluster["docs"]]
    pool = build_pool(sources, Config())
    result = {}
    for algo in algos:
        config = Config().replace(**{**settings, "algo": algo})
        picks, _ = rank_and_select(pool, config.rank, config.select)
        rows = [p.row for p in picks]
        pairs = flagged_pairs(pool, rows, claim, overlap, sequence)
        result[algo] = {"words": sum(pool.sentences[r].words for r in rows),
                        "pairs": [(pool.sentences[a].text, pool.sentences[b].text, c, w, e)
                                  for a, b, c, w, e in pairs]}
    return result


def main() -> int:
    args = parse_args()
    if args.labels:
        labelled()
        return 0
    if args.seeds:
        seeds(args.algos.split(","))
        return 0
    files = args.data or DEV_SETS
    algos = args.algos.split(",")
    settings = {**settings_from(args.set), "max_words": args.words, "max_sentences": None}
    missing = [f for f in files if not f.is_file()]
    if missing:
        print(f"No evaluation data at {', '.join(map(str, missing))}.")
        return 0
    print(f"briefings of {args.words} words; a repeat: claim model >= {args.claim} either way, or >= "
          f"{args.overlap} of the shorter sentence's content stems in the other, or two events in common and "
          f"claim model >= {args.sequence}; settings {args.set or 'default'}")
    print(f"{'data':<20} {'algorithm':<10} {'briefs':>6} {'words':>6} {'pairs':>6} {'claim':>6} {'lexical':>7} "
          f"{'sequence':>8} {'any':>6} {'per brief':>9} {'with repeat':>11}")
    sample = []
    with Pool(args.jobs) as pool:
        for path in files:
            clusters = [json.loads(line) for line in path.open(encoding="utf-8")][: args.limit]
            jobs = [(c, algos, settings, args.claim, args.overlap, args.sequence) for c in clusters]
            results = pool.map(run_cluster, jobs)
            for algo in algos:
                runs = [r[algo] for r in results]
                pairs = [p for r in runs for p in r["pairs"]]
                either = [p for p in pairs if any(p[2:])]
                with_repeat = sum(any(any(p[2:]) for p in r["pairs"]) for r in runs)
                print(f"{path.name:<20} {algo:<10} {len(runs):6d} {sum(r['words'] for r in runs) / len(runs):6.1f} "
                      f"{len(pairs):6d} {sum(p[2] for p in pairs):6d} {sum(p[3] for p in pairs):7d} "
                      f"{sum(p[4] for p in pairs):8d} {len(either):6d} "
                      f"{len(either) / len(runs):9.2f} {with_repeat / len(runs):11.2f}", flush=True)
                sample += [{"set": path.stem, "algo": algo, "a": a, "b": b, "claim": c, "lexical": w, "sequence": e}
                           for a, b, c, w, e in pairs]
    if args.sample:
        rng = random.Random(0)
        flagged = [p for p in sample if p["claim"] or p["lexical"] or p["sequence"]]
        unflagged = [p for p in sample if not (p["claim"] or p["lexical"] or p["sequence"])]
        chosen = rng.sample(flagged, min(10, len(flagged))) + rng.sample(unflagged, min(10, len(unflagged)))
        args.sample.write_text("".join(json.dumps(p) + "\n" for p in chosen), encoding="utf-8")
        print(f"{len(chosen)} pairs written to {args.sample}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
