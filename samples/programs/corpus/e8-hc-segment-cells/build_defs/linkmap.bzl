load("//build_defs:segments.bzl", "SEGMENTS", "cell_segments")

def link_map(name, probes):
    cells = cell_segments(SEGMENTS)
    lines = ["0x%x %s" % (p, cells[p // 8]) for p in probes]
    genrule(name = name, out = name + ".map", cmd = "echo '%s' > $OUT" % "\n".join(lines))
