"""Quotes that stand alone: the share of briefing sentences that lean on something the briefing
does not carry before them, on the DUC dev sets.

Usage:
    python benchmarks/standalone.py [--algos centroid,lexrank] [--limit N] [--jobs 2]
    python benchmarks/standalone.py --briefings DIR     # the JSON briefings benchmarks/outputs.py wrote
    python benchmarks/standalone.py --seeds             # plain words: the seeds, every profile and algorithm

The first form summarizes each cluster at 100 words with this version.  The second reads the
briefings any version wrote (``benchmarks/outputs.py DIR``: default settings, 120 words), so the
same count can be made before and after a change.  A briefing sentence dangles when

* **opener**: it opens by pointing back (a pronoun, demonstrative or connective: "He said",
  "This recent rebellion", "However,") or gives a pronoun for its speaker ("..., he said."), and
  the sentence its source put before it is not quoted before it;
* **the X**: it refers to "the X" where its source named X in the two sentences before, and no
  earlier briefing sentence (nor it, before that) mentions X;
* **surname**: it names someone by surname alone ("Salim") where some source of the cluster gives
  a full name ending in it ("Mamdouh Mahmud Salim"), and no earlier briefing sentence, nor it,
  gives that full name (stricter than the check, which holds a surname to the full name its own
  source gave before it: holding it to every source's cost 1 ROUGE-1);
* **first person**: it speaks in the first person ("we", "our", "I") without naming its speaker.

``--seeds`` prints, for the bundled sample articles in every profile and with every algorithm,
TextBlob's own subjectivity of the briefing (the mean over its sentences) against the mean over all
the sources' sentences, and the loaded words (``data/loaded.txt``) it uses in its own voice.

Also printed, not counted in the share: **any the X**, a "the X" whose X no earlier briefing
sentence mentions, whatever its source said before (first mentions such as "The storm killed
five" included): an upper bound that no selection of whole sentences can bring near 0.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

from duc import EVAL
from summarizer import Config, Source, build_pool, summarize_sources
from summarizer.pool.names import name_runs
from summarizer.pool.referents import points_back, speakerless, the_references

FILES = ("duc2002_100.jsonl", "duc2001_100.jsonl")
KINDS = ("opener", "the X", "surname", "first person")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--algos", default="centroid,lexrank", help="comma-separated algorithms")
    parser.add_argument("--briefings", type=Path, default=None,
                        help="read the JSON briefings benchmarks/outputs.py wrote into this folder")
    parser.add_argument("--eval-dir", type=Path, default=EVAL, help="folder of duc200*_100.jsonl")
    parser.add_argument("--seeds", action="store_true", help="plain words on the seeds instead")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters of each file")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    return parser.parse_args()


def count(job: tuple[dict, str, str | None]) -> Counter:
    """What dangles in one cluster's briefing."""
    cluster, algo, written = job
    sources = [Source(doc["id"], doc["id"], doc["text"]) for doc in cluster["docs"]]
    if written is None:
        briefing = summarize_sources(sources, Config().replace(algo=algo, max_words=100, max_sentences=None))
        quoted = [(s.text, next(c for c in s.citations if c.exact and c.text == s.text)) for s in briefing.sentences]
        quoted = [(text, c.source, c.start) for text, c in quoted]
    else:
        names = [s.name for s in sources]
        quoted = []
        for s in json.loads(written)["sentences"]:
            c = next(c for c in s["citations"] if c["exact"] and c["text"] == s["text"])
            quoted.append((s["text"], names.index(c["source"]), c["start"]))
    pool = build_pool(sources, Config())
    row_at = {(s.source, s.start): r for r, s in enumerate(pool.sentences)}
    passage_of = {r: p for p, passage in enumerate(pool.passages) for r in passage.rows}
    runs = [run for s in pool.sentences for run in name_runs(s.text)]
    # A word that also opens a name ("Syrian Observatory") is not a surname.
    surnames = {run[-1] for run in runs if len(run) > 1} - {word for run in runs for word in run[:-1]}
    tally: Counter = Counter()
    before_passages: set[int] = set()
    before_stems: set[str] = set()
    before_names: set[str] = set()
    for text, source, start in quoted:
        row = row_at[(source, start)]
        runs = name_runs(text)
        full = {run[-1] for run in runs if len(run) > 1}
        kinds = set()
        if points_back(text):
            previous = row - 1 if row > 0 and pool.sentences[row - 1].source == source else None
            if previous is None or passage_of[previous] not in before_passages:
                kinds.add("opener")
        needs = pool.referents.needs[row] if pool.referents else None
        if needs and any(not any(s in before_stems for s in head) for head in needs.heads):
            kinds.add("the X")
        if any(len(run) == 1 and run[0] in surnames and run[0] not in full | before_names for run in runs):
            kinds.add("surname")
        if speakerless(text):
            kinds.add("first person")
        if any(not any(s in before_stems for s in head) for head in the_references(text, pool.tokenizer)):
            tally["any the X"] += 1
        tally["sentences"] += 1
        tally["dangling"] += bool(kinds)
        tally.update(kinds)
        before_passages.add(passage_of[row])
        before_stems.update(pool.tokenizer.terms(text))
        before_names |= full
    return tally


