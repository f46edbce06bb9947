"""The `summarize` command, through Typer's runner and as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.ingest.formats import BRIEFING_MARKER
from summarizer.rank import ALGORITHMS

from tests.helpers import SEEDS, clean_text

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


pytestmark = pytest.mark.usefixtures("in_tmp")


def test_no_paths_summarizes_the_bundled_seeds_into_briefing_md(in_tmp):
    result = run()
    assert result.exit_code == 0, result.output
    text = (in_tmp / "briefing.md").read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert "## Sources" in text and "000_f5904467cc181a5d.txt" in text
    assert "Algorithm: centroid" in text


def test_paths_algo_budget_and_output(in_tmp):
    result = run(str(SEEDS), "--algo", "textrank", "--max-words", "150", "--output", "brief.md")
    assert result.exit_code == 0, result.output
    text = (in_tmp / "brief.md").read_text(encoding="utf-8")
    assert "Algorithm: textrank" in text and "Budget: 150 words" in text
    assert not (in_tmp / "briefing.md").exists()


def test_json_to_stdout_is_valid_and_verbatim():
    paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))[:2]]
    result = run(*paths, "--format", "json", "--output", "-")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["algorithm"] == "centroid"
    names = {s["name"] for s in document["sources"]}
    assert names == {Path(p).name for p in paths}
    texts = {s["name"]: Path(s["path"]).read_text(encoding="utf-8") for s in document["sources"]}
    for sentence in document["sentences"]:
        assert set(sentence["sources"]) <= names
        for citation in sentence["citations"]:
            source_text = texts[citation["source"]]
            assert clean_text(source_text[citation["start"]:citation["end"]]) == clean_text(citation["text"])
        assert any(clean_text(sentence["text"]) in clean_text(texts[n]) for n in sentence["sources"])


def test_json_default_output_name(in_tmp):
    assert run("--format", "json").exit_code == 0
    assert json.loads((in_tmp / "briefing.json").read_text(encoding="utf-8"))["sentences"]


def test_standard_input(in_tmp):
    article = (SEEDS / "001_cb9b399d491d194a.txt").read_text(encoding="utf-8")
    result = run("-", "--output", "-", "--max-words", "60", input=article)
    assert result.exit_code == 0, result.output
    assert "`<stdin>`" in result.stdout


@pytest.mark.parametrize("profile", ["default", "brief", "long"])
def test_profiles(in_tmp, profile):
    result = run("--profile", profile, "--format", "json", "--output", "-")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    import yaml
    settings = yaml.safe_load((Path(__file__).parent.parent / "configs" / f"{profile}.yaml").read_text())
    budget = settings.get("select", {})
    if budget.get("max_words"):
        assert document["words"] <= budget["max_words"]
    if budget.get("max_sentences"):
        assert len(document["sentences"]) <= budget["max_sentences"]


def test_flags_override_the_profile(in_tmp):
    result = run("--profile", "brief", "--max-sentences", "1", "--format", "json", "--output", "-")
    assert len(json.loads(result.stdout)["sentences"]) == 1


def test_config_file(in_tmp):
    (in_tmp / "mine.yaml").write_text("rank:\n  algo: textrank\nselect:\n  max_words: 50\n")
    result = run("--config", "mine.yaml", "--format", "json", "--output", "-")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["algorithm"] == "textrank" and document["words"] <= 50


@pytest.mark.parametrize("content, key", [
    ("select:\n  max_wrds: 50\n", "select.max_wrds"),
    ("select:\n  max_words: fifty\n", "select.max_words"),
    ("select:\n  max_words: true\n", "select.max_words"),
    ("select:\n  diversity: 3\n", "select.diversity"),
    ("neutrality:\n  policy: loud\n", "neutrality.policy"),
    ("rank:\n  lexrank:\n    damping: 2\n", "rank.lexrank.damping"),
    ("max_words: 50\n", "max_words"),
    ("- a\n- b\n", "config"),
    ("rank: [lexrank\n", "config"),
])
def test_bad_config_file_is_a_one_line_error_naming_the_key(in_tmp, content, key):
    (in_tmp / "bad.yaml").write_text(content)
    result = run("--config", "bad.yaml")
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1
    assert "bad.yaml" in message and key in message
    assert "Traceback" not in result.output
    assert not (in_tmp / "briefing.md").exists()


def test_unknown_algorithm_lists_the_valid_ones():
    result = run("--algo", "pagerank")
    assert result.exit_code == 2
    assert all(name in result.stderr for name in ALGORITHMS)


def test_unknown_profile_lists_the_profiles():
    result = run("--profile", "huge")
    assert result.exit_code == 2
    assert "brief" in result.stderr and "long" in result.stderr


def test_missing_file_is_a_one_line_error_and_nothing_is_written(in_tmp):
    result = run("nowhere.txt", "--output", "out.md")
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "nowhere.txt" in result.stderr
    assert not (in_tmp / "out.md").exists()


def test_failed_run_leaves_an_existing_output_untouched(in_tmp):
    previous = f"previous briefing\n\n{BRIEFING_MARKER}\n"
    (in_tmp / "out.md").write_text(previous)
    (in_tmp / "empty.txt").write_text("   \n")
    result = run("empty.txt", "--output", "out.md")
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    assert (in_tmp / "out.md").read_text() == previous
    assert [p.name for p in in_tmp.iterdir() if p.name.startswith(".out.md")] == []


def test_output_into_a_missing_folder_is_a_clear_error(in_tmp):
    result = run("--output", "no/such/dir/out.md")
    assert result.exit_code == 1
    assert "no/such/dir/out.md" in result.stderr


def test_list_algos_and_help():
    listed = run("--list-algos")
    assert listed.exit_code == 0
    assert all(name in listed.stdout for name in ALGORITHMS)
    helped = run("--help")
    assert helped.exit_code == 0
    for flag in ("--algo", "--profile", "--config", "--max-words", "--max-sentences", "--format", "--output"):
        assert flag in helped.stdout


def test_installed_command_runs_from_any_folder(in_tmp):
    """The console script (or the module) summarizes the bundled seeds from an unrelated folder."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    result = subprocess.run([sys.executable, "-c", "from summarizer.cli import run; run()", "-q"],
                            cwd=in_tmp, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (in_tmp / "briefing.md").read_text(encoding="utf-8").count("[") >= 3


