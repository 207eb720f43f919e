load("//build_defs:memmap.bzl", "MEMMAP")

_LOOK = {
    "region": lambda addr: [r[0] for r in MEMMAP.values() if r[1] <= addr and addr < r[2]],
    "size": lambda addr: 4,
}

def _place(sym, addr, how):
    hit = _LOOK[how](addr)
    if not hit:
        return "%s:?" % sym
    return "%s:%s" % (sym, hit[0])

def link_report(name, elf, syms):
    lines = []
    for s, a in syms:
        lines.append(_place(s, a, "region"))
    genrule(name = name, srcs = [elf], out = name + ".txt", cmd = "echo '%s' > $OUT" % "\\n".join(lines))
