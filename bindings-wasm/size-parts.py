#!/usr/bin/env python3
"""Prints what each part of the WebAssembly module costs: the code of every function, by the
part its (mangled) name belongs to, read from the module cargo builds before wasm-bindgen and
wasm-opt (which drop the names), and the share of the package's gzip size that is.

A function goes to the first part whose rule matches its name, so generic code lands where
its type parameters come from (the RSA big-integer arithmetic under RSA, P-521's field under
P-521); what no rule claims is the Rust standard library and the binding's own glue. The
gzip column is an estimate: the part's share of the code, times the packaged module's gzip
size (code compresses about evenly; data, such as the compiled-in roots and the error
messages, is listed as one row).

Usage: python3 bindings-wasm/size-parts.py [--markdown]   (after `bash bindings-wasm/build.sh`)
"""
import gzip
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
RAW = HERE.parent / "target/wasm32-unknown-unknown/wasm-release/sigverify_wasm.wasm"
PACKAGED = HERE / "pkg/sigverify_native_bg.wasm"

# (part, crate or module names, matched as whole identifiers of the symbol's path). Order
# matters: the first match wins.
PARTS = [
    ("regular expressions (identity patterns)", ["regex_syntax", "regex_automata", "sigverify::pattern"]),
    ("RSA (PKCS#1 v1.5, PSS)", ["rsa", "BoxedUint", "BoxedMontyForm", "BoxedMontyParams",
                                "BoxedMontyMultiplier", "boxed_monty_form", "boxed"]),
    ("P-521", ["p521"]),
    ("Ed25519 (Rekor v2 checkpoints, witnesses)", ["ed25519_dalek", "curve25519_dalek"]),
    ("ECDSA P-256 / P-384", ["p256", "p384", "primeorder", "primefield", "ecdsa", "elliptic_curve",
                             "crypto_bigint", "wnaf", "sec1", "ff", "group", "subtle", "ctutils"]),
    ("SHA-2", ["sha2", "digest", "block_buffer"]),
    ("PEP 740 / PyPI", ["pypi"]),
    ("TUF client", ["tuf"]),
    ("npm registry", ["npm"]),
    ("GitHub releases", ["release", "github"]),
    ("witnesses, checkpoints, log state", ["witness", "log_state", "note", "checkpoint"]),
    ("firmware statements", ["firmware"]),
    ("RFC 3161 timestamps", ["timestamp"]),
    ("X.509, DER, SCTs", ["x509", "asn1", "sct", "der", "const_oid", "spki"]),
    ("JSON reading (core)", ["json"]),
    ("JavaScript conversion (serde, serde-wasm-bindgen)", ["serde", "serde_core",
                                                           "serde_wasm_bindgen"]),
    ("wasm-bindgen and js-sys glue", ["wasm_bindgen", "js_sys"]),
    ("errors: names, messages, Display", ["error", "Error"]),
    ("the verification pipeline (bundle, tlog, policy, verifier)",
     ["sigverify", "sigverify_wasm"]),
    ("Rust core, alloc and the allocator", []),
]


