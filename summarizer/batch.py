"""Many stories at once: one briefing per story, on worker processes or on a Dask cluster.

A story is ``(id, documents)``, where each document is a ``Source`` or a path (file or folder,
read in the worker), or the dev sets' JSON form ``{"id", "docs": [{"id", "text", "date"?}]}``.
``summarize_many`` yields ``(id, Briefing or SummarizerError)`` in input order; a story that fails
yields its error (its message does not repeat the id) and the others go on.  The settings are
shipped to each worker once.

Readers for the command line's ``--batch``, a JSON Lines file (one story a line) or a folder (each
subfolder a story), and the outputs' shapes: file names, the index of stories, JSON Lines.
"""

from __future__ import annotations

import json
import os
import re
from collections import deque
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, Sequence, Union

from .ingest.decoding import clean
from .errors import InputError, SummarizerError
from .models import Source

if TYPE_CHECKING:
    from .config.sections import Config
    from .models import Briefing

Document = Union[Source, str, "os.PathLike[str]"]
Story = Union[tuple[str, Sequence[Document]], Mapping[str, Any]]
Result = tuple[str, Union["Briefing", SummarizerError]]

_IN_FLIGHT_PER_WORKER = 4  # stories queued per worker: enough to keep it busy, few to hold in memory


def summarize_many(
    stories: Iterable[Story],
    config: Config | None = None,
    *,
    jobs: int | None = None,
    client: Any = None,
    progress: Callable[[int, int], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[Result]:
    """Summarize each story into its own briefing; yield ``(id, Briefing or error)`` in input order.

    ``jobs``: worker processes (default: the machine's cores; 1 runs in this process).
    ``client``: a ``dask.distributed.Client``: the stories run on its cluster instead.
    ``progress(done, total)`` after each story (total is 0 when ``stories`` has no length);
    ``warn(message)`` for the workers' warnings (a skipped file), each prefixed with its story's id.
    """
    from .config.sections import Config

    config = config or Config()
    total = len(stories) if hasattr(stories, "__len__") else 0
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    jobs = jobs or os.cpu_count() or 1
    if total:
        jobs = min(jobs, total)  # no worker started to wait for a story that never comes
    prepared = (_prepare(number, story) for number, story in enumerate(stories, 1))
    if client is not None:
        results = _on_dask(prepared, config, client)
    elif jobs == 1:
        results = ((story_id, _summarize_story(story_id, documents, config)) for story_id, documents in prepared)
    else:
        results = _on_processes(prepared, config, jobs)
    for done, (story_id, (outcome, warnings)) in enumerate(results, 1):
        for message in warnings:
            if warn is not None:
                warn(f"{story_id}: {message}")
        if progress is not None:
            progress(done, total)
        yield story_id, outcome


def story_id_of(number: int, story: Story) -> str:
    """The id of the ``number``-th story (from 1), as its briefing and the index name it."""
    if isinstance(story, Mapping):
        return str(story.get("id", f"story {number}"))
    try:
        story_id, _ = story
    except (TypeError, ValueError):
        return f"story {number}"
    return str(story_id)


def _prepare(number: int, story: Story) -> tuple[str, Sequence[Document] | SummarizerError]:
    """A story as (id, documents), or (id, the error that makes it unusable)."""
    if isinstance(story, Mapping):
        story_id = story_id_of(number, story)
        try:
            return story_id, _json_documents(story.get("docs"))
        except InputError as error:
            return story_id, error
    try:
        story_id, documents = story
    except (TypeError, ValueError):
        return f"story {number}", SummarizerError("not an (id, documents) pair")
    if isinstance(documents, (str, os.PathLike)):  # one folder or file, not a list of them
        documents = [documents]
    return str(story_id), list(documents)


def _json_documents(docs: Any) -> list[Source]:
    """The ``docs`` of the dev sets' ``{"id", "docs": [{"id", "text", "date"?, "title"?}]}`` as sources."""
    if not isinstance(docs, list):
        raise InputError('"docs"', 'must be a list of {"id", "text"} objects')
    sources = []
    for number, doc in enumerate(docs, 1):
        if not isinstance(doc, Mapping) or not isinstance(doc.get("text"), str):
            raise InputError(f"document {number}", 'has no "text" string')
        name = clean(str(doc.get("id", f"doc {number}")))
        date, title = doc.get("date"), doc.get("title")
        # As standard input's JSON Lines: no control character or terminal escape in the text.
        sources.append(Source(name=name, path=name, text=clean(doc["text"]),
                              date=str(date) if date is not None else None,
                              title=" ".join(clean(str(title)).split()) or None if title else None))
    return sources


def _summarize_story(story_id: str, documents: Sequence[Document] | SummarizerError,
                     config: Config) -> tuple[Briefing | SummarizerError, list[str]]:
    """One story's briefing (or its error) and the warnings raised on the way; never raises."""
    from .pipeline import summarize

    warnings: list[str] = []
    if isinstance(documents, SummarizerError):
        return documents, warnings
    if not documents:  # summarize() would take the bundled sample articles
        return SummarizerError("no documents"), warnings
    try:
        return summarize(documents, config, warn=warnings.append), warnings
    except SummarizerError as error:
        return error, warnings
    except Exception as error:  # a bug must not end the other stories: report it with the story
        return SummarizerError(f"internal error: {type(error).__name__}: {error}"), warnings


# Worker processes: the settings arrive once, with the worker's start, not with every story.
_worker_config: Config | None = None


def _start_worker(config: Config) -> None:
    global _worker_config
    _worker_config = config


def _summarize_in_worker(story_id: str, documents: Sequence[Document] | SummarizerError):
    return _summarize_story(story_id, documents, _worker_config)


def _on_processes(prepared: Iterator[tuple[str, Any]], config: Config, jobs: int) -> Iterator[tuple[str, Any]]:
    workers = _Workers(config, jobs)
    finished = False
    try:
        yield from _in_order(prepared, workers.submit, jobs, retry=workers.alone)
        finished = True
    finally:
        # Every result is in: the workers are joined, so none is torn down while the interpreter
        # exits (a traceback from the pool's thread, seen under load).  Interrupted: no waiting.
        workers.close(wait=finished)


class _Workers:
    """A process pool started again when a worker dies (killed, out of memory), so that the stories
    after it go on; a story lost with the pool is run again alone (``alone``), so that only the story
    that kills its worker fails."""

    def __init__(self, config: Config, jobs: int):
        self.config, self.jobs, self.pool = config, jobs, None

    def _start(self, jobs: int):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(self.config,))

    def submit(self, story_id: str, documents: Any):
        from concurrent.futures.process import BrokenProcessPool

        for attempt in range(2):
            if self.pool is None:
                self.pool = self._start(self.jobs)
            try:
                return self.pool.submit(_summarize_in_worker, story_id, documents)
            except BrokenProcessPool:  # a worker died since the last story: a fresh pool takes this one
                self.close()
        raise BrokenProcessPool("the worker processes cannot be started")

    def alone(self, story_id: str, documents: Any):
        """The story on a pool of its own: its result, or the error of the worker that died with it."""
        with self._start(1) as own:
            return own.submit(_summarize_in_worker, story_id, documents).result()

    def close(self, wait: bool = False) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=wait, cancel_futures=True)
            self.pool = None


