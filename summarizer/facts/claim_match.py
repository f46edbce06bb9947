"""Which pooled sentences report a quoted sentence's main claim, and so which sources to cite for it.

Each sentence of the pool is compared with the quote on its claim anchors (``claims``): how much of
the quote's anchor weight it carries (coverage), how much of its own weight is the quote's
(precision), the same for the names alone, for the quote's main clause and for its best-covered
clause ("X, and Y" is reported by a sentence saying Y), whether it shares the quote's event, whether
one of the two main clauses is a plan or a possibility ("will lift") and the other not, whether
they name different days of the week, and whether and how far its figures agree.  A logistic model over these features, fitted on
labelled pairs (``benchmarks/citations.py --fit`` writes ``data/claim_weights.txt``), scores each
sentence; one at or above the threshold (setting ``cite.threshold``) reports the claim unless a
figure differs (``figures.differ``, the test "Where sources differ" lists by): a source that counts
15 dead does not report "14 dead", it disagrees.

Features of all sentences come from a handful of sparse products with the quote's row; only the few
sentences that share a fair part of the quote's anchors are looked at one by one (their figures).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..models import ClaimIndex
from .figures import comparable_key, counts_otherwise, differ, rows_by_thing, same_figure

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

WEIGHTS_FILE = Path(__file__).parent.parent / "data" / "claim_weights.txt"
FEATURES = ("bias", "coverage", "precision", "cosine", "name_coverage", "name_precision", "event_shared",
            "event_missing", "coverage_x_precision", "core_coverage", "core_precision", "core_product",
            "figure_agrees", "figure_unmatched", "key_coverage", "event_and_name", "shared_link",
            "word_coverage", "missing_strongest", "second_missing", "clause_coverage", "modal_mismatch",
            "figure_share", "day_conflict")
# Sentences sharing less of the quote's anchor weight than this are not scored at all.
MIN_CANDIDATE_COVERAGE = 0.1
# A source none of whose sentences that may state the claim (this probability, before the figures
# are compared) gives another figure for it.
VETO_FLOOR = 0.2
# A sentence stating the same count as the quote ("destroyed 42 homes" / "left 42 homes in ruins",
# figures.same_figure) with every name of the quote reports it from this probability on.
SAME_FIGURE_FLOOR = 0.3


@lru_cache(maxsize=None)
def model_weights(path: Path = WEIGHTS_FILE) -> dict[str, float]:
    """Feature -> weight, from the weights file ("feature value" lines, "#" comments)."""
    weights = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, value = line.split()
            weights[name] = float(value)
    return weights


def features(index: ClaimIndex, row: int, *, own_source: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(candidate rows, their feature matrix with columns FEATURES) for the quote ``row``.

    Candidates: sentences of other sources (with ``own_source``, of its own source too: a repeat
    within one report) that share at least MIN_CANDIDATE_COVERAGE of the quote's anchor weight.
    """
    import numpy as np

    anchors, weights = index.anchors, index.weights
    is_name = (index.kinds == ClaimIndex.KINDS.index("name")).astype(float)
    quote = anchors[row].toarray().ravel()
    quote_core = index.core[row].toarray().ravel()
    total = (quote * weights).sum()
    if total <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros((0, len(FEATURES)))

    def share(matrix, vector):  # per sentence: sum of vector over the sentence's anchors
        return np.asarray(matrix @ vector).ravel()

    shared = share(anchors, quote * weights)
    coverage = shared / total
    others = np.ones(len(coverage), bool) if own_source else index.sources != index.sources[row]
    others[row] = False
    candidates = np.flatnonzero((coverage >= MIN_CANDIDATE_COVERAGE) & others)
    sub, core_sub = anchors[candidates], index.core[candidates]
    shared, coverage = shared[candidates], coverage[candidates]
    own = share(sub, weights)
    precision = _ratio(shared, own)
    cosine = _ratio(share(sub, quote * weights ** 2),
                    np.sqrt(share(sub, weights ** 2)) * np.sqrt((quote * weights ** 2).sum()))
    name_total = (quote * weights * is_name).sum()
    name_shared = share(sub, quote * weights * is_name)
    name_coverage = name_shared / name_total if name_total > 0 else np.ones(len(candidates))
    name_own = share(sub, weights * is_name)
    name_precision = np.where(name_own > 0, _ratio(name_shared, name_own), 1.0)
    events = np.flatnonzero(quote * (index.kinds == ClaimIndex.KINDS.index("event")))
    has_event = share(sub[:, events], np.ones(len(events))) > 0 if len(events) else np.zeros(len(candidates), bool)
    core_total = (quote_core * weights).sum()
    core_coverage = share(sub, quote_core * weights) / core_total if core_total > 0 else coverage
    core_precision = _ratio(share(core_sub, quote * weights), share(core_sub, weights))
    figure_agrees, figure_unmatched, figure_share = _figure_features(index, row, candidates)
    # The who-did-what of the quote: its names, event and agent anchors, each counted once.
    key = quote * (index.kinds != ClaimIndex.KINDS.index("word"))
    key_coverage = share(sub, key) / key.sum() if key.sum() > 0 else np.zeros(len(candidates))
    shares_name = share(sub, quote * is_name) > 0
    is_word = (index.kinds == ClaimIndex.KINDS.index("word")).astype(float)
    word_total = (quote * weights * is_word).sum()
    word_coverage = share(sub, quote * weights * is_word) / word_total if word_total > 0 else coverage
    # The quote's most specific anchors that a sentence lacks: a report rarely drops the one word
    # that makes the claim ("emergency" of "declared a state of emergency").
    own_columns = np.flatnonzero(quote)
    strength = weights[own_columns] / weights[own_columns].max()
    missing = (1.0 - sub[:, own_columns].toarray()) * strength
    missing.sort(axis=1)
    missing_strongest = missing[:, -1] if missing.shape[1] else np.zeros(len(candidates))
    second_missing = missing[:, -2] if missing.shape[1] > 1 else np.zeros(len(candidates))
    columns = [np.ones(len(candidates)), coverage, precision, cosine, name_coverage, name_precision,
               has_event & (len(events) > 0), ~has_event & (len(events) > 0), coverage * precision,
               core_coverage, core_precision, core_coverage * core_precision, figure_agrees, figure_unmatched,
               key_coverage, has_event & shares_name,
               share(index.links[candidates], index.links[row].toarray().ravel()) > 0,
               word_coverage, missing_strongest, second_missing, _clause_coverage(index, row, sub),
               index.modal[candidates] != index.modal[row], figure_share, _day_conflict(index, quote, sub)]
    return candidates, np.column_stack([np.asarray(c, dtype=float) for c in columns])


