"""Settings files and profiles: bounded, strict, one-line errors naming the file and key."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.config.sections import load_config_file, load_profile
from summarizer.errors import ConfigError
from summarizer.config.yaml_safe import MAX_BYTES, read_mapping

runner = CliRunner()


def settings_error(path, *words: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_config_file(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    for word in words:
        assert word in message
    return info.value


def test_a_good_file_with_a_merge_key_still_reads(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("base: &base {max_words: 80}\nselect:\n  <<: *base\n  max_words: 90\n")
    assert read_mapping(path) == {"base": {"max_words": 80}, "select": {"max_words": 90}}
    path.write_text("rank:\n  algo: textrank\nselect:\n  max_words: 80\n")
    config = load_config_file(path)
    assert (config.rank.algo, config.select.max_words) == ("textrank", 80)


def test_duplicate_key_is_an_error_naming_it_and_both_lines(tmp_path):
    path = tmp_path / "twice.yaml"
    path.write_text("select:\n  max_words: 80\n  diversity: 0.2\n  max_words: 200\n")
    error = settings_error(path, "max_words", "2", "4")
    assert error.key == "max_words"


def test_duplicate_key_in_a_flow_mapping_on_one_line(tmp_path):
    path = tmp_path / "flow.yaml"
    path.write_text("{algo: lexrank, algo: textrank}\n")
    assert settings_error(path).key == "algo"


def test_billion_laughs_is_refused_before_expanding(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    lines.append("max_words: *i")
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n")
    settings_error(path, "values")


def test_deep_nesting_is_refused_without_recursion_error(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("max_words: " + "[" * 3000 + "]" * 3000 + "\n")
    settings_error(path, "nested")
    path.write_text("".join(f"{' ' * i}k{i}:\n" for i in range(1000)) + " " * 1000 + "v: 1\n")
    settings_error(path, "nested")


def test_a_5000_digit_integer_is_an_error_naming_the_key(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("select:\n  max_words: " + "9" * 5000 + "\n")
    assert settings_error(path, "select.max_words").key == "select.max_words"
    path.write_text("rank:\n  lexrank: {threshold: -0x" + "f" * 200 + "}\n")
    assert settings_error(path, "rank.lexrank.threshold").key == "rank.lexrank.threshold"


def test_an_oversized_settings_file_is_refused(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("# padding\n" * (MAX_BYTES // 10 + 1))
    settings_error(path, "KB")


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_without_reading_it(special):
    settings_error(special, "not a regular file")


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "settings.yaml"
    os.mkfifo(fifo)
    settings_error(fifo, "not a regular file")


def test_config_dev_zero_on_the_command_line_is_exit_2():
    result = runner.invoke(app, ["--config", "/dev/zero"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == ["summarize: error: /dev/zero: config: not a regular file"]


@pytest.mark.parametrize("name", ["../../x", "/etc/passwd", "../configs/brief", "brief.yaml", ""])
def test_profile_names_are_bare_names_of_bundled_profiles(tmp_path, name):
    with pytest.raises(ConfigError) as info:
        load_profile(name)
    assert info.value.key == "profile" and "brief" in info.value.problem


def test_profile_path_outside_the_bundle_is_never_read(tmp_path, monkeypatch):
    planted = tmp_path / "x.yaml"
    planted.write_text("select:\n  max_words: 7\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["--profile", str(tmp_path / "x"), "--output", "-"])
    assert result.exit_code == 2
    assert "no profile" in result.stderr
    assert load_profile("brief").select.max_words != 7


@pytest.mark.parametrize("value, key, problem", [
    ("9" * 5000, "select.max_words", "a number of 5,000 characters"),
    ("[&a [1,1,1,1,1,1,1,1,1,1], &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a], &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b],"
     " [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]]", "select.max_words", "over 10,000 values"),
    ("[" * 500 + "]" * 500, "select.max_words", "nested over"),
    ("{a: 1, a: 2}", "a", "given twice"),
])
def test_set_values_are_read_with_the_same_limits(value, key, problem):
    result = runner.invoke(app, ["--set", f"select.max_words={value}", "--output", "-"])
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"summarize: error: {key}: {problem}")


def test_a_long_plain_value_is_checked_in_linear_time(tmp_path):
    """A megabyte of digits ending in a letter is a string, found so without backtracking."""
    path = tmp_path / "long.yaml"
    path.write_text("output:\n  title: " + "1" * (MAX_BYTES - 100) + "z\n")
    values = read_mapping(path)  # a quadratic check would not finish within the suite's time
    assert len(values["output"]["title"]) == MAX_BYTES - 99
