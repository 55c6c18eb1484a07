#!/usr/bin/env python3
"""The dependency policy, checked from `cargo metadata` (what `cargo deny check licenses bans
sources` would check; cargo-deny's advisory database cannot be fetched from our machines, and
installing cargo-deny costs minutes of every cold CI run).

- licenses: every package reachable from the shipped crates (not dev-only) has an SPDX
  expression whose alternatives include an allowed license;
- sources: every package comes from crates.io or this repository;
- bans: no crate linked into the no_std core appears in two versions, no package from the
  banned list (anything that reaches the network, a clock or an entropy source) is linked
  into anything shipped (build tools such as cc may use them while building), and the
  platform crypto libraries are linked into the Python binding alone.
Exit status 1 with the offending packages listed when the policy is broken.
"""
import json
import re
import subprocess
import sys

ALLOWED = {"MIT", "Apache-2.0", "Apache-2.0 WITH LLVM-exception", "BSD-3-Clause", "BSD-2-Clause",
           "ISC", "Unicode-3.0", "Unicode-DFS-2016", "Zlib", "CC0-1.0", "0BSD", "MPL-2.0", "BSL-1.0", "Unlicense"}
BANNED = {"getrandom", "reqwest", "hyper", "tokio", "ureq", "openssl-sys", "ring"}
CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index"
CORE = "sigverify"
# C and assembly crypto used as an ECDSA backend (sigverify::backend); the core, the CLI and
# the C and WebAssembly bindings stay pure Rust.
PLATFORM_CRYPTO = {"aws-lc-rs", "aws-lc-sys"}
PLATFORM_CRYPTO_USERS = {"sigverify-python"}


def metadata(*extra: str) -> dict:
    out = subprocess.run(["cargo", "metadata", "--format-version", "1", "--locked", *extra],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def reachable(meta: dict, roots: list, dev: bool, linked_only: bool = False) -> set:
    """Packages reachable from `roots`; `linked_only` keeps to code linked into the binary
    (no build scripts, no proc-macros, which run at build time only)."""
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    macros = {p["id"] for p in meta["packages"] if any("proc-macro" in t["kind"] for t in p["targets"])}
    seen, todo = set(), list(roots)
    while todo:
        pid = todo.pop()
        if pid in seen or (linked_only and pid in macros):
            continue
        seen.add(pid)
        for dep in nodes[pid]["deps"]:
            kinds = {k["kind"] for k in dep["dep_kinds"]}
            if linked_only:
                kinds -= {"build"}
            if dev or kinds - {"dev"}:
                todo.append(dep["pkg"])
    return seen


def license_ok(expr: str) -> bool:
    if not expr:
        return False
    alternatives = re.split(r"\s+OR\s+|/", expr.replace("(", "").replace(")", ""))
    return any(all(part.strip() in ALLOWED for part in alt.split(" AND ")) for alt in alternatives)


def main() -> int:
    meta = metadata()
    packages = {p["id"]: p for p in meta["packages"]}
    members = [pid for pid in meta["workspace_members"]]
    shipped = reachable(meta, members, dev=False)
    problems = []
    for pid in sorted(shipped):
        p = packages[pid]
        if pid in members:
            continue
        if not license_ok(p.get("license") or ""):
            problems.append(f"license: {p['name']} {p['version']}: {p.get('license')!r}")
        if p.get("source") not in (None, CRATES_IO):
            problems.append(f"source: {p['name']} {p['version']}: {p.get('source')}")
    for pid in reachable(meta, members, dev=False, linked_only=True):
        if packages[pid]["name"] in BANNED:
            problems.append(f"banned: {packages[pid]['name']} {packages[pid]['version']}")
    for member in members:
        if packages[member]["name"] in PLATFORM_CRYPTO_USERS:
            continue
        for pid in reachable(meta, [member], dev=False, linked_only=True):
            if packages[pid]["name"] in PLATFORM_CRYPTO:
                problems.append(f"platform crypto outside the Python binding: "
                                f"{packages[member]['name']} links {packages[pid]['name']}")
    core = [pid for pid in members if packages[pid]["name"] == CORE]
    versions = {}
    for pid in reachable(meta, core, dev=False, linked_only=True):
        versions.setdefault(packages[pid]["name"], set()).add(packages[pid]["version"])
    for name, vs in sorted(versions.items()):
        if len(vs) > 1:
            problems.append(f"duplicate in the core's tree: {name} {sorted(vs)}")
    for line in problems:
        print(f"deps-policy: {line}")
    core_count = len(reachable(meta, core, dev=False)) - 1
    print(f"deps-policy: {len(shipped) - len(members)} shipped dependencies checked, "
          f"{core_count} in the core's tree; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
