#!/usr/bin/env python3
"""Fails when the modules of a crate import each other in a circle.

The pipeline reads from the bottom (encodings, DER, JSON, time) up to the verifier and the
formats above it; an import that climbs back makes a circle. For each crate source folder
given (default: the core, the CLI and the bindings), every `crate::<module>` path outside
comments and the unit tests is an edge from the file's top-level module to that module
(`lib.rs`/`main.rs`, the facade, is left out). Prints each circle with its edges; exit 1 if
there is one.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT = ["core/src", "cli/src", "bindings-c/src", "bindings-python/src", "bindings-wasm/src"]


def edges(src_dir: pathlib.Path) -> dict:
    files = [p for p in src_dir.rglob("*.rs") if p.stem not in ("lib", "main") or p.parent != src_dir]
    top = {p.relative_to(src_dir).parts[0].removesuffix(".rs") for p in files}
    graph = {m: set() for m in top}
    for p in files:
        module = p.relative_to(src_dir).parts[0].removesuffix(".rs")
        text = p.read_text().split("#[cfg(test)]\nmod tests")[0]
        code = "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))
        for used in re.findall(r"\bcrate::([a-z_0-9]+)", code):
            if used in top and used != module:
                graph[module].add(used)
    return graph


def circles(graph: dict) -> list:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index, low, on_stack, stack, found, counter = {}, {}, set(), [], [], [0]
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def main() -> int:
    dirs = sys.argv[1:] or DEFAULT
    bad = 0
    for d in dirs:
        graph = edges(ROOT / d)
        for component in circles(graph):
            bad += 1
            print(f"module-cycles: {d}: {' <-> '.join(component)}")
            for a in component:
                for b in sorted(graph[a] & set(component)):
                    print(f"  {a} -> {b}")
        print(f"module-cycles: {d}: {len(graph)} modules, {sum(map(len, graph.values()))} imports")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
