"""Mutation testing of the core: small deliberate bugs, one at a time, each run against its tests.

Usage:
    python benchmarks/mutants.py [--area NAME ...] [--named-only] [--match TEXT ...] [--list] [--jobs N]
                                 [--timeout S]

Two kinds of mutant:

* named: the bugs that matter most to a reader, written out by hand (the first source cited only,
  the default algorithm picking the worst sentence first, the budget's ``<=`` made ``<``, each source
  cited by its weakest qualifying sentence, the deduplication threshold moved by 0.15, ...);
* operators: every comparison (``<`` / ``<=``, ``==`` / ``!=``, ``in`` / ``not in``), arithmetic
  operator (``+`` / ``-``, ``*`` / ``/``), ``and`` / ``or``, negation, ``argmax`` / ``argmin``,
  ``max`` / ``min``, ``any`` / ``all``, boolean and number constant (``n`` -> ``n + 1``, ``x`` -> ``2x``,
  ``0.0`` -> ``1.0``) in the functions below, made by rewriting the module's syntax tree.

Each mutant is written into a copy of the package (never into this checkout), and the tests of its
area run on it (``pytest -x``); a mutant is killed when they fail or time out, and survives when
they pass.  The survivors are printed; docs/mutants.md lists them and says which are equivalent.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# area -> its targets: (module, the functions mutated (Class.method or function.inner; None: the whole
# module), the tests run on a mutant of them).
CENTROID_TESTS = ["tests/rank/test_centroid.py", "tests/rank/test_centroid_oracle.py", "tests/rank/test_fill.py"]
CITE_TESTS = ["tests/facts/test_cite.py", "tests/facts/test_citation_story.py", "tests/facts/test_claims.py",
              "tests/facts/test_cite_listed_against.py", "tests/facts/test_same_figure.py",
              "tests/facts/test_anchored_citation.py", "tests/facts/test_citing.py"]
FIGURE_TESTS = ["tests/facts/test_compare_edges.py", "tests/facts/test_figures.py", "tests/facts/test_differ.py",
                "tests/facts/test_same_figure.py", "tests/facts/test_cite.py"]
FIGURE_READER_TESTS = ["tests/facts/test_figure_when.py", "tests/facts/test_figure_news.py",
                       "tests/facts/test_figure_words.py", "tests/facts/test_figures.py", "tests/facts/test_differ.py",
                       "tests/facts/test_same_figure.py", "tests/facts/test_cite_listed_against.py"]
AREAS = {
    "selection": [("summarizer/rank/centroid.py",
                   ["Centroid.select", "lead_candidates", "_Objective.greedy", "_Objective.best_remaining",
                    "_Objective.note_claims"], CENTROID_TESTS)],
    "objective": [("summarizer/rank/centroid.py", ["_Objective.__init__", "_Objective.values"],
                   CENTROID_TESTS + ["tests/test_follow_a_story.py::"  # the earlier articles' centroid
                                     "test_an_update_on_earlier_articles_keeps_to_the_story_they_told"])],
    "fill": [("summarizer/rank/fill.py", ["combinations_within", "refill"], CENTROID_TESTS)],
    "citations": [("summarizer/facts/cite.py", None, CITE_TESTS)],
    "claim matching": [("summarizer/facts/claim_match.py",
                        ["scores", "same_claim", "reporting_rows", "_figure_features", "_day_conflict",
                         "_same_figure", "_counts_otherwise"],
                        CITE_TESTS + ["tests/rank/test_centroid_oracle.py::"
                                      "test_a_fact_told_in_five_ways_is_quoted_once_however_large_the_budget",
                                      "tests/rank/test_centroid_oracle.py::"
                                      "test_one_count_told_with_two_values_in_other_words_is_quoted_once"]),
                       ("summarizer/facts/claims.py", ["main_clause_end"], CITE_TESTS)],
    "dedup": [("summarizer/pool/dedup.py", None, ["tests/pool/test_dedup.py", "tests/facts/test_citation_story.py"])],
    "figure comparison": [("summarizer/facts/figures/compare.py",
                           ["_overlap", "_partition", "_really_differ", "_disagreement", "differ", "comparable_key",
                            "_specific_match", "compare", "same_figure", "counts_otherwise"], FIGURE_TESTS),
                          # what the comparison reads: a duration told with a verb of lasting, what
                          # happened to homes, a source's seat as no place of a measured figure
                          ("summarizer/facts/figures/when.py", ["_lasted", "duration_figures[LASTING_VERBS]"],
                           FIGURE_READER_TESTS),
                          ("summarizer/facts/figures/count.py", ["thing_figure.said"], FIGURE_READER_TESTS),
                          ("summarizer/facts/figures/context.py", ["_place_named.place_at[measured]"],
                           FIGURE_READER_TESTS),
                          ("summarizer/facts/figures/extract.py", ["magnitude_figure[measured]"],
                           FIGURE_READER_TESTS)],
    "budget": [("summarizer/models.py", ["Budget.word_cap", "Budget.sentence_cap", "Budget.allows", "Budget.check"],
                ["tests/test_budget.py", "tests/rank/test_centroid.py"])],
    "budget settings": [("summarizer/rank/base.py", ["SelectSettings.check"], ["tests/test_budget.py"])],
    # what selection may open a briefing with: a sentence leaning on the one before is no opener
    "referents": [("summarizer/pool/referents.py", ["_quantifier_alone"], ["tests/pool/test_referents.py"])],
}

# Tests of something else than the mutated functions, slow: left out of every run.
DESELECTED = ["tests/facts/test_claims.py::test_a_story_copied_by_thousands_of_outlets_keeps_the_index_small"]

# The bugs named in issue 27 and their like: (area, name, text in the module, its replacement).
NAMED = [
    ("citations", "copies of the quote not cited",
     "return copies + [", "return [] + ["),
    ("citations", "only the first other source cited",
     "return copies + [r for source, r in reporting.items() if source not in copied_by and source not in against]",
     "return (copies + [r for source, r in reporting.items() if source not in copied_by and source not in against])[:1]"),
    ("citations", "a source listed against the quote's value cited all the same",
     "against = listed_against(disagreements, row, pool.figures)", "against = set()"),
    ("claim matching", "each source cited by its weakest qualifying sentence",
     """    for k in np.argsort(-probability, kind="stable"):
        if (reports[k] or easy[k])""",
     """    for k in np.argsort(probability, kind="stable"):
        if (reports[k] or easy[k])"""),
    ("claim matching", "a differing figure no longer vetoes a citation",
     "vetoed = set(sources[doubtful].tolist()) | _differing_sources(index, row)", "vetoed = set()"),
    ("selection", "the centroid selector picks the worst sentence first",
     "best = int(np.argmax(np.where(open_, gains, -np.inf)))",
     "best = int(np.argmin(np.where(open_, gains, np.inf)))"),
    ("selection", "greedy budget boundary <= made <",
     "open_ &= self.words <= words_left", "open_ &= self.words < words_left"),
    ("fill", "budget filling boundary <= made <",
     "totals[:, None] + words[None, :] <= max_words", "totals[:, None] + words[None, :] < max_words"),
    ("fill", "budget filling keeps the worst ending",
     "best = endings[int(np.argmax(values))]", "best = endings[int(np.argmin(values))]"),
    ("objective", "concepts no longer counted",
     "gains = cosine + concepts @ uncovered + self.own", "gains = cosine + self.own"),
    ("dedup", "deduplication threshold raised by 0.15",
     "above = np.nextafter(threshold, 0)", "above = np.nextafter(threshold, 0) + 0.15"),
    ("dedup", "deduplication threshold lowered by 0.15",
     "above = np.nextafter(threshold, 0)", "above = np.nextafter(threshold, 0) - 0.15"),
    ("figure comparison", "figures never differ",
     "return bool(compare(own)[0])", "return False and bool(compare(own)[0])"),
    ("budget", "the budget allows one word too many",
     "words <= self.word_cap", "words <= self.word_cap + 1"),
]

NOT_APPLIED: list[str] = []  # named mutants whose text is no longer in their module

_SWAP_COMPARE = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
                 ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
_SWAP_BINARY = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult,
                ast.BitAnd: ast.BitOr, ast.BitOr: ast.BitAnd}
_SWAP_NAMES = {"argmax": "argmin", "argmin": "argmax", "max": "min", "min": "max", "any": "all", "all": "any"}


@dataclass(frozen=True)
class Mutant:
    area: str
    module: str
    name: str  # what changed, and where (line)
    source: str  # the whole mutated module
    tests: tuple[str, ...]  # the tests run on it


def _functions(tree: ast.Module, wanted: list[str] | None) -> list[ast.AST]:
    """The function nodes named ``wanted`` (``Class.method``, ``function.inner``), or the whole module;
    ``function[word]``: only the innermost statements of the function that use the name ``word`` (or
    pass it as a keyword)."""
    if wanted is None:
        return [tree]
    parts = {name: name.partition("[") for name in wanted}
    functions = _named_functions(tree, [head for head, _, _ in parts.values()])
    out = []
    for name in wanted:
        head, _, word = parts[name]
        if head not in functions:
            continue
        if not word:
            out.append(functions[head])
            continue
        word = word.rstrip("]")
        using = [node for node in ast.walk(functions[head]) if isinstance(node, ast.stmt)
                 and not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                 and any(isinstance(n, ast.Name) and n.id == word or isinstance(n, ast.keyword) and n.arg == word
                         for n in ast.walk(node))]
        # innermost: no statement inside it uses the word too
        out += [node for node in using if not any(other is not node and other in set(ast.walk(node))
                                                   for other in using)]
    return out


def _named_functions(tree: ast.Module, wanted: list[str]) -> dict[str, ast.AST]:
    """The function nodes named ``wanted`` (``Class.method``, ``function.inner``)."""
    found = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found[node.name] = node
            for inner in ast.walk(node):
                if inner is not node and isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    found.setdefault(f"{node.name}.{inner.name}", inner)
        elif isinstance(node, ast.ClassDef):
            for inner in ast.walk(node):
                if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    found.setdefault(f"{node.name}.{inner.name}", inner)
    missing = [name for name in wanted if name not in found]
    if missing:  # the module was rewritten: say so, and mutate what is left
        print(f"mutants: warning: no function {', '.join(missing)}: update AREAS", file=sys.stderr)
    return {name: found[name] for name in wanted if name in found}


def _skipped(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Docstrings, messages, annotations and type-checking blocks: nothing a test should see."""
    while node in parents:
        parent = parents[node]
        if isinstance(parent, (ast.JoinedStr, ast.Raise)):
            return True
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef)) and node in (parent.returns, parent.args):
            return True
        if isinstance(parent, ast.arg) or isinstance(parent, ast.AnnAssign) and node is parent.annotation:
            return True
        if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id == "setting":
            return True  # a setting's default and bounds: the configuration, tested elsewhere
        node = parent
    return False


