load("//defs:bloom.bzl", "seen_filter")

def java_group(name, deps, visibility = ["PUBLIC"]):
    java_library(
        name = name,
        deps = seen_filter(deps),
        visibility = visibility,
    )
