load("//build_defs:names.bzl", "VALID_SET", "closest")

def _require(name, candidates):
    if name not in VALID_SET:
        fail("no target %s; closest: %s" % (name, ", ".join(candidates)))
    return name

def alias_all(prefix, names):
    for n in names:
        t = _require(n, closest(n))
        filegroup(name = prefix + n, srcs = [":" + t])
