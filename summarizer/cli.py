"""The `summarize` command: parse, call the library, write, report.

Starts fast: the pipeline (numpy, scipy) is imported only once there is work to do, so
``--help``, ``--version``, ``--list-algos`` and settings errors answer at once.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .config import (FORMATS, LANGUAGES, NEUTRALITY_POLICIES, Config, available_profiles, load_config_file,
                     load_profile, nest, seeds_dir)
from .errors import ConfigError, SummarizerError
from .output import check_output, write_output
from .progress import ProgressBar
from .render import visible
from .rank import ALGORITHMS
from .settings import leaves

# Click's UsageError, as Typer ships it (newer Typer versions carry their own copy of click).
_UsageError = typer.BadParameter.__bases__[0]

app = typer.Typer(add_completion=True, rich_markup_mode=None, pretty_exceptions_enable=False)

_HELP = {path: f.metadata["help"] for path, f, _ in leaves(Config)}


def _help(path: str, default: str = "") -> str:
    """A setting's help text as the profiles document it, for the command line."""
    text = _HELP[path].split(";")[0]
    return f"{text[0].upper()}{text[1:]}. {default}".strip()


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"summarize {version('summarizer')}")
        except PackageNotFoundError:  # run from a checkout that was never installed
            typer.echo("summarize (not installed)")
        raise typer.Exit()


def _list_algorithms(value: bool) -> None:
    if value:
        for name, cls in ALGORITHMS.items():
            typer.echo(f"{name:<10} {cls.description}")
        raise typer.Exit()


def _list_profiles(value: bool) -> None:
    if value:
        for name in available_profiles():
            typer.echo(name)
        raise typer.Exit()


