//! The witness vectors: witness policies over cosigned checkpoints (`c2sp.org/tlog-policy`,
//! `c2sp.org/tlog-cosignature`), a remembered checkpoint state with consistency proofs, and
//! `c2sp.org/tlog-proof` files handed beside a bundle.

use std::rc::Rc;

use serde_json::Value;
use serde_json::json;

use super::catalogue::Catalogue;
use super::catalogue::OK;
use super::catalogue::version;
use super::pki::Res;
use super::pki::b64;
use super::sigstore::Beside;
use super::sigstore::ConsistencySpec;
use super::sigstore::JsonHook;
use super::sigstore::LogKind;
use super::sigstore::Note;
use super::sigstore::Spec;
use super::sigstore::StateSpec;
use super::sigstore::TlogProofSpec;

/// Three witnesses, two of which must cosign.
const TWO_OF_THREE: &str =
    "witness a {w0}\nwitness b {w1}\nwitness c {w2}\ngroup two 2 a b c\nquorum two\n";
/// Group X (a or b) and group Y (c) must both cosign.
const X_AND_Y: &str = "# two operators\nwitness a {w0}\nwitness b {w1}\nwitness c {w2}\n\ngroup X any a b\ngroup Y all c\ngroup X-and-Y all X Y\nquorum X-and-Y\n";

/// Rekor v2, message signature, TSA: its checkpoint cosigned by `cosigners`, judged by
/// `policy`.
fn v2_cosigned(cosigners: &'static [usize], policy: &str) -> Spec {
    Spec {
        log: LogKind::V2,
        promise: false,
        tsa: true,
        note_hook: Some(Rc::new(move |n: &mut Note| {
            n.cosigners = cosigners.to_vec()
        })),
        beside: Beside {
            policy: Some(policy.to_owned()),
            ..Beside::default()
        },
        ..Spec::happy()
    }
}

fn with_note(mut s: Spec, f: fn(&mut Note)) -> Spec {
    let before = s.note_hook.take();
    s.note_hook = Some(Rc::new(move |n: &mut Note| {
        if let Some(h) = &before {
            h(n);
        }
        f(n);
    }));
    s
}

fn state(s: Spec, size: u64, forked: bool, consistency: Option<ConsistencySpec>) -> Spec {
    Spec {
        beside: Beside {
            state: Some(StateSpec { size, forked }),
            consistency,
            ..s.beside
        },
        ..s
    }
}

fn plain_v2() -> Spec {
    Spec {
        log: LogKind::V2,
        promise: false,
        tsa: true,
        ..Spec::happy()
    }
}

