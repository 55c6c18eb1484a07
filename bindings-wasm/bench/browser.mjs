// Prints figures, asserts nothing: verify time of the happy-path v0.3 bundle in headless
// Chromium, synchronous (every check in WebAssembly) and with `verifyArtifactAsync` (ECDSA
// checks in WebCrypto). Usage: node bench/browser.mjs [iterations, default 200]
// (needs ../shared, a built pkg/ and Chromium, as the browser tests do).
import { existsSync } from 'node:fs';
import path from 'node:path';

import { launch, serve } from '../test/lib/browser.mjs';
import { ROOT, SHARED } from '../test/lib/manifest.mjs';

const N = Number(process.argv[2] ?? 200);
const CASE = path.join(SHARED, 'happy-path-v0.3');
if (!existsSync(CASE)) {
  console.log(`browser bench: SKIPPED, ${CASE} absent`);
  process.exit(0);
}
const files = new Set([path.join(CASE, 'bundle.sigstore.json'), path.join(SHARED, 'a.txt'),
  path.join(ROOT, 'core', 'src', 'roots', 'production.json')]);
const [bundlePath, artifactPath, rootPath] = [...files];
const server = await serve(files);
const browser = await launch();
try {
  await browser.page.goto(`${server.origin}/test/browser/blank.html`);
  const figures = await browser.page.evaluate(async ({ n, bundlePath, artifactPath, rootPath }) => {
    const { Verifier } = await import('/index.js');
    const get = async (p) => new Uint8Array(await (await fetch(`/files${p}`)).arrayBuffer());
    const bundle = new TextDecoder().decode(await get(bundlePath));
    const artifact = await get(artifactPath);
    const verifier = Verifier.fromTrustedRoot(await get(rootPath));
    const policy = {
      identity: 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main',
      issuer: 'https://token.actions.githubusercontent.com',
    };
    const sync = async () => verifier.verifyArtifact(bundle, artifact, policy);
    const webcrypto = () => verifier.verifyArtifactAsync(bundle, artifact, policy);
    // Median per-verify time of alternating rounds of 10, as bench.mjs does in Node.
    const fs = [sync, webcrypto];
    for (const f of fs) for (let i = 0; i < 10; i++) await f();
    const rounds = fs.map(() => []);
    for (let r = 0; r < Math.max(1, Math.round(n / 10)); r++) {
      for (const [k, f] of fs.entries()) {
        const t = performance.now();
        for (let i = 0; i < 10; i++) await f();
        rounds[k].push((performance.now() - t) / 10);
      }
    }
    return { ua: navigator.userAgent, ms: rounds.map((s) => s.sort((x, y) => x - y)[Math.floor(s.length / 2)]) };
  }, { n: N, bundlePath, artifactPath, rootPath });
  const version = figures.ua.match(/Chrome\/([\d.]+)/)?.[1] ?? figures.ua;
  console.log(`verify happy-path-v0.3 (headless Chromium ${version}, median of ${Math.max(1, Math.round(N / 10))} rounds of 10):`);
  console.log(`  verifyArtifact (all WebAssembly):           ${figures.ms[0].toFixed(3)} ms`);
  console.log(`  verifyArtifactAsync (ECDSA in WebCrypto):   ${figures.ms[1].toFixed(3)} ms`);
} finally {
  await browser.close();
  await server.close();
}
