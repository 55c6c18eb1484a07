// Module worker: loads the package, hashes and verifies once, posts the outcome. (It posts
// rather than waits for a message: one sent during the module's top-level await could be lost.)
import { Sha256, VerificationError, Verifier } from '../../index.js';

const digest = new Sha256().update(new TextEncoder().encode('abc')).digest();
let outcome;
try {
  Verifier.production().verifyArtifact('not json', { digest }, { identity: 'a', issuer: 'b' });
  outcome = 'ok';
} catch (e) {
  outcome = e instanceof VerificationError ? e.name : `UNEXPECTED ${e}`;
}
self.postMessage({ digest, outcome });