@app.command(help="""Summarize news articles about one story into one neutral briefing.

Sentences from all the articles are pooled, duplicates merged, ranked and selected within a word
budget; each briefing sentence is quoted verbatim and cited to every source that carries it.
Writes briefing.md (Markdown) by default.

\b
Examples:
  summarize                         # the bundled sample articles -> briefing.md
  summarize reports/ extra.txt --algo textrank --max-words 150 --output brief.md
  summarize --profile brief         # a bundled profile (see --list-profiles)
  summarize --set rank.lexrank.threshold=0.2 --set select.diversity=0.5
  cat article.txt | summarize - --format json --output -
  summarize https://example.com/news/a https://example.org/b --format html
""")
def main_command(
    paths: Optional[List[str]] = typer.Argument(
        None, help="Articles: .txt, .md or .html files, folders (read recursively), http(s) addresses, or - for standard input. "
                   "None: the bundled sample articles.", show_default=False),
    algo: Optional[str] = typer.Option(
        None, "--algo", "-a", show_default=False,
        help=f"Ranking algorithm: {', '.join(ALGORITHMS)} (see --list-algos). [default: lexrank]"),
    profile: Optional[str] = typer.Option(None, "--profile", "-p",
                                          help="Bundled settings profile, e.g. default, brief, long.",
                                          show_default=False),
    config_file: Optional[Path] = typer.Option(None, "--config", "-c", help="Settings from a YAML file.",
                                               show_default=False, dir_okay=False),
    max_words: Optional[int] = typer.Option(None, "--max-words", "-w", show_default=False,
                                            help=_help("select.max_words", "[default: 120]")),
    max_sentences: Optional[int] = typer.Option(None, "--max-sentences", "-n", show_default=False,
                                                help=_help("select.max_sentences", "[default: none]")),
    output_format: Optional[str] = typer.Option(None, "--format", "-f", show_default=False,
                                                help=f"{', '.join(FORMATS)} [default: markdown]."),
    output: Optional[str] = typer.Option(None, "--output", "-o", show_default=False,
                                         help="Output file, or - for standard output "
                                              "[default: briefing.md, .json or .html by --format]."),
    neutrality: Optional[str] = typer.Option(
        None, "--neutrality", show_default=False,
        help=f"{', '.join(NEUTRALITY_POLICIES)}: {_help('neutrality.policy')} [default: balanced]"),
    language: Optional[str] = typer.Option(
        None, "--language", "-l", show_default=False,
        help=f"Language of the articles: auto (detect it; the language most sources are in is used) or one of "
             f"{', '.join(LANGUAGES[1:])}. Outside English, neutrality keeps only its rules that need no word "
             "list (a question in the sentence's own voice), and figures are not compared (no \"where sources "
             "differ\"); the briefing's footer says so. [default: auto]"),
    title: Optional[str] = typer.Option(None, "--title", help="Title of the briefing [default: the sources' "
                                                              "most shared headline].", show_default=False),
    set_: Optional[List[str]] = typer.Option(None, "--set", "-s", metavar="KEY=VALUE", show_default=False,
                                             help="Any setting by its path in the profiles, e.g. "
                                                  "select.diversity=0.5 (repeatable; YAML values)."),
    offline: bool = typer.Option(False, "--offline", help="Refuse web addresses instead of fetching them."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no warnings."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
    list_algos: bool = typer.Option(False, "--list-algos", callback=_list_algorithms, is_eager=True,
                                    help="List the algorithms and exit."),
    list_profiles: bool = typer.Option(False, "--list-profiles", callback=_list_profiles, is_eager=True,
                                       help="List the bundled profiles and exit."),
) -> None:
    flags = {"rank.algo": algo, "select.max_words": max_words, "select.max_sentences": max_sentences,
             "output.format": output_format, "output.path": output, "neutrality.policy": neutrality,
             "output.title": title, "input.offline": offline or None, "input.language": language}
    progress = ProgressBar(enabled=False if quiet else None)
    try:
        if profile and config_file:
            raise ConfigError("--profile", "give --profile or --config, not both")
        base = load_profile(profile) if profile else load_config_file(config_file) if config_file else Config()
        given = {**_parse_sets(set_ or []), **{k: v for k, v in flags.items() if v is not None}}
        config = Config.from_mapping(nest(given), "command line", base)
        from .pipeline import summarize  # the work starts here: numpy and scipy load now
        from .render import render

        warn = (lambda message: None) if quiet else _warn
        inputs = paths or [str(seeds_dir())]
        never_written = [*inputs, *([str(config_file)] if config_file else [])]  # files the run reads
        if config.output.target != "-":
            check_output(config.output.target, never_written)  # before the work: a bad --output fails fast
        briefing = summarize(inputs, config, progress=progress, warn=warn)
        progress.close()
        text = render(briefing, config.output.format)
        write_output(config.output.target, text, inputs=[*never_written, *(s.path for s in briefing.sources)])
    except ConfigError as error:
        progress.close()
        _fail(str(error), 2)
    except SummarizerError as error:
        progress.close()
        _fail(str(error), 1)
    except KeyboardInterrupt as stop:  # SIGINT, or SIGTERM as Terminated: clean-up has run
        progress.close()
        _fail(*_stopped(stop))
    if config.output.target != "-" and not quiet:
        n = len(briefing.sources)
        typer.echo(f"Wrote {visible(config.output.target)}: {len(briefing.sentences)} sentences, {briefing.words} words "
                   f"from {n} source{'s' if n != 1 else ''}.", err=True)


def _parse_sets(pairs: list[str]) -> dict:
    """``--set KEY=VALUE`` pairs, each value read as YAML (so numbers, null and lists work)."""
    from .yaml_safe import read_value

    settings = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or not key.strip():
            raise ConfigError("--set", f"expected KEY=VALUE, not {pair!r}")
        settings[key.strip()] = read_value(value, key.strip())
    return settings


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program stands so that temporary files are removed on the way out."""


def _terminate(signum, frame) -> None:
    raise Terminated()


def _stopped(stop: BaseException) -> tuple[str, int]:
    """The message and exit status of a run stopped by SIGINT (130) or SIGTERM (143)."""
    if isinstance(stop, Terminated):
        return "terminated; no briefing written", 143
    return "interrupted; no briefing written", 130


def _warn(message: str) -> None:
    typer.echo(f"summarize: warning: {visible(message)}", err=True)


def _fail(message: str, code: int) -> None:
    typer.echo(f"summarize: error: {visible(message)}", err=True)
    raise typer.Exit(code)


def main() -> None:
    """The console script: Typer's command, with its own usage errors in the tool's one style."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        code = app(prog_name="summarize", standalone_mode=False)
    except _UsageError as error:  # unknown option, missing value, bad number
        message = visible(error.format_message().replace("\n", " "))
        typer.echo(f"summarize: error: {message} (see summarize --help)", err=True)
        sys.exit(2)
    except typer.Abort as abort:  # Ctrl-C (or SIGTERM) inside click itself
        message, code = _stopped(abort.__cause__ or abort)
        typer.echo(f"summarize: error: {message}", err=True)
        sys.exit(code)
    sys.exit(code if isinstance(code, int) else 0)
