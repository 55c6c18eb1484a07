//! Transparency-log entries: which log, is the entry authentic (inclusion promise, inclusion
//! proof under a signed checkpoint), and does it describe this bundle.

use alloc::vec::Vec;

use crate::Error;
use crate::bundle::TlogEntry;
use crate::crypto::Crypto;
use crate::crypto::RsaPadding;
use crate::time::UnixTime;
use crate::trust_root::Log;
use crate::witness::Cosignature;
use crate::witness::WitnessPolicy;

pub(crate) mod body;
#[cfg(feature = "witness")]
pub(crate) mod consistency;
pub(crate) mod merkle;
pub(crate) mod promise;
#[cfg(feature = "witness")]
pub(crate) mod proof_file;

#[cfg(feature = "witness")]
pub use proof_file::Attached;
#[cfg(feature = "witness")]
pub use proof_file::TlogProof;

/// A tlog entry that verified, with what it proves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// The entry's index in its log.
    pub log_index: u64,
    /// The log id (SHA-256 of the log key for Rekor v1).
    pub log_id: Vec<u8>,
    /// The log's base URL as the trusted root names it.
    pub log_url: alloc::string::String,
    /// The integrated time, present only when an inclusion promise signed it.
    pub integrated_time: Option<UnixTime>,
    /// The checkpoint that proved the entry's inclusion, when the entry had an inclusion
    /// proof (Rekor v1 entries may have an inclusion promise alone).
    pub checkpoint: Option<SignedCheckpoint>,
}

/// A checkpoint whose log signature verified, with the witness cosignatures a witness policy
/// verified on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedCheckpoint {
    /// The origin line: the log's identity (`rekor.sigstore.dev - <tree id>` for Rekor v1, the
    /// log's host for Rekor v2).
    pub origin: alloc::string::String,
    /// The tree size.
    pub size: u64,
    /// The tree's root hash (32 bytes).
    pub root_hash: Vec<u8>,
    /// The whole signed note, signature lines included: the evidence to keep or report.
    pub note: alloc::string::String,
    /// The cosignatures of the witness policy's witnesses that verified; empty without a
    /// policy.
    pub cosignatures: Vec<Cosignature>,
}

/// Verifies one entry against the trusted logs and the bundle it must describe.
#[inline(never)] // a step of Verifier::run: its locals stay out of run's frame
pub(crate) fn verify_entry(
    index: usize,
    entry: &TlogEntry,
    logs: &[Log],
    expected: &body::Expected<'_>,
    witness: Option<&WitnessPolicy>,
    now: UnixTime,
    crypto: Crypto<'_>,
) -> Result<LogEntry, Error> {
    let log = logs
        .iter()
        .find(|l| l.log_id == entry.log_id)
        .ok_or(Error::TlogKeyUnknown { entry: index })?;
    if !body::SUPPORTED.contains(&(entry.kind.as_str(), entry.version.as_str())) {
        return Err(Error::TlogKindUnsupported { entry: index });
    }
    let mut integrated_time = None;
    if let Some(set) = &entry.inclusion_promise {
        if !promise::verify(
            log,
            set,
            &entry.body,
            entry.integrated_time,
            entry.log_index,
            crypto,
        ) {
            return Err(Error::TlogInclusionPromiseInvalid { entry: index });
        }
        let t = UnixTime(entry.integrated_time);
        if t > now {
            return Err(Error::TlogIntegratedTimeInFuture { entry: index });
        }
        if !log.validity.contains(t) {
            return Err(Error::TlogKeyNotValidAtTime { entry: index });
        }
        integrated_time = Some(t);
    }
    let v2 = is_rekor_v2(entry);
    let checkpoint = match &entry.inclusion_proof {
        // Rekor v2 has one index per log, so the proof vouches for the index the entry claims.
        // A Rekor v1 log is sharded: its global `logIndex` (signed only by the promise) differs
        // from the tree index the proof proves, and the two are not compared (as in
        // sigstore-go and sigstore-python).
        Some(proof) if v2 && proof.log_index != entry.log_index => {
            return Err(Error::TlogLogIndexMismatch { entry: index });
        }
        Some(proof) => Some(verify_inclusion(
            index, entry, proof, log, v2, witness, now, crypto,
        )?),
        None if integrated_time.is_none() => {
            return Err(Error::TlogEntryUnverifiable { entry: index });
        }
        #[cfg(feature = "witness")]
        None if witness
            .or(log.witness.as_ref())
            .is_some_and(WitnessPolicy::is_required) =>
        {
            return Err(Error::WitnessCheckpointMissing { entry: index });
        }
        None => None,
    };
    body::check(index, &entry.kind, &entry.version, &entry.body, expected)?;
    Ok(LogEntry {
        log_index: entry.log_index,
        log_id: entry.log_id.clone(),
        log_url: log.base_url.clone(),
        integrated_time,
        checkpoint,
    })
}

