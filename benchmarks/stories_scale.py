"""Story detection at scale: time and peak memory of the single pass and of the exact method.

Usage:
    python benchmarks/stories_scale.py [--feed FEED.jsonl] [--sizes 1000,5000,20000,100000]
                                       [--exact 1000,2000,5000]

Input: a JSON Lines feed of real news articles, one ``{"id", "text", "title", "date"?}`` a line,
kept OUTSIDE the repository: benchmarks/news_corpus.py builds it from Reuters-21578 and the BBC
news collection (its docstring says where they come from and how to rebuild the feed).  Default:
``$SUMMARIZER_NEWS_FEED``, else ``../news/news.jsonl`` beside the repository.

Each size runs in a child process of its own (so that its peak resident memory is its own), which
streams the first N articles of the feed through ``Feed.detect`` as ``--stories FEED.jsonl`` does
(read line by line, a ``StoryStream``, the texts not kept).  A size larger than the feed reads it
again, each round's dates a year later and its ids renamed: articles repeated, not new ones, as
the feed's 20,486 real articles are all there is (say so when quoting the 100,000 figure).  The
exact method (``find_exact``: every pair, the method for piles up to a window) is timed the same
way on the first N articles held as sources.  Printed: seconds (wall and CPU), peak resident MiB,
stories found, and the growth exponents between sizes (log time / log size).
Figures only: nothing is asserted and the exit status is 0.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def default_feed() -> Path:
    return Path(os.environ.get("SUMMARIZER_NEWS_FEED") or ROOT.parent / "news" / "news.jsonl")


def write_pile(feed: Path, size: int, out) -> None:
    """The first ``size`` articles of the feed, the feed read again (dates a year later) if short."""
    from summarizer.ingest.dates import parse_date

    written, round_ = 0, 0
    while written < size:
        with feed.open(encoding="utf-8") as lines:
            for line in lines:
                if written >= size:
                    break
                if round_:
                    article = json.loads(line)
                    article["id"] = f"r{round_}-{article['id']}"
                    if article.get("date") and (day := parse_date(article["date"])):
                        article["date"] = (day + timedelta(days=366 * round_)).isoformat()
                    line = json.dumps(article) + "\n"
                out.write(line)
                written += 1
        round_ += 1


def child(method: str, pile: Path) -> None:
    """Run one detection and print its figures as JSON (in the child process)."""
    started, cpu = time.perf_counter(), time.process_time()
    if method == "stream":
        from summarizer.stories.feed import open_feed

        with open_feed(str(pile)) as feed:
            groups = feed.detect()
    else:
        from summarizer.models import Source
        from summarizer.stories import find_exact

        with pile.open(encoding="utf-8") as lines:
            sources = [Source(name=a["id"], path=a["id"], text=a["text"]) for a in map(json.loads, lines)]
        groups = find_exact(sources)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "mib": peak,
                      "stories": len(groups), "largest": max(map(len, groups))}))


def measure(method: str, feed: Path, size: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as out:
        write_pile(feed, size, out)
    try:
        done = subprocess.run([sys.executable, __file__, "--child", method, out.name], capture_output=True,
                              text=True, check=True)
        return json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        os.unlink(out.name)


def exponents(sizes: list[int], values: list[float]) -> str:
    steps = [f"{a:,}->{b:,}: {math.log(y / x) / math.log(b / a):.2f}"
             for a, b, x, y in zip(sizes, sizes[1:], values, values[1:]) if x > 0 and y > 0]
    return "; ".join(steps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feed", type=Path, default=default_feed())
    parser.add_argument("--sizes", default="1000,5000,20000,100000")
    parser.add_argument("--exact", default="1000,2000,5000", help="sizes for the exact method ('' for none)")
    parser.add_argument("--child", nargs=2, metavar=("METHOD", "PILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    if not args.feed.is_file():
        print(f"news feed not found ({args.feed}); build it with benchmarks/news_corpus.py (its docstring says "
              "how) and give --feed FILE or SUMMARIZER_NEWS_FEED. Nothing measured.")
        return
    with args.feed.open(encoding="utf-8") as lines:
        available = sum(1 for _ in lines)
    print(f"feed: {args.feed} ({available:,} articles); load average {os.getloadavg()[0]:.1f} at the start\n")
    print(f"{'method':<8} {'articles':>9} {'seconds':>8} {'CPU s':>7} {'peak MiB':>9} {'stories':>8} {'largest':>8}")
    for method, sizes in (("exact", args.exact), ("stream", args.sizes)):
        sizes = [int(s) for s in sizes.split(",") if s.strip()]
        rows = []
        for size in sizes:
            row = measure(method, args.feed, size)
            rows.append(row)
            note = " (articles repeated)" if size > available else ""
            print(f"{method:<8} {size:>9,} {row['seconds']:>8.1f} {row['cpu']:>7.1f} {row['mib']:>9.0f} "
                  f"{row['stories']:>8,} {row['largest']:>8,}{note}", flush=True)
        if len(sizes) > 1:
            print(f"{'':<8} growth exponent, CPU time: {exponents(sizes, [r['cpu'] for r in rows])}")
            print(f"{'':<8} growth exponent, peak memory: {exponents(sizes, [r['mib'] for r in rows])}")
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end (2 cores: above 2, wall time is not CPU time)")


if __name__ == "__main__":
    main()
