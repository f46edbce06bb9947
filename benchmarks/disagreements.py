"""'Where sources differ' against a careful reader: recall and false alarms on labelled clusters.

Usage:
    python benchmarks/disagreements.py [LABELS.jsonl ...] [--split NAME ...] [--data FILE.jsonl ...] [--baseline CHECKOUT] [--show]

LABELS is JSONL, one labelled news cluster a line; several files are read as one.  The default,
benchmarks/labels/disagreements-fresh.jsonl, holds references only (cluster and document ids,
sentence offsets, the figure values and a few topic words; no text of the articles): 15 DUC 2001
clusters, split "fresh-tune" (tuned on) and "fresh-held-out" (never tuned on); see
docs/labelling-disagreements.md.  --split scores only the splits named; with --split and no LABELS,
the splits are looked up in every benchmarks/labels/disagreements-*.jsonl, so
``--split fresh2-held-out`` scores the 10 DUC 2002 clusters of disagreements-fresh2.jsonl (labelled
before the tool ever ran on them: run it once, at the end, never tune on it).

    {"set": "duc2002", "cluster": "d061j", "split": "tune" | "held-out" | "fresh" | ...,
     "disagreements": [{"what": "people killed in Jamaica", "kind": "disagreement" | "update",
                        "words": ["killed", "dead"],
                        "values": [{"value": "45", "docs": [3], "doc_ids": ["AP880913-0129"]},
                                   {"value": "at least 26", "docs": [0], "doc_ids": ["AP880912-0201"]}]}],
     "judged": [...]}

"disagreements" lists every figure on which the cluster's sources differ, as a careful reader
would (kind "disagreement"), and figures that only moved from earlier to later reports (kind
"update"); a value's "doc_ids" name its documents (older files name them in "docs"; in newer ones
"docs" holds their indices in the cluster); "judged" keeps the reader's verdicts on the reports read while labelling (not scored).
The clusters' text comes from --data (default: ../shared/eval/duc2002_100.jsonl and
duc2001_100.jsonl beside the repository).  Each source is dated from its DUC document id where
the id holds the day (AP, APW, NYT, XIE, WSJ: YYMMDD; LA: MMDDYY), as a JSON input's date field
would date it; the others are undated.

A report matches a labelled disagreement when its topic holds one of the label's words and two
of its claims are given by sources of two different labelled values, with the number the label
writes for each (where it writes one).  Recall: labelled
disagreements matched by some report.  False alarms: reports that match no label (updates
listed as disagreements are counted apart).  Printed for each split, in the order the labels
first name them (e.g. the tuning part, the held-out part, a fresh held-out part); with --baseline, for that checkout of the project too (e.g. the main branch), side by side.
"""

from __future__ import annotations

import argparse
import json
import re
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from duc import DEV_SETS, dated_sources

ROOT = Path(__file__).resolve().parent.parent

LABEL_DIR = ROOT / "benchmarks" / "labels"
DEFAULT_LABELS = [LABEL_DIR / "disagreements-fresh.jsonl"]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("labels", type=Path, nargs="*",
                        help="JSONL files of labelled clusters (default: disagreements-fresh.jsonl; "
                             "with --split, every disagreements-*.jsonl holding the splits named)")
    parser.add_argument("--split", nargs="*", help="score only these splits (e.g. fresh-tune)")
    parser.add_argument("--data", nargs="*", type=Path, default=DEV_SETS, help="JSONL files of clusters")
    parser.add_argument("--baseline", type=Path, help="another checkout of the project to compare with")
    parser.add_argument("--show", action="store_true", help="print every report and what it matched")
    # The baseline's half: the reports of the checkout on PYTHONPATH, as JSON.
    parser.add_argument("--reports-only", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def label_files(named: list[Path], splits: list[str] | None) -> list[Path]:
    """The label files to read: those named; else, with --split, every disagreements-*.jsonl of
    benchmarks/labels (the split filter keeps the clusters asked for); else the default file."""
    if named:
        return named
    if splits:
        return sorted(LABEL_DIR.glob("disagreements-*.jsonl"))
    return DEFAULT_LABELS


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def with_doc_ids(labels: list[dict]) -> list[dict]:
    """The labels with every value's documents named by id ("doc_ids" where a file has them)."""
    for label in labels:
        for d in label["disagreements"]:
            for value in d["values"]:
                if "doc_ids" in value:
                    value["docs"] = value["doc_ids"]
    return labels


def reports(labels: list[dict], data: list[Path]) -> dict[str, list[dict]]:
    """What the installed (or PYTHONPATH) summarizer lists under "Where sources differ" for each
    labelled cluster: {cluster: [{"topic", "claims": [{"value", "docs"}]}]}."""
    from summarizer import Config, build_pool
    from summarizer.facts.figures import compare

    clusters = {}
    for path in data:
        for cluster in read_jsonl(path):
            clusters[cluster["id"]] = cluster
    out = {}
    for label in labels:
        cluster = clusters.get(label["cluster"])
        if cluster is None:
            raise SystemExit(f"{label['cluster']}: not in {', '.join(map(str, data))}")
        docs = cluster["docs"]
        sources = dated_sources(docs)
        pool = build_pool(sources, Config())
        found, _ = compare(pool.figures, pool.dates)
        out[label["cluster"]] = [
            {"topic": d.topic,
             "claims": [{"value": c.value, "docs": [pool.sources[s].name for s in c.sources]} for c in d.claims]}
            for d in found]
    return out


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+")
_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}