def _on_dask(prepared: Iterator[tuple[str, Any]], config: Config, client: Any) -> Iterator[tuple[str, Any]]:
    # The settings go to every worker once; the tasks refer to them.
    shipped = client.scatter(config, broadcast=True)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    # pure=False: two stories alike (a batch repeating one) are still two tasks, two results.
    yield from _in_order(prepared, lambda story_id, documents: client.submit(_summarize_story, story_id, documents,
                                                                             shipped, pure=False), workers)


def _in_order(prepared: Iterator[tuple[str, Any]], submit: Callable[[str, Any], Any], workers: int,
              retry: Callable[[str, Any], Any] | None = None) -> Iterator[tuple[str, Any]]:
    """Submit stories a few per worker ahead, yield their results in input order.  With ``retry``,
    a story whose worker died is run again by ``retry(story_id, documents)`` before it fails."""
    pending: deque = deque()
    for story_id, documents in prepared:
        try:
            pending.append((story_id, documents, submit(story_id, documents)))
        except Exception as error:  # the pool is broken (a worker was killed): this story fails too
            pending.append((story_id, documents, error))
        if len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
            yield _result(*pending.popleft(), retry)
    while pending:
        yield _result(*pending.popleft(), retry)


def _result(story_id: str, documents: Any, future: Any, retry: Callable[[str, Any], Any] | None) -> tuple[str, Any]:
    try:
        if isinstance(future, Exception):
            raise future
        return story_id, future.result()
    except Exception as error:  # the worker died (out of memory, killed): run it again, or it failed
        if retry is not None:
            try:
                return story_id, retry(story_id, documents)
            except Exception as again:
                error = again
        return story_id, (SummarizerError(f"worker failed: {type(error).__name__}: {error}"), [])


