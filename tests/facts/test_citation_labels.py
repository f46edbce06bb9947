"""The citation labels in benchmarks/labels hold references only, and rebuild.py puts the text back."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

LABELS = Path(__file__).resolve().parents[2] / "benchmarks" / "labels"
KEYS = {"set", "cluster", "quote_doc", "quote_doc_id", "quote_start", "quote_end", "quote_sha1", "source_doc",
        "source_doc_id", "label", "evidence"}


def rebuild_module():
    spec = importlib.util.spec_from_file_location("rebuild", LABELS / "rebuild.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_label_files_hold_references_and_no_article_text():
    files = sorted(LABELS.glob("citations-*.jsonl"))
    assert len(files) == 3
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            label = json.loads(line)
            assert set(label) == KEYS
            assert label["label"] in ("reports", "differs", "no")
            assert all(len(v) <= 16 for v in label.values() if isinstance(v, str))  # ids and hashes only


def story(tmp_path: Path) -> tuple[Path, dict]:
    docs = [{"id": "A1", "text": "Fire hit Brenton. Two died."}, {"id": "B2", "text": "Two people died in Brenton."}]
    (tmp_path / "duc2001_100.jsonl").write_text(json.dumps({"id": "x01", "docs": docs}) + "\n", encoding="utf-8")
    quote = docs[0]["text"][18:27]
    label = {"set": "duc2001", "cluster": "x01", "quote_doc": 0, "quote_doc_id": "A1", "quote_start": 18,
             "quote_end": 27, "quote_sha1": hashlib.sha1(quote.encode()).hexdigest()[:10], "source_doc": 1,
             "source_doc_id": "B2", "label": "reports", "evidence": [[0, 27]]}
    return tmp_path, label


def test_rebuild_puts_the_quote_and_the_evidence_back(tmp_path):
    rebuild = rebuild_module()
    eval_dir, label = story(tmp_path)
    [pair] = rebuild.rebuild([label], eval_dir)
    assert pair["quote"] == "Two died."
    assert pair["evidence_text"] == ["Two people died in Brenton."]


def test_rebuild_refuses_a_quote_whose_text_changed(tmp_path):
    rebuild = rebuild_module()
    eval_dir, label = story(tmp_path)
    with pytest.raises(ValueError, match="SHA-1"):
        rebuild.rebuild([{**label, "quote_start": 17}], eval_dir)


def test_rebuild_says_where_the_missing_data_belongs(tmp_path):
    rebuild = rebuild_module()
    _, label = story(tmp_path)
    with pytest.raises(rebuild.DataMissing, match="duc2001_100.jsonl"):
        rebuild.rebuild([label], tmp_path / "nowhere")


def test_rebuild_puts_each_disagreement_value_sentence_back(tmp_path):
    rebuild = rebuild_module()
    docs = [{"id": "AP900101-0001", "text": "A storm hit Brenton. Two people died."},
            {"id": "AP900102-0002", "text": "Three people died in Brenton, police said."}]
    (tmp_path / "duc2002_100.jsonl").write_text(json.dumps({"id": "x02", "docs": docs}) + "\n", encoding="utf-8")
    row = {"set": "duc2002", "cluster": "x02", "split": "made-up", "disagreements": [
        {"what": "people killed", "kind": "update", "words": ["died"], "values": [
            {"value": "Two", "docs": [0], "doc_ids": ["AP900101-0001"], "spans": [[21, 37]]},
            {"value": "Three", "docs": [1], "doc_ids": ["AP900102-0002"], "spans": [[0, 42]]}]}]}
    [rebuilt] = rebuild.rebuild_disagreements([row], tmp_path)
    texts = [v["texts"] for v in rebuilt["disagreements"][0]["values"]]
    assert texts == [["Two people died."], ["Three people died in Brenton, police said."]]
    moved = {**row, "disagreements": [{**row["disagreements"][0], "values": [
        {**row["disagreements"][0]["values"][0], "doc_ids": ["AP900102-0002"]}]}]}
    with pytest.raises(ValueError, match="is not AP900102-0002"):
        rebuild.rebuild_disagreements([moved], tmp_path)


@pytest.mark.parametrize("name, clusters, counts", [
    ("disagreements-fresh2.jsonl", 10, (42, 23)),
    ("disagreements-fresh3.jsonl", 12, (10, 8)),
])
def test_the_disagreement_label_files_are_read_with_their_kinds(name, clusters, counts):
    rebuild = rebuild_module()
    rows = rebuild.read_disagreements(name)
    assert len(rows) == clusters and {row["set"] for row in rows} == {"duc2002"}
    kinds = [d["kind"] for row in rows for d in row["disagreements"]]
    assert (kinds.count("disagreement"), kinds.count("update")) == counts
