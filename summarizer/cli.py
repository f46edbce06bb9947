"""The `summarize` command: parse, call the library, write, report.

Starts fast: the pipeline (numpy, scipy) is imported only once there is work to do, so
``--help``, ``--version``, ``--list-algos`` and settings errors answer at once.
"""

from __future__ import annotations

import dataclasses
import gc
import os
import signal
import sys
from pathlib import Path
from typing import Callable, Iterable, List, NamedTuple, Optional

import typer

from .config.sections import (FORMATS, LANGUAGES, NEUTRALITY_POLICIES, Config, available_profiles, load_config_file,
                     load_profile, nest)
from .ingest.formats import seeds_dir
from .cli_values import read_plain_values
from .errors import ConfigError, SummarizerError
from .output.files import check_output, write_output
from .progress import ProgressBar
from .output.text import visible
from .rank import ALGORITHMS
from .params import leaves

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


def _choices(names: Callable[[], Iterable[str]]) -> Callable[[str], list[str]]:
    """Tab completion of an option's choices: the names that start with what is typed."""
    def complete(incomplete: str) -> list[str]:
        return [name for name in names() if name.startswith(incomplete.casefold())]

    return complete


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
  summarize pile/ --stories --output-dir briefings/   # one briefing per story in a mixed pile
  summarize --batch stories.jsonl --output-dir briefings/ --jobs 4
  summarize --batch stories/ --output all.jsonl --dask tcp://scheduler:8786
