"""What is a name: the one reader of names, for every stage that needs them.

* The claim model (``PoolNames``, learned once a pool): which capitalised tokens are names, which
  spellings of one name co-refer (al-Jawlani / al-Golani, Zain / Zayn: equal consonant skeletons,
  never both in one source), which name runs expand an acronym the pool uses (Hayat Tahrir al-Sham /
  HTS), and a people as its place (Indian / India).
* The referent check (``name_runs``): a sentence's runs of name words, titles left out, to tell a
  full name from a surname alone.
* Story detection (``capitalised_names``): the capitalised words of an article's lead, cheap
  enough for 100,000 articles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import groupby
from typing import TYPE_CHECKING, Sequence

from ..wordlists import MONTHS, WEEKDAYS, word_list

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

ARTICLE = re.compile(r"^(?:al|el|ad|an|as|ash|at|az|ar)[-‐]", re.IGNORECASE)
CONNECTORS = frozenset({"of", "for", "the", "and", "al", "el", "de", "du", "la", "le", "&"})
# Consonant skeleton of a name: vowels and the glides w/y/h carry most transliteration noise
# (Jawlani / Golani, Zain / Zayn, Abadin / Abidin); j/g, q/k/c, z/s are the usual swaps.
_SKELETON_SWAPS = str.maketrans({"j": "g", "q": "k", "c": "k", "z": "s"})
_GLIDES = str.maketrans("", "", "aeiouwyh")  # dropped after the first letter
_DEMONYM_ENDINGS = ("ian", "ese", "an", "n", "i")
_MERGE_SIMILARITY = 0.5  # difflib ratio two spellings need besides an equal skeleton



@lru_cache(maxsize=65536)
def plain_name(word: str) -> str:
    """A name token without article, possessive, apostrophes or dots: "al-Jawlani's" -> "jawlani"."""
    word = re.sub(r"['’]s$", "", word)
    word = ARTICLE.sub("", word)
    return re.sub(r"['’.\-]", "", word).lower()


def skeleton(name: str) -> str:
    """Consonant skeleton of a plain name: first letter kept, later vowels and glides dropped."""
    name = name.translate(_SKELETON_SWAPS)
    if not name:
        return ""
    # (a run of one letter is that letter: a name token holds no line break, which "(.)\1+" would keep)
    return "".join(letter for letter, _ in groupby(name[0] + name[1:].translate(_GLIDES)))


def _alike(a: str, b: str) -> bool:
    """difflib's ratio of two spellings is at least _MERGE_SIMILARITY (its cheap upper bounds first)."""
    if 2.0 * min(len(a), len(b)) / (len(a) + len(b)) < _MERGE_SIMILARITY:  # (its real_quick_ratio)
        return False
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= _MERGE_SIMILARITY and matcher.ratio() >= _MERGE_SIMILARITY


@lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


