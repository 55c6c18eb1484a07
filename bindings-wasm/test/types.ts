// Compiled by `npm run lint` (tsc --noEmit): uses the types the way a caller would.
import { ConsistencyProof, ERROR_CODES, FIRMWARE_PREDICATE_TYPE, FirmwarePolicy, FirmwareStatement, Hasher, LogState, Sha256, TlogProof, VerificationError, Verifier, WitnessPolicy, artifactHash, splitBundles, verifyRelease, verifyReleaseAsync } from 'sigverify';
import type { ErrorName, NpmResult, Observation, ReleaseResult, SplitFile, VerificationResult } from 'sigverify';

declare const bundle: Uint8Array;
declare const file: Uint8Array;

const verifier: Verifier = Verifier.production();
const digest: string = new Sha256().update(file).digest();
try {
  const r: VerificationResult = verifier.verifyArtifact(bundle, { digest }, {
    identity: 'https://github.com/o/r/.github/workflows/w.yml@refs/tags/v1',
    issuer: 'https://token.actions.githubusercontent.com',
  }, { now: new Date() });
  const when: number | undefined = r.signingTimes[0];
  const index: number | undefined = r.logEntries[0]?.logIndex;
  void when; void index;
  verifier.verifyArtifact(bundle, file, { key: '-----BEGIN PUBLIC KEY-----...' });
  verifier.verifyArtifact(bundle, file, { anyOf: [{ identity: 'a' }, { extension: { oid: '1.3.6.1.4.1.57264.1.5', value: 'o/r' } }] });
  const { payloadType, payload } = verifier.verifyDsse(bundle, { identity: 'a', issuer: 'b' });
  void payloadType; void (payload satisfies Uint8Array);
  const [one] = verifier.verifyPypi({ name: 'pkg-1.0.tar.gz', bytes: file }, bundle, {
    publisher: { repository: 'https://github.com/o/r' },
  });
  const kind: string | null | undefined = one?.publisherKind;
  void kind;
  verifier.verifyPypiAttestation({ name: 'pkg-1.0.tar.gz', digest }, bundle, { identity: 'a', issuer: 'b' });
  const place: string = verifier.verifyFile(file, null, { identity: 'a', issuer: 'b' }).bundle.place;
  const split: SplitFile = splitBundles(file);
  void place; void split.kind;
  const release: ReleaseResult = verifyRelease(bundle, file, {
    repo: 'bdehamer/delme', tag: 'v6', assets: [file, { digest }], tagDigest: 'c5e17a62e06a1d201570249c61fae531e9244e1b',
  }, { now: 1_748_700_000_000 });
  const asset: string | undefined = release.assets[0]?.name;
  const sha1: string | undefined = release.subjects[0]?.digest['sha1'];
  void asset; void sha1; void release.result.identity;
  const tarball: string = new Hasher('sha512').update(file).digest();
  const needed: 'sha256' | 'sha384' | 'sha512' = artifactHash(file);
  void needed;
  const npm: NpmResult = verifier.verifyNpm({
    keys: file, packument: file, tarball: { digest: tarball }, attestations: file,
    policy: { github: { repo: 'o/r' } },
  }, { now: Date.now() });
  const keyid: string | null | undefined = npm.attestations[0]?.keyid;
  const source: 'attestation' | 'packument' | 'assumed' = npm.publishTimeSource;
  verifier.verifyNpm({ keys: file, packument: file, version: '1.0.0', tarball: file });
  void keyid; void source;
  // The async forms resolve to what the synchronous ones return.
  void verifier.verifyNpmAsync({ keys: file, packument: file }).then((r: NpmResult) => r.signatures);
  void verifier.verifyPypiAsync({ name: 'pkg-1.0.tar.gz', digest }, bundle, { publisher: { repository: 'https://github.com/o/r' } })
    .then((all) => all[0]?.result.identity);
  void verifier.verifyFileAsync(file, { digest }, { github: { repo: 'o/r' } }).then((r) => r.bundle.of);
  void verifyReleaseAsync(bundle, [file, file], { repo: 'o/r', tag: 'v1' }).then((r: ReleaseResult) => r.tag);
  const witnessed = Verifier.fromTrustedRoot(file, { witnessPolicy: new WitnessPolicy('quorum none\n') });
  const proof = new TlogProof(file);
  const w: VerificationResult = witnessed.verifyArtifact(bundle, file, { identity: 'a', issuer: 'b' }, { tlogProofs: [proof, 'c2sp.org/tlog-proof@v1\n...'] });
  const checkpoint = w.logEntries[0]?.checkpoint;
  const rootHash: string | undefined = checkpoint?.rootHash;
  const cosigned: number | undefined = checkpoint?.cosignatures[0]?.time;
  void rootHash; void cosigned; void (proof.treeSize satisfies number | bigint);
  const state = new LogState();
  const seen: Observation[] = state.observe(w, [ConsistencyProof.fromJson(file)]);
  const observed: 'first' | 'same' | 'extended' | 'older' | undefined = seen[0]?.kind;
  const stored: string = state.toText();
  void observed; void stored; void state.checkpoint('log.example')?.note; void state.logs.length;
  const image: VerificationResult = verifier.verifyArtifact(bundle, file, { key: '-----BEGIN PUBLIC KEY-----...', keyValidity: { notBefore: 0 } }, { predicateType: FIRMWARE_PREDICATE_TYPE });
  const firmware: FirmwareStatement = FirmwareStatement.fromResult(image);
  const security: number = firmware.securityVersion;
  const needs: number | null = firmware.minHardwareRevision;
  const releaseName: string | null = firmware.version;
  void security; void needs; void releaseName; void firmware.class; void firmware.vendor;
  const device = new FirmwarePolicy('0a8a4f43-3bd2-5c55-8f1e-6e1a4c0c9b11', '5b0f3b8e-91c4-5d7e-a2f6-3c9d8e7f6a51', { hardwareRevision: 2 });
  device.checkApplies(firmware);
  device.check(firmware, 3);
  witnessed.free();
} catch (e) {
  if (e instanceof VerificationError) {
    const name: ErrorName = e.name;
    const code: number = e.code;
    void name; void code;
  }
} finally {
  verifier.free();
}
const first: ErrorName | undefined = ERROR_CODES[0]?.name;
void first;
