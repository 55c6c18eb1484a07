//! Ordered maps and sets kept as sorted vectors.
//!
//! The core's maps are small and bounded by its limits (TUF keys, metadata entries and
//! targets, a subject's digests, a wheel's tags), and each is built once and then read. A
//! B-tree's code, instantiated for each key and value type, was about 40 KB of the
//! WebAssembly module (bindings-wasm/README.md, "What each part costs"); a sorted vector with
//! binary search does the same work in a fraction of it. Iteration is in key order and
//! `insert` replaces the value of an existing key, as `BTreeMap`'s do.

use alloc::vec::IntoIter;
use alloc::vec::Vec;
use core::borrow::Borrow;
use core::slice::Iter;

/// An ordered map: entries sorted by key, each key once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// An empty map.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// Sets `key` to `value`, returning the value it replaces.
    pub(crate) fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => self
                .entries
                .get_mut(at)
                .map(|entry| core::mem::replace(&mut entry.1, value)),
            Err(at) => {
                // Entries mostly arrive in order (JSON objects the signer wrote sorted), so
                // this is usually a push.
                self.entries.insert(at, (key, value));
                None
            }
        }
    }

    /// The value of `key`.
    pub(crate) fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let at = self.find(key).ok()?;
        self.entries.get(at).map(|(_, v)| v)
    }

    /// Whether `key` is in the map.
    pub(crate) fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }
}

impl<K, V> SortedMap<K, V> {
    /// The entries in key order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(k, _)| k)
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = Self::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl<K, V> IntoIterator for SortedMap<K, V> {
    type Item = (K, V);
    type IntoIter = IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = core::iter::Map<Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

/// An ordered set: values sorted, each once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SortedSet<T> {
    map: SortedMap<T, ()>,
}

impl<T: Ord> SortedSet<T> {
    /// Whether `value` is in the set.
    pub(crate) fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.map.contains_key(value)
    }
}

impl<T> SortedSet<T> {
    /// The values in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &T> {
        self.map.keys()
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Self {
            map: iter.into_iter().map(|v| (v, ())).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use alloc::string::String;

    use super::*;

    #[test]
    fn a_map_keeps_keys_in_order_once_with_the_last_value() {
        let mut m = SortedMap::new();
        assert_eq!(m.iter().count(), 0);
        for (k, v) in [("b", 1), ("a", 2), ("c", 3), ("a", 4)] {
            m.insert(String::from(k), v);
        }
        assert_eq!(m.insert(String::from("c"), 5), Some(3));
        assert_eq!(m.iter().count(), 3);
        assert_eq!(m.get("a"), Some(&4));
        assert_eq!(m.get("d"), None);
        assert!(m.contains_key("b") && !m.contains_key(""));
        let order: Vec<(&str, i32)> = m.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(order, [("a", 4), ("b", 1), ("c", 5)]);
        let by_ref: Vec<&String> = (&m).into_iter().map(|(k, _)| k).collect();
        assert_eq!(by_ref, ["a", "b", "c"]);
        let owned: Vec<(String, i32)> = m.clone().into_iter().collect();
        assert_eq!(owned.len(), 3);
        let collected: SortedMap<&str, i32> = [("z", 1), ("y", 2), ("z", 3)].into_iter().collect();
        assert_eq!(
            collected.iter().collect::<Vec<_>>(),
            [(&"y", &2), (&"z", &3)]
        );
    }

    #[test]
    fn sets_compare_by_their_values_not_their_order_of_arrival() {
        let a: SortedSet<&str> = ["py3", "py2", "py3"].into_iter().collect();
        let b: SortedSet<&str> = ["py2", "py3"].into_iter().collect();
        assert_eq!(a, b);
        assert!(a.contains("py2") && !a.contains("cp311"));
        assert_eq!(a.iter().copied().collect::<Vec<_>>(), ["py2", "py3"]);
    }
}
