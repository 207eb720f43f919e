//! Frame names as byte strings → entry numbers; each distinct byte string is kept once in a
//! pool, with the line it was first seen on (JavaScript decodes and checks each entry once).

pub struct Names {
    pub pool: Vec<u8>,
    /// Per entry: start in the pool, length, and the line it was first read on.
    pub entries: Vec<[u32; 3]>,
    /// Per slot: hash and entry + 1 (0 = empty).
    slots: Vec<(u32, u32)>,
}

fn hash(bytes: &[u8]) -> u32 {
    let mut h: u64 = (bytes.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let v = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        h = (h ^ v).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(29);
    }
    for &b in words.remainder() {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 32;
    h.wrapping_mul(0xc4ce_b9fe_1a85_ec53) as u32 ^ (h >> 29) as u32
}

impl Names {
    pub fn new() -> Names {
        Names { pool: Vec::new(), entries: Vec::new(), slots: vec![(0, 0); 1 << 10] }
    }

    /// The entry of `bytes`, added (as first seen on `line`) when new; the flag says whether it was.
    pub fn id(&mut self, bytes: &[u8], line: u32) -> (u32, bool) {
        let h = hash(bytes);
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let (slot_hash, entry) = self.slots[i];
            if entry == 0 {
                break;
            }
            if slot_hash == h && self.bytes_of(entry - 1) == bytes {
                return (entry - 1, false);
            }
            i = (i + 1) & mask;
        }
        let entry = self.entries.len() as u32;
        self.entries.push([self.pool.len() as u32, bytes.len() as u32, line]);
        self.pool.extend_from_slice(bytes);
        self.slots[i] = (h, entry + 1);
        if self.entries.len() * 2 > self.slots.len() {
            self.rehash();
        }
        (entry, true)
    }

    pub fn bytes_of(&self, entry: u32) -> &[u8] {
        let [start, length, _] = self.entries[entry as usize];
        &self.pool[start as usize..(start + length) as usize]
    }

    fn rehash(&mut self) {
        let wider = vec![(0, 0); self.slots.len() * 2];
        let old = core::mem::replace(&mut self.slots, wider);
        let mask = self.slots.len() - 1;
        for (h, entry) in old.into_iter().filter(|s| s.1 != 0) {
            let mut i = h as usize & mask;
            while self.slots[i].1 != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = (h, entry);
        }
    }
}