def read_batch(path: str | os.PathLike, *, warn: Callable[[str], None] | None = None) -> list[Story]:
    """The stories of ``--batch PATH``: a JSON Lines file (one story a line) or a folder of subfolders."""
    path = os.fspath(path)
    if os.path.isdir(path):
        return read_story_folders(path, warn=warn)
    if not os.path.exists(path):
        raise InputError(path, "no such file or folder")
    return read_jsonl(path)


def read_jsonl(path: str | os.PathLike) -> list[Mapping[str, Any]]:
    """One story a line, ``{"id", "docs": [{"id", "text", "date"?}]}``; blank lines are skipped.

    A line that is not such an object is an error naming the file and line, before any work;
    a story whose documents are unusable fails on its own, later.
    """
    path = os.fspath(path)
    stories: list[Mapping[str, Any]] = []
    seen: set[str] = set()
    try:
        with open(path, encoding="utf-8-sig") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    story = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(where, f"not JSON ({error.msg})") from None
                if not isinstance(story, dict) or not isinstance(story.get("id"), (str, int)):
                    raise InputError(where, 'a story must be an object with an "id" and "docs"')
                if str(story["id"]) in seen:
                    raise InputError(where, f"story id {story['id']!r} given twice")
                seen.add(str(story["id"]))
                stories.append(story)
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None
    if not stories:
        raise InputError(path, "no stories (one JSON object a line)")
    return stories


def read_story_folders(folder: str | os.PathLike, *, warn: Callable[[str], None] | None = None
                       ) -> list[tuple[str, list[str]]]:
    """Each non-hidden subfolder of ``folder`` is a story named after it; its files are read in the worker."""
    folder = os.fspath(folder)
    try:
        entries = sorted(e for e in os.listdir(folder) if not e.startswith("."))
    except OSError as error:
        raise InputError(folder, f"cannot read: {error.strerror or error}") from None
    stories = [(name, [os.path.join(folder, name)]) for name in entries if os.path.isdir(os.path.join(folder, name))]
    loose = [name for name in entries if not os.path.isdir(os.path.join(folder, name))]
    if not stories:
        raise InputError(folder, "no subfolders: with --batch FOLDER each subfolder is one story")
    if loose and warn is not None:
        warn(f"{folder}: {len(loose)} file{'s' if len(loose) != 1 else ''} outside the story subfolders "
             f"skipped ({loose[0]}{', ...' if len(loose) > 1 else ''})")
    return stories


# Outputs: one briefing file per story and an index of them, or one JSON Lines file.

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def file_name(story_id: str, extension: str, taken: set[str]) -> str:
    """A file name for a story's briefing: its id with only safe characters, distinct from ``taken``."""
    stem = _UNSAFE.sub("_", story_id).strip("._") or "story"
    name, number = f"{stem}{extension}", 1
    while name.lower() in taken or name.lower().startswith("index."):  # case-blind file systems, the index
        number += 1
        name = f"{stem}-{number}{extension}"
    taken.add(name.lower())
    return name


