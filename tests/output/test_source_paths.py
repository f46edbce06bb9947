"""Where each format says a source came from: the HTML page (meant to travel) shows no local folder
unless ``output.show_paths`` asks for it; Markdown shows the path as given (the bundled sample
articles as ``seeds/<name>``); JSON keeps the path a tool needs to open the file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.ingest.formats import seeds_dir
from summarizer.models import Source
from summarizer.output.text import shown_path

REPORTS = {
    "harbour.txt": "Footbridge Collapses Over Canal\n\nA footbridge over the Millbrook canal collapsed on Saturday "
                   "morning, injuring 12 people who were crossing it to the market. Divers searched the canal "
                   "until the afternoon.",
    "valley.txt": "A footbridge over the Millbrook canal collapsed on Saturday morning, injuring 12 people on "
                  "their way to the market. The mayor ordered an inspection of every canal bridge in the city.",
}


def run(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--output", "-", "--quiet"])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def absolute_folder(tmp_path, monkeypatch):
    """The reports in /<tmp>/home/dana/cases/inquiry, run from another folder."""
    folder = tmp_path / "home" / "dana" / "cases" / "inquiry"
    folder.mkdir(parents=True)
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    elsewhere = tmp_path / "work"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return folder


def test_html_from_absolute_inputs_names_files_and_titles_but_no_folder(absolute_folder):
    page = run(str(absolute_folder), "--format", "html")
    assert "dana" not in page and "cases" not in page and str(absolute_folder.parent.parent) not in page
    assert ">harbour.txt</span> — Footbridge Collapses Over Canal" in page
    assert ">valley.txt</span>" in page


def test_html_shows_the_paths_when_asked(absolute_folder):
    page = run(str(absolute_folder), "--format", "html", "--set", "output.show_paths=true")
    assert f"({absolute_folder / 'harbour.txt'})" in page


def test_markdown_and_json_keep_the_path_as_given(absolute_folder, tmp_path):
    markdown = run(str(absolute_folder), "--format", "markdown")
    assert f"1. `{absolute_folder / 'harbour.txt'}` — Footbridge Collapses Over Canal" in markdown
    assert f"2. `{absolute_folder / 'valley.txt'}`" in markdown
    relative = run(os.path.relpath(absolute_folder), "--format", "markdown")  # as given: relative stays so
    assert f"1. `{os.path.relpath(absolute_folder / 'harbour.txt')}`" in relative
    document = json.loads(run(str(absolute_folder), "--format", "json"))
    assert [(s["name"], s["path"]) for s in document["sources"]] == [
        (name, str(absolute_folder / name)) for name in sorted(REPORTS)]
    assert all(Path(s["path"]).read_text(encoding="utf-8") == REPORTS[s["name"]] for s in document["sources"])


def test_with_no_inputs_the_sample_articles_show_no_install_location(in_tmp):
    seeds = sorted(p.name for p in seeds_dir().glob("*.txt"))
    installed = [str(seeds_dir()), os.path.realpath(seeds_dir())]
    page = run("--format", "html")
    assert not any(place in page for place in installed)
    assert all(f">{name}</span>" in page for name in seeds)
    markdown = run()
    assert not any(place in markdown for place in installed)
    assert [line.split("`")[1] for line in markdown.splitlines() if line[:2] in {f"{n}." for n in range(1, 6)}] \
        == [f"seeds/{name}" for name in seeds]
    with_paths = run("--format", "html", "--set", "output.show_paths=true")
    assert f"(seeds/{seeds[0]})" in with_paths and not any(place in with_paths for place in installed)
    document = json.loads(run("--format", "json"))  # a tool can still open them
    assert [os.path.realpath(s["path"]) for s in document["sources"]] == [
        os.path.realpath(seeds_dir() / name) for name in seeds]


@pytest.mark.parametrize("name, path, shown", [
    ("a.txt", "a.txt", ""),  # named as it is
    ("<stdin>", "-", ""),
    ("example.com/news/flood", "https://example.com/news/flood", ""),  # the page's name is its address
    ("a.txt", "in/a.txt", "in/a.txt"),
    ("a.txt", "/home/dana/in/a.txt", "/home/dana/in/a.txt"),
    ("a\x1b.txt", "in/a\x1b.txt", "in/a\\x1b.txt"),  # shown, never acted on
])
def test_shown_path(name, path, shown):
    assert shown_path(Source(name, path, "text")) == shown


def test_a_seed_reached_by_another_path_is_still_shown_as_seeds(tmp_path):
    name = sorted(p.name for p in seeds_dir().glob("*.txt"))[0]
    link = tmp_path / "linked"
    link.symlink_to(seeds_dir(), target_is_directory=True)
    assert shown_path(Source(name, str(link / name), "text")) == f"seeds/{name}"
    copy = tmp_path / name  # a copy elsewhere is the user's own file
    copy.write_text((seeds_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert shown_path(Source(name, str(copy), "text")) == str(copy)


def test_an_update_names_its_earlier_briefing_without_its_folder_on_the_page(absolute_folder):
    earlier = absolute_folder.parent / "earlier.json"
    earlier.write_text(run(str(absolute_folder / "harbour.txt"), "--format", "json"), encoding="utf-8")
    update = [str(absolute_folder / "valley.txt"), "--since", str(earlier)]
    page = run(*update, "--format", "html")
    assert "earlier.json" in page and "dana" not in page
    assert f"({earlier}" in run(*update, "--format", "html", "--set", "output.show_paths=true")
    assert f"({earlier}" in run(*update, "--format", "markdown")  # the path as given, for the user
