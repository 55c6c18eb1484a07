"""Prints the time of a TUF update in-process, sigverify's Python binding next to python-tuf's
``ngclient.Updater``, on the same files of Sigstore's real production repository
(``../shared/vectors/sigstore-tuf/production``) at the same time (2026-08-22, when its files
are current).

Both sides start from the same trust anchor and end with a verified ``trusted_root.json``:

- sigverify: ``TrustedRoot.from_tuf(...)`` over the files in memory (the result is parsed and
  ready to verify bundles with);
- python-tuf: ``Updater(bootstrap=anchor)`` with a fetcher that serves the same bytes from
  memory, ``refresh()``, ``get_targetinfo`` and ``download_target`` (python-tuf also writes
  the metadata and the target to a temporary folder, as it always does).

Two cases: from root v5 (ten root rotations, v5 -> v15), and from root v15 (none). Run in a
venv with the sigverify wheel and python-tuf (``bench.sh`` sets one up and runs it)::

    python bench_tuf.py [--iters N]
"""

from __future__ import annotations

import argparse
import datetime
import re
import tempfile
from pathlib import Path
from typing import Callable, Iterator

from bench import per_call

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent / "shared" / "vectors" / "sigstore-tuf" / "production"
NOW = 1_787_356_800  # 2026-08-22T00:00:00Z
METADATA_URL = "https://tuf.invalid/metadata/"
TARGETS_URL = "https://tuf.invalid/targets/"
TRUSTED_ROOT = "trusted_root.json"


class Files:
    """The repository's files from `anchor_version` on, read once."""

    def __init__(self, anchor_version: int) -> None:
        history = REPO / "metadata" / "root_history"
        self.anchor = (history / f"{anchor_version}.root.json").read_bytes()
        self.roots: dict[int, bytes] = {}
        v = anchor_version + 1
        while (history / f"{v}.root.json").exists():
            self.roots[v] = (history / f"{v}.root.json").read_bytes()
            v += 1
        meta = REPO / "metadata"
        self.timestamp = (meta / "timestamp.json").read_bytes()
        self.snapshot = (meta / "snapshot.json").read_bytes()
        self.targets = (meta / "targets.json").read_bytes()
        self.trusted_root = (REPO / "targets" / TRUSTED_ROOT).read_bytes()


def sigverify_update(files: Files) -> Callable[[], object]:
    import sigverify

    roots = list(files.roots.values())

    def run() -> object:
        return sigverify.TrustedRoot.from_tuf(
            anchor=files.anchor,
            roots=roots,
            timestamp=files.timestamp,
            snapshot=files.snapshot,
            targets=files.targets,
            target_files={TRUSTED_ROOT: files.trusted_root},
            now=NOW,
        )

    return run


def python_tuf_update(files: Files, scratch: Path) -> Callable[[], object]:
    from tuf.api import exceptions
    from tuf.ngclient import FetcherInterface, Updater

    class MemoryFetcher(FetcherInterface):
        def _fetch(self, url: str) -> Iterator[bytes]:
            name = url.rpartition("/")[2]
            if url.startswith(METADATA_URL):
                if m := re.fullmatch(r"([0-9]+)\.root\.json", name):
                    data = files.roots.get(int(m.group(1)))
                else:
                    data = {
                        "timestamp.json": files.timestamp,
                        "snapshot.json": files.snapshot,
                        "targets.json": files.targets,
                    }.get(re.sub(r"^[0-9]+\.", "", name))
            else:
                data = files.trusted_root if name.endswith(TRUSTED_ROOT) else None
            if data is None:
                raise exceptions.DownloadHTTPError(f"not found: {url}", 404)
            return iter([data])

    fetcher = MemoryFetcher()
    reference = datetime.datetime.fromtimestamp(NOW, tz=datetime.timezone.utc)

    def run() -> object:
        with tempfile.TemporaryDirectory(dir=scratch) as d:
            updater = Updater(
                d, METADATA_URL, d, TARGETS_URL, fetcher=fetcher, bootstrap=files.anchor
            )
            # python-tuf checks expiry against the clock; this is its only way to set the time.
            updater._trusted_set.reference_time = reference  # noqa: SLF001
            updater.refresh()
            info = updater.get_targetinfo(TRUSTED_ROOT)
            if info is None:
                raise SystemExit("python-tuf: targets does not describe trusted_root.json")
            with open(updater.download_target(info), "rb") as f:
                return f.read()

    return run


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--iters", type=int, default=50)
    args = ap.parse_args()
    if not REPO.is_dir():
        raise SystemExit(f"!!! {REPO} is absent: no TUF figures")

    import sigverify
    import tuf

    print(f"# TUF update in-process: sigverify {sigverify.__version__} vs python-tuf {tuf.__version__}")
    print("| update of Sigstore's production repository | sigverify | python-tuf | ratio |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch:
        for anchor in (5, 15):
            files = Files(anchor)
            ours = per_call(sigverify_update(files), args.iters)
            theirs = per_call(python_tuf_update(files, Path(scratch)), args.iters)
            label = f"from root v{anchor} ({len(files.roots)} rotations)"
            print(f"| {label} | {ours * 1e3:.2f} ms | {theirs * 1e3:.2f} ms | "
                  f"{theirs / ours:.1f}× |")


if __name__ == "__main__":
    main()
