"""Following a story over time: the briefing in the story's order, plans overtaken by later reports
never quoted as news, and an update (``since``) that tells nothing the earlier briefing told."""

from __future__ import annotations

import dataclasses
import json

import pytest

import summarizer
from summarizer import Source
from summarizer.cli import app
from summarizer.models import Earlier

pytestmark = pytest.mark.usefixtures("in_tmp")

# An invented storm: two reports on Monday, two on Wednesday.
MONDAY = [
    "A powerful storm struck the coastal town of Port Ellis on Monday, flooding hundreds of homes. "
    "Two people were killed when a tree fell on their car, police said. Emergency crews worked through "
    "the night to clear roads near the harbour. The mayor said the town would reopen its schools on Tuesday.",
    "Flooding hit Port Ellis on Monday as a powerful storm came ashore, damaging hundreds of homes. Police "
    "said two people died after a tree crushed their vehicle. Crews cleared fallen trees from roads near "
    "the harbour overnight. Officials expect the town to reopen its schools on Tuesday.",
]
WEDNESDAY = [
    "The death toll from the storm that hit Port Ellis rose to three on Wednesday after the body of a "
    "fisherman was found near the harbour. The regional government released five million dollars in "
    "emergency aid for repairs. The town kept its schools closed on Tuesday because roads were still "
    "blocked.",
    "Three people have died in the storm that struck Port Ellis, officials said on Wednesday, after "
    "rescuers recovered the body of a missing fisherman. The regional government announced five million "
    "dollars in emergency aid to repair homes. Power was restored to most of the town by Wednesday evening.",
]


def _sources(texts, day, first=0):
    return [Source(f"s{first + i}.txt", f"s{first + i}.txt", text, date=day) for i, text in enumerate(texts)]


def _briefing(sources, **settings):
    return summarizer.summarize(sources, max_words=400, **settings)


def test_dated_sentences_follow_the_dates_of_their_first_report():
    later_first = [*_sources(WEDNESDAY, "2024-03-06"), *_sources(MONDAY, "2024-03-04", first=2)]
    briefing = _briefing(later_first)
    first_dates = [min(briefing.source_dates[c.source] for c in s.citations) for s in briefing.sentences]
    assert first_dates == sorted(first_dates)
    assert first_dates[0] == "2024-03-04" and first_dates[-1] == "2024-03-06"
    ranked = _briefing(later_first, **{"output.order": "importance"})
    assert sorted(s.text for s in ranked.sentences) == sorted(s.text for s in briefing.sentences)


def test_undated_sentences_follow_their_first_appearance_leads_first():
    briefing = _briefing([Source(f"s{i}.txt", f"s{i}.txt", t) for i, t in enumerate(MONDAY)])
    assert briefing.sentences[0].text.startswith(("A powerful storm", "Flooding hit"))
    positions = [min(s.citations, key=lambda c: c.start).start for s in briefing.sentences]
    assert positions[0] == 0


def test_a_sentence_leaning_on_the_one_before_comes_after_it():
    from summarizer.facts.cite import cite
    from summarizer.models import Citation, Pick
    from summarizer.rank.order import in_story_order
    from tests.helpers import story_pool

    pool, _ = story_pool([
        "Engineers found rust on the old bridge over the Lune river in Brenford last week. The council of "
        "Brenford voted on Monday to close the bridge for repairs.",
        "Brenford's old bridge over the Lune will close for repairs, the council decided on Monday. It will "
        "stay shut for six months while engineers replace its steel deck."])
    row = {s.text[:12]: r for r, s in enumerate(pool.sentences)}
    passage = {r: p for p, passage in enumerate(pool.passages) for r in passage.rows}
    # Picked leaning sentence first, the sentence it leans on later, a sentence of the other source between.
    rows = [row["It will stay"], row["Engineers fo"], row["Brenford's o"]]
    picks = [Pick(passage[r], r) for r in rows]
    sentences = cite(pool, picks, [1.0] * len(picks), threshold=1.1)
    # Say the other source's lead reports it too: by first appearance it would then come first.
    lead = pool.sentences[row["Engineers fo"]]
    sentences[0] = dataclasses.replace(sentences[0], citations=(
        *sentences[0].citations, Citation(lead.source, lead.start, lead.end, lead.text, False)))
    shown = [rows[i] for i in in_story_order(pool, picks, sentences)]
    assert shown.index(row["It will stay"]) == shown.index(row["Brenford's o"]) + 1
    assert shown[0] == row["Engineers fo"]


