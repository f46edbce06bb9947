"""The disagreements benchmark on a made-up cluster: what counts as found, missed, a false alarm
or an update listed as a disagreement."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "disagreements.py"

sys.path.insert(0, str(SCRIPT.parent))  # the script's sibling module (duc.py), as running it finds it
_spec = importlib.util.spec_from_file_location("disagreements_benchmark", SCRIPT)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

CLUSTER = {"id": "flood1", "docs": [
    {"id": "AP240301-0001", "text": "The flood killed 15 people in the valley, officials said.\n\n"
                                    "Rennick, a city of 300,000, was spared."},
    {"id": "AP240301-0002", "text": "The flood killed 14 people in the valley, the governor said.\n\n"
                                    "The river is 40 km long."},
    {"id": "FT924-0003", "text": "Rescuers searched the valley on Friday.\n\n"
                                 "The ash threatens the 350,000 residents of Rennick City."},
]}


def _write(tmp_path: Path, disagreements: list[dict]) -> tuple[Path, Path]:
    data = tmp_path / "clusters.jsonl"
    data.write_text(json.dumps(CLUSTER) + "\n", encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps({"set": "made-up", "cluster": "flood1", "split": "held-out",
                                  "disagreements": disagreements}) + "\n", encoding="utf-8")
    return labels, data


def _label(what, words, *values, kind="disagreement"):
    return {"what": what, "words": words, "kind": kind,
            "values": [{"value": v, "docs": d} for v, d in values]}


def test_found_missed_and_false_alarms_are_counted(tmp_path):
    labels, data = _write(tmp_path, [
        _label("people killed", ["killed"], ("15", ["AP240301-0001"]), ("14", ["AP240301-0002"])),
        _label("length of the river", ["length"], ("40 km", ["AP240301-0002"]), ("45 km", ["FT924-0003"])),
    ])
    rows = bench.read_jsonl(labels)
    found = bench.reports(rows, [data])
    topics = sorted(r["topic"] for r in found["flood1"])
    assert topics == ["people killed", "population of Rennick"]
    totals = bench.score(rows, found, show=False)["held-out"]
    assert (totals["labelled"], totals["found"], totals["reports"]) == (2, 1, 2)
    assert totals["false alarms"] == 1  # the population, which the label does not list
    assert totals["updates reported"] == 0


def test_a_report_of_an_update_is_counted_apart(tmp_path):
    labels, data = _write(tmp_path, [
        _label("people killed", ["killed"], ("15", ["AP240301-0001"]), ("14", ["AP240301-0002"]), kind="update"),
        _label("population of Rennick", ["population"], ("300,000", ["AP240301-0001"]), ("350,000", ["FT924-0003"])),
    ])
    rows = bench.read_jsonl(labels)
    totals = bench.score(rows, bench.reports(rows, [data]), show=False)["held-out"]
    assert (totals["labelled"], totals["found"], totals["false alarms"], totals["updates reported"]) == (1, 1, 0, 1)


def test_labels_naming_documents_by_index_and_id_are_read(tmp_path):
    """The fresh label files name a value's documents by index ("docs") and id ("doc_ids")."""
    labels, data = _write(tmp_path, [{"what": "people killed", "words": ["killed"], "kind": "disagreement",
                                      "values": [{"value": "15", "docs": [0], "doc_ids": ["AP240301-0001"]},
                                                 {"value": "14", "docs": [1], "doc_ids": ["AP240301-0002"]}]}])
    rows = bench.with_doc_ids(bench.read_jsonl(labels))
    assert rows[0]["disagreements"][0]["values"][0]["docs"] == ["AP240301-0001"]
    totals = bench.score(rows, bench.reports(rows, [data]), show=False)["held-out"]
    assert (totals["labelled"], totals["found"]) == (1, 1)


def test_only_the_splits_asked_for_are_scored(tmp_path):
    labels, data = _write(tmp_path, [
        _label("people killed", ["killed"], ("15", ["AP240301-0001"]), ("14", ["AP240301-0002"])),
    ])
    done = subprocess.run([sys.executable, str(SCRIPT), str(labels), "--data", str(data), "--split", "tune"],
                          capture_output=True, text=True)
    assert done.returncode != 0
    assert done.stderr.strip() == "no labelled cluster in split tune"
    done = subprocess.run([sys.executable, str(SCRIPT), str(labels), "--data", str(data), "--split", "held-out"],
                          capture_output=True, text=True, check=True)
    assert "held-out (1 clusters, 1 labelled disagreements)" in done.stdout