def _operator_mutations(node: ast.AST) -> list[tuple[str, callable]]:
    """(description, apply) for each mutation of this one node; apply changes it and returns an undo."""
    found = []

    def swap(obj, attribute, new, label):
        old = getattr(obj, attribute)

        def apply():
            setattr(obj, attribute, new)
            return lambda: setattr(obj, attribute, old)
        found.append((label, apply))

    if isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            if type(op) in _SWAP_COMPARE:
                ops = list(node.ops)
                ops[i] = _SWAP_COMPARE[type(op)]()
                swap(node, "ops", ops, f"{type(op).__name__} -> {type(ops[i]).__name__}")
    elif isinstance(node, ast.BinOp) and type(node.op) in _SWAP_BINARY:
        swap(node, "op", _SWAP_BINARY[type(node.op)](), f"{type(node.op).__name__} -> {_SWAP_BINARY[type(node.op)].__name__}")
    elif isinstance(node, ast.AugAssign) and type(node.op) in _SWAP_BINARY:
        swap(node, "op", _SWAP_BINARY[type(node.op)](), f"{type(node.op).__name__}= -> {_SWAP_BINARY[type(node.op)].__name__}=")
    elif isinstance(node, ast.BoolOp):
        new = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        swap(node, "op", new, f"{type(node.op).__name__} -> {type(new).__name__}")
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
        swap(node, "op", ast.UAdd(), f"{type(node.op).__name__} removed")
    elif isinstance(node, ast.Attribute) and node.attr in _SWAP_NAMES and isinstance(node.ctx, ast.Load):
        swap(node, "attr", _SWAP_NAMES[node.attr], f".{node.attr} -> .{_SWAP_NAMES[node.attr]}")
    elif isinstance(node, ast.Name) and node.id in _SWAP_NAMES and isinstance(node.ctx, ast.Load):
        swap(node, "id", _SWAP_NAMES[node.id], f"{node.id} -> {_SWAP_NAMES[node.id]}")
    elif isinstance(node, ast.Constant) and not isinstance(node.value, str):
        value = node.value
        if isinstance(value, bool):
            new = not value
        elif isinstance(value, int):
            new = value + 1
        elif isinstance(value, float):
            new = value * 2 if value else 1.0
        else:
            return found
        swap(node, "value", new, f"{value!r} -> {new!r}")
    return found


