//! The core's JSON reader against `serde_json` on the same bytes: both accept or both refuse,
//! and what both accept reads the same (an object's repeated key: the last value, as
//! `serde_json::Value` keeps it). The one written difference: a number outside `f64`'s range
//! (`1e400`), which the core keeps as text and serde_json refuses (conformance/README.md).
#![no_main]

use serde_json::Map;
use serde_json::Value;
use sigverify::fuzzing::JsonValue;

/// serde_json's recursion limit; the core is given the same bound, and inputs near it are
/// left out (the two count the last level differently).
const DEPTH: usize = 128;

fn to_serde(v: &JsonValue) -> Value {
    match v {
        JsonValue::Null => Value::Null,
        JsonValue::Bool(b) => Value::Bool(*b),
        JsonValue::Number(text) => {
            serde_json::from_str(text).expect("a number the core read is a serde_json number")
        }
        JsonValue::Str(s) => Value::String(s.clone()),
        JsonValue::Array(items) => Value::Array(items.iter().map(to_serde).collect()),
        JsonValue::Object(members) => {
            let mut map = Map::new();
            for (k, v) in members {
                map.insert(k.clone(), to_serde(v));
            }
            Value::Object(map)
        }
    }
}

fn nesting(data: &[u8]) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &b in data {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, ..) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b'[' | b'{') => {
                depth += 1;
                max = max.max(depth);
            }
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn out_of_range(text: &str) -> bool {
    text.parse::<f64>().is_ok_and(f64::is_infinite)
}

fn has_huge_number(v: &JsonValue) -> bool {
    match v {
        JsonValue::Number(text) => out_of_range(text),
        JsonValue::Array(items) => items.iter().any(has_huge_number),
        JsonValue::Object(members) => members.iter().any(|(_, v)| has_huge_number(v)),
        _ => false,
    }
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if nesting(data) + 2 >= DEPTH {
        return;
    }
    let ours = sigverify::fuzzing::json(data, DEPTH);
    let theirs = serde_json::from_slice::<Value>(data);
    match (ours, theirs) {
        (Some(ours), Ok(theirs)) => assert_eq!(to_serde(&ours), theirs),
        (None, Err(_)) => {}
        (Some(ours), Err(e)) => {
            assert!(has_huge_number(&ours), "the core reads JSON serde_json refuses: {e}")
        }
        (None, Ok(_)) => panic!("serde_json reads JSON the core refuses"),
    }
});