@pytest.mark.parametrize("name, clusters, splits", [
    ("disagreements-fresh.jsonl", 15, {"fresh-tune", "fresh-held-out"}),
    ("disagreements-fresh2.jsonl", 10, {"fresh2-held-out"}),
    ("disagreements-fresh3.jsonl", 12, {"fresh3-held-out"}),
])
def test_the_label_files_in_the_repository_hold_references_only(name, clusters, splits):
    """ids, offsets, short values and topic words: no sentence of an article."""
    path = ROOT / "benchmarks" / "labels" / name
    rows = bench.read_jsonl(path)
    assert len(rows) == clusters
    assert {r["split"] for r in rows} == splits
    for row in rows:
        assert set(row) <= {"set", "cluster", "split", "disagreements"}
        for d in row["disagreements"]:
            assert set(d) == {"what", "kind", "words", "values"}
            assert d["kind"] in ("disagreement", "update")
            assert len(d["what"]) <= 100 and all(len(w) <= 30 for w in d["words"])
            assert len(d["values"]) >= 2
            for value in d["values"]:
                assert set(value) <= {"value", "docs", "doc_ids", "spans"}
                assert len(value["value"]) <= 30
                assert len(value["docs"]) == len(value["doc_ids"]) == len(value["spans"])
                assert all(isinstance(i, int) for i in value["docs"])
                assert all(0 <= start < end for start, end in value["spans"])


def test_a_split_alone_finds_its_label_file():
    """--split with no label file reads every disagreements-*.jsonl; without --split, the default file."""
    labels_dir = ROOT / "benchmarks" / "labels"
    assert bench.label_files([], None) == [labels_dir / "disagreements-fresh.jsonl"]
    found = bench.label_files([], ["fresh2-held-out"])
    assert labels_dir / "disagreements-fresh2.jsonl" in found and labels_dir / "disagreements-fresh.jsonl" in found
    named = [Path("mine.jsonl")]
    assert bench.label_files(named, ["fresh2-held-out"]) == named
    rows = [r for path in found for r in bench.read_jsonl(path) if r["split"] == "fresh-held-out"]
    assert sorted(r["cluster"] for r in rows) == ["d34f", "d39g", "d43h", "d45h", "d53i", "d56k", "d59k"]


def test_a_label_matches_only_with_its_numbers():
    report = {"topic": "people injured", "claims": [{"value": "five", "docs": ["a"]}, {"value": "19", "docs": ["b"]}]}
    same = _label("injured", ["injured"], ("5", ["a"]), ("19", ["b"]))
    other = _label("injured elsewhere", ["injured"], ("305", ["a"]), ("463", ["b"]))
    assert bench.matches(report, same)
    assert not bench.matches(report, other)


def test_duc_ids_date_their_documents():
    from duc import doc_date

    assert doc_date("AP880911-0016") == "1988-09-11"
    assert doc_date("LA010189-0001") == "1989-01-01"
    assert doc_date("FT923-5089") is None


def test_a_missing_label_file_is_one_line(tmp_path):
    missing = tmp_path / "nope.jsonl"
    done = subprocess.run([sys.executable, str(SCRIPT), str(missing)], capture_output=True, text=True)
    assert done.returncode != 0
    assert done.stderr.strip() == f"{missing}: no label file (build one as the module docstring says)"


def test_several_label_files_and_any_split_are_scored(tmp_path):
    labels, data = _write(tmp_path, [
        _label("people killed", ["killed"], ("15", ["AP240301-0001"]), ("14", ["AP240301-0002"])),
    ])
    fresh = tmp_path / "fresh.jsonl"
    fresh.write_text(json.dumps({"set": "made-up", "cluster": "flood1", "split": "fresh", "disagreements": [
        _label("population of Rennick", ["population"], ("300,000", ["AP240301-0001"]), ("350,000", ["FT924-0003"])),
        _label("length of the river", ["length"], ("40 km", ["AP240301-0002"]), ("45 km", ["FT924-0003"])),
    ]}) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCRIPT), str(labels), str(fresh), "--data", str(data)],
                          capture_output=True, text=True, check=True)
    sections: dict[str, dict[str, str]] = {}
    for line in done.stdout.splitlines()[1:]:
        if not line.startswith(" "):
            current = sections.setdefault(line, {})
        else:
            row, value = line.strip().rsplit(None, 1)
            current[row] = value
    # both files read, each split printed, in the order the labels first name them
    assert list(sections) == ["held-out (1 clusters, 1 labelled disagreements)",
                              "fresh (1 clusters, 2 labelled disagreements)"]
    held_out, fresh_part = sections.values()
    assert (held_out["found"], held_out["reports"], held_out["false alarms"]) == ("1", "2", "1")  # the population
    assert (fresh_part["found"], fresh_part["reports"], fresh_part["false alarms"]) == ("1", "2", "1")  # the deaths
