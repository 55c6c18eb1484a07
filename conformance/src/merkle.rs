//! RFC 6962 / RFC 9162 Merkle trees built the long way, by their recursive definitions: the
//! generator's logs and the core's unit tests use them as the reference the core's iterative
//! verifiers are checked against.

use sha2::Digest;

fn sha256(data: &[u8]) -> [u8; 32] {
    sha2::Sha256::digest(data).into()
}

/// The leaf hash of an entry: SHA-256(0x00 || entry).
pub fn leaf(entry: &[u8]) -> [u8; 32] {
    sha256(&[&[0u8][..], entry].concat())
}

/// An interior node: SHA-256(0x01 || left || right).
pub fn node(l: &[u8], r: &[u8]) -> [u8; 32] {
    sha256(&[&[1u8][..], l, r].concat())
}

/// The largest power of two smaller than `n` (RFC 6962's `k`).
fn split(n: usize) -> usize {
    let mut k = 1;
    while k * 2 < n {
        k *= 2;
    }
    k
}

/// The Merkle tree hash of `leaves` (leaf hashes).
pub fn mth(leaves: &[[u8; 32]]) -> [u8; 32] {
    match leaves {
        [] => sha256(&[]),
        [one] => *one,
        _ => {
            let (l, r) = leaves.split_at(split(leaves.len()));
            node(&mth(l), &mth(r))
        }
    }
}

/// The audit path of leaf `m`, leaf-side first (RFC 6962 §2.1.1).
pub fn audit_path(m: usize, leaves: &[[u8; 32]]) -> Vec<[u8; 32]> {
    if leaves.len() <= 1 {
        return Vec::new();
    }
    let k = split(leaves.len());
    let (l, r) = leaves.split_at(k);
    let (mut p, other) = if m < k {
        (audit_path(m, l), mth(r))
    } else {
        (audit_path(m - k, r), mth(l))
    };
    p.push(other);
    p
}

/// The consistency proof from the first `m` leaves to all of `leaves` (RFC 6962 §2.1.2
/// `PROOF(m, D[n])`); empty when `m` is 0 or the whole tree.
pub fn consistency_proof(m: usize, leaves: &[[u8; 32]]) -> Vec<[u8; 32]> {
    if m == 0 || m >= leaves.len() {
        return Vec::new();
    }
    subproof(m, leaves, true)
}

fn subproof(m: usize, leaves: &[[u8; 32]], complete: bool) -> Vec<[u8; 32]> {
    if m == leaves.len() {
        return if complete {
            Vec::new()
        } else {
            vec![mth(leaves)]
        };
    }
    let k = split(leaves.len());
    let (l, r) = leaves.split_at(k);
    let (mut p, other) = if m <= k {
        (subproof(m, l, complete), mth(r))
    } else {
        (subproof(m - k, r, false), mth(l))
    };
    p.push(other);
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_paths_lead_to_the_root() {
        let leaves: Vec<[u8; 32]> = (0u8..13).map(|i| leaf(&[i])).collect();
        let root = mth(&leaves);
        for m in 0..leaves.len() {
            let mut fn_ = m;
            let mut sn = leaves.len() - 1;
            let mut r = leaves[m];
            for p in audit_path(m, &leaves) {
                if fn_ & 1 == 1 || fn_ == sn {
                    r = node(&p, &r);
                    while fn_ & 1 == 0 && fn_ != 0 {
                        fn_ >>= 1;
                        sn >>= 1;
                    }
                } else {
                    r = node(&r, &p);
                }
                fn_ >>= 1;
                sn >>= 1;
            }
            assert_eq!(r, root, "leaf {m}");
        }
    }
}