#[inline(never)] // a step of verify_entry, as the promise is: frames side by side, not nested
#[allow(clippy::too_many_arguments)] // the entry, its log and the verifier's inputs, each used
fn verify_inclusion(
    index: usize,
    entry: &TlogEntry,
    proof: &crate::bundle::InclusionProof,
    log: &Log,
    v2: bool,
    witness: Option<&WitnessPolicy>,
    now: UnixTime,
    crypto: Crypto<'_>,
) -> Result<SignedCheckpoint, Error> {
    let leaf = merkle::leaf_hash(&entry.body);
    let root =
        merkle::root_from_inclusion_proof(proof.log_index, proof.tree_size, leaf, &proof.hashes);
    if root.as_ref().map(<[u8; 32]>::as_slice) != Some(proof.root_hash.as_slice()) {
        return Err(Error::TlogInclusionProofInvalid { entry: index });
    }
    let checkpoint = crate::note::parse(&proof.checkpoint, index)?;
    let hint_source = log.checkpoint_key_id.as_deref().unwrap_or(&log.log_id);
    let hint = hint_source
        .get(..4)
        .ok_or(Error::TlogCheckpointSignatureMissing { entry: index })?;
    // Rekor v2 (C2SP signed-note and tlog-checkpoint): a signature is the log's only when both
    // the key name (the log's host) and the key hint match, and the origin is that host; other
    // lines are witnesses or unknown keys and are ignored. Rekor v1 signs under its server's
    // hostname setting, which a private instance need not set to the host of its `baseUrl`:
    // there the key hint alone picks the line (as sigstore-go and sigstore-python do), the
    // log's key decides, and the origin is not compared.
    let name = log_host(&log.base_url);
    let mut candidates = checkpoint
        .signatures
        .iter()
        .filter(|s| s.key_hint == hint && (!v2 || s.name == name))
        .peekable();
    if candidates.peek().is_none() {
        return Err(Error::TlogCheckpointSignatureMissing { entry: index });
    }
    let signed = checkpoint.signed.as_bytes();
    let hash = log.key.default_hash();
    if !candidates.any(|s| {
        log.key
            .verify(crypto, hash, RsaPadding::Pkcs1v15, signed, &s.signature)
            .is_ok()
    }) {
        return Err(Error::TlogCheckpointSignatureInvalid { entry: index });
    }
    if v2 && checkpoint.origin != name {
        return Err(Error::TlogCheckpointOriginMismatch { entry: index });
    }
    if checkpoint.size != proof.tree_size || checkpoint.root_hash != proof.root_hash {
        return Err(Error::TlogCheckpointRootMismatch { entry: index });
    }
    // The caller's policy, else the one the trusted root gives this log.
    let cosignatures = match witness.or(log.witness.as_ref()) {
        Some(policy) => policy.judge(index, &checkpoint, &log.identity(), now, crypto)?,
        None => Vec::new(),
    };
    Ok(SignedCheckpoint {
        origin: checkpoint.origin.into(),
        size: checkpoint.size,
        root_hash: checkpoint.root_hash,
        note: proof.checkpoint.clone(),
        cosignatures,
    })
}

/// Whether an entry comes from a Rekor v2 log: only v2 writes `hashedrekord` and `dsse` bodies
/// of version 0.0.2 (Rekor v1's `intoto` 0.0.2 is another kind).
fn is_rekor_v2(entry: &TlogEntry) -> bool {
    entry.version == "0.0.2" && matches!(entry.kind.as_str(), "hashedrekord" | "dsse")
}

