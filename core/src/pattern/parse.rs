//! Pattern syntax to a tree: the language of regex-syntax 0.8 with Unicode off and UTF-8 not
//! required, parsed in one pass that also applies the flags (`i m s R x`, `U` has no effect on
//! whether a whole match exists). Groups keep no captures: only whether the value matches is
//! asked. Every rule here follows regex-syntax's parser and translator, so that a pattern it
//! refuses is refused here too; the differential tests check that.

use alloc::boxed::Box;
use alloc::vec::Vec;

use super::set;
use super::set::ByteSet;
use crate::Error;
use crate::limits;
use crate::limits::Limit;

/// A zero-width assertion, evaluated between two bytes of the value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Look {
    /// `\A`, and `^` without `m`.
    Start,
    /// `\z`, and `$` without `m`.
    End,
    /// `(?m)^`: start, or after `\n`.
    StartLf,
    /// `(?m)$`: end, or before `\n`.
    EndLf,
    /// `(?mR)^`: start, after `\n`, or after a `\r` not followed by `\n`.
    StartCrlf,
    /// `(?mR)$`: end, before `\r`, or before a `\n` not preceded by `\r`.
    EndCrlf,
    /// `\b`: a word byte on exactly one side.
    Word,
    /// `\B`: word bytes on both sides or on neither.
    NotWord,
    /// `\b{start}`, `\<`: no word byte before, one after.
    WordStart,
    /// `\b{end}`, `\>`: a word byte before, none after.
    WordEnd,
    /// `\b{start-half}`: no word byte before.
    WordStartHalf,
    /// `\b{end-half}`: no word byte after.
    WordEndHalf,
}

/// A parsed pattern.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(super) enum Node {
    /// Matches the empty string.
    Empty,
    /// One byte from the set.
    Set(ByteSet),
    /// An assertion.
    Look(Look),
    /// Each in turn.
    Concat(Vec<Node>),
    /// Any one of them.
    Alt(Vec<Node>),
    /// `sub` at least `min` times, at most `max` (unbounded when `None`).
    Repeat {
        sub: Box<Node>,
        min: u32,
        max: Option<u32>,
    },
}

/// Parses `source` to a tree. Syntax the configuration refuses is `PolicyPatternInvalid`;
/// nesting deeper than [`limits::MAX_PATTERN_NESTING`] is `LimitExceeded`.
pub(super) fn parse(source: &str) -> Result<Node, Error> {
    let mut parser = Parser {
        src: source,
        pos: 0,
        flags: Flags::default(),
        names: Vec::new(),
    };
    let (node, _) = parser.alternation(0)?;
    // The top level ends only at the end of the text: a `)` here has no group to close.
    if parser.cur().is_some() {
        return Err(invalid());
    }
    Ok(node)
}

fn invalid() -> Error {
    Error::PolicyPatternInvalid
}

fn too_deep() -> Error {
    Error::LimitExceeded {
        limit: Limit::PatternNesting,
    }
}

/// Groups, repetitions and brackets each nest one level; more than the limit is refused before
/// the parser (or the compiler, for repetitions) recurses any deeper.
fn check_depth(depth: u32) -> Result<(), Error> {
    if depth > limits::MAX_PATTERN_NESTING {
        Err(too_deep())
    } else {
        Ok(())
    }
}

#[derive(Clone, Copy, Default)]
struct Flags {
    /// `i`: ASCII case-insensitive.
    fold: bool,
    /// `m`: `^` and `$` at line ends too.
    multi_line: bool,
    /// `s`: `.` matches `\n`.
    dot_all: bool,
    /// `R`: lines end at `\r` as well as `\n`.
    crlf: bool,
    /// `x`: whitespace and `#` comments are ignored by the parser.
    verbose: bool,
}

