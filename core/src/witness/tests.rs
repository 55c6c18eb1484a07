//! Witness policies and cosignatures: a real cosigned Rekor v2 checkpoint, and synthetic
//! witnesses for every rule of the policy format and the quorum.
#![cfg(feature = "witness")]

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use ed25519_dalek::Signer;
use ed25519_dalek::SigningKey;

use super::*;
use crate::crypto::PublicKey;
use crate::encoding::base64_decode;
use crate::encoding::base64_encode;
use crate::encoding::hex_encode;
use crate::note;

/// A checkpoint of Sigstore's production Rekor v2 log, cosigned by Mullvad's witness
/// (2026-10-06), and that witness's verifier key.
const REAL: &str = "log2025-1.rekor.sigstore.dev\n139911860\nEliTHtnx44DhEBH+5qIXBtQsSpc54Avam7mIYEvxnTA=\n\n\u{2014} log2025-1.rekor.sigstore.dev zxGZFcOra4Y7QpuiQen+CmnUvDZbxSXfBOXJzL+HKIeR9aC58QTfao58ABqkhVyBhQDseS+TZdDNpcnZhoRxkh7IbQ0=\n\u{2014} witness.stagemole.eu Z/euoAAAAABqxF18wrJCADsJ1G5Lc2JaRjZqqBwjpNqH24yQse4iJ4rKS6b5MtvHP+IbKYXwaWuWokdGA+BubLFi+TrwK7xpKr6XBw==\n";
const MULLVAD: &str = "witness.stagemole.eu+67f7aea0+BEqSG3yu9YrmcM3BHvQYTxwFj3uSWakQepafafpUqklv";
const GEOMYS: &str =
    "witness.navigli.sunlight.geomys.org+a3e00fe2+BNy/co4C1Hn1p+INwJrfUlgz7W55dSZReusH/GhUhJ/G";
const LOG2025_1: &str =
    "log2025-1.rekor.sigstore.dev+cf119915+AbfK5adZJxsI323FwGD2AJJ9F4i89cfDuLdGJBIYntuO";
const COSIGNED_AT: u64 = 1_791_253_884;
const LATER: UnixTime = UnixTime(1_800_000_000);

fn log_identity() -> Vec<u8> {
    let spki =
        base64_decode("MCowBQYDK2VwAyEAt8rlp1knGwjfbcXAYPYAkn0XiLz1x8O4t0YkEhie244=").unwrap();
    PublicKey::from_spki_der(&spki).unwrap().identity()
}

fn judge_real(policy: &str, now: UnixTime) -> Result<Vec<Cosignature>, Error> {
    let cp = note::parse(REAL, 0).unwrap();
    let p = WitnessPolicy::parse(policy.as_bytes())?;
    p.judge(0, &cp, &log_identity(), now, Crypto::BUILTIN)
}

#[test]
fn real_rekor_v2_checkpoint_cosigned_by_mullvad() {
    let log_sig = &note::parse(REAL, 0).unwrap().signatures[0];
    let spki =
        base64_decode("MCowBQYDK2VwAyEAt8rlp1knGwjfbcXAYPYAkn0XiLz1x8O4t0YkEhie244=").unwrap();
    let key = PublicKey::from_spki_der(&spki).unwrap();
    let body = &REAL[..REAL.find("\n\n").unwrap() + 1];
    assert!(
        key.verify(
            Crypto::BUILTIN,
            HashAlg::Sha512,
            RsaPadding::Pkcs1v15,
            body.as_bytes(),
            &log_sig.signature
        )
        .is_ok()
    );
    let one = format!("log {LOG2025_1}\nwitness mullvad {MULLVAD}\nquorum mullvad\n");
    assert_eq!(
        judge_real(&one, LATER),
        Ok(alloc::vec![Cosignature {
            witness: "mullvad".into(),
            time: UnixTime(COSIGNED_AT)
        }])
    );
    // The same checkpoint lacks Geomys's cosignature: a policy needing both is not met.
    let both = format!(
        "witness mullvad {MULLVAD}\nwitness geomys {GEOMYS}\ngroup both all mullvad geomys\nquorum both\n"
    );
    assert_eq!(
        judge_real(&both, LATER),
        Err(Error::WitnessQuorumNotMet {
            entry: 0,
            group: "both".into(),
            cosigned: 1,
            needed: 2
        })
    );
    let any = both.replace("all", "any");
    assert_eq!(judge_real(&any, LATER).map(|c| c.len()), Ok(1));
    // Checked before the witness signed: a cosignature from the future is refused.
    assert_eq!(
        judge_real(&one, UnixTime(COSIGNED_AT - 1)),
        Err(Error::WitnessCosignatureInFuture {
            entry: 0,
            witness: "mullvad".into()
        })
    );
    // `quorum none` asks nothing; unknown witnesses' lines are ignored.
    assert_eq!(
        judge_real(&format!("witness geomys {GEOMYS}\nquorum none\n"), LATER),
        Ok(Vec::new())
    );
}

