"""Writing the briefing: never onto an input, a device, a FIFO, a folder or a read-only file; symlinks
written through; standard output errors reported; signals leave no temporary file behind."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import InputError
from summarizer.ingest.formats import BRIEFING_MARKER, is_briefing
from summarizer.output.files import write_output

OLDER = f"older briefing\n\n{BRIEFING_MARKER}\n"  # a briefing of an earlier run, which a run may replace

ROOT = Path(__file__).resolve().parents[2]
STORY_A = (
    "The harbour authority closed the northern pier on Monday after a crane collapsed onto a cargo ship. "
    "Two dock workers were taken to hospital with minor injuries, the authority said. "
    "Engineers will inspect the remaining cranes before the pier reopens next week.\n"
)
STORY_B = (
    "A crane collapsed onto a cargo ship at the northern pier on Monday, injuring two dock workers. "
    "The harbour authority said the pier would stay closed while engineers inspect the other cranes. "
    "Shipping companies were told to use the southern terminal in the meantime.\n"
)
runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


@pytest.fixture
def news(tmp_path, monkeypatch):
    """A folder of two articles, the working directory being tmp_path."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY_A, encoding="utf-8")
    (folder / "b.txt").write_text(STORY_B, encoding="utf-8")
    return folder


def one_line_error(result, *names):
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert "Traceback" not in result.output
    for name in names:
        assert name in message
    return message


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# --- where a briefing may go -------------------------------------------------------------------


def test_output_onto_an_input_file_is_refused_and_the_article_kept(news):
    result = run(str(news / "a.txt"), str(news / "b.txt"), "--output", str(news / "a.txt"))
    assert result.exit_code == 1
    assert "input" in one_line_error(result, "a.txt")
    assert (news / "a.txt").read_text(encoding="utf-8") == STORY_A


def test_output_onto_the_settings_file_is_refused(news, tmp_path):
    (tmp_path / "mine.yaml").write_text("select:\n  max_words: 50\n")
    result = run(str(news), "--config", "mine.yaml", "--output", "mine.yaml")
    assert result.exit_code == 1
    one_line_error(result, "mine.yaml")
    assert (tmp_path / "mine.yaml").read_text() == "select:\n  max_words: 50\n"


def test_output_onto_an_article_inside_an_input_folder_is_refused(news):
    result = run(str(news), "--output", str(news / "b.txt"))
    assert result.exit_code == 1
    one_line_error(result, "b.txt")
    assert (news / "b.txt").read_text(encoding="utf-8") == STORY_B