def numbers(text: str) -> set[float]:
    """The numbers a value writes ("more than 300 / 305": 300 and 305; "five": 5)."""
    found = set()
    for token in _NUMBER.findall(text.casefold()):
        if token[0].isdigit():
            found.add(float(token.replace(",", "")))
        elif token in _WORDS:
            found.add(float(_WORDS[token]))
    return found


def _gives(claim: dict, value: dict) -> bool:
    """A claim of a report gives a labelled value: a source in common, and the same number
    where the label writes one."""
    if not set(claim["docs"]) & set(value["docs"]):
        return False
    wanted = numbers(value["value"])
    return not wanted or bool(wanted & numbers(claim["value"]))


def matches(report: dict, labelled: dict) -> bool:
    topic = report["topic"].casefold()
    if not any(word.casefold() in topic for word in labelled["words"]):
        return False
    values = labelled["values"]
    claims = report["claims"]
    return any(_gives(a, values[i]) and _gives(b, values[j])
               for x, a in enumerate(claims) for b in claims[x + 1:]
               for i in range(len(values)) for j in range(len(values)) if i != j)


def score(labels: list[dict], found: dict[str, list[dict]], show: bool) -> dict[str, dict[str, int]]:
    """Per split: labelled disagreements, those found, reports, false alarms, updates reported."""
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for label in labels:
        split = totals[label["split"]]
        cluster_reports = found[label["cluster"]]
        real = [d for d in label["disagreements"] if d.get("kind", "disagreement") == "disagreement"]
        updates = [d for d in label["disagreements"] if d.get("kind") == "update"]
        split["clusters"] += 1
        split["labelled"] += len(real)
        split["found"] += sum(any(matches(r, d) for r in cluster_reports) for d in real)
        for r in cluster_reports:
            split["reports"] += 1
            verdict = ("true" if any(matches(r, d) for d in real)
                       else "update" if any(matches(r, d) for d in updates) else "FALSE ALARM")
            split["false alarms"] += verdict == "FALSE ALARM"
            split["updates reported"] += verdict == "update"
            if show:
                claims = "; ".join(f"{c['value']} {c['docs']}" for c in r["claims"])
                print(f"  {label['cluster']} [{verdict}] {r['topic']}: {claims}")
        if show:
            for d in real:
                if not any(matches(r, d) for r in cluster_reports):
                    print(f"  {label['cluster']} [missed] {d['what']}: "
                          + "; ".join(f"{v['value']} {v['docs']}" for v in d["values"]))
    return totals


def print_table(columns: dict[str, dict[str, dict[str, int]]]) -> None:
    names = list(columns)
    print(f"{'':<28}" + "".join(f"{name:>16}" for name in names))
    # every split any column scored, in the order the labels first name it
    splits = list(dict.fromkeys(split for c in columns.values() for split in c))
    for split in splits:
        first = columns[names[0]][split]
        print(f"{split} ({first['clusters']} clusters, {first['labelled']} labelled disagreements)")
        for row in ("recall", "found", "reports", "false alarms", "updates reported"):
            cells = []
            for name in names:
                t = columns[name].get(split, {})
                if row == "recall":
                    cells.append(f"{t.get('found', 0) / t['labelled']:.2f}" if t.get("labelled") else "-")
                else:
                    cells.append(str(t.get(row, 0)))
            print(f"  {row:<26}" + "".join(f"{c:>16}" for c in cells))


def main() -> None:
    args = parse_args()
    args.labels = label_files(args.labels, args.split)
    for path in args.labels:
        if not path.is_file():
            raise SystemExit(f"{path}: no label file (build one as the module docstring says)")
    missing = [str(p) for p in args.data if not p.is_file()]
    if missing:
        raise SystemExit(f"{', '.join(missing)}: cluster data not found (pass --data)")
    labels = with_doc_ids([label for path in args.labels for label in read_jsonl(path)])
    if args.split:
        labels = [label for label in labels if label["split"] in args.split]
        if not labels:
            raise SystemExit(f"no labelled cluster in split {', '.join(args.split)}")
    if args.reports_only:
        json.dump(reports(labels, args.data), sys.stdout)
        return
    columns = {}
    if args.baseline:
        command = [sys.executable, str(Path(__file__).resolve()), *(str(p.resolve()) for p in args.labels),
                   "--reports-only", "--data", *(str(p.resolve()) for p in args.data)]
        if args.split:
            command += ["--split", *args.split]
        # the baseline's package first on the path, in a process of its own
        env = {**os.environ, "PYTHONPATH": str(args.baseline.resolve())}
        baseline = subprocess.run(command, capture_output=True, text=True, check=False, env=env,
                                  cwd=args.baseline.resolve())
        if baseline.returncode:
            last = (baseline.stderr.strip().splitlines() or ["no message"])[-1]
            raise SystemExit(f"{args.baseline}: the baseline run failed: {last}")
        if args.show:
            print(f"baseline {args.baseline}:")
        columns["baseline"] = score(labels, json.loads(baseline.stdout), args.show)
    if args.show:
        print("this checkout:")
    columns["this checkout"] = score(labels, reports(labels, args.data), args.show)
    print_table(columns)


if __name__ == "__main__":
    main()