#[test]
fn a_tampered_line_from_a_known_witness_refuses_the_checkpoint() {
    let sig_b64 = REAL.rsplit_once(' ').unwrap().1.trim_end();
    let mut raw = base64_decode(sig_b64).unwrap();
    let last = raw.len() - 1;
    raw[last] ^= 1;
    let tampered = REAL.replace(sig_b64, &base64_encode(&raw));
    let cp = note::parse(&tampered, 0).unwrap();
    let p = WitnessPolicy::parse(format!("witness m {MULLVAD}\nquorum none\n").as_bytes()).unwrap();
    assert_eq!(
        p.judge(3, &cp, &log_identity(), LATER, Crypto::BUILTIN),
        Err(Error::WitnessCosignatureInvalid {
            entry: 3,
            witness: "m".into()
        })
    );
}

#[test]
fn a_listed_log_must_be_this_log_under_its_origin() {
    let other = vkey_for("log2025-1.rekor.sigstore.dev", vkey::TYPE_ED25519, &[3; 32]);
    assert_eq!(
        judge_real(&format!("log {other}\nquorum none\n"), LATER),
        Err(Error::WitnessLogUnlisted { entry: 0 })
    );
    let renamed = LOG2025_1.replace("log2025-1.", "log2025-2.");
    assert!(WitnessPolicy::parse(format!("log {renamed}\nquorum none\n").as_bytes()).is_err());
    assert_eq!(
        judge_real(
            &format!("log {LOG2025_1}\n log {other}\nquorum none\n"),
            LATER
        ),
        Ok(Vec::new())
    );
}

fn vkey_for(name: &str, kind: u8, key: &[u8]) -> String {
    let mut data = alloc::vec![kind];
    data.extend_from_slice(key);
    format!(
        "{name}+{}+{}",
        hex_encode(&vkey::key_id(name, kind, key)),
        base64_encode(&data)
    )
}

/// Synthetic witnesses w0..wn cosigning a synthetic checkpoint.
struct Witnesses {
    keys: Vec<SigningKey>,
}

impl Witnesses {
    fn new(n: u8) -> Self {
        Self {
            keys: (0..n)
                .map(|i| SigningKey::from_bytes(&[i + 1; 32]))
                .collect(),
        }
    }

    fn name(i: usize) -> String {
        format!("w{i}.example")
    }

    fn vkey(&self, i: usize) -> String {
        vkey_for(
            &Self::name(i),
            vkey::TYPE_COSIGNATURE_ED25519,
            self.keys[i].verifying_key().as_bytes(),
        )
    }

    fn declare(&self) -> String {
        (0..self.keys.len())
            .map(|i| format!("witness w{i} {}\n", self.vkey(i)))
            .collect()
    }

    /// A checkpoint signed by `signers` (the log line is a placeholder: judge() assumes the
    /// log's signature already verified).
    fn checkpoint(&self, signers: &[usize], time: u64) -> String {
        let body = "example.com/log\n5\nFnnj13Uu1jdksPc4HZLapKX329dVlD5+MGNsiqBq1XM=\n";
        let mut note = format!("{body}\n\u{2014} example.com/log AAAAAAEC\n");
        for &i in signers {
            let msg = format!("cosignature/v1\ntime {time}\n{body}");
            let mut raw = vkey::key_id(
                &Self::name(i),
                vkey::TYPE_COSIGNATURE_ED25519,
                self.keys[i].verifying_key().as_bytes(),
            )
            .to_vec();
            raw.extend_from_slice(&time.to_be_bytes());
            raw.extend_from_slice(&self.keys[i].sign(msg.as_bytes()).to_bytes());
            note += &format!("\u{2014} {} {}\n", Self::name(i), base64_encode(&raw));
        }
        note
    }

    fn judge(&self, policy: &str, signers: &[usize]) -> Result<Vec<Cosignature>, Error> {
        let text = self.checkpoint(signers, 100);
        let cp = note::parse(&text, 0).unwrap();
        let p = WitnessPolicy::parse(format!("{}{policy}", self.declare()).as_bytes())?;
        p.judge(0, &cp, &[], UnixTime(200), Crypto::BUILTIN)
    }
}

fn short(group: &str, cosigned: usize, needed: usize) -> Result<Vec<Cosignature>, Error> {
    Err(Error::WitnessQuorumNotMet {
        entry: 0,
        group: group.into(),
        cosigned,
        needed,
    })
}