def leb128(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def functions(data: bytes) -> tuple[list[tuple[str, int]], int]:
    """(name, body size) of every defined function, and the data section's size."""
    if data[:4] != b"\0asm":
        raise SystemExit(f"{RAW}: not a WebAssembly module")
    at, imported, bodies, names, data_size = 8, 0, [], {}, 0
    while at < len(data):
        section = data[at]
        size, at = leb128(data, at + 1)
        end = at + size
        if section == 2:  # imports: function imports come first in the index space
            count, p = leb128(data, at)
            for _ in range(count):
                for _ in range(2):
                    n, p = leb128(data, p)
                    p += n
                kind = data[p]
                p += 1
                if kind == 0:
                    imported += 1
                    _, p = leb128(data, p)
                elif kind == 1:
                    p += 1
                    flags, p = leb128(data, p)
                    _, p = leb128(data, p)
                    if flags & 1:
                        _, p = leb128(data, p)
                elif kind == 2:
                    flags, p = leb128(data, p)
                    _, p = leb128(data, p)
                    if flags & 1:
                        _, p = leb128(data, p)
                elif kind == 3:
                    p += 2
                else:
                    raise SystemExit(f"import kind {kind} not understood")
        elif section == 10:
            count, p = leb128(data, at)
            for _ in range(count):
                n, q = leb128(data, p)
                bodies.append(q - p + n)
                p = q + n
        elif section == 11:
            data_size += size
        elif section == 0:
            n, p = leb128(data, at)
            if data[p:p + n] == b"name":
                p += n
                while p < end:
                    kind = data[p]
                    length, p = leb128(data, p + 1)
                    if kind == 1:
                        count, q = leb128(data, p)
                        for _ in range(count):
                            index, q = leb128(data, q)
                            n, q = leb128(data, q)
                            names[index] = data[q:q + n].decode("utf-8", "replace")
                            q += n
                    p += length
        at = end
    if not names:
        raise SystemExit(f"{RAW} has no name section: build it with bindings-wasm/build.sh")
    return [(names.get(imported + i, "?"), size) for i, size in enumerate(bodies)], data_size


def tokens(name: str) -> list[str]:
    """The identifiers of a symbol's path, in order: a legacy mangled name (`_ZN4p52110arithmetic...`)
    is read by its length prefixes, so digits inside names (`p521`, `sha2`) stay; the segments'
    own escapes (`$LT$`, `$u20$`, `..`) separate identifiers."""
    text = name
    if name.startswith("_ZN"):
        at, segments = 3, []
        while at < len(name) and name[at].isdigit():
            digits = re.match(r"\d+", name[at:])
            assert digits is not None
            at += len(digits.group())
            length = int(digits.group())
            segments.append(name[at:at + length])
            at += length
        text = " ".join(segments)
    return [t for t in re.split(r"(?:\.\.|\$[A-Za-z0-9]*\$|[^A-Za-z0-9_])+", text) if t]


def is_descriptor(name: str) -> bool:
    return name.startswith("__wbindgen_describe") or "WasmDescribe" in name


def matches(words: list[str], path: list[str]) -> bool:
    # A word is an identifier of the path; `a::b` asks for the two in a row (so the core's
    # `sigverify::pattern` is not the standard library's `core::str::pattern`).
    for word in words:
        parts = word.split("::")
        for i in range(len(path) - len(parts) + 1):
            if path[i:i + len(parts)] == parts:
                return True
    return False


def main() -> int:
    if not RAW.exists() or not PACKAGED.exists():
        raise SystemExit("build first: bash bindings-wasm/build.sh")
    funcs, data_size = functions(RAW.read_bytes())
    cost = {part: 0 for part, _ in PARTS}
    for name, size in funcs:
        if is_descriptor(name):
            continue  # read by wasm-bindgen at build time, then removed from the module
        path = tokens(name)
        for part, words in PARTS:
            if not words or matches(words, path):
                cost[part] += size
                break
    code = sum(cost.values())
    kept = sum(1 for name, _ in funcs if not is_descriptor(name))
    packaged = PACKAGED.read_bytes()
    packed_gz = len(gzip.compress(packaged, 9))
    code_share = code / (code + data_size)
    markdown = "--markdown" in sys.argv
    rows = sorted(cost.items(), key=lambda kv: -kv[1]) + [("data (compiled-in roots, "
                                                            "error texts, tables)", None)]
    if markdown:
        print(f"| part | code before wasm-opt | share | about, of {packed_gz:,} B gzip |")
        print("|---|---:|---:|---:|")
    else:
        print(f"{RAW.name}: {code:,} B of code in {kept} functions, {data_size:,} B of data;"
              f" packaged {len(packaged):,} B, {packed_gz:,} B gzip -9")
    for part, size in rows:
        if size is None:
            share = data_size / (code + data_size)
            size = data_size
        else:
            share = size / code * code_share
        est = share * packed_gz
        if markdown:
            print(f"| {part} | {size:,} B | {share * 100:.1f} % | {est / 1000:.0f} KB |")
        else:
            print(f"  {part:62} {size:9,} B  {share * 100:5.1f} %  ~{est / 1000:5.0f} KB gzip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
