//! The call tree as columns in creation order, the layout JavaScript replays into its
//! CallTreeBuilder (src/formats/heap-flame.ts): parents come before their children.

/// Children scanned in the sibling list before the (parent, name) hash table is used.
const SCAN_CHILDREN: u32 = 4;
pub const NONE: u32 = u32::MAX;

pub struct Tree {
    pub parent: Vec<u32>,
    pub name: Vec<u32>,
    pub kind: Vec<u8>,
    pub weight: Vec<f64>,
    first_child: Vec<u32>,
    last_child: Vec<u32>,
    next_sibling: Vec<u32>,
    child_count: Vec<u32>,
    /// (parent, name) → child for parents past SCAN_CHILDREN children; open addressing.
    slots: Vec<(u32, u32, u32)>,
    used: usize,
}

impl Tree {
    /// A tree holding only the root (node 0, kind 0).
    pub fn new() -> Tree {
        let mut tree = Tree {
            parent: Vec::new(),
            name: Vec::new(),
            kind: Vec::new(),
            weight: Vec::new(),
            first_child: Vec::new(),
            last_child: Vec::new(),
            next_sibling: Vec::new(),
            child_count: Vec::new(),
            slots: vec![(NONE, 0, 0); 1 << 12],
            used: 0,
        };
        tree.push(NONE, NONE, 0);
        tree
    }

    fn push(&mut self, parent: u32, name: u32, kind: u8) -> u32 {
        let node = self.parent.len() as u32;
        self.parent.push(parent);
        self.name.push(name);
        self.kind.push(kind);
        self.weight.push(0.0);
        self.first_child.push(NONE);
        self.last_child.push(NONE);
        self.next_sibling.push(NONE);
        self.child_count.push(0);
        node
    }

    /// The child of `parent` named `name`, created as `kind` when missing (an existing child
    /// keeps its kind, as in the JavaScript builder).
    pub fn child(&mut self, parent: u32, name: u32, kind: u8) -> u32 {
        let p = parent as usize;
        let mut c = self.first_child[p];
        let mut tries = 0;
        while c != NONE && tries < SCAN_CHILDREN {
            if self.name[c as usize] == name {
                return c;
            }
            c = self.next_sibling[c as usize];
            tries += 1;
        }
        if self.child_count[p] > SCAN_CHILDREN {
            if let Some(found) = self.find(parent, name) {
                return found;
            }
        }
        let node = self.push(parent, name, kind);
        if self.child_count[p] >= SCAN_CHILDREN {
            self.insert(parent, name, node);
        }
        self.child_count[p] += 1;
        match self.last_child[p] {
            NONE => self.first_child[p] = node,
            last => self.next_sibling[last as usize] = node,
        }
        self.last_child[p] = node;
        node
    }

    /// The sibling created after `node` (NONE for none, or for `node` NONE).
    pub fn next_sibling_of(&self, node: u32) -> u32 {
        if node == NONE {
            return NONE;
        }
        self.next_sibling[node as usize]
    }

    pub fn first_child_of(&self, node: u32) -> u32 {
        self.first_child[node as usize]
    }

    /// Gives up what only reading lines needs once the last line is read: the sibling links as
    /// three columns of a node each (any contents) for a layout to work in, and the child counts'
    /// memory for its next allocation; touching fresh memory was most of what a layout cost.
    /// Reading another line afterwards would panic.
    pub fn take_links(&mut self) -> [Vec<u32>; 3] {
        self.child_count = Vec::new();
        [
            core::mem::take(&mut self.first_child),
            core::mem::take(&mut self.last_child),
            core::mem::take(&mut self.next_sibling),
        ]
    }

    /// Fibonacci hashing: the top bits of the product mix both halves of the key.
    fn home(&self, parent: u32, name: u32) -> usize {
        let key = ((parent as u64) << 32 | name as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (key >> (64 - self.slots.len().trailing_zeros())) as usize
    }

    fn find(&self, parent: u32, name: u32) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(parent, name);
        loop {
            let (p, n, node) = self.slots[i];
            if p == NONE {
                return None;
            }
            if p == parent && n == name {
                return Some(node);
            }
            i = (i + 1) & mask;
        }
    }

    fn insert(&mut self, parent: u32, name: u32, node: u32) {
        if (self.used + 1) * 2 > self.slots.len() {
            let wider = vec![(NONE, 0, 0); self.slots.len() * 2];
            let old = core::mem::replace(&mut self.slots, wider);
            self.used = 0;
            for (p, n, c) in old.into_iter().filter(|s| s.0 != NONE) {
                self.insert(p, n, c);
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(parent, name);
        while self.slots[i].0 != NONE {
            i = (i + 1) & mask;
        }
        self.slots[i] = (parent, name, node);
        self.used += 1;
    }
}
