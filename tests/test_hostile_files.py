"""Files a user hands the tool by mistake: each gives one line naming the file, a non-zero exit,
no briefing half-written, never a traceback or a hang (docs/edges.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.ingest.decoding import decode

STORY = ("The city council approved a new budget for public libraries on Tuesday evening after a long debate. "
         "The plan adds weekend opening hours at five branches and hires twelve more librarians, officials said.\n")


def run(*args: str, stdin: bytes = b"") -> tuple[int, list[str]]:
    result = CliRunner().invoke(app, [*args, "--output", "out.md"], input=stdin)
    return result.exit_code, result.output.strip().splitlines()


def refused(args: list[str], named: str, problem: str, stdin: bytes = b"", tmp=None) -> None:
    code, lines = run(*args, stdin=stdin)
    assert code != 0
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"summarize: error: {named}: ") and problem in lines[0], lines
    assert not os.path.exists("out.md")


def briefings_folder(tmp_path):
    folder = tmp_path / "briefings"
    folder.mkdir()
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    for fmt, name in (("markdown", "a.md"), ("html", "b.html")):
        code, _ = run(str(tmp_path / "story.txt"), "--format", fmt)
        assert code == 0
        os.replace("out.md", folder / name)
    return folder


@pytest.mark.usefixtures("in_tmp")
def test_files_given_by_mistake(tmp_path):
    (tmp_path / "empty").mkdir()
    refused(["empty"], "empty", "no readable .txt, .md or .html files in folder")
    (tmp_path / "zero.txt").write_bytes(b"")
    refused(["zero.txt"], "zero.txt", "empty file")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\n")
    refused(["blank.txt"], "blank.txt", "empty file")
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 40)
    refused(["photo.txt"], "photo.txt", "binary file, not text")
    (tmp_path / "word.txt").write_text("a" * 2_000_000, encoding="utf-8")  # one huge line, no sentence
    refused(["word.txt"], "word.txt", "no sentences of article text found")


@pytest.mark.usefixtures("in_tmp")
def test_a_folder_of_briefings_says_why_in_one_line(tmp_path):
    folder = briefings_folder(tmp_path)
    refused([str(folder)], str(folder), "no readable .txt, .md or .html files in folder; skipped 2 files: a.md (a briefing written by "
                                        "summarize, not an article); b.html (a briefing")
    refused([str(folder / "a.md")], str(folder / "a.md"), "a briefing written by summarize, not an article")
    # on standard input, whole: a Markdown briefing's own "---" lines do not split it into articles
    markdown = (folder / "a.md").read_bytes()
    assert b"\n---\n" in markdown
    refused(["-"], "<stdin>", "a briefing written by summarize, not an article", stdin=markdown)


@pytest.mark.usefixtures("in_tmp")
def test_standard_input_given_nothing_or_binary():
    refused(["-"], "<stdin>", "empty file", stdin=b"")
    refused(["-"], "<stdin>", "binary file, not text", stdin=bytes(range(256)) * 40)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_unicode_without_a_byte_order_mark_is_read(encoding):
    text, found = decode(STORY.encode(encoding), "story.txt")
    assert text == STORY and found == encoding


def test_binary_data_with_zero_bytes_is_still_binary():
    from summarizer.errors import InputError

    for data in (b"\x00" * 4000, bytes(range(256)) * 16, b"PK\x03\x04" + b"\x00\x01" * 500):
        with pytest.raises(InputError, match="binary file"):
            decode(data, "x.txt")


def test_a_real_process_prints_no_traceback(tmp_path):
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 40)
    result = subprocess.run([sys.executable, "-m", "summarizer", str(tmp_path / "photo.txt"), "--output",
                             str(tmp_path / "out.md")], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "out.md").exists()
