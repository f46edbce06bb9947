"""The package's import graph, stage by stage: its levels, any cycle, and the longest modules.

Usage:
    python benchmarks/import_graph.py [--mermaid] [--files]

A room is a stage folder of ``summarizer/`` (ingest, pool, facts, rank, output, config) or a module
at the top.  Every import between two rooms counts, including imports made inside functions.
Imports for type annotations only (under ``if TYPE_CHECKING:``) run nothing; they are listed apart,
with those among them that run back up.  Printed: the rooms level by level (level 1 imports no other
room; a room stands one level above the highest room it imports), any cycle between rooms (none is
the goal), and every module over 450 lines.  ``--files`` does
the same with one room a module; ``--mermaid`` prints the room graph as a Mermaid flowchart (the
drawing in docs/architecture.md).
"""

from __future__ import annotations

import argparse
import ast
from collections import defaultdict
from pathlib import Path

import summarizer

PACKAGE = Path(summarizer.__file__).resolve().parent
MAX_LINES = 450


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, typing_only: bool = False) -> set[str]:
    """Every module of the package that ``path`` imports at run time (or, with ``typing_only``, for
    annotations only), resolved to its dotted name."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for_typing = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                  and getattr(block.test, "id", getattr(block.test, "attr", None)) == "TYPE_CHECKING"
                  for n in ast.walk(block)}
    found = set()
    for node in ast.walk(tree):
        if (id(node) in for_typing) != typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "summarizer":
                continue
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)  # "from . import web"
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "summarizer")
    return found


def room_of(module: str, by_file: bool) -> str:
    parts = module.split(".")
    if by_file or len(parts) < 2:
        return module
    return parts[1] if (PACKAGE / parts[1]).is_dir() else module.split(".", 1)[1]


def graph(by_file: bool, typing_only: bool = False) -> tuple[dict[str, set[str]], dict[str, int]]:
    files = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(f) for f in files}
    edges: dict[str, set[str]] = defaultdict(set)
    lines = {}
    for path in files:
        source = room_of(module_name(path), by_file)
        edges[source]
        lines[module_name(path)] = len(path.read_text(encoding="utf-8").splitlines())
        for target in imports_of(path, typing_only):
            if target in modules and target != "summarizer":
                room = room_of(target, by_file)
                if room != source and module_name(path) != "summarizer":  # the package's face re-exports
                    edges[source].add(room)
    return edges, lines


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one room (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in list(edges):
        if v not in index:
            visit(v)
    return found


def levels(edges: dict[str, set[str]]) -> dict[str, int]:
    level: dict[str, int] = {}

    def of(v: str, seen: frozenset) -> int:
        if v not in level:
            level[v] = 1 + max((of(w, seen | {v}) for w in edges[v] if w not in seen), default=0)
        return level[v]

    for v in edges:
        of(v, frozenset())
    return level


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", action="store_true", help="one room a module, not a stage folder")
    parser.add_argument("--mermaid", action="store_true", help="print the room graph as a Mermaid flowchart")
    args = parser.parse_args()
    edges, lines = graph(args.files)
    if args.mermaid:
        print("flowchart TD")
        for source in sorted(edges):
            for target in sorted(edges[source]):
                print(f"    {source.replace('.', '_')}[{source}] --> {target.replace('.', '_')}[{target}]")
        return
    level = levels(edges)
    for n in range(max(level.values()), 0, -1):
        print(f"level {n:2d}  " + ", ".join(sorted(v for v in level if level[v] == n)))
    loops = cycles(edges)
    print(f"{max(level.values())} levels, {sum(map(len, edges.values()))} imports between rooms, "
          f"{len(loops)} cycles" + "".join(f"\n  cycle: {' <-> '.join(c)}" for c in loops))
    typing, _ = graph(args.files, typing_only=True)
    back = sorted(f"{a} -> {b}" for a in typing for b in typing[a] if level.get(b, 0) >= level.get(a, 0))
    print(f"imports for annotations only: {sum(map(len, typing.values()))}, running back up: "
          + (", ".join(back) or "none"))
    long = sorted(((n, m) for m, n in lines.items() if n > MAX_LINES), reverse=True)
    print(f"modules over {MAX_LINES} lines: " + (", ".join(f"{m} ({n})" for n, m in long) or "none"))


if __name__ == "__main__":
    main()
