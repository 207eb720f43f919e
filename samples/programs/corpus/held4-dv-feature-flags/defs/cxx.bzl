load("//defs:features.bzl", "feature_defines")

def _library(spec):
    cxx_library(
        name = spec["name"],
        srcs = spec["srcs"],
        compiler_flags = feature_defines(spec["tags"]),
    )

def feature_libraries(specs):
    for spec in specs:
        _library(spec)
