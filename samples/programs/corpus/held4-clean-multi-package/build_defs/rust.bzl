_EDITION = "2021"

def _lint_flags(level):
    return ["-W{}={}".format(lint, level) for lint in ["unused", "dead_code", "missing_docs", "unsafe_code"]]

def _crate(name, pkg, idx, flags):
    rust_library(
        name = name,
        srcs = ["{}/src/{}/mod_{}.rs".format(pkg, name, k) for k in range(12)],
        edition = _EDITION,
        rustc_flags = flags + ["--cfg=crate_index=\"{}\"".format(idx)],
        deps = ["//libs/common:base"],
    )

def rust_crates(prefix, count, lint_level = "warn"):
    pkg = package_name()
    flags = _lint_flags(lint_level)
    for idx in range(count):
        _crate("{}_{}".format(prefix, idx), pkg, idx, flags)
