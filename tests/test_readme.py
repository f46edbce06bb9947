"""Every shell example of the README's Use section that needs no network, run as written by bash.

The examples run in a folder holding the files they name (small articles written here; the text
files without a final newline, as editors often leave them), with `summarize` on the PATH running
this checkout and HOME in the folder (for --install-completion).  An example the folder has no file
for fails: a new example needs its files here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.invented_stories import ELECTION, MATCH, WILDFIRE


def use_examples() -> list[str]:
    """The command lines of the first `sh` block under "## Use", comments removed."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## Use\n"):]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    lines = [re.sub(r"\s+#\s.*$", "", line).strip() for line in block.splitlines()]
    return [line for line in lines if line]


EXAMPLES = use_examples()
GERMAN = [
    "Der Stadtrat von Lindenau hat am Dienstag beschlossen, die alte Brücke über den Fluss im Sommer zu "
    "sanieren. Die Arbeiten sollen drei Monate dauern und werden etwa vier Millionen Euro kosten.",
    "Die Brücke über den Fluss in Lindenau wird im Sommer für drei Monate gesperrt, teilte die Stadt mit. "
    "Der Stadtrat hatte die Sanierung am Dienstag beschlossen; Pendler sollen auf Busse umsteigen.",
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """The files the examples name, and a `summarize` that runs this checkout."""
    here = tmp_path_factory.mktemp("readme")
    texts = {"a.txt": WILDFIRE[0], "b.txt": WILDFIRE[1], "extra.txt": WILDFIRE[2], "article.txt": WILDFIRE[0],
             "local.txt": WILDFIRE[2],
             "b.html": f"<!DOCTYPE html><html><head><title>Alder Ridge fire</title></head><body><article>"
                       f"<p>{WILDFIRE[1]}</p></article></body></html>"}
    for name, text in texts.items():
        (here / name).write_text(text, encoding="utf-8")  # no final newline
    for folder_name, articles in (("reports", WILDFIRE), ("artikel", GERMAN), ("pile", WILDFIRE + ELECTION)):
        (here / folder_name).mkdir()
        for number, text in enumerate(articles):
            (here / folder_name / f"{number}.txt").write_text(text, encoding="utf-8")
    (here / "my-settings.yaml").write_text("select:\n  max_words: 80\n", encoding="utf-8")
    (here / "articles.jsonl").write_text("".join(json.dumps({"name": f"feed-{i}", "text": t, "date": "2025-06-0%d" % (i + 1),
                                                        "url": "ignored"}) + "\n"
                                            for i, t in enumerate(WILDFIRE)), encoding="utf-8")
    (here / "stories.jsonl").write_text("".join(
        json.dumps({"id": name, "docs": [{"id": f"{name}-{i}", "text": t} for i, t in enumerate(texts)]}) + "\n"
        for name, texts in (("fire", WILDFIRE), ("vote", ELECTION), ("cup", MATCH))), encoding="utf-8")
    bin_dir = here / "bin"
    bin_dir.mkdir()
    script = bin_dir / "summarize"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m summarizer "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    (here / "home").mkdir()
    return here


def needs(example: str) -> list[str]:
    return [tool for tool in ("jq",) if re.search(rf"(^|\|\s*){tool}\b", example)]


@pytest.mark.parametrize("example", [e for e in EXAMPLES if "://" not in e])  # web addresses need the network
def test_readme_use_example_runs_as_written(folder, example):
    missing = [tool for tool in needs(example) if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)}")
    env = {**os.environ, "PATH": f"{folder / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
           "PYTHONPATH": str(ROOT), "HOME": str(folder / "home"), "SHELL": "/bin/bash"}
    result = subprocess.run(["bash", "-o", "pipefail", "-c", example], cwd=folder, env=env, capture_output=True,
                            text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "error:" not in result.stderr, result.stderr
    if "<(echo ---)" in example:  # articles without a final newline, split by --- all the same
        files = re.findall(r"\b\w+\.txt\b", example)
        briefing = (folder / "briefing.md").read_text(encoding="utf-8")
        assert f"A briefing from {len(files)} sources" in briefing


def test_the_use_section_was_found():
    assert len(EXAMPLES) >= 10 and any("<(echo ---)" in e for e in EXAMPLES)
