"""Every article read: how many articles of the dev sets contribute sentences to the pool.

Usage:
    python benchmarks/articles.py [DATA.jsonl ...] [--limit N]

Without DATA it reads ../shared/eval/duc2002_100.jsonl and duc2001_100.jsonl beside the repository
(JSONL, one cluster a line: {"id", "docs": [{"id", "text"}], ...}).  For each set it prints how
many articles have prose (three or more full sentences of at least four words, as the segmenter
splits the raw text), how many contribute at least one sentence to the pool, and how many at
least one sentence a briefing may quote; then every article that contributes none, with the
reason the pipeline gives in its warning.  The target: every article with prose contributes.
--titles also prints each cluster's briefing title (output/titles.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from duc import DEV_SETS
from summarizer import Config, Source, build_pool
from summarizer.output.titles import briefing_title
from summarizer.ingest.segment import sentence_spans
from summarizer.ingest.structure import is_full_sentence




def prose_sentences(text: str) -> int:
    """Full sentences of four words or more in the raw text: what a reader sees as prose."""
    count = 0
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        count += len(sentence.split()) >= 4 and is_full_sentence(sentence)
    return count


def read_set(path: Path, limit: int | None, titles: list[tuple[str, str]] | None = None
             ) -> tuple[int, int, int, int, list[tuple[str, str, bool, str]]]:
    """(articles, with prose, contributing, quotable, [(cluster, doc, has prose, reason)]) of one set;
    each cluster's (id, briefing title) added to ``titles`` when given."""
    articles = with_prose = contributing = quotable = 0
    missing = []
    for line in path.open(encoding="utf-8").readlines()[:limit]:
        cluster = json.loads(line)
        sources = [Source(doc["id"], doc["id"], doc["text"]) for doc in cluster["docs"]]
        warnings: list[str] = []
        pool = build_pool(sources, Config(), warn=warnings.append)
        if titles is not None:
            titles.append((cluster["id"], briefing_title(pool)))
        read = {s.name for s in pool.sources}
        pooled = {pool.sources[s.source].name for s in pool.sentences}
        quoted = {pool.sources[pool.sentences[r].source].name for rows in pool.quotable for r in rows}
        for source in sources:
            articles += 1
            prose = prose_sentences(source.text) >= 3
            with_prose += prose
            contributing += source.name in pooled
            quotable += source.name in quoted
            if source.name not in pooled:
                said = [w for w in warnings if w.startswith(f"{source.path}:")]
                reason = said[0].partition(": ")[2] if said else (
                    "read, but no sentence pooled" if source.name in read else "dropped without a warning")
                missing.append((cluster["id"], source.name, prose, reason))
    return articles, with_prose, contributing, quotable, missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="*", type=Path, help="JSONL files of clusters")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters of each file")
    parser.add_argument("--titles", action="store_true", help="also print each cluster's briefing title")
    args = parser.parse_args()
    files = args.data or DEV_SETS
    missing_files = [f for f in files if not f.is_file()]
    if missing_files:
        print(f"No evaluation data at {', '.join(map(str, missing_files))}.")
        return 0
    print(f"{'data':<20} {'articles':>8} {'prose':>6} {'pooled':>7} {'quotable':>8}  prose not pooled")
    rows, titles = [], []
    for path in files:
        articles, prose, pooled, quotable, missing = read_set(path, args.limit, titles if args.titles else None)
        lost = sum(has_prose for _, _, has_prose, _ in missing)
        print(f"{path.name:<20} {articles:8d} {prose:6d} {pooled:7d} {quotable:8d}  {lost}", flush=True)
        rows += [(path.name, *row) for row in missing]
    if rows:
        print("\nArticles that contribute no sentence:")
        for name, cluster, doc, has_prose, reason in rows:
            print(f"  {name} {cluster} {doc} ({'prose' if has_prose else 'no prose'}): {reason}")
    if titles:
        print("\nBriefing titles:")
        for cluster, title in titles:
            print(f"  {cluster}: {title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
