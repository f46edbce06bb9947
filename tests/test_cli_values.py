"""The command line's plain values are read as Typer's pydantic check reads them, without pydantic."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _parse(*args):
    """The parameters' values after Typer's parsing, with the plain-value reader and without it."""
    import typer.main

    from summarizer.cli import app
    from summarizer.cli_values import read_plain_values

    values = []
    for plain in (True, False):
        command = typer.main.get_command(app)
        if plain:
            read_plain_values(command)
        with command.make_context("summarize", list(args), resilient_parsing=False) as ctx:
            values.append(dict(ctx.params))
    return values


@pytest.mark.parametrize("args", [
    (),
    ("a.txt", "b/", "--algo", "lexrank", "--max-words", "80", "-n", "0", "--jobs", "-2"),
    ("--set", "select.diversity=0.5", "-s", "rank.algo=textrank", "--title", "Storm", "--output", "-"),
    ("--config", "settings.yaml", "--output-dir", "out", "--max-words", "1000000"),
])
def test_plain_values_are_typers_values(args):
    plain, typers = _parse(*args)
    assert plain == typers
    assert [type(v) for v in plain.values()] == [type(v) for v in typers.values()]


def test_a_value_that_is_not_plain_gets_typers_own_message():
    import typer.main

    from summarizer.cli import app
    from summarizer.cli_values import read_plain_values

    messages = []
    for plain in (True, False):
        command = typer.main.get_command(app)
        if plain:
            read_plain_values(command)
        with pytest.raises(Exception) as error:
            command.make_context("summarize", ["--max-words", "12.5"])
        messages.append(error.value.format_message())
    assert messages[0] == messages[1] and "valid integer" in messages[0]


def test_a_briefing_does_not_load_pydantic(tmp_path):
    (tmp_path / "a.txt").write_text("Rebels captured the city of Hama on Thursday, the army said. "
                                    "Thousands of people fled south toward the capital overnight.\n",
                                    encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    code = ("import sys\nfrom summarizer.cli import run\ntry:\n    run()\nfinally:\n"
            "    print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code, "a.txt", "-q", "--max-words", "40", "--output", "-"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Hama" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "[]"