impl Catalogue<'_> {
    /// Witness policies over cosigned checkpoints.
    pub(super) fn witnesses(&mut self) -> Res<()> {
        let cases: Vec<(&str, &str, Spec, &str)> = vec![
            (
                "ok-witness-two-of-three",
                "witness policy: 2 of 3 witnesses must cosign; two did",
                v2_cosigned(&[0, 1], TWO_OF_THREE),
                OK,
            ),
            (
                "ok-witness-all-three",
                "witness policy: 2 of 3; all three cosigned",
                v2_cosigned(&[0, 1, 2], TWO_OF_THREE),
                OK,
            ),
            (
                "witness-quorum-one-of-three",
                "witness policy: 2 of 3 witnesses must cosign; one did",
                v2_cosigned(&[0], TWO_OF_THREE),
                "WITNESS_QUORUM_NOT_MET",
            ),
            (
                "witness-quorum-none-cosigned",
                "witness policy: 2 of 3; no cosignature at all",
                v2_cosigned(&[], TWO_OF_THREE),
                "WITNESS_QUORUM_NOT_MET",
            ),
            (
                "ok-witness-groups",
                "witness policy: X (a or b) and Y (c); a and c cosigned",
                v2_cosigned(&[0, 2], X_AND_Y),
                OK,
            ),
            (
                "witness-group-short",
                "witness policy: X (a or b) and Y (c); a and b cosigned, Y falls short",
                v2_cosigned(&[0, 1], X_AND_Y),
                "WITNESS_QUORUM_NOT_MET",
            ),
            (
                "ok-witness-quorum-none",
                "witness policy `quorum none`: the cosignature lines of unknown witnesses are ignored",
                v2_cosigned(&[0, 1], "quorum none\n"),
                OK,
            ),
            (
                "ok-witness-single",
                "witness policy: the quorum is one witness, which cosigned",
                v2_cosigned(&[1], "witness b {w1}\nquorum b\n"),
                OK,
            ),
            (
                "ok-witness-unknown-lines-ignored",
                "witness policy: one known witness; lines of two unknown ones are ignored",
                v2_cosigned(&[0, 1, 2], "witness c {w2}\nquorum c\n"),
                OK,
            ),
            (
                "ok-witness-log-listed",
                "witness policy lists the log (Rekor v2's key, its origin as name)",
                v2_cosigned(&[0], "log {log}\nwitness a {w0}\nquorum a\n"),
                OK,
            ),
            (
                "witness-log-unlisted",
                "witness policy lists another log only",
                v2_cosigned(&[0], "log {attacker}\nquorum none\n"),
                "WITNESS_LOG_UNLISTED",
            ),
            (
                "witness-cosignature-forged",
                "a policy witness's cosignature line signs another tree",
                with_note(v2_cosigned(&[0, 1], TWO_OF_THREE), |n| {
                    n.bad_cosigner = Some(1)
                }),
                "WITNESS_COSIGNATURE_INVALID",
            ),
            (
                "witness-cosignature-in-future",
                "the witnesses cosigned after the verification time",
                with_note(v2_cosigned(&[0, 1], TWO_OF_THREE), |n| {
                    n.cosigned_at = super::sigstore::T0 + 2 * super::sigstore::DAY
                }),
                "WITNESS_COSIGNATURE_IN_FUTURE",
            ),
            (
                "witness-policy-malformed",
                "witness policy without a quorum line",
                v2_cosigned(&[0], "witness a {w0}\n"),
                "WITNESS_POLICY_INVALID",
            ),
            (
                "witness-policy-unknown-member",
                "witness policy group names a witness defined after it",
                v2_cosigned(&[0], "group g any a\nwitness a {w0}\nquorum g\n"),
                "WITNESS_POLICY_INVALID",
            ),
            (
                "witness-policy-duplicate-key",
                "witness policy lists one witness key under two names",
                v2_cosigned(&[0], "witness a {w0}\nwitness b {w0}\nquorum a\n"),
                "WITNESS_POLICY_DUPLICATE_KEY",
            ),
            (
                "witness-policy-ml-dsa",
                "witness policy relies on an ML-DSA-44 witness (not built)",
                v2_cosigned(
                    &[0],
                    "witness a {w0}\nwitness m {mldsa}\ngroup g any a m\nquorum g\n",
                ),
                "WITNESS_KEY_UNSUPPORTED",
            ),
            (
                "ok-witness-rekor-v1",
                "a Rekor v1 checkpoint cosigned by witness a, which the policy requires",
                Spec {
                    note_hook: Some(Rc::new(|n: &mut Note| n.cosigners = vec![0])),
                    beside: Beside {
                        policy: Some("witness a {w0}\nquorum a\n".into()),
                        ..Beside::default()
                    },
                    ..Spec::happy()
                },
                OK,
            ),
            (
                "witness-checkpoint-missing",
                "a bundle v0.1 whose Rekor v1 entry has an inclusion promise only, under a policy requiring a witness",
                Spec {
                    beside: Beside {
                        policy: Some("witness a {w0}\nquorum a\n".into()),
                        ..Beside::default()
                    },
                    ..version(Spec::happy(), 1)
                },
                "WITNESS_CHECKPOINT_MISSING",
            ),
        ];
        for (name, readme, spec, expect) in cases {
            self.add(name, readme, spec, expect)?;
        }
        self.root_witness_config()
    }

    /// The trusted root v0.2 proposal's `witnessConfig` on the Rekor v2 log: group 0 is
    /// witness a or b, group 1 is witness c, and both groups must cosign.
    fn root_witness_config(&mut self) -> Res<()> {
        let mut keys = Vec::new();
        for k in &self.w.witnesses {
            keys.push(b64(&k.spki()?));
        }
        let config = move |exact: Option<u64>| -> JsonHook {
            let keys = keys.clone();
            Rc::new(move |root: &mut Value| {
                let w = |i: usize, op: &str| json!({"publicKey": {"rawBytes": keys.get(i), "keyDetails": "PKIX_ED25519"}, "operator": op});
                let top = match exact {
                    Some(n) => json!({"selector": "EXACT", "count": n}),
                    None => json!({"selector": "ALL"}),
                };
                let cfg = json!({
                    "witnessGroups": [
                        {"witnesses": [w(0, "witness.virtual.test"), w(1, "witness2.virtual.test")], "serviceConfig": {"selector": "ANY"}},
                        {"witnesses": [w(2, "witness3.virtual.test")], "serviceConfig": {"selector": 1}}
                    ],
                    "serviceConfig": top
                });
                if let Value::Object(r) = &mut *root {
                    r.insert(
                        "mediaType".into(),
                        json!("application/vnd.dev.sigstore.trustedroot.v0.2+json"),
                    );
                }
                if let Some(Value::Object(log)) = root.pointer_mut("/tlogs/1") {
                    log.insert("witnessConfig".into(), cfg);
                }
            })
        };
        let with_root = |cosigners: &'static [usize], hook: JsonHook, policy: Option<&str>| Spec {
            root_hook: Some(hook),
            beside: Beside {
                policy: policy.map(str::to_owned),
                ..Beside::default()
            },
            ..v2_cosigned(cosigners, "")
        };
        let cases: Vec<(&str, &str, Spec, &str)> = vec![
            (
                "ok-witness-root-config",
                "trusted root v0.2 witnessConfig on the Rekor v2 log: (a or b) and c; a and c cosigned",
                with_root(&[0, 2], config(None), None),
                OK,
            ),
            (
                "witness-root-config-short",
                "trusted root witnessConfig: (a or b) and c; a and b cosigned",
                with_root(&[0, 1], config(None), None),
                "WITNESS_QUORUM_NOT_MET",
            ),
            (
                "ok-witness-policy-file-over-root-config",
                "a witness policy file (quorum none) takes the place of the root's unmet witnessConfig",
                with_root(&[0, 1], config(None), Some("quorum none\n")),
                OK,
            ),
            (
                "trust-root-witness-config-invalid",
                "trusted root witnessConfig asks for 3 of its 2 groups",
                with_root(&[0, 2], config(Some(3)), None),
                "TRUST_ROOT_WITNESS_CONFIG_INVALID",
            ),
        ];
        for (name, readme, spec, expect) in cases {
            self.add(name, readme, spec, expect)?;
        }
        Ok(())
    }

    /// A remembered checkpoint and consistency proofs: extensions, older trees, split views.
    pub(super) fn log_state(&mut self) -> Res<()> {
        let good = Some(ConsistencySpec::Good);
        let cases: Vec<(&str, &str, Spec, &str)> = vec![
            (
                "ok-log-state-same",
                "log state remembers this very checkpoint",
                state(plain_v2(), 13, false, None),
                OK,
            ),
            (
                "ok-log-state-extended",
                "log state remembers an older tree (7); the consistency proof 7 -> 13 connects it",
                state(plain_v2(), 7, false, good),
                OK,
            ),
            (
                "ok-log-state-older-checkpoint",
                "log state remembers a newer tree (20); the proof 13 -> 20 shows this checkpoint is its prefix",
                state(plain_v2(), 20, false, good),
                OK,
            ),
            (
                "ok-log-state-extended-rekor-v1",
                "Rekor v1: log state at 8, proof 8 -> 13",
                state(Spec::happy(), 8, false, good),
                OK,
            ),
            (
                "log-state-split-view",
                "log state remembers another tree of the same size (13): a split view",
                state(plain_v2(), 13, true, None),
                "LOG_SPLIT_VIEW",
            ),
            (
                "log-state-split-view-rekor-v1",
                "Rekor v1: another tree of the same size",
                state(Spec::happy(), 13, true, None),
                "LOG_SPLIT_VIEW",
            ),
            (
                "log-state-proof-missing",
                "log state at 7, no consistency proof to 13",
                state(plain_v2(), 7, false, None),
                "LOG_CONSISTENCY_PROOF_MISSING",
            ),
            (
                "log-state-tree-shrank",
                "log state at 20, this checkpoint at 13 and no proof between them",
                state(plain_v2(), 20, false, None),
                "LOG_CONSISTENCY_PROOF_MISSING",
            ),
            (
                "log-state-fork-grown",
                "log state at 7 on a forked tree; the log's proof 7 -> 13 does not connect it",
                state(plain_v2(), 7, true, good),
                "LOG_CONSISTENCY_PROOF_INVALID",
            ),
            (
                "log-state-proof-tampered",
                "log state at 7; one hash of the proof 7 -> 13 changed",
                state(plain_v2(), 7, false, Some(ConsistencySpec::Tampered)),
                "LOG_CONSISTENCY_PROOF_INVALID",
            ),
            (
                "log-state-malformed",
                "log state file without its header line",
                Spec {
                    beside: Beside {
                        text_hook: Some((
                            "log-state",
                            Rc::new(|t: String| t.replacen("sigverify-log-state/v1\n", "", 1)),
                        )),
                        ..state(plain_v2(), 13, false, None).beside
                    },
                    ..plain_v2()
                },
                "LOG_STATE_INVALID",
            ),
            (
                "log-state-proof-malformed",
                "consistency proof file whose hashes are not hex",
                Spec {
                    beside: Beside {
                        text_hook: Some((
                            "consistency-proof.json",
                            Rc::new(|t: String| {
                                t.replacen("\"hashes\": [\n    \"", "\"hashes\": [\n    \"zz", 1)
                            }),
                        )),
                        ..state(plain_v2(), 7, false, good).beside
                    },
                    ..plain_v2()
                },
                "LOG_CONSISTENCY_PROOF_MALFORMED",
            ),
        ];
        for (name, readme, spec, expect) in cases {
            self.add(name, readme, spec, expect)?;
        }
        Ok(())
    }

    /// `c2sp.org/tlog-proof` files: a fresh, witnessed proof for a bundle.
    pub(super) fn tlog_proofs(&mut self) -> Res<()> {
        let fresh = |cosigners: Vec<usize>| TlogProofSpec {
            size: 21,
            cosigners,
            other_index: false,
            forged: false,
        };
        let with_proof = |s: Spec, t: TlogProofSpec| Spec {
            beside: Beside {
                tlog_proof: Some(t),
                ..s.beside
            },
            ..s
        };
        // A bundle v0.1 with a Rekor v1 inclusion promise and no proof: what clients wrote
        // before 2023, and what a device may hold for years.
        let no_own_proof = version(Spec::happy(), 1);
        let cases: Vec<(&str, &str, Spec, &str)> = vec![
            (
                "ok-tlog-proof-for-bundle-without-proof",
                "a bundle v0.1 with an inclusion promise and no proof, and a tlog proof of its Rekor v1 entry in a tree of 21, cosigned by the two witnesses the policy needs",
                with_proof(
                    Spec {
                        beside: Beside {
                            policy: Some(TWO_OF_THREE.into()),
                            ..Beside::default()
                        },
                        ..no_own_proof.clone()
                    },
                    fresh(vec![0, 2]),
                ),
                OK,
            ),
            (
                "ok-tlog-proof-witnessed-later",
                "the bundle's checkpoint has one cosignature; a tlog proof of a later tree has the two the policy needs",
                with_proof(v2_cosigned(&[0], TWO_OF_THREE), fresh(vec![0, 2])),
                OK,
            ),
            (
                "tlog-proof-not-witnessed-enough",
                "the tlog proof's checkpoint has one cosignature; the policy needs two",
                with_proof(v2_cosigned(&[0, 1], TWO_OF_THREE), fresh(vec![2])),
                "WITNESS_QUORUM_NOT_MET",
            ),
            (
                "ok-tlog-proof-older-kept",
                "the tlog proof's tree (21) is smaller than the bundle's own (30): the bundle keeps its proof",
                with_proof(
                    Spec {
                        tree_size: 30,
                        ..plain_v2()
                    },
                    fresh(vec![]),
                ),
                OK,
            ),
            (
                "tlog-proof-other-entry",
                "the tlog proof proves another leaf of the log",
                with_proof(
                    no_own_proof.clone(),
                    TlogProofSpec {
                        other_index: true,
                        ..fresh(vec![0])
                    },
                ),
                "TLOG_PROOF_UNMATCHED",
            ),
            (
                "tlog-proof-forged-checkpoint",
                "the tlog proof's checkpoint is signed by a key the log does not hold",
                with_proof(
                    no_own_proof.clone(),
                    TlogProofSpec {
                        forged: true,
                        ..fresh(vec![0])
                    },
                ),
                "TLOG_CHECKPOINT_SIGNATURE_INVALID",
            ),
            (
                "tlog-proof-malformed",
                "a tlog proof whose index has a leading zero",
                Spec {
                    beside: Beside {
                        text_hook: Some((
                            "tlog-proof",
                            Rc::new(|t: String| t.replacen("\nindex ", "\nindex 0", 1)),
                        )),
                        ..with_proof(no_own_proof.clone(), fresh(vec![0])).beside
                    },
                    ..no_own_proof.clone()
                },
                "TLOG_PROOF_INVALID",
            ),
            (
                "ok-tlog-proof-extends-state",
                "log state remembers the bundle's tree (13); a tlog proof of 21 and the proof 13 -> 21",
                state(
                    with_proof(plain_v2(), fresh(vec![0])),
                    13,
                    false,
                    Some(ConsistencySpec::Good),
                ),
                OK,
            ),
            (
                "tlog-proof-state-split-view",
                "log state remembers another tree of 21; the tlog proof shows this one",
                state(with_proof(no_own_proof, fresh(vec![0])), 21, true, None),
                "LOG_SPLIT_VIEW",
            ),
        ];
        for (name, readme, spec, expect) in cases {
            self.add(name, readme, spec, expect)?;
        }
        Ok(())
    }
}
