"""The single pass (StoryStream) and the JSON Lines feed, on small invented piles."""

from __future__ import annotations

import json
from datetime import date

import pytest
from tests.invented_stories import ELECTION, MATCH, WILDFIRE

from summarizer.errors import InputError
from summarizer.models import Source
from summarizer.stories import StoryStream, find_exact
from summarizer.stories.feed import FeedStories, open_feed


def _interleaved(*stories: list[str]) -> tuple[list[str], list[int]]:
    texts, truth = [], []
    for round_ in range(max(len(s) for s in stories)):
        for number, story in enumerate(stories):
            if round_ < len(story):
                texts.append(story[round_])
                truth.append(number)
    return texts, truth


def _partition(groups):
    return {frozenset(g) for g in groups}


@pytest.mark.parametrize("window", [1, 2, 3, 100])
def test_small_windows_find_the_stories_the_exact_method_finds(window):
    texts, truth = _interleaved(WILDFIRE, ELECTION, MATCH)
    stream = StoryStream(window=window)
    for text in texts:
        stream.add(text)
    found = stream.finish()
    expected = {frozenset(i for i, t in enumerate(truth) if t == n) for n in range(3)}
    assert _partition(found) == expected
    assert _partition(find_exact([Source(str(i), str(i), t) for i, t in enumerate(texts)])) == expected
    assert [g[0] for g in found] == sorted(g[0] for g in found)  # by each story's first article
    assert all(g == sorted(g) for g in found)


def test_a_story_joins_across_windows_through_its_centroid():
    # One article a window: each later report meets the story only through its centroid.
    stream = StoryStream(window=1)
    for text in WILDFIRE + MATCH:
        stream.add(text)
    assert stream.finish() == [[0, 1, 2], [3, 4, 5]]


def test_the_same_story_weeks_apart_is_two_stories_within_the_date_window_one():
    def run(days, dates):
        stream = StoryStream(window=1, days=days)
        for text, day in zip(WILDFIRE, dates):
            stream.add(text, day)
        return stream.finish()

    spread = [date(2024, 8, 1), date(2024, 8, 2), date(2024, 10, 1)]
    assert run(7, spread) == [[0, 1], [2]]  # two months later: a story of its own
    assert run(None, spread) == [[0, 1, 2]]  # dates not used
    assert run(7, [date(2024, 8, 1), None, date(2024, 8, 3)]) == [[0, 1, 2]]  # undated joins either


def test_the_merge_pass_joins_stories_split_by_the_order_of_arrival(monkeypatch):
    import summarizer.stories.stream as stream_module

    texts = [WILDFIRE[0], MATCH[0], WILDFIRE[1], MATCH[1]]
    # Without the group-to-story step (every group opens a story), only the merge pass joins them.
    monkeypatch.setattr(stream_module.StoryStream, "_best_stories",
                        lambda self, means, first, last: [-1] * means.shape[0])
    stream = StoryStream(window=1)
    for text in texts:
        stream.add(text)
    assert stream.finish() == [[0, 2], [1, 3]]


