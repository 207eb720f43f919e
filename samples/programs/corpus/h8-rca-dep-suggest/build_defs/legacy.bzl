load("//build_defs:known.bzl", "KNOWN_SET", "suggest")

def _dep_ok(d, hint):
    if d in KNOWN_SET:
        return True
    fail("unknown dep '%s' (did you mean %s?)" % (d, " or ".join(hint)))

def _deps(ds):
    return ["//libs:" + d for d in ds if _dep_ok(d, suggest(d))]

def legacy_module(name, srcs, deps = [], **kw):
    cxx_library(name = name, srcs = srcs, exported_deps = _deps(deps), **kw)

def legacy_app(name, mods):
    for m, ds in mods:
        legacy_module(name = "%s_%s" % (name, m), srcs = ["%s/%s.cpp" % (name, m)], deps = ds)
    cxx_binary(name = name, deps = [":%s_%s" % (name, m) for m, _ in mods])
