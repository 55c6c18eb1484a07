"""Witness policies, tlog proof files and the checkpoint state, on the generated vectors
(conformance/vectors/witness-*, log-state-*, tlog-proof-*; conformance/README.md)."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

import sigverify
from sigverify import policy

from conftest import REPO

VECTORS = REPO / "conformance" / "vectors"
# An Ed25519 public key that is a valid point (RFC 8032, test 1), for policies that name a
# witness no bundle is cosigned by.
RFC8032_KEY = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")


def text(path: Path) -> str:
    return path.read_text().strip()


def vkey(name: str, kind: int, key: bytes) -> str:
    """A c2sp.org/signed-note verifier key: name, key id (SHA-256 over name, newline, type and
    key, first 4 bytes) and base64 of type and key."""
    key_id = hashlib.sha256(name.encode() + b"\n" + bytes([kind]) + key).digest()[:4]
    return f"{name}+{key_id.hex()}+{base64.b64encode(bytes([kind]) + key).decode()}"


def verify(
    name: str,
    *,
    witness_policy: sigverify.WitnessPolicy | None = None,
    tlog_proofs: list[sigverify.TlogProof] | None = None,
) -> sigverify.VerificationResult:
    """Verifies a vector folder's bundle over its artifact, root, identity and time."""
    d = VECTORS / name
    root = sigverify.TrustedRoot.from_file(d / "trusted_root.json")
    verifier = sigverify.Verifier(trusted_root=root, witness_policy=witness_policy)
    bundle = sigverify.Bundle.from_json((d / "bundle.sigstore.json").read_bytes())
    who = policy.Identity(identity=text(d / "identity"), issuer=text(d / "issuer"))
    return verifier.verify_artifact(
        (d / "artifact").read_bytes(),
        bundle,
        who,
        now=int(text(d / "now")),
        tlog_proofs=tlog_proofs or [],
    )


def policy_of(name: str) -> sigverify.WitnessPolicy:
    return sigverify.WitnessPolicy((VECTORS / name / "witness-policy").read_bytes())


def test_cosignatures_are_in_the_result() -> None:
    result = verify("ok-witness-single", witness_policy=policy_of("ok-witness-single"))
    [entry] = result.log_entries
    checkpoint = entry.checkpoint
    assert checkpoint is not None
    assert checkpoint.note.startswith(checkpoint.origin + "\n")
    assert len(checkpoint.root_hash) == 32
    assert checkpoint.size > entry.log_index
    assert [c.witness for c in checkpoint.cosignatures] == ["b"]
    assert all(isinstance(c.time, int) and 0 < c.time <= 1748865600 for c in checkpoint.cosignatures)
    # Without a policy the checkpoint is there, and no cosignature is judged.
    bare = verify("ok-witness-single").log_entries[0].checkpoint
    assert bare is not None and bare.cosignatures == []
    assert bare.root_hash == checkpoint.root_hash


def test_policy_properties_and_text_forms() -> None:
    raw = (VECTORS / "witness-quorum-one-of-three" / "witness-policy").read_text()
    for form in (raw, raw.encode()):
        p = sigverify.WitnessPolicy(form)
        assert (p.witness_count, p.required) == (3, True)
    none = sigverify.WitnessPolicy("quorum none\n")
    assert (none.witness_count, none.required) == (0, False)
    with pytest.raises(TypeError):
        sigverify.WitnessPolicy(5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text_", "name"),
    [
        ("", "WITNESS_POLICY_INVALID"),
        ("witness a\nquorum a\n", "WITNESS_POLICY_INVALID"),
        ("quorum nobody\n", "WITNESS_POLICY_INVALID"),
        ("quorum none\nquorum none\n", "WITNESS_POLICY_INVALID"),
        (f"witness a {vkey('w', 4, RFC8032_KEY)}\nwitness b {vkey('w2', 4, RFC8032_KEY)}\nquorum a\n",
         "WITNESS_POLICY_DUPLICATE_KEY"),
        (f"witness a {vkey('w', 6, RFC8032_KEY)}\nquorum a\n", "WITNESS_KEY_UNSUPPORTED"),
        (f"log {vkey('log.example', 4, RFC8032_KEY)}\nquorum none\n", "WITNESS_KEY_UNSUPPORTED"),
    ],
)
def test_policy_errors_by_name(text_: str, name: str) -> None:
    with pytest.raises(sigverify.WitnessError) as e:
        sigverify.WitnessPolicy(text_)
    assert e.value.name == name
    assert not isinstance(e.value, sigverify.LogStateError)


