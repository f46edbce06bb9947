"""--stories on JSON Lines feeds: a file, standard input, several files, on Dask."""

from __future__ import annotations

import json

import pytest
from tests.invented_stories import ELECTION, WILDFIRE
from typer.testing import CliRunner

from summarizer.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


pytestmark = pytest.mark.usefixtures("in_tmp")


def _feed_lines() -> str:
    """Two invented stories as a JSON Lines feed, interleaved, dated, one with a title and a web address."""
    records = [{"id": f"fire-{n}", "text": t, "date": f"2024-08-0{n + 2}", "title": "Alder Ridge fire"}
               for n, t in enumerate(WILDFIRE)]
    records.insert(1, {"id": "vote-0", "text": ELECTION[0], "date": "2024-08-06", "url": "https://example.com/v"})
    records.append({"id": "vote-1", "text": ELECTION[1], "date": "2024-08-07"})
    return "".join(json.dumps(r) + "\n" for r in records)


@pytest.mark.parametrize("given", ["file", "stdin"])
def test_stories_reads_a_json_lines_feed_from_a_file_or_standard_input(in_tmp, given):
    if given == "file":
        (in_tmp / "feed.jsonl").write_text(_feed_lines(), encoding="utf-8")
        result = run("feed.jsonl", "--stories", "--output-dir", "out", "--jobs", "1")
    else:
        result = runner.invoke(app, ["-", "--stories", "--output-dir", "out", "--jobs", "1"], input=_feed_lines())
    assert result.exit_code == 0, result.output
    index = json.loads((in_tmp / "out" / "index.json").read_text(encoding="utf-8"))["stories"]
    assert [(s["sources"], s["articles"], s["first_date"], s["last_date"]) for s in index] == [
        (["fire-0", "fire-1", "fire-2"], 3, "2024-08-02", "2024-08-04"),
        (["vote-0", "vote-1"], 2, "2024-08-06", "2024-08-07")]
    listing = (in_tmp / "out" / "index.md").read_text(encoding="utf-8")
    assert "3 sources, 2024-08-02 to 2024-08-04" in listing
    briefing = (in_tmp / "out" / index[0]["briefing"]).read_text(encoding="utf-8")
    assert "fire-2" in briefing and "Pinecrest" in briefing


def test_stories_on_plain_standard_input_still_splits_articles_at_dashes(in_tmp):
    text = "\n---\n".join(WILDFIRE + ELECTION)
    result = runner.invoke(app, ["-", "--stories", "--output-dir", "out", "--jobs", "1"], input=text)
    assert result.exit_code == 0, result.output
    index = json.loads((in_tmp / "out" / "index.json").read_text(encoding="utf-8"))["stories"]
    assert [s["articles"] for s in index] == [3, 2]


def test_a_bad_feed_line_stops_the_run_before_any_briefing(in_tmp):
    (in_tmp / "feed.jsonl").write_text(_feed_lines() + "{oops\n", encoding="utf-8")
    result = run("feed.jsonl", "--stories", "--output-dir", "out", "--jobs", "1")
    assert result.exit_code == 1
    assert result.stderr.strip() == "summarize: error: feed.jsonl:6: not JSON (Expecting property name enclosed " \
                                    "in double quotes)"
    assert not list((in_tmp / "out").glob("*.md"))


def test_stories_of_a_feed_on_a_dask_cluster_are_the_local_ones(in_tmp):
    distributed = pytest.importorskip("distributed",
                                      reason="dask[distributed] is not installed (pip install '.[dask]')")
    (in_tmp / "feed.jsonl").write_text(_feed_lines(), encoding="utf-8")
    local = run("feed.jsonl", "--stories", "--output-dir", "local", "--jobs", "1", "--format", "json")
    cluster = distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None)
    with cluster:
        on_dask = run("feed.jsonl", "--stories", "--output-dir", "dask", "--format", "json",
                      "--dask", cluster.scheduler_address)
        assert "summarize_story" in cluster.scheduler.task_prefixes  # the stories ran there
    assert local.exit_code == on_dask.exit_code == 0, on_dask.output
    written = sorted(p.name for p in (in_tmp / "local").iterdir())
    assert written == sorted(p.name for p in (in_tmp / "dask").iterdir()) == [
        "index.json", "index.md", "story-1.json", "story-2.json"]
    for name in written:
        assert (in_tmp / "dask" / name).read_text(encoding="utf-8") == (in_tmp / "local" / name).read_text(
            encoding="utf-8"), name


def test_stories_of_several_feed_files_are_merged_across_them(in_tmp):
    lines = _feed_lines().splitlines(keepends=True)  # fire-0, vote-0, fire-1, fire-2, vote-1
    (in_tmp / "early.jsonl").write_text("".join(lines[:2]), encoding="utf-8")
    (in_tmp / "late.jsonl").write_text("".join(lines[2:]), encoding="utf-8")
    result = run("early.jsonl", "late.jsonl", "--stories", "--output-dir", "out", "--jobs", "1")
    assert result.exit_code == 0, result.output
    index = json.loads((in_tmp / "out" / "index.json").read_text(encoding="utf-8"))["stories"]
    assert [(s["sources"], s["first_date"]) for s in index] == [(["fire-0", "fire-1", "fire-2"], "2024-08-02"),
                                                                (["vote-0", "vote-1"], "2024-08-06")]
