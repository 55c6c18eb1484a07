#!/usr/bin/env python3
"""Differential test of sigverify's TUF client against python-tuf's `ngclient.Updater`.

Reads the TUF manifest (`cargo run -p sigverify-conformance --bin manifest -- --tuf OUT`) and,
for every id, runs python-tuf over the same files, stage by stage, at the row's time:

- python-tuf in bootstrap mode (`Updater(bootstrap=<the row's anchor>)`): every stage starts
  from its row's anchor, as sigverify does, and keeps only what its metadata folder holds
  from the stage before (the timestamp and snapshot it trusted: its rollback floors); a fresh
  metadata folder per id, shared by its stages;
- a fetcher serving the row's files from memory: the roots as `N.root.json` (N = the anchor's
  version + position), `timestamp.json`, `snapshot.json` / `V.snapshot.json`,
  `targets.json` / `V.targets.json`, and target files as `<name>` or `<hash>.<name>`; any
  other URL is a 404;
- `Updater.refresh()`, then `get_targetinfo` and `download_target` for `trusted_root.json`
  (which sigverify requires) and every other target file of the row.

python-tuf's reference time is `TrustedMetadataSet.reference_time`, set in its constructor to
the current time; the script sets it to the row's `now` after creating the `Updater` (before
`refresh()`, the first step that reads it).

Accepting or rejecting is compared with the manifest's `expected` column (`ok` or an error
name). Differences explained in EXPLAINED are reported but tolerated; any other exits 1.

Run it through `conformance/tuf-differential.sh`, which pins python-tuf in a venv.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

try:
    import cryptography  # noqa: F401 (securesystemslib verifies nothing without it)
except ImportError:
    raise SystemExit(
        "tuf differential: the `cryptography` package is missing (install securesystemslib[crypto]):"
        " python-tuf would reject every signature"
    ) from None

import tuf
from tuf.api import exceptions
from tuf.ngclient import FetcherInterface, Updater

REPO = Path(__file__).resolve().parent.parent

# The compiled-in anchors the manifest names (sigverify::tuf::PRODUCTION_ROOT / STAGING_ROOT).
COMPILED_IN = {
    "production": REPO / "core" / "src" / "roots" / "tuf-production-root.json",
    "staging": REPO / "core" / "src" / "roots" / "tuf-staging-root.json",
}

METADATA_URL = "https://tuf.invalid/metadata/"
TARGETS_URL = "https://tuf.invalid/targets/"

# The target sigverify requires of every update.
TRUSTED_ROOT = "trusted_root.json"

# Known, explained differences: id -> why python-tuf decides otherwise than sigverify.
EXPLAINED = {
    # sigverify counts each distinct public key once, whatever key ids name it; python-tuf
    # counts key ids, so one key listed twice for a role meets a threshold of 2 alone.
    "tuf-own/tuf-targets-key-id-alias": "python-tuf counts a key under two key ids twice",
    # securesystemslib refuses to deserialize a key of a type it does not implement, so
    # python-tuf rejects the whole root; sigverify ignores such a key (it never verifies
    # anything) and the known keys still meet the threshold.
    "tuf-own/tuf-unknown-key-type-ignored": "python-tuf rejects a root listing an unknown key type",
    # Python's json module keeps the last of two equal keys; sigverify refuses a document whose
    # signed content depends on which one a reader keeps.
    "tuf-own/tuf-timestamp-duplicate-key": "python-tuf accepts duplicate JSON keys (last wins)",
    # python-tuf bounds metadata sizes and root rotations but not the number of signatures on
    # a file or of keys in a root; sigverify bounds both at 64.
    "tuf-own/tuf-targets-signatures-past-limit": "python-tuf has no limit on signatures",
    "tuf-own/tuf-anchor-keys-past-limit": "python-tuf has no limit on keys",
    # The same key under two encodings (compressed and uncompressed point) has two key ids;
    # python-tuf counts key ids, sigverify counts keys by value (TUF 5.3.4: one signature a key).
    "tuf-own/tuf-root-key-compressed-alias": "python-tuf counts one key in two encodings twice",
    # 5.4.3: python-tuf keeps the trusted timestamp file it stored and goes on with it;
    # sigverify's state holds the trusted timestamp's digest, not the file, so it updates
    # nothing and says why (TUF_TIMESTAMP_CHANGED).
    "tuf-own/tuf-timestamp-same-version-other-content": "python-tuf goes on with its stored timestamp",
}


@dataclass
class Row:
    """One manifest row."""

    id: str
    stage: int
    anchor: str
    roots: list[Path]
    timestamp: Path
    snapshot: Path
    targets: Path
    target_files: list[tuple[str, Path]]
    now: int
    expected: str


def read_manifest(path: Path) -> list[Row]:
    rows = []
    for line in path.read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) != 10:
            raise SystemExit(f"tuf differential: not 10 columns: {line}")
        files = []
        if f[7] != "-":
            for item in f[7].split(","):
                name, _, p = item.partition("=")
                files.append((name, Path(p)))
        rows.append(
            Row(
                id=f[0],
                stage=int(f[1]),
                anchor=f[2],
                roots=[] if f[3] == "-" else [Path(p) for p in f[3].split(",")],
                timestamp=Path(f[4]),
                snapshot=Path(f[5]),
                targets=Path(f[6]),
                target_files=files,
                now=int(f[8]),
                expected=f[9],
            )
        )
    return rows


def root_version(data: bytes) -> int:
    """The version a root claims, read without trusting it (0 when unreadable)."""
    try:
        version = json.loads(data)["signed"]["version"]
        return version if isinstance(version, int) else 0
    except (ValueError, KeyError, TypeError):
        return 0


def anchor_bytes(row: Row) -> bytes:
    """The row's anchor: a compiled-in one by name, else a file."""
    return (COMPILED_IN[row.anchor] if row.anchor in COMPILED_IN else Path(row.anchor)).read_bytes()