class PoolNames:
    """Which name tokens of the pool co-refer: learned once per pool.

    Read from a table of the pool's tokens: ``types``, its distinct tokens in reading order;
    ``ids``, the type of each token of the pool's distinct texts one after another (text ``d``'s
    are ``ids[bounds[d]:bounds[d + 1]]``); ``row_text``, the distinct text of each pooled sentence
    and ``sources`` its source.  Counts are sparse products over that table: each spelling is
    looked at once, however often the pool writes it."""

    def __init__(self, types: Sequence[str], ids: np.ndarray, bounds: np.ndarray, row_text: np.ndarray,
                 sources: Sequence[int], stop_words: frozenset[str]):
        import numpy as np
        import scipy.sparse as sp

        self.stop_words = stop_words
        n_texts, n_types = len(bounds) - 1, len(types)
        # texts x types: how often each text writes each token; copies: how many sentences are that text
        per_text = sp.csr_matrix((np.ones(len(ids)), ids, bounds), shape=(n_texts, n_types))
        per_text.sum_duplicates()
        copies = np.bincount(row_text, minlength=n_texts).astype(float)
        counts = np.rint(per_text.T @ copies).astype(np.int64).tolist()
        written = bounds[1:] > bounds[:-1]
        openings = np.rint(np.bincount(ids[bounds[:-1][written]], weights=copies[written],
                                       minlength=n_types)).astype(np.int64).tolist()
        lower_count: Counter[str] = Counter()
        upper_count: Counter[str] = Counter()
        for token, n, opening in zip(types, counts, openings):
            bare = ARTICLE.sub("", token) if "-" in token[:4] else token
            if bare[:1].islower():
                lower_count[bare] += n
            elif n > opening and bare[:1].isupper():
                upper_count[bare.lower()] += n - opening
        # A capitalised word is a name when the pool writes it capitalised (after a sentence's first
        # word) at least as often as in lower case: "Nations" in "United Nations", not "Rebels".
        self.names = {w for w, n in upper_count.items() if n >= lower_count[w]}
        self.spellings = frozenset(t for t in types if self._spelt_as_name(t))  # the pool's name tokens
        # types x sources: which sources write each token
        sources = np.asarray(sources, dtype=np.int64)
        sentences = sp.csr_matrix((np.ones(len(row_text)), (sources, row_text)),
                                  shape=(int(sources.max(initial=-1)) + 1, n_texts))
        used = (sentences @ (per_text > 0)).T.tocsr()
        self.canonical = self._merge_variants(types, counts, used)
        self.expansions = self._acronyms(types, ids, bounds)

    def is_name(self, token: str) -> bool:
        """Whether a token of the pool is a name."""
        return token in self.spellings

    def _spelt_as_name(self, token: str) -> bool:
        if is_acronym(token):
            return token.lower() not in self.stop_words
        bare = ARTICLE.sub("", token)
        return bare[:1].isupper() and bare.lower() in self.names

    def anchor(self, token: str) -> str:
        if is_acronym(token):
            return "name:" + token.replace(".", "").lower()
        plain = plain_name(token)
        return "name:" + self.canonical.get(plain, plain)

    def _merge_variants(self, types: Sequence[str], uses: list[int], used: sp.csr_matrix) -> dict[str, str]:
        """Spellings of one name by different sources -> the most frequent spelling (``uses``: how
        often the pool writes each type; ``used``: types x sources, which sources write it)."""
        counts: Counter[str] = Counter()
        used_by: dict[str, set[int]] = defaultdict(set)
        for t, token in enumerate(types):  # (in reading order)
            plain = plain_name(token) if token in self.spellings and not is_acronym(token) else ""
            if len(plain) >= 4:
                counts[plain] += uses[t]
                used_by[plain].update(used.indices[used.indptr[t]:used.indptr[t + 1]].tolist())
        by_skeleton: dict[str, list[str]] = defaultdict(list)
        for plain in counts:
            by_skeleton[skeleton(plain)].append(plain)
        canonical = {}
        for spellings in by_skeleton.values():
            spellings.sort(key=lambda s: (-counts[s], s))
            groups: list[list[str]] = []
            for s in spellings:
                for group in groups:
                    if all(not (used_by[s] & used_by[g]) and _alike(s, g) for g in group):
                        group.append(s)
                        break
                else:
                    groups.append([s])
            for group in groups:
                for s in group[1:]:
                    canonical[s] = group[0]
        # The people of a place are the place: "Indian" / "India", "Kuwaiti" / "Kuwait", "Syrian" / "Syria".
        for plain in counts:
            base = next((plain[:-len(end)] for end in _DEMONYM_ENDINGS
                         if plain.endswith(end) and len(plain) - len(end) >= 4 and plain[:-len(end)] in counts), None)
            if base:
                canonical[plain] = canonical.get(base, base)
        return canonical

    def _acronyms(self, types: Sequence[str], ids: np.ndarray, bounds: np.ndarray) -> dict[tuple[str, ...], str]:
        """Name runs whose initials spell an acronym the pool uses: ("hayat", "tahrir", "sham") -> "hts"
        (runs of name tokens, joined across connectors: "Bank of England"; found over the whole table at once)."""
        import numpy as np

        acronyms = {t.replace(".", "").lower() for t in types if is_acronym(t) and self.is_name(t)}
        expansions: dict[tuple[str, ...], str] = {}
        if not acronyms or not len(ids):
            return expansions
        name = np.array([t in self.spellings for t in types], bool)[ids]
        connector = np.array([t.lower() in CONNECTORS for t in types], bool)[ids]
        same_text = np.ones(len(ids), bool)  # token k and token k + 1 are of one text
        same_text[bounds[1:][bounds[1:] > 0] - 1] = False
        before, after = np.zeros(len(ids), bool), np.zeros(len(ids), bool)
        before[1:] = name[:-1] & same_text[:-1]
        after[:-1] = name[1:] & same_text[:-1]
        in_run = name | (connector & before & after)  # "Bank of England": a connector between names
        opens = in_run.copy()
        opens[1:] &= ~(in_run[:-1] & same_text[:-1])
        closes = in_run.copy()
        closes[:-1] &= ~(in_run[1:] & same_text[:-1])
        for start, end in zip(np.flatnonzero(opens).tolist(), (np.flatnonzero(closes) + 1).tolist()):
            if end - start < 2:
                continue
            parts = [plain_name(types[t]) for t in ids[start:end].tolist() if types[t].lower() not in CONNECTORS]
            for first in range(len(parts)):  # "Islamist group Hayat Tahrir al-Sham (HTS)": any span
                for last in range(first + 2, len(parts) + 1):
                    initials = "".join(p[:1] for p in parts[first:last])
                    if initials in acronyms:
                        expansions[tuple(parts[first:last])] = initials
        return expansions


