//! TUF metadata as a JSON tree that keeps exactly what was signed, and its canonical form.
//!
//! TUF signs the canonical JSON of `signed` (securesystemslib's rules), not the bytes on the
//! wire: Sigstore's files are pretty-printed. So the reader keeps every value, and
//! [`Value::write_canonical`] renders it again: object keys sorted by code point (UTF-8 byte
//! order), no whitespace, strings escaped only for `\` and `"`, integers in plain decimal.
//!
//! Stricter than Python's `json` where a lax reading would let two readers disagree on what
//! was signed: a duplicate object key, a non-integer number (securesystemslib cannot
//! canonicalize floats) and a lone UTF-16 surrogate are refused.

use alloc::string::String;
use alloc::vec::Vec;

/// Why the bytes are not a TUF JSON document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum JsonError {
    /// Not JSON (RFC 8259), or trailing data.
    Syntax,
    /// An object names the same key twice.
    DuplicateKey,
    /// A value with no canonical form: a fraction or exponent, or a lone surrogate.
    NotCanonical,
    /// Nested deeper than [`crate::limits::MAX_JSON_DEPTH`].
    TooDeep,
}

/// One JSON value. Integers keep their normalized decimal text, so any size round-trips as
/// Python's integers do; the metadata reader converts the ones it needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Integer(String),
    String(String),
    Array(Vec<Value>),
    /// Members sorted by key bytes, keys unique.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Parses one JSON document, refusing what has no single canonical reading.
    pub(crate) fn parse(input: &[u8], max_depth: usize) -> Result<Self, JsonError> {
        let mut p = Parser {
            input,
            at: 0,
            max_depth,
        };
        p.skip_ws();
        let v = p.value(0)?;
        p.skip_ws();
        if p.at != input.len() {
            return Err(JsonError::Syntax);
        }
        Ok(v)
    }

    /// The member `key` of an object; `None` for a missing key or a non-object.
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Self::Object(members) => members
                .binary_search_by(|(k, _)| k.as_str().cmp(key))
                .ok()
                .and_then(|i| members.get(i))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// Appends the canonical JSON of this value to `out`.
    pub(crate) fn write_canonical(&self, out: &mut Vec<u8>) {
        match self {
            Self::Null => out.extend_from_slice(b"null"),
            Self::Bool(true) => out.extend_from_slice(b"true"),
            Self::Bool(false) => out.extend_from_slice(b"false"),
            Self::Integer(digits) => out.extend_from_slice(digits.as_bytes()),
            Self::String(s) => write_string(s, out),
            Self::Array(items) => {
                out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    item.write_canonical(out);
                }
                out.push(b']');
            }
            Self::Object(members) => {
                out.push(b'{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    write_string(k, out);
                    out.push(b':');
                    v.write_canonical(out);
                }
                out.push(b'}');
            }
        }
    }
}