def _ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    import numpy as np

    return np.divide(a, b, out=np.zeros_like(a, dtype=float), where=b > 0)


def _figure_features(index: ClaimIndex, row: int, candidates: np.ndarray) -> tuple[np.ndarray, ...]:
    """Per candidate: some figure of the quote agrees with one of its figures / the quote's figures
    find none of theirs there (while it has figures) / the share of the quote's figures it agrees with."""
    import numpy as np

    quote = index.figures[row]
    matched = np.zeros(len(candidates))
    unmatched = np.zeros(len(candidates), bool)
    if quote:
        for k, j in enumerate(candidates):  # the few candidates only, never all pairs
            theirs = index.figures[j]
            matched[k] = sum(any(f.agrees(g) for g in theirs) for f in quote)
            unmatched[k] = bool(theirs) and matched[k] == 0
    return matched > 0, unmatched, matched / max(len(quote), 1)


def _day_conflict(index: ClaimIndex, quote: np.ndarray, sub: sp.csr_matrix) -> np.ndarray:
    """Per candidate: both name a day of the week and no day is the same."""
    import numpy as np

    days = index.days.astype(float)
    if not (quote * days).any():
        return np.zeros(sub.shape[0], bool)
    return (np.asarray(sub @ days).ravel() > 0) & (np.asarray(sub @ (quote * days)).ravel() == 0)


