"""Languages: what is supported, detection, and a briefing in each language from a short story
the project wrote (tests/data/languages/<language>.json: three articles and splitting cases)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import snowballstemmer

import summarizer
from summarizer.config.sections import Config
from summarizer.errors import ConfigError
from summarizer.ingest.language import LANGUAGES, choose_language, detect, stop_words
from summarizer.pool.neutrality import subjectivity
from summarizer.output.render import render
from summarizer.ingest.segment import split_sentences

DATA = Path(__file__).parents[1] / "data" / "languages"
STORIES = {path.stem: json.loads(path.read_text("utf-8")) for path in sorted(DATA.glob("*.json"))
           if path.stem != "paragraphs"}
PARAGRAPHS = json.loads((DATA / "paragraphs.json").read_text("utf-8"))
# Japanese: no supported language (spaced so that it has enough words to judge).
JAPANESE = "今日は 東京で 大きな 地震が あり、 多くの 建物が 被害を 受けました。 政府は 緊急 会議 を 開きました"
SPLITS = [(language, case) for language, story in STORIES.items() for case in story["splits"]]


def story_sources(language: str) -> list[summarizer.Source]:
    return [summarizer.Source(f"{language}{i}.txt", f"{language}{i}.txt", text)
            for i, text in enumerate(STORIES[language]["articles"], 1)]


def test_every_language_has_a_stemmer_and_stopwords():
    stemmers = set(snowballstemmer.algorithms())
    for language in LANGUAGES:
        assert language in stemmers
        assert len(stop_words(language)) >= 50, language
    assert {"german", "french", "spanish", "italian", "portuguese", "dutch", "russian"} <= set(LANGUAGES)
    assert {"die", "der", "und"} <= stop_words("german") and {"het", "een"} <= stop_words("dutch")
    assert {"и", "в", "не"} <= stop_words("russian")


def test_the_setting_takes_auto_and_each_language_and_nothing_else():
    assert Config().input.language == "auto"
    assert Config().replace(language="dutch").input.language == "dutch"
    with pytest.raises(ConfigError, match="input.language"):
        Config().replace(language="klingon")


@pytest.mark.parametrize("language", sorted(STORIES))
def test_each_article_of_a_story_is_detected_in_its_language(language):
    assert [detect(text) for text in STORIES[language]["articles"]] == [language] * 3


def test_short_paragraphs_in_the_other_languages_are_detected():
    results = [(language, detect(text)) for language, texts in PARAGRAPHS.items() for text in texts]
    wrong = [(language, found) for language, found in results if found != language]
    assert len(wrong) <= 1, wrong  # Danish and Norwegian are close; any more is a regression


def test_too_few_words_or_an_unsupported_language_is_no_answer():
    assert detect("Breaking news") is None
    assert detect("") is None
    assert detect(JAPANESE) is None


def test_the_majority_language_is_chosen_and_the_others_are_named():
    warnings = []
    texts = [STORIES["german"]["articles"][0], STORIES["german"]["articles"][1], STORIES["french"]["articles"][0]]
    language = choose_language(texts, ["a.txt", "b.txt", "c.txt"], "auto", warnings.append)
    assert language == "german"
    assert len(warnings) == 1 and "c.txt (french)" in warnings[0] and "a.txt" not in warnings[0]


def test_a_language_set_by_hand_wins_and_sources_in_another_are_named():
    warnings = []
    texts = STORIES["dutch"]["articles"]
    assert choose_language(texts, ["a", "b", "c"], "english", warnings.append) == "english"
    assert "a (dutch), b (dutch), c (dutch)" in warnings[0]
    warnings.clear()
    assert choose_language(texts, ["a", "b", "c"], "dutch", warnings.append) == "dutch"
    assert warnings == []


def test_nothing_to_detect_is_read_as_english():
    assert choose_language(["Short.", "Also short."], ["a", "b"], "auto") == "english"


@pytest.mark.parametrize("language,case", SPLITS, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(SPLITS)])
def test_abbreviations_and_quotation_marks_split_right(language, case):
    assert split_sentences(case["text"], language) == case["sentences"]


def test_the_language_decides_the_abbreviations():
    text = "Das Gleis Nr. 4 war gesperrt. Reisende warteten."
    assert split_sentences(text, "german") == ["Das Gleis Nr. 4 war gesperrt.", "Reisende warteten."]
    text = "Sie kamen z. B. aus Köln."
    assert split_sentences(text, "german") == [text]
    assert split_sentences(text, "english") != [text]  # English does not know "z. B."


@pytest.mark.parametrize("language", sorted(set(STORIES) - {"english"}))
def test_a_story_gives_a_briefing_in_its_language_cited_right(language):
    sources = story_sources(language)
    briefing = summarizer.summarize_sources(sources, Config())
    assert briefing.language == language
    assert briefing.sentences and briefing.disagreements == [] and briefing.changes == []
    texts = "\n".join(STORIES[language]["articles"])
    for sentence in briefing.sentences:
        assert sentence.text in texts
        for citation in sentence.citations:
            assert sources[citation.source].text[citation.start:citation.end] == citation.text
        quoted = [c for c in sentence.citations if c.exact]
        assert quoted and quoted[0].text == sentence.text
    # Each story repeats sentences across its articles: the briefing cites them to every source.
    assert any(len(sentence.sources) >= 2 for sentence in briefing.sentences)
    # No quoted sentence was cut at an abbreviation.
    spans = {s.text for s in briefing.sentences}
    cases = {sentence for case in STORIES[language]["splits"] for sentence in case["sentences"]}
    assert all(not text.endswith((" z. B.", " u. a.", " Nr.", " p. ex.", " Sr.", " EE. UU.", " т. е.", " г."))
               for text in spans | cases)


def test_the_footer_says_what_is_english_only(tmp_path):
    briefing = summarizer.summarize_sources(story_sources("french"), Config())
    markdown = render(briefing, "markdown")
    assert "Language: french." in markdown and "English only" in markdown
    assert "English only" in render(briefing, "html")
    document = json.loads(render(briefing, "json"))
    assert document["language"] == "french" and "English only" in document["language_note"]
    english = summarizer.summarize_sources(story_sources("english"), Config())
    assert "Language:" not in render(english, "markdown")
    assert json.loads(render(english, "json"))["language_note"] == ""


def test_mixed_languages_warn_and_use_the_majority():
    warnings = []
    sources = story_sources("spanish") + story_sources("italian")[:1]
    briefing = summarizer.summarize_sources(sources, Config(), warn=warnings.append)
    assert briefing.language == "spanish"
    assert any("italian1.txt (italian)" in w for w in warnings)


def test_outside_english_neutrality_keeps_only_its_wordless_rule():
    assert subjectivity("¿Habrá réplicas en los próximos días?", "spanish") == pytest.approx(0.9)
    assert subjectivity("Er fragte: „Gibt es noch Hoffnung?“", "german") == 0.0  # quoted, attributed
    assert subjectivity("Die Bahn nannte den Streik völlig unverhältnismäßig.", "german") == 0.0
    # The same sentence in English is read by the lexicon and the word rules.
    assert subjectivity("This is clearly a stunning and shocking defeat.", "english") > 0.5
    assert subjectivity("This is clearly a stunning and shocking defeat.", "french") == 0.0


def test_help_does_not_load_the_detector():
    code = ("import sys\nfrom summarizer.cli import app\n"
            "try:\n    app(['--help'], prog_name='summarize')\nexcept SystemExit:\n    pass\n"
            "assert 'fasttext' not in sys.modules and 'numpy' not in sys.modules, 'loaded'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).parents[2], timeout=60)
    assert done.returncode == 0, done.stderr
    assert "--language" in done.stdout and "german" in done.stdout


@pytest.mark.parametrize("language", sorted(PARAGRAPHS))
def test_two_paragraphs_in_any_other_language_give_a_briefing_in_it(language):
    sources = [summarizer.Source(f"{language}{i}.txt", f"{language}{i}.txt", text)
               for i, text in enumerate(PARAGRAPHS[language])]
    briefing = summarizer.summarize_sources(sources, Config())
    assert briefing.language == language
    # Every sentence can be quoted, in scripts without capitals too (Arabic, Hindi, Persian).
    assert len(briefing.sentences) >= 4
    assert all(s.text in PARAGRAPHS[language][s.sources[0]] for s in briefing.sentences)


def test_words_keep_their_combining_marks():
    from summarizer.pool.features import Tokenizer

    hindi = "सरकार ने मंगलवार को"
    assert Tokenizer("hindi").words(hindi) == hindi.split()
    assert Tokenizer("arabic").words("وَقَالَ الوزير") == ["وَقَالَ", "الوزير"]


def test_every_abbreviation_file_is_a_supported_language_and_reads():
    from summarizer.ingest.segment import _rules

    files = sorted((Path(summarizer.__file__).parent / "data" / "abbreviations").glob("*.txt"))
    languages = [path.stem for path in files if path.stem != "README"]
    assert {"german", "french", "spanish", "italian", "portuguese", "dutch", "russian"} <= set(languages)
    for language in languages:
        assert language in LANGUAGES
        assert _rules(language).never, language


@pytest.mark.parametrize("language,text,sentences", [
    ("swedish", "Mötet hölls bl.a. i Stockholm. Det var t.ex. kallt.", 2),
    ("danish", "Mødet fandt sted den 3. marts i Aarhus. Ministeren kom kl. 14.", 2),
    ("norwegian", "Møtet ble holdt 3. mars i Bergen. Det var f.eks. kaldt.", 2),
    ("polish", "W 2015 r. rząd upadł. Spotkanie odbyło się np. w Warszawie.", 2),
    ("czech", "Schůzka se konala 3. března v Praze. Vláda např. odstoupila.", 2),
    ("finnish", "Kokous pidettiin 3. maaliskuuta Helsingissä. Hallitus erosi.", 2),
    ("turkish", "Toplantı Ankara'da yapıldı. Bakan konuştu.", 2),  # no file: the rules alone
])
def test_the_other_languages_split_at_their_abbreviations(language, text, sentences):
    assert len(split_sentences(text, language)) == sentences


def test_a_source_in_no_supported_language_is_named():
    warnings = []
    texts = STORIES["english"]["articles"][:2] + [JAPANESE]
    assert choose_language(texts, ["a", "b", "c"], "auto", warnings.append) == "english"
    assert len(warnings) == 1 and "c (no supported language)" in warnings[0]
