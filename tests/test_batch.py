"""Many stories at once: order, failures one story at a time, processes and Dask agree, the readers."""

from __future__ import annotations

import json
import multiprocessing
import os

import pytest
from tests.invented_stories import ELECTION, MATCH, WILDFIRE

from summarizer import Briefing, Config, InputError, Source, SummarizerError, render, summarize_many
from summarizer.batch import (file_name, index_entry, index_json, index_markdown, read_batch, read_jsonl,
                             read_story_folders, story_dates)
from summarizer.ingest.formats import is_briefing


def _story(story_id: str, texts: list[str]) -> tuple[str, list[Source]]:
    return story_id, [Source(f"{story_id}-{n}.txt", f"{story_id}-{n}.txt", text) for n, text in enumerate(texts)]


STORIES = [_story("fire", WILDFIRE), _story("vote", ELECTION), _story("cup", MATCH)]
CONFIG = Config().replace(max_words=60)


def _rendered(results) -> list[tuple[str, str]]:
    """Comparable results: each briefing as its JSON, each error as its message."""
    return [(story_id, str(outcome) if isinstance(outcome, Exception) else render(outcome, "json"))
            for story_id, outcome in results]


def test_briefings_come_back_in_input_order_each_from_its_own_story():
    stories = STORIES * 3  # more stories than workers keep in flight would not show order; many do
    results = list(summarize_many([(f"{i}-{sid}", docs) for i, (sid, docs) in enumerate(stories)], CONFIG, jobs=2))
    assert [story_id for story_id, _ in results] == [f"{i}-{sid}" for i, (sid, _) in enumerate(stories)]
    for (story_id, briefing), (_, docs) in zip(results, stories):
        assert isinstance(briefing, Briefing)
        assert [s.name for s in briefing.sources] == [d.name for d in docs]
        quoted = " ".join(s.text for s in briefing.sentences)
        assert quoted and all(sentence.text in " ".join(d.text for d in docs) for sentence in briefing.sentences)


def test_a_failing_story_yields_its_error_and_the_others_go_on():
    stories = [
        STORIES[0],
        ("nothing", []),
        ("headline-only", [Source("h.md", "h.md", "# Fire Crews Gain Ground\n")]),
        {"id": "not-a-list", "docs": "text"},
        {"id": "no-text", "docs": [{"id": "x"}]},
        STORIES[1],
    ]
    results = dict(summarize_many(stories, CONFIG, jobs=2))
    assert list(results) == ["fire", "nothing", "headline-only", "not-a-list", "no-text", "vote"]
    assert isinstance(results["fire"], Briefing) and isinstance(results["vote"], Briefing)
    assert str(results["nothing"]) == "no documents"
    assert isinstance(results["headline-only"], InputError) and "no sentences" in str(results["headline-only"])
    assert str(results["not-a-list"]) == '"docs": must be a list of {"id", "text"} objects'
    assert str(results["no-text"]) == 'document 1: has no "text" string'


def test_one_process_and_two_give_the_same_briefings():
    one = _rendered(summarize_many(STORIES, CONFIG, jobs=1))
    two = _rendered(summarize_many(STORIES, CONFIG, jobs=2))
    assert one == two
    assert len(one) == 3 and all(text.startswith("{") for _, text in one)


def test_the_settings_reach_the_workers():
    results = summarize_many(STORIES, Config().replace(max_sentences=1, max_words=None), jobs=2)
    assert all(len(briefing.sentences) == 1 for _, briefing in results)


def test_json_form_sources_keep_ids_and_dates_and_progress_counts_stories():
    story = {"id": 7, "docs": [{"id": f"d{n}", "text": text, "date": f"2024-05-0{n}"}
                               for n, text in enumerate(MATCH, 1)]}
    seen = []
    progress = lambda done, total: seen.append((done, total))  # noqa: E731
    [(story_id, briefing)] = summarize_many([story], CONFIG, jobs=1, progress=progress)
    assert story_id == "7"
    assert [(s.name, s.date) for s in briefing.sources] == [("d1", "2024-05-01"), ("d2", "2024-05-02"),
                                                            ("d3", "2024-05-03")]
    assert seen == [(1, 1)]


def test_jobs_below_one_is_refused():
    with pytest.raises(ValueError, match="jobs"):
        list(summarize_many(STORIES, CONFIG, jobs=0))


def test_on_a_dask_cluster_the_results_equal_the_local_batch():
    distributed = pytest.importorskip("distributed",
                                      reason="dask[distributed] is not installed (pip install '.[dask]')")
    stories = STORIES + [("nothing", [])]
    local = _rendered(summarize_many(stories, CONFIG, jobs=1))
    cluster = distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        on_dask = _rendered(summarize_many(stories, CONFIG, client=client))
    assert on_dask == local
    assert on_dask[-1] == ("nothing", "no documents")


# Readers for --batch


def _jsonl(tmp_path, lines: list[str]):
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_reader_reads_one_story_a_line_and_skips_blank_lines(tmp_path):
    lines = [json.dumps({"id": "fire", "docs": [{"id": "a", "text": WILDFIRE[0]}]}), "",
             json.dumps({"id": "vote", "docs": [{"id": "b", "text": ELECTION[0]}]})]
    stories = read_batch(_jsonl(tmp_path, lines))
    assert [s["id"] for s in stories] == ["fire", "vote"]
    [(_, briefing), (_, other)] = summarize_many(stories, CONFIG, jobs=1)
    assert briefing.sources[0].name == "a" and other.sources[0].name == "b"


