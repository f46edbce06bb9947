"""Settings: sections by stage, checked once, one source of defaults, errors naming the key path."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import summarizer
from summarizer.config.sections import Config, default_profile, load_config_file, load_profile
from summarizer.errors import ConfigError
from summarizer.params import leaves

ROOT = Path(__file__).resolve().parents[2]


def test_default_yaml_is_generated_from_the_defaults():
    text = (ROOT / "configs" / "default.yaml").read_text(encoding="utf-8")
    assert text == default_profile(), "regenerate: python -c 'from summarizer.config.sections import default_profile; " \
                                      "print(default_profile(), end=\"\")' > configs/default.yaml"
    assert load_config_file(ROOT / "configs" / "default.yaml") == Config()


def test_every_setting_has_help_and_every_profile_loads():
    for path, field, _ in leaves(Config):
        assert field.metadata.get("help"), path
    for name in summarizer.available_profiles():
        assert isinstance(load_profile(name), Config)


def test_profiles_mirror_the_sections():
    brief = load_profile("brief")
    assert brief.select.max_sentences == 3 and brief.neutrality.policy == "strict"
    assert brief.rank == Config().rank  # what it does not name keeps its default


@pytest.mark.parametrize("values, key", [
    ({"select": {"max_wrds": 5}}, "`select.max_wrds`"),
    ({"rank": {"lexrank": {"damping": 1.5}}}, "rank.lexrank.damping"),
    ({"rank": {"algo": "pagerank"}}, "rank.algo"),
    ({"select": {"max_words": 0}}, "select.max_words"),
    ({"select": {"max_words": None, "max_sentences": None}}, "select.max_words"),
    ({"select": {"min_sentence_words": 9, "max_sentence_words": 8}}, "select.max_sentence_words"),
    ({"cite": {"threshold": float("nan")}}, "cite.threshold"),
    ({"select": {"max_words": 10**5000}}, "select.max_words"),
    ({"rank": 3}, "rank"),
])
def test_a_bad_value_names_its_key_path_and_the_file(values, key):
    with pytest.raises(ConfigError) as caught:
        Config.from_mapping(values, "mine.yaml")
    message = str(caught.value)
    assert message.startswith(f"mine.yaml: {key}: ") and "\n" not in message and len(message) < 300


def test_misspelt_keys_get_a_suggestion():
    with pytest.raises(ConfigError, match="did you mean `select.max_words`"):
        Config.from_mapping({"select": {"max_word": 50}})
    with pytest.raises(ConfigError, match="did you mean `rank.lexrank.threshold`"):
        Config().replace(**{"rank.lexrank.treshold": 0.2})
    with pytest.raises(ConfigError, match="did you mean 'brief'"):
        load_profile("breif")


def test_replace_takes_paths_unique_names_and_section_shortcuts():
    config = Config().replace(**{"rank.lexrank.threshold": 0.2}, max_words=80, algo="TextRank",
                              neutrality="off")
    assert config.rank.lexrank.threshold == 0.2
    assert config.select.max_words == 80
    assert config.rank.algo == "textrank"  # choices are matched without regard to case
    assert config.neutrality.policy == "off"
    with pytest.raises(ConfigError, match="ambiguous"):
        Config().replace(threshold=0.2)  # dedup, cite and lexrank all have one


def test_yaml_reads_a_bare_off_as_the_neutrality_policy():
    assert Config.from_mapping(yaml.safe_load("neutrality:\n  policy: off\n")).neutrality.policy == "off"
    assert Config.from_mapping(yaml.safe_load("neutrality: off\n")).neutrality.policy == "off"


def test_profile_names_are_bare_names_of_bundled_profiles(tmp_path):
    (tmp_path / "x.yaml").write_text("select:\n  max_words: 10\n")
    for name in ("../configs/brief", str(tmp_path / "x"), "/etc/passwd"):
        with pytest.raises(ConfigError, match="no profile"):
            load_profile(name)


def test_config_is_frozen_and_picklable_for_worker_processes():
    config = Config().replace(algo="coverage", max_words=90)
    assert pickle.loads(pickle.dumps(config)) == config
    with pytest.raises(AttributeError):
        config.select.max_words = 10  # type: ignore[misc]


def test_settings_errors_and_help_do_not_import_numpy():
    code = ("import sys; from summarizer.cli import run; sys.argv = ['summarize', '--set', 'rank.algo=x']\n"
            "try:\n    run()\nexcept SystemExit as e:\n    assert e.code == 2, e.code\n"
            "assert 'numpy' not in sys.modules and 'scipy' not in sys.modules, 'numpy imported'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("summarize: error: command line: rank.algo: must be one of")


@pytest.mark.parametrize("values, message", [
    ({"max_word": 50}, "mine.yaml: `max_word`: unknown setting; did you mean `select.max_words`?"),
    ({"algo": "lexrank"}, "mine.yaml: `algo`: unknown setting; did you mean `rank.algo`?"),
    ({"rank": {"max_words": 50}}, "mine.yaml: `rank.max_words`: unknown setting; did you mean `select.max_words`?"),
    ({"rank": {"lexrank": {"treshold": 0.2}}},
     "mine.yaml: `rank.lexrank.treshold`: unknown setting; did you mean `rank.lexrank.threshold`?"),
    ({"neutral": "strict"}, "mine.yaml: `neutral`: unknown setting; did you mean `neutrality`?"),
])
def test_old_and_mistyped_keys_point_to_their_place(values, message):
    with pytest.raises(ConfigError) as caught:
        Config.from_mapping(values, "mine.yaml")
    assert str(caught.value) == message


def test_every_unknown_key_of_a_file_is_named_in_one_message(tmp_path):
    from summarizer.config.sections import load_config_file

    (tmp_path / "old.yaml").write_text("algo: lexrank\nmax_word: 50\nselect:\n  diversty: 0.4\nrank:\n  damping: 0.9\n",
                                       encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config_file(tmp_path / "old.yaml")
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{tmp_path / 'old.yaml'}: 4 unknown settings: ")
    for part in ("`algo` (did you mean `rank.algo`?)", "`max_word` (did you mean `select.max_words`?)",
                 "`select.diversty` (did you mean `select.diversity`?)",
                 "`rank.damping` (did you mean `rank.lexrank.damping` or `rank.textrank.damping`?)"):
        assert part in message


def test_a_flag_or_library_keyword_by_an_unknown_name_points_to_its_place():
    with pytest.raises(ConfigError, match=r"^`max_word`: unknown setting; did you mean `select.max_words`\?$"):
        Config().replace(max_word=50)


def test_a_file_of_many_unknown_keys_names_the_first_thirty_in_one_line():
    with pytest.raises(ConfigError) as caught:
        Config.from_mapping({f"key{i}": 1 for i in range(300)}, "big.yaml")
    message = str(caught.value)
    assert message.startswith("big.yaml: 300 unknown settings: `key0` (no such setting); ")
    assert "`key29`" in message and "`key30`" not in message and message.endswith("; and 270 more")
