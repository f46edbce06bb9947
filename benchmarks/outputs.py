"""Every briefing the benchmarks can make, written to a folder, for a byte-for-byte comparison.

Usage:
    python benchmarks/outputs.py OUT_DIR [--eval-dir DIR] [--algos centroid,lexrank,...] [--limit N]
    diff -r BEFORE_DIR AFTER_DIR        # a change that should alter no output must print nothing

It writes, through the public API only (``summarize``, ``summarize_sources``, ``render``):

* the bundled sample articles (``seeds/``): every registered algorithm in every bundled profile, as
  Markdown, JSON and HTML;
* each DUC cluster of ``../shared/eval`` (when it is there): each of ``--algos`` as JSON, which holds
  the title, the sentences, every citation with its offsets, the disagreements and the changes.

and prints one SHA-256 digest a group of files, so two runs can also be compared by eye.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from multiprocessing import Pool
from pathlib import Path

import summarizer
from duc import EVAL
from summarizer import ALGORITHMS, Config, Source, available_profiles, load_profile, render, summarize_sources

FORMATS = {"markdown": "md", "json": "json", "html": "html"}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the briefings into (created)")
    parser.add_argument("--eval-dir", type=Path, default=EVAL, help="folder of duc200*_100.jsonl")
    parser.add_argument("--algos", default="centroid,lexrank,textrank,coverage,concepts",
                        help="algorithms run on the DUC clusters")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters of each file")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    return parser.parse_args()


def write_seeds(out: Path) -> list[Path]:
    written = []
    for profile in available_profiles():
        for algo in sorted(ALGORITHMS):
            config = load_profile(profile).replace(algo=algo)
            briefing = summarizer.summarize([str(summarizer.seeds_dir())], config)
            for fmt, ext in FORMATS.items():
                path = out / "seeds" / f"{profile}-{algo}.{ext}"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(render(briefing, fmt), encoding="utf-8")
                written.append(path)
    return written


def cluster_briefing(job: tuple[dict, str]) -> tuple[str, str, str]:
    cluster, algo = job
    sources = [Source(doc["id"], doc["id"], doc["text"]) for doc in cluster["docs"]]
    briefing = summarize_sources(sources, Config().replace(algo=algo))
    return cluster["id"], algo, render(briefing, "json")


def write_clusters(out: Path, eval_dir: Path, algos: list[str], limit: int | None, jobs: int) -> dict[str, list[Path]]:
    groups: dict[str, list[Path]] = {}
    for data in sorted(eval_dir.glob("duc*_100.jsonl")):
        clusters = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()][:limit]
        with Pool(jobs) as pool:
            results = pool.map(cluster_briefing, [(c, a) for c in clusters for a in algos], chunksize=4)
        for cluster_id, algo, text in results:
            path = out / data.stem / algo / f"{cluster_id}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            groups.setdefault(f"{data.stem} {algo}", []).append(path)
    return groups


def digest(paths: list[Path]) -> str:
    sha = hashlib.sha256()
    for path in sorted(paths):
        sha.update(path.name.encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()[:16]


def main() -> None:
    args = parse_args()
    print(f"seeds, {len(available_profiles())} profiles x {len(ALGORITHMS)} algorithms x 3 formats: "
          f"{digest(write_seeds(args.out))}")
    if not args.eval_dir.is_dir():
        print(f"{args.eval_dir}: not found, DUC clusters left out (pass --eval-dir)")
        return
    groups = write_clusters(args.out, args.eval_dir, args.algos.split(","), args.limit, args.jobs)
    for name, paths in groups.items():
        print(f"{name}: {len(paths)} briefings, {digest(paths)}")


if __name__ == "__main__":
    main()