def source_names(story: Story) -> list[str]:
    """The names a story's documents go by: their ids (JSON form), source names or file names."""
    if isinstance(story, Mapping):
        docs = story.get("docs")
        return [str(d.get("id", "")) for d in docs if isinstance(d, Mapping)] if isinstance(docs, list) else []
    documents = story[1] if isinstance(story, (tuple, list)) and len(story) == 2 else []
    if isinstance(documents, (str, os.PathLike)):
        documents = [documents]
    return [d.name if isinstance(d, Source) else os.path.basename(os.fspath(d)) for d in documents]


def story_dates(story: Story) -> tuple[str | None, str | None]:
    """The first and last publication date (ISO) of a story's documents, where they give one."""
    from .ingest.dates import parse_date

    if isinstance(story, Mapping):
        docs = story.get("docs")
        given = [d.get("date") for d in docs if isinstance(d, Mapping)] if isinstance(docs, list) else []
    else:
        documents = story[1] if isinstance(story, (tuple, list)) and len(story) == 2 else []
        given = [d.date for d in documents if isinstance(d, Source)] if isinstance(documents, (list, tuple)) else []
    known = sorted(d for d in (parse_date(str(g)) for g in given if g) if d is not None)
    return (known[0].isoformat(), known[-1].isoformat()) if known else (None, None)


def index_entry(story_id: str, outcome: Briefing | SummarizerError, sources: Sequence[str],
                briefing_file: str | None, dates: tuple[str | None, str | None] | None = None) -> dict[str, Any]:
    """One story of ``index.json``: id, title, its sources' file names, its article count, first and
    last date (``dates``, else the briefing's sources'; null where none is known), its briefing
    file (or its error)."""
    if dates is None:
        dates = story_dates(("", outcome.sources)) if not isinstance(outcome, SummarizerError) else (None, None)
    first, last = dates
    if isinstance(outcome, SummarizerError):
        return {"id": story_id, "title": "", "sources": list(sources), "articles": len(sources),
                "first_date": first, "last_date": last, "briefing": None, "error": str(outcome)}
    names = [s.name for s in outcome.sources]
    return {"id": story_id, "title": outcome.title, "sources": names, "articles": len(names),
            "first_date": first, "last_date": last, "briefing": briefing_file}


def index_json(entries: Sequence[Mapping[str, Any]]) -> str:
    """The index as JSON, marked like a JSON briefing so that a later run may replace it."""
    return json.dumps({"generator": "summarize", "stories": list(entries)}, ensure_ascii=False, indent=2) + "\n"


def index_markdown(entries: Sequence[Mapping[str, Any]]) -> str:
    """The index as Markdown, marked like a briefing so that no run reads it back as an article."""
    from .ingest.formats import BRIEFING_MARKER
    from .output.render import code_span, escape_markdown  # the briefings' own escaping of text and file names

    failed = sum(1 for e in entries if e["briefing"] is None)
    lines = [f"# {len(entries)} stor{'y' if len(entries) == 1 else 'ies'}"
             + (f", {failed} failed" if failed else ""), ""]
    for number, entry in enumerate(entries, 1):
        sources = ", ".join(code_span(name) for name in entry["sources"])
        count = f"{len(entry['sources'])} source{'s' if len(entry['sources']) != 1 else ''}"
        first, last = entry.get("first_date"), entry.get("last_date")
        if first:
            count += f", {first}" + (f" to {last}" if last != first else "")
        if entry["briefing"] is None:
            lines.append(f"{number}. {escape_markdown(entry['id'])}: failed: {escape_markdown(entry['error'])}")
        else:
            lines.append(f"{number}. [{escape_markdown(entry['title'])}](<{entry['briefing']}>) "
                         f"({escape_markdown(entry['id'])}, {count}: {sources})")
    return "\n".join(lines + ["", BRIEFING_MARKER, ""])


def jsonl_line(story_id: str, outcome: Briefing | SummarizerError) -> str:
    """One story of a JSON Lines output: ``{"id", "briefing": {...}}`` or ``{"id", "error"}``."""
    from .output.render import render

    if isinstance(outcome, SummarizerError):
        return json.dumps({"id": story_id, "error": str(outcome)}, ensure_ascii=False) + "\n"
    briefing = json.loads(render(outcome, "json"))
    return json.dumps({"id": story_id, "briefing": briefing}, ensure_ascii=False) + "\n"
