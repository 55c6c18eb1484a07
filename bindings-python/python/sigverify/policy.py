"""Verification policies: who must have signed.

The classes mirror ``sigstore.verify.policy``. Each one only describes a condition; the core
evaluates it. Certificate policies (everything except :class:`PublicKey`) combine with
:class:`AllOf` and :class:`AnyOf`.
"""

from __future__ import annotations

from typing import Optional, Sequence, Union

from sigverify._sigverify import FULCIO_OID, Condition, Policy

__all__ = [
    "AllOf",
    "AnyOf",
    "CertificatePolicy",
    "Extension",
    "GitHub",
    "GitHubWorkflowName",
    "GitHubWorkflowRef",
    "GitHubWorkflowRepository",
    "GitHubWorkflowSHA",
    "GitHubWorkflowTrigger",
    "Identity",
    "IdentityRegex",
    "OIDCBuildSignerURI",
    "OIDCBuildTrigger",
    "OIDCIssuer",
    "OIDCIssuerV2",
    "OIDCSourceRepositoryDigest",
    "OIDCSourceRepositoryRef",
    "OIDCSourceRepositoryURI",
    "PublicKey",
    "VerificationPolicy",
]


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str, not {type(value).__name__}")
    return value


class VerificationPolicy:
    """Base class of every policy accepted by :meth:`sigverify.Verifier.verify_artifact`."""

    __slots__ = ("_native",)
    _native: Policy

    def __repr__(self) -> str:
        return f"{type(self).__name__}(...)"


class CertificatePolicy(VerificationPolicy):
    """A condition on the Fulcio signing certificate."""

    __slots__ = ("_condition",)
    _condition: Condition

    def __init__(self, condition: Condition) -> None:
        self._condition = condition
        self._native = Policy.certificate(condition)


class IdentityRegex(CertificatePolicy):
    """The certificate's identity (SAN) matches the regular expression ``identity`` and, when
    given, its OIDC issuer matches ``issuer``. Each pattern must match the whole value (write
    ``.*`` to search), unlike cosign's; matching takes linear time. A pattern that does not
    compile raises :class:`sigverify.PolicyError` (``POLICY_PATTERN_INVALID``) or
    :class:`sigverify.LimitError`."""

    __slots__ = ()

    def __init__(self, *, identity: str, issuer: Optional[str] = None) -> None:
        cond = Condition.identity_matching(_text(identity, "identity"))
        if issuer is not None:
            cond = Condition.all_of([cond, Condition.issuer_matching(_text(issuer, "issuer"))])
        super().__init__(cond)


class Identity(CertificatePolicy):
    """The certificate's identity (SAN) equals ``identity`` and, when given, its OIDC issuer
    equals ``issuer``. Values compare exactly."""

    __slots__ = ()

    def __init__(self, *, identity: str, issuer: Optional[str] = None) -> None:
        cond = Condition.identity(_text(identity, "identity"))
        if issuer is not None:
            cond = Condition.all_of([cond, Condition.issuer(_text(issuer, "issuer"))])
        super().__init__(cond)


class OIDCIssuer(CertificatePolicy):
    """The certificate's OIDC issuer (Fulcio extension v2, else v1) equals ``issuer``."""

    __slots__ = ()

    def __init__(self, issuer: str) -> None:
        super().__init__(Condition.issuer(_text(issuer, "issuer")))


class Extension(CertificatePolicy):
    """The Fulcio extension ``oid`` (dotted, under ``1.3.6.1.4.1.57264.1.``) equals ``value``."""

    __slots__ = ()

    def __init__(self, oid: str, value: str) -> None:
        super().__init__(Condition.extension(_text(oid, "oid"), _text(value, "value")))


class GitHubWorkflowTrigger(Extension):
    """The GitHub workflow trigger (e.g. ``push``) equals ``trigger`` (Fulcio extension ``GITHUB_WORKFLOW_TRIGGER``)."""

    __slots__ = ()

    def __init__(self, trigger: str) -> None:
        super().__init__(FULCIO_OID["GITHUB_WORKFLOW_TRIGGER"], trigger)


class GitHubWorkflowSHA(Extension):
    """The GitHub workflow commit SHA equals ``sha`` (Fulcio extension ``GITHUB_WORKFLOW_SHA``)."""

    __slots__ = ()

    def __init__(self, sha: str) -> None:
        super().__init__(FULCIO_OID["GITHUB_WORKFLOW_SHA"], sha)


class GitHubWorkflowName(Extension):
    """The GitHub workflow name equals ``name`` (Fulcio extension ``GITHUB_WORKFLOW_NAME``)."""

    __slots__ = ()

    def __init__(self, name: str) -> None:
        super().__init__(FULCIO_OID["GITHUB_WORKFLOW_NAME"], name)


class GitHubWorkflowRepository(Extension):
    """The GitHub workflow repository (e.g. ``octo/app``) equals ``repo`` (Fulcio extension ``GITHUB_WORKFLOW_REPOSITORY``)."""

    __slots__ = ()

    def __init__(self, repo: str) -> None:
        super().__init__(FULCIO_OID["GITHUB_WORKFLOW_REPOSITORY"], repo)


class GitHubWorkflowRef(Extension):
    """The GitHub workflow ref (e.g. ``refs/tags/v1``) equals ``ref`` (Fulcio extension ``GITHUB_WORKFLOW_REF``)."""

    __slots__ = ()

    def __init__(self, ref: str) -> None:
        super().__init__(FULCIO_OID["GITHUB_WORKFLOW_REF"], ref)