def test_a_sentence_leaning_on_an_earlier_pick_comes_right_after_it_not_later():
    from summarizer.facts.cite import cite
    from summarizer.models import Pick
    from summarizer.rank.order import in_story_order
    from tests.helpers import story_pool

    pool, _ = story_pool([
        "A strong earthquake struck the hills above Tolsk on Thursday. The quake killed about 900 people. "
        "Most died in houses that collapsed as they slept.",
        "Aid convoys reached Tolsk on Saturday with tents and medicine. The Red Cross flew in doctors "
        "from Vienna, the regional governor said."])
    row = {s.text[:12]: r for r, s in enumerate(pool.sentences)}
    passage = {r: p for p, passage in enumerate(pool.passages) for r in passage.rows}
    rows = [row["A strong ear"], row["The quake ki"], row["The Red Cros"], row["Most died in"]]
    picks = [Pick(passage[r], r) for r in rows]
    sentences = cite(pool, picks, [1.0] * len(picks), threshold=1.1)
    # By first appearance the other source's lead comes between the toll and "Most died ...".
    shown = [rows[i] for i in in_story_order(pool, picks, sentences)]
    assert shown.index(row["Most died in"]) == shown.index(row["The quake ki"]) + 1


def test_a_plan_that_a_later_report_overtook_is_never_quoted():
    briefing = _briefing([*_sources(MONDAY, "2024-03-04"), *_sources(WEDNESDAY, "2024-03-06", first=2)])
    texts = " ".join(s.text for s in briefing.sentences)
    assert "would reopen its schools" not in texts and "expect the town to reopen" not in texts
    # With Monday's reports alone, the plan is the news.
    monday = _briefing(_sources(MONDAY, "2024-03-04"))
    assert "schools on Tuesday" in " ".join(s.text for s in monday.sentences)


def test_an_update_tells_only_what_is_new_and_the_figure_that_moved():
    monday = _briefing(_sources(MONDAY, "2024-03-04"))
    told = {s.text for s in monday.sentences}
    update = summarizer.summarize(_sources(WEDNESDAY, "2024-03-06", first=2), max_words=400,
                                  since=Earlier("monday.json", "briefing", tuple(told),
                                                tuple(s.name for s in monday.sources), "2024-03-04"))
    texts = [s.text for s in update.sentences]
    assert texts and not told & set(texts)
    assert not any("hundreds of homes" in t for t in texts)  # told on Monday
    assert any("five million dollars" in t for t in texts)
    last = len(update.sources) - 1  # the earlier briefing, pooled as the last source, is never cited
    assert all(c.source != last for s in update.sentences for c in s.citations)
    assert update.sources[last].path == "monday.json"


def test_since_reads_a_json_briefing_and_the_earlier_articles_alike(in_tmp):
    for day, texts, first in (("monday", MONDAY, 0), ("wednesday", WEDNESDAY, 2)):
        (in_tmp / day).mkdir()
        for i, text in enumerate(texts):
            (in_tmp / day / f"s{first + i}.txt").write_text(text, encoding="utf-8")
    from typer.testing import CliRunner

    runner = CliRunner()
    assert runner.invoke(app, ["monday", "--format", "json", "--output", "monday.json"]).exit_code == 0
    by_file = runner.invoke(app, ["wednesday", "--since", "monday.json", "--format", "json", "--output", "-"])
    by_folder = runner.invoke(app, ["wednesday", "--since", "monday", "--format", "json", "--output", "-"])
    assert by_file.exit_code == 0 and by_folder.exit_code == 0, by_file.output + by_folder.output
    from_file, from_folder = json.loads(by_file.stdout), json.loads(by_folder.stdout)
    assert from_file["since"]["kind"] == "briefing" and from_folder["since"]["kind"] == "articles"
    assert [s["text"] for s in from_file["sentences"]] == [s["text"] for s in from_folder["sentences"]]
    told = set(json.loads((in_tmp / "monday.json").read_text())["sentences"][0]["text"].split())
    assert from_file["since"]["sentences"] and from_file["sources"][-1]["name"] == "monday.json"
    assert told  # the Monday briefing quoted something