class MemoryFetcher(FetcherInterface):
    """Serves one stage's files by URL; everything else is a 404."""

    def __init__(self, row: Row, trusted_version: int):
        self.roots = {
            trusted_version + i + 1: p.read_bytes() for i, p in enumerate(row.roots)
        }
        self.timestamp = row.timestamp.read_bytes()
        self.snapshot = row.snapshot.read_bytes()
        self.targets = row.targets.read_bytes()
        self.files = {name: p.read_bytes() for name, p in row.target_files}

    def _fetch(self, url: str) -> Iterator[bytes]:
        data = self._lookup(url)
        if data is None:
            raise exceptions.DownloadHTTPError(f"not found: {url}", 404)
        return iter([data])

    def _lookup(self, url: str) -> bytes | None:
        if url.startswith(METADATA_URL):
            name = url[len(METADATA_URL) :]
            if m := re.fullmatch(r"([0-9]+)\.root\.json", name):
                return self.roots.get(int(m.group(1)))
            if name == "timestamp.json":
                return self.timestamp
            if re.fullmatch(r"([0-9]+\.)?snapshot\.json", name):
                return self.snapshot
            if re.fullmatch(r"([0-9]+\.)?targets\.json", name):
                return self.targets
            return None
        if url.startswith(TARGETS_URL):
            name = url[len(TARGETS_URL) :]
            if name in self.files:
                return self.files[name]
            prefix, _, rest = name.partition(".")
            if re.fullmatch(r"[0-9a-f]+", prefix) and rest in self.files:
                return self.files[rest]
        return None


# What python-tuf raises for metadata or files it refuses.
REFUSALS = (exceptions.RepositoryError, exceptions.DownloadError, ValueError)


def run_stage(row: Row, metadata_dir: Path, target_dir: Path) -> str | None:
    """Runs one stage from its anchor; None when python-tuf accepts, else why it refuses."""
    anchor = anchor_bytes(row)
    fetcher = MemoryFetcher(row, root_version(anchor))
    try:
        updater = Updater(
            str(metadata_dir),
            METADATA_URL,
            str(target_dir),
            TARGETS_URL,
            fetcher=fetcher,
            bootstrap=anchor,
        )
        trusted_set = updater._trusted_set  # noqa: SLF001 (the only way to set the time)
        if not hasattr(trusted_set, "reference_time"):
            raise SystemExit(f"python-tuf {tuf.__version__}: no reference_time to set")
        trusted_set.reference_time = datetime.datetime.fromtimestamp(
            row.now, tz=datetime.timezone.utc
        )
        updater.refresh()
        names = [TRUSTED_ROOT] + [n for n, _ in row.target_files if n != TRUSTED_ROOT]
        for name in names:
            info = updater.get_targetinfo(name)
            if info is None:
                return f"{name}: targets does not describe it"
            updater.download_target(info)
    except REFUSALS as e:
        cause = f" ({type(e.__cause__).__name__}: {e.__cause__})" if e.__cause__ else ""
        return f"{type(e).__name__}: {e}{cause}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manifest", type=Path, help="the TUF manifest (TSV)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every row")
    args = parser.parse_args()
    started = time.monotonic()

    rows = read_manifest(args.manifest)
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row.id, []).append(row)

    agree = explained = 0
    unexplained: list[str] = []
    seen_explained: set[str] = set()
    for case, stages in groups.items():
        with tempfile.TemporaryDirectory(prefix="tuf-differential-") as tmp:
            metadata_dir = Path(tmp) / "metadata"
            target_dir = Path(tmp) / "targets"
            metadata_dir.mkdir()
            target_dir.mkdir()
            for row in stages:
                refusal = run_stage(row, metadata_dir, target_dir)
                python_ok = refusal is None
                sigverify_ok = row.expected == "ok"
                label = f"{row.id} stage {row.stage}"
                python_says = "accepts" if python_ok else f"rejects ({refusal})"
                if python_ok == sigverify_ok:
                    agree += 1
                    if args.verbose:
                        print(f"agree      {label}: sigverify {row.expected}, python-tuf {python_says}")
                elif row.id in EXPLAINED:
                    explained += 1
                    seen_explained.add(row.id)
                    print(
                        f"explained  {label}: sigverify {row.expected}, python-tuf {python_says}:"
                        f" {EXPLAINED[row.id]}"
                    )
                else:
                    unexplained.append(label)
                    print(
                        f"DISAGREE   {label}: sigverify {row.expected}, python-tuf {python_says}"
                    )

    for case in sorted(set(EXPLAINED) - seen_explained):
        if case in groups:
            print(f"note: {case} is listed in EXPLAINED but python-tuf now agrees")
        else:
            print(f"note: {case} is listed in EXPLAINED but is not in the manifest")
    if not any(r.id.startswith("tuf-real/") for r in rows):
        print("!!! no tuf-real rows in the manifest: Sigstore's real repositories were NOT compared")
    print(f"python-tuf {tuf.__version__}, {time.monotonic() - started:.1f}s")
    print(
        f"tuf differential: {len(rows)} rows, {agree} agree, {explained} explained differences,"
        f" {len(unexplained)} unexplained"
    )
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
