"""Fragments quoted as sentences: how many quotable pooled sentences, and how many sentences of
the default 100-word briefings, read as no sentence at all, on the DUC dev sets.

Usage:
    python benchmarks/fragments.py [--algo centroid] [--limit N] [--jobs 2] [--examples 15]

Each cluster is pooled as the pipeline pools it (default settings) and summarized at 100 words.
A sentence is counted as a fragment by a test of this script's own, independent of the
package's check (``summarizer.ingest.verbs.is_clause``) and deliberately generous to the
sentence: its words outside quotation marks hold no verb form at all, where any of these counts
as one:

* an auxiliary, modal or copula ("is", "has", "will", "can't", "it's");
* a lower-case word ending in "-ed" or "-s" (a past form; a present one, "rises", "says"; a
  plural noun counts too: the test errs towards "sentence");
* a reporting verb or a common irregular past or present form (this script's short list).

So "``Bernstein on Beethoven: Fidelio,'' with rehearsal and concert footage of Bernstein." and
"Smoke over Hama." are fragments, "Rebels take Hama." is too (a plural subject with a present
verb: the known miss of a test without a tagger; see the hand count in docs/standalone.md), and a
sentence that is nothing but a quotation ("``We will return.''") is judged by its quoted words.
"""

from __future__ import annotations

import argparse
import json
import re
from multiprocessing import Pool

from duc import DEV_SETS
from textblob.en.taggers import PatternTagger

from summarizer import Config, Source, build_pool, summarize_sources

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_AUXILIARIES = frozenset(
    "is are was were be been am has have had will would can could may might must shall should do does did "
    "isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't mustn't shouldn't "
    "don't doesn't didn't cannot".split())
_CONTRACTION = re.compile(r"['’](?:s|re|ve|ll|d|m)$", re.IGNORECASE)
_VERBS = frozenset(
    "say tell ask go come get make take give find keep leave put run see show know think feel hold "
    "stand meet pay seek fall rise lose win send spend build buy sell begin bring lead become remain "
    "said told went came got made took gave found kept left ran saw showed knew thought felt held stood "
    "met paid sought fell rose lost won sent spent built bought sold began brought led became hit struck "
    "fled shot killed beat cut set let hurt spread burst quit bid cost".split())
_FINITE = frozenset({"VB", "VBD", "VBN", "VBP", "VBZ", "MD"})
_TAGGER = PatternTagger()


def is_fragment(text: str) -> bool:
    """This script's own test: neither TextBlob's pattern tagger nor a word test finds a verb."""
    return not any(tag in _FINITE for _, tag in _TAGGER.tag(text)) and not _has_verb_form(text)


def _has_verb_form(text: str) -> bool:
    for word in _WORD.findall(text):
        lower = word.lower()
        if lower in _AUXILIARIES or lower in _VERBS or _CONTRACTION.search(word):
            return True
        if word.islower() and len(word) > 3 and (lower.endswith("ed") or lower.endswith("s")):
            return True
    return False


def count(job: tuple[dict, str]) -> tuple[int, int, list[str], int, int, list[str]]:
    """One cluster: quotable pooled sentences, fragments among them (texts); the same for the briefing."""
    cluster, algo = job
    sources = [Source(doc["id"], doc["id"], doc["text"]) for doc in cluster["docs"]]
    pool = build_pool(sources, Config())
    rows = sorted({r for rows in pool.quotable for r in rows})
    pooled = [pool.sentences[r].text for r in rows]
    briefing = summarize_sources(sources, Config().replace(algo=algo, max_words=100, max_sentences=None))
    quoted = [s.text for s in briefing.sentences]
    pooled_fragments = [t for t in pooled if is_fragment(t)]
    quoted_fragments = [t for t in quoted if is_fragment(t)]
    return len(pooled), len(pooled_fragments), pooled_fragments, len(quoted), len(quoted_fragments), quoted_fragments


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--algo", default="centroid", help="the algorithm of the briefings")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters of each file")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--examples", type=int, default=15, help="fragments printed per set (pooled)")
    args = parser.parse_args()
    for path in DEV_SETS:
        clusters = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        clusters = clusters[:args.limit]
        with Pool(args.jobs) as workers:
            results = workers.map(count, [(c, args.algo) for c in clusters], chunksize=1)
        pooled = sum(r[0] for r in results)
        pooled_bad = sum(r[1] for r in results)
        quoted = sum(r[3] for r in results)
        quoted_bad = sum(r[4] for r in results)
        name = path.stem.split("_")[0].upper()
        print(f"{name} ({len(clusters)} clusters): quotable pooled sentences {pooled_bad} / {pooled} fragments "
              f"({100 * pooled_bad / max(pooled, 1):.2f}%); {args.algo} 100-word briefing sentences "
              f"{quoted_bad} / {quoted} ({100 * quoted_bad / max(quoted, 1):.2f}%)")
        examples = [(c["id"], t) for c, r in zip(clusters, results) for t in r[2]]
        step = max(1, len(examples) // max(args.examples, 1))
        for cluster_id, text in examples[::step][:args.examples]:
            print(f"  pooled {cluster_id}: {' '.join(text.split())[:160]}")
        for c, r in zip(clusters, results):
            for text in r[5]:
                print(f"  briefing {c['id']}: {' '.join(text.split())[:160]}")


if __name__ == "__main__":
    main()
