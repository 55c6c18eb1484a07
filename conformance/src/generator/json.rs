//! JSON text with sorted keys, whatever map order serde_json was built with, so generated files
//! are identical on every build.

use serde_json::Value;

/// Compact form (keys sorted, no spaces): the canonical form Rekor logs bodies in.
pub fn compact(v: &Value) -> String {
    let mut out = String::new();
    write(&mut out, v, None);
    out
}

/// Indented form (two spaces, keys sorted), ending with a newline.
pub fn pretty(v: &Value) -> String {
    let mut out = indented(v, "  ");
    out.push('\n');
    out
}

/// Indented by `unit` per level, keys sorted, `": "` after keys, no final newline: with one
/// space, Python's `json.dumps(indent=1, sort_keys=True)`, as Sigstore's TUF repositories print
/// metadata.
pub fn indented(v: &Value, unit: &str) -> String {
    let mut out = String::new();
    write(&mut out, v, Some((unit, 0)));
    out
}

/// `indent`: the unit and the current level, or `None` for the compact form.
fn write(out: &mut String, v: &Value, indent: Option<(&str, usize)>) {
    let newline = |out: &mut String, level: usize| {
        if let Some((unit, _)) = indent {
            out.push('\n');
            out.push_str(&unit.repeat(level));
        }
    };
    let level = indent.map_or(0, |(_, level)| level);
    let inner = indent.map(|(unit, level)| (unit, level + 1));
    match v {
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, level + 1);
                write(out, item, inner);
            }
            newline(out, level);
            out.push(']');
        }
        Value::Object(map) if !map.is_empty() => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, level + 1);
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                if let Some(value) = map.get(key) {
                    write(out, value, inner);
                }
            }
            newline(out, level);
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}