def test_binary_file_is_refused_by_name(in_tmp):
    (in_tmp / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    result = run("photo.txt")
    assert result.exit_code == 1
    assert "photo.txt" in result.stderr and "binary" in result.stderr


def test_unreadable_file_in_a_folder_is_a_warning_not_fatal(in_tmp):
    folder = in_tmp / "news"
    folder.mkdir()
    (folder / "a.txt").write_text((SEEDS / "001_cb9b399d491d194a.txt").read_text(encoding="utf-8"))
    (folder / "b.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    result = run(str(folder), "--output", "out.md")
    assert result.exit_code == 0, result.output
    assert "b.txt" in result.stderr and "skipped" in result.stderr
    assert (in_tmp / "out.md").exists()


SPANISH_TEXT = ("El gobierno anunció el jueves un nuevo plan para reducir el precio de la vivienda en las grandes "
                "ciudades. La oposición criticó la medida y pidió que se debata en el parlamento antes de que entre "
                "en vigor, porque considera que no resuelve el problema de fondo de los alquileres.")


def test_language_is_detected_and_said_in_the_footer(in_tmp):
    (in_tmp / "es.txt").write_text(SPANISH_TEXT, encoding="utf-8")
    result = run("es.txt", "--output", "-")
    assert result.exit_code == 0
    assert "warning" not in result.stderr
    assert "Language: spanish." in result.stdout


def test_text_in_another_language_than_the_one_set_gets_a_warning(in_tmp):
    (in_tmp / "es.txt").write_text(SPANISH_TEXT, encoding="utf-8")
    result = run("es.txt", "--language", "english", "--output", "-")
    assert result.exit_code == 0
    assert "es.txt (spanish)" in result.stderr and "read as english" in result.stderr
    assert "Language:" not in result.stdout


def run_main(*args, cwd=None):
    """The console script as a user runs it: its own usage errors, exit codes, no Typer runner."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    return subprocess.run([sys.executable, "-m", "summarizer", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_version():
    result = run_main("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("summarize ")


def test_choices_are_case_insensitive_and_listed_in_help(in_tmp):
    result = run("--algo", "TextRank", "--neutrality", "Strict", "--output", "-", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["algorithm"] == "textrank"
    helped = run("--help").stdout
    assert "textrank" in helped and "strict" in helped and "balanced" in helped


@pytest.mark.parametrize("args, expected", [
    (["--max-word", "50"], "--max-words"),
    (["--algo", "lexrnk"], "'lexrank'"),
    (["--profile", "breif"], "'brief'"),
    (["--set", "select.max_word=50"], "did you mean `select.max_words`?"),
    (["--set", "max_word=50"], "`max_word`: unknown setting; did you mean `select.max_words`?"),
])
def test_misspellings_get_a_suggestion_in_the_tools_one_error_style(in_tmp, args, expected):
    result = run_main(*args, cwd=in_tmp)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("summarize: error: ")
    assert expected in lines[0]
    assert not (in_tmp / "briefing.md").exists()


def test_a_budget_too_small_for_any_sentence_says_the_smallest_that_works(in_tmp):
    result = run_main("--max-words", "3", cwd=in_tmp)
    assert result.returncode == 2
    assert "max_words" in result.stderr and "give at least" in result.stderr
    smallest = int(result.stderr.rsplit("give at least", 1)[1].split()[0])
    assert run_main("--max-words", str(smallest), "-q", cwd=in_tmp).returncode == 0
    assert (in_tmp / "briefing.md").exists()


def test_any_setting_can_be_given_with_set(in_tmp):
    result = run("--set", "rank.algo=coverage", "--set", "select.max_sentences=2", "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["algorithm"] == "coverage" and len(document["sentences"]) <= 2


@pytest.mark.parametrize("option, typed, expected", [
    ("--algo", "", list(ALGORITHMS)),
    ("--algo", "l", ["lexrank", "lsa", "luhn"]),
    ("--format", "", ["markdown", "json", "html"]),
    ("--neutrality", "", ["strict", "balanced", "off"]),
    ("--profile", "", ["brief", "default", "long"]),
    ("--language", "ger", ["german"]),
])
def test_tab_completion_offers_the_choices(option, typed, expected):
    """What bash's completion script asks the program for, with the option and the word typed so far."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent), "_SUMMARIZE_COMPLETE": "complete_bash",
           "COMP_WORDS": f"summarize {option} {typed}", "COMP_CWORD": "2"}
    result = subprocess.run([sys.executable, "-m", "summarizer"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == expected


def test_every_unknown_setting_given_on_the_command_line_is_named_in_one_message(in_tmp):
    result = run_main("--set", "max_word=3", "--set", "algoo=lexrank", "--set", "select.diversty=0.2", cwd=in_tmp)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "summarize: error: command line: 3 unknown settings: `max_word` (did you mean `select.max_words`?); "
        "`algoo` (did you mean `rank.algo`?); `select.diversty` (did you mean `select.diversity`?)")
