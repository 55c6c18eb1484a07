//! The core's error codes as C constants. GENERATED from `sigverify::Error::ALL` by
//! `SIGVERIFY_C_BLESS=1 cargo test -p sigverify-c codes`; do not edit by hand.

use core::ffi::CStr;
use core::ffi::c_int;

/// Core error `BUNDLE_JSON_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_BUNDLE_JSON_INVALID: c_int = 100;
/// Core error `BUNDLE_MEDIA_TYPE_UNKNOWN` (`sigverify::Error`).
pub const SIGVERIFY_BUNDLE_MEDIA_TYPE_UNKNOWN: c_int = 101;
/// Core error `BUNDLE_BASE64_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_BUNDLE_BASE64_INVALID: c_int = 102;
/// Core error `BUNDLE_INTEGER_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_BUNDLE_INTEGER_INVALID: c_int = 103;
/// Core error `BUNDLE_CERTIFICATE_CHAIN_EMPTY` (`sigverify::Error`).
pub const SIGVERIFY_BUNDLE_CERTIFICATE_CHAIN_EMPTY: c_int = 104;
/// Core error `BUNDLE_INCLUSION_PROOF_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_BUNDLE_INCLUSION_PROOF_MISSING: c_int = 105;
/// Core error `BUNDLE_INCLUSION_PROMISE_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_BUNDLE_INCLUSION_PROMISE_MISSING: c_int = 106;
/// Core error `BUNDLE_VERIFICATION_MATERIAL_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_BUNDLE_VERIFICATION_MATERIAL_MISSING: c_int = 107;
/// Core error `BUNDLE_CONTENT_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_BUNDLE_CONTENT_MISSING: c_int = 108;
/// Core error `BUNDLE_CHAIN_CONTAINS_ROOT` (`sigverify::Error`).
pub const SIGVERIFY_BUNDLE_CHAIN_CONTAINS_ROOT: c_int = 109;
/// Core error `BUNDLE_CERTIFICATE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_BUNDLE_CERTIFICATE_INVALID: c_int = 110;
/// Core error `BUNDLE_DIGEST_ALGORITHM_UNSUPPORTED` (`sigverify::Error`).
pub const SIGVERIFY_BUNDLE_DIGEST_ALGORITHM_UNSUPPORTED: c_int = 111;
/// Core error `BUNDLE_DSSE_SIGNATURE_COUNT` (`sigverify::Error`).
pub const SIGVERIFY_BUNDLE_DSSE_SIGNATURE_COUNT: c_int = 112;
/// Core error `TRUST_ROOT_JSON_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TRUST_ROOT_JSON_INVALID: c_int = 200;
/// Core error `TRUST_ROOT_MEDIA_TYPE_UNKNOWN` (`sigverify::Error`).
pub const SIGVERIFY_TRUST_ROOT_MEDIA_TYPE_UNKNOWN: c_int = 201;
/// Core error `TRUST_ROOT_VALIDITY_START_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_TRUST_ROOT_VALIDITY_START_MISSING: c_int = 202;
/// Core error `TRUST_ROOT_TIME_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TRUST_ROOT_TIME_INVALID: c_int = 203;
/// Core error `TRUST_ROOT_KEY_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TRUST_ROOT_KEY_INVALID: c_int = 204;
/// Core error `TRUST_ROOT_CERTIFICATE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TRUST_ROOT_CERTIFICATE_INVALID: c_int = 205;
/// Core error `TRUST_ROOT_BASE64_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TRUST_ROOT_BASE64_INVALID: c_int = 206;
/// Core error `TRUST_ROOT_NAME_UNKNOWN` (`sigverify::Error`).
pub const SIGVERIFY_TRUST_ROOT_NAME_UNKNOWN: c_int = 207;
/// Core error `TRUST_ROOT_WITNESS_CONFIG_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TRUST_ROOT_WITNESS_CONFIG_INVALID: c_int = 208;
/// Core error `KEY_UNSUPPORTED` (`sigverify::Error`).
pub const SIGVERIFY_KEY_UNSUPPORTED: c_int = 300;
/// Core error `KEY_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_KEY_INVALID: c_int = 301;
/// Core error `KEY_ALGORITHM_NOT_BUILT` (`sigverify::Error`).
pub const SIGVERIFY_KEY_ALGORITHM_NOT_BUILT: c_int = 302;
/// Core error `CERT_CHAIN_UNTRUSTED` (`sigverify::Error`).
pub const SIGVERIFY_CERT_CHAIN_UNTRUSTED: c_int = 400;
/// Core error `CERT_NOT_VALID_AT_SIGNING_TIME` (`sigverify::Error`).
pub const SIGVERIFY_CERT_NOT_VALID_AT_SIGNING_TIME: c_int = 401;
/// Core error `CERT_IS_CA` (`sigverify::Error`).
pub const SIGVERIFY_CERT_IS_CA: c_int = 402;
/// Core error `CERT_KEY_USAGE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_CERT_KEY_USAGE_INVALID: c_int = 403;
/// Core error `CERT_EXTENDED_KEY_USAGE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_CERT_EXTENDED_KEY_USAGE_INVALID: c_int = 404;
/// Core error `CERT_EXTENSION_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_CERT_EXTENSION_INVALID: c_int = 405;
/// Core error `CERT_IDENTITY_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_CERT_IDENTITY_MISSING: c_int = 406;
/// Core error `CERT_ISSUER_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_CERT_ISSUER_MISSING: c_int = 407;
/// Core error `CERT_ISSUER_CONFLICT` (`sigverify::Error`).
pub const SIGVERIFY_CERT_ISSUER_CONFLICT: c_int = 408;
/// Core error `CERT_CRITICAL_EXTENSION_UNKNOWN` (`sigverify::Error`).
pub const SIGVERIFY_CERT_CRITICAL_EXTENSION_UNKNOWN: c_int = 409;
/// Core error `CERT_IS_PRECERTIFICATE` (`sigverify::Error`).
pub const SIGVERIFY_CERT_IS_PRECERTIFICATE: c_int = 410;
/// Core error `CERT_EXTENSION_DUPLICATE` (`sigverify::Error`).
pub const SIGVERIFY_CERT_EXTENSION_DUPLICATE: c_int = 411;
/// Core error `CERT_SIGNATURE_ALGORITHM_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_CERT_SIGNATURE_ALGORITHM_MISMATCH: c_int = 412;
/// Core error `SCT_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_SCT_MISSING: c_int = 500;
/// Core error `SCT_LIST_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_SCT_LIST_INVALID: c_int = 501;
/// Core error `SCT_LOG_UNKNOWN` (`sigverify::Error`).
pub const SIGVERIFY_SCT_LOG_UNKNOWN: c_int = 502;
/// Core error `SCT_SIGNATURE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_SCT_SIGNATURE_INVALID: c_int = 503;
/// Core error `SCT_LOG_NOT_VALID_AT_TIME` (`sigverify::Error`).
pub const SIGVERIFY_SCT_LOG_NOT_VALID_AT_TIME: c_int = 504;
/// Core error `TLOG_KEY_UNKNOWN` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_KEY_UNKNOWN: c_int = 600;
/// Core error `TLOG_BODY_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_BODY_INVALID: c_int = 601;
/// Core error `TLOG_BODY_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_BODY_MISMATCH: c_int = 602;
/// Core error `TLOG_KIND_UNSUPPORTED` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_KIND_UNSUPPORTED: c_int = 603;
/// Core error `TLOG_INCLUSION_PROMISE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_INCLUSION_PROMISE_INVALID: c_int = 604;
/// Core error `TLOG_INCLUSION_PROOF_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_INCLUSION_PROOF_INVALID: c_int = 605;
/// Core error `TLOG_CHECKPOINT_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_CHECKPOINT_INVALID: c_int = 606;
/// Core error `TLOG_CHECKPOINT_SIGNATURE_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_CHECKPOINT_SIGNATURE_MISSING: c_int = 607;
/// Core error `TLOG_CHECKPOINT_SIGNATURE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_CHECKPOINT_SIGNATURE_INVALID: c_int = 608;
/// Core error `TLOG_CHECKPOINT_ROOT_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_CHECKPOINT_ROOT_MISMATCH: c_int = 609;
/// Core error `TLOG_CHECKPOINT_ORIGIN_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_CHECKPOINT_ORIGIN_MISMATCH: c_int = 615;
/// Core error `TLOG_INTEGRATED_TIME_IN_FUTURE` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_INTEGRATED_TIME_IN_FUTURE: c_int = 610;
/// Core error `TLOG_KEY_NOT_VALID_AT_TIME` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_KEY_NOT_VALID_AT_TIME: c_int = 611;
/// Core error `TLOG_ENTRY_UNVERIFIABLE` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_ENTRY_UNVERIFIABLE: c_int = 612;
/// Core error `TLOG_ENTRY_DUPLICATE` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_ENTRY_DUPLICATE: c_int = 613;
/// Core error `TLOG_LOG_INDEX_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_LOG_INDEX_MISMATCH: c_int = 614;
/// Core error `TIMESTAMP_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TIMESTAMP_INVALID: c_int = 700;
/// Core error `TIMESTAMP_IMPRINT_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_TIMESTAMP_IMPRINT_MISMATCH: c_int = 701;
/// Core error `TIMESTAMP_SIGNED_ATTRIBUTES_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TIMESTAMP_SIGNED_ATTRIBUTES_INVALID: c_int = 702;
/// Core error `TIMESTAMP_SIGNATURE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TIMESTAMP_SIGNATURE_INVALID: c_int = 703;
/// Core error `TIMESTAMP_CHAIN_UNTRUSTED` (`sigverify::Error`).
pub const SIGVERIFY_TIMESTAMP_CHAIN_UNTRUSTED: c_int = 704;
/// Core error `TIMESTAMP_TSA_NOT_VALID_AT_TIME` (`sigverify::Error`).
pub const SIGVERIFY_TIMESTAMP_TSA_NOT_VALID_AT_TIME: c_int = 705;
/// Core error `TIMESTAMP_DUPLICATE` (`sigverify::Error`).
pub const SIGVERIFY_TIMESTAMP_DUPLICATE: c_int = 707;
/// Core error `TIMESTAMP_CERT_NOT_VALID_AT_TIME` (`sigverify::Error`).
pub const SIGVERIFY_TIMESTAMP_CERT_NOT_VALID_AT_TIME: c_int = 706;
/// Core error `TIMESTAMP_SIGNER_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TIMESTAMP_SIGNER_INVALID: c_int = 708;
/// Core error `TIMESTAMP_NOT_BUILT` (`sigverify::Error`).
pub const SIGVERIFY_TIMESTAMP_NOT_BUILT: c_int = 709;
/// Core error `DSSE_SIGNATURE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_DSSE_SIGNATURE_INVALID: c_int = 800;
/// Core error `DSSE_PAYLOAD_TYPE_UNSUPPORTED` (`sigverify::Error`).
pub const SIGVERIFY_DSSE_PAYLOAD_TYPE_UNSUPPORTED: c_int = 801;
/// Core error `DSSE_STATEMENT_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_DSSE_STATEMENT_INVALID: c_int = 802;
/// Core error `DSSE_SUBJECT_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_DSSE_SUBJECT_MISMATCH: c_int = 803;
/// Core error `DSSE_PREDICATE_TYPE_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_DSSE_PREDICATE_TYPE_MISMATCH: c_int = 804;
/// Core error `DSSE_ENVELOPE_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_DSSE_ENVELOPE_MISSING: c_int = 805;
/// Core error `SIGNATURE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_SIGNATURE_INVALID: c_int = 900;
/// Core error `SIGNATURE_DIGEST_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_SIGNATURE_DIGEST_MISMATCH: c_int = 901;
/// Core error `ARTIFACT_DIGEST_INSUFFICIENT` (`sigverify::Error`).
pub const SIGVERIFY_ARTIFACT_DIGEST_INSUFFICIENT: c_int = 902;
/// Core error `ARTIFACT_REQUIRED` (`sigverify::Error`).
pub const SIGVERIFY_ARTIFACT_REQUIRED: c_int = 903;
/// Core error `POLICY_IDENTITY_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_POLICY_IDENTITY_MISMATCH: c_int = 1000;
/// Core error `POLICY_ISSUER_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_POLICY_ISSUER_MISMATCH: c_int = 1001;
/// Core error `POLICY_MATERIAL_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_POLICY_MATERIAL_MISMATCH: c_int = 1002;
/// Core error `POLICY_KEY_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_POLICY_KEY_INVALID: c_int = 1003;
/// Core error `POLICY_EXTENSION_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_POLICY_EXTENSION_MISMATCH: c_int = 1004;
/// Core error `POLICY_ANY_OF_EMPTY` (`sigverify::Error`).
pub const SIGVERIFY_POLICY_ANY_OF_EMPTY: c_int = 1005;
/// Core error `POLICY_CONDITION_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_POLICY_CONDITION_INVALID: c_int = 1006;
/// Core error `POLICY_ALL_OF_EMPTY` (`sigverify::Error`).
pub const SIGVERIFY_POLICY_ALL_OF_EMPTY: c_int = 1007;
/// Core error `POLICY_VALUE_EMPTY` (`sigverify::Error`).
pub const SIGVERIFY_POLICY_VALUE_EMPTY: c_int = 1008;
/// Core error `POLICY_PATTERN_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_POLICY_PATTERN_INVALID: c_int = 1009;
/// Core error `POLICY_KEY_VALIDITY_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_POLICY_KEY_VALIDITY_INVALID: c_int = 1010;
/// Core error `POLICY_KEY_NOT_VALID_AT_SIGNING_TIME` (`sigverify::Error`).
pub const SIGVERIFY_POLICY_KEY_NOT_VALID_AT_SIGNING_TIME: c_int = 1011;
/// Core error `POLICY_KEY_NOT_VALID_NOW` (`sigverify::Error`).
pub const SIGVERIFY_POLICY_KEY_NOT_VALID_NOW: c_int = 1012;
/// Core error `TLOG_THRESHOLD_NOT_MET` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_THRESHOLD_NOT_MET: c_int = 1100;
/// Core error `TIMESTAMP_THRESHOLD_NOT_MET` (`sigverify::Error`).
pub const SIGVERIFY_TIMESTAMP_THRESHOLD_NOT_MET: c_int = 1102;
/// Core error `TIME_THRESHOLD_NOT_MET` (`sigverify::Error`).
pub const SIGVERIFY_TIME_THRESHOLD_NOT_MET: c_int = 1101;
/// Core error `SCT_THRESHOLD_NOT_MET` (`sigverify::Error`).
pub const SIGVERIFY_SCT_THRESHOLD_NOT_MET: c_int = 1103;
/// Core error `TIME_THRESHOLD_ZERO_NOT_ALLOWED` (`sigverify::Error`).
pub const SIGVERIFY_TIME_THRESHOLD_ZERO_NOT_ALLOWED: c_int = 1104;
/// Core error `LIMIT_EXCEEDED` (`sigverify::Error`).
pub const SIGVERIFY_LIMIT_EXCEEDED: c_int = 1200;
/// Core error `TUF_METADATA_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TUF_METADATA_INVALID: c_int = 1300;
/// Core error `TUF_JSON_DUPLICATE_KEY` (`sigverify::Error`).
pub const SIGVERIFY_TUF_JSON_DUPLICATE_KEY: c_int = 1301;
/// Core error `TUF_JSON_NOT_CANONICAL` (`sigverify::Error`).
pub const SIGVERIFY_TUF_JSON_NOT_CANONICAL: c_int = 1302;
/// Core error `TUF_TYPE_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_TUF_TYPE_MISMATCH: c_int = 1303;
/// Core error `TUF_SPEC_VERSION_UNSUPPORTED` (`sigverify::Error`).
pub const SIGVERIFY_TUF_SPEC_VERSION_UNSUPPORTED: c_int = 1304;
/// Core error `TUF_THRESHOLD_NOT_MET` (`sigverify::Error`).
pub const SIGVERIFY_TUF_THRESHOLD_NOT_MET: c_int = 1305;
/// Core error `TUF_ROOT_NOT_SIGNED_BY_PREVIOUS` (`sigverify::Error`).
pub const SIGVERIFY_TUF_ROOT_NOT_SIGNED_BY_PREVIOUS: c_int = 1306;
/// Core error `TUF_ROOT_VERSION_NOT_NEXT` (`sigverify::Error`).
pub const SIGVERIFY_TUF_ROOT_VERSION_NOT_NEXT: c_int = 1307;
/// Core error `TUF_METADATA_EXPIRED` (`sigverify::Error`).
pub const SIGVERIFY_TUF_METADATA_EXPIRED: c_int = 1308;
/// Core error `TUF_ROLLBACK` (`sigverify::Error`).
pub const SIGVERIFY_TUF_ROLLBACK: c_int = 1309;
/// Core error `TUF_VERSION_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_TUF_VERSION_MISMATCH: c_int = 1310;
/// Core error `TUF_METADATA_LENGTH_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_TUF_METADATA_LENGTH_MISMATCH: c_int = 1311;
/// Core error `TUF_METADATA_HASH_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_TUF_METADATA_HASH_MISMATCH: c_int = 1312;
/// Core error `TUF_HASH_ALGORITHM_UNKNOWN` (`sigverify::Error`).
pub const SIGVERIFY_TUF_HASH_ALGORITHM_UNKNOWN: c_int = 1313;
/// Core error `TUF_META_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_TUF_META_MISSING: c_int = 1314;
/// Core error `TUF_TARGET_UNKNOWN` (`sigverify::Error`).
pub const SIGVERIFY_TUF_TARGET_UNKNOWN: c_int = 1315;
/// Core error `TUF_TARGET_LENGTH_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_TUF_TARGET_LENGTH_MISMATCH: c_int = 1316;
/// Core error `TUF_TARGET_HASH_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_TUF_TARGET_HASH_MISMATCH: c_int = 1317;
/// Core error `TUF_TARGET_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_TUF_TARGET_MISSING: c_int = 1318;
/// Core error `TUF_STATE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TUF_STATE_INVALID: c_int = 1319;
/// Core error `TUF_SIGNATURE_KEYID_REPEATED` (`sigverify::Error`).
pub const SIGVERIFY_TUF_SIGNATURE_KEYID_REPEATED: c_int = 1320;
/// Core error `TUF_STATE_NOT_FROM_ANCHOR` (`sigverify::Error`).
pub const SIGVERIFY_TUF_STATE_NOT_FROM_ANCHOR: c_int = 1321;
/// Core error `TUF_TIMESTAMP_CHANGED` (`sigverify::Error`).
pub const SIGVERIFY_TUF_TIMESTAMP_CHANGED: c_int = 1322;
/// Core error `PYPI_ATTESTATION_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_PYPI_ATTESTATION_INVALID: c_int = 1400;
/// Core error `PYPI_PROVENANCE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_PYPI_PROVENANCE_INVALID: c_int = 1401;
/// Core error `PYPI_PUBLISHER_UNKNOWN` (`sigverify::Error`).
pub const SIGVERIFY_PYPI_PUBLISHER_UNKNOWN: c_int = 1402;
/// Core error `PYPI_PUBLISHER_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_PYPI_PUBLISHER_MISMATCH: c_int = 1403;
/// Core error `PYPI_DISTRIBUTION_NAME_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_PYPI_DISTRIBUTION_NAME_INVALID: c_int = 1404;
/// Core error `PYPI_SUBJECT_COUNT` (`sigverify::Error`).
pub const SIGVERIFY_PYPI_SUBJECT_COUNT: c_int = 1405;
/// Core error `PYPI_DISTRIBUTION_NAME_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_PYPI_DISTRIBUTION_NAME_MISMATCH: c_int = 1406;
/// Core error `PYPI_DISTRIBUTION_DIGEST_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_PYPI_DISTRIBUTION_DIGEST_MISMATCH: c_int = 1407;
/// Core error `PYPI_PREDICATE_TYPE_UNKNOWN` (`sigverify::Error`).
pub const SIGVERIFY_PYPI_PREDICATE_TYPE_UNKNOWN: c_int = 1408;
/// Core error `PYPI_PROVENANCE_EMPTY` (`sigverify::Error`).
pub const SIGVERIFY_PYPI_PROVENANCE_EMPTY: c_int = 1409;
/// Core error `RELEASE_POLICY_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_RELEASE_POLICY_INVALID: c_int = 1500;
/// Core error `RELEASE_PREDICATE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_RELEASE_PREDICATE_INVALID: c_int = 1501;
/// Core error `RELEASE_REPOSITORY_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_RELEASE_REPOSITORY_MISMATCH: c_int = 1502;
/// Core error `RELEASE_TAG_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_RELEASE_TAG_MISMATCH: c_int = 1503;
/// Core error `RELEASE_TAG_DIGEST_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_RELEASE_TAG_DIGEST_MISMATCH: c_int = 1504;
/// Core error `RELEASE_ASSET_NOT_ATTESTED` (`sigverify::Error`).
pub const SIGVERIFY_RELEASE_ASSET_NOT_ATTESTED: c_int = 1505;
/// Core error `NPM_KEYS_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_NPM_KEYS_INVALID: c_int = 1600;
/// Core error `NPM_PACKAGE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_NPM_PACKAGE_INVALID: c_int = 1601;
/// Core error `NPM_SIGNATURE_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_NPM_SIGNATURE_MISSING: c_int = 1602;
/// Core error `NPM_SIGNATURE_KEY_UNKNOWN` (`sigverify::Error`).
pub const SIGVERIFY_NPM_SIGNATURE_KEY_UNKNOWN: c_int = 1603;
/// Core error `NPM_SIGNATURE_KEY_EXPIRED` (`sigverify::Error`).
pub const SIGVERIFY_NPM_SIGNATURE_KEY_EXPIRED: c_int = 1604;
/// Core error `NPM_SIGNATURE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_NPM_SIGNATURE_INVALID: c_int = 1605;
/// Core error `NPM_INTEGRITY_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_NPM_INTEGRITY_MISMATCH: c_int = 1606;
/// Core error `NPM_ATTESTATIONS_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_NPM_ATTESTATIONS_MISSING: c_int = 1607;
/// Core error `NPM_ATTESTATION_KEY_UNKNOWN` (`sigverify::Error`).
pub const SIGVERIFY_NPM_ATTESTATION_KEY_UNKNOWN: c_int = 1608;
/// Core error `NPM_SUBJECT_NAME_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_NPM_SUBJECT_NAME_MISMATCH: c_int = 1609;
/// Core error `NPM_SUBJECT_DIGEST_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_NPM_SUBJECT_DIGEST_MISMATCH: c_int = 1610;
/// Core error `WITNESS_POLICY_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_WITNESS_POLICY_INVALID: c_int = 1700;
/// Core error `WITNESS_POLICY_DUPLICATE_KEY` (`sigverify::Error`).
pub const SIGVERIFY_WITNESS_POLICY_DUPLICATE_KEY: c_int = 1701;
/// Core error `WITNESS_KEY_UNSUPPORTED` (`sigverify::Error`).
pub const SIGVERIFY_WITNESS_KEY_UNSUPPORTED: c_int = 1702;
/// Core error `WITNESS_COSIGNATURE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_WITNESS_COSIGNATURE_INVALID: c_int = 1703;
/// Core error `WITNESS_COSIGNATURE_IN_FUTURE` (`sigverify::Error`).
pub const SIGVERIFY_WITNESS_COSIGNATURE_IN_FUTURE: c_int = 1704;
/// Core error `WITNESS_QUORUM_NOT_MET` (`sigverify::Error`).
pub const SIGVERIFY_WITNESS_QUORUM_NOT_MET: c_int = 1705;
/// Core error `WITNESS_CHECKPOINT_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_WITNESS_CHECKPOINT_MISSING: c_int = 1706;
/// Core error `WITNESS_LOG_UNLISTED` (`sigverify::Error`).
pub const SIGVERIFY_WITNESS_LOG_UNLISTED: c_int = 1707;
/// Core error `LOG_STATE_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_LOG_STATE_INVALID: c_int = 1708;
/// Core error `LOG_CONSISTENCY_PROOF_MISSING` (`sigverify::Error`).
pub const SIGVERIFY_LOG_CONSISTENCY_PROOF_MISSING: c_int = 1709;
/// Core error `LOG_CONSISTENCY_PROOF_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_LOG_CONSISTENCY_PROOF_INVALID: c_int = 1710;
/// Core error `LOG_SPLIT_VIEW` (`sigverify::Error`).
pub const SIGVERIFY_LOG_SPLIT_VIEW: c_int = 1711;
/// Core error `LOG_CONSISTENCY_PROOF_MALFORMED` (`sigverify::Error`).
pub const SIGVERIFY_LOG_CONSISTENCY_PROOF_MALFORMED: c_int = 1712;
/// Core error `TLOG_PROOF_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_PROOF_INVALID: c_int = 1713;
/// Core error `TLOG_PROOF_UNMATCHED` (`sigverify::Error`).
pub const SIGVERIFY_TLOG_PROOF_UNMATCHED: c_int = 1714;
/// Core error `FIRMWARE_STATEMENT_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_FIRMWARE_STATEMENT_INVALID: c_int = 1800;
/// Core error `FIRMWARE_VENDOR_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_FIRMWARE_VENDOR_MISMATCH: c_int = 1801;
/// Core error `FIRMWARE_CLASS_MISMATCH` (`sigverify::Error`).
pub const SIGVERIFY_FIRMWARE_CLASS_MISMATCH: c_int = 1802;
/// Core error `FIRMWARE_HARDWARE_UNSUPPORTED` (`sigverify::Error`).
pub const SIGVERIFY_FIRMWARE_HARDWARE_UNSUPPORTED: c_int = 1803;
/// Core error `FIRMWARE_VERSION_NOT_NEWER` (`sigverify::Error`).
pub const SIGVERIFY_FIRMWARE_VERSION_NOT_NEWER: c_int = 1804;
/// Core error `FIRMWARE_POLICY_INVALID` (`sigverify::Error`).
pub const SIGVERIFY_FIRMWARE_POLICY_INVALID: c_int = 1805;