""")
def main_command(
    paths: Optional[List[str]] = typer.Argument(
        None, help="Articles: .txt, .md or .html files, folders (read recursively), http(s) addresses, "
                   "or - for standard input. "
                   "None: the bundled sample articles.", show_default=False),
    algo: Optional[str] = typer.Option(
        None, "--algo", "-a", show_default=False, autocompletion=_choices(lambda: ALGORITHMS),
        help=f"Ranking algorithm: {', '.join(ALGORITHMS)} (see --list-algos). [default: centroid]"),
    profile: Optional[str] = typer.Option(None, "--profile", "-p", autocompletion=_choices(available_profiles),
                                          help="Bundled settings profile, e.g. default, brief, long.",
                                          show_default=False),
    config_file: Optional[Path] = typer.Option(None, "--config", "-c", help="Settings from a YAML file.",
                                               show_default=False, dir_okay=False),
    max_words: Optional[int] = typer.Option(None, "--max-words", "-w", show_default=False,
                                            help=_help("select.max_words", "[default: 120]")),
    max_sentences: Optional[int] = typer.Option(None, "--max-sentences", "-n", show_default=False,
                                                help=_help("select.max_sentences", "[default: none]")),
    output_format: Optional[str] = typer.Option(None, "--format", "-f", show_default=False,
                                                autocompletion=_choices(lambda: FORMATS),
                                                help=f"{', '.join(FORMATS)} [default: markdown]."),
    output: Optional[str] = typer.Option(None, "--output", "-o", show_default=False,
                                         help="Output file, or - for standard output "
                                              "[default: briefing.md, .json or .html by --format]."),
    neutrality: Optional[str] = typer.Option(
        None, "--neutrality", show_default=False, autocompletion=_choices(lambda: NEUTRALITY_POLICIES),
        help=f"Wording, {' / '.join(NEUTRALITY_POLICIES)}: {_HELP['neutrality.policy']}. [default: balanced]"),
    language: Optional[str] = typer.Option(
        None, "--language", "-l", show_default=False, autocompletion=_choices(lambda: LANGUAGES),
        help=f"Language of the articles: auto (detect it; the language most sources are in is used) or one of "
             f"{', '.join(LANGUAGES[1:])}. Outside English, neutrality keeps only its rules that need no word "
             "list (a question in the sentence's own voice), and figures are not compared (no \"where sources "
             "differ\"); the briefing's footer says so. [default: auto]"),
    title: Optional[str] = typer.Option(None, "--title", help="Title of the briefing [default: the sources' "
                                                              "most shared headline].", show_default=False),
    set_: Optional[List[str]] = typer.Option(None, "--set", "-s", metavar="KEY=VALUE", show_default=False,
                                             help="Any setting by its path in the profiles, e.g. "
                                                  "select.diversity=0.5 (repeatable; YAML values)."),
    since: Optional[str] = typer.Option(None, "--since", metavar="BRIEFING.json|EARLIER", show_default=False,
                                        help="Write an update: what the articles add to an earlier JSON briefing "
                                             "of this tool, or to the briefing of earlier articles (a folder or "
                                             "file); nothing it told is told again."),
    offline: bool = typer.Option(False, "--offline", help="Refuse web addresses instead of fetching them."),
    stories: bool = typer.Option(False, "--stories", help="Split the articles into stories and write one briefing "
                                                          "per story into --output-dir, with index.md and index.json."),
    batch: Optional[str] = typer.Option(None, "--batch", metavar="FILE.jsonl|FOLDER", show_default=False,
                                        help="Many stories: a JSON Lines file, one story a line "
                                             '({"id", "docs": [{"id", "text", "date"}]}), or a folder whose '
                                             "subfolders are the stories. Writes into --output-dir, or one JSON "
                                             "Lines file with --output."),
    output_dir: Optional[Path] = typer.Option(None, "--output-dir", "-d", show_default=False, file_okay=False,
                                              help="Folder for one briefing per story (--stories, --batch), "
                                                   "each named after its story's id."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", show_default=False,
                                       help="Worker processes for --stories and --batch [default: the machine's "
                                            "cores]."),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="ADDRESS", show_default=False,
                                       help="Run --stories or --batch on the Dask cluster whose scheduler is at "
                                            "ADDRESS (needs summarizer[dask])."),
    force: bool = typer.Option(False, "--force", help="Replace an existing output file even when it is not a "
                                                      "briefing this tool wrote (never an input)."),
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
        many = _check_many(paths, output, stories, batch, output_dir, jobs, dask, quiet, force)
        if since is not None and (stories or batch is not None):
            raise ConfigError("--since", "writes one update briefing: not with --stories or --batch")
        from .ingest.load import load_sources  # the work starts here: numpy and scipy load now
        from .pipeline import summarize, with_article_text
        from .output.render import render
        from .stories import MAX_ARTICLES, find_stories, split_stories

        gc.freeze()  # what is loaded so far lives as long as the process: the collector skips it
        warn = (lambda message: None) if quiet else _warn
        inputs = [batch] if batch is not None else paths or [str(seeds_dir())]
        never_written = [*inputs, *([str(config_file)] if config_file else []), *([since] if since else [])]
        if batch is not None:
            from .batch import read_batch

            failed = _summarize_many(read_batch(batch, warn=warn), config, many, never_written, progress, warn)
            raise typer.Exit(1 if failed else 0)
        if stories and _feeds(inputs):  # JSON Lines: streamed, never all in memory
            failed = _summarize_feeds(inputs, config, many, never_written, progress, warn)
            raise typer.Exit(1 if failed else 0)
        if config.output.target != "-" and not stories:
            check_output(config.output.target, never_written, force=force)  # before the work: fail fast
        sources = load_sources(inputs, max_bytes=config.input.max_file_bytes, warn=warn,
                               progress=lambda done, total: progress("reading", done, total),
                               offline=config.input.offline)
        if stories:
            sources = with_article_text(sources, config.input.language, warn)  # an empty article fails no story
            found_stories = split_stories(sources, config.stories.threshold, config.input.language)
            failed = _summarize_many(found_stories, config, many, never_written, progress, warn)
            raise typer.Exit(1 if failed else 0)
        # The check that a pile holds one story is for piles a person could have mixed up by hand.
        found = find_stories(sources, config.stories.warning_threshold, config.input.language) \
            if len(sources) <= MAX_ARTICLES else [sources]
        if len(found) > 1:
            warn(f"the {len(sources)} articles hold at least {len(found)} different stories, summarized together "
                 f"here; --stories --output-dir DIR writes one briefing per story")
        briefing = summarize(sources, config, since=since, progress=progress, warn=warn)
        progress.close()
        text = render(briefing, config.output.format)
        write_output(config.output.target, text, inputs=[*never_written, *(s.path for s in briefing.sources)],
                     force=force)
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
        typer.echo(f"Wrote {visible(config.output.target)}: {len(briefing.sentences)} sentences, "
                   f"{briefing.words} words "
                   f"from {n} source{'s' if n != 1 else ''}.", err=True)


def _feeds(inputs: list[str]) -> bool:
    """Whether --stories reads JSON Lines feeds: .jsonl or .ndjson files, or standard input whose
    first character opens a JSON object (looked at without reading it)."""
    from .stories.feed import is_feed

    if inputs == ["-"]:
        stdin, head = getattr(sys.stdin, "buffer", None), b""
        if stdin is not None and hasattr(stdin, "peek"):
            head = stdin.peek(4096)[:4096]
        elif stdin is not None and stdin.seekable():
            start = stdin.tell()
            head = stdin.read(4096)
            stdin.seek(start)
        return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
    return all(path != "-" and is_feed(path) for path in inputs)


def _summarize_feeds(inputs: list[str], config: Config, many: _Many, never_written: list[str],
                     progress: ProgressBar, warn) -> int:
    """--stories on JSON Lines: the feed read line by line into the story detector (several files:
    each a partition, detected apart, on Dask with --dask), then each story summarized through the
    batch path, its articles read again from the feed; the failures' count."""
    from .stories.feed import FeedStories, open_feed
    from .stories.partitions import Partitions

    days = config.stories.days or None
    threshold, language = config.stories.threshold, config.input.language
    if len(inputs) > 1:
        with Partitions(inputs) as partitions:
            client = _dask_client(many.dask) if many.dask else None
            try:
                groups = partitions.detect(threshold, language, days=days, client=client, warn=warn)
            finally:
                if client is not None:
                    client.close()
            return _summarize_many(FeedStories(partitions, groups), config, many, never_written, progress, warn)
    with open_feed(inputs[0], getattr(sys.stdin, "buffer", None)) as feed:
        groups = feed.detect(threshold, language, days=days, warn=warn,
                             progress=lambda done, total: progress("feed (bytes)", done, total))
        progress.close()
        return _summarize_many(FeedStories(feed, groups), config, many, never_written, progress, warn)