#[test]
fn nested_groups_and_thresholds() {
    let w = Witnesses::new(6);
    let policy = "group X 2 w0 w1 w2\ngroup Y any w3 w4 w5\ngroup XY all X Y\nquorum XY\n";
    assert_eq!(w.judge(policy, &[0, 1, 3]).map(|c| c.len()), Ok(3));
    assert_eq!(w.judge(policy, &[0, 1, 2, 3, 4, 5]).map(|c| c.len()), Ok(6));
    assert_eq!(w.judge(policy, &[0, 3]), short("X", 1, 2));
    assert_eq!(w.judge(policy, &[0, 1, 2]), short("Y", 0, 1));
    assert_eq!(w.judge(policy, &[]), short("X", 0, 2));
    // A single witness as the quorum.
    assert_eq!(w.judge("quorum w4\n", &[0, 1]), short("w4", 0, 1));
    assert_eq!(
        w.judge("quorum w4\n", &[4]).map(|c| c[0].witness.clone()),
        Ok("w4".into())
    );
    // A witness's line twice counts once.
    assert_eq!(
        w.judge("group G 2 w0 w1\nquorum G\n", &[0, 0]),
        short("G", 1, 2)
    );
}

#[test]
fn lines_of_unknown_keys_are_ignored() {
    let w = Witnesses::new(3);
    let known_two = format!(
        "witness w0 {}\nwitness w1 {}\ngroup G any w0 w1\nquorum G\n",
        w.vkey(0),
        w.vkey(1)
    );
    let text = w.checkpoint(&[2, 1], 100);
    let cp = note::parse(&text, 0).unwrap();
    let p = WitnessPolicy::parse(known_two.as_bytes()).unwrap();
    assert_eq!(
        p.judge(0, &cp, &[], UnixTime(200), Crypto::BUILTIN)
            .map(|c| c.len()),
        Ok(1)
    );
    // Same name as a known witness but another key id: unknown, ignored.
    let renamed = text.replace("w2.example", "w0.example");
    let cp = note::parse(&renamed, 0).unwrap();
    assert_eq!(
        p.judge(0, &cp, &[], UnixTime(200), Crypto::BUILTIN)
            .map(|c| c.len()),
        Ok(1)
    );
}

#[test]
fn a_line_of_the_wrong_length_from_a_known_witness_is_invalid() {
    let w = Witnesses::new(1);
    let id = vkey::key_id(
        "w0.example",
        vkey::TYPE_COSIGNATURE_ED25519,
        w.keys[0].verifying_key().as_bytes(),
    );
    let mut raw = id.to_vec();
    raw.extend_from_slice(&[0; 64]);
    let text = format!(
        "example.com/log\n5\nFnnj13Uu1jdksPc4HZLapKX329dVlD5+MGNsiqBq1XM=\n\n\u{2014} w0.example {}\n",
        base64_encode(&raw)
    );
    let cp = note::parse(&text, 0).unwrap();
    let p = WitnessPolicy::parse(format!("{}quorum none\n", w.declare()).as_bytes()).unwrap();
    assert_eq!(
        p.judge(0, &cp, &[], UnixTime(200), Crypto::BUILTIN),
        Err(Error::WitnessCosignatureInvalid {
            entry: 0,
            witness: "w0".into()
        })
    );
}

fn parse_err(text: &str) -> Error {
    WitnessPolicy::parse(text.as_bytes()).unwrap_err()
}

