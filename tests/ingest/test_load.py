"""Tests of summarizer.ingest.load: paths, folders and standard input into Source objects."""

from __future__ import annotations

import json

import builtins
import io
import os
import sys
import tracemalloc
from pathlib import Path

import pytest

from summarizer.ingest import load
from summarizer.errors import InputError
from summarizer.ingest.decoding import decode
from summarizer.ingest.load import load_sources
from summarizer.models import Source

ENGLISH = (
    "The mayor of the city announced on Tuesday that the main street will be closed for three "
    "weeks because of construction work. Residents were asked to use public transport instead.\n"
)
ARTICLE_HTML = """<!DOCTYPE html>
<html><head><title>Flood</title>
<script>var tracking = "SCRIPT_SECRET_CODE";</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">MenuWorldLink</a></li>
<li><a href="/sport">MenuSportLink</a></li></ul></nav>
<article><h1>Flood hits the valley</h1>
<p>Heavy rain caused the river to burst its banks on Tuesday, flooding hundreds of homes in the valley.</p>
<p>Officials said that at least twelve people had been rescued from rooftops by the fire brigade.</p>
</article>
<script>document.write("SCRIPT_SECOND");</script>
</body></html>
"""
PNG_LIKE = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def load_one(path: Path | str, **kwargs) -> Source:
    (source,) = load_sources([str(path)], **kwargs)
    return source


def collect() -> tuple[list[str], callable]:
    messages: list[str] = []
    return messages, messages.append


# --- formats -------------------------------------------------------------------------------


def test_plain_text_file(tmp_path):
    path = write(tmp_path / "story.txt", ENGLISH)
    source = load_one(path)
    assert source.name == "story.txt"
    assert source.path == str(path)
    assert source.text == ENGLISH
    assert source.format == "text"
    assert source.encoding == "utf-8"


def test_markdown_is_kept_verbatim(tmp_path):
    text = (
        "# Flood hits the valley\n\n**By Jane Doe**\n\n- item *one*\n\n"
        "See [the report](http://x.org).\n"
    )
    for suffix in (".md", ".markdown"):
        source = load_one(write(tmp_path / f"story{suffix}", text))
        assert source.format == "markdown"
        assert source.text == text


def test_html_keeps_article_and_drops_script_and_menu(tmp_path):
    source = load_one(write(tmp_path / "page.html", ARTICLE_HTML))
    assert source.format == "html"
    assert "Heavy rain caused the river to burst its banks" in source.text
    assert "rescued from rooftops by the fire brigade." in source.text
    unwanted_parts = ("SCRIPT_SECRET_CODE", "SCRIPT_SECOND", "MenuWorldLink", "MenuSportLink", "<p>")
    for unwanted in unwanted_parts:
        assert unwanted not in source.text
    # One paragraph a line.
    lines = source.text.splitlines()
    assert any(line.startswith("Heavy rain") for line in lines)
    assert any(line.startswith("Officials said") for line in lines)


def test_htm_suffix_and_upper_case_suffix_are_html(tmp_path):
    assert load_one(write(tmp_path / "a.htm", ARTICLE_HTML)).format == "html"
    assert load_one(write(tmp_path / "B.HTML", ARTICLE_HTML)).format == "html"