def print_seeds() -> None:
    """TextBlob's subjectivity and loaded words of every seeds briefing."""
    import statistics

    from textblob import TextBlob

    from summarizer import ALGORITHMS, available_profiles, load_profile, load_sources, seeds_dir, summarize_sources
    from summarizer.pool.neutrality import LOADED, unquoted

    def textblob(text: str) -> float:
        return TextBlob(text).sentiment.subjectivity

    sources = load_sources([str(seeds_dir())])
    pooled = statistics.mean(textblob(s.text) for s in build_pool(sources, Config()).sentences)
    print(f"TextBlob subjectivity, mean over sentences; all the sources' sentences: {pooled:.3f}")
    print(f"{'profile':<10} {'algorithm':<10} {'briefing':>8}  loaded words in its own voice")
    for profile in available_profiles():
        for algo in sorted(ALGORITHMS):
            briefing = summarize_sources(sources, load_profile(profile).replace(algo=algo))
            mean = statistics.mean(textblob(s.text) for s in briefing.sentences)
            loaded = sorted({m.group() for s in briefing.sentences for m in LOADED.finditer(unquoted(s.text).lower())})
            print(f"{profile:<10} {algo:<10} {mean:8.3f}  {', '.join(loaded) or '-'}", flush=True)


def main() -> int:
    args = parse_args()
    if args.seeds:
        print_seeds()
        return 0
    algos = args.algos.split(",")
    missing = [name for name in FILES if not (args.eval_dir / name).is_file()]
    if missing:
        print(f"No evaluation data in {args.eval_dir} ({', '.join(missing)}).")
        return 0
    print("share of briefing sentences that dangle (what they lean on is not carried before them)")
    print(f"{'data':<20} {'algorithm':<10} {'briefings':>9} {'sentences':>9} {'dangle':>7} "
          + " ".join(f"{k:>12}" for k in KINDS) + f" {'any the X':>10}")
    with Pool(args.jobs) as workers:
        for name in FILES:
            clusters = [json.loads(line) for line in (args.eval_dir / name).open(encoding="utf-8")][: args.limit]
            for algo in algos:
                if args.briefings is None:
                    jobs = [(c, algo, None) for c in clusters]
                else:
                    folder = args.briefings / Path(name).stem / algo
                    if not folder.is_dir():
                        print(f"{name:<20} {algo:<10} no briefings in {folder}")
                        continue
                    jobs = [(c, algo, (folder / f"{c['id']}.json").read_text(encoding="utf-8")) for c in clusters]
                total = sum(workers.map(count, jobs), Counter())
                n = max(total["sentences"], 1)
                print(f"{name:<20} {algo:<10} {len(jobs):>9} {total['sentences']:>9} "
                      f"{100 * total['dangling'] / n:6.1f}% "
                      + " ".join(f"{100 * total[k] / n:11.1f}%" for k in KINDS)
                      + f" {100 * total['any the X'] / n:9.1f}%", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