def test_since_refuses_what_is_not_a_briefing(in_tmp):
    from typer.testing import CliRunner

    (in_tmp / "a.txt").write_text(MONDAY[0], encoding="utf-8")
    (in_tmp / "notes.json").write_text('{"title": "my notes"}', encoding="utf-8")
    result = CliRunner().invoke(app, ["a.txt", "--since", "notes.json", "--output", "-"])
    assert result.exit_code == 1
    assert "notes.json" in result.output and "not a JSON briefing" in result.output
    assert "Traceback" not in result.output


def test_an_expectation_never_reports_the_event_nor_the_event_the_expectation():
    from summarizer.facts.claim_match import scores
    from tests.helpers import story_pool

    pool, _ = story_pool([
        "Prime Minister Alda Ferrin is expected to resign on Friday after her coalition lost its majority.",
        "Prime Minister Alda Ferrin resigned on Friday after her coalition lost its majority.",
        "Alda Ferrin, the prime minister, resigned on Friday after losing her coalition's majority."])
    def row(opening: str) -> int:
        return next(r for r, s in enumerate(pool.sentences) if s.text.startswith(opening))

    expected, resigned, again = row("Prime Minister Alda Ferrin is"), row("Prime Minister Alda Ferrin resigned"), \
        row("Alda Ferrin, the")
    for quote, other in ((expected, resigned), (resigned, expected), (expected, again)):
        candidates, probability = scores(pool.claims, quote)
        assert all(p == 0.0 for c, p in zip(candidates, probability) if c == other)
    candidates, probability = scores(pool.claims, resigned)
    assert max((p for c, p in zip(candidates, probability) if c == again), default=0.0) > 0.0


def test_the_earlier_briefing_is_never_written_over(in_tmp):
    from typer.testing import CliRunner

    (in_tmp / "a.txt").write_text(MONDAY[0], encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["a.txt", "--format", "json", "--output", "monday.json"]).exit_code == 0
    before = (in_tmp / "monday.json").read_bytes()
    result = runner.invoke(app, ["a.txt", "--since", "monday.json", "--output", "monday.json"])
    assert result.exit_code == 1 and "is one of the input files" in result.output
    assert (in_tmp / "monday.json").read_bytes() == before


def test_an_update_ranks_with_the_earlier_briefing_marked_as_read(monkeypatch):
    from summarizer import pipeline
    from summarizer.rank.novelty import already_read

    seen = []
    rank = pipeline.rank_and_select
    monkeypatch.setattr(pipeline, "rank_and_select", lambda pool, *a, **k: seen.append(pool) or rank(pool, *a, **k))
    told = ("A powerful storm struck the coastal town of Port Ellis on Monday, flooding hundreds of homes.",)
    summarizer.summarize(_sources(WEDNESDAY, "2024-03-06", first=2), max_words=400,
                         since=Earlier("monday.json", "briefing", told, ("s0.txt",), "2024-03-04"))
    summarizer.summarize(_sources(WEDNESDAY, "2024-03-06", first=2), max_words=400)
    update, plain = seen
    assert update.told == len(update.sources) - 1 and plain.told is None
    assert [update.sentences[r].text for r in already_read(update).nonzero()[0]] == list(told)
    assert not already_read(plain).any()


def _folders(root, days):
    for day, texts, first in days:
        (root / day).mkdir()
        for i, text in enumerate(texts):
            (root / day / f"s{first + i}.txt").write_text(text, encoding="utf-8")