class OIDCIssuerV2(Extension):
    """The OIDC issuer, v2 extension only, equals ``issuer`` (Fulcio extension ``ISSUER_V2``)."""

    __slots__ = ()

    def __init__(self, issuer: str) -> None:
        super().__init__(FULCIO_OID["ISSUER_V2"], issuer)


class OIDCBuildSignerURI(Extension):
    """The build signer URI equals ``uri`` (Fulcio extension ``BUILD_SIGNER_URI``)."""

    __slots__ = ()

    def __init__(self, uri: str) -> None:
        super().__init__(FULCIO_OID["BUILD_SIGNER_URI"], uri)


class OIDCSourceRepositoryURI(Extension):
    """The source repository URI equals ``uri`` (Fulcio extension ``SOURCE_REPOSITORY_URI``)."""

    __slots__ = ()

    def __init__(self, uri: str) -> None:
        super().__init__(FULCIO_OID["SOURCE_REPOSITORY_URI"], uri)


class OIDCSourceRepositoryDigest(Extension):
    """The source repository digest equals ``digest`` (Fulcio extension ``SOURCE_REPOSITORY_DIGEST``)."""

    __slots__ = ()

    def __init__(self, digest: str) -> None:
        super().__init__(FULCIO_OID["SOURCE_REPOSITORY_DIGEST"], digest)


class OIDCSourceRepositoryRef(Extension):
    """The source repository ref equals ``ref`` (Fulcio extension ``SOURCE_REPOSITORY_REF``)."""

    __slots__ = ()

    def __init__(self, ref: str) -> None:
        super().__init__(FULCIO_OID["SOURCE_REPOSITORY_REF"], ref)


class OIDCBuildTrigger(Extension):
    """The build trigger equals ``trigger`` (Fulcio extension ``BUILD_TRIGGER``)."""

    __slots__ = ()

    def __init__(self, trigger: str) -> None:
        super().__init__(FULCIO_OID["BUILD_TRIGGER"], trigger)


def _conditions(children: Sequence[CertificatePolicy], what: str) -> list[Condition]:
    if isinstance(children, (str, bytes)) or not isinstance(children, Sequence):
        raise TypeError(f"{what} takes a list of certificate policies")
    out = []
    for child in children:
        if not isinstance(child, CertificatePolicy):
            raise TypeError(
                f"{what} combines certificate policies, not {type(child).__name__}"
            )
        out.append(child._condition)
    return out


class AllOf(CertificatePolicy):
    """Every child policy holds (an empty ``AllOf`` is refused: ``PolicyError``)."""

    __slots__ = ()

    def __init__(self, children: Sequence[CertificatePolicy]) -> None:
        super().__init__(Condition.all_of(_conditions(children, "AllOf")))


class AnyOf(CertificatePolicy):
    """At least one child policy holds (an empty ``AnyOf`` is refused: ``PolicyError``)."""

    __slots__ = ()

    def __init__(self, children: Sequence[CertificatePolicy]) -> None:
        super().__init__(Condition.any_of(_conditions(children, "AnyOf")))


class GitHub(VerificationPolicy):
    """Who built the artifact, as ``gh attestation verify`` checks it: give ``owner`` or
    ``repo`` (``"OWNER/REPO"``); ``signer_workflow`` (``"OWNER/REPO/.github/workflows/FILE"``,
    optionally ``@REF``) or ``signer_repo`` name the signing workflow (by default any workflow
    of the source repository); ``source_ref`` (in full, ``"refs/tags/v1.2.3"``),
    ``source_digest``, ``signer_digest``, ``issuer`` (default: GitHub Actions of ``host``),
    ``host`` (``"github.com"`` or a ``"NAME.ghe.com"`` tenant) and
    ``deny_self_hosted_runners`` narrow it. Read from the certificate's Fulcio extensions;
    names compare without regard to case, and a signer workflow must be the whole path.
    Raises :class:`sigverify.PolicyError` for a malformed combination."""

    __slots__ = ()

    def __init__(
        self,
        *,
        owner: Optional[str] = None,
        repo: Optional[str] = None,
        signer_workflow: Optional[str] = None,
        signer_repo: Optional[str] = None,
        source_ref: Optional[str] = None,
        source_digest: Optional[str] = None,
        signer_digest: Optional[str] = None,
        issuer: Optional[str] = None,
        host: Optional[str] = None,
        deny_self_hosted_runners: bool = False,
    ) -> None:
        self._native = Policy.github(
            owner=owner,
            repo=repo,
            signer_workflow=signer_workflow,
            signer_repo=signer_repo,
            source_ref=source_ref,
            source_digest=source_digest,
            signer_digest=signer_digest,
            issuer=issuer,
            host=host,
            deny_self_hosted_runners=deny_self_hosted_runners,
        )


class PublicKey(VerificationPolicy):
    """A managed key (no certificate): a PEM ``PUBLIC KEY`` block (``str`` or ``bytes``) or DER
    SubjectPublicKeyInfo (``bytes``), optionally valid only from ``not_before`` to ``not_after``
    (Unix seconds, both included: npm's ``expires``, a product key's rotation dates). Every
    proven signing time must lie inside the window (``POLICY_KEY_NOT_VALID_AT_SIGNING_TIME``);
    with ``Config(observer_timestamps=0, tlog_entries=0)`` and no proven time, ``now`` must
    (``POLICY_KEY_NOT_VALID_NOW``). Raises :class:`sigverify.PolicyError` or
    :class:`sigverify.PublicKeyError` when the key or window cannot be used."""

    __slots__ = ()

    def __init__(
        self,
        key: Union[str, bytes],
        *,
        not_before: Optional[int] = None,
        not_after: Optional[int] = None,
    ) -> None:
        self._native = Policy.public_key(key, not_before=not_before, not_after=not_after)
