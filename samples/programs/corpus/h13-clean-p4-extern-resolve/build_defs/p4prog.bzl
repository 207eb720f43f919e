load("//build_defs:externs.bzl", "extern_table")

def _resolve(table, refs):
    resolved = []
    for ref in refs:
        ext = table.get(ref)
        if ext == None:
            fail("unresolved extern %s" % ref)
        resolved.append("--extern=%s@0x%x:%d" % (ref, ext.base, ext.size))
    return resolved

def _program_target(name, refs, table):
    genrule(
        name = name,
        srcs = ["p4src/%s.p4" % name],
        out = name + ".tofino.bin",
        cmd = " ".join(["p4c-tofino", "-o $OUT"] + _resolve(table, refs) + ["$SRCS"]),
    )
    return ":" + name

def p4_program_set(name, programs, pipes = 4, stages = 12):
    # Resolve against the device map once; every program only looks entries up.
    table = extern_table(pipes, stages)
    outs = [_program_target(prog, refs, table) for prog, refs in programs.items()]
    filegroup(name = name, srcs = outs)
