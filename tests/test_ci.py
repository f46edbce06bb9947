"""CI runs the README's test command with Chromium installed, and a browser test that cannot run fails
there; on a machine without Chromium those tests skip and say why."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.helpers import ROOT


def test_ci_installs_chromium_then_runs_the_readmes_test_command_unchanged():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [command] = re.findall(r"Install and run the tests.*?```sh\n(.*?)\n```", readme, re.DOTALL)
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.rstrip().endswith("\n" + command)  # the last thing it does, exactly as the README says
    assert "apt-get install -y -q chromium" in script and "export CI=true" in script
    assert subprocess.run(["bash", "-n", str(ROOT / ".ci" / "run")]).returncode == 0
    assert os.access(ROOT / ".ci" / "run", os.X_OK)


def browser_tests_without_chromium(tmp_path, **env):
    """The browser tests run where no Chromium is on the PATH."""
    environment = {k: v for k, v in os.environ.items() if k != "CI"}
    environment.update(PATH=str(tmp_path), PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1", **env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "-k", "in_chromium",
         "tests/output/test_render_html.py"], cwd=ROOT, env=environment, capture_output=True, text=True)


def test_without_chromium_the_browser_tests_skip_and_say_why(tmp_path):
    done = browser_tests_without_chromium(tmp_path)
    assert done.returncode == 0, done.stdout
    assert re.search(r"\d+ skipped", done.stdout) and "Chromium is not installed" in done.stdout


def test_in_ci_without_chromium_the_browser_tests_fail(tmp_path):
    done = browser_tests_without_chromium(tmp_path, CI="true")
    assert done.returncode == 1, done.stdout
    assert "in CI the browser tests must run, not skip" in done.stdout and "skipped" not in done.stdout
