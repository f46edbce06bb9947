"""Words to numbers: tokens, stems and the sparse term matrices every later stage shares.

Offline by design: the bundled stopword lists (``language.stop_words``) and the Snowball stemmer
need no downloads.  The
stemmer is the Snowball project's own Python package: NLTK's copy of the same algorithm costs half
a second of start-up, because importing any part of NLTK imports all of it.
"""

from __future__ import annotations

import re
from typing import Sequence

import snowballstemmer

from ..ingest.language import stop_words

# Words and numbers; an inner apostrophe, hyphen or decimal point stays inside the token.
_TOKEN = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")
# The same, with the combining marks that are part of words in some scripts (Devanagari vowel
# signs, Arabic vowel marks, accents typed as combining characters), which \w leaves out.  English
# keeps the plain pattern: it is faster and its text has no such marks.
_MARKS = "\u0300-\u036f\u0483-\u0487\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
_TOKEN_WITH_MARKS = re.compile(rf"(?:[^\W_]|[{_MARKS}])+(?:['’.,-](?:[^\W_]|[{_MARKS}])+)*")
_STEMS: dict[str, dict[str, str]] = {}  # language -> word -> stem
# A long-lived process (a batch worker, a library user) meets new words forever (names, numbers,
# typos): a language's cache starts again once it holds this many (about 30 MB).
_MAX_CACHED_STEMS = 200_000


class Tokenizer:
    """Lower-cased, stemmed content words; the same object serves every algorithm."""

    def __init__(self, language: str = "english"):
        self.language = language
        self.stop_words = stop_words(language)
        self._stemmer = snowballstemmer.stemmer(language)
        self._token = _TOKEN if language == "english" else _TOKEN_WITH_MARKS
        # One cache a language, kept for the process: story detection and the pipeline read the
        # same words (bounded: see _MAX_CACHED_STEMS).
        self._stems = _STEMS.setdefault(language, {})
        if len(self._stems) > _MAX_CACHED_STEMS:
            self._stems.clear()

    def words(self, text: str) -> list[str]:
        """The words of a text as written (for sumy's document model)."""
        return self._token.findall(text)

    def stem(self, word: str) -> str:
        """Stem of one word, cached: news repeats its words, the stemmer is slow."""
        word = word.lower().replace("’", "'")
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stems[word] = self._stemmer.stemWord(word)
        return stem

    def stems(self, words: Sequence[str]) -> list[str]:
        """Stems of words as written, as ``stem`` gives them (a cached stem is read without a call)."""
        cache = self._stems
        return [cache[w] if w in cache else self.stem(w) for w in (word.lower().replace("’", "'") for word in words)]

    def terms(self, text: str) -> list[str]:
        """Stems of the content words of a text, in order."""
        words = self._token.findall(text.lower().replace("’", "'"))
        stop, stems = self.stop_words, self._stems
        # (the words are lower case already: a cached stem is read without a call)
        return [stems[w] if w in stems else self.stem(w)
                for w in words if w not in stop and (len(w) > 1 or w.isdigit())]
