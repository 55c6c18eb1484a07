//! The JSON reader (RFC 8259) behind every JSON document the verification reads: bundles,
//! trusted roots, Rekor entry bodies, in-toto statements and TUF metadata.
//!
//! Strict where a lax reading would let two readers disagree: input and strings must be UTF-8,
//! a `\u` escape may not leave a lone UTF-16 surrogate, no trailing data. Strings without
//! escapes borrow from the input; numbers are kept as their text, so no reader here needs
//! floating point (a firmware build carries none of it).

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use super::borrowed::Json;

/// Why the bytes are not one JSON document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ParseError {
    /// Not JSON: a grammar error, invalid UTF-8, or trailing data.
    Syntax,
    /// A `\u` escape for half of a UTF-16 surrogate pair without its other half.
    LoneSurrogate,
    /// Arrays and objects nested deeper than the caller's bound.
    TooDeep,
}

/// Parses one JSON document nested at most `max_depth` arrays/objects deep.
pub(crate) fn parse(input: &[u8], max_depth: usize) -> Result<Json<'_>, ParseError> {
    let mut p = Parser::new(input, max_depth);
    p.skip_ws();
    let v = p.value(0, true)?;
    p.end()?;
    Ok(v)
}

/// Parses a document that must be an object and keeps only the members named in `keep`; the
/// others are checked as JSON but not built, so a large member costs no memory.
pub(crate) fn parse_object_keeping<'a>(
    input: &'a [u8],
    max_depth: usize,
    keep: &[&str],
) -> Result<Json<'a>, ParseError> {
    let mut p = Parser::new(input, max_depth);
    p.skip_ws();
    if p.peek() != Some(b'{') {
        return Err(ParseError::Syntax);
    }
    let v = p.object(1, true, Some(keep))?;
    p.end()?;
    Ok(v)
}

/// An object's members as [`raw_members`] gives them: each key, decoded, with its value's
/// bytes as written.
pub(crate) type RawMembers<'a> = Vec<(Cow<'a, str>, &'a [u8])>;

/// The members of a document that must be an object, each value as the bytes it was written
/// with (checked as JSON, nothing built), in document order, repeated keys as often as they
/// appear. A caller that hands a value on to another reader hands on exactly what was read:
/// no re-serialising that could merge repeated members or change an escape.
pub(crate) fn raw_members(input: &[u8], max_depth: usize) -> Result<RawMembers<'_>, ParseError> {
    let mut p = Parser::new(input, max_depth);
    let mut out = Vec::new();
    p.container(b'{', |p| {
        if p.peek() != Some(b'"') {
            return Err(ParseError::Syntax);
        }
        let key = p.string(true)?;
        p.skip_ws();
        if p.next()? != b':' {
            return Err(ParseError::Syntax);
        }
        p.skip_ws();
        out.push((key, p.raw_value()?));
        Ok(())
    })?;
    Ok(out)
}

/// The elements of a document that must be an array, each as the bytes it was written with.
pub(crate) fn raw_elements(input: &[u8], max_depth: usize) -> Result<Vec<&[u8]>, ParseError> {
    let mut p = Parser::new(input, max_depth);
    let mut out = Vec::new();
    p.container(b'[', |p| {
        out.push(p.raw_value()?);
        Ok(())
    })?;
    Ok(out)
}

struct Parser<'a> {
    input: &'a [u8],
    at: usize,
    max_depth: usize,
}

