// Lays out the sample releases next to a built dashboard: `node scripts/sample.mjs DIST [--tuf DIR]`
// copies every file sample/files.json names into DIST/sample/ with the manifests, and with
// --tuf (a folder holding Sigstore's production TUF repository, metadata/ and targets/ as in
// sigstore/root-signing) also a mirror of it laid out as Sigstore's CDN serves it
// (DIST/sample/tuf/production/), which sample/tuf.json fetches.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE = path.join(HERE, '..', 'sample');
const REPO = path.join(HERE, '..', '..', '..', '..');

function copy(from, to) {
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
}

function tufMirror(repository, out) {
  const metadata = path.join(repository, 'metadata');
  for (const name of readdirSync(path.join(metadata, 'root_history'))) {
    if (/^\d+\.root\.json$/.test(name)) copy(path.join(metadata, 'root_history', name), path.join(out, name));
  }
  const signed = (name) => JSON.parse(readFileSync(path.join(metadata, name), 'utf8')).signed;
  copy(path.join(metadata, 'timestamp.json'), path.join(out, 'timestamp.json'));
  copy(path.join(metadata, 'snapshot.json'), path.join(out, `${signed('timestamp.json').meta['snapshot.json'].version}.snapshot.json`));
  copy(path.join(metadata, 'targets.json'), path.join(out, `${signed('snapshot.json').meta['targets.json'].version}.targets.json`));
  const root = path.join(repository, 'targets', 'trusted_root.json');
  const hash = createHash('sha256').update(readFileSync(root)).digest('hex');
  copy(root, path.join(out, 'targets', `${hash}.trusted_root.json`));
}

const [dist, flag, tuf] = process.argv.slice(2);
if (dist === undefined || (flag !== undefined && (flag !== '--tuf' || tuf === undefined))) {
  console.error('usage: node scripts/sample.mjs DIST [--tuf SIGSTORE_TUF_PRODUCTION_DIR]');
  process.exit(2);
}
const out = path.join(dist, 'sample');
const { files } = JSON.parse(readFileSync(path.join(SAMPLE, 'files.json'), 'utf8'));
for (const [name, source] of Object.entries(files)) copy(path.join(REPO, source), path.join(out, name));
copy(path.join(SAMPLE, 'manifest.json'), path.join(out, 'manifest.json'));
let rows = JSON.parse(readFileSync(path.join(SAMPLE, 'manifest.json'), 'utf8')).artifacts.length;
if (tuf !== undefined) {
  tufMirror(tuf, path.join(out, 'tuf', 'production'));
  copy(path.join(SAMPLE, 'tuf.json'), path.join(out, 'tuf.json'));
  rows += JSON.parse(readFileSync(path.join(SAMPLE, 'tuf.json'), 'utf8')).artifacts.length;
}
console.log(`sample: ${Object.keys(files).length} files, ${rows} rows${tuf ? ', TUF mirror' : ''} in ${out}`);
