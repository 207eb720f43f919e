//! Reads heap flame lines (`F1;…;Fn;TYPE BYTES`, docs/formats.md §3) into a call tree, as the
//! JavaScript parser in src/formats/heap-flame.ts did line for line: the same shared-prefix
//! reuse, the same node order, the same skips. JavaScript keeps what needs strings: it decodes
//! and checks each new name, words the diagnostics and replays the tree into its builder. Each
//! parser has its own instance, so the state is one value per instance.
mod exports;
mod layout;
mod names;
mod scan;
mod tree;

use layout::Layout;
use names::Names;
use tree::Tree;

const LF: u8 = b'\n';
const CR: u8 = b'\r';
const FUNCTION: u8 = 1;
const TYPE: u8 = 2;
/// Largest weight JavaScript's builder accepts (Number.MAX_SAFE_INTEGER).
const MAX_WEIGHT: u64 = (1 << 53) - 1;

/// What a read left for JavaScript, in order: `[kind, line, a, b]`.
const EVENT_NAME: u32 = 1; // a new name entry `a`
const EVENT_SKIP: u32 = 2; // a line without a trailing count: input bytes [a, b)
const EVENT_UNUSED: u32 = 3; // `unused_capacity N`: the digits are input bytes [a, b)

/// Why a read stopped before `limit`.
const STOP_NO_LINE_END: u32 = 0;
/// The next line's weight is over 2^53: batch reads leave it to a one-line read, which reads
/// its frames and then stops with STOP_BAD_WEIGHT so JavaScript throws its builder's error.
const STOP_DEFER: u32 = 1;
const STOP_BAD_WEIGHT: u32 = 2;

pub(crate) struct Reader {
    pub(crate) input: Vec<u8>,
    pub(crate) tree: Tree,
    pub(crate) names: Names,
    /// The previous stack's bytes up to its last function frame's `;`, with each function
    /// frame's `;` offset and node: a line only looks up the frames after those it repeats.
    prev: Vec<u8>,
    prev_ends: Vec<u32>,
    prev_nodes: Vec<u32>,
    /// The previous stack's type leaf (NONE before the first).
    prev_leaf: u32,
    semis: Vec<u32>,
    pub(crate) events: Vec<[u32; 4]>,
    pub(crate) stacks: f64,
    pub(crate) lines: u32,
    pub(crate) stop: u32,
    /// The digits of the weight a STOP_BAD_WEIGHT line holds.
    pub(crate) bad_digits: [u32; 2],
    pub(crate) layout: Option<Layout>,
}

static mut READER: Option<Reader> = None;

#[allow(static_mut_refs)]
pub(crate) fn reader() -> &'static mut Reader {
    // SAFETY: WebAssembly instances are single-threaded and no export re-enters another.
    unsafe {
        READER.get_or_insert_with(|| Reader {
            input: Vec::new(),
            tree: Tree::new(),
            names: Names::new(),
            prev: Vec::new(),
            prev_ends: Vec::new(),
            prev_nodes: Vec::new(),
            prev_leaf: tree::NONE,
            semis: Vec::new(),
            events: Vec::new(),
            stacks: 0.0,
            lines: 0,
            stop: STOP_NO_LINE_END,
            bad_digits: [0, 0],
            layout: None,
        })
    }
}

/// Up to this many digits the value stays under 2^53 without an overflow check: the checked
/// multiply is a 128-bit multiply call on wasm32.
const PLAIN_DIGITS: usize = 15;

/// The value of ASCII digits, saturating (anything over MAX_WEIGHT is refused anyway).
fn digits_value(digits: &[u8]) -> u64 {
    if digits.len() <= PLAIN_DIGITS {
        return digits.iter().fold(0u64, |v, &d| v * 10 + (d - b'0') as u64);
    }
    digits.iter().fold(0u64, |v, &d| v.saturating_mul(10).saturating_add((d - b'0') as u64))
}

enum LineOutcome {
    Read,
    Defer,
    BadWeight,
}

impl Reader {
    /// Reads whole lines of `input[..len]` (one at most when `one_line`); returns where the first
    /// unread line starts.
    pub(crate) fn read(&mut self, len: usize, first_line: u32, one_line: bool) -> usize {
        self.events.clear();
        self.lines = 0;
        self.stop = STOP_NO_LINE_END;
        let input = core::mem::take(&mut self.input);
        let buf = &input[..len];
        let mut start = 0;
        while start < len {
            let shared = self.shared_depth(buf, start);
            let from = if shared == 0 { start } else { start + self.prev_ends[shared - 1] as usize + 1 };
            self.semis.clear();
            let i = scan::line_end(buf, from, &mut self.semis);
            if i == len {
                break;
            }
            if i > start {
                let line = first_line + self.lines;
                match self.stack(buf, start, i, line, shared, one_line) {
                    LineOutcome::Read => {}
                    LineOutcome::Defer => {
                        self.stop = STOP_DEFER;
                        break;
                    }
                    LineOutcome::BadWeight => {
                        self.stop = STOP_BAD_WEIGHT;
                        break;
                    }
                }
            }
            self.lines += 1;
            start = if buf[i] == CR && i + 1 < len && buf[i + 1] == LF { i + 2 } else { i + 1 };
            if one_line {
                break;
            }
        }
        self.input = input;
        start
    }

