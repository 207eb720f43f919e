# Generated targets: a description per target, then the declaration.

def describe_target(i):
    name = "gen_{}".format(i)
    return struct(
        name = name,
        srcs = ["{}/{}.c".format(name, part) for part in ["a", "b", "c", "d", "e", "f", "g", "h"]],
        flags = ["-DGEN_{}_{}".format(i, k) for k in range(6)],
    )

def declare(t):
    cxx_library(name = t.name, srcs = t.srcs, compiler_flags = t.flags)