/// Every core (code, name) pair, in the core's table order.
pub(crate) const CORE_NAMES: &[(c_int, &CStr)] = &[
    (100, c"BUNDLE_JSON_INVALID"),
    (101, c"BUNDLE_MEDIA_TYPE_UNKNOWN"),
    (102, c"BUNDLE_BASE64_INVALID"),
    (103, c"BUNDLE_INTEGER_INVALID"),
    (104, c"BUNDLE_CERTIFICATE_CHAIN_EMPTY"),
    (105, c"BUNDLE_INCLUSION_PROOF_MISSING"),
    (106, c"BUNDLE_INCLUSION_PROMISE_MISSING"),
    (107, c"BUNDLE_VERIFICATION_MATERIAL_MISSING"),
    (108, c"BUNDLE_CONTENT_MISSING"),
    (109, c"BUNDLE_CHAIN_CONTAINS_ROOT"),
    (110, c"BUNDLE_CERTIFICATE_INVALID"),
    (111, c"BUNDLE_DIGEST_ALGORITHM_UNSUPPORTED"),
    (112, c"BUNDLE_DSSE_SIGNATURE_COUNT"),
    (200, c"TRUST_ROOT_JSON_INVALID"),
    (201, c"TRUST_ROOT_MEDIA_TYPE_UNKNOWN"),
    (202, c"TRUST_ROOT_VALIDITY_START_MISSING"),
    (203, c"TRUST_ROOT_TIME_INVALID"),
    (204, c"TRUST_ROOT_KEY_INVALID"),
    (205, c"TRUST_ROOT_CERTIFICATE_INVALID"),
    (206, c"TRUST_ROOT_BASE64_INVALID"),
    (207, c"TRUST_ROOT_NAME_UNKNOWN"),
    (208, c"TRUST_ROOT_WITNESS_CONFIG_INVALID"),
    (300, c"KEY_UNSUPPORTED"),
    (301, c"KEY_INVALID"),
    (302, c"KEY_ALGORITHM_NOT_BUILT"),
    (400, c"CERT_CHAIN_UNTRUSTED"),
    (401, c"CERT_NOT_VALID_AT_SIGNING_TIME"),
    (402, c"CERT_IS_CA"),
    (403, c"CERT_KEY_USAGE_INVALID"),
    (404, c"CERT_EXTENDED_KEY_USAGE_INVALID"),
    (405, c"CERT_EXTENSION_INVALID"),
    (406, c"CERT_IDENTITY_MISSING"),
    (407, c"CERT_ISSUER_MISSING"),
    (408, c"CERT_ISSUER_CONFLICT"),
    (409, c"CERT_CRITICAL_EXTENSION_UNKNOWN"),
    (410, c"CERT_IS_PRECERTIFICATE"),
    (411, c"CERT_EXTENSION_DUPLICATE"),
    (412, c"CERT_SIGNATURE_ALGORITHM_MISMATCH"),
    (500, c"SCT_MISSING"),
    (501, c"SCT_LIST_INVALID"),
    (502, c"SCT_LOG_UNKNOWN"),
    (503, c"SCT_SIGNATURE_INVALID"),
    (504, c"SCT_LOG_NOT_VALID_AT_TIME"),
    (600, c"TLOG_KEY_UNKNOWN"),
    (601, c"TLOG_BODY_INVALID"),
    (602, c"TLOG_BODY_MISMATCH"),
    (603, c"TLOG_KIND_UNSUPPORTED"),
    (604, c"TLOG_INCLUSION_PROMISE_INVALID"),
    (605, c"TLOG_INCLUSION_PROOF_INVALID"),
    (606, c"TLOG_CHECKPOINT_INVALID"),
    (607, c"TLOG_CHECKPOINT_SIGNATURE_MISSING"),
    (608, c"TLOG_CHECKPOINT_SIGNATURE_INVALID"),
    (609, c"TLOG_CHECKPOINT_ROOT_MISMATCH"),
    (615, c"TLOG_CHECKPOINT_ORIGIN_MISMATCH"),
    (610, c"TLOG_INTEGRATED_TIME_IN_FUTURE"),
    (611, c"TLOG_KEY_NOT_VALID_AT_TIME"),
    (612, c"TLOG_ENTRY_UNVERIFIABLE"),
    (613, c"TLOG_ENTRY_DUPLICATE"),
    (614, c"TLOG_LOG_INDEX_MISMATCH"),
    (700, c"TIMESTAMP_INVALID"),
    (701, c"TIMESTAMP_IMPRINT_MISMATCH"),
    (702, c"TIMESTAMP_SIGNED_ATTRIBUTES_INVALID"),
    (703, c"TIMESTAMP_SIGNATURE_INVALID"),
    (704, c"TIMESTAMP_CHAIN_UNTRUSTED"),
    (705, c"TIMESTAMP_TSA_NOT_VALID_AT_TIME"),
    (707, c"TIMESTAMP_DUPLICATE"),
    (706, c"TIMESTAMP_CERT_NOT_VALID_AT_TIME"),
    (708, c"TIMESTAMP_SIGNER_INVALID"),
    (709, c"TIMESTAMP_NOT_BUILT"),
    (800, c"DSSE_SIGNATURE_INVALID"),
    (801, c"DSSE_PAYLOAD_TYPE_UNSUPPORTED"),
    (802, c"DSSE_STATEMENT_INVALID"),
    (803, c"DSSE_SUBJECT_MISMATCH"),
    (804, c"DSSE_PREDICATE_TYPE_MISMATCH"),
    (805, c"DSSE_ENVELOPE_MISSING"),
    (900, c"SIGNATURE_INVALID"),
    (901, c"SIGNATURE_DIGEST_MISMATCH"),
    (902, c"ARTIFACT_DIGEST_INSUFFICIENT"),
    (903, c"ARTIFACT_REQUIRED"),
    (1000, c"POLICY_IDENTITY_MISMATCH"),
    (1001, c"POLICY_ISSUER_MISMATCH"),
    (1002, c"POLICY_MATERIAL_MISMATCH"),
    (1003, c"POLICY_KEY_INVALID"),
    (1004, c"POLICY_EXTENSION_MISMATCH"),
    (1005, c"POLICY_ANY_OF_EMPTY"),
    (1006, c"POLICY_CONDITION_INVALID"),
    (1007, c"POLICY_ALL_OF_EMPTY"),
    (1008, c"POLICY_VALUE_EMPTY"),
    (1009, c"POLICY_PATTERN_INVALID"),
    (1010, c"POLICY_KEY_VALIDITY_INVALID"),
    (1011, c"POLICY_KEY_NOT_VALID_AT_SIGNING_TIME"),
    (1012, c"POLICY_KEY_NOT_VALID_NOW"),
    (1100, c"TLOG_THRESHOLD_NOT_MET"),
    (1102, c"TIMESTAMP_THRESHOLD_NOT_MET"),
    (1101, c"TIME_THRESHOLD_NOT_MET"),
    (1103, c"SCT_THRESHOLD_NOT_MET"),
    (1104, c"TIME_THRESHOLD_ZERO_NOT_ALLOWED"),
    (1200, c"LIMIT_EXCEEDED"),
    (1300, c"TUF_METADATA_INVALID"),
    (1301, c"TUF_JSON_DUPLICATE_KEY"),
    (1302, c"TUF_JSON_NOT_CANONICAL"),
    (1303, c"TUF_TYPE_MISMATCH"),
    (1304, c"TUF_SPEC_VERSION_UNSUPPORTED"),
    (1305, c"TUF_THRESHOLD_NOT_MET"),
    (1306, c"TUF_ROOT_NOT_SIGNED_BY_PREVIOUS"),
    (1307, c"TUF_ROOT_VERSION_NOT_NEXT"),
    (1308, c"TUF_METADATA_EXPIRED"),
    (1309, c"TUF_ROLLBACK"),
    (1310, c"TUF_VERSION_MISMATCH"),
    (1311, c"TUF_METADATA_LENGTH_MISMATCH"),
    (1312, c"TUF_METADATA_HASH_MISMATCH"),
    (1313, c"TUF_HASH_ALGORITHM_UNKNOWN"),
    (1314, c"TUF_META_MISSING"),
    (1315, c"TUF_TARGET_UNKNOWN"),
    (1316, c"TUF_TARGET_LENGTH_MISMATCH"),
    (1317, c"TUF_TARGET_HASH_MISMATCH"),
    (1318, c"TUF_TARGET_MISSING"),
    (1319, c"TUF_STATE_INVALID"),
    (1320, c"TUF_SIGNATURE_KEYID_REPEATED"),
    (1321, c"TUF_STATE_NOT_FROM_ANCHOR"),
    (1322, c"TUF_TIMESTAMP_CHANGED"),
    (1400, c"PYPI_ATTESTATION_INVALID"),
    (1401, c"PYPI_PROVENANCE_INVALID"),
    (1402, c"PYPI_PUBLISHER_UNKNOWN"),
    (1403, c"PYPI_PUBLISHER_MISMATCH"),
    (1404, c"PYPI_DISTRIBUTION_NAME_INVALID"),
    (1405, c"PYPI_SUBJECT_COUNT"),
    (1406, c"PYPI_DISTRIBUTION_NAME_MISMATCH"),
    (1407, c"PYPI_DISTRIBUTION_DIGEST_MISMATCH"),
    (1408, c"PYPI_PREDICATE_TYPE_UNKNOWN"),
    (1409, c"PYPI_PROVENANCE_EMPTY"),
    (1500, c"RELEASE_POLICY_INVALID"),
    (1501, c"RELEASE_PREDICATE_INVALID"),
    (1502, c"RELEASE_REPOSITORY_MISMATCH"),
    (1503, c"RELEASE_TAG_MISMATCH"),
    (1504, c"RELEASE_TAG_DIGEST_MISMATCH"),
    (1505, c"RELEASE_ASSET_NOT_ATTESTED"),
    (1600, c"NPM_KEYS_INVALID"),
    (1601, c"NPM_PACKAGE_INVALID"),
    (1602, c"NPM_SIGNATURE_MISSING"),
    (1603, c"NPM_SIGNATURE_KEY_UNKNOWN"),
    (1604, c"NPM_SIGNATURE_KEY_EXPIRED"),
    (1605, c"NPM_SIGNATURE_INVALID"),
    (1606, c"NPM_INTEGRITY_MISMATCH"),
    (1607, c"NPM_ATTESTATIONS_MISSING"),
    (1608, c"NPM_ATTESTATION_KEY_UNKNOWN"),
    (1609, c"NPM_SUBJECT_NAME_MISMATCH"),
    (1610, c"NPM_SUBJECT_DIGEST_MISMATCH"),
    (1700, c"WITNESS_POLICY_INVALID"),
    (1701, c"WITNESS_POLICY_DUPLICATE_KEY"),
    (1702, c"WITNESS_KEY_UNSUPPORTED"),
    (1703, c"WITNESS_COSIGNATURE_INVALID"),
    (1704, c"WITNESS_COSIGNATURE_IN_FUTURE"),
    (1705, c"WITNESS_QUORUM_NOT_MET"),
    (1706, c"WITNESS_CHECKPOINT_MISSING"),
    (1707, c"WITNESS_LOG_UNLISTED"),
    (1708, c"LOG_STATE_INVALID"),
    (1709, c"LOG_CONSISTENCY_PROOF_MISSING"),
    (1710, c"LOG_CONSISTENCY_PROOF_INVALID"),
    (1711, c"LOG_SPLIT_VIEW"),
    (1712, c"LOG_CONSISTENCY_PROOF_MALFORMED"),
    (1713, c"TLOG_PROOF_INVALID"),
    (1714, c"TLOG_PROOF_UNMATCHED"),
    (1800, c"FIRMWARE_STATEMENT_INVALID"),
    (1801, c"FIRMWARE_VENDOR_MISMATCH"),
    (1802, c"FIRMWARE_CLASS_MISMATCH"),
    (1803, c"FIRMWARE_HARDWARE_UNSUPPORTED"),
    (1804, c"FIRMWARE_VERSION_NOT_NEWER"),
    (1805, c"FIRMWARE_POLICY_INVALID"),
];