/// One element of a concatenation, with what a following repetition operator needs.
struct Item {
    node: Node,
    /// Nesting below this element (0 for a literal, 1 for a group of literals...).
    depth: u32,
    /// A flag setting `(?i)`: regex-syntax refuses a repetition of it.
    flags_only: bool,
}

/// A single escape or literal before it becomes a node or a class member.
enum Prim {
    /// A character; `byte` is set for `\xHH`, which names a byte rather than a character.
    Lit { c: char, byte: Option<u8> },
    /// `\d`-like classes.
    Class(ByteSet),
    /// Assertions: valid as atoms, not inside brackets.
    Look(Look),
}

struct Parser<'a> {
    src: &'a str,
    /// Byte offset of the current character (always a char boundary).
    pos: usize,
    flags: Flags,
    /// Capture names seen so far: regex-syntax refuses a name used twice.
    names: Vec<&'a str>,
}

impl<'a> Parser<'a> {
    fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    fn cur(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn peek(&self) -> Option<char> {
        let mut chars = self.rest().chars();
        chars.next()?;
        chars.next()
    }

    /// Moves past the current character; whether any input is left.
    fn bump(&mut self) -> bool {
        if let Some(c) = self.cur() {
            self.pos += c.len_utf8();
        }
        self.cur().is_some()
    }

    fn eat(&mut self, prefix: &str) -> bool {
        if self.rest().starts_with(prefix) {
            self.pos += prefix.len();
            true
        } else {
            false
        }
    }

    /// In verbose mode, skips whitespace and `#` comments (to the end of the line).
    fn skip_space(&mut self) {
        if !self.flags.verbose {
            return;
        }
        while let Some(c) = self.cur() {
            if c.is_whitespace() {
                self.bump();
            } else if c == '#' {
                while let Some(c) = self.cur() {
                    self.bump();
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn bump_skip(&mut self) -> bool {
        if !self.bump() {
            return false;
        }
        self.skip_space();
        self.cur().is_some()
    }

    /// The character after the current one, past whitespace in verbose mode. regex-syntax
    /// looks past whitespace and a `#` (but not the rest of a comment); the same is done here
    /// because it decides whether `-` in a bracket starts a range.
    fn peek_space(&self) -> Option<char> {
        if !self.flags.verbose {
            return self.peek();
        }
        let c = self.cur()?;
        let after = self.rest().get(c.len_utf8()..).unwrap_or("");
        let mut in_comment = false;
        for ch in after.chars() {
            if ch.is_whitespace() {
                continue;
            }
            if !in_comment && ch == '#' {
                in_comment = true;
                continue;
            }
            return Some(ch);
        }
        after.chars().next()
    }

    /// Branches up to a `)` or the end of the text (neither consumed). `depth` is the number
    /// of enclosing groups; also returned, how deeply the elements nest.
    fn alternation(&mut self, depth: u32) -> Result<(Node, u32), Error> {
        let mut branches: Vec<Node> = Vec::new();
        let mut items: Vec<Item> = Vec::new();
        let mut nested = 0u32;
        loop {
            if let Some(item) = items.last() {
                nested = nested.max(item.depth);
            }
            self.skip_space();
            let Some(c) = self.cur() else { break };
            match c {
                ')' => break,
                '|' => {
                    self.bump();
                    branches.push(concat(core::mem::take(&mut items)));
                }
                '(' => items.push(self.group(depth)?),
                '[' => {
                    let (set, class_depth) = self.bracket(depth)?;
                    items.push(Item {
                        node: Node::Set(set),
                        depth: class_depth,
                        flags_only: false,
                    });
                }
                '?' | '*' | '+' => {
                    let (min, max) = match c {
                        '?' => (0, Some(1)),
                        '*' => (0, None),
                        _ => (1, None),
                    };
                    let item = repeatable(items.pop())?;
                    // A `?` right after the operator (no whitespace skipped) makes it lazy,
                    // which changes which match is found, not whether one exists.
                    if self.bump() && self.cur() == Some('?') {
                        self.bump();
                    }
                    items.push(repeat(item, min, max, depth)?);
                }
                '{' => {
                    let item = repeatable(items.pop())?;
                    let (min, max) = self.counted()?;
                    items.push(repeat(item, min, max, depth)?);
                }
                _ => {
                    let node = self.primitive()?;
                    items.push(Item {
                        node,
                        depth: 0,
                        flags_only: false,
                    });
                }
            }
        }
        if let Some(item) = items.last() {
            nested = nested.max(item.depth);
        }
        let last = concat(items);
        if branches.is_empty() {
            Ok((last, nested))
        } else {
            branches.push(last);
            Ok((Node::Alt(branches), nested))
        }
    }

    /// `(...)`, `(?:...)`, `(?flags:...)`, named groups, or a flag setting `(?flags)`.
    fn group(&mut self, depth: u32) -> Result<Item, Error> {
        self.bump();
        self.skip_space();
        if ["?=", "?!", "?<=", "?<!"]
            .iter()
            .any(|p| self.rest().starts_with(p))
        {
            // Look-around is not part of the language.
            return Err(invalid());
        }
        let saved = self.flags;
        if self.eat("?P<") || self.eat("?<") {
            self.capture_name()?;
        } else if self.eat("?") {
            if self.cur().is_none() {
                return Err(invalid());
            }
            let (flags, any) = self.flag_items()?;
            let end = self.cur();
            self.bump();
            if end == Some(')') {
                // `(?)` is refused; `(?i)` sets flags until the end of the enclosing group.
                if !any {
                    return Err(invalid());
                }
                self.flags = flags;
                return Ok(Item {
                    node: Node::Empty,
                    depth: 0,
                    flags_only: true,
                });
            }
            self.flags = flags;
        }
        let inner = depth + 1;
        check_depth(inner)?;
        let (node, nested) = self.alternation(inner)?;
        if self.cur() != Some(')') {
            return Err(invalid());
        }
        self.bump();
        // Flags set inside a group, by `(?flags:` or by `(?flags)` within, end with it.
        self.flags = saved;
        Ok(Item {
            node,
            depth: nested + 1,
            flags_only: false,
        })
    }

    /// The name of `(?P<name>` or `(?<name>`, up to and past its `>`.
    fn capture_name(&mut self) -> Result<(), Error> {
        let start = self.pos;
        loop {
            let Some(c) = self.cur() else {
                return Err(invalid());
            };
            if c == '>' {
                break;
            }
            let ok = if self.pos == start {
                c == '_' || c.is_alphabetic()
            } else {
                c == '_' || c == '.' || c == '[' || c == ']' || c.is_alphanumeric()
            };
            if !ok {
                return Err(invalid());
            }
            self.bump();
        }
        let name = self.src.get(start..self.pos).unwrap_or("");
        self.bump();
        if name.is_empty() || self.names.contains(&name) {
            return Err(invalid());
        }
        self.names.push(name);
        Ok(())
    }

    /// The flag letters of `(?` up to (not past) `:` or `)`: the new flags and whether any
    /// letter was given.
    fn flag_items(&mut self) -> Result<(Flags, bool), Error> {
        let mut flags = self.flags;
        let mut seen: Vec<char> = Vec::new();
        let mut enable = true;
        let mut last_was_negation = false;
        let mut any = false;
        loop {
            let Some(c) = self.cur() else {
                return Err(invalid());
            };
            if c == ':' || c == ')' {
                break;
            }
            // Each letter, and the `-`, at most once.
            if seen.contains(&c) {
                return Err(invalid());
            }
            seen.push(c);
            last_was_negation = c == '-';
            match c {
                '-' => enable = false,
                'i' => flags.fold = enable,
                'm' => flags.multi_line = enable,
                's' => flags.dot_all = enable,
                'R' => flags.crlf = enable,
                'x' => flags.verbose = enable,
                'U' => {}
                // `(?-u)` is already the configuration. Turning Unicode on would change
                // what `\w`, `.`, classes and case folding mean: not supported, refused.
                'u' if !enable => {}
                _ => return Err(invalid()),
            }
            if c != '-' {
                any = true;
            }
            if !self.bump() {
                return Err(invalid());
            }
        }
        if last_was_negation {
            return Err(invalid());
        }
        Ok((flags, any))
    }

    /// `{n}`, `{n,}` or `{n,m}` (with an optional lazy `?`), from the `{`.
    fn counted(&mut self) -> Result<(u32, Option<u32>), Error> {
        if !self.bump_skip() {
            return Err(invalid());
        }
        let min = self.decimal();
        if self.cur().is_none() {
            return Err(invalid());
        }
        let (min, max) = if self.cur() == Some(',') {
            if !self.bump_skip() {
                return Err(invalid());
            }
            if self.cur() == Some('}') {
                (min?, None)
            } else {
                let min = min?;
                (min, Some(self.decimal()?))
            }
        } else {
            let n = min?;
            (n, Some(n))
        };
        if self.cur() != Some('}') {
            return Err(invalid());
        }
        if self.bump_skip() && self.cur() == Some('?') {
            self.bump();
        }
        if max.is_some_and(|max| min > max) {
            return Err(invalid());
        }
        Ok((min, max))
    }

    /// A decimal count (a `u32`), with whitespace around it allowed even outside verbose
    /// mode, as regex-syntax allows it.
    fn decimal(&mut self) -> Result<u32, Error> {
        while self.cur().is_some_and(char::is_whitespace) {
            self.bump();
        }
        let mut value: Option<u32> = Some(0);
        let mut digits = false;
        while let Some(d) = self.cur().and_then(|c| c.to_digit(10)) {
            digits = true;
            value = value
                .and_then(|v| v.checked_mul(10))
                .and_then(|v| v.checked_add(d));
            self.bump_skip();
        }
        while self.cur().is_some_and(char::is_whitespace) {
            self.bump_skip();
        }
        match value {
            Some(v) if digits => Ok(v),
            _ => Err(invalid()),
        }
    }

    /// A literal, `.`, `^`, `$` or an escape, as a node.
    fn primitive(&mut self) -> Result<Node, Error> {
        let Some(c) = self.cur() else {
            return Err(invalid());
        };
        match c {
            '\\' => match self.escape()? {
                Prim::Lit { c, byte } => Ok(self.literal(c, byte)),
                Prim::Class(set) => Ok(Node::Set(set)),
                Prim::Look(look) => Ok(Node::Look(look)),
            },
            '.' => {
                self.bump();
                let set = if self.flags.dot_all {
                    ByteSet::ALL
                } else if self.flags.crlf {
                    ByteSet::ALL.difference(ByteSet::byte(b'\n').union(ByteSet::byte(b'\r')))
                } else {
                    ByteSet::ALL.difference(ByteSet::byte(b'\n'))
                };
                Ok(Node::Set(set))
            }
            '^' => {
                self.bump();
                Ok(Node::Look(match (self.flags.multi_line, self.flags.crlf) {
                    (false, _) => Look::Start,
                    (true, false) => Look::StartLf,
                    (true, true) => Look::StartCrlf,
                }))
            }
            '$' => {
                self.bump();
                Ok(Node::Look(match (self.flags.multi_line, self.flags.crlf) {
                    (false, _) => Look::End,
                    (true, false) => Look::EndLf,
                    (true, true) => Look::EndCrlf,
                }))
            }
            _ => {
                self.bump();
                Ok(self.literal(c, None))
            }
        }
    }

    /// A literal outside brackets: a `\xHH` above 0x7F is that byte; any other character is
    /// its UTF-8 bytes, with the other case of an ASCII letter under `i`.
    fn literal(&self, c: char, byte: Option<u8>) -> Node {
        if let Some(b) = byte.filter(|b| !b.is_ascii()) {
            return Node::Set(ByteSet::byte(b));
        }
        let mut buf = [0u8; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        match bytes {
            [b] if self.flags.fold => Node::Set(ByteSet::byte(*b).fold_ascii_case()),
            [b] => Node::Set(ByteSet::byte(*b)),
            _ => Node::Concat(bytes.iter().map(|&b| Node::Set(ByteSet::byte(b))).collect()),
        }
    }

    /// An escape, from its `\`.
    fn escape(&mut self) -> Result<Prim, Error> {
        if !self.bump() {
            return Err(invalid());
        }
        let Some(c) = self.cur() else {
            return Err(invalid());
        };
        match c {
            // Octal is off: digits would be backreferences, which are not supported.
            '0'..='9' => return Err(invalid()),
            'x' | 'u' | 'U' => return self.hex(c),
            // Unicode classes need Unicode mode.
            'p' | 'P' => return Err(invalid()),
            'd' | 's' | 'w' | 'D' | 'S' | 'W' => {
                self.bump();
                return set::perl_class(c).map(Prim::Class).ok_or_else(invalid);
            }
            _ => {}
        }
        self.bump();
        // Meta characters and any other ASCII punctuation, space or control character may be
        // escaped to stand for itself; letters, digits, `<` and `>` are reserved.
        if c.is_ascii() && !c.is_ascii_alphanumeric() && c != '<' && c != '>' {
            return Ok(Prim::Lit { c, byte: None });
        }
        let lit = |c| Ok(Prim::Lit { c, byte: None });
        match c {
            'a' => lit('\x07'),
            'f' => lit('\x0C'),
            't' => lit('\t'),
            'n' => lit('\n'),
            'r' => lit('\r'),
            'v' => lit('\x0B'),
            'A' => Ok(Prim::Look(Look::Start)),
            'z' => Ok(Prim::Look(Look::End)),
            'B' => Ok(Prim::Look(Look::NotWord)),
            '<' => Ok(Prim::Look(Look::WordStart)),
            '>' => Ok(Prim::Look(Look::WordEnd)),
            'b' => self.word_boundary().map(Prim::Look),
            _ => Err(invalid()),
        }
    }

    /// `\b`, or `\b{start}`, `\b{end}`, `\b{start-half}`, `\b{end-half}`; `\b{5}` is `\b`
    /// repeated, left for the repetition parser.
    fn word_boundary(&mut self) -> Result<Look, Error> {
        if self.cur() != Some('{') {
            return Ok(Look::Word);
        }
        let at_brace = self.pos;
        if !self.bump_skip() {
            return Err(invalid());
        }
        let name_char = |c: char| c.is_ascii_alphabetic() || c == '-';
        if !self.cur().is_some_and(name_char) {
            self.pos = at_brace;
            return Ok(Look::Word);
        }
        let mut name = alloc::string::String::new();
        while let Some(c) = self.cur().filter(|&c| name_char(c)) {
            name.push(c);
            self.bump_skip();
        }
        if self.cur() != Some('}') {
            return Err(invalid());
        }
        self.bump();
        match name.as_str() {
            "start" => Ok(Look::WordStart),
            "end" => Ok(Look::WordEnd),
            "start-half" => Ok(Look::WordStartHalf),
            "end-half" => Ok(Look::WordEndHalf),
            _ => Err(invalid()),
        }
    }

    /// `\xHH`, `\uHHHH`, `\UHHHHHHHH` or any of them with braces `\x{...}`, from the letter.
    fn hex(&mut self, kind: char) -> Result<Prim, Error> {
        let digits = match kind {
            'x' => 2,
            'u' => 4,
            _ => 8,
        };
        if !self.bump_skip() {
            return Err(invalid());
        }
        let mut value: Option<u32> = Some(0);
        let mut push = |d: u32| {
            value = value
                .and_then(|v| v.checked_mul(16))
                .and_then(|v| v.checked_add(d));
        };
        let braced = self.cur() == Some('{');
        if braced {
            let mut any = false;
            loop {
                if !self.bump_skip() {
                    return Err(invalid());
                }
                match self.cur() {
                    Some('}') => break,
                    Some(c) => push(c.to_digit(16).ok_or_else(invalid)?),
                    None => return Err(invalid()),
                }
                any = true;
            }
            self.bump_skip();
            if !any {
                return Err(invalid());
            }
        } else {
            for i in 0..digits {
                if i > 0 && !self.bump_skip() {
                    return Err(invalid());
                }
                push(
                    self.cur()
                        .and_then(|c| c.to_digit(16))
                        .ok_or_else(invalid)?,
                );
            }
            self.bump_skip();
        }
        let c = value.and_then(char::from_u32).ok_or_else(invalid)?;
        // Only the two-digit `\xHH` names a byte; `\x{E9}` and `\u00E9` name the character.
        let byte = if kind == 'x' && !braced {
            u8::try_from(u32::from(c)).ok()
        } else {
            None
        };
        Ok(Prim::Lit { c, byte })
    }

    /// A bracketed class from its `[`: the set (case-folded under `i`, then complemented if
    /// negated) and how deeply brackets nest in it.
    fn bracket(&mut self, depth: u32) -> Result<(ByteSet, u32), Error> {
        check_depth(depth + 1)?;
        if !self.bump_skip() {
            return Err(invalid());
        }
        let negated = self.cur() == Some('^');
        if negated && !self.bump_skip() {
            return Err(invalid());
        }
        let mut union = ByteSet::EMPTY;
        // Leading `-` are literal, and so is a `]` right after the opening (with no `-`).
        let mut leading = false;
        while self.cur() == Some('-') {
            union.insert(b'-');
            leading = true;
            if !self.bump_skip() {
                return Err(invalid());
            }
        }
        if !leading && self.cur() == Some(']') {
            union.insert(b']');
            if !self.bump_skip() {
                return Err(invalid());
            }
        }
        let mut pending: Option<(char, ByteSet)> = None;
        let mut nested = 1u32;
        loop {
            self.skip_space();
            let Some(c) = self.cur() else {
                return Err(invalid());
            };
            match c {
                '[' => {
                    if let Some(set) = self.posix_class() {
                        union = union.union(set);
                        continue;
                    }
                    let (set, inner) = self.bracket(depth + 1)?;
                    nested = nested.max(inner + 1);
                    union = union.union(set);
                }
                ']' => {
                    self.bump();
                    let set = self.finish_operand(pending, union);
                    let set = if self.flags.fold {
                        set.fold_ascii_case()
                    } else {
                        set
                    };
                    return Ok((if negated { set.complement() } else { set }, nested));
                }
                '&' | '-' | '~' if self.peek() == Some(c) => {
                    self.bump();
                    self.bump();
                    let lhs = self.finish_operand(pending, union);
                    pending = Some((c, lhs));
                    union = ByteSet::EMPTY;
                }
                _ => union = union.union(self.class_range()?),
            }
        }
    }

    /// Applies a pending `&&`, `--` or `~~` to its right-hand side. Under `i` both sides are
    /// case-folded first, as regex-syntax does (so `(?i)[a--A]` is empty).
    fn finish_operand(&self, pending: Option<(char, ByteSet)>, rhs: ByteSet) -> ByteSet {
        let Some((op, lhs)) = pending else {
            return rhs;
        };
        let (lhs, rhs) = if self.flags.fold {
            (lhs.fold_ascii_case(), rhs.fold_ascii_case())
        } else {
            (lhs, rhs)
        };
        match op {
            '&' => lhs.intersect(rhs),
            '-' => lhs.difference(rhs),
            _ => lhs.symmetric_difference(rhs),
        }
    }

    /// `[:name:]` or `[:^name:]` inside a bracket; `None` (nothing consumed) when it is not
    /// one, and the `[` opens a nested class instead.
    fn posix_class(&mut self) -> Option<ByteSet> {
        let after = self.rest().get(1..)?.strip_prefix(':')?;
        let (negated, after) = match after.strip_prefix('^') {
            Some(after) => (true, after),
            None => (false, after),
        };
        let end = after.find(':')?;
        let name = after.get(..end)?;
        if !after.get(end..)?.starts_with(":]") {
            return None;
        }
        let set = set::ascii_class(name)?;
        // `[`, `:`, the optional `^`, the name, `:]`.
        self.pos += 2 + usize::from(negated) + name.len() + 2;
        let set = if self.flags.fold {
            set.fold_ascii_case()
        } else {
            set
        };
        Some(if negated { set.complement() } else { set })
    }

    /// One member of a bracket: a literal, an escape or a range `a-z`.
    fn class_range(&mut self) -> Result<ByteSet, Error> {
        let first = self.class_item()?;
        self.skip_space();
        if self.cur().is_none() {
            return Err(invalid());
        }
        if self.cur() != Some('-')
            || self.peek_space() == Some(']')
            || self.peek_space() == Some('-')
        {
            return match first {
                Prim::Lit { c, byte } => Ok(ByteSet::byte(class_byte(c, byte)?)),
                Prim::Class(set) => Ok(set),
                Prim::Look(_) => Err(invalid()),
            };
        }
        if !self.bump_skip() {
            return Err(invalid());
        }
        let second = self.class_item()?;
        let (
            Prim::Lit {
                c: lo,
                byte: lo_byte,
            },
            Prim::Lit {
                c: hi,
                byte: hi_byte,
            },
        ) = (first, second)
        else {
            return Err(invalid());
        };
        if lo > hi {
            return Err(invalid());
        }
        Ok(ByteSet::range(
            class_byte(lo, lo_byte)?,
            class_byte(hi, hi_byte)?,
        ))
    }

    fn class_item(&mut self) -> Result<Prim, Error> {
        match self.cur() {
            Some('\\') => self.escape(),
            Some(c) => {
                self.bump();
                Ok(Prim::Lit { c, byte: None })
            }
            None => Err(invalid()),
        }
    }
}

/// A bracket member as a byte: ASCII characters and `\xHH` bytes only; a non-ASCII character
/// in a bracket needs Unicode mode and is refused.
fn class_byte(c: char, byte: Option<u8>) -> Result<u8, Error> {
    if let Some(b) = byte {
        return Ok(b);
    }
    u8::try_from(u32::from(c))
        .ok()
        .filter(u8::is_ascii)
        .ok_or_else(invalid)
}

/// The element a repetition operator applies to; refused when there is none (`*a`, `a|*`,
/// `(*)`) or it is a flag setting (`(?i)*`).
fn repeatable(item: Option<Item>) -> Result<Item, Error> {
    match item {
        Some(item) if !item.flags_only => Ok(item),
        _ => Err(invalid()),
    }
}

fn repeat(item: Item, min: u32, max: Option<u32>, group_depth: u32) -> Result<Item, Error> {
    let depth = item.depth + 1;
    check_depth(group_depth + depth)?;
    Ok(Item {
        node: Node::Repeat {
            sub: Box::new(item.node),
            min,
            max,
        },
        depth,
        flags_only: false,
    })
}

fn concat(items: Vec<Item>) -> Node {
    let mut nodes: Vec<Node> = items
        .into_iter()
        .map(|item| item.node)
        .filter(|node| *node != Node::Empty)
        .collect();
    match nodes.len() {
        0 => Node::Empty,
        1 => nodes.pop().unwrap_or(Node::Empty),
        _ => Node::Concat(nodes),
    }
}