impl<'a> Parser<'a> {
    fn new(input: &'a [u8], max_depth: usize) -> Self {
        Self {
            input,
            at: 0,
            max_depth,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.input.get(self.at).copied()
    }

    fn next(&mut self) -> Result<u8, ParseError> {
        let b = self.peek().ok_or(ParseError::Syntax)?;
        self.at += 1;
        Ok(b)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn end(&mut self) -> Result<(), ParseError> {
        self.skip_ws();
        if self.at == self.input.len() {
            Ok(())
        } else {
            Err(ParseError::Syntax)
        }
    }

    /// The whole input as one array or object (`open` says which), `item` reading each element
    /// or member after its leading whitespace.
    fn container(
        &mut self,
        open: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), ParseError>,
    ) -> Result<(), ParseError> {
        let close = if open == b'{' { b'}' } else { b']' };
        self.skip_ws();
        if self.next()? != open || self.max_depth == 0 {
            return Err(ParseError::Syntax);
        }
        self.skip_ws();
        if self.peek() == Some(close) {
            self.at += 1;
            return self.end();
        }
        loop {
            self.skip_ws();
            item(self)?;
            self.skip_ws();
            match self.next()? {
                b',' => {}
                b if b == close => return self.end(),
                _ => return Err(ParseError::Syntax),
            }
        }
    }

    /// One value at nesting depth 1, checked, as the bytes it spans.
    fn raw_value(&mut self) -> Result<&'a [u8], ParseError> {
        let start = self.at;
        self.value(1, false)?;
        self.input.get(start..self.at).ok_or(ParseError::Syntax)
    }

    fn literal(&mut self, word: &[u8], value: Json<'a>) -> Result<Json<'a>, ParseError> {
        let end = self.at.saturating_add(word.len());
        if self.input.get(self.at..end) != Some(word) {
            return Err(ParseError::Syntax);
        }
        self.at = end;
        Ok(value)
    }

    /// One value at nesting `depth`; built only when `emit` (else `Null` stands in for it).
    fn value(&mut self, depth: usize, emit: bool) -> Result<Json<'a>, ParseError> {
        match self.peek().ok_or(ParseError::Syntax)? {
            b'n' => self.literal(b"null", Json::Null),
            b't' => self.literal(b"true", Json::Bool(true)),
            b'f' => self.literal(b"false", Json::Bool(false)),
            b'"' => Ok(Json::Str(self.string(emit)?)),
            b'[' => self.array(depth + 1, emit),
            b'{' => self.object(depth + 1, emit, None),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(ParseError::Syntax),
        }
    }