def _clause_coverage(index: ClaimIndex, row: int, sub: sp.csr_matrix) -> np.ndarray:
    """Per candidate: the largest share of one main-clause claim of the quote's that it carries
    (IDF-weighted), so that "X, and Y" is reported by a sentence saying Y alone."""
    import numpy as np

    start, end = index.clauses.indptr[row], index.clauses.indptr[row + 1]
    columns, numbers = index.clauses.indices[start:end], index.clauses.data[start:end]
    best = np.zeros(sub.shape[0])
    for number in np.unique(numbers):  # a sentence has a handful of clauses
        mine = columns[numbers == number]
        total = index.weights[mine].sum()
        if total > 0:
            best = np.maximum(best, np.asarray(sub[:, mine] @ index.weights[mine]).ravel() / total)
    return best


def scores(index: ClaimIndex, row: int, weights_path: Path = WEIGHTS_FILE, *,
           figures_must_agree: bool = True, own_source: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(candidate rows, probability that each reports the quote's claim); figure conflicts score 0
    unless ``figures_must_agree`` is false (the same claim with another figure still repeats it).
    A plan, expectation or threat never reports the event itself, nor the other way round ("is
    expected to resign" / "resigned"): a candidate whose main clause is modal when the quote's is
    not (``data/modality.txt``), or the reverse, scores 0."""
    import numpy as np

    weights = model_weights(weights_path)
    candidates, matrix = features(index, row, own_source=own_source)
    vector = np.array([weights.get(name, 0.0) for name in FEATURES])
    probability = 1.0 / (1.0 + np.exp(-(matrix @ vector)))
    probability[index.modal[candidates] != index.modal[row]] = 0.0
    probability[_denies_otherwise(index, row, candidates)] = 0.0
    if figures_must_agree:
        probability[_figures_conflict(index, row, candidates, probability > 0)] = 0.0
    return candidates, probability


def _denies_otherwise(index: ClaimIndex, row: int, candidates: np.ndarray) -> np.ndarray:
    """Per candidate: one of it and the quote denies in its main clause what the other tells
    ("The wildfire did not destroy 42 homes" / "A wildfire destroyed 42 homes"): no report of it."""
    import numpy as np

    if index.negated is None:
        return np.zeros(len(candidates), bool)
    return index.negated[candidates] != index.negated[row]


def _figures_conflict(index: ClaimIndex, row: int, candidates: np.ndarray, looked_at: np.ndarray) -> np.ndarray:
    """Per candidate (those ``looked_at`` only): its figures differ from the quote's, by the test "Where
    sources differ" lists by (``figures.differ``), or an amount of a kind the quote also writes
    (a count, a sum of money, a year ...) agrees with none of the quote's amounts of that kind."""
    import numpy as np

    mine, stated = index.figures[row], index.stated[row]
    kinds = {a.kind for a in mine}
    conflict = np.zeros(len(candidates), bool)
    for k in np.flatnonzero(looked_at):  # the few candidates only, never all pairs
        j = candidates[k]
        theirs = [a for a in index.figures[j] if a.kind in kinds]
        conflict[k] = (bool(stated) and differ(stated, index.stated[j])) or any(
            not any(a.agrees(b) for a in mine if a.kind == kind for b in theirs if b.kind == kind)
            for kind in {b.kind for b in theirs})
    return conflict


def _counts_otherwise(mine: tuple, theirs: tuple) -> bool:
    """Some count of ``mine`` is given by ``theirs`` only for another outcome, none of theirs in
    its frame ("15 people were injured" for "arrested 15 people": ``figures.counts_otherwise``):
    that sentence says something else of the same people, it does not report the quote."""
    return any(any(counts_otherwise(f, g) for g in theirs) and not any(g.key[:2] == f.key[:2] for g in theirs)
               for f in mine)


_MAX_SAID = 1000  # answers an index keeps (each a bool per pooled sentence; 42 asked, 16 distinct, at 8x)


def same_claim(index: ClaimIndex, row: int, threshold: float, *, own_source: bool = False) -> np.ndarray:
    """Whether each pooled sentence states sentence ``row``'s main claim, with the same figures or
    not: what selection must not quote twice.  The claim model decides for other sources' sentences;
    and any sentence giving another value for one of the row's figures ("about 12,000 residents
    to evacuate" / "about 15,000 people ordered to leave") states the same claim, which "Where
    sources differ" shows with both values."""
    said = index.said.get((row, threshold, own_source))
    if said is None:
        said = _same_claim(index, row, threshold, own_source)
        if len(index.said) < _MAX_SAID:
            index.said[row, threshold, own_source] = said
    return said.copy()  # (the caller's own to change)


def _same_claim(index: ClaimIndex, row: int, threshold: float, own_source: bool) -> np.ndarray:
    import numpy as np

    candidates, probability = scores(index, row, figures_must_agree=False, own_source=own_source)
    said = np.zeros(index.anchors.shape[0], bool)
    said[candidates[probability >= threshold]] = True
    mine = index.stated[row]
    if mine:
        if index.stated_rows is None:
            index.stated_rows = rows_by_thing(index.stated)
        # Only sentences with a figure about one of the same things can differ (not every sentence).
        about_the_same = {other for f in mine for other in index.stated_rows.get(comparable_key(f), ())}
        for other in about_the_same - {row}:
            if differ(mine, index.stated[other]):
                said[other] = True
    return said


def reporting_rows(index: ClaimIndex, row: int, threshold: float,
                   weights_path: Path = WEIGHTS_FILE, *, anchored: float = 1.0) -> dict[int, int]:
    """Every other source that reports sentence ``row``'s main claim -> its sentence that says it best.

    A source is cited only when the model can stand behind it: a sentence of it scores at least
    ``threshold``, no sentence of it that may state the claim (probability at least VETO_FLOOR
    were its figures the quote's) gives a figure that differs, and no sentence of it at all gives another value
    for a thing the quote counts (``figures.differ``).  A sentence giving the quote's count for
    another outcome and never for the quote's own is not cited ("15 people were injured" for
    "arrested 15 people")."""
    import numpy as np

    weights = model_weights(weights_path)
    candidates, matrix = features(index, row)
    vector = np.array([weights.get(name, 0.0) for name in FEATURES])
    probability = 1.0 / (1.0 + np.exp(-(matrix @ vector)))
    probability[_denies_otherwise(index, row, candidates)] = 0.0  # "did not destroy" / "destroyed"
    # Whether a sentence may state the claim is judged as if its figures agreed (they are what is asked).
    as_if = matrix.copy()
    as_if[:, [FEATURES.index(f) for f in ("figure_agrees", "figure_share")]] = 1.0
    as_if[:, FEATURES.index("figure_unmatched")] = 0.0
    sources = index.sources[candidates]
    doubtful = _figures_conflict(index, row, candidates, 1.0 / (1.0 + np.exp(-(as_if @ vector))) >= VETO_FLOOR)
    vetoed = set(sources[doubtful].tolist()) | _differing_sources(index, row)
    reports = probability >= threshold
    easy = ~reports & (probability >= anchored)
    if easy.any():
        easy[easy] = carries_who_did_what(index, row, candidates[easy])
        easy &= index.modal[candidates] == index.modal[row]
        easy &= matrix[:, FEATURES.index("day_conflict")] == 0
        easy[easy] = ~_figures_conflict(index, row, candidates[easy], np.ones(int(easy.sum()), bool))
    easy |= ~reports & (probability >= SAME_FIGURE_FLOOR) & _same_figure(index, row, candidates, matrix)
    if index.stated[row]:  # (the sentence cited, not its source: another sentence of it may report the quote)
        for k in np.flatnonzero(reports | easy):
            if _counts_otherwise(index.stated[row], index.stated[candidates[k]]):
                reports[k] = easy[k] = False
    best: dict[int, int] = {}
    for k in np.argsort(-probability, kind="stable"):
        if (reports[k] or easy[k]) and int(sources[k]) not in vetoed:
            best.setdefault(int(sources[k]), int(candidates[k]))
    return best


def _same_figure(index: ClaimIndex, row: int, candidates: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """Per candidate: it states one of the quote's counts (both in their main clauses: not ", where 42
    homes were destroyed last week," of a sentence about a vigil) with the same value in the same frame
    (``figures.same_figure``: "burned 42 houses to the ground" for "destroyed 42 homes"), carries
    every name of the quote (days of the week aside, at least one name), names no other day, is
    no plan where the quote is none (or the reverse), and none of its figures differs."""
    import numpy as np

    out = np.zeros(len(candidates), bool)
    main_end = index.main_end[row] if index.main_end is not None else 0
    mine = [f for f in index.stated[row] if f.key[0] in ("count", "things") and 0 <= f.at < main_end]
    quote = index.anchors[row].toarray().ravel() > 0
    names = np.flatnonzero(quote & (index.kinds == ClaimIndex.KINDS.index("name")) & ~index.days)
    if not mine or not len(names):
        return out
    carried = np.asarray(index.anchors[candidates][:, names].sum(axis=1)).ravel() == len(names)
    maybe = carried & (index.modal[candidates] == index.modal[row]) & (matrix[:, FEATURES.index("day_conflict")] == 0)
    for k in np.flatnonzero(maybe):  # the few candidates only, never all pairs
        j = candidates[k]
        # (of its main clause too: "In Carrow, where 42 homes were destroyed, the school reopened")
        theirs = [g for g in index.stated[j] if index.main_end is None or 0 <= g.at < index.main_end[j]]
        out[k] = any(same_figure(f, g) for f in mine for g in theirs)
    if out.any():
        out[out] = ~_figures_conflict(index, row, candidates[out], np.ones(int(out.sum()), bool))
    return out


def carries_who_did_what(index: ClaimIndex, row: int, candidates: np.ndarray) -> np.ndarray:
    """Per candidate: it carries the whole who-did-what-where of sentence ``row``'s main clause, that
    is every event, agent and name there (days of the week aside: another source may date the same
    event otherwise or not at all, and ``day_conflict`` catches two different days), and the main
    clause has at least one of each: "Syrian insurgents captured the central city of Hama" is
    carried by "The recent capture of Hama ..., as rebel forces assert their hold" (capture, rebels,
    Hama, Syria) but not by "Government troops retook Hama" (no rebels) nor by "The capture of Hama
    ..." alone (no agent)."""
    import numpy as np

    core = index.core[row].toarray().ravel() > 0
    needed = []
    for kind in ("event", "agent", "name"):
        columns = np.flatnonzero(core & (index.kinds == ClaimIndex.KINDS.index(kind)) & ~index.days)
        if not len(columns):
            return np.zeros(len(candidates), bool)
        needed.append(columns)
    columns = np.concatenate(needed)
    return np.asarray(index.anchors[candidates][:, columns].sum(axis=1)).ravel() == len(columns)


def _differing_sources(index: ClaimIndex, row: int) -> set[int]:
    """The sources with a sentence anywhere that gives another value for one of the things sentence
    ``row`` counts (``figures.differ``): they disagree with the quote, whichever sentence of theirs
    the model would cite."""
    mine = index.stated[row]
    if not mine:
        return set()
    if index.stated_rows is None:
        index.stated_rows = rows_by_thing(index.stated)
    about_the_same = {other for f in mine for other in index.stated_rows.get(comparable_key(f), ())}
    return {int(index.sources[other]) for other in about_the_same - {row} if differ(mine, index.stated[other])}