# Name runs as written: a capitalised word, with an Arabic or European particle ("al-", "van-").
_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*[\w]|[A-Za-z]|\d[\w,.-]*|[^\w\s]")
_NAME = re.compile(r"(?:(?:al|el|bin|ibn|abu|de|van|von|der|da|di|du|le|la)-)?[A-Z][a-z][\w'’-]*$")
_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_NAMES = word_list("name_titles.txt") | set(MONTHS) | set(WEEKDAYS)  # capitalised, not a name


def name_runs(text: str) -> list[list[str]]:
    """The runs of capitalised name words of a sentence, titles left out ("President Bashar Assad's"
    -> ["Bashar", "Assad"]); each run's words as written, possessives removed."""
    runs, current = [], []
    stop = _stop_words()
    for token in _TOKEN.findall(text):
        if not (token[0].isupper() or "-" in token[:4]):  # no name: one starts with a capital or "al-" ...
            if current:
                runs.append(current)
            current = []
            continue
        word = _POSSESSIVE.sub("", token) if token[-1] in "'’s" and len(token) > 2 else token
        if _NAME.match(word) and word.lower().rstrip(".") not in _NOT_NAMES and word.lower() not in stop:
            current.append(word)
            if word is not token:  # a possessive ends the name
                runs.append(current)
                current = []
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from ..ingest.language import stop_words

    return frozenset(stop_words("english"))


# A word of three letters or more that does not open a sentence, a line or a quotation, where any
# word is capitalised.
_CAPITALISED = re.compile(r"(?<!^)(?<![.!?\n\"'`]\s)(?<![\n\"'`])\b([^\W\d_]{3,})\b")


def not_names_of(stop_words: frozenset[str]) -> frozenset[str]:
    """Capitalised words that are no names for ``capitalised_names``: the stopwords, months and
    weekdays (lower case)."""
    return frozenset(stop_words | set(MONTHS) | set(WEEKDAYS))


def capitalised_names(text: str, not_names: frozenset[str]) -> set[str]:
    """The names of a text, cheaply: capitalised words (not all capitals) of three letters or more
    that are not in ``not_names`` and do not stand where any word is capitalised."""
    return {word for word in _CAPITALISED.findall(text)
            if word[0].isupper() and word[1:].islower() and word.lower() not in not_names}
