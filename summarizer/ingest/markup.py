"""An HTML page's markup made readable before its article is taken out: navigation and link lists
removed, the inline markup of a paragraph unwrapped, spaces collapsed as a browser does; and the
lines a browser shows, to put trafilatura's text back into them."""

from __future__ import annotations

import re

# Elements a browser shows inside a line of text.  trafilatura, when it falls back on the text of a
# whole page, ends a line at each of them: "The river\nburst its banks\non Tuesday".
_INLINE = frozenset(
    "a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd mark nobr q s samp small "
    "span strike strong sub sup time tt u var".split())
# Elements a browser starts a new line at (with <br>); others (<img>, a comment) stay in the line.
_BLOCKS = frozenset(
    "address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section summary table tbody td "
    "tfoot th thead tr ul".split())
_WORD = re.compile(r"\w")
_METADATA = ("itemprop", "property", "datetime", "content", "pubdate")
_SPACES = re.compile(r"[ \t\n\r\f]+")


def remove(elements, *, keep_content: bool) -> None:
    """Take ``elements`` out of their tree, their tails left in place, and with ``keep_content``
    their text and children too (lxml's ``drop_tag``; else ``drop_tree``), in one pass over each
    parent: those search the parent and copy its growing text for each element (23 s of CPU for
    20,000 <b> in one paragraph)."""
    by_parent: dict = {}
    for element in elements:
        parent = element.getparent()
        if parent is not None:
            by_parent.setdefault(parent, set()).add(element)
    depth = {parent: sum(1 for _ in parent.iterancestors()) for parent in by_parent}
    for parent in sorted(by_parent, key=depth.__getitem__, reverse=True):  # the innermost first
        gone, children, current, text = by_parent[parent], [], None, [parent.text or ""]
        for child in parent:
            if child in gone:
                if keep_content:
                    text.append(child.text or "")
                    for grandchild in child:
                        _set_text(parent, current, text)
                        children.append(grandchild)
                        current, text = grandchild, [grandchild.tail or ""]
                text.append(child.tail or "")
            else:
                _set_text(parent, current, text)
                children.append(child)
                current, text = child, [child.tail or ""]
        _set_text(parent, current, text)
        parent[:] = children


def _set_text(parent, current, text: list[str]) -> None:
    """The text before the first child (``current`` None), else after ``current``."""
    joined = "".join(text) or None
    if current is None:
        parent.text = joined
    else:
        current.tail = joined


def _letters(text: str | None) -> int:
    return len(_WORD.findall(text)) if text else 0


def drop_link_lists(root) -> None:
    """Remove navigation: <nav>, role="navigation", and blocks whose every word is in one of two or
    more links (a menu, "Home | World | Sport", a list of related stories).  A page that is only
    navigation then has no article text."""
    remove(root.xpath("//nav | //menu | //*[@role='navigation']"), keep_content=False)
    words: dict = {}  # element: (words, words in links, links), children before their parents
    for element in reversed(list(root.iter())):
        if not isinstance(element.tag, str):
            continue
        total, linked, links = _letters(element.text), 0, 0
        for child in element:
            child_total, child_linked, child_links = words.get(child, (0, 0, 0))
            total, linked, links = total + child_total + _letters(child.tail), linked + child_linked, links + child_links
        if element.tag == "a":
            linked, links = total, links + 1
        words[element] = (total, linked, links)

    def all_links(element) -> bool:
        total, linked, links = words.get(element, (0, 0, 0))
        return links >= 2 and total == linked > 0 and element.tag not in _INLINE and element.tag not in ("html", "body")

    remove([e for e in words if all_links(e) and not all_links(e.getparent())], keep_content=False)  # the largest


def unwrap_inline(root) -> None:
    """Unwrap the inline elements (<b>, <em>, <a>, <span> ...) of each block whose words are mostly
    outside links, so that its text is one run: the paragraph stays one paragraph whichever way
    trafilatura reads the page.  Links in a block that is mostly links are kept, for trafilatura's
    boilerplate test; an inline element holding a block is kept."""
    unwrap, kept = [], _kept(root)
    for block in root.iter():
        if not isinstance(block.tag, str) or block.tag in _INLINE:
            continue
        inline = [child for child in block if child.tag in _INLINE]
        if not inline:
            continue
        runs = [element for child in inline for element in child.iter()]
        if any(e.tag in _BLOCKS for e in runs):
            continue  # a block inside an inline element: this block's runs are not one line
        own = _letters(block.text) + sum(_letters(e.tail) for e in runs)
        own += sum(_letters(e.text) for e in runs if isinstance(e.tag, str))
        own += sum(_letters(child.tail) for child in block if child.tag not in _INLINE)  # after <br>, <img>
        linked = sum(_letters(a.text_content()) for a in runs if a.tag == "a")
        if linked * 2 < own:
            unwrap.extend(e for e in runs if e.tag in _INLINE and e not in kept)
    head = root.find("head")
    for element in unwrap:
        if head is not None and (element.tag == "time" or any(map(element.get, _METADATA))):
            # The date is read from <time datetime> and itemprop elements: a copy of each stays,
            # where no text is taken from.
            copy = head.makeelement(element.tag, dict(element.attrib))
            copy.text = element.text_content()
            head.append(copy)
    remove(unwrap, keep_content=True)


