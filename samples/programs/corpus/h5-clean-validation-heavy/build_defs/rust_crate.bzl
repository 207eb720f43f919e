load("//build_defs:validate.bzl", "validate_crate")

def _crate_rustc_flags(name, features):
    flags = ["--cfg=feature=\"%s\"" % f for f in features]
    flags.append("-Cmetadata=%s" % name)
    return flags

def checked_rust_crate(name, srcs, deps = [], features = [], edition = "2021", visibility = ["PUBLIC"]):
    validate_crate(name, srcs, deps, features, edition)
    rust_library(
        name = name,
        srcs = srcs,
        crate_root = srcs[0],
        deps = deps,
        features = features,
        edition = edition,
        rustc_flags = _crate_rustc_flags(name, features),
        visibility = visibility,
    )