class _Many(NamedTuple):
    """Where and how --stories and --batch run and write."""

    output_dir: Path | None
    output: str | None  # one JSON Lines file (--batch --output)
    jobs: int | None
    dask: str | None
    quiet: bool
    force: bool = False  # replace files that are not briefings


def _check_many(paths, output, stories, batch, output_dir, jobs, dask, quiet, force=False) -> _Many:
    """The --stories / --batch options make sense together, or a settings error says why."""
    if stories and batch is not None:
        raise ConfigError("--stories", "give --stories (split the articles given) or --batch, not both")
    if batch is not None and paths:
        raise ConfigError("--batch", "takes its stories from FILE.jsonl or FOLDER: give no other articles")
    if stories or batch is not None:
        option = "--stories" if stories else "--batch"
        if stories and output is not None:
            raise ConfigError("--output", "--stories writes one briefing per story: give --output-dir DIR")
        if output_dir is None and (stories or output is None):
            alternative = " (or --output FILE.jsonl)" if batch is not None else ""
            raise ConfigError(option, f"needs --output-dir DIR{alternative}")
        if output_dir is not None and output is not None:
            raise ConfigError("--output", "give --output-dir or --output, not both")
    elif output_dir is not None or jobs is not None or dask is not None:
        flag = "--output-dir" if output_dir is not None else "--jobs" if jobs is not None else "--dask"
        raise ConfigError(flag, "works with --stories or --batch only")
    if jobs is not None and jobs < 1:
        raise ConfigError("--jobs", f"must be at least 1, not {jobs}")
    return _Many(output_dir, output if batch is not None else None, jobs, dask, quiet, force)


