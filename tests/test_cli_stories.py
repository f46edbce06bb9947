"""The command line for many stories: --stories, --batch, --jobs, and the warning on a mixed pile."""

from __future__ import annotations

import json

import pytest
from tests.invented_stories import ELECTION, MATCH, WILDFIRE
from typer.testing import CliRunner

from summarizer.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


pytestmark = pytest.mark.usefixtures("in_tmp")


def _write_story(folder, prefix: str, texts: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(texts):
        (folder / f"{prefix}{number}.txt").write_text(text, encoding="utf-8")


@pytest.fixture
def pile(in_tmp):
    """One folder holding two invented stories' articles."""
    _write_story(in_tmp / "pile", "fire", WILDFIRE)
    _write_story(in_tmp / "pile", "vote", ELECTION)
    return in_tmp / "pile"


def test_a_mixed_pile_is_summarized_with_a_warning_naming_the_stories(pile, in_tmp):
    result = run(pile, "--output", "one.md")
    assert result.exit_code == 0, result.output
    assert "the 5 articles hold at least 2 different stories" in result.stderr and "--stories" in result.stderr
    assert (in_tmp / "one.md").exists()


def test_one_story_gets_no_warning(in_tmp):
    _write_story(in_tmp / "fire", "fire", WILDFIRE)
    result = run(in_tmp / "fire", "--output", "one.md")
    assert result.exit_code == 0 and "warning" not in result.stderr


def test_stories_writes_one_briefing_per_story_and_an_index(pile, in_tmp):
    result = run(pile, "--stories", "--output-dir", "out", "--jobs", "2")
    assert result.exit_code == 0, result.output
    index = json.loads((in_tmp / "out" / "index.json").read_text(encoding="utf-8"))
    stories = index["stories"]
    assert [sorted(s["sources"]) for s in stories] == [["fire0.txt", "fire1.txt", "fire2.txt"],
                                                       ["vote0.txt", "vote1.txt"]]
    for story in stories:
        briefing = (in_tmp / "out" / story["briefing"]).read_text(encoding="utf-8")
        assert briefing.startswith("# ") and all(name in briefing for name in story["sources"])
        assert set(story) == {"id", "title", "sources", "articles", "first_date", "last_date", "briefing"}
        assert story["articles"] == len(story["sources"]) and story["first_date"] is None  # files: no dates
    listing = (in_tmp / "out" / "index.md").read_text(encoding="utf-8")
    assert listing.startswith("# 2 stories") and all(f"(<{s['briefing']}>)" in listing for s in stories)
    assert sorted(p.name for p in (in_tmp / "out").iterdir()) == sorted(
        ["index.json", "index.md"] + [s["briefing"] for s in stories])


def _jsonl(path, stories) -> None:
    path.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")


STORIES = [
    {"id": "fire/1", "docs": [{"id": f"f{n}", "text": t} for n, t in enumerate(WILDFIRE)]},
    {"id": "headline", "docs": [{"id": "h", "text": "# Only A Headline Here\n"}]},
    {"id": "cup", "docs": [{"id": f"c{n}", "text": t, "date": "2024-05-04"} for n, t in enumerate(MATCH)]},
]


def test_batch_jsonl_writes_briefings_named_after_ids_and_reports_a_failed_story(in_tmp):
    _jsonl(in_tmp / "stories.jsonl", STORIES)
    result = run("--batch", "stories.jsonl", "--output-dir", "out", "--format", "json", "--jobs", "1")
    assert result.exit_code == 1
    assert "story headline: h: no sentences of article text found" in result.stderr
    assert sorted(p.name for p in (in_tmp / "out").iterdir()) == ["cup.json", "fire_1.json", "index.json",
                                                                  "index.md"]
    cup = json.loads((in_tmp / "out" / "cup.json").read_text(encoding="utf-8"))
    assert {s["name"] for s in cup["sources"]} == {"c0", "c1", "c2"}
    index = json.loads((in_tmp / "out" / "index.json").read_text(encoding="utf-8"))["stories"]
    assert [(s["id"], s["briefing"]) for s in index] == [("fire/1", "fire_1.json"), ("headline", None),
                                                         ("cup", "cup.json")]
    assert "no sentences" in index[1]["error"]


def test_batch_to_one_json_lines_file_keeps_input_order(in_tmp):
    _jsonl(in_tmp / "stories.jsonl", [STORIES[2], STORIES[0]])
    result = run("--batch", "stories.jsonl", "--output", "all.jsonl", "--jobs", "2")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in (in_tmp / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["cup", "fire/1"]
    assert all(line["briefing"]["sentences"] for line in lines)


def test_batch_folder_takes_each_subfolder_as_a_story(in_tmp):
    _write_story(in_tmp / "stories" / "vote", "v", ELECTION)
    _write_story(in_tmp / "stories" / "cup", "c", MATCH)
    result = run("--batch", "stories", "--output-dir", "out")
    assert result.exit_code == 0, result.output
    index = json.loads((in_tmp / "out" / "index.json").read_text(encoding="utf-8"))["stories"]
    assert [(s["id"], s["briefing"], s["sources"]) for s in index] == [
        ("cup", "cup.md", ["c0.txt", "c1.txt", "c2.txt"]), ("vote", "vote.md", ["v0.txt", "v1.txt"])]


@pytest.mark.parametrize("args, problem", [
    (["--batch", "x.jsonl"], "--batch: needs --output-dir DIR (or --output FILE.jsonl)"),
    (["pile", "--stories"], "--stories: needs --output-dir DIR"),
    (["pile", "--stories", "--output", "a.md"], "--output: --stories writes one briefing per story"),
    (["pile", "--jobs", "2"], "--jobs: works with --stories or --batch only"),
    (["--batch", "x.jsonl", "-d", "out", "--jobs", "0"], "--jobs: must be at least 1, not 0"),
    (["pile", "--batch", "x.jsonl", "-d", "out"], "--batch: takes its stories from FILE.jsonl or FOLDER"),
])
def test_misused_options_are_one_line_settings_errors(pile, args, problem):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"summarize: error: {problem}")
    assert result.stderr.strip().count("\n") == 0


def test_a_malformed_batch_file_is_one_line_naming_file_and_line(in_tmp):
    (in_tmp / "bad.jsonl").write_text('{"id": "a", "docs": []}\n{oops\n', encoding="utf-8")
    result = run("--batch", "bad.jsonl", "--output-dir", "out")
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("summarize: error: bad.jsonl:2: not JSON")
    assert not (in_tmp / "out").exists()


def test_batch_on_a_dask_scheduler_writes_what_the_local_batch_writes(in_tmp):
    distributed = pytest.importorskip("distributed",
                                      reason="dask[distributed] is not installed (pip install '.[dask]')")
    _jsonl(in_tmp / "stories.jsonl", STORIES)
    local = run("--batch", "stories.jsonl", "--output", "local.jsonl", "--jobs", "1")
    cluster = distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None)
    with cluster:
        on_dask = run("--batch", "stories.jsonl", "--output", "dask.jsonl", "--dask", cluster.scheduler_address)
        assert "summarize_story" in cluster.scheduler.task_prefixes  # the stories ran there
    assert local.exit_code == on_dask.exit_code == 1  # the headline-only story fails on both
    assert (in_tmp / "dask.jsonl").read_text(encoding="utf-8") == (in_tmp / "local.jsonl").read_text(encoding="utf-8")


