"""Quotes that stand alone: whatever algorithm chose them, a briefing's sentences carry, before
each one, what it leans on (``pool.referents``: the sentence its source put before it, the noun of
a "the"-reference, a person's full name).

``arrange`` walks the picks in their order.  A pick whose referent the sentences before it carry
stays; one whose referent a later pick carries goes after the later picks; otherwise the sentence its source put before it is brought in right before it (moved up
if it is a later pick, admitted if the budget has room, it is quotable, states no claim already
chosen and itself stands), if that carries the referent.  Whatever is left leans on nothing the
briefing has: it is left out, and the algorithm selects again without it (``rank.choose.rank_and_select``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import numpy as np

from ..models import Pick
from .novelty import claim_rows
from ..pool.editorial import without_quotes
from ..pool.referents import carried

if TYPE_CHECKING:
    from ..models import Budget, Pool


_ROUNDS = 3  # selections at most, each without the picks that leaned on what was left out


def choose_standing(pool: Pool, budget: Budget, same_claim_threshold: float,
                    pick: Callable[[Budget, Pool], list[Pick]]) -> list[Pick]:
    """The algorithm's picks (``pick(budget, pool)``) with what each leans on before it.

    A pick leaning on what the briefing does not carry is left out and the algorithm chooses again
    without it; the last round chooses among sentences that stand alone (and those that stood in
    the round before), and what still leans after it is dropped.  A briefing the check would
    empty keeps the first choice as made: better a sentence that leans than no briefing (a few
    short articles, each sentence leaning on another).
    """
    choosing, left_out, first = pool, set(), None
    picks: list[Pick] = []
    for round_ in range(_ROUNDS):
        picks = pick(budget, choosing)
        first = picks if first is None else first
        picks, dangling = arrange(pool, picks, budget, same_claim_threshold)
        if not dangling or round_ == _ROUNDS - 1:
            break
        left_out |= dangling
        if round_ == _ROUNDS - 2 and pool.referents is not None:
            kept = {p.row for p in picks}
            left_out |= {r for r, need in enumerate(pool.referents.needs) if need is not None and r not in kept}
        choosing = without_quotes(pool, left_out)
    return picks or first or []


def arrange(pool: Pool, picks: list[Pick], budget: Budget, same_claim_threshold: float) -> tuple[list[Pick], set[int]]:
    """The picks with what each leans on before it, and the rows of the picks left out because the
    briefing cannot carry what they lean on."""
    referents = pool.referents
    if referents is None or all(referents.needs[p.row] is None for p in picks):
        return picks, set()
    sentences = pool.sentences
    passage_of = passage_index(pool)
    placed: list[Pick] = []
    stems: set[str] = set()
    names: set[str] = set()
    pending = list(picks)
    words = sum(sentences[p.row].words for p in picks)
    left_out: set[int] = set()

    def stands(pick: Pick, before: list[Pick], *extra: Pick) -> bool:
        rows = [p.row for p in before] + [p.row for p in extra]
        more_stems = {t for p in extra for t in pool.terms.terms[p.row]}
        more_names = {n for p in extra for n in referents.names[p.row]}
        return carried(referents.needs[pick.row], rows, stems | more_stems, names | more_names, passage_of)

    def place(pick: Pick) -> None:
        placed.append(pick)
        stems.update(pool.terms.terms[pick.row])
        names.update(referents.names[pick.row])

    deferred: set[int] = set()
    while pending:
        pick = pending.pop(0)
        if stands(pick, placed):
            place(pick)
            continue
        if pick.row not in deferred and stands(pick, placed, *pending):
            # A later pick carries what it leans on ("the school" after "a school cafeteria"): it
            # comes after them (the story order keeps it so: ``carried_order``).
            deferred.add(pick.row)
            pending.append(pick)
            continue
        for before in _antecedents(pool, pick.row):
            passage = int(passage_of[before])
            later = next((p for p in pending if p.passage == passage), None)
            if later is not None:
                helper = later
            elif (before in pool.quotable[passage] and passage not in {p.passage for p in placed}
                  and not claim_rows(pool, before, same_claim_threshold)[
                      [p.row for p in placed + pending] + [pick.row]].any()):
                helper = Pick(passage, before)
            else:
                continue
            if not (stands(helper, placed) and stands(pick, placed, helper)):
                continue
            if later is None:
                if (words + sentences[before].words > budget.word_cap
                        or len(placed) + len(pending) + 2 > budget.sentence_cap):
                    continue  # no room for it
                words += sentences[before].words
            else:
                pending.remove(later)
            place(helper)
            place(pick)
            break
        else:
            left_out.add(pick.row)
            words -= sentences[pick.row].words
    return placed, left_out


def carried_order(pool: Pool, picks: list[Pick], order: list[int]) -> list[int]:
    """``order`` (indices of ``picks``, as the briefing shows them) with each pick whose referent
    the picks before it do not carry moved right after the first pick that completes it."""
    if pool.referents is None:
        return order
    passage_of = passage_index(pool)
    order = list(order)

    def stands(row: int, before: list[int]) -> bool:
        stems = {t for r in before for t in pool.terms.terms[r]}
        names = {n for r in before for n in pool.referents.names[r]}
        return carried(pool.referents.needs[row], before, stems, names, passage_of)

    for _ in range(len(order)):  # each pass moves one pick down; bounded
        for k, i in enumerate(order):
            before = [picks[j].row for j in order[:k]]
            if stands(picks[i].row, before):
                continue
            later = [m for m in range(k + 1, len(order))
                     if stands(picks[i].row, before + [picks[j].row for j in order[k + 1:m + 1]])]
            if later:
                order.insert(later[0], order.pop(k))
                break
        else:
            break
    return order


def passage_index(pool: Pool) -> np.ndarray:
    """The passage of every row."""
    passage_of = np.empty(len(pool.sentences), dtype=int)
    for p, passage in enumerate(pool.passages):
        passage_of[list(passage.rows)] = p
    return passage_of


def _antecedents(pool: Pool, row: int) -> list[int]:
    """Sentences of its source that may carry what ``row`` leans on: the one right before it, then
    the latest before it that gives a surname it uses in full or names a "the"-noun of it."""
    referent = pool.referents.needs[row]
    source = pool.sentences[row].source
    found = []
    if row > 0 and pool.sentences[row - 1].source == source:
        found.append(row - 1)
    wanted_names = set(referent.surnames)
    wanted_heads = {s for head in referent.heads for s in head}
    earlier = row - 1
    while (wanted_names or wanted_heads) and earlier >= 0 and pool.sentences[earlier].source == source:
        names = pool.referents.names[earlier] & wanted_names
        heads = wanted_heads.intersection(pool.terms.terms[earlier])
        if (names or heads) and earlier not in found:
            found.append(earlier)
        wanted_names -= names
        wanted_heads -= heads
        earlier -= 1
    return found