def _kept(root) -> set:
    """The inline elements that stay elements: those trafilatura discards by their class, id or
    role (``<span class="share">``), so that it still can."""
    try:
        from trafilatura.xpaths import OVERALL_DISCARD_XPATH
    except ImportError:  # another version of trafilatura: keep every element that has a name
        return set(root.xpath("//*[@class or @id or @role]"))
    return {element for xpath in OVERALL_DISCARD_XPATH for element in xpath(root)}


def collapse_spaces(root) -> None:
    """Runs of spaces and line ends as one space, as a browser shows them (but in <pre> and
    <textarea>): a paragraph written over several lines of the page's source is one line."""
    kept = {e for pre in root.iter("pre", "textarea") for e in pre.iter()}
    for element in root.iter():
        if element.text and element not in kept and isinstance(element.tag, str):
            element.text = _SPACES.sub(" ", element.text)
        if element.tail and element.getparent() not in kept:
            element.tail = _SPACES.sub(" ", element.tail)


def readable(root) -> None:
    """The page's tree, changed in place: navigation, link lists, data tables and footnote marks
    out, inline markup of prose unwrapped, a line break inside a sentence a space, a hard-wrapped
    <pre> in paragraphs, spaces collapsed."""
    drop_link_lists(root)
    drop_data_tables(root)
    drop_footnote_marks(root)
    unwrap_inline(root)
    join_broken_sentences(root)
    unwrap_pre(root)
    collapse_spaces(root)


_PROSE_CELL = 10  # words: a table cell this long holds text (a layout table), not data
_CELLS = ("td", "th", "caption")


def drop_data_tables(root) -> None:
    """Remove each table of data (no cell of ten words or more) and the short header cells of the
    others: trafilatura leaves tables out, but its fallback read a table's cells as lines, and the
    first header cell became the source's headline ("Town")."""
    for table in reversed(list(root.iter("table"))):  # the innermost first
        if table.getparent() is None:
            continue
        cells = [cell for cell in table.iter(*_CELLS) if cell.find(".//table") is None]
        if not any(len(cell.text_content().split()) >= _PROSE_CELL for cell in cells):
            table.drop_tree()
            continue
        for cell in cells:
            if cell.tag != "td" and len(cell.text_content().split()) < _PROSE_CELL:
                cell.drop_tree()


# A footnote mark: "1", "[12]", "*", "†" in <sup>, right after a sentence's end or a word
# ("centre.<sup>1</sup>", "the report<sup>[3]</sup>"); not a power ("km<sup>2</sup>", "10<sup>6</sup>").
_FOOTNOTE = re.compile(r"\[?(?:\d{1,3}|[*†‡§¶]{1,3})\]?")
_AFTER_FOOTNOTE = re.compile(r"""(?:[.,;:!?"'”’)\]]|[^\W\d_]{3})$""")


def drop_footnote_marks(root) -> None:
    """Remove footnote marks, which ran a sentence into the next ("centre.1 Rescue teams ..."); a
    power of a number is written as one ("10<sup>6</sup> litres": 10⁶, not 106 litres)."""
    remove([sup for sup in root.iter("sup") if _FOOTNOTE.fullmatch(sup.text_content().strip()) and (
        sup.find(".//a") is not None or _AFTER_FOOTNOTE.search(_text_before(sup)[-8:]))], keep_content=False)
    for sup in root.iter("sup"):
        if len(sup) == 0 and _POWER.fullmatch((sup.text or "").strip()) and _text_before(sup)[-1:].isdigit():
            sup.text = sup.text.strip().translate(_SUPERSCRIPT)


_POWER = re.compile(r"[-−]?\d{1,3}")
_SUPERSCRIPT = str.maketrans("0123456789-−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻")


def _text_before(element) -> str:
    previous = element.getprevious()
    if previous is None:
        return element.getparent().text or ""
    return previous.tail or ("" if previous.tag == "br" else previous.text_content())


