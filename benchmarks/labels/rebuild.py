"""Rebuild the labelled citation pairs, with their text, from the DUC clusters beside the repository.

The label files here (``citations-*.jsonl``) hold references only: a set, a cluster id, the quoted
document (index and id), the quote's character offsets and the first ten hex digits of its SHA-1,
another document of the cluster (index and id), the label ("reports", "differs" or "no") and the
offsets of the evidence in that document.  No article text is stored in the repository; this script
puts the text back from ``../shared/eval/duc2001_100.jsonl`` and ``duc2002_100.jsonl``.

Usage:
    python benchmarks/labels/rebuild.py [--eval-dir DIR] [--out PAIRS.jsonl]

Each output line is the label line plus "quote", "source_text" (the whole other document) and
"evidence_text" (its evidence sentences).  docs/labelling-citations.md is the labelling guideline.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LABEL_FILES = {"tune": ("citations-duc2002-tune.jsonl",),
               "held out": ("citations-duc2001-A.jsonl", "citations-duc2001-B.jsonl")}
LABELS = ("reports", "differs", "no")


class DataMissing(Exception):
    """The DUC clusters the labels point into are not on this machine."""


def default_eval_dir() -> Path:
    """``shared/eval`` beside the repository (or beside a folder of worktrees holding it)."""
    for parent in ROOT.parents:
        if (parent / "shared" / "eval").is_dir():
            return parent / "shared" / "eval"
    return ROOT.parent / "shared" / "eval"


def read_labels(part: str) -> list[dict]:
    """The label lines of one part ("tune" or "held out"), in file order."""
    lines = []
    for name in LABEL_FILES[part]:
        for number, line in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                label = json.loads(line)
                if label["label"] not in LABELS:
                    raise ValueError(f"{name}:{number}: label {label['label']!r} is not one of {LABELS}")
                lines.append(label)
    return lines


def read_clusters(eval_dir: Path, sets: set[str]) -> dict[tuple[str, str], dict]:
    """(set, cluster id) -> the cluster as stored in ``eval_dir`` (``{"id", "docs": [{"id", "text"}]}``)."""
    clusters = {}
    for set_name in sorted(sets):
        path = eval_dir / f"{set_name}_100.jsonl"
        if not path.exists():
            raise DataMissing(f"{path} not found: the labels are references into the DUC clusters, which are not "
                              f"in the repository. Put duc2001_100.jsonl and duc2002_100.jsonl in {eval_dir} "
                              f"(or pass --eval-dir DIR).")
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                cluster = json.loads(line)
                clusters[(set_name, cluster["id"])] = cluster
    return clusters


def sha1_10(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def rebuild(labels: list[dict], eval_dir: Path) -> list[dict]:
    """The label lines with their text; raises ValueError where a reference no longer fits the data."""
    clusters = read_clusters(eval_dir, {label["set"] for label in labels})
    pairs = []
    for label in labels:
        cluster = clusters.get((label["set"], label["cluster"]))
        if cluster is None:
            raise ValueError(f"{label['set']} cluster {label['cluster']} is not in {eval_dir}")
        docs = cluster["docs"]
        quote_doc, source_doc = docs[label["quote_doc"]], docs[label["source_doc"]]
        if (quote_doc["id"], source_doc["id"]) != (label["quote_doc_id"], label["source_doc_id"]):
            raise ValueError(f"{label['cluster']}: document ids differ from the labels' (another version of the data?)")
        quote = quote_doc["text"][label["quote_start"]:label["quote_end"]]
        if sha1_10(quote) != label["quote_sha1"]:
            raise ValueError(f"{label['cluster']} doc {label['quote_doc']} [{label['quote_start']}, "
                             f"{label['quote_end']}): the text there is not the labelled quote (SHA-1 differs)")
        pairs.append({**label, "quote": quote, "source_text": source_doc["text"],
                      "evidence_text": [source_doc["text"][start:end] for start, end in label["evidence"]]})
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=default_eval_dir(), help="folder of duc200?_100.jsonl")
    parser.add_argument("--out", type=Path, help="write the pairs here (JSONL); default: count them only")
    args = parser.parse_args()
    try:
        for part in LABEL_FILES:
            pairs = rebuild(read_labels(part), args.eval_dir)
            counts = {name: sum(p["label"] == name for p in pairs) for name in LABELS}
            clusters = len({(p["set"], p["cluster"]) for p in pairs})
            print(f"{part:9s} {len(pairs):5d} pairs from {clusters} clusters: "
                  + ", ".join(f"{n} {name}" for name, n in counts.items()))
            if args.out:
                with args.out.open("a" if part != "tune" else "w", encoding="utf-8") as out:
                    out.writelines(json.dumps({**p, "part": part}, ensure_ascii=False) + "\n" for p in pairs)
    except DataMissing as error:
        sys.exit(str(error))
    except ValueError as error:
        sys.exit(f"labels do not fit the data: {error}")
    if args.out:
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