def test_policy_vectors_by_name() -> None:
    for vector in ("witness-policy-malformed", "witness-policy-duplicate-key",
                   "witness-policy-ml-dsa", "witness-policy-unknown-member"):
        with pytest.raises(sigverify.WitnessError) as e:
            policy_of(vector)
        assert e.value.name == text(VECTORS / vector / "expect")


def test_quorum_failures() -> None:
    with pytest.raises(sigverify.WitnessError) as e:
        verify("witness-quorum-one-of-three", witness_policy=policy_of("witness-quorum-one-of-three"))
    assert (e.value.code, e.value.name) == (1705, "WITNESS_QUORUM_NOT_MET")
    assert "two" in str(e.value)
    # A witness nobody cosigned for, on a bundle that verifies without a policy.
    lonely = sigverify.WitnessPolicy(f"witness x {vkey('lonely.example', 4, RFC8032_KEY)}\nquorum x\n")
    with pytest.raises(sigverify.WitnessError, match="WITNESS_QUORUM_NOT_MET"):
        verify("ok-witness-single", witness_policy=lonely)
    verify("ok-witness-single", witness_policy=sigverify.WitnessPolicy("quorum none\n"))


def test_verifier_constructors_take_a_witness_policy() -> None:
    p = sigverify.WitnessPolicy("quorum none\n")
    for v in (
        sigverify.Verifier.production(witness_policy=p),
        sigverify.Verifier.staging(config=sigverify.Config(), witness_policy=p),
    ):
        assert v.config == sigverify.Config.public_good()
    with pytest.raises(TypeError):
        sigverify.Verifier.production(witness_policy="quorum none\n")  # type: ignore[arg-type]


def test_tlog_proof_attached_before_verifying() -> None:
    name = "ok-tlog-proof-for-bundle-without-proof"
    proof = sigverify.TlogProof((VECTORS / name / "tlog-proof").read_text())
    assert (proof.index, proof.tree_size, len(proof.root_hash)) == (9, 21, 32)
    assert proof.checkpoint.startswith("rekor.virtual.test - ")
    result = verify(name, witness_policy=policy_of(name), tlog_proofs=[proof])
    checkpoint = result.log_entries[0].checkpoint
    assert checkpoint is not None and checkpoint.size == 21
    assert checkpoint.note == proof.checkpoint
    assert len(checkpoint.cosignatures) == 2
    # The bundle object is not changed: without the proof it has no checkpoint to judge.
    with pytest.raises(sigverify.WitnessError, match="WITNESS_CHECKPOINT_MISSING"):
        verify(name, witness_policy=policy_of(name))
    assert verify(name).log_entries[0].checkpoint is None


def test_tlog_proof_errors_by_name() -> None:
    for bad in ("", "c2sp.org/tlog-proof@v1\nindex 01\n\nx\n", b"\xff\xfe"):
        with pytest.raises(sigverify.WitnessError) as e:
            sigverify.TlogProof(bad)
        assert e.value.name == "TLOG_PROOF_INVALID"
    with pytest.raises(sigverify.WitnessError) as e:
        sigverify.TlogProof((VECTORS / "tlog-proof-malformed" / "tlog-proof").read_bytes())
    assert e.value.code == 1713
    # A proof of another bundle's entry proves none of this one's.
    other = sigverify.TlogProof(
        (VECTORS / "ok-tlog-proof-for-bundle-without-proof" / "tlog-proof").read_text()
    )
    with pytest.raises(sigverify.WitnessError) as e:
        verify("ok-witness-single", tlog_proofs=[other])
    assert (e.value.code, e.value.name) == (1714, "TLOG_PROOF_UNMATCHED")
    # verify_dsse attaches them too, before verifying.
    d = VECTORS / "ok-witness-single"
    root = sigverify.TrustedRoot.from_file(d / "trusted_root.json")
    bundle = sigverify.Bundle.from_json((d / "bundle.sigstore.json").read_bytes())
    with pytest.raises(sigverify.WitnessError, match="TLOG_PROOF_UNMATCHED"):
        sigverify.Verifier(trusted_root=root).verify_dsse(
            bundle, policy.OIDCIssuer("x"), now=int(text(d / "now")), tlog_proofs=[other]
        )


def consistency(name: str) -> sigverify.ConsistencyProof:
    return sigverify.ConsistencyProof.from_json((VECTORS / name / "consistency-proof.json").read_bytes())


