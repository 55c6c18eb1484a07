//! `sigverify verify-pypi` and `verify-attestation` on PyPI's real PEP 740 files
//! (`conformance/attestation-files/pypi/`): each verifies against its distribution for its
//! publisher, and a wrong publisher, a renamed or altered distribution, a forged signature and
//! malformed files each fail with the error that names the check.

use std::fs;
use std::path::Path;
use std::path::PathBuf;
use std::process::Output;

mod common;
use common::sigverify;
use common::text;

use serde_json::Value;

fn pypi(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../conformance/attestation-files/pypi")
        .join(name)
}

fn tmp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pypi");
    let _ = fs::create_dir_all(&dir);
    dir.join(name)
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

const GITHUB: &str = "https://github.com/trailofbits/pypi-attestations";
const DIST: &str = "pypi_attestations-0.0.19.tar.gz";

/// `verify-pypi` of a provenance against a distribution, with extra flags.
fn verify_pypi(provenance: &Path, dist: &Path, extra: &[&str]) -> Output {
    let (p, d) = (s(provenance), s(dist));
    let mut args = vec!["verify-pypi", "--provenance", &p];
    args.extend_from_slice(extra);
    args.push(&d);
    sigverify(&args)
}

#[test]
fn a_github_provenance_verifies_for_its_repository() {
    let provenance = pypi(&format!("{DIST}.provenance"));
    let out = verify_pypi(&provenance, &pypi(DIST), &["--repository", GITHUB]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.starts_with(&format!(
            "verified: {} (1 of 1 attestations)\n",
            s(&pypi(DIST))
        )),
        "{stdout}"
    );
    for line in [
        "  attestation: attestation_bundles[0].attestations[0]\n",
        "  publisher: GitHub trailofbits/pypi-attestations (release.yml)\n",
        "  predicate type: https://docs.pypi.org/attestations/publish/v1\n",
        "  identity: https://github.com/trailofbits/pypi-attestations/.github/workflows/release.yml@refs/tags/v0.0.19\n",
        "  tlog:     https://rekor.sigstore.dev index 153454663\n",
    ] {
        assert!(stdout.contains(line), "{line}{stdout}");
    }
    // Another repository, or none for a GitHub publisher: refused by name.
    for expected in [
        ["--repository", "https://github.com/trailofbits/other"],
        [
            "--repository",
            "https://gitlab.com/trailofbits/pypi-attestations",
        ],
        [
            "--gcp-service-account",
            "someone@example.iam.gserviceaccount.com",
        ],
    ] {
        let out = verify_pypi(&provenance, &pypi(DIST), &expected);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            text(&out.stderr),
            "sigverify: PYPI_PUBLISHER_MISMATCH (code 1403): PyPI provenance was published by another Trusted Publisher than the one expected (found: GitHub trailofbits/pypi-attestations (release.yml))\n"
        );
    }
}