def test_since_reads_a_json_list_of_earlier_articles_and_still_knows_a_json_briefing(in_tmp):
    from typer.testing import CliRunner

    _folders(in_tmp, [("wednesday", WEDNESDAY, 2)])
    articles = [{"id": f"monday-{i}", "date": "2024-03-04", "text": text} for i, text in enumerate(MONDAY)]
    (in_tmp / "monday.json").write_text(json.dumps(articles), encoding="utf-8")
    (in_tmp / "monday.jsonl").write_text("\n".join(map(json.dumps, articles)), encoding="utf-8")
    runner = CliRunner()
    by_json = runner.invoke(app, ["wednesday", "--since", "monday.json", "--format", "json", "--output", "-"])
    by_lines = runner.invoke(app, ["wednesday", "--since", "monday.jsonl", "--format", "json", "--output", "-"])
    assert by_json.exit_code == 0 and by_lines.exit_code == 0, by_json.output + by_lines.output
    from_json, from_lines = json.loads(by_json.stdout), json.loads(by_lines.stdout)
    assert from_json["since"]["kind"] == "articles" and from_json["since"]["sources"] == ["monday-0", "monday-1"]
    assert [s["text"] for s in from_json["sentences"]] == [s["text"] for s in from_lines["sentences"]]
    # one article object is a JSON article file too; a briefing written by this tool stays a briefing
    (in_tmp / "one.json").write_text(json.dumps(articles[0]), encoding="utf-8")
    one = runner.invoke(app, ["wednesday", "--since", "one.json", "--format", "json", "--output", "-"])
    assert one.exit_code == 0 and json.loads(one.stdout)["since"]["kind"] == "articles"
    assert runner.invoke(app, ["monday.json", "--format", "json", "--output", "brief.json"]).exit_code == 0
    again = runner.invoke(app, ["wednesday", "--since", "brief.json", "--format", "json", "--output", "-"])
    assert again.exit_code == 0 and json.loads(again.stdout)["since"]["kind"] == "briefing"
    # an article list that is not one is still refused as no briefing, in one line
    (in_tmp / "notes.json").write_text('[{"title": "my notes"}]', encoding="utf-8")
    refused = runner.invoke(app, ["wednesday", "--since", "notes.json", "--output", "-"])
    assert refused.exit_code == 1 and "not a JSON briefing" in refused.output and "Traceback" not in refused.output


