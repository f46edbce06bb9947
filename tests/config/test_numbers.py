"""Every numeric setting refuses huge, infinite, NaN and out-of-range values with its range, in one
line naming it: on the command line (``--set``), in a YAML profile and in the library call."""

from __future__ import annotations

import math

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.config.sections import Config, load_config_file
from summarizer.errors import ConfigError
from summarizer.params import MAX_COUNT, _allowed, leaves

NUMERIC = [(path, {**field.metadata, "whole": float not in _allowed(kind)}) for path, field, kind in leaves(Config)
           if int in _allowed(kind) or float in _allowed(kind)]
# As a user writes them: YAML reads "1e308", "inf" and "nan" as strings, "1.0e+400" as infinity.
WRITTEN = ["1e308", "1.0e+308", "inf", "-inf", ".inf", "nan", ".nan", "1e400", "-1", "-1e308",
           "100000000000000000000000000000000000000"]


def _range(meta) -> str | None:
    """What the message must say of the range; None where the value may be valid."""
    if meta.get("high") is not None or meta.get("low") is not None or meta.get("above") is not None:
        return "must be "
    return None


def _yaml(path: str, value: str) -> str:
    *sections, key = path.split(".")
    lines = [f"{'  ' * depth}{name}:" for depth, name in enumerate(sections)]
    return "\n".join(lines + [f"{'  ' * len(sections)}{key}: {value}"]) + "\n"


def _refused(path: str, meta, value: object, error: ConfigError) -> None:
    message = str(error)
    assert "\n" not in message and path in message, message
    number = float(value) if not isinstance(value, float) else value
    if math.isnan(number) or math.isinf(number):
        assert "must be a finite number" in message or "must be between" in message or "at most" in message \
            or "at least" in message, message
    high, low, above = _bounds(meta)
    if high is not None and low is not None and above is None:
        assert f"between {low:g} and {high:g}" in message or f"between {int(low)} and {int(high)}" in message, message
    assert "must be a number" not in message and "whole number" not in message, message


def _bounds(meta):
    """(high, low, above); a whole-number setting without a ceiling takes at most MAX_COUNT."""
    high = meta.get("high")
    if high is None and meta["whole"]:
        high = MAX_COUNT
    return high, meta.get("low"), meta.get("above")


def _out_of_range(meta, number: float) -> bool:
    high, low, above = _bounds(meta)
    return (math.isnan(number) or math.isinf(number) or high is not None and number > high
            or low is not None and number < low or above is not None and number <= above)


@pytest.mark.parametrize("path,meta", NUMERIC, ids=[p for p, _ in NUMERIC])
def test_every_numeric_setting_in_a_profile_and_the_library(path, meta, tmp_path):
    for written in WRITTEN:
        number = float(written.replace(".inf", "inf").replace(".nan", "nan"))
        profile = tmp_path / "p.yaml"
        profile.write_text(_yaml(path, written), encoding="utf-8")
        if not _out_of_range(meta, number):
            assert load_config_file(profile) is not None  # (a huge count where none is too many)
            continue
        with pytest.raises(ConfigError) as error:
            load_config_file(profile)
        _refused(path, meta, number, error.value)
        assert str(profile) in str(error.value)
        for value in (number, written) if written[0] != "." else (number,):  # a float, or the text pasted
            with pytest.raises(ConfigError) as error:
                Config().replace(**{path: value})
            _refused(path, meta, number, error.value)


@pytest.mark.parametrize("written", ["1e308", "inf", "nan", "1e400", "-1"])
def test_set_on_the_command_line_names_the_range(written, in_tmp):
    result = CliRunner().invoke(app, ["--set", f"cite.anchored={written}", "--output", "out.md"])
    assert result.exit_code == 2 or result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "cite.anchored: must be" in lines[0] and "between 0 and 1" in lines[0], lines
    assert not (in_tmp / "out.md").exists()
    result = CliRunner().invoke(app, ["--set", f"select.max_words={written}", "--output", "out.md"])
    assert "select.max_words: must be" in result.output and "between 1 and 1000000" in result.output, result.output
    assert "\n" not in result.output.strip()


def test_a_number_yaml_reads_as_text_is_taken_as_that_number():
    assert Config().replace(**{"cite.anchored": "1e-1"}).cite.anchored == 0.1
    assert Config().replace(**{"select.max_words": "1e2"}).select.max_words == 100
    with pytest.raises(ConfigError, match="whole number"):
        Config().replace(**{"select.max_words": "1.5"})
    with pytest.raises(ConfigError, match="must be a string"):  # a text setting takes no number
        Config().replace(**{"rank.algo": 1e308})


def test_a_whole_number_written_with_a_point_is_that_whole_number_in_the_library_too():
    # as `--set select.max_words=1e3` and a profile's `max_words: 1e3` give 1000
    assert Config().replace(max_words=1000.0).select.max_words == 1000
    assert type(Config().replace(max_words=1000.0).select.max_words) is int
    with pytest.raises(ConfigError, match="whole number"):
        Config().replace(max_words=2.5)
