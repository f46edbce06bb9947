"""Rebuild the labelled citation pairs, with their text, from the DUC clusters beside the repository.

The label files here (``citations-*.jsonl``) hold references only: a set, a cluster id, the quoted
document (index and id), the quote's character offsets and the first ten hex digits of its SHA-1,
another document of the cluster (index and id), the label ("reports", "differs" or "no") and the
offsets of the evidence in that document.  No article text is stored in the repository; this script
puts the text back from ``../shared/eval/duc2001_100.jsonl`` and ``duc2002_100.jsonl``.

The "Where sources differ" labels (``disagreements-*.jsonl``, one labelled cluster a line) hold
references too: each figure's values name their documents by index and id and the character offsets of
the sentence stating the value.  This script puts those sentences back as well.

Usage:
    python benchmarks/labels/rebuild.py [--eval-dir DIR] [--out PAIRS.jsonl] [--disagreements-out FILE.jsonl]

Each line of --out is a citation label line plus "quote", "source_text" (the whole other document) and
"evidence_text" (its evidence sentences).  Each line of --disagreements-out is a labelled cluster whose
values carry "texts" (the sentence of each document stating the value).  docs/labelling-citations.md and
docs/labelling-disagreements.md are the labelling guidelines.
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
DISAGREEMENT_FILES = ("disagreements-fresh.jsonl", "disagreements-fresh2.jsonl", "disagreements-fresh3.jsonl")
KINDS = ("disagreement", "update")


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


def read_disagreements(name: str) -> list[dict]:
    """The labelled clusters of one ``disagreements-*.jsonl`` file, in file order."""
    rows = []
    for number, line in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            for d in row["disagreements"]:
                if d["kind"] not in KINDS:
                    raise ValueError(f"{name}:{number}: kind {d['kind']!r} is not one of {KINDS}")
            rows.append(row)
    return rows


def rebuild_disagreements(rows: list[dict], eval_dir: Path) -> list[dict]:
    """The labelled clusters with each value's sentences ("texts"); raises ValueError where a
    reference no longer fits the data."""
    clusters = read_clusters(eval_dir, {row["set"] for row in rows})
    out = []
    for row in rows:
        cluster = clusters.get((row["set"], row["cluster"]))
        if cluster is None:
            raise ValueError(f"{row['set']} cluster {row['cluster']} is not in {eval_dir}")
        docs = cluster["docs"]
        rebuilt = []
        for d in row["disagreements"]:
            values = []
            for value in d["values"]:
                texts = []
                for index, doc_id, (start, end) in zip(value["docs"], value["doc_ids"], value["spans"]):
                    if index >= len(docs) or docs[index]["id"] != doc_id:
                        raise ValueError(f"{row['cluster']}: document {index} is not {doc_id} (another version of the data?)")
                    if not 0 <= start < end <= len(docs[index]["text"]):
                        raise ValueError(f"{row['cluster']} {doc_id} [{start}, {end}): outside the document")
                    texts.append(docs[index]["text"][start:end])
                values.append({**value, "texts": texts})
            rebuilt.append({**d, "values": values})
        out.append({**row, "disagreements": rebuilt})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=default_eval_dir(), help="folder of duc200?_100.jsonl")
    parser.add_argument("--out", type=Path, help="write the pairs here (JSONL); default: count them only")
    parser.add_argument("--disagreements-out", type=Path,
                        help="write the labelled disagreement clusters, with their sentences, here (JSONL)")
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
        clusters = []
        for name in DISAGREEMENT_FILES:
            rebuilt = rebuild_disagreements(read_disagreements(name), args.eval_dir)
            labels = [d for row in rebuilt for d in row["disagreements"]]
            print(f"{name}: {len(rebuilt)} clusters ({', '.join(sorted({r['split'] for r in rebuilt}))}), "
                  f"{sum(d['kind'] == 'disagreement' for d in labels)} disagreements, "
                  f"{sum(d['kind'] == 'update' for d in labels)} updates")
            clusters += rebuilt
        if args.disagreements_out:
            with args.disagreements_out.open("w", encoding="utf-8") as out:
                out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in clusters)
    except DataMissing as error:
        sys.exit(str(error))
    except ValueError as error:
        sys.exit(f"labels do not fit the data: {error}")
    for path in (args.out, args.disagreements_out):
        if path:
            print(f"wrote {path}")


if __name__ == "__main__":
    main()