def test_yesterdays_articles_still_in_the_folder_are_no_new_sources(in_tmp):
    from typer.testing import CliRunner

    _folders(in_tmp, [("monday", MONDAY, 0), ("wednesday", WEDNESDAY, 2)])
    (in_tmp / "all").mkdir()  # today's folder still holds Monday's files (copied under other names)
    for i, text in enumerate(MONDAY + WEDNESDAY):
        (in_tmp / "all" / f"a{i}.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    only_new = runner.invoke(app, ["wednesday", "--since", "monday", "--format", "json", "--output", "-"])
    with_old = runner.invoke(app, ["all", "--since", "monday", "--output", "-"])
    with_old_json = runner.invoke(app, ["all", "--since", "monday", "--format", "json", "--output", "-"])
    assert only_new.exit_code == with_old.exit_code == with_old_json.exit_code == 0, with_old.output
    assert "what 2 new sources add" in with_old.stdout
    assert "2 of the articles were read for the earlier briefing already" in with_old.stderr
    assert [s["text"] for s in json.loads(with_old_json.stdout)["sentences"]] == \
        [s["text"] for s in json.loads(only_new.stdout)["sentences"]]
    (in_tmp / "all" / "a3.txt").unlink()  # one new report left beside Monday's two
    one_new = runner.invoke(app, ["all", "--since", "monday", "--output", "-"])
    assert one_new.exit_code == 0 and "what 1 new source adds," in one_new.stdout
    # nothing but yesterday's articles: nothing new, no error
    same = runner.invoke(app, ["monday", "--since", "monday", "--output", "-"])
    assert same.exit_code == 0 and "Nothing new since the earlier briefing" in same.stdout, same.output


def test_an_article_known_by_its_id_or_address_is_no_new_source():
    from summarizer.ingest.earlier import already_seen, seen_keys

    before = [Source("monday-0", "feed.jsonl", "A storm hit Port Ellis."),
              Source("page", "https://news.example/storm", "A storm hit Port Ellis on Monday."),
              Source("feed.jsonl#2", "feed.jsonl", "Crews cleared roads.")]
    seen = seen_keys(before)
    now = [Source("monday-0", "today.jsonl", "A storm hit Port Ellis, updated."),  # the same id
           Source("page", "https://news.example/storm", "The page, edited since."),  # the same address
           Source("feed.jsonl#2", "feed.jsonl", "Another second article of the feed."),  # numbered, no id
           Source("s9.txt", "wednesday/s9.txt", "A  storm hit\nPort Ellis."),  # the same text
           Source("s8.txt", "wednesday/s8.txt", "Power was restored.")]
    assert already_seen(now, seen) == [True, True, False, True, False]
    assert already_seen(now, frozenset()) == [False] * 5


def test_an_update_on_earlier_articles_weighs_them_and_one_on_a_briefing_cannot(monkeypatch, in_tmp):
    from summarizer import pipeline

    _folders(in_tmp, [("monday", MONDAY, 0), ("wednesday", WEDNESDAY, 2)])
    seen = []
    rank = pipeline.rank_and_select
    monkeypatch.setattr(pipeline, "rank_and_select", lambda pool, *a, **k: seen.append(pool) or rank(pool, *a, **k))
    summarizer.summarize(["wednesday"], max_words=400, since="monday")
    monday = summarizer.summarize(["monday"], max_words=400)
    summarizer.summarize(["wednesday"], max_words=400, since=Earlier(
        "monday.json", "briefing", tuple(s.text for s in monday.sentences), ("s0.txt", "s1.txt"), "2024-03-04"))
    on_articles, on_briefing = seen[1], seen[3]  # (each update ranks the earlier briefing first)
    assert on_articles.told is not None and on_briefing.told is not None
    assert [text for text, _, _ in on_articles.background][:1] == [MONDAY[0].split(". ")[0] + "."]
    assert {source for _, source, _ in on_articles.background} == {0, 1}
    assert on_briefing.background == ()


# An invented strike: Monday's three reports, Wednesday's two (a ferry terminal opens, the strike goes on).
STRIKE_MONDAY = [
    "Striking dock workers shut the port of Valmora on Monday, halting all cargo ships. The dock workers' union "
    "demands higher wages and safer cranes. The union said the strike at the port of Valmora would last until "
    "wages rise. Cargo ships waited outside the port of Valmora.",
    "The port of Valmora was shut by striking dock workers on Monday. Union leaders said dock workers want higher "
    "wages and safer cranes. Dozens of cargo ships were stuck outside the port. The union said the strike would "
    "go on until wages rise.",
    "Dock workers at the port of Valmora walked out on Monday over wages and crane safety. The strike halted "
    "cargo ships at the port. The port authority said it regretted the strike.",
]
STRIKE_WEDNESDAY = [
    "A new ferry terminal opened in the northern harbour of Valmora on Wednesday with a brass band. The mayor cut "
    "the ribbon at the ferry terminal. The union of dock workers rejected a wage offer from the port on "
    "Wednesday, and the strike goes on.",
    "The ferry terminal in the northern harbour of Valmora opened on Wednesday with a brass band and the mayor. "
    "Ferry passengers crowded the new terminal.",
]


def test_an_update_on_earlier_articles_keeps_to_the_story_they_told():
    from summarizer.pipeline import earlier_sentences

    monday = _sources(STRIKE_MONDAY, "2024-03-04")
    first = summarizer.summarize(monday, max_words=30)
    since = Earlier("monday", "articles", tuple(s.text for s in first.sentences), tuple(s.name for s in monday),
                    "2024-03-04", background=earlier_sentences(monday, summarizer.Config()))

    def update(weight, earlier=since):
        briefing = summarizer.summarize(_sources(STRIKE_WEDNESDAY, "2024-03-06", first=3), max_words=30,
                                        since=earlier, **{"rank.centroid.update_earlier_centroid": weight})
        return [s.text for s in briefing.sentences]

    assert not any("Dock workers" in t or "The strike halted" in t for t in update(2.0))  # told on Monday
    # Weighed by the new reports alone, the ferry terminal both open with is the news; with Monday's
    # reports counted, the strike they were about goes on, and that is the news of the story.
    assert any("ferry terminal" in t for t in update(0.0)) and not any("strike goes on" in t for t in update(0.0))
    assert update(2.0) == ["The union of dock workers rejected a wage offer from the port on Wednesday, "
                           "and the strike goes on."]
    # On a briefing alone (a JSON briefing holds no articles) the weight has nothing to weigh.
    alone = dataclasses.replace(since, background=())
    assert update(2.0, alone) == update(0.0, alone) == update(0.0)
