"""Never overwrite what is not a briefing: an existing file is replaced only when it holds this
tool's marker (Markdown, JSON, HTML, the index, the JSON Lines of --batch), is empty, or --force is
given; the same for --output-dir's contents and its index."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer import cli
from summarizer.cli import app
from summarizer.errors import InputError
from summarizer.ingest.formats import is_briefing
from summarizer.output.files import check_output

from tests.helpers import ROOT, SEEDS
from tests.invented_stories import ELECTION, WILDFIRE

runner = CliRunner()
NOTES = "My own notes, not a briefing.\nDo not lose them.\n"


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def news(in_tmp):
    folder = in_tmp / "news"
    folder.mkdir()
    for number, text in enumerate(WILDFIRE):
        (folder / f"fire{number}.txt").write_text(text, encoding="utf-8")
    return folder


def refused(result, path: Path, before: bytes) -> None:
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and path.name in lines[0] and "not a briefing" in lines[0] and "--force" in lines[0]
    assert path.read_bytes() == before


@pytest.mark.parametrize("fmt, name", [("markdown", "notes.md"), ("json", "data.json"), ("html", "page.html"),
                                       ("markdown", "briefing.md")])
def test_an_existing_file_that_is_not_a_briefing_is_refused_then_forced(news, in_tmp, fmt, name):
    target = in_tmp / name
    target.write_text(NOTES, encoding="utf-8")
    refused(run(news, "--format", fmt, "--output", target), target, NOTES.encode())
    assert [p.name for p in in_tmp.iterdir() if p.name.endswith(".tmp")] == []
    forced = run(news, "--format", fmt, "--output", target, "--force")
    assert forced.exit_code == 0, forced.output
    assert is_briefing(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["markdown", "json", "html"])
def test_a_briefing_of_an_earlier_run_is_replaced_without_force(news, in_tmp, fmt):
    assert run(news, "--format", fmt, "--output", "out").exit_code == 0
    first = (in_tmp / "out").read_text(encoding="utf-8")
    again = run(news, "--format", fmt, "--output", "out", "--max-words", "60")
    assert again.exit_code == 0, again.output
    assert (in_tmp / "out").read_text(encoding="utf-8") != first


def test_an_empty_file_is_replaced(news, in_tmp):
    (in_tmp / "made-by-mktemp").write_bytes(b"")
    assert run(news, "--output", "made-by-mktemp").exit_code == 0
    assert is_briefing((in_tmp / "made-by-mktemp").read_text(encoding="utf-8"))


def test_force_never_writes_over_an_input(news):
    article = news / "fire0.txt"
    before = article.read_bytes()
    result = run(news, "--output", article, "--force")
    assert result.exit_code == 1 and "input" in result.stderr
    assert article.read_bytes() == before


def test_no_inputs_in_a_checkout_never_overwrites_the_checkouts_seed(in_tmp, monkeypatch):
    """Installed, the tool reads the seeds bundled inside the package: a checkout's seeds/ beside
    the working directory is then no input, and the input guard does not see it."""
    bundled = in_tmp / "site-packages" / "seeds"
    bundled.mkdir(parents=True)
    checkout_seed = in_tmp / "seeds" / "000_f5904467cc181a5d.txt"
    checkout_seed.parent.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (bundled / seed.name).write_bytes(seed.read_bytes())
    checkout_seed.write_bytes((SEEDS / checkout_seed.name).read_bytes())
    monkeypatch.setattr(cli, "seeds_dir", lambda: bundled)
    before = checkout_seed.read_bytes()
    refused(run("--output", "seeds/000_f5904467cc181a5d.txt"), checkout_seed, before)


def test_the_real_checkouts_seeds_are_refused_as_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    for seed in sorted(SEEDS.glob("*.txt")):
        with pytest.raises(InputError, match="not a briefing"):
            check_output(os.path.relpath(seed, ROOT))  # the guard alone: nothing is written here


def _pile(in_tmp: Path) -> Path:
    pile = in_tmp / "pile"
    pile.mkdir()
    for prefix, texts in (("fire", WILDFIRE), ("vote", ELECTION)):
        for number, text in enumerate(texts):
            (pile / f"{prefix}{number}.txt").write_text(text, encoding="utf-8")
    return pile


@pytest.mark.parametrize("blocker", ["story-1.md", "index.md", "index.json"])
def test_output_dir_contents_that_are_not_briefings_stop_the_run_before_any_write(in_tmp, blocker):
    pile = _pile(in_tmp)
    out = in_tmp / "out"
    out.mkdir()
    (out / blocker).write_text(NOTES, encoding="utf-8")
    result = run(pile, "--stories", "--output-dir", out)
    refused(result, out / blocker, NOTES.encode())
    assert sorted(p.name for p in out.iterdir()) == [blocker]  # nothing else written
    forced = run(pile, "--stories", "--output-dir", out, "--force")
    assert forced.exit_code == 0, forced.output
    assert is_briefing((out / blocker).read_text(encoding="utf-8"))


def test_output_dir_of_an_earlier_run_is_rewritten(in_tmp):
    pile = _pile(in_tmp)
    assert run(pile, "--stories", "--output-dir", "out").exit_code == 0
    index = json.loads((in_tmp / "out" / "index.json").read_text(encoding="utf-8"))
    assert index["generator"] == "summarize" and len(index["stories"]) == 2
    again = run(pile, "--stories", "--output-dir", "out", "--format", "json")
    assert again.exit_code == 0, again.output


def test_batch_output_file_of_an_earlier_run_is_replaced_and_other_files_are_not(in_tmp):
    stories = in_tmp / "stories.jsonl"
    stories.write_text("".join(json.dumps({"id": f"s{i}", "docs": [{"id": "a", "text": t} for t in texts]}) + "\n"
                               for i, texts in enumerate((WILDFIRE, ELECTION))), encoding="utf-8")
    assert run("--batch", stories, "--output", "all.jsonl", "--jobs", "1").exit_code == 0
    again = run("--batch", stories, "--output", "all.jsonl", "--jobs", "1")
    assert again.exit_code == 0, again.output
    (in_tmp / "mine.jsonl").write_text('{"id": "x", "docs": []}\n', encoding="utf-8")
    refused(run("--batch", stories, "--output", "mine.jsonl", "--jobs", "1"), in_tmp / "mine.jsonl",
            b'{"id": "x", "docs": []}\n')


def test_an_index_json_of_a_version_before_the_generator_key_is_replaced(in_tmp):
    pile = _pile(in_tmp)
    out = in_tmp / "out"
    out.mkdir()
    (out / "index.json").write_text(json.dumps({"stories": [{"id": "story-1", "title": "Old", "sources": ["a.txt"],
                                                             "briefing": "story-1.md"}]}, indent=2) + "\n")
    result = run(pile, "--stories", "--output-dir", out)
    assert result.exit_code == 0, result.output
    assert json.loads((out / "index.json").read_text(encoding="utf-8"))["generator"] == "summarize"
