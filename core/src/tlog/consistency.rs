//! RFC 9162 §2.1.4 consistency proofs: that the tree of `old_size` leaves with root `old_root`
//! is a prefix of the tree of `new_size` leaves with root `new_root`.

use alloc::vec::Vec;

use crate::limits;
use crate::tlog::merkle::node_hash;

/// Whether `proof` shows the older tree to be a prefix of the newer one (RFC 9162 §2.1.4.2).
///
/// Trees of equal size are consistent only with an empty proof and equal roots; the empty
/// tree is a prefix of every tree, with an empty proof; a newer tree smaller than the older
/// one, a hash that is not 32 bytes or more than [`limits::MAX_PROOF_HASHES`] hashes never
/// verify.
pub(crate) fn verify(
    old_size: u64,
    old_root: &[u8],
    new_size: u64,
    new_root: &[u8],
    proof: &[Vec<u8>],
) -> bool {
    if old_size > new_size || proof.len() > limits::MAX_PROOF_HASHES {
        return false;
    }
    if old_size == new_size {
        return proof.is_empty() && old_root == new_root;
    }
    if old_size == 0 {
        return proof.is_empty();
    }
    if proof.iter().any(|h| h.len() != 32) {
        return false;
    }
    let Some((first, rest)) = proof.split_first() else {
        return false;
    };
    // Step 2: when the old tree is a complete subtree, its root is the path's first node.
    let (start, rest): (&[u8], &[Vec<u8>]) = if old_size.is_power_of_two() {
        (old_root, proof)
    } else {
        (first, rest)
    };
    let mut f_n = old_size - 1;
    let mut s_n = new_size - 1;
    while f_n & 1 == 1 {
        f_n >>= 1;
        s_n >>= 1;
    }
    let Ok(start) = <[u8; 32]>::try_from(start) else {
        return false;
    };
    let mut f_r = start;
    let mut s_r = start;
    for c in rest {
        if s_n == 0 {
            return false;
        }
        if f_n & 1 == 1 || f_n == s_n {
            f_r = node_hash(c, &f_r);
            s_r = node_hash(c, &s_r);
            while f_n & 1 == 0 && f_n != 0 {
                f_n >>= 1;
                s_n >>= 1;
            }
        } else {
            s_r = node_hash(&s_r, c);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    s_n == 0 && f_r.as_slice() == old_root && s_r.as_slice() == new_root
}

#[cfg(test)]
mod tests {
    use alloc::vec;
    use alloc::vec::Vec;

    use super::*;
    use crate::tlog::merkle::leaf_hash;

    fn root(leaves: &[[u8; 32]]) -> [u8; 32] {
        crate::testing::merkle::mth(leaves)
    }

    fn proof_of(m: usize, leaves: &[[u8; 32]]) -> Vec<Vec<u8>> {
        crate::testing::merkle::consistency_proof(m, leaves)
            .iter()
            .map(|h| h.to_vec())
            .collect()
    }

    fn leaves(n: usize) -> Vec<[u8; 32]> {
        (0..n).map(|i| leaf_hash(&i.to_be_bytes())).collect()
    }

    fn size(n: usize) -> u64 {
        u64::try_from(n).unwrap()
    }

    #[test]
    fn every_prefix_of_every_small_tree_is_consistent() {
        for n in 1..=20usize {
            let all = leaves(n);
            let new_root = root(&all);
            for m in 1..n {
                let old_root = root(&all[..m]);
                let proof = proof_of(m, &all);
                assert!(
                    verify(size(m), &old_root, size(n), &new_root, &proof),
                    "{m} -> {n}"
                );
                // Every single-bit change, a dropped or an added hash, and the wrong sizes fail.
                for i in 0..proof.len() {
                    let mut bad = proof.clone();
                    bad[i][7] ^= 0x10;
                    assert!(!verify(size(m), &old_root, size(n), &new_root, &bad));
                }
                let mut short = proof.clone();
                short.pop();
                assert!(!verify(size(m), &old_root, size(n), &new_root, &short));
                let mut long = proof.clone();
                long.push(vec![0; 32]);
                assert!(!verify(size(m), &old_root, size(n), &new_root, &long));
                assert!(!verify(size(m), &new_root, size(n), &new_root, &proof));
                assert!(!verify(size(m), &old_root, size(n), &old_root, &proof));
                assert!(!verify(size(m) + 1, &old_root, size(n), &new_root, &proof));
                // A newer size is not always bound by the hashes alone (2 -> 3 and 2 -> 4 can
                // share a proof whose last node is opaque): the sizes come from the two
                // signed checkpoints, never from the proof.
            }
        }
    }

    #[test]
    fn a_forked_tree_is_not_consistent() {
        let all = leaves(11);
        let mut forked = all.clone();
        forked[3] = leaf_hash(b"rewritten");
        let proof = proof_of(6, &all);
        assert!(verify(6, &root(&all[..6]), 11, &root(&all), &proof));
        assert!(!verify(6, &root(&forked[..6]), 11, &root(&all), &proof));
        let forked_proof = proof_of(6, &forked);
        assert!(!verify(
            6,
            &root(&all[..6]),
            11,
            &root(&forked),
            &forked_proof
        ));
    }

    #[test]
    fn edge_sizes() {
        let all = leaves(4);
        let r = root(&all);
        assert!(verify(4, &r, 4, &r, &[]));
        assert!(!verify(4, &r, 4, &[0; 32], &[]));
        assert!(!verify(4, &r, 4, &r, &[vec![0; 32]]));
        assert!(verify(0, &[], 4, &r, &[]));
        assert!(!verify(0, &[], 4, &r, &[r.to_vec()]));
        assert!(!verify(4, &r, 3, &r, &[]));
        assert!(!verify(2, &root(&all[..2]), 4, &r, &[]));
        assert!(!verify(3, &root(&all[..3]), 4, &r, &[vec![0; 31]]));
        let too_long = vec![vec![0; 32]; limits::MAX_PROOF_HASHES + 1];
        assert!(!verify(3, &root(&all[..3]), 4, &r, &too_long));
    }
}
