//! Running a program over a value: a Thompson simulation (a Pike VM without captures). All
//! threads advance together one byte at a time, each instruction at most once per position,
//! so the time is linear in the value's length times the program's size, whatever the
//! pattern; nothing backtracks.

use alloc::vec;
use alloc::vec::Vec;

use super::compile::Inst;
use super::parse::Look;
use super::set::is_word_byte;

/// The instructions reached at one position: a list in order of arrival, and membership.
struct Threads {
    list: Vec<u32>,
    member: Vec<bool>,
}

impl Threads {
    fn new(size: usize) -> Self {
        Self {
            list: Vec::with_capacity(size),
            member: vec![false; size],
        }
    }

    fn clear(&mut self) {
        for &pc in &self.list {
            if let Some(seen) = self.member.get_mut(pc as usize) {
                *seen = false;
            }
        }
        self.list.clear();
    }

    /// Adds `pc` and everything reachable from it without consuming a byte, at `at` in
    /// `value`. An explicit stack, not recursion: a program can chain thousands of splits.
    fn add(&mut self, program: &[Inst], start: u32, value: &[u8], at: usize, stack: &mut Vec<u32>) {
        stack.push(start);
        while let Some(pc) = stack.pop() {
            let Some(seen) = self.member.get_mut(pc as usize) else {
                continue;
            };
            if *seen {
                continue;
            }
            *seen = true;
            self.list.push(pc);
            match program.get(pc as usize) {
                Some(Inst::Split(a, b)) => {
                    stack.push(*b);
                    stack.push(*a);
                }
                Some(Inst::Jump(a)) => stack.push(*a),
                Some(Inst::Look(look)) if holds(*look, value, at) => stack.push(pc + 1),
                _ => {}
            }
        }
    }
}

/// Whether `program` matches all of `value`.
pub(super) fn matches(program: &[Inst], value: &[u8]) -> bool {
    let mut current = Threads::new(program.len());
    let mut next = Threads::new(program.len());
    let mut stack = Vec::new();
    current.add(program, 0, value, 0, &mut stack);
    for (at, &byte) in value.iter().enumerate() {
        if current.list.is_empty() {
            return false;
        }
        next.clear();
        for &pc in &current.list {
            if let Some(Inst::Byte(set)) = program.get(pc as usize) {
                if set.contains(byte) {
                    next.add(program, pc + 1, value, at + 1, &mut stack);
                }
            }
        }
        core::mem::swap(&mut current, &mut next);
    }
    current
        .list
        .iter()
        .any(|&pc| matches!(program.get(pc as usize), Some(Inst::Match)))
}

/// Whether `look` holds between `value[at - 1]` and `value[at]`.
fn holds(look: Look, value: &[u8], at: usize) -> bool {
    let before = at.checked_sub(1).and_then(|i| value.get(i)).copied();
    let after = value.get(at).copied();
    let word_before = before.is_some_and(is_word_byte);
    let word_after = after.is_some_and(is_word_byte);
    match look {
        Look::Start => before.is_none(),
        Look::End => after.is_none(),
        Look::StartLf => matches!(before, None | Some(b'\n')),
        Look::EndLf => matches!(after, None | Some(b'\n')),
        Look::StartCrlf => match before {
            None | Some(b'\n') => true,
            Some(b'\r') => after != Some(b'\n'),
            Some(_) => false,
        },
        Look::EndCrlf => match after {
            None | Some(b'\r') => true,
            Some(b'\n') => before != Some(b'\r'),
            Some(_) => false,
        },
        Look::Word => word_before != word_after,
        Look::NotWord => word_before == word_after,
        Look::WordStart => !word_before && word_after,
        Look::WordEnd => word_before && !word_after,
        Look::WordStartHalf => !word_before,
        Look::WordEndHalf => !word_after,
    }
}