#[test]
fn policy_format_rules() {
    let w = Witnesses::new(3);
    let (a, b) = (w.vkey(0), w.vkey(1));
    let invalid = |line| Error::WitnessPolicyInvalid { line };
    // Accepted: comments, blank lines, tabs, leading and trailing whitespace, URLs, no final
    // newline, non-ASCII bytes in names.
    let ok = format!(
        "# policy\n\n  witness\tA {a} https://a.example/\nwitness B {b}  \n\tgroup G 1 A B # not a comment but a member?\nquorum G"
    );
    assert_eq!(WitnessPolicy::parse(ok.as_bytes()).unwrap_err(), invalid(5));
    let ok = format!(
        "# policy\n\n  witness\tA {a} https://a.example/\nwitness B {b}  \n  # indented comment\n\tgroup G 1 A B\nquorum G"
    );
    assert_eq!(
        WitnessPolicy::parse(ok.as_bytes()).map(|p| p.witness_count()),
        Ok(2)
    );
    let high = format!("witness \u{212a} {a}\nquorum \u{212a}\n");
    assert!(WitnessPolicy::parse(high.as_bytes()).is_ok());
    assert_eq!(
        parse_err(&format!("witness \u{212a} {a}\nquorum K\n")),
        invalid(2)
    );

    let cases: &[(String, Error)] = &[
        (String::new(), invalid(0)),
        ("# nothing\n".into(), invalid(0)),
        ("quorum none\nquorum none\n".into(), invalid(2)),
        ("quorum\n".into(), invalid(1)),
        ("quorum a b\n".into(), invalid(1)),
        ("quorum A\n".into(), invalid(1)),
        ("Quorum none\n".into(), invalid(1)),
        ("quorum none\r\n".into(), invalid(1)),
        ("quorum none\n\x0c\n".into(), invalid(2)),
        ("quorum none\nquorum\x7f\n".into(), invalid(2)),
        (
            format!("witness A {a}\nwitness A {b}\nquorum A\n"),
            invalid(2),
        ),
        (format!("witness none {a}\nquorum none\n"), invalid(1)),
        ("witness A\nquorum none\n".into(), invalid(1)),
        (
            format!("witness A {a} url extra\nquorum none\n"),
            invalid(1),
        ),
        (format!("witness A {a}x\nquorum none\n"), invalid(1)),
        (
            format!("witness A {a}\nwitness B {a}\nquorum none\n"),
            Error::WitnessPolicyDuplicateKey { line: 2 },
        ),
        (
            format!("witness A {a}\ngroup G any\nquorum none\n"),
            invalid(2),
        ),
        (
            format!("witness A {a}\ngroup G 2 A\nquorum none\n"),
            invalid(2),
        ),
        (
            format!("witness A {a}\ngroup G 0 A\nquorum none\n"),
            invalid(2),
        ),
        (
            format!("witness A {a}\ngroup G 01 A\nquorum none\n"),
            invalid(2),
        ),
        (
            format!("witness A {a}\ngroup G +1 A\nquorum none\n"),
            invalid(2),
        ),
        (
            format!("witness A {a}\ngroup G any A A\nquorum none\n"),
            invalid(2),
        ),
        (
            format!("witness A {a}\ngroup G any A none\nquorum none\n"),
            invalid(2),
        ),
        (
            format!("witness A {a}\ngroup G any B\nwitness B {b}\nquorum none\n"),
            invalid(2),
        ),
        (
            format!("witness A {a}\ngroup A any A\nquorum none\n"),
            invalid(2),
        ),
        (
            format!("witness A {a}\ngroup G any A\ngroup G any A\nquorum none\n"),
            invalid(3),
        ),
        (format!("quorum none\nwitness A {a}\nbogus\n"), invalid(3)),
        (
            format!("log {a}\nquorum none\n"),
            Error::WitnessKeyUnsupported { line: 1 },
        ),
        (
            format!("log {LOG2025_1}\nlog {LOG2025_1}\nquorum none\n"),
            Error::WitnessPolicyDuplicateKey { line: 2 },
        ),
        (
            format!("log {LOG2025_1} url extra\nquorum none\n"),
            invalid(1),
        ),
        (
            format!("witness L {LOG2025_1}\nquorum none\n"),
            Error::WitnessKeyUnsupported { line: 1 },
        ),
        (
            format!(
                "witness M {}\nquorum none\n",
                vkey_for("m.example", vkey::TYPE_COSIGNATURE_ML_DSA_44, &[1; 1312])
            ),
            Error::WitnessKeyUnsupported { line: 1 },
        ),
        (
            format!(
                "witness S {}\nquorum none\n",
                vkey_for("s.example", vkey::TYPE_COSIGNATURE_ED25519, &[1; 31])
            ),
            invalid(1),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(&parse_err(text), want, "{text:?}");
    }
}

#[test]
fn policy_limits() {
    let over = "#".repeat(crate::limits::MAX_WITNESS_POLICY_BYTES + 1);
    assert_eq!(
        parse_err(&over),
        Error::LimitExceeded {
            limit: crate::Limit::WitnessPolicyBytes
        }
    );
    let n = crate::limits::MAX_WITNESS_POLICY_ENTRIES;
    let keys: Vec<String> = (0..=n)
        .map(|i| {
            let sk = SigningKey::from_bytes(&[u8::try_from(i % 250).unwrap() + 1; 32]);
            let mut seed = [0u8; 32];
            seed[..8].copy_from_slice(&(i as u64).to_be_bytes());
            let sk = if i < 250 {
                sk
            } else {
                SigningKey::from_bytes(&seed)
            };
            vkey_for(
                &format!("w{i}"),
                vkey::TYPE_COSIGNATURE_ED25519,
                sk.verifying_key().as_bytes(),
            )
        })
        .collect();
    let at = |count: usize| -> String {
        let mut t: String = keys[..count]
            .iter()
            .enumerate()
            .map(|(i, k)| format!("witness w{i} {k}\n"))
            .collect();
        t += "quorum none\n";
        t
    };
    assert_eq!(
        WitnessPolicy::parse(at(n).as_bytes()).map(|p| p.witness_count()),
        Ok(n)
    );
    assert_eq!(
        parse_err(&at(n + 1)),
        Error::LimitExceeded {
            limit: crate::Limit::WitnessPolicyEntries
        }
    );
}
