load("//build_defs:collect.bzl", "collect_sources")

def python_tree(name, dirs, per_dir = 60):
    python_library(
        name = name,
        srcs = collect_sources(dirs, per_dir),
        visibility = ["PUBLIC"],
    )