def _summarize_many(stories: list, config: Config, many: _Many, never_written: list[str], progress: ProgressBar,
                    warn) -> int:
    """Summarize each story, write its briefing (or the JSON Lines file) and the index; the failures' count."""
    from .batch import (file_name, index_entry, index_json, index_markdown, jsonl_line, source_names, story_id_of,
                        summarize_many)
    from .output.render import render

    extension = Path(dataclasses.replace(config.output, path=None).target).suffix  # .md, .json, .html by format
    if many.output_dir is None:
        if many.output != "-":
            check_output(many.output, never_written, force=many.force)  # before the work: fail fast
    else:
        try:
            many.output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SummarizerError(f"{many.output_dir}: cannot create the folder: {error.strerror or error}") from None
        # Before the work: a file in the way that is not a briefing stops the run, nothing written.
        planned: set[str] = set()  # the names the briefings take when every story succeeds
        # A feed's stories know their ids without reading their texts (FeedStories.ids).
        ids = getattr(stories, "ids", None) or [story_id_of(number, story) for number, story in enumerate(stories, 1)]
        names = ["index.json", "index.md"] + [file_name(story_id, extension, planned) for story_id in ids]
        for name in names:
            check_output(str(many.output_dir / name), never_written, force=many.force)
    taken: set[str] = set()
    entries, lines, failed = [], [], 0
    client = _dask_client(many.dask) if many.dask else None
    results = summarize_many(stories, config, jobs=many.jobs, client=client, warn=warn,
                             progress=lambda done, total: progress("stories", done, total))
    try:
        for story, (story_id, outcome) in zip(stories, results):  # results come in input order
            if isinstance(outcome, SummarizerError):
                failed += 1
                progress.close()
                typer.echo(f"summarize: error: story {visible(story_id)}: {visible(str(outcome))}", err=True)
            if many.output_dir is None:
                lines.append(jsonl_line(story_id, outcome))
                continue
            briefing_file = None
            if not isinstance(outcome, SummarizerError):
                briefing_file = file_name(story_id, extension, taken)
                write_output(str(many.output_dir / briefing_file), render(outcome, config.output.format),
                             inputs=never_written, force=many.force)
            entries.append(index_entry(story_id, outcome, source_names(story), briefing_file))
    except KeyboardInterrupt as stop:  # SIGINT, or SIGTERM as Terminated
        progress.close()
        done = len(entries) + len(lines)
        kept = "their briefings were written, the index was not" if many.output_dir else "nothing was written"
        stopped = "terminated" if isinstance(stop, Terminated) else "interrupted"
        _fail(f"{stopped} after {done} of {len(stories)} stories; {kept}", _stopped(stop)[1])
    finally:
        progress.close()
        if client is not None:
            client.close()
    if many.output_dir is None:
        write_output(many.output, "".join(lines), inputs=never_written, force=many.force)
    else:
        write_output(str(many.output_dir / "index.json"), index_json(entries), inputs=never_written, force=many.force)
        write_output(str(many.output_dir / "index.md"), index_markdown(entries), inputs=never_written,
                     force=many.force)
    where = many.output if many.output_dir is None else f"{many.output_dir}{os.sep}"
    if where != "-" and not many.quiet:
        briefings = len(stories) - failed
        typer.echo(f"Wrote {visible(where)}: {briefings} briefing{'s' if briefings != 1 else ''}"
                   + (f"; {failed} stor{'y' if failed == 1 else 'ies'} failed." if failed else "."), err=True)
    return failed


def _dask_client(address: str):
    try:
        from distributed import Client
    except ImportError:
        raise ConfigError("--dask", "needs Dask: pip install 'summarizer[dask]'") from None
    try:
        return Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as error:
        raise SummarizerError(f"--dask {address}: cannot reach the scheduler: {error}") from None


def _parse_sets(pairs: list[str]) -> dict:
    """``--set KEY=VALUE`` pairs, each value read as YAML (so numbers, null and lists work)."""
    if not pairs:
        return {}  # (the YAML reader is not loaded)
    from .config.yaml_safe import read_value

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


def run() -> None:
    """The console script: Typer's command, with its own usage errors in the tool's one style."""
    signal.signal(signal.SIGTERM, _terminate)
    # Loading the modules and then the pipeline make many small objects that die young: the garbage
    # collector looks less often (its time in a 1x run of benchmarks/speed.py: 30 ms before, now
    # 15 ms; at 8x 90 to 240 ms before, now about 70 ms; the peak memory is the same).
    gc.set_threshold(5000, *gc.get_threshold()[1:])
    try:
        command = typer.main.get_command(app)
        read_plain_values(command)  # pydantic only for values that need it (see cli_values)
        code = command(prog_name="summarize", standalone_mode=False)
    except _UsageError as error:  # unknown option, missing value, bad number
        message = visible(error.format_message().replace("\n", " "))
        typer.echo(f"summarize: error: {message} (see summarize --help)", err=True)
        sys.exit(2)
    except typer.Abort as abort:  # Ctrl-C (or SIGTERM) inside click itself
        message, code = _stopped(abort.__cause__ or abort)
        typer.echo(f"summarize: error: {message}", err=True)
        sys.exit(code)
    sys.exit(code if isinstance(code, int) else 0)
