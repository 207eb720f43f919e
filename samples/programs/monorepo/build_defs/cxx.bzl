# The company's C++ macros: library() wraps cxx_library through several layers of defaults.
load("//build_defs:common.bzl", "expand_deps", "header_files", "label_set", "normalize_name")

DEFAULT_FLAGS = ["-Wall", "-Werror", "-std=c++20"]
SANITIZERS = ["address", "undefined"]
PLATFORMS = ["linux-x86_64", "linux-aarch64", "macos-arm64"]

def _finalize(attrs, dep_depth):
    attrs["deps"] = expand_deps(attrs["deps"], dep_depth)
    attrs["exported_headers"] = header_files(attrs["srcs"])
    cxx_library(**attrs)

def _apply_visibility(attrs, dep_depth):
    attrs["visibility"] = attrs.get("visibility", ["PUBLIC"])
    _finalize(attrs, dep_depth)

def _apply_labels(attrs, dep_depth):
    attrs["labels"] = list(label_set(attrs.get("labels", []) + ["lang:cxx"]).keys())
    _apply_visibility(attrs, dep_depth)

def _apply_platforms(attrs, dep_depth):
    attrs["platform_compiler_flags"] = [(p, ["-DPLATFORM=" + p]) for p in PLATFORMS]
    _apply_labels(attrs, dep_depth)

def _apply_sanitizers(attrs, dep_depth):
    attrs["compiler_flags"] = attrs["compiler_flags"] + ["-fsanitize=" + s for s in SANITIZERS]
    _apply_platforms(attrs, dep_depth)

def _apply_defaults(attrs, dep_depth):
    attrs["compiler_flags"] = DEFAULT_FLAGS + attrs.get("compiler_flags", [])
    _apply_sanitizers(attrs, dep_depth)

def library(name, srcs, deps = [], dep_depth = 4, **kwargs):
    attrs = dict(kwargs)
    attrs["name"] = normalize_name(name)
    attrs["srcs"] = srcs
    attrs["deps"] = deps
    _apply_defaults(attrs, dep_depth)

def binary(name, srcs, deps = []):
    cxx_binary(name = normalize_name(name), srcs = srcs, deps = deps)