def _feed(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_a_feed_is_detected_line_by_line_and_read_again_story_by_story(tmp_path):
    records = [{"id": f"fire-{i}", "text": t, "title": f"Fire {i}", "date": f"2024-08-0{i + 1}",
                "url": f"https://example.com/fire/{i}"} for i, t in enumerate(WILDFIRE)]
    records.insert(1, {"id": "vote-0", "text": ELECTION[0]})
    records.insert(2, {"text": "   "})  # no text: skipped with a warning
    records.append({"name": "vote-1", "text": ELECTION[1], "date": "Aug. 9, 2024"})
    _feed(tmp_path / "feed.jsonl", records)
    warnings = []
    with open_feed(str(tmp_path / "feed.jsonl")) as feed:
        groups = feed.detect(warn=warnings.append)
        stories = FeedStories(feed, groups)
        assert len(stories) == 2 and warnings == [f"{tmp_path / 'feed.jsonl'}: 1 article without text skipped"]
        (first_id, fire), (second_id, vote) = list(stories)
        assert (first_id, second_id) == ("story-1", "story-2")
        assert [s.name for s in fire] == ["fire-0", "fire-1", "fire-2"]
        assert [s.name for s in vote] == ["vote-0", "vote-1"]
        assert fire[1].title == "Fire 1" and fire[1].date == "2024-08-02" and fire[1].text == WILDFIRE[1]
        assert fire[0].path == "https://example.com/fire/0" and vote[0].path.endswith("feed.jsonl:2")
        assert feed.dates(groups[1]) == ("2024-08-09", "2024-08-09")


@pytest.mark.parametrize("line, problem", [
    ("{oops", "not JSON"),
    ('{"id": "a"}', 'a "text" string'),
    ('["a"]', 'a "text" string'),
    ('{"text": "x", "date": [1]}', '"date" must be a string'),
])
def test_a_bad_feed_line_is_an_error_naming_its_line(tmp_path, line, problem):
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": WILDFIRE[0]}) + "\n\n" + line + "\n", encoding="utf-8")
    with open_feed(str(tmp_path / "feed.jsonl")) as feed, pytest.raises(InputError) as error:
        feed.detect()
    assert str(error.value).startswith(f"{tmp_path / 'feed.jsonl'}:3") and problem in str(error.value)


def _partition_files(tmp_path) -> list[str]:
    """One feed cut in two files at a story's middle: the fire's first report in the first file."""
    first = [{"id": "fire-0", "text": WILDFIRE[0], "date": "2024-08-01"},
             {"id": "vote-0", "text": ELECTION[0], "date": "2024-08-01"}]
    second = [{"id": "fire-1", "text": WILDFIRE[1], "date": "2024-08-02"},
              {"id": "cup-0", "text": MATCH[0]},
              {"id": "fire-2", "text": WILDFIRE[2], "date": "2024-08-03"},
              {"id": "vote-1", "text": ELECTION[1], "date": "2024-08-02"}]
    _feed(tmp_path / "a.jsonl", first)
    _feed(tmp_path / "b.jsonl", second)
    return [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]


def _names(partitions, groups):
    return [[s.name for s in partitions.sources(g)] for g in groups]


def test_partitions_detected_apart_are_merged_across_their_edge(tmp_path):
    from summarizer.stories.partitions import Partitions

    with Partitions(_partition_files(tmp_path)) as partitions:
        groups = partitions.detect()
        assert _names(partitions, groups) == [["fire-0", "fire-1", "fire-2"], ["vote-0", "vote-1"], ["cup-0"]]
        assert partitions.dates(groups[0]) == ("2024-08-01", "2024-08-03")


def test_partitions_on_a_dask_cluster_find_the_local_stories(tmp_path):
    distributed = pytest.importorskip("distributed",
                                      reason="dask[distributed] is not installed (pip install '.[dask]')")
    from summarizer.stories.partitions import Partitions

    paths = _partition_files(tmp_path)
    with Partitions(paths) as partitions:
        local = _names(partitions, partitions.detect())
    cluster = distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client, Partitions(paths) as partitions:
        on_dask = _names(partitions, partitions.detect(client=client))
        assert "detect_partition" in cluster.scheduler.task_prefixes  # detected there
    assert on_dask == local


def test_a_stream_sent_to_another_process_goes_on_where_it_stopped():
    import pickle

    texts, _ = _interleaved(WILDFIRE, ELECTION, MATCH)
    whole, sent = StoryStream(window=2), StoryStream(window=2)
    for text in texts[:5]:
        whole.add(text)
        sent.add(text)
    sent.flush()
    sent = pickle.loads(pickle.dumps(sent))  # without its tokenizer, made again on the way
    for text in texts[5:]:
        whole.add(text)
        sent.add(text)
    assert sent.finish() == whole.finish()


def test_a_story_silent_for_too_many_articles_is_closed(monkeypatch):
    import summarizer.stories.stream as stream_module

    texts = [WILDFIRE[0], MATCH[0], ELECTION[0], ELECTION[1], WILDFIRE[1]]

    def run():
        stream = StoryStream(window=1)
        for text in texts:
            stream.add(text)
        return stream.finish()

    assert run() == [[0, 4], [1], [2, 3]]
    monkeypatch.setattr(stream_module, "RECENT_ARTICLES", 2)  # the fire's second report comes 4 articles later
    assert run() == [[0], [1], [2, 3], [4]]
