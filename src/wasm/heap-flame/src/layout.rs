//! The tree in pre-order (children in the order they were first seen), as JavaScript's CallTree
//! holds it: the columns `CallTreeBuilder.build()` makes, names still entry numbers.
//!
//! Children are kept in creation order and every node is created after its parent, so the
//! pre-order comes from two linear passes over creation order instead of a walk along sibling
//! links. The columns are written one at a time into scratch columns that JavaScript copies out
//! before it asks for the next: most of a layout's time went into touching fresh memory, and a
//! column per call keeps the core's share of it to one column of each width.
use crate::tree::Tree;

/// A column of the laid-out tree, as `laid_out` numbers them.
pub const NAME: u32 = 0;
pub const PARENT: u32 = 1;
pub const DEPTH: u32 = 2;
pub const END: u32 = 3;
pub const KIND: u32 = 4;
pub const SELF: u32 = 5;

pub struct Layout {
    /// Each node's pre-order position, by creation index.
    position: Vec<u32>,
    /// Where each node's subtree ends in pre-order, by creation index.
    end: Vec<u32>,
    ints: Vec<i32>,
    bytes: Vec<u8>,
    floats: Vec<f64>,
}

impl Layout {
    pub fn new(tree: &Tree) -> Layout {
        let n = tree.parent.len();
        // Subtree sizes: a node's descendants all come after it in creation order, so walking
        // it backwards adds each child's size to its parent once the child's is complete.
        let mut next = vec![1u32; n];
        for v in (1..n).rev() {
            next[tree.parent[v] as usize] += next[v];
        }
        // A node goes where its parent's next child goes. `next[v]` holds v's size until v is
        // placed, then where v's next child goes: after the last one, where v's subtree ends.
        let mut position = vec![0u32; n];
        next[0] = 1;
        for v in 1..n {
            let p = tree.parent[v] as usize;
            let at = next[p];
            next[p] = at + next[v];
            next[v] = at + 1;
            position[v] = at;
        }
        Layout { position, end: next, ints: vec![0; n], bytes: vec![0; n], floats: vec![0.0; n] }
    }

    /// Writes column `which` in pre-order and returns where it is (valid until the next call).
    pub fn column(&mut self, tree: &Tree, which: u32) -> *const u8 {
        let pos = &self.position;
        match which {
            NAME => scatter(&mut self.ints, pos, |v| tree.name[v] as i32),
            PARENT => scatter(&mut self.ints, pos, |v| match v {
                0 => -1,
                _ => pos[tree.parent[v] as usize] as i32,
            }),
            DEPTH => self.depths(tree),
            END => scatter(&mut self.ints, pos, |v| self.end[v] as i32),
            KIND => scatter(&mut self.bytes, pos, |v| tree.kind[v]),
            SELF => scatter(&mut self.floats, pos, |v| tree.weight[v]),
            _ => self.totals(tree),
        }
        match which {
            KIND => self.bytes.as_ptr(),
            SELF.. => self.floats.as_ptr() as *const u8,
            _ => self.ints.as_ptr() as *const u8,
        }
    }

    /// A parent is placed before its children, so its depth is known when they are written.
    fn depths(&mut self, tree: &Tree) {
        let pos = &self.position;
        self.ints[0] = 0;
        for v in 1..pos.len() {
            self.ints[pos[v] as usize] = self.ints[pos[tree.parent[v] as usize] as usize] + 1;
        }
    }

    /// Each node's weight plus its children's totals, added last child first (backwards over
    /// creation order), the order CallTreeBuilder.build() adds them in, so the sums are equal.
    fn totals(&mut self, tree: &Tree) {
        let pos = &self.position;
        scatter(&mut self.floats, pos, |v| tree.weight[v]);
        for v in (1..pos.len()).rev() {
            self.floats[pos[tree.parent[v] as usize] as usize] += self.floats[pos[v] as usize];
        }
    }
}

/// `out[position[v]] = value(v)` for every node v.
fn scatter<T: Copy>(out: &mut [T], position: &[u32], value: impl Fn(usize) -> T) {
    for (v, &at) in position.iter().enumerate() {
        out[at as usize] = value(v);
    }
}
