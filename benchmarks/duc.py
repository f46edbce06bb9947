"""What the benchmarks on the DUC dev sets share: where the sets are, each document's date, and
settings given as ``--set KEY=VALUE``.

The sets live in ../shared/eval beside the repository (or beside any folder above it, such as a
folder of worktrees); they are never copied into the repository.  ``EVAL`` is every benchmark's
default.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from labels.rebuild import ROOT, default_eval_dir

EVAL = default_eval_dir()
DEV_SETS = [EVAL / name for name in ("duc2002_100.jsonl", "duc2001_100.jsonl")]
_YYMMDD = re.compile(r"^(?:AP|APW|NYT|XIE|WSJ)(\d{2})(\d{2})(\d{2})-")
_MMDDYY = re.compile(r"^LA(\d{2})(\d{2})(\d{2})-")


def doc_date(doc_id: str) -> str | None:
    """The publication day a DUC document id holds (AP, APW, NYT, XIE, WSJ: YYMMDD; LA: MMDDYY),
    ISO, or None."""
    if m := _YYMMDD.match(doc_id):
        year, month, day = m.groups()
    elif m := _MMDDYY.match(doc_id):
        month, day, year = m.groups()
    else:
        return None
    try:
        return date(1900 + int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def dated_sources(docs: list[dict]) -> list:
    """A cluster's documents as sources, dated as a JSON input's ``date`` field would date them
    (summarizer is imported here: a benchmark may run it from another checkout's PYTHONPATH)."""
    from summarizer import Source

    return [Source(d["id"], d["id"], d["text"], date=doc_date(d["id"])) for d in docs]


def settings_from(pairs: list[str]) -> dict:
    """``--set KEY=VALUE`` options as settings (each value read as YAML)."""
    import yaml

    settings = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        settings[key.strip()] = yaml.safe_load(value)
    return settings