/// The host of a log's base URL (`https://rekor.sigstore.dev/` -> `rekor.sigstore.dev`), which
/// Rekor uses as its checkpoint key name.
fn log_host(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest)
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use alloc::string::String;
    use alloc::vec;
    use alloc::vec::Vec;

    use p256::ecdsa::DerSignature;
    use p256::ecdsa::SigningKey;
    use p256::ecdsa::signature::Signer;
    use p256::pkcs8::EncodePublicKey;

    use super::*;
    use crate::bundle::Content;
    use crate::bundle::InclusionProof;
    use crate::crypto::PublicKey;
    use crate::digest::Sha256Digest;
    use crate::digest::sha256;
    use crate::encoding::base64_encode;
    use crate::time::Validity;

    /// A one-log world: a P-256 log key, one hashedrekord entry in a two-leaf tree.
    struct World {
        sk: SigningKey,
        log: Log,
        entry: TlogEntry,
        signer_spki: Vec<u8>,
        content: Content,
        artifact: Sha256Digest,
    }

    fn world() -> World {
        let sk = SigningKey::from_slice(&[9u8; 32]).unwrap();
        let log_spki = sk
            .verifying_key()
            .to_public_key_der()
            .unwrap()
            .as_bytes()
            .to_vec();
        let log_id = sha256(&[&log_spki]).to_vec();
        let log = Log {
            base_url: "https://rekor.example".into(),
            key: PublicKey::from_spki_der(&log_spki).unwrap(),
            log_id: log_id.clone(),
            checkpoint_key_id: None,
            witness: None,
            validity: Validity {
                start: UnixTime(100),
                end: Some(UnixTime(1000)),
            },
        };
        let signer = SigningKey::from_slice(&[5u8; 32]).unwrap();
        let signer_spki = signer
            .verifying_key()
            .to_public_key_der()
            .unwrap()
            .as_bytes()
            .to_vec();
        let artifact = Sha256Digest::of(b"artifact");
        let sig: DerSignature = signer.sign(b"artifact");
        let pem = format!(
            "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
            base64_encode(&signer_spki)
        );
        let body = format!(
            r#"{{"apiVersion":"0.0.1","kind":"hashedrekord","spec":{{"data":{{"hash":{{"algorithm":"sha256","value":"{}"}}}},"signature":{{"content":"{}","publicKey":{{"content":"{}"}}}}}}}}"#,
            artifact.to_hex(),
            base64_encode(sig.as_bytes()),
            base64_encode(pem.as_bytes())
        )
        .into_bytes();
        let sibling = merkle::leaf_hash(b"other entry");
        let leaf = merkle::leaf_hash(&body);
        let root = sha256(&[&[1], &leaf, &sibling]);
        let note = format!("rekor.example - 1\n2\n{}\n", base64_encode(&root));
        let note_sig: DerSignature = sk.sign(note.as_bytes());
        let mut hinted = log_id[..4].to_vec();
        hinted.extend_from_slice(note_sig.as_bytes());
        let checkpoint = format!(
            "{note}\n\u{2014} rekor.example {}\n",
            base64_encode(&hinted)
        );
        let set_payload = promise::signed_payload(&body, 500, &log_id, 7);
        let set: DerSignature = sk.sign(set_payload.as_bytes());
        let entry = TlogEntry {
            log_index: 7,
            log_id,
            kind: "hashedrekord".into(),
            version: "0.0.1".into(),
            integrated_time: 500,
            inclusion_promise: Some(set.as_bytes().to_vec()),
            inclusion_proof: Some(InclusionProof {
                log_index: 0,
                root_hash: root.to_vec(),
                tree_size: 2,
                hashes: vec![sibling.to_vec()],
                checkpoint,
            }),
            body,
        };
        let content = Content::MessageSignature {
            digest: None,
            signature: sig.as_bytes().to_vec(),
        };
        World {
            sk,
            log,
            entry,
            signer_spki,
            content,
            artifact,
        }
    }

    fn run(w: &World, now: u64) -> Result<LogEntry, Error> {
        let expected = body::Expected {
            content: &w.content,
            certificate: None,
            spki: &w.signer_spki,
            artifact: Some(w.artifact.into()),
            pae_hash: crate::digest::HashAlgorithm::Sha256,
        };
        verify_entry(
            0,
            &w.entry,
            core::slice::from_ref(&w.log),
            &expected,
            None,
            UnixTime(now),
            Crypto::BUILTIN,
        )
    }

    fn resign_checkpoint(w: &mut World, note: &str, hint: &[u8], name: &str) {
        let sig: DerSignature = w.sk.sign(note.as_bytes());
        let mut hinted = hint.to_vec();
        hinted.extend_from_slice(sig.as_bytes());
        let proof = w.entry.inclusion_proof.as_mut().unwrap();
        proof.checkpoint = format!("{note}\n\u{2014} {name} {}\n", base64_encode(&hinted));
    }

    fn note_of(w: &World) -> String {
        let c = &w.entry.inclusion_proof.as_ref().unwrap().checkpoint;
        c[..c.find("\n\n").unwrap() + 1].into()
    }

    #[test]
    fn a_good_entry_verifies() {
        let w = world();
        let e = run(&w, 600).unwrap();
        assert_eq!(e.log_index, 7);
        assert_eq!(e.integrated_time, Some(UnixTime(500)));
        assert_eq!(e.log_url, "https://rekor.example");
    }

    #[test]
    fn each_check_fails_on_its_own_tampering() {
        let mut w = world();
        w.entry.log_id[0] ^= 1;
        assert_eq!(run(&w, 600), Err(Error::TlogKeyUnknown { entry: 0 }));

        let mut w = world();
        w.entry.kind = "rekord".into();
        assert_eq!(run(&w, 600), Err(Error::TlogKindUnsupported { entry: 0 }));

        let mut w = world();
        w.entry.integrated_time += 1;
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogInclusionPromiseInvalid { entry: 0 })
        );

        let w = world();
        assert_eq!(
            run(&w, 499),
            Err(Error::TlogIntegratedTimeInFuture { entry: 0 })
        );

        let mut w = world();
        w.log.validity = Validity {
            start: UnixTime(501),
            end: None,
        };
        assert_eq!(run(&w, 600), Err(Error::TlogKeyNotValidAtTime { entry: 0 }));
        w.log.validity = Validity {
            start: UnixTime(0),
            end: Some(UnixTime(499)),
        };
        assert_eq!(run(&w, 600), Err(Error::TlogKeyNotValidAtTime { entry: 0 }));
        w.log.validity = Validity {
            start: UnixTime(500),
            end: Some(UnixTime(500)),
        };
        assert!(
            run(&w, 600).is_ok(),
            "both ends of the log validity are inclusive"
        );

        let mut w = world();
        w.entry.inclusion_proof.as_mut().unwrap().hashes[0][0] ^= 1;
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogInclusionProofInvalid { entry: 0 })
        );

        let mut w = world();
        w.entry.inclusion_proof.as_mut().unwrap().tree_size = 3;
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogInclusionProofInvalid { entry: 0 })
        );

        let mut w = world();
        w.entry.inclusion_proof.as_mut().unwrap().checkpoint = "garbage".into();
        assert_eq!(run(&w, 600), Err(Error::TlogCheckpointInvalid { entry: 0 }));

        let mut w = world();
        let note = note_of(&w);
        resign_checkpoint(&mut w, &note, &[0, 0, 0, 0], "rekor.example");
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogCheckpointSignatureMissing { entry: 0 })
        );

        let mut w = world();
        let c = &mut w.entry.inclusion_proof.as_mut().unwrap().checkpoint;
        *c = c.replacen("rekor.example - 1", "rekor.example - 2", 1);
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogCheckpointSignatureInvalid { entry: 0 })
        );

        let mut w = world();
        let (note, hint) = (
            note_of(&w).replace("\n2\n", "\n3\n"),
            w.log.log_id[..4].to_vec(),
        );
        resign_checkpoint(&mut w, &note, &hint, "rekor.example");
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogCheckpointRootMismatch { entry: 0 })
        );

        let mut w = world();
        w.entry.inclusion_proof = None;
        assert!(
            run(&w, 600).is_ok(),
            "a v0.1 entry with only a promise verifies"
        );
        w.entry.inclusion_promise = None;
        assert_eq!(run(&w, 600), Err(Error::TlogEntryUnverifiable { entry: 0 }));
    }

    #[test]
    fn a_rekor_v1_checkpoint_is_found_by_key_hint_under_any_name_and_origin() {
        // A private Rekor v1 signs under its hostname setting, not the host of its baseUrl.
        let mut w = world();
        let note = note_of(&w).replace("rekor.example - 1", "rekor.internal - 1");
        let hint = w.log.log_id[..4].to_vec();
        resign_checkpoint(&mut w, &note, &hint, "rekor.internal");
        assert!(run(&w, 600).is_ok());
        // The hint picks the line; the log's key still decides.
        let other = SigningKey::from_slice(&[3u8; 32]).unwrap();
        let sig: DerSignature = other.sign(note.as_bytes());
        let mut hinted = hint.clone();
        hinted.extend_from_slice(sig.as_bytes());
        w.entry.inclusion_proof.as_mut().unwrap().checkpoint = format!(
            "{note}\n\u{2014} rekor.internal {}\n",
            base64_encode(&hinted)
        );
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogCheckpointSignatureInvalid { entry: 0 })
        );
    }

    #[test]
    fn a_rekor_v1_entry_on_a_sharded_log_verifies_by_its_proof_alone() {
        // Without a promise the global logIndex (here 7) differs from the tree index (0).
        let mut w = world();
        w.entry.inclusion_promise = None;
        let e = run(&w, 600).unwrap();
        assert_eq!((e.log_index, e.integrated_time), (7, None));
    }

    #[test]
    fn the_body_must_describe_the_bundle() {
        let mut w = world();
        w.artifact = Sha256Digest::of(b"another artifact");
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogBodyMismatch {
                entry: 0,
                field: "data.hash.value"
            })
        );

        let mut w = world();
        w.content = Content::MessageSignature {
            digest: None,
            signature: vec![1, 2, 3],
        };
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogBodyMismatch {
                entry: 0,
                field: "signature"
            })
        );

        let mut w = world();
        w.signer_spki = w.log.log_id.clone();
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogBodyMismatch {
                entry: 0,
                field: "verifier"
            })
        );

        let mut w = world();
        // The inclusion promise does not cover the bundle's kindVersion; the body check does.
        w.entry.kind = "dsse".into();
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogBodyMismatch {
                entry: 0,
                field: "kindVersion"
            })
        );
        let expected = body::Expected {
            content: &w.content,
            certificate: None,
            spki: &w.signer_spki,
            artifact: Some(w.artifact.into()),
            pae_hash: crate::digest::HashAlgorithm::Sha256,
        };
        assert_eq!(
            body::check(0, "dsse", "0.0.1", &w.entry.body, &expected),
            Err(Error::TlogBodyMismatch {
                entry: 0,
                field: "kindVersion"
            })
        );
        assert_eq!(
            body::check(0, "hashedrekord", "0.0.1", b"not json", &expected),
            Err(Error::TlogBodyInvalid { entry: 0 })
        );
        let no_spec = br#"{"apiVersion":"0.0.1","kind":"hashedrekord"}"#;
        assert_eq!(
            body::check(0, "hashedrekord", "0.0.1", no_spec, &expected),
            Err(Error::TlogBodyInvalid { entry: 0 })
        );
    }

    /// A Rekor v2 world: an Ed25519 log, one hashedrekord 0.0.2 entry (no promise, no
    /// integrated time) in a two-leaf tree, a checkpoint with a witness cosignature first.
    fn world_v2() -> (World, ed25519_dalek::SigningKey) {
        let log_sk = ed25519_dalek::SigningKey::from_bytes(&[4u8; 32]);
        let mut spki = vec![
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
        ];
        spki.extend_from_slice(log_sk.verifying_key().as_bytes());
        let log_id = sha256(&[&spki]).to_vec();
        let mut w = world();
        w.log = Log {
            base_url: "https://log2.example".into(),
            key: PublicKey::from_spki_der(&spki).unwrap(),
            log_id: log_id.clone(),
            checkpoint_key_id: None,
            witness: None,
            validity: Validity {
                start: UnixTime(100),
                end: None,
            },
        };
        let Content::MessageSignature { signature, .. } = &w.content else {
            unreachable!()
        };
        let body = format!(
            r#"{{"apiVersion":"0.0.2","kind":"hashedrekord","spec":{{"hashedRekordV002":{{"data":{{"algorithm":"SHA2_256","digest":"{}"}},"signature":{{"content":"{}","verifier":{{"keyDetails":"PKIX_ECDSA_P256_SHA_256","publicKey":{{"rawBytes":"{}"}}}}}}}}}}}}"#,
            base64_encode(&w.artifact.0),
            base64_encode(signature),
            base64_encode(&w.signer_spki)
        )
        .into_bytes();
        let sibling = merkle::leaf_hash(b"first entry");
        let root = sha256(&[&[1], &sibling, &merkle::leaf_hash(&body)]);
        w.entry = TlogEntry {
            log_index: 1,
            log_id,
            kind: "hashedrekord".into(),
            version: "0.0.2".into(),
            integrated_time: 0,
            inclusion_promise: None,
            inclusion_proof: Some(InclusionProof {
                log_index: 1,
                root_hash: root.to_vec(),
                tree_size: 2,
                hashes: vec![sibling.to_vec()],
                checkpoint: String::new(),
            }),
            body,
        };
        let note = format!("log2.example\n2\n{}\n", base64_encode(&root));
        sign_v2(&mut w, &log_sk, &note, "log2.example");
        (w, log_sk)
    }

    /// Signs `note` with the Ed25519 log key under `name`, after a witness cosignature line.
    fn sign_v2(w: &mut World, sk: &ed25519_dalek::SigningKey, note: &str, name: &str) {
        let mut line = w.log.log_id[..4].to_vec();
        line.extend_from_slice(&sk.sign(note.as_bytes()).to_bytes());
        let witness = format!("\u{2014} witness.example {}\n", base64_encode(&[9u8; 72]));
        let proof = w.entry.inclusion_proof.as_mut().unwrap();
        proof.checkpoint = format!(
            "{note}\n{witness}\u{2014} {name} {}\n",
            base64_encode(&line)
        );
    }

    #[test]
    fn a_rekor_v2_entry_verifies_without_integrated_time() {
        let (w, _) = world_v2();
        let e = run(&w, 600).unwrap();
        assert_eq!((e.log_index, e.integrated_time), (1, None));
    }

    #[test]
    fn rekor_v2_checks_fail_on_their_own_tampering() {
        let (mut w, _) = world_v2();
        w.entry.log_index = 0;
        assert_eq!(run(&w, 600), Err(Error::TlogLogIndexMismatch { entry: 0 }));

        let (mut w, _) = world_v2();
        w.entry.inclusion_proof = None;
        assert_eq!(run(&w, 600), Err(Error::TlogEntryUnverifiable { entry: 0 }));

        let (mut w, sk) = world_v2();
        let note = note_of(&w);
        sign_v2(&mut w, &sk, &note, "other.example");
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogCheckpointSignatureMissing { entry: 0 })
        );

        let (mut w, sk) = world_v2();
        let host = alloc::string::ToString::to_string(log_host(&w.log.base_url));
        let note = note_of(&w).replacen(&host, "other.example", 1);
        sign_v2(&mut w, &sk, &note, &host);
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogCheckpointOriginMismatch { entry: 0 })
        );

        let (mut w, _) = world_v2();
        let c = &mut w.entry.inclusion_proof.as_mut().unwrap().checkpoint;
        *c = c.replacen("\n\n\u{2014}", "\nextension line\n\n\u{2014}", 1);
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogCheckpointSignatureInvalid { entry: 0 })
        );

        let (mut w, _) = world_v2();
        w.artifact = Sha256Digest::of(b"another artifact");
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogBodyMismatch {
                entry: 0,
                field: "data.digest"
            })
        );

        let (mut w, _) = world_v2();
        w.content = Content::MessageSignature {
            digest: None,
            signature: vec![1],
        };
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogBodyMismatch {
                entry: 0,
                field: "signature.content"
            })
        );

        let (mut w, _) = world_v2();
        w.signer_spki = vec![0x30, 0x00];
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogBodyMismatch {
                entry: 0,
                field: "verifier"
            })
        );

        let (mut w, _) = world_v2();
        w.entry.version = "0.0.1".into();
        assert_eq!(
            run(&w, 600),
            Err(Error::TlogBodyMismatch {
                entry: 0,
                field: "kindVersion"
            })
        );
    }

    #[test]
    fn rekor_v2_dsse_entries_are_not_supported() {
        // The Rekor v2 spec logs DSSE envelopes as hashedrekord 0.0.2 over the PAE.
        let (mut w, _) = world_v2();
        w.entry.kind = "dsse".into();
        assert_eq!(run(&w, 600), Err(Error::TlogKindUnsupported { entry: 0 }));
        let expected = body::Expected {
            content: &w.content,
            certificate: None,
            spki: &w.signer_spki,
            artifact: None,
            pae_hash: crate::digest::HashAlgorithm::Sha256,
        };
        assert_eq!(
            body::check(
                0,
                "dsse",
                "0.0.2",
                b"{\"kind\":\"dsse\",\"apiVersion\":\"0.0.2\",\"spec\":{}}",
                &expected
            ),
            Err(Error::TlogKindUnsupported { entry: 0 })
        );
    }

    #[test]
    fn log_host_strips_scheme_and_path() {
        assert_eq!(log_host("https://rekor.sigstore.dev"), "rekor.sigstore.dev");
        assert_eq!(
            log_host("https://log2025-1.rekor.sigstore.dev/api/"),
            "log2025-1.rekor.sigstore.dev"
        );
        assert_eq!(log_host("rekor.local"), "rekor.local");
    }
}