def join_broken_sentences(root) -> None:
    """A <br> inside a sentence ("The dam burst on<br>Tuesday", "closed,<br>the police said") as a
    space: the sentence was cut in two and lost.  <br><br>, and a <br> after a sentence's end or a
    line that may be a heading, still end the line."""
    from .structure import runs_on

    joined = []
    for br in root.iter("br"):
        following = br.getnext()
        after = br.tail or ""
        if not after.strip() and following is not None and following.tag != "br":
            after = following.text_content()
        if runs_on(_text_before(br)[-200:], after[:200]):
            joined.append(br)
    for br in joined:
        br.tail = " " + (br.tail or "")
    remove(joined, keep_content=False)


_CODE_ENDS = frozenset("{}()[];:=\\")


def unwrap_pre(root) -> None:
    """A <pre> of hard-wrapped prose (the test plain text files pass: short lines that mostly stop
    mid-sentence, blank lines between paragraphs) as a <div> of one <p> a paragraph, its lines
    joined; other <pre> (code, tables) keep their line ends."""
    from .structure import paragraphs

    for pre in list(root.iter("pre")):
        text = pre.text_content()
        lines = [line for line in text.split("\n") if line.strip()]
        if sum(line.rstrip()[-1] in _CODE_ENDS or line[:1] in " \t" for line in lines) * 4 > len(lines):
            continue  # code: lines that end in a bracket or a colon, or are indented
        found = paragraphs(text)
        if len(found) >= len(lines):
            continue  # not hard-wrapped
        tail = pre.tail
        pre.clear()  # (children, text, attributes)
        pre.tag, pre.tail = "div", tail
        for paragraph in found:
            child = pre.makeelement("p", {})
            child.text = paragraph
            pre.append(child)


_UNSHOWN = frozenset(("head", "script", "style", "noscript", "template", "title"))


def page_lines(root) -> list[str]:
    """The lines of text a browser shows: a line ends at each block element and <br>; the text of
    an image, a comment, a script is none."""
    from lxml import etree

    parts: list[str] = []
    unshown = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else None
        if event == "start":
            if tag in _UNSHOWN:
                unshown += 1
            if tag in _BLOCKS or tag == "br":
                parts.append("\n")
            if tag and not unshown and element.text:
                parts.append(element.text)
        else:
            if tag in _UNSHOWN:
                unshown -= 1
            if tag in _BLOCKS:
                parts.append("\n")
            if not unshown and element.tail and element is not root:
                parts.append(element.tail)
    return [line for line in (" ".join(text.split()) for text in "".join(parts).split("\n")) if line]


def as_shown(text: str, lines: list[str]) -> str:
    """``text`` (trafilatura's, one paragraph a line) in the page's ``lines``: consecutive lines of
    ``text`` that are the pieces of one line of the page joined into it (its fallback ends a line at
    an image or any element it keeps), and a line that is several consecutive lines of the page
    split into them (it reads a short <article> as one paragraph)."""
    return split_runs(join_pieces(text, lines), lines)


_MAX_PIECES = 40


def join_pieces(text: str, lines: list[str]) -> str:
    """Consecutive lines of ``text`` that spell one line of the page, but for spaces, as that line."""
    whole = {"".join(line.split()): line for line in lines}
    longest = max(map(len, whole), default=0)
    pieces = text.split("\n")
    out, i = [], 0
    while i < len(pieces):
        compact, found = "".join(pieces[i].split()), None
        if compact and compact not in whole:
            for j in range(i + 1, min(i + _MAX_PIECES, len(pieces))):
                compact += "".join(pieces[j].split())
                if len(compact) > longest:
                    break
                if compact in whole:
                    found = j
                    break
        if found is None:
            out.append(pieces[i])
            i += 1
        else:
            out.append(whole[compact])
            i = found + 1
    return "\n".join(out)


def split_runs(text: str, lines: list[str]) -> str:
    """``text`` with each of its lines that is several consecutive lines of the page, run together,
    split into them again."""
    starting: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        starting.setdefault(line.split(maxsplit=1)[0], []).append(i)
    shown = set(lines)
    out = []
    for line in text.split("\n"):
        if line in shown or not line.strip():
            out.append(line)
        else:
            out.extend(_split_run(line, lines, starting.get(line.split(maxsplit=1)[0], ())))
    return "\n".join(out)


def _split_run(line: str, lines: list[str], candidates) -> list[str]:
    for first in candidates:
        if not line.startswith(lines[first] + " "):
            continue
        run, parts, following = lines[first], [lines[first]], first + 1
        while len(run) < len(line) and following < len(lines) and line.startswith(run + " " + lines[following]):
            run += " " + lines[following]
            parts.append(lines[following])
            following += 1
        if run == line:
            return parts
    return [line]
