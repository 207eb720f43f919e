# The company's Python macros. Note: library() has the same name as cxx.bzl's.
load("//build_defs:common.bzl", "normalize_name")

def library(name, srcs, deps = []):
    python_library(
        name = normalize_name(name),
        srcs = srcs,
        deps = deps,
        labels = list(map(lambda s: "module:" + s.removesuffix(".py").replace("/", "."), srcs)),
    )
