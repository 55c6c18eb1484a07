// Prints figures, asserts nothing: a TUF update of Sigstore's real production repository
// (../shared/vectors/sigstore-tuf/production) in Node, this package's `TrustedRoot.fromTuf`
// (ECDSA in node:crypto, and all in WebAssembly as in a browser) next to tuf-js (npm, the
// client @sigstore/tuf uses) on the same files, from the same anchor, at the same time
// (2026-08-22, when the files are current). tuf-js is served the files from memory by a
// fetcher of this script, and writes metadata and the target to a temporary folder as it
// always does. Two anchors: root v5 (ten rotations, v5 -> v15) and root v15 (none).
// Usage: node bench/tuf.mjs [iterations, default 50]   (needs ../shared and a built pkg/)
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { TrustedRoot } from '../index.js';
import { ROOT } from '../test/lib/manifest.mjs';

const require = createRequire(import.meta.url);
const N = Number(process.argv[2] ?? 50);
const REPO = path.join(ROOT, '..', 'shared', 'vectors', 'sigstore-tuf', 'production');
const NOW = new Date(1_787_356_800_000);
const TRUSTED_ROOT = 'trusted_root.json';
if (!existsSync(REPO)) {
  console.log(`bench: SKIPPED, ${REPO} absent`);
  process.exit(0);
}

function files(anchor) {
  const history = path.join(REPO, 'metadata', 'root_history');
  const roots = [];
  for (let v = anchor + 1; existsSync(path.join(history, `${v}.root.json`)); v++) {
    roots.push(readFileSync(path.join(history, `${v}.root.json`)));
  }
  const meta = (name) => readFileSync(path.join(REPO, 'metadata', name));
  return {
    anchorVersion: anchor,
    anchor: readFileSync(path.join(history, `${anchor}.root.json`)),
    roots,
    timestamp: meta('timestamp.json'),
    snapshot: meta('snapshot.json'),
    targets: meta('targets.json'),
    trustedRoot: readFileSync(path.join(REPO, 'targets', TRUSTED_ROOT)),
  };
}

// Median ms per call over rounds of `per` calls (after a warm-up call that must succeed).
async function time(f, per = 5) {
  await f();
  const samples = [];
  for (let r = 0; r < Math.max(1, Math.round(N / per)); r++) {
    const t = performance.now();
    for (let i = 0; i < per; i++) await f();
    samples.push((performance.now() - t) / per);
  }
  return samples.sort((x, y) => x - y)[Math.floor(samples.length / 2)];
}

function ours(f, platformCrypto) {
  return () => TrustedRoot.fromTuf({
    anchor: f.anchor,
    roots: f.roots,
    timestamp: f.timestamp,
    snapshot: f.snapshot,
    targets: f.targets,
    targetFiles: { [TRUSTED_ROOT]: f.trustedRoot },
    now: NOW,
    platformCrypto,
  });
}

function tufJs(f, scratch) {
  const { Updater } = require('tuf-js');
  const { DownloadHTTPError } = require('tuf-js/dist/error');
  const byName = (url) => {
    const name = url.slice(url.lastIndexOf('/') + 1);
    if (url.includes('/metadata/')) {
      const rotation = /^([0-9]+)\.root\.json$/.exec(name);
      if (rotation) return f.roots[Number(rotation[1]) - f.anchorVersion - 1];
      return { 'timestamp.json': f.timestamp, 'snapshot.json': f.snapshot, 'targets.json': f.targets }[name.replace(/^[0-9]+\./, '')];
    }
    return name.endsWith(TRUSTED_ROOT) ? f.trustedRoot : undefined;
  };
  const fetcher = {
    async downloadBytes(url) {
      const data = byName(url);
      if (data === undefined) throw new DownloadHTTPError(`not found: ${url}`, 404);
      return data;
    },
    async downloadFile(url, maxLength, handler) {
      const file = path.join(scratch, 'download');
      writeFileSync(file, await this.downloadBytes(url, maxLength));
      try {
        return await handler(file);
      } finally {
        rmSync(file, { force: true });
      }
    },
  };
  return async () => {
    const dir = mkdtempSync(path.join(scratch, 'update-'));
    try {
      writeFileSync(path.join(dir, 'root.json'), f.anchor);
      const updater = new Updater({
        metadataDir: dir,
        metadataBaseUrl: 'https://tuf.invalid/metadata',
        targetDir: dir,
        targetBaseUrl: 'https://tuf.invalid/targets',
        fetcher,
      });
      // tuf-js checks expiry against the clock; its store keeps the time it checks against.
      updater.trustedSet.referenceTime = NOW;
      await updater.refresh();
      const info = await updater.getTargetInfo(TRUSTED_ROOT);
      if (info === undefined) throw new Error('tuf-js: targets does not describe trusted_root.json');
      return readFileSync(await updater.downloadTarget(info));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'sigverify-tuf-bench-'));
try {
  const version = require('tuf-js/package.json').version;
  console.log(`# TUF update in Node ${process.version}: sigverify (WebAssembly) vs tuf-js ${version}, median of ${N}`);
  console.log('| update of Sigstore\'s production repository | sigverify, node:crypto | sigverify, all WebAssembly | tuf-js | tuf-js / sigverify (node:crypto) |');
  console.log('|---|---|---|---|---|');
  for (const anchor of [5, 15]) {
    const f = files(anchor);
    const host = await time(ours(f, true));
    const wasm = await time(ours(f, false));
    const theirs = await time(tufJs(f, scratch));
    console.log(`| from root v${anchor} (${f.roots.length} rotations) | ${host.toFixed(2)} ms | ${wasm.toFixed(2)} ms | ${theirs.toFixed(2)} ms | ${(theirs / host).toFixed(1)}x |`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
