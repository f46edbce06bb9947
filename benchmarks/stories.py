"""How well story detection splits a mixed pile: the DUC clusters pooled, then found again.

Usage:
    python benchmarks/stories.py [--data DIR] [--sweep 0.06,0.08,...] [--threshold T]

Input: ../shared/eval/duc2002_100.jsonl and duc2001_100.jsonl beside the repository (or --data);
each cluster is one true story (see ../shared/eval/README.md; the data is read in place, never
copied).  Three piles: each set alone and both pooled.  A document that several clusters share
(DUC 2002 has 32: clusters on one event seen from different angles) is one article of the pile
with several true stories, so precision and recall are the extended B-cubed of Amigó et al. (2009,
"A comparison of extrinsic clustering evaluation metrics"), which is plain B-cubed when no
document is shared.  The two sets also share 14 documents (and more events in clusters that share
none: Clarence Thomas's nomination, the 1988 drought), so the pooled pile is harder than either.
Printed: B-cubed precision, recall and F1 against the clusters, F1 against the events (clusters
joined when they share a document, each document in one event), stories found, how many clusters
given alone come back as one story (at the threshold of --stories and at the lower one of the
warning that a pile mixes stories), how each cluster with three articles of other clusters
splits (the small pile a person mixes up by hand), and the time
``find_stories`` takes, also on a pile of ~1,400 articles (documents reused under another name),
and the stories found when each document comes again cut to half its length (copies of one report
must not fall into stories of their own).  Every pile here is at most a window (``WINDOW``
articles), so ``find_stories`` clusters it exactly; the single pass (``StoryStream``) is scored on
the same piles with smaller windows (``--windows``), the pooled pile in its order (cluster by
cluster, as a feed brings a story's reports close together) and shuffled (a fixed draw: every
story's reports spread over the whole feed, the hard case), and the small mixed piles with a
window of 5 (each pile crosses two to four windows).
Figures only: nothing is asserted and the exit status is 0.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from summarizer.models import Source
from summarizer.stories import MIXED_PILE_THRESHOLD, STORY_THRESHOLD, WINDOW, StoryStream, find_stories

ROOT = Path(__file__).resolve().parent.parent

SETS = ("duc2002_100.jsonl", "duc2001_100.jsonl")
LARGE_PILE = 1400  # articles, the pooled story
STRAYS = 3  # articles of other stories added to each cluster for the small mixed piles


def read_pile(files: list[Path]) -> tuple[list[Source], list[set[str]]]:
    """Every distinct document once, with the clusters (true stories) that hold it."""
    texts: dict[str, str] = {}
    stories: dict[str, set[str]] = {}
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            cluster = json.loads(line)
            for doc in cluster["docs"]:
                texts.setdefault(doc["id"], doc["text"])
                stories.setdefault(doc["id"], set()).add(f"{file.stem}/{cluster['id']}")
    sources = [Source(name=doc_id, path=doc_id, text=text) for doc_id, text in texts.items()]
    return sources, [stories[s.name] for s in sources]


def clusters_alone(files: list[Path]) -> list[list[Source]]:
    """Each cluster as a pile of its own: a one-story input, as most runs of the tool are."""
    return [[Source(name=doc["id"], path=doc["id"], text=doc["text"]) for doc in json.loads(line)["docs"]]
            for file in files for line in file.read_text(encoding="utf-8").splitlines()]


def small_mixed_piles(files: list[Path]) -> list[tuple[list[Source], list[set[str]]]]:
    """Each cluster with ``STRAYS`` articles of other clusters of its set (a fixed draw): the pile a
    person mixes up by hand ("summarize seeds/ wildfire/"), where each stray is a story of its own."""
    piles = []
    draw = random.Random(0)
    for file in files:
        clusters = [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines()]
        for cluster in clusters:
            own = {doc["id"] for doc in cluster["docs"]}
            others = [doc for other in clusters if other is not cluster for doc in other["docs"]
                      if doc["id"] not in own]
            strays = draw.sample(others, STRAYS)
            sources = [Source(name=doc["id"], path=doc["id"], text=doc["text"]) for doc in cluster["docs"] + strays]
            piles.append((sources, [{"story"}] * len(cluster["docs"]) + [{f"stray {k}"} for k in range(STRAYS)]))
    return piles


def b_cubed(found: list[list[int]], truth: list[set[str]]) -> tuple[float, float, float]:
    """Extended B-cubed precision, recall and F1 of a hard clustering against overlapping labels."""
    n = len(truth)
    labels = sorted(set().union(*truth))
    column = {label: j for j, label in enumerate(labels)}
    rows = [i for i, item in enumerate(truth) for _ in item]
    cols = [column[label] for item in truth for label in item]
    label_matrix = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(labels)))
    shared_labels = (label_matrix @ label_matrix.T).toarray()  # labels two items share
    cluster_of = np.empty(n, dtype=np.int64)
    for k, members in enumerate(found):
        cluster_of[members] = k
    same_cluster = cluster_of[:, None] == cluster_of[None, :]
    # Precision: of the items in my cluster, the share that shares a true story with me.
    precision = ((shared_labels > 0) & same_cluster).sum(axis=1) / same_cluster.sum(axis=1)
    # Recall: of the items sharing a true story with me, the share in my cluster (weighted by
    # 1 / shared stories: one cluster can hold only one of two stories both items belong to).
    related = shared_labels > 0
    credit = np.where(related & same_cluster, 1.0 / np.maximum(shared_labels, 1), 0.0)
    recall = credit.sum(axis=1) / related.sum(axis=1)
    p, r = float(precision.mean()), float(recall.mean())
    return p, r, 2 * p * r / (p + r)


def _truth_groups(truth: list[set[str]]) -> list[list[int]]:
    """The true stories of a pile whose items each have one: lists of item indices."""
    groups: dict[str, list[int]] = {}
    for i, labels in enumerate(truth):
        groups.setdefault(min(labels), []).append(i)
    return list(groups.values())


def events(truth: list[set[str]]) -> list[set[str]]:
    """Each item's event: its clusters joined with every cluster they share a document with."""
    labels = sorted(set().union(*truth))
    column = {label: j for j, label in enumerate(labels)}
    links = sp.lil_matrix((len(labels), len(labels)))
    for item in truth:
        for label in item:
            links[column[min(item)], column[label]] = 1
    component = connected_components(links, directed=False)[1]
    return [{f"event {component[column[min(item)]]}"} for item in truth]


