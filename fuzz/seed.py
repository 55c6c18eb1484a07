#!/usr/bin/env python3
"""Builds the seed corpora of every fuzz target from the conformance vectors.

Reads the upstream sigstore-conformance cases ($SIGVERIFY_UPSTREAM_VECTORS, else
../../shared/vectors/sigstore-conformance) and the compiled-in roots, and writes
fuzz/corpus/<target>/<sha1 of content>. The corpora are build output (gitignored).
"""
import base64
import hashlib
import json
import os
import pathlib
import struct
import sys

HERE = pathlib.Path(__file__).resolve().parent
VECTORS = pathlib.Path(os.environ.get("SIGVERIFY_UPSTREAM_VECTORS", HERE / "../../shared/vectors/sigstore-conformance"))
CORPUS = HERE / "corpus"


def put(target: str, data: bytes) -> None:
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def b64(s: str) -> bytes:
    """Decodes base64; the malformed fields of failing vectors decode to nothing."""
    try:
        return base64.b64decode(s)
    except ValueError:
        return b""


def from_bundle(raw: bytes) -> None:
    put("bundle_json", raw)
    try:
        bundle = json.loads(raw)
    except ValueError:
        return
    vm = bundle.get("verificationMaterial", {})
    certs = [vm.get("certificate", {}).get("rawBytes")]
    certs += [c.get("rawBytes") for c in vm.get("x509CertificateChain", {}).get("certificates", [])]
    for c in filter(None, certs):
        put("certificate", b64(c))
    for entry in vm.get("tlogEntries", []):
        if "canonicalizedBody" in entry:
            put("tlog_body", b64(entry["canonicalizedBody"]))
        note = entry.get("inclusionProof", {}).get("checkpoint", {}).get("envelope")
        if note:
            put("checkpoint", note.encode())
    signature = b64(bundle.get("messageSignature", {}).get("signature", "") or "")
    dsse = bundle.get("dsseEnvelope")
    if dsse:
        put("dsse_statement", b64(dsse.get("payload", "")))
        sigs = dsse.get("signatures") or [{}]
        signature = b64(sigs[0].get("sig", ""))
    for ts in vm.get("timestampVerificationData", {}).get("rfc3161Timestamps", []):
        token = base64.b64decode(ts["signedTimestamp"].replace("\n", ""))
        put("timestamp", bytes([min(len(signature), 255)]) + signature[:255] + token)


def main() -> int:
    if not VECTORS.is_dir():
        print(f"seed.py: {VECTORS} not found; only the compiled-in roots seed the corpora", file=sys.stderr)
    else:
        for case in sorted(VECTORS.iterdir()):
            if (case / "bundle.sigstore.json").is_file():
                from_bundle((case / "bundle.sigstore.json").read_bytes())
            if (case / "trusted_root.json").is_file():
                put("trust_root_json", (case / "trusted_root.json").read_bytes())
    for root in sorted((HERE / "../core/src/roots").glob("*.json")):
        raw = root.read_bytes()
        put("trust_root_json", raw)
        for ca in json.loads(raw).get("certificateAuthorities", []) + json.loads(raw).get("timestampAuthorities", []):
            for c in ca["certChain"]["certificates"]:
                put("certificate", b64(c["rawBytes"]))
    # TUF metadata: Sigstore's real repositories and the generated TUF vectors.
    tuf_real = HERE / "../../shared/vectors/sigstore-tuf"
    tuf_own = HERE / "../conformance/tuf-vectors"
    for base in (tuf_real, tuf_own):
        if base.is_dir():
            for meta in sorted(base.rglob("*.json")):
                if meta.stat().st_size <= 64 * 1024:
                    put("tuf_metadata", meta.read_bytes())
    for root in sorted((HERE / "../core/src/roots").glob("tuf-*.json")):
        put("tuf_metadata", root.read_bytes())
    # Files of several bundles: the real attestation files, and one bundle of each vector.
    for f in sorted((HERE / "../conformance/attestation-files").rglob("*.json*")):
        put("bundle_file", f.read_bytes())
    if VECTORS.is_dir():
        for case in sorted(VECTORS.iterdir())[:20]:
            if (case / "bundle.sigstore.json").is_file():
                put("bundle_file", (case / "bundle.sigstore.json").read_bytes())
    # PyPI: the real PEP 740 files, and distribution names of each shape.
    for f in sorted((HERE / "../conformance/attestation-files/pypi").iterdir()):
        if f.name.endswith((".provenance", ".attestation")):
            put("pypi", f.read_bytes())
        else:
            put("pypi", f.name.encode())
    for name in ("Foo.Bar-1!2.0rc1.post3.dev4+local.7.tar.gz", "foo-1.0-7a-py2.py3-none-any.whl"):
        put("pypi", name.encode())
    # npm: the registry's keys (both forms) and version documents of the real packages.
    for f in sorted((HERE / "../conformance/attestation-files/npm-registry").rglob("*.json")):
        put("npm", f.read_bytes())
    tuf_keys = HERE / "../../shared/vectors/sigstore-tuf/production/targets/registry.npmjs.org/keys.json"
    if tuf_keys.is_file():
        put("npm", tuf_keys.read_bytes())
    # Patterns: anchored identities, classes, repetition bounds, and a value each.
    for pattern in (
        r"https://github\.com/o/r/\.github/workflows/release\.yml@refs/tags/v[0-9.]+" + "\nhttps://github.com/o/r/.github/workflows/release.yml@refs/tags/v1.2.3",
        r".*@example\.com" + "\nsomeone@example.com",
        r"(a|b){1,1000}" + "\nab",
        r"\p{L}+[^x-z]*(?i)ABC" + "\nabc",
    ):
        put("pattern", pattern.encode())
    # Witness policies with the checkpoints they judge; checkpoint states, tlog proofs and
    # consistency proofs; a consistency proof between two trees of the virtual Rekor v2.
    for d in sorted((HERE / "../conformance/vectors").iterdir()):
        for name in ("log-state", "tlog-proof", "consistency-proof.json"):
            if (d / name).is_file():
                put("log_files", (d / name).read_bytes())
        if (d / "witness-policy").is_file():
            try:
                entries = json.loads((d / "bundle.sigstore.json").read_bytes())["verificationMaterial"]["tlogEntries"]
                note = entries[0]["inclusionProof"]["checkpoint"]["envelope"].encode()
            except (KeyError, IndexError, ValueError):
                note = b""
            put("witness", (d / "witness-policy").read_bytes() + b"\0" + note)
    put("consistency", struct.pack(">QQ", 7, 13) + bytes(64) + bytes(32 * 4))
    put("consistency", struct.pack(">QQ", 8, 8) + bytes(64))
    # verify_mutated reads its choices 8 bytes at a time: seed every vector with a few mutations.
    for index in range(80):
        for rounds in range(2):
            put("verify_mutated", struct.pack("<QQQQ", index, rounds, index * 7 + 1, rounds * 13 + 5))
    # The differential targets start from what the single-reader targets start from.
    for source, target in (("certificate", "x509_differential"), ("bundle_json", "json_differential"),
                           ("trust_root_json", "json_differential"), ("tuf_metadata", "json_differential"),
                           ("tlog_body", "json_differential"), ("dsse_statement", "json_differential")):
        if (CORPUS / source).is_dir():
            for f in (CORPUS / source).iterdir():
                put(target, f.read_bytes())
    for target in sorted(p.name for p in CORPUS.iterdir()):
        print(f"seed.py: corpus/{target}: {len(list((CORPUS / target).iterdir()))} inputs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