def test_state_extended_and_round_trip() -> None:
    name = "ok-log-state-extended"
    state = sigverify.LogState((VECTORS / name / "log-state").read_text())
    [before] = state.logs
    assert before.size == 7
    result = verify(name)
    checkpoint = result.log_entries[0].checkpoint
    assert checkpoint is not None
    # Another size, and no proof: refused, and nothing changes.
    with pytest.raises(sigverify.LogStateError) as e:
        state.observe(result)
    assert (e.value.code, e.value.name) == (1709, "LOG_CONSISTENCY_PROOF_MISSING")
    assert state.checkpoint(before.origin) is not None
    assert state.logs[0].size == 7
    proof = consistency(name)
    assert len(proof.root_hash) == 32 and len(proof.hashes) == 5
    [seen] = state.observe(result, [proof])
    assert (seen.origin, seen.size, seen.kind, seen.remembered) == (checkpoint.origin, 13, "extended", 7)
    remembered = state.checkpoint(checkpoint.origin)
    assert remembered is not None
    assert (remembered.size, remembered.root_hash, remembered.note) == (13, checkpoint.root_hash, checkpoint.note)
    # The same tree again; the text round trip keeps it.
    [again] = state.observe(result)
    assert (again.kind, again.remembered) == ("same", 13)
    text_ = state.to_text()
    reread = sigverify.LogState(text_.encode())
    assert reread.to_text() == text_
    assert [log.origin for log in reread.logs] == [checkpoint.origin]
    assert state.checkpoint("no.such.log") is None


def test_first_observation_of_an_empty_state() -> None:
    state = sigverify.LogState()
    assert state.to_text() == "sigverify-log-state/v1\n"
    assert state.logs == []
    [seen] = state.observe(verify("ok-witness-single"), ())
    assert (seen.kind, seen.remembered) == ("first", None)
    # A result without checkpoints (an inclusion promise alone) observes nothing.
    assert state.observe(verify("ok-tlog-proof-for-bundle-without-proof")) == []


def test_split_view_from_an_edited_state() -> None:
    """A state whose checkpoint has the size of the presented one and another root: the
    signatures in a state are not checked again, so changing its root line is enough."""
    result = verify("ok-witness-single")
    checkpoint = result.log_entries[0].checkpoint
    assert checkpoint is not None
    state = sigverify.LogState()
    state.observe(result)
    lines = state.to_text().split("\n")
    root_line = base64.b64encode(checkpoint.root_hash).decode()
    at = lines.index(root_line)
    lines[at] = base64.b64encode(hashlib.sha256(b"another tree").digest()).decode()
    forked = sigverify.LogState("\n".join(lines))
    before = forked.to_text()
    with pytest.raises(sigverify.LogStateError) as e:
        forked.observe(result)
    assert (e.value.code, e.value.name) == (1711, "LOG_SPLIT_VIEW")
    assert isinstance(e.value, sigverify.WitnessError)
    # All or nothing: the evidence stays beside the presented checkpoint.
    assert forked.to_text() == before
    remembered = forked.checkpoint(checkpoint.origin)
    assert remembered is not None and remembered.root_hash != checkpoint.root_hash


def test_split_view_vector() -> None:
    name = "log-state-split-view"
    state = sigverify.LogState((VECTORS / name / "log-state").read_bytes())
    with pytest.raises(sigverify.LogStateError, match="LOG_SPLIT_VIEW"):
        state.observe(verify(name))


@pytest.mark.parametrize(
    "bad", ["", "sigverify-log-state/v2\n", "sigverify-log-state/v1\n\nnot a note\n", b"\xff"]
)
def test_state_errors(bad: str | bytes) -> None:
    with pytest.raises(sigverify.LogStateError) as e:
        sigverify.LogState(bad)
    assert e.value.name == "LOG_STATE_INVALID"


@pytest.mark.parametrize("bad", ["", "[]", '{"rootHash": "00", "hashes": []}', '{"hashes": []}'])
def test_consistency_proof_errors(bad: str) -> None:
    with pytest.raises(sigverify.LogStateError) as e:
        sigverify.ConsistencyProof.from_json(bad)
    assert e.value.name == "LOG_CONSISTENCY_PROOF_MALFORMED"


def test_observe_checks_types() -> None:
    state = sigverify.LogState()
    with pytest.raises(TypeError):
        state.observe(object())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        state.observe(verify("ok-witness-single"), ["{}"])  # type: ignore[list-item]
