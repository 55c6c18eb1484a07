//! Every upstream case and every own vector, in both artifact modes, gives exactly the same
//! result (the whole `Verified`, or the same error) with the reference ECDSA backend installed
//! as without a backend. The bindings run the same rows with real platform backends
//! (node:crypto, WebCrypto, AWS-LC); this test pins down the core's side of the contract.

use std::sync::atomic::Ordering;

use sigverify_conformance::Mode;
use sigverify_conformance::reference::ReferenceEcdsa;

#[test]
fn the_reference_backend_changes_no_result() {
    let backend: &'static ReferenceEcdsa = Box::leak(Box::default());
    let mut compared = 0usize;
    let mut differences = Vec::new();
    let own = sigverify_conformance::load_own(&sigverify_conformance::own_dir()).unwrap();
    for case in &own {
        for mode in [Mode::Artifact, Mode::Digest] {
            let builtin = sigverify_conformance::run_own(case, mode);
            let with = sigverify_conformance::run_own_with(case, mode, Some(backend));
            compared += 1;
            if builtin != with {
                differences.push(format!(
                    "{} ({}): {builtin:?} vs {with:?}",
                    case.name,
                    mode.name()
                ));
            }
        }
    }
    match sigverify_conformance::upstream_dir() {
        Some(dir) => {
            for case in sigverify_conformance::load_upstream(&dir).unwrap() {
                for mode in [Mode::Artifact, Mode::Digest] {
                    let builtin = sigverify_conformance::run(&case, mode);
                    let with = sigverify_conformance::run_with(&case, mode, Some(backend));
                    compared += 1;
                    if builtin != with {
                        differences.push(format!(
                            "{} ({}): {builtin:?} vs {with:?}",
                            case.name,
                            mode.name()
                        ));
                    }
                }
            }
        }
        None => eprintln!("!!! upstream vectors absent: own vectors only"),
    }
    let (messages, digests) = (
        backend.messages.load(Ordering::Relaxed),
        backend.digests.load(Ordering::Relaxed),
    );
    println!(
        "backend equivalence: {compared} runs compared, {} differ; the reference backend \
         answered {messages} message checks and {digests} digest checks",
        differences.len()
    );
    for d in &differences {
        println!("DIFFERS {d}");
    }
    assert!(differences.is_empty());
    // The backend must really have been asked, in both forms.
    assert!(
        messages > 1000,
        "only {messages} message checks reached the backend"
    );
    assert!(
        digests > 100,
        "only {digests} digest checks reached the backend"
    );
}
