// `npm pack` ships exactly the package files, of a bounded size, and the packed tarball imports and runs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const PACKAGE = path.resolve(fileURLToPath(import.meta.url), '../../..');

test('npm pack contains the package and it runs from the tarball', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sigverify-pack-'));
  try {
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: PACKAGE, encoding: 'utf8' });
    const [info] = JSON.parse(out);
    // wasm-bindgen names the snippet folder by a hash; the platform-crypto glue must ship.
    const files = info.files.map((f) => f.path.replace(/^pkg\/snippets\/[^/]+\//, 'pkg/snippets/*/')).sort();
    assert.deepEqual(files, ['README.md', 'index.d.ts', 'index.js', 'package.json',
      'pkg/sigverify_native.js', 'pkg/sigverify_native_bg.wasm', 'pkg/snippets/*/src/host_ecdsa.js']);
    // What a user downloads: printed, and held under a ratchet just above today's 328,169 B
    // (the module is most of it; bindings-wasm/test.sh holds the module's own gzip size).
    console.log(`# npm pack: ${info.size} B packed, ${info.unpackedSize} B unpacked, ${info.entryCount} files`);
    assert.ok(info.size < 340_000, `the packed package grew to ${info.size} B`);
    assert.ok(info.unpackedSize < 870_000, `the unpacked package grew to ${info.unpackedSize} B`);
    execFileSync('tar', ['xzf', path.join(dir, info.filename), '-C', dir]);
    const script = "import('./package/index.js').then((m) => console.log(new m.Sha256().update(new Uint8Array(0)).digest(), m.Verifier.production() instanceof m.Verifier, m.Verifier.production().platformCrypto))";
    const result = execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.trim(), 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 true true');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
