// Prints figures, asserts nothing: verify time of the happy-path v0.3 bundle in Node with this
// package and with @sigstore/verify (npm) on the same bundle, artifact, root and policy.
// Usage: node bench/bench.mjs [iterations per verifier, default 200]   (needs ../shared and a built pkg/)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';

import { Verifier } from '../index.js';
import { ROOT, SHARED } from '../test/lib/manifest.mjs';

const require = createRequire(import.meta.url);
const N = Number(process.argv[2] ?? 200);
const CASE = path.join(SHARED, 'happy-path-v0.3');
if (!existsSync(CASE)) {
  console.log(`bench: SKIPPED, ${CASE} absent`);
  process.exit(0);
}
const bundleJson = readFileSync(path.join(CASE, 'bundle.sigstore.json'), 'utf8');
const artifact = readFileSync(path.join(SHARED, 'a.txt'));
const rootJson = readFileSync(path.join(ROOT, 'core', 'src', 'roots', 'production.json'), 'utf8');
const identity = 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const issuer = 'https://token.actions.githubusercontent.com';

// Median per-verify time (ms) of each function, timed in alternating rounds of 10 so that load
// from other processes on a shared machine hits every contender alike.
function time(fs) {
  for (const f of fs) for (let i = 0; i < 10; i++) f();
  const rounds = fs.map(() => []);
  for (let r = 0; r < Math.max(1, Math.round(N / 10)); r++) {
    fs.forEach((f, k) => {
      const t = performance.now();
      for (let i = 0; i < 10; i++) f();
      rounds[k].push((performance.now() - t) / 10);
    });
  }
  return rounds.map((s) => s.sort((x, y) => x - y)[Math.floor(s.length / 2)]);
}

// Both sides parse the bundle JSON on every run and reuse a verifier built once over the root.
// Ours runs twice: ECDSA in Node's crypto (the default in Node), and all in WebAssembly (what a
// browser runs).
const ours = Verifier.fromTrustedRoot(rootJson);
const pure = Verifier.fromTrustedRoot(rootJson, { platformCrypto: false });
const policy = { identity, issuer };
const oursRun = () => ours.verifyArtifact(bundleJson, artifact, policy);
const pureRun = () => pure.verifyArtifact(bundleJson, artifact, policy);

let oursMs;
let pureMs;
let theirsMs = null;
let theirsVersion = null;
try {
  const { Verifier: SigstoreVerifier, toSignedEntity, toTrustMaterial } = require('@sigstore/verify');
  const { bundleFromJSON } = require('@sigstore/bundle');
  const { TrustedRoot } = require('@sigstore/protobuf-specs');
  theirsVersion = require('@sigstore/verify/package.json').version;
  const verifier = new SigstoreVerifier(toTrustMaterial(TrustedRoot.fromJSON(JSON.parse(rootJson))));
  const run = () => verifier.verify(toSignedEntity(bundleFromJSON(JSON.parse(bundleJson)), artifact),
    { subjectAlternativeName: identity, extensions: { issuer } });
  run(); // fails loudly here if it does not verify
  [oursMs, pureMs, theirsMs] = time([oursRun, pureRun, run]);
} catch (e) {
  console.log(`bench: @sigstore/verify could not run: ${e.message}`);
  [oursMs, pureMs] = time([oursRun, pureRun]);
}

console.log(`verify happy-path-v0.3 (Node ${process.version}, median of ${Math.max(1, Math.round(N / 10))} rounds of 10):`);
console.log(`  sigverify, ECDSA in node:crypto (platformCrypto ${ours.platformCrypto}): ${oursMs.toFixed(3)} ms`);
console.log(`  sigverify, all WebAssembly (as in browsers):         ${pureMs.toFixed(3)} ms`);
if (theirsMs !== null) {
  console.log(`  @sigstore/verify ${theirsVersion}:                              ${theirsMs.toFixed(3)} ms`);
  console.log(`  speed-up: ${(theirsMs / oursMs).toFixed(1)}x with node:crypto, ${(theirsMs / pureMs).toFixed(1)}x all WebAssembly`);
}
