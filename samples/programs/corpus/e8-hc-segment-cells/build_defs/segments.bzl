SEGMENTS = [
    ("text", 0x00000, 0x40000),
    ("rodata", 0x40000, 0x60000),
    ("data", 0x60000, 0x70000),
    ("bss", 0x70000, 0x80000),
]

def cell_segments(segs, cell = 8):
    return [name for name, lo, hi in segs for c in range(lo, hi, cell)]
