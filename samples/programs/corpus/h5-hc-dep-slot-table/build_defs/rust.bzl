load("//build_defs:deps.bzl", "dedupe_deps")

_EDITION = "2021"

def _rustc_flags(crate_name, features):
    return ["--cfg=feature=\"%s\"" % f for f in features] + ["-Cmetadata=%s" % crate_name]

def _rust_crate_impl(name, srcs, deps, proc_macro_deps, features):
    all_deps = dedupe_deps(deps + proc_macro_deps)
    rust_library(
        name = name,
        srcs = srcs,
        crate = name.replace("-", "_"),
        edition = _EDITION,
        deps = all_deps,
        rustc_flags = _rustc_flags(name, features),
        features = features,
    )

def rust_crate(name, srcs = None, deps = [], proc_macro_deps = [], features = []):
    if srcs == None:
        srcs = ["src/lib.rs"]
    _rust_crate_impl(name, srcs, deps, proc_macro_deps, features)
