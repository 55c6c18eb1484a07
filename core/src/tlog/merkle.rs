//! RFC 6962 / RFC 9162 Merkle tree hashing and inclusion-proof verification.

use crate::digest::sha256;

/// RFC 6962 §2.1: a leaf hash is SHA-256(0x00 || entry).
pub(crate) fn leaf_hash(entry: &[u8]) -> [u8; 32] {
    sha256(&[&[0x00], entry])
}

pub(crate) fn node_hash(left: &[u8], right: &[u8]) -> [u8; 32] {
    sha256(&[&[0x01], left, right])
}

/// RFC 9162 §2.1.3.2: recomputes the root from a leaf hash and its audit path. `None` when
/// the path has the wrong length for `index`/`size` or a hash is not 32 bytes.
pub(crate) fn root_from_inclusion_proof(
    index: u64,
    size: u64,
    leaf: [u8; 32],
    proof: &[alloc::vec::Vec<u8>],
) -> Option<[u8; 32]> {
    if index >= size {
        return None;
    }
    let mut f_n = index;
    let mut s_n = size - 1;
    let mut r = leaf;
    for p in proof {
        if p.len() != 32 || s_n == 0 {
            return None;
        }
        if f_n & 1 == 1 || f_n == s_n {
            r = node_hash(p, &r);
            while f_n & 1 == 0 && f_n != 0 {
                f_n >>= 1;
                s_n >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    (s_n == 0).then_some(r)
}

#[cfg(test)]
mod tests {
    use alloc::vec;
    use alloc::vec::Vec;

    use super::*;

    /// Reference root of leaves[lo..hi] by the RFC 6962 §2.1 recursive definition.
    fn root(leaves: &[[u8; 32]]) -> [u8; 32] {
        if leaves.len() == 1 {
            return leaves[0];
        }
        let k = leaves.len().next_power_of_two() / 2;
        node_hash(&root(&leaves[..k]), &root(&leaves[k..]))
    }

    fn path(leaves: &[[u8; 32]], m: usize) -> Vec<Vec<u8>> {
        if leaves.len() == 1 {
            return vec![];
        }
        let k = leaves.len().next_power_of_two() / 2;
        if m < k {
            let mut p = path(&leaves[..k], m);
            p.push(root(&leaves[k..]).to_vec());
            p
        } else {
            let mut p = path(&leaves[k..], m - k);
            p.push(root(&leaves[..k]).to_vec());
            p
        }
    }

    #[test]
    fn every_leaf_of_every_small_tree_verifies() {
        for size in 1..=17usize {
            let leaves: Vec<[u8; 32]> = (0..size)
                .map(|i| leaf_hash(&[u8::try_from(i).unwrap()]))
                .collect();
            let want = root(&leaves);
            for m in 0..size {
                let p = path(&leaves, m);
                let (i, s) = (u64::try_from(m).unwrap(), u64::try_from(size).unwrap());
                assert_eq!(
                    root_from_inclusion_proof(i, s, leaves[m], &p),
                    Some(want),
                    "{m}/{size}"
                );
                if let Some(first) = p.first() {
                    let mut bad = p.clone();
                    bad[0][0] ^= 1;
                    assert_ne!(root_from_inclusion_proof(i, s, leaves[m], &bad), Some(want));
                    assert_ne!(first.len(), 0);
                    let mut short = p.clone();
                    short.pop();
                    assert_ne!(
                        root_from_inclusion_proof(i, s, leaves[m], &short),
                        Some(want)
                    );
                }
                let mut long = p.clone();
                long.push(vec![0; 32]);
                assert_eq!(root_from_inclusion_proof(i, s, leaves[m], &long), None);
            }
        }
    }

    #[test]
    fn index_must_be_inside_the_tree() {
        assert_eq!(root_from_inclusion_proof(1, 1, [0; 32], &[]), None);
        assert_eq!(root_from_inclusion_proof(0, 0, [0; 32], &[]), None);
        assert_eq!(
            root_from_inclusion_proof(0, 2, [0; 32], &[vec![0; 31]]),
            None
        );
    }
}