def test_output_onto_a_device_is_refused_and_the_device_kept(news, tmp_path):
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a second /dev/null
    except (PermissionError, OSError):
        pytest.skip("cannot make a device node here")
    result = run(str(news), "--output", str(device))
    assert result.exit_code == 1
    assert "device" in one_line_error(result, str(device))
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_output_onto_a_fifo_is_refused_without_blocking(news, tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = run(str(news), "--output", str(fifo))
    assert result.exit_code == 1
    assert "FIFO" in one_line_error(result, "pipe.md")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_output_onto_a_folder_is_refused(news, tmp_path):
    (tmp_path / "out").mkdir()
    result = run(str(news), "--output", "out")
    assert result.exit_code == 1
    assert "folder" in one_line_error(result, "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_trailing_slash_names_a_folder_and_never_makes_a_file(news, tmp_path):
    result = run(str(news), "--output", "newdir/")
    assert result.exit_code == 1
    assert "folder" in one_line_error(result, "newdir/")
    assert not (tmp_path / "newdir").exists()


def test_symlink_output_is_written_through_and_stays_a_symlink(news, tmp_path):
    (tmp_path / "real.md").write_text(OLDER)
    (tmp_path / "link.md").symlink_to("real.md")
    result = run(str(news), "--output", "link.md")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "link.md").is_symlink()
    assert is_briefing((tmp_path / "real.md").read_text(encoding="utf-8"))


def test_dangling_symlink_output_is_refused_not_replaced(news, tmp_path):
    (tmp_path / "link.md").symlink_to("missing.md")
    result = run(str(news), "--output", "link.md")
    assert result.exit_code == 1
    one_line_error(result, "link.md")
    assert (tmp_path / "link.md").is_symlink() and not (tmp_path / "missing.md").exists()


def test_read_only_output_is_refused_even_as_root(news, tmp_path):
    target = tmp_path / "kept.md"
    target.write_text("a briefing someone protected\n")
    target.chmod(0o444)
    result = run(str(news), "--output", "kept.md")
    assert result.exit_code == 1
    assert "read-only" in one_line_error(result, "kept.md")
    assert target.read_text() == "a briefing someone protected\n"


def test_replacing_a_briefing_keeps_its_permissions(news, tmp_path):
    target = tmp_path / "shared.md"
    target.write_text(OLDER)
    target.chmod(0o640)
    assert run(str(news), "--output", "shared.md").exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_a_bad_output_fails_before_any_work(news, monkeypatch):
    import summarizer.pipeline as pipeline

    def never(*args, **kwargs):
        raise AssertionError("summarized although the output was refused")

    monkeypatch.setattr(pipeline, "summarize", never)
    result = run(str(news), "--output", "newdir/")
    assert result.exit_code == 1


# --- own outputs are never read back -----------------------------------------------------------


@pytest.mark.parametrize("fmt, name", [("markdown", "briefing.md"), ("json", "briefing.txt"),
                                       ("html", "briefing.html")])
def test_second_run_over_a_folder_never_reads_its_own_briefing(news, fmt, name):
    first = run(str(news), "--format", fmt, "--output", str(news / name))
    assert first.exit_code == 0, first.output
    second = run(str(news), "--format", "json", "--output", "-")
    assert second.exit_code == 0, second.output
    document = json.loads(second.stdout)
    assert {s["name"] for s in document["sources"]} == {"a.txt", "b.txt"}
    assert name in second.stderr and "briefing" in second.stderr
    again = run(str(news), "--format", fmt, "--output", str(news / name))  # writing over it is fine
    assert again.exit_code == 0, again.output


@pytest.mark.parametrize("footer", ["<sub>Algorithm: lexrank. Budget: 120 words (used 20 words).</sub>",
                                    "*Algorithm: textrank. Budget: 80 words (used 20 words, 1 sentences).*"])
def test_a_briefing_from_before_the_marker_is_recognised_too(news, footer):
    old = f"# Crane collapse\n\n- {STORY_A.splitlines()[0]} [1]\n\n## Sources\n\n1. `a.txt`\n\n---\n\n{footer}\n"
    (news / "briefing.md").write_text(old, encoding="utf-8")
    result = run(str(news), "--format", "json", "--output", "-")
    assert {s["name"] for s in json.loads(result.stdout)["sources"]} == {"a.txt", "b.txt"}
    assert not is_briefing(old.replace("## Sources", "## Reading list"))


def test_markdown_briefing_ends_with_the_marker_and_quotes_cannot_forge_it(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(STORY_A.replace("Engineers", f"The note read {BRIEFING_MARKER} Engineers"), encoding="utf-8")
    assert not is_briefing(article.read_text(encoding="utf-8"))
    result = run(str(article), "--output", "-", "--max-words", "200")
    assert result.exit_code == 0
    assert result.stdout.rstrip().endswith(BRIEFING_MARKER)
    assert result.stdout.count(BRIEFING_MARKER) == 1


# --- standard output ---------------------------------------------------------------------------


def command(*args: str) -> list[str]:
    return [sys.executable, "-c", "from summarizer.cli import run; run()", *args]


def environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def test_full_standard_output_is_an_error(news):
    with open("/dev/full", "wb") as full:
        result = subprocess.run(command(str(news), "--output", "-"), stdout=full, stderr=subprocess.PIPE,
                                env=environment(), text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == ["summarize: error: standard output: cannot write: "
                                                  "No space left on device"]


def test_closed_standard_output_is_an_error(news):
    result = subprocess.run(command(str(news), "--output", "-"), stderr=subprocess.PIPE, env=environment(),
                            text=True, timeout=120, preexec_fn=lambda: os.close(1))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == ["summarize: error: standard output: is closed"]


def test_broken_pipe_is_an_error_not_a_silent_cut(news):
    process = subprocess.Popen(command(str(news), "--output", "-"), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=environment(), text=True)
    process.stdout.close()  # the reader is gone before the briefing is written
    error = process.stderr.read()
    assert process.wait(timeout=120) == 1
    assert error.strip().splitlines() == ["summarize: error: standard output: closed before the briefing was "
                                          "written (broken pipe)"]


def test_write_output_to_a_given_stream_and_its_errors():
    class Full:
        def write(self, data):
            raise OSError(28, "No space left on device")

        def flush(self):
            pass

    with pytest.raises(InputError, match="standard output: cannot write: No space left"):
        write_output("-", "text", stdout=Full())


# --- signals -----------------------------------------------------------------------------------


def pause_at(where: str) -> str:
    """A script running the CLI that says READY on stderr and sleeps at ``where``."""
    return textwrap.dedent(f"""
        import os, sys, time
        import summarizer.cli as cli
        import summarizer.pipeline as pipeline

        def pause(*args, **kwargs):
            sys.stderr.write("READY\\n"); sys.stderr.flush()
            time.sleep(60)

        if {where!r} == "writing":
            os.fsync = pause  # inside the write: the temporary file exists
        else:
            pipeline.summarize = pause
        cli.run()
    """)


@pytest.mark.parametrize("where, signum, code", [
    ("writing", signal.SIGINT, 130), ("writing", signal.SIGTERM, 143), ("summarizing", signal.SIGTERM, 143)])
def test_signals_exit_cleanly_leaving_the_older_output_and_no_temporary_file(news, tmp_path, where, signum, code):
    (tmp_path / "out.md").write_text(OLDER)
    # A shell's background job inherits SIGINT ignored; a user's Ctrl-C reaches a foreground run.
    process = subprocess.Popen([sys.executable, "-c", pause_at(where), str(news), "--output", "out.md"],
                               stderr=subprocess.PIPE, env=environment(), text=True, cwd=tmp_path,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert process.stderr.readline() == "READY\n"
    process.send_signal(signum)
    error = process.stderr.read()
    assert process.wait(timeout=60) == code
    assert len(error.strip().splitlines()) == 1 and "Traceback" not in error
    assert (tmp_path / "out.md").read_text() == OLDER
    assert leftovers(tmp_path) == []


def test_closed_standard_error_is_no_reason_to_fail(news, tmp_path):
    result = subprocess.run(command(str(news), "--output", "out.md"), env=environment(), timeout=120,
                            cwd=tmp_path, preexec_fn=lambda: os.close(2))
    assert result.returncode == 0
    assert is_briefing((tmp_path / "out.md").read_text(encoding="utf-8"))


def test_recognising_briefings_takes_linear_time():
    """A file of many "## Sources" lines and no footer: one search each, no backtracking."""
    assert not is_briefing("## Sources\n" * 1_000_000)
    assert is_briefing("## Sources\n" * 1000 + "*Algorithm: lexrank. Budget: 1 words.*\n")