fn write_string(s: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    for b in s.bytes() {
        if b == b'"' || b == b'\\' {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b'"');
}

struct Parser<'a> {
    input: &'a [u8],
    at: usize,
    max_depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.input.get(self.at).copied()
    }

    fn next(&mut self) -> Result<u8, JsonError> {
        let b = self.peek().ok_or(JsonError::Syntax)?;
        self.at += 1;
        Ok(b)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, literal: &[u8]) -> Result<(), JsonError> {
        let end = self
            .at
            .checked_add(literal.len())
            .ok_or(JsonError::Syntax)?;
        if self.input.get(self.at..end) != Some(literal) {
            return Err(JsonError::Syntax);
        }
        self.at = end;
        Ok(())
    }

    fn value(&mut self, depth: usize) -> Result<Value, JsonError> {
        match self.peek().ok_or(JsonError::Syntax)? {
            b'n' => self.expect(b"null").map(|()| Value::Null),
            b't' => self.expect(b"true").map(|()| Value::Bool(true)),
            b'f' => self.expect(b"false").map(|()| Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'[' => self.array(depth + 1),
            b'{' => self.object(depth + 1),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(JsonError::Syntax),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, JsonError> {
        if depth > self.max_depth {
            return Err(JsonError::TooDeep);
        }
        self.at += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.next()? {
                b',' => {}
                b']' => return Ok(Value::Array(items)),
                _ => return Err(JsonError::Syntax),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, JsonError> {
        if depth > self.max_depth {
            return Err(JsonError::TooDeep);
        }
        self.at += 1;
        let mut members: Vec<(String, Value)> = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(JsonError::Syntax);
            }
            let key = self.string()?;
            self.skip_ws();
            if self.next()? != b':' {
                return Err(JsonError::Syntax);
            }
            self.skip_ws();
            let value = self.value(depth)?;
            match members.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
                Ok(_) => return Err(JsonError::DuplicateKey),
                Err(i) => members.insert(i, (key, value)),
            }
            self.skip_ws();
            match self.next()? {
                b',' => {}
                b'}' => return Ok(Value::Object(members)),
                _ => return Err(JsonError::Syntax),
            }
        }
    }

    /// An integer in JSON's grammar. `-0` reads as `0`, as Python's `int` does.
    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let digits_start = self.at;
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                while matches!(self.peek(), Some(b'0'..=b'9')) {
                    self.at += 1;
                }
            }
            _ => return Err(JsonError::Syntax),
        }
        if matches!(self.peek(), Some(b'.' | b'e' | b'E')) {
            return Err(JsonError::NotCanonical);
        }
        let digits = self
            .input
            .get(digits_start..self.at)
            .ok_or(JsonError::Syntax)?;
        let text = core::str::from_utf8(digits).map_err(|_| JsonError::Syntax)?;
        if digits == b"0" {
            return Ok(Value::Integer(String::from("0")));
        }
        let mut out = String::with_capacity(self.at - start);
        if negative {
            out.push('-');
        }
        out.push_str(text);
        Ok(Value::Integer(out))
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let b = self.next()?;
            match b {
                b'"' => break,
                b'\\' => self.escape(&mut out)?,
                0x00..=0x1f => return Err(JsonError::Syntax),
                _ => out.push(b),
            }
        }
        String::from_utf8(out).map_err(|_| JsonError::Syntax)
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), JsonError> {
        let c = match self.next()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                let code = if (0xd800..0xdc00).contains(&hi) {
                    if self.next()? != b'\\' || self.next()? != b'u' {
                        return Err(JsonError::NotCanonical);
                    }
                    let lo = self.hex4()?;
                    if !(0xdc00..0xe000).contains(&lo) {
                        return Err(JsonError::NotCanonical);
                    }
                    0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                } else if (0xdc00..0xe000).contains(&hi) {
                    return Err(JsonError::NotCanonical);
                } else {
                    hi
                };
                char::from_u32(code).ok_or(JsonError::NotCanonical)?
            }
            _ => return Err(JsonError::Syntax),
        };
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = char::from(self.next()?)
                .to_digit(16)
                .ok_or(JsonError::Syntax)?;
            v = (v << 4) | d;
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical(s: &str) -> Result<String, JsonError> {
        let v = Value::parse(s.as_bytes(), 8)?;
        let mut out = Vec::new();
        v.write_canonical(&mut out);
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn canonical_form_sorts_keys_and_drops_whitespace() {
        assert_eq!(
            canonical(
                "{ \"b\" : [1, -0, true, null],\n \"a\": {\"z\": \"x\", \"\u{e9}\": 1, \"A\": 2} }"
            )
            .unwrap(),
            "{\"a\":{\"A\":2,\"z\":\"x\",\"\u{e9}\":1},\"b\":[1,0,true,null]}"
        );
    }

    #[test]
    fn canonical_strings_escape_only_quote_and_backslash() {
        assert_eq!(
            canonical(r#""a\"b\\c\n\u00e9\/""#).unwrap(),
            "\"a\\\"b\\\\c\n\u{e9}/\""
        );
        assert_eq!(canonical(r#""\ud83d\ude00""#).unwrap(), "\"\u{1f600}\"");
    }

    #[test]
    fn big_integers_round_trip_as_text() {
        assert_eq!(
            canonical("123456789012345678901234567890").unwrap(),
            "123456789012345678901234567890"
        );
    }

    #[test]
    fn what_has_no_single_reading_is_refused() {
        assert_eq!(canonical(r#"{"a":1,"a":1}"#), Err(JsonError::DuplicateKey));
        assert_eq!(canonical("1.0"), Err(JsonError::NotCanonical));
        assert_eq!(canonical("1e3"), Err(JsonError::NotCanonical));
        assert_eq!(canonical(r#""\ud800""#), Err(JsonError::NotCanonical));
        assert_eq!(canonical(r#""\udc00x""#), Err(JsonError::NotCanonical));
        assert_eq!(canonical("01"), Err(JsonError::Syntax));
        assert_eq!(canonical("{} x"), Err(JsonError::Syntax));
        assert_eq!(canonical("\"a\u{1}\""), Err(JsonError::Syntax));
        assert_eq!(canonical("[1,]"), Err(JsonError::Syntax));
        assert_eq!(canonical("\"\\x\""), Err(JsonError::Syntax));
        assert_eq!(canonical(""), Err(JsonError::Syntax));
        assert_eq!(canonical("-"), Err(JsonError::Syntax));
    }

    #[test]
    fn depth_is_bounded_at_the_limit() {
        let at = "[".repeat(8) + &"]".repeat(8);
        let past = "[".repeat(9) + &"]".repeat(9);
        assert!(Value::parse(at.as_bytes(), 8).is_ok());
        assert_eq!(Value::parse(past.as_bytes(), 8), Err(JsonError::TooDeep));
    }

    #[test]
    fn get_finds_members_of_objects_only() {
        let v = Value::parse(br#"{"b":1,"a":"x"}"#, 4).unwrap();
        assert_eq!(v.get("a"), Some(&Value::String("x".into())));
        assert_eq!(v.get("c"), None);
        assert_eq!(Value::Null.get("a"), None);
    }
}
