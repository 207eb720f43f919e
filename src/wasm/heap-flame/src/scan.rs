//! The two byte loops every line goes through, 16 bytes at a time with WebAssembly SIMD: the
//! length of the prefix a line shares with the previous stack, and the line's end with its `;`s.
use core::arch::wasm32::{u8x16_bitmask, u8x16_eq, u8x16_splat, v128, v128_load, v128_or};

/// The length of the common prefix of `a` and `b` (equally long).
pub fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let length = a.len().min(b.len());
    let mut same = 0;
    while same + 16 <= length {
        // SAFETY: both slices hold at least `same + 16` bytes; v128_load has no alignment need.
        let mask = unsafe {
            let x = v128_load(a.as_ptr().add(same) as *const v128);
            let y = v128_load(b.as_ptr().add(same) as *const v128);
            u8x16_bitmask(u8x16_eq(x, y))
        };
        if mask != 0xffff {
            return same + (!mask).trailing_zeros() as usize;
        }
        same += 16;
    }
    same + a[same..length].iter().zip(&b[same..length]).take_while(|(x, y)| x == y).count()
}

/// The first `\n` or `\r` in `buf[from..]` (or `buf.len()`), with the offsets of the `;`s
/// before it appended to `semis`.
pub fn line_end(buf: &[u8], from: usize, semis: &mut Vec<u32>) -> usize {
    let mut i = from;
    let (lf, cr, semi) = (u8x16_splat(b'\n'), u8x16_splat(b'\r'), u8x16_splat(b';'));
    while i + 16 <= buf.len() {
        // SAFETY: `buf` holds at least `i + 16` bytes; v128_load has no alignment need.
        let (ends, mut semi_bits) = unsafe {
            let v = v128_load(buf.as_ptr().add(i) as *const v128);
            (u8x16_bitmask(v128_or(u8x16_eq(v, lf), u8x16_eq(v, cr))), u8x16_bitmask(u8x16_eq(v, semi)))
        };
        let stop = if ends == 0 { 16 } else { ends.trailing_zeros() };
        semi_bits &= ((1u32 << stop) - 1) as u16;
        while semi_bits != 0 {
            semis.push((i + semi_bits.trailing_zeros() as usize) as u32);
            semi_bits &= semi_bits - 1;
        }
        if ends != 0 {
            return i + stop as usize;
        }
        i += 16;
    }
    while i < buf.len() && buf[i] != b'\n' && buf[i] != b'\r' {
        if buf[i] == b';' {
            semis.push(i as u32);
        }
        i += 1;
    }
    i
}
