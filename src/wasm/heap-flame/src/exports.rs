//! What JavaScript calls (src/formats/heap-flame-core.ts): feeding input, reading lines, and
//! reading back the events, the name entries and the tree's columns from linear memory.
use crate::layout::Layout;
use crate::reader;

/// Room for `len` bytes of input; JavaScript writes them at the returned address.
#[no_mangle]
pub extern "C" fn input(len: u32) -> *mut u8 {
    let r = reader();
    // Never shrunk: a one-line read between two chunks would make the next chunk zero-fill it again.
    if r.input.len() < len as usize {
        r.input.resize(len as usize, 0);
    }
    r.input.as_mut_ptr()
}

/// Reads the lines of the input's first `len` bytes, the first being line `first_line`; returns
/// where the first unread line starts. `lines_read`, `stop` and the events say what happened.
#[no_mangle]
pub extern "C" fn read(len: u32, first_line: u32, one_line: u32) -> u32 {
    reader().read(len as usize, first_line, one_line != 0) as u32
}

#[no_mangle]
pub extern "C" fn lines_read() -> u32 {
    reader().lines
}

#[no_mangle]
pub extern "C" fn stop() -> u32 {
    reader().stop
}

#[no_mangle]
pub extern "C" fn bad_digits(end: u32) -> u32 {
    reader().bad_digits[end as usize]
}

#[no_mangle]
pub extern "C" fn events() -> *const [u32; 4] {
    reader().events.as_ptr()
}

#[no_mangle]
pub extern "C" fn event_count() -> u32 {
    reader().events.len() as u32
}

/// Name entry `entry`: `field` 0 = start in the pool, 1 = length, 2 = first line.
#[no_mangle]
pub extern "C" fn name_entry(entry: u32, field: u32) -> u32 {
    reader().names.entries[entry as usize][field as usize]
}

#[no_mangle]
pub extern "C" fn name_pool() -> *const u8 {
    reader().names.pool.as_ptr()
}

#[no_mangle]
pub extern "C" fn stacks() -> f64 {
    reader().stacks
}

#[no_mangle]
pub extern "C" fn node_count() -> u32 {
    reader().tree.parent.len() as u32
}

/// A column of the tree: 0 parent, 1 name entry (u32 each), 2 kind (u8), 3 weight (f64).
#[no_mangle]
pub extern "C" fn column(which: u32) -> *const u8 {
    let t = &reader().tree;
    match which {
        0 => t.parent.as_ptr() as *const u8,
        1 => t.name.as_ptr() as *const u8,
        2 => t.kind.as_ptr(),
        _ => t.weight.as_ptr() as *const u8,
    }
}

/// Lays the tree out in pre-order (`laid_out` writes the columns); returns the node count.
#[no_mangle]
pub extern "C" fn lay_out() -> u32 {
    let r = reader();
    r.layout = Some(Layout::new(&mut r.tree));
    r.tree.parent.len() as u32
}

/// Writes a column of the laid-out tree and returns where it is, valid until the next call:
/// 0 name entry, 1 parent, 2 depth, 3 end (i32 each), 4 kind (u8), 5 self, 6 total (f64).
#[no_mangle]
pub extern "C" fn laid_out(which: u32) -> *const u8 {
    let r = reader();
    r.layout.as_mut().expect("lay_out() first").column(&r.tree, which)
}
