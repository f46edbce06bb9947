"""Following a story over time, on the DUC clusters with their documents dated by id.

Usage:
    python benchmarks/timeline.py [--eval-dir DIR] [--limit N] [--show N] [--split date|name] [--update-only]
                                  [--since articles|briefing] [--set KEY=VALUE ...]

Each DUC document is dated from its id where the id holds the day (AP, APW, NYT, XIE, WSJ: YYMMDD;
LA: MMDDYY), as a JSON input's ``date`` field would date it.  Printed for each dev set:

* **order**: the share of adjacent briefing sentences (100 words, default algorithm) whose quoted
  sources are in date order, with ``output.order: importance`` (the ranking's order, as before) and
  ``time`` (the story's order);
* **overtaken**: how many pooled sentences are plans or expectations that a later dated report
  overtook (never quoted), and how many briefings lost a sentence to it;
* **update** (TAC 2008's update task, on clusters with at least four dated documents): the
  documents split by date into an earlier and a later half, at the change of day nearest the
  middle that leaves two documents or more on each side (``--split name``: at the middle of the
  documents sorted by date and id, as before, which puts reports of one day on both sides); an
  earlier briefing of 100 words, then an update of 100 words on the later half built on it
  (``since``: on the earlier articles as ``--since earlier/`` gives them, their briefing and their
  sentences; ``--since briefing``: on the briefing alone, as ``--since earlier.json``), against one plain briefing of the whole cluster of 200 words.  ROUGE-2 recall
  (rouge-score, Porter stemming) of the earlier briefing and the update read together against the
  plain one, with the standard error of the paired difference; the words of each; the pairs of an
  earlier and an update sentence that repeat a claim by ``redundancy.py``'s two tests (the claim
  model at 0.5 either way, or 0.6 of the shorter one's weighted content stems in the other) and by
  a strict lexical test (stem cosine >= 0.5); the share of the update's sentences quoted from the
  later half.  ``--show N`` prints the earlier briefing and the update of the first N clusters,
  and every flagged pair, to read by hand; ``--update-only`` skips the order and overtaken figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
from multiprocessing import Pool
from pathlib import Path

from summarizer import Config, summarize_sources
from summarizer.models import Earlier

from duc import EVAL, dated_sources, settings_from
from redundancy import flagged_pairs

REPEAT_COSINE = 0.5
MIN_HALF = 2  # documents on each side of a split by date


def split_by_date(dated: list, by: str = "date") -> tuple[list, list] | None:
    """The documents (sorted by date, then id) as an earlier and a later half: at the change of
    day nearest the middle with ``MIN_HALF`` documents or more on each side (None if there is
    none), or with ``by="name"`` at the middle, whatever the dates."""
    half = len(dated) // 2
    if by == "date":
        changes = [i for i in range(MIN_HALF, len(dated) - MIN_HALF + 1) if dated[i - 1].date != dated[i].date]
        if not changes:
            return None
        half = min(changes, key=lambda i: (abs(2 * i - len(dated)), i))
    return dated[:half], dated[half:]


def in_date_order(briefing) -> tuple[int, int]:
    """(adjacent pairs whose quoted sources are in date order, adjacent pairs with both dated)."""
    dates = [briefing.source_dates[next(c.source for c in s.citations if c.text == s.text)] for s in briefing.sentences]
    pairs = [(a, b) for a, b in zip(dates, dates[1:]) if a and b]
    return sum(a <= b for a, b in pairs), len(pairs)


def stems(text: str, tokenizer) -> dict[str, int]:
    counts: dict[str, int] = {}
    for stem in tokenizer.terms(text):
        counts[stem] = counts.get(stem, 0) + 1
    return counts


def cosine(a: dict[str, int], b: dict[str, int]) -> float:
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    norm = (sum(v * v for v in a.values()) * sum(v * v for v in b.values())) ** 0.5
    return dot / norm if norm else 0.0


def told_again(earlier, update) -> list[tuple[str, str, bool, bool]]:
    """The pairs of an earlier and an update sentence that ``redundancy.py``'s tests flag: (earlier,
    update, by the claim test, by the lexical test), the two briefings pooled as two sources."""
    from summarizer import Config, Source, build_pool

    if not earlier.sentences or not update.sentences:
        return []
    pool = build_pool([Source("earlier", "earlier", "\n\n".join(s.text for s in earlier.sentences)),
                       Source("update", "update", "\n\n".join(s.text for s in update.sentences))], Config())
    rows = list(range(len(pool.sentences)))
    across = [p for p in flagged_pairs(pool, rows, 0.5, 0.6, 0.3)
              if pool.sentences[p[0]].source != pool.sentences[p[1]].source]
    # (the claim test counts redundancy.py's sequence test too: one sequence of events retold)
    return [(pool.sentences[a].text, pool.sentences[b].text, by_claim or by_events, by_words)
            for a, b, by_claim, by_words, by_events in across if by_claim or by_words or by_events]


def run_cluster(job: tuple) -> dict:
    from rouge_score import rouge_scorer

    from summarizer.facts.current import overtaken_rows
    from summarizer.pipeline import build_pool
    from summarizer.pool.features import Tokenizer

    from summarizer.pipeline import earlier_sentences

    cluster, split, update_only, since_kind, settings = job
    sources = dated_sources(cluster["docs"])
    config = Config().replace(max_words=100, **settings)
    result = {"id": cluster["id"]}
    if not update_only:
        by_time = summarize_sources(sources, config)
        by_rank = summarize_sources(sources, config.replace(**{"output.order": "importance"}))
        result["order_time"], result["order_rank"] = in_date_order(by_time), in_date_order(by_rank)
        result["overtaken"] = len(overtaken_rows(build_pool(sources, config)))
        result["lost_to_overtaken"] = int({s.text for s in by_rank.sentences} != {s.text for s in by_time.sentences})
    dated = sorted((s for s in sources if s.date), key=lambda s: (s.date, s.name))
    halves = split_by_date(dated, split) if len(dated) >= 4 else None
    if halves is None:
        result["unsplit"] = len(dated) >= 4
        return result
    earlier, later = halves
    first = summarize_sources(earlier, config)
    # As --since earlier/ gives it (the earlier articles' sentences too), or a JSON briefing (only its own).
    since = Earlier("earlier", since_kind, tuple(s.text for s in first.sentences), tuple(s.name for s in earlier),
                    max(s.date for s in earlier),
                    background=earlier_sentences(earlier, config) if since_kind == "articles" else ())
    update = summarize_sources(later, config, since=since)
    plain = summarize_sources(dated, config.replace(max_words=200))
    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)

    def rouge2(text: str) -> float:
        return statistics.mean(scorer.score(ref, text)["rouge2"].recall for ref in cluster["refs"])

    together = " ".join(s.text for s in [*first.sentences, *update.sentences])
    tokenizer = Tokenizer("english")
    told = [stems(s.text, tokenizer) for s in first.sentences]
    repeats = [(b.text, u.text) for u in update.sentences for b, t in zip(first.sentences, told)
               if cosine(stems(u.text, tokenizer), t) >= REPEAT_COSINE]
    later_names = {s.name for s in later}
    words = lambda briefing: sum(len(s.text.split()) for s in briefing.sentences)  # noqa: E731
    result.update(update_r2=rouge2(together), plain_r2=rouge2(" ".join(s.text for s in plain.sentences)),
                  words=(words(first), words(update), words(plain)), told_again=told_again(first, update),
                  update_sentences=len(update.sentences), repeats=repeats,
                  from_later=sum(update.sources[next(c.source for c in s.citations if c.text == s.text)].name
                                 in later_names for s in update.sentences),
                  earlier_text=[s.text for s in first.sentences], update_text=[s.text for s in update.sentences])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL)
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters of each set")
    parser.add_argument("--show", type=int, default=0, help="print the briefings of the first N update clusters")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--split", choices=("date", "name"), default="date",
                        help="split the update task's clusters at a change of day (default) or at the middle")
    parser.add_argument("--update-only", action="store_true", help="only the update task")
    parser.add_argument("--since", choices=("articles", "briefing"), default="articles",
                        help="the update is built on the earlier articles (as --since earlier/, default) or only "
                             "on their briefing (as --since earlier.json)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="a setting for every briefing (e.g. rank.centroid.update_earlier_centroid=0.5)")
    args = parser.parse_args()
    files = sorted(args.eval_dir.glob("duc*_100.jsonl"))
    if not files:
        raise SystemExit(f"{args.eval_dir}: no duc*_100.jsonl (the DUC dev sets; pass --eval-dir)")
    for path in files:
        clusters = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()][:args.limit]
        with Pool(args.jobs) as pool:
            results = pool.map(run_cluster, [(c, args.split, args.update_only, args.since, settings_from(args.set))
                                             for c in clusters])
        print(f"\n{path.stem}: {len(results)} clusters")
        if not args.update_only:
            for key, label in (("order_rank", "importance order (before)"), ("order_time", "story order (now)")):
                good, total = (sum(r[key][i] for r in results) for i in (0, 1))
                print(f"  adjacent pairs in date order, {label}: {good}/{total} = {good / max(total, 1):.2f}")
            print(f"  overtaken plans/expectations in the pools: {sum(r['overtaken'] for r in results)}; "
                  f"briefings that lost a sentence to it: {sum(r['lost_to_overtaken'] for r in results)}")
        updates = [r for r in results if "update_r2" in r]
        if not updates:
            continue
        n_sentences = sum(r["update_sentences"] for r in updates)
        gaps = [100 * (r["update_r2"] - r["plain_r2"]) for r in updates]
        error = statistics.stdev(gaps) / len(gaps) ** 0.5 if len(gaps) > 1 else 0.0
        print(f"  update task ({args.split} split, on the earlier {args.since}), {len(updates)} clusters with >= 4 dated documents "
              f"({sum(r.get('unsplit', False) for r in results)} more without a change of day to split at):")
        print(f"    ROUGE-2 earlier + update {100 * statistics.mean(r['update_r2'] for r in updates):.2f} "
              f"vs plain 200 words {100 * statistics.mean(r['plain_r2'] for r in updates):.2f} "
              f"(difference {statistics.mean(gaps):+.2f}, standard error {error:.2f})")
        print("    mean words: earlier {:.1f}, update {:.1f}, plain {:.1f}".format(
            *(statistics.mean(r["words"][i] for r in updates) for i in range(3))))
        print(f"    update sentences {n_sentences}; quoted from the later half: "
              f"{sum(r['from_later'] for r in updates)}/{n_sentences}")
        print(f"    earlier/update sentence pairs repeating a claim: claim model "
              f"{sum(p[2] for r in updates for p in r['told_again'])}, "
              f"lexical {sum(p[3] for r in updates for p in r['told_again'])}; "
              f"stem cosine >= {REPEAT_COSINE}: {sum(len(r['repeats']) for r in updates)}")
        for r in updates[:args.show]:
            print(f"\n  {r['id']}\n    earlier: " + "\n             ".join(r["earlier_text"])
                  + "\n    update:  " + "\n             ".join(r["update_text"]))
            for told, again in r["repeats"]:
                print(f"    repeat?  {told}\n          = {again}")
        if args.show:
            print("\n  every earlier/update pair the claim or lexical test flags:")
            for r in updates:
                for told, again, by_claim, by_words in r["told_again"]:
                    print(f"    {r['id']} ({'claim' if by_claim else ''}{' lexical' if by_words else ''})\n"
                          f"      earlier: {told}\n      update:  {again}")


if __name__ == "__main__":
    main()
