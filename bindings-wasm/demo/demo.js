// Demo: hash the picked artifact chunk by chunk, verify its bundle, show verified-or-why.
import { Hasher, TrustedRoot, TufState, VerificationError, Verifier, artifactHash } from '../index.js';

const $ = (id) => document.getElementById(id);
const CHUNK = 1 << 20; // 1 MiB per hasher update, so large files never sit in memory twice

// Hashes `file` through the incremental hasher of `algorithm` (the one its bundle needs:
// SHA-512 for an npm tarball), moving the progress bar as it goes.
async function hashFile(file, algorithm) {
  const hasher = new Hasher(algorithm);
  try {
    for (let offset = 0; offset < file.size; offset += CHUNK) {
      hasher.update(new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer()));
      $('progress').value = Math.min(1, (offset + CHUNK) / file.size);
    }
    $('progress').value = 1;
    return hasher.digest();
  } catch (e) {
    hasher.free();
    throw e;
  }
}

const utc = (seconds) => new Date(seconds * 1000).toISOString().replace('.000Z', ' UTC');

// Renders the outcome: a heading plus a definition list of facts.
function show(status, heading, facts) {
  const box = $('result');
  box.dataset.status = status;
  box.replaceChildren();
  const h = document.createElement('h2');
  h.textContent = heading;
  box.append(h);
  const dl = document.createElement('dl');
  for (const [term, value] of facts) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dd.dataset.field = term;
    dl.append(dt, dd);
  }
  box.append(dl);
}

// The TUF state survives reloads, so a later refresh cannot roll this browser back.
const STATE_KEY = 'sigverify-tuf-state';
const toBase64 = (bytes) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

let tufFacts = [];

// Checks the picked TUF files from the compiled-in anchor (or the stored state's newer root)
// and says which versions it trusted.
async function tufRoot() {
  const picked = [...$('tufFiles').files];
  if (picked.length === 0) throw new TypeError('pick the TUF repository files');
  const files = new Map();
  for (const f of picked) files.set(f.name, new Uint8Array(await f.arrayBuffer()));
  const stored = localStorage.getItem(STATE_KEY);
  const state = new TufState(stored ? fromBase64(stored) : undefined);
  const root = TrustedRoot.fromTufFiles({ files, state });
  localStorage.setItem(STATE_KEY, toBase64(state.toBytes()));
  const v = state.versions;
  tufFacts = [['Trusted root', `TUF root v${v.root}, timestamp v${v.timestamp}, snapshot v${v.snapshot}, targets v${v.targets}`]];
  return root;
}

async function verifier() {
  const root = $('root').value;
  tufFacts = [];
  if (root === 'production') return Verifier.production();
  if (root === 'staging') return Verifier.staging();
  if (root === 'tuf') return Verifier.fromTrustedRoot(await tufRoot());
  const file = $('rootFile').files[0];
  if (!file) throw new TypeError('pick a trusted_root.json file');
  return Verifier.fromTrustedRoot(new Uint8Array(await file.arrayBuffer()));
}

async function run() {
  const artifact = $('artifact').files[0];
  const bundle = $('bundle').files[0];
  if (!artifact || !bundle) {
    show('fail', 'Pick an artifact and its bundle first', []);
    return;
  }
  $('verify').disabled = true;
  $('result').dataset.status = 'busy';
  $('result').textContent = 'Verifying…';
  try {
    const bundleBytes = new Uint8Array(await bundle.arrayBuffer());
    const digest = await hashFile(artifact, artifactHash(bundleBytes));
    const v = await verifier();
    try {
      const policy = { identity: $('identity').value.trim(), issuer: $('issuer').value.trim() };
      const r = await v.verifyArtifactAsync(bundleBytes, { digest }, policy);
      show('ok', `Verified: ${artifact.name}`, [
        ['Signer', r.identity ?? '(managed key)'],
        ['Issuer', r.issuer ?? '-'],
        ['Signed at', r.signingTimes.map(utc).join(', ')],
        ['Log index', r.logEntries.map((e) => `${e.logIndex} (${e.logUrl})`).join(', ') || '-'],
        ['Digest', digest],
        ...tufFacts,
      ]);
    } finally {
      v.free();
    }
  } catch (e) {
    if (e instanceof VerificationError) {
      show('fail', `Not verified: ${e.name}`, [['Why', e.message], ['Code', String(e.code)]]);
    } else {
      show('fail', 'Could not verify', [['Why', String(e.message ?? e)]]);
    }
  } finally {
    $('verify').disabled = false;
  }
}

$('form').addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
$('root').addEventListener('change', () => {
  $('rootFile').hidden = $('root').value !== 'file';
  $('tufPick').hidden = $('root').value !== 'tuf';
});

// Drag and drop: a *.json file that looks like a bundle goes to "bundle", anything else to "artifact".
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  for (const file of e.dataTransfer.files) {
    const target = /\.(sigstore\.json|bundle|json)$/.test(file.name) ? $('bundle') : $('artifact');
    const list = new DataTransfer();
    list.items.add(file);
    target.files = list.files;
  }
});

$('verify').disabled = false;
show('idle', 'Ready', [['Status', 'Pick or drop an artifact and its bundle, then press Verify.']]);
