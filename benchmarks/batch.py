"""Speed and memory of many stories at once, and of one very large story.

Usage:
    python benchmarks/batch.py [--data DIR] [--stories 1000] [--jobs 2] [--loop-sample 8] [--skip-large]

Input: the DUC clusters in ../shared/eval/*.jsonl beside the repository (or --data), read in place,
never copied (the command's input and the shell loop's article files go to a temporary folder deleted at
the end).

1. Batch: --stories stories of about ten articles (the 89 dev clusters, repeated under new ids)
   through ``summarize_many(jobs=--jobs)``: wall time, stories a second, failures, and the peak
   memory of each worker process (resident, and unique: the pages a worker does not share with
   its parent, which is what it really adds; sampled every 0.5 s with psutil).
2. The command: ``summarize --batch FILE.jsonl --output-dir DIR --jobs N`` on the same stories
   (written to a temporary JSON Lines file), the whole process with every briefing written.
   Shell loop: ``summarize FOLDER --quiet --output FILE`` run as a new process for each story, on
   --loop-sample stories; its time for all --stories is extrapolated from that sample.
3. One pooled story: every distinct DUC document, then ~1,400 articles (documents reused under
   another name), through ``summarize_sources``: wall and CPU time, and where the time goes (the
   package's functions by cumulative time, from a second run under cProfile) when it is over the target.

Targets (issue 13): the batch of 1,000 in <= 60 s on 2 cores and >= 10x the shell loop, <= 300 MiB
a worker; the pooled story of ~1,400 articles (39,000 sentences) in <= 10 s.  Figures only:
nothing is asserted and the exit status is 0.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import psutil

from duc import EVAL
from summarizer import Config, Source, summarize_many, summarize_sources

SETS = ("duc2002_100.jsonl", "duc2001_100.jsonl")
LARGE_PILE = 1400
MiB = 2**20
# The console script's own entry point, this checkout first on the path.
COMMAND = [sys.executable, "-c", "from summarizer.cli import run; run()"]


class WorkerMemory:
    """Peak resident and unique memory of each child process, sampled in a thread."""

    def __init__(self, interval: float = 0.5):  # reading smaps for the unique size is not free
        self.interval = interval
        self.peaks: dict[int, list[int]] = {}  # pid -> [peak rss, peak uss]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> WorkerMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(self.interval):
            for child in me.children(recursive=True):
                try:
                    info = child.memory_full_info()
                except psutil.Error:
                    continue
                peak = self.peaks.setdefault(child.pid, [0, 0])
                peak[0] = max(peak[0], info.rss)
                peak[1] = max(peak[1], info.uss)


def dev_clusters(data: Path) -> list[dict]:
    clusters = []
    for name in SETS:
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            cluster = json.loads(line)
            clusters.append({"id": f"{Path(name).stem}-{cluster['id']}", "docs": cluster["docs"]})
    return clusters


def repeated(clusters: list[dict], count: int) -> list[dict]:
    return [{"id": f"{clusters[k % len(clusters)]['id']}-{k // len(clusters)}",
             "docs": clusters[k % len(clusters)]["docs"]} for k in range(count)]


def run_batch(stories: list[dict], jobs: int) -> float:
    cpu_before = _cpu_seconds()
    with WorkerMemory() as memory:
        started = time.perf_counter()
        results = list(summarize_many(stories, Config(), jobs=jobs))
        seconds = time.perf_counter() - started
    own, workers = (after - before for after, before in zip(_cpu_seconds(), cpu_before))
    cpu = own + workers
    failed = [(story_id, str(outcome)) for story_id, outcome in results if isinstance(outcome, Exception)]
    articles = sum(len(s["docs"]) for s in stories)
    print(f"batch: {len(stories):,} stories ({articles:,} articles), --jobs {jobs}: {seconds:.1f} s, "
          f"{len(stories) / seconds:.1f} stories/s, {len(failed)} failed; CPU {cpu:.1f} s in all "
          f"(workers {workers:.1f}, this process {own:.1f}), {cpu / jobs:.1f} s a core: about the wall time "
          f"on {jobs} idle cores")
    for story_id, reason in failed[:5]:
        print(f"  failed {story_id}: {reason}")
    for pid, (rss, uss) in sorted(memory.peaks.items()):
        print(f"  worker {pid}: peak resident {rss / MiB:.0f} MiB, unique {uss / MiB:.0f} MiB")
    return seconds


def run_command_batch(stories: list[dict], jobs: int) -> float:
    """The whole `summarize --batch FILE.jsonl --output-dir DIR --jobs N` process, writing every briefing."""
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "stories.jsonl"
        batch.write_text("".join(json.dumps(story) + "\n" for story in stories), encoding="utf-8")
        cpu_before = _cpu_seconds()[1]
        started = time.perf_counter()
        subprocess.run(COMMAND + ["--batch", str(batch), "--output-dir", f"{folder}/out", "--jobs", str(jobs),
                                  "--quiet"], check=False)
        seconds = time.perf_counter() - started
        cpu = _cpu_seconds()[1] - cpu_before  # the command and its workers
        written = len(list(Path(folder, "out").glob("*.md")))
    print(f"summarize --batch: {len(stories):,} stories, --jobs {jobs}: {seconds:.1f} s, CPU {cpu:.1f} s "
          f"({written - 1:,} briefings and the index written)")
    return seconds


def _cpu_seconds() -> tuple[float, float]:
    """CPU time of this process, and of its finished children (the batch's workers, once shut down)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def run_shell_loop(stories: list[dict], sample: int) -> float:
    """Seconds a story takes as its own `summarize` process (article files written beforehand)."""
    with tempfile.TemporaryDirectory() as folder:
        folders = []
        for story in stories[:sample]:
            story_folder = Path(folder) / story["id"]
            story_folder.mkdir()
            for number, doc in enumerate(story["docs"]):
                (story_folder / f"{number:02d}.txt").write_text(doc["text"], encoding="utf-8")
            folders.append(story_folder)
        started = time.perf_counter()
        for story_folder in folders:
            subprocess.run(COMMAND + [str(story_folder), "--quiet", "--output", f"{story_folder}.md"],
                           check=True)
        seconds = (time.perf_counter() - started) / len(folders)
    print(f"shell loop: {seconds:.2f} s a story (mean of {len(folders)} `summarize` processes)")
    return seconds


def run_large(clusters: list[dict], target: float) -> None:
    distinct = {doc["id"]: doc["text"] for cluster in clusters for doc in cluster["docs"]}
    pile = [Source(name=doc_id, path=doc_id, text=text) for doc_id, text in distinct.items()]
    reused = [Source(name=f"{k}-{s.name}", path=s.path, text=s.text)
              for k in range(-(-LARGE_PILE // len(pile))) for s in pile][:LARGE_PILE]
    for label, sources in (("distinct documents", pile), ("documents reused", reused)):
        started, cpu_started = time.perf_counter(), time.process_time()
        briefing = summarize_sources(sources, Config())
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        print(f"one story, {len(sources):,} articles ({label}), {briefing.stats['sentences']:,.0f} sentences, "
              f"{briefing.stats['passages']:,.0f} passages: {seconds:.1f} s ({cpu:.1f} s CPU)")
        if cpu > target:  # profiled again: cProfile itself slows Python code down
            profile = cProfile.Profile()
            profile.runcall(summarize_sources, sources, Config())
            _hot_spots(profile)


def _hot_spots(profile: cProfile.Profile, shown: int = 12) -> None:
    """The package's functions taking most time, callees included."""
    stats = pstats.Stats(profile).stats
    package = str(ROOT / "summarizer")
    rows = [(cumulative, own, f"{Path(file).relative_to(ROOT)}:{line} {name}")
            for (file, line, name), (_, _, own, cumulative, _) in stats.items() if file.startswith(package)]
    print(f"  where the time goes ({shown} functions of the package by cumulative seconds; own seconds):")
    for cumulative, own, where in sorted(rows, reverse=True)[:shown]:
        print(f"  {cumulative:7.2f} {own:7.2f}  {where}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=EVAL)
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--loop-sample", type=int, default=8)
    parser.add_argument("--skip-large", action="store_true", help="skip the one pooled story")
    args = parser.parse_args()
    missing = [str(args.data / name) for name in SETS if not (args.data / name).is_file()]
    if missing:
        print(f"evaluation data not found ({', '.join(missing)}); give --data DIR. Nothing measured.")
        return
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} "
          "(other work on the machine slows every wall time; CPU times are not slowed)")
    clusters = dev_clusters(args.data)
    stories = repeated(clusters, args.stories)
    run_batch(stories, args.jobs)
    command_seconds = run_command_batch(stories, args.jobs)
    loop_seconds = run_shell_loop(stories, args.loop_sample) * len(stories)
    print(f"shell loop over {len(stories):,} stories (extrapolated): {loop_seconds:.0f} s; "
          f"summarize --batch is {loop_seconds / command_seconds:.1f}x faster (targets: <= 60 s, >= 10x)")
    if not args.skip_large:
        run_large(clusters, target=10.0)


if __name__ == "__main__":
    main()