def operator_mutants(area: str) -> list[Mutant]:
    mutants = []
    for module, wanted, tests in AREAS[area]:
        text = (ROOT / module).read_text(encoding="utf-8")
        tree = ast.parse(text)
        parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
        # a function's own nodes, not those of a function inside it that is a target of its own
        targets = _functions(tree, wanted)
        for function in targets:
            inner = {id(n) for t in targets if t is not function for n in ast.walk(t)
                     if t in set(ast.walk(function))}
            for node in ast.walk(function):
                if id(node) in inner or _skipped(node, parents):
                    continue
                for label, apply in _operator_mutations(node):
                    undo = apply()
                    source = ast.unparse(tree)
                    undo()
                    where = getattr(function, "name", None) or _enclosing(function, parents)
                    mutants.append(Mutant(area, module, f"{where} line {node.lineno}: {label}", source,
                                          tuple(tests)))
    return mutants


def _enclosing(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> str:
    """The name of the function a statement is in ("module" if none)."""
    while node in parents:
        node = parents[node]
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return node.name
    return "module"


def named_mutants(area: str) -> list[Mutant]:
    texts = {module: (ROOT / module).read_text(encoding="utf-8") for module, _, _ in AREAS[area]}
    mutants = []
    for where, name, old, new in NAMED:
        if where != area:
            continue
        holding = [(module, tests) for module, _, tests in AREAS[area] if texts[module].count(old) == 1]
        if len(holding) != 1:  # the module was rewritten: the mutant must be written anew
            print(f"mutants: warning: {name!r}: the text to change is not once in {area}'s modules: update NAMED",
                  file=sys.stderr)
            NOT_APPLIED.append(name)
            continue
        module, tests = holding[0]
        mutants.append(Mutant(area, module, f"named: {name}", texts[module].replace(old, new), tuple(tests)))
    return mutants


def _copy_of_the_package(into: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
    for folder in ("summarizer", "tests", "seeds", "configs"):
        shutil.copytree(ROOT / folder, into / folder, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", into / "pyproject.toml")


def run(mutant: Mutant, workspace: Path, timeout: float) -> tuple[str, float]:
    """'killed', 'timeout' or 'survived' (the area's tests pass on the mutant), and the seconds taken."""
    target = workspace / mutant.module
    original = target.read_text(encoding="utf-8")
    target.write_text(mutant.source, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(workspace), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *mutant.tests,
               *(f"--deselect={test}" for test in DESELECTED)]
    started = time.monotonic()
    try:
        done = subprocess.run(command, cwd=workspace, env=env, capture_output=True, timeout=timeout)
        outcome = "survived" if done.returncode == 0 else "killed"
        if done.returncode not in (0, 1):  # collection error, interrupted: the mutant broke the import
            outcome = "killed"
    except subprocess.TimeoutExpired:
        outcome = "timeout"
    finally:
        target.write_text(original, encoding="utf-8")
    return outcome, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--area", action="append", choices=sorted(AREAS), help="only these areas (repeatable)")
    parser.add_argument("--named-only", action="store_true", help="only the named mutants")
    parser.add_argument("--match", action="append", help="only mutants whose name holds this text (repeatable)")
    parser.add_argument("--list", action="store_true", help="list the mutants without running them")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once (each in its own copy)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a mutant counts as killed")
    args = parser.parse_args()
    areas = args.area or list(AREAS)
    mutants = [m for area in areas for m in named_mutants(area)]
    if not args.named_only:
        mutants += [m for area in areas for m in operator_mutants(area)]
    if args.match:
        mutants = [m for m in mutants if any(text in f"{m.area}: {m.name}" for text in args.match)]
    if args.list:
        for m in mutants:
            print(f"{m.area}: {m.name}")
        print(f"{len(mutants)} mutants")
        return
    workspaces = []
    for _ in range(max(1, args.jobs)):
        workspace = Path(tempfile.mkdtemp(prefix="summarizer-mutants-"))
        _copy_of_the_package(workspace)
        workspaces.append(workspace)
    free = list(workspaces)

    def one(mutant: Mutant) -> tuple[Mutant, str, float]:
        workspace = free.pop()
        try:
            return (mutant, *run(mutant, workspace, args.timeout))
        finally:
            free.append(workspace)

    results = []
    try:
        with ThreadPoolExecutor(max_workers=len(workspaces)) as pool:
            for mutant, outcome, seconds in pool.map(one, mutants):
                results.append((mutant, outcome))
                print(f"{outcome:8} {seconds:5.1f} s  {mutant.area}: {mutant.name}", flush=True)
    finally:
        for workspace in workspaces:
            shutil.rmtree(workspace, ignore_errors=True)
    print()
    print(f"{'area':18} {'mutants':>7} {'killed':>6} {'survived':>8} {'share':>6}")
    for area in areas:
        mine = [outcome for m, outcome in results if m.area == area]
        survived = mine.count("survived")
        print(f"{area:18} {len(mine):7} {len(mine) - survived:6} {survived:8} {survived / max(len(mine), 1):6.0%}")
    survived = [m for m, outcome in results if outcome == "survived"]
    print(f"{'all':18} {len(results):7} {len(results) - len(survived):6} {len(survived):8} "
          f"{len(survived) / max(len(results), 1):6.0%}")
    named_alive = [m for m in survived if m.name.startswith("named:")]
    print(f"named mutants surviving: {len(named_alive)}"
          + (f"; not applied (module rewritten): {', '.join(NOT_APPLIED)}" if NOT_APPLIED else ""))
    if survived:
        print("\nSurvivors:")
        for m in survived:
            print(f"  {m.area}: {m.name}")


if __name__ == "__main__":
    main()
