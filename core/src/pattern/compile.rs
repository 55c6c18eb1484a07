//! Tree to program: a Thompson construction into a flat list of instructions whose jumps are
//! indices into the list. Bounded repetitions are unrolled, so the program's size (not the
//! pattern's length) is what [`limits::MAX_PATTERN_NFA_BYTES`] bounds, and it is checked
//! before any copy is made.

use alloc::vec::Vec;
use core::mem::size_of;

use super::parse::Look;
use super::parse::Node;
use super::set::ByteSet;
use crate::Error;
use crate::limits;
use crate::limits::Limit;

/// One step of a program.
#[derive(Clone, Debug)]
pub(super) enum Inst {
    /// Consume one byte of the set, then go on to the next instruction.
    Byte(ByteSet),
    /// Continue at both instructions.
    Split(u32, u32),
    /// Continue at the instruction.
    Jump(u32),
    /// Continue at the next instruction if the assertion holds here.
    Look(Look),
    /// The whole pattern has matched (a match only at the end of the value).
    Match,
}

/// The size measure of a compiled pattern: its instruction count times the size of one
/// instruction (a byte set is 32 bytes; 40 per instruction on 64-bit and 32-bit targets).
pub(super) const INST_BYTES: usize = size_of::<Inst>();

/// The most instructions a program may have.
const MAX_INSTS: usize = limits::MAX_PATTERN_NFA_BYTES / INST_BYTES;

fn too_big() -> Error {
    Error::LimitExceeded {
        limit: Limit::PatternNfaBytes,
    }
}

/// Compiles `node` into a program ending in [`Inst::Match`].
pub(super) fn compile(node: &Node) -> Result<Vec<Inst>, Error> {
    let mut program = fragment(node)?;
    program.push(Inst::Match);
    if program.len() > MAX_INSTS {
        return Err(too_big());
    }
    Ok(program)
}

/// Appends `part` to `out`, moving its jumps (relative to its own start) along with it.
fn append(out: &mut Vec<Inst>, part: &[Inst]) -> Result<(), Error> {
    let offset = u32::try_from(out.len()).map_err(|_| too_big())?;
    if out.len().saturating_add(part.len()) > MAX_INSTS {
        return Err(too_big());
    }
    out.extend(part.iter().map(|inst| match *inst {
        Inst::Split(a, b) => Inst::Split(a + offset, b + offset),
        Inst::Jump(a) => Inst::Jump(a + offset),
        ref other => other.clone(),
    }));
    Ok(())
}

fn here(out: &[Inst]) -> Result<u32, Error> {
    u32::try_from(out.len()).map_err(|_| too_big())
}

/// Points the second target of the `Split` (or the target of the `Jump`) at `pc` to `to`.
fn patch(out: &mut [Inst], pc: u32, to: u32) {
    match out.get_mut(pc as usize) {
        Some(Inst::Split(_, b)) => *b = to,
        Some(Inst::Jump(a)) => *a = to,
        _ => {}
    }
}

/// The program of `node` alone, its jumps relative to its first instruction; a jump to its
/// length leaves it.
fn fragment(node: &Node) -> Result<Vec<Inst>, Error> {
    let mut out = Vec::new();
    match node {
        Node::Empty => {}
        Node::Set(set) => out.push(Inst::Byte(*set)),
        Node::Look(look) => out.push(Inst::Look(*look)),
        Node::Concat(nodes) => {
            for node in nodes {
                append(&mut out, &fragment(node)?)?;
            }
        }
        Node::Alt(branches) => {
            // Split(this, next-split) before each branch but the last, a jump to the end
            // after each.
            let mut ends = Vec::new();
            let count = branches.len();
            for (i, branch) in branches.iter().enumerate() {
                let part = fragment(branch)?;
                if i + 1 < count {
                    let split = here(&out)?;
                    out.push(Inst::Split(split + 1, 0));
                    append(&mut out, &part)?;
                    ends.push(here(&out)?);
                    out.push(Inst::Jump(0));
                    let next = here(&out)?;
                    patch(&mut out, split, next);
                } else {
                    append(&mut out, &part)?;
                }
            }
            let end = here(&out)?;
            for pc in ends {
                patch(&mut out, pc, end);
            }
        }
        Node::Repeat { sub, min, max } => {
            let part = fragment(sub)?;
            // A repetition of what consumes nothing and asserts nothing is empty.
            if part.is_empty() {
                return Ok(out);
            }
            // The unrolled size, counted before any copy is made: `a{1000}{1000}` must not
            // unroll a million times first.
            let len = part.len() as u64;
            let optional = match max {
                None if *min == 0 => len + 2,
                None => 1,
                Some(max) => u64::from(max - min) * (len + 1),
            };
            if u64::from(*min) * len + optional > MAX_INSTS as u64 {
                return Err(too_big());
            }
            for _ in 0..*min {
                append(&mut out, &part)?;
            }
            match max {
                None if *min == 0 => {
                    // L: Split(L+1, end); sub; Jump(L)
                    let loop_pc = here(&out)?;
                    out.push(Inst::Split(loop_pc + 1, 0));
                    append(&mut out, &part)?;
                    out.push(Inst::Jump(loop_pc));
                    let end = here(&out)?;
                    patch(&mut out, loop_pc, end);
                }
                None => {
                    // Back into the last copy, or on.
                    let last = here(&out)? - here(&part)?;
                    let next = here(&out)? + 1;
                    out.push(Inst::Split(last, next));
                }
                Some(max) => {
                    // Each optional copy may be skipped, straight to the end.
                    let mut skips = Vec::new();
                    for _ in *min..*max {
                        let split = here(&out)?;
                        skips.push(split);
                        out.push(Inst::Split(split + 1, 0));
                        append(&mut out, &part)?;
                    }
                    let end = here(&out)?;
                    for pc in skips {
                        patch(&mut out, pc, end);
                    }
                }
            }
        }
    }
    if out.len() > MAX_INSTS {
        return Err(too_big());
    }
    Ok(out)
}