def test_stories_in_html_get_html_files(pile, in_tmp):
    result = run(pile, "--stories", "--output-dir", "out", "--format", "html", "--jobs", "1")
    assert result.exit_code == 0, result.output
    stories = json.loads((in_tmp / "out" / "index.json").read_text(encoding="utf-8"))["stories"]
    assert [s["briefing"] for s in stories] == ["story-1.html", "story-2.html"]
    assert "<html" in (in_tmp / "out" / "story-1.html").read_text(encoding="utf-8").lower()


def test_the_story_thresholds_are_settings(pile, in_tmp):
    # At 0 every pair is close enough: the mixed pile is taken for one story, with no warning.
    result = run(pile, "--output", "one.md", "--set", "stories.warning_threshold=0")
    assert result.exit_code == 0 and "warning" not in result.stderr
    result = run(pile, "--stories", "--output-dir", "out", "--set", "stories.threshold=0")
    assert result.exit_code == 0, result.output
    assert json.loads((in_tmp / "out" / "index.json").read_text(encoding="utf-8"))["stories"][0]["sources"] == [
        "fire0.txt", "fire1.txt", "fire2.txt", "vote0.txt", "vote1.txt"]
    result = run(pile, "--stories", "--output-dir", "out2", "--set", "stories.threshold=1.5")
    assert result.exit_code == 2 and "stories.threshold" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("empty", ["Breaking news\n", "- one\n- two\n", "By Staff Reporter\n\nUpdated 10:45\n"])
def test_stories_skip_an_article_without_sentences_with_a_warning_naming_it(pile, in_tmp, empty):
    (pile / "zz-empty.txt").write_text(empty, encoding="utf-8")
    result = run(pile, "--stories", "--output-dir", "out")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "zz-empty.txt" in line]
    assert len(warnings) == 1 and "skipped" in warnings[0] and "warning" in warnings[0]
    index = json.loads((in_tmp / "out" / "index.json").read_text(encoding="utf-8"))["stories"]
    assert len(index) == 2 and all(story["briefing"] for story in index)
    assert not any("zz-empty.txt" in name for story in index for name in story["sources"])


def test_stories_of_standard_input_name_the_empty_article(in_tmp):
    text = f"{WILDFIRE[0]}\n---\nHeadline only\n---\n{WILDFIRE[1]}\n"
    result = runner.invoke(app, ["-", "--stories", "--output-dir", "out"], input=text)
    assert result.exit_code == 0, result.output
    assert "<stdin>#2: no sentences of article text found" in result.stderr


def test_stories_of_nothing_but_empty_articles_is_an_error(in_tmp):
    (in_tmp / "pile").mkdir()
    (in_tmp / "pile" / "a.txt").write_text("Breaking news\n", encoding="utf-8")
    (in_tmp / "pile" / "b.txt").write_text("- one\n- two\n", encoding="utf-8")
    result = run(in_tmp / "pile", "--stories", "--output-dir", "out")
    assert result.exit_code == 1 and "no sentences of article text found" in result.stderr
