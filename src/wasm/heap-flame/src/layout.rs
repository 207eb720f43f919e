//! The tree in pre-order (children in the order they were first seen), as JavaScript's CallTree
//! holds it: the columns `CallTreeBuilder.build()` makes, names still entry numbers.
//!
//! Children are kept in creation order and every node is created after its parent, so the
//! pre-order comes from two linear passes over creation order instead of a walk along sibling
//! links. Most of a layout's time went into touching fresh memory, so it works in the tree's
//! sibling links, no longer needed, and writes the columns one at a time into scratch columns
//! that JavaScript copies out before it asks for the next.
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
    /// The i32 columns, as their bits (-1 is u32::MAX).
    ints: Vec<u32>,
    bytes: Vec<u8>,
    floats: Vec<f64>,
}

impl Layout {
    pub fn new(tree: &mut Tree) -> Layout {
        let n = tree.parent.len();
        let [mut next, mut position, mut ints] = tree.take_links();
        for column in [&mut next, &mut position, &mut ints] {
            column.resize(n, 0);
        }
        // Subtree sizes: a node's descendants all come after it in creation order, so walking
        // it backwards adds each child's size to its parent once the child's is complete.
        next.fill(1);
        for v in (1..n).rev() {
            next[tree.parent[v] as usize] += next[v];
        }
        // A node goes where its parent's next child goes. `next[v]` holds v's size until v is
        // placed, then where v's next child goes: after the last one, where v's subtree ends.
        position[0] = 0;
        next[0] = 1;
        for v in 1..n {
            let p = tree.parent[v] as usize;
            let at = next[p];
            next[p] = at + next[v];
            next[v] = at + 1;
            position[v] = at;
        }
        Layout { position, end: next, ints, bytes: vec![0; n], floats: vec![0.0; n] }
    }

    /// Writes column `which` in pre-order and returns where it is (valid until the next call).
    pub fn column(&mut self, tree: &Tree, which: u32) -> *const u8 {
        let pos = &self.position;
        match which {
            NAME => scatter(&mut self.ints, pos, |v| tree.name[v]),
            PARENT => scatter(&mut self.ints, pos, |v| match v {
                0 => u32::MAX,
                _ => pos[tree.parent[v] as usize],
            }),
            DEPTH => self.depths(tree),
            END => scatter(&mut self.ints, pos, |v| self.end[v]),
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