#[test]
fn google_and_circleci_provenances_verify_for_their_publishers() {
    let gcb = "gcb_attestation_test-0.0.0.tar.gz";
    let account = "919436158236-compute@developer.gserviceaccount.com";
    let out = verify_pypi(
        &pypi(&format!("{gcb}.provenance")),
        &pypi(gcb),
        &["--gcp-service-account", account, "--format", "json"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(doc["format"], "sigverify-result/1");
    assert_eq!(doc["verified"], true);
    assert_eq!(doc["identity"], account);
    assert_eq!(doc["issuer"], "https://accounts.google.com");
    assert_eq!(
        doc["pypi"]["attestations"][0]["publisher"]["kind"],
        "Google"
    );
    assert_eq!(
        doc["pypi"]["attestations"][0]["predicateType"],
        "https://docs.pypi.org/attestations/publish/v1"
    );
    assert_eq!(doc["statement"]["subjectsChecked"], true);
    let whl = "circleci_sign_publish_example-0.0.1.dev137-py3-none-any.whl";
    let project = "fdd9283f-e619-46af-8f9c-851f7d3e8b2b";
    let pipeline = "8e4f8ab2-8d7c-4827-9f15-de076d6d647f";
    let circleci = |pipeline: &str| {
        verify_pypi(
            &pypi(&format!("{whl}.provenance")),
            &pypi(whl),
            &[
                "--circleci-project-id",
                project,
                "--circleci-pipeline-definition-id",
                pipeline,
            ],
        )
    };
    let out = circleci(pipeline);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("  publisher: CircleCI project fdd9283f"));
    let out = circleci("00000000-0000-0000-0000-000000000000");
    assert!(
        text(&out.stderr).starts_with("sigverify: PYPI_PUBLISHER_MISMATCH (code 1403)"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn bare_attestation_objects_verify_through_verify_attestation() {
    let gitlab = "gitlab_oidc_project-0.0.3.tar.gz";
    let identity =
        "https://gitlab.com/facutuesca/gitlab-oidc-project//.gitlab-ci.yml@refs/heads/main";
    let run = |bundle: &Path, dist: &Path, extra: &[&str]| {
        let (b, d) = (s(bundle), s(dist));
        let mut args = vec![
            "verify-attestation",
            "--bundle",
            &b,
            "--certificate-identity",
            identity,
            "--certificate-oidc-issuer",
            "https://gitlab.com",
        ];
        args.extend_from_slice(extra);
        args.push(&d);
        sigverify(&args)
    };
    let attestation = pypi(&format!("{gitlab}.publish.attestation"));
    let out = run(&attestation, &pypi(gitlab), &[]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains(&format!("  subject:  {gitlab} sha256:c1ca9b0d")),
        "{stdout}"
    );
    assert!(
        !stdout.contains("  bundle:"),
        "one attestation is no file of several: {stdout}"
    );
    // The same bytes under another distribution's name: PyPI's name check refuses them.
    let renamed = tmp("gitlab_oidc_project-0.0.4.tar.gz");
    fs::copy(pypi(gitlab), &renamed).unwrap_or_default();
    let out = run(&attestation, &renamed, &[]);
    assert_eq!(
        text(&out.stderr),
        "sigverify: PYPI_DISTRIBUTION_NAME_MISMATCH (code 1406): PyPI attestation subject names another distribution (found: gitlab_oidc_project-0.0.3.tar.gz)\n"
    );
    // Through a digest there is no file name: the subject digest alone is matched.
    let digest = "sha256:c1ca9b0d85df1606451098233018534497bf584362e10e4a8c21dfaea92c02a8";
    let out = run(&attestation, Path::new(digest), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The SLSA attestation of pypi-attestations 0.0.19 under its predicate type.
    let slsa = pypi(&format!("{DIST}.slsa.attestation"));
    let out = sigverify(&[
        "verify-attestation",
        "--bundle",
        &s(&slsa),
        "--repo",
        "trailofbits/pypi-attestations",
        "--predicate-type",
        "https://slsa.dev/provenance/v1",
        &s(&pypi(DIST)),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn altered_distributions_and_forged_or_malformed_files_are_refused() {
    let provenance = pypi(&format!("{DIST}.provenance"));
    let repo = ["--repository", GITHUB];
    // One byte of the sdist changed, under its own name.
    let mut bytes = fs::read(pypi(DIST)).unwrap_or_default();
    if let Some(b) = bytes.get_mut(1000) {
        *b ^= 1;
    }
    let altered = tmp(DIST);
    fs::write(&altered, &bytes).unwrap_or_default();
    let out = verify_pypi(&provenance, &altered, &repo);
    assert_eq!(
        text(&out.stderr),
        "sigverify: PYPI_DISTRIBUTION_DIGEST_MISMATCH (code 1407): PyPI attestation subject digest differs from the distribution's SHA-256\n"
    );
    // A distribution whose name is no sdist or wheel name.
    let odd = tmp("pypi_attestations.tar.bz2");
    fs::copy(pypi(DIST), &odd).unwrap_or_default();
    let out = verify_pypi(&provenance, &odd, &repo);
    assert!(
        text(&out.stderr).starts_with("sigverify: PYPI_DISTRIBUTION_NAME_INVALID (code 1404)"),
        "{}",
        text(&out.stderr)
    );
    // The statement's signature changed.
    let doc = fs::read_to_string(&provenance).unwrap_or_default();
    let at = doc.find("\"signature\":\"").map_or(0, |i| i + 13);
    let mut forged = doc.into_bytes();
    if let Some(b) = forged.get_mut(at + 20) {
        *b = if *b == b'A' { b'B' } else { b'A' };
    }
    let forged_path = tmp("forged.provenance");
    fs::write(&forged_path, &forged).unwrap_or_default();
    let out = verify_pypi(&forged_path, &pypi(DIST), &repo);
    assert!(
        text(&out.stderr).starts_with("sigverify: DSSE_SIGNATURE_INVALID (code 800)"),
        "{}",
        text(&out.stderr)
    );
    // Truncated, empty, of another version, or a bare attestation where a provenance belongs.
    let full = fs::read(&provenance).unwrap_or_default();
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "truncated",
            full.get(..full.len() / 2).unwrap_or_default().to_vec(),
            "PYPI_PROVENANCE_INVALID (code 1401)",
        ),
        (
            "empty",
            br#"{"version":1,"attestation_bundles":[]}"#.to_vec(),
            "PYPI_PROVENANCE_EMPTY (code 1409)",
        ),
        (
            "v2",
            br#"{"version":2,"attestation_bundles":[]}"#.to_vec(),
            "PYPI_PROVENANCE_INVALID (code 1401)",
        ),
        (
            "bare",
            fs::read(pypi(&format!("{DIST}.publish.attestation"))).unwrap_or_default(),
            "PYPI_PROVENANCE_INVALID (code 1401)",
        ),
    ];
    for (name, bytes, want) in cases {
        let path = tmp(&format!("{name}.provenance"));
        fs::write(&path, bytes).unwrap_or_default();
        let out = verify_pypi(&path, &pypi(DIST), &repo);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(
            text(&out.stderr).starts_with(&format!("sigverify: {want}")),
            "{name}: {}",
            text(&out.stderr)
        );
    }
    let out = sigverify(&[
        "verify-pypi",
        "--provenance",
        &s(&provenance),
        &s(&pypi(DIST)),
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "no publisher given is a usage error"
    );
}
