#!/usr/bin/env python3
"""Builds an update package for the updater example (format: updater/src/package.rs).

    package.py OUT [--signer N] [--image FILE] [--bundle FILE] [--truncate-bundle N]
               [--flip-image-byte] [--tuf-root FILE]... [--tuf-timestamp FILE]
               [--tuf-snapshot FILE] [--tuf-targets FILE] [--trusted-root FILE]
"""
import argparse
import struct


def section(tag: bytes, body: bytes) -> bytes:
    assert len(tag) == 4
    pad = b"\0" * (-len(body) % 4)
    return tag + struct.pack("<I", len(body)) + body + pad


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--signer", type=int)
    ap.add_argument("--image")
    ap.add_argument("--bundle")
    ap.add_argument("--truncate-bundle", type=int, help="keep only the first N bytes")
    ap.add_argument("--flip-image-byte", action="store_true", help="tamper with the image")
    ap.add_argument("--tuf-root", action="append", default=[])
    ap.add_argument("--tuf-timestamp")
    ap.add_argument("--tuf-snapshot")
    ap.add_argument("--tuf-targets")
    ap.add_argument("--trusted-root")
    a = ap.parse_args()

    def read(path: str) -> bytes:
        with open(path, "rb") as f:
            return f.read()

    sections = []
    if a.signer is not None:
        sections.append(section(b"SIGN", struct.pack("<I", a.signer)))
    if a.image:
        image = bytearray(read(a.image))
        if a.flip_image_byte:
            image[len(image) // 2] ^= 0x01
        sections.append(section(b"IMG ", bytes(image)))
    if a.bundle:
        bundle = read(a.bundle)
        if a.truncate_bundle is not None:
            bundle = bundle[: a.truncate_bundle]
        sections.append(section(b"BNDL", bundle))
    for root in a.tuf_root:
        sections.append(section(b"TROT", read(root)))
    for tag, path in ((b"TTIM", a.tuf_timestamp), (b"TSNP", a.tuf_snapshot),
                      (b"TTGT", a.tuf_targets), (b"TRST", a.trusted_root)):
        if path:
            sections.append(section(tag, read(path)))
    with open(a.out, "wb") as f:
        f.write(b"SVUPDATE" + struct.pack("<I", len(sections)) + b"".join(sections))


if __name__ == "__main__":
    main()