    fn array(&mut self, depth: usize, emit: bool) -> Result<Json<'a>, ParseError> {
        if depth > self.max_depth {
            return Err(ParseError::TooDeep);
        }
        self.at += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_ws();
            let item = self.value(depth, emit)?;
            if emit {
                items.push(item);
            }
            self.skip_ws();
            match self.next()? {
                b',' => {}
                b']' => return Ok(Json::Array(items)),
                _ => return Err(ParseError::Syntax),
            }
        }
    }

    /// An object; with `keep`, only the members it names are built.
    fn object(
        &mut self,
        depth: usize,
        emit: bool,
        keep: Option<&[&str]>,
    ) -> Result<Json<'a>, ParseError> {
        if depth > self.max_depth {
            return Err(ParseError::TooDeep);
        }
        self.at += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(ParseError::Syntax);
            }
            let key = self.string(emit)?;
            self.skip_ws();
            if self.next()? != b':' {
                return Err(ParseError::Syntax);
            }
            self.skip_ws();
            let wanted = emit && keep.is_none_or(|k| k.contains(&key.as_ref()));
            let value = self.value(depth, wanted)?;
            if wanted {
                members.push((key, value));
            }
            self.skip_ws();
            match self.next()? {
                b',' => {}
                b'}' => return Ok(Json::Object(members)),
                _ => return Err(ParseError::Syntax),
            }
        }
    }

    /// A number in RFC 8259's grammar, kept as written.
    fn number(&mut self) -> Result<Json<'a>, ParseError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.next()? {
            b'0' => {}
            b'1'..=b'9' => self.digits(),
            _ => return Err(ParseError::Syntax),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.some_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.some_digits()?;
        }
        let text = self.input.get(start..self.at).ok_or(ParseError::Syntax)?;
        core::str::from_utf8(text)
            .map(Json::Number)
            .map_err(|_| ParseError::Syntax)
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn some_digits(&mut self) -> Result<(), ParseError> {
        let from = self.at;
        self.digits();
        if self.at == from {
            Err(ParseError::Syntax)
        } else {
            Ok(())
        }
    }

    /// A string, borrowed when it has no escapes; empty when not `emit` (still checked).
    fn string(&mut self, emit: bool) -> Result<Cow<'a, str>, ParseError> {
        self.at += 1;
        let mut run = self.at;
        let mut owned: Option<String> = None;
        loop {
            let b = self.next()?;
            if b != b'"' && b != b'\\' {
                if b < 0x20 {
                    return Err(ParseError::Syntax);
                }
                continue;
            }
            let text = self.input.get(run..self.at - 1).ok_or(ParseError::Syntax)?;
            let text = core::str::from_utf8(text).map_err(|_| ParseError::Syntax)?;
            if b == b'"' {
                return Ok(match owned {
                    _ if !emit => Cow::Borrowed(""),
                    None => Cow::Borrowed(text),
                    Some(mut s) => {
                        s.push_str(text);
                        Cow::Owned(s)
                    }
                });
            }
            let c = self.escape()?;
            if emit {
                let s = owned.get_or_insert_with(String::new);
                s.push_str(text);
                s.push(c);
            }
            run = self.at;
        }
    }

    fn escape(&mut self) -> Result<char, ParseError> {
        Ok(match self.next()? {
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
                let code = match hi {
                    0xd800..=0xdbff => {
                        if self.next()? != b'\\' || self.next()? != b'u' {
                            return Err(ParseError::LoneSurrogate);
                        }
                        let lo = self.hex4()?;
                        if !(0xdc00..=0xdfff).contains(&lo) {
                            return Err(ParseError::LoneSurrogate);
                        }
                        0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                    }
                    0xdc00..=0xdfff => return Err(ParseError::LoneSurrogate),
                    _ => hi,
                };
                char::from_u32(code).ok_or(ParseError::LoneSurrogate)?
            }
            _ => return Err(ParseError::Syntax),
        })
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = char::from(self.next()?)
                .to_digit(16)
                .ok_or(ParseError::Syntax)?;
            v = (v << 4) | d;
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> Json<'_> {
        parse(s.as_bytes(), 8).unwrap()
    }

    fn err(s: &[u8]) -> ParseError {
        parse(s, 8).unwrap_err()
    }

    #[test]
    fn reads_every_json_type() {
        let v = ok(r#" {"a": [null, true, false, -1.5e+3, 0, "x"], "b": {}} "#);
        let a = v.get("a").and_then(Json::as_array).unwrap();
        assert_eq!(
            a,
            &[
                Json::Null,
                Json::Bool(true),
                Json::Bool(false),
                Json::Number("-1.5e+3"),
                Json::Number("0"),
                Json::Str(Cow::Borrowed("x")),
            ][..]
        );
        assert_eq!(v.get("b"), Some(&Json::Object(Vec::new())));
    }

    #[test]
    fn strings_borrow_unless_escaped_and_decode_every_escape() {
        assert!(matches!(
            ok(r#""plain é""#),
            Json::Str(Cow::Borrowed("plain é"))
        ));
        let s = ok(r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00z""#);
        assert!(matches!(s, Json::Str(Cow::Owned(_))));
        assert_eq!(s.as_str(), Some("a\"\\/\u{8}\u{c}\n\r\t\u{e9}\u{1f600}z"));
    }

    #[test]
    fn refuses_what_rfc_8259_refuses() {
        for bad in [
            &b""[..],
            b" ",
            b"{",
            b"[1,]",
            b"{\"a\" 1}",
            b"{\"a\":1,}",
            b"{1:2}",
            b"nul",
            b"tru",
            b"01",
            b"1.",
            b".5",
            b"1e",
            b"-",
            b"+1",
            b"\"\\x\"",
            b"\"\\u12g4\"",
            b"\"a\x01\"",
            b"\"\xff\"",
            b"\"\xc3\"",
            b"{} x",
            b"\"unterminated",
        ] {
            assert_eq!(
                err(bad),
                ParseError::Syntax,
                "{:?}",
                core::str::from_utf8(bad)
            );
        }
    }

    #[test]
    fn raw_members_and_elements_are_the_bytes_as_written() {
        let doc = br#" {"a" : {"x":1,"x":2} , "b":[ "\u0041" ],"a":null} "#;
        let members = raw_members(doc, 4).unwrap();
        let got: Vec<(&str, &[u8])> = members.iter().map(|(k, v)| (k.as_ref(), *v)).collect();
        assert_eq!(
            got,
            [
                ("a", &br#"{"x":1,"x":2}"#[..]),
                ("b", br#"[ "\u0041" ]"#),
                ("a", b"null")
            ]
        );
        assert_eq!(
            raw_elements(br#"[1, {"k":[]} ,"s"]"#, 4).unwrap(),
            [&b"1"[..], br#"{"k":[]}"#, br#""s""#]
        );
        assert_eq!(raw_members(b"{}", 1).unwrap(), []);
        assert_eq!(raw_elements(b" [ ] ", 1).unwrap(), Vec::<&[u8]>::new());
        for bad in [
            &b"[]"[..],
            b"{\"a\":}",
            b"{\"a\":1,}",
            b"{\"a\":1} x",
            b"{\"a\" 1}",
            b"{1:1}",
        ] {
            assert!(raw_members(bad, 4).is_err(), "{bad:?}");
        }
        assert!(raw_elements(b"{}", 4).is_err());
        assert!(raw_elements(b"[1,]", 4).is_err());
        assert_eq!(raw_elements(b"[[[1]]]", 2), Err(ParseError::TooDeep));
        assert!(raw_elements(b"[[1]]", 2).is_ok());
        assert_eq!(raw_elements(b"[]", 0), Err(ParseError::Syntax));
    }

    #[test]
    fn numbers_past_f64_are_kept_as_text() {
        // A written decision (conformance/README.md): serde_json refuses `1e400`; the core
        // keeps numbers as text and reads them only where a field is an integer.
        assert_eq!(ok("[1e400, -1e400]").as_array().map(<[_]>::len), Some(2));
        assert_eq!(ok("1e400"), Json::Number("1e400"));
    }

    #[test]
    fn refuses_lone_surrogates() {
        for bad in [
            r#""\ud800""#,
            r#""\udc00x""#,
            r#""\ud800\u0041""#,
            r#""\ud800x""#,
        ] {
            assert_eq!(err(bad.as_bytes()), ParseError::LoneSurrogate, "{bad}");
        }
    }

    #[test]
    fn depth_is_bounded_at_the_limit() {
        let at = "[".repeat(8) + &"]".repeat(8);
        let past = "[".repeat(4) + "{\"a\":" + &"[".repeat(5) + &"]".repeat(5) + "}" + "]]]]";
        assert!(parse(at.as_bytes(), 8).is_ok());
        assert_eq!(parse(past.as_bytes(), 8), Err(ParseError::TooDeep));
    }

    #[test]
    fn repeated_members_are_all_kept_in_order() {
        let v = ok(r#"{"a":1,"b":2,"a":3}"#);
        let Json::Object(members) = &v else { panic!() };
        assert_eq!(members.len(), 3);
        assert_eq!(v.get("a"), Some(&Json::Number("3")), "get reads the last");
    }

    #[test]
    fn keeping_builds_only_the_named_members_but_checks_all() {
        let v = parse_object_keeping(
            br#"{"big":{"x":["y\n",1]},"subject":["s"],"big2":"q\"r"}"#,
            8,
            &["subject"],
        )
        .unwrap();
        let Json::Object(members) = &v else { panic!() };
        assert_eq!(members.len(), 1);
        assert!(v.get("subject").is_some());
        for bad in [
            &br#"["subject"]"#[..],
            br#"{"big":[1,]}"#,
            br#"{"a":"\ud800"}"#,
        ] {
            assert!(parse_object_keeping(bad, 8, &["subject"]).is_err());
        }
        let deep = String::from("{\"a\":") + &"[".repeat(8) + &"]".repeat(8) + "}";
        assert_eq!(
            parse_object_keeping(deep.as_bytes(), 8, &[]),
            Err(ParseError::TooDeep)
        );
    }
}