@pytest.mark.parametrize("line, problem", [
    ("{not json", "not JSON"),
    ("[1, 2]", 'must be an object with an "id"'),
    ('{"docs": []}', 'must be an object with an "id"'),
])
def test_a_malformed_line_is_an_error_naming_file_and_line(tmp_path, line, problem):
    path = _jsonl(tmp_path, [json.dumps({"id": "ok", "docs": []}), line])
    with pytest.raises(InputError) as caught:
        read_jsonl(path)
    assert caught.value.path == f"{path}:2" and problem in caught.value.problem


def test_a_repeated_story_id_and_an_empty_file_are_errors(tmp_path):
    twice = json.dumps({"id": "same", "docs": []})
    with pytest.raises(InputError, match="given twice"):
        read_jsonl(_jsonl(tmp_path, [twice, twice]))
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="no stories"):
        read_jsonl(tmp_path / "empty.jsonl")
    with pytest.raises(InputError, match="no such file"):
        read_batch(tmp_path / "missing.jsonl")


def test_folder_reader_takes_each_subfolder_as_a_story(tmp_path):
    for story_id, texts in (("b-vote", ELECTION), ("a-fire", WILDFIRE)):
        (tmp_path / story_id).mkdir()
        for n, text in enumerate(texts):
            (tmp_path / story_id / f"{n}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "empty-story").mkdir()
    (tmp_path / "notes.txt").write_text("loose", encoding="utf-8")
    warnings = []
    stories = read_story_folders(tmp_path, warn=warnings.append)
    assert [story_id for story_id, _ in stories] == ["a-fire", "b-vote", "empty-story"]
    assert len(warnings) == 1 and "1 file outside the story subfolders skipped (notes.txt)" in warnings[0]
    results = dict(summarize_many(stories, CONFIG, jobs=2))
    assert [s.name for s in results["a-fire"].sources] == ["0.txt", "1.txt", "2.txt"]
    assert [s.name for s in results["b-vote"].sources] == ["0.txt", "1.txt"]
    assert isinstance(results["empty-story"], SummarizerError) and "no readable" in str(results["empty-story"])


def test_folder_without_subfolders_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text(WILDFIRE[0], encoding="utf-8")
    with pytest.raises(InputError, match="no subfolders"):
        read_batch(tmp_path)


def test_file_names_are_safe_distinct_and_never_the_index():
    taken: set[str] = set()
    names = [file_name(story_id, ".md", taken) for story_id in ("a/b", "a b", "A_B", "index", "../..", "ok")]
    assert names == ["a_b.md", "a_b-2.md", "A_B-3.md", "index-2.md", "story.md", "ok.md"]


def test_index_lists_each_story_with_its_briefing_or_its_error():
    [(story_id, briefing)] = summarize_many([STORIES[0]], CONFIG, jobs=1)
    entries = [index_entry(story_id, briefing, ["ignored"], "fire.md", ("2024-08-01", "2024-08-03")),
               index_entry("broken", SummarizerError("no documents"), ["x.txt"], None)]
    assert entries[0] == {"id": "fire", "title": briefing.title, "sources": ["fire-0.txt", "fire-1.txt", "fire-2.txt"],
                          "articles": 3, "first_date": "2024-08-01", "last_date": "2024-08-03", "briefing": "fire.md"}
    assert json.loads(index_json(entries))["stories"][1] == {
        "id": "broken", "title": "", "sources": ["x.txt"], "articles": 1, "first_date": None, "last_date": None,
        "briefing": None, "error": "no documents"}
    listing = index_markdown(entries)
    assert listing.startswith("# 2 stories, 1 failed")
    assert "(<fire.md>)" in listing and "broken: failed: no documents" in listing
    assert "3 sources, 2024-08-01 to 2024-08-03" in listing
    assert is_briefing(listing)  # never read back as an article


def test_a_storys_dates_are_its_documents_first_and_last():
    dated = {"id": "d", "docs": [{"id": "a", "text": "x", "date": "2024-08-03"},
                                 {"id": "b", "text": "x", "date": "Aug. 1, 2024"}, {"id": "c", "text": "x"}]}
    assert story_dates(dated) == ("2024-08-01", "2024-08-03")
    assert story_dates(("s", [Source("a", "a", "x", date="2024-05-04"), "some/file.txt"])) == ("2024-05-04",) * 2
    assert story_dates(("s", ["some/file.txt"])) == (None, None)


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                    reason="the killing stand-in reaches the workers only when they are forked")
def test_a_worker_killed_mid_batch_fails_its_story_only(monkeypatch):
    import summarizer.batch as batch

    real = batch._summarize_story

    def dies_on_crash(story_id, documents, config):  # workers are forked: they run this too
        if story_id == "crash":
            os._exit(1)  # as the out-of-memory killer would end it
        return real(story_id, documents, config)

    monkeypatch.setattr(batch, "_summarize_story", dies_on_crash)
    stories = [STORIES[0], ("crash", STORIES[1][1])] + [(f"after-{n}", STORIES[2][1]) for n in range(12)]
    results = list(summarize_many(stories, CONFIG, jobs=2))
    assert [story_id for story_id, _ in results] == [story_id for story_id, _ in stories]
    assert isinstance(results[1][1], SummarizerError) and "worker failed" in str(results[1][1])
    # Only the story that kills its worker fails: those in flight beside it and those after it go on.
    others = [outcome for story_id, outcome in results if story_id != "crash"]
    assert all(isinstance(outcome, Briefing) for outcome in others), others
    assert [o.sources[0].name for o in others] == [STORIES[0][1][0].name] + [STORIES[2][1][0].name] * 12


def test_control_characters_and_escapes_in_json_stories_are_removed():
    from summarizer.batch import _json_documents

    (source,) = _json_documents([{"id": "w\u001b[2J1", "text": "Floods closed the road.\u001bc Schools shut."}])
    assert "\x1b" not in source.text and "\x1b" not in source.name
    assert source.text == "Floods closed the road. Schools shut."
