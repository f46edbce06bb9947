"""The `summarize` command: parse, call the library, write, report."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import List, Optional

import typer

from .config import Config, FIELD_HELP, available_profiles, load_config_file, load_profile
from .errors import ConfigError, SummarizerError
from .output import check_output, write_output
from .pipeline import summarize
from .progress import ProgressBar
from .rank import ALGORITHMS, DESCRIPTIONS
from .render import render, visible

app = typer.Typer(add_completion=False, rich_markup_mode=None)


def _help(key: str, default: str = "") -> str:
    """A setting's help text as the profiles document it, for the command line."""
    text = FIELD_HELP[key].split(";")[0]
    return f"{text[0].upper()}{text[1:]}. {default}".strip()


def _list_algorithms(value: bool) -> None:
    if value:
        for name in ALGORITHMS:
            typer.echo(f"{name:<10} {DESCRIPTIONS[name]}")
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
  cat article.txt | summarize - --format json --output -
""")
def main_command(
    paths: Optional[List[str]] = typer.Argument(
        None, help="Articles: .txt, .md or .html files, folders (read recursively), or - for standard input. "
                   "None: the bundled sample articles.", show_default=False),
    algo: Optional[str] = typer.Option(None, "--algo", "-a", help=_help("algo"), show_default=False),
    profile: Optional[str] = typer.Option(None, "--profile", "-p",
                                          help="Bundled settings profile, e.g. default, brief, long.",
                                          show_default=False),
    config_file: Optional[Path] = typer.Option(None, "--config", "-c", help="Settings from a YAML file.",
                                               show_default=False, dir_okay=False),
    max_words: Optional[int] = typer.Option(None, "--max-words", "-w", help=_help("max_words", f"[default: {Config().max_words}]"), show_default=False),
    max_sentences: Optional[int] = typer.Option(None, "--max-sentences", "-n",
                                                help=_help("max_sentences", "[default: none]"),
                                                show_default=False),
    output_format: Optional[str] = typer.Option(None, "--format", "-f", help="markdown or json [default: markdown].",
                                                show_default=False),
    output: Optional[str] = typer.Option(None, "--output", "-o",
                                         help="Output file, or - for standard output "
                                              "[default: briefing.md, or briefing.json with --format json].",
                                         show_default=False),
    neutrality: Optional[str] = typer.Option(None, "--neutrality",
                                             help=_help("neutrality", "[default: balanced]"),
                                             show_default=False),
    title: Optional[str] = typer.Option(None, "--title", help="Title of the briefing [default: the sources' "
                                                              "most shared headline].", show_default=False),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no warnings."),
    list_algos: bool = typer.Option(False, "--list-algos", callback=_list_algorithms, is_eager=True,
                                    help="List the algorithms and exit."),
    list_profiles: bool = typer.Option(False, "--list-profiles", callback=_list_profiles, is_eager=True,
                                       help="List the bundled profiles and exit."),
) -> None:
    flags = {"algo": algo, "max_words": max_words, "max_sentences": max_sentences, "format": output_format,
             "output": output, "neutrality": neutrality, "title": title}
    progress = ProgressBar(enabled=False if quiet else None)
    try:
        if profile and config_file:
            raise ConfigError("--profile", "give --profile or --config, not both")
        base = load_profile(profile) if profile else load_config_file(config_file) if config_file else Config()
        config = Config.from_mapping({k: v for k, v in flags.items() if v is not None}, "command line", base)
        warn = (lambda message: None) if quiet else _warn
        inputs = paths or []
        if config.output_path != "-":
            check_output(config.output_path, inputs)  # before the work: a bad --output fails fast
        briefing = summarize(paths or None, config, progress=progress, warn=warn)
        progress.close()
        text = render(briefing, config.format)
        write_output(config.output_path, text, inputs=[*inputs, *(s.path for s in briefing.sources)])
    except SummarizerError as error:
        progress.close()
        _fail(str(error), 2 if isinstance(error, ConfigError) else 1)
    except KeyboardInterrupt as stop:  # SIGINT, or SIGTERM as Terminated: clean-up has run
        progress.close()
        terminated = isinstance(stop, Terminated)
        _fail(f"{'terminated' if terminated else 'interrupted'}; no briefing written", 143 if terminated else 130)
    if config.output_path != "-" and not quiet:
        n = len(briefing.sources)
        typer.echo(f"Wrote {visible(config.output_path)}: {len(briefing.sentences)} sentences, {briefing.words} words "
                   f"from {n} source{'s' if n != 1 else ''}.", err=True)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program stands so that temporary files are removed on the way out."""


def _terminate(signum, frame) -> None:
    raise Terminated()


def _warn(message: str) -> None:
    typer.echo(f"summarize: warning: {visible(message)}", err=True)


def _fail(message: str, code: int) -> None:
    typer.echo(f"summarize: error: {visible(message)}", err=True)
    raise typer.Exit(code)


def main() -> None:
    signal.signal(signal.SIGTERM, _terminate)
    app(prog_name="summarize")
