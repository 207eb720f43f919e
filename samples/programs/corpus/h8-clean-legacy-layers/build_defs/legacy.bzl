load("//build_defs:engine.bzl", "engine_module")

PLATS = ("win64", "linux", "ps5", "xsx", "switch")

def legacy_module(name, srcs, deps = [], plats = PLATS, **kw):
    for p in plats:
        engine_module(name, p, srcs, deps = deps, **kw)