def report(name: str, sources: list[Source], truth: list[set[str]], threshold: float) -> None:
    started = time.perf_counter()
    found = find_stories(sources, threshold)
    seconds = time.perf_counter() - started
    p, r, f1 = b_cubed(found, truth)
    event_of = events(truth)
    event_f1 = b_cubed(found, event_of)[2]
    print(f"{name:<12} {len(sources):>8} {p:>9.3f} {r:>7.3f} {f1:>7.3f} {event_f1:>9.3f} {len(found):>6} "
          f"{len(set().union(*truth)):>8} {len(set().union(*event_of)):>7} {seconds:>7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--threshold", type=float, default=STORY_THRESHOLD)
    parser.add_argument("--sweep", help="comma-separated thresholds: pooled F1 at each (for choosing one)")
    parser.add_argument("--windows", default="100,250,500", help="windows of the single pass to score ('' for none)")
    args = parser.parse_args()
    files = [args.data / name for name in SETS]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        print(f"evaluation data not found ({', '.join(missing)}); give --data DIR. Nothing measured.")
        return
    piles = {f.stem: read_pile([f]) for f in files}
    piles["pooled"] = read_pile(files)
    if args.sweep:
        print(f"{'threshold':>9} " + " ".join(f"{name:>12}" for name in piles)
              + "   (B-cubed F1 against the clusters, stories found)")
        for threshold in [float(t) for t in args.sweep.split(",")]:
            cells = []
            for sources, truth in piles.values():
                found = find_stories(sources, threshold)
                cells.append(f"{b_cubed(found, truth)[2]:.3f} {len(found):>5}")
            print(f"{threshold:>9.3f} " + " ".join(f"{c:>12}" for c in cells))
        return
    print(f"threshold {args.threshold}; target: B-cubed F1 >= 0.95 on every pile\n")
    print("B-cubed against the clusters (precision, recall, F1) and against the events (F1 only);")
    print("stories found against true clusters and events; seconds find_stories takes.\n")
    print(f"{'pile':<12} {'articles':>8} {'precision':>9} {'recall':>7} {'F1':>7} {'events F1':>9} {'found':>6} "
          f"{'clusters':>8} {'events':>7} {'seconds':>7}")
    for name, (sources, truth) in piles.items():
        report(name, sources, truth, args.threshold)
    alone = clusters_alone(files)
    for name, threshold in (("--stories", args.threshold), ("the mixed-pile warning", MIXED_PILE_THRESHOLD)):
        found = [len(find_stories(cluster, threshold)) for cluster in alone]
        print(f"{'' if name != '--stories' else chr(10)}each cluster alone, at {name}'s threshold {threshold}: "
              f"{found.count(1)} of {len(found)} come back as one story ({sum(found) / len(found):.2f} on average)")
    small = small_mixed_piles(files)
    for name, threshold in (("--stories", args.threshold), ("the mixed-pile warning", MIXED_PILE_THRESHOLD)):
        found = [find_stories(sources, threshold) for sources, _ in small]
        exact = sum(sorted(map(sorted, f)) == sorted(map(sorted, _truth_groups(t))) for f, (_, t) in zip(found, small))
        warned = sum(len(f) > 1 for f in found)
        f1 = np.mean([b_cubed(f, t)[2] for f, (_, t) in zip(found, small)])
        print(f"{'' if name != '--stories' else chr(10)}each cluster with {STRAYS} articles of other clusters, at "
              f"{name}'s threshold {threshold}: {exact} of {len(small)} split exactly, {warned} found mixed, "
              f"mean B-cubed F1 {f1:.3f}")
    windows = [int(w) for w in args.windows.split(",") if w.strip()]
    if windows:
        single_pass(piles["pooled"], small, windows, args.threshold)
    sources, truth = piles["pooled"]
    large = [Source(name=f"{k}-{s.name}", path=s.path, text=s.text)
             for k in range(-(-LARGE_PILE // len(sources))) for s in sources][:LARGE_PILE]
    started = time.perf_counter()
    found = find_stories(large, args.threshold)
    print(f"\n{len(large):,} articles (documents reused under another name): {len(found)} stories "
          f"in {time.perf_counter() - started:.2f} s")
    # Outlets cut wire stories short: each document again, cut to half its length.
    cut = [Source(name=f"cut-{s.name}", path=s.path, text=s.text[:len(s.text) // 2]) for s in sources]
    found = find_stories(sources + cut, args.threshold)
    print(f"{len(sources) + len(cut):,} articles (each document again, cut to half): {len(found)} stories, "
          f"B-cubed F1 {b_cubed(found, truth + truth)[2]:.3f}")


def streamed(sources: list[Source], order: list[int], window: int, threshold: float) -> list[list[int]]:
    """The single pass over ``sources`` taken in ``order``: stories as lists of indices into ``sources``."""
    stream = StoryStream(threshold, window=window)
    for index in order:
        stream.add(sources[index].text)
    return [[order[i] for i in group] for group in stream.finish()]


def single_pass(pooled, small, windows: list[int], threshold: float) -> None:
    sources, truth = pooled
    shuffled = list(range(len(sources)))
    random.Random(1).shuffle(shuffled)
    exact = b_cubed(find_stories(sources, threshold), truth)[2]
    print(f"\nthe single pass on the pooled pile ({len(sources)} articles; exact, one window of {WINDOW:,}: "
          f"B-cubed F1 {exact:.3f})")
    print(f"{'window':>6} {'in order':>9} {'found':>6} {'shuffled':>9} {'found':>6} {'seconds':>8}")
    for window in windows:
        started = time.perf_counter()
        in_order = streamed(sources, list(range(len(sources))), window, threshold)
        mixed = streamed(sources, shuffled, window, threshold)
        print(f"{window:>6} {b_cubed(in_order, truth)[2]:>9.3f} {len(in_order):>6} {b_cubed(mixed, truth)[2]:>9.3f} "
              f"{len(mixed):>6} {(time.perf_counter() - started) / 2:>8.2f}")
    found = [streamed(pile, list(range(len(pile))), 5, threshold) for pile, _ in small]
    exact_splits = sum(sorted(map(sorted, f)) == sorted(map(sorted, _truth_groups(t)))
                       for f, (_, t) in zip(found, small))
    f1 = np.mean([b_cubed(f, t)[2] for f, (_, t) in zip(found, small)])
    print(f"each cluster with {STRAYS} articles of other clusters, the single pass with a window of 5: "
          f"{exact_splits} of {len(small)} split exactly, {sum(len(f) > 1 for f in found)} found mixed, "
          f"mean B-cubed F1 {f1:.3f}")


if __name__ == "__main__":
    main()
