"""Build the real-news feed that benchmarks/stories_scale.py reads, OUTSIDE the repository.

Usage:
    python benchmarks/news_corpus.py --reuters DIR [--bbc DIR] --output FEED.jsonl

Sources (public corpora of real news articles; nothing of them is kept in this repository):

* Reuters-21578 (Lewis, 1997; the UCI KDD archive): 21,578 Reuters newswire stories of
  February to October 1987, as 22 SGML files ``reut2-000.sgm`` ... ``reut2-021.sgm``.  Any copy
  will do; the one measured came from the public GitHub repository colibri17/TextCategorization
  (folder ``reuters21578/``, commit b6c2ca3d46a2540843400890792e5165448b4516).
* The BBC news collection (Greene and Cunningham, ICML 2006): 2,225 BBC News articles of
  2004-2005 as ``bbc/<topic>/NNN.txt`` (first line the title); the copy measured came from the
  public GitHub repository dejanbatanjac/bbc-article-classify-bert (folder ``bbc/``, commit
  8265dc84e88b82b87ce7f5b2df5bbbb1159ae922).

Written: one article a line, the ``--stories`` feed format ``{"id", "text", "title", "date"?}``,
Reuters first in its own (chronological) order with its dates (``1987-02-26T15:01:01``), then
the BBC articles (undated).  Reuters stories without a body of at least 100 characters (a title
and a table) are left out.  To rebuild the measured feed (about 21,000 articles, 25 MB):

    git clone https://github.com/colibri17/TextCategorization       # or any Reuters-21578 copy
    git clone https://github.com/dejanbatanjac/bbc-article-classify-bert
    python benchmarks/news_corpus.py --reuters TextCategorization/reuters21578 \\
        --bbc bbc-article-classify-bert/bbc --output ../news/news.jsonl
"""

from __future__ import annotations

import argparse
import html
import json
import re
from datetime import datetime
from pathlib import Path

_ARTICLE = re.compile(r"<REUTERS\b[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "BODY")}
MIN_BODY = 100


def reuters(folder: Path):
    for file in sorted(folder.glob("reut2-*.sgm")):
        raw = file.read_bytes().decode("latin-1")
        for match in _ARTICLE.finditer(raw):
            fields = {name: pattern.search(match.group(2)) for name, pattern in _FIELD.items()}
            if fields["BODY"] is None:
                continue
            body = html.unescape(fields["BODY"].group(1)).replace("\x03", "")
            body = re.sub(r"\s*Reuter\s*$", "", body).strip()
            body = re.sub(r"[\x00-\x08\x0b-\x1f]", "", body)
            if len(body) < MIN_BODY:
                continue
            title = html.unescape(fields["TITLE"].group(1)).strip() if fields["TITLE"] else ""
            date = None
            if fields["DATE"]:
                try:
                    date = datetime.strptime(fields["DATE"].group(1).strip().split(".")[0], "%d-%b-%Y %H:%M:%S").isoformat()
                except ValueError:
                    pass
            yield {"id": f"reuters-{match.group(1)}", "title": title.title(), "text": body,
                   **({"date": date} if date else {})}


def bbc(folder: Path):
    for file in sorted(folder.glob("*/*.txt")):
        lines = file.read_bytes().decode("latin-1").strip().split("\n", 1)
        if len(lines) == 2:
            yield {"id": f"bbc-{file.parent.name}-{file.stem}", "title": lines[0].strip(), "text": lines[1].strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reuters", type=Path, required=True, help="folder of reut2-*.sgm")
    parser.add_argument("--bbc", type=Path, help="folder of <topic>/NNN.txt")
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    count = 0
    with args.output.open("w", encoding="utf-8") as out:
        for article in [*reuters(args.reuters), *(bbc(args.bbc) if args.bbc else [])]:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
            count += 1
    print(f"{count:,} articles written to {args.output}")


if __name__ == "__main__":
    main()