    /// How many of the previous stack's function frames the line at `start` repeats byte for
    /// byte (its frames hold no line end, so the comparison stops at this line's end at the latest).
    fn shared_depth(&self, buf: &[u8], start: usize) -> usize {
        let mut depth = self.prev_ends.len();
        if depth == 0 {
            return 0;
        }
        let length = (buf.len() - start).min(self.prev_ends[depth - 1] as usize + 1);
        let same = scan::common_prefix(&buf[start..start + length], &self.prev[..length]);
        while depth > 0 && self.prev_ends[depth - 1] as usize >= same {
            depth -= 1;
        }
        depth
    }

    /// One non-empty line `buf[start, end)` whose `;`s after the shared frames are in `semis`.
    fn stack(&mut self, buf: &[u8], start: usize, end: usize, line: u32, shared: usize, one_line: bool) -> LineOutcome {
        let mut digits = end;
        while digits > start && buf[digits - 1].is_ascii_digit() {
            digits -= 1;
        }
        if digits == start || digits == end || buf[digits - 1] != b' ' {
            self.events.push([EVENT_SKIP, line, start as u32, end as u32]);
            return LineOutcome::Read;
        }
        let space = digits - 1;
        let value = digits_value(&buf[digits..end]);
        let words = &buf[start..space];
        if words == b"unused_capacity" {
            self.events.push([EVENT_UNUSED, line, digits as u32, end as u32]);
            return LineOutcome::Read;
        }
        if value > MAX_WEIGHT && !one_line {
            return LineOutcome::Defer;
        }
        self.stacks += 1.0;
        let node = if words == b"(unknown)" { 0 } else { self.leaf(buf, start, space, line, shared) };
        if value > MAX_WEIGHT {
            self.bad_digits = [digits as u32, end as u32];
            return LineOutcome::BadWeight;
        }
        self.tree.weight[node as usize] += value as f64;
        LineOutcome::Read
    }

    /// The type-leaf node of the stack `buf[start, stack_end)`, reusing the first `shared`
    /// frames of the previous stack.
    fn leaf(&mut self, buf: &[u8], start: usize, stack_end: usize, line: u32, shared: usize) -> u32 {
        let kept = if shared == 0 { 0 } else { self.prev_ends[shared - 1] as usize + 1 };
        let mut node = if shared == 0 { 0 } else { self.prev_nodes[shared - 1] };
        // Profiles list stacks depth first, children in the order first seen: the node this
        // stack goes on to is most likely the next sibling of the previous stack's node there,
        // and below that, a first child.
        let left = self.prev_nodes.get(shared).copied().unwrap_or(self.prev_leaf);
        let mut guess = self.tree.next_sibling_of(left);
        let mut frame = start + kept;
        self.prev_ends.truncate(shared);
        self.prev_nodes.truncate(shared);
        for k in 0..self.semis.len() {
            let semi = self.semis[k] as usize;
            if semi >= stack_end {
                break;
            }
            node = self.child(node, &buf[frame..semi], guess, line, FUNCTION);
            guess = self.tree.first_child_of(node);
            self.prev_ends.push((semi - start) as u32);
            self.prev_nodes.push(node);
            frame = semi + 1;
        }
        let stack_len = self.prev_ends.last().map_or(0, |&e| e as usize + 1);
        self.prev.truncate(kept);
        self.prev.extend_from_slice(&buf[start + kept..start + stack_len.max(kept)]);
        self.prev_leaf = self.child(node, &buf[frame..stack_end], guess, line, TYPE);
        self.prev_leaf
    }

    /// The child of `parent` named `bytes`: `guess` when it is that child (no hashing), else
    /// looked up by name, created as `kind` when missing.
    fn child(&mut self, parent: u32, bytes: &[u8], guess: u32, line: u32, kind: u8) -> u32 {
        if guess != tree::NONE
            && self.tree.parent[guess as usize] == parent
            && self.names.bytes_of(self.tree.name[guess as usize]) == bytes
        {
            return guess;
        }
        let name = self.name(bytes, line);
        self.tree.child(parent, name, kind)
    }

    fn name(&mut self, bytes: &[u8], line: u32) -> u32 {
        let (entry, new) = self.names.id(bytes, line);
        if new {
            self.events.push([EVENT_NAME, line, entry, 0]);
        }
        entry
    }
}