def test_html_falls_back_to_paragraphs_headings_and_list_items(tmp_path, monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    html = (
        "<html><head><script>var x = 'SCRIPT_CODE';</script><style>p {color: red}</style></head>"
        "<body><h2>Storm   warning</h2><div>loose div text</div><p>First <b>paragraph</b>.</p>"
        "<ul><li>Point one</li><li><p>Point two</p></li></ul></body></html>"
    )
    source = load_one(write(tmp_path / "small.html", html))
    assert source.text == "Storm warning\nFirst paragraph.\nPoint one\nPoint two"


def test_html_without_text_has_no_article(tmp_path):
    html = "<html><head><script>var a = 1;</script></head><body></body></html>"
    path = write(tmp_path / "blank.html", html)
    with pytest.raises(InputError, match="no article text found in the page") as info:
        load_sources([str(path)])
    assert info.value.path == str(path)


def test_other_suffix_named_explicitly_is_plain_text(tmp_path):
    source = load_one(write(tmp_path / "notes.log", "# not markdown\n" + ENGLISH))
    assert source.format == "text"
    assert source.text.startswith("# not markdown\n")
    no_suffix = load_one(write(tmp_path / "README", ENGLISH))
    assert (no_suffix.name, no_suffix.format) == ("README", "text")


def test_other_suffix_binary_is_refused(tmp_path):
    path = write(tmp_path / "image.png", PNG_LIKE)
    with pytest.raises(InputError, match="binary file, not text") as info:
        load_sources([str(path)])
    assert str(path) in str(info.value)


def test_path_like_objects_are_accepted(tmp_path):
    path = write(tmp_path / "story.txt", ENGLISH)
    assert load_sources([path])[0].path == str(path)


# --- folders -------------------------------------------------------------------------------


def make_tree(root: Path) -> None:
    # Written out of order, so that sorting is what makes the result deterministic.
    write(root / "zeta.txt", "Zeta " + ENGLISH)
    write(root / "b" / "index.html", ARTICLE_HTML.replace("Heavy rain", "B-side heavy rain"))
    write(root / "a" / "index.html", ARTICLE_HTML.replace("Heavy rain", "A-side heavy rain"))
    write(root / "a" / "deeper" / "notes.md", "# Notes\n\n" + ENGLISH)
    write(root / "alpha.txt", "Alpha " + ENGLISH)
    write(root / ".hidden.txt", "hidden " + ENGLISH)
    write(root / ".git" / "config.txt", "hidden folder " + ENGLISH)
    write(root / "data.csv", "a,b,c\n1,2,3\n")
    write(root / "photo.jpg", PNG_LIKE)


def test_folder_is_read_recursively_sorted_and_filtered(tmp_path):
    make_tree(tmp_path / "news")
    sources = load_sources([str(tmp_path / "news")])
    assert [s.name for s in sources] == [
        "a/deeper/notes.md",
        "a/index.html",
        "alpha.txt",
        "b/index.html",
        "zeta.txt",
    ]
    assert [s.format for s in sources] == ["markdown", "html", "text", "html", "text"]
    assert sources[1].path == str(tmp_path / "news" / "a" / "index.html")
    assert "A-side heavy rain" in sources[1].text
    assert "B-side heavy rain" in sources[3].text
    assert not any("hidden" in s.text for s in sources)


def test_folder_result_is_deterministic(tmp_path):
    make_tree(tmp_path / "news")
    first = load_sources([str(tmp_path / "news")])
    second = load_sources([str(tmp_path / "news")])
    assert first == second


def test_same_file_named_twice_is_read_once(tmp_path, monkeypatch):
    path = write(tmp_path / "story.txt", ENGLISH)
    write(tmp_path / "other.txt", "Other " + ENGLISH)
    monkeypatch.chdir(tmp_path)
    os.symlink(tmp_path / "story.txt", tmp_path / "link.txt")
    sources = load_sources([str(path), "story.txt", "./story.txt", "link.txt", str(tmp_path)])
    assert [s.name for s in sources] == ["story.txt", "other.txt"]
    assert sources[0].path == str(path)


# --- standard input ------------------------------------------------------------------------


def test_stdin_text():
    source = load_one("-", stdin=io.BytesIO(ENGLISH.encode("utf-8")))
    assert (source.name, source.path, source.format) == ("<stdin>", "-", "text")
    assert source.text == ENGLISH


def test_stdin_html_is_detected():
    source = load_one("-", stdin=io.BytesIO(ARTICLE_HTML.encode("utf-8")))
    assert source.format == "html"
    assert "Heavy rain caused the river" in source.text
    assert "SCRIPT_SECRET_CODE" not in source.text


def test_stdin_markup_that_is_not_a_document_stays_text():
    text = "Use <b>bold</b> sparingly, the editor said. " + ENGLISH
    source = load_one("-", stdin=io.BytesIO(text.encode("utf-8")))
    assert (source.format, source.text) == ("text", text)


def test_stdin_defaults_to_sys_stdin_buffer(monkeypatch):
    class FakeStdin:
        buffer = io.BytesIO(ENGLISH.encode("utf-16"))

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    source = load_one("-")
    assert source.text == ENGLISH
    assert source.encoding == "utf-16-le"


def test_stdin_named_twice_is_read_once(tmp_path):
    path = write(tmp_path / "story.txt", ENGLISH)
    stdin = io.BytesIO(b"From stdin. " + ENGLISH.encode())
    sources = load_sources(["-", str(path), "-"], stdin=stdin)
    assert [s.name for s in sources] == ["<stdin>", "story.txt"]


def test_stdin_over_the_limit_is_refused_without_reading_it_all():
    stream = io.BytesIO(b"x" * 10_000)
    with pytest.raises(InputError, match="limit") as info:
        load_sources(["-"], stdin=stream, max_bytes=1000)
    assert info.value.path == "<stdin>"
    assert stream.tell() == 1001


def test_empty_stdin():
    with pytest.raises(InputError, match="empty file") as info:
        load_sources(["-"], stdin=io.BytesIO(b" \n\t\n"))
    assert info.value.path == "<stdin>"


# --- encodings -----------------------------------------------------------------------------


TEXT = "Café “quoted” naïve – 5 €\nSecond line\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
        (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), "utf-32-le"),
        (b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"), "utf-32-be"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_decoded_and_bom_removed(tmp_path, data, encoding):
    source = load_one(write(tmp_path / "story.txt", data))
    assert source.text == TEXT
    assert source.encoding == encoding


def test_cp1252_short_example():
    assert decode(b"caf\xe9 \x93quoted\x94", "x.txt") == ("café “quoted”", "cp1252")


def test_latin1_text():
    data = "Le café est très «bon», dit-il. Über Öl.".encode("latin-1")
    assert decode(data, "x.txt")[0] == "Le café est très «bon», dit-il. Über Öl."


def test_other_legacy_encodings_use_charset_normalizer():
    russian = "Президент заявил, что переговоры продолжатся на следующей неделе в Москве."
    assert decode(russian.encode("cp1251"), "x.txt")[0] == russian


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends_become_newlines(tmp_path, newline):
    text = "First line.\nSecond line.\n\nNew paragraph.\n"
    source = load_one(write(tmp_path / "dos.txt", text.replace("\n", newline).encode("utf-8")))
    assert source.text == text
    utf16 = load_one(write(tmp_path / "dos16.txt", text.replace("\n", newline).encode("utf-16")))
    assert utf16.text == text


@pytest.mark.parametrize(
    "data",
    [
        PNG_LIKE,
        b"text with a NUL\x00 byte " * 20,
        bytes(range(1, 32)) * 50,  # control characters only, no NUL
        b"\xff\xfe" + bytes([0x00, 0xD8]) * 3,  # a UTF-16 BOM, then lone surrogates
    ],
)
def test_binary_files_are_refused_naming_the_file(tmp_path, data):
    path = write(tmp_path / "blob.txt", data)
    with pytest.raises(InputError) as info:
        load_sources([str(path)])
    assert info.value.problem == "binary file, not text"
    assert info.value.path == str(path)
    assert str(path) in str(info.value)


# --- bad input -----------------------------------------------------------------------------


def test_missing_path(tmp_path):
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(InputError) as info:
        load_sources([missing])
    assert info.value.problem == "no such file or folder"
    assert missing in str(info.value)


def test_missing_path_is_an_error_even_when_others_are_usable(tmp_path):
    good = write(tmp_path / "good.txt", ENGLISH)
    missing = str(tmp_path / "typo.txt")
    with pytest.raises(InputError, match="no such file or folder") as info:
        load_sources([str(good), missing])
    assert info.value.path == missing


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n  ", " \n".encode("utf-16")])
def test_empty_and_whitespace_only_files(tmp_path, data):
    path = write(tmp_path / "empty.txt", data)
    with pytest.raises(InputError) as info:
        load_sources([str(path)])
    assert info.value.problem == "empty file"
    assert str(path) in str(info.value)


def test_folder_with_nothing_readable(tmp_path):
    folder = tmp_path / "stuff"
    write(folder / "data.csv", "a,b\n")
    write(folder / ".hidden.txt", ENGLISH)
    write(folder / "sub" / "photo.jpg", PNG_LIKE)
    with pytest.raises(InputError) as info:
        load_sources([str(folder)])
    assert info.value.problem == ("no readable .txt, .md or .html files in folder; skipped 2 files: data.csv "
                                  "(not .txt, .md or .html); sub/photo.jpg (not .txt, .md or .html)")
    assert str(folder) in str(info.value)

    (tmp_path / "void").mkdir()
    with pytest.raises(InputError, match="no readable"):
        load_sources([str(tmp_path / "void")])


def test_folder_whose_files_all_fail(tmp_path):
    folder = tmp_path / "bad"
    write(folder / "empty.txt", "")
    write(folder / "blob.md", PNG_LIKE)
    warnings, warn = collect()
    with pytest.raises(InputError, match="no readable") as info:
        load_sources([str(folder)], warn=warn)
    assert info.value.path == str(folder)
    # one line says it all (it was a warning and an error)
    assert info.value.problem.endswith("; skipped 2 files: blob.md (binary file, not text); empty.txt (empty file)")
    assert warnings == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    path = write(tmp_path / "secret.txt", ENGLISH)
    path.chmod(0)
    try:
        with pytest.raises(InputError) as info:
            load_sources([str(path)])
    finally:
        path.chmod(0o644)
    assert info.value.problem.startswith("cannot read: ")
    assert "ermission denied" in info.value.problem
    assert str(path) in str(info.value)


def test_unreadable_file_reason_is_reported(tmp_path, monkeypatch):
    # Runs as root too: the open itself is made to fail as it would for a chmod 000 file.
    path = write(tmp_path / "secret.txt", ENGLISH)

    def denied(file, *args, **kwargs):
        raise PermissionError(13, "Permission denied", file)

    monkeypatch.setattr(load, "open", denied, raising=False)
    with pytest.raises(InputError) as info:
        load_sources([str(path)])
    assert info.value.problem == "cannot read: Permission denied"
    assert info.value.path == str(path)


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(50 * 2**20)  # sparse: fast to make, 50 MB to stat
    opened = []
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(load, "open", spy, raising=False)
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as info:
            load_sources([str(path)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert info.value.problem == "file is 50.0 MB, over the 16 MB limit (input.max_file_mb)"
    assert str(path) in str(info.value)
    assert opened == []  # never opened, let alone read
    assert peak < 2**20


def test_custom_size_limit(tmp_path):
    path = write(tmp_path / "story.txt", ENGLISH * 100)
    with pytest.raises(InputError, match="over the .* MB limit"):
        load_sources([str(path)], max_bytes=1000)
    assert load_one(path, max_bytes=len(ENGLISH) * 100).text == ENGLISH * 100


# --- several sources -----------------------------------------------------------------------


def test_unusable_files_are_skipped_with_a_warning(tmp_path):
    good = write(tmp_path / "good.txt", ENGLISH)
    empty = write(tmp_path / "empty.txt", "  \n")
    blob = write(tmp_path / "blob.txt", PNG_LIKE)
    warnings, warn = collect()
    sources = load_sources([str(empty), str(good), str(blob)], warn=warn)
    assert [s.name for s in sources] == ["good.txt"]
    assert warnings == [
        f"{empty}: empty file, skipped",
        f"{blob}: binary file, not text, skipped",
    ]


def test_unusable_files_inside_a_folder_are_skipped(tmp_path):
    folder = tmp_path / "news"
    write(folder / "a.txt", ENGLISH)
    write(folder / "b.txt", PNG_LIKE)
    write(folder / "c.md", "")
    (folder / "photo.png").write_bytes(PNG_LIKE)
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.txt").write_text(ENGLISH)
    warnings, warn = collect()
    sources = load_sources([str(folder)], warn=warn)
    assert [s.name for s in sources] == ["a.txt"]
    # One warning, every skipped file with its reason; hidden files are not news.
    (warning,) = warnings
    assert warning.startswith(f"{folder}: skipped 4 files: ")
    for listed in ("b.txt (binary file, not text)", "c.md (empty file)", "photo.png (not .txt, .md or .html)",
                   "notes.docx (not .txt, .md or .html)"):
        assert listed in warning
    assert ".hidden" not in warning


def test_empty_folder_among_good_sources_is_skipped(tmp_path):
    good = write(tmp_path / "good.txt", ENGLISH)
    (tmp_path / "void").mkdir()
    warnings, warn = collect()
    sources = load_sources([str(tmp_path / "void"), str(good)], warn=warn)
    assert [s.name for s in sources] == ["good.txt"]
    void = tmp_path / "void"
    assert warnings == [f"{void}: no readable .txt, .md or .html files in folder, skipped"]


def test_nothing_usable_raises_the_first_failure(tmp_path):
    blob = write(tmp_path / "blob.txt", PNG_LIKE)
    empty = write(tmp_path / "empty.txt", "")
    warnings, warn = collect()
    with pytest.raises(InputError) as info:
        load_sources([str(blob), str(empty)], warn=warn)
    assert info.value.path == str(blob)
    assert info.value.problem == "binary file, not text"
    assert warnings == []


def test_progress_is_reported_after_each_file(tmp_path):
    folder = tmp_path / "news"
    write(folder / "a.txt", ENGLISH)
    write(folder / "b.txt", "")
    extra = write(tmp_path / "c.txt", ENGLISH)
    calls = []
    load_sources([str(folder), str(extra)], progress=lambda *args: calls.append(args))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def stdin_of(text: str):
    import io

    return io.BytesIO(text.encode("utf-8"))


def test_stdin_carries_several_articles_as_json_lines():
    lines = [json.dumps({"name": "wire.txt", "text": ENGLISH, "date": "2025-03-01"}),
             json.dumps({"text": "The council met again on Friday and approved the budget for next year."})]
    sources = load_sources(["-"], stdin=stdin_of("\n".join(lines) + "\n"))
    assert [s.name for s in sources] == ["wire.txt", "<stdin>#2"]
    assert sources[0].text == ENGLISH and sources[0].date == "2025-03-01" and sources[1].date is None


def test_stdin_carries_several_plain_articles_separated_by_three_dashes():
    second = "The council met again on Friday and approved the budget for next year."
    sources = load_sources(["-"], stdin=stdin_of(f"{ENGLISH}\n---\n{second}\n"))
    assert [s.name for s in sources] == ["<stdin>#1", "<stdin>#2"]
    assert sources[1].text.strip() == second
    assert load_sources(["-"], stdin=stdin_of(ENGLISH))[0].name == "<stdin>"  # one article: as before


def test_three_dashes_separate_articles_that_lack_a_final_newline():
    """`cat a.txt <(echo ---) b.txt <(echo ---) c.txt | summarize -` on files without a final newline:
    each `---` ends the line of the article before it."""
    texts = [ENGLISH.strip(), "The council met again on Friday and approved the budget for next year.",
             "Bus routes through the old town will change on Monday, the transport office said."]
    sources = load_sources(["-"], stdin=stdin_of(f"{texts[0]}---\n{texts[1]}---\n{texts[2]}"))
    assert [s.text.strip() for s in sources] == texts
    # Dashes that are no separator stay text: more than three, or after a space (a dash in prose).
    for text in (f"{texts[0]}\n-----\n{texts[1]}", f"{texts[0]} ---\n{texts[1]}", f"{texts[0]}\n ---\n{texts[1]}"):
        assert len(load_sources(["-"], stdin=stdin_of(text))) == 1


@pytest.mark.parametrize("line, problem", [
    ('{"name": "a"}', '"text" string'),
    ('{"text": 3}', '"text" string'),
    ('{"text": "x", "date": 5}', "must be strings"),
    ('{"text": "x"', "not valid JSON"),
])
def test_bad_json_lines_on_stdin_name_the_line(line, problem):
    good = json.dumps({"text": ENGLISH})
    with pytest.raises(InputError, match=problem) as info:
        load_sources(["-"], stdin=stdin_of(f"{good}\n{line}\n"))
    assert info.value.path == "<stdin> line 2"


def test_escape_sequences_inside_json_strings_are_removed():
    sources = load_sources(["-"], stdin=stdin_of(json.dumps({"name": "a\u001b[2Jb", "text": ENGLISH + "\u001bc"})))
    assert "\x1b" not in sources[0].text and "\x1b" not in sources[0].name


def test_a_few_invalid_bytes_among_curly_quotes_stay_utf8_with_a_warning_giving_the_count(tmp_path):
    """Two curly quotes and three invalid sequences between them (more invalid than valid): still
    UTF-8, never a code page's guess ("mayor‚Äôs")."""
    good = "The mayor said the bridge will \u201cclose on Monday\u201d, officials said.\n"
    data = good.encode("utf-8").replace(b"close", b"cl\xffose").replace(b"Monday", b"Mon\x92day\xe2\x80")
    messages, warn = collect()
    source = load_one(write(tmp_path / "bad.txt", data), warn=warn)
    assert source.encoding == "utf-8"
    assert source.text == good.replace("close", "cl\ufffdose").replace("Monday", "Mon\ufffdday\ufffd")
    assert messages == [f"{tmp_path / 'bad.txt'}: 3 invalid UTF-8 byte sequences replaced by \ufffd"]


def test_a_legacy_file_with_many_high_bytes_is_still_read_as_a_code_page(tmp_path):
    text = ("Le caf\u00e9 pr\u00e8s de l\u2019\u00e9glise a rouvert apr\u00e8s des mois de travaux, "
            "a d\u00e9clar\u00e9 le maire. ") * 3
    data = text.encode("cp1252")
    source = load_one(write(tmp_path / "fr.txt", data))
    assert source.encoding == "cp1252" and source.text.strip() == text.strip()


FEED = [{"id": "wire-1", "title": "River floods Alden", "date": "2024-03-05", "text": ENGLISH},
        {"name": "wire-2", "text": "Rescue crews in boats reached residents stranded on rooftops near the old mill."}]


@pytest.mark.parametrize("suffix, content", [
    (".jsonl", "\n".join(json.dumps(a) for a in FEED) + "\n\n"),
    (".ndjson", "\n".join(json.dumps(a) for a in FEED)),
    (".json", json.dumps(FEED, indent=2)),
])
def test_a_json_file_of_articles_is_read_article_by_article(tmp_path, suffix, content):
    path = tmp_path / f"feed{suffix}"
    path.write_text(content, encoding="utf-8")
    sources = load_sources([path])
    assert [s.name for s in sources] == ["wire-1", "wire-2"]
    assert sources[0].title == "River floods Alden" and sources[0].date == "2024-03-05"
    assert sources[0].text.strip() == ENGLISH.strip() and sources[1].title is None
    assert {s.path for s in sources} == {str(path)}


def test_one_json_article_and_unnamed_articles_are_named_after_the_file(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": ENGLISH}), encoding="utf-8")
    assert [s.name for s in load_sources([one])] == ["one.json#1"]
    two = tmp_path / "two.jsonl"
    two.write_text(json.dumps({"text": ENGLISH}) + "\n" + json.dumps({"text": ENGLISH + " More."}), encoding="utf-8")
    assert [s.name for s in load_sources([two])] == ["two.jsonl#1", "two.jsonl#2"]


@pytest.mark.parametrize("name, content, problem", [
    ("bad.jsonl", '{"text": "ok, a sentence here."}\n{"text": 3}\n', "bad.jsonl line 2: each article must be"),
    ("bad.jsonl", '{"text": "ok"}\n{"text": \n', "bad.jsonl line 2: not valid JSON"),
    ("bad.json", '[{"text": "ok"}, "just a string"]', "bad.json article 2: each article must be"),
    ("bad.json", '[{"text": "ok"', "bad.json: not valid JSON"),
    ("bad.json", '{"text": "ok", "title": ["a"]}', 'bad.json: "name" (or "id"), "date" and "title" must be strings'),
    ("bad.json", "[]", "bad.json: no article in it"),
    ("bad.json", "[" * 100_000, "bad.json: not valid JSON (nested too deeply)"),
])
def test_a_bad_json_file_is_one_error_naming_the_file_and_the_article(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_sources([path])
    assert str(caught.value).replace(str(tmp_path) + os.sep, "").startswith(problem)


def test_a_json_briefing_is_refused_not_read_as_articles(tmp_path):
    import summarizer

    briefing = summarizer.summarize([Source("a", "a", ENGLISH * 3)], max_words=60)
    path = tmp_path / "briefing.json"
    path.write_text(summarizer.render(briefing, "json"), encoding="utf-8")
    with pytest.raises(InputError, match="a briefing written by summarize"):
        load_sources([path])


def test_an_empty_article_of_a_json_lines_file_is_named_by_its_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n" + json.dumps({"text": ENGLISH}) + "\n\n\n" + json.dumps({"text": "  "}) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_sources([path])
    assert str(caught.value) == f"{path}: line 5: empty text".replace(": line", " line")
