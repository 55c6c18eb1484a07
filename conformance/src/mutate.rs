//! Seeded, structure-aware mutations of bundle JSON, for the no-panic / no-false-accept test.
//!
//! Each mutation changes one thing: a bit inside a base64 field (decoded, flipped, re-encoded,
//! so the bundle still parses and the change reaches the cryptography), a string, a number, a
//! removed key, a duplicated or removed array element, or one raw byte of the document.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::Value;

/// Where mutation choices come from: a seeded generator (tests) or fuzzer input (fuzz targets).
pub trait Entropy {
    /// The next 64 bits of choice.
    fn next_u64(&mut self) -> u64;

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        let n64 = u64::try_from(n.max(1)).unwrap_or(u64::MAX);
        usize::try_from(self.next_u64() % n64).unwrap_or(0)
    }
}

/// Choices read from fuzzer input, 8 bytes at a time; zeros once it is used up.
#[derive(Clone, Debug)]
pub struct Bytes<'a>(pub &'a [u8]);

impl Entropy for Bytes<'_> {
    fn next_u64(&mut self) -> u64 {
        let (head, rest) = self.0.split_at(self.0.len().min(8));
        self.0 = rest;
        let mut word = [0u8; 8];
        word.iter_mut().zip(head).for_each(|(w, h)| *w = *h);
        u64::from_le_bytes(word)
    }
}

/// A small deterministic generator (SplitMix64), so every run mutates the same way.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }
}

impl Entropy for Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// One applied mutation: where, and what.
#[derive(Clone, Debug)]
pub struct Mutation {
    /// JSON path of the changed value (or `<bytes>` for a raw byte change).
    pub path: String,
    /// What was done.
    pub what: &'static str,
    /// The mutated document.
    pub json: Vec<u8>,
}

/// Applies one random mutation to `doc` (a parsed bundle) and returns it, or `None` when the
/// chosen change is a no-op (the caller draws again).
pub fn mutate(original: &[u8], doc: &Value, rng: &mut impl Entropy) -> Option<Mutation> {
    if rng.below(10) == 0 {
        let mut bytes = original.to_vec();
        let i = rng.below(bytes.len());
        let slot = bytes.get_mut(i)?;
        *slot ^= 1 << rng.below(8);
        return Some(Mutation {
            path: format!("<byte {i}>"),
            what: "flip a raw byte",
            json: bytes,
        });
    }
    let mut doc = doc.clone();
    let mut leaves = Vec::new();
    collect(&doc, String::new(), &mut leaves);
    let path = leaves.get(rng.below(leaves.len()))?.clone();
    let target = pointer_mut(&mut doc, &path)?;
    let what = change(target, rng)?;
    if what == "remove" {
        remove(&mut doc, &path)?;
    }
    Some(Mutation {
        path,
        what,
        json: serde_json::to_vec(&doc).ok()?,
    })
}

fn collect(v: &Value, path: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                collect(
                    child,
                    format!("{path}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                collect(child, format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
    if !path.is_empty() {
        out.push(path);
    }
}

fn pointer_mut<'a>(doc: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    doc.pointer_mut(path)
}

fn remove(doc: &mut Value, path: &str) -> Option<()> {
    let (parent, last) = path.rsplit_once('/')?;
    match doc.pointer_mut(parent)? {
        Value::Object(map) => map
            .remove(&last.replace("~1", "/").replace("~0", "~"))
            .map(|_| ()),
        Value::Array(items) => {
            let i: usize = last.parse().ok()?;
            (i < items.len()).then(|| {
                items.remove(i);
            })
        }
        _ => None,
    }
}

/// Changes `v` in place; returns what was done (`"remove"` asks the caller to delete it).
fn change(v: &mut Value, rng: &mut impl Entropy) -> Option<&'static str> {
    if rng.below(8) == 0 {
        return Some("remove");
    }
    match v {
        Value::String(s) => {
            if let Ok(mut bytes) = STANDARD.decode(s.as_bytes()) {
                if !bytes.is_empty() && rng.below(4) != 0 {
                    let i = rng.below(bytes.len());
                    let slot = bytes.get_mut(i)?;
                    *slot ^= 1 << rng.below(8);
                    *s = STANDARD.encode(&bytes);
                    return Some("flip a bit of a base64 field");
                }
            }
            match rng.below(4) {
                0 if !s.is_empty() => {
                    let mut chars: Vec<char> = s.chars().collect();
                    let i = rng.below(chars.len());
                    let c = chars.get_mut(i)?;
                    *c = if *c == 'a' { 'b' } else { 'a' };
                    *s = chars.into_iter().collect();
                    Some("change a character")
                }
                1 => {
                    s.push('0');
                    Some("append a character")
                }
                2 => {
                    s.clear();
                    Some("empty a string")
                }
                _ => {
                    *s = format!("{}", rng.next_u64() % 1000);
                    Some("replace a string by a number string")
                }
            }
        }
        Value::Number(n) => {
            let x = n.as_i64().unwrap_or(0);
            *v = Value::from(match rng.below(3) {
                0 => x.wrapping_add(1),
                1 => x.wrapping_sub(1),
                _ => -1,
            });
            Some("change a number")
        }
        Value::Array(items) if !items.is_empty() => {
            let i = rng.below(items.len());
            let copy = items.get(i)?.clone();
            items.push(copy);
            Some("duplicate an array element")
        }
        Value::Object(map) => {
            map.insert("unknownField".into(), Value::from(1));
            Some("add an unknown field")
        }
        Value::Bool(b) => {
            *b = !*b;
            Some("negate a boolean")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutations_are_deterministic_and_change_the_document() {
        let doc: Value =
            serde_json::from_str(r#"{"a":"aGVsbG8=","b":[1,2],"c":{"d":"x"}}"#).unwrap();
        let original = serde_json::to_vec(&doc).unwrap();
        let run = |seed| {
            let mut rng = Rng::new(seed);
            (0..50)
                .filter_map(|_| mutate(&original, &doc, &mut rng))
                .map(|m| m.json)
                .collect::<Vec<_>>()
        };
        assert_eq!(run(7), run(7));
        assert!(run(7).iter().all(|m| *m != original));
        assert_ne!(run(7), run(8));
    }
}
